"""Readability against the audience's level (checklist 3.8, items 13 and 19).

Document statistics come from textstat 0.7.8 (pinned: later versions download NLTK data at first
use and fail offline) on :func:`readability_text`, the draft's prose with headings and list lines
ended as sentences; every figure in ``stats`` is textstat's own on that text. A draft above the
audience's target grade gets one document-level finding; the few hardest sentences (very long,
or long and dense with long words) get suggestions. Short texts (under MIN_WORDS) get neither:
the formulas are not meaningful there. Targets and why: docs/readability.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..documents import Document
from ..findings import Finding, Severity
from .base import CheckContext

MIN_WORDS = 100  # below this the formulas say little (nlp-stack.md, section 6)
SMOG_MIN_SENTENCES = 30  # SMOG is defined on 30 sentences
MAX_SENTENCE_FINDINGS = 3
# two words in five of three or more syllables: officialese ("implementation", "identification").
# One in four is ordinary for this subject ("trafficking", "exploitation", "according"): it pointed
# at plain, sourced statistics sentences, so only the densest sentences short of the length bound count.
DENSE_RATIO = 0.4
# The Flesch-Kincaid grade of a draft of a few hundred words moves by about a grade with a sentence
# more or less: a draft within a grade of its target is not worth a finding (the grade stays in stats).
GRADE_MARGIN = 1.0


@dataclass(frozen=True)
class Audience:
    name: str
    max_grade: float  # Flesch-Kincaid grade the draft should not exceed
    min_ease: float  # Flesch reading ease it should reach (reported with the grade)
    long_sentence: int  # words: a sentence this long is hard for this audience
    dense_sentence: int  # words: from this length, a sentence with many long words is hard


AUDIENCES = {
    "general": Audience("general", max_grade=8.0, min_ease=60.0, long_sentence=35, dense_sentence=25),
    "youth": Audience("youth", max_grade=6.0, min_ease=70.0, long_sentence=25, dense_sentence=18),
    "professional": Audience("professional", max_grade=12.0, min_ease=40.0, long_sentence=45, dense_sentence=32),
}

_LIST_MARK = re.compile(r"^\s*(?:[-*\u2022\u2013\u25aa\u25cf]|\d{1,2}[.)]|[a-z][.)])\s+")
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'\u201d\u2019)\]]*\s*$")


def readability_text(document: Document) -> str:
    """The draft's prose for the formulas: one line per line, headings and list items ended with a full stop.

    textstat counts sentences by their end punctuation, so a poster headline or a bullet without a
    full stop would otherwise merge with the next sentence and inflate the grade. For prose whose
    lines all end in punctuation this is the text itself.
    """
    lines = []
    for block in document.blocks:
        for line in block.text.split("\n"):
            line = _LIST_MARK.sub("", line).strip()
            if not line:
                continue
            if not _ENDS_SENTENCE.search(line):
                line += "."
            lines.append(line)
    return "\n".join(lines)


def compute_stats(text: str) -> dict:
    """textstat's figures for ``text`` (rounded by textstat itself)."""
    import textstat

    from .textstat_counts import clear_caches, counted_once

    try:
        with counted_once():
            return _textstat_figures(textstat, text)
    finally:
        # textstat keeps its results by text, the word lists of the whole text among them: a long
        # draft's parts would each leave theirs (~60 MB a million characters)
        clear_caches()


def _textstat_figures(textstat, text: str) -> dict:
    sentences = textstat.sentence_count(text)
    stats = {
        "words": textstat.lexicon_count(text),
        "sentences": sentences,
        "syllables": textstat.syllable_count(text),
        "words_per_sentence": textstat.words_per_sentence(text) if sentences else 0.0,
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
        "difficult_words": textstat.difficult_words(text),
        "smog_index": textstat.smog_index(text) if sentences >= SMOG_MIN_SENTENCES else None,
    }
    return stats


