"""A bare 市 means the page's own city: read from the page, the setting as fallback, --home-city fixed."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.corpus import read_articles
from kg.extract.pipeline import analyse, extract_article
from kg.model import Article
from kg.settings import Settings

BLIND = Path(__file__).parent / "gold" / "blind" / "pages"


def _article(page: str, headline_start: str):
    articles = read_articles([str(BLIND / page)]).articles
    return next(a for a in articles if a.headline.startswith(headline_start))


def test_kaifeng_page_inspection_group_is_kaifeng_s() -> None:
    article = _article("b03_kfrb_weishi_xiangfu_lankao.txt", "市委第三巡察组")
    doc = analyse(article, Settings())
    assert doc.settings.home_city == "开封市"
    assert "开封市委第三巡察组" in doc.bodies
    assert not any(name.startswith("郑州市") for name in doc.bodies)


def test_explicit_home_city_wins() -> None:
    article = _article("b03_kfrb_weishi_xiangfu_lankao.txt", "市委第三巡察组")
    doc = analyse(article, Settings(home_city="郑州市", home_city_fixed=True))
    assert doc.settings.home_city == "郑州市"
    assert "郑州市委第三巡察组" in doc.bodies


def test_visiting_member_of_city_committee_keeps_home_city() -> None:
    article = _article("b05_zzrb_xingyang_dengfeng_xinzheng.txt", "黄卫东到荥阳市")
    extraction = extract_article(article, Settings())
    posts = {(post.title, post.body) for person in extraction.persons if person.name == "黄卫东"
             for post in person.posts}
    assert ("部长", "郑州市委组织部") in posts
    assert not any(body.startswith("荥阳市") for _t, body in posts)


def test_town_in_county_level_city_hangs_off_it() -> None:
    article = _article("b05_zzrb_xingyang_dengfeng_xinzheng.txt", "义诊送到家门口")
    extraction = extract_article(article, Settings())
    places = {p.name: p.parent for p in extraction.places}
    assert places["龙湖镇"] == "新郑市"
    event = extraction.events[0]
    assert "新郑市" in event.places and "郑州市" not in event.places
    article = _article("b04_xxrb_changyuan_hongqi_weihui_huixian.txt", "卫辉市举行")
    places = {p.name: p.parent for p in extract_article(article, Settings()).places}
    assert places["狮豹头乡"] == "卫辉市"


def test_cli_home_city_option_fixes_the_city() -> None:
    page = str(BLIND / "b03_kfrb_weishi_xiangfu_lankao.txt")
    runner = CliRunner()
    inferred = runner.invoke(main, ["extract", page])
    fixed = runner.invoke(main, ["extract", "--home-city", "郑州市", page])
    assert inferred.exit_code == 0 and fixed.exit_code == 0

    def bodies(output: str) -> set[str]:
        return {b["name"] for line in output.splitlines() for b in json.loads(line)["bodies"]}

    assert "开封市委第三巡察组" in bodies(inferred.output)
    assert "郑州市委第三巡察组" in bodies(fixed.output)


def test_town_lies_in_the_county_its_sentence_names() -> None:
    text = ("惠济区干部赴兰考县学习\n本报讯 4月8日,惠济区委书记张三带队赴兰考县焦裕禄纪念园参观学习,"
            "在东坝头乡张庄村调研。金水区、二七区也派员参加。")
    article = Article(id="x-0-0", file="x.txt", position=0, headline=text.split("\n")[0], text=text)
    doc = analyse(article, Settings())
    assert doc.settings.home_city == "郑州市"  # two Zhengzhou districts against one Kaifeng county
    assert doc.places["东坝头乡"].parent == "兰考县"
    assert doc.places["惠济区"].parent == "郑州市"


PAGE = (
    "\n\n卫辉市举行森林防火应急演练\n\n本报讯(记者 梁晓东)11月6日上午,"
    "卫辉市2023年森林防火应急演练在狮豹头乡罗圈村举行。红旗区、辉县市派员观摩。\n\n\n\n"
    "市委召开常委会会议\n\n本报讯(记者 梁晓东)11月7日下午,市委召开常委会会议,"
    "市委书记张三主持会议。\n"
)


def test_every_article_of_a_page_takes_the_page_s_city(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    articles = read_articles([str(page)]).articles
    assert len(articles) == 2
    committee = analyse(articles[1], Settings())  # names no county: the page's other article does
    assert committee.settings.home_city == "新乡市"
    assert "新乡市委" in committee.bodies
    # read from standard input the page cannot be read again: the article alone, then the setting
    alone = Article(id="x-1-0", file="-", position=1, headline=articles[1].headline, text=articles[1].text)
    assert analyse(alone, Settings()).settings.home_city == "郑州市"


def test_a_paper_of_another_province() -> None:
    text = "长安区召开会议\n本报讯 11月3日上午,省委常委、市委书记张三到长安区调研,裕华区、桥西区负责同志陪同。"
    article = Article(id="x-0-0", file="x.txt", position=0, headline=text.split("\n")[0], text=text)
    doc = analyse(article, Settings())
    assert doc.settings.home_city == "石家庄市"  # 长安区 and 桥西区 repeat in other prefectures: 裕华区 decides
    posts = {(post.title, post.body) for post in doc.persons["张三"].posts}
    assert posts == {("常委", "河北省委"), ("书记", "石家庄市委")}


def test_home_city_option_is_checked_against_the_gazetteer(tmp_path) -> None:
    """A typo must not silently complete every 市委 of the pages: one line, exit 2; a city's short name is
    completed (洛阳 → 洛阳市), and a county-level city is a city too."""
    from click.testing import CliRunner

    from kg.cli import main
    from kg.extract.divisions import home_city_name

    assert home_city_name("洛阳") == "洛阳市"
    assert home_city_name(" 巩义市 ") == "巩义市"
    page = tmp_path / "page.txt"
    page.write_text("区委书记王强调研\n3月1日,市委常委、区委书记王强到辖区调研。\n", encoding="utf-8")
    for command in ("build", "extract"):
        out = ["--out", str(tmp_path / "out")] if command == "build" else []
        args = [command, str(page), "--home-city", "火星市", *out]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, result.output
        assert result.output.count("\n") == 1 and "火星市" in result.output and "divisions.tsv" in result.output
    assert not (tmp_path / "out").exists()
    ok = CliRunner().invoke(main, ["extract", str(page), "--home-city", "洛阳"])
    assert ok.exit_code == 0, ok.output
    assert '"洛阳市委"' in ok.output
