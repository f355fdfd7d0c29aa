"""Person names and title lists the blind pages showed missing (rules, on the blind pages' sentences)."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import doc_of, posts_of

from kg.corpus import read_articles
from kg.extract.pipeline import analyse, extract_article
from kg.settings import Settings

BLIND = Path(__file__).parent / "gold" / "blind" / "pages"


def test_name_after_a_noun_for_a_kind_of_person() -> None:
    doc = doc_of("金水区表彰最美志愿者\n丰产路街道宏达社区志愿者王秀英作为获奖代表发言,她已连续八年坚持为老人送餐。")
    assert "王秀英" in doc.persons
    doc = doc_of("情暖重阳\n“孩子们不嫌弃我们,常来陪我们说话。”78岁的居民赵桂兰老人说。")
    assert "赵桂兰" in doc.persons


def test_noun_before_a_word_is_no_name() -> None:
    doc = doc_of("植树活动\n区机关单位、企业、学校等志愿者齐聚,共同开展义务植树活动。")
    assert "齐聚" not in doc.persons
    doc = doc_of("走访群众\n他深入居民家中,倾听群众意见。")
    assert not doc.persons
    doc = doc_of("厂里的故事\n仅拥有18名员工和相当于18万元的设备。请老师谈一下。")
    assert not doc.persons  # 相当 and 一下 are no given names
    doc = doc_of("老手艺\n做了40多年的老师傅陈博表示,手艺要传下去。")
    assert "傅陈博" not in doc.persons  # 老师|傅: the noun's last character opens 师傅


def test_name_in_a_list_may_open_with_a_place_word() -> None:
    doc = doc_of("中牟县政府召开常务会议\n县长王立群主持会议。副县长杨帆、黄河清等参加会议。")
    assert set(posts_of(doc, "黄河清")) == {("副县长", "中牟县政府")}
    assert "黄河" not in doc.places
    assert not any(m.type == "LOC" and m.text == "黄河" for m in doc.mentions)
    doc = doc_of("中牟县政府召开常务会议\n县长王立群主持会议,副县长黄河清,县政府办主任李四参加。")
    assert set(posts_of(doc, "黄河清")) == {("副县长", "中牟县政府")}  # right after a title, before a comma
    doc = doc_of("学习会\n学习贯彻总书记黄河流域生态保护重要讲话精神。")
    assert not doc.persons and "黄河" in doc.places  # 黄河流域: the place goes on, no name
    # a list of places stays places
    doc = doc_of("协同发展\n郑州、开封、洛阳等城市协同发展,黄河流域生态保护取得成效。")
    assert not doc.persons


def test_name_before_title_after_study() -> None:
    doc = doc_of(
        "集体学习\n孟津区委理论学习中心组举行集体学习,专题学习习近平总书记关于推动黄河流域生态保护的重要论述。"
    )
    assert ("总书记", "中共中央") in set(posts_of(doc, "习近平"))


def test_body_carries_along_a_list_to_the_next_title() -> None:
    doc = doc_of("管城回族区人大常委会召开会议\n区人大常委会主任李建国,副主任许红军、郭建伟、马秀兰,秘书长杨立峰出席。")
    assert set(posts_of(doc, "马秀兰")) == {("副主任", "管城回族区人大常委会")}
    assert set(posts_of(doc, "杨立峰")) == {("秘书长", "管城回族区人大常委会")}


def test_blind_page_persons() -> None:
    articles = read_articles([str(BLIND / "b01_zzrb_jinshui_guancheng.txt")]).articles
    article = next(a for a in articles if a.headline.startswith("管城回族区第十六届"))
    doc = analyse(article, Settings())
    assert set(posts_of(doc, "杨立峰")) == {("秘书长", "管城回族区人大常委会")}


def _event_people(page: str, headline_start: str) -> set[tuple[str, str]]:
    articles = read_articles([str(BLIND / page)]).articles
    article = next(a for a in articles if a.headline.startswith(headline_start))
    extraction = extract_article(article, Settings())
    return {(p.agent, p.role) for e in extraction.events for p in e.participants if p.agent_type == "person"}


def test_watching_a_drill_is_attending_it() -> None:
    assert _event_people("b01_zzrb_jinshui_guancheng.txt", "管城回族区开展燃气") == {("吴昊", "attended")}


def test_pronoun_opening_a_sentence_is_the_person_before() -> None:
    doc = doc_of(
        "开展演练\n11月3日,区应急管理局开展燃气安全应急演练。副区长吴昊现场观摩演练。他要求,各部门要排查隐患。"
    )
    pronoun = doc.text.index("他要求")
    assert any(m.start == pronoun and m.source == "coref:pronoun" for m in doc.persons["吴昊"].mentions)
    assert not any(m.type == "PER" and m.text == "他" for m in doc.mentions)  # no name of the article
    # two persons before: 他 is not sure
    doc = doc_of("会议\n区长张立新、副区长王红出席会议。他指出,要抓好落实。")
    assert all(m.source != "coref:pronoun" for p in doc.persons.values() for m in p.mentions)


def test_a_person_word_between_name_and_verb() -> None:
    people = _event_people("b02_lyrb_mengjin_yiyang_yanshi.txt", "情暖重阳")
    assert ("赵桂兰", "spoke") in people


def _event_bodies(page: str, headline_start: str) -> set[tuple[str, str]]:
    articles = read_articles([str(BLIND / page)]).articles
    article = next(a for a in articles if a.headline.startswith(headline_start))
    extraction = extract_article(article, Settings())
    return {(p.agent, p.role) for e in extraction.events for p in e.participants if p.agent_type == "body"}


def test_inspection_group_is_the_visitor_of_its_meeting() -> None:
    bodies = _event_bodies("b03_kfrb_weishi_xiangfu_lankao.txt", "市委第三巡察组")
    assert ("开封市委第三巡察组", "visitor") in bodies
    assert ("开封市委第三巡察组", "organiser") not in bodies


def test_body_that_holds_or_reports_at_a_meeting() -> None:
    bodies = _event_bodies("b02_lyrb_mengjin_yiyang_yanshi.txt", "孟津区委理论学习中心组")
    assert ("孟津区委理论学习中心组", "organiser") in bodies
    bodies = _event_bodies("b02_lyrb_mengjin_yiyang_yanshi.txt", "偃师区部署")
    assert ("偃师区应急管理局", "attended") in bodies
    bodies = _event_bodies("b05_zzrb_xingyang_dengfeng_xinzheng.txt", "登封市政协召开")
    assert {("登封市发展改革委", "attended"), ("登封市工信局", "attended")} <= bodies
