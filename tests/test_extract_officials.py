"""Title chains, names and bodies on single sentences: seed sentences and unseen-style ones."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import analyse, extract_article
from kg.model import Article
from kg.settings import Settings


def run(text: str, headline: str = "", settings: Settings | None = None) -> dict[str, list[tuple[str, str | None]]]:
    article = Article(id="t-0-00000000", file="t.txt", position=0, headline=headline, text=headline + "\n" + text)
    doc = analyse(article, settings or Settings())
    return {p.name: [(post.title, post.body) for post in p.posts] for p in doc.persons.values()}


def test_chain_with_implied_government_and_elliptical_congress() -> None:
    found = run("郑州市人大常委会副主任蔡红,惠济区委副书记、区长丁文霞,区人大常委会副主任刘满仓等一同考察。")
    assert found["蔡红"] == [("副主任", "郑州市人大常委会")]
    assert found["丁文霞"] == [("副书记", "惠济区委"), ("区长", "惠济区政府")]
    assert found["刘满仓"] == [("副主任", "惠济区人大常委会")]


def test_department_hangs_on_the_committee_before_it() -> None:
    found = run("惠济区委常委、组织部部长符维表示,要加强学习。")
    assert found["符维"] == [("常委", "惠济区委"), ("部长", "惠济区委组织部")]


def test_party_group_then_office() -> None:
    found = run("4月9日下午,郑州市政务办党组书记、主任王新一行,到惠济区调研。")
    assert found["王新"] == [("书记", "郑州市政务办党组"), ("主任", "郑州市政务办")]


def test_comma_joined_chain_across_bodies() -> None:
    found = run("本报讯 市政府副秘书长,高新区党工委副书记、管委会常务副主任张红军日前主持召开推进会。")
    assert found["张红军"] == [("副秘书长", "郑州市政府"), ("副书记", "高新区党工委"), ("常务副主任", "高新区管委会")]


def test_discipline_bodies_stand_on_the_district() -> None:
    found = run("中原区委常委、纪委书记、监委主任薛晓军以普通党员身份参加活动。")
    assert found["薛晓军"] == [("常委", "中原区委"), ("书记", "中原区纪委"), ("主任", "中原区监委")]


def test_quoted_list_separators_stay_inside_the_body() -> None:
    found = run("高新区“不忘初心、牢记使命”主题教育领导小组组长、高新区党工委书记、管委会主任王新亭带领一行调研。")
    assert found["王新亭"][0] == ("组长", "高新区“不忘初心、牢记使命”主题教育领导小组")
    assert found["王新亭"][1:] == [("书记", "高新区党工委"), ("主任", "高新区管委会")]


def test_name_list_after_descriptor_gives_persons_without_posts() -> None:
    found = run("区领导乔耸、李晓雷、杜建强、李长义等区委理论学习中心组成员参会。")
    assert set(found) == {"乔耸", "李晓雷", "杜建强", "李长义"}
    assert all(posts == [] for posts in found.values())


def test_name_before_title_and_later_bare_mentions() -> None:
    text = "中原区委书记乔耸到片区调研。乔耸表示,要再接再厉。团结在以习近平总书记为核心的党中央周围。"
    article = Article(id="t-0-00000000", file="t.txt", position=0, headline="", text=text)
    extraction = extract_article(article, Settings())
    qiao = next(p for p in extraction.persons if p.name == "乔耸")
    assert len(qiao.mentions) == 2
    assert all(text[m.start : m.end] == "乔耸" for m in qiao.mentions)
    xi = next(p for p in extraction.persons if p.name == "习近平")
    assert xi.posts[0].title == "总书记" and xi.posts[0].body == "中共中央"


def test_home_city_and_county_level_city() -> None:
    assert run("市委书记张敬涛召集会议。")["张敬涛"] == [("书记", "郑州市委")]
    found = run("市委书记李明到汜水镇调研。", headline="荥阳市汜水镇抢抓春季绿化时机")
    assert found["李明"] == [("书记", "荥阳市委")]
    found = run("市委书记李明到镇里调研。", settings=Settings(home_city="开封市"))
    assert found["李明"] == [("书记", "开封市委")]


def test_representatives_are_members_not_leaders() -> None:
    article = Article(id="t-0-00000000", file="t.txt", position=0, headline="",
                      text="惠济区政协委员王刚、区人大代表李强参加座谈。")
    persons = {p.name: p for p in analyse(article, Settings()).persons.values()}
    assert persons["王刚"].posts[0].body == "惠济区政协"
    assert persons["王刚"].posts[0].representative
    assert persons["李强"].posts[0].representative


def test_provenance_spans_point_into_the_text() -> None:
    text = "惠济区委副书记、区长丁文霞出席座谈交流会。"
    article = Article(id="t-0-00000000", file="t.txt", position=0, headline="", text=text)
    person = analyse(article, Settings()).persons["丁文霞"]
    for post in person.posts:
        assert post.provenance.rule == "title-chain"
        assert text[post.provenance.start : post.provenance.end].endswith("丁文霞")
        assert 0 < post.provenance.confidence <= 1


@pytest.mark.parametrize(
    ("text", "name", "posts"),
    [
        # unseen-style sentences (People's Daily 1998 NER corpus, pd98_dev.jsonl)
        ("全国政协副主席、中共中央统战部部长王兆国及国务院港澳办副主任刘名启参加了今天的会见。", "王兆国",
         [("副主席", "全国政协"), ("部长", "中共中央统战部")]),
        ("训练团政治处主任臧海传向我们介绍说，助残活动伊始。", "臧海传", [("主任", "训练团政治处")]),
        ("中共中央政治局委员、北京市市长贾庆林今天下午也在京会见了考察团一行。", "贾庆林",
         [("委员", "中共中央政治局"), ("市长", "北京市政府")]),
        ("省委常委、市委书记纪馨芳深入十二个市属机电企业进行调研。", "纪馨芳",
         [("常委", "河南省委"), ("书记", "郑州市委")]),
        ("朝阳区区长李凤岭率先表态。", "李凤岭", [("区长", "朝阳区政府")]),
        # CLUENER 2020 training sentences (cluener_train.jsonl)
        ("为掌握更详细的情况，2月初商务部副部长蒋耀平曾率调研组赴深圳调研。", "蒋耀平", [("副部长", "商务部")]),
        ("据北京投资促进局副局长王红专介绍，截至目前，", "王红专", [("副局长", "北京投资促进局")]),
        ("分管武汉市经济适用房工作的市国土房产局副局长朱志强负有重要领导责任。", "朱志强",
         [("副局长", "武汉市国土房产局")]),
        ("首先有请张家口崇礼县副县长于有斌致辞。", "于有斌", [("副县长", "张家口崇礼县政府")]),
        ("近日，中共河北省委副书记赵世居在接受记者专访时发表了看法。", "赵世居", [("副书记", "中共河北省委")]),
    ],
)
def test_unseen_sentences(text: str, name: str, posts: list[tuple[str, str]]) -> None:
    assert run(text)[name] == posts


@pytest.mark.parametrize(
    "text",
    [
        "前几天，我同村委会主任商量过，决定承包100亩地。",
        "全区41家“放管服”改革工作领导小组成员单位分管领导参加会议。",
        "街道全体班子成员和各社区党组织书记全程观摩学习了演练全程。",
        "奥地利维也纳市市长作为来宾代表在开幕式上发表了讲话。",
        "古巴代表团团长、司法部长在表决前指出。",
        "印度前总理访华，促进了两国关系。",
        # People's Daily 1998 (pd98_dev.jsonl): a word after 代表, a transliterated name
        "继续同科索沃阿族代表谈判，根据国际准则确定该地区的地位。",
        "1980年9月，新西兰总理罗伯特·马尔登有幸成为第一位访华的新西兰总理。",
        "俄罗斯成立了“临时非常委员会”。",
    ],
)
def test_no_person_where_there_is_none(text: str) -> None:
    assert run(text) == {}


def test_forms_of_address_end_a_name() -> None:
    assert run("建设部原副部长、中国房地产协会名誉会长杨慎先生讲话。")["杨慎"][-1] == ("名誉会长", "中国房地产协会")


def test_a_photo_exhibition_is_no_byline() -> None:
    doc = analyse(Article(id="t-0-00000000", file="t.txt", position=0, headline="",
                          text="中原区“生态中原”摄影展开幕\n本报讯 摄影作品展开幕。"), Settings())
    assert not [m for m in doc.mentions if m.type == "PER"]


def test_bylines_are_never_officials() -> None:
    text = "本报讯(记者 刘伟平 通讯员 张帅)二七区建立项目台账。"
    article = Article(id="t-0-00000000", file="t.txt", position=0, headline="", text=text)
    doc = analyse(article, Settings())
    assert doc.persons == {}
    assert {m.text for m in doc.mentions if m.type == "PER"} == {"刘伟平", "张帅"}


def test_names_listed_before_deng_without_descriptor() -> None:
    assert set(run("会议由区政府主持，王晓明、李强、欧阳娜娜等参加会议。")) == {"王晓明", "李强", "欧阳娜娜"}
    assert run("实地调研郑煤机、一汽、安图、双汇、深澜动力等企业。") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("郑州大学党委书记宋毛平、校长刘炯天出席仪式。",
         {"宋毛平": [("书记", "郑州大学党委")], "刘炯天": [("校长", "郑州大学")]}),
        ("河南省委常委、郑州市委书记徐立毅到中牟县调研。", {"徐立毅": [("常委", "河南省委"), ("书记", "郑州市委")]}),
        ("中牟县委副书记、县长李四在会上讲话。", {"李四": [("副书记", "中牟县委"), ("县长", "中牟县政府")]}),
        ("市人大常委会党组书记、主任胡荃参加活动。",
         {"胡荃": [("书记", "郑州市人大常委会党组"), ("主任", "郑州市人大常委会")]}),
        ("管城回族区委书记李东和区长王西一同调研。",
         {"李东": [("书记", "管城回族区委")], "王西": [("区长", "管城回族区政府")]}),
        ("二七区长江路街道党工委书记孙八带队检查。", {"孙八": [("书记", "二七区长江路街道党工委")]}),
        ("花园口镇八堡村党支部书记、村委会主任张富贵介绍，今年村里种植了花卉。",
         {"张富贵": [("书记", "花园口镇八堡村党支部"), ("主任", "八堡村村委会")]}),
        ("郑州银行党委书记、董事长赵飞出席签约仪式。", {"赵飞": [("书记", "郑州银行党委"), ("董事长", "郑州银行")]}),
    ],
)
def test_local_news_chains(text: str, expected: dict[str, list[tuple[str, str]]]) -> None:
    assert run(text) == expected


def test_titles_after_names() -> None:
    assert run("会上，张三副市长作了讲话。") == {"张三": [("副市长", "郑州市政府")]}
    assert run("王新亭书记要求各部门盯好问题整改。") == {"王新亭": []}  # 书记 alone names no body
    assert run("以习近平同志为核心的党中央。") == {"习近平": []}
