"""The page in a real browser: headless Chromium with every network access refused.

One browser session serves the whole module. Where Chromium or chromedriver cannot be started the
tests fail with the reason: the page people look at first is never silently left untested.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.view.html import render_html

FIXTURE = Path(__file__).parent / "fixtures" / "view" / "seed_small.ttl"
REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PERSON = "https://kg.example.org/id/person/"


def _start_browser(profile: str):  # -> selenium WebDriver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or CHROMIUM
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", f"--user-data-dir={profile}",
        # No network at all: a proxy on a closed port and no name resolution.
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--window-size=1400,900", "--lang=zh-CN",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(shutil.which("chromedriver") or CHROMEDRIVER)
    return webdriver.Chrome(service=service, options=options)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    profile = tempfile.mkdtemp(prefix="kg-view-chromium-")
    try:
        driver = _start_browser(profile)
    except Exception as error:  # any failure to start is the test's failure, said plainly
        pytest.fail(
            f"cannot start headless Chromium for the HTML view tests ({type(error).__name__}: {error}). "
            f"Install Debian's chromium and chromium-driver ({CHROMIUM}, {CHROMEDRIVER}).",
            pytrace=False,
        )
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def open_page(browser, path: Path) -> list[dict]:
    """Load ``path`` and return what the console said while loading."""
    browser.get_log("browser")  # drop anything left from the previous page
    browser.get(path.resolve().as_uri())
    browser.execute_script("return document.readyState")
    return browser.get_log("browser")


@pytest.fixture(scope="module")
def fixture_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_html(FIXTURE, tmp_path_factory.mktemp("browser") / "graph.html")


@pytest.fixture(scope="module")
def console(browser, fixture_page: Path) -> list[dict]:
    return open_page(browser, fixture_page)


def test_page_loads_without_console_errors_or_fetches(browser, console: list[dict]) -> None:
    problems = [entry for entry in console if entry["level"] in ("SEVERE", "WARNING")]
    assert problems == []
    assert browser.execute_script("return typeof vis === 'object' && typeof window.kgView === 'object'")
    # Nothing but the file itself was loaded: no script, stylesheet, font or image from anywhere.
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0


def test_network_holds_every_node_and_edge(browser, console: list[dict]) -> None:
    counts = browser.execute_script(
        "var v = window.kgView; return [v.nodes.length, v.edges.length, v.nodesView.length, v.edgesView.length,"
        " Object.keys(v.network.body.nodes).length];"
    )
    assert counts[:4] == [30, 43, 30, 43]
    assert counts[4] >= 30  # vis-network drew them (it may hold extra internal nodes)
    assert browser.find_element("id", "kg-summary").text.startswith("人物 9 · 机构 9 · 地点 6 · 活动 3 · 报道 3")


def test_injected_markup_did_not_run_and_shows_as_text(browser, console: list[dict]) -> None:
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    tooltip = browser.execute_script(
        "return window.kgView.nodes.get(arguments[0]).title.textContent", PERSON + "pwned"
    )
    assert "<script>window.__pwned=1</script>" in tooltip and "window.__pwned=4" in tooltip


def test_search_finds_and_selects_hu_quan(browser, console: list[dict]) -> None:
    box = browser.find_element("id", "kg-search")
    box.clear()
    box.send_keys("胡荃")
    browser.find_element("id", "kg-search-button").click()
    assert browser.execute_script("return window.kgView.network.getSelectedNodes()") == [PERSON + "胡荃"]
    assert "胡荃" in browser.find_element("id", "kg-search-status").text
    # The neighbourhood stays bright: 胡荃, his body and his event.
    assert browser.execute_script("return window.kgView.highlighted()") == 3


def test_hover_shows_a_plain_text_tooltip_and_click_highlights(browser, console: list[dict]) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    browser.find_element("id", "kg-reset").click()
    node = PERSON + "丁文霞"
    browser.execute_script("window.kgView.network.focus(arguments[0], {scale: 1.5})", node)
    canvas = browser.find_element("css selector", "#kg-network canvas")
    x, y = browser.execute_script(
        "var n = window.kgView.network, p = n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]);"
        "var box = arguments[1].getBoundingClientRect(); return [p.x - box.width / 2, p.y - box.height / 2];",
        node, canvas,
    )
    ActionChains(browser).move_to_element_with_offset(canvas, int(x), int(y)).perform()
    tooltip = WebDriverWait(browser, 10).until(
        lambda b: b.execute_script(
            "var t = document.querySelector('div.vis-tooltip');"
            "return t && t.style.visibility !== 'hidden' && t.textContent.indexOf('丁文霞') >= 0 ? t : null;"
        )
    )
    text = tooltip.text
    assert "职务:惠济区委副书记、惠济区政府区长" in text and "4月8日上午" in text and "依据:" in text
    assert browser.execute_script("return arguments[0].querySelectorAll('*:not(div):not(span)').length", tooltip) == 0
    ActionChains(browser).move_to_element_with_offset(canvas, int(x), int(y)).click().perform()
    assert browser.execute_script("return window.kgView.network.getSelectedNodes()") == [node]
    # 丁文霞, her two bodies and her two events stay bright; everything else fades.
    assert browser.execute_script("return window.kgView.highlighted()") == 5
    browser.find_element("id", "kg-reset").click()
    assert browser.execute_script("return window.kgView.highlighted()") == 30


def test_type_filter_hides_a_type(browser, console: list[dict]) -> None:
    browser.find_element("id", "kg-type-article").click()
    visible = browser.execute_script(
        "var v = window.kgView; return [v.nodesView.length, v.edgesView.length,"
        " v.nodesView.get({filter: function (n) { return n.type === 'article'; }}).length];"
    )
    assert visible == [27, 40, 0]
    browser.find_element("id", "kg-type-article").click()
    assert browser.execute_script("return window.kgView.nodesView.length") == 30


def test_date_range_filter_hides_events_outside_it(browser, console: list[dict]) -> None:
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "kg-date-from")).select_by_visible_text("4月9日")
    events = browser.execute_script(
        "return window.kgView.nodesView.get({filter: function (n) { return n.type === 'event'; }})"
        ".map(function (n) { return n.name; }).sort();"
    )
    assert events == ["健步走活动", "检查调研 “一件事”改革"]
    browser.find_element("id", "kg-reset").click()
    assert browser.execute_script("return window.kgView.nodesView.length") == 30


def test_screenshot_for_people(browser, console: list[dict]) -> None:
    out = REPO / "output" / "graph-fixture.png"
    out.parent.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(out))
    assert out.stat().st_size > 10_000


# --- the real build of the seeds ---------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``kg build`` of the seed pages: its graph.ttl and the graph.html it wrote with render_html."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seed-build")
    result = build([REPO / "seeds"], out=out, formats=("ttl", "html"))
    assert result.outputs["html"].is_file()
    return out


def test_seed_build_page_in_the_browser(browser, seed_build: Path) -> None:
    from rdflib import Graph

    from kg.view.network import to_networkx

    expected = to_networkx(Graph().parse(seed_build / "graph.ttl"))
    console = open_page(browser, seed_build / "graph.html")
    assert [entry for entry in console if entry["level"] in ("SEVERE", "WARNING")] == []
    counts = browser.execute_script("var v = window.kgView; return [v.nodes.length, v.edges.length];")
    assert counts == [expected.number_of_nodes(), expected.number_of_edges()]
    assert counts[0] > 100  # five pages of news: officials, bodies, places, events, articles
    found = browser.execute_script("return window.kgView.search('胡荃')")
    assert found and browser.execute_script("return window.kgView.nodes.get(arguments[0]).name", found) == "胡荃"
    assert browser.execute_script("return window.kgView.network.getSelectedNodes()") == [found]
    # The picture people look at: the whole graph, opened as a user opens it.
    open_page(browser, seed_build / "graph.html")
    out = REPO / "output" / "graph.png"
    out.parent.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(out)) and out.stat().st_size > 20_000
