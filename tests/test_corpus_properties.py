"""Property tests: any text at all is read without crashing, into consistent offsets."""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.corpus import articles_from_text, split_sentences
from kg.corpus.decode import decode_page
from kg.errors import InputError

# Text built from the pieces that steer the reader, so that examples hit its rules, plus any
# character at all.
PIECES = [
    "本报讯",
    "本报讯(记者 张三 通讯员 李四)",
    "记者 简洋",
    "通讯员 刘向辉 文/图",
    "# ",
    "## ",
    "郑州市人",
    "大常委会副主任蔡红",
    "主题党日里的疫情防控“应急考”",
    "。",
    "！",
    "；",
    "……",
    "“",
    "”",
    "《",
    "》",
    "(",
    ")",
    ",",
    "\n",
    "\n\n",
    "\r\n",
    "  \n",
    " ",
    "\u3000",
    "\u200b",
    "\x00",
    "<p>",
    "一、",
    "Mr. ",
    "end. Next",
]
page_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)


def check_article_offsets(text: str) -> None:
    for position, article in enumerate(articles_from_text(text, "p.txt")):
        assert article.position == position
        assert article.content_hash == hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        assert article.id == f"p-{position}-{article.content_hash[:8]}"
        blocks = [article.text[span.start : span.end] for span in article.paragraphs]
        assert "\n".join(blocks) == article.text
        assert all(block and block == block.strip() and "\n" not in block for block in blocks)
        assert article.headline == (blocks[0] if article.paragraphs[0].kind == "headline" else "")
        previous_end = 0
        for index, sentence in enumerate(article.sentences):
            assert sentence.index == index
            assert previous_end <= sentence.start < sentence.end
            assert article.text[sentence.start : sentence.end] == sentence.text
            span = article.paragraphs[sentence.paragraph]
            assert span.start <= sentence.start and sentence.end <= span.end
            previous_end = sentence.end
        # Sentences cover every non-space character of every paragraph.
        covered = sum(len(s.text.replace(" ", "")) for s in article.sentences)
        assert covered == sum(len(block.replace(" ", "")) for block in blocks)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_text)
def test_any_page_text_reads_into_consistent_articles(text: str) -> None:
    check_article_offsets(text)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_any_unicode_text_reads_into_consistent_articles(text: str) -> None:
    check_article_offsets(text)


@settings(max_examples=150, deadline=None)
@given(page_text, st.integers(min_value=0, max_value=50))
def test_sentence_spans_are_ordered_trimmed_and_offset(text: str, offset: int) -> None:
    spans = split_sentences(text, offset)
    end = offset
    for start, stop in spans:
        assert end <= start < stop <= offset + len(text)
        piece = text[start - offset : stop - offset]
        assert piece == piece.strip()
        end = stop
    # Nothing but white space is left out.
    kept = "".join(text[start - offset : stop - offset] for start, stop in spans)
    assert "".join(kept.split()) == "".join(text.split())


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_raise_a_one_line_input_error(data: bytes) -> None:
    try:
        text, encoding = decode_page(data)
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(text, str) and encoding
        check_article_offsets(text)
