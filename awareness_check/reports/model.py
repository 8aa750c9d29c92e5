"""One report model for every reviewer format (Markdown, HTML, CSV, the annotated Word copy).

The renderers only lay out what this module computes: the header, the 3.8 checklist summary,
the findings grouped by category with their sentence, explanation and sources, and the
document statistics. Everything is driven by data (the Finding records, the rule lexicons and
``lexicons/checklists/awareness.yml``), so a new category or a new statistic shows up in every
format without touching a renderer.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable


from .. import __version__
from ..findings import Category, DocumentReport, Finding, Report
from ..lexicon import Rule, RuleSet, Source, load_rules

SEVERITY_ORDER = ("error", "warning", "suggestion")
# How far the sentence around a phrase reaches at most on each side (long lines stay readable).
CONTEXT_CHARS = 160
# A sentence ends at . ! ? (with closing quotes), a blank line, or a line break that is not a hard
# wrap inside a sentence (the normaliser's rule: a wrapped line continues in lower case).
_SENTENCE_END = re.compile(r"[.!?…。]['\"’”)\]]*\s+|\n\s*\n|\n(?![ \t]*[a-z(])")


# --------------------------------------------------------------------------- checklist data

def load_checklist(name: str = "awareness"):
    """The 3.8 checklist, from the questionnaire's validated loader (one reader for the data)."""
    from ..questionnaire.model import get_checklist

    return get_checklist(name)


# --------------------------------------------------------------------------- view records

@dataclass(frozen=True)
class SourceView:
    cite: str
    ref: str | None = None
    url: str | None = None

    @property
    def label(self) -> str:
        return f"{self.cite} ({self.ref})" if self.ref else self.cite


@dataclass(frozen=True)
class RuleView:
    """What a reviewer needs to judge a rule once: why it flags, its limits, its sources."""

    code: str
    name: str
    summary: str
    explanation: str
    limitations: str
    sources: tuple[SourceView, ...]
    disputed: bool = False


@dataclass(frozen=True)
class FindingView:
    number: int  # 1-based, in text order within the document (footnote numbers in the HTML)
    finding: Finding
    rule: RuleView
    before: str  # the sentence around the phrase: text before it ...
    after: str  # ... and after it (each on one line, cut at CONTEXT_CHARS with an ellipsis)

    # Convenience fields so templates never reach into Finding.
    @property
    def category(self) -> str:
        return self.finding.category

    @property
    def code(self) -> str:
        return self.finding.rule_id

    @property
    def phrase(self) -> str:
        return self.finding.text

    @property
    def phrase_one_line(self) -> str:
        return _one_line(self.finding.text)

    @property
    def severity(self) -> str:
        return str(self.finding.severity)

    @property
    def message(self) -> str:
        return self.finding.message

    @property
    def suggestions(self) -> tuple[str, ...]:
        return self.finding.suggestions

    @property
    def suggestion_text(self) -> str:
        return "; ".join(self.finding.suggestions)

    @property
    def note(self) -> str | None:
        return self.finding.note

    @property
    def line(self) -> int:
        return self.finding.line

    @property
    def column(self) -> int:
        return self.finding.column

    @property
    def comment_text(self) -> str:
        """Message + suggestion: the text of a Word comment or a tooltip."""
        parts = [self.message]
        if self.suggestions:
            parts.append("Instead: " + "; ".join(self.suggestions) + ".")
        if self.note:
            parts.append(f"Note: {self.note}")
        parts.append(f"({self.code} {self.finding.rule_name}, {self.severity})")
        return " ".join(parts)


@dataclass(frozen=True)
class CategoryGroup:
    id: str
    title: str
    colour: int  # index into the renderer's palette; stable per category
    findings: tuple[FindingView, ...]
    rules: tuple[RuleView, ...]  # the rules behind these findings, in order of first appearance

    @property
    def severity_counts(self) -> dict[str, int]:
        return _severity_counts(f.finding for f in self.findings)


