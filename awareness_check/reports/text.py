"""``--format text``: file:line:col, code and name, message, suggestion, the line with the phrase marked."""
from __future__ import annotations

from collections import Counter

import click

from ..checks.flipsummary import summary_lines
from ..findings import Report, Severity

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


def render(report: Report, *, color: bool = False, **_opts) -> str:
    def style(text, **kw):
        return click.style(text, **kw) if color else text

    out: list[str] = []
    for doc in report.documents:
        lines_cache: dict[int, str] = {}
        for f in doc.findings:
            head = f"{doc.path}:{f.line}:{f.column}: {style(f.rule_id, bold=True)} {f.rule_name} [{style(str(f.severity), fg=_COLOURS[f.severity])}] {f.message}"
            out.append(head)
            line = lines_cache.setdefault(f.line, _line_of(doc.text, f.start))
            prefix, width = _visible(line, f.column - 1, f.end - f.start)
            out.append(f"    {prefix}")
            out.append("    " + " " * _display_width(prefix[: f.column - 1]) + style("^" * max(1, width), fg=_COLOURS[f.severity]))
            if f.suggestions:
                out.append(f"    instead: {', '.join(f.suggestions)}")
            if f.note:
                out.append(f"    note: {f.note}")
        out.extend(summary_lines(doc.stats.get("flip"), doc.path))
    out.append(summary(report))
    return "\n".join(out) + "\n"


def summary(report: Report) -> str:
    counts = Counter(str(f.severity) for f in report.findings)
    n = sum(counts.values())
    docs = len(report.documents)
    if not n:
        head = f"No findings in {docs} document{'s' if docs != 1 else ''}."
    else:
        parts = ", ".join(f"{counts[k]} {k}{'s' if counts[k] != 1 else ''}" for k in ("error", "warning", "suggestion") if counts[k])
        head = f"Found {n} finding{'s' if n != 1 else ''} ({parts}) in {docs} document{'s' if docs != 1 else ''}."
    return f"{head} English pipeline: {report.pipeline}."


def _line_of(text: str, offset: int) -> str:
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    ends = [i for i in (text.find("\n", offset), text.find("\r", offset)) if i >= 0]
    return text[start:min(ends) if ends else len(text)]


def _visible(line: str, col: int, length: int) -> tuple[str, int]:
    """The line with tabs expanded to one space (so the caret lines up); width of the marked part."""
    shown = line.replace("\t", " ")
    return shown, min(length, max(1, len(shown) - col))


def _display_width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
