"""A per-article cache of extractions, so a rebuild re-extracts only the pages that changed.

An entry's key hashes three things: the article itself (its content hash, id, file and every
other field, since provenance names the article), the settings, and the *extractor version*: a
hash of the extraction code and of the lexicons and models it reads. Editing a lexicon line
therefore invalidates every entry, while changing one page of a hundred misses only that page's
articles.

Entries are pickled :class:`~kg.model.Extraction` objects, one file each under
``<cache dir>/<version>/<key[:2]>/<key>.pkl``, written atomically (:mod:`kg.io`), so an
interrupted build never leaves a half-written entry. An unreadable entry counts as a miss.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
import re
import shutil
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import kg
from kg.io import write_bytes_atomic
from kg.model import Article, Extraction
from kg.resources import ontology_dir
from kg.settings import Settings

# Bump when the cache layout itself changes.
CACHE_FORMAT = 1
# Source and data that decide what an extraction contains (relative to the kg package).
# ``corpus`` because extraction reads an article's page again (dates look at neighbouring articles).
_PACKAGE_INPUTS = ("extract", "ner", "corpus", "data", "model.py", "settings.py")
_ONTOLOGY_INPUTS = ("lexicon", "models")
_SKIP_SUFFIXES = (".pyc", ".pyo")
_VERSION_DIR = re.compile(r"v[0-9a-f]{16}")


def _files_under(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    if not root.is_dir():
        return []
    return sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix not in _SKIP_SUFFIXES and "__pycache__" not in p.parts
    )


def input_files() -> list[Path]:
    """Every file whose content can change what extraction produces."""
    package = Path(kg.__file__).resolve().parent
    ontology = ontology_dir()
    files: list[Path] = []
    for name in _PACKAGE_INPUTS:
        files += _files_under(package / name)
    for name in _ONTOLOGY_INPUTS:
        files += _files_under(ontology / name)
    return files


@cache
def extractor_version() -> str:
    """A hash of the extraction code, lexicons and models: part of every cache key.

    Computed once per process; it reads a few hundred kilobytes, a few milliseconds.
    """
    digest = hashlib.sha256(f"kg-cache-{CACHE_FORMAT}".encode())
    package = Path(kg.__file__).resolve().parent
    for path in input_files():
        try:
            name = path.relative_to(package.parent)
        except ValueError:
            name = Path(path.name)
        digest.update(str(name).encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def settings_fingerprint(settings: Settings) -> str:
    return json.dumps(dataclasses.asdict(settings), sort_keys=True, ensure_ascii=False, default=str)


def page_hash(file: str) -> str:
    """The hash of an article's page as it is on disk now ("" when it cannot be read)."""
    try:
        return hashlib.sha256(Path(file).read_bytes()).hexdigest()
    except OSError:
        return ""


def article_key(article: Article, settings_print: str, version: str, page: str = "") -> str:
    """The cache key of one article under given settings and extractor version.

    ``page`` is the hash of the article's whole page: extraction may look at the other articles
    of the page (a date's year), so an edit anywhere on a page re-extracts that page's articles.
    """
    content = article.content_hash or hashlib.sha256(article.text.encode()).hexdigest()
    if page:
        # Everything else in an article (sentences, byline, headline) derives from its page and the
        # corpus code, both already in the key: no need for the slower full serialisation.
        payload = json.dumps([article.id, article.file, article.position, content], ensure_ascii=False)
    else:
        fields = dataclasses.asdict(article)
        fields["content_hash"] = content
        payload = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.sha256()
    for part in (version, settings_print, page, payload):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


class ExtractionCache:
    """Extractions on disk, keyed by article, settings and extractor version."""

    def __init__(self, directory: str | Path, settings: Settings, version: str | None = None) -> None:
        self.root = Path(directory)
        self.version = version or extractor_version()
        self.directory = self.root / f"v{self.version}"
        self._settings_print = settings_fingerprint(settings)
        self.hits = 0
        self.misses = 0
        self._pages: dict[str, str] = {}

    def key(self, article: Article) -> str:
        if article.file not in self._pages:
            self._pages[article.file] = page_hash(article.file)
        return article_key(article, self._settings_print, self.version, self._pages[article.file])

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pkl"

    def get(self, article: Article) -> Extraction | None:
        path = self._path(self.key(article))
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            extraction = pickle.loads(data)
        except Exception:  # a damaged or foreign entry is a miss, never an error
            path.unlink(missing_ok=True)
            self.misses += 1
            return None
        if not isinstance(extraction, Extraction):
            self.misses += 1
            return None
        self.hits += 1
        return extraction

    def put(self, article: Article, extraction: Extraction) -> None:
        write_bytes_atomic(self._path(self.key(article)), pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))

    def put_many(self, pairs: Iterable[tuple[Article, Extraction]]) -> None:
        for article, extraction in pairs:
            self.put(article, extraction)

    def prune_other_versions(self) -> list[Path]:
        """Delete entries written by other extractor versions: they can never be hit again."""
        removed = []
        if not self.root.is_dir():
            return removed
        for child in self.root.iterdir():
            if child.is_dir() and _VERSION_DIR.fullmatch(child.name) and child != self.directory:
                shutil.rmtree(child, ignore_errors=True)
                removed.append(child)
        return removed
