"""The shipped example draft: every export of it gives the same findings, at its own offsets."""
from __future__ import annotations

from pathlib import Path

from awareness_check.api import scan_document
from awareness_check.documents import read_path
from awareness_check.settings import Settings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def findings(pipeline, rules, name):
    nlp, info = pipeline
    doc = read_path(str(EXAMPLES / name))
    return doc, scan_document(doc, nlp, info, rules, Settings()).findings


def test_example_flags_gendered_terms_with_suggestions(pipeline, rules):
    _, found = findings(pipeline, rules, "leaflet.txt")
    gendered = {f.text.lower(): f.suggestions for f in found if f.category == "gendered-language"}
    assert {"chairman", "spokesman", "manpower"} <= set(gendered)
    assert gendered["chairman"][0] == "chair"


def test_word_exports_give_the_same_findings_at_the_right_offsets(pipeline, rules):
    _, base = findings(pipeline, rules, "leaflet.txt")
    want = [(f.rule_id, f.line, f.column) for f in base]
    for name in ("leaflet.word-export-cp1252.txt", "leaflet.word-export-utf16.txt"):
        doc, found = findings(pipeline, rules, name)
        assert [(f.rule_id, f.line, f.column) for f in found] == want, name
        for f in found:
            assert doc.text[f.start:f.end] == f.text


def test_docx_gives_the_body_findings_of_the_text(pipeline, rules):
    text, base = findings(pipeline, rules, "leaflet.txt")
    doc, found = findings(pipeline, rules, "leaflet.docx")
    assert doc.text.startswith(text.text)  # the body paragraphs, then the table, header, footer
    same_part = [(f.rule_id, f.start, f.end) for f in found if f.end <= len(text.text)]
    assert same_part == [(f.rule_id, f.start, f.end) for f in base]
    assert any(f.text == "spokesman" and f.start > len(text.text) for f in found)  # the table cell
