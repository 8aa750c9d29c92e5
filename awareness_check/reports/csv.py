"""``--format csv``: one row per finding, opening cleanly in Excel.

UTF-8 with a byte-order mark (Excel otherwise guesses the ANSI code page and garbles accents),
every field quoted, CRLF row ends. A cell that would start with ``= + - @`` (or a tab or CR) gets a
leading apostrophe, so text from a draft can never run as a spreadsheet formula.
"""
from __future__ import annotations

import csv
import io

from ..findings import Report
from .model import ReportView, build_report

COLUMNS = ("document", "line", "column", "category", "code", "phrase", "message", "suggestion", "severity")
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def rows(view: ReportView):
    """The rows as lists of strings, header first."""
    yield list(COLUMNS)
    for doc in view.documents:
        for f in doc.findings:
            yield [doc.path, str(f.line), str(f.column), f.category, f.code, f.phrase, f.message, f.suggestion_text, f.severity]


def render(report: Report, *, view: ReportView | None = None, settings=None, **_opts) -> str:
    view = view or build_report(report, settings=settings)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in rows(view):
        writer.writerow([_safe(cell) for cell in row])
    return BOM + buffer.getvalue()


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
