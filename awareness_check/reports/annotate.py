"""``scan --annotate OUT.docx``: a Word copy of the draft with a comment on every flagged phrase.

Reviewers work in Word: the copy carries each finding as a Word comment (author
"awareness-check", text = message + what to write instead) anchored on the flagged words.

- A .docx draft keeps its formatting: the copy is the original package with runs split at the
  phrase boundaries (each piece keeps the run's properties, the text is unchanged) and comment
  ranges around the pieces. Finding offsets are mapped to runs by walking the body in exactly
  the order the reader (:mod:`awareness_check.documents.docx`) builds the text: paragraphs, table
  rows with cells joined by a tab, lines joined by a newline; every line is checked against the
  reader's own text before anything is anchored on it. Phrases found in headers, footers and
  footnotes (where comments cannot be anchored) are listed in one comment at the start.
- A text or Markdown draft becomes a clean document, one paragraph per line.

The input is never modified, and an existing output file is refused unless ``force``.
"""
from __future__ import annotations

import bisect
import copy
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import AwarenessCheckError
from ..findings import Report
from .model import DocumentView, FindingView, build_report

AUTHOR = "awareness-check"
INITIALS = "AC"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Characters XML 1.0 cannot hold (Word cannot store them either): written as a space in the copy.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class AnnotateError(AwarenessCheckError):
    """The Word copy cannot be written (bad target, several inputs, unwritable folder)."""


@dataclass
class Annotation:
    path: str
    comments: int  # comments anchored on phrases
    elsewhere: int  # findings listed in the summary comment (headers, footers, footnotes)

    @property
    def summary(self) -> str:
        text = f"{self.comments} comment{'s' if self.comments != 1 else ''}"
        if self.elsewhere:
            text += f"; {self.elsewhere} phrase{'s' if self.elsewhere != 1 else ''} in headers, footers or footnotes listed in one comment"
        return text


# --------------------------------------------------------------------------- CLI helpers

def check_annotate_target(paths: list[str], out: str, *, force: bool = False) -> None:
    """Refuse a bad --annotate target before any scanning (exit 2, one line)."""
    from ..documents import iter_input_paths

    target = Path(out)
    if target.suffix.lower() != ".docx":
        raise AnnotateError(f"{out}: --annotate writes a Word file; give it a .docx name")
    inputs = list(iter_input_paths(paths))
    if len(inputs) != 1:
        raise AnnotateError(f"--annotate takes exactly one draft, got {len(inputs)}; scan the others separately")
    source = inputs[0]
    if source != "-" and target.exists() and Path(source).exists() and os.path.samefile(source, target):
        raise AnnotateError(f"{out}: is the draft itself; --annotate never overwrites the input")
    if target.exists() and not force:
        raise AnnotateError(f"{out}: already exists; pass --force to overwrite it")
    if target.is_dir():
        raise AnnotateError(f"{out}: is a folder")
    if not (target.parent if str(target.parent) else Path(".")).is_dir():
        raise AnnotateError(f"{out}: folder {target.parent} does not exist")


def annotate(report: Report, out: str, *, settings=None, force: bool = False, rules=None) -> Annotation:
    """Write the annotated Word copy of the report's (single) document to ``out``."""
    if len(report.documents) != 1:
        raise AnnotateError(f"--annotate takes exactly one draft, got {len(report.documents)}")
    doc_report = report.documents[0]
    view = build_report(report, settings=settings, rules=rules).documents[0]
    if doc_report.source_format == "docx":
        document, placed, elsewhere = annotate_docx(doc_report.path, view)
    else:
        document, placed, elsewhere = build_text_docx(view)
    _save(document, out, force=force, source=doc_report.path)
    return Annotation(path=out, comments=placed, elsewhere=elsewhere)


def _save(document, out: str, *, force: bool, source: str) -> None:
    target = Path(out)
    if source != "-" and target.exists() and os.path.samefile(source, target):
        raise AnnotateError(f"{out}: is the draft itself; --annotate never overwrites the input")
    if target.exists() and not force:
        raise AnnotateError(f"{out}: already exists; pass --force to overwrite it")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".awareness-check-", suffix=".docx", dir=folder)
        os.close(fd)
        try:
            document.save(tmp)
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes the file private; the copy is an ordinary file
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        raise AnnotateError(f"{out}: cannot write ({exc.strerror or exc})") from None


# --------------------------------------------------------------------------- text drafts

