"""The checklists as data: every question, risk, area and item of the seed, with its wording and numbering.

The counts below were made by hand from ../shared/seed/toolkit-part3.txt (3.1-3.8), not from the YAML.
"""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from awareness_check.errors import LexiconError
from awareness_check.paths import lexicon_dir
from awareness_check.questionnaire.model import get_checklist, load_checklists, needs_mitigation

# ../shared from a checkout at /work/main, ../../shared from a worktree at /work/wt/NAME
_ROOT = Path(__file__).resolve().parents[1]
SEED = next((p / "shared" / "seed" / "toolkit-part3.txt" for p in (_ROOT.parent, _ROOT.parent.parent)
             if (p / "shared" / "seed" / "toolkit-part3.txt").exists()), _ROOT.parent / "shared" / "seed" / "toolkit-part3.txt")

# 3.1: questions under each of the toolkit's row headings, in order.
PLANNING_SECTIONS = [
    ("Framework", 2), ("Evidence base", 4), ("Risk identification and management", 3),
    ("Consultation and participation", 2), ("Personnel / human resources", 4), ("Budgeting and procurement", 2),
    ("Programmatic integration", 3), ("Sustainable capacity building", 2),
]
RISKS = {"strategy": 11, "legislation": 7, "criminal-justice": 19, "cooperation": 7, "protection": 12}
ADVOCACY_EXAMPLES = [2, 5, 3, 2, 2, 3, 5, 1, 2]  # example concern rows per area 1-9


@pytest.fixture(scope="module")
def checklists():
    return load_checklists()


@pytest.fixture(scope="module")
def seed_plain():
    """The seed with its markup removed: link text kept in place, paragraphs and bold dropped."""
    if not SEED.exists():
        pytest.skip("shared seed not available")
    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r'<a href="#">(.*?)</a>', r"\1", text)
    text = re.sub(r"</?(p|b)>", " ", text)
    return html.unescape(text)


def test_the_eight_tables_in_the_toolkits_order(checklists):
    assert [(c.section, c.id) for c in checklists.values()] == [
        ("3.1", "planning"), ("3.2", "strategy"), ("3.3", "legislation"), ("3.4", "criminal-justice"),
        ("3.5", "cooperation"), ("3.6", "protection"), ("3.7", "advocacy"), ("3.8", "awareness"),
    ]


def test_planning_has_every_question_under_its_heading(checklists):
    planning = checklists["planning"]
    assert len(planning.questions) == 22
    headings = [q.section for q in planning.questions]
    assert [(h, headings.count(h)) for h in dict.fromkeys(headings)] == PLANNING_SECTIONS
    assert planning.follow_up.text == "If yes or in part, how will this be addressed?"


def test_all_56_example_risks(checklists):
    assert {cid: len(checklists[cid].risks) for cid in RISKS} == RISKS
    assert sum(RISKS.values()) == 56
    for cid in RISKS:
        assert all(r.mitigation for r in checklists[cid].risks), cid


def test_nine_advocacy_areas_with_their_examples(checklists):
    advocacy = checklists["advocacy"]
    assert [a.title for a in advocacy.areas] == [
        "Legislation", "Investigation", "Criminal justice and other data", "Prosecution and defence", "Sentencing",
        "Identification and referral", "Protection and assistance", "Return and reintegration", "Prevention",
    ]
    assert [a.see for a in advocacy.areas] == [(f"1.{i}",) for i in range(1, 10)]
    assert [len(a.examples) for a in advocacy.areas] == ADVOCACY_EXAMPLES


def test_nineteen_awareness_items_including_the_last_line(checklists):
    awareness = checklists["awareness"]
    assert [q.number for q in awareness.questions] == list(range(1, 20))
    assert awareness.questions[-1].text == (
        "Developed and designed material with the participation of representatives of the target audience, "
        "giving consideration to gender equality?")
    assert awareness.question(10).automated == "full" and awareness.question(10).categories == ("gendered-language",)


def test_cross_references_are_kept(checklists):
    planning = checklists["planning"]
    assert planning.question(1).see == ("2.2",)
    assert planning.question(3).see == ("Annex 3 & 4",)
    assert planning.question(6).see == ("1.3", "3.4")
    assert planning.question(7).see == ("4.3.1",)
    assert checklists["strategy"].risk(11).see == ("1.6", "1.7", "1.9")
    assert checklists["criminal-justice"].risk(7).see == ("1.2", "1.4", "1.5")
    assert checklists["protection"].risk(9).see == ()
    assert [checklists[cid].monitoring_see for cid in RISKS] == ["4.3.1", "4.3.2", "4.3.3", "4.3.4", "4.3.5"]
    assert checklists["awareness"].question(1).see == ("1.1",)


def test_wording_and_numbering_match_the_seed(checklists, seed_plain):
    for c in checklists.values():
        for q in c.questions:
            assert q.text in seed_plain, (c.id, q.number)
        for r in c.risks:
            assert f"{r.number}. {r.text}" in seed_plain, (c.id, r.number)
            for para in r.mitigation.split("\n\n"):
                assert para in seed_plain, (c.id, r.number)
        for a in c.areas:
            for e in a.examples:
                assert e.concern in seed_plain and e.advocacy_point in seed_plain, (a.number, e.concern[:40])
        for text in (c.goal, c.hrba_goal, c.instructions):
            assert text in seed_plain, c.id
    for q in checklists["awareness"].questions:
        assert f"{q.number}. {q.text}" in seed_plain


def test_names_and_section_numbers_both_select_a_checklist(checklists):
    assert get_checklist("3.6", checklists).id == "protection"
    assert get_checklist("Protection", checklists).section == "3.6"
    with pytest.raises(Exception, match="no checklist named 'protect'.*protection \\(3.6\\)"):
        get_checklist("protect", checklists)


@pytest.mark.parametrize("likelihood, impact, needed", [
    ("high", "high", True), ("high", "medium", True), ("medium", "high", True), ("medium", "medium", True),
    ("high", "low", False), ("low", "high", False), ("low", "low", False), ("medium", None, False),
])
def test_mitigation_rule_reads_and_or_as_both_axes_medium_or_high(likelihood, impact, needed):
    assert needs_mitigation(likelihood, impact) is needed


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "checklists"
    shutil.copytree(lexicon_dir() / "checklists", folder)
    return folder


def test_a_malformed_risk_names_file_and_item(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "protection.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("- number: 3\n  text:", "- number: 3\n  txt:", 1), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"^protection\.yml: risk 3: 'text' must be a non-empty string$"):
        load_checklists(str(folder))


def test_numbering_gaps_are_refused(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "awareness.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("- number: 19", "- number: 20"), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"awareness\.yml: items must be numbered 1 to 19"):
        load_checklists(str(folder))


def test_unknown_category_on_an_awareness_item_is_refused(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "awareness.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("categories: [judgmental]", "categories: [judgemental]"), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"awareness\.yml: item 11: unknown categories judgemental"):
        load_checklists(str(folder))
