"""The identification check's paragraph gate (gates.py): the words without which a paragraph can
hold no identification detail, add nothing to the people model, and want no analysis.

Derived from what the finders require, finder by finder:

- contacts: CASE_FILE's 'case'/'file'/'ref'; an e-mail, handle or phone number is reported only
  with a PERSONAL_CONTACT cue (its required words) or, for an e-mail, a FREE_MAIL domain;
- shelters: DORM's and SHELTER's words; family: a KIN word (KIN_NAMED);
- captions: CAPTION's label words or PHOTO_CONTEXT (the 'Meet X' path needs it in the paragraph);
- testimony: TESTIMONY's verbs, or QUOTE_ATTRIBUTION's verbs (required after every quote);
- the people model: ``wants_analysis`` (SELECT_CUE: VICTIM, AGE, kin, child and photo words, and
  She/He/They), an age (a digit or a number word: AGE, the ", 12," and ", who ..." candidates),
  THIS_IS, a title, role, offender or offence word (what can exclude a person in ``_assess``),
  and a place (PLACE_CORE: street, place-head, village-of and team words) for the places found
  in sentences about an at-risk person.

Not reducible to words, and so outside every gate: a bare name (a PERSON entity or an unlabelled
proper-noun run) or an ORG entity after "of/from/at" in a paragraph with none of the words above.
Such a paragraph also wants no analysis for this check (the selection's assumption: the entities
that matter are in sentences with a cue or put at risk by the next sentence, and the sentences
sharing a capitalised word with them: ``name_linked``); see the module docstring of :mod:`.people`.
"""
from __future__ import annotations

import re

from spacy.strings import get_string_id

from ..analysis import doc_text, token_columns
from ..gates import DIGITS, FOLDED_LETTERS, AnyGate, Gate, TextGate
from ..selection import IF_PROPER_NOUN
from .patterns import AGE, KIN, NOT_NAMES, NUMWORDS, ROLE_WORDS, VICTIM


# a digit (AGE, PHONE) and PLACE_CORE's village alternative, which has no word boundary in front
VILLAGE_OF = TextGate(re.compile(r"(?:village|town|hamlet|district|neighbou?rhood|suburb|settlement|island|municipality|commune|parish) of\s"))

_KIN = ("mother father parent parents brother sister aunt uncle cousin grandmother grandfather grandparents husband "
        "wife son daughter niece nephew stepfather stepmother mum mom dad").split()

KIN_GATE = Gate.of(words=_KIN)  # KIN_NAMED holds a whole kin word (folded letters: paragraph_words folds them)
# AGE: every alternative holds AGE_NUM (digits or a number word, a whole word) or, the birthday one, digits
AGE_GATE = AnyGate((DIGITS, Gate.of(words=list(NUMWORDS)), FOLDED_LETTERS))

