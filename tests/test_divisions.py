"""The gazetteer of administrative divisions and the city a page is about (kg.extract.divisions)."""

from __future__ import annotations

from kg.extract.divisions import (
    article_county,
    county_prefecture,
    county_votes,
    is_county_level,
    load_gazetteer,
    newspaper_city,
    page_city,
)
from kg.resources import lexicon_path


def test_gazetteer_holds_all_provinces_prefectures_and_counties() -> None:
    rows = [line.split("\t") for line in lexicon_path("divisions.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert 3000 < len(rows) < 3600
    assert all(len(row) == 4 for row in rows)
    levels = {row[1] for row in rows}
    assert levels == {"province", "city", "district"}
    assert sum(row[1] == "province" for row in rows) == 34
    gazetteer = load_gazetteer()
    assert [d.parent for d in gazetteer.named("长垣市")] == ["新乡市"]  # a county-level city since 2019
    assert [d.parent for d in gazetteer.named("孟津区")] == ["洛阳市"]  # a district since 2021
    assert gazetteer.province_of("尉氏县") == "河南省"


def test_newspaper_names_the_city() -> None:
    assert newspaper_city("洛阳日报 2023年11月7日 第3版") == "洛阳市"
    assert newspaper_city("据开封日报报道") == "开封市"
    assert newspaper_city("河南日报记者") is None  # a province's paper names no city
    assert newspaper_city("人民日报评论员文章") is None
    assert newspaper_city("郑州晚报 A05版") == "郑州市"
    running = "据洛阳日报报道,孟津区今年新建高标准农田五万亩,带动农民增收," * 2
    assert newspaper_city(running) is None  # a paper cited in running text is not the page's


def test_counties_vote_for_their_prefecture() -> None:
    text = "市委第三巡察组巡察尉氏县工作动员会召开。尉氏县委书记宁建设主持会议"
    assert county_votes(text, "郑州市") == {"开封市": 1.0}
    assert page_city(text, "郑州市") == "开封市"
    # a Zhengzhou page about its county-level cities keeps the home city
    assert page_city("市委常委、组织部部长黄卫东到荥阳市调研基层党建工作", "郑州市") == "郑州市"
    # nothing to go on: the setting
    assert page_city("市委召开常委会会议", "郑州市") == "郑州市"
    assert page_city("郑州日报讯 卫辉市举行森林防火应急演练", "洛阳市") == "郑州市"


def test_repeated_county_names_prefer_the_home_province() -> None:
    assert len(load_gazetteer().prefectures_of("鼓楼区")) > 1
    assert county_prefecture("鼓楼区", "开封市") == "开封市"
    assert county_prefecture("卫辉市", "郑州市") == "新乡市"
    # names shared outside the home province split their votes: together they still decide
    assert page_city("长安区、桥西区负责同志参加会议", "郑州市") == "石家庄市"
    assert page_city("长安区负责同志参加会议", "郑州市") == "郑州市"  # 石家庄市 or 西安市: a tie


def test_county_level_cities_are_counties() -> None:
    assert is_county_level("新郑市") and is_county_level("卫辉市") and is_county_level("尉氏县")
    assert not is_county_level("新乡市") and not is_county_level("河南省")
    spans = [(0, 3, "新郑市", "city"), (10, 13, "龙湖镇", "town")]
    assert article_county(spans) == "新郑市"
    assert article_county([(0, 3, "新乡市", "city")]) is None
