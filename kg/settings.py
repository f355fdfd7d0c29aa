"""Settings that change what is extracted or how the graph is named, with their defaults."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_BASE_IRI = "https://kg.example.org/id/"
DEFAULT_HOME_CITY = "郑州市"


@dataclass(frozen=True)
class Settings:
    # The newspaper's own city: ``市委`` means its party committee when an article names no other city.
    home_city: str = DEFAULT_HOME_CITY
    # Whether ``home_city`` was given explicitly (``--home-city``): then it is not inferred from each page
    # (the newspaper it names, the counties it names: :mod:`kg.extract.divisions`).
    home_city_fixed: bool = False
    # The year of the pages when the articles do not say it (``--year``).
    year: int | None = None
    # Page dates by file name (a sidecar file): a page's year overrides ``year``.
    page_dates: dict[str, str] = field(default_factory=dict)
    # Same name with compatible bodies in two pages is one person (``--no-cross-page`` turns it off).
    cross_page: bool = True
    base_iri: str = DEFAULT_BASE_IRI
