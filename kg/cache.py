"""The caches of ``kg build --cache``: extractions by article (:class:`ExtractionCache`), and the
build cache of :mod:`kg.incremental` (:class:`BuildCache`: split pages, graph fragments, the last
Turtle's blocks), so a rebuild redoes only what the changed pages touch.

**Extractions.**

An entry's key hashes three things: the article itself (its content hash, id, file and every
other field, since provenance names the article), the settings, and the *extractor version*: a
hash of the extraction code and of the lexicons and models it reads. Editing a lexicon line
therefore invalidates every entry, while changing one page of a hundred misses only that page's
articles.

Entries are pickled :class:`~kg.model.Extraction` objects, one file each under
``<cache dir>/<version>/<key[:2]>/<key>.pkl``, written atomically (a temporary file renamed), so an
interrupted build never leaves a half-written entry. An unreadable entry counts as a miss.

**The build cache** lives under ``<cache dir>/build/v<version>/``, its version hashing the extractor
version, the graph code (``kg/graph``, ``kg/resolve.py``, ``kg/incremental.py``, this file), the
ontology and the settings. The same rules hold: atomic writes, and anything unreadable or not what
the index says it is counts as missing and is made again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import pickle
import re
import shutil
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import kg
from kg.graph.rdf import ArticleReports
from kg.io import write_bytes_atomic
from kg.model import Article, Body, Extraction, Person, Post, Provenance
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


def write_cache_file(path: Path, data: bytes) -> None:
    """Write a cache entry atomically (:func:`kg.io.write_bytes_atomic`), without ``fsync``.

    Thousands of entries are written in a first build, and a sync each would cost more than the
    entries save. An entry cut short by a crash is at worst unreadable, and an unreadable entry
    is a miss: every reader here checks what it loads.
    """
    write_bytes_atomic(path, data, sync=False)


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


def prune_versions(root: Path, keep: Path) -> list[Path]:
    """Delete every ``v<version>`` folder under ``root`` but ``keep``; return those deleted."""
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    for child in root.iterdir():
        if child.is_dir() and _VERSION_DIR.fullmatch(child.name) and child != keep:
            shutil.rmtree(child, ignore_errors=True)
            removed.append(child)
    return removed


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

    def know_pages(self, hashes: dict[str, str]) -> None:
        """Page hashes already computed (by path), so that pages are not read again to key articles."""
        self._pages.update(hashes)

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
        write_cache_file(self._path(self.key(article)), pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))

    def put_many(self, pairs: Iterable[tuple[Article, Extraction]]) -> None:
        for article, extraction in pairs:
            self.put(article, extraction)

    def prune_other_versions(self) -> list[Path]:
        """Delete entries written by other extractor versions: they can never be hit again."""
        return prune_versions(self.root, keep=self.directory)


# --- the build cache: pages, graph fragments and the last Turtle, for incremental builds -----

# Source and data that decide how extractions become the graph (besides the extractor's inputs).
_GRAPH_PACKAGE_INPUTS = ("graph", "resolve.py", "incremental.py", "cache.py", "view")
# Libraries whose versions can change the HTML view's bytes (the inlined vis-network, the layout's numerics).
_VIEW_LIBRARIES = ("pyvis", "networkx", "numpy", "scipy", "jinja2", "markupsafe", "rdflib", "pyoxigraph")
_GRAPH_ONTOLOGY_INPUTS = ("kg.ttl",)


@cache
def graph_version() -> str:
    """A hash of the extractor version and of the code and ontology that build the graph."""
    digest = hashlib.sha256(f"kg-build-cache-{CACHE_FORMAT}-{extractor_version()}".encode())
    package = Path(kg.__file__).resolve().parent
    files = [f for name in _GRAPH_PACKAGE_INPUTS for f in _files_under(package / name)]
    files += [f for name in _GRAPH_ONTOLOGY_INPUTS for f in _files_under(ontology_dir() / name)]
    for path in files:
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for library in _VIEW_LIBRARIES:
        try:
            digest.update(f"{library}={importlib.metadata.version(library)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{library} missing\0".encode())
    return digest.hexdigest()[:16]


# A person as entity resolution reads it: name, and each post's (title, body, representative,
# provenance fields). Plain tuples: unpickling thousands of dataclass objects is what costs.
PersonTuple = tuple[str, tuple[tuple[str, "str | None", bool, tuple], ...]]
BodyTuple = tuple[str, str, "str | None", "str | None"]  # name, kind, parent, place


def person_tuple(person: Person) -> PersonTuple:
    return person.name, tuple(
        (post.title, post.body, post.representative, dataclasses.astuple(post.provenance)) for post in person.posts
    )


def person_from_tuple(value: PersonTuple) -> Person:
    name, posts = value
    return Person(
        name,
        posts=[Post(title, body, Provenance(*prov), representative) for title, body, representative, prov in posts],
    )


def body_tuple(body: Body) -> BodyTuple:
    return body.name, body.kind, body.parent, body.place


@dataclasses.dataclass
class ArticleRecord:
    """What a rebuild needs of an article whose extraction and person keys did not change.

    ``persons`` and ``bodies`` are the extraction's (persons without their mentions): enough for
    entity resolution and the build's counts. The article's triples stay in a fragment file,
    read only when a subject they describe changed; ``digests`` identifies them by subject.
    """

    persons: list[PersonTuple]
    bodies: list[BodyTuple]
    places: list[str]
    events: int
    keys: tuple[str, ...]  # the person keys the fragment was built with
    fragment: str  # the fragment file's key
    reports: ArticleReports
    digests: dict[str, bytes]  # subject → digest of this article's (predicate, object) set for it


# Where one subject's block of the last graph.ttl is, and what it was made of:
# (signature of its contributions, offset in the Turtle body, length, number of triples).
TurtleBlock = tuple[bytes, int, int, int]


@dataclasses.dataclass
class BuildIndex:
    """The whole small part of the build cache, read and written in one piece."""

    records: dict[str, ArticleRecord] = dataclasses.field(default_factory=dict)  # by extraction key
    blocks: dict[str, TurtleBlock] = dataclasses.field(default_factory=dict)  # by subject
    turtle_digest: bytes = b""  # of the last Turtle body, so a damaged copy is never spliced


def entries_digest(entries: Iterable[tuple[str, str]]) -> bytes:
    """A digest of a set of (predicate, object) pairs, independent of their order."""
    return hashlib.blake2b("\n".join(sorted(f"{p} {o}" for p, o in entries)).encode(), digest_size=16).digest()


def _prune_entries(folder: Path, keep: set[str]) -> None:
    """Delete the ``<key[:2]>/<key>.pkl`` entries under ``folder`` whose key is not in ``keep``."""
    if not folder.is_dir():
        return
    for entry in folder.glob("*/*.pkl"):
        if entry.stem not in keep:
            entry.unlink(missing_ok=True)


def _load_pickle(path: Path, expected: type) -> object | None:
    """An object pickled at ``path``, or None when it is missing, damaged or of another type."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        value = pickle.loads(data)
    except Exception:  # a damaged or foreign file is a miss, never an error
        return None
    return value if isinstance(value, expected) else None


