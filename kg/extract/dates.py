"""Dates in news text: ``4月8日上午``, ``8日下午3点``, ``2021年4月8日``, ``日前`` — and the year of an article.

``parse_dates`` finds TIME mentions and normalises each into an :class:`EventDate`. A day without a
month (``8日下午3点``) takes its month (and year) from the nearest earlier full date in the same text;
relative dates (``昨日``, ``连日来``) keep their text with ``relative=True``.

``infer_year`` decides the year an article speaks of when its dates do not say it, from the strongest
evidence in this order:

1. the page's publication date (``Settings.page_dates``, a sidecar keyed by file name);
2. the article itself: a stated year (``2020年度``, ``2023年第一季度``, ``《二七区2022年项目建设工作台账》`` — a year in
   the title of a current plan is still evidence of the current year), an anniversary
   (``庆祝中国共产党成立100周年`` → 2021), a campaign that ran in one known year (lexicon ``year_cues.tsv``);
   historic years (``始建于1958年``, ``20世纪五六十年代``) and targets (``到2025年``) are not evidence;
3. the other articles of the same page: a newspaper page is one day's issue, so a year that one article
   states as current holds for its neighbours (the page's file is read again through ``kg.corpus``);
4. ``Settings.year`` (``--year``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from kg.extract.lexicon import read_rows
from kg.extract.roles import context_words
from kg.model import Article, EventDate, Mention
from kg.settings import Settings

_MIN_YEAR, _MAX_YEAR = 1949, 2099


@cache
def _date_words() -> tuple[list[str], dict[str, str]]:
    relative: list[str] = []
    parts: dict[str, str] = {}
    holidays: list[str] = []
    suffixes: list[str] = []
    for kind, text, value in read_rows("date_words.tsv"):
        if kind == "relative":
            relative.append(text)
        elif kind == "part_of_day":
            parts[text] = value
        elif kind == "holiday":
            holidays.append(text)
        elif kind == "holiday_suffix":
            suffixes.append(text)
    relative += [holiday + suffix for holiday in holidays for suffix in suffixes]
    return relative, parts


@cache
def _date_pattern() -> re.Pattern[str]:
    relative, parts = _date_words()
    part = "|".join(sorted(map(re.escape, parts), key=len, reverse=True))
    rel = "|".join(sorted(map(re.escape, relative), key=len, reverse=True))
    clock = r"(?P<hour>\d{1,2})(?:点|时)(?:(?P<minute>\d{1,2})分|半)?"
    absolute = (
        r"(?:(?P<year>(?:19|20)\d{2})年)?"
        r"(?:(?P<month>1[0-2]|0?[1-9])月)?"
        r"(?P<day>3[01]|[12]\d|0?[1-9])(?:日|号)"
    )
    year_month = r"(?P<ym_year>(?:19|20)\d{2})年(?P<ym_month>1[0-2]|0?[1-9])月(?!\d|份)"
    return re.compile(
        rf"(?<!\d)(?:(?P<abs>{absolute})|(?P<ym>{year_month})|(?P<rel>{rel}))"
        rf"(?P<part>{part})?(?:{clock})?"
    )


def parse_dates(text: str, offset: int = 0) -> list[tuple[Mention, EventDate]]:
    """TIME mentions in ``text`` (offsets shifted by ``offset``) with their normalised dates."""
    _, parts = _date_words()
    found: list[tuple[Mention, EventDate]] = []
    context_year: int | None = None
    context_month: int | None = None
    for match in _date_pattern().finditer(text):
        part = parts.get(match.group("part") or "")
        hour = match.group("hour")
        if part is None and hour is not None:
            part = _part_from_hour(int(hour))
        if match.group("abs"):
            year = int(match.group("year")) if match.group("year") else None
            month = int(match.group("month")) if match.group("month") else None
            day = int(match.group("day"))
            if month is None and not match.group("part") and hour is None and not _looks_like_day(text, match):
                continue  # "9家单位" never matches, but a bare "5日" in a table of figures is not a date either
            if month is not None:
                context_month = month
                context_year = year or context_year
            elif context_month is not None:
                month, year = context_month, year or context_year
            date = EventDate(text=match.group(0), year=year, month=month, day=day, part_of_day=part)
        elif match.group("ym"):
            year, month = int(match.group("ym_year")), int(match.group("ym_month"))
            context_year, context_month = year, month
            date = EventDate(text=match.group(0), year=year, month=month, part_of_day=part)
        elif (named := _day_named_before(text, match, found, offset)) is not None:
            # 9月21日是第24个全民国防教育日。当天上午，…举行: the day the sentence before names
            date = replace(named, part_of_day=part or named.part_of_day)
        else:
            date = EventDate(text=match.group(0), part_of_day=part, relative=True)
        mention = Mention("TIME", offset + match.start(), offset + match.end(), match.group(0), "rule:date")
        found.append((mention, date))
    return found


@cache
def _same_day_words() -> tuple[str, ...]:
    return tuple(text for kind, text, _value in read_rows("date_words.tsv") if kind == "same_day")


def _day_named_before(
    text: str, match: re.Match[str], found: list[tuple[Mention, EventDate]], offset: int
) -> EventDate | None:
    """The date a same-day word (当天, 当日: ``same_day`` in date_words.tsv) opening a sentence refers to: the
    last day named before it in its paragraph (9月21日是…国防教育日。当天上午…), else None (a relative date)."""
    from kg.extract.mentions import SENTENCE_ENDS  # here: mentions imports this module

    if not match.group("rel").startswith(_same_day_words()):
        return None
    before = text[: match.start()].rstrip()
    if before and before[-1] not in SENTENCE_ENDS:
        return None  # 会议当天: the day of something the sentence names, not of the sentence before
    paragraph_start = text.rfind("\n", 0, match.start()) + 1
    for mention, date in reversed(found):
        if mention.start < offset + paragraph_start:
            break
        if not date.relative and date.day is not None:
            return date
    return None


def _part_from_hour(hour: int) -> str:
    if hour < 6:
        return "early_morning"
    if hour < 12:
        return "morning"
    if hour < 13:
        return "noon"
    if hour < 18:
        return "afternoon"
    return "evening"


def _looks_like_day(text: str, match: re.Match[str]) -> bool:
    """A bare ``N日`` is a date when it opens a clause (``9日早上7点半,`` or ``……。8日,``)."""
    if not match.group(0).rstrip().endswith("日") and "日" not in match.group(0):
        return False  # "3号" alone is a house or a building number
    before = text[match.start() - 1] if match.start() else ""
    return not before or before in "\n,，。;；:：、 于在至到"


def is_report_date(text: str, end: int) -> bool:
    """Whether the date ending at ``end`` is when the reporter learned of the news (``记者4月10日获悉``)."""
    following = text[end : end + 12]
    return any(following.startswith(marker) for marker in _report_markers()) or bool(
        re.match(r"从[^,，。]{1,12}(?:获悉|了解到)", following)
    )


@cache
def _report_markers() -> tuple[str, ...]:
    return tuple(text for text in context_words("report_marker") if text != "从")


# --- the year -------------------------------------------------------------------------------------------------

_STATED_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年(?!代)")
_HISTORIC_BEFORE = ("始建于", "建于", "始于", "早在", "成立于", "自", "从", "于", "到", "至", "截至", "力争")
_HISTORIC_AFTER = ("以来", "以前", "之前", "前", "底前", "后", "之后", "至", "到", "—", "-", "~")


def year_evidence(text: str) -> Counter[int]:
    """Votes for the year that ``text`` treats as the current one (stated years count double)."""
    votes: Counter[int] = Counter()
    for match in _STATED_YEAR.finditer(text):
        year = int(match.group(1))
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            continue
        before = text[max(0, match.start() - 3) : match.start()]
        after = text[match.end() : match.end() + 2]
        if any(before.endswith(word) for word in _HISTORIC_BEFORE):
            continue
        if any(after.startswith(word) for word in _HISTORIC_AFTER):
            continue
        votes[year] += 2
    for kind, pattern, base in _year_cues():
        if kind == "anniversary":
            for match in re.finditer(rf"(?:{pattern})\s*(\d{{1,3}})\s*周年", text):
                votes[int(base) + int(match.group(1))] += 2
        elif kind == "campaign" and re.search(pattern, text):
            votes[int(base)] += 1
    return votes


@cache
def _year_cues() -> tuple[tuple[str, str, str], ...]:
    return tuple((kind, pattern, year) for kind, pattern, year in read_rows("year_cues.tsv"))


def _best(votes: Counter[int]) -> int | None:
    if not votes:
        return None
    # most votes first; between equals the later year (an article cites last year's figures more than next year's)
    return max(votes, key=lambda year: (votes[year], year))


def page_date(article: Article, settings: Settings) -> str | None:
    """The page's publication date from the sidecar, keyed by the file as given, its name or its stem."""
    if not settings.page_dates:
        return None
    path = Path(article.file)
    for key in (article.file, path.name, path.stem):
        if key in settings.page_dates:
            return settings.page_dates[key]
    return None


