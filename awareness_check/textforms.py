"""Word forms: plurals for lexicon terms, and suggestions that fit the flagged word's number and case."""
from __future__ import annotations

import re

_IRREGULAR = {
    "man": "men", "woman": "women", "child": "children", "person": "people", "wife": "wives",
    "life": "lives", "foot": "feet", "mouse": "mice", "goose": "geese", "tooth": "teeth",
    "father": "fathers", "mother": "mothers", "alumnus": "alumni", "alumna": "alumnae",
    "ox": "oxen", "knife": "knives", "half": "halves", "self": "selves", "thief": "thieves",
    "wolf": "wolves", "chief": "chiefs", "chef": "chefs", "staff": "staff", "police": "police",
    "people": "people", "sheep": "sheep", "fish": "fish", "series": "series", "species": "species",
    "kind": "kinds", "humankind": "humankind", "mankind": "mankind", "personnel": "personnel",
    "workforce": "workforces", "crew": "crews", "brotherhood": "brotherhoods",
    # Words with no plural: a suggestion ending in one stays as it is ('hey guys' -> 'hi everyone').
    "everyone": "everyone", "everybody": "everybody", "all": "all", "humanity": "humanity",
}
_SINGULAR = {v: k for k, v in _IRREGULAR.items() if v != k}


_PREPOSITIONS = frozenset({"of", "in", "for", "at", "on", "from", "with", "to", "without"})


def _head_index(words: list[str]) -> int:
    """The word that takes the phrase's number: the last, or the noun before a prepositional
    phrase ('member of Congress', 'family name at birth'); a participle there ('person
    trafficked for ...') is not the noun, the first word is."""
    for i, word in enumerate(words[1:], 1):
        if word.lower() in _PREPOSITIONS:
            before = words[i - 1]
            if not before.isalpha():
                break
            return 0 if i > 1 and before.lower().endswith("ed") else i - 1
    return len(words) - 1


def pluralize(phrase: str) -> str:
    """Plural of a phrase's head word: 'chairman' -> 'chairmen', 'police officer' -> 'police officers',
    'member of Congress' -> 'members of Congress'."""
    words = phrase.split(" ")
    i = _head_index(words)
    words[i] = _plural_word(words[i])
    return " ".join(words)


def _plural_word(word: str) -> str:
    lower = word.lower()
    if lower in _IRREGULAR:
        return _match_case(_IRREGULAR[lower], word)
    for suffix in ("woman", "man", "person", "child", "wife"):
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return word[: len(word) - len(suffix)] + _match_case(_IRREGULAR[suffix], word[-len(suffix):])
    if "-" in word:  # "man-hour" -> "man-hours"
        head, _, tail = word.rpartition("-")
        return f"{head}-{_plural_word(tail)}"
    if re.search(r"(s|x|z|ch|sh)$", lower):
        return word + "es"
    if re.search(r"[^aeiou]y$", lower):
        return word[:-1] + "ies"
    return word + "s"


def is_plural_form(word: str) -> bool:
    words = word.split()
    lower = words[_head_index(words)].lower() if words else ""
    if lower in _SINGULAR:
        return True
    if lower.endswith(("men", "women", "people", "children", "wives")):
        return True
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s"))


def inflect_like(suggestion: str, match: str) -> str:
    """Give the suggestion the number of the matched phrase (chairmen -> chairs)."""
    if not match or " or " in suggestion or suggestion.endswith(("...", ")")):
        return suggestion
    if is_plural_form(match) and not is_plural_form(suggestion):
        return pluralize(suggestion)
    return suggestion


def fit_case(suggestion: str, match: str) -> str:
    """Upper case for an all-caps match, a capital first letter for a capitalised match."""
    letters = [c for c in match if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return suggestion.upper()
    if match[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _match_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
