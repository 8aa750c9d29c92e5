"""Identification risk (checklist 3.8, items 16-18): the check that reports :mod:`awareness_check.identification`.

The finders live in that package (people, places, family, contacts, media); this module turns
their :class:`Detail` records into findings and names the sentences that need the parse.
"""
from __future__ import annotations

from functools import partial
from typing import Iterable

from ..findings import Finding
from ..identification import Detail, find_details, flagged_name_words, name_mentions
from ..identification.gate import IDENTIFICATION_GATE, SELECT_CUE_GATE, cue_words, name_linked, wants_analysis
from .base import CheckContext

__all__ = ["Detail", "find_details", "flagged_name_words", "name_mentions", "IdentificationCheck", "CHECKS"]


class IdentificationCheck:
    codes = ("IDR001", "IDR002", "IDR003", "IDR004", "IDR005", "IDR006")
    # Entities and the parse are read in the wanted sentences and those ``also_reads`` names, not
    # around them: the next sentence is read as text only ("Meet Joy. She was trafficked at 16."
    # is wanted through its first sentence, identification/gate.py).
    context_sentences = 0
    # The words without which a paragraph holds no detail and adds nothing to the people model
    # (identification/gate.py); the check reads only those paragraphs, people linked among them.
    gate = IDENTIFICATION_GATE

    def wants(self, sent) -> bool | str:
        """Entities and the parse matter only where a name-like word meets a victim, age, kin or
        photo cue, or the next sentence puts the name at risk; where the only name-like word opens
        the sentence, only if the tagger or the entity recognizer makes it a name (``IF_PROPER_NOUN``)."""
        return wants_analysis(sent)

    def paragraph_wants(self, segment):
        """``wants`` for the sentences of one paragraph: where the paragraph holds no victim, age,
        kin, child or photo cue at all, no sentence is searched for one; else a sentence is searched
        if it holds one of the paragraph's cue words (or a digit)."""
        if not segment.opened(SELECT_CUE_GATE):
            return _wants_without_cues
        return partial(wants_analysis, cues=cue_words(segment.words))

    def also_reads(self, sents, i: int) -> tuple[int, ...]:
        """Every sentence of the paragraph sharing a capitalised word with this one: people are
        linked by their name words, and each mention's entities, parse and the ORG after it decide
        who the person is ("Amina Bello grew up in Kano. ... Amina was lured to Lagos at 14.")."""
        return name_linked(sents, i)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not any(ctx.enabled(c) for c in self.codes):
            return
        for d in find_details(ctx.adoc):
            if not ctx.enabled(d.code):
                continue
            rule = ctx.rules.get(d.code)
            entry = rule.entry(d.entry) if d.entry else None
            yield ctx.finding(rule, d.segment, (d.start, d.end), entry=entry, detail=d.detail,
                              severity=entry.severity if entry and entry.severity else None)


def _wants_without_cues(sent) -> bool | str:
    return wants_analysis(sent, cues=False)


CHECKS = [IdentificationCheck()]
