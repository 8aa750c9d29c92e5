"""The guided questionnaire as a user meets it: answer, stop, resume, report."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from awareness_check.cli import cli
from awareness_check.questionnaire.model import load_checklists
from awareness_check.questionnaire.store import load_answers

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_1 = load_checklists()["protection"].risk(1).mitigation


def run(args, input_text, **kw):
    return CliRunner().invoke(cli, ["questionnaire", *args], input=input_text, **kw)


def data(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_list_shows_every_checklist_and_progress(tmp_path):
    result = run(["list"], "")
    assert result.exit_code == 0
    assert "protection        3.6  Protection and assistance risk assessment and mitigation  (12 example risks)" in result.output
    assert len(result.output.splitlines()) == 8
    answers = tmp_path / "a.json"
    run(["run", "protection", "--answers", str(answers)], "h\nm\n\nq\n")
    listed = run(["list", "--answers", str(answers)], "").output
    assert "(12 example risks)  - 1/12 done, 12 open" in listed  # 11 unrated + additional risks not considered
    assert "planning          3.1  Planning and design checklist  (22 questions)  - not started" in listed


def test_risk_table_saves_each_answer_and_resumes(tmp_path):
    answers = tmp_path / "a.json"
    # risk 1: High / Medium -> mitigation required; Enter adopts the toolkit example. Risk 2: Low / Low. Then quit.
    first = run(["run", "protection", "--answers", str(answers)], "h\nm\n\nl\nl\nq\n")
    assert first.exit_code == 0, first.output
    assert "the toolkit asks for a risk mitigation strategy" in first.output
    assert "Run the same command again to continue" in first.output
    risks = data(answers)["checklists"]["protection"]["risks"]
    assert risks["1"] == {"likelihood": "high", "impact": "medium", "mitigation": EXAMPLE_1}
    assert risks["2"] == {"likelihood": "low", "impact": "low"}

    second = run(["run", "protection", "--answers", str(answers)], "m\nh\nOur own plan\nq\n")
    assert "2 of 12 example risks done; resuming" in second.output
    assert "Risk 1 of 12" not in second.output and "Risk 3 of 12" in second.output
    assert data(answers)["checklists"]["protection"]["risks"]["3"]["mitigation"] == "Our own plan"


def test_mitigation_cannot_be_left_empty_for_an_added_medium_high_risk(tmp_path):
    answers = tmp_path / "a.json"
    keys = "l\nl\n" * 7  # the seven example risks of 3.3, all Low / Low
    keys += "y\nDrafting committee excludes women's groups\nm\nh\n\nInvite women's groups to the committee\nn\n"
    result = run(["run", "legislation", "--answers", str(answers)], keys)
    assert result.exit_code == 0, result.output
    assert "This one needs an answer" in result.output
    section = data(answers)["checklists"]["legislation"]
    assert section["added"] == [{"text": "Drafting committee excludes women's groups", "likelihood": "medium",
                                 "impact": "high", "mitigation": "Invite women's groups to the committee"}]
    assert section["added_done"] is True
    again = run(["run", "legislation", "--answers", str(answers)], "")
    assert "7 of 7 example risks done" in again.output and "Risk 1 of 7" not in again.output


def test_skipped_risk_is_offered_again_at_the_end(tmp_path):
    answers = tmp_path / "a.json"
    keys = "s\n" + "l\nl\n" * 6 + "y\nh\nh\n\nn\n"  # skip 1, rate 2-7, go back to 1, add no risk
    result = run(["run", "cooperation", "--answers", str(answers)], keys)
    assert "You skipped 1. Go back to them now?" in result.output
    section = data(answers)["checklists"]["cooperation"]
    assert section["risks"]["1"]["likelihood"] == "high" and "skipped" not in section


def test_planning_checklist_with_follow_up_and_report(tmp_path):
    answers = tmp_path / "plan.yml"
    keys = "y\nMapped in the inception report\nn\np\n\nmaybe\nq\n"
    result = run(["run", "planning", "--answers", str(answers)], keys)
    assert "please type y=Yes/n=No/p=In part" in result.output  # "maybe" is refused, then q
    assert "Framework" in result.output and "(see 2.2)" in result.output
    loaded = load_answers(answers, load_checklists()).checklists["planning"].answers
    assert (loaded[1].answer, loaded[1].how) == ("yes", "Mapped in the inception report")
    assert loaded[2].answer == "no" and loaded[3].answer == "in-part"

    report = run(["report", "--answers", str(answers)], "").output
    assert "| # | Question | Yes | No | In part | If yes or in part, how will this be addressed? |" in report
    assert "| 1 | Have relevant international human rights instruments that the State has ratified been identified? (see 2.2) | X |  |  | Mapped in the inception report |" in report
    assert "Question 2 (answered No: plan how this will be addressed)" in report
    assert "Question 3 (answered In part: say how this will be addressed)" in report
    assert "Question 4 (not answered)" in report


def test_advocacy_lessons_are_recorded_per_area(tmp_path):
    answers = tmp_path / "a.json"
    keys = "n\ny\nMinistry saw rights as a barrier\nShowed that unlawfully obtained evidence is inadmissible\nn\nq\n"
    result = run(["run", "advocacy", "--answers", str(answers)], keys)
    assert "1. Legislation (see 1.1)" in result.output
    section = data(answers)["checklists"]["advocacy"]
    assert section["lessons"] == [{"area": 2, "concern": "Ministry saw rights as a barrier",
                                   "advocacy_point": "Showed that unlawfully obtained evidence is inadmissible"}]
    assert section["areas_done"] == [1, 2]
    report = run(["report", "--answers", str(answers)], "").output
    assert "| Ministry saw rights as a barrier | Showed that unlawfully obtained evidence is inadmissible | Lesson learnt (user) |" in report
    assert "Area 3 (not yet reviewed for lessons learnt): Criminal justice and other data" in report


def test_report_matrix_and_open_items(tmp_path):
    answers = tmp_path / "team.yml"
    answers.write_text(
        "checklists:\n  protection:\n    risks:\n"
        "      1: {likelihood: high, impact: medium, mitigation: Presumption in screening}\n"
        "      2: {likelihood: medium, impact: high}\n"
        "      3: {likelihood: high, impact: low}\n"
        "    added:\n      - {text: 'Shelter <script>alert(1)</script>', likelihood: medium, impact: medium}\n",
        encoding="utf-8",
    )
    md = run(["report", "--answers", str(answers), "--format", "markdown"], "").output
    assert "|   | Impact Low | Impact Medium | Impact High |" in md
    assert "| **Likelihood High** | 3 | **1 ▲** | **▲** |" in md
    assert "| **Likelihood Medium** |  | **U1 ▲** | **2 ▲** |" in md
    assert "Risk 2 (needs a risk mitigation strategy (likelihood Medium, impact High))" in md
    assert "Added risk 1 (needs a risk mitigation strategy (likelihood Medium, impact Medium))" in md
    assert "Risk 3 (" not in md  # High / Low: no mitigation required under our reading
    assert "Risk 4 (not assessed: rate likelihood and impact)" in md

    html = run(["report", "--answers", str(answers), "--format", "html"], "").output
    assert "<script>" not in html and "Shelter &lt;script&gt;" in html
    assert '<td class="shaded">2 ▲</td>' in html

    out = tmp_path / "report.docx"
    result = run(["report", "--answers", str(answers), "--format", "docx", "-o", str(out)], "")
    assert result.exit_code == 0, result.output
    from docx import Document

    doc = Document(str(out))
    matrix = doc.tables[1]
    assert [c.text for c in matrix.rows[0].cells] == ["", "Impact Low", "Impact Medium", "Impact High"]
    assert [c.text for c in matrix.rows[1].cells] == ["Likelihood High", "3", "1 ▲", "▲"]
    assert any("Open items" in p.text for p in doc.paragraphs)


def test_docx_needs_an_output_file(tmp_path):
    answers = tmp_path / "a.json"
    answers.write_text('{"checklists": {"protection": {"risks": {"1": {"likelihood": "low"}}}}}', encoding="utf-8")
    result = run(["report", "--answers", str(answers), "--format", "docx"], "")
    assert result.exit_code == 2 and "give it a name with -o report.docx" in result.stderr


def test_unknown_checklist_name_is_a_usage_error(tmp_path):
    result = run(["run", "protect", "--answers", str(tmp_path / "a.json")], "")
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("awareness-check: error: no checklist named 'protect'; choose one of: planning (3.1)")


def test_draft_prefills_what_the_scan_answers(tmp_path, pipeline):
    draft = tmp_path / "poster.txt"
    draft.write_text("The chairman said mankind must act.\n\nEvery policeman knows the signs.\n", encoding="utf-8")
    answers = tmp_path / "a.json"
    result = run(["run", "awareness", "--answers", str(answers), "--draft", str(draft)], "q\n")
    assert result.exit_code == 0, result.output
    assert "10. No: 3 gendered terms found: chairman (line 1), mankind (line 1), policeman (line 3)." in result.output
    item10 = data(answers)["checklists"]["awareness"]["answers"]["10"]
    assert item10["source"] == "scan" and item10["answer"] == "no"
    assert item10["scan"].startswith("3 gendered terms found: chairman")

    # the scan's item is not asked; the person answers the rest (item 7 offers the scan's answer as default)
    # items 1, 10 and 11 are answered by the scan (their rules are installed); 2-6 are asked before 7
    keys = "\n".join(["y"] * 5) + "\n\n\n" + "\n".join(["y"] * 20) + "\n"
    second = run(["run", "awareness", "--answers", str(answers), "--draft", str(draft)], keys)
    assert "[10/19]" not in second.output and "[9/19]" in second.output and "[19/19]" in second.output
    assert "Scan of the draft: 3 gendered terms found" in second.output
    final = data(answers)["checklists"]["awareness"]["answers"]
    assert final["7"]["answer"] == "no" and final["10"]["source"] == "scan"
    report = run(["report", "--answers", str(answers)], "").output
    assert "Scan: 3 gendered terms found: chairman (line 1)" in report


def test_draft_only_applies_to_awareness(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Hello.", encoding="utf-8")
    result = run(["run", "protection", "--answers", str(tmp_path / "a.json"), "--draft", str(draft)], "")
    assert result.exit_code == 2 and "--draft applies to the awareness checklist" in result.stderr


def _wait_for(path: Path, ready, proc, deadline=120.0):
    """Poll the answers file until ``ready(data)``; fail with the process output if it dies first."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if proc.poll() is not None:
            pytest.fail(f"process ended early: {proc.stdout.read()}")
        try:
            if ready(data(path)):
                return
        except (FileNotFoundError, json.JSONDecodeError, KeyError):
            pass
        time.sleep(0.1)
    pytest.fail("answers never reached the file")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_process_loses_nothing_and_resumes(tmp_path):
    answers = tmp_path / "a.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "awareness_check", "questionnaire", "run", "protection", "--answers", str(answers)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=tmp_path, text=True,
    )
    try:
        proc.stdin.write("h\nm\n\nl\nl\nm\n")  # risks 1 and 2, then only the likelihood of risk 3
        proc.stdin.flush()
        _wait_for(answers, lambda d: d["checklists"]["protection"]["risks"]["3"]["likelihood"] == "medium", proc)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdin.close()
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    saved = data(answers)["checklists"]["protection"]["risks"]  # intact JSON with every answer given
    assert saved["1"] == {"likelihood": "high", "impact": "medium", "mitigation": EXAMPLE_1}
    assert saved["2"] == {"likelihood": "low", "impact": "low"}
    assert saved["3"] == {"likelihood": "medium", "impact": None}
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]

    resumed = run(["run", "protection", "--answers", str(answers)], "h\n\nq\n")  # only risk 3's impact is asked
    assert "Risk 3 of 12" in resumed.output and "Risk 2 of 12" not in resumed.output
    assert resumed.output.count("Likelihood [") == 1  # Likelihood of risk 4 only: risk 3's was kept
    risk3 = data(answers)["checklists"]["protection"]["risks"]["3"]
    assert risk3["likelihood"] == "medium" and risk3["impact"] == "high"
    assert risk3["mitigation"] == load_checklists()["protection"].risk(3).mitigation


