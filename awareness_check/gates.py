"""Paragraph gates: which paragraphs a check has to look at, decided from the words alone.

A year of press coverage is mostly text no check has anything to say about. Each check may name
a ``gate``: the words (and word stems) without which it can neither find anything in a
paragraph nor need the parse there. The scanner reads every paragraph's word set once
(:func:`paragraph_words`, lower-case letter-and-digit runs, so "anti-trafficking" gives "anti"
and "trafficking") and shows each check only the paragraphs its gate opens; paragraphs no gate
opens are never even tokenised. A check without a gate sees every paragraph.

A gate must be a *necessary* condition: a word set too small loses findings, so the equivalence
test (tests/test_gates.py) runs every check with and without gates and compares the findings.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Callable, Iterable, Protocol

from .triggers import inflections, stem

PIECE = re.compile(r"[^\W_]+")  # a word piece: a run of letters and digits


# Letters a case-insensitive regex matches as ASCII ones but ``str.lower`` does not turn into
# them (Python's re folds 'ſ' to s, 'ı' and 'İ' to i): folded first, so a word gate sees 'choſe'
# as 'chose' wherever a check's regex would.
_REGEX_FOLDS = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "i"})


def paragraph_words(text: str) -> frozenset[str]:
    """The lower-case letter-and-digit runs of ``text`` (what gates are matched against). Interned:
    every paragraph keeps its set for the whole scan, and the same words recur in most of them."""
    return frozenset(map(sys.intern, PIECE.findall(folded_lower(text))))


def folded_lower(text: str) -> str:
    """``text`` lower-cased as a case-insensitive regex compares it: a literal a match must hold
    (lower case) is in this string wherever the regex can match. (``translate`` only where one of
    the letters is: it looks up every character of a non-ASCII text.)"""
    if text.isascii() or not ("\u017f" in text or "\u0131" in text or "\u0130" in text):
        return text.lower()
    return text.translate(_REGEX_FOLDS).lower()


def pieces(word: str) -> list[str]:
    """The runs a gate word is found by: 'anti-trafficking' -> ['anti', 'trafficking']."""
    return PIECE.findall(word.lower())


class GateLike(Protocol):
    def opens(self, segment) -> bool: ...


@dataclass(frozen=True)
class Gate:
    """Opens a paragraph holding any of ``words`` or a word starting with one of ``prefixes``."""

    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()

    @classmethod
    def of(cls, words: Iterable[str] = (), prefixes: Iterable[str] = (), lemmas: Iterable[str] = ()) -> "Gate":
        """``words``: exact words (a multi-part word is found by its longest part); ``prefixes``:
        word beginnings ('smuggl'); ``lemmas``: verbs and nouns in any inflection (stem + irregular forms)."""
        exact: set[str] = set()
        for word in words:
            parts = pieces(word)
            if parts:
                exact.add(max(parts, key=len))
        starts = {p.lower() for p in prefixes}
        for lemma in lemmas:
            starts.add(stem(lemma))
            for form in inflections(lemma):  # the irregular forms, and 'lying' for 'lie'
                parts = pieces(form)
                if parts:
                    exact.add(max(parts, key=len))
        # A prefix already covers the exact words it begins.
        prefixes_t = tuple(sorted(starts))
        exact = {w for w in exact if not w.startswith(prefixes_t)} if prefixes_t else exact
        return cls(frozenset(exact), prefixes_t)

    def __or__(self, other: "Gate") -> "Gate":
        return Gate.of(self.words | other.words, self.prefixes + other.prefixes)

    def opens(self, segment) -> bool:
        return self.opens_words(segment.words)

    def opens_text(self, text: str) -> bool:
        """The gate on a piece of text (a sentence) rather than a paragraph."""
        return self.opens_words(paragraph_words(text))

    def opens_words(self, words: frozenset[str]) -> bool:
        if not self.words.isdisjoint(words):
            return True
        if not self.prefixes:
            return False
        return _WORD_GATES.prefix_opens(self, words)


class _WordGateIndex:
    """Every word gate asked so far, and for each distinct word the gates it opens, decided once
    per word for the whole scan: a paragraph's open gates are then the union over its words, and
    asking each of some thirty gates in turn (a prefix regex over the paragraph's words each
    time) is replaced by a set lookup."""

    _MAX_WORDS = 500_000  # distinct words remembered (a few tens of MB at most)

    def __init__(self) -> None:
        self._numbers: dict[int, int] = {}  # id(gate) -> number
        self._gates: list[Gate] = []  # kept, so an id stays its gate's
        self._exact: dict[str, list[int]] = {}
        self._prefix: dict[str, list[int]] = {}
        self._lengths: tuple[int, ...] = ()
        # word -> (gates numbered when decided, the numbers of those it opens): a gate numbered
        # later is decided for a word when that word is next asked about, not every word again
        self._by_word: dict[str, tuple[int, frozenset[int]]] = {}
        self._recent: dict[frozenset[str], frozenset[int]] = {}  # the last few word sets asked about
        # (gates numbered then, words opening none of them, the others with the gates they open):
        # replaced, not emptied, when one is numbered, so a scan still holding the old ones adds to those
        self._decided: tuple[int, set[str], dict[str, frozenset[int]]] = (0, set(), {})

    def number(self, gate: Gate) -> int:
        number = self._numbers.get(id(gate))
        if number is None:
            number = len(self._gates)
            for word in gate.words:
                self._exact.setdefault(word, []).append(number)
            for prefix in gate.prefixes:
                self._prefix.setdefault(prefix, []).append(number)
            self._lengths = tuple(sorted({len(p) for p in self._prefix}))
            # counted last: a word decided meanwhile (another thread's scan) is brought up to date
            self._gates.append(gate)
            self._numbers[id(gate)] = number
            self._recent.clear()
        return number

    def prefix_opens(self, gate: Gate, words: frozenset[str]) -> bool:
        """Whether a word of ``words`` begins with one of ``gate``'s prefixes (from the gates the
        words open, kept for the last few word sets: checks ask several gates of one sentence)."""
        number = self.number(gate)
        return number in self.opened_by(words)

    def _of_word(self, word: str) -> frozenset[int]:
        known = self._by_word.get(word)
        count = len(self._gates)
        if known is None:
            if len(self._by_word) > self._MAX_WORDS:
                self._by_word.clear()
            numbers = self._opened_by_word(word)
        elif known[0] != count:
            numbers = known[1] | self._opened_by_word(word, since=known[0])
        else:
            return known[1]
        self._by_word[word] = (count, numbers)
        return numbers

    def opened_by(self, words: frozenset[str]) -> frozenset[int]:
        """The numbers of the gates ``words`` opens (the last few answers are kept: every check
        asks about the same paragraph in turn, and about its sentences between)."""
        known = self._recent.get(words)
        if known is not None:
            return known
        count = len(self._gates)
        state = self._decided
        if state[0] != count or len(state[1]) > self._MAX_WORDS:  # a gate numbered since: any word may open it
            state = self._decided = (count, set(), {})
        _count, none, some = state
        opened: set[int] = set()
        for word in words.difference(none):  # most words of a paragraph open no gate
            numbers = some.get(word)
            if numbers is None:
                numbers = self._of_word(word)
                if not numbers:
                    none.add(word)
                    continue
                some[word] = numbers
            opened.update(numbers)
        result = self._recent[words] = frozenset(opened)
        if len(self._recent) > 8:
            del self._recent[next(iter(self._recent))]
        return result

    def _opened_by_word(self, word: str, since: int = 0) -> frozenset[int]:
        """The gates numbered ``since`` or later that ``word`` opens."""
        numbers = list(self._exact.get(word, ()))
        for n in self._lengths:
            if n > len(word):
                break
            numbers.extend(self._prefix.get(word[:n], ()))
        return frozenset(k for k in numbers if k >= since) if since else frozenset(numbers)


_WORD_GATES = _WordGateIndex()


def gate_test(gate) -> "Callable[[frozenset[int], object], bool]":
    """``gate.opens(segment)`` as a test of ``(opened, segment)``, where ``opened`` is the
    paragraph's :func:`opened_word_gates` (computed after :func:`number_word_gates`): the word
    gates under any nesting of ``AnyGate`` and ``AllGate`` become set comparisons, one per
    conjunction of gate numbers; only the other parts (digits, folded letters, a check's own
    test) are asked of the segment, after the word parts of an ``AllGate``."""
    gate = _word_form(gate)
    dnf = _conjunctions(gate)
    if dnf is not None:
        return _any_conjunction(dnf)
    if isinstance(gate, AnyGate):
        word_parts = [c for g in gate.gates if (d := _conjunctions(_word_form(g))) is not None for c in d]
        words = _any_conjunction(list(dict.fromkeys(word_parts))) if word_parts else None
        others = tuple(gate_test(g) for g in gate.gates if _conjunctions(_word_form(g)) is None)
        if words is None:
            return lambda opened, segment: any(t(opened, segment) for t in others)
        return lambda opened, segment: words(opened, segment) or any(t(opened, segment) for t in others)
    if isinstance(gate, AllGate):
        parts = sorted(gate.gates, key=lambda g: _conjunctions(_word_form(g)) is None)  # word parts first
        tests = tuple(gate_test(g) for g in parts)
        return lambda opened, segment: all(t(opened, segment) for t in tests)
    return lambda opened, segment: gate.opens(segment)


def _any_conjunction(dnf: list[frozenset[int]]) -> "Callable[[frozenset[int], object], bool]":
    """True where one of the conjunctions is wholly opened; many are filed by one of their
    numbers, so a paragraph only compares those of the gates it opened."""
    if frozenset() in dnf:
        return lambda opened, segment: True
    if len(dnf) == 1:
        only = dnf[0]
        return lambda opened, segment: only <= opened
    if len(dnf) <= 4:
        return lambda opened, segment: any(c <= opened for c in dnf)
    singles = frozenset(min(c) for c in dnf if len(c) == 1)
    filed: dict[int, list[frozenset[int]]] = {}
    for c in dnf:
        if len(c) > 1:
            filed.setdefault(min(c), []).append(c)
    keys = frozenset(filed)

    def test(opened: frozenset[int], segment) -> bool:
        if not singles.isdisjoint(opened):
            return True
        return any(c <= opened for n in keys.intersection(opened) for c in filed[n])
    return test


def sentence_test(gate, words: frozenset[str]) -> "Callable[[str], bool]":
    """``gate.opens_text`` for the sentences of a paragraph whose words are ``words``: the words of
    the paragraph the gate reads are looked for in each sentence's text, not every sentence split
    into words. It may open where the gate would not (a word found inside a longer one), never
    the other way: still a necessary condition. Other parts of an ``AnyGate`` (digits, folded
    letters) and other gates are asked of the text (``opens_text``)."""
    form = _word_form(gate)
    if not words_only(form):
        if isinstance(form, AnyGate):  # word parts as above, the others (digits, ...) on the text
            tests = [sentence_test(g, words) for g in form.gates]
            return lambda text: any(t(text) for t in tests)
        return gate.opens_text
    leaves = _leaves(form)
    read = tuple(w for w in words if any(w in g.words or (g.prefixes and w.startswith(g.prefixes)) for g in leaves))
    if not form.opens_words(frozenset(read)):
        return lambda text: False  # closed on the whole paragraph: on each sentence too

    def test(text: str) -> bool:
        low = folded_lower(text)
        return form.opens_words(frozenset(w for w in read if w in low))
    return test


def _leaves(gate) -> list["Gate"]:
    """The word gates inside ``gate`` (under any nesting of ``AnyGate`` and ``AllGate``)."""
    gate = _word_form(gate)
    if isinstance(gate, Gate):
        return [gate]
    if isinstance(gate, (AnyGate, AllGate)):
        return [leaf for g in gate.gates for leaf in _leaves(g)]
    return []


def words_only(gate) -> bool:
    """The gate reads the paragraph's words alone (its :func:`gate_test` ignores the segment)."""
    gate = _word_form(gate)
    if isinstance(gate, Gate):
        return True
    return isinstance(gate, (AnyGate, AllGate)) and all(words_only(g) for g in gate.gates)


