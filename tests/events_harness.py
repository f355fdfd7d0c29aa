"""Seed articles and entities for the event tests, built without the rest of the pipeline.

The corpus and the officials extractor are written in parallel; until they run, these tests cut the seed
pages at the headlines listed here, repair broken print lines, and locate the persons, bodies and places
that a page names (listed by hand per page) in the text. What is tested is the event logic.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from kg.model import Article, Body, Mention, Person, Place, Sentence, Span

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# first line of each article block on each page
STARTS: dict[str, list[str]] = {
    "000_1221b1dd961f49e8.txt": [
        "开封市人大到惠济区考察",
        "郑州市政务办调研惠济区",
        "全市“八大群体”母亲河畔健步走",
        "学“长霞” 铸初心",
    ],
    "001_9e9a5bf4a5e2b228.txt": [
        "中原区委理论学习中心组召开",
        "全景展现“绿水青山就是金山银山”",
        "中原区领导调研贾鲁河片区",
        "“全城清洁”助力创文",
        "齐谋划片区新发展",
        "创新服务模式 拓展服务渠道",
    ],
    "002_a6d616cd7f86b238.txt": [
        "二七区全力优化营商环境",
        "强能力 锻作风 优服务 促发展",
        "关心群众身边事 主动服务解民忧",
        "防灾减灾 安全你我",
        "践行垃圾分类 共创优美环境",
        "疫苗“多跑路” 群众“少跑腿”",
        "主题党日里的疫情防控“应急考”",
        "加强疫情防控举措 落实到村到户到人",
        "共谱抗疫“同心曲” 志愿服务显担当",
        "招募社区“小主任” 参与建设美丽家园",
        "春好植绿时",
    ],
    "003_2b110ad91f95fb21.txt": [
        "市委督查室调研经开区",
        "经开区宣传部(文明办)开展",
        "经开区领导调研党建引领",
        "经开区党工委第一巡察组巡察经济发展局",
        "经开区党工委第一巡察组召开",
        "城市精细化管理工作推进会召开",
        "经开区党工委第三巡察组",
        "郑州经开发布(微信)",
        "经开区首次开展",
    ],
    "004_4991a681cbad826b.txt": [
        "# 高新区主题教育要树标杆",
        "## 高新区召开深化",
        "## 高新区召开环境污染防治",
        "## 到一线去!",
        "## 省委巡视督导组",
    ],
}

PERSONS = {
    "000": "胡荃 阎红心 蔡红 丁文霞 刘满仓 王新 施展 符维 任长霞",
    "001": "乔耸 李晓雷 杜建强 李长义 刘守斌 薛晓军 成小波 习近平",
    "002": "蔡杰",
    "003": "郭宏力 张磊",
    "004": "王新亭 王玉红 张红军 姚五洲 孙君甫 宋恩民 张良才 刘新杰",
}
REPORTERS = [
    "简洋",
    "刘向辉",
    "郭海蓓",
    "宋珂",
    "闫艳芬",
    "张改华",
    "吕杨子",
    "张亮",
    "木坤坤",
    "吴赛",
    "张黎",
    "鲁慧",
    "孙庆辉",
    "方宝岭",
]

BODIES = {
    "000": "开封市人大常委会:开封市人大 郑州市人大常委会 惠济区委 惠济区政府:区长 惠济区人大常委会:区人大常委会 "
    "郑州市政务办 郑州市总工会 惠济区总工会 郑州银行惠济支行 惠济区党史学习教育领导小组办公室 "
    "惠济区政务服务和大数据管理局",
    "001": "中原区委理论学习中心组 中原区委 中原区政府:区政府 中原区委宣传部 中原区城市管理局 中原区文化旅游体育局 "
    "中原区政协 金科集团 中原区纪委监委机关党委 中原区纪委监委 中原区委办:区委办 中原区政务办:区政务办",
    "002": "郑州市绿化工程管理处中原绿化管理队 郑东新区纪检监察工委 郑州公交苏师傅党员志愿服务队 杜岭街道办事处 "
    "郑州经开区投资发展有限公司 樱桃沟管委会 郑东新区管委会",
    "003": "郑州市委督查室:市委督查室 郑州市重点项目建设中心运行监测处:市重点项目建设中心运行监测处 "
    "郑州市商务局投资促进处:市商务局投资促进处 经开区宣传部 经开区党工委第一巡察组 经开区党工委第三巡察组 "
    "经开区经济发展局:经济发展局 经开区财政局:财政局 经开区开放办:开放办 经开区党工委 经开区管委会:管委会 "
    "郑州市政府办公厅:市政府办公厅",
    "004": "高新区党工委 高新区管委会:管委会 郑州市总工会:市总工会 省委巡视督导组 社会事业局",
}

PLACES = {
    "000": "惠济区:district:郑州市 郑州市:city 开封市:city 黄河滩地公园:site:惠济区 长兴路街道:town:惠济区 "
    "花园口镇:town:惠济区 大庙村:village:花园口镇 登封:city 任长霞先进事迹陈列馆:site:登封 长兴路街道便民服务中心:site:长兴路街道",  # noqa: E501
    "001": "中原区:district:郑州市 贾鲁河片区指挥部:site:中原区 郑煤家属院:site:中原区 中原区委北一楼:site:中原区 "
    "二砂文化创意园核心片区:site:中原区 中央文化区北核心片区:site:中原区 须水河核心片区:site:中原区 贾鲁河片区:site:中原区",  # noqa: E501
    "002": "二七区:district 中原区:district 颍河路166—171号院:site:中原区 花园口镇:town:惠济区 惠济区:district "
    "杜岭街道:town:金水区 金水区:district 郑州幼儿师范高等专科学校:site:杜岭街道 九龙办事处:town:经开区 "
    "经开区:district 汜水镇:town:荥阳市 荥阳市:city 郑东新区:district",
    "003": "经开区:district 明湖办事处:town:经开区 前程办事处:town:经开区 博才路:site:经开区 第一大街:site:经开区",
    "004": "高新区:district 梧桐办事处:town:高新区 枫杨办事处:town:高新区 沟赵办事处:town:高新区 大里村:village:枫杨办事处 "  # noqa: E501
    "盛世社区:village:梧桐办事处 管委会第一会议室:site:高新区",
}

_END = "。！？”」)）!?"


def _blocks(path: Path) -> list[list[str]]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    starts = STARTS[path.name]
    blocks: list[list[str]] = []
    for line in lines:
        if not line:
            continue
        if any(line.startswith(s) for s in starts):
            blocks.append([])
        if blocks:
            blocks[-1].append(line.lstrip("# ").strip())
    return blocks


def _article(path: Path, position: int, lines: list[str]) -> Article:
    head: list[str] = []
    rest = list(lines)
    while (
        rest
        and "。" not in rest[0]
        and not rest[0].startswith("本报讯")
        and (len(rest[0]) < 20 or not re.search("[,，]", rest[0]))
    ):
        head.append(rest.pop(0))
    paragraphs: list[str] = []
    for line in rest:
        if re.match(r"(本报)?记者 |通讯员 ", line):
            continue
        line = re.sub(r"\s*(本报)?记者 [^。]*$", "", line)
        line = re.sub(r"^本报讯\s*(\([^)]*\))?\s*", "", line)
        if paragraphs and paragraphs[-1][-1] not in _END:
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    blocks = [(h, "headline" if i == len(head) - 1 or i == 0 else "subtitle") for i, h in enumerate(head)]
    blocks += [(p, "lead" if i == 0 else "body") for i, p in enumerate(paragraphs)]
    text = "\n".join(b for b, _k in blocks)
    spans, sentences, offset = [], [], 0
    for index, (block, kind) in enumerate(blocks):
        spans.append(Span(offset, offset + len(block), kind))
        for match in re.finditer(r"[^。！？!?；;]+[。！？!?；;]?”?", block):
            sentences.append(
                Sentence(len(sentences), offset + match.start(), offset + match.end(), index, match.group(0))
            )
        offset += len(block) + 1
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Article(
        id=f"{path.stem}-{position}-{digest[:8]}",
        file=str(path),
        position=position,
        headline=head[-1] if head else "",
        subtitle=None,
        page_title=head[0] if len(head) > 1 else None,
        text=text,
        paragraphs=spans,
        sentences=sentences,
        reporters=[],
        content_hash=digest,
    )


def seed_articles() -> list[Article]:
    articles = []
    for name in sorted(STARTS):
        for position, lines in enumerate(_blocks(SEEDS / name)):
            articles.append(_article(SEEDS / name, position, lines))
    return articles


def entities(article: Article) -> tuple[list[Mention], list[Person], list[Body], list[Place]]:
    """The persons, bodies and places of the article's page that its text names, as mentions."""
    page = Path(article.file).name[:3]
    text = article.text
    persons, mentions = [], []
    for name in PERSONS[page].split():
        found = [Mention("PER", m.start(), m.end(), name, "test") for m in re.finditer(name, text)]
        longer = [r for r in PERSONS[page].split() if r != name and r.startswith(name)]  # 王新 within 王新亭
        found = [m for m in found if not any(text.startswith(r, m.start) for r in longer)]
        if found:
            persons.append(Person(name, mentions=found))
            mentions += found
    bodies = []
    for item in BODIES[page].split():
        name, *aliases = item.split(":")
        forms = [name, *aliases]
        if any(f in text for f in forms):
            home = next((q.split(":")[0] for q in PLACES[page].split() if name.startswith(q.split(":")[0])), None)
            bodies.append(Body(name, place=home))
            for form in aliases:
                mentions += [
                    Mention("ORG", m.start(), m.end(), form, "test") for m in re.finditer(re.escape(form), text)
                ]
    places = []
    for item in PLACES[page].split():
        name, level, *parent = item.split(":")
        places.append(Place(name, level, parent[0] if parent else None))
    return mentions, persons, bodies, places