def build_text_docx(view: DocumentView):
    """A clean Word document: one paragraph per line, runs cut at the phrase boundaries."""
    import docx

    document = docx.Document()
    text = view.text
    cuts = sorted({c for f in view.findings for c in (f.finding.start, f.finding.end)})
    pieces: list[tuple[int, int, object]] = []  # (start, end, w:r) in text offsets
    line_start = 0
    breaks = list(_LINE_BREAK.finditer(text)) + [None]
    for m in breaks:
        line_end = m.start() if m else len(text)
        paragraph = document.add_paragraph()
        points = [line_start] + [c for c in cuts if line_start < c < line_end] + [line_end]
        for a, b in zip(points, points[1:]):
            if b > a:
                run = paragraph.add_run(_XML_INVALID.sub(" ", text[a:b]))
                pieces.append((a, b, run._r))
        if m:
            line_start = m.end()
    placed = 0
    starts = [a for a, _, _ in pieces]
    for f in view.findings:
        runs = _runs_for(pieces, starts, f.finding.start, f.finding.end)
        if runs:
            _comment(document, runs[0], runs[-1], f)
            placed += 1
    return document, placed, 0


def _runs_for(spans: list[tuple[int, int, object]], starts: list[int], start: int, end: int) -> list:
    """The runs covering [start, end) in order; ``spans`` are (start, end, run) sorted by start.

    A finding with no text (document level) is anchored on the run at its offset.
    """
    if end == start:
        end = start + 1
    i = max(0, bisect.bisect_right(starts, start) - 1)
    runs: list = []
    while i < len(spans) and spans[i][0] < end:
        a, b, run = spans[i]
        if b > start and run is not None and (not runs or runs[-1] is not run):
            runs.append(run)
        i += 1
    return runs


# --------------------------------------------------------------------------- Word drafts

@dataclass
class _Atom:
    start: int
    end: int
    el: object | None  # w:t, w:tab, w:br/w:cr; None for the separators the reader inserts
    run: object | None  # the w:r holding ``el`` as a direct child, or None (cannot be split there)
    text: str = ""


def annotate_docx(path: str, view: DocumentView):
    """Open the draft, split runs at the phrase boundaries, anchor a comment on each phrase."""
    import docx

    from ..documents.docx import check_container

    check_container(Path(path))
    document = docx.Document(path)
    body = document.element.body
    atoms, body_len, bad_lines = _walk(body)
    if not view.text.startswith("".join(a.text for a in atoms)):  # the file changed since it was scanned: anchor nothing
        bad_lines = [(0, body_len)]
    in_body = [f for f in view.findings if f.finding.end <= body_len and not _touches(f, bad_lines)]
    outside = [f for f in view.findings if f.finding.end > body_len or _touches(f, bad_lines)]
    by_run: dict[int, list[_Atom]] = {}
    for a in atoms:
        if a.run is not None:
            by_run.setdefault(id(a.run), []).append(a)
    for run, offsets in _cuts_by_run(atoms, by_run, in_body):
        for k in sorted(offsets, reverse=True):
            _split_run(run, k, by_run[id(run)])
    atoms, _, _ = _walk(body)
    spans = [(a.start, a.end, a.run) for a in atoms]
    starts = [a.start for a in atoms]
    placed = 0
    for f in in_body:
        runs = _runs_for(spans, starts, f.finding.start, f.finding.end)
        if runs:
            _comment(document, runs[0], runs[-1], f)
            placed += 1
        else:
            outside.append(f)
    if outside:
        first = next((a.run for a in atoms if a.run is not None), None)
        if first is not None:
            _summary_comment(document, first, outside)
    return document, placed, len(outside)


def _touches(f: FindingView, bad_lines: list[tuple[int, int]]) -> bool:
    return any(f.finding.start < e and f.finding.end > s for s, e in bad_lines)


def _walk(body) -> tuple[list[_Atom], int, list[tuple[int, int]]]:
    """Atoms of the body text in the reader's order; lines whose text differs from the reader's are reported."""
    from ..documents.docx import block_lines

    atoms: list[_Atom] = []
    pos = 0
    bad: list[tuple[int, int]] = []
    expected = list(block_lines(body))
    lines = list(_line_atoms(body))
    if len(lines) != len(expected):  # the walk and the reader disagree on structure: anchor nothing
        total = len("\n".join(expected))
        return [], total, [(0, total)]
    for i, (line, want) in enumerate(zip(lines, expected)):
        if i:
            atoms.append(_Atom(pos, pos + 1, None, None, "\n"))
            pos += 1
        got = "".join(t for t, _, _ in line)
        if got == want:
            for text, el, run in line:
                atoms.append(_Atom(pos, pos + len(text), el, run, text))
                pos += len(text)
        else:  # keep the reader's offsets; nothing is anchored on this line
            atoms.append(_Atom(pos, pos + len(want), None, None, want))
            bad.append((pos, pos + len(want)))
            pos += len(want)
    return atoms, pos, bad


