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
from ..flip import flip_analyzed, flip_counts
from .base import CheckContext


class FlipSummary:
    codes: tuple[str, ...] = ()
    # Run after the other families' finalize steps, so a role table built there is seen too.
    finalize_order = 100

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


CHECKS = [FlipSummary()]
