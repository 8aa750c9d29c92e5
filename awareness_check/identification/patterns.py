"""Shared patterns and text helpers of the identification-risk check (names, ages, roles, places).

Every regex lives here so that the finders (people, places, family, contacts, media) read the
same definitions of a name, an age, a victim cue and a role."""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from functools import lru_cache
from spacy.tokens import Span

from ..analysis import Segment
from ..paths import lexicon_dir
from ..yamlio import load_yaml


NAME_WORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+"  # accented capitals too: "Ángel", "Óscar", "Émilie"
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
    rf"\b(?:trafficked|recruited|sold|taken|married|exploited)\s+at\s+{AGE_NUM}\b|"
    # birthdays: "who turned 13 on 4 June", "his 14th birthday"
    rf"\b(?:turns|turned|turning)\s+{AGE_NUM}\b(?!\s*(?:%|per|times|years ago))|"
    rf"\b(?:her|his|their)\s+(\d{{1,2}})(?:st|nd|rd|th)\s+birthday\b",
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
# What every match of each holds, lower-cased: a draft without any is not searched (a 600 kB text costs ~40 ms a pattern)
PSEUDONYM_NEEDS = ("name", "pseudonym", "consent")
CONSENT = re.compile(
    r"\bconsent(?:ed)?\b|\bpermission\b|\bagreed to (?:share|tell|be (?:quoted|interviewed|named))|"
    r"\bchose to (?:share|tell|speak)|\bwith (?:her|his|their) agreement\b",
    re.I,
)
CONSENT_NEEDS = ("consent", "permission", "agree", "chose")


def mentions(pattern: re.Pattern, needs: tuple[str, ...], text: str, folded: str) -> bool:
    """``pattern`` matches ``text`` (``folded``: :func:`gates.folded_lower` of it, the same length),
    searched only around the literals every match holds: from the line before one to the end of
    its line (a match of these patterns holds no line break), not the whole draft (~70 ms a
    pattern per million characters where 'name' is everywhere)."""
    if len(folded) != len(text):  # not offset for offset: search the whole draft
        return any(n in folded for n in needs) and pattern.search(text) is not None
    spans: list[tuple[int, int]] = []
    for need in needs:
        at = folded.find(need)
        while at >= 0:
            start = text.rfind("\n", 0, max(0, at - 1)) + 1 if at else 0
            end = text.find("\n", at)
            spans.append((start, len(text) if end < 0 else end))
            at = folded.find(need, at + 1)
    if not spans:
        return False
    spans.sort()
    merged = [spans[0]]
    for s, e in spans[1:]:
        if s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return any(pattern.search(text, s, e) is not None for s, e in merged)


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
    r"boarding house|dormitory|flat|apartment|block|tower|village|quarter|compound|orphanage|children's home|"
    # where a child can be found week after week: a team, a club's ground, a mall, a café
    r"team|squad|choir|troupe|gym|mall|shopping cent(?:re|er)|supermarket|cinema|stadium|arcade|youth centre|youth center|"
    r"station|bus park|motor park|lorry park|terminal"
)
STREET = r"(?:Street|St|Road|Rd|Lane|Avenue|Ave|Way|Drive|Close|Court|Square|Place|Terrace|Crescent|Boulevard|Highway|Row|Hill|Gardens|Park)\b"
# Words of organisation, law and event names, not of people's or places' names.
ORG_WORDS = frozenset(
    "International Fund Foundation Association Council Ministry Office Agency Network Trust Centre Center Project "
    "Alliance Coalition Committee Commission Group Union Bank University School College Church Hospital Police "
    "Service Services Department Unit Court Society Institute Organisation Organization Partnership Programme "
    "Program Initiative Campaign Company Ltd Inc Street Road Avenue "
    # titles of laws, documents and events, and the subject's own words in organisation names
    "Act Law Bill Protocol Convention Directive Regulation Report Strategy Plan Day Week Month Award Prize "
    "Slavery Trafficking Human Rights Freedom Justice Hope Modern Free Against National Global World "
    "European United Nations Stop End Safe Women Children".split()
)

