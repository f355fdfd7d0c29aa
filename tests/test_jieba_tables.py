"""jieba's tables as kg reads them: cached between runs, and the same as jieba's own."""

from __future__ import annotations

import marshal
from pathlib import Path

import jieba
import pytest

from kg.extract.lexicon import _read_word_tags, cache_dir, cached_table, jieba_dictionary, word_tags
from kg.ner.features import _dictionary_marks, _tokenizer

# From seeds/000_1221b1dd961f49e8.txt: places, bodies and officials' names.
SENTENCE = (
    "本报讯 4月8日上午,郑州市人大常委会主任胡荃陪同开封市人大常委会主任阎红心等一行,来到惠济区黄河滩地公园,"
    "考察黄河流域生态保护和高质量发展核心示范区起步区建设工作,并就加快推进郑开一体化发展开展调研。"
)


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "kg"


def test_a_table_is_derived_once_then_read_from_the_cache(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("黄河 ns\n", encoding="utf-8")
    calls: list[int] = []

    def derive() -> dict[str, str]:
        calls.append(1)
        return {"黄河": "ns"}

    assert cached_table("test-table", source, derive) == {"黄河": "ns"}
    assert cached_table("test-table", source, derive) == {"黄河": "ns"}
    assert len(calls) == 1
    assert cache_dir() == cache_home
    assert (cache_home / "test-table.marshal").is_file()


def test_a_changed_source_or_a_broken_cache_is_derived_again(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("黄河 ns\n", encoding="utf-8")
    assert cached_table("test-table", source, lambda: {"黄河": "ns"}) == {"黄河": "ns"}
    source.write_text("黄河 ns\n郑州 ns\n", encoding="utf-8")  # another size
    assert cached_table("test-table", source, lambda: {"郑州": "ns"}) == {"郑州": "ns"}
    (cache_home / "test-table.marshal").write_bytes(b"\x00not marshal")
    assert cached_table("test-table", source, lambda: {"金水区": "ns"}) == {"金水区": "ns"}
    stored_key, table = marshal.loads((cache_home / "test-table.marshal").read_bytes())
    assert table == {"金水区": "ns"}
    assert stored_key[1] == source.stat().st_size


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # kg/ cannot be made inside a file
    source = tmp_path / "source.txt"
    source.write_text("黄河 ns\n", encoding="utf-8")
    assert cached_table("test-table", source, lambda: {"黄河": "ns"}) == {"黄河": "ns"}
    assert blocker.is_file()


def test_word_tags_are_jiebas_dictionary_tags() -> None:
    tags = word_tags()
    assert tags == _read_word_tags(jieba_dictionary())
    assert tags["黄河"] == "ns"
    assert tags["调研"] == "vn"


def test_the_private_tokenizer_segments_as_jieba_does() -> None:
    reference = jieba.Tokenizer()
    reference.initialize()
    assert _tokenizer().lcut(SENTENCE) == reference.lcut(SENTENCE)
    assert _tokenizer().total == reference.total


def test_dictionary_names_are_marked_where_they_start_go_on_and_end() -> None:
    marks = _dictionary_marks(SENTENCE)
    start = SENTENCE.index("黄河")
    assert "Jns[" in marks[start]
    assert "Jns]" in marks[start + 1]
    assert not [mark for mark in marks[0] if mark[0] == "J" and mark[-1] in "[~]"]  # 本 starts no name
