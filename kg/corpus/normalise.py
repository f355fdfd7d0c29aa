"""Character-level clean-up of a decoded page, before any line is interpreted.

- CRLF and lone CR become LF; Unicode line/paragraph separators too.
- Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) are removed: they sit inside words.
- Non-breaking, ideographic (U+3000) and other typographic spaces, tabs, and stray control
  characters become an ordinary space.
- Full-width digits and Latin letters (``２０２１年４月``) become ASCII, so dates and numbers
  read the same however they were typed.
- Chinese punctuation, full-width or half-width, is kept exactly as it is.
"""

from __future__ import annotations

import re

_REMOVED = "\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad"
_TO_SPACE = (
    "\t\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    + "".join(chr(code) for code in range(0x00, 0x20) if chr(code) not in "\t\n\x0b\x0c\r")
    + "".join(chr(code) for code in range(0x7F, 0xA0))
)

_TABLE: dict[int, str | None] = {ord(char): None for char in _REMOVED}
_TABLE.update({ord(char): " " for char in _TO_SPACE})
_TABLE.update({0x2028: "\n", 0x2029: "\n", 0x85: "\n"})
# Full-width digits and letters: U+FF10–FF19, FF21–FF3A, FF41–FF5A sit 0xFEE0 above ASCII.
for _start, _end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)):
    _TABLE.update({code: chr(code - 0xFEE0) for code in range(_start, _end + 1)})


_NEEDS_TRANSLATION_RE = re.compile("[" + re.escape("".join(chr(code) for code in _TABLE)) + "]")


def normalise_text(text: str) -> str:
    """The page with uniform line breaks and spaces (see the module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # translate() is slow per character: skip it for the (many) pages that need none.
    return text.translate(_TABLE) if _NEEDS_TRANSLATION_RE.search(text) else text