@dataclass(frozen=True)
class ChecklistLine:
    number: int
    text: str
    automated: str  # full | partial | manual
    status: str  # findings | clear | by-hand | not-checked
    count: int
    severities: dict[str, int]
    categories: tuple[str, ...]
    command: str | None = None

    @property
    def result(self) -> str:
        """One line a reviewer reads: what the scan found for this item and what is left to a person."""
        if self.status == "by-hand":
            text = "Check by hand."
        elif self.status == "not-checked":
            text = "Not checked automatically in this run: check by hand."
        elif self.status == "findings":
            text = f"{_plural(self.count, 'finding')} ({severity_phrase(self.severities)})."
        else:
            text = "No findings."
        if self.automated == "partial" and self.status in ("findings", "clear"):
            text += " The scan covers the wording only: check the rest by hand."
        if self.command:
            text += f' Run "awareness-check {self.command}" on the draft.'
        return text


@dataclass(frozen=True)
class StatBlock:
    """A statistic laid out generically: ``kind`` is value, pairs or table."""

    key: str
    title: str
    kind: str
    value: str = ""
    pairs: tuple[tuple[str, str], ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class TextPiece:
    """A stretch of the draft's text with the findings that cover it (for highlighting)."""

    text: str
    numbers: tuple[int, ...] = ()  # findings covering this stretch
    categories: tuple[str, ...] = ()
    ends: tuple[int, ...] = ()  # findings that end right after this stretch (footnote marks)
    titles: str = ""  # the covering findings' messages, for a tooltip
    colour: int = 0  # palette index of the first covering category


@dataclass(frozen=True)
class DocumentView:
    path: str
    source_format: str
    findings: tuple[FindingView, ...]  # text order
    groups: tuple[CategoryGroup, ...]
    checklist: tuple[ChecklistLine, ...]
    stats: tuple[StatBlock, ...]  # top-level scalar statistics as one 'pairs' block first, then nested ones
    pieces: tuple[TextPiece, ...]
    text: str

    @property
    def severity_counts(self) -> dict[str, int]:
        return _severity_counts(f.finding for f in self.findings)

    @property
    def summary_line(self) -> str:
        if not self.findings:
            return "No findings."
        return f"{_plural(len(self.findings), 'finding')} ({severity_phrase(self.severity_counts)})."


@dataclass(frozen=True)
class ReportView:
    title: str
    generated: str
    tool_version: str
    pipeline: str
    notices: tuple[str, ...]
    checklist_title: str
    checklist_intro: str
    documents: tuple[DocumentView, ...]
    categories: tuple[tuple[str, str, int], ...]  # (id, title, colour) of every known category, for legends

    @property
    def finding_count(self) -> int:
        return sum(len(d.findings) for d in self.documents)


# --------------------------------------------------------------------------- building

def build_report(
    report: Report,
    *,
    rules: RuleSet | None = None,
    settings=None,
    generated: str | None = None,
    version: str | None = None,
    title: str = "awareness-check report",
) -> ReportView:
    """Turn a Report into the view every reviewer format renders.

    ``settings`` (optional) tells which rules ran, so a checklist item whose rules were all
    deselected reads "not checked" rather than "no findings".
    """
    rules = rules or load_rules()
    checklist = load_checklist()
    categories = _category_order(report, rules)
    colour = {c: i for i, c in enumerate(categories)}
    docs = tuple(_document_view(d, rules, checklist, settings, colour) for d in report.documents)
    return ReportView(
        title=title,
        generated=generated or _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z").strip(),
        tool_version=version or __version__,
        pipeline=report.pipeline or "unknown",
        notices=tuple(report.notices),
        checklist_title=f"{checklist.section} {checklist.title}".strip(),
        checklist_intro=checklist.intro,
        documents=docs,
        categories=tuple((c, category_title(c), colour[c]) for c in categories),
    )


def category_title(category_id: str) -> str:
    """'gendered-language' -> 'Gendered language': titles come from the ids, so new ones need nothing."""
    words = category_id.replace("_", "-").split("-")
    return " ".join(words).capitalize()


def severity_phrase(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in SEVERITY_ORDER if counts.get(s))


def humanize_key(key: str) -> str:
    text = key.replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:] if text else key


def _category_order(report: Report, rules: RuleSet) -> list[str]:
    """Known categories in their fixed order, then any other category a finding or rule carries."""
    order = [c.value for c in Category]
    extra = sorted({f.category for f in report.findings} | {r.category for r in rules.rules} - set(order))
    return order + [c for c in extra if c not in order]


