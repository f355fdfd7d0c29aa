"""Per-character features of the CRF: characters in a window, character classes, jieba's words
(where each character sits in its word and the word's dictionary part of speech), and gazetteer
marks (surnames, place and organisation endings, titles).

jieba's part of speech comes from its dictionary (``dict.txt``), looked up for each word of its
plain segmentation: ``jieba.posseg`` would tag words the dictionary lacks too, but costs five
times the segmentation itself (measured: 30k against 159k characters a second), and the CRF
sees the characters of such words anyway.
"""

from __future__ import annotations

from functools import cache

import jieba

from kg.extract.lexicon import cached_table, jieba_dictionary, word_tags
from kg.ner.gazetteer import LEXICON_DIR, gazetteer, read_list

# Full-width ASCII forms and the ideographic space to their plain forms, one character for one,
# so that offsets are unchanged and "，" and "," look alike to the model.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

_CHINESE_NUMERALS = set("〇零一二三四五六七八九十百千万亿两")
_PUNCTUATION = set("，。、；：？！“”‘’「」『』（）()《》〈〉【】—…·-,.;:?!\"'[]/<>~～%％")


def normalise(text: str) -> str:
    """Full-width letters, digits and punctuation to half-width; the length never changes."""
    return text.translate(_HALF_WIDTH)


def char_class(char: str) -> str:
    if char.isdigit():
        return "D"
    if char in _CHINESE_NUMERALS:
        return "N"
    if char.isascii() and char.isalpha():
        return "A"
    if char in _PUNCTUATION:
        return "P"
    if char.isspace():
        return "S"
    if "\u4e00" <= char <= "\u9fff":
        return "H"
    return "O"


@cache
def _tokenizer() -> jieba.Tokenizer:
    # A private tokenizer: words another part of the program adds to jieba's global dictionary
    # must not change the segmentation the model was trained with. Its prefix dictionary is jieba's
    # own (built by jieba from the same dict.txt), kept in kg's cache: jieba's cache is read with
    # marshal.load from the file object, 0.75 s against 0.25 s for the same bytes read at once.
    tokenizer = jieba.Tokenizer()
    dictionary = jieba_dictionary()

    def prefix_dictionary() -> tuple[dict[str, int], int]:
        with dictionary.open("rb") as lines:
            return tokenizer.gen_pfdict(lines)

    tokenizer.FREQ, tokenizer.total = cached_table("jieba-prefix-dict", dictionary, prefix_dictionary)
    tokenizer.initialized = True
    return tokenizer


def _word_tags() -> dict[str, str]:
    """Word → part of speech from jieba's own dictionary (``word frequency tag`` lines)."""
    return word_tags()


# Dictionary parts of speech that name things: personal names, places, organisations; ``nz`` (other
# proper nouns) and ``j`` (abbreviations: 中共, 人大) only for the lexicon features below.
_NAME_TAGS = {"nr": "nr", "nrt": "nr", "nrfg": "nr", "ns": "ns", "nt": "nt"}
_LEXICON_TAGS = {**_NAME_TAGS, "nz": "nz", "j": "j"}


