"""Gates of the terminology, data-claim and identification checks: a paragraph without the gate
words is not visited (and wants no analysis); one with them still flags."""
from __future__ import annotations

import pytest

from awareness_check.analysis import analyze
from awareness_check.checks.base import CheckContext
from awareness_check.checks.data_claims import DataClaimCheck
from awareness_check.checks.privacy import IdentificationCheck
from awareness_check.checks.terminology import TerminologyCheck
from awareness_check.documents import Document
from awareness_check.settings import Settings

NEUTRAL = "The council met on Tuesday to discuss the budget."


def _ctx(pipeline, rules, text: str, gated: bool = True) -> CheckContext:
    nlp, info = pipeline
    adoc = analyze(Document(path="x", text=text), nlp, info, selective=False)
    return CheckContext(adoc, rules, Settings(), gated=gated)


def _visited(ctx: CheckContext, check) -> list[str]:
    return [seg.text.strip() for seg in ctx.for_check(check).segments]


@pytest.mark.parametrize("check, flagged, code", [
    (TerminologyCheck(), "The smugglers forced the women into prostitution.", "TRM001"),
    (TerminologyCheck(), "Migrants who paid smugglers should be punished as criminals.", "TRM005"),
    (DataClaimCheck(), "Most victims are trafficked by someone they know.", "DAT001"),
    (DataClaimCheck(), "Trafficking is the fastest-growing crime in the world.", "DAT002"),
    (IdentificationCheck(), "Mina Karimi, 15, was trafficked from her home on Market Street in Dunmore.", "IDR001"),
    (IdentificationCheck(), "If you see her, call her mobile on 0771 234 5678.", "IDR004"),
])
def test_gate_skips_neutral_paragraph_and_keeps_finding(pipeline, rules, check, flagged, code):
    ctx = _ctx(pipeline, rules, f"{NEUTRAL}\n\n{flagged}\n")
    assert _visited(ctx, check) == [flagged]
    gated = list(check.run(ctx.for_check(check)))
    assert code in {f.rule_id for f in gated}
    ungated = list(check.run(_ctx(pipeline, rules, f"{NEUTRAL}\n\n{flagged}\n", gated=False)))
    assert sorted((f.rule_id, f.start, f.end) for f in gated) == sorted((f.rule_id, f.start, f.end) for f in ungated)


def test_neutral_paragraph_wants_no_analysis(pipeline):
    nlp, _info = pipeline
    from awareness_check.selection import cheap_doc

    doc = cheap_doc(nlp, NEUTRAL)
    for check in (TerminologyCheck(), DataClaimCheck(), IdentificationCheck()):
        assert not any(check.wants(sent) for sent in doc.sents)


def test_gates_see_what_word_sets_cannot():
    """A digit opens the data-claim gate (in a paragraph about the subject) and the identification gate; 'overhalf' (FRACTION's optional
    word glued on) the data-claim gate; a long s ('ſmuggling', matched by re.I) the terminology gate."""
    from awareness_check.gates import paragraph_words

    from awareness_check.documents.model import Block

    class Seg:
        def __init__(self, text):
            self.text = text
            self.words = paragraph_words(text)
            self.block = Block(0, 0, len(text), text)

    assert DataClaimCheck.gate.opens(Seg("It cost the migrants 5%."))
    assert not DataClaimCheck.gate.opens(Seg("It cost 5%."))  # a figure about something else (SUBJECT)
    assert DataClaimCheck.gate.opens(Seg("overhalf of the victims"))
    assert not DataClaimCheck.gate.opens(Seg(NEUTRAL))
    assert IdentificationCheck.gate.opens(Seg("Call 0771 234 5678."))
    assert TerminologyCheck.gate.opens(Seg("The \u017fmugglers forced them to work."))
    assert not TerminologyCheck.gate.opens(Seg(NEUTRAL))
