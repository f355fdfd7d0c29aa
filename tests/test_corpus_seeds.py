"""The five seed pages: exactly 35 articles, every headline, bylines, repaired text and offsets."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from kg.corpus import read_articles
from kg.model import Article

# (headline, subtitle) of every article, page by page, as printed on the seed pages.
EXPECTED: dict[str, list[tuple[str, str | None]]] = {
    "000_1221b1dd961f49e8": [
        ("开封市人大到惠济区考察黄河流域生态保护和高质量发展核心示范区起步区建设工作", "加强学习沟通 落实国家黄河战略"),
        ("郑州市政务办调研惠济区“一件事”政务服务改革推进情况", "促进政务效能全面提升 确保“一件事”改革落地开花"),
        ("全市“八大群体”母亲河畔健步走", "庆建党100周年 奋进黄河战略新征程"),
        ("惠济区党史学习教育领导小组办公室赴任长霞先进事迹陈列馆参观学习", "学“长霞” 铸初心"),
    ],
    "001_9e9a5bf4a5e2b228": [
        ("中原区委理论学习中心组召开2020年度第九次集体学习(扩大)会议", "集中收听收看全国抗击新冠肺炎疫情表彰大会"),
        ("中原区“生态中原”摄影展开幕", "全景展现“绿水青山就是金山银山”发展理念"),
        ("中原区领导调研贾鲁河片区推进情况", "围绕“服务”二字 把工作做实做好"),
        ("中原区纪委监委开展党员志愿服务活动", "“全城清洁”助力创文"),
        ("中原区政协组织核心片区建设专题视察", "齐谋划片区新发展 共助力产业开新局"),
        ("中原区召开网上政务服务能力提升工作推进会", "创新服务模式 拓展服务渠道"),
    ],
    "002_a6d616cd7f86b238": [
        ("二七区全力优化营商环境", "推行项目“五员”服务机制 为企业发展解忧助力赋能"),
        ("坚持常态化监督 抓好能力作风建设", "强能力 锻作风 优服务 促发展"),
        ("关心群众身边事 主动服务解民忧", None),
        ("“硬件”“软件”同推进 增强防灾减灾能力", "防灾减灾 安全你我"),
        ("践行垃圾分类 共创优美环境", None),
        ("疫苗“多跑路” 群众“少跑腿”", None),
        ("主题党日里的疫情防控“应急考”", None),
        ("加强疫情防控举措 落实到村到户到人", None),
        ("共谱抗疫“同心曲” 志愿服务显担当", None),
        ("招募社区“小主任” 参与建设美丽家园", None),
        ("春好植绿时", None),
    ],
    "003_2b110ad91f95fb21": [
        ("市委督查室调研经开区“三个一批”项目建设情况", None),
        ("经开区宣传部(文明办)开展文明城市创建实地督导", None),
        ("经开区领导调研党建引领网格化基层治理工作", None),
        ("经开区党工委第一巡察组巡察经济发展局进驻动员会召开", None),
        ("经开区党工委第一巡察组召开巡察财政局(审计局)党支部进驻动员会", None),
        ("城市精细化管理工作推进会召开", None),
        ("经开区党工委第三巡察组巡察开放办工作动员会召开", None),
        ("郑州经开发布(微信)被评选为“第一季度政务新媒体优秀账号”", None),
        ("经开区首次开展“互联网+全民义务植树”活动", None),
    ],
    "004_4991a681cbad826b": [
        ("高新区开展主题教育观摩交流活动", None),
        ("高新区召开深化“放管服”改革提升网上政务服务能力推进会", None),
        ("高新区召开环境污染防治工作会议", "尽职责,严分工,全力改善全区空气质量"),
        ("到一线去! 解决群众最急最忧最盼的问题", None),
        ("省委巡视督导组指导主题教育开展情况", None),
    ],
}


@pytest.fixture(scope="module")
def seed_articles(seeds_dir: Path) -> list[Article]:
    return read_articles([seeds_dir]).articles


def by_headline(articles: list[Article], headline: str) -> Article:
    return next(article for article in articles if article.headline == headline)


def test_the_seeds_hold_35_articles_4_6_11_9_5_in_file_order(seed_articles: list[Article]) -> None:
    counts = [sum(1 for a in seed_articles if Path(a.file).stem == stem) for stem in EXPECTED]
    assert counts == [4, 6, 11, 9, 5]
    assert len(seed_articles) == 35
    stems = [Path(a.file).stem for a in seed_articles]
    assert stems == sorted(stems)  # pages in sorted order, articles in page order
    assert [a.position for a in seed_articles if Path(a.file).stem.startswith("002")] == list(range(11))


def test_every_headline_and_subtitle(seed_articles: list[Article]) -> None:
    found = {stem: [(a.headline, a.subtitle) for a in seed_articles if Path(a.file).stem == stem] for stem in EXPECTED}
    assert found == EXPECTED


def test_the_markdown_page_title_heads_its_articles_but_is_not_one(seed_articles: list[Article]) -> None:
    page = [a for a in seed_articles if Path(a.file).stem.startswith("004")]
    assert {a.page_title for a in page} == {"高新区主题教育要树标杆走前头敢担当"}
    assert all(a.page_title is None for a in seed_articles if not Path(a.file).stem.startswith("004"))
    assert all("高新区主题教育要树标杆走前头敢担当" not in a.headline for a in seed_articles)


def test_ids_are_stem_position_and_content_hash(seed_articles: list[Article]) -> None:
    for article in seed_articles:
        digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        assert article.content_hash == digest
        assert article.id == f"{Path(article.file).stem}-{article.position}-{digest[:8]}"
    assert len({a.id for a in seed_articles}) == 35


def test_reading_twice_gives_the_same_ids(seeds_dir: Path, seed_articles: list[Article]) -> None:
    assert [a.id for a in read_articles([seeds_dir]).articles] == [a.id for a in seed_articles]


def test_reporters_and_correspondents_from_bylines_and_lead_brackets(seed_articles: list[Article]) -> None:
    # byline on its own two lines
    article = by_headline(seed_articles, "中原区“生态中原”摄影展开幕")
    assert (article.reporters, article.correspondents) == (["张改华"], ["张亮"])
    # byline glued to the last sentence
    article = by_headline(seed_articles, "开封市人大到惠济区考察黄河流域生态保护和高质量发展核心示范区起步区建设工作")
    assert (article.reporters, article.correspondents) == (["简洋"], [])
    # names in the lead's brackets, with a credit (文图)
    article = by_headline(seed_articles, "关心群众身边事 主动服务解民忧")
    assert (article.reporters, article.correspondents) == (["裴其娟"], ["薛文选", "王贤哲"])
    # a journalist credited by medium (高新时报 方宝岭)
    article = by_headline(seed_articles, "省委巡视督导组指导主题教育开展情况")
    assert article.reporters == ["孙庆辉", "方宝岭"]
    # no byline at all
    assert by_headline(seed_articles, "到一线去! 解决群众最急最忧最盼的问题").reporters == []


def test_bylines_and_datelines_are_not_in_the_text(seed_articles: list[Article]) -> None:
    for article in seed_articles:
        assert "本报讯" not in article.text
        assert not re.search(r"记者 \S+ (通讯员|文/图)", article.text)
        assert "(记者" not in article.text
    article = by_headline(seed_articles, "二七区全力优化营商环境")
    lead = article.paragraphs[2]
    assert lead.kind == "lead"
    assert article.text[lead.start : lead.end].startswith("记者昨日从二七区获悉,")


def test_paragraphs_printed_after_the_byline_stay_with_their_article(seed_articles: list[Article]) -> None:
    article = by_headline(seed_articles, "主题党日里的疫情防控“应急考”")
    assert article.reporters == ["党贺喜"] and article.correspondents == ["申航"]
    assert "8日下午3点,郑州幼儿师范高等专科学校一名新冠肺炎“确诊”者" in article.text
    # the two halves broken across a blank line, after the byline, are joined
    assert "杜岭街道率先在金水区各街道办开展疫情防控应急演练" in article.text
    # and the next headline was not glued to its unfinished last sentence
    assert article.text.endswith("从接收上级部门发布指令,")
    assert by_headline(seed_articles, "加强疫情防控举措 落实到村到户到人").paragraphs[1].kind == "lead"


def test_lines_broken_mid_word_are_joined(seed_articles: list[Article]) -> None:
    text = "\n".join(a.text for a in seed_articles)
    for joined in (
        "郑州市人大常委会副主任蔡红,惠济区委副书记、区长丁文霞",  # 郑州市人 / 大常委会
        "并通过听取讲解汇报和观看展板",  # 听取 / 讲解 across a blank line
        "以饱满的工作热情投入到改革工作中来",  # broken across three blank lines
        "不断增强“四个意识”、坚定“四个自信”",
        "推进速度较快、机制运行顺畅、工作成效较好",  # 顺 / 畅
        "采用多种方式提高群众对创建工作的知晓率",  # 创 / 建 across three blank lines
        "切实把惠济区党史教育做精做细、做深做实。",
        "种下海棠、桂花、樱花等各类树苗180株",
    ):
        assert joined in text


def test_real_paragraph_breaks_are_kept(seed_articles: list[Article]) -> None:
    article = by_headline(seed_articles, "中原区领导调研贾鲁河片区推进情况")
    paragraphs = [article.text[span.start : span.end] for span in article.paragraphs]
    assert [span.kind for span in article.paragraphs] == ["headline", "subtitle", "lead"] + ["body"] * 5
    assert paragraphs[3] == "乔耸一行听取了贾鲁河片区指挥部及金科集团相关工作推进情况的汇报,并给予肯定。"
    assert paragraphs[5].startswith("乔耸提出,")


def test_markdown_hard_break_joins_a_two_line_subtitle(seed_articles: list[Article]) -> None:
    article = by_headline(seed_articles, "高新区召开环境污染防治工作会议")
    assert [span.kind for span in article.paragraphs][:3] == ["headline", "subtitle", "lead"]
    assert article.text.split("\n")[1] == "尽职责,严分工,全力改善全区空气质量"


def test_offsets_slice_the_text(seed_articles: list[Article]) -> None:
    for article in seed_articles:
        blocks = [article.text[span.start : span.end] for span in article.paragraphs]
        assert "\n".join(blocks) == article.text
        assert article.paragraphs[0].kind == "headline"
        for index, sentence in enumerate(article.sentences):
            assert sentence.index == index
            assert article.text[sentence.start : sentence.end] == sentence.text
            span = article.paragraphs[sentence.paragraph]
            assert span.start <= sentence.start < sentence.end <= span.end
        assert sum(len(s.text) for s in article.sentences) <= len(article.text)


def test_sentences_of_a_seed_paragraph(seed_articles: list[Article]) -> None:
    article = by_headline(seed_articles, "春好植绿时")
    texts = [s.text for s in article.sentences if s.paragraph == 4]  # headline, lead, body 2, 3, 4
    assert texts == [
        "同时,各村广泛动员党员、群众积极参与到植树绿化工作中来。",
        "村干部带领村民们在村庄道路两侧、公共活动场所穿梭忙碌,村民挖土刨坑、扶正树苗、挥锹培土、分工合作,"
        "配合默契,栽植的树苗迎风摇曳,显示出无限生机。",
        "“前人栽树,后人乘凉”。",
        "各村党员干部群众用实际行动造福子孙后代。",
        "真正做到“植”入绿色,“树”立希望;",
        "“造”福子孙,“林”荫后人。",
    ]
