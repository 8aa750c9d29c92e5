"""Reviewer reports: Markdown, HTML, CSV and the annotated Word copy.

Golden files live in tests/golden/; regenerate them after an intended change with
``AWARENESS_CHECK_UPDATE_GOLDEN=1 pytest tests/test_reports.py`` and review the diff.
"""
from __future__ import annotations

import csv
import hashlib
import html.parser
import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from awareness_check import __version__
from awareness_check.api import scan_document
from awareness_check.cli import cli
from awareness_check.documents import Document, read_path
from awareness_check.documents.docx import W, read_docx
from awareness_check.findings import DocumentReport, Finding, Report, Severity
from awareness_check.lexicon import Rule, RuleSet, Source
from awareness_check.reports import RENDERERS, render
from awareness_check.reports.annotate import AUTHOR, annotate
from awareness_check.reports.html import PALETTE
from awareness_check.reports.model import build_report, load_checklist
from awareness_check.settings import Settings

from conftest import dev_document

GOLDEN = Path(__file__).with_name("golden")
UPDATE = os.environ.get("AWARENESS_CHECK_UPDATE_GOLDEN") == "1"
FIXED = {"generated": "2000-01-01 00:00 UTC", "version": "0.0.0-test"}

# --------------------------------------------------------------------------- a hand-made report

DRAFT = (
    "Press release: Coalition launches campaign\n"
    "\n"
    "The chairman said that illegal immigrants are flooding the border.\n"
    "Prostitutes deserve better, and 80% of victims are women.\n"
    "Maria, 16, from the village of Lakeside, was rescued.\n"
)


def _rule(code, name, category, checklist, explanation="", sources=(), severity=Severity.WARNING, disputed=False):
    return Rule(code=code, name=name, category=category, kind="custom", severity=severity, checklist=tuple(checklist),
                summary=f"{name} summary", message="m", explanation=explanation,
                sources=tuple(Source(*s) for s in sources), disputed=disputed)


TEST_RULES = RuleSet((
    _rule("GEN001", "gendered-role-noun", "gendered-language", (7, 10), "Role nouns built on 'man' present the role as male.",
          [("UN Guidelines for gender-inclusive language", "GL-03", "https://www.un.org/en/gender-inclusive-language/")]),
    _rule("TRM001", "irregular-not-illegal", "terminology", (1,), "A person cannot be illegal.", [("UNODC toolkit 3.8", "MG-01", None)]),
    _rule("SEN001", "flood-metaphor", "sensationalist", (15,), "Water metaphors present people as a disaster.", [("IOM glossary", None, None)]),
    _rule("STG001", "person-first", "stigmatizing", (3, 6), "Name the person before the circumstance.", [("Style guide", "SD-01", None)], disputed=True),
    _rule("DAT001", "unsourced-figure", "unsourced-data", (2,), "Figures need a source nearby.", [("UNODC toolkit 1.3", None, None)]),
    _rule("STE001", "women-as-victims", "stereotype", (3, 8), "Presents women only as victims.", [("UNODC toolkit 3.8 item 8", None, None)]),
    _rule("IDR001", "victim-identified", "identification-risk", (17,), "Name and age identify the person.", [("UNODC toolkit 3.8 item 17", None, None)]),
    _rule("RDB001", "reading-level", "readability", (19,), "Long sentences are hard to follow.", [("Plain language guidance", None, None)]),
))


def _finding(text, phrase, code, category, severity="warning", suggestions=(), occurrence=0, start=None, end=None, message=None):
    doc = Document(path="draft.txt", text=text)
    if start is None:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(phrase, start + 1)
        end = start + len(phrase)
    line, column = doc.line_col(start)
    rule = TEST_RULES.get(code) if code in TEST_RULES else None
    return Finding(
        rule_id=code, rule_name=rule.name if rule else code.lower(), category=category,
        checklist_items=rule.checklist if rule else (), severity=Severity.parse(severity),
        start=start, end=end, line=line, column=column, text=text[start:end],
        message=message or f"Consider rephrasing '{text[start:end]}'.", suggestions=tuple(suggestions),
    )


