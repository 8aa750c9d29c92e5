"""Selective analysis for the gendered-language checks and the flip-it summary (issue 9).

Other families may still analyse everything, so the selector here is built from these checks
alone: then sentences without a trigger really go unparsed, and the findings and the flip
summary must still be the ones the full analysis gives."""
from __future__ import annotations

from functools import partial

import pytest

import awareness_check.analysis as analysis
import awareness_check.api as api
from awareness_check.api import scan_document
from awareness_check.checks import flipsummary, gendered, lexical
from awareness_check.documents import Document
from awareness_check.analysis import Segment
from awareness_check.documents.model import Block
from awareness_check.selection import Selector, cheap_doc
from awareness_check.settings import Settings

TEXT = """POLICE RESCUE TWO FEMALES FROM CANNABIS FARM

The raid took place on Tuesday. Officers found the workers in a barn. Ms Diallo said she was never paid.
According to Ms Diallo, the agency kept her passport. The recruiter promised her a job and took her passport.

A domestic worker should know that her employer cannot keep her passport. Every seasonal worker must receive his wages in full.
The weather was cold. Nobody had eaten for two days. Mr and Mrs Diallo travelled with their son.

Poster 3 - universities and colleges
Headline: Ladies, is that modelling job real? Call the helpline: it is free and confidential."""


@pytest.fixture
def only_these_checks(monkeypatch):
    checks = lexical.CHECKS + gendered.CHECKS + flipsummary.CHECKS
    monkeypatch.setattr(analysis, "_selector", lambda info: Selector.from_checks(checks))
    monkeypatch.setattr(api, "all_checks", lambda: tuple(checks))
    return checks


def test_selected_findings_and_flip_summary_match_full_analysis(pipeline, rules, only_these_checks):
    nlp, info = pipeline
    full = scan_document(Document(path="x", text=TEXT), nlp, info, rules, Settings(), selective=False)
    fast = scan_document(Document(path="x", text=TEXT), nlp, info, rules, Settings(), selective=True)
    key = lambda r: sorted((f.rule_id, f.start, f.end, str(f.severity)) for f in r.findings)
    assert key(fast) == key(full)
    assert any(f.rule_id == "GEN012" for f in full.findings)
    assert fast.stats["flip"] == full.stats["flip"]


def test_paragraphs_without_triggers_are_not_analysed(pipeline, only_these_checks):
    nlp, _ = pipeline
    selector = Selector.from_checks(gendered.CHECKS + flipsummary.CHECKS)

    def segment(text):
        return Segment(Block(0, 0, len(text), text), make_doc=partial(cheap_doc, nlp))

    assert selector.wants(segment("The weather was cold. Nobody had eaten. She asked for her wages. It rained."))
    assert not selector.wants(segment("The weather was cold. Nobody had eaten. It rained."))
