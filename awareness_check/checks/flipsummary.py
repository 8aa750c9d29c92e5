"""The flip-it summary in ``scan`` (checklist 3.8, items 8, 9 and 14).

No findings: a count of the draft's gendered mentions by gender, and, when the stereotype family
has built the role table (``ctx.stats["roles"]``, ``{"female": {...}, "male": {...}}``), that
table before and after the flip. In the flipped draft the women do what the men did and the
other way round, so an asymmetry (women only as victims, men only as offenders) is visible at a
glance. The flip reuses the scan's own analysis: no second NLP pass.
"""
from __future__ import annotations

from typing import Iterable

from ..findings import Finding
from ..flip import PRONOUN_WORDS, flip_analyzed, flip_counts, load_flip_lexicon
from ..gates import Gate
from .base import CheckContext


# Words whose swap the tagger decides ('her' object or possessive, 'his' or 'hers').
_TAGGED_PRONOUNS = frozenset({"her", "his"})


def _lexicon_word(tok) -> bool:
    words = load_flip_lexicon().words
    return tok.lower_ in words or tok.lower_.rstrip(".") in words


class FlipLexiconGate:
    """Opens on a pronoun or any word of the pair list (built on first use from the lexicon)."""

    _gate: Gate | None = None

    def opens(self, segment) -> bool:
        return self.as_word_gate().opens(segment)

    def as_word_gate(self) -> Gate:
        if FlipLexiconGate._gate is None:
            FlipLexiconGate._gate = Gate.of(words=list(load_flip_lexicon().words) + list(PRONOUN_WORDS))
        return FlipLexiconGate._gate


FLIP_GATE = FlipLexiconGate()


class FlipSummary:
    codes: tuple[str, ...] = ()
    context_sentences = 0
    gate = FLIP_GATE  # nothing swaps in a paragraph without a gendered word
    # Run after the other families' finalize steps, so a role table built there is seen too.
    finalize_order = 100

    def wants(self, sent) -> bool:
        """'her'/'his' (read by their tag) and any word of the pair list (the tagger tells 'to man'
        from 'a man', NER tells 'Martin Luther King' from 'the king'). He, she, him, herself and
        himself swap the same way without a parse, so a sentence with only those is not selected."""
        return any(t.lower_ in _TAGGED_PRONOUNS or _lexicon_word(t) for t in sent)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        return ()

    def finalize(self, ctx: CheckContext) -> Iterable[Finding]:
        summary = flip_counts(flip_analyzed(ctx.adoc))
        roles = ctx.stats.get("roles")
        if isinstance(roles, dict) and ("female" in roles or "male" in roles):
            female, male = roles.get("female", {}), roles.get("male", {})
            summary["roles_before"] = {"female": female, "male": male}
            summary["roles_after"] = {"female": male, "male": female}
        ctx.stats["flip"] = summary
        return ()


def summary_lines(summary: dict | None, path: str = "FILE") -> list[str]:
    """The flip-it summary for the text report: counts, then the role table before and after."""
    if not summary or not summary.get("gendered_mentions"):
        return []
    lines = [f"Flip it (3.8 item 14): {summary['gendered_mentions']} gendered mentions "
             f"({summary['female']} female, {summary['male']} male). "
             f"Read the draft with genders swapped: awareness-check flip {path}"]
    if "roles_before" in summary and _any_role(summary["roles_before"]):
        for label, key in (("roles before", "roles_before"), ("roles after ", "roles_after")):
            table = summary[key]
            cells = " | ".join(f"{g}: {_roles(table.get(g))}" for g in ("female", "male"))
            lines.append(f"    {label}: {cells}")
    return lines


def _roles(roles) -> str:
    if not roles:
        return "-"
    if isinstance(roles, dict):
        return ", ".join(f"{k} {v}" if isinstance(v, (int, float)) else str(k) for k, v in roles.items())
    if isinstance(roles, (list, tuple, set)):
        return ", ".join(map(str, roles))
    return str(roles)


class FlipNameContext:
    """A capitalised gendered word is left alone inside a name ('Martin Luther King', 'Mothers'
    Union'); NER decides that with the words around it, across a line break too ('Poster 3 ...
    Headline: Ladies'), so the neighbouring sentences are analysed with it. Produces nothing."""

    codes: tuple[str, ...] = ()
    context_sentences = 1
    gate = FLIP_GATE

    def wants(self, sent) -> bool:
        return any(t.text[:1].isupper() and _lexicon_word(t) for t in sent)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        return ()


CHECKS = [FlipSummary(), FlipNameContext()]


def _any_role(table: dict) -> bool:
    """A role table worth showing: at least one gendered mention in a role."""
    return any(isinstance(v, (int, float)) and v for roles in table.values() if isinstance(roles, dict) for v in roles.values())
