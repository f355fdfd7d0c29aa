"""Extractions built by hand from real seed facts, for the graph, query and stats tests.

They stand in for the extraction pipeline so that the RDF layer is tested on its own: the facts
are what seeds/000_1221b1dd961f49e8.txt says (the inspection of 4月8日上午 at 黄河滩地公园, the
research visit of 4月9日下午) and seeds/004_4991a681cbad826b.txt (王新亭's visits).
"""

from __future__ import annotations

from kg.model import (
    Article,
    Body,
    Event,
    EventDate,
    Extraction,
    Participation,
    Person,
    Place,
    Post,
    Provenance,
    Sentence,
)

INSPECTION_HEADLINE = "开封市人大到惠济区考察黄河流域生态保护和高质量发展核心示范区起步区建设工作"
INSPECTION_SENTENCE = (
    "4月8日上午,郑州市人大常委会主任胡荃陪同开封市人大常委会主任阎红心等一行,来到惠济区黄河滩地公园,"
    "考察黄河流域生态保护和高质量发展核心示范区起步区建设工作,并就加快推进郑开一体化发展开展调研。"
)
INSPECTION_SENTENCE_2 = (
    "郑州市人大常委会副主任蔡红,惠济区委副书记、区长丁文霞,区人大常委会副主任刘满仓等一同考察并介绍情况。"
)

VISIT_HEADLINE = "郑州市政务办调研惠济区“一件事”政务服务改革推进情况"
VISIT_SENTENCE = (
    "4月9日下午,郑州市政务办党组书记、主任王新一行,到惠济区检查调研“一件事”改革工作推进情况。"
    "惠济区委副书记、区长丁文霞出席座谈交流会。"
)

STUDY_HEADLINE = "高新区开展主题教育观摩交流活动"
STUDY_SENTENCE = (
    "11月1日上午,高新区党工委主题教育领导小组组长,区党工委书记、管委会主任王新亭带队集中开展"
    "“不忘初心、牢记使命”主题教育观摩交流活动。"
)


def _article(article_id: str, file: str, position: int, headline: str, sentences: list[str]) -> Article:
    text = "\n".join([headline, *sentences])
    spans = []
    offset = len(headline) + 1
    for index, sentence in enumerate(sentences):
        spans.append(
            Sentence(index=index + 1, start=offset, end=offset + len(sentence), paragraph=index + 1, text=sentence)
        )
        offset += len(sentence) + 1
    head = Sentence(index=0, start=0, end=len(headline), paragraph=0, text=headline)
    return Article(
        id=article_id,
        file=file,
        position=position,
        headline=headline,
        text=text,
        sentences=[head, *spans],
        reporters=["简洋"] if position == 0 else [],
    )


def _prov(article: Article, sentence: int, fragment: str, rule: str, confidence: float = 0.9) -> Provenance:
    text = article.sentences[sentence].text
    start = article.sentences[sentence].start + text.index(fragment)
    assert article.text[start : start + len(fragment)] == fragment
    return Provenance(article.id, sentence, start, start + len(fragment), rule, confidence)


def inspection_extraction() -> Extraction:
    """Seed 000, article 0: 胡荃 accompanies 阎红心 to 黄河滩地公园 on 4月8日上午."""
    article = _article(
        "000_1221b1dd961f49e8-0-aaaaaaaa",
        "seeds/000_1221b1dd961f49e8.txt",
        0,
        INSPECTION_HEADLINE,
        [INSPECTION_SENTENCE, INSPECTION_SENTENCE_2],
    )
    ding = Person(
        name="丁文霞",
        key="丁文霞",
        posts=[
            Post("副书记", "惠济区委", _prov(article, 2, "惠济区委副书记", "title-chain")),
            Post("区长", "惠济区政府", _prov(article, 2, "区长丁文霞", "title-chain")),
        ],
    )
    hu = Person(
        name="胡荃",
        key="胡荃",
        posts=[Post("主任", "郑州市人大常委会", _prov(article, 1, "郑州市人大常委会主任胡荃", "title-chain"))],
    )
    yan = Person(
        name="阎红心",
        key="阎红心",
        posts=[Post("主任", "开封市人大常委会", _prov(article, 1, "开封市人大常委会主任阎红心", "title-chain"))],
    )
    cai = Person(
        name="蔡红",
        key="蔡红",
        posts=[Post("副主任", "郑州市人大常委会", _prov(article, 2, "郑州市人大常委会副主任蔡红", "title-chain"))],
    )
    event = Event(
        kind="inspection",
        trigger="考察",
        provenance=_prov(article, 1, "考察", "trigger:考察"),
        date=EventDate(text="4月8日上午", month=4, day=8, part_of_day="morning"),
        places=["黄河滩地公园", "惠济区"],
        participants=[
            Participation("阎红心", "person", "led", _prov(article, 1, "阎红心等一行", "role-verb:一行")),
            Participation("胡荃", "person", "accompanied", _prov(article, 1, "胡荃陪同", "role-verb:陪同")),
            Participation("蔡红", "person", "accompanied", _prov(article, 2, "蔡红", "role-verb:一同考察", 0.8)),
            Participation("丁文霞", "person", "accompanied", _prov(article, 2, "丁文霞", "role-verb:一同考察", 0.8)),
            Participation(
                "开封市人大常委会", "body", "visitor", _prov(article, 1, "开封市人大常委会", "role-verb:来到")
            ),
        ],
        ordinal=0,
    )
    return Extraction(
        article=article,
        persons=[hu, yan, cai, ding],
        bodies=[
            Body("惠济区委", "party_committee", None, "惠济区"),
            Body("惠济区政府", "government", None, "惠济区"),
            Body("郑州市人大常委会", "peoples_congress", None, "郑州市"),
            Body("开封市人大常委会", "peoples_congress", None, "开封市"),
        ],
        places=[
            Place("黄河滩地公园", "site", "惠济区"),
            Place("惠济区", "district", "郑州市"),
            Place("郑州市", "city", "河南省"),
            Place("开封市", "city", "河南省"),
        ],
        events=[event],
    )


