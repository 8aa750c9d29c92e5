"""Terminology: trafficking in persons vs smuggling of migrants, read in context.

The hard cases are the ones a reviewer would notice: the right crime named for the wrong story is
flagged with the reading and the fix; correct distinctions, sequences, non-human objects, titles
and criticised quotations stay silent.
"""
from __future__ import annotations

import json

import pytest

from awareness_check.analysis import analyze
from awareness_check.api import report_for
from awareness_check.cli.rules import rule_page
from awareness_check.documents import Document, read_path
from awareness_check.findings import Severity
from awareness_check.pipeline import blank_pipeline, PipelineInfo
from awareness_check.settings import Settings

from conftest import dev_document


def terms(scan, text):
    return [f for f in scan(text) if f.category == "terminology"]


def codes(scan, text):
    return {f.rule_id for f in terms(scan, text)}


# --- smuggling words for exploitation (TS-01, TS-14) -------------------------------------------


@pytest.mark.parametrize("text,word", [
    ("After the crossing the smugglers locked the men in a shed and made them pick fruit for no pay.", "smugglers"),
    ("Teenage girls are smuggled into massage parlours and sexually exploited.", "smuggled"),
    ("A people smuggling network held the workers in debt bondage for three years.", "people smuggling"),
    ("Her smuggler still keeps her identity card and takes half of her wages.", "smuggler"),
])
def test_smuggling_word_for_exploitation_is_flagged_with_the_trafficking_reading(scan, text, word):
    found = [f for f in terms(scan, text) if f.rule_id == "TRM001"]
    assert [f.text for f in found] == [word]
    f = found[0]
    assert "trafficking in persons" in f.message
    assert any(s.startswith("traffick") for s in f.suggestions)


@pytest.mark.parametrize("text", [
    # a paid crossing that ends on arrival: correct use of 'smuggle'
    "The smugglers took 1,200 dollars from each passenger and left them on the far bank.",
    # a sequence named as such
    "The men were smuggled across the border and later trafficked to a quarry where they worked without pay.",
    # hedged: a risk, not a description
    "Smuggled migrants are vulnerable to forced labour and sexual exploitation after arrival.",
    "People who travel with smugglers can be abandoned, and some are later exploited.",
    # both crimes named as distinct
    "Unlike smuggling, trafficking involves exploitation such as forced labour or prostitution.",
    # the person keeps her own documents
    "She paid the smuggler in advance and kept her passport in her shoe.",
])
def test_correct_smuggling_sentences_stay_silent(scan, text):
    assert "TRM001" not in codes(scan, text)


@pytest.mark.parametrize("obj", ["cigarettes", "cocaine", "firearms", "ivory", "antiquities", "fuel", "cash"])
def test_non_human_objects_of_smuggling_stay_silent(scan, obj):
    text = f"The gang smuggled {obj} across the border and forced local boys to work as couriers for no pay."
    assert not terms(scan, text)


# --- trafficking words for a paid crossing (TS-02, TS-15) --------------------------------------


def test_trafficker_for_a_paid_crossing_suggests_smuggler(scan):
    found = [f for f in terms(scan, "Each migrant paid the traffickers 2,500 euros for a place on the boat.") if f.rule_id == "TRM002"]
    assert [f.text for f in found] == ["traffickers"]
    assert found[0].suggestions[0] == "smugglers"
    assert "smuggling of migrants" in found[0].message


@pytest.mark.parametrize("text", [
    # the journey became exploitation: trafficking may be right
    "The traffickers charged each woman 3,000 euros for the journey and then made her work in a bar to repay the debt.",
    # traffickers paying someone else is a means of trafficking, not a smuggling fee
    "The traffickers paid the boys' parents and drove the boys across the border to the plantations.",
    # drug and arms trafficking, road traffic
    "Drug traffickers paid fishermen to carry cocaine across the sea.",
    "Traffic at the border crossing was heavy, and the ferry fare rose to 40 euros.",
])
def test_trafficking_words_outside_a_paid_crossing_stay_silent(scan, text):
    assert "TRM002" not in codes(scan, text)


def test_relatives_called_traffickers_are_read_as_non_profit_help(scan):
    found = terms(scan, "Uncles who pay for a nephew's train ticket over the border are traffickers too.")
    assert [f.rule_id for f in found] == ["TRM013"]