def hand_made_report() -> Report:
    t = DRAFT
    findings = [
        _finding(t, "chairman", "GEN001", "gendered-language", suggestions=("chair", "chairperson"),
                 message="Consider 'chair' instead of 'chairman': the role is not limited to men."),
        _finding(t, "illegal immigrants", "TRM001", "terminology", "error", ("irregular migrants",)),
        _finding(t, "flooding", "SEN001", "sensationalist"),
        _finding(t, "Prostitutes", "STG001", "stigmatizing", suggestions=("people in prostitution",)),
        _finding(t, "80% of victims are women", "DAT001", "unsourced-data", "suggestion"),
        _finding(t, "victims are women", "STE001", "stereotype"),  # overlaps the figure above
        _finding(t, "Maria, 16,", "IDR001", "identification-risk", "error"),
        _finding(t, "rescued", "FUT001", "future-category", "suggestion", ("supported",)),  # a category no reporter knows
        _finding(t, "", "RDB001", "readability", "suggestion", start=0, end=0, message="The draft reads above its audience's level."),
    ]
    stats = {
        "words": 38, "sentences": 4, "flesch_reading_ease": 55.123, "flesch_kincaid_grade": 9.87, "audience": "general",
        "roles": [{"role": "victim", "women": 2, "men": 0}, {"role": "perpetrator", "women": 0, "men": 1}],
        "flip": {"gendered_mentions": 3, "ambiguous_her": 1},
    }
    doc = DocumentReport(path="draft.txt", text=t, findings=sorted(findings, key=lambda f: f.sort_key), stats=stats)
    return Report(documents=[doc], pipeline="en_core_web_sm 3.8.0", notices=[])


def fixed_view(report):
    return build_report(report, rules=TEST_RULES, **FIXED)


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        if not UPDATE:
            pytest.fail(f"golden file {name} was missing and has been written; review it and run again")
    with open(path, encoding="utf-8", newline="") as fh:
        expected = fh.read()
    assert actual == expected, f"{name} differs (AWARENESS_CHECK_UPDATE_GOLDEN=1 to accept)"


# --------------------------------------------------------------------------- golden files

@pytest.mark.parametrize("fmt,name", [("markdown", "hand-made.md"), ("html", "hand-made.html"), ("csv", "hand-made.csv")])
def test_golden_hand_made(fmt, name):
    report = hand_made_report()
    check_golden(name, render(report, fmt, view=fixed_view(report)))


def normalise(text: str, path: str) -> str:
    from awareness_check.reports.markdown import esc

    text = text.replace(path, "DRAFT").replace(esc(path), "DRAFT")
    text = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d(?: [A-Z+\-0-9]+)?", "DATE", text)
    text = text.replace(f"awareness-check {__version__}", "awareness-check VERSION")
    return re.sub(r"(English pipeline:?(?:\*\*|</dt><dd>)?:? ?)[^<\n]+", r"\1PIPELINE", text)


