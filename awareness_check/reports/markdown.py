"""``--format markdown``: the reviewer report as Markdown, for e-mail, wikis and issue trackers.

Layout only (the content comes from :mod:`.model`). Every string that comes from the draft is
escaped, so a draft containing HTML, Markdown or a ``<script>`` tag reads as text wherever the
report is rendered.
"""
from __future__ import annotations

import re

from ..findings import Report
from .model import DocumentView, ReportView, StatBlock, build_report

# Backslash-escape the characters that start Markdown or HTML syntax inline (CommonMark allows
# a backslash before any ASCII punctuation, so the escaped text renders exactly as written).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")


def esc(text: str) -> str:
    """Escape a string from the draft for inline Markdown: one line, no live syntax."""
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def code(text: str) -> str:
    """Inline code for our own identifiers (no escaping needed inside a code span)."""
    return f"`{text}`" if "`" not in text and "\n" not in text else esc(text)


def render(report: Report, *, view: ReportView | None = None, settings=None, generated: str | None = None, **_opts) -> str:
    view = view or build_report(report, settings=settings, generated=generated)
    out: list[str] = [f"# {view.title}", ""]
    out += [
        f"- **Date:** {view.generated}",
        f"- **Tool:** awareness-check {esc(view.tool_version)}",
        f"- **English pipeline:** {code(view.pipeline)}",
    ]
    out += [f"- **Notice:** {esc(n)}" for n in view.notices]
    out.append("")
    for doc in view.documents:
        out += _document(doc, view)
    return "\n".join(out).rstrip() + "\n"


def _document(doc: DocumentView, view: ReportView) -> list[str]:
    out = [f"## Document: {esc(doc.path)}", "", f"**{doc.summary_line}**", ""]
    out += [f"### Checklist ({esc(view.checklist_title)})", "", f"_{esc(view.checklist_intro)}_", ""]
    out += ["| # | Item | Result |", "|---:|---|---|"]
    for line in doc.checklist:
        out.append(f"| {line.number} | {esc(line.text)} | {esc(line.result)} |")
    out.append("")
    out += ["### Findings", ""]
    if not doc.groups:
        out += ["No phrases were flagged.", ""]
    for group in doc.groups:
        out += [f"#### {esc(group.title)} ({len(group.findings)})", ""]
        for f in group.findings:
            # A bullet with the number written out: a Markdown ordered list would renumber the
            # group from its first number, and the numbers must match the other formats.
            pad = "  "
            out.append(f"- **[{f.number}] Line {f.line}, column {f.column}** · {f.severity} · `{f.code}` {esc(f.finding.rule_name)}")
            out.append("")
            if f.phrase.strip():
                out.append(f"{pad}> {esc(f.before)}**{esc(f.phrase.strip())}**{esc(f.after)}")
            else:
                out.append(f"{pad}> _the whole document_")
            out.append("")
            out.append(f"{pad}{esc(f.message)}  ")
            if f.suggestions:
                out.append(f"{pad}Instead: {esc('; '.join(f.suggestions))}  ")
            if f.note:
                out.append(f"{pad}Note: {esc(f.note)}  ")
            out[-1] = out[-1].rstrip()
            out.append("")
        out += ["Why these are flagged:", ""]
        for rule in group.rules:
            text = f"- **{esc(rule.code)} {esc(rule.name)}**"
            if rule.explanation:
                text += f": {esc(rule.explanation)}"
            if rule.disputed:
                text += " _(disputed: authorities disagree)_"
            out.append(text + ("  " if rule.sources else ""))
            if rule.sources:
                out.append("  Sources: " + "; ".join(_source(s) for s in rule.sources))
        out.append("")
    for block in doc.stats:
        out += _stats(block)
    return out


def _source(s) -> str:
    label = esc(s.label)
    return f"[{label}](<{s.url}>)" if s.url and re.match(r"https?://[^\s<>]+$", s.url) else label


def _stats(block: StatBlock) -> list[str]:
    out = [f"### {esc(block.title)}", ""]
    if block.kind == "pairs":
        out += ["| Measure | Value |", "|---|---|"]
        out += [f"| {esc(k)} | {esc(v)} |" for k, v in block.pairs]
    elif block.kind == "table":
        out += ["| " + " | ".join(esc(c) for c in block.columns) + " |", "|" + "---|" * len(block.columns)]
        out += ["| " + " | ".join(esc(c) for c in row) + " |" for row in block.rows]
    else:
        out.append(esc(block.value))
    out.append("")
    return out