# Street types and venue kinds written before the name, and the particles inside such names.
STREET_FIRST = r"Rue|Calle|Carrer|Avenida|Av\.|Rua|Via|Viale|Piazza|Plaza|Pra[cç]a|Strada|Ulica|Ulitsa|Jalan|Jl\.|Boulevard|Avenue|Chemin|Place"
VENUE_FIRST = r"Caf[eé]|Hotel|H[oô]tel|Bar|Club|Restaurant|Salon|Motel|Hostel|Hostal|Pension|Pensi[oó]n|Bistro|Brasserie|Trattoria|Pizzeria|Taverna|Cantina|Discoteca"
NAME_PARTICLES = r"de|del|de la|da|do|dos|das|des|du|la|le|les|el|los|las|di|della|dei"
PLACE_CORE = re.compile(
    # an address: "22 Orchard Road", "Market Street"
    rf"(?P<address>(?:\d+[A-Za-z]?\s+)?(?:{NAME_WORD}\s+){{1,3}}{STREET})|"
    # a named place with its head noun: "the Lucky Nails salon", "St Anne's Secondary School", "the Kasoa market"
    rf"(?P<named>(?:the\s+)?(?:(?:St\.?|Saint)\s+)?(?:{NAME_WORD}\s+){{1,4}}?(?:(?!(?:on|in|at|by|near|of|the|and|to|from|with|for|into|onto|a|an|or|as|is|was|are|were)\s)[a-z][\w'’-]*\s+){{0,2}}?(?i:{PLACE_HEADS})s?\b)|"
    # the street type first, as in most languages: "Rue Dauphine", "Calle de la Paz", "Jalan Ampang"
    rf"(?P<street>(?:\d+[A-Za-z]?,?\s+)?(?:{STREET_FIRST})\s+(?:(?:{NAME_PARTICLES})\s+){{0,2}}{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})|"
    # a venue named after its kind: "the Café Lumière", "Hotel Paradiso", "Bar Roma"
    rf"(?P<venue>(?:{VENUE_FIRST})\s+(?:(?:{NAME_PARTICLES})\s+){{0,2}}{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})|"
    # "the village of San Jerónimo"
    rf"(?:village|town|hamlet|district|neighbou?rhood|suburb|settlement|island|municipality|commune|parish) of\s+(?P<village>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})|"
    # a named team or club: "plays netball for the Hillside Hawks"
    rf"\b(?:plays?|played|playing|trains?|trained|training|sings?|sang|singing)\s+(?:[a-z]+\s+){{0,2}}?(?:for|with|in)\s+(?P<team>(?:the\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})"
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
    rf"\s*(?P<prep>at|on|in|behind|near|next to|opposite|beside|above|off|across (?:the (?:road|street) )?from|(?:a)?round the corner from)\s+(?P<where>(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?"
    rf"(?:(?:\d+[A-Za-z]?\s+)?{NAME_WORD}(?:\s+{NAME_WORD})*\s+{STREET}|\d+[A-Za-z]?\s+{NAME_WORD}|{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}\b)"
    rf"(?:\s+(?i:{PLACE_HEADS})s?\b)?"
    rf"(?:(?:,\s+|\s+(?:in|on|near|off)\s+)(?:\d+[A-Za-z]?\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}(?:\s+{STREET})?)*)"
)
# A shelter's location after a verb: "the refuge is at 22 Orchard Close" (as specific as a landmark must be).
SHELTER_IS = re.compile(r"\s*(?:,\s*)?(?:(?:which|that)\s+)?(?:(?:is\s+|are\s+|was\s+|were\s+)?(?:located|situated|based|housed)|is|are|was|were)(?=\s)", re.I)
# A shelter described by a landmark later in its clause: "The safe house is the blue building next
# to St Mary's school", "Our refuge, the yellow house behind the Methodist church in Tamale, ..."
SHELTER_DESCRIBED = re.compile(
    r"\s*(?:,\s*)?(?:(?:which|that)\s+)?(?:is|are|was|were|sits|lies|stands|(?:is\s+)?(?:located|situated|housed)|(?:the|a|an)\b)[^.;!?\n]{0,50}?"
    r"(?=\b(?:next to|behind|opposite|beside|across (?:the (?:road|street) )?from|(?:a)round the corner from|near|off)\s)",
    re.I,
)
DORM = re.compile(rf"\b(?:dormitory|room|ward|block|wing|bed)\s+[A-Z0-9]{{1,3}}\s+(?:of|in|at)\s+(?:the\s+)?(?:{NAME_WORD}\s+){{1,3}}(?:[a-z'’]+\s+){{0,2}}(?:home|shelter|centre|center|house|refuge|orphanage|hostel)\b")