# --- conflation and definitions (TS-03, TS-06, TS-09, TS-10, TS-17) ---------------------------


@pytest.mark.parametrize("text,code", [
    ("Trafficking (also known as people smuggling) is a growing problem.", None),
    ("Human trafficking, also referred to as migrant smuggling, is growing.", "TRM003"),
    ("Call us about any trafficking/smuggling case.", "TRM003"),
    ("Migrant smuggling is a form of modern slavery.", "TRM003"),
    ("Trafficking always involves taking people across borders.", "TRM006"),
    ("If no border was crossed, this is not trafficking in persons.", "TRM006"),
    ("Smuggling by definition means moving people by force.", "TRM009"),
    ("Trafficking in persons is nothing but forced prostitution.", "TRM010"),
    ("Illegal migration, in other words human trafficking, is on the rise.", "TRM015"),
])
def test_conflations_and_definitional_errors(scan, text, code):
    found = codes(scan, text)
    if code:
        assert code in found, text
    # the parenthesised form is a limitation: not read, and nothing else flags it wrongly
    else:
        assert not found - {"TRM003"}


@pytest.mark.parametrize("text", [
    "Trafficking in human beings, also known as human trafficking, covers forced labour and forced marriage.",
    "Smuggling is always cross-border, while trafficking can happen within one country.",
    "Trafficking in persons means recruiting or harbouring people by deception in order to exploit them.",
    "Trafficking can happen inside one country, and no one has to cross a border for it to be trafficking.",
    "Do not use trafficking and smuggling interchangeably: they are different crimes.",
    "Trafficking is not smuggling, and smuggling is not trafficking.",
    "Trafficking for sexual exploitation is only one form of trafficking.",
])
def test_correct_distinctions_and_definitions_stay_silent(scan, text):
    assert not terms(scan, text)


# --- smuggled migrants as offenders (TS-05) and victims of smuggling (TS-04) --------------------


def test_smuggled_as_offender_is_flagged_but_the_article_5_statement_is_not(scan):
    assert "TRM005" in codes(scan, "Migrants who used smugglers are accomplices and should be jailed.")
    assert not terms(scan, "Under article 5, migrants shall not be prosecuted for having been smuggled.")
    assert not terms(scan, "Smugglers are criminals and will be prosecuted.")


def test_victims_of_smuggling_is_a_suggestion_with_both_positions(scan, rules):
    found = [f for f in terms(scan, "Aid was given to the victims of smuggling at the harbour.") if f.rule_id == "TRM004"]
    assert found and found[0].severity == Severity.SUGGESTION
    assert found[0].suggestions[0] == "smuggled migrants"
    rule = rules.get("TRM004")
    assert rule.disputed and "legislative guide" in rule.explanation


# --- migration and child-protection terms --------------------------------------------------------


@pytest.mark.parametrize("text,flagged", [
    ("Police detained six illegal immigrants at the depot.", "illegal immigrants"),
    ("Why are illegals allowed to stay?", "illegals"),
    ("Officers found two underage prostitutes in the hotel.", "underage prostitutes"),
    ("The charity campaigns against child pornography online.", "child pornography"),
])
def test_labels_are_flagged_with_a_preferred_term(scan, text, flagged):
    found = [f for f in terms(scan, text) if f.text == flagged]
    assert found and found[0].suggestions


@pytest.mark.parametrize("text", [
    "Undocumented migrants and migrants in an irregular situation can call the helpline.",
    "Article 3 of the Protocol defines illegal entry as crossing a border without complying with the requirements.",
    "Selling someone's passport is illegal.",
    "Prostituted children and commercially sexually exploited children need specialist care.",
    "The Illegal Migration Act 2023 changed the rules on detention.",
    "Invasive alien species are spreading through the wetlands.",
])
def test_accepted_terms_and_legal_terms_stay_silent(scan, text):
    assert not terms(scan, text)


def test_disputed_migration_terms_are_suggestions(scan):
    for text in ("The plan targets illegal migration.", "Food was given to failed asylum seekers."):
        found = terms(scan, text)
        assert found and all(f.severity == Severity.SUGGESTION for f in found), text


# --- guards: titles and quotations ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The Protocol against the Smuggling of Migrants by Land, Sea and Air and the Trafficking in Persons Protocol supplement the Convention.",
    "The Optional Protocol on the sale of children, child prostitution and child pornography was adopted in 2000.",
    "The Firearms Protocol covers trafficking in firearms.",
])
def test_titles_stay_silent(scan, text):
    assert not terms(scan, text)


