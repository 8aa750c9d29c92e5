"""Loading refuses malformed lexicons with an error naming the file and the entry."""
from __future__ import annotations

import textwrap

import pytest

from awareness_check.errors import LexiconError
from awareness_check.lexicon import load_rules

GOOD_RULE = """
  - code: TST001
    name: test-rule
    summary: s
    message: "Consider '{suggestion}' instead of '{match}'."
    explanation: e
    sources: [{cite: c}]
    entries:
      - id: foo
        terms: [foo]
        examples: {flag: [foo], pass: [bar]}
"""


def write(tmp_path, body, name="gendered-language.yml"):
    (tmp_path / name).write_text("schema_version: 1\ncategory: gendered-language\ndefaults: {checklist: [10]}\nrules:\n" + textwrap.dedent(body), encoding="utf-8")


def test_good_file_loads(tmp_path):
    write(tmp_path, GOOD_RULE)
    rules = load_rules(str(tmp_path))
    assert [r.code for r in rules.rules] == ["TST001"]


@pytest.mark.parametrize(
    "change,expected",
    [
        (("code: TST001", "code: bad"), "must look like ABC123"),
        (("name: test-rule", "name: Test Rule"), "kebab-case"),
        (("    explanation: e\n", ""), "missing 'explanation'"),
        (("    sources: [{cite: c}]\n", ""), "sources"),
        (("examples: {flag: [foo], pass: [bar]}", "examples: {flag: [foo]}"), "must not flag"),
        (("{match}", "{matched}"), "placeholder"),
        (("terms: [foo]", "terms: [foo]\n        context: {near_by: [x]}"), "unknown context key"),
    ],
)
def test_bad_files_name_file_and_problem(tmp_path, change, expected):
    write(tmp_path, GOOD_RULE.replace(*change))
    with pytest.raises(LexiconError) as exc:
        load_rules(str(tmp_path))
    assert "gendered-language.yml" in str(exc.value)
    assert expected in str(exc.value)


def test_duplicate_codes_are_refused(tmp_path):
    write(tmp_path, GOOD_RULE)
    write(tmp_path, GOOD_RULE.replace("foo", "baz").replace("test-rule", "other-rule"), name="judgmental.yml")
    with pytest.raises(LexiconError, match="duplicate rule code TST001"):
        load_rules(str(tmp_path))
