"""Tagging text with the shipped CRF model: PER, ORG and LOC mentions with their offsets.

The model is loaded lazily on first use: jieba and the word lists once per process, the crfsuite
tagger once per thread (a tagger holds the sentence it is tagging, so threads must not share one;
opening the 1.3 MB model costs milliseconds). A worker process of a multiprocessing pool loads its
own copy; nothing unpicklable is ever passed around.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pycrfsuite

from kg.errors import KgError
from kg.extract.lexicon import NAME_DOTS
from kg.model import Mention
from kg.ner.features import sentence_features, warm_up
from kg.ner.labels import OUTSIDE, labels_to_spans

MODEL_PATH = Path(__file__).resolve().parent / "model.crfsuite"
SOURCE = "crf"

# Tag sentence by sentence, as the model was trained: a break after these characters.
_SENTENCE_END = re.compile(r"[^。！？!?；;\n]*[。！？!?；;\n]*")

_lock = threading.Lock()
_warm = False
_per_thread = threading.local()


class ModelMissingError(KgError):
    """The CRF model file is not where the package expects it."""


def load_tagger(path: Path = MODEL_PATH) -> pycrfsuite.Tagger:
    """This thread's tagger for ``path``, opened on first use."""
    taggers: dict[Path, pycrfsuite.Tagger] = _per_thread.__dict__.setdefault("taggers", {})
    tagger = taggers.get(path)
    if tagger is not None:
        return tagger
    if not path.is_file():
        raise ModelMissingError("the NER model is missing; run scripts/train_ner.py", str(path))
    global _warm
    with _lock:
        if not _warm:
            warm_up()
            _warm = True
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    taggers[path] = tagger
    return tagger


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Half-open ranges of the sentences of ``text``, blank ones skipped."""
    for match in _SENTENCE_END.finditer(text):
        if match.end() > match.start() and not match.group().isspace():
            yield match.start(), match.end()


def join_name_parts(sentence: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``瓦尔特`` · ``沙佛尔霍夫`` → one person: a middle dot joins the parts of a foreign name, but
    the model, seeing few such names, often ends the first part at the dot."""
    joined: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        if joined:
            last_start, last_end, last_kind = joined[-1]
            if kind == last_kind == "PER" and start == last_end + 1 and sentence[last_end] in NAME_DOTS:
                joined[-1] = (last_start, end, kind)
                continue
        joined.append((start, end, kind))
    return joined


def tag_sentence(tagger: pycrfsuite.Tagger, sentence: str, offset: int = 0) -> list[Mention]:
    """Mentions in one sentence; confidence is the mean marginal probability of the span's labels."""
    if not sentence.strip():
        return []
    labels = tagger.tag(sentence_features(sentence))
    mentions = []
    for start, end, kind in join_name_parts(sentence, labels_to_spans(labels)):
        # the joining dot itself may carry an O label: it counts as sure as the name's mean
        scored = [i for i in range(start, end) if labels[i] != OUTSIDE] or [start]
        confidence = sum(tagger.marginal(labels[i], i) for i in scored) / len(scored)
        mentions.append(Mention(kind, offset + start, offset + end, sentence[start:end], SOURCE, round(confidence, 4)))
    return mentions


def find_entities(text: str, model: Path = MODEL_PATH) -> list[Mention]:
    """PER, ORG and LOC mentions in ``text`` in order, offsets into ``text`` (end exclusive)."""
    tagger = load_tagger(model)
    mentions: list[Mention] = []
    for start, end in sentence_spans(text):
        mentions.extend(tag_sentence(tagger, text[start:end], start))
    return mentions


def find_entities_batch(texts: Iterable[str], model: Path = MODEL_PATH) -> list[list[Mention]]:
    """:func:`find_entities` for each text, the model looked up once."""
    load_tagger(model)
    return [find_entities(text, model) for text in texts]