def test_garbled_instrument_names_are_flagged_despite_the_title_guard(scan):
    assert "TRM012" in codes(scan, "The country signed the UN Smuggling Convention last year.")


def test_quoted_words_rejected_by_the_author_are_dropped_and_others_softened(scan):
    assert not terms(scan, 'The mayor called them "illegals", a word we never use.')
    found = terms(scan, 'The mayor said: "These illegal immigrants must go home."')
    assert found and all(f.severity == Severity.SUGGESTION for f in found)


# --- explain pages, fallback pipeline, dev documents -----------------------------------------------


def test_explain_pages_read_as_guidance(rules):
    for rule in rules.by_category("terminology"):
        page = rule_page(rule)
        for heading in ("## What it flags", "## Why it matters", "## Example", "## Known limitations", "## Sources"):
            assert heading in page, (rule.code, heading)
        assert all(s.ref for s in rule.sources), rule.code
    page = rule_page(rules.get("TRM001"))
    assert "purpose" in page and "exploitation" in page


def test_blank_pipeline_degrades_without_crashing(rules):
    nlp = blank_pipeline()
    info = PipelineInfo(name="blank", statistical=False)
    text = "The smugglers forced the women into prostitution. Each migrant paid the traffickers 900 dollars for the boat trip."
    report = report_for(analyze(Document(path="<t>", text=text), nlp, info), rules, Settings())
    assert {f.rule_id for f in report.findings} >= {"TRM001", "TRM002"}


def test_entries_are_sourced_and_numerous(rules):
    entries = [e for r in rules.by_category("terminology") for e in r.entries]
    assert len(entries) >= 60


@pytest.mark.parametrize("name", ["leaflet.txt", "press-release.txt", "poster-set.txt", "case-story.txt", "donor-appeal.txt",
                                  "good-practice-web.txt", "radio-script.txt", "training-handout.txt"])
def test_dev_documents_terminology_flags(scan, name):
    path = dev_document(name)
    expected = json.loads(path.with_name(name.replace(".txt", ".expected.json")).read_text(encoding="utf-8"))["expected"]
    gold = [e for e in expected if e["category"] == "terminology"]
    text = read_path(str(path)).text
    found = terms(scan, text)
    for g in gold:
        if not g.get("debatable"):
            assert any(f.start < g["end"] and g["start"] < f.end for f in found), g
    for f in found:
        assert any(f.start < g["end"] and g["start"] < f.end for g in gold), f.text


def test_no_terminology_finding_on_clean_dev_items(scan, dev_items):
    clean = [it for it in dev_items if not it["expected"]]
    noisy = [(it["id"], f.text) for it in clean for f in terms(scan, it["text"])]
    assert not noisy


def test_exploitation_told_in_the_next_sentence_is_linked_by_the_pronoun(scan):
    found = terms(scan, "The smugglers drove the girls to the coast. There they sold them to a brothel owner.")
    assert [(f.rule_id, f.text) for f in found] == [("TRM001", "smugglers")]
    assert "next sentence" in found[0].message
    # the pronoun names the migrants (passive): no link
    assert not terms(scan, "The smugglers drove the girls to the coast. There they were forced into prostitution.")
    # the smugglers are not the subject: no link
    assert not terms(scan, "The girls paid the smugglers in cash. Later they were sold to a brothel owner.")


def test_fee_told_in_the_previous_sentence_counts_only_without_exploitation_in_the_paragraph(scan):
    assert "TRM002" in codes(scan, "Each passenger paid 1,500 euros. The traffickers steered the dinghy across the strait.")
    assert not terms(scan, "Each passenger paid 1,500 euros. The traffickers steered the dinghy across the strait and then forced the men to work on farms to repay the debt.")


