"""Judgmental, sensationalist and stigmatizing wording: context that a word list gets wrong."""
from __future__ import annotations

import json

import pytest

from awareness_check.api import scan_document
from awareness_check.documents import Document, read_path
from awareness_check.findings import Severity
from awareness_check.pipeline import PipelineInfo, blank_pipeline
from awareness_check.settings import Settings

from conftest import dev_document

MINE = {"judgmental", "sensationalist", "stigmatizing", "stereotype"}


def codes(findings, prefix=""):
    return [f.rule_id for f in findings if f.rule_id.startswith(prefix) and f.category in MINE]


def texts(findings, code):
    return [f.text for f in findings if f.rule_id == code]


# --- metaphors applied to people ---------------------------------------------------------------

@pytest.mark.parametrize("text,word", [
    ("The country faces a flood of migrants every summer.", "flood"),
    ("Officials are bracing for a new influx of refugees this spring.", "influx"),
    ("The tide of asylum seekers must be stopped at sea.", "tide"),
    ("Hordes of young men arrive on the islands every week.", "Hordes"),
    ("Migrants are swarming our towns.", "swarming"),
    ("This is an invasion, not migration.", "invasion"),
])
def test_migration_metaphor_applied_to_people_is_flagged(scan, text, word):
    assert word in texts(scan(text), "STG002")


@pytest.mark.parametrize("text", [
    "The flood destroyed the village and many families moved to the city.",
    "A heat wave hit the region during the harvest, and farm workers were denied water.",
    "Invasive species are choking the lake, and a swarm of locusts destroyed the harvest.",
    "Since the Russian invasion, refugees fleeing the war have crossed the border.",
    "A wave of arrests followed the investigation into the recruitment agency.",
    "Migrants were swept away by the waves when the boat capsized.",
])
def test_literal_floods_waves_swarms_and_wars_are_not_flagged(scan, text):
    assert codes(scan(text), "STG") == []


def test_pest_words_only_when_said_of_people(scan):
    assert texts(scan("These cockroaches keep coming on the boats."), "STG001") == ["cockroaches"]
    assert texts(scan("They are parasites living off our taxes."), "STG001") == ["parasites"]
    assert codes(scan("The dormitory was infested with rats and cockroaches, workers told inspectors."), "STG") == []


def test_nominal_labels_but_not_adjectives(scan):
    assert texts(scan("Specialist services are needed for the trafficked."), "STG003") == ["the trafficked"]
    assert texts(scan("Why do we keep letting illegals in?"), "STG003") == ["illegals"]
    assert codes(scan("The trafficked women and the undocumented workers were referred to a shelter."), "STG") == []


def test_nationality_crime_labels_are_generic_only(scan):
    assert texts(scan("Albanian gangs are behind the cannabis farms in the county."), "STG011") == ["Albanian gangs"]
    assert codes(scan("Three Albanian nationals were convicted on Friday of running the cannabis farm."), "STG") == []
    assert codes(scan("The claim that migrants bring crime is not supported by police data."), "STG") == []


def test_nationality_said_of_a_group_with_words_between_and_each_group_once(scan):
    assert texts(scan("Child prostitution is rife along the corridor, and the gangs behind it are Moldovan."), "STG011") == [
        "gangs behind it are Moldovan"]
    assert texts(scan("The gangs are Albanian and the pimps are Romanian."), "STG011") == ["gangs are Albanian", "pimps are Romanian"]
    assert texts(scan("The smugglers who took her savings were Libyan, she told us."), "STG011") == []


def test_freight_words_for_people_but_not_for_goods(scan):
    assert codes(scan("Police intercepted a shipment of people at the container terminal."), "STG010") == ["STG010"]
    assert codes(scan("Customs seized a shipment of counterfeit goods at the container terminal."), "STG") == []


# --- sensationalist -------------------------------------------------------------------------------

def test_one_emotive_word_is_a_suggestion_a_cluster_is_a_warning(scan):
    single = [f for f in scan("For two years her life was a living hell. She now works as a cook.") if f.rule_id == "SNS013"]
    assert [f.severity for f in single] == [Severity.SUGGESTION]
    cluster = [f for f in scan("The shocking truth: horrific, sickening abuse happens on our doorstep.") if f.rule_id == "SNS013"]
    assert len(cluster) == 3 and all(f.severity == Severity.WARNING for f in cluster)
    assert "3 emotive words" in cluster[0].message


def test_emotive_density_is_reported_in_stats(pipeline, rules):
    nlp, info = pipeline
    report = scan_document(Document(path="<t>", text="A shocking, horrific crime.\n\nA plain sentence."), nlp, info, rules, Settings())
    assert report.stats["emotive_words"]["count"] == 2
    assert report.stats["emotive_words"]["max_per_paragraph"] == 2


def test_nightmares_as_a_symptom_are_not_padding(scan):
    assert codes(scan("Survivors may have nightmares and flashbacks for years."), "SNS") == []


