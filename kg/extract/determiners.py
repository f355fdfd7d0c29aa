"""Cutting determiners off the front of a body or place name: one rule, two settings.

``generic_determiners.txt`` lists words that pick out members of a kind and are never part of a name (各, 有关,
相关, 广大, 基层, 属地, 众多 …): 各办事处, 有关单位, 相关职能部门, 广大政协委员, 众多山 lose them. What differs between
bodies and places is kept in :data:`BODY` and :data:`PLACE`:

* a name that opens with a known place (both) or a known body (bodies) is kept whole;
* a one-character determiner (该, 本, 各, 此) may start a name (本溪, 各庄): it is cut only before a body suffix
  (该|公司, 各|办事处), never from a place's stem;
* a body keeps two characters at least (the suffix); a place's stem is checked for length by its caller.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.mentions import Doc

MAX_DETERMINER = 4  # characters of the longest determiner


@dataclass(frozen=True)
class DeterminerRule:
    anchors: tuple[str, ...]  # unit kinds a name may open with that are kept whole (P place, K known body)
    keep: int  # characters at the end of the span that are never cut
    single_before: tuple[str, ...]  # unit kinds before which a one-character determiner is cut


BODY = DeterminerRule(anchors=("P", "K"), keep=2, single_before=("B",))
PLACE = DeterminerRule(anchors=("P",), keep=0, single_before=())


def after_determiners(doc: Doc, start: int, end: int, rule: DeterminerRule) -> int:
    """Where the name in ``text[start:end]`` starts once the determiners in front are cut off."""
    words = doc.lex.generic_determiners
    text = doc.text
    while start < end:
        unit = doc.unit_starting.get(start)
        if unit is not None and unit.kind in rule.anchors:
            return start
        for length in range(min(MAX_DETERMINER, end - start - rule.keep), 0, -1):
            if text[start : start + length] not in words:
                continue
            after = doc.unit_starting.get(start + length)
            if length > 1 or (after is not None and after.kind in rule.single_before):
                start += length
                break
        else:
            return start
    return start