def test_end_of_input_stops_cleanly_with_answers_saved(tmp_path):
    answers = tmp_path / "a.json"
    result = run(["run", "protection", "--answers", str(answers)], "h\nm\n\n")
    assert result.exit_code == 130
    assert "Your answers so far are saved" in result.stderr
    assert data(answers)["checklists"]["protection"]["risks"]["1"]["impact"] == "medium"


def test_high_low_corner_offers_an_optional_mitigation(tmp_path):
    answers = tmp_path / "a.json"
    result = run(["run", "protection", "--answers", str(answers)], "h\nl\ne\nl\nh\n\nq\n")
    assert "no mitigation strategy required; add one if you judge it useful" in result.output
    risks = data(answers)["checklists"]["protection"]["risks"]
    assert risks["1"]["mitigation"] == EXAMPLE_1  # "e" adopted the toolkit example
    assert risks["2"] == {"likelihood": "low", "impact": "high"}  # Enter: none, and none required


def test_template_for_teams_reads_back_once_filled(tmp_path):
    out = tmp_path / "protection.yml"
    assert run(["template", "3.6", "-o", str(out)], "").exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "# 12. Onset of conflict / other humanitarian crises" in text and "# Example mitigation: Adapt identification tools" in text
    filled = text.replace("      4:\n        likelihood:\n        impact:", "      4:\n        likelihood: medium\n        impact: high", 1)
    filled = filled.replace("    added:\n", "    added:\n      - {text: Interpreters unavailable, likelihood: low, impact: low}\n", 1)
    out.write_text(filled, encoding="utf-8")
    report = run(["report", "--answers", str(out)], "")
    assert report.exit_code == 0, report.output
    assert "Risk 4 (needs a risk mitigation strategy (likelihood Medium, impact High))" in report.output
    assert "| U1 | Interpreters unavailable | Low | Low |  |" in report.output
    for name in ("planning", "advocacy", "awareness"):  # every blank template is a valid answers file
        blank = tmp_path / f"{name}.yml"
        run(["template", name, "-o", str(blank)], "")
        assert run(["report", "--answers", str(blank)], "").exit_code == 0, name
