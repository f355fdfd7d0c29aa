"""Turning a page's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

The order of the decisions matters, because GB18030 decodes almost any byte sequence:

1. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
2. A NUL byte without a BOM means binary data.
3. Valid UTF-8 is UTF-8.
4. If the bytes before the first UTF-8 error already held several multi-byte UTF-8 characters, the
   file is UTF-8 with a damaged byte, not GB18030: real GBK text breaks UTF-8 within its first
   characters. This is the error reported, with its byte offset.
5. Otherwise GB18030 is accepted only if it decodes strictly and the result is plausibly Chinese:
   at least 90% of its non-ASCII characters are in GB2312 (the 6,763 common hanzi and the
   common punctuation), or, for traditional Chinese, in Big5 and in runs of hanzi. Mojibake
   and Latin-1 text are neither.
6. Decoded text with many control characters is binary.

Every refusal raises :class:`kg.errors.InputError` with one line naming the problem and, for
undecodable text, the byte offset.
"""

from __future__ import annotations

import codecs
import re

from kg.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Multi-byte UTF-8 characters seen before the first error that make the file UTF-8 for certain.
_UTF8_EVIDENCE = 3
# Share of non-ASCII characters that must be common Chinese (GB2312) for a GB18030 reading.
_GB_PLAUSIBLE = 0.9
_GB_SAMPLE = 200_000
# Control characters other than tab, line feed, form feed and carriage return.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.02


def _describe(data: bytes, offset: int) -> str:
    return f"byte 0x{data[offset]:02x} at offset {offset}" if offset < len(data) else f"offset {offset}"


def _decode_with_bom(data: bytes, bom: bytes, encoding: str) -> str:
    body = data[len(bom) :]
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as error:
        offset = len(bom) + error.start
        problem = f"not valid {encoding.upper()} despite its byte-order mark"
        raise InputError(f"{problem}: {_describe(data, offset)}") from None


def _share_encodable(chars: str, encoding: str) -> float:
    return 1 - chars.encode(encoding, errors="replace").count(b"?") / len(chars)


def _plausibly_chinese(text: str) -> bool:
    """Simplified Chinese (GB2312), or traditional Chinese (Big5) written in runs of hanzi.

    Latin-1 text read as GB18030 turns each accented letter and the letter after it into one
    rare hanzi standing alone between ASCII letters: the run test keeps it out.
    """
    head = text[:_GB_SAMPLE]
    chars = "".join(char for char in head if ord(char) > 0x7F)
    if not chars:
        return True
    if _share_encodable(chars, "gb2312") >= _GB_PLAUSIBLE:
        return True
    in_runs = sum(
        1
        for index, char in enumerate(head)
        if ord(char) > 0x7F
        and ((index > 0 and ord(head[index - 1]) > 0x7F) or (index + 1 < len(head) and ord(head[index + 1]) > 0x7F))
    )
    return _share_encodable(chars, "big5") >= _GB_PLAUSIBLE and in_runs >= _GB_PLAUSIBLE * len(chars)


def _check_not_binary(text: str) -> None:
    controls = len(_CONTROL_RE.findall(text, 0, 1_000_000))
    sample_length = min(len(text), 1_000_000)
    if controls > 8 and controls > _MAX_CONTROL_SHARE * sample_length:
        raise InputError(f"looks like binary data, not text ({controls} control characters)")


def decode_page(data: bytes) -> tuple[str, str]:
    """Decode a page's bytes; return (text, encoding name). Raise InputError when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _decode_with_bom(data, bom, encoding)
            _check_not_binary(text)
            return text, encoding + "-bom" if encoding == "utf-8" else encoding
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"looks like binary data, not text (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    else:
        _check_not_binary(text)
        return text, "utf-8"
    offset = utf8_error.start
    prefix = data[:offset].decode("utf-8")
    multibyte = sum(1 for char in prefix if ord(char) > 0x7F)
    if multibyte >= _UTF8_EVIDENCE:
        raise InputError(f"not valid UTF-8 text: undecodable {_describe(data, offset)}")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if not text or not _plausibly_chinese(text):
        raise InputError(f"not UTF-8, GB18030 or UTF-16 text: undecodable {_describe(data, offset)}")
    _check_not_binary(text)
    return text, "gb18030"