def _dictionary_marks(text: str) -> list[list[str]]:
    """Per character, SoftLexicon-style evidence from every word of jieba's dictionary (two or more
    characters) that covers it, whatever jieba's own segmentation chose:

    - names, places and bodies (``nr``/``ns``/``nt``) that start (``ns[``), end (``ns]``) or go on
      (``ns~``) there, and other proper nouns and abbreviations (``nzB``, ``jM``, ``jE`` …);
    - for each of those five kinds, the longest such word over the character: where the character
      sits in it and its length (``Lns`` + ``B`` + ``3``, lengths above 5 as 5).

    Found as jieba finds its words: the prefix dictionary holds every prefix of every word, so the
    words starting at a character are looked up only while the text so far is such a prefix. No
    automaton over the dictionary's 100,000 names has to be built first (0.2–0.3 s a run).
    """
    prefixes = _tokenizer().FREQ
    tags = _word_tags()
    n = len(text)
    marks: list[set[str]] = [set() for _ in text]
    longest: list[dict[str, tuple[int, str]]] = [{} for _ in text]
    for start in range(n):
        end = start + 2
        if text[start:end] not in prefixes:
            continue
        while end <= n and text[start:end] in prefixes:
            kind = _LEXICON_TAGS.get(tags.get(text[start:end], ""))
            if kind is not None:
                size = end - start
                last = end - 1
                for i in range(start, end):
                    position = "B" if i == start else ("E" if i == last else "M")
                    best = longest[i].get(kind)
                    if best is None or best[0] < size:
                        longest[i][kind] = (size, position)
                    if kind in ("nz", "j"):
                        marks[i].add(kind + position)
                    else:
                        marks[i].add(kind + ("[" if i == start else ("]" if i == last else "~")))
            end += 1
    rows = []
    for i in range(n):
        row = ["J" + mark for mark in sorted(marks[i])]  # sorted: training is then reproducible
        row.extend("L" + kind + position + str(min(size, 5)) for kind, (size, position) in longest[i].items())
        rows.append(row)
    return rows


# Word tags a name may be built of, before the word that ends it (北京|国家|歌剧院, 青岛|海牛队).
_NAME_PART_TAGS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "?", "vn", "b", "an", "ng", "l"})
_CHAIN_WORDS = 4  # at most this many words before the ending word


@cache
def _endings(name: str) -> tuple[frozenset[str], tuple[int, ...]]:
    entries = frozenset(read_list(LEXICON_DIR / name))
    return entries, tuple(sorted({len(entry) for entry in entries}, reverse=True))


def _chain_marks(
    words: list[str], word_tags: list[str], ending_list: str, name_tag: str, prefix: str, n: int
) -> list[list[str]]:
    """Candidate names as chains of jieba words: a word that ends with an entry of ``ending_list``
    (or is tagged ``name_tag``), with up to four name-like words before it. The chain's first
    character gets ``<prefix>[`` and its number of words, the last ``<prefix>]``, the inside
    ``<prefix>~``; each later word start in the chain ``<prefix>s`` (the name may begin there)."""
    endings, lengths = _endings(ending_list)
    starts: list[int] = []
    position = 0
    for word in words:
        starts.append(position)
        position += len(word)
    rows: list[list[str]] = [[] for _ in range(n)]
    for k, word in enumerate(words):
        if word_tags[k] != name_tag and not any(word[-size:] in endings for size in lengths if size <= len(word)):
            continue
        first = k
        while first > 0 and k - first < _CHAIN_WORDS and word_tags[first - 1] in _NAME_PART_TAGS:
            first -= 1
        begin, end = starts[first], starts[k] + len(word)
        if end - begin < 2:
            continue
        rows[begin].append(f"{prefix}[{min(k - first + 1, 4)}")
        rows[end - 1].append(prefix + "]")
        for i in range(begin + 1, end - 1):
            rows[i].append(prefix + "~")
        for m in range(first + 1, k + 1):
            rows[starts[m]].append(prefix + "s")
    return rows


@cache
def _transliteration_chars() -> frozenset[str]:
    return frozenset(read_list(LEXICON_DIR / "transliteration_chars.txt"))


def _transliteration_runs(text: str) -> list[int]:
    """Per character: the length of the run of transliteration characters it belongs to (0 if none).

    Runs of three or more (``格雷特施莱格``) are a strong sign of a foreign name."""
    chars = _transliteration_chars()
    runs = [0] * len(text)
    i = 0
    while i < len(text):
        if text[i] not in chars:
            i += 1
            continue
        j = i
        while j < len(text) and text[j] in chars:
            j += 1
        runs[i:j] = [j - i] * (j - i)
        i = j
    return runs


