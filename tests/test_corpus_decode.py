"""Encodings: every supported one reads a seed to the same articles; everything else is a clear error."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from kg.corpus import read_articles
from kg.corpus.decode import decode_page
from kg.errors import InputError

SEED = "002_a6d616cd7f86b238.txt"


@pytest.fixture(scope="module")
def seed_text(seeds_dir: Path) -> str:
    return (seeds_dir / SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_texts(seeds_dir: Path) -> list[str]:
    return [article.text for article in read_articles([seeds_dir / SEED]).articles]


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("gb18030", lambda text: text.encode("gb18030")),
        ("gbk", lambda text: text.encode("gbk")),
        ("utf16", lambda text: text.encode("utf-16")),  # with BOM, native order
        ("utf16be", lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
        ("utf8bom", lambda text: codecs.BOM_UTF8 + text.encode("utf-8")),
        ("crlf", lambda text: text.replace("\n", "\r\n").encode("utf-8")),
        ("cr", lambda text: text.replace("\n", "\r").encode("utf-8")),
    ],
)
def test_a_copy_in_another_encoding_reads_to_the_same_articles(
    tmp_path: Path, seed_text: str, seed_texts: list[str], name: str, encode
) -> None:
    copy = tmp_path / f"{name}.txt"
    copy.write_bytes(encode(seed_text))
    articles = read_articles([copy]).articles
    assert [article.text for article in articles] == seed_texts
    assert len(articles) == 11


def test_encodings_are_named() -> None:
    assert decode_page("本报讯".encode("gb18030"))[1] == "gb18030"
    assert decode_page(codecs.BOM_UTF8 + "本报讯".encode())[1] == "utf-8-bom"
    assert decode_page("本报讯".encode("utf-16"))[1].startswith("utf-16")


def test_traditional_chinese_in_gbk_is_accepted() -> None:
    text = "繁體中文測試，這是一個頁面。政府會議於今日舉行，市長發表講話。"
    assert decode_page(text.encode("gbk"))[0] == text


def test_invalid_utf8_in_the_middle_names_the_byte_offset(tmp_path: Path, seed_text: str) -> None:
    data = seed_text.encode("utf-8")
    middle = data.index("主题党日".encode())  # a character boundary halfway down the page
    broken = tmp_path / "broken.txt"
    broken.write_bytes(data[:middle] + b"\xff" + data[middle:])
    with pytest.raises(InputError) as caught:
        read_articles([broken])
    message = str(caught.value)
    assert str(broken) in message
    assert f"offset {middle}" in message and "0xff" in message
    assert "\n" not in message


def test_a_damaged_utf8_lead_byte_is_not_misread_as_gb18030(tmp_path: Path, seed_text: str) -> None:
    data = seed_text.encode("utf-8")
    middle = data.index("主题党日".encode())
    # 0xE4 followed by ASCII would be a valid GB18030 pair: the UTF-8 before it decides.
    with pytest.raises(InputError, match=f"offset {middle}"):
        decode_page(data[:middle] + b"\xe4a" + data[middle:])


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL byte at offset 8"),
        (bytes(range(1, 32)) * 20, "binary"),
        ("Café déjà vu, naïve résumé.".encode("latin-1"), "not UTF-8, GB18030 or UTF-16 text: undecodable byte 0xe9"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "despite its byte-order mark"),
    ],
)
def test_not_text_is_refused_with_one_line(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_page(data)
    assert problem in str(caught.value)
    assert "\n" not in str(caught.value)


def test_binary_file_error_names_the_file(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"GIF89a\x01\x00\x01\x00\x00\xff\x00,")
    with pytest.raises(InputError, match=r"image\.txt: looks like binary data, not text \(NUL byte at offset 7\)"):
        read_articles([binary])