def _word_form(gate):
    """A gate that is a union of word gates built on first use (``as_word_gate``) as that union."""
    as_word_gate = getattr(gate, "as_word_gate", None)
    return as_word_gate() if as_word_gate is not None else gate


_MAX_CONJUNCTIONS = 64


def _conjunctions(gate) -> list[frozenset[int]] | None:
    """The gate as a union of conjunctions of word-gate numbers; None when some part reads more
    than words or the conjunctions would be too many."""
    if isinstance(gate, Gate):
        return [frozenset((_WORD_GATES.number(gate),))]
    if isinstance(gate, (AnyGate, AllGate)):
        parts = [_conjunctions(_word_form(g)) for g in gate.gates]
        if any(p is None for p in parts):
            return None
        if isinstance(gate, AnyGate):
            out = list(dict.fromkeys(c for p in parts for c in p))
        else:
            out = [frozenset()]
            for p in parts:
                out = list(dict.fromkeys(a | b for a in out for b in p))
                if len(out) > _MAX_CONJUNCTIONS:
                    return None
        return out if len(out) <= _MAX_CONJUNCTIONS else None
    return None


def number_word_gates(gate) -> frozenset[int]:
    """Number every word gate inside ``gate`` (so an opened set computed after this holds them);
    their numbers."""
    return frozenset(_WORD_GATES.number(g) for g in _leaves(gate))


