"""The ``term`` rule kind: lexicon phrases and token patterns, filtered by their context conditions.

Every YAML entry with ``terms``/``forms``/``patterns`` is compiled once per pipeline vocabulary
into a PhraseMatcher (case-insensitive, with plural forms derived) and a Matcher (token patterns).
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import Callable, Iterable, NamedTuple

from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import get_string_id
from spacy.util import filter_spans

from ..analysis import doc_text, token_columns
from ..findings import Finding
from ..gates import PIECE, AllGate, AnyGate, Gate, WordSetsGate, folded_lower, gate_test, opened_word_gates, pieces
from ..lexicon import Entry, Rule, RuleSet
from ..textforms import pluralize
from . import context as ctxmod
from .base import CheckContext


def surface_forms(entry: Entry) -> list[str]:
    forms = list(entry.terms) + list(entry.forms)
    if entry.inflect:
        forms += [pluralize(t) for t in entry.terms]
    return list(dict.fromkeys(f for f in forms))


class CompiledTerms:
    """Matchers for every ``term`` rule, keyed by ``CODE|entry-id``.

    Phrases go into one PhraseMatcher. Token patterns get a Matcher per entry, gated by the words
    the entry's patterns need (the Matcher's cost grows with the patterns it tries at every token,
    so a paragraph only pays for the entries it could match).
    """

    def __init__(self, nlp, rules: RuleSet, statistical: bool):
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        # (gate, matcher, plain matcher): a paragraph selective analysis left untagged cannot go
        # through a Matcher holding POS patterns (spaCy E155): it gets the patterns needing no tagger.
        self.pattern_groups: list[tuple[Gate | None, Callable | None, Matcher, Matcher | None]] = []  # (gate, its test, ...)
        self.lookup: dict[str, tuple[Rule, Entry]] = {}
        for rule in rules.by_kind("term"):
            for entry in rule.entries:
                key = f"{rule.code}|{entry.id}"
                self.lookup[key] = (rule, entry)
                forms = surface_forms(entry)
                if forms:
                    self.phrases.add(key, [nlp.make_doc(f) for f in forms])
                if entry.patterns:
                    stats = ctxmod.needs_statistics(entry.patterns)
                    if stats and not statistical:
                        continue  # POS or entity patterns mean nothing on the blank fallback
                    matcher = Matcher(nlp.vocab, validate=True)
                    matcher.add(key, [list(p) for p in entry.patterns])
                    plain = None
                    if not stats:
                        plain = Matcher(nlp.vocab, validate=True)
                        plain.add(key, [list(p) for p in entry.patterns])
                    gate = _entry_gate(entry)
                    self.pattern_groups.append((gate, gate_test(gate) if gate is not None else None, matcher, plain))
        self.vocab = nlp.vocab

    def matches(self, doc, words: frozenset[str] | None = None):
        """Matches in ``doc``; ``words`` (the paragraph's gate words) skips entries that cannot match."""
        tagged = doc.has_annotation("TAG") or doc.has_annotation("POS")
        raw = list(self.phrases(doc))
        found = []
        opened = opened_word_gates(words) if words is not None else None  # every entry's gate at once
        for gate, test, matcher, plain in self.pattern_groups:
            if opened is not None and gate is not None and not test(opened, None):  # word parts only
                continue
            m = matcher if tagged else plain
            if m is not None:
                found.extend(m(doc))
        raw += sorted(found, key=lambda x: (x[1], x[2]))
        return [(self.vocab.strings[match_id], doc[start:end]) for match_id, start, end in raw]


def _entry_gate(entry: Entry) -> "Gate | AnyGate | None":
    """Opens where one of the entry's patterns could match (None: some pattern has no word to require)."""
    gates = [_pattern_gate(p) for p in entry.patterns]
    if any(g is None for g in gates):
        return None
    return gates[0] if len(gates) == 1 else AnyGate(tuple(gates))


_COMPILED: dict[tuple[int, int, bool], CompiledTerms] = {}


def compiled_for(nlp, rules: RuleSet, statistical: bool) -> CompiledTerms:
    key = (id(nlp.vocab), id(rules), statistical)
    if key not in _COMPILED:
        _COMPILED[key] = CompiledTerms(nlp, rules, statistical)
    return _COMPILED[key]


_STAT_CONTEXT = {"pos", "unless_entity"}


_TRIGGERS: dict[int, frozenset[str] | None] = {}
_NEAR_PHRASES: dict[int, "tuple[re.Pattern, re.Pattern] | None"] = {}
_NEAR_KEYS = {"unless_near", "require_near"}


_NEAR_KEY = "awareness_check.near_phrases"  # a paragraph Doc's user_data: does it hold any near phrase?


def near_phrases(rules: RuleSet) -> "tuple[re.Pattern, re.Pattern] | None":
    """The phrases of entries whose ``unless_near``/``require_near`` words are compared with lemmas
    as well as words (checks/context.near): an unanalysed sentence has no lemmas, so 'drugs' would
    not meet 'drug' there. Matching the whole phrase keeps such sentences few. Returned as a
    whole-word pattern and a paragraph precheck: a paragraph it does not match holds no sentence
    the first matches. A sentence starts after whitespace or a punctuation token ('_' and '-'
    included, which the whole-word pattern refuses before a phrase), never right after a letter or
    digit, so the precheck refuses only those; it needs no lookahead. (The bare alternation is as
    necessary, but three times slower: tried at every character.)"""
    if id(rules) not in _NEAR_PHRASES:
        phrases = sorted({f.lower() for rule in rules.by_kind("term") for entry in rule.entries
                          if _NEAR_KEYS & set(entry.context) for f in surface_forms(entry)}, key=len, reverse=True)
        alternation = "(?:" + "|".join(re.escape(p) for p in phrases) + ")"
        _NEAR_PHRASES[id(rules)] = (re.compile(r"(?<![\w-])" + alternation + r"(?![\w-])"),
                                    re.compile(r"(?<![^\W_])" + alternation)) if phrases else None
    return _NEAR_PHRASES[id(rules)]


def statistical_triggers(rules: RuleSet) -> frozenset[str] | None:
    """Lower-case words whose entries need tags or entities (None: some pattern could match anything)."""
    if id(rules) not in _TRIGGERS:
        _TRIGGERS[id(rules)] = _statistical_triggers(rules)
    return _TRIGGERS[id(rules)]


def wide_windows(rules: RuleSet) -> bool:
    """True when some ``term`` entry reads past its sentence (``window: paragraph`` or a number)."""
    return any(entry.context.get("window", "sentence") != "sentence"
               for rule in rules.by_kind("term") for entry in rule.entries)


def statistical_trigger_ids(rules: RuleSet) -> frozenset[int] | None:
    """:func:`statistical_triggers` as the string ids spaCy stores in ``Token.lower``."""
    words = statistical_triggers(rules)
    return None if words is None else _ids(words)


@lru_cache(maxsize=4)
def _ids(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


def _statistical_triggers(rules: RuleSet) -> frozenset[str] | None:
    words: set[str] = set()
    for rule in rules.by_kind("term"):
        for entry in rule.entries:
            needs = bool(_STAT_CONTEXT & set(entry.context))
            if needs:
                words.update(f.split()[0].lower() for f in surface_forms(entry))
            for pattern in entry.patterns:
                if not ctxmod.needs_statistics([pattern]):
                    continue
                first = {k.upper(): v for k, v in pattern[0].items()}
                value = first.get("LOWER") or first.get("ORTH") or first.get("LEMMA")
                if isinstance(value, str):
                    words.add(value.lower())
                elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                    words.update(str(v).lower() for v in value["IN"])
                else:
                    return None
    return frozenset(words)


_WORD_ATTRS = ("LOWER", "ORTH", "TEXT")  # not NORM: a norm can differ from the text ("n't" -> "not")


def _token_gate(token: dict) -> Gate | None:
    """The words one pattern token can match, as a gate; None when they cannot be listed, or one
    of them is a piece the tokenizer cuts out of a longer word (``_tokenizer_cuts().tokens``)."""
    spec = {k.upper(): v for k, v in token.items()}
    for attr in _WORD_ATTRS + ("LEMMA",):
        value = spec.get(attr)
        if value is None:
            continue
        if isinstance(value, str):
            values = [value]
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            values = [str(v) for v in value["IN"]]
        elif isinstance(value, dict) and isinstance(value.get("REGEX"), str):
            return _regex_gate(value["REGEX"])
        else:
            return None
        if not all(pieces(v) for v in values):
            return None  # punctuation: no word to find
        if not _tokenizer_cuts().tokens.isdisjoint(v.lower() for v in values):
            return None  # "do" of "don't": not a word of the paragraph
        return Gate.of(lemmas=values) if attr == "LEMMA" else Gate.of(words=values)
    return None


def _regex_gate(regex: str) -> Gate | None:
    """'^smuggl' -> the prefix; '^(mrs\\.?/miss|miss/mrs)\\.?$' -> its words (every alternative
    is plain letters and separators, so each of its letter runs is required); else None (a '?',
    '*', class or nested group can make a run optional or partial: 'lies?', 'stor(y|ies)')."""
    if re.fullmatch(r"\^[a-z]+", regex):
        return Gate.of(prefixes=[regex[1:]])
    body = regex.replace("\\.?", "")
    m = re.fullmatch(r"\^?\(?([a-z/|]+)\)?\$?", body)
    if not m:
        return None
    branches = [re.findall(r"[a-z]+", branch) for branch in m.group(1).split("|")]
    if not all(branches):
        return None
    return Gate.of(words=[w for branch in branches for w in branch])


def _pattern_gate(pattern) -> "Gate | AllGate | None":
    """Every required token of a Matcher pattern that names its words (None: none does): a
    paragraph must hold a word of each ('come' and 'grab' and 'jobs', not 'come' alone)."""
    gates = []
    for token in pattern:
        if token.get("OP", "1") not in ("1", "+"):
            continue  # optional, repeated from zero, or negated: not required
        gate = _token_gate(token)
        if gate is not None:
            gates.append(gate)
    if not gates:
        return None
    return gates[0] if len(gates) == 1 else AllGate(tuple(gates))


def phrase_words(form: str) -> frozenset[str]:
    """The paragraph words a phrase cannot match without: each word of it that the text must
    hold as a whole word wherever the PhraseMatcher matches it. Not so a word the tokenizer may
    have cut out of a longer word of the text, for the matcher ignores the spaces between
    tokens (``_tokenizer_cuts``): the 'a' of 'ima' at the phrase's start, 'what' before 'd' ('whatd'),
    a number before a unit ('10' of '10km'), or any word of a special case the phrase holds
    ('don' of "don't", which also matches "do n't"). A phrase with no whole word keeps its
    longest ('he/she')."""
    low = folded_lower(form)
    found = [(m.start(), m.end(), m.group()) for m in PIECE.finditer(low)]
    if not found:
        return frozenset()
    starts, ends, pairs, specials, _tokens = _tokenizer_cuts()

    def glued(a: str, b: str) -> bool:
        return (a, b) in pairs or (a[-1].isdigit() and b in starts)

    split = [(m.start(), m.end()) for m in specials.finditer(low)]
    required = set()
    last = len(found) - 1
    for i, (start, end, part) in enumerate(found):
        if any(s < end and start < e for s, e in split) or _DIGIT_LETTER.search(part):
            continue
        if start == 0 and part in starts or end == len(low) and (part in ends or part[-1].isdigit()):
            continue  # what comes before or after the match is not known
        if i > 0 and low[found[i - 1][1]:start].isspace() and glued(found[i - 1][2], part):
            continue
        if i < last and low[end:found[i + 1][0]].isspace() and glued(part, found[i + 1][2]):
            continue
        required.add(part)
    return frozenset(required) or frozenset((max((p for _, _, p in found), key=len),))


_DIGIT_LETTER = re.compile(r"\d[^\W\d_]")


class _Cuts(NamedTuple):
    """Where the English tokenizer splits between two letters or digits (see _tokenizer_cuts)."""

    starts: frozenset[str]  # words that can start a token glued to the one before it
    ends: frozenset[str]  # words that can end a token glued to the next
    pairs: frozenset[tuple[str, str]]  # the glued (end, start) pairs of the special cases
    specials: re.Pattern  # those special cases, found whole
    tokens: frozenset[str]  # the texts of the tokens so cut ('do' and "n't" of "don't", 'km')


@lru_cache(maxsize=1)
def _tokenizer_cuts() -> _Cuts:
    """Where the English tokenizer splits between two letters or digits: in its special cases
    ('ima' -> 'i', 'm', 'a'; 'whats' -> 'what', 's'; "don't" -> 'do', "n't"), and a unit or
    currency after a number ('10km', '5US$'). A paragraph's words hold such a token only inside
    the longer word, so neither a pattern token naming one nor a phrase word cut so can gate."""
    from spacy.attrs import ORTH
    from spacy.lang.char_classes import _currency, _units
    from spacy.lang.en import English

    units = {p[0] for u in (_units + " " + _currency).split() if (p := pieces(u.replace("\\", "")))}
    starts, ends, pairs = set(units), set(), set()
    tokens = {unit.lower() for unit in _units.split()}
    keys = []
    for text, parts in English.Defaults.tokenizer_exceptions.items():
        orths = [str(part.get(ORTH, "")) for part in parts]
        glued = False
        for a, b in zip(orths, orths[1:]):
            if a and b and PIECE.match(a[-1]) and PIECE.match(b[0]):
                la, lb = folded_lower(a), folded_lower(b)
                pairs.add((pieces(la)[-1], pieces(lb)[0]))
                ends.add(pieces(la)[-1])
                starts.add(pieces(lb)[0])
                tokens.update((a.lower(), b.lower()))
                glued = True
        if glued:
            keys.append(re.escape(folded_lower(text)))
    special = re.compile(r"(?<![^\W_])(?:" + "|".join(sorted(set(keys), key=len, reverse=True)) + r")(?![^\W_])")
    return _Cuts(frozenset(starts), frozenset(ends), frozenset(pairs), special, frozenset(tokens))


def term_gate(rules: RuleSet) -> "AnyGate | None":
    """Every ``term`` entry's phrases, each by all its words (``phrase_words``), and its token
    patterns (the gate of its Matcher, ``_entry_gate``): a paragraph it does not open cannot match
    any entry."""
    words: set[str] = set()
    phrases: set[frozenset[str]] = set()
    pattern_gates = []
    for rule in rules.by_kind("term"):
        for entry in rule.entries:
            for form in surface_forms(entry):
                required = phrase_words(form)
                if not required:
                    return None
                if len(required) == 1:
                    words.update(required)
                else:
                    phrases.add(required)
            if entry.patterns:
                patterns = _entry_gate(entry)
                if patterns is None:
                    return None
                pattern_gates.extend(patterns.gates if isinstance(patterns, AnyGate) else (patterns,))
    # one word gate for the one-word phrases and the single-word patterns, one for the phrases of
    # several words, then the patterns needing several words
    single = Gate.of(words)
    for gate in pattern_gates:
        if isinstance(gate, Gate):
            single = single | gate
    return AnyGate((single, WordSetsGate(phrases), *(g for g in pattern_gates if not isinstance(g, Gate))))


class TermCheck:
    """Flags lexicon phrases whose context conditions hold; keeps the longest match per rule."""

    codes: tuple[str, ...] = ()  # serves every rule of kind 'term'

    @property
    def context_sentences(self) -> int | None:
        """An entry's conditions read its own sentence (``window: sentence``, the default); when
        some entry reads a wider window (``window: paragraph`` or a token count), its 'near' words
        are compared as lemmas there, so the whole paragraph is analysed (None)."""
        from ..lexicon import load_rules

        return None if wide_windows(load_rules()) else 0

    @cached_property
    def gate(self) -> Gate | None:
        from ..lexicon import load_rules

        return term_gate(load_rules())

    def wants(self, sent) -> bool:
        """Entries with POS or entity conditions need the statistical pipeline; so do entries whose
        'near' words are read as lemmas, when their phrase is in the sentence."""
        from ..lexicon import load_rules

        rules = load_rules()
        triggers = statistical_trigger_ids(rules)
        if triggers is None or not triggers.isdisjoint(token_columns(sent.doc).lower[sent.start:sent.end]):
            return True
        near = near_phrases(rules)
        if near is None:
            return False
        phrase, precheck = near  # the paragraph once first: most hold no phrase
        doc = sent.doc
        text = doc_text(doc)
        anywhere = doc.user_data.get(_NEAR_KEY)
        if anywhere is None:
            anywhere = doc.user_data[_NEAR_KEY] = precheck.search(text.lower()) is not None
        return anywhere and phrase.search(text[sent.start_char:sent.end_char].lower()) is not None

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        from ..lexicon import load_rules

        compiled = compiled_for(ctx.adoc.nlp, ctx.rules, ctx.info.statistical)
        statistical = ctx.info.statistical
        # The gate lists the installed lexicon's words: other rules are read everywhere.
        segments = ctx.segments if ctx.rules is load_rules() else ctx.document_segments
        custom = segments is not ctx.segments
        for seg in segments:
            by_rule: dict[str, list] = {}
            for key, span in compiled.matches(seg.doc, None if custom else seg.words):
                rule, entry = compiled.lookup[key]
                if not ctx.settings.selects(rule):
                    continue
                if not ctxmod.passes(span, entry.context, statistical):
                    continue
                by_rule.setdefault(rule.code, []).append((span, rule, entry))
            for code, items in by_rule.items():
                keep = {(s.start, s.end) for s in filter_spans([s for s, _, _ in items])}
                seen = set()
                for span, rule, entry in items:
                    k = (span.start, span.end)
                    if k in keep and k not in seen:
                        seen.add(k)
                        yield ctx.finding(rule, seg, span, entry=entry)


CHECKS = [TermCheck()]