class LongParagraphGate:
    """RDB002 looks only at sentences of ``dense_sentence`` words or more (textstat's word count
    never exceeds the whitespace count), so shorter paragraphs need no sentence split at all."""

    min_words = min(a.dense_sentence for a in AUDIENCES.values())

    def opens(self, segment) -> bool:
        return len(segment.text.split()) >= self.min_words


class ReadabilityCheck:
    codes = ("RDB001", "RDB002")
    context_sentences = 0
    gate = LongParagraphGate()  # the document figures read the whole text, not the segments

    def wants(self, sent) -> bool:
        """textstat reads the plain text: readability never needs the tagger, parser or entities."""
        return False

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        audience = AUDIENCES.get(ctx.settings.audience, AUDIENCES["general"])
        text = readability_text(ctx.adoc.document)
        if not text.strip():
            return
        stats = compute_stats(text)
        ctx.stats.update(stats)
        ctx.stats["audience"] = audience.name
        ctx.stats["target_grade"] = audience.max_grade
        if stats["words"] < MIN_WORDS:
            return
        if ctx.enabled("RDB001") and stats["flesch_kincaid_grade"] > audience.max_grade + GRADE_MARGIN:
            finding = self._document_finding(ctx, stats, audience)
            if finding is not None:
                yield finding
        if ctx.enabled("RDB002"):
            yield from self._hard_sentences(ctx, audience)

    def _document_finding(self, ctx: CheckContext, stats: dict, audience: Audience) -> Finding | None:
        seg = next((s for s in ctx.document_segments if s.text.strip()), None)
        if seg is None:
            return None
        first = next(iter(seg.sents))
        end = first.end_char
        while end > first.start_char and seg.text[end - 1].isspace():
            end -= 1
        grade = stats["flesch_kincaid_grade"]
        severity = Severity.WARNING if grade > audience.max_grade + 2 else Severity.SUGGESTION
        value = f"grade {grade:.1f} (reading ease {stats['flesch_reading_ease']:.0f})"
        detail = f"{audience.name} audience (grade {audience.max_grade:g} or lower, reading ease {audience.min_ease:g} or higher)"
        return ctx.finding("RDB001", seg, (first.start_char, end), severity=severity, value=value, detail=detail)

    def _hard_sentences(self, ctx: CheckContext, audience: Audience) -> Iterable[Finding]:
        from .textstat_counts import counted_once

        with counted_once():  # textstat's own counting parses the whole pronouncing dictionary
            scored = self._scored_sentences(ctx, audience)
        scored.sort(key=lambda x: -x[0])
        for _, seg, sent, reason in sorted(scored[:MAX_SENTENCE_FINDINGS], key=lambda x: (x[1].block.index, x[2].start)):
            start, end = sent.start_char, sent.end_char
            while end > start and seg.text[end - 1].isspace():
                end -= 1
            yield ctx.finding("RDB002", seg, (start, end), detail=f"{audience.name} audience ({reason})")

    @staticmethod
    def _scored_sentences(ctx: CheckContext, audience: Audience) -> list:
        import textstat

        scored = []
        for seg in ctx.segments:
            for sent in seg.sents:
                stext = seg.text[sent.start_char:sent.end_char].strip()
                if not stext or "\t" in stext:  # table rows are not sentences
                    continue
                if len(stext.split()) < audience.dense_sentence:
                    continue  # lexicon_count is never above the whitespace count
                words = textstat.lexicon_count(stext)
                if words < audience.dense_sentence:
                    continue
                poly = textstat.polysyllabcount(stext)
                long_ = words >= audience.long_sentence
                dense = poly / words >= DENSE_RATIO
                if not (long_ or dense):
                    continue
                reason = f"{words} words" if long_ else f"{poly} words of three or more syllables in {words}"
                scored.append((words + 3 * poly, seg, sent, reason))
        return scored


CHECKS = [ReadabilityCheck()]
