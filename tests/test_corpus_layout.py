"""Line-level rules on real excerpts from the seeds, and page layouts the seeds do not show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.corpus import articles_from_text
from kg.corpus.bylines import parse_byline, parse_dateline, split_trailing_byline
from kg.corpus.lines import classify_lines, join_broken, wrap_width
from kg.corpus.normalise import normalise_text


def headlines(text: str) -> list[str]:
    return [article.headline for article in articles_from_text(text, "page.txt")]


# --- bylines and datelines ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reporters", "correspondents"),
    [
        ("记者 张改华 通讯员 吕杨子", ["张改华"], ["吕杨子"]),
        ("记者 简洋 通讯员 刘向辉 郭海蓓 文/图", ["简洋"], ["刘向辉", "郭海蓓"]),
        ("本报记者 党贺喜 通讯员 申航 文图", ["党贺喜"], ["申航"]),
        ("记者 孙庆辉 高新时报 方宝岭 文/图", ["孙庆辉", "方宝岭"], []),
        ("记者张改华", ["张改华"], []),
        ("记者 张三 李四、王五 摄", ["张三", "李四", "王五"], []),
        ("责任编辑：王五 校对：赵六", [], []),
    ],
)
def test_bylines(line: str, reporters: list[str], correspondents: list[str]) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.reporters, byline.correspondents) == (reporters, correspondents)


@pytest.mark.parametrize(
    "line",
    [
        "记者了解到",
        "记者昨日从二七区获悉",
        "记者",
        "张三 摄",
        "郑州市人大常委会副主任蔡红",
        "通讯员 记者 张三",
        "记者走基层",
    ],
)
def test_running_text_is_not_a_byline(line: str) -> None:
    assert parse_byline(line) is None


def test_byline_after_the_last_sentence_on_the_same_line() -> None:
    line = "共同为落实国家黄河战略,加快实现生态融合和一体发展做出更大贡献。记者 简洋"
    split = split_trailing_byline(line)
    assert split is not None
    assert split[0] == "共同为落实国家黄河战略,加快实现生态融合和一体发展做出更大贡献。"
    assert split[1].reporters == ["简洋"]
    assert split_trailing_byline("统筹推进各项工作。记者了解到") is None
    assert split_trailing_byline("统筹推进各项工作。记者走访发现") is None
    glued = split_trailing_byline("做出更大贡献。记者简洋")
    assert glued is not None and glued[0] == "做出更大贡献。" and glued[1].reporters == ["简洋"]


def test_datelines() -> None:
    plain = parse_dateline("本报讯(记者 刘伟平 通讯员 张帅)记者昨日从二七区获悉")
    assert plain is not None and plain.plain
    assert plain.byline is not None and plain.byline.reporters == ["刘伟平"]
    assert "本报讯(记者 刘伟平 通讯员 张帅)记者昨日从二七区获悉"[plain.end :] == "记者昨日从二七区获悉"
    dated = parse_dateline("新华社郑州4月8日电 今天上午")
    assert dated is not None and not dated.plain
    assert parse_dateline("本报记者 张三") is None
    assert parse_dateline("本报讯 4月8日上午,郑州市人大") is not None


def test_a_dateline_with_place_and_date_stays_in_the_text() -> None:
    (article,) = articles_from_text("标题\n\n本报北京4月8日电(记者 王五)今天,会议召开。\n", "p.txt")
    assert article.text == "标题\n本报北京4月8日电 今天,会议召开。"
    assert article.reporters == ["王五"]


# --- normalisation and line repair ---------------------------------------------------------


def test_normalisation_of_spaces_and_invisible_characters() -> None:
    raw = "郑州\u200b市\u00a0人大\u3000常委会\r\n主任\x07胡荃,\r副主任蔡红。"
    assert normalise_text(raw) == "郑州市 人大 常委会\n主任 胡荃,\n副主任蔡红。"


def test_full_width_digits_and_letters_become_ascii_but_punctuation_stays() -> None:
    assert (
        normalise_text("２０２１年４月８日，ＰＭ２.５浓度下降。“好”（如图）")
        == "2021年4月8日，PM2.5浓度下降。“好”（如图）"
    )


def test_a_long_run_of_short_lines_at_the_top_gives_the_page_title() -> None:
    page = (
        "区县新闻\n\n学“长霞” 铸初心\n\n惠济区党史学习教育领导小组办公室参观学习\n\n——记一次现场教学\n\n"
        "本报讯 4月13日上午,党员参观学习。\n"
    )
    (article,) = articles_from_text(page, "p.txt")
    assert article.page_title == "区县新闻"
    assert (article.headline, article.subtitle) == (
        "惠济区党史学习教育领导小组办公室参观学习",
        "学“长霞” 铸初心 ——记一次现场教学",
    )


def test_join_broken_lines() -> None:
    assert join_broken("郑州市人", "大常委会副主任蔡红") == "郑州市人大常委会副主任蔡红"
    assert join_broken("奋力夺取2020", "年全面胜利") == "奋力夺取2020年全面胜利"
    assert join_broken("奋力夺取20", "20年全面胜利") == "奋力夺取2020年全面胜利"  # digits in Chinese: no space
    assert join_broken("Mayor John Smith said the plan", "would fund new parks.") == (
        "Mayor John Smith said the plan would fund new parks."
    )


def test_seed_excerpt_broken_across_blank_lines() -> None:
    page = (
        "开封市人大到惠济区考察\n\n本报讯 4月8日上午,郑州市人大常委会主任胡荃陪同开封市人大常委会主任阎红心等一行,"
        "来到惠济区黄河滩地公园。郑州市人\n\n大常委会副主任蔡红,惠济区委副书记、区长丁文霞,"
        "区人大常委会副主任刘满仓等一同考察并介绍情况。\n\n开封市人大考察团实地察看了黄河滩地公园南头景观。记者 简洋\n"
    )
    (article,) = articles_from_text(page, "p.txt")
    assert [article.text[s.start : s.end] for s in article.paragraphs] == [
        "开封市人大到惠济区考察",
        "4月8日上午,郑州市人大常委会主任胡荃陪同开封市人大常委会主任阎红心等一行,来到惠济区黄河滩地公园。"
        "郑州市人大常委会副主任蔡红,惠济区委副书记、区长丁文霞,区人大常委会副主任刘满仓等一同考察并介绍情况。",
        "开封市人大考察团实地察看了黄河滩地公园南头景观。",
    ]
    assert article.reporters == ["简洋"]


def test_line_kinds_of_a_seed_excerpt() -> None:
    page = (
        "齐谋划片区新发展 共助力产业开新局\n\n中原区政协组织核心片区建设专题视察\n\n"
        "本报讯 9月4日,中原区政协对二砂文化创意园核心片区进行视察。\n\n记者 张改华 通讯员 张黎\n"
    )
    assert [line.kind for line in classify_lines(page)] == ["candidate", "candidate", "lead", "byline"]


# --- layouts beyond the seeds --------------------------------------------------------------


def test_a_page_with_no_headline_and_no_dateline_is_one_article() -> None:
    page = (
        "开封市人大考察团对惠济区工作给予了充分肯定。\n\n"
        "加强两地沿黄区域联系沟通和工作互动,共同为落实国家黄河战略做出更大贡献。\n"
    )
    (article,) = articles_from_text(page, "p.txt")
    assert article.headline == "" and article.subtitle is None
    assert [span.kind for span in article.paragraphs] == ["lead", "body"]


def test_a_byline_between_headline_and_body() -> None:
    page = (
        "惠济区召开党史学习教育推进会\n本报记者 张三 通讯员 李四\n4月8日,惠济区召开党史学习教育推进会。\n\n"
        "会议要求,要提高认识。\n\n二七区开展植树活动\n本报记者 王五\n3月12日,二七区开展植树活动。\n"
    )
    articles = articles_from_text(page, "p.txt")
    assert [(a.headline, a.reporters, a.correspondents) for a in articles] == [
        ("惠济区召开党史学习教育推进会", ["张三"], ["李四"]),
        ("二七区开展植树活动", ["王五"], []),
    ]


def test_enumerated_subheads_stay_in_their_article_as_paragraphs() -> None:
    page = (
        "惠济区全力优化营商环境\n\n本报讯(记者 刘伟平)连日来,惠济区推行项目服务机制。\n\n"
        "一、强化组织领导\n\n成立专班,明确责任。\n\n以民生为先\n\n修缮危房108座。\n"
    )
    (article,) = articles_from_text(page, "p.txt")
    paragraphs = [article.text[s.start : s.end] for s in article.paragraphs]
    assert paragraphs[2:] == ["一、强化组织领导", "成立专班,明确责任。", "以民生为先", "修缮危房108座。"]


def test_page_staff_footer_is_dropped() -> None:
    page = "惠济区召开会议\n\n本报讯 4月8日,惠济区召开会议。\n\n记者 简洋\n\n责任编辑：王五 校对：赵六\n"
    (article,) = articles_from_text(page, "p.txt")
    assert "王五" not in article.text and article.reporters == ["简洋"]


def test_html_is_stripped_to_its_text() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>郑州日报</title><style>p{color:red}</style></head><body>"
        "<h1>惠济区召开会议</h1><p>本报讯 4月8日上午,惠济区召开\n会议。区长丁文霞出席。</p>"
        "<p>会议强调,要加强学习。</p><p>记者 简洋</p>"
        "<h1>第二篇文章</h1><p>本报讯 近日,活动举行&#12290;&nbsp;记者 张三</p>"
        "</body></html>"
    )
    articles = articles_from_text(page, "p.html.txt")
    assert [(a.headline, a.reporters) for a in articles] == [("惠济区召开会议", ["简洋"]), ("第二篇文章", ["张三"])]
    assert articles[0].text == "惠济区召开会议\n4月8日上午,惠济区召开会议。区长丁文霞出席。\n会议强调,要加强学习。"
    assert "color" not in articles[0].text and "郑州日报" not in articles[0].text


def test_an_english_page() -> None:
    page = (
        "City Council Approves New Budget\n\nThe city council approved the 2021 budget on Monday. Mayor John Smith"
        " said the plan\nwould fund new parks.\n\nCouncil members voted 7 to 2.\n\nRiver Cleanup Draws Hundreds\n\n"
        "More than 300 volunteers joined the annual river cleanup on Saturday.\n"
    )
    articles = articles_from_text(page, "en.txt")
    assert [a.headline for a in articles] == ["City Council Approves New Budget", "River Cleanup Draws Hundreds"]
    assert "said the plan would fund new parks." in articles[0].text
    assert [s.text for s in articles[0].sentences][1:3] == [
        "The city council approved the 2021 budget on Monday.",
        "Mayor John Smith said the plan would fund new parks.",
    ]


def test_markdown_headings_and_hard_breaks() -> None:
    page = "# 版面标题\n\n## 第一篇\n\n引题一行,  \n引题二行\n\n本报讯 正文一。\n\n## 第二篇 ##\n\n正文二。记者 张三\n"
    articles = articles_from_text(page, "md.txt")
    assert [(a.page_title, a.headline, a.subtitle) for a in articles] == [
        ("版面标题", "第一篇", "引题一行,引题二行"),
        ("版面标题", "第二篇", None),
    ]


def test_a_hard_wrapped_page_is_repaired(seeds_dir: Path) -> None:
    """Every paragraph of a seed cut at 24 characters a line gives the same articles and sentences."""
    seed = (seeds_dir / "003_2b110ad91f95fb21.txt").read_text(encoding="utf-8")
    original = articles_from_text(seed, "p.txt")
    wrapped_lines = []
    for line in seed.split("\n"):
        line = line.strip()
        split = split_trailing_byline(line)
        tail = line[len(split[0]) :].strip() if split else ""
        body = split[0] if split else line
        if len(body) > 30:
            wrapped_lines.extend(body[start : start + 24] for start in range(0, len(body), 24))
        elif body:
            wrapped_lines.append(body)
        if tail:
            wrapped_lines.append(tail)
    wrapped = "\n".join(wrapped_lines)
    assert wrap_width(wrapped.split("\n")) == pytest.approx(24, abs=1)
    articles = articles_from_text(wrapped, "p.txt")
    assert [a.headline for a in articles] == [a.headline for a in original]
    assert [[s.text for s in a.sentences] for a in articles] == [[s.text for s in a.sentences] for a in original]


def test_free_text_pages_have_no_wrap_width(seeds_dir: Path) -> None:
    for seed in sorted(seeds_dir.glob("*.txt")):
        assert wrap_width([line for line in seed.read_text(encoding="utf-8").split("\n") if line.strip()]) is None


def test_headline_only_and_title_only_pages() -> None:
    assert headlines("只有一个标题") == ["只有一个标题"]
    assert headlines("\n\n   \n") == []


def test_media_prefixed_roles_unbracketed_lead_bylines_and_page_headers() -> None:
    page = (
        "2021年4月14日 星期三 第07版 区县新闻\n\n惠济区召开会议\n\n"
        "本报讯 郑报融媒记者 张三 通讯员 李四 4月8日,惠济区召开会议。\n\n"
        "郑州日报 A07版\n\n二七区开展植树活动\n\n"
        "本报讯(郑报融媒记者 王五)3月12日,二七区开展植树活动。\n\n（编辑 赵六）\n"
    )
    articles = articles_from_text(page, "p.txt")
    assert [(a.headline, a.reporters, a.correspondents, a.text) for a in articles] == [
        ("惠济区召开会议", ["张三"], ["李四"], "惠济区召开会议\n4月8日,惠济区召开会议。"),
        ("二七区开展植树活动", ["王五"], [], "二七区开展植树活动\n3月12日,二七区开展植树活动。"),
    ]


@pytest.mark.parametrize(
    ("line", "headline", "subtitle"),
    [
        (
            "全市“八大群体”母亲河畔健步走 庆建党100周年 奋进黄河战略新征程",
            "全市“八大群体”母亲河畔健步走",
            "庆建党100周年 奋进黄河战略新征程",
        ),
        (
            "“全城清洁”助力创文 中原区纪委监委开展党员志愿服务活动",
            "中原区纪委监委开展党员志愿服务活动",
            "“全城清洁”助力创文",
        ),
        ("关心群众身边事 主动服务解民忧", "关心群众身边事 主动服务解民忧", None),
        (
            "全景展现“绿水青山就是金山银山”发展理念 中原区“生态中原”摄影展开幕",
            "中原区“生态中原”摄影展开幕",
            "全景展现“绿水青山就是金山银山”发展理念",
        ),
        ("推进社区治理创新 打造美好生活家园", None, None),
        ("City Council Approves New Budget", None, None),
    ],
)
def test_one_line_holding_title_and_subtitle(line: str, headline: str | None, subtitle: str | None) -> None:
    (article,) = articles_from_text(f"{line}\n\n本报讯 正文。\n", "p.txt")
    assert (article.headline, article.subtitle) == (headline or line, subtitle)


def test_a_question_headline_right_above_a_dateline() -> None:
    page = (
        "惠济区召开会议\n\n本报讯 4月8日,惠济区召开会议。记者 简洋\n\n如何让群众少跑腿？\n\n"
        "本报讯 近日,二七区推行一窗通办。\n\n大家有条不紊地忙活起来了！\n\n"
        "加强疫情防控举措\n\n本报讯 近日,街道加强督导。\n"
    )
    articles = articles_from_text(page, "p.txt")
    assert [(a.headline, a.subtitle) for a in articles] == [
        ("惠济区召开会议", None),
        ("如何让群众少跑腿？", None),
        ("加强疫情防控举措", None),
    ]
    assert articles[1].text.endswith("近日,二七区推行一窗通办。\n大家有条不紊地忙活起来了！")


def test_trailing_spaces_outside_markdown_and_decimal_points_cut_by_a_break() -> None:
    page = (
        "学“长霞” 铸初心\u3000\u3000\n惠济区党史学习教育领导小组办公室赴任长霞先进事迹陈列馆参观学习  \n"
        "本报讯 4月13日上午,PM2.\n5专家组成员到场。  \n记者 简洋\n"
    )
    (article,) = articles_from_text(page, "p.txt")
    assert (article.headline, article.subtitle) == (
        "惠济区党史学习教育领导小组办公室赴任长霞先进事迹陈列馆参观学习",
        "学“长霞” 铸初心",
    )
    assert article.text.endswith("\n4月13日上午,PM2.5专家组成员到场。")
    assert article.reporters == ["简洋"]


def test_the_markdown_seed_without_its_markdown_still_splits_into_its_articles(seeds_dir: Path) -> None:
    """Plain text: a two-line subtitle cut after a comma, and an article with neither dateline
    nor byline that is kept because its first paragraph opens like a lead (11月4日一大早)."""
    page = re.sub(r"(?m)^#+ ", "", (seeds_dir / "004_4991a681cbad826b.txt").read_text(encoding="utf-8"))
    articles = articles_from_text(page, "p.txt")
    assert [(a.headline, a.subtitle) for a in articles][1:] == [
        ("高新区召开深化“放管服”改革提升网上政务服务能力推进会", None),
        ("高新区召开环境污染防治工作会议", "尽职责,严分工,全力改善全区空气质量"),
        ("解决群众最急最忧最盼的问题", "到一线去!"),
        ("省委巡视督导组指导主题教育开展情况", None),
    ]
    # Without its Markdown the page title cannot be told from the first headline.
    assert articles[0].headline == "高新区主题教育要树标杆走前头敢担当"
    assert articles[0].subtitle == "高新区开展主题教育观摩交流活动"


def test_bullet_marks_before_a_dateline_or_a_byline() -> None:
    (article,) = articles_from_text(
        "惠济区召开会议\n\n□本报讯 4月8日,惠济区召开会议。\n\n■本报记者 张三 通讯员 李四\n", "p.txt"
    )
    assert (article.reporters, article.correspondents) == (["张三"], ["李四"])
    assert article.text == "惠济区召开会议\n4月8日,惠济区召开会议。"
