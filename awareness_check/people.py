"""Who a word refers to: people, gendered people, groups, nationalities.

The wording, stigmatizing and stereotype checks all ask the same questions of a token ("is this
a person?", "is this a woman or a man?", "is this a nationality?"). The word lists live here once,
so a metaphor counts as "applied to people" by the same test everywhere.
"""
from __future__ import annotations

import re

FEMALE = frozenset({
    "woman", "women", "girl", "girls", "she", "her", "herself", "mother", "mothers", "mum", "mom",
    "wife", "wives", "daughter", "daughters", "sister", "sisters", "grandmother", "aunt", "niece",
    "lady", "ladies", "female", "females", "madam", "madams", "bride", "widow", "girlfriend",
    "housewife", "housewives", "schoolgirl", "schoolgirls",
})
MALE = frozenset({
    "man", "men", "boy", "boys", "he", "him", "his", "himself", "father", "fathers", "dad",
    "husband", "husbands", "son", "sons", "brother", "brothers", "grandfather", "uncle", "nephew",
    "gentleman", "gentlemen", "male", "males", "groom", "widower", "boyfriend", "schoolboy", "schoolboys",
})
# Parenthood as identity: counted as the caregiver role for either sex, so a flipped text keeps its totals.
PARENT_NOUNS = frozenset({"mother", "mothers", "mum", "mom", "housewife", "housewives",
                          "father", "fathers", "dad", "househusband"})

PERSON_NOUNS = frozenset({
    "person", "people", "persons", "human", "humans", "individual", "individuals", "child", "children",
    "kid", "kids", "teenager", "teenagers", "teen", "teens", "youth", "youths", "adult", "adults",
    "minor", "minors", "victim", "victims", "survivor", "survivors", "migrant", "migrants",
    "immigrant", "immigrants", "emigrant", "emigrants", "refugee", "refugees", "asylum", "seeker",
    "seekers", "foreigner", "foreigners", "worker", "workers", "family", "families", "newcomer",
    "newcomers", "arrival", "arrivals", "national", "nationals", "citizen", "citizens", "stranger",
    "strangers", "passenger", "passengers", "trafficker", "traffickers", "smuggler", "smugglers",
    "criminal", "criminals", "offender", "offenders", "recruiter", "recruiters", "gang", "gangs",
    "crowd", "crowds", "group", "groups", "community", "communities", "population", "populations",
    "slave", "slaves", "fisherman", "fishermen", "labourer", "labourers", "laborer", "laborers", "student", "students",
    "illegals", "aliens", "outsiders", "outsider", "invader", "invaders",
    "they", "them", "we", "us", "you", "i",
}) | FEMALE | MALE

# Groups that arrive or cross borders: what migration metaphors are applied to.
MOVING_PEOPLE = frozenset({
    "migrant", "migrants", "immigrant", "immigrants", "refugee", "refugees", "asylum", "seekers",
    "seeker", "foreigner", "foreigners", "people", "persons", "arrival", "arrivals", "newcomer",
    "newcomers", "illegals", "aliens", "men", "women", "children", "families", "workers",
    "humans", "outsiders", "strangers", "youths", "africans", "syrians", "afghans",
})

MIGRATION_CONTEXT = frozenset({
    "migrant", "migrants", "migration", "immigration", "immigrant", "immigrants", "refugee", "refugees",
    "asylum", "border", "borders", "arrivals", "arrive", "arriving", "foreigners", "newcomers",
    "crossings", "boats", "illegals",
})

DEMONYMS = frozenset(w.lower() for w in """
Afghan African Albanian Algerian American Angolan Arab Armenian Asian Balkan Bangladeshi Belarusian
Bolivian Bosnian Brazilian British Bulgarian Burmese Cambodian Cameroonian Chinese Colombian Congolese
Cuban Dominican Ecuadorian Egyptian Eritrean Ethiopian European Filipino French Gambian German
Ghanaian Greek Guatemalan Guinean Haitian Honduran Hungarian Indian Indonesian Iranian Iraqi Irish
Italian Ivorian Jamaican Kenyan Korean Kosovar Kurdish Kyrgyz Lao Latin Lebanese Liberian Libyan
Lithuanian Malaysian Malian Mexican Moldovan Mongolian Moroccan Nepalese Nepali Nicaraguan Nigerian
Nigerien Pakistani Palestinian Peruvian Polish Romanian Roma Romani Russian Rwandan Salvadoran
Senegalese Serbian Somali Sudanese Syrian Tajik Thai Tunisian Turkish Ugandan Ukrainian Uzbek
Venezuelan Vietnamese Yemeni Zimbabwean Gypsy Eastern Western Southern Northern Central Caribbean
Muslim Christian Jewish Hindu
""".split())

_YEAR = re.compile(r"\b(19|20)\d{2}\b")
SOURCE_CUES = (
    "according to", "report", "survey", "data", "estimate", "estimated", "statistics", "study",
    "unodc", "ilo", "iom", "unhcr", "unicef", "walk free", "glotip", "eurostat", "detected",
    "found that", "recorded", "per cent", "%",
)


def is_person(token) -> bool:
    """A noun, pronoun or name that refers to people (proper names count when NER says PERSON)."""
    if token.lower_ in PERSON_NOUNS or token.lemma_.lower() in PERSON_NOUNS:
        return True
    return token.ent_type_ in ("PERSON", "NORP")


def gender_of(token) -> str | None:
    w = token.lower_
    if w in FEMALE:
        return "female"
    if w in MALE:
        return "male"
    return None


def is_sourced(sentence_text: str) -> bool:
    """A simple attribution test: a named source or year together with a data cue.

    Sourced, sex-disaggregated statistics ("four in ten detected victims were women, UNODC 2022")
    report a fact; they are not a stereotype (terminology.md, global guard 5).
    """
    low = sentence_text.lower()
    has_year = bool(_YEAR.search(low))
    cues = sum(1 for c in SOURCE_CUES if c in low)
    return (has_year and cues >= 1) or cues >= 2