def _line_atoms(container) -> Iterator[list[tuple[str, object | None, object | None]]]:
    """One list of (text, element, run) per line, mirroring documents.docx.block_lines."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == W + "p":
            yield list(_paragraph_atoms(child))
        elif tag == W + "tbl":
            for row in child.iter(W + "tr"):
                cells = [c for c in row.iterchildren() if c.tag == W + "tc"]
                line: list = []
                for ci, cell in enumerate(cells):
                    if ci:
                        line.append(("\t", None, None))
                    for pi, p in enumerate(cell.iter(W + "p")):
                        if pi:
                            line.append((" ", None, None))
                        line.extend(_paragraph_atoms(p))
                yield line
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _line_atoms(content)


def _paragraph_atoms(p) -> Iterator[tuple[str, object, object | None]]:
    from ..documents.docx import _inside

    for el in p.iter():
        tag = el.tag
        parent = el.getparent()
        run = parent if parent is not None and parent.tag == W + "r" else None
        if tag == W + "t":
            if not _inside(el, p, W + "del"):
                yield el.text or "", el, run
        elif tag == W + "tab" and run is not None:
            if not _inside(el, p, W + "del"):
                yield "\t", el, run
        elif tag in (W + "br", W + "cr"):
            if not _inside(el, p, W + "del"):
                yield "\n", el, run


def _cuts_by_run(atoms: list[_Atom], by_run: dict[int, list[_Atom]], findings: list[FindingView]):
    """(run, offsets strictly inside it where a phrase starts or ends), for every run that needs cutting."""
    starts = [a.start for a in atoms]
    cuts: dict[int, tuple[object, set[int]]] = {}
    for f in findings:
        for k in (f.finding.start, f.finding.end):
            i = bisect.bisect_right(starts, k) - 1
            if i < 0 or atoms[i].run is None:
                continue
            run = atoms[i].run
            mine = by_run[id(run)]
            if mine[0].start < k < mine[-1].end:
                cuts.setdefault(id(run), (run, set()))[1].add(k)
    return list(cuts.values())


def _split_run(run, k: int, run_atoms: list[_Atom]) -> None:
    """Split ``run`` at text offset ``k``: the left part stays, a copy with the same properties takes the rest.

    Children without text (field characters, drawings, page-break marks) stay with the text
    before them; the text itself is never changed, only shared between the two runs.
    """
    direct = {id(a.el): a for a in run_atoms if a.el is not None and a.el.getparent() is run}
    children = list(run)
    left_keep: set[int] = set()
    right_keep: set[int] = set()
    pos = None
    straddle = None
    for j, child in enumerate(children):
        atom = direct.get(id(child))
        if child.tag == W + "rPr":
            left_keep.add(j)
            right_keep.add(j)
        elif atom is not None:
            pos = atom.end
            if atom.end <= k:
                left_keep.add(j)
            elif atom.start >= k:
                right_keep.add(j)
            else:
                straddle = (j, k - atom.start)
                left_keep.add(j)
                right_keep.add(j)
        else:
            (left_keep if pos is None or pos < k else right_keep).add(j)
    content = {j for j, c in enumerate(children) if c.tag != W + "rPr"}
    if not (left_keep & content) or not (right_keep & content):
        return
    twin = copy.deepcopy(run)
    twin_children = list(twin)
    for j in range(len(children)):
        if j not in left_keep:
            run.remove(children[j])
        if j not in right_keep:
            twin.remove(twin_children[j])
    if straddle is not None:
        j, i = straddle
        text = children[j].text or ""
        children[j].text, twin_children[j].text = text[:i], text[i:]
        children[j].set(_XML_SPACE, "preserve")
        twin_children[j].set(_XML_SPACE, "preserve")
    run.addnext(twin)


# --------------------------------------------------------------------------- comments

def _comment(document, first_r, last_r, f: FindingView) -> None:
    from docx.text.run import Run

    document.add_comment([Run(first_r, None), Run(last_r, None)], text=f.comment_text, author=AUTHOR, initials=INITIALS)


def _summary_comment(document, first_r, findings: list[FindingView]) -> None:
    from docx.text.run import Run

    lines = [f"awareness-check also flagged {len(findings)} phrase{'s' if len(findings) != 1 else ''} that cannot carry "
             "a comment of their own (in headers, footers or footnotes, or in text that changed since the scan):"]
    for f in findings:
        lines.append(f"[{f.number}] '{f.phrase_one_line}' (line {f.line}): {f.comment_text}")
    document.add_comment(Run(first_r, None), text="\n".join(lines), author=AUTHOR, initials=INITIALS)
