"""``--format html``: one self-contained page a reviewer can open offline, mail or print.

Jinja2 with autoescaping lays out the report model (:mod:`.model`); nothing from the draft is
ever inserted unescaped, and a Content-Security-Policy forbids scripts outright, so a draft
containing ``<script>`` or HTML reads as text. Highlight colours are assigned per category from a
palette by position, so a new category is coloured without touching the template.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from ..findings import Report
from .model import ReportView, build_report

# (background, underline) pairs, readable with black text and distinct when printed in grey.
PALETTE = (
    ("#ffe08a", "#b58900"),  # amber
    ("#b8e6ff", "#1f78b4"),  # blue
    ("#ffc9c9", "#c92a2a"),  # red
    ("#c3f0c8", "#2b8a3e"),  # green
    ("#e5d4ff", "#6741d9"),  # violet
    ("#ffd8a8", "#d9480f"),  # orange
    ("#c5f6fa", "#0b7285"),  # cyan
    ("#fcc2d7", "#a61e4d"),  # pink
    ("#e9ecef", "#495057"),  # grey
    ("#d8f5a2", "#5c940d"),  # lime
)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(__file__).with_name("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(report: Report, *, view: ReportView | None = None, settings=None, generated: str | None = None, **_opts) -> str:
    view = view or build_report(report, settings=settings, generated=generated)
    return environment().get_template("report.html.j2").render(view=view, palette=PALETTE)