def warm_up() -> None:
    """Load jieba and the lists now rather than on the first sentence."""
    _tokenizer()
    _word_tags()
    _transliteration_chars()
    gazetteer()


WordColumns = tuple[list[str], list[str], list[str], list[str], list[str]]


def _segment(text: str) -> tuple[list[str], list[str]]:
    """jieba's words of ``text`` and their dictionary tags (``?`` unknown, ``x`` non-Han single)."""
    tags = _word_tags()
    words = _tokenizer().lcut(text)
    word_tags = [tags.get(word, "?") if len(word) > 1 or "\u4e00" <= word <= "\u9fff" else "x" for word in words]
    return words, word_tags


def _word_positions(words: list[str], word_tags: list[str]) -> WordColumns:
    """Per character: its position in its jieba word (B/M/E/S), the word's tag, the neighbours'
    tags and the word itself."""
    position: list[str] = []
    tag: list[str] = []
    before: list[str] = []
    after: list[str] = []
    word_of: list[str] = []
    last = len(words) - 1
    for k, word in enumerate(words):
        size = len(word)
        this = word_tags[k]
        prev_tag = word_tags[k - 1] if k else "^"
        next_tag = word_tags[k + 1] if k < last else "$"
        position.extend(["S"] if size == 1 else ["B", *["M"] * (size - 2), "E"])
        tag.extend([this] * size)
        before.extend([prev_tag] * size)
        after.extend([next_tag] * size)
        word_of.extend([word] * size)
    return position, tag, before, after, word_of


def sentence_features(text: str) -> list[list[str]]:
    """The feature strings of every character of ``text`` (already split into a sentence)."""
    norm = normalise(text)
    n = len(norm)
    if n == 0:
        return []
    padded = "^^" + norm + "$$"
    kinds = "^" + "".join(map(char_class, norm)) + "$"
    words, word_tags = _segment(norm)
    position, tag, before, after, word = _word_positions(words, word_tags)
    # Columns zipped together: much faster in CPython than indexing per character.
    rows = [
        [
            "b",
            "c=" + c,
            "c-1=" + b,
            "c+1=" + d,
            "c-2=" + a,
            "c+2=" + e,
            "c-1c=" + b + c,
            "cc+1=" + c + d,
            "c-2c-1=" + a + b,
            "c+1c+2=" + d + e,
            "c-1c+1=" + b + d,
            "k=" + k1 + k2 + k3,
            "wp=" + p + t,
            "wt=" + t,
            "wt-=" + tb + p,
            "wt+=" + ta + p,
            "w=" + w,
        ]
        for a, b, c, d, e, k1, k2, k3, p, t, tb, ta, w in zip(
            padded,
            padded[1:],
            norm,
            padded[3:],
            padded[4:],
            kinds,
            kinds[1:],
            kinds[2:],
            position,
            tag,
            before,
            after,
            word,
            strict=False,  # the padded columns run longer: stop at the text's end
        )
    ]
    for i, run in enumerate(_transliteration_runs(norm)):
        if run:
            rows[i].append("tr=" + str(min(run, 4)))
    starts, ends = gazetteer().marks(norm)
    for i, marks in enumerate(_dictionary_marks(norm)):
        rows[i].extend(marks)
    for ending_list, name_tag, prefix in (("org_suffixes.txt", "nt", "OC"), ("place_suffixes.txt", "ns", "LC")):
        for i, marks in enumerate(_chain_marks(words, word_tags, ending_list, name_tag, prefix, n)):
            rows[i].extend(marks)
    for i in range(n):
        row = rows[i]
        if starts[i]:
            row.extend(starts[i])
            if i:
                rows[i - 1].extend(">" + mark for mark in starts[i])
        if ends[i]:
            row.extend(ends[i])
            if i + 1 < n:
                rows[i + 1].extend("<" + mark for mark in ends[i])
    return rows