@pytest.mark.parametrize("text", [
    "Search and rescue vessels brought 212 people safely ashore on Sunday.",
    "The coastguard rescued 43 migrants whose dinghy had capsized.",
    "Firefighters rescued two workers trapped in the burning factory.",
    "Save the Children called on governments to protect children on the move.",
])
def test_rescue_terms_of_art_and_names_are_not_flagged(scan, text):
    assert codes(scan(text), "SNS003") == []


def test_rescue_of_trafficked_people_is_flagged(scan):
    assert texts(scan("Last spring the police rescued Mina in a raid and rescue operation."), "SNS003") == ["rescued", "raid and rescue"]
    assert texts(scan("Police raided the brothel and freed 12 women."), "SNS003") == ["freed"]


def test_sexual_slavery_is_a_term_of_art(scan):
    assert codes(scan("Sexual slavery is a crime against humanity under the Rome Statute."), "SNS") == []
    assert texts(scan("Police freed 12 sex slaves from a house."), "SNS001") == ["sex slaves"]


def test_generic_abduction_story_versus_a_dated_case(scan):
    assert texts(scan("Traffickers are kidnapping children from supermarket car parks."), "SNS007") == ["kidnapping"]
    assert codes(scan("The girl was abducted on 3 May by two men, the court heard."), "SNS007") == []


def test_threat_framing_with_figures_is_fine(scan):
    assert texts(scan("Europe's migrant crisis is spiralling out of control."), "SNS014") == ["migrant crisis"]
    assert codes(scan("The 2015 migrant crisis saw 1,000,000 arrivals by sea, according to UNHCR."), "SNS014") == []


# --- judgmental -----------------------------------------------------------------------------------

def test_prostitute_is_disputed_so_only_a_suggestion(scan):
    found = [f for f in scan("The prostitutes had been brought from abroad.") if f.rule_id == "JDG001"]
    assert [f.severity for f in found] == [Severity.SUGGESTION]


def test_consent_of_a_child_versus_choice_framed_as_blame(scan):
    assert codes(scan("The 15-year-old agreed to work in the bar, so the case was closed."), "JDG") == ["JDG006"]
    assert codes(scan("She chose to go, even though her mother begged her to stay."), "JDG") == ["JDG005"]
    assert codes(scan("The 25-year-old agreed to work in the bar."), "JDG") == []
    assert codes(scan("She chose to come forward and testify against the recruiter."), "JDG") == []
    assert codes(scan("She decided to leave after a caseworker explained her rights."), "JDG") == []


def test_blaming_constructions(scan):
    assert texts(scan("The teenagers fell prey to a gang operating from the bus station."), "JDG004") == ["fell prey to"]
    assert codes(scan("They fell for the recruiter's promises."), "JDG004") == ["JDG004"]
    assert codes(scan("Prices fell for the third month in a row."), "JDG") == []
    assert codes(scan("Careless reporting can put survivors at risk."), "JDG") == []


def test_damage_words_only_for_people(scan):
    assert texts(scan("Survivors are broken and may never lead a normal life."), "JDG010") == ["broken"]
    assert codes(scan("The recruiter broke his promise and ruined her savings."), "JDG") == []


# --- blank pipeline -------------------------------------------------------------------------------

def test_blank_pipeline_degrades_without_crashing(rules):
    nlp, info = blank_pipeline(), PipelineInfo(name="blank en (fallback)", statistical=False)
    text = ("A flood of migrants reached the islands. Police rescued 14 women from a car wash. "
            "Women and girls are the victims; men are the traffickers. The shocking truth.")
    report = scan_document(Document(path="<t>", text=text), nlp, info, rules, Settings())
    found = {f.rule_id for f in report.findings}
    assert {"STG002", "SNS003", "SNS013"} <= found
    assert report.stats["roles"] == {}
    assert "statistical" in report.stats["roles_note"]


# --- dev-corpus documents -------------------------------------------------------------------------

DOCUMENTS = ["poster-set", "leaflet", "press-release", "radio-script", "donor-appeal", "training-handout",
             "case-story", "good-practice-web"]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_documents_match_expected_flags_for_wording_categories(pipeline, rules, name):
    nlp, info = pipeline
    path = dev_document(f"{name}.txt")
    expected = json.loads(dev_document(f"{name}.expected.json").read_text(encoding="utf-8"))["expected"]
    expected = [e for e in expected if e["category"] in MINE]
    got = [f for f in scan_document(read_path(str(path)), nlp, info, rules, Settings()).findings if f.category in MINE]

    def overlaps(f, e):
        return f.category == e["category"] and e["start"] < f.end and f.start < e["end"]

    false_alarms = [(f.rule_id, f.text) for f in got if not any(overlaps(f, e) for e in expected)]
    misses = [e["text"] for e in expected if not e.get("debatable") and not any(overlaps(f, e) for f in got)]
    assert false_alarms == []
    assert misses == []
