"""The answered checklists as a document: tables like the toolkit's, a likelihood-impact matrix per
risk table, and the open items. Markdown, HTML (jinja2, autoescaped) or Word (python-docx).

The content is built once as a list of blocks (headings, paragraphs, tables, lists); each format
only lays the blocks out, so the three reports never disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .model import ANSWER_LABELS, LEVEL_LABELS, LEVELS, Checklist, needs_mitigation
from .status import open_items, progress
from .store import Answers, ChecklistAnswers, RiskAnswer

NOT_RATED = "-"
MARK = "▲"  # matrix cells where the toolkit requires a mitigation (also shaded in HTML and Word)


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Paragraph:
    text: str
    label: str = ""  # bold lead-in, e.g. "HRBA / gender goal"


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    group_rows: set[int] = field(default_factory=set)  # row indexes that are the toolkit's section headings
    shaded: set[tuple[int, int]] = field(default_factory=set)  # (row, column) cells to highlight
    matrix: bool = False
    caption: str = ""
    widths: list[float] = field(default_factory=list)  # relative column widths; empty = equal


Block = Heading | Paragraph | Bullets | Table


# --- content ------------------------------------------------------------------------------

def build_report(checklists: dict[str, Checklist], answers: Answers, selected: list[Checklist] | None = None) -> list[Block]:
    started = [c for c in checklists.values() if c.id in answers.checklists and not answers.checklists[c.id].is_empty()]
    chosen = selected if selected is not None else started
    blocks: list[Block] = [Heading(1, answers.project or "Human rights and gender equality checklists")]
    blocks.append(Paragraph(f"UNODC toolkit, Part 3. Answers from {answers.path.name}."))
    summary = []
    for c in chosen:
        ca = answers.checklists.get(c.id, ChecklistAnswers())
        done, total = progress(c, ca)
        summary.append(f"{c.label}: {done} of {total} {c.unit} done, {len(open_items(c, ca))} open item(s)")
    not_started = [c.label for c in checklists.values() if c not in chosen and c not in started]
    blocks.append(Bullets(summary or ["No checklist has been started yet."]))
    if not_started and selected is None:
        blocks.append(Paragraph("; ".join(not_started) + ".", label="Not started"))
    for c in chosen:
        ca = answers.checklists.get(c.id, ChecklistAnswers())
        blocks.append(Heading(2, c.label))
        blocks.extend({"checklist": _checklist, "risks": _risks, "advocacy": _advocacy}[c.kind](c, ca))
        blocks.extend(_open(c, ca))
    return blocks


def _see(refs: tuple[str, ...]) -> str:
    return f" (see {', '.join(refs)})" if refs else ""


def _checklist(c: Checklist, ca: ChecklistAnswers) -> list[Block]:
    blocks: list[Block] = []
    if c.intro and c.id != "planning":
        blocks.append(Paragraph(c.intro))
    if ca.draft:
        blocks.append(Paragraph(f"Items marked 'scan' were answered by scanning {ca.draft}; the rest by a person.", label="Draft"))
    follow = c.follow_up.text if c.follow_up else "How will this be addressed?"
    header = ["#", "Question"] + [ANSWER_LABELS[a] for a in c.answers] + [follow]
    rows: list[list[str]] = []
    groups: set[int] = set()
    section = None
    for q in c.questions:
        if q.section and q.section != section:
            section = q.section
            groups.add(len(rows))
            rows.append(["", section] + [""] * (len(header) - 2))
        qa = ca.answers.get(q.number)
        marks = ["X" if qa and qa.answer == a else "" for a in c.answers]
        notes = []
        if qa and qa.how:
            notes.append(qa.how)
        if qa and qa.scan:
            notes.append(("Scan: " if qa.source == "scan" else "Scan (checked by a person): ") + qa.scan)
        rows.append([str(q.number), q.text + _see(q.see)] + marks + ["\n\n".join(notes)])
    widths = [0.4, 6] + [0.7] * len(c.answers) + [4]
    blocks.append(Table(header, rows, group_rows=groups, caption=c.table_title or c.title, widths=widths))
    return blocks


def _rating(ra: RiskAnswer | None, axis: str) -> str:
    value = getattr(ra, axis) if ra else None
    return LEVEL_LABELS[value] if value else NOT_RATED


def _mitigation(ra: RiskAnswer | None, example: str | None) -> str:
    if ra is None or not ra.mitigation:
        if ra and needs_mitigation(ra.likelihood, ra.impact):
            return "MISSING: a risk mitigation strategy is required"
        return ""
    if example and ra.mitigation == example:
        return ra.mitigation + "\n\n(toolkit example adopted)"
    return ra.mitigation


def _risks(c: Checklist, ca: ChecklistAnswers) -> list[Block]:
    blocks: list[Block] = [
        Paragraph(c.goal, label=c.goal_label), Paragraph(c.hrba_goal, label="HRBA / gender goal"),
        Paragraph(c.monitoring, label="Monitoring and evaluation"), Paragraph(c.instructions, label="Instructions"),
    ]
    header = ["#", "Identified risk", "Likelihood", "Impact", "Risk mitigation strategy"]
    rows = []
    for r in c.risks:
        ra = ca.risks.get(r.number)
        rows.append([str(r.number), r.text + _see(r.see), _rating(ra, "likelihood"), _rating(ra, "impact"), _mitigation(ra, r.mitigation)])
    groups = {len(rows)}
    rows.append(["", "Additional risks identified by user:", "", "", ""])
    for i, ar in enumerate(ca.added, 1):
        rows.append([f"U{i}", ar.text, _rating(ar, "likelihood"), _rating(ar, "impact"), _mitigation(ar, None)])
    if not ca.added:
        rows.append(["", "None added." if ca.added_done else "Not yet considered.", "", "", ""])
    blocks.append(Table(header, rows, group_rows=groups, caption="Risk assessment and mitigation", widths=[0.4, 5, 1, 1, 5]))
    blocks.append(Heading(3, "Likelihood and impact"))
    blocks.append(_matrix(c, ca))
    return blocks


def _matrix(c: Checklist, ca: ChecklistAnswers) -> Table:
    """Rows: likelihood High to Low; columns: impact Low to High; cells: the risks rated there."""
    cells: dict[tuple[str, str], list[str]] = {}
    rated = [(str(r.number), ca.risks.get(r.number)) for r in c.risks] + [(f"U{i}", ar) for i, ar in enumerate(ca.added, 1)]
    for ref, ra in rated:
        if ra and ra.likelihood and ra.impact:
            cells.setdefault((ra.likelihood, ra.impact), []).append(ref)
    likelihoods, impacts = list(reversed(LEVELS)), list(LEVELS)
    rows, shaded = [], set()
    for i, lik in enumerate(likelihoods):
        row = [f"Likelihood {LEVEL_LABELS[lik]}"]
        for j, imp in enumerate(impacts, 1):
            refs = ", ".join(cells.get((lik, imp), []))
            if needs_mitigation(lik, imp):
                shaded.add((i, j))
                refs = f"{refs} {MARK}".strip()
            row.append(refs)
        rows.append(row)
    unrated = [ref for ref, ra in rated if not (ra and ra.likelihood and ra.impact)]
    caption = (f"Numbers are the risks above (U = added by the user). {MARK} likelihood and impact both Medium or "
               "High: a risk mitigation strategy is required.")
    if unrated:
        caption += f" Not yet rated: {', '.join(unrated)}."
    return Table([""] + [f"Impact {LEVEL_LABELS[i]}" for i in impacts], rows, shaded=shaded, matrix=True, caption=caption)


def _advocacy(c: Checklist, ca: ChecklistAnswers) -> list[Block]:
    blocks: list[Block] = [Paragraph(c.intro)] if c.intro else []
    if c.purposes:
        blocks.append(Bullets([f"{i}. {p}" for i, p in enumerate(c.purposes, 1)]))
    header = [c.columns["concern"], c.columns["advocacy_point"], "Source"]
    rows, groups = [], set()
    for a in c.areas:
        groups.add(len(rows))
        rows.append([f"{a.number}. {a.title}{_see(a.see)}", "", ""])
        for lesson in (l for l in ca.lessons if l.area == a.number):
            rows.append([lesson.concern, lesson.advocacy_point or "(not yet recorded)", "Lesson learnt (user)"])
        for e in a.examples:
            rows.append([e.concern, e.advocacy_point, "Toolkit example"])
    blocks.append(Table(header, rows, group_rows=groups, caption=c.table_title, widths=[4, 5, 1.2]))
    return blocks


def _open(c: Checklist, ca: ChecklistAnswers) -> list[Block]:
    items = open_items(c, ca)
    if not items:
        return [Heading(3, "Open items"), Paragraph("None: every item is answered.")]
    return [Heading(3, f"Open items ({len(items)})"), Bullets([f"{i.ref} ({i.action}): {i.text}" for i in items])]


# --- formats ------------------------------------------------------------------------------

def render(blocks: list[Block], fmt: str, output: Path | None = None) -> str:
    if fmt == "markdown":
        return to_markdown(blocks)
    if fmt == "html":
        return to_html(blocks)
    if fmt == "docx":
        if output is None:
            raise ValueError("docx needs an output path")
        to_docx(blocks, output)
        return ""
    raise ValueError(f"unknown format {fmt!r}")


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n\n", "<br><br>").replace("\n", " ")


def to_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            out.append(f"{'#' * b.level} {b.text}\n")
        elif isinstance(b, Paragraph):
            out.append((f"**{b.label}:** " if b.label else "") + b.text.replace("\n\n", "\n\n") + "\n")
        elif isinstance(b, Bullets):
            out.append("\n".join(f"- {item}" for item in b.items) + "\n")
        else:
            if b.caption and not b.matrix:
                out.append(f"*{b.caption}*\n")
            out.append("| " + " | ".join(_md_cell(h) or " " for h in b.header) + " |")
            out.append("|" + "|".join("---" for _ in b.header) + "|")
            for i, row in enumerate(b.rows):
                cells = []
                for j, cell in enumerate(row):
                    text = _md_cell(cell)
                    if i in b.group_rows and text:
                        text = f"**{text}**"
                    if (i, j) in b.shaded:
                        text = f"**{text}**"
                    if b.matrix and j == 0:
                        text = f"**{text}**"
                    cells.append(text)
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
            if b.matrix and b.caption:
                out.append(f"{b.caption}\n")
    return "\n".join(out).rstrip() + "\n"


_HTML = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #999; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
th { background: #e8eef5; }
tr.group td { background: #f3f3f3; font-weight: bold; }
table.matrix { width: auto; }
table.matrix td { min-width: 7rem; text-align: center; }
table.matrix td.axis { font-weight: bold; text-align: left; }
td.shaded { background: #f6d3c6; }
caption { caption-side: bottom; text-align: left; font-size: 0.9em; color: #444; padding-top: 0.3rem; }
p.cell { margin: 0 0 0.4rem; }
</style>
</head>
<body>
{% for b in blocks %}
{% if b.kind == "heading" %}
<h{{ b.level }}>{{ b.text }}</h{{ b.level }}>
{% elif b.kind == "paragraph" %}
<p>{% if b.label %}<strong>{{ b.label }}:</strong> {% endif %}{{ b.paras[0] }}</p>
{% for p in b.paras[1:] %}
<p>{{ p }}</p>
{% endfor %}
{% elif b.kind == "bullets" %}
<ul>
{% for item in b.entries %}
<li>{{ item }}</li>
{% endfor %}
</ul>
{% else %}
<table{% if b.matrix %} class="matrix"{% endif %}>
{% if b.caption %}<caption>{{ b.caption }}</caption>{% endif %}
{% if b.widths %}<colgroup>{% for w in b.widths %}<col style="width: {{ '%.1f'|format(100 * w / b.widths|sum) }}%">{% endfor %}</colgroup>{% endif %}
<thead><tr>{% for h in b.header %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in b.rows %}
{% if row.group %}
<tr class="group"><td colspan="{{ b.header|length }}">{{ row.text }}</td></tr>
{% else %}
<tr>{% for cell in row.cells %}<td{% if cell.cls %} class="{{ cell.cls }}"{% endif %}>{% if cell.paras|length > 1 %}{% for p in cell.paras %}<p class="cell">{{ p }}</p>{% endfor %}{% else %}{{ cell.paras|first }}{% endif %}</td>{% endfor %}</tr>
{% endif %}
{% endfor %}
</tbody>
</table>
{% endif %}
{% endfor %}
</body>
</html>
""")


