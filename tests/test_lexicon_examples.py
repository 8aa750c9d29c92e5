"""Every lexicon example is a test: 'flag' examples must produce the rule, 'pass' examples must not."""
from __future__ import annotations

import pytest

from awareness_check.lexicon import load_rules

CASES = []
for rule in load_rules().rules:
    for entry_id, examples in rule.all_examples():
        for i, text in enumerate(examples.flag):
            CASES.append(pytest.param(rule.code, entry_id, True, text, id=f"{rule.code}/{entry_id or '-'}/flag/{i}"))
        for i, text in enumerate(examples.pass_):
            CASES.append(pytest.param(rule.code, entry_id, False, text, id=f"{rule.code}/{entry_id or '-'}/pass/{i}"))


@pytest.mark.parametrize("code,entry_id,should_flag,text", CASES)
def test_rule_example(scan, code, entry_id, should_flag, text):
    findings = [f for f in scan(text) if f.rule_id == code]
    if should_flag:
        assert findings, f"{code} should flag: {text}"
        if entry_id:
            assert any(f.entry_id in (entry_id, None) for f in findings), (entry_id, [f.entry_id for f in findings])
    else:
        assert not findings, f"{code} should not flag: {text} (got {[f.text for f in findings]})"


def test_every_finding_keeps_the_offsets_contract(scan):
    text = "The Chairman\u00a0and the\u00adpolicemen met.\r\nMankind\f is \u201cchairman\u201d."
    for f in scan(text):
        assert text[f.start:f.end] == f.text