class BuildCache:
    """Pages, graph fragments and the last Turtle under ``<cache dir>/build/v<version>/``.

    - ``pages/``: a page's articles, keyed by its path and the hash of its bytes, so an unchanged
      page is not split again;
    - ``fragments/``: an article's triples by subject (:func:`kg.graph.rdf.article_fragment`),
      keyed by its extraction key and its persons' resolved keys;
    - ``index.pkl``: a :class:`BuildIndex`; ``graph.ttl.body``: the last Turtle without its header;
    - ``view/``: the last graph.html (copied when the Turtle is unchanged) and ``state.pkl``, what
      :mod:`kg.view.incremental` needs to redo the next view only where the graph changed.

    Every file is written atomically; anything unreadable counts as missing and is rebuilt.
    """

    def __init__(self, directory: str | Path, settings: Settings, version: str | None = None) -> None:
        self.root = Path(directory) / "build"
        self.settings_print = settings_fingerprint(settings)
        # The settings are part of the folder's name: the base IRI decides how the Turtle is written.
        version = version or graph_version()
        self.version = hashlib.sha256(f"{version}\0{self.settings_print}".encode()).hexdigest()[:16]
        self.directory = self.root / f"v{self.version}"
        self.page_hashes: dict[str, str] = {}  # path → sha256 of the bytes read this build
        self.pages_read = 0  # pages split this build (not found in the cache)
        self._pages_used: set[str] = set()  # page entries this build read or wrote

    # pages

    def _page_path(self, path: str, content: str) -> Path:
        key = hashlib.sha256(f"{path}\0{content}".encode()).hexdigest()
        return self.directory / "pages" / key[:2] / f"{key}.pkl"

    def read_page(self, path: str) -> list[Article]:
        """The articles of the page at ``path``: from the cache when its bytes are unchanged."""
        from kg.corpus.reader import STDIN, page_articles, read_page_bytes

        data = read_page_bytes(path)
        if path == STDIN:
            return page_articles(data, path)
        content = hashlib.sha256(data).hexdigest()
        self.page_hashes[path] = content
        entry = self._page_path(path, content)
        self._pages_used.add(entry.stem)
        articles = _load_pickle(entry, list)
        if articles and all(isinstance(a, Article) and a.file == path for a in articles):
            return articles  # type: ignore[return-value]
        self.pages_read += 1
        articles = page_articles(data, path)
        write_cache_file(entry, pickle.dumps(articles, protocol=pickle.HIGHEST_PROTOCOL))
        return articles

    def prune_pages(self) -> None:
        """Delete page entries this build did not use (earlier versions of changed pages)."""
        _prune_entries(self.directory / "pages", keep=self._pages_used)

    # fragments

    def fragment_key(self, extraction_key: str, keys: tuple[str, ...]) -> str:
        return hashlib.sha256(json.dumps([extraction_key, list(keys)], ensure_ascii=False).encode()).hexdigest()

    def _fragment_path(self, key: str) -> Path:
        return self.directory / "fragments" / key[:2] / f"{key}.pkl"

    def put_fragment(self, key: str, triples: dict[str, set[tuple[str, str]]]) -> None:
        write_cache_file(self._fragment_path(key), pickle.dumps(triples, protocol=pickle.HIGHEST_PROTOCOL))

    def get_fragment(self, key: str) -> dict[str, set[tuple[str, str]]] | None:
        return _load_pickle(self._fragment_path(key), dict)  # type: ignore[return-value]

    def prune_fragments(self, keep: set[str]) -> None:
        """Delete fragment files no article of the last build uses."""
        _prune_entries(self.directory / "fragments", keep=keep)

    # the index and the last Turtle

    def load_index(self) -> BuildIndex:
        index = _load_pickle(self.directory / "index.pkl", BuildIndex)
        return index if isinstance(index, BuildIndex) else BuildIndex()

    def load_turtle(self, index: BuildIndex) -> bytes:
        """The last Turtle body, or b"" when it is missing or does not match the index."""
        try:
            body = (self.directory / "graph.ttl.body").read_bytes()
        except OSError:
            return b""
        if hashlib.blake2b(body, digest_size=16).digest() != index.turtle_digest:
            return b""
        return body

    def save(self, index: BuildIndex, turtle_body: bytes) -> None:
        index.turtle_digest = hashlib.blake2b(turtle_body, digest_size=16).digest()
        write_cache_file(self.directory / "graph.ttl.body", turtle_body)
        write_cache_file(self.directory / "index.pkl", pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))

    # the HTML view of the last Turtle

    def _view_path(self, turtle: bytes) -> Path:
        return self.directory / "view" / f"{hashlib.blake2b(turtle, digest_size=16).hexdigest()}.html"

    def get_view(self, turtle: bytes) -> bytes | None:
        """The HTML view last rendered from exactly this Turtle (same view code and libraries), if any."""
        try:
            data = self._view_path(turtle).read_bytes()
        except OSError:
            return None
        digest, html = data[:16], data[16:]  # a damaged entry is a miss
        return html if hashlib.blake2b(html, digest_size=16).digest() == digest else None

    def put_view(self, turtle: bytes, html: bytes) -> None:
        """Keep this view, and only it (one entry: it is as large as the Turtle)."""
        entry = self._view_path(turtle)
        for other in entry.parent.glob("*.html") if entry.parent.is_dir() else ():
            if other != entry:
                other.unlink(missing_ok=True)
        write_cache_file(entry, hashlib.blake2b(html, digest_size=16).digest() + html)

    # what the next build needs to redo the view only where the graph changed (kg.view.incremental)

    def load_view_state(self, turtle_body: bytes) -> object | None:
        """The :class:`kg.view.incremental.ViewState` of the view of ``turtle_body``, or None
        (missing, damaged, or the state of another graph)."""
        from kg.view.incremental import ViewState

        try:
            data = (self.directory / "view" / "state.pkl").read_bytes()
        except OSError:
            return None
        # The Turtle body it is the view of, then the digest of the pickle: a damaged file is a miss.
        if data[:16] != hashlib.blake2b(turtle_body, digest_size=16).digest():
            return None
        if data[16:32] != hashlib.blake2b(memoryview(data)[32:], digest_size=16).digest():
            return None
        try:
            state = pickle.loads(memoryview(data)[32:])
        except Exception:  # a damaged or foreign file is a miss, never an error
            return None
        return state if isinstance(state, ViewState) else None

    def save_view_state(self, turtle_body: bytes, state: object | None) -> None:
        """Keep ``state`` as the view of ``turtle_body``; None forgets the last one."""
        path = self.directory / "view" / "state.pkl"
        if state is None:
            path.unlink(missing_ok=True)
            return
        digest = hashlib.blake2b(turtle_body, digest_size=16).digest()
        data = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
        write_cache_file(path, digest + hashlib.blake2b(data, digest_size=16).digest() + data)

    def prune_other_versions(self) -> list[Path]:
        """Delete the folders of other graph versions or settings: they can never be hit again."""
        return prune_versions(self.root, keep=self.directory)
