"""Gendered-language family: suggestions that fit the text, generic 'he', traps, blank pipeline."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from awareness_check.api import scan_document
from awareness_check.documents import Document
from awareness_check.lexicon import load_rules
from awareness_check.pipeline import PipelineInfo, blank_pipeline
from awareness_check.settings import Settings

from conftest import DEV


def dev_document(name: str) -> Path:
    """The shared dev corpus next to the checkout (main) or two levels up (a worktree), or
    $AWARENESS_DEV_CORPUS."""
    roots = [Path(os.environ["AWARENESS_DEV_CORPUS"])] if os.environ.get("AWARENESS_DEV_CORPUS") else []
    roots += [DEV, DEV.parent.parent.parent / "shared" / "dev-corpus"]
    for root in roots:
        path = root / "documents" / name
        if path.exists():
            return path
    pytest.skip(f"dev corpus document {name} not available")

CATEGORY = "gendered-language"


def gendered(findings):
    return [f for f in findings if f.category == CATEGORY]


def only(findings, text):
    hits = [f for f in gendered(findings) if f.text == text]
    assert hits, f"no finding on {text!r}: {[f.text for f in gendered(findings)]}"
    return hits[0]


# --- suggestions fit number and case -----------------------------------------------------------

@pytest.mark.parametrize("sentence,match,first", [
    ("The chairmen signed the statement.", "chairmen", "chairs"),
    ("Policemen raided the farm.", "Policemen", "Police officers"),
    ("A policeman asked to see her papers.", "policeman", "police officer"),
    ("POLICEMEN RAIDED THE FARM.", "POLICEMEN", "POLICE OFFICERS"),
    ("Local businessmen pledged to check their supply chains.", "businessmen", "business owners"),
    ("Spokesmen for the ministry declined to comment.", "Spokesmen", "Spokespeople"),
    ("Recruitment middlemen charge unlawful fees.", "middlemen", "intermediaries"),
    ("Hundreds of migrant fishermen are held at sea.", "fishermen", "fishers"),
    ("Our helpline is manned by volunteers.", "manned", "staffed"),
    ("Recruiters advertise jobs for waitresses.", "waitresses", "servers"),
    ("Mankind has known slavery for centuries.", "Mankind", "Humankind"),
    ("Hey guys, here are five signs of a fake job.", "Hey guys", "Hi everyone"),
    ("Women engineers designed the shelter.", "Women engineers", "Engineers"),
    ("A male nurse recognised the signs.", "male nurse", "nurse"),
    ("Freshmen are targeted with fake modelling jobs.", "Freshmen", "First-year students"),
    ("Congressmen from both parties backed the bill.", "Congressmen", "Members of Congress"),
    ("Every congressman should back the bill.", "congressman", "member of Congress"),
])
def test_suggestions_are_inflected_and_cased(scan, sentence, match, first):
    finding = only(scan(sentence), match)
    assert finding.suggestions[0] == first
    assert first in finding.message


def test_suggestions_are_replacements_or_absent(rules):
    """A suggestion replaces the flagged words (a Word comment or an editor may apply it); an entry
    whose fix is 'rephrase' has none and a message that says so."""
    for rule in rules.by_category(CATEGORY):
        for entry in rule.entries:
            if not entry.suggestions:
                assert entry.message and "{suggestion" not in entry.message, f"{rule.code}/{entry.id}"
            for s in entry.suggestions:
                assert not s.lower().startswith(("name ", "drop ", "use ", "rephrase", "remove")), (entry.id, s)


def test_the_family_has_at_least_80_entries(rules):
    assert sum(len(r.entries) for r in rules.by_category(CATEGORY)) >= 80


def test_disputed_slash_forms_are_only_suggestions(scan):
    finding = only(scan("Once identified, s/he has the right to a recovery period."), "s/he")
    assert str(finding.severity) == "suggestion"
    assert finding.suggestions == ("they",)


# --- generic he / his / him ---------------------------------------------------------------------

GENERIC = [
    ("Every victim has the right to a lawyer of his own choosing.", "his", "their"),
    ("Each officer must complete his report within 24 hours.", "his", "their"),
    ("A victim may not realise that he is being exploited.", "he", "they"),
    ("Anyone who suspects that his neighbour is being exploited can call us.", "his", "their"),
    ("The applicant must bring his passport to the interview.", "his", "their"),
    ("Each officer should introduce himself and show identification.", "himself", "themselves"),
    ("If someone offers you a job abroad, ask him for a written contract.", "him", "them"),
    ("No employee should have to hand over his passport.", "his", "their"),
]


@pytest.mark.parametrize("sentence,pronoun,suggestion", GENERIC)
def test_generic_masculine_pronoun_is_a_suggestion(scan, sentence, pronoun, suggestion):
    finding = only(scan(sentence), pronoun)
    assert finding.rule_id == "GEN010"
    assert str(finding.severity) == "suggestion"
    assert finding.suggestions[0] == suggestion


def test_generic_pronoun_message_names_the_antecedent(scan):
    finding = only(scan("Every victim has the right to a lawyer of his own choosing."), "his")
    assert "'every victim'" in finding.message.lower()


def test_capitalised_pronoun_gets_a_capitalised_suggestion(scan):
    finding = only(scan("Every worker has rights. He can call the helpline at any time."), "He")
    assert finding.suggestions[0] == "They"


SPECIFIC = [
    "When the labour inspector arrived, he asked to see the workers' contracts.",
    "The court convicted the defendant, finding that he had recruited the two women.",
    "Ahmed said his employer took his passport.",
    "Her husband met her at the airport and drove her to his house.",
    "A man who had worked on the boat for two years said he was never paid.",
    "A worker told us his boss kept his passport.",
    "A male victim may find it harder to ask for help because he fears being judged.",
    "The judge will announce his decision on Friday.",
    "The defendant must now decide whether he will appeal.",
    "She or he may be reluctant to talk at first; give the person time.",
    "Every applicant should bring his or her passport.",
    "Image: a delivery rider checking his phone outside a restaurant.",
]


@pytest.mark.parametrize("sentence", SPECIFIC)
def test_pronoun_for_a_specific_man_or_a_doublet_is_not_flagged(scan, sentence):
    assert not [f for f in scan(sentence) if f.rule_id == "GEN010"]


# --- traps -------------------------------------------------------------------------------------

TRAPS = [
    "Trafficking in persons is an offence against the dignity of humankind.",
    "The Isle of Man police joined the joint operation.",
    "Women and girls made up 71 per cent of detected victims, according to the 2023 report.",
    "About four in ten victims detected in 2020 were adult women and two in ten were girls.",
    "Offer the person the choice of a female or male interviewer.",
    "The Chair of the task force, Ms Okafor, opened the session.",
    "The police officers and firefighters who responded had been trained.",
    "The fishers told inspectors they had not been paid for eleven months.",
    "Complaints can be sent to the Ombudsman, who reports to Parliament each year.",
    "Ruth's brother lent her the money, and her sister looked after her son.",
    "The prosecutor said the men were victims of forced labour on fishing vessels.",
    "The man made a phone call to the helpline.",
    "The girl, aged 14, was found in a flat above a takeaway.",
    "Of the 1,200 victims identified, 700 were female and 500 male.",
    "Hostess bars in the district were inspected.",
    "Anyone can be trafficked: women, men, girls, boys and people of all genders.",
]


@pytest.mark.parametrize("sentence", TRAPS)
def test_traps_are_not_flagged(scan, sentence):
    assert not gendered(scan(sentence)), [f.text for f in gendered(scan(sentence))]


def test_quoted_official_title_is_softened(scan):
    finding = only(scan('The letter was signed "Chairman of the Board of Trustees".'), "Chairman")
    assert str(finding.severity) == "suggestion"


def test_girls_for_adults_needs_evidence_of_age(scan):
    assert only(scan("The girls, aged between 21 and 34, were forced to work in the bar."), "girls").rule_id == "GEN011"
    assert not [f for f in scan("Girls as young as twelve are made to work as servants.") if f.rule_id == "GEN011"]


# --- blank pipeline: no crash, no parse-based findings -------------------------------------------

def test_blank_pipeline_degrades_without_crashing():
    nlp = blank_pipeline()
    info = PipelineInfo(name="blank en (test)", statistical=False)
    text = ("Every victim has the right to a lawyer of his own choosing. The chairmen met. "
            "Volunteers man the hotline. The girls, aged 25, were held.")
    findings = scan_document(Document(path="<blank>", text=text), nlp, info, load_rules(), Settings()).findings
    codes = {f.rule_id for f in findings}
    assert "GEN001" in codes  # phrase lists still work
    assert not codes & {"GEN010", "GEN011"}  # the parse-based checks stay quiet
    assert all(text[f.start:f.end] == f.text for f in findings)


# --- dev-corpus documents ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["leaflet", "poster-set", "press-release", "radio-script", "donor-appeal",
                                  "training-handout", "case-story", "good-practice-web"])
def test_dev_documents_gendered_flags(scan, name):
    expected_path = dev_document(f"{name}.expected.json")
    text = dev_document(f"{name}.txt").read_text(encoding="utf-8")
    expected = [e for e in json.loads(expected_path.read_text(encoding="utf-8"))["expected"]
                if e["category"] == CATEGORY and not e.get("debatable")]
    found = gendered(scan(text))
    for e in expected:
        assert any(f.start < e["end"] and e["start"] < f.end for f in found), f"missed {e['text']!r}"
    for f in found:
        assert any(f.start < e["end"] and e["start"] < f.end for e in expected), f"false alarm {f.text!r} ({f.rule_id})"


# --- the shipped example draft: .txt and .docx agree --------------------------------------------

def test_example_leaflet_txt_and_docx_give_the_same_gendered_findings(pipeline, rules):
    from awareness_check.documents.loader import read_path

    nlp, info = pipeline
    root = Path(__file__).resolve().parent.parent / "examples"
    txt = gendered(scan_document(read_path(str(root / "leaflet.txt")), nlp, info, rules, Settings()).findings)
    docx = gendered(scan_document(read_path(str(root / "leaflet.docx")), nlp, info, rules, Settings()).findings)
    key = lambda f: (f.rule_id, f.start, f.end, f.text)  # noqa: E731
    assert {"chairman", "spokesman", "manpower", "his"} <= {f.text for f in txt}
    assert [key(f) for f in docx[:len(txt)]] == [key(f) for f in txt]
    extra = docx[len(txt):]
    assert [f.text for f in extra] == ["spokesman"]  # the contacts table, after the body
    assert "humankind" not in {f.text for f in txt}


@pytest.mark.parametrize("sentence", [
    "Police are looking for a suspect. He is described as tall and thin.",
    "Kofi's employer says he can leave whenever he likes.",
    "The recruiter says he can get her a visa within a week.",
    "A trafficker was arrested in Lyon; he faces ten years in prison.",
])
def test_pronoun_in_a_real_case_told_in_the_present_is_not_flagged(scan, sentence):
    assert not [f for f in scan(sentence) if f.rule_id == "GEN010"]


def test_speaker_after_a_quotation_is_not_the_generic_person(scan):
    text = 'The victim, a young father, says he wants workers to know their rights. "Every worker has the right to keep his passport," he said.'
    flagged = [f for f in scan(text) if f.rule_id == "GEN010"]
    assert [f.text for f in flagged] == ["his"]
    assert "'every worker'" in flagged[0].message


def test_possessor_is_not_taken_for_the_antecedent(scan):
    finding = only(scan("An employer who takes a worker's passport commits an offence, even if he says it is for safekeeping."), "he")
    assert "'an employer'" in finding.message


@pytest.mark.parametrize("text", [
    "Girls under 18 are not adults in law and must be referred to child services.",
    "Adult men were sent to the farms. The girls were sent to the city.",
])
def test_girls_are_not_flagged_without_evidence_they_are_adult_women(scan, text):
    assert not [f for f in scan(text) if f.rule_id == "GEN011"]


def test_girls_with_adult_ages_in_years_old(scan):
    assert only(scan("The girls were 19 and 20 years old when they were recruited."), "girls").rule_id == "GEN011"


def test_slash_form_is_flagged_once(scan):
    findings = gendered(scan("Once a person is identified, s/he has the right to a recovery period."))
    assert [(f.rule_id, f.text) for f in findings] == [("GEN006", "s/he")]


@pytest.mark.parametrize("sentence", [
    "Case study: A young man arrives in the city. The recruiter tells him he must work for a year.",
    "Nobody knew where he had gone.",
])
def test_object_pronoun_and_past_events_are_not_generic(scan, sentence):
    assert not [f for f in scan(sentence) if f.rule_id == "GEN010"]


@pytest.mark.parametrize("sentence,pronoun", [
    ("The interviewer should explain to the victim that he can stop the interview at any time.", "he"),
    ("A buyer who pays for sex with a trafficked person may not know what he is supporting.", "he"),
])
def test_generic_pronoun_in_training_material(scan, sentence, pronoun):
    assert only(scan(sentence), pronoun).rule_id == "GEN010"


# ------------------------------------------------------------------------- round 2: paraphrases

@pytest.mark.parametrize("sentence, word", [
    ("A domestic worker should know that her employer cannot keep her passport.", "her"),
    ("If the nanny is not allowed to leave the house, she may be a victim.", "she"),
    ("Every au pair has the right to keep her own passport.", "her"),
    ("Any nurse who is asked to pay a recruitment fee should report it to her union.", "her"),
])
def test_generic_she_for_roles_stereotyped_as_womens(scan, sentence, word):
    finding = only(scan(sentence), word)
    assert finding.rule_id == "GEN012" and str(finding.severity) == "suggestion"


@pytest.mark.parametrize("sentence", [
    "The nanny, Rosa, said she had not been paid for a year.",
    "When the receptionist arrived, she saw the girl crying.",
    "The domestic worker who called the helpline last week said her employer took her phone.",
    "A woman who is trafficked may fear that her family will be harmed.",
    "Every domestic worker should know his or her rights.",
    "If the suspect is convicted, he may face up to ten years in prison.",
    "Ahmed said no one had ever asked about his passport.",
])
def test_specific_women_and_doublets_are_not_generic(scan, sentence):
    assert not [f for f in scan(sentence) if f.rule_id in ("GEN010", "GEN012")]


@pytest.mark.parametrize("sentence, word", [
    ("POLICE RESCUE TWO FEMALES FROM CANNABIS FARM", "FEMALES"),
    ("Police rescued a female and two children from the house.", "female"),
    ("The suspect is a male in his thirties who speaks Romanian.", "male"),
    ("Members of the delegation will be accompanied by their wives.", "by their wives"),
    ("Title: Mr / Mrs / Miss", "Mrs / Miss"),
])
def test_gendered_labels_in_new_wordings(scan, sentence, word):
    assert only(scan(sentence), word)


@pytest.mark.parametrize("sentence", [
    "Each female-headed household received a food parcel.",
    "The female and male victims were interviewed separately.",
    "Title: Mr / Mrs / Miss / Ms",
    "The men arrived with their wives and children.",
])
def test_label_traps(scan, sentence):
    assert not gendered(scan(sentence))


def test_no_one_tagged_as_a_noun_is_still_generic(scan):
    assert only(scan("No one should have to surrender his passport to an employer."), "his").rule_id == "GEN010"


@pytest.mark.parametrize("sentence, word", [
    ("Each of the workers must show his identity card.", "his"),
    ("A survivor has the right to decide whether he wants to testify.", "he"),
])
def test_partitives_and_entitlements_are_generic(scan, sentence, word):
    assert only(scan(sentence), word).rule_id == "GEN010"


@pytest.mark.parametrize("sentence", [
    "Each of the men showed his identity card.",
    "Each of the workers showed his identity card to the inspector.",
    "The survivor, Daniel, has the right to decide whether he wants to testify.",
])
def test_real_groups_and_named_people_are_specific(scan, sentence):
    assert not [f for f in scan(sentence) if f.rule_id == "GEN010"]
