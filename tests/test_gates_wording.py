"""Paragraph gates of the wording checks (checks/wording.py): a paragraph without the words a
check needs is not shown to it (nor tokenised for it), and a paragraph with them still flags."""
from __future__ import annotations

from dataclasses import replace
from functools import partial

import pytest
from spacy.attrs import IS_ALPHA

from awareness_check.analysis import AnalyzedDocument, Segment, analyze
from awareness_check.api import report_for
from awareness_check.checks import wording
from awareness_check.checks.base import CheckContext
from awareness_check.documents import Document
from awareness_check.lexicon import RuleSet
from awareness_check.selection import cheap_doc
from awareness_check.settings import Settings

NEUTRAL = "The council met on Tuesday to discuss the budget and the new library."

# check -> (a paragraph it flags, near misses its gate keeps closed)
CASES = {
    wording.ConsentCheck: ("She chose to go abroad with the recruiter.",
                           ["She went abroad with the recruiter.", "She was recruited by an agency."]),
    wording.DamagedPersonCheck: ("Survivors are often seen as damaged goods.",
                                 ["Survivors are often stigmatised.", "The door was damp."]),
    wording.RescueCheck: ("Police rescued 12 women from a brothel.",
                          ["Police identified 12 women in a brothel.", "The lifeboat reached the vessel."]),
    wording.AbductionCheck: ("Children are kidnapped from the streets every day.",
                             ["Children are recruited online every day."]),
    wording.EmotiveDensityCheck: ("Her ordeal was a living nightmare in a horrific brothel.",
                                  ["Her experience in the brothel was long and hard."]),
    wording.ThreatFramingCheck: ("Politicians warned of mass migration.",
                                 ["Politicians spoke about migration policy."]),
    wording.PestMetaphorCheck: ("These cockroaches keep coming across the border.",
                                ["These people keep coming across the border."]),
    wording.MigrationMetaphorCheck: ("A flood of migrants arrived on the island.",
                                     ["Hundreds of migrants arrived on the island."]),
    wording.NominalLabelCheck: ("The police arrested three illegals at the port.",
                                ["The police arrested three people at the port."]),
    wording.FreightMetaphorCheck: ("The smugglers packed their human cargo into the lorry.",
                                   ["The smugglers packed the people into the lorry."]),
    wording.GroupCrimeCheck: ("Migrants bring crime to our towns.",
                              ["Migrants bring skills to our towns."]),
    wording.SensitiveAttributeCheck: ("A Muslim woman was found working in the factory.",
                                      ["A young woman was found working in the factory."]),
}


def _check(cls):
    return next(c for c in wording.CHECKS if type(c) is cls)


def _cheap_adoc(pipeline, text: str) -> AnalyzedDocument:
    """Paragraphs tokenised only when a check reads them (as after selective analysis)."""
    nlp, info = pipeline
    document = Document(path="<t>", text=text)
    make = partial(cheap_doc, nlp)
    return AnalyzedDocument(document, [Segment(b, make_doc=make) for b in document.blocks], info, nlp)


def test_every_wording_check_has_a_gate():
    assert all(getattr(c, "gate", None) is not None for c in wording.CHECKS)
    assert {type(c) for c in wording.CHECKS} == set(CASES)


@pytest.mark.parametrize("cls", list(CASES), ids=lambda c: c.__name__)
def test_gate_shows_only_paragraphs_with_the_words(pipeline, rules, cls):
    check = _check(cls)
    flag, misses = CASES[cls]
    paragraphs = [NEUTRAL, *misses, flag]
    nlp, info = pipeline
    adoc = analyze(Document(path="<t>", text="\n\n".join(paragraphs) + "\n"), nlp, info, selective=False)
    ctx = CheckContext(adoc, rules, Settings()).for_check(check)
    assert [seg.text.strip() for seg in ctx.segments] == [flag]
    assert len(ctx.document_segments) == len(paragraphs)
    found = [f for f in check.run(ctx) if f.rule_id in check.codes]
    assert found and all(f.start >= adoc.document.text.index(flag) for f in found), found
    # the same findings as the check shown every paragraph
    full = CheckContext(adoc, rules, Settings(), gated=False)
    assert sorted((f.rule_id, f.start, f.end) for f in check.run(full)) == sorted((f.rule_id, f.start, f.end) for f in found)


@pytest.mark.parametrize("cls", list(CASES), ids=lambda c: c.__name__)
def test_closed_paragraphs_are_not_tokenised(pipeline, rules, cls):
    check = _check(cls)
    flag, misses = CASES[cls]
    adoc = _cheap_adoc(pipeline, "\n\n".join([NEUTRAL, *misses, flag]) + "\n")
    list(check.run(CheckContext(adoc, rules, Settings()).for_check(check)))
    assert ["doc" in seg.__dict__ for seg in adoc.segments] == [False] * (1 + len(misses)) + [True]


def test_wants_is_false_where_the_gate_is_closed(pipeline):
    nlp, _info = pipeline
    for cls, (_flag, misses) in CASES.items():
        check = _check(cls)
        for text in [NEUTRAL, *misses]:
            doc = nlp(text)
            assert not any(check.wants(sent) for sent in doc.sents), (cls.__name__, text)


def test_emotive_density_counts_every_paragraph(pipeline, rules):
    """The density's denominator is the whole document's words, gate or not."""
    nlp, info = pipeline
    plain = " ".join([NEUTRAL] * 5)
    text = "\n\n".join([plain, "It was a horrific, harrowing ordeal.", plain, plain]) + "\n"
    adoc = analyze(Document(path="<t>", text=text), nlp, info)
    gated = report_for(adoc, rules, Settings(), gated=True)
    full = report_for(adoc, rules, Settings(), gated=False)
    assert gated.stats["emotive_words"] == full.stats["emotive_words"]
    words = sum(1 for seg in adoc.segments for t in seg.doc if t.is_alpha)
    assert gated.stats["emotive_words"]["per_100_words"] == round(100.0 * 2 / words, 2)
    assert all(seg.doc.count_by(IS_ALPHA).get(1, 0) == sum(t.is_alpha for t in seg.doc) for seg in adoc.segments)


def test_rule_gate_reads_every_paragraph_for_words_it_was_not_built_from(pipeline, rules):
    """A lexicon listing more words than the installed one: the check is shown every paragraph."""
    nlp, info = pipeline
    check = _check(wording.ThreatFramingCheck)
    rule = rules.get("SNS014")
    entry = replace(rule.entries[0], terms=rule.entries[0].terms + ("budget crisis",))
    custom = RuleSet(tuple(replace(r, entries=(entry, *r.entries[1:])) if r.code == "SNS014" else r for r in rules.rules))
    text = "\n\n".join(["Ministers warned of a budget crisis.", "Politicians warned of mass migration."]) + "\n"
    adoc = analyze(Document(path="<t>", text=text), nlp, info, selective=False)
    assert check.gate.covers(rules) and not check.gate.covers(custom)
    gated = [f.text for f in check.run(CheckContext(adoc, custom, Settings()).for_check(check))]
    assert gated == ["budget crisis", "mass migration"]