@pytest.mark.parametrize("fmt,name", [("markdown", "scan.md"), ("html", "scan.html"), ("csv", "scan.csv")])
def test_golden_from_one_scan_call(tmp_path, fmt, name):
    """The CLI produces each format in one call; only gendered-language is selected so other families cannot move it."""
    draft = tmp_path / "leaflet.txt"
    draft.write_text("Ask the chairman or a policewoman for help.\nWe work for all mankind.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["scan", str(draft), "--format", fmt, "--select", "gendered-language", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    check_golden(name, normalise(result.stdout, str(draft)))


def test_every_format_is_registered():
    assert {"text", "json", "markdown", "html", "csv"} <= set(RENDERERS)


# --------------------------------------------------------------------------- the report model

def test_summary_covers_all_19_checklist_items():
    view = fixed_view(hand_made_report()).documents[0]
    assert [line.number for line in view.checklist] == list(range(1, 20))
    by = {line.number: line for line in view.checklist}
    assert by[1].status == "findings" and by[1].severities == {"error": 1}
    assert by[3].count == 2  # stigmatizing + stereotype
    assert by[12].status == "by-hand" and "Check by hand" in by[12].result  # images: text cannot answer
    assert by[14].command == "flip" and "awareness-check flip" in by[14].result
    assert by[9].status == "clear"  # a stereotype rule ran and found nothing for item 9
    assert load_checklist().questions[0].text.startswith("Used legal terms")


def test_deselected_rules_read_as_not_checked():
    report = hand_made_report()
    view = build_report(report, rules=TEST_RULES, settings=Settings(select=("gendered-language",)), **FIXED).documents[0]
    by = {line.number: line for line in view.checklist}
    assert by[11].status == "not-checked"
    assert by[9].status == "clear"  # answered in part by gendered-language, which was selected and ran


def test_findings_grouped_by_category_then_position_with_their_sentence():
    view = fixed_view(hand_made_report()).documents[0]
    titles = [g.title for g in view.groups]
    assert titles[:2] == ["Terminology", "Gendered language"]
    assert "Future category" in titles  # an unknown category still gets its own group
    chairman = view.groups[1].findings[0]
    assert (chairman.before, chairman.phrase, chairman.after) == ("The ", "chairman", " said that illegal immigrants are flooding the border.")
    assert chairman.rule.sources[0].url.startswith("https://")
    numbers = [f.number for f in view.findings]
    assert numbers == sorted(numbers) and len(numbers) == 9


def test_stats_render_generically():
    view = fixed_view(hand_made_report()).documents[0]
    blocks = {b.key: b for b in view.stats}
    assert ("Flesch reading ease", "55.1") in blocks["document"].pairs
    assert blocks["roles"].kind == "table" and blocks["roles"].columns == ("Role", "Women", "Men")
    assert ("Gendered mentions", "3") in blocks["flip"].pairs
    empty = Report(documents=[DocumentReport(path="x.txt", text="", stats={})], pipeline="p")
    assert fixed_view(empty).documents[0].stats == ()
    assert "Document statistics" not in render(empty, "markdown", view=fixed_view(empty))


def test_csv_opens_in_excel_and_neutralises_formulas():
    report = hand_made_report()
    report.documents[0].findings.append(_finding(DRAFT, "Press", "GEN001", "gendered-language", message="=HYPERLINK(\"x\")"))
    out = render(report, "csv", view=fixed_view(report))
    assert out.startswith("\ufeff\"document\",\"line\"")
    assert "\r\n" in out
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0] == ["document", "line", "column", "category", "code", "phrase", "message", "suggestion", "severity"]
    assert len(rows) == 1 + 10
    assert all(len(r) == 9 for r in rows)
    assert ["draft.txt", "3", "5", "gendered-language", "GEN001", "chairman"] in [r[:6] for r in rows]
    assert any(r[6] == "'=HYPERLINK(\"x\")" for r in rows)
    assert all(line.startswith('"') for line in out.lstrip("\ufeff").splitlines())  # every field quoted


# --------------------------------------------------------------------------- hostile drafts

MARKER = "PW" + "NED"  # the hostile script would set it; it never appears literally in the draft
HOSTILE = (
    "<script>document.title='PW'+'NED';document.documentElement.setAttribute('data-x','PW'+'NED')</script>\n"
    "<img src=x onerror=\"document.title='PW'+'NED'\"> <b>bold?</b> {{ 7*7 }} {% raw %} &amp; &lt;\n"
    "The chairman\u202e reversed text\u202c and the policeman met.\n"
    "مرحبا chairman في العالم 👩🏽‍⚕️ 🇺🇳 policeman\n"
    + "x" * 30000 + " chairman " + "y" * 300 + "\n"
    "`code` *star* _under_ [link](javascript:alert(1)) | pipe | # hash\n"
)


def hostile_report() -> Report:
    t = HOSTILE
    findings = [
        _finding(t, "<script>", "GEN001", "gendered-language", message="<script>alert('msg')</script> in a message"),
        _finding(t, "<img src=x", "TRM001", "terminology", suggestions=("<b>x</b>",)),
        _finding(t, "chairman", "GEN001", "gendered-language", occurrence=0),
        _finding(t, "policeman", "GEN001", "gendered-language", occurrence=0),
        _finding(t, "chairman", "GEN001", "gendered-language", occurrence=1),
        _finding(t, "👩🏽‍⚕️", "FUT001", "future-category"),
        _finding(t, "chairman", "GEN001", "gendered-language", occurrence=2),
        _finding(t, "[link](javascript:alert(1))", "SEN001", "sensationalist"),
    ]
    doc = DocumentReport(path="<script>alert(1)</script>.txt", text=t, findings=sorted(findings, key=lambda f: f.sort_key))
    return Report(documents=[doc], pipeline="p", notices=["<i>notice</i>"])