def _document_view(doc: DocumentReport, rules: RuleSet, checklist: Checklist, settings, colour: dict[str, int]) -> DocumentView:
    ordered = sorted(doc.findings, key=lambda f: f.sort_key)
    rule_views: dict[str, RuleView] = {}
    views = tuple(
        FindingView(number=i, finding=f, rule=_rule_view(f, rules, rule_views), **_context(doc.text, f.start, f.end))
        for i, f in enumerate(ordered, 1)
    )
    groups = []
    for category in colour:
        members = tuple(v for v in views if v.category == category)
        if not members:
            continue
        seen = list(dict.fromkeys(v.rule for v in members))
        groups.append(CategoryGroup(id=category, title=category_title(category), colour=colour[category], findings=members, rules=tuple(seen)))
    return DocumentView(
        path=doc.path, source_format=doc.source_format, findings=views, groups=tuple(groups),
        checklist=_checklist_lines(views, checklist, rules, settings), stats=stat_blocks(doc.stats),
        pieces=text_pieces(doc.text, views, colour), text=doc.text,
    )


def _rule_view(f: Finding, rules: RuleSet, cache: dict[str, RuleView]) -> RuleView:
    if f.rule_id in cache:
        return cache[f.rule_id]
    if f.rule_id in rules:
        r: Rule = rules.get(f.rule_id)
        entry = r.entry(f.entry_id) if f.entry_id else None
        sources = tuple(_source(s) for s in (r.sources + (entry.sources if entry else ())))
        view = RuleView(r.code, r.name, r.summary, r.explanation, r.limitations, tuple(dict.fromkeys(sources)), r.disputed)
    else:  # findings made outside the lexicons (e.g. the project's own reject list)
        view = RuleView(f.rule_id, f.rule_name, "", "", "", ())
    cache[f.rule_id] = view
    return view


def _source(s: Source) -> SourceView:
    return SourceView(cite=s.cite, ref=s.ref, url=s.url)


def _checklist_lines(views: Iterable[FindingView], checklist: Checklist, rules: RuleSet, settings) -> tuple[ChecklistLine, ...]:
    views = list(views)
    lines = []
    for item in checklist.questions:
        # A finding answers the items its rule names; one without items answers its category's items.
        hits = [v.finding for v in views
                if item.number in v.finding.checklist_items or (not v.finding.checklist_items and v.category in item.categories)]
        covering = [r for r in rules.rules if item.number in r.checklist or r.category in item.categories]
        if settings is not None:
            covering = [r for r in covering if settings.selects(r)]
        if hits:
            status = "findings"
        elif item.automated == "manual":
            status = "by-hand"
        elif covering:
            status = "clear"
        else:
            status = "by-hand" if item.command else "not-checked"
        lines.append(ChecklistLine(
            number=item.number, text=item.text, automated=item.automated, status=status, count=len(hits),
            severities=_severity_counts(hits), categories=item.categories, command=item.command,
        ))
    return tuple(lines)


def _severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = Counter(str(f.severity) for f in findings)
    return {s: counts[s] for s in SEVERITY_ORDER if counts[s]}


def _context(text: str, start: int, end: int) -> dict[str, str]:
    """The sentence around [start, end): cut at sentence ends or line breaks, at most CONTEXT_CHARS a side."""
    left_limit = max(0, start - CONTEXT_CHARS)
    left = text[left_limit:start]
    cut = 0
    for m in _SENTENCE_END.finditer(left):
        cut = m.end()
    before = left[cut:]
    if cut == 0 and left_limit > 0:
        before = "…" + before.lstrip()
    right = text[end:end + CONTEXT_CHARS]
    m = _SENTENCE_END.search(right)
    if m:
        after = right[:m.start()] + right[m.start():m.end()].rstrip()
    else:
        after = right + ("…" if end + CONTEXT_CHARS < len(text) else "")
    return {"before": _one_line(before).lstrip(), "after": _one_line(after).rstrip()}