def word_gate_count() -> int:
    """How many word gates are numbered: an opened set computed at a lower count may lack some."""
    return len(_WORD_GATES._gates)


def opened_word_gates(words: frozenset[str]) -> frozenset[int]:
    """The numbers of the word gates ``words`` opens (see :func:`gate_test`); a gate first
    numbered after this call is not in the answer, so number gates before asking."""
    return _WORD_GATES.opened_by(words)


class WordSetsGate:
    """Opens where every word of one of its sets is present: many multi-word phrases at once
    ('illegal resident' needs 'illegal' and 'resident', not 'resident' alone, which a year of
    news holds in every other paragraph). Each set is filed under one of its words (the longest,
    usually the rarest), so a paragraph only compares the sets of the words it holds."""

    def __init__(self, word_sets: Iterable[Iterable[str]]):
        by_key: dict[str, set[frozenset[str]]] = {}
        for words in word_sets:
            words = frozenset(words)
            if words:
                key = max(sorted(words), key=len)
                by_key.setdefault(key, set()).add(words - {key})
        # a key filed with no other word opens on its own: the other sets filed under it add nothing
        self._by_key = {k: (() if frozenset() in sets else tuple(sets)) for k, sets in by_key.items()}
        self._keys = frozenset(self._by_key)

    def opens(self, segment) -> bool:
        return self.opens_words(segment.words)

    def opens_text(self, text: str) -> bool:
        return self.opens_words(paragraph_words(text))

    def opens_words(self, words: frozenset[str]) -> bool:
        for key in self._keys.intersection(words):
            rests = self._by_key[key]
            if not rests or any(rest <= words for rest in rests):
                return True
        return False


