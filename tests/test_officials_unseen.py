"""Officials on news the rules were not written from: shared titles, bracketed titles, sibling
departments, names the lexicons used to cut, and the seeds' sentences that must not change."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import analyse
from kg.model import Article
from kg.settings import Settings


def run(text: str, headline: str = "") -> dict[str, list[tuple[str, str | None]]]:
    article = Article(id="t-0-00000000", file="t.txt", position=0, headline=headline, text=headline + "\n" + text)
    doc = analyse(article, Settings())
    return {p.name: [(post.title, post.body) for post in p.posts] for p in doc.persons.values()}


def test_a_deputy_title_is_shared_by_the_names_after_it() -> None:
    found = run("副市长李红、刘建国,二七区委书记丁志刚,区委副书记、区长吕晓燕出席大会。")
    assert found["李红"] == [("副市长", "郑州市政府")]
    assert found["刘建国"] == [("副市长", "郑州市政府")]
    assert found["丁志刚"] == [("书记", "二七区委")]
    assert found["吕晓燕"] == [("副书记", "二七区委"), ("区长", "二七区政府")]


def test_a_single_holder_title_is_not_shared() -> None:
    found = run("区委书记张三、李四等参加。", headline="惠济区召开会议")
    assert found["张三"] == [("书记", "惠济区委")]
    assert found["李四"] == []  # named, but 书记 has one holder: his post is not stated


def test_the_next_chain_after_a_shared_title_keeps_its_own_posts() -> None:
    found = run("郑州市人大常委会主任胡荃、副主任蔡红参加。")
    assert found == {"胡荃": [("主任", "郑州市人大常委会")], "蔡红": [("副主任", "郑州市人大常委会")]}


def test_seed_list_after_a_descriptor_gets_no_posts() -> None:
    found = run("区领导乔耸、李晓雷、杜建强、李长义等区委理论学习中心组成员参会。")
    assert all(posts == [] for posts in found.values()) and len(found) == 4


def test_titles_in_brackets_after_names() -> None:
    found = run("本报讯 11月20日上午,惠济区召开座谈会。区领导王立群（区委书记）、孙艳（区长）、"
                "方晓东(区人大常委会主任)出席。会议由马建国（市政府副秘书长）主持。")
    assert found["王立群"] == [("书记", "惠济区委")]
    assert found["孙艳"] == [("区长", "惠济区政府")]
    assert found["方晓东"] == [("主任", "惠济区人大常委会")]
    assert found["马建国"] == [("副秘书长", "郑州市政府")]


def test_sibling_departments_hang_on_the_same_committee() -> None:
    found = run("区委常委、宣传部部长、统战部部长郭海涛主持大会。", headline="二七区举行表彰大会")
    assert found["郭海涛"] == [("常委", "二七区委"), ("部长", "二七区委宣传部"), ("部长", "二七区委统战部")]
    # a department after the committee itself still hangs on the committee (seed 000)
    assert run("惠济区委常委、组织部部长符维表示,要加强学习。")["符维"] == [
        ("常委", "惠济区委"), ("部长", "惠济区委组织部")]


def test_part_of_a_named_body_without_a_known_suffix() -> None:
    found = run("会上,区委党校常务副校长吴楠作专题辅导。", headline="金水区委理论学习中心组开展集体学习")
    assert found["吴楠"] == [("常务副校长", "金水区委党校")]


def test_words_before_a_title_that_name_no_known_body_do_not_inherit_the_chain() -> None:
    found = run("图为全国政协委员、民建中央常委、林达集团董事长李晓林先生")
    assert found["李晓林"][0] == ("委员", "全国政协")
    assert found["李晓林"][1] == ("民建中央常委", None)
    assert found["李晓林"][2] == ("董事长", "林达集团")


@pytest.mark.parametrize(
    ("text", "name", "posts"),
    [
        # given names that open with a function character
        ("本报讯 11月3日上午,市委常委、金水区委书记陈向东带队调研老旧小区改造工作。", "陈向东",
         [("常委", "郑州市委"), ("书记", "金水区委")]),
        ("政协副主席姜之厚、团市委书记彭志国出席此次活动。", "姜之厚", [("副主席", "郑州市政协")]),
        # CLUENER 2020 training sentences: adverbs and verbs after the name, ministry posts
        ("6月中旬，上海市住房保障和房屋管理局局长刘海生曾明确表示，从供需平衡", "刘海生",
         [("局长", "上海市住房保障和房屋管理局")]),
        ("这不是个别的现象。上海银监局局长阎庆民此前接受记者专访时称", "阎庆民", [("局长", "上海银监局")]),
        ("河南省收藏家协会茶艺专业委员会会长杨斌拿起一把壶", "杨斌", [("会长", "河南省收藏家协会茶艺专业委员会")]),
        ("尊敬的中国房地产业协会宋春华会长，各位嘉宾", "宋春华", [("会长", "中国房地产业协会")]),
        ("上街区委书记乔卫东,区委副书记、代区长袁磊陪同调研。", "袁磊",
         [("副书记", "上街区委"), ("代区长", "上街区政府")]),
    ],
)
def test_unseen_names_and_titles(text: str, name: str, posts: list[tuple[str, str]]) -> None:
    assert run(text)[name] == posts


def test_a_form_of_address_is_no_name() -> None:
    found = run("瑞典色彩中心中国代表马女士、艺术总监许俊杰先生")
    assert "马女士" not in found
    assert found["许俊杰"] == [("艺术总监", None)]  # words that name no body stay with the title


def test_a_function_character_still_ends_a_name() -> None:
    found = run("副区长张三向记者介绍了情况。", headline="惠济区召开会议")
    assert found == {"张三": [("副区长", "惠济区政府")]}
