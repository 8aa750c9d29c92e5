"""Identification risk (IDR001-006): victims' names and narrowing details, not officials or helplines."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awareness_check.api import scan_document
from awareness_check.documents import Document, read_path
from awareness_check.pipeline import PipelineInfo, blank_pipeline
from awareness_check.settings import Settings
from conftest import dev_document
from devscore import expected_for, finding_dicts, score

CATEGORY = "identification-risk"


def flagged(scan, text):
    return [f for f in scan(text) if f.category == CATEGORY]


def test_case_story_name_linked_to_victim_elsewhere_in_the_draft(scan):
    text = ("Thu Ha Tran was 23 when a woman offered her a job abroad.\n\n"
            "For eighteen months, Thu Ha worked at the Lucky Nails salon on Market Street in Dunmore.\n\n"
            "Thu Ha was identified as a victim of trafficking and referred to our service.")
    found = {f.rule_id: f.text for f in flagged(scan, text)}
    assert found == {"IDR001": "Thu Ha Tran", "IDR002": "the Lucky Nails salon on Market Street in Dunmore"}


def test_child_with_age_school_and_town(scan):
    (f,) = flagged(scan, "The girl, aged 14, a pupil at St Anne's Secondary School in Kerrow, was found in a flat above a takeaway.")
    assert f.rule_id == "IDR002" and f.entry_id == "child-details"
    assert f.text == "aged 14, a pupil at St Anne's Secondary School in Kerrow"


def test_child_name_carries_the_age(scan):
    found = flagged(scan, "María Elena Ruiz, 15, from the village of San Jerónimo, was recruited outside her school.")
    texts = {f.text for f in found}
    assert "María Elena Ruiz, 15" in texts
    assert any("San Jerónimo" in t for t in texts)


@pytest.mark.parametrize("text,expected", [
    ("Women can come directly to our safe house behind the central mosque on Station Road.", "behind the central mosque on Station Road"),
    ("The women's shelter at 14 Harbour Lane, Eastport can house up to 20 residents.", "14 Harbour Lane, Eastport"),
    ("If you know her, message her directly at @lina_k_2007.", "@lina_k_2007"),
    ("The victim's mobile number, +44 7700 900123, was found in the suspect's contacts.", "+44 7700 900123"),
    ("Case file 2023/0457 shows that she was moved three times.", "Case file 2023/0457"),
    ("Her mother, Fatima Osei, still lives by the Kasoa market.", "Fatima Osei"),
    ("Pictured: Ana, a survivor of trafficking, at her new job in the city bakery.", "Pictured: Ana, a survivor of trafficking"),
    ("'She told us everything,' our caseworker said of the 16-year-old.", "She told us everything"),
])
def test_identifying_details_are_flagged(scan, text, expected):
    assert expected in {f.text for f in flagged(scan, text)}


@pytest.mark.parametrize("text", [
    # officials quoted in their role, offenders in court reports
    "\"We will not stop until every trafficker is behind bars,\" said the Minister of Interior, Adel Haddad.",
    "Detective Inspector Sarah Collins, who leads the unit in Leeds, said 14 victims were referred.",
    "The Chair of the task force, Ms Okafor, opened the session and thanked the labour inspectors.",
    "John Smith, 45, of Park Road, Leeds, was convicted of trafficking and sentenced to nine years.",
    "The suspect, Mark Evans, 38, of Cardiff, denies the charges.",
    "\"Many victims do not see themselves as victims,\" said Maria Lopez of La Strada International.",
    "The minister told us everything about the new law.",
    "Anna Schmidt has supported victims of trafficking for ten years.",
    # organisation contact points
    "Call the free helpline on 0800 123 456, any time.",
    "Media contact: Coalition against Exploitation press office, press@coalition.example, +32 2 555 01 00.",
    "Email us at info@help.example or follow us at @stoptraffick.",
    # general places, pseudonyms, single first names, adults in ranges
    "Anna was trafficked from Moldova to Italy when she was 19.",
    "Thu Trang (not her real name) was trafficked to a nail bar on Hope Street.",
    "Amal calls herself a survivor, yet this release calls her a victim.",
    "The girls, aged between 21 and 34, were forced to work in the bar.",
    "Today she lives in a shared flat and works part-time in a bakery.",
    "Image: two seasonal workers, a woman and a man, sorting apples on a packing line.",
    "The stories on this website are shared with the consent of the people who told them. She told us her story.",
])
def test_not_a_risk(scan, text):
    assert not flagged(scan, text), [f.text for f in flagged(scan, text)]


def test_blank_pipeline_keeps_pattern_details_only(rules):
    nlp, info = blank_pipeline(), PipelineInfo(name="blank", statistical=False)
    text = ("Joy Mensah, 19, now works at the Sunrise Bakery on Main Street in Tema. "
            "Her mobile number is +44 7700 900123. Call the helpline on 0800 123 456.")
    findings = [f for f in scan_document(Document(path="<t>", text=text), nlp, info, rules, Settings()).findings
                if f.category == CATEGORY]
    assert [f.text for f in findings] == ["+44 7700 900123"]


def test_dev_items_precision_and_recall(scan, dev_items):
    pairs = [(item["id"], item["expected"], finding_dicts(scan(item["text"]))) for item in dev_items]
    tp, fp, fn, problems = score(pairs, CATEGORY)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    assert precision >= 0.85 and recall >= 0.8, (precision, recall, problems)


@pytest.mark.parametrize("name", ["case-story.txt", "case-story.docx", "donor-appeal.txt", "press-release.docx",
                                  "poster-set.txt", "good-practice-web.txt", "training-handout.docx"])
def test_dev_documents_flags_found_without_false_alarms(pipeline, rules, name):
    path = dev_document(name)
    nlp, info = pipeline
    report = scan_document(read_path(str(path)), nlp, info, rules, Settings())
    try:
        expected = expected_for(path)
    except FileNotFoundError:
        expected = expected_for(path.with_suffix(".txt"))
    tp, fp, fn, problems = score([(name, expected, finding_dicts(report.findings))], CATEGORY)
    assert fn == 0 and fp == 0, problems


# Paraphrases of the identification-risk entries (round 2): real drafts rarely repeat the dev wording.
PARAPHRASE_FLAGS = [
    ("Last year Luz Marina Castillo Vargas escaped from the workshop where she had been forced to sew.", "Luz Marina Castillo Vargas"),
    ("Survivor Tran Thi Mai spoke to our volunteers about her time in the brothel.", "Tran Thi Mai"),
    ("The women's refuge is the grey house across the road from the Central Mosque on Ridge Street.", "Central Mosque"),
    ("Her file, case no. KW/2023/0912, is still open.", "KW/2023/0912"),
    ("Meet Amina (pictured above): she was sold into domestic servitude at 13.", "Amina"),
    ("The 14-year-old was groomed by a man she met at the Starlight Cinema on Market Road.", "Starlight Cinema"),
    ("\"They took my passport and kept me locked in the house,\" she told us.", "passport"),
    # the street type or the venue's kind before its name, as in most languages
    ("Amira, 16, who works the morning shift at the Café Lumière on Rue Dauphine, says she still dreams about the house.", "Café Lumière"),
    ("The girl, 15, was found at Hotel Paradiso near the bus station.", "Hotel Paradiso"),
    ("Rosa, 14, sold flowers every evening on Calle de la Paz.", "Calle de la Paz"),
    # a shelter's address after a verb
    ("Our women's refuge is at 22 Orchard Close, Kelby - just turn up, day or night.", "22 Orchard Close"),
    ("The safe house is located on Market Street.", "Market Street"),
]

PARAPHRASE_TRAPS = [
    "Last year Blue Blanket Campaign volunteers trained 300 teachers to spot signs of trafficking.",
    "The Modern Slavery Act 2015 requires large companies to publish an annual statement.",
    "Victims Commissioner Dame Vera Baird called for better support.",
    "Meet Dr Ama Owusu (pictured), who has supported survivors of trafficking for ten years.",
    "Kids aged 10 to 14 can join the Riverside Rovers under-15 team every Saturday.",
    "The safe house, which is run by a local NGO, is funded by the ministry.",
    "\"I was shocked to learn how many people are forced to work without pay,\" said Minister Jane Hill.",
    "Luz Marina Castillo Vargas, the national rapporteur, presented the report on trafficking.",
    "Ama, 16, was represented by lawyers from the Ghana Bar Association.",
    "The shelter is at capacity this winter.",
    "The refuge is in Lisbon.",
    "The refuge is in talks with Kent County Council about new funding.",
    "The shelter is at risk of closure after Essex County Council cut its funding.",
    "Shelters are at full capacity in Greater Manchester.",
    "The shelter was at the centre of a BBC Panorama investigation.",
    "La Via Campesina campaigns against the exploitation of farm workers; a 16-year-old victim spoke at its meeting.",
    "Place Names matter: the 16-year-old victim was moved between towns.",
]


@pytest.mark.parametrize("text,part", PARAPHRASE_FLAGS)
def test_paraphrased_identifying_details_are_flagged(scan, text, part):
    found = [f for f in scan(text) if f.category == CATEGORY]
    assert any(part in f.text for f in found), [f.text for f in found]


@pytest.mark.parametrize("text", PARAPHRASE_TRAPS)
def test_officials_organisations_and_ranges_stay_silent(scan, text):
    assert not [f.text for f in scan(text) if f.category == CATEGORY]


def test_stories_consented_quotes_are_not_testimony_findings(scan):
    text = ("Amara agreed to share her story so that others can recognise the signs. "
            "\"They took my passport and kept me locked in the house,\" she told us.")
    assert not [f for f in scan(text) if f.rule_id == "IDR006"]


@pytest.mark.parametrize("text", [
    "Her real name is withheld.", "Names have been changed.", "All names changed to protect them.", "Ana (a pseudonym)",
    "She chose to be named.", "They agreed to be named in full.", "He gave his consent.", "With their consent, we ...",
    "Both CONSENTED to be NAMED.", "Her conſent was given.", "NAMES HAVE BEEN CHANGED",
    "She consented.", "We have permission to share.", "He agreed to be quoted.", "She chose to speak.",
    "with her agreement", "They agreed to share their story.", "Shared with PERMISSION.",
])
def test_pseudonym_and_consent_notes_are_searched_only_where_their_words_are(text):
    """A draft is searched for a pseudonym or consent note only where a literal every match holds
    is in it (PSEUDONYM_NEEDS, CONSENT_NEEDS): each shape the patterns match passes that test."""
    from awareness_check.gates import folded_lower
    from awareness_check.identification.patterns import CONSENT, CONSENT_NEEDS, PSEUDONYM, PSEUDONYM_NEEDS, mentions

    folded = folded_lower(text)
    hits = [(rx, needs) for rx, needs in ((PSEUDONYM, PSEUDONYM_NEEDS), (CONSENT, CONSENT_NEEDS)) if rx.search(text)]
    assert hits, text
    for rx, needs in hits:
        assert mentions(rx, needs, text, folded), (rx.pattern[:30], text)


_NOTE_PIECES = ["real names", "unreal names", "names have been changed", "name changed", "pseudonym", "Pseudonyms",
                "chose to be named", "gave her consent", "with their consent", "consented", "permission", "agreed to share",
                "chose to speak", "with his agreement", "name", "the", "\n", " ", "agreed", "consentx", "İ", "ſ",
                "NAMES HAVE BEEN CHANGED", "real namesake", "names\nchanged"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NOTE_PIECES), st.sampled_from([" ", "", "\n", ". "])), max_size=10))
def test_pseudonym_and_consent_notes_are_found_as_by_a_whole_text_search(pieces):
    """The notes are searched only on the lines holding their literals: found exactly where a
    search of the whole text finds them."""
    from awareness_check.gates import folded_lower
    from awareness_check.identification.patterns import CONSENT, CONSENT_NEEDS, PSEUDONYM, PSEUDONYM_NEEDS, mentions

    text = "".join(p + sep for p, sep in pieces)
    for pattern, needs in ((PSEUDONYM, PSEUDONYM_NEEDS), (CONSENT, CONSENT_NEEDS)):
        assert mentions(pattern, needs, text, folded_lower(text)) == (pattern.search(text) is not None)