PHONE = re.compile(r"(?<![\w+/])(?:\+\d{1,3}[\s.-]?)?(?:\(?\d{1,5}\)?[\s.-]?){1,5}\d{2,6}(?![\w/])")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{3,30}\b")
# "case no. 2024/1183", "Case ref. AB-2024-1183", "(reference TIP/22/0457)", "file #CR-88412"
CASE_FILE = re.compile(
    r"\b(?:case|file|ref(?:erence)?\.?)(?:\s+(?:file|ref(?:erence)?\.?|number|no\.?|#))*\s*[:#]?\s*"
    r"(?:(?-i:[A-Z]{1,5})[-/ ]?)?\d[\d/-]{3,}\d\b",
    re.I,
)
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
# First-person testimony: a quote in which the speaker describes what was done to them
FIRST_PERSON_HARM = re.compile(
    r"\b(?:I|we)\s+(?:was|were|had been|got|have been)\s+(?:\w+\s+){0,2}?(?:trafficked|sold|forced|locked|beaten|raped|abused|"
    r"exploited|kept|held|taken(?! aback)|lured|tricked|recruited|threatened|smuggled|trapped|married|groomed|drugged)\b|"
    r"\b(?:locked|sold|beat|hit|forced|kept|raped|threatened|tricked|lured|trafficked|smuggled|drugged|groomed)\s+(?:me|us)\b|"
    r"\b(?:took|kept|stole|confiscated|held|burned)\s+(?:my|our)\s+(?:passports?|papers|documents|ID|phones?|wages|money)\b|"
    r"\b(?:I|we)\s+(?:worked|slept)\b[^\"\u201d]{0,40}\b(?:without pay|for nothing|unpaid|no pay|on the floor)\b"
)
QUOTE = re.compile(r"[\"\u201c](?P<q>[^\"\u201c\u201d\n]{10,400})[\"\u201d]")
SPEAKER_NOUN = r"(?:survivor|victim|girl|boy|woman|man|teenager|worker|mother|father|migrant|child)"
QUOTE_ATTRIBUTION = re.compile(
    rf"\s*,?\s*(?:(?:she|he|they|[A-Z][a-z]+|(?:one|a|another|the|this|our)\s+(?:[\w-]+\s+)?{SPEAKER_NOUN})\s+"
    rf"(?:told (?:us|me)|tells (?:us|me)|says|said|recalls|recalled|remembers|remembered|explains|explained|adds|added|whispers|whispered)|"
    rf"(?:says|said|recalls|recalled|remembers|explains|explained|adds|added)\s+(?:(?:one|a|another|the|this|our)\s+(?:[\w-]+\s+)?{SPEAKER_NOUN}|(?-i:{NAME_WORD})))\b",
    re.I,
)
CAPTION = re.compile(rf"(?m)^\s*(?:Pictured|Photo|Picture|Image|Caption|Above|Left|Right|Below|In the photo)\s*:\s*(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})\b")
THIS_IS = re.compile(
    rf"\b(?:This is|Meet|Here is)\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})"
    rf"(?:\s*\((?i:pictured|photo|photographed|above|left|right|below|centre|center|in the photo)[^()]{{0,20}}\))?\s*[.,!:]"
)
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


@lru_cache(maxsize=1)
def general_places() -> frozenset[str]:
    data = load_yaml((lexicon_dir() / "guards" / "general-places.yml").read_text(encoding="utf-8"))
    return frozenset(p.lower() for p in data["places"])


def is_general_place(name: str) -> bool:
    name = name.strip().lower()
    return name in general_places() or ("the " + name) in general_places()


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip("'’").removesuffix("'s").removesuffix("’s") for w in text.split() if w[:1].isupper())


def _unquoted(text: str) -> str:
    """The sentence without quoted speech: a speaker quoting about victims is not one."""
    return re.sub(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d", " ", text)


def _sentence_at(seg: Segment, pos: int) -> Span:
    for sent in seg.sents:
        if sent.start_char <= pos < sent.end_char:
            return sent
    return seg.doc[:]


def _next_sentence(seg: Segment, sent: Span) -> Span | None:
    sents = seg.sents
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
