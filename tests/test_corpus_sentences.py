"""split_sentences on real sentences from the seeds."""

from __future__ import annotations

from kg.corpus import split_sentences


def pieces(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_splits_at_chinese_full_stops() -> None:
    text = "乔耸一行听取了汇报,并给予肯定。下一步,要再接再厉、团结合作,共同把工作做实做好。"
    assert pieces(text) == ["乔耸一行听取了汇报,并给予肯定。", "下一步,要再接再厉、团结合作,共同把工作做实做好。"]


def test_quoted_speech_stays_whole_and_takes_its_closing_quote() -> None:
    text = (
        "“多亏你们帮助,解决了我们的烦心事、揪心事,提升了我们的幸福指数!”4月9日上午,在中原区颍河路166—171号院,"
        "居民对志愿者们赞不绝口。"
    )
    assert pieces(text) == [
        "“多亏你们帮助,解决了我们的烦心事、揪心事,提升了我们的幸福指数!”",
        "4月9日上午,在中原区颍河路166—171号院,居民对志愿者们赞不绝口。",
    ]


def test_never_splits_inside_quotes_or_brackets() -> None:
    text = (
        "苏师傅党员志愿服务队蔡杰介绍说:“今年是爱国卫生运动70周年,4月是全国第34个爱国卫生月。"
        "我们希望用文明健康的小环境,筑牢防线。”"
    )
    assert pieces(text) == [text]
    text = "会议宣读了《中原区政务服务“好差评”工作制度(试行)。》和通知。"
    assert pieces(text) == [text]


def test_semicolons_and_ellipses_end_sentences() -> None:
    text = "要积极对接构建六要素数据库;要进一步织密组织架构。开箱、封箱、开管、封管……志愿者们有条不紊。"
    assert pieces(text) == [
        "要积极对接构建六要素数据库;",
        "要进一步织密组织架构。",
        "开箱、封箱、开管、封管……",
        "志愿者们有条不紊。",
    ]


def test_unmatched_quote_does_not_swallow_the_paragraph() -> None:
    text = "他说“好的。然后离开了。第二天又来了。"
    assert pieces(text) == ["他说“好的。", "然后离开了。", "第二天又来了。"]


def test_numbers_and_abbreviations_keep_their_dots() -> None:
    text = "PM2.5专家组成员通报了情况。接种11.8万余剂次。Mr. Smith arrived. He spoke!"
    assert pieces(text) == ["PM2.5专家组成员通报了情况。", "接种11.8万余剂次。", "Mr. Smith arrived.", "He spoke!"]


def test_offset_shifts_spans_and_whitespace_is_trimmed() -> None:
    text = "  标题  \n第一句。 第二句！"
    spans = split_sentences(text, offset=100)
    assert [(start - 100, end - 100) for start, end in spans] == [(2, 4), (7, 11), (12, 16)]
    assert [text[start - 100 : end - 100] for start, end in spans] == ["标题", "第一句。", "第二句！"]


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n ") == []
