"""Selective analysis must not starve the wording and stereotype checks (ROUND2: triggers).

Every finding these checks make with the full pipeline must come from a sentence whose cheap
tokens make the check ask for the parse (or from a check that needs no parse), and the role table
must count only sentences that ``may_hold_roles`` selects. Texts: the rules' own flag examples
plus paraphrases of the kinds the checks were widened for.
"""
from __future__ import annotations

import pytest

from awareness_check.checks import stereotypes, wording
from awareness_check.documents import Document
from awareness_check.roles import may_hold_roles, sentence_roles
from awareness_check.selection import cheap_doc

FAMILIES = ("judgmental", "sensationalist", "stigmatizing", "stereotype")
CHECKS = [*wording.CHECKS, *stereotypes.CHECKS]
EXTRA = [
    "Children are being grabbed off the street and bundled into vans.",
    "Migrants are swarming across the border every night. The island was swamped by asylum seekers.",
    "For the gang, the women are a product that can be sold again and again.",
    "The gangs are Albanian, and they run the cannabis farms. Vietnamese nail bars are a front.",
    "Dads, don't let your girls go abroad alone. A good wife never lets a stranger into the house.",
    "Her father provides for the family. Women are the victims and men are the traffickers.",
    "The weaker sex is easier to deceive, they say.",
]


def texts(rules):
    out = list(EXTRA)
    for rule in rules.rules:
        if rule.category in FAMILIES and rule.kind == "custom":
            for _id, ex in rule.all_examples():
                out.extend(ex.flag)
    return out


def owner(code):
    return next(c for c in CHECKS if code in c.codes)


def test_every_parsed_finding_comes_from_a_wanted_sentence(pipeline, rules, monkeypatch):
    from awareness_check.api import scan_document
    from awareness_check.checks import all_checks
    from awareness_check.settings import Settings

    for other in all_checks():  # families without triggers would switch selection off
        if not hasattr(other, "wants"):
            monkeypatch.setattr(type(other), "wants", lambda self, sent: False, raising=False)

    nlp, info = pipeline
    for text in texts(rules):
        doc = Document(path="<t>", text=text)
        findings = scan_document(doc, nlp, info, rules, Settings(), selective=False).findings
        cheap = cheap_doc(nlp, text)
        for f in findings:
            if f.category not in FAMILIES or not any(f.rule_id in c.codes for c in CHECKS):
                continue
            check = owner(f.rule_id)
            sent = next(s for s in cheap.sents if s.start_char <= f.start < s.end_char)
            if check.wants(sent):
                continue
            # A check that declines the sentence must find the same on unparsed tokens.
            lean = scan_document(Document(path="<t>", text=sent.text), nlp, info, rules, Settings(), selective=True).findings
            assert any(g.rule_id == f.rule_id for g in lean), (text, f.rule_id)


@pytest.mark.parametrize("text", EXTRA + [
    "Mothers, protect your daughters from fake job offers.",
    "Men migrate to provide for their families.",
    "She was sold to a man in the city, and he forced her to work.",
    "It is women who need protecting.",
])
def test_role_sentences_are_selected(pipeline, text):
    nlp, _info = pipeline
    parsed = nlp(text)
    cheap = cheap_doc(nlp, text)
    for sent in parsed.sents:
        if any(roles for _t, _sex, roles in sentence_roles(sent)):
            twin = [s for s in cheap.sents if s.start_char < sent.end_char and sent.start_char < s.end_char]
            assert any(may_hold_roles(s) for s in twin), sent.text


def test_plain_sentences_need_no_parse(pipeline):
    nlp, _info = pipeline
    cheap = cheap_doc(nlp, "Call the helpline if you are worried. Our office opens at nine. Thank you for reading.")
    assert not any(c.wants(s) for c in CHECKS for s in cheap.sents)
