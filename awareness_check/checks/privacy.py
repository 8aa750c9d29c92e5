"""Identification risk (checklist 3.8, items 16-18): details that let a reader find a victim.

One pass over the analysed document builds a list of :class:`Detail` records: the span to flag,
the rule, and the *parts* a redacted copy replaces with placeholders ([NAME], [AGE], [PLACE] ...).
The check turns them into findings; :mod:`awareness_check.redact` uses the same records, so what
is flagged and what is redacted can never drift apart.

Who is at risk: a named person described as a victim, survivor, trafficked or smuggled person
anywhere in the document (mentions are linked by their name words, so "Thu Ha" later in a case
story links to "Thu Ha Tran"), a child (an age under 18 next to the name or the noun), or a
named person given both an exact age and a specific place. Not at risk: people introduced with
an official role or title ("Inspector ...", "..., the director of ...") and people described as
suspects or offenders. Narrowing details are specific places (a street, a named employer or
school, a village, an estate, a market), family members' names, shelter addresses, personal phone
numbers, e-mail addresses, social-media handles and case-file numbers. Countries and regions are
not narrowing (lexicons/guards/general-places.yml); organisation helplines are not personal.

Without the statistical model there are no entities to find names with: only the pattern-based
details remain (phone numbers, e-mail addresses, handles, case files, shelter addresses).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import yaml
from spacy.tokens import Span

from ..analysis import AnalyzedDocument, Segment
from ..findings import Finding
from ..paths import lexicon_dir
from .base import CheckContext

NAME_WORD = r"[A-Z][a-zà-ÿ'’-]+"
NAME_SEQ = rf"{NAME_WORD}(?:\s+(?:(?:de|da|del|van|von|bin|binti|al|el|la|le|dos)\s+)?{NAME_WORD}){{1,3}}"
NUMWORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20,
}
AGE_NUM = r"(\d{1,2}|" + "|".join(NUMWORDS) + r")"
AGE = re.compile(
    rf"\b{AGE_NUM}-year-old\b|\baged\s+{AGE_NUM}\b|\bat the age of\s+{AGE_NUM}\b|"
    rf"(?<=[A-Za-z]),\s+(?:then\s+)?{AGE_NUM}(?=\s*,)|(?<=[A-Za-z])\s+\({AGE_NUM}\)|"
    rf"\b(?:was|is|then|turned)\s+{AGE_NUM}\b(?=\s+(?:when|and|years)\b|[,.;])|"
    rf"\b(?:trafficked|recruited|sold|taken|married|exploited)\s+at\s+{AGE_NUM}\b",
    re.I,
)
VICTIM = re.compile(
    r"\b(?:victims?|survivors?|traffick(?:ed|ing)|smuggled|exploited|exploitation|enslaved|rescued|recruited|abused|"
    r"forced|sold|raped|lured|groomed|coerced|held captive|locked|never paid|debt bondage|brought to|"
    r"caught stealing|in care)\b",
    re.I,
)
ROLE_WORDS = (
    "minister", "inspector", "detective", "officer", "dr", "doctor", "judge", "chief", "president", "director",
    "commissioner", "prosecutor", "ambassador", "senator", "mayor", "professor", "sergeant", "captain",
    "spokesperson", "spokeswoman", "spokesman", "chair", "chairperson", "head", "coordinator", "manager",
    "lawyer", "attorney", "caseworker", "rapporteur", "secretary", "councillor", "governor", "superintendent",
    "constable", "founder", "ceo", "researcher", "journalist", "reporter", "author", "mp", "sir", "lord",
    "reverend", "rev", "father", "sister", "imam", "pastor", "bishop", "king", "queen", "prince", "princess",
    "adviser", "advisor", "expert", "leader", "advocate", "board",
)
ROLE = re.compile(rf"\b(?:{'|'.join(ROLE_WORDS)})\b", re.I)
OFFENDER = re.compile(
    r"\b(?:convicted|sentenced|charged|arrested|accused|suspects?|defendants?|traffickers?|smugglers?|recruiters?|"
    r"pimps?|madams?|owners?|jailed|prosecuted|pleaded|guilty|fugitive|wanted)\b",
    re.I,
)
OFFENCE_VERB = re.compile(r"\b(?:was|were|is|has been|had been|have been)\s+(?:\w+\s+)?(?:convicted|sentenced|charged|arrested|accused|jailed|prosecuted|found guilty)\b|\bpleaded (?:not )?guilty\b|\bstands? trial\b|\bden(?:y|ies|ied) (?:the |all )?(?:charges?|allegations?)\b|\bappeared in court\b", re.I)
PSEUDONYM = re.compile(
    r"\breal names?\b|names? (?:has|have) been changed|names? changed|pseudonyms?|"
    r"(?:chose|agreed|asked|wanted|consented) to be named|gave (?:her|his|their) consent|with (?:her|his|their) consent",
    re.I,
)
CONSENT = re.compile(
    r"\bconsent(?:ed)?\b|\bpermission\b|\bagreed to (?:share|tell|be (?:quoted|interviewed|named))|"
    r"\bchose to (?:share|tell|speak)|\bwith (?:her|his|their) agreement\b",
    re.I,
)
KIN = (
    r"(?:mother|father|parents?|brother|sister|aunt|uncle|cousin|grandmother|grandfather|grandparents|husband|wife|"
    r"son|daughter|niece|nephew|stepfather|stepmother|mum|mom|dad)"
)
KIN_NAMED = re.compile(
    rf"\b(?P<kin>(?:(?i:her|his|their)|[A-Z][\w'’-]+['’]s|(?i:the\s+)?(?i:girl|boy|child|victim|survivor|woman|teenager|worker)['’]s)\s+(?:\w+\s+)?(?i:{KIN})),?\s+(?P<name>{NAME_SEQ})|"
    rf"\b(?P<kin2>(?:(?i:the)\s+)?(?:\w+\s+)?(?i:{KIN})\s+of\s+(?:the\s+)?(?:[a-z]+\s+)?)(?P<name2>{NAME_SEQ})"
)
PLACE_HEADS = (
    r"salon|bakery|bar|restaurant|hotel|motel|farm|factory|shop|store|caf[eé]|club|school|college|academy|university|"
    r"home|house|hostel|shelter|refuge|estate|market|mosque|church|temple|hospital|clinic|centre|center|camp|"
    r"laundry|car wash|brothel|massage parlour|nail bar|garage|plant|mill|mine|quarry|workshop|kitchen|takeaway|"
    r"boarding house|dormitory|flat|apartment|block|tower|village|quarter|compound|orphanage|children's home"
)
STREET = r"(?:Street|St|Road|Rd|Lane|Avenue|Ave|Way|Drive|Close|Court|Square|Place|Terrace|Crescent|Boulevard|Highway|Row|Hill|Gardens|Park)\b"
PLACE_CORE = re.compile(
    # an address: "22 Orchard Road", "Market Street"
    rf"(?P<address>(?:\d+[A-Za-z]?\s+)?(?:{NAME_WORD}\s+){{1,3}}{STREET})|"
    # a named place with its head noun: "the Lucky Nails salon", "St Anne's Secondary School", "the Kasoa market"
    rf"(?P<named>(?:the\s+)?(?:(?:St\.?|Saint)\s+)?(?:{NAME_WORD}\s+){{1,4}}?(?:(?!(?:on|in|at|by|near|of|the|and|to|from|with|for|into|onto|a|an|or|as|is|was|are|were)\s)[a-z'’]+\s+){{0,2}}?(?i:{PLACE_HEADS})s?\b)|"
    # "the village of San Jerónimo"
    rf"(?:village|town|hamlet|district|neighbou?rhood|suburb|settlement|island|municipality|commune|parish) of\s+(?P<village>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})"
)
# After a place core: ", Lisburn", " in Dunmore", ", Eastport"
CHAIN = re.compile(rf"(?:,?\s+(?:in|near|outside|on|at|of)\s+(?:the\s+)?|,\s+)(?P<name>(?:\d+[A-Za-z]?\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}(?:\s+{STREET})?)")
HOMETOWN = re.compile(rf"\b(?:from|in|of|near|outside)\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})\b")
NOT_PLACE_ENTS = {"PERSON", "ORG", "DATE", "TIME", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE", "MONEY", "CARDINAL", "ORDINAL"}
PREP_BEFORE = re.compile(r"(?:\b(?:behind|near|next to|opposite|beside|above|below|outside|by|at|on|in)\s+)$", re.I)
SHELTER = re.compile(
    r"\b(?:safe\s*houses?|shelters?|refuges?|children['’]s homes?|care homes?|orphanages?|halfway houses?|"
    r"women['’]s (?:shelter|refuge|house)|transit (?:centre|center)|reception (?:centre|center))\b",
    re.I,
)
SHELTER_LOC = re.compile(
    rf"\s*(?P<prep>at|on|in|behind|near|next to|opposite|beside|above|off)\s+(?P<where>(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?"
    rf"(?:(?:\d+[A-Za-z]?\s+)?{NAME_WORD}(?:\s+{NAME_WORD})*\s+{STREET}|\d+[A-Za-z]?\s+{NAME_WORD}|{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}\b)"
    rf"(?:(?:,\s+|\s+(?:in|on|near|off)\s+)(?:\d+[A-Za-z]?\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}(?:\s+{STREET})?)*)"
)
DORM = re.compile(rf"\b(?:dormitory|room|ward|block|wing|bed)\s+[A-Z0-9]{{1,3}}\s+(?:of|in|at)\s+(?:the\s+)?(?:{NAME_WORD}\s+){{1,3}}(?:[a-z'’]+\s+){{0,2}}(?:home|shelter|centre|center|house|refuge|orphanage|hostel)\b")

PHONE = re.compile(r"(?<![\w+/])(?:\+\d{1,3}[\s.-]?)?(?:\(?\d{1,5}\)?[\s.-]?){1,5}\d{2,6}(?![\w/])")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{3,30}\b")
CASE_FILE = re.compile(r"\b(?:case|file|case file|case number|case no\.?|file no\.?|file number|ref(?:erence)?(?: no\.?)?)\s*(?:number|no\.?|#)?\s*:?\s*[A-Z]{0,4}[-/]?\d[\d/-]{3,}\d\b", re.I)
ORG_CONTACT = re.compile(
    r"\b(?:helpline|hotline|help line|call us|contact us|our (?:number|office|team|helpline)|office|press|media|"
    r"switchboard|reception|police|emergency|free(?:phone)?|toll[- ]free|text|whatsapp us|enquiries|info|"
    r"organi[sz]ation|ngo|embassy|consulate|ministry|service|services|centre|center|line)\b",
    re.I,
)
PERSONAL_CONTACT = re.compile(
    r"\b(?:her|his|their|victim['’]s|survivor['’]s|girl['’]s|boy['’]s|child['’]s|mother['’]s|father['’]s|[A-Z][a-z]+['’]s)\s+"
    r"(?:own\s+|personal\s+|private\s+|mobile\s+|home\s+|cell\s+)*(?:mobile|phone|number|e-?mail|address|account|profile|handle|instagram|facebook|tiktok|whatsapp)|"
    r"\b(?:message|text|call|contact|email|e-mail|dm|reach|find)\s+(?:her|him|them)\b|"
    r"\bif you (?:know|see|recogni[sz]e) (?:her|him|them)\b",
    re.I,
)
GENERIC_MAILBOX = re.compile(r"^(?:info|contact|press|media|help|helpline|hotline|office|admin|enquiries|inquiries|hello|support|team|referrals?|news|mail|secretariat|reception|communications|comms)$", re.I)
FREE_MAIL = re.compile(r"@(?:gmail|googlemail|yahoo|hotmail|outlook|live|icloud|proton(?:mail)?|aol|mail|yandex|gmx)\.", re.I)
TESTIMONY = re.compile(
    r"\b(?:she|he|they|[A-Z][a-z]+)(?:,\s+\d{1,2},)?\s+(?:told|tells)\s+(?:us|me)\s+(?:everything|all\b|(?:her|his|their)\s+(?:whole\s+|full\s+|entire\s+)?story)|"
    r"\b(?:she|he|they)\s+(?:opened up|confided)\s+(?:to|in)\s+(?:us|me)\b|"
    r"\b(?:she|he|they)\s+(?:shared|told)\s+(?:her|his|their)\s+(?:whole\s+|full\s+)?story\s+with\s+(?:us|me)\b",
    re.I,
)
CAPTION = re.compile(rf"(?m)^\s*(?:Pictured|Photo|Picture|Image|Caption|Above|Left|Right|Below|In the photo)\s*:\s*(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})\b")
THIS_IS = re.compile(rf"\b(?:This is|Meet|Here is)\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})\s*[.,!]")
PHOTO_CONTEXT = re.compile(r"\b(?:photo|photograph|picture|image|caption|pictured|portrait|footage|video)\b", re.I)
STAGED = re.compile(r"posed by (?:a )?models?|for illustration|illustrative|stock (?:photo|image)|not (?:her|his|their) real name|names? (?:has|have) been changed", re.I)
NOT_NAMES = {
    "The", "A", "An", "This", "That", "These", "Those", "Our", "Your", "Her", "His", "Their", "We", "She", "He", "They",
    "It", "In", "On", "At", "Today", "Last", "Next", "Every", "Police", "Officers", "Mr", "Ms", "Mrs", "Miss", "Dr",
    "St", "Saint", "Call", "Meet", "If", "When", "After", "Before", "Like", "Caption", "Photo", "Image", "Headline",
    "Victim", "Survivor", "Witness", "Child", "Girl", "Boy", "Person", "Woman", "Man", "Worker", "Complainant",
}
TITLE_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Inspector|Detective|Minister|Judge|Chief|President|Director|Commissioner|Prosecutor|Ambassador|Senator|Mayor|Sergeant|Captain|Officer|Constable|Superintendent|Rev|Reverend|Sir|Dame|Lord|Lady)\.?\s+$")


@dataclass
class Detail:
    """A flagged identification detail: the finding span and what a redacted copy replaces."""

    code: str
    entry: str | None
    segment: Segment
    start: int  # character offsets in the segment Doc
    end: int
    parts: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, placeholder)
    detail: str = ""


@dataclass
class Person:
    words: tuple[str, ...]
    mentions: list[tuple[Segment, int, int]] = field(default_factory=list)
    at_risk: bool = False
    excluded: bool = False
    child: bool = False
    aged: bool = False  # an exact age is attached to a mention ("Ama, 12,")

    @property
    def full(self) -> bool:
        return len(self.words) >= 2


@lru_cache(maxsize=1)
def general_places() -> frozenset[str]:
    data = yaml.safe_load((lexicon_dir() / "guards" / "general-places.yml").read_text(encoding="utf-8"))
    return frozenset(p.lower() for p in data["places"])


def is_general_place(name: str) -> bool:
    name = name.strip().lower()
    return name in general_places() or ("the " + name) in general_places()


def find_details(adoc: AnalyzedDocument) -> list[Detail]:
    """Every identification detail in the document, in document order."""
    statistical = adoc.info.statistical
    text_all = adoc.document.text
    pseudonyms = bool(PSEUDONYM.search(text_all))
    consent = bool(CONSENT.search(text_all))
    details: list[Detail] = []
    for seg in adoc.segments:
        details.extend(_contacts(seg))
        details.extend(_shelters(seg))
    if statistical:
        people = _people(adoc)
        details.extend(_names_and_places(adoc, people, pseudonyms))
        details.extend(_family(adoc))
        details.extend(_captions(adoc))
        if not consent:
            details.extend(_testimony(adoc))
    return _dedupe(details)


def name_mentions(adoc: AnalyzedDocument, details: list[Detail]) -> list[tuple[Segment, int, int]]:
    """Every mention of a person whose name was flagged (for redaction of later first-name uses)."""
    flagged = set()
    for d in details:
        for s, e, ph in d.parts:
            if ph == "[NAME]":
                flagged.update(_words(d.segment.doc.text[s:e]))
    if not flagged:
        return []
    out = []
    for seg in adoc.segments:
        for m in re.finditer(rf"{NAME_WORD}(?:\s+{NAME_WORD})*", seg.doc.text):
            # the flagged words of this capitalised run, without a possessive 's
            hits = [w for w in re.finditer(r"[^\s]+", m.group(0)) if _words(w.group(0)) and _words(w.group(0))[0] in flagged]
            if not hits:
                continue
            start = m.start() + hits[0].start()
            last = hits[-1]
            end = m.start() + last.start() + len(_words(last.group(0))[0])
            out.append((seg, start, end))
    return out


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip("'’").removesuffix("'s").removesuffix("’s") for w in text.split() if w[:1].isupper())


# --------------------------------------------------------------------------- people


def _people(adoc: AnalyzedDocument) -> list[Person]:
    people: list[Person] = []

    def person_for(words: tuple[str, ...]) -> Person:
        for p in people:
            if set(words) <= set(p.words) or set(p.words) <= set(words):
                if len(words) > len(p.words):
                    p.words = words
                return p
        p = Person(words)
        people.append(p)
        return p

    candidates: list[tuple[Segment, Span, int, int]] = []
    for seg in adoc.segments:
        doc = seg.doc
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                s, e = _strip_name(doc.text, ent.start_char, ent.end_char)
                if s is not None:
                    candidates.append((seg, ent.sent, s, e))
        for sent in doc.sents:
            for m in re.finditer(rf"(?P<name>{NAME_WORD}(?:\s+(?:(?:de|da|del|van|von|bin|binti|al|el|la|le|dos)\s+)?{NAME_WORD}){{0,3}})(?=,\s+(?:then\s+)?\d{{1,2}}\s*,|\s+\(\d{{1,2}}\))", sent.text):
                s, e = _strip_name(doc.text, sent.start_char + m.start(), sent.start_char + m.end())
                if s is not None:
                    candidates.append((seg, sent, s, e))
            for rx in (THIS_IS,):
                for m in rx.finditer(sent.text):
                    s, e = sent.start_char + m.start("name"), sent.start_char + m.end("name")
                    candidates.append((seg, sent, s, e))
    # full names first, so single-word mentions attach to them
    candidates.sort(key=lambda c: -len(c[0].doc.text[c[2]:c[3]].split()))
    for seg, sent, s, e in candidates:
        words = _words(seg.doc.text[s:e])
        if not words:
            continue
        p = person_for(words)
        if (seg, s, e) not in p.mentions:
            p.mentions.append((seg, s, e))
    # later single-word mentions by first name ("Thu Ha", "Mina")
    for p in people:
        if not p.full:
            continue
        for seg in adoc.segments:
            for m in re.finditer(rf"{NAME_WORD}(?:\s+{NAME_WORD})*", seg.doc.text):
                words = _words(m.group(0))
                if words and set(words) <= set(p.words) and not any(s <= m.start() < e for sg, s, e in p.mentions if sg is seg):
                    p.mentions.append((seg, m.start(), m.end()))
    for p in people:
        _assess(p)
    return people


def _strip_name(text: str, s: int, e: int) -> tuple[int | None, int]:
    """Trim titles and possessives; None when the span is not a personal name."""
    span = text[s:e]
    m = re.match(r"(?:(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+)", span)
    if m:
        return None, e  # titled names are used for officials and adults speaking for themselves
    for suffix in ("'s", "’s"):
        if span.endswith(suffix):
            e -= len(suffix)
            span = span[: -len(suffix)]
    words = span.split()
    if not words or words[0] in NOT_NAMES or not words[0][:1].isupper():
        return None, e
    if re.search(r"\bthe\s+$", text[max(0, s - 5):s]):
        return None, e  # "the Alentejo region": a place, whatever the entity label says
    after = text[e:e + 30]
    if re.match(rf"\s+(?:{PLACE_HEADS}|{STREET})", after, re.I):
        return None, e  # "Kasoa market", "Greenfield children's home": part of a place
    if any(re.fullmatch(STREET, w) for w in words):
        return None, e
    return s, e


HELPER_VERBS = {
    "support", "help", "assist", "protect", "rescue", "represent", "interview", "meet", "train", "counsel", "advise",
    "care", "refer", "campaign", "lead", "run", "found", "visit", "serve", "defend", "accompany", "shelter", "house",
    "investigate", "prosecute", "research", "study", "document", "free", "identify", "hire", "employ", "coordinate",
}


def _helps_others(seg: Segment, s: int, e: int) -> bool:
    """The person is the active subject of a helping verb ("Anna Schmidt has supported victims for ten years")."""
    toks = [t for t in seg.doc if s <= t.idx < e]
    if not toks:
        return False
    head = toks[-1]
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in HELPER_VERBS


def _unquoted(text: str) -> str:
    """The sentence without quoted speech: a speaker quoting about victims is not one."""
    return re.sub(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d", " ", text)


def _sentence_at(seg: Segment, pos: int) -> Span:
    for sent in seg.doc.sents:
        if sent.start_char <= pos < sent.end_char:
            return sent
    return seg.doc[:]


def _next_sentence(seg: Segment, sent: Span) -> Span | None:
    sents = list(seg.doc.sents)
    for i, s in enumerate(sents):
        if s.start == sent.start and i + 1 < len(sents):
            return sents[i + 1]
    return None


def _age_after(text: str, end: int) -> re.Match | None:
    m = AGE.match(text, end)
    if m:
        return m
    window = text[end:end + 40]
    m2 = re.match(r"\s*(?:,\s*|\s+)(?:then\s+)?(?:was|is|aged|turned)?\s*" + AGE_NUM + r"\b(?!\s*(?:%|per|years ago|hours|days|weeks|months|times))", window, re.I)
    if m2 and not re.match(r"\s*,?\s*\d{1,2}\s*(?:-|to|and)\s*\d", window):
        return AGE.search(text, end, end + 40)
    return None


def age_number(m: re.Match) -> tuple[int, int]:
    """(start, end) of the number inside an AGE match ("aged 14" -> "14")."""
    for i in range(1, (m.re.groups or 0) + 1):
        if m.group(i) is not None:
            return m.start(i), m.end(i)
    return m.start(), m.end()


def _age_value(m: re.Match) -> int | None:
    s, e = age_number(m)
    raw = m.string[s:e]
    if not raw:
        return None
    raw = raw.lower()
    return NUMWORDS.get(raw) if raw in NUMWORDS else int(raw) if raw.isdigit() else None


def _assess(p: Person) -> None:
    for seg, s, e in p.mentions:
        text = seg.doc.text
        sent = _sentence_at(seg, s)
        before = text[max(sent.start_char, s - 40):s]
        after = text[e:min(sent.end_char, e + 60)]
        if TITLE_BEFORE.search(before) or ROLE.search(before[-20:]) and not VICTIM.search(before[-20:]):
            p.excluded = True
        if OFFENDER.search(before[-25:]) and not VICTIM.search(before[-25:]):
            p.excluded = True  # "The suspect, Mark Evans, ..."
        affiliation = re.match(r"\s+(?:of|from|at)\s+(?:the\s+)?", after)
        if affiliation and any(t.ent_type_ == "ORG" for t in seg.doc if e + affiliation.end() <= t.idx < e + affiliation.end() + 3):
            p.excluded = True  # "said Maria Lopez of La Strada International": speaking for an organisation
        if re.match(r"\s*,\s*(?:the|a|an|our)?\s*(?:\w+\s+){0,2}?(?:" + "|".join(ROLE_WORDS) + r")\b", after, re.I):
            p.excluded = True
        offence = OFFENCE_VERB.search(text, e, sent.end_char)
        if offence and not re.search(r"\b(?:victims?|survivors?)\b", text[e:offence.start()], re.I):
            p.excluded = True  # "John Smith, 45, of Park Road, was convicted of trafficking"
        if re.search(r"\b(?:said|says|told reporters|according to)\s*$", before) and ROLE.search(text[sent.start_char:sent.end_char]):
            p.excluded = True
        sent_text = _unquoted(text[sent.start_char:sent.end_char])
        described = re.match(r"\s*,\s*(?:a|an|the|another|one)?\s*(?:[\w-]+\s+){0,2}?(?:victim|survivor)s?\b", after, re.I)
        if described or (VICTIM.search(sent_text) and not _helps_others(seg, s, e)):
            p.at_risk = True
        nxt = _next_sentence(seg, sent)
        if nxt is not None and re.match(r"\s*(?:She|He|They)\b", nxt.text) and VICTIM.search(nxt.text):
            p.at_risk = True
        age = _age_after(text, e) or AGE.search(text, sent.start_char, sent.end_char)
        if age and (age.start() - e) < 40 and age.start() >= e - 1:
            value = _age_value(age)
            if value is not None:
                p.aged = True
            if value is not None and value < 18:
                p.child = True
                p.at_risk = True
            elif value is not None and (_place_cores(seg, sent) or _hometowns(seg, sent, [])):
                p.at_risk = True  # a named adult with an exact age and a place


# --------------------------------------------------------------------------- places


def _place_cores(seg: Segment, sent: Span) -> list[tuple[int, int, str]]:
    """Specific places in a sentence: (start, end, placeholder) in Doc characters, chains merged."""
    text = seg.doc.text
    out: list[tuple[int, int, str]] = []
    s0 = sent.start_char
    stext = sent.text
    for m in PLACE_CORE.finditer(stext):
        group = m.lastgroup
        s, e = s0 + m.start(group), s0 + m.end(group)
        core = text[s:e]
        if group == "named":
            head_ok = re.search(rf"(?:{PLACE_HEADS})s?$", core, re.I)
            names = [w for w in core.split() if w[:1].isupper() and w not in ("The", "the")]
            if not head_ok or not names or all(w in NOT_NAMES for w in names):
                continue
            if core.split()[0] in NOT_NAMES - {"The", "St", "Saint"}:
                continue
        if group == "village" and is_general_place(core):
            continue
        out.append((s, e, _placeholder(core)))
        # chained places: "on Market Street in Dunmore", ", Lisburn,"
        pos = e
        while True:
            c = CHAIN.match(text, pos, sent.end_char)
            if not c:
                break
            name = c.group("name")
            if is_general_place(name) or name.split()[0] in NOT_NAMES:
                break
            out.append((c.start("name"), c.end("name"), _placeholder(name)))
            pos = c.end("name")
    return _merge_parts(out)


def _hometowns(seg: Segment, sent: Span, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A town by name after from/in/of ("a mother of three from Beja"): narrowing only in combination."""
    text = seg.doc.text
    s0, stext = sent.start_char, sent.text
    out: list[tuple[int, int, str]] = []
    for m in HOMETOWN.finditer(stext):
        s, e = s0 + m.start("name"), s0 + m.end("name")
        name = text[s:e]
        if any(a <= s < b for a, b, _ in taken) or is_general_place(name) or name.split()[0] in NOT_NAMES:
            continue
        toks = [t for t in sent if s <= t.idx < e]
        if not toks or any(t.ent_type_ in NOT_PLACE_ENTS or t.pos_ != "PROPN" for t in toks):
            continue
        out.append((s, e, "[PLACE]"))
    return _merge_parts(out)