@pytest.mark.parametrize("text", [
    # UNODC's own risk-table style: a spaced slash lists two groups, 'criminalized' reports a risk
    "Fair trials leave fewer grounds for appeal for convicted traffickers / smugglers.",
    "Smuggled migrants are criminalized for being smuggled, or for migration-related offences.",
    # exploitation mentioned later in the sentence or hedged in the paragraph: trafficking may be apt
    "Migrants who paid for the crossing were later exploited by traffickers.",
    "Migrants often pay large sums for the journey. Traffickers may then exploit them after they arrive.",
    # responses and victims, not the people who moved them
    "Anti-trafficking police met the boat; each passenger had paid 1,000 euros for the crossing.",
    "The trafficking victims had paid 3,000 dollars for the journey.",
    # figurative 'exploit', fees, violence on the way: aggravated smuggling is still smuggling
    "Smuggling networks exploit people's desperation and charge exploitative fees.",
    "Smugglers forced the migrants at gunpoint onto an overcrowded boat.",
])
def test_real_world_phrasings_that_are_not_confusions(scan, text):
    assert not terms(scan, text)


# --- round 2: paraphrases of the same errors, and selective analysis -----------------------------

PARAPHRASES = [
    ("After they landed, the smuggling gang kept them in a house and made them pay back the journey by working without wages.", "TRM001"),
    ("Human smugglers kept the girls locked in a flat and sold them to men.", "TRM001"),
    ("Trafficking, sometimes referred to as smuggling, is a crime against the person.", "TRM003"),
    ("Human trafficking and people smuggling mean the same thing.", "TRM003"),
    ("Being smuggled into Britain is a criminal offence.", "TRM005"),
    ("Human trafficking is the movement of people across borders for exploitation.", "TRM006"),
    ("Smuggling always involves force or coercion.", "TRM009"),
    ("Trafficking means forced prostitution.", "TRM010"),
    ("Victims of trafficking were later convicted of immigration offences.", "TRM017"),
    ("The trafficked teenagers were arrested for cannabis cultivation.", "TRM017"),
    ("Police broke up a ring involved in the trafficking of irregular crossers.", "TRM016"),
    ("The smugglers told the girls they had to repay the cost of the trip by selling sex.", "TRM001"),
    ("Trafficking or smuggling - call it what you like - it is the same crime.", "TRM003"),
    ("Paying people smugglers is a crime in itself.", "TRM005"),
    ("It is only smuggling if force or threats were used.", "TRM009"),
    ("As soon as they set foot on dry land, the nightmare is over for smuggled people.", "TRM014"),
    ("Smugglers promised the boys jobs, then forced them to sell drugs on the street.", "TRM001"),
    ("The smuggled girls were put to work in nail bars and never paid.", "TRM001"),
    ("TRAFFICKING AND SMUGGLING: SAME CRIME, DIFFERENT NAMES", "TRM003"),
    ("People smuggling - or human trafficking, to give it its other name - is booming.", "TRM003"),
    ("Human trafficking is simply the prostitution of women.", "TRM010"),
    ("Once smuggled migrants are on European soil, they are safe.", "TRM014"),
]


@pytest.mark.parametrize("text,code", PARAPHRASES)
def test_paraphrased_errors_are_flagged(scan, text, code):
    assert code in codes(scan, text)


@pytest.mark.parametrize("text", [
    "Many families borrow from relatives to pay smugglers and repay the debt by working abroad for years.",
    "The smugglers sold them fake passports and places on an overcrowded boat.",
    "The men who trafficked the boys were charged with supplying drugs.",
    "Trafficked boys must not be charged with offences they were forced to commit.",
    "Many migrants believe their ordeal is over when they land, but smuggled migrants are sometimes exploited afterwards.",
    "Trafficking is when a person is exploited, with or without crossing a border.",
    "A 30-year-old sex worker was interviewed.",
    "Article 5 of the Trafficking in Persons Protocol requires States to criminalise trafficking.",
    "Smuggling does not require coercion; the migrant usually consents.",
    "It is only smuggling when migrants consent, and trafficking when force is used.",
    "Trafficking and smuggling are often confused as the same crime.",
    "Paying a smuggler is not a crime for the migrant under the Protocol.",
    "Smuggled migrants may owe money to their smugglers and repay it by working, which can become debt bondage.",
    "The smugglers took them across; later, other gangs forced them to work in the fields.",
    "Smugglers brought them to Italy, where they were later forced to work in the fields.",
    "Smuggling and trafficking are different crimes with different names.",
    "Smuggled migrants are not always safe once they arrive.",
    "Human trafficking includes the exploitation of the prostitution of others and forced labour.",
])
def test_paraphrase_traps_stay_silent(scan, text):
    assert not terms(scan, text)


