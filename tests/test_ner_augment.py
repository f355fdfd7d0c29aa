"""Mention replacement: augmented copies of real seed sentences keep exact offsets and types."""

from __future__ import annotations

from kg.ner.augment import AugmentParams, replace_mentions
from kg.ner.corpus import Entity, Record
from kg.ner.recipe import with_augmentation


def record(text: str, entities: list[tuple[str, str]]) -> Record:
    spans, cursor = [], 0
    for kind, name in entities:
        start = text.index(name, cursor)
        spans.append(Entity(start, start + len(name), kind, name))
        cursor = start + len(name)
    return Record(f"seed-{len(text)}", text, tuple(spans))


RECORDS = [
    record(
        "郑州市人大常委会副主任蔡红,惠济区委副书记、区长丁文霞一同考察。",
        [("ORG", "郑州市人大常委会"), ("PER", "蔡红"), ("ORG", "惠济区委"), ("PER", "丁文霞")],
    ),
    record("区领导乔耸、李晓雷、杜建强参加活动。", [("PER", "乔耸"), ("PER", "李晓雷"), ("PER", "杜建强")]),
    record("惠济区在黄河岸边举办活动,中方代表出席。", [("LOC", "惠济区"), ("LOC", "黄河"), ("LOC", "中")]),
    record("活动结束后,大家一同考察。", []),
]


def test_copies_keep_offsets_types_and_the_text_around_mentions() -> None:
    copies = replace_mentions(RECORDS, AugmentParams(copies=3, replace_share=1.0), seed=7)
    assert copies  # every sentence with mentions was altered (each mention is replaced)
    originals = {r.id: r for r in RECORDS}
    for copy in copies:
        original = originals[copy.id.rsplit("-mr", 1)[0]]
        assert [e.type for e in copy.entities] == [e.type for e in original.entities]
        for entity in copy.entities:
            assert copy.text[entity.start : entity.end] == entity.text
        # what lies between the mentions is untouched
        gaps = [original.text[a.end : b.start] for a, b in zip(original.entities, original.entities[1:], strict=False)]
        copy_gaps = [copy.text[a.end : b.start] for a, b in zip(copy.entities, copy.entities[1:], strict=False)]
        assert gaps == copy_gaps
        # a one-character mention (中) is only swapped for another one-character mention
        for before, after in zip(original.entities, copy.entities, strict=True):
            assert (len(before.text) == 1) == (len(after.text) == 1)
    assert not any(c.id.startswith("seed-13") for c in copies)  # no mentions, no copy


def test_augmentation_is_reproducible_and_optional() -> None:
    params = AugmentParams(copies=2)
    first = replace_mentions(RECORDS, params, seed=3)
    assert first == replace_mentions(RECORDS, params, seed=3)
    assert with_augmentation(RECORDS, AugmentParams(copies=0)) == RECORDS
    assert with_augmentation(RECORDS, params, seed=3) == RECORDS + first


def test_only_the_chosen_types_are_replaced() -> None:
    copies = replace_mentions(RECORDS, AugmentParams(copies=2, replace_share=1.0, types=("PER",)), seed=5)
    originals = {r.id: r for r in RECORDS}
    assert copies
    for copy in copies:
        original = originals[copy.id.rsplit("-mr", 1)[0]]
        assert any(e.type == "PER" for e in original.entities)  # a sentence without people is not copied
        kept = [e.text for e in original.entities if e.type != "PER"]
        assert [e.text for e in copy.entities if e.type != "PER"] == kept
