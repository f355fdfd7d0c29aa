"""Statistical named-entity tagging (PER, ORG, LOC) with a character-level CRF.

``find_entities(text)`` is the entry point; the model ships as ``kg/ner/model.crfsuite`` and is
trained by ``scripts/train_ner.py`` (see docs/ner.md for the data, its sources and the scores).
"""

from __future__ import annotations

from kg.ner.tagger import find_entities, find_entities_batch

__all__ = ["find_entities", "find_entities_batch"]