def infer_year(article: Article, settings: Settings, page: Sequence[Article] | None = None) -> int | None:
    """The year the article's undated dates belong to, or None when nothing says it (see the module doc)."""
    published = page_date(article, settings)
    if published and re.match(r"\d{4}", published):
        return int(published[:4])
    own = _best(year_evidence(article.text))
    if own is not None:
        return own
    if page is not None:
        votes: Counter[int] = Counter()
        for other in page:
            if other.file == article.file and other.position != article.position:
                votes.update(year_evidence(other.text))
    else:
        votes = year_evidence(page_text(article.file))
    page_year = _best(votes)
    if page_year is not None:
        return page_year
    return settings.year


def page_text(file: str) -> str:
    """The whole page an article came from, "" when it cannot be read (a page read from standard input)."""
    path = Path(file)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return ""
    return _read_page(str(path), stamp)


@cache
def _read_page(file: str, stamp: int) -> str:
    data = Path(file).read_bytes()
    try:
        from kg.corpus.decode import decode_page

        return decode_page(data)[0]
    except Exception:  # the corpus module cannot decode it: plain UTF-8, undecodable bytes dropped
        return data.decode("utf-8", errors="ignore")


def complete_year(date: EventDate, article: Article, settings: Settings, year: int | None) -> EventDate:
    """``date`` with its year filled in: from the page's date (a December event on a January page is last
    year's), else from ``year``; a bare day gets its month from the page's date too. Relative and already
    complete dates are returned as they are."""
    if date.relative or date.year is not None:
        return date
    published = page_date(article, settings)
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", published or "")
    if date.month is None:
        if not (match and date.day):
            return date
        # a bare day (8日下午3点) is the latest such day on or before the page's date
        page_year, page_month, page_day = (int(g) for g in match.groups())
        month, year_of = page_month, page_year
        if date.day > page_day:
            month, year_of = (page_month - 1, page_year) if page_month > 1 else (12, page_year - 1)
        return replace(date, year=year_of, month=month)
    if match:
        page_year, page_month, page_day = (int(g) for g in match.groups())
        later = (date.month, date.day or 0) > (page_month, page_day)
        return replace(date, year=page_year - 1 if later and date.month - page_month > 6 else page_year)
    return replace(date, year=year) if year is not None else date


def resolve_relative(date: EventDate, article: Article, settings: Settings) -> EventDate:
    """``昨日`` / ``今日`` / ``前日`` become a calendar date when the page's publication date is known."""
    import datetime as dt

    published = page_date(article, settings)
    if not (date.relative and published):
        return date
    shifts = {"昨日": 1, "昨天": 1, "前日": 2, "前天": 2, "今日": 0, "今天": 0}
    word = next((w for w in shifts if date.text.startswith(w)), None)
    if word is None:
        return date
    try:
        day = dt.date.fromisoformat(published[:10]) - dt.timedelta(days=shifts[word])
    except ValueError:
        return date
    return replace(date, year=day.year, month=day.month, day=day.day, relative=False)
