"""Splitting Chinese (and plain English) text into sentences, with character offsets.

A sentence ends at 。！？；… (and their ASCII forms ``! ? ;``), together with any closing quotes or
brackets right after them. Nothing inside a matched pair of quotes or brackets (“” ‘’ 《》 （）
【】 「」 …) ever ends a sentence, so quoted speech stays whole: ``“多亏你们帮助！”4月9日上午，…``
splits after the closing quote, not inside it. Unmatched quotes are ignored rather than swallowing
the rest of the paragraph. A line break always ends a sentence. An ASCII full stop ends a
sentence only when whitespace follows and it closes a word that is not a known abbreviation,
so ``PM2.5`` and ``11.8万`` stay whole.

The scan visits only punctuation (found by regular expressions), so it stays linear even on a
20 MB paragraph.
"""

from __future__ import annotations

import re

OPENERS = "“‘《〈（(【[「『〔｛{"
CLOSERS = "”’》〉）)】]」』〕｝}"
PAIR = dict(zip(OPENERS, CLOSERS, strict=True))
QUOTES = frozenset('“‘「『"')
CLOSER_SET = frozenset(CLOSERS + '"')
# Characters that end a sentence wherever they stand outside quotes.
TERMINALS = "。！？；…!?;"
TERMINAL_SET = frozenset(TERMINALS)

_BRACKET_RE = re.compile("[" + re.escape(OPENERS + CLOSERS) + '"\n]')
# A run of terminals counts once (。。。 or ！？), so pathological pages stay fast.
_TERMINAL_RE = re.compile("[" + re.escape(TERMINALS) + r"]+|\.(?=\s|$)|\n")
_TRAILING_RE = re.compile("[" + re.escape(TERMINALS + CLOSERS) + '".]*')
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "no", "prof", "jr", "sr", "vs", "etc", "e.g", "i.e"})


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Top-level matched quote/bracket pairs as (open index, close index), in order."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (expected closer, position of the opener)
    for match in _BRACKET_RE.finditer(text):
        char, pos = match.group(), match.start()
        if char == "\n":
            stack.clear()  # quotes never run across a line break
            continue
        if char == '"':
            if stack and stack[-1][0] == '"':
                char = '"'  # closes the open ASCII quote below
            else:
                stack.append(('"', pos))
                continue
        elif char in PAIR:
            stack.append((PAIR[char], pos))
            continue
        # A closer: match it with the nearest opener of its kind, dropping unmatched openers above.
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == char:
                opened = stack[depth][1]
                del stack[depth:]
                if not stack:
                    spans.append((opened, pos))
                break
    # Pairs were recorded when closed, so nested-then-outer order needs sorting and merging.
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _full_stop_ends_sentence(text: str, pos: int) -> bool:
    """An ASCII '.' followed by whitespace: a sentence end unless it closes an abbreviation or an initial."""
    start = pos
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
        if pos - start > 40:
            break
    word = text[start:pos]
    if not word:
        return pos > 0 and text[pos - 1] in CLOSER_SET
    if word.lower() in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    if word.isdigit() and len(word) <= 2:
        # "1. …" opening an enumerated line is a label, not a sentence.
        line_start = text.rfind("\n", 0, start) + 1
        return bool(text[line_start:start].strip())
    return True


def _boundaries(text: str) -> list[int]:
    """Positions just after each sentence end (line breaks included), ascending."""
    protected = _protected_spans(text)
    ends: list[int] = []
    # A quotation whose inside ends with a terminal ends a sentence just after its closing quote
    # (not so a book title or a bracket: 《…。》和… goes on).
    for open_pos, close_pos in protected:
        if text[open_pos] not in QUOTES:
            continue
        inner_end = close_pos - 1
        while inner_end > open_pos and text[inner_end] in CLOSER_SET:
            inner_end -= 1  # nested closers: “…。’”
        if inner_end > open_pos and text[inner_end] in TERMINAL_SET:
            ends.append(close_pos + 1)
    index = 0
    for match in _TERMINAL_RE.finditer(text):
        pos = match.start()
        while index < len(protected) and protected[index][1] < pos:
            index += 1
        if index < len(protected) and protected[index][0] < pos < protected[index][1]:
            continue
        char = text[pos]
        if char == "\n":
            ends.append(pos)
            continue
        if char == "." and not _full_stop_ends_sentence(text, pos):
            continue
        ends.append(match.end())
    ends.sort()
    return ends


def _extend_past_closers(text: str, end: int) -> int:
    """Take the terminals and unmatched closing quotes that follow a sentence end along with it."""
    match = _TRAILING_RE.match(text, end)
    return match.end() if match else end


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` as (start, end) pairs, shifted by ``offset``.

    Spans are in order, never empty, never overlap, and carry no leading or trailing whitespace;
    everything between them is whitespace.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    limit = len(text)
    for boundary in [*_boundaries(text), limit]:
        if boundary < start:
            continue
        end = _extend_past_closers(text, boundary) if boundary < limit and text[boundary] != "\n" else boundary
        # Trim whitespace at both ends of the piece.
        left, right = start, end
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        if left < right:
            spans.append((left + offset, right + offset))
        start = end
    return spans
