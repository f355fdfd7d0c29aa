"""A synthetic graph of about a million triples in the project's vocabulary (for query timings).

It has the shape ``kg build`` gives a big corpus: pages with articles, events with dates, places,
triggers and provenance, participations with roles, officials holding posts in bodies that sit
in places, and bodies inside bodies. Names come from the lexicons' surnames and place syllables;
the same ``target`` gives the same graph.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pyoxigraph as ox

BASE = "https://kg.example.org/id/"
KG = "https://kg.example.org/ontology#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
FOAF = "http://xmlns.com/foaf/0.1/"
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD = "http://www.w3.org/2001/XMLSchema#"

EVENT_KINDS = ["Inspection", "ResearchVisit", "Meeting", "StudySession", "SupervisionTour", "Campaign", "Ceremony"]
PERSON_ROLES = ["Led", "Accompanied", "Attended", "Presided", "Spoke"]
BODY_KINDS = ["PartyCommittee", "Government", "PeoplesCongress", "CPPCC", "Department", "Institution"]
BODY_SUFFIXES = ["区委", "区政府", "区人大常委会", "区政协", "区委组织部", "区财政局", "区教育局", "街道办事处"]
TITLES = ["书记", "副书记", "区长", "副区长", "主任", "副主任", "部长", "局长", "常委"]
TRIGGERS = ["调研", "检查", "考察", "召开", "督导", "学习", "开展", "举行"]
# The type and labels `kg build` copies from ontology/kg.ttl for the terms the graph uses.
OWL_CLASS, ROLE_TERM, LEVEL_TERM = "http://www.w3.org/2002/07/owl#Class", KG + "ParticipationRole", KG + "PlaceLevel"
TERMS = {
    "Inspection": (OWL_CLASS, "考察检查", "Inspection"),
    "ResearchVisit": (OWL_CLASS, "调研", "Research visit"),
    "Meeting": (OWL_CLASS, "会议", "Meeting"),
    "StudySession": (OWL_CLASS, "学习", "Study session"),
    "SupervisionTour": (OWL_CLASS, "督导", "Supervision tour"),
    "Campaign": (OWL_CLASS, "主题活动", "Campaign"),
    "Ceremony": (OWL_CLASS, "仪式", "Ceremony"),
    "PartyCommittee": (OWL_CLASS, "党委", "Party committee"),
    "Government": (OWL_CLASS, "政府", "Government"),
    "PeoplesCongress": (OWL_CLASS, "人大", "People's congress"),
    "CPPCC": (OWL_CLASS, "政协", "CPPCC committee"),
    "Department": (OWL_CLASS, "工作部门", "Department"),
    "Institution": (OWL_CLASS, "事业单位", "Public institution"),
    "Participation": (OWL_CLASS, "参与", "Participation"),
    "Led": (ROLE_TERM, "带队", "led"),
    "Accompanied": (ROLE_TERM, "陪同", "accompanied"),
    "Attended": (ROLE_TERM, "参加", "attended"),
    "Presided": (ROLE_TERM, "主持", "presided"),
    "Spoke": (ROLE_TERM, "讲话", "spoke"),
    "District": (LEVEL_TERM, "区县级", "district"),
    "City": (LEVEL_TERM, "市级", "city"),
}
PER_EVENT = 15 + 3 * 10  # triples of one event with its three participations
PER_POST = 18  # a person, their post and the post's derivation


def n(path: str) -> ox.NamedNode:
    return ox.NamedNode(BASE + path)


def term(namespace: str, name: str) -> ox.NamedNode:
    return ox.NamedNode(namespace + name)


def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def typed(value: object, datatype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + datatype))


def triples(
    target: int = 1_000_000, surnames: list[str] | None = None, syllables: list[str] | None = None
) -> Iterator[ox.Triple]:
    """About ``target`` triples (within one event's worth), deterministic.

    Like a built graph: posts carry their provenance (``prov:wasDerivedFrom`` an article and a
    ``prov:qualifiedDerivation`` with the evidence sentence), participations a label and their
    evidence, and the ontology terms used have zh/en labels.
    """
    rng = random.Random(20240408)
    surnames = surnames or list(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    )
    syllables = syllables or list("惠济金水中原二七管城上街登封新密荥阳巩义中牟龙亭鼓楼祥符洛龙西工涧河顺孟津偃师")
    given = list("文霞建国伟芳军红明华平新亭玉力宏满仓晓雷长义守斌小波君甫恩民杰良才")

    places = [f"{a}{b}区" for a in syllables for b in syllables if a != b][:400]
    city = n("place/郑州市")  # the city every district is in
    yield ox.Triple(city, RDF_TYPE, term(SCHEMA, "Place"))
    yield ox.Triple(city, LABEL, zh("郑州市"))
    yield ox.Triple(city, term(KG, "level"), term(KG, "City"))
    count = 3
    for place in places:
        yield ox.Triple(n(f"place/{place}"), RDF_TYPE, term(SCHEMA, "Place"))
        yield ox.Triple(n(f"place/{place}"), LABEL, zh(place))
        yield ox.Triple(n(f"place/{place}"), term(KG, "level"), term(KG, "District"))
        yield ox.Triple(n(f"place/{place}"), term(SCHEMA, "containedInPlace"), city)
        count += 4
    bodies: list[tuple[str, str]] = []
    for place in places:
        stem = place[:-1]
        for suffix_index, suffix in enumerate(BODY_SUFFIXES):
            name = stem + suffix
            bodies.append((name, place))
            body = n(f"org/{name}")
            yield ox.Triple(body, RDF_TYPE, term(ORG, "Organization"))
            yield ox.Triple(body, RDF_TYPE, term(KG, BODY_KINDS[suffix_index % len(BODY_KINDS)]))
            yield ox.Triple(body, LABEL, zh(name))
            yield ox.Triple(body, term(KG, "inPlace"), n(f"place/{place}"))
            if suffix_index:
                yield ox.Triple(body, term(ORG, "subOrganizationOf"), n(f"org/{stem}区委"))
                count += 1
            count += 4
    for name, (kind, label_zh, label_en) in TERMS.items():
        yield ox.Triple(term(KG, name), RDF_TYPE, ox.NamedNode(kind))
        yield ox.Triple(term(KG, name), LABEL, zh(label_zh))
        yield ox.Triple(term(KG, name), LABEL, ox.Literal(label_en, language="en"))
        count += 3
    persons: list[str] = []
    event_count = max(1, (target - count) // (PER_EVENT + PER_POST // 2 + 1))
    articles = max(1, event_count // 4)
    for index in range(event_count // 2):
        name = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2))))
        key = f"{name}-{index}"
        persons.append(key)
        body_name, _ = rng.choice(bodies)
        title = rng.choice(TITLES)
        person, post = n(f"person/{key}"), n(f"post/{key}/{body_name}/{title}")
        source = n(f"article/a{rng.randrange(articles):06d}")
        derivation = n(f"post/{key}/{body_name}/{title}/source/0")
        sentence = zh(f"{body_name}{title}{name}出席。")
        for triple in (
            (person, RDF_TYPE, term(FOAF, "Person")),
            (person, term(FOAF, "name"), zh(name)),
            (person, LABEL, zh(name)),
            (person, term(ORG, "holds"), post),
            (post, RDF_TYPE, term(ORG, "Post")),
            (post, term(ORG, "heldBy"), person),
            (post, term(ORG, "postIn"), n(f"org/{body_name}")),
            (post, term(ORG, "role"), n(f"role/{title}")),
            (post, LABEL, zh(body_name + title)),
            (post, term(KG, "extractor"), ox.Literal("title-chain")),
            (post, term(PROV, "wasDerivedFrom"), source),
            (post, term(PROV, "qualifiedDerivation"), derivation),
            (derivation, RDF_TYPE, term(PROV, "Derivation")),
            (derivation, term(PROV, "entity"), source),
            (derivation, term(PROV, "wasDerivedFrom"), source),
            (derivation, term(KG, "extractor"), ox.Literal("title-chain")),
            (derivation, term(KG, "confidence"), typed("0.9", "decimal")),
        ):
            yield ox.Triple(*triple)
        yield ox.Triple(derivation, term(KG, "evidence"), sentence)
        count += PER_POST
    for title in TITLES:
        yield ox.Triple(n(f"role/{title}"), RDF_TYPE, term(ORG, "Role"))
        yield ox.Triple(n(f"role/{title}"), LABEL, zh(title))
        count += 2
    index = 0
    while count < target:
        page = n(f"page/p{index // 40:05d}")
        article = n(f"article/a{index // 4:06d}")
        event = n(f"event/a{index // 4:06d}/{index % 4}")
        kind = rng.choice(EVENT_KINDS)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        body_name, place = rng.choice(bodies)
        evidence = f"{month}月{day}日上午,{body_name}{rng.choice(TRIGGERS)}"
        if index % 4 == 0:  # a new article: four events each
            yield ox.Triple(article, RDF_TYPE, term(SCHEMA, "NewsArticle"))
            yield ox.Triple(article, term(SCHEMA, "headline"), zh(evidence))
            yield ox.Triple(article, term(SCHEMA, "isPartOf"), page)
            count += 3
        for triple in (
            (article, term(SCHEMA, "mentions"), event),
            (event, RDF_TYPE, term(SCHEMA, "Event")),
            (event, RDF_TYPE, term(KG, kind)),
            (event, LABEL, zh(evidence)),
            (event, term(SCHEMA, "startDate"), typed(f"2021-{month:02d}-{day:02d}", "date")),
            (event, term(KG, "dateText"), zh(f"{month}月{day}日上午")),
            (event, term(KG, "partOfDay"), ox.Literal("morning")),
            (event, term(SCHEMA, "location"), n(f"place/{place}")),
            (event, term(SCHEMA, "organizer"), n(f"org/{body_name}")),
            (event, term(KG, "trigger"), zh(rng.choice(TRIGGERS))),
            (event, term(PROV, "wasDerivedFrom"), article),
            (event, term(KG, "evidence"), zh(evidence)),
            (event, term(KG, "evidenceStart"), typed(0, "integer")),
            (event, term(KG, "evidenceEnd"), typed(len(evidence), "integer")),
            (event, term(KG, "confidence"), typed("0.9", "decimal")),
        ):
            yield ox.Triple(*triple)
        count += 15
        for number, role in enumerate(rng.sample(PERSON_ROLES, 3)):
            participation = n(f"event/a{index // 4:06d}/{index % 4}/p{number}")
            key = rng.choice(persons) if persons else body_name
            agent = n(f"person/{key}") if persons else n(f"org/{body_name}")
            for triple in (
                (event, term(KG, "participation"), participation),
                (event, term(SCHEMA, "attendee"), agent),
                (participation, RDF_TYPE, term(KG, "Participation")),
                (participation, term(KG, "agent"), agent),
                (participation, term(KG, "role"), term(KG, role)),
                (participation, term(PROV, "wasDerivedFrom"), article),
                (participation, term(KG, "extractor"), ox.Literal("role-verb")),
                (participation, term(KG, "confidence"), typed("0.8", "decimal")),
                (participation, LABEL, zh(f"{key.split('-')[0]} {TERMS[role][1]}")),
                (participation, term(KG, "evidence"), zh(evidence)),
            ):
                yield ox.Triple(*triple)
            count += 10
        index += 1