class _Marks(html.parser.HTMLParser):
    """Collect the text of <mark> elements and every tag name seen."""

    def __init__(self):
        super().__init__()
        self.marks: list[str] = []
        self.tags: set[str] = set()
        self._in = 0

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "mark":
            self._in += 1
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in -= 1

    def handle_data(self, data):
        if self._in:
            self.marks[-1] += data


def test_hostile_draft_renders_as_text_in_html():
    report = hostile_report()
    out = render(report, "html", view=fixed_view(report))
    parser = _Marks()
    parser.feed(out)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert "<script" not in out.lower() and "<img" not in out.lower()
    assert "&lt;script&gt;" in out and "{{ 7*7 }}" in out
    assert "javascript:" not in re.findall(r'href="([^"]*)"', out).__str__()
    phrases = [f.text for f in report.documents[0].findings]
    assert sorted(parser.marks) == sorted(phrases)  # every phrase highlighted exactly, nothing else
    assert "Content-Security-Policy" in out and "script-src" not in out  # default-src 'none' forbids scripts


def test_hostile_draft_is_inert_markdown():
    markdown_it = pytest.importorskip("markdown_it")
    report = hostile_report()
    out = render(report, "markdown", view=fixed_view(report))
    rendered = markdown_it.MarkdownIt("commonmark").render(out)
    assert "<script" not in rendered.lower() and "<img" not in rendered.lower()
    assert 'href="javascript' not in rendered
    assert "&lt;script&gt;" in rendered  # the draft's tag reads as text
    assert "<strong>chairman</strong>" in rendered


def test_hostile_draft_csv_round_trips():
    report = hostile_report()
    rows = list(csv.reader(io.StringIO(render(report, "csv", view=fixed_view(report)).lstrip("\ufeff"))))
    assert [r[5] for r in rows[1:]] == [f.text for f in report.documents[0].findings]


# --------------------------------------------------------------------------- the annotated Word copy

def anchored_comments(path: Path) -> list[tuple[str, str, str]]:
    """(anchored text, author, comment text) for every comment, in comment order."""
    import docx

    document = docx.Document(str(path))
    meta = {c.comment_id: (c.author, c.text) for c in document.comments}
    active: set[int] = set()
    anchored: dict[int, str] = {}
    for el in document.element.body.iter():
        if el.tag == W + "commentRangeStart":
            active.add(int(el.get(W + "id")))
            anchored.setdefault(int(el.get(W + "id")), "")
        elif el.tag == W + "commentRangeEnd":
            active.discard(int(el.get(W + "id")))
        elif el.tag == W + "tc" and el.getprevious() is not None and el.getprevious().tag == W + "tc":
            for i in active:  # the reader joins cells of a row with a tab
                anchored[i] += "\t"
        elif el.tag in (W + "t", W + "tab", W + "br") and not any(a.tag == W + "del" for a in el.iterancestors()):
            piece = el.text or "" if el.tag == W + "t" else "\t" if el.tag == W + "tab" else "\n"
            for i in active:
                anchored[i] += piece
    return [(anchored.get(i, ""), *meta[i]) for i in sorted(meta)]


def char_formats(path: Path) -> list[tuple[str, bytes]]:
    """Every body character with its run properties: splitting runs must not change formatting."""
    from lxml import etree

    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    out = []
    for t in root.iter(W + "t"):
        rpr = t.getparent().find(W + "rPr")
        key = etree.tostring(rpr) if rpr is not None else b""
        out.extend((ch, key) for ch in (t.text or ""))
    return out


def scan_path(pipeline, rules, path, **settings):
    nlp, info = pipeline
    doc = read_path(str(path))
    return Report(documents=[scan_document(doc, nlp, info, rules, Settings(**settings))], pipeline=info.name)


def assert_annotated(src: Path, out: Path, report: Report, *, docx_input: bool):
    findings = report.documents[0].findings
    if docx_input:
        assert read_docx(out)[0] == read_docx(src)[0]
    else:
        assert read_docx(out)[0] == re.sub(r"\r\n|\r", "\n", report.documents[0].text)
    comments = [c for c in anchored_comments(out) if c[1] == AUTHOR]
    body_end = len(read_docx(out)[0]) if not docx_input else len("\n".join(_body_lines(out)))
    in_body = [f for f in findings if f.end <= body_end]
    anchored = [c for c in comments if not c[2].startswith("awareness-check also flagged")]
    assert len(anchored) == len(in_body)
    assert sorted(a for a, _, _ in anchored) == sorted(f.text for f in in_body)
    for (text, author, message), f in zip(anchored, in_body):
        assert text == f.text and message.startswith(f.message)
    assert len(comments) - len(anchored) == (1 if len(in_body) < len(findings) else 0)


