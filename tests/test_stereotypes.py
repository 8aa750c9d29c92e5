"""Gender stereotypes measured with the parse: the role table and the generalisations it flags."""
from __future__ import annotations

import pytest

from awareness_check.analysis import analyze
from awareness_check.api import scan_document
from awareness_check.documents import Document, read_path
from awareness_check.roles import ROLES, role_table
from awareness_check.settings import Settings

from conftest import dev_document


def table_for(pipeline, text):
    nlp, info = pipeline
    return role_table(analyze(Document(path="<t>", text=text), nlp, info))


def nonzero(table):
    return {sex: {r: n for r, n in roles.items() if n} for sex, roles in table.items()}


def test_table_has_the_fixed_shape(pipeline):
    table = table_for(pipeline, "The shelter opens at nine.")
    assert list(table) == ["female", "male"]
    assert all(list(roles) == list(ROLES) for roles in table.values())
    assert nonzero(table) == {"female": {}, "male": {}}


@pytest.mark.parametrize("text,expected", [
    ("Women and girls are the victims; men are the traffickers.",
     {"female": {"victim": 2}, "male": {"agent": 1}}),
    ("Vulnerable women were trafficked to Italy by men from their own village.",
     {"female": {"victim": 1, "helpless": 1}, "male": {"agent": 1}}),
    ("Women care for their children while men earn money for the family.",
     {"female": {"caregiver": 1}, "male": {"provider": 1}}),
    ("She was recruited by a female neighbour.",
     {"female": {"victim": 1, "agent": 1}, "male": {}}),
    ("Millions of women and children are trafficked every year.",
     {"female": {"victim": 1}, "male": {}}),
    ("Her son was trafficked to work on a fishing boat.",
     {"female": {}, "male": {"victim": 1}}),
    ("Two of the suspects are women who worked as recruiters.",
     {"female": {"agent": 1}, "male": {}}),
    ("Her husband met her at the airport.",
     {"female": {}, "male": {}}),
])
def test_roles_on_written_texts(pipeline, text, expected):
    assert nonzero(table_for(pipeline, text)) == expected


def test_flipping_the_gender_mirrors_the_table(pipeline):
    before = table_for(pipeline, "Women and girls are the victims; men are the traffickers.")
    after = table_for(pipeline, "Men and boys are the victims; women are the traffickers.")
    assert before["female"] == after["male"] and before["male"] == after["female"]


def test_role_table_of_the_dev_poster_set(pipeline):
    nlp, info = pipeline
    table = role_table(analyze(read_path(str(dev_document("poster-set.txt"))), nlp, info))
    # women (trafficked) and girls (snatched) are victims, the girls "innocent"; "Mothers, protect
    # your daughters" and "a mother holding her daughter's hand" are caregivers; no man has a role.
    assert nonzero(table) == {"female": {"victim": 2, "helpless": 1, "caregiver": 2}, "male": {}}


def test_role_table_in_json_stats_of_the_radio_script(pipeline, rules):
    nlp, info = pipeline
    report = scan_document(read_path(str(dev_document("radio-script.txt"))), nlp, info, rules, Settings())
    roles = report.stats["roles"]
    assert roles["male"]["provider"] == 2  # "he sends money home", "A real man provides for his family"
    assert roles["male"]["helpless"] == 1  # "Young men like Kofi are so gullible"
    assert roles["female"]["victim"] == 0
    assert report.to_dict()["stats"]["roles"] == roles


# --- flags -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span", [
    ("Women and girls are the victims; men are the traffickers.", "Women and girls are the victims; men are the traffickers"),
    ("Men migrate to provide for their families.", "Men migrate to provide for their families"),
    ("Mothers, protect your daughters from fake job offers.", "Mothers, protect your daughters from fake job offers"),
    ("A real man provides for his family, even if that means taking risky work abroad.", "A real man provides for his family"),
    ("Men can look after themselves; it is women who need protecting.", "it is women who need protecting"),
])
def test_generalisations_of_a_role_by_gender(scan, text, span):
    assert [f.text for f in scan(text) if f.rule_id == "STE003"] == [span]


@pytest.mark.parametrize("text", [
    "Her father provided for the family after the factory closed.",
    "Kofi's mother looked after the children while he worked abroad.",
    "According to UNODC's Global Report on Trafficking in Persons 2022, about four in ten victims detected in 2020 were adult women, and men and boys made up the rest.",
    "Anyone can be trafficked: women, men, girls, boys and people of all genders.",
    "The prosecutor said the men were victims of trafficking for forced labour on fishing vessels.",
    "Mothers and fathers can call the helpline for advice.",
    "Traffickers can be men or women, strangers or family members.",
    "Men are trafficked too, and women also recruit and exploit.",
    "Women support their families by working abroad, and men care for the children at home.",
])
def test_specific_people_sourced_data_and_inclusive_wording_are_not_flagged(scan, text):
    assert [f.text for f in scan(text) if f.category == "stereotype"] == []


def test_women_and_children_pairing_is_a_suggestion_except_in_titles_and_data(scan):
    found = [f for f in scan("End the trafficking of women and children.") if f.rule_id == "STE001"]
    assert [(f.text, str(f.severity)) for f in found] == [("women and children", "suggestion")]
    assert not [f for f in scan("The State is a party to the Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
                                "Especially Women and Children.") if f.category == "stereotype"]
    assert not [f for f in scan("Our shelter provides safe accommodation for women and children.") if f.category == "stereotype"]


def test_perpetrator_myths_but_not_their_negation(scan):
    assert [f.text for f in scan("Traffickers are usually strangers who approach you in the street.") if f.rule_id == "STE004"] == ["Traffickers are usually strangers"]
    assert not [f for f in scan("Traffickers are men and women of all ages and backgrounds.") if f.category == "stereotype"]
    assert not [f for f in scan("Traffickers are not always strangers.") if f.category == "stereotype"]


def test_same_situation_labelled_differently_by_gender(scan):
    text = ("The nine women found at the farm were treated as trafficking victims; the twelve men working beside "
            "them under the same conditions were recorded as illegal migrants.")
    assert [f.text for f in scan(text) if f.rule_id == "STE010"] == ["illegal migrants"]


def test_good_practice_page_is_clean(pipeline, rules):
    nlp, info = pipeline
    report = scan_document(read_path(str(dev_document("good-practice-web.txt"))), nlp, info, rules, Settings())
    mine = [(f.rule_id, f.text) for f in report.findings if f.category in {"judgmental", "sensationalist", "stigmatizing", "stereotype"}]
    assert mine == []