def to_html(blocks: list[Block]) -> str:
    title = next((b.text for b in blocks if isinstance(b, Heading)), "Checklists")
    return _HTML.render(blocks=[_html_view(b) for b in blocks], title=title)


def _html_view(b: Block) -> dict:
    kind = {Heading: "heading", Paragraph: "paragraph", Bullets: "bullets", Table: "table"}[type(b)]
    view = dict(vars(b), kind=kind)
    if isinstance(b, Paragraph):
        view["paras"] = b.text.split("\n\n")
    if isinstance(b, Bullets):  # not "items": jinja would find dict.items first
        view["entries"] = view.pop("items")
    if isinstance(b, Table):
        rows = []
        for i, row in enumerate(b.rows):
            if i in b.group_rows:
                rows.append({"group": True, "text": " ".join(x for x in row if x)})
                continue
            cells = []
            for j, text in enumerate(row):
                cls = "shaded" if (i, j) in b.shaded else "axis" if b.matrix and j == 0 else ""
                cells.append({"cls": cls, "paras": text.split("\n\n")})
            rows.append({"group": False, "cells": cells})
        view["rows"] = rows
    return view


def to_docx(blocks: list[Block], path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    section = doc.sections[0]  # landscape: the toolkit's tables are wide
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width

    def shade(cell, colour: str) -> None:
        props = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), colour)
        props.append(shd)

    def fill(cell, text: str, bold: bool = False) -> None:
        paras = text.split("\n\n") if text else [""]
        cell.text = ""
        first = cell.paragraphs[0]
        for k, para in enumerate(paras):
            p = first if k == 0 else cell.add_paragraph()
            run = p.add_run(para)
            run.bold = bold
            run.font.size = Pt(9)

    for b in blocks:
        if isinstance(b, Heading):
            doc.add_heading(b.text, level=b.level)
        elif isinstance(b, Paragraph):
            for k, text in enumerate(b.text.split("\n\n")):
                p = doc.add_paragraph()
                if b.label and k == 0:
                    p.add_run(f"{b.label}: ").bold = True
                p.add_run(text)
        elif isinstance(b, Bullets):
            for item in b.items:
                doc.add_paragraph(item, style="List Bullet")
        else:
            table = doc.add_table(rows=1, cols=len(b.header))
            table.style = "Table Grid"
            if b.widths:
                table.autofit = False
                usable = section.page_width - section.left_margin - section.right_margin
                column_widths = [int(usable * w / sum(b.widths)) for w in b.widths]
            for j, h in enumerate(b.header):
                if b.widths:
                    table.rows[0].cells[j].width = column_widths[j]
                fill(table.rows[0].cells[j], h, bold=True)
                shade(table.rows[0].cells[j], "E8EEF5")
            for i, row in enumerate(b.rows):
                cells = table.add_row().cells
                if b.widths:
                    for cell, width in zip(cells, column_widths):
                        cell.width = width
                if i in b.group_rows:
                    merged = cells[0].merge(cells[-1])
                    fill(merged, " ".join(x for x in row if x), bold=True)
                    shade(merged, "F3F3F3")
                    continue
                for j, text in enumerate(row):
                    fill(cells[j], text, bold=b.matrix and j == 0)
                    if (i, j) in b.shaded:
                        shade(cells[j], "F6D3C6")
            if b.caption:
                cap = doc.add_paragraph()
                cap.add_run(b.caption).italic = True
    doc.save(str(path))
