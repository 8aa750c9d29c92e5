"""``run awareness --draft DRAFT``: the scan's answers to the 3.8 items it can check in text.

The scan and the questionnaire share the 3.8 numbering: a finding's ``checklist_items`` names the
items it bears on. An item is only pre-filled from categories that have rules installed: "no
gendered terms found" from a scan that has no gendered-language rules would be a false assurance.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..findings import Finding, Report, Severity
from .model import Checklist

_NOUNS = {
    "terminology": ("terminology issue", "terminology issues"),
    "gendered-language": ("gendered term", "gendered terms"),
    "judgmental": ("judgmental phrase", "judgmental phrases"),
    "sensationalist": ("sensationalist phrase", "sensationalist phrases"),
    "stigmatizing": ("stigmatizing phrase", "stigmatizing phrases"),
    "stereotype": ("possible stereotype", "possible stereotypes"),
    "identification-risk": ("identification risk", "identification risks"),
    "unsourced-data": ("figure without a source", "figures without a source"),
    "readability": ("readability issue", "readability issues"),
}
MAX_LISTED = 5


@dataclass(frozen=True)
class ScanResult:
    answer: str | None  # yes | no | in-part; None when the scan cannot answer (e.g. the flip-it item)
    note: str  # e.g. "3 gendered terms found: chairman (line 4), ..."


def scan_draft(path: str | Path, checklist: Checklist) -> dict[int, ScanResult]:
    """Scan the draft with the full pipeline and summarise it per automated 3.8 item."""
    from ..api import check_file
    from ..lexicon import load_rules

    report = check_file(path)
    installed = {r.category for r in load_rules().rules}
    return summarise(report, checklist, installed, draft=str(path))


def summarise(report: Report, checklist: Checklist, installed: set[str], draft: str = "DRAFT") -> dict[int, ScanResult]:
    results: dict[int, ScanResult] = {}
    findings = report.findings
    for q in checklist.questions:
        if q.automated == "manual":
            continue
        if q.command:
            results[q.number] = ScanResult(None, f"Run `awareness-check {q.command} {draft}` and read the swapped text for bias.")
            continue
        categories = [cat for cat in q.categories if cat in installed]
        if not categories:
            continue
        hits = [f for f in findings if q.number in f.checklist_items and f.category in categories]
        results[q.number] = ScanResult(_answer(hits), _note(hits, categories))
    return results


def _answer(hits: list[Finding]) -> str:
    """Warnings or errors: not avoided. Only suggestions (disputed or low-confidence): in part."""
    if not hits:
        return "yes"
    return "no" if max(f.severity for f in hits) >= Severity.WARNING else "in-part"


def _count(category: str, n: int) -> str:
    one, many = _NOUNS.get(category, ("finding", "findings"))
    return f"{n} {one if n == 1 else many}"


def _note(hits: list[Finding], categories: list[str]) -> str:
    if not hits:
        return "The scan found no " + " or ".join(_NOUNS.get(c, ("", c))[1] for c in categories) + "."
    by_category = Counter(f.category for f in hits)
    counts = ", ".join(_count(cat, n) for cat, n in by_category.most_common())
    listed = [f"{f.text} (line {f.line})" for f in hits[:MAX_LISTED]]
    more = f" and {len(hits) - MAX_LISTED} more" if len(hits) > MAX_LISTED else ""
    return f"{counts} found: {', '.join(listed)}{more}."
