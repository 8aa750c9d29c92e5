"""Cheap sentence triggers for selective analysis (selection.py): words and word stems.

A check that reads lemmas or the parse says which sentences it needs by the surface words that
can start its work. Lemmas are not available on the cheap tokens, so verbs are listed by stem
("traffic" covers trafficked, trafficking, trafficker) plus their irregular forms (sold, bought).
Stems are deliberately generous: selecting a sentence too many costs a little time, missing one
changes a finding.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

# Irregular inflections of the verbs the role, rescue, metaphor and terminology checks read by lemma
# (terminology's lemma without a lemmatizer reads them the other way round).
IRREGULAR = {
    "sell": ("sold",), "buy": ("bought",), "hold": ("held",), "beat": ("beaten",), "feed": ("fed",),
    "send": ("sent",), "bring": ("brought",), "keep": ("kept",), "fall": ("fell", "fallen"),
    "overrun": ("overran",), "make": ("made",), "become": ("became",), "be": ("is", "are", "was", "were", "been", "being", "'s", "'re", "am"),
    "seek": ("sought",), "take": ("took", "taken"), "catch": ("caught",), "lead": ("led",),
    "pay": ("paid",), "drive": ("drove", "driven"),
}


def stem(word: str) -> str:
    """'force' -> 'forc', 'easy' -> 'eas', 'traffic' -> 'traffic': a prefix of every regular form."""
    w = word.lower()
    if len(w) > 3 and w.endswith(("e", "y")):
        return w[:-1]
    return w


_CONSONANTS = frozenset("bcdfgklmnprstvz")


def inflections(lemma: str) -> set[str]:
    """Every form English suffix rules map back to ``lemma`` (the lemmatizer's noun, verb and
    adjective rules inverted, with a doubled final consonant and the irregular forms above): a
    token whose lemma is ``lemma`` has one of these forms. Exact where a stem is generous
    ('rat' covers 'rats', 'ratted', not 'rates' or 'rather')."""
    w = lemma.lower()
    out = {w, w + "s", w + "ed", w + "ing", w + "er", w + "est"}
    if w.endswith(("s", "x", "z", "ch", "sh", "o")):
        out.add(w + "es")  # 'rates' is 'rate' + s, never 'rat' + es
    if w.endswith("e"):
        out |= {w + "d", w + "r", w + "st", w[:-1] + "ing"}
    if w.endswith("y"):
        out |= {w[:-1] + "ies", w[:-1] + "ied", w[:-1] + "ier", w[:-1] + "iest"}
    if w.endswith("ie"):
        out.add(w[:-2] + "ying")  # lie -> lying
    if w.endswith("f"):
        out.add(w[:-1] + "ves")
    if w.endswith("fe"):
        out.add(w[:-2] + "ves")
    if w.endswith("man"):
        out.add(w[:-3] + "men")
    if len(w) >= 3 and w[-1] in _CONSONANTS and w[-2] in "aeiou" and w[-3] not in "aeiou":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing", w + w[-1] + "er", w + w[-1] + "est"}
    out.update(IRREGULAR.get(w, ()))
    return out


@dataclass(frozen=True)
class Triggers:
    """Exact lower-case words and prefixes; ``hit(sent)`` is True when any token matches."""

    words: frozenset = field(default_factory=frozenset)
    prefixes: tuple = ()

    @classmethod
    def of(cls, exact: Iterable[str] = (), lemmas: Iterable[str] = ()) -> "Triggers":
        words = {w.lower() for w in exact}
        prefixes = set()
        for lem in lemmas:
            lem = lem.lower()
            words.update(IRREGULAR.get(lem, ()))
            prefixes.add(stem(lem))
        return cls(frozenset(words), tuple(sorted(prefixes)))

    def matches(self, token) -> bool:
        low = token.lower_
        return low in self.words or (bool(self.prefixes) and low.startswith(self.prefixes))

    def hit(self, sent) -> bool:
        return any(self.matches(t) for t in sent)