CONTACTS = Gate.of(
    prefixes=["case", "file", "ref",
              # PERSONAL_CONTACT: the contact noun after 'her/his/...'
              "mobile", "phone", "number", "email", "mail", "address", "account", "profile", "handle", "instagram",
              "facebook", "tiktok", "whatsapp",
              # FREE_MAIL domains
              "gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "icloud", "proton", "aol", "yandex", "gmx"],
    # PERSONAL_CONTACT: 'message/text/call ... her', 'if you know/see/recognise her'
    words=["message", "text", "call", "contact", "dm", "reach", "find", "know", "see", "recognise", "recognize"],
)
SHELTERS = Gate.of(
    words=["dormitory", "room", "ward", "block", "wing", "bed"],
    prefixes=["safe", "shelter", "refuge", "children", "care", "orphanage", "halfway", "women", "transit", "reception"],
)
MEDIA = Gate.of(
    words=["pictured", "photo", "picture", "image", "caption", "above", "left", "right", "below", "photograph",
           "portrait", "footage", "video",
           "told", "tells", "opened", "confided", "shared", "says", "said", "recalls", "recalled", "remembers",
           "remembered", "explains", "explained", "adds", "added", "whispers", "whispered"],
)
PEOPLE = Gate.of(
    words=[*_KIN, *NUMWORDS, "she", "he", "they", "this", "meet", "here",
           # VICTIM (SELECT_CUE)
           "trafficked", "trafficking", "smuggled", "exploited", "exploitation", "enslaved", "rescued", "recruited",
           "abused", "forced", "sold", "raped", "locked", "lured", "groomed", "coerced", "captive", "paid", "bondage", "brought",
           "stealing", "care",
           # AGE without a digit in front of it ('his 14th birthday' has one)
           "aged", "age",
           # ROLE, TITLE_BEFORE, OFFENCE_VERB
           *ROLE_WORDS, "mr", "ms", "mrs", "miss", "prof", "dame", "lady", "guilty", "pleaded", "trial", "deny",
           "denies", "denied", "court",
           # PLACE_CORE: STREET
           "street", "st", "road", "rd", "lane", "avenue", "ave", "way", "drive", "close", "court", "square", "place",
           "terrace", "crescent", "boulevard", "highway", "row", "hill", "gardens", "park"],
    prefixes=["victim", "survivor", "girl", "boy", "child", "teenager", "minor", "pupil", "photo", "shelter", "refuge",
              "safe",
              # OFFENDER
              "convicted", "sentenced", "charged", "arrested", "accused", "suspect", "defendant", "trafficker",
              "smuggler", "recruiter", "pimp", "madam", "owner", "jailed", "prosecuted", "fugitive", "wanted",
              # PLACE_CORE: place heads (plural 's' too) and the team verbs
              "salon", "bakery", "bar", "restaurant", "hotel", "motel", "farm", "factory", "shop", "store", "cafe",
              "café", "club", "school", "college", "academy", "university", "home", "house", "hostel", "estate",
              "market", "mosque", "church", "temple", "hospital", "clinic", "centre", "center", "camp", "laundry",
              "car", "brothel", "massage", "nail", "garage", "plant", "mill", "mine", "quarry", "workshop", "kitchen",
              "takeaway", "boarding", "dormitory", "flat", "apartment", "block", "tower", "village", "quarter",
              "compound", "orphanage", "team", "squad", "choir", "troupe", "gym", "mall", "shopping", "supermarket",
              "cinema", "stadium", "arcade", "youth", "station", "bus", "motor", "lorry", "terminal",
              "play", "train", "sing", "sang"],
)

IDENTIFICATION_GATE = AnyGate((CONTACTS, SHELTERS, MEDIA, KIN_GATE, PEOPLE, DIGITS, VILLAGE_OF, FOLDED_LETTERS))


SELECT_CUE = re.compile(
    VICTIM.pattern + r"|" + AGE.pattern + rf"|\b(?:{KIN}|girls?|boys?|child(?:ren)?|teenagers?|minors?|pupils?|pictured|photo|"
    r"shelters?|refuges?|safe\s*houses?)\b",
    re.I,
)
_SENTENCE_START_WORDS = frozenset(w.lower() for w in NOT_NAMES) | {"she", "he", "they", "i", "we"}
_SENTENCE_START_IDS = frozenset(get_string_id(w) for w in _SENTENCE_START_WORDS)
# Every SELECT_CUE match holds one of these words, or (an AGE) a digit or a number word: a sentence
# without one is not searched with the regex (which costs ~40 microseconds a sentence).
_CUE_WORDS = Gate.of(
    words=[*_KIN, *NUMWORDS, "trafficked", "trafficking", "smuggled", "exploited", "exploitation", "enslaved",
           "rescued", "recruited", "abused", "forced", "sold", "raped", "lured", "groomed", "coerced", "captive",
           "locked", "paid", "bondage", "brought", "stealing", "care", "pictured", "photo", "aged", "age"],
    prefixes=["victim", "survivor", "girl", "boy", "child", "teenager", "minor", "pupil", "shelter", "refuge", "safe"],
)
SELECT_CUE_GATE = AnyGate((DIGITS, FOLDED_LETTERS, _CUE_WORDS))


def cue_words(words: frozenset[str]) -> tuple[str, ...]:
    """The words of a paragraph's word set that open ``SELECT_CUE_GATE``'s word part (each word
    decided once for the scan: a paragraph's are then two set operations)."""
    unknown = words.difference(_NOT_CUE).difference(_CUE)
    if unknown:
        if len(_NOT_CUE) > 500_000:  # a few tens of MB at most over a long scan
            _NOT_CUE.clear()
        gate = _CUE_WORDS
        for w in unknown:
            (_CUE if w in gate.words or w.startswith(gate.prefixes) else _NOT_CUE).add(w)
    return tuple(words.intersection(_CUE))


_CUE: set[str] = set()
_NOT_CUE: set[str] = set()


def wants_analysis(sent, cues: "bool | tuple[str, ...]" = True) -> bool | str:
    """Selection trigger on a cheaply tokenised sentence (no entities or parse available yet).

    Names and places are capitalised words: a sentence without one (other than its first word
    when that is a function word) can yield no person, place or hometown. Of the rest, only
    those with a victim, age, kin, child, photo or shelter cue, or that continue a story with
    "She/He/They", can put a person at risk. Where the sentence's first word is its only
    capitalised one ("Traffickers ...", "Participants ...", but also "Grace ..."), it is wanted
    ``IF_PROPER_NOUN``: the tagger and the entity recognizer (two thirds of the pipeline's cost) decide.
    ``cues=False``: the paragraph is known to hold no cue (``SELECT_CUE_GATE`` closed on it), so no
    sentence of it is searched for one (the next sentence's victim word is such a cue too); a tuple:
    the paragraph's cue words (``cue_words``), the sentence is searched if it holds one of them as
    text, a digit or a folded letter (the gate's parts, read without splitting it into words).
    """
    columns = token_columns(sent.doc)
    start = next((k for k in range(sent.start, sent.end) if not columns.space[k]), None)
    if start is None:
        return False
    first = columns.lower[start]
    named = columns.named
    named_inside = any(named[start + 1:sent.end])
    if not named_inside and not (named[start] and first not in _SENTENCE_START_IDS):
        return False
    wanted = True if named_inside else IF_PROPER_NOUN
    if first in _STORY_PRONOUN_IDS:
        return wanted
    if cues is False:
        return False
    text = doc_text(sent.doc)[sent.start_char:sent.end_char]
    if cues is True:
        cue = SELECT_CUE_GATE.opens_text(text) and SELECT_CUE.search(text)
    else:
        low = text.lower()
        if any(w in low for w in cues) or FOLDED_LETTERS.opens_text(text):
            cue = SELECT_CUE.search(text)
        else:  # of SELECT_CUE, only an age written in digits can match here (AGE alone: half the time)
            cue = DIGITS.opens_text(text) and AGE.search(text)
    if cue:
        return wanted
    return wanted if _at_risk_by_next(sent) else False


_STORY_PRONOUN_IDS = frozenset(get_string_id(w) for w in ("she", "he", "they"))
_NEXT_GOES_ON = re.compile(r"\s*(?:She|He|They)\b")  # as people.py reads the next sentence


def _at_risk_by_next(sent) -> bool:
    """"Meet Joy. She was trafficked at 16.": a name is put at risk by the next sentence when that
    opens with She/He/They and holds a victim word (people.py reads the next sentence's text)."""
    doc = sent.doc
    text = doc_text(doc)
    if sent.end >= len(doc) or not _NEXT_GOES_ON.match(text, sent.end_char):
        return False
    nxt = doc[sent.end].sent
    return bool(VICTIM.search(text[nxt.start_char:nxt.end_char]))


def _capitalised(sent) -> frozenset[str]:
    return frozenset(t.text for t in sent if t.is_title and not t.is_punct and t.text not in NOT_NAMES)


def name_linked(sents, i: int) -> tuple[int, ...]:
    """The other sentences holding one of sentence ``i``'s capitalised words (a name's mentions)."""
    mine = _capitalised(sents[i])
    if not mine:
        return ()
    return tuple(j for j, sent in enumerate(sents) if j != i and not mine.isdisjoint(_capitalised(sent)))