@dataclass(frozen=True)
class AnyGate:
    """Opens where any of its gates opens (a check whose findings have several independent starts)."""

    gates: tuple

    def opens(self, segment) -> bool:
        return any(g.opens(segment) for g in self.gates)

    def opens_text(self, text: str) -> bool:
        words = None  # read once for all the word gates among the parts
        for g in self.gates:
            if words_only(g):
                if words is None:
                    words = paragraph_words(text)
                if _word_form(g).opens_words(words):
                    return True
            elif g.opens_text(text):
                return True
        return False

    def opens_words(self, words: frozenset[str]) -> bool:
        """The same for a bare word set: only for unions of word gates (a ``TextGate`` needs the text)."""
        return any(g.opens_words(words) for g in self.gates)


@dataclass(frozen=True)
class AllGate:
    """Opens where every one of its gates opens: a pattern that needs several words at once
    ('human' and 'cargo'). Each part must itself be a necessary condition."""

    gates: tuple

    def opens(self, segment) -> bool:
        return all(g.opens(segment) for g in self.gates)

    def opens_text(self, text: str) -> bool:
        return self.opens_words(paragraph_words(text))

    def opens_words(self, words: frozenset[str]) -> bool:
        return all(g.opens_words(words) for g in self.gates)


ALWAYS = AllGate(())  # opens on every paragraph (every one of no conditions holds)


class TextGate:
    """Opens where ``pattern`` matches the paragraph text (for what a word set cannot say: digits)."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern

    def opens(self, segment) -> bool:
        return self.opens_text(segment.text)

    def opens_text(self, text: str) -> bool:
        return self.pattern.search(text) is not None


DIGITS = TextGate(re.compile(r"\d"))  # any digit a regex's \d matches


class FoldedLetterGate:
    """Opens on a paragraph holding a letter that a case-insensitive regex matches as an ASCII
    letter but ``str.lower`` does not turn into one (Python's re: 'ſ' ~ s, 'İ'/'ı' ~ i): there a
    word gate cannot see 'ſmuggling', so the gate stays open rather than lose a finding."""

    LETTERS = ("\u017f", "\u0130", "\u0131")

    def opens(self, segment) -> bool:
        return self.opens_text(segment.text)

    @classmethod
    def opens_text(cls, text: str) -> bool:
        return any(c in text for c in cls.LETTERS)


FOLDED_LETTERS = FoldedLetterGate()


def gate_of(check) -> GateLike | None:
    return getattr(check, "gate", None)
