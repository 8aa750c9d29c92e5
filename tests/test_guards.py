"""Global guards: names of instruments and bodies, and quotations."""
from __future__ import annotations

from awareness_check.findings import Severity


def test_quoted_word_the_author_rejects_is_not_flagged(scan):
    assert not scan('The minister called her "the chairman", a word we do not use for the role.')


def test_quoted_word_is_softened_to_a_suggestion(scan):
    found = scan('The poster said: "Ask the chairman."')
    assert [f.text for f in found] == ["chairman"]
    assert found[0].severity == Severity.SUGGESTION and "quotation" in found[0].note


def test_exact_titles_are_never_flagged(scan):
    assert not [f for f in scan("The Isle of Man police joined the operation.") if f.text == "Man"]


def test_unquoted_word_keeps_its_severity(scan):
    found = scan("Ask the chairman.")
    assert found and found[0].severity == Severity.WARNING


def test_words_mentioned_as_examples_are_not_flagged(scan):
    text = "Avoid male words like mankind to mean all of humanity, or terms such as 'chairman' and 'spokesman'."
    assert not [f for f in scan(text) if f.category == "gendered-language"]


def test_such_as_before_a_real_use_still_flags(scan):
    assert [f.text for f in scan("Leaders such as the chairman signed the pledge.") if f.category == "gendered-language"] == ["chairman"]