def _placeholder(place: str) -> str:
    if re.search(r"school|college|academy|university", place, re.I):
        return "[SCHOOL]"
    if re.search(r"\d", place) and re.search(STREET, place):
        return "[ADDRESS]"
    return "[PLACE]"


def _merge_parts(parts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    parts = sorted(set(parts))
    out: list[tuple[int, int, str]] = []
    for s, e, ph in parts:
        if out and s < out[-1][1]:
            ps, pe, pph = out[-1]
            out[-1] = (ps, max(pe, e), pph)
            continue
        out.append((s, e, ph))
    return out


def _phrase_span(text: str, parts: list[tuple[int, int, str]], sent: Span) -> tuple[int, int]:
    """From the first place's noun phrase (with its 'the'/'a' and a workplace noun) to the last place."""
    s, e = parts[0][0], parts[-1][1]
    lead = re.search(r"(?:\b(?:the|a|an|our|their|her|his)\s+(?:[\w'’-]+\s+){0,3}?)$", text[sent.start_char:s])
    if lead and "," not in lead.group(0):
        s = sent.start_char + lead.start()
    return s, e


def _names_and_places(adoc: AnalyzedDocument, people: list[Person], pseudonyms: bool) -> list[Detail]:
    out: list[Detail] = []
    # a lone first name without an age is too weak a signal (entity errors: "the Alentejo")
    risky = [p for p in people if p.at_risk and not p.excluded and (p.full or p.aged)]
    for p in risky:
        first_full = next(((seg, s, e) for seg, s, e in p.mentions if len(_words(seg.doc.text[s:e])) >= 2), None)
        if first_full and not (pseudonyms and not p.child):
            seg, s, e = first_full
            parts = [(s, e, "[NAME]")]
            age = re.match(r",\s+(\d{1,2})(?=\s*,)|\s+\((\d{1,2})\)", seg.doc.text[e:e + 8])
            if p.child and age:
                # "Mina Karimi, 15": the exact age is part of what identifies the child
                g = 1 if age.group(1) else 2
                parts.append((e + age.start(g), e + age.end(g), "[AGE]"))
                e = e + age.end(g) + (1 if g == 2 else 0)
            out.append(Detail("IDR001", "child" if p.child else "victim", seg, s, e, parts))
    # places and ages in sentences about an at-risk person or an unnamed child with an age
    for seg in adoc.segments:
        text = seg.doc.text
        last_person = None
        for sent in seg.doc.sents:
            about = [p for p in risky if any(sg is seg and sent.start_char <= s < sent.end_char for sg, s, e in p.mentions)]
            if about:
                last_person = about[0]
            elif last_person is not None and re.match(r"\s*(?:She|He|They)\b", sent.text):
                about = [last_person]
            child_noun = re.search(r"\b(?:girl|boy|child|teenager|pupil|minor|schoolgirl|schoolboy|daughter|son)\b", sent.text, re.I)
            ages = [m for m in AGE.finditer(sent.text)]
            child_here = child_noun and any((_age_value(m) or 99) < 18 for m in ages)
            # an unnamed victim with an exact age: "The trafficked woman, 32, from a village near Kumasi"
            victim_here = bool(ages) and bool(re.search(r"\b(?:woman|man|worker|victim|survivor|person|mother|father)\b", sent.text, re.I)) \
                and bool(VICTIM.search(sent.text)) and not OFFENCE_VERB.search(sent.text) \
                and not re.search(r"\b(?:suspect(?:ed)?|on suspicion|accused|defendant)\b", sent.text, re.I)
            if not about and not child_here and not victim_here:
                continue
            cores = _place_cores(seg, sent)
            towns = _hometowns(seg, sent, cores)
            if towns and (cores or ages):
                cores = sorted(cores + towns)
            cores = [c for c in cores if not _shelter_place(text, c, sent)]
            if not cores:
                continue
            for group in _group_cores(text, cores):
                s, e = _phrase_span(text, group, sent)
                parts = list(group)
                # an exact age right before or after the place belongs to the same combination
                for m in ages:
                    ms, me = sent.start_char + m.start(), sent.start_char + m.end()
                    if m.group(0).startswith(","):
                        ms = sent.start_char + age_number(m)[0]
                    if 0 <= s - me <= 60 or 0 <= ms - e <= 12:
                        a_s, a_e = age_number(m)
                        age_s, age_e = sent.start_char + a_s, sent.start_char + a_e
                        parts.append((age_s, age_e, "[AGE]"))
                        s, e = min(s, ms), max(e, me)
                minor = any((_age_value(m) or 99) < 18 for m in ages)
                entry = "child-details" if child_here or minor or any(p.child for p in about) else "place"
                out.append(Detail("IDR002", entry, seg, s, e, sorted(parts)))
    return out


def _group_cores(text: str, cores: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Places joined only by short connectors ('on', 'in', ', ') form one phrase."""
    groups: list[list[tuple[int, int, str]]] = []
    for c in cores:
        if groups and re.fullmatch(r"(?:,?\s+(?:in|on|near|at|of|outside)\s+(?:the\s+)?|,\s+|\s+)", text[groups[-1][-1][1]:c[0]]):
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _shelter_place(text: str, core: tuple[int, int, str], sent: Span) -> bool:
    return bool(SHELTER.search(text[max(sent.start_char, core[0] - 40):core[1]]))


# --------------------------------------------------------------------------- shelters, family, contacts


def _shelters(seg: Segment) -> list[Detail]:
    out = []
    text = seg.doc.text
    for m in DORM.finditer(text):
        out.append(Detail("IDR003", None, seg, m.start(), m.end(), [(m.start(), m.end(), "[ADDRESS]")]))
    for m in SHELTER.finditer(text):
        loc = SHELTER_LOC.match(text, m.end())
        if not loc:
            continue
        where = loc.group("where")
        if is_general_place(where) or not re.search(r"[A-Z0-9]", where):
            continue
        if re.fullmatch(rf"(?:the\s+)?{NAME_WORD}", where) and not re.search(r"\d", where):
            # "a shelter in Lisbon" names a city, not an address: too general
            if loc.group("prep").lower() in ("in",):
                continue
        if any(d.start <= loc.start("where") < d.end for d in out):
            continue
        prep = loc.group("prep").lower()
        s = loc.start("prep") if prep not in ("at", "in", "on") else loc.start("where")
        e = loc.end("where")
        while e > s and text[e - 1] in " ,.;:":
            e -= 1
        out.append(Detail("IDR003", None, seg, s, e, [(s, e, "[ADDRESS]")]))
    return out


def _family(adoc: AnalyzedDocument) -> list[Detail]:
    out = []
    for seg in adoc.segments:
        text = seg.doc.text
        for sent in seg.doc.sents:
            for m in KIN_NAMED.finditer(sent.text):
                name_g = "name" if m.group("name") else "name2"
                kin_g = "kin" if m.group("kin") else "kin2"
                ns, ne = sent.start_char + m.start(name_g), sent.start_char + m.end(name_g)
                name = text[ns:ne]
                if name.split()[0] in NOT_NAMES or is_general_place(name):
                    continue
                if re.match(rf"\s+(?:{PLACE_HEADS}|{STREET})", text[ne:ne + 25], re.I):
                    continue
                if OFFENDER.search(sent.text) and re.search(r"(?:trafficker|smuggler|recruiter|convicted|arrested|charged)", text[ne:sent.end_char], re.I):
                    continue
                if len(name.split()) < 2:
                    continue
                parts = [(ns, ne, "[NAME]")]
                if name_g == "name":
                    out.append(Detail("IDR002", "family", seg, ns, ne, parts))
                    cores = _place_cores(seg, sent)
                    places = [c for c in sorted(cores + _hometowns(seg, sent, cores)) if c[0] >= ne]
                    for c in places:
                        s = c[0]
                        pre = PREP_BEFORE.search(text[sent.start_char:s])
                        if pre and pre.group(0).strip().lower() not in ("at", "in", "on"):
                            s = sent.start_char + pre.start()
                        pre_the = re.search(r"(?:\bthe\s+)$", text[sent.start_char:s])
                        if pre_the:
                            s = sent.start_char + pre_the.start()
                        out.append(Detail("IDR002", "family", seg, s, c[1], [c]))
                else:
                    ks = sent.start_char + m.start(kin_g)
                    e = ne
                    places = [c for c in _place_cores(seg, sent) if c[0] >= ne and c[0] - e < 12]
                    for c in places:
                        parts.append(c)
                        e = c[1]
                    # "in Elmina" after the name: a hometown, unless a country
                    if not places:
                        h = re.match(rf"\s+(?:in|from)\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})", text[ne:sent.end_char])
                        if h and not is_general_place(h.group("name")):
                            parts.append((ne + h.start("name"), ne + h.end("name"), "[PLACE]"))
                            e = ne + h.end("name")
                    out.append(Detail("IDR002", "family", seg, ks, e, parts))
    return out


def _contacts(seg: Segment) -> list[Detail]:
    out = []
    text = seg.doc.text
    for sent in seg.doc.sents:
        stext = sent.text
        base = sent.start_char
        personal = PERSONAL_CONTACT.search(stext)
        organisational = ORG_CONTACT.search(stext)
        for m in CASE_FILE.finditer(stext):
            out.append(Detail("IDR004", "case-file", seg, base + m.start(), base + m.end(), [(base + m.start(), base + m.end(), "[CASE NUMBER]")], detail="a case-file number"))
        taken = [(base + m.start(), base + m.end()) for m in CASE_FILE.finditer(stext)]
        for m in EMAIL.finditer(stext):
            local = m.group(0).split("@")[0]
            generic = GENERIC_MAILBOX.match(local)
            if (personal and not generic) or (not organisational and not generic and FREE_MAIL.search(m.group(0))):
                out.append(Detail("IDR004", "email", seg, base + m.start(), base + m.end(), [(base + m.start(), base + m.end(), "[EMAIL]")], detail="an e-mail address"))
            taken.append((base + m.start(), base + m.end()))
        for m in HANDLE.finditer(stext):
            if any(s <= base + m.start() < e for s, e in taken):
                continue
            if personal and not re.search(r"\b(?:follow us|tag us|our)\b", stext, re.I):
                out.append(Detail("IDR004", "handle", seg, base + m.start(), base + m.end(), [(base + m.start(), base + m.end(), "[HANDLE]")], detail="a social-media handle"))
        for m in PHONE.finditer(stext):
            digits = re.sub(r"\D", "", m.group(0))
            if len(digits) < 7 or any(s <= base + m.start() < e for s, e in taken):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", m.group(0).strip()):
                continue
            if personal and not _org_near(stext, m.start()):
                out.append(Detail("IDR004", "phone", seg, base + m.start(), base + m.end(), [(base + m.start(), base + m.end(), "[PHONE]")], detail="a phone number"))
    return out


def _org_near(stext: str, pos: int) -> bool:
    window = stext[max(0, pos - 60):pos]
    return bool(re.search(r"\b(?:helpline|hotline|call us|contact us|our|office|press|media|police|emergency|free)\b", window, re.I))


# --------------------------------------------------------------------------- captions and testimony


def _captions(adoc: AnalyzedDocument) -> list[Detail]:
    out = []
    for seg in adoc.segments:
        text = seg.doc.text
        if STAGED.search(text):
            continue
        for m in CAPTION.finditer(text):
            sent = _sentence_at(seg, m.start("name"))
            rest = text[m.end("name"):sent.end_char]
            v = VICTIM.search(rest)
            if not v:
                continue
            end = m.end("name") + v.end()
            tail = re.match(r"[\w\s'’-]{0,30}?(?=[,.;]|$)", text[end:sent.end_char])
            if tail:
                end += len(tail.group(0).rstrip())
            s = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            out.append(Detail("IDR005", None, seg, s, end, [(m.start("name"), m.end("name"), "[NAME]")]))
        if not PHOTO_CONTEXT.search(text):
            continue
        for m in THIS_IS.finditer(text):
            sent = _sentence_at(seg, m.start())
            nxt = _next_sentence(seg, sent)
            if nxt is None or not VICTIM.search(nxt.text) or not re.match(r"\s*(?:She|He|They)\b", nxt.text):
                continue
            parts = [(m.start("name"), m.end("name"), "[NAME]")]
            age = AGE.search(nxt.text)
            if age:
                a_s, a_e = age_number(age)
                parts.append((nxt.start_char + a_s, nxt.start_char + a_e, "[AGE]"))
            end = nxt.end_char
            while end > nxt.start_char and text[end - 1].isspace():
                end -= 1
            out.append(Detail("IDR005", None, seg, m.start(), end, parts))
    return out


def _testimony(adoc: AnalyzedDocument) -> list[Detail]:
    out = []
    for seg in adoc.segments:
        for m in TESTIMONY.finditer(seg.doc.text):
            subject = m.group(0).split()[0].rstrip(",")
            if subject.lower() not in ("she", "he", "they") and (not subject[:1].isupper() or ROLE.fullmatch(subject)):
                continue  # "the minister told us everything about the law" is not testimony
            out.append(Detail("IDR006", None, seg, m.start(), m.end(), []))
    return out


def _dedupe(details: list[Detail]) -> list[Detail]:
    seen = set()
    out = []
    for d in sorted(details, key=lambda d: (d.segment.block.index, d.start, -d.end, d.code)):
        key = (d.segment.block.index, d.start, d.end, d.code)
        if key in seen:
            continue
        # a detail inside another detail of the same rule adds nothing
        if any(o.segment is d.segment and o.code == d.code and o.start <= d.start and d.end <= o.end for o in out):
            for o in out:
                if o.segment is d.segment and o.code == d.code and o.start <= d.start and d.end <= o.end:
                    o.parts = _merge_parts(o.parts + d.parts)
                    if d.entry == "family":
                        o.entry = "family"  # the more specific reason wins
            continue
        # a family member who is a victim too is flagged once, as a victim's name
        if d.code == "IDR002" and d.entry == "family" and any(o.code == "IDR001" and o.segment is d.segment and o.start == d.start for o in out):
            continue
        seen.add(key)
        out.append(d)
    return out


class IdentificationCheck:
    codes = ("IDR001", "IDR002", "IDR003", "IDR004", "IDR005", "IDR006")

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not any(ctx.enabled(c) for c in self.codes):
            return
        for d in find_details(ctx.adoc):
            if not ctx.enabled(d.code):
                continue
            rule = ctx.rules.get(d.code)
            entry = rule.entry(d.entry) if d.entry else None
            yield ctx.finding(rule, d.segment, (d.start, d.end), entry=entry, detail=d.detail,
                              severity=entry.severity if entry and entry.severity else None)


CHECKS = [IdentificationCheck()]