def _body_lines(path: Path):
    import docx

    from awareness_check.documents.docx import block_lines

    return list(block_lines(docx.Document(str(path)).element.body))


def test_annotate_text_draft(tmp_path, pipeline, rules):
    src = tmp_path / "draft.txt"
    text = HOSTILE.replace("\n", "\r\n", 2) + "\tTabbed chairman\fafter a form feed.\n\n"
    src.write_bytes(text.encode("utf-8"))
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    report = scan_path(pipeline, rules, src, reject=("chairman", "<script>", "policeman"))
    assert len(report.documents[0].findings) >= 6
    out = tmp_path / "draft.annotated.docx"
    result = annotate(report, str(out))
    assert result.comments == len(report.documents[0].findings)
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    # The form feed cannot live in a Word file: it becomes a space; everything else is identical.
    report.documents[0].text = report.documents[0].text.replace("\f", " ")
    assert_annotated(src, out, report, docx_input=False)


def _formatted_docx(path: Path) -> None:
    """A draft with the hard cases: a phrase across differently formatted runs, two phrases in one
    run, a table, a tab, a tracked insertion and deletion, a hyperlink, and a header."""
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Pt

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Header: ask the chairman"
    p = d.add_paragraph("The ")
    p.add_run("chair").bold = True
    r = p.add_run("man")
    r.italic = True
    r.font.size = Pt(14)
    p.add_run(" met policemen and chairmen\tat the policeman's desk.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Role"
    table.cell(0, 1).text = "Who"
    table.cell(1, 0).text = "chairman"
    table.cell(1, 1).add_paragraph("a second chairman paragraph")
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    d.element.body.insert(len(d.element.body) - 1, parse_xml(
        f'<w:p {ns}><w:r><w:t xml:space="preserve">Edited: the </w:t></w:r>'
        '<w:del w:id="90" w:author="A"><w:r><w:delText>old chairman </w:delText></w:r></w:del>'
        '<w:ins w:id="91" w:author="A"><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">new chairman said</w:t></w:r></w:ins>'
        '<w:hyperlink r:id="rIdX"><w:r><w:t xml:space="preserve"> ask a policeman</w:t></w:r></w:hyperlink></w:p>'))
    d.add_paragraph("Mankind.")
    d.save(str(path))


def test_annotate_docx_keeps_text_and_formatting(tmp_path, pipeline, rules):
    src = tmp_path / "formatted.docx"
    _formatted_docx(src)
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    report = scan_path(pipeline, rules, src)
    phrases = [f.text for f in report.documents[0].findings]
    assert "chairman" in phrases and "policemen" in phrases and "Mankind" in phrases
    out = tmp_path / "formatted.annotated.docx"
    annotate(report, str(out))
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    assert_annotated(src, out, report, docx_input=True)
    assert char_formats(out) == char_formats(src)  # same characters, each with the same run properties
    comments = anchored_comments(out)
    summary = [c for c in comments if c[2].startswith("awareness-check also flagged")]
    assert len(summary) == 1 and "Header: ask the chairman" not in summary[0][0] and "chairman" in summary[0][2]


def test_annotate_never_anchors_on_the_wrong_words_when_the_draft_changed(tmp_path, pipeline, rules):
    src = tmp_path / "draft.docx"
    _formatted_docx(src)
    report = scan_path(pipeline, rules, src)
    import docx

    changed = docx.Document(str(src))
    changed.paragraphs[0].insert_paragraph_before("A new first line moves every offset.")
    changed.save(str(src))
    out = tmp_path / "out.docx"
    result = annotate(report, str(out))
    assert result.comments == 0 and result.elsewhere == len(report.documents[0].findings)
    [(anchored, author, text)] = anchored_comments(out)
    assert text.startswith("awareness-check also flagged") and author == AUTHOR


@pytest.mark.parametrize("name", ["press-release.docx", "training-handout.docx", "case-story.docx"])
def test_annotate_dev_corpus_docx(tmp_path, pipeline, rules, name):
    """Real Word files (tables, headers, footnotes, existing comments, tracked changes): many phrases each."""
    src = dev_document(name)
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    report = scan_path(pipeline, rules, src, reject=("trafficking", "victims", "the", "of", "police", "IOM"))
    assert len(report.documents[0].findings) > 30
    out = tmp_path / name
    annotate(report, str(out))
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    assert_annotated(src, out, report, docx_input=True)
    assert char_formats(out) == char_formats(src)


DEV_DOCX = [("press-release.docx", "press-release.docx.expected.json"), ("case-story.docx", "case-story.expected.json"),
            ("training-handout.docx", "training-handout.expected.json")]


def expected_report(docx_name: str, expected_name: str) -> Report:
    """The dev corpus's expected flags as findings on the Word draft: every category, real documents."""
    import json

    src = dev_document(docx_name)
    document = read_path(str(src))
    expected = json.loads(dev_document(expected_name).read_text(encoding="utf-8"))["expected"]
    findings = []
    for i, e in enumerate(expected):
        line, column = document.line_col(e["start"])
        findings.append(Finding(
            rule_id=f"EXP{i:03d}", rule_name="expected-flag", category=e["category"], checklist_items=(), severity=Severity.WARNING,
            start=e["start"], end=e["end"], line=line, column=column, text=document.text[e["start"]:e["end"]],
            message=e.get("note") or "expected flag",
        ))
    doc = DocumentReport(path=str(src), text=document.text, findings=sorted(findings, key=lambda f: f.sort_key),
                         source_format=document.source_format)
    return Report(documents=[doc], pipeline="test")


@pytest.mark.parametrize("docx_name,expected_name", DEV_DOCX)
def test_annotate_dev_corpus_expected_flags_of_every_category(tmp_path, docx_name, expected_name):
    report = expected_report(docx_name, expected_name)
    assert len({f.category for f in report.documents[0].findings}) >= 3
    out = tmp_path / docx_name
    annotate(report, str(out))
    assert_annotated(dev_document(docx_name), out, report, docx_input=True)
    for fmt in ("markdown", "html", "csv"):
        rendered = render(report, fmt)
        assert all(f.text.split()[0] in rendered for f in report.documents[0].findings)


# --------------------------------------------------------------------------- the CLI

def test_cli_annotate_refuses_existing_file_unless_force(tmp_path):
    src = tmp_path / "d.txt"
    src.write_text("The chairman spoke.\n", encoding="utf-8")
    out = tmp_path / "d.docx"
    out.write_bytes(b"keep me")
    runner = CliRunner()
    result = runner.invoke(cli, ["scan", str(src), "--annotate", str(out), "--fail-on", "never"])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "already exists" in result.stderr and "--force" in result.stderr
    assert out.read_bytes() == b"keep me"
    result = runner.invoke(cli, ["scan", str(src), "--annotate", str(out), "--force", "--format", "csv"])
    assert result.exit_code == 1, result.output  # a warning was found (default --fail-on warning)
    assert "chairman" in result.stdout and "wrote" in result.stderr
    assert [c[0] for c in anchored_comments(out)] == ["chairman"]
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask  # an ordinary file, not a private temporary one


def test_cli_annotate_never_overwrites_the_input(tmp_path):
    src = tmp_path / "d.docx"
    _formatted_docx(src)
    before = src.read_bytes()
    result = CliRunner().invoke(cli, ["scan", str(src), "--annotate", str(src), "--force"])
    assert result.exit_code == 2 and "never overwrites the input" in result.stderr
    assert src.read_bytes() == before


@pytest.mark.parametrize("args,message", [
    (["OUT.txt"], "give it a .docx name"),
    (["OUT.docx", "SECOND"], "exactly one draft"),
])
def test_cli_annotate_bad_targets(tmp_path, args, message):
    src = tmp_path / "a.txt"
    src.write_text("The chairman.\n", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("Fine.\n", encoding="utf-8")
    out = str(tmp_path / args[0])
    extra = [str(second)] if "SECOND" in args else []
    result = CliRunner().invoke(cli, ["scan", str(src), *extra, "--annotate", out])
    assert result.exit_code == 2 and message in result.stderr
    assert not Path(out).exists()


@pytest.mark.parametrize("fmt", ["markdown", "html", "csv"])
def test_cli_formats_on_dev_corpus_document(tmp_path, fmt):
    src = dev_document("press-release.txt")
    out = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(cli, ["scan", str(src), "--format", fmt, "--output", str(out), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8-sig")
    assert "chairman" in text and str(src) in text


# --------------------------------------------------------------------------- LibreOffice and Chromium

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = shutil.which("chromium") or (os.path.exists("/usr/bin/chromium") and "/usr/bin/chromium") or None


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice not installed (Debian: libreoffice-writer-nogui)")
def test_libreoffice_opens_annotated_copy_with_comments_on_the_phrases(tmp_path, pipeline, rules):
    src = tmp_path / "formatted.docx"
    _formatted_docx(src)
    report = scan_path(pipeline, rules, src)
    out = tmp_path / "annotated.docx"
    annotate(report, str(out))
    content = _libreoffice_content(out, tmp_path)
    # Text between each annotation and its end marker, with the annotation body itself removed.
    spans = re.findall(r'<office:annotation office:name="([^"]+)"[^>]*>(.*?)</office:annotation>(.*?)<office:annotation-end office:name="\1"/>', content, re.S)
    authors = re.findall(r"<dc:creator>([^<]*)</dc:creator>", content)
    assert authors.count(AUTHOR) >= len(spans) > 0
    anchored = sorted(re.sub(r"<[^>]+>", "", inner) for _, body, inner in spans if "also flagged" not in body)
    body_end = len("\n".join(_body_lines(src)))
    assert anchored == sorted(f.text for f in report.documents[0].findings if f.end <= body_end)


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice not installed (Debian: libreoffice-writer-nogui)")
def test_libreoffice_shows_dev_corpus_flags_on_their_phrases(tmp_path):
    report = expected_report(*DEV_DOCX[0])
    out = tmp_path / "annotated.docx"
    annotate(report, str(out))
    content = _libreoffice_content(out, tmp_path)
    spans = re.findall(r'<office:annotation office:name="([^"]+)"[^>]*>(.*?)</office:annotation>(.*?)<office:annotation-end office:name="\1"/>', content, re.S)
    anchored = sorted(re.sub(r"<[^>]+>", "", inner) for _, body, inner in spans if AUTHOR in body and "also flagged" not in body)
    body_end = len("\n".join(_body_lines(out)))
    assert anchored == sorted(f.text for f in report.documents[0].findings if f.end <= body_end)


def _libreoffice_content(docx_path: Path, tmp_path: Path) -> str:
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "odt",
                    "--outdir", str(tmp_path / "odt"), str(docx_path)], check=True, capture_output=True, timeout=180)
    with zipfile.ZipFile(tmp_path / "odt" / (docx_path.stem + ".odt")) as zf:
        return zf.read("content.xml").decode("utf-8")


def _chromium(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--hide-scrollbars", f"--user-data-dir={tmp_path / 'chromium'}", *args],
        check=True, capture_output=True, timeout=180, text=True,
    )


@pytest.mark.skipif(not CHROMIUM, reason="chromium not installed (Debian package: chromium)")
def test_browser_renders_highlights_and_runs_no_draft_script(tmp_path):
    report = hostile_report()
    page = tmp_path / "report.html"
    page.write_text(render(report, "html", view=fixed_view(report)), encoding="utf-8")
    dom = _chromium(["--dump-dom", page.as_uri()], tmp_path).stdout
    assert MARKER not in dom  # the draft's script and onerror handler never ran
    assert dom.count("<mark ") == len(report.documents[0].findings)
    assert "<title>awareness-check report: &lt;script&gt;alert(1)&lt;/script&gt;.txt</title>" in dom
    png = tmp_path / "shot.png"
    _chromium([f"--screenshot={png}", "--window-size=1000,1200", page.as_uri()], tmp_path)
    colour = _rgb(PALETTE[fixed_view(report).documents[0].groups[0].colour][0])
    assert _count_pixels(png, colour) > 500  # the highlight is actually painted


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def _count_pixels(png: Path, rgb: tuple[int, int, int]) -> int:
    """Decode an 8-bit RGB/RGBA PNG (what Chromium writes) and count pixels of one colour."""
    import struct
    import zlib

    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and ctype in (2, 6) and interlace == 0
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    count = 0
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        count += sum(1 for x in range(0, stride, bpp) if tuple(line[x:x + 3]) == rgb)
        prev = line
    return count