def _one_line(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def text_pieces(text: str, views: Iterable[FindingView], colour: dict[str, int] | None = None) -> tuple[TextPiece, ...]:
    """Cut the text at every finding boundary; each piece knows which findings cover it.

    One sweep over the sorted boundaries (findings open and close as it passes), so a long draft
    with thousands of findings stays fast.
    """
    views = list(views)
    colour = colour or {}
    opening: dict[int, list[FindingView]] = {}
    closing: dict[int, list[FindingView]] = {}
    marks: dict[int, list[int]] = {}  # findings with no text (document level): a mark, nothing highlighted
    for v in views:
        s, e = v.finding.start, v.finding.end
        if e > s:
            opening.setdefault(s, []).append(v)
            closing.setdefault(e, []).append(v)
        else:
            marks.setdefault(s, []).append(v.number)
    points = sorted({0, len(text), *opening, *closing, *marks})
    active: dict[int, FindingView] = {}
    pieces: list[TextPiece] = []
    for a, b in zip(points, points[1:] + [None]):
        for v in closing.get(a, ()):
            active.pop(v.number, None)
        for v in opening.get(a, ()):
            active[v.number] = v
        if a in marks:
            pieces.append(TextPiece(text="", ends=tuple(marks[a])))
        if b is None or b <= a:
            continue
        covering = [active[n] for n in sorted(active)]
        categories = tuple(dict.fromkeys(v.category for v in covering))
        pieces.append(TextPiece(
            text=text[a:b],
            numbers=tuple(v.number for v in covering),
            categories=categories,
            ends=tuple(v.number for v in covering if v.finding.end == b),
            titles=" | ".join(f"[{v.number}] {v.message}" for v in covering),
            colour=colour.get(categories[0], 0) if categories else 0,
        ))
    return tuple(p for p in pieces if p.text or p.ends)


# --------------------------------------------------------------------------- statistics

def stat_blocks(stats: dict[str, Any], *, title: str = "Document statistics", key: str = "document", depth: int = 0) -> tuple[StatBlock, ...]:
    """Lay out any JSON-like stats dict: its scalars in one table, each nested value as its own block.

    Families add keys to a document's stats (readability scores, the flip-it summary, the role
    table); this renders whatever is there, so a new statistic needs no reporter change.
    """
    flat = [(k, v) for k, v in stats.items() if _is_scalar(v) or _is_scalar_list(v)]
    nested = [(k, v) for k, v in stats.items() if not (_is_scalar(v) or _is_scalar_list(v))]
    blocks = []
    if flat:
        blocks.append(StatBlock(key=key, title=title, kind="pairs", pairs=tuple((humanize_key(str(k)), _fmt(v)) for k, v in flat)))
    for k, value in nested:
        sub_title = humanize_key(str(k)) if depth == 0 else f"{title}: {humanize_key(str(k)).lower()}"
        blocks.extend(_blocks(f"{key}.{k}" if depth else str(k), sub_title, value, depth))
    return tuple(blocks)


def _blocks(key: str, title: str, value: Any, depth: int) -> tuple[StatBlock, ...]:
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        columns = list(dict.fromkeys(k for row in value for k in row))
        return (StatBlock(key, title, "table", columns=tuple(humanize_key(str(c)) for c in columns),
                          rows=tuple(tuple(_fmt(row.get(c, "")) for c in columns) for row in value)),)
    if isinstance(value, dict) and value and all(isinstance(v, dict) and all(_is_scalar(x) or _is_scalar_list(x) for x in v.values()) for v in value.values()):
        columns = list(dict.fromkeys(k for row in value.values() for k in row))
        return (StatBlock(key, title, "table", columns=("",) + tuple(humanize_key(str(c)) for c in columns),
                          rows=tuple((humanize_key(str(k)),) + tuple(_fmt(row.get(c, "")) for c in columns) for k, row in value.items())),)
    if isinstance(value, dict) and depth < 3:
        return stat_blocks(value, title=title, key=key, depth=depth + 1)
    return (StatBlock(key, title, "value", value=_fmt(value)),)


def _is_scalar(v: Any) -> bool:
    return v is None or isinstance(v, (str, int, float, bool))


def _is_scalar_list(v: Any) -> bool:
    return isinstance(v, (list, tuple)) and all(_is_scalar(x) for x in v)


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:.1f}" if abs(v) >= 10 else f"{v:.2f}".rstrip("0").rstrip(".") if v else "0"
    if isinstance(v, (list, tuple)):
        return ", ".join(_fmt(x) for x in v)
    if isinstance(v, dict):
        return "; ".join(f"{humanize_key(str(k))}: {_fmt(x)}" for k, x in v.items())
    return str(v)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


__all__ = [
    "CategoryGroup", "ChecklistLine", "DocumentView", "FindingView", "ReportView", "RuleView", "SourceView",
    "StatBlock", "TextPiece", "build_report", "category_title", "load_checklist", "severity_phrase", "stat_blocks",
]