def test_terminology_asks_for_analysis_only_around_its_words(pipeline):
    from awareness_check.checks.terminology import TerminologyCheck
    from awareness_check.selection import cheap_doc

    nlp, _ = pipeline
    check = TerminologyCheck()
    doc = cheap_doc(nlp, "Call our helpline today. SMUGGLERS FORCED THEM TO WORK. Drug traffickers were jailed.")
    assert [check.wants(s) for s in doc.sents] == [False, True, True]
    assert check.context_sentences == 0


@pytest.mark.parametrize("text, wanted, reads", [
    # a fee in a paragraph with a trafficking word: TRM002 reads every lemma of the paragraph
    ("Rain fell for days. The migrants paid 2,000 euros each. Traffickers took them across. Most reached the coast.", 2, (0, 1, 2, 3)),
    ("Rain fell for days. Traffickers took them across. It cost them $4,000. Most reached the coast.", 1, (0, 1, 2, 3)),
    ("Traffickers took them across. Rain fell for days. Most reached the coast. Each had paid a fee.", 0, (0, 1, 2, 3)),
    # no fee in the paragraph: the paragraph pass has nothing to read there
    ("Rain fell for days. Traffickers took them across. Most reached the coast. The bus was late.", 1, ()),
    # a smuggling word: the next sentence may continue it with a pronoun
    ("Rain fell for days. The smugglers met the women at the port. Later they locked them in a flat. Police came.", 1, (2,)),
])
def test_terminology_reads_around_its_words_only_what_the_paragraph_pass_reads(pipeline, text, wanted, reads):
    from awareness_check.checks.terminology import TerminologyCheck
    from awareness_check.selection import cheap_doc

    nlp, _ = pipeline
    check = TerminologyCheck()
    sents = tuple(cheap_doc(nlp, text).sents)
    assert [i for i, s in enumerate(sents) if check.wants(s)] == [wanted]
    assert check.also_reads(sents, wanted) == reads


@pytest.mark.parametrize("text", [
    "The smugglers met the women at the port. Two days later they locked them in a flat and forced them into prostitution. Police found them in March.",
    "The migrants paid 2,000 euros each. Traffickers took them across in a dinghy. Most reached the coast.",
    "He said his illegal entry was an offence under sections of the criminal codes. She entered without papers.",
    "Our helpline is open every day. The trafficked boys were charged with supplying drugs. The appeals court freed them.",
    # the parser's sentences are not the rule-based ones: a fee two rule sentences away is in the
    # next parsed sentence; a split puts a fee next to the word while a deception is told elsewhere
    'This trafficking route took dozens across the border. Each was told "Get in!" and paid 2,000 euros. The weather was '
    "cold and the road was long. Nobody spoke much on the way. The journey lasted two days and the bus broke down twice.",
    "This trafficking route took dozens across the border... Each of them paid 2,000 euros. The weather was cold and the "
    "road was long. Nobody spoke much on the way. The journey lasted two days and the bus broke down twice. Everyone had "
    "been promised work in the city.",
    # a deception told two sentences before the fee: TRM002 stays silent in both
    "Someone promised Ana work abroad. Rain fell for days. The migrants paid 2,000 euros each. Traffickers took them across in a dinghy. Most reached the coast.",
    "Rain fell for days. The migrants paid 2,000 euros each. Traffickers took them across in a dinghy. Most reached the coast. The bus was late.",
])
def test_selective_analysis_finds_what_the_full_pipeline_finds(pipeline, rules, text):
    from awareness_check.api import scan_document

    nlp, info = pipeline

    def run(selective):
        report = scan_document(Document(path="x", text=text), nlp, info, rules, Settings(), selective=selective)
        return {(f.rule_id, f.start, f.end, f.severity) for f in report.findings}, report.stats

    assert run(True) == run(False)


def test_lemma_without_a_lemmatizer_knows_the_irregular_cue_verbs():
    """The blank fallback (and a word in capitals) reads cue verbs through triggers.IRREGULAR."""
    from awareness_check.checks.terminology import _lemma

    doc = blank_pipeline()("They SOLD her , KEPT the passports , DROVE the van and OWED nothing ; she was paid")
    lemmas = {t.text: _lemma(t) for t in doc}
    assert [lemmas[w] for w in ("SOLD", "KEPT", "DROVE", "OWED", "paid")] == ["sell", "keep", "drive", "owe", "pay"]
    assert lemmas["passports"] == "passports" and lemmas["was"] == "was"  # not a cue verb: left as it is