def visit_extraction() -> Extraction:
    """Seed 000, article 1: 王新 leads a research visit; 丁文霞 attends the meeting."""
    article = _article(
        "000_1221b1dd961f49e8-1-bbbbbbbb", "seeds/000_1221b1dd961f49e8.txt", 1, VISIT_HEADLINE, [VISIT_SENTENCE]
    )
    wang = Person(
        name="王新",
        key="王新",
        posts=[
            Post("党组书记", "郑州市政务办", _prov(article, 1, "党组书记", "title-chain")),
            Post("主任", "郑州市政务办", _prov(article, 1, "主任王新", "title-chain")),
        ],
    )
    ding = Person(
        name="丁文霞", key="丁文霞", posts=[Post("区长", "惠济区政府", _prov(article, 1, "区长丁文霞", "title-chain"))]
    )
    event = Event(
        kind="research",
        trigger="调研",
        provenance=_prov(article, 1, "检查调研", "trigger:调研"),
        date=EventDate(text="4月9日下午", month=4, day=9, part_of_day="afternoon"),
        places=["惠济区"],
        participants=[
            Participation("王新", "person", "led", _prov(article, 1, "王新一行", "role-verb:一行")),
            Participation("丁文霞", "person", "attended", _prov(article, 1, "丁文霞出席", "role-verb:出席")),
            Participation("郑州市政务办", "body", "visitor", _prov(article, 1, "郑州市政务办", "role-verb:到")),
        ],
        ordinal=0,
    )
    return Extraction(
        article=article,
        persons=[wang, ding],
        bodies=[Body("郑州市政务办", "department", None, "郑州市"), Body("惠济区政府", "government", None, "惠济区")],
        places=[Place("惠济区", "district", "郑州市")],
        events=[event],
    )


def study_extraction() -> Extraction:
    """Seed 004: 王新亭 leads the study visit of 11月1日上午."""
    article = _article(
        "004_4991a681cbad826b-0-cccccccc", "seeds/004_4991a681cbad826b.txt", 0, STUDY_HEADLINE, [STUDY_SENTENCE]
    )
    wang = Person(
        name="王新亭",
        key="王新亭",
        posts=[
            Post("书记", "高新区党工委", _prov(article, 1, "区党工委书记", "title-chain")),
            Post("主任", "高新区管委会", _prov(article, 1, "管委会主任王新亭", "title-chain")),
            Post("组长", "高新区党工委主题教育领导小组", _prov(article, 1, "领导小组组长", "title-chain")),
        ],
    )
    event = Event(
        kind="study",
        trigger="观摩交流",
        provenance=_prov(article, 1, "观摩交流活动", "trigger:观摩"),
        date=EventDate(text="11月1日上午", month=11, day=1, part_of_day="morning"),
        places=["高新区"],
        participants=[Participation("王新亭", "person", "led", _prov(article, 1, "王新亭带队", "role-verb:带队"))],
        ordinal=0,
    )
    return Extraction(
        article=article,
        persons=[wang],
        bodies=[
            Body("高新区党工委", "party_committee", None, "高新区"),
            Body("高新区管委会", "government", None, "高新区"),
            Body("高新区党工委主题教育领导小组", "other", "高新区党工委", "高新区"),
        ],
        places=[Place("高新区", "district", "郑州市")],
        events=[event],
    )


def sample_extractions() -> list[Extraction]:
    return [inspection_extraction(), visit_extraction(), study_extraction()]
