"""The model's attribute ruler with its patterns indexed: the same annotations, a fraction of the time.

``en_core_web_sm``'s attribute ruler maps tags to part-of-speech and morphology with 179 Matcher
patterns, and spaCy's Matcher tries every pattern at every token: about 30 microseconds a token,
as much as the parser, and 15% of the full pipeline (measured on the bench corpora). Every
pattern's first token names a word, a tag or a dependency label (or is one of a handful tried
everywhere), so each token needs to try only the few patterns indexed under its own word, tag and
label. The matches, their order and what is written (``AttributeRuler.set_annotations``) are the
stock component's; a pattern using anything this matcher does not read (an operator, another
predicate) makes the whole ruler fall back to the stock Matcher.
"""
from __future__ import annotations

import re
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens._retokenize import set_token_attrs

_INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")  # the attributes a first token is indexed by, in order of preference
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "SHAPE", "ENT_TYPE"})
_FLAG_ATTRS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_TITLE", "IS_LOWER", "IS_UPPER"})


def index_attribute_ruler(nlp: Language) -> None:
    """Swap the pipeline's stock attribute ruler for an indexed one holding the same patterns."""
    name = "attribute_ruler"
    if name not in nlp.pipe_names or type(nlp.get_pipe(name)) is not AttributeRuler:
        return
    stock = nlp.get_pipe(name)
    indexed = nlp.replace_pipe(name, "awareness_indexed_attribute_ruler", config={"validate": stock.validate})
    indexed.add_patterns(stock.patterns)


@Language.factory("awareness_indexed_attribute_ruler", default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> "IndexedAttributeRuler":
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


class Unsupported(ValueError):
    """A pattern this matcher cannot reproduce exactly."""


class IndexedAttributeRuler(AttributeRuler):
    """``AttributeRuler`` whose ``match`` looks patterns up by each token's word, tag and label."""

    _compiled: "_Compiled | None | bool" = None  # None: not built yet; False: unsupported, use the stock Matcher

    def add(self, patterns, attrs, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled = None

    def clear(self) -> None:
        super().clear()
        self._compiled = None

    def match(self, doc):
        compiled = self._compiled
        if compiled is None:
            try:
                compiled = _Compiled(self)
            except Unsupported:
                compiled = False
            self._compiled = compiled
        if compiled is False:
            return super().match(doc)
        return compiled.match(doc)

    def set_annotations(self, doc, matches) -> None:
        """The stock method, without building a Span per match (half its time)."""
        for attr_id, _match_id, start, end in matches:
            index = self.indices[attr_id]
            i = (start if index >= 0 else end) + index
            if not start <= i < end:
                return super().set_annotations(doc, matches)  # the stock error message
            set_token_attrs(doc[i], self.attrs[attr_id])


_EQ, _IN, _NOT_IN, _REGEX = range(4)
Test = tuple  # (kind, column, argument)
_SEEN_MAX = 200_000  # distinct (word, tag, label, space) rows remembered, ~40 MB at most


class _Compiled:
    """The ruler's patterns as tests over ``doc.to_array`` columns, filed under their first token."""

    def __init__(self, ruler: AttributeRuler):
        strings = ruler.vocab.strings
        columns: dict[str, int] = {}
        rules = []  # (key, match_id, tests of each token)
        for key in range(len(ruler.attrs)):
            _, alternatives = ruler.matcher.get(str(key))
            match_id = strings.add(str(key))
            for pattern in alternatives:
                rules.append((key, match_id, tuple(_token_tests(spec, columns, strings) for spec in pattern)))
        if not columns:
            raise Unsupported("no pattern names an attribute")
        self.columns = [IDS[name] for name in columns]
        self.strings = strings
        self.filed: list[dict[int, list]] = [{} for _ in columns]
        self.everywhere: list = []
        self.seen: dict[tuple[int, ...], tuple] = {}  # a token's column values -> _candidates()
        preference = [columns[name] for name in _INDEXED if name in columns]
        for rule in rules:
            first = {column: arg for kind, column, arg in rule[2][0] if kind in (_EQ, _IN)}
            column = next((c for c in preference if c in first), None)
            if column is None:
                self.everywhere.append(rule)
                continue
            values = first[column]
            for value in (values if isinstance(values, frozenset) else (values,)):
                self.filed[column].setdefault(value, []).append(rule)

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        """``AttributeRuler.match``'s result: (key, match id, start, end), sorted by key (later keys win)."""
        n = len(doc)
        if not n:
            return []
        rows = [tuple(row) for row in doc.to_array(self.columns).reshape(n, -1).tolist()]
        seen = self.seen
        if len(seen) > _SEEN_MAX:
            seen.clear()
        found = set()
        for i, row in enumerate(rows):
            entry = seen.get(row)
            if entry is None:
                entry = seen[row] = self._candidates(row)
            single, longer = entry
            for key, match_id in single:
                found.add((key, match_id, i, i + 1))
            for key, match_id, tokens in longer:
                end = i + len(tokens)
                if end <= n and all(self._passes(rows[i + k], tests) for k, tests in enumerate(tokens)):
                    found.add((key, match_id, i, end))
        return sorted(found)

    def _candidates(self, row: tuple[int, ...]) -> tuple[tuple, tuple]:
        """For a token with these column values: the one-token patterns it matches, and the longer
        patterns whose first token it matches (their other tokens are tested in place)."""
        candidates = list(self.everywhere)
        for column, value in enumerate(row):
            candidates.extend(self.filed[column].get(value, ()))
        single, longer = [], []
        for key, match_id, tokens in candidates:
            if not self._passes(row, tokens[0]):
                continue
            if len(tokens) == 1:
                single.append((key, match_id))
            else:
                longer.append((key, match_id, tokens))
        return tuple(single), tuple(longer)

    def _passes(self, row: list[int], tests: tuple[Test, ...]) -> bool:
        for kind, column, arg in tests:
            value = row[column]
            if kind == _EQ:
                ok = value == arg
            elif kind == _IN:
                ok = value in arg
            elif kind == _NOT_IN:
                ok = value not in arg
            else:
                ok = arg(self.strings[value]) is not None
            if not ok:
                return False
        return True


def _token_tests(spec: dict, columns: dict[str, int], strings) -> tuple[Test, ...]:
    tests = []
    for name, wanted in spec.items():
        if not isinstance(name, str):
            raise Unsupported(repr(name))  # an attribute id: the stock Matcher's business
        name = name.upper()
        if name not in _STRING_ATTRS and name not in _FLAG_ATTRS:
            raise Unsupported(name)
        column = columns.setdefault(name, len(columns))
        if not isinstance(wanted, dict):
            tests.append((_EQ, column, _value(name, wanted, strings)))
            continue
        if len(wanted) != 1:
            raise Unsupported(str(wanted))
        (op, arg), = wanted.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, (list, tuple)):
            tests.append((_IN if op == "IN" else _NOT_IN, column, frozenset(_value(name, v, strings) for v in arg)))
        elif op == "REGEX" and name in _STRING_ATTRS and isinstance(arg, str):
            tests.append((_REGEX, column, re.compile(arg).search))
        else:
            raise Unsupported(op)
    return tuple(tests)


def _value(name: str, value, strings) -> int:
    """A pattern value as the Matcher compares it: a string's hash ('' is 0), a flag's 0 or 1."""
    if name in _FLAG_ATTRS:
        if not isinstance(value, bool):
            raise Unsupported(f"{name}={value!r}")
        return int(value)
    if not isinstance(value, str):
        raise Unsupported(f"{name}={value!r}")
    return strings.add(value) if value else 0
