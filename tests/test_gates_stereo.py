"""Paragraph gates of the stereotype and gendered-language checks (stereotypes.py, gendered.py,
roles.py): a paragraph without the gate words is not shown to the check, one with them still flags,
and the gate words cover what the tokenizer and lemmatizer can turn into the tokens the checks read."""
from __future__ import annotations

import pytest

from awareness_check.analysis import analyze
from awareness_check.api import report_for
from awareness_check.checks.base import CheckContext
from awareness_check.checks.gendered import _JOB_SEEKER_WORDS, _TRIGGERS, SEX_WORDS, GenericPronounCheck, SexAsNounCheck
from awareness_check.checks.stereotypes import (
    _OFFENDER_LABELS, _VICTIM_LABELS, CommunityBlocCheck, GenderedLabellingCheck, MythCheck, NationalityVictimCheck,
    RoleCheck, WomenChildrenCheck,
)
from awareness_check.documents import Document
from awareness_check.gates import paragraph_words
from awareness_check.people import PARENT_NOUNS
from awareness_check import roles
from awareness_check.roles import GENDERED_PARAGRAPH_WORDS, GENDERED_WORDS, ROLE_GATE, ROLE_TRIGGERS, role_table
from awareness_check.settings import Settings

NEUTRAL = "The council met on Tuesday to discuss the budget for the new library."

# check, a paragraph its gate opens and that it flags, the rule it flags
CASES = [
    (RoleCheck(), "Men must provide for their families while women care for the children.", "STE003"),
    (RoleCheck(), "Dads, don't let your daughters travel abroad alone.", "STE003"),
    (WomenChildrenCheck(), "Traffickers prey on women and children.", "STE001"),
    (MythCheck(), "Traffickers are usually strangers.", "STE004"),
    (MythCheck(), "Only migrants are trafficked.", "STE004"),
    (NationalityVictimCheck(), "Eastern European girls are sold into prostitution.", "STE005"),
    (CommunityBlocCheck(), "The Roma community must be consulted.", "STE006"),
    (GenericPronounCheck(), "Every victim has the right to a lawyer of his choosing.", "GEN010"),
    (SexAsNounCheck(), "Police rescued a female and two children from the house.", "GEN005"),
]


def _ctx(pipeline, rules, paragraphs: list[str]) -> CheckContext:
    nlp, info = pipeline
    adoc = analyze(Document(path="x", text="\n\n".join(paragraphs) + "\n"), nlp, info, selective=False)
    return CheckContext(adoc, rules, Settings())


@pytest.mark.parametrize("check,text,code", CASES, ids=[f"{type(c).__name__}-{i}" for i, (c, _t, _r) in enumerate(CASES)])
def test_gate_skips_a_neutral_paragraph_and_keeps_the_flagged_one(pipeline, rules, check, text, code):
    ctx = _ctx(pipeline, rules, [NEUTRAL, text])
    view = ctx.for_check(check)
    assert [seg.text for seg in view.segments] == [text]
    assert len(view.document_segments) == 2
    found = [f for f in check.run(view) if f.rule_id == code]
    assert found, text
    assert all(f.start > len(NEUTRAL) for f in found)


def test_gendered_labelling_gate_needs_both_labels(pipeline, rules):
    check = GenderedLabellingCheck()
    flagged = ("The nine women found at the farm were treated as trafficking victims; the twelve men working beside "
               "them under the same conditions were recorded as illegal migrants.")
    half = "The nine women found at the farm were treated as trafficking victims."
    ctx = _ctx(pipeline, rules, [NEUTRAL, half, flagged])
    view = ctx.for_check(check)
    assert [seg.text for seg in view.segments] == [flagged]
    assert [f.rule_id for f in check.run(view)] == ["STE010"]
    # wants agrees with the gate: no sentence of a closed paragraph asks for the parse
    half_seg = ctx.document_segments[1]
    assert not any(check.wants(s) for s in half_seg.doc.sents)


def test_role_table_reads_only_paragraphs_with_a_gendered_and_a_role_word(pipeline, rules):
    nlp, info = pipeline
    paras = [NEUTRAL, "He said the meeting went well.", "Women were trafficked by men.", "Traffickers were arrested."]
    ctx = _ctx(pipeline, rules, paras)
    view = ctx.for_check(RoleCheck())
    assert [seg.text for seg in view.segments] == [paras[2]]
    assert role_table(view.adoc) == role_table(ctx.adoc)
    assert role_table(view.adoc)["female"]["victim"] == 1 and role_table(view.adoc)["male"]["agent"] == 1


def test_gated_report_equals_ungated_on_the_cases(pipeline, rules):
    nlp, info = pipeline
    text = "\n\n".join([NEUTRAL] + [t for _c, t, _r in CASES] + ["Hes a good father who provides for his family."]) + "\n"
    adoc = analyze(Document(path="x", text=text), nlp, info, selective=False)
    gated, full = report_for(adoc, rules, Settings(), gated=True), report_for(adoc, rules, Settings(), gated=False)
    key = lambda r: sorted((f.rule_id, f.start, f.end, f.message) for f in r.findings)  # noqa: E731
    assert key(gated) == key(full)
    assert gated.stats["roles"] == full.stats["roles"]


def test_tokenizer_special_cases_are_covered_by_the_gate_words(pipeline):
    """'hes' is tokenised 'he' 's': a token the checks read can come from a longer letter run."""
    nlp, _info = pipeline
    token_words = (GENDERED_WORDS | _TRIGGERS | set(SEX_WORDS) | {"as", "girls", "community", "women", "children"}
                   | _VICTIM_LABELS | _OFFENDER_LABELS | {w for w in _JOB_SEEKER_WORDS})
    gate_words = GENDERED_PARAGRAPH_WORDS | _JOB_SEEKER_WORDS | token_words

    class Tok:
        def __init__(self, low):
            self.lower_ = low

    for key, pieces in nlp.tokenizer.rules.items():
        words = paragraph_words(key)
        for piece in pieces:
            low = piece[65].lower()  # 65 == ORTH
            if low in token_words:
                assert words & gate_words, (key, low)
            if ROLE_TRIGGERS.matches(Tok(low)):
                assert ROLE_TRIGGERS.words & words or any(w.startswith(ROLE_TRIGGERS.prefixes) for w in words), (key, low)


def test_every_lemmatizer_exception_of_a_role_lemma_is_a_trigger(pipeline):
    """role_table skips sentences without a role trigger: every surface form the lemmatizer maps
    to a role lemma must be one (stem prefix, triggers.IRREGULAR or roles._IRREGULAR_ROLE_FORMS)."""
    nlp, info = pipeline
    if not info.statistical:
        pytest.skip("no lemmatizer")
    lemmas = (roles.VICTIM_VERBS | roles.AGENT_VERBS | roles.PROVIDER_VERBS | roles.CAREGIVER_VERBS | roles.VICTIM_NOUNS
              | roles.AGENT_NOUNS | roles.PROVIDER_NOUNS | roles.CAREGIVER_NOUNS | roles.HELPLESS | roles.NATURAL
              | roles.OF_NOUNS | PARENT_NOUNS | {"need", "stay", "fall", "trusting"})
    exc = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")

    class Tok:
        def __init__(self, low):
            self.lower_ = low

    missing = [(form, lem) for pos in exc for form, lems in exc[pos].items() for lem in lems
               if lem in lemmas and not ROLE_TRIGGERS.matches(Tok(form.lower()))]
    assert missing == []
    assert ROLE_GATE.opens_words(paragraph_words("He withheld her passport."))
