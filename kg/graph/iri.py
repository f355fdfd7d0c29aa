"""Deterministic, readable instance IRIs.

An IRI is made only from the stable keys of what it names (a person's resolved key, a body's or
place's normalised name, an article's id and an event's ordinal), never from a counter over the
whole corpus, so the same input gives the same IRIs and adding a page does not rename the nodes of
the others. Chinese stays as it is (IRIs allow it); only what an IRI forbids or what would split a
path segment is percent-encoded.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.errors import UsageError
from kg.graph.namespaces import INSTANCE_SEGMENTS

# Characters an IRI path segment may not hold as they are: IRI-forbidden ASCII, the delimiters
# that would change the IRI's structure, and '%' itself (so that encoding is reversible).
_ASCII_FORBIDDEN = set(' "<>\\^`{|}%/?#[]')


def _needs_encoding(char: str) -> bool:
    code = ord(char)
    if code < 0x21 or code == 0x7F or char in _ASCII_FORBIDDEN:
        return True
    if code < 0x80:
        return False
    # RFC 3987 ucschar leaves out surrogates, the non-characters and private use; Unicode spaces
    # and controls would make the IRI unreadable.
    if 0xD800 <= code <= 0xF8FF or 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return True
    return unicodedata.category(char) in {"Zs", "Zl", "Zp", "Cc", "Cf", "Co", "Cs", "Cn"}


_PLAIN_ASCII = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=:@-]+")


@lru_cache(maxsize=1 << 17)
def segment(text: str) -> str:
    """One path segment: NFC-normalised, trimmed, with forbidden characters percent-encoded."""
    if _PLAIN_ASCII.fullmatch(text):
        return text
    text = unicodedata.normalize("NFC", text.strip())
    if not text:
        return "_"
    return "".join(
        "".join(f"%{byte:02X}" for byte in char.encode("utf-8")) if _needs_encoding(char) else char for char in text
    )


_BASE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*[/#]$")


def check_base_iri(base_iri: str) -> str:
    """The base IRI if it is absolute and ends with ``/`` or ``#``; a UsageError otherwise."""
    if not _BASE_IRI.match(base_iri):
        raise UsageError(
            f"base IRI {base_iri!r} must be an absolute IRI without spaces that ends with '/' or '#' "
            "(e.g. https://kg.example.org/id/)"
        )
    return base_iri


class IriMinter:
    """Makes the IRIs of one graph under a base IRI (see ontology/README.md for the patterns)."""

    def __init__(self, base_iri: str) -> None:
        self.base = check_base_iri(base_iri)

    def _iri(self, kind: str, *parts: str) -> str:
        return self.base + INSTANCE_SEGMENTS[kind] + "/".join(segment(part) for part in parts)

    def person(self, key: str) -> str:
        return self._iri("person", key)

    def body(self, name: str) -> str:
        return self._iri("body", name)

    def place(self, name: str) -> str:
        return self._iri("place", name)

    def post(self, person_key: str, body: str | None, title: str) -> str:
        # A post with no known body is named by person and title alone (two segments, not three).
        return self._iri("post", person_key, body, title) if body else self._iri("post", person_key, title)

    def post_source(self, post_iri: str, article_id: str, start: int) -> str:
        """One attestation of a post: the same post may be reported by several articles."""
        return f"{post_iri}/source/{segment(article_id)}/{start}"

    def role(self, title: str) -> str:
        return self._iri("role", title)

    def event(self, article_id: str, ordinal: int) -> str:
        return self._iri("event", article_id, str(ordinal))

    def participation(self, event_iri: str, number: int) -> str:
        return f"{event_iri}/p{number}"

    def article(self, article_id: str) -> str:
        return self._iri("article", article_id)

    def page(self, file_stem: str) -> str:
        return self._iri("page", file_stem)
