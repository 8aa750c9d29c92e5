"""The answers file: round trip in JSON and YAML, friendly spellings from teams, clear errors, atomic writes."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from awareness_check.cli import cli
from awareness_check.questionnaire.model import load_checklists
from awareness_check.questionnaire.store import (
    AddedRisk, Answers, AnswersError, Lesson, QuestionAnswer, RiskAnswer, load_answers, save_answers,
)


@pytest.fixture(scope="module")
def checklists():
    return load_checklists()


def _full(path: Path) -> Answers:
    a = Answers(path=path, project="Campaign 2026")
    p = a.for_checklist("planning")
    p.answers[1] = QuestionAnswer("yes", "Mapped in the inception report")
    p.answers[2] = QuestionAnswer("no")
    p.skipped = {5}
    r = a.for_checklist("protection")
    r.risks[1] = RiskAnswer("high", "medium", "Screening presumption")
    r.risks[2] = RiskAnswer("low", None)
    r.added = [AddedRisk("medium", "high", "Train shelter staff", text="Shelter staff untrained — “quotes” & <tags>")]
    r.added_done = True
    v = a.for_checklist("advocacy")
    v.lessons = [Lesson(2, "Rights seen as a barrier", "Admissibility of evidence")]
    v.areas_done = {1, 2}
    w = a.for_checklist("awareness")
    w.draft = "poster.txt"
    w.answers[10] = QuestionAnswer("no", "", "scan", "3 gendered terms found: chairman (line 1), ...")
    return a


@pytest.mark.parametrize("name", ["answers.json", "answers.yml", "answers.yaml"])
def test_round_trip(tmp_path, checklists, name):
    original = _full(tmp_path / name)
    save_answers(original)
    loaded = load_answers(tmp_path / name, checklists)
    assert loaded.checklists == original.checklists
    assert loaded.project == "Campaign 2026"
    save_answers(loaded)  # and again: stable
    assert load_answers(tmp_path / name, checklists).checklists == original.checklists


def test_yaml_is_written_as_yaml_and_json_as_json(tmp_path):
    save_answers(_full(tmp_path / "a.json"))
    save_answers(_full(tmp_path / "a.yml"))
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["checklists"]["protection"]["risks"]["1"]["likelihood"] == "high"
    assert (tmp_path / "a.yml").read_text(encoding="utf-8").startswith("version: 1\nproject: Campaign 2026\nchecklists:\n  planning:")


def test_a_team_file_with_everyday_spellings(tmp_path, checklists):
    path = tmp_path / "team.yml"
    path.write_text(
        "checklists:\n"
        "  '3.1':\n"  # by section number
        "    answers:\n"
        "      1: Yes\n"  # YAML boolean, shorthand without a mapping
        "      2: {answer: In part, how: Legal review in Q3}\n"
        "      3: {answer: no}\n"
        "  protection:\n"
        "    risks:\n"
        "      4: {likelihood: H, impact: Medium}\n"
        "    added:\n"
        "      - {text: Interpreters unavailable, likelihood: low, impact: high}\n",
        encoding="utf-8",
    )
    a = load_answers(path, checklists)
    planning = a.checklists["planning"].answers
    assert [planning[n].answer for n in (1, 2, 3)] == ["yes", "in-part", "no"]
    assert planning[2].how == "Legal review in Q3"
    assert a.checklists["protection"].risks[4] == RiskAnswer("high", "medium", "")
    assert a.checklists["protection"].added[0].impact == "high"


@pytest.mark.parametrize("body, message", [
    ('{"checklists": {"protecton": {}}}', "checklists.protecton: unknown checklist (use planning, strategy"),
    ('{"checklists": {"protection": {"risks": {"13": {"likelihood": "high"}}}}}',
     "checklists.protection.risks.13: no example risk '13' in 3.6 (numbers 1-12)"),
    ('{"checklists": {"protection": {"risks": {"2": {"likelihood": "very high"}}}}}',
     "checklists.protection.risks.2.likelihood: 'very high' is not a level (use high, medium, low)"),
    ('{"checklists": {"protection": {"risks": {"2": {"likelyhood": "high"}}}}}',
     "checklists.protection.risks.2: unknown field 'likelyhood' (expected impact, likelihood, mitigation)"),
    ('{"checklists": {"planning": {"answers": {"4": "maybe"}}}}',
     "checklists.planning.answers.4.answer: 'maybe' is not an answer (use Yes, No, In part)"),
    ('{"checklists": {"advocacy": {"lessons": [{"area": 3}]}}}', "checklists.advocacy.lessons.1: a lesson needs its 'concern'"),
    ('{"version": 7}', "version: unsupported version 7"),
    ('{"checklists": {"planning": {"answers": {"1": "yes",}}}}', "not valid JSON (line 1, column"),
])
def test_errors_name_the_file_and_the_entry(tmp_path, checklists, body, message):
    path = tmp_path / "a.json"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(AnswersError) as err:
        load_answers(path, checklists)
    assert str(err.value).startswith(f"{path}: ")
    assert message in str(err.value)


def test_invalid_answers_exit_2_with_one_line(tmp_path):
    path = tmp_path / "team.yml"
    path.write_text("checklists:\n  protection:\n    risks:\n      2: {impact: huge}\n", encoding="utf-8")
    for args in (["report", "--answers", str(path)], ["run", "protection", "--answers", str(path)], ["list", "--answers", str(path)]):
        result = CliRunner().invoke(cli, ["questionnaire", *args], input="")
        assert result.exit_code == 2, args
        lines = result.stderr.strip().splitlines()
        assert lines == [f"awareness-check: error: {path}: checklists.protection.risks.2.impact: 'huge' is not a level (use high, medium, low)"]


def test_broken_yaml_points_at_the_line(tmp_path, checklists):
    path = tmp_path / "team.yaml"
    path.write_text("checklists:\n  planning:\n    answers: {1: yes\n", encoding="utf-8")
    with pytest.raises(AnswersError, match=r"team\.yaml: not valid YAML \(line \d+, column \d+\)"):
        load_answers(path, checklists)


def test_a_failed_write_keeps_the_previous_answers(tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    first = _full(path)
    save_answers(first)
    before = path.read_bytes()
    first.checklists["protection"].risks[3] = RiskAnswer("low", "low")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(AnswersError, match="a.json: cannot write \\(No space left on device\\)"):
        save_answers(first)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]  # no temp file left behind


def test_missing_file_is_a_fresh_start_for_run_but_an_error_for_report(tmp_path, checklists):
    assert load_answers(tmp_path / "new.json", checklists).checklists == {}
    result = CliRunner().invoke(cli, ["questionnaire", "report", "--answers", str(tmp_path / "new.json")])
    assert result.exit_code == 2
    assert "new.json: no such answers file" in result.stderr


def test_the_documented_example_file_is_valid(tmp_path, checklists):
    doc = (Path(__file__).resolve().parents[1] / "docs" / "questionnaire.md").read_text(encoding="utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "team.yml"
    path.write_text(example, encoding="utf-8")
    a = load_answers(path, checklists)
    assert a.checklists["planning"].answers[2].answer == "no"
    assert a.checklists["protection"].risks[2] == RiskAnswer("low", "low", "")
    assert a.checklists["awareness"].answers[18].answer == "in-part"
