"""The baseline the CRF must beat: jieba's part-of-speech tags alone (nr → PER, ns → LOC, nt → ORG).

Each tagged word is one mention; ``nrfg`` and ``nrt`` (other kinds of personal names) count as PER.
"""

from __future__ import annotations

from functools import cache

import jieba
import jieba.posseg

from kg.model import Mention

TAG_TO_TYPE = {"nr": "PER", "ns": "LOC", "nt": "ORG"}


@cache
def _posseg() -> jieba.posseg.POSTokenizer:
    # A private tokenizer, so words added to jieba's global dictionary elsewhere do not leak in.
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def jieba_pos_entities(text: str) -> list[Mention]:
    mentions = []
    offset = 0
    for pair in _posseg().cut(text):
        word, tag = pair.word, pair.flag
        kind = TAG_TO_TYPE.get(tag[:2])
        if kind is not None:
            mentions.append(Mention(kind, offset, offset + len(word), word, "jieba-pos"))
        offset += len(word)
    return mentions
