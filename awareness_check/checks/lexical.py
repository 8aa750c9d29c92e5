"""The ``term`` rule kind: lexicon phrases and token patterns, filtered by their context conditions.

Every YAML entry with ``terms``/``forms``/``patterns`` is compiled once per pipeline vocabulary
into a PhraseMatcher (case-insensitive, with plural forms derived) and a Matcher (token patterns).
"""
from __future__ import annotations

from typing import Iterable

from spacy.matcher import Matcher, PhraseMatcher
from spacy.util import filter_spans

from ..findings import Finding
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
    """Matchers for every ``term`` rule, keyed by ``CODE|entry-id``."""

    def __init__(self, nlp, rules: RuleSet, statistical: bool):
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokens = Matcher(nlp.vocab, validate=True)
        self.plain_tokens = Matcher(nlp.vocab, validate=True)  # patterns that need no tagger (unparsed paragraphs)
        self.lookup: dict[str, tuple[Rule, Entry]] = {}
        self.skipped: list[str] = []
        for rule in rules.by_kind("term"):
            for entry in rule.entries:
                key = f"{rule.code}|{entry.id}"
                self.lookup[key] = (rule, entry)
                forms = surface_forms(entry)
                if forms:
                    self.phrases.add(key, [nlp.make_doc(f) for f in forms])
                if entry.patterns:
                    needs = ctxmod.needs_statistics(entry.patterns)
                    if needs and not statistical:
                        self.skipped.append(key)
                        continue
                    self.tokens.add(key, [list(p) for p in entry.patterns])
                    if not needs:
                        self.plain_tokens.add(key, [list(p) for p in entry.patterns])
        self.vocab = nlp.vocab

    def matches(self, doc):
        spans = []
        # A paragraph that selective analysis left unparsed has no tags: POS patterns cannot run there.
        tokens = self.tokens if doc.has_annotation("TAG") or doc.has_annotation("POS") else self.plain_tokens
        raw = list(self.phrases(doc)) + (list(tokens(doc)) if len(tokens) else [])
        for match_id, start, end in raw:
            key = self.vocab.strings[match_id]
            span = doc[start:end]
            spans.append((key, span))
        return spans


_COMPILED: dict[tuple[int, int, bool], CompiledTerms] = {}


def compiled_for(nlp, rules: RuleSet, statistical: bool) -> CompiledTerms:
    key = (id(nlp.vocab), id(rules), statistical)
    if key not in _COMPILED:
        _COMPILED[key] = CompiledTerms(nlp, rules, statistical)
    return _COMPILED[key]


_STAT_CONTEXT = {"pos", "unless_entity"}


_TRIGGERS: dict[int, frozenset[str] | None] = {}


def statistical_triggers(rules: RuleSet) -> frozenset[str] | None:
    """Lower-case words whose entries need tags or entities (None: some pattern could match anything)."""
    if id(rules) not in _TRIGGERS:
        _TRIGGERS[id(rules)] = _statistical_triggers(rules)
    return _TRIGGERS[id(rules)]


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


class TermCheck:
    """Flags lexicon phrases whose context conditions hold; keeps the longest match per rule."""

    codes: tuple[str, ...] = ()  # serves every rule of kind 'term'
    context_sentences = 0

    def wants(self, sent) -> bool:
        """Only entries with POS or entity conditions need the statistical pipeline."""
        from ..lexicon import load_rules

        triggers = statistical_triggers(load_rules())
        if triggers is None:
            return True
        return any(t.lower_ in triggers for t in sent)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        compiled = compiled_for(ctx.adoc.nlp, ctx.rules, ctx.info.statistical)
        statistical = ctx.info.statistical
        for seg in ctx.segments:
            by_rule: dict[str, list] = {}
            for key, span in compiled.matches(seg.doc):
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
