"""--draft: how a scan's findings become answers to the 3.8 items (shared numbering)."""
from __future__ import annotations

from awareness_check.findings import DocumentReport, Finding, Report, Severity
from awareness_check.questionnaire.model import load_checklists
from awareness_check.questionnaire.prefill import summarise

AWARENESS = load_checklists()["awareness"]


def finding(text, category, items, severity=Severity.WARNING, line=1):
    return Finding(rule_id="XYZ001", rule_name="x", category=category, checklist_items=tuple(items), severity=severity,
                   start=0, end=len(text), line=line, column=1, text=text, message="m")


def report(*findings):
    return Report(documents=[DocumentReport(path="d.txt", text="", findings=list(findings))])


def test_counts_and_lists_the_phrases_for_the_item():
    r = report(finding("chairman", "gendered-language", [7, 10]), finding("mankind", "gendered-language", [7, 10], line=3),
               finding("illegal migrant", "terminology", [1]))
    results = summarise(r, AWARENESS, {"gendered-language", "terminology"})
    assert results[10].answer == "no"
    assert results[10].note == "2 gendered terms found: chairman (line 1), mankind (line 3)."
    assert results[1].note == "1 terminology issue found: illegal migrant (line 1)."


def test_only_suggestions_mean_in_part_and_nothing_found_means_yes():
    r = report(finding("manned", "gendered-language", [10], severity=Severity.SUGGESTION))
    results = summarise(r, AWARENESS, {"gendered-language", "judgmental"})
    assert results[10].answer == "in-part"
    assert (results[11].answer, results[11].note) == ("yes", "The scan found no judgmental phrases.")


def test_no_answer_from_categories_without_rules():
    results = summarise(report(), AWARENESS, {"gendered-language"})
    assert 11 not in results and 1 not in results  # judgmental / terminology rules not installed: no false "yes"
    assert 4 not in results  # manual item
    assert results[14].answer is None and "awareness-check flip DRAFT" in results[14].note


def test_long_lists_are_cut():
    r = report(*[finding(f"term{i}", "gendered-language", [10], line=i) for i in range(1, 9)])
    assert summarise(r, AWARENESS, {"gendered-language"})[10].note.endswith("term5 (line 5) and 3 more.")
