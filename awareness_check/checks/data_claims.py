"""Unsourced figures (checklist 3.8, item 2): claims with numbers, shares, rankings, no source.

The unit is the sentence. A sentence is searched for *claims* (percentages, "1 in 4", "every 30
seconds", millions and thousands, counts presented as the current situation, trends, rankings,
profit figures); then for a *source* in the same sentence (a named body with a reporting verb,
"according to <named source>", "(ILO, 2022)", a footnote mark, "Source:", a link) or in a
citation sentence right after it. Only unsourced claims are reported, one finding per clause.

What keeps it quiet (precision first): case facts are not claims. A count in a past-tense
clause ("police found 14 workers", "each paid 1,500 euros") reports an event, not prevalence;
ages, dates, phone numbers and list numbers never match a claim pattern; and claims inside
quotation marks belong to the speaker.

Without the statistical model, tense comes from auxiliaries in the clause text instead of the
parse, and named sources from capitalised words instead of entities.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Iterable

from spacy.tokens import Span

from ..analysis import doc_text
from ..findings import Finding
from ..gates import DIGITS, FOLDED_LETTERS, AllGate, AnyGate, Gate, paragraph_words
from .base import CheckContext

NUMWORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|a hundred|hundred|several|a few|many|some)"
)
NUM = rf"(?:\d[\d,]*(?:\.\d+)?|{NUMWORD})"
PEOPLE = (
    r"(?:people|persons?|victims?|children|child|kids|minors?|women|woman|men|man|girls?|boys?|workers?|"
    r"migrants?|refugees?|survivors?|slaves?|adults?|teenagers?|adolescents?|youths?|young people|"
    r"individuals?|labourers?|laborers?|families|cases|those|someone|brides|wives|sex workers)"
)
# Words between a quantity and the people noun ("40 million *trafficked child* labourers").
MODIFIERS = r"(?:[\w'-]+\s+){0,3}?"

MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
VICTIM_CUE = re.compile(r"traffick|exploit|enslav|slave|smuggl|forced|victim|abus|\bsold\b|\bbought\b|servitude|bondage|missing|at risk|prostitut", re.I)
PERCENT = re.compile(rf"\b\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b|percent\b)", re.I)
RATIO = re.compile(rf"(?<![\d.]\s)(?<!\d,\s)(?<!\d)\b(?:\d{{1,3}}|{NUMWORD})\s+(?:in|out of)\s+(?:every\s+)?(?!(?:19|20)\d\d\b)(?:\d[\d,]*|{NUMWORD}|ten|hundred|thousand)\b(?!\s+(?:{MONTHS}))", re.I)
FRACTION = re.compile(
    rf"\b(?:(?:more|less|fewer) than|over|nearly|almost|about|around|roughly)?\s*"
    rf"(?:half|a third|one[- ]third|two[- ]thirds|a quarter|one[- ]quarter|three[- ]quarters|a fifth|"
    rf"the (?:vast )?majority)\s+of\s+(?:all\s+|the\s+)?{MODIFIERS}{PEOPLE}\b",
    re.I,
)
RATE = re.compile(r"\bevery\s+(?:\d+|a|one|two|three|five|ten|few)\s+(?:seconds?|minutes?|hours?)\b", re.I)
MAGNITUDE = re.compile(
    rf"\b(?:(?:up to|over|more than|about|around|nearly|almost|some|exactly|an estimated)\s+)?"
    rf"(?:{NUM}\s*(?:million|billion|trillion)s?|(?:hundreds of |tens of )?(?:millions|billions|thousands)(?:\s+(?:upon|and)\s+(?:millions|thousands))?)"
    rf"(?:\s+of)?(?:\s+{MODIFIERS}{PEOPLE})?",
    re.I,
)
# A plain count of people ("10,000 women", "312 people"): a claim only in a present-tense clause.
COUNT = re.compile(rf"\b(?:(?:up to|over|more than|about|around|nearly|almost|exactly|at least)\s+)?\d[\d,]*\s+{MODIFIERS}{PEOPLE}\b", re.I)
THERE_ARE = re.compile(rf"\bthere (?:are|is)\s+(?:an estimated\s+|about\s+|over\s+|more than\s+|some\s+)?\d[\d,.]*\b", re.I)
TREND = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:more than\s+|almost\s+|nearly\s+)?(?:doubled|tripled|trebled|quadrupled|soared|"
    r"skyrocketed|exploded|multiplied)\b"
    r"(?=\s+(?:by|since|in|over|from|to|sharply|dramatically|rapidly|significantly|steadily|tenfold|fourfold|threefold|"
    r"twofold|every|each|during|across|worldwide|globally|almost|nearly|more)\b|\s*[,.;!?]|\s*$)|"
    r"\b(?:risen|increased|grown|rose|increases?|grew|jumped|soared)\s+(?:by\s+)?\d[\d,.]*\s?(?:%|per\s?cent|percent|-?fold)",
    re.I,
)
MONEY = re.compile(
    r"(?:(?:US)?\$|€|£|\bUSD\s?|\bEUR\s?|\bGBP\s?)\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m)\b)?|"
    r"\b\d[\d,.]*\s*(?:million|billion|trillion)?\s*(?:dollars|euros|pounds)\b",
    re.I,
)
MULTI_MONEY = re.compile(r"\b(?:multi-?)?(?:billion|million|trillion)[- ]dollar\b|\bmulti-?(?:billion|million)\b", re.I)
PROFIT_CUE = re.compile(r"\b(?:industry|industries|profits?|profitable|earn|earns|earned|generates?|generated|worth|revenues?|turnover|market|business)\b", re.I)
# "by their fourteenth birthday most victims ...", "most girls are recruited before the age of 15" (DS-05)
AGE_ENTRY = re.compile(
    r"\b(?:before|by|under)\s+(?:the\s+)?age\s+(?:of\s+)?\d{1,2}\b|"
    r"\bby\s+(?:their|her|his|the)\s+(?:\d{1,2}(?:st|nd|rd|th)|\w+(?:teenth|th|st|nd|rd))\s+birthdays?\b|"
    r"\bbefore\s+(?:they|she|he)\s+(?:turn|turns|reach|reaches|are|is)\s+\d{1,2}\b|"
    r"\b(?:average|typical)\s+(?:[\w-]+\s+){0,2}?(?:victims?|girls?|boys?|child|children)\s+(?:is|are|was)\s+(?:just\s+|only\s+|about\s+)?\d{1,2}\b|"
    r"\b(?:(?:first|typically|usually)\s+)?(?:trafficked|recruited|exploited|sold|enter\w*)\s+(?:at|between)\s+(?:the\s+)?(?:ages?\s+(?:of\s+)?)?\d{1,2}(?:\s*(?:-|\u2013|to|and)\s*\d{1,2})?\b",
    re.I,
)
GENERIC_QUANTIFIER = re.compile(r"\b(?:most|the (?:vast )?majority|many|half|nearly all|almost all|typical(?:ly)?|usually|often|on average|average)\b|\d\s?%|\bper\s?cent\b", re.I)
# "every day 50 more children ...", "each week, hundreds of new victims are ..." (DS-01)
PERIOD = re.compile(r"\b(?:every|each|a|per)\s+(?:single\s+)?(?:day|night|week|month|year|hour|minute)\b|\bdaily\b|\bannually\b", re.I)
PERIOD_COUNT = re.compile(
    rf"\b(?:\d[\d,]*|hundreds|thousands|dozens|tens of thousands|millions|{NUMWORD})\s+(?:of\s+)?(?:more|new|additional|other)\s+{MODIFIERS}{PEOPLE}\b|"
    rf"\b(?:\d[\d,]*|hundreds|thousands|dozens|tens of thousands|millions)\s+(?:of\s+)?{MODIFIERS}{PEOPLE}\s+(?:are|is|go|goes|get|gets|fall|falls|become|becomes|disappear|disappears|vanish|vanishes|die|dies|end up|ends up)\b",
    re.I,
)
# detected cases read as the size of the problem: "with 96 victims identified ... one of the smallest problems" (DS-13)
DETECTED = re.compile(r"\b(?:identified|detected|recorded|reported|referred|registered|rescued|found)\b", re.I)
SMALL_PROBLEM = re.compile(
    r"\b(?:rare|uncommon|negligible|under control|almost non-?existent|virtually non-?existent|"
    r"(?:one of the\s+)?(?:small|smaller|smallest|minor|least)\s+(?:[\w-]+\s+)?(?:problems?|issues?|concerns?)|"
    r"(?:not|isn'?t|is not|hardly|barely)\s+(?:really\s+)?(?:a\s+)?(?:big\s+|major\s+|serious\s+|real\s+|significant\s+)?(?:problem|issue|concern)|"
    r"(?:hardly|barely)\s+(?:exists?|happens?)|(?:does not|doesn'?t) (?:really )?(?:exist|happen) here)\b",
    re.I,
)
# hotline data read as a trend in prevalence: "hotline figures prove that trafficking is exploding" (DS-14)
HOTLINE_PROOF = re.compile(
    r"\b(?:hotline|helpline)(?:['’]s)?\s+(?:figures|data|calls|reports|numbers|statistics|records)\s+(?:prove|proves|proved|show|shows|showed|confirm|confirms|demonstrate|demonstrates)\b"
    r"[^.;]{0,40}?\b(?:trafficking|exploitation|slavery|victims)\b[^.;]{0,30}?"
    r"\b(?:exploding|soaring|rising|growing|increasing|on the rise|an epidemic|widespread|everywhere|rampant)\b",
    re.I,
)
AVERAGE_AGE = re.compile(r"\baverage age\b[^.;]*?\b\d+", re.I)
# "Most victims ...", also after a reporting clause: "Research shows that most trafficked children ..."
MAJORITY = re.compile(r"^\s*(?:(?:[\w'’-]+\s+){1,4}?(?:shows?|suggests?|says?|finds?|found|indicates?|believe|warn|warns)\s+(?:that\s+)?)?(?:most|the (?:vast )?majority of|nearly all|almost all)\s+(?:trafficking\s+)?(?:victims|survivors|trafficked (?:people|persons|women|children))\b", re.I)

RANKING = re.compile(
    r"\b(?:one of\s+)?(?:the\s+)?(?:world'?s\s+)?fastest[- ]growing\b(?:\s+[\w-]+){0,3}|"
    r"\b(?:the\s+)?(?:second|third|fourth|2nd|3rd|4th)[- ](?:largest|biggest|most profitable)\b(?:\s+[\w-]+){0,3}|"
    r"\b(?:the\s+)?(?:largest|biggest|most profitable)\s+(?:criminal\s+|illegal\s+|illicit\s+)?(?:industry|enterprise|business|crime)\b|"
    r"\b(?:the\s+)?(?:largest|biggest)\s+(?:[\w-]+\s+)?(?:human[- ])?(?:sex[- ])?trafficking\s+(?:event|hub|destination|market)\b|"
    r"\bis\s+(?:a|the)\s+(?:major\s+|global\s+|national\s+)?(?:hub|hotspot|epicent(?:er|re)|capital)\s+(?:of|for)\s+(?:[\w-]+\s+){0,2}(?:trafficking|exploitation|slavery)\b|"
    r"\branks?\s+(?:number\s+(?:one|two|three|1|2|3)|#\s?\d|no\.?\s?\d|first|second|third|top)\b(?:\s+[\w-]+){0,3}|"
    r"\btied with (?:arms|drug) trafficking\b|"
    # "the trafficking capital of Europe", "a sex-trafficking hub": a ranking of places with no baseline (DS-07)
    r"\b(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:trafficking|slavery|smuggling)\s+(?:capital|hub|hotspot|epicent(?:er|re))\s+(?:of|in|for)\b(?:\s+[\w-]+){0,2}|"
    r"\b(?:the\s+)?highest\s+(?:rates?|numbers?|levels?)\s+of\s+(?:[\w-]+\s+){0,2}?(?:trafficking|slavery|trafficked)\b(?:\s+[\w-]+){0,3}|"
    r"\bmore\s+(?:money|profits?|revenue|cash)\s+than\s+(?:any|all|every)\s+other\s+(?:[\w-]+\s+)?(?:crimes?|criminal|illegal|illicit)\b(?:\s+[\w-]+){0,3}|"
    r"\bsecond only to\s+(?:the\s+)?(?:drug|arms)\s+(?:trade|trafficking|dealing)\b|"
    r"\bmore (?:slaves|people in slavery|victims|people trafficked|trafficking victims) (?:today |now )?than (?:at any (?:other )?time|ever)(?: before| in history)?",
    re.I,
)

VAGUE = re.compile(
    r"\b(?:(?:many|some|recent|new)\s+)?(?:studies|research|reports|experts|statistics|surveys|estimates|figures|data|"
    r"sources|analysts|advocates|campaigners|activists|observers|officials)\s+"
    r"(?:show|shows|suggest|suggests|say|says|estimate|estimates|indicate|indicates|reveal|reveals|warn|warns|"
    r"believe|claim|claims|agree|put|puts|found|have found|have shown)\b|"
    r"\baccording to (?:some |many |recent |several |the |various )?(?:reports|estimates|experts|studies|research|"
    r"statistics|surveys|figures|sources|some|many|activists|advocates|observers|campaigners)\b|"
    r"\bit is (?:estimated|believed|thought|said|reported|known)\b|"
    r"\bit has been (?:estimated|reported|said)\b",
    re.I,
)
VAGUE_WHO = re.compile(r"studies|research|reports|experts|statistics|surveys|estimates|figures|data|sources|analysts|advocates|campaigners|activists|observers|officials", re.I)

ACCORDING = re.compile(r"\baccording to\s+(?P<src>[^,;.]{2,120})", re.I)
REPORT_NOUN = r"(?:report|reports|release|survey|study|statistics|data|estimates?|records|figures|census|review|audit|analysis|index|bulletin|database|register)"
CITATION = re.compile(r"\((?=[^()]*[A-Z])[^()]{2,120}?,?\s*(?:19|20)\d\d[a-z]?\)|\((?:19|20)\d\d\)")
FOOTNOTE = re.compile(r"\[\d{1,3}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+|\^\d{1,3}")
URL = re.compile(r"https?://|www\.\w|\b[\w-]+\.(?:org|int|gov|edu)(?:/\S*)?\b", re.I)
SOURCE_LABEL = re.compile(r"^\s*(?:sources?|data|figures)\s*:", re.I | re.M)
REPORTING_VERB = re.compile(
    r"\b(?:estimate[sd]?|estimating|found|finds|report(?:s|ed)?|put|puts|recorded|records|counted|counts|show(?:s|ed|n)?|"
    r"says|said|indicates?|indicated|published|calculated|documented|registered|identified|detected)\b",
    re.I,
)
AGENCIES = re.compile(
    r"\b(?:UNODC|ILO|IOM|UNICEF|UNHCR|UNFPA|UNDP|OHCHR|OSCE|GRETA|Eurostat|Europol|Interpol|INTERPOL|WHO|OECD|"
    r"Walk Free|Polaris|World Bank|Council of Europe|European Commission|State Department|Home Office|"
    r"national rapporteur|national referral mechanism|Global Report|Global Estimates|Global Slavery Index|TIP Report)\b",
)
# A public body and the publication the figure is in: "the customs authority said in its annual report".
INSTITUTION_REPORT = re.compile(
    r"\b(?:the|its|their)\s+(?:[\w-]+\s+){0,3}(?:authority|authorities|ministry|police|office|agency|court|bureau|department|"
    r"commission|inspectorate|service|council|coastguard|customs|regulator|ombudsman)\b[^.;]{0,80}?"
    rf"\b(?:in|from)\s+(?:its|their|the)\s+(?:[\w-]+\s+){{0,3}}{REPORT_NOUN}\b",
    re.I,
)
TITLED_SOURCE = re.compile(r"\b(?:[A-Z][\w'’-]+\s+){1,6}?(?:Report|Survey|Estimates|Statistics|Index|Review|Bulletin|Census|Study)\b")
CITATION_NEXT = re.compile(
    r"^\s*(?:sources?\s*:|(?:this|these|the|that|those)\s+(?:figures?|estimates?|numbers?|data|statistics?|shares?)\s+"
    r"(?:comes?|came|is|are|was|were)\s+(?:taken\s+)?(?:from|based on))",
    re.I,
)
QUOTED = re.compile(r"\"[^\"\n]{3,400}\"|(?<!\w)'[^'\n]{3,300}'(?!\w)")
PAST_AUX = re.compile(r"\b(?:was|were|had|did)\b", re.I)
PRESENT_AUX = re.compile(r"\b(?:are|is|am|'re|remain|remains|live|lives|exist|exists|work|works|has|have|do|does|will|can)\b", re.I)
CLAUSE_BREAK = re.compile(r"[;:]\s|,\s+(?=(?:and|but|so|while|whereas|which|proof that|meaning)\b)|\s[-\u2013\u2014]\s|,\s(?=[A-Z])")
ESTIMATE = re.compile(r"\b(?:an estimated|estimated at|is estimated|are estimated|estimates? (?:of|that|put))\b", re.I)
GENERIC_TIME = re.compile(r"\b(?:every|each|a|per)\s+(?:year|day|week|month|hour|minute)\b|\bannually\b|\bworldwide\b|\bglobally\b|\bin the world\b|\btoday\b|\bright now\b|\bat any (?:given )?time\b", re.I)


@dataclass
class Claim:
    start: int  # character offsets in the segment Doc
    end: int
    code: str
    entry: str
    detail: str = ""
    value: str = ""  # the figure itself, quoted in the message (the span is its whole clause)


_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
                 "sixty seventy eighty ninety hundred several few many some").split()

# Every claim comes from a match of one of CLAIM_PATTERNS (find_claims returns nothing otherwise).
# Per pattern, what every match holds besides a digit: PERCENT, COUNT, THERE_ARE, MONEY and
# AVERAGE_AGE a digit; RATIO and PERIOD_COUNT a digit or a number word; MAGNITUDE a digit, a number
# word (it may be glued to 'million': 'twomillion') or millions/billions/thousands; FRACTION
# half (also glued: 'overhalf'), third, quarter, fifth or majority; RANKING one of its own words
# ('than' for 'more money than any other', 'more victims than ever'); RATE 'every';
# HOTLINE_PROOF hotline/helpline; AGE_ENTRY a digit or 'birthday'; TREND a digit or its verb;
# MAJORITY victims/survivors/trafficked; MULTI_MONEY 'dollar' or 'multi'.
_CLAIM_WORDS = Gate.of(
    words=["fastest", "largest", "biggest", "profitable", "hotspot", "tied", "highest", "second", "than",
           "every", "hotline", "helpline", "millions", "billions", "thousands", "dozens", "tens",
           "doubled", "tripled", "trebled", "quadrupled", "soared", "skyrocketed", "exploded", "multiplied",
           "victims", "survivors", "trafficked", "dollar", "majority", "fifth"],
    prefixes=["hub", "epicent", "capital", "rank", "half", "third", "quarter", "birthday", "multi",
              "overhalf", "nearlyhalf", "almosthalf", "abouthalf", "aroundhalf", "roughlyhalf", "thanhalf",
              *_NUMBER_WORDS],
)
CLAIM_GATE = AnyGate((DIGITS, _CLAIM_WORDS, FOLDED_LETTERS))

# The figures checked are figures about the subject: trafficking, smuggling, exploitation, the
# people at risk, migration and labour, crime and the response to it. A paragraph with none of
# these words, and under no heading with one (a fact sheet's "Human trafficking: the facts" /
# "54% are women."), is not checked: a budget, prices or turnout in a newsletter or a press
# review. The advice to name "the form of exploitation it refers to" would be wrong there, and a
# reviewer would learn to ignore the finding. (Every unsourced figure in the dev and held-out
# annotations sits in a paragraph with one of these words.)
SUBJECT = Gate.of(
    words=["sold", "bought", "missing", "border", "borders", "hotline", "helpline", "vulnerable", "target", "targets",
           "targeted", "debt", "debts", "crime", "crimes", "criminal", "criminals", "organ", "organs", "undocumented",
           "stateless", "kids", "youth"],
    prefixes=["traffick", "smuggl", "exploit", "enslav", "slave", "servitude", "bondage", "forced", "victim",
              "survivor", "abus", "prostitut", "brothel", "pimp", "sex", "migra", "immigra", "emigra", "refugee", "asylum",
              "deport", "displac", "recruit", "labour", "labor", "worker", "servant", "sweatshop", "passport", "child",
              "girl", "boy", "minor", "teen", "kidnap", "abduct", "rape", "violen", "coerc", "decept", "deceiv", "groom",
              "disappear", "rescu", "escap", "gang", "prosecut", "convict", "offend", "perpetrat"],
)


class SubjectGate:
    """Opens on a paragraph about the subject (SUBJECT), or one under a heading about it."""

    def opens(self, segment) -> bool:
        if SUBJECT.opens_words(segment.words):
            return True
        heading = segment.block.heading
        return bool(heading) and SUBJECT.opens_text(heading)

    def opens_text(self, text: str) -> bool:
        return True  # a sentence alone cannot tell what it sits under: never closed on one

    def opens_words(self, words: frozenset[str]) -> bool:
        return True


SUBJECT_GATE = SubjectGate()


class DataClaimCheck:
    codes = ("DAT001", "DAT002", "DAT003")
    # Sources are read from the sentence's own entities, the next sentence only as text, and a
    # previous sentence ending in ':' ("Figures from Anti-Slavery International show:") for its
    # entities too (``also_reads``).
    context_sentences = 0
    gate = AllGate((CLAIM_GATE, SUBJECT_GATE))

    def wants(self, sent) -> bool:
        """True only where the decision reads the parse (a clause's tense, the counted people's role)
        or entities (a named source): the sentence's own logic is run on the unanalysed tokens and
        every such read is counted. A percentage in a sentence with no reporting verb is flagged
        or not whatever the parse says, so it needs none; that decision is kept on the Doc, and
        ``run`` reuses it when the paragraph stays unanalysed."""
        view = _paragraph_view(sent.doc)
        if view.sourced:
            return False
        i = view.index(sent)
        before = _PARSE_READS.count
        claims = _sentence_claims(view.sents, view.texts, i, True)
        if _PARSE_READS.count != before:
            return True
        view.decided[i] = claims
        return False

    def also_reads(self, sents, i: int) -> tuple[int, ...]:
        """The sentence before, when it introduces this one with a colon (its source is read there)."""
        if i > 0:
            prev = sents[i - 1]
            if doc_text(prev.doc)[prev.start_char:prev.end_char].rstrip().endswith(":"):
                return (i - 1,)
        return ()

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not any(ctx.enabled(c) for c in self.codes):
            return
        rules = ctx.rules
        statistical = ctx.info.statistical
        for seg in ctx.segments:
            if not seg.opened(SUBJECT_GATE):
                continue  # a figure about something else (the gate says so already where gates are used)
            view = _paragraph_view(seg.doc, seg.text, seg.sents)
            seg.doc.user_data.pop(_VIEW_KEY, None)  # read once more below, then not needed
            if view.sourced:
                continue
            for i in range(len(view.sents)):
                claims = view.decided.get(i) if statistical else None
                if claims is None:
                    claims = _sentence_claims(view.sents, view.texts, i, statistical)
                for claim in claims:
                    if not ctx.enabled(claim.code):
                        continue
                    rule = rules.get(claim.code)
                    entry = rule.entry(claim.entry) if claim.entry else None
                    yield ctx.finding(rule, seg, (claim.start, claim.end), entry=entry, detail=claim.detail,
                                      value=claim.value, severity=entry.severity if entry and entry.severity else None)


def _sentence_claims(sents: tuple[Span, ...], texts, i: int, statistical: bool) -> list[Claim]:
    """The unsourced claims of sentence ``i`` of a paragraph (``texts``: the sentences' texts)."""
    if not has_claim_pattern(texts[i]):
        return []  # find_claims would return nothing
    claims = find_claims(sents[i], statistical, texts[i])
    if not claims or sentence_sourced(sents[i], statistical, texts[i]):
        return []
    if i + 1 < len(sents) and CITATION_NEXT.search(texts[i + 1]):
        return []
    if i > 0 and texts[i - 1].rstrip().endswith(":") and sentence_sourced(sents[i - 1], statistical, texts[i - 1]):
        return []
    return claims


class _ReadCounter(threading.local):
    """How many times a decision read the parse or entities (``wants`` compares before/after);
    per thread, so two scans in two threads do not see each other's reads."""

    count = 0


_PARSE_READS = _ReadCounter()


CLAIM_PATTERNS = (RANKING, PERCENT, RATIO, FRACTION, RATE, AVERAGE_AGE, HOTLINE_PROOF, AGE_ENTRY, PERIOD_COUNT, TREND, MAJORITY, MONEY, MULTI_MONEY,
                  MAGNITUDE, COUNT, THERE_ARE)


def has_claim_pattern(text: str) -> bool:
    """True when some claim pattern matches: without one, :func:`find_claims` returns nothing.
    Every match holds one of the gate's words (CLAIM_GATE), so a text without one is not searched;
    each pattern is searched only where what every one of its matches holds is in the text
    (PATTERN_NEEDS: most sentences with a number hold no claim, and 16 searches cost ~70 us)."""
    if not CLAIM_GATE.opens_text(text):
        return False
    if FOLDED_LETTERS.opens_text(text):  # 'ſ' matches s under re.I but is not 's' in text.lower()
        return any(rx.search(text) for rx in CLAIM_PATTERNS)
    low, words, digit = text.lower(), paragraph_words(text), bool(DIGITS.opens_text(text))
    return any(needs(low, words, digit) and rx.search(text) for rx, needs in PATTERN_NEEDS)


def _any_in(*needles: str):
    return lambda low, words, digit: any(n in low for n in needles)


# PEOPLE's nouns as words (each match of PEOPLE is a whole word: whitespace or \b on both sides)
_PEOPLE_WORDS = Gate.of(
    words=["men", "man", "those", "someone", "cases", "families", "wives", "brides", "kids", "children"],
    prefixes=["people", "person", "victim", "child", "minor", "women", "woman", "girl", "boy", "worker", "migrant",
              "refugee", "survivor", "slave", "adult", "teenager", "adolescent", "youth", "individual", "labourer",
              "laborer"],
)

# What every match of each claim pattern holds (lower-cased text, its words, a digit): the pattern's
# literal words, a digit where every alternative has one. Tested in tests/test_data_claims.py.
PATTERN_NEEDS = (
    (PERCENT, lambda low, words, digit: digit and ("%" in low or "per" in low)),
    (MAGNITUDE, _any_in("illion", "thousands")),
    (COUNT, lambda low, words, digit: digit and _PEOPLE_WORDS.opens_words(words)),
    (RANKING, lambda low, words, digit: not words.isdisjoint(_RANKING_WORDS) or "epicent" in low),
    (RATIO, lambda low, words, digit: "in" in words or "out" in words),
    (FRACTION, _any_in("half", "third", "quarter", "fifth", "majority")),
    (RATE, lambda low, words, digit: "every" in words),
    (AVERAGE_AGE, lambda low, words, digit: digit and "average" in words),
    (HOTLINE_PROOF, _any_in("hotline", "helpline")),
    (AGE_ENTRY, lambda low, words, digit: digit or "birthday" in low),
    (PERIOD_COUNT, lambda low, words, digit: _PEOPLE_WORDS.opens_words(words)),
    (TREND, lambda low, words, digit: digit or not words.isdisjoint(_TREND_VERBS)),
    (MAJORITY, lambda low, words, digit: not words.isdisjoint(("victims", "survivors", "trafficked"))),
    (MONEY, lambda low, words, digit: digit and any(n in low for n in ("$", "\u20ac", "\u00a3", "usd", "eur", "gbp", "dollars", "pounds"))),
    (MULTI_MONEY, _any_in("dollar", "multi")),
    (THERE_ARE, lambda low, words, digit: digit and "there" in words),
)
_RANKING_WORDS = frozenset(("fastest", "largest", "biggest", "profitable", "hub", "hotspot", "capital", "rank", "ranks",
                            "tied", "highest", "than", "second"))
_TREND_VERBS = frozenset(("doubled", "tripled", "trebled", "quadrupled", "soared", "skyrocketed", "exploded", "multiplied"))


class _SentenceTexts:
    """The sentences' texts, sliced from the paragraph when asked (not kept: a million words of
    sentence copies cost ~15 MB)."""

    __slots__ = ("para", "sents")

    def __init__(self, para: str, sents: tuple[Span, ...]):
        self.para, self.sents = para, sents

    def __getitem__(self, i: int) -> str:
        sent = self.sents[i]
        return self.para[sent.start_char:sent.end_char]

    def __len__(self) -> int:
        return len(self.sents)


@dataclass
class _ParagraphView:
    """A paragraph's sentences and their texts; ``decided``: the claims of sentences whose decision
    read no parse or entities (the same on this Doc whatever the analysis)."""

    sents: tuple[Span, ...]
    texts: _SentenceTexts
    sourced: bool  # the paragraph has a "Source:" label
    decided: dict[int, list[Claim]] = field(default_factory=dict)
    _index: dict[int, int] | None = None

    def index(self, sent: Span) -> int:
        """The position of ``sent`` among the paragraph's sentences."""
        if self._index is None:
            self._index = {s.start: k for k, s in enumerate(self.sents)}
        return self._index[sent.start]


_VIEW_KEY = "awareness_check.data_claims"


def _paragraph_view(doc, text: str | None = None, sents: tuple[Span, ...] | None = None) -> _ParagraphView:
    """The view of ``doc``, kept in its ``user_data`` so the selector's sentence-by-sentence
    ``wants`` and the check's ``run`` on the same Doc share it (``run`` drops it when done)."""
    view = doc.user_data.get(_VIEW_KEY)
    if view is None:
        para = doc_text(doc) if text is None else text
        sents = tuple(doc.sents) if sents is None else sents
        view = _ParagraphView(sents, _SentenceTexts(para, sents), bool(SOURCE_LABEL.search(para)))
        doc.user_data[_VIEW_KEY] = view
    return view


def find_claims(sent: Span, statistical: bool = True, text: str | None = None) -> list[Claim]:
    """Unsourced-figure candidates in one sentence, one per clause, in document order.
    ``text``: the sentence's text when the caller has it (``sent.text`` rebuilds it from tokens)."""
    if text is None:
        text = sent.text
    base = sent.start_char
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    clauses = _clauses(text)
    raw: list[tuple[int, int, str, str]] = []  # (start, end, code, entry) relative to the sentence

    def add(m, code, entry):
        if any(qs <= m.start() and m.end() <= qe for qs, qe in quoted):
            return
        raw.append((m.start(), m.end(), code, entry))

    for m in RANKING.finditer(text):
        add(m, "DAT002", "")
    for m in PERCENT.finditer(text):
        add(m, "DAT001", "share")
    for m in RATIO.finditer(text):
        add(m, "DAT001", "share")
    for m in FRACTION.finditer(text):
        add(m, "DAT001", "share")
    for m in RATE.finditer(text):
        add(m, "DAT001", "rate")
    for m in AVERAGE_AGE.finditer(text):
        add(m, "DAT001", "average-age")
    for m in HOTLINE_PROOF.finditer(text):
        add(m, "DAT001", "detection-as-prevalence")
    if SMALL_PROBLEM.search(text):
        for m in COUNT.finditer(text):
            if DETECTED.search(text[m.end():m.end() + 40]) or DETECTED.search(text[max(0, m.start() - 30):m.start()]):
                add(m, "DAT001", "detection-as-prevalence")
    for m in TREND.finditer(text):
        add(m, "DAT001", "trend")
    m = MAJORITY.search(text)
    if m and _present_clause(sent, m.start(), m.end(), statistical):
        add(m, "DAT001", "majority-claim")
    for m in MONEY.finditer(text):
        clause = _clause_of(clauses, m.start())
        big = re.search(r"million|billion|trillion|\bbn\b", m.group(0), re.I)
        clause_text = text[clause[0]:clause[1]]
        if big or PROFIT_CUE.search(clause_text):
            generic = PROFIT_CUE.search(clause_text) or GENERIC_TIME.search(clause_text) or ESTIMATE.search(clause_text)
            if generic or not _past_clause(sent, m.start(), m.end(), statistical):
                add(m, "DAT001", "profit-figure")
    for m in MULTI_MONEY.finditer(text):
        add(m, "DAT001", "profit-figure")
    for m in MAGNITUDE.finditer(text):
        if re.search(r"million|billion|trillion", m.group(0), re.I) and MONEY.search(text[max(0, m.start() - 3):m.end() + 9]):
            continue  # "$150 billion" is a money figure, handled above
        clause_text = text[slice(*_clause_of(clauses, m.start()))]
        millions = re.search(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|several|a few))[\d,.]*\s*(?:million|billion)", m.group(0), re.I)
        if not millions and not (GENERIC_TIME.search(clause_text) or ESTIMATE.search(clause_text)) \
                and _past_clause(sent, m.start(), m.end(), statistical):
            continue  # "police seized thousands of files" reports an event; no event counts millions of people
        add(m, "DAT001", "prevalence-figure")
    for rx in (COUNT, THERE_ARE):
        for m in rx.finditer(text):
            # the text test first: the parse is read only where the clause is about victims
            if not VICTIM_CUE.search(text[slice(*_clause_of(clauses, m.start()))]):
                continue  # "200 workers are employed on the farm" describes one place, not prevalence
            if not _present_clause(sent, m.start(), m.end(), statistical):
                continue
            if rx is COUNT and not _subject_count(sent, m, statistical):
                continue
            entry = "detection-as-prevalence" if rx is COUNT and _detection_context(text) else "prevalence-figure"
            add(m, "DAT001", entry)

    # paraphrased claims the patterns above miss: only where no other claim stands for the clause
    claimed = {_clause_of(clauses, r[0]) for r in raw}

    def add_new(m, code, entry):
        if _clause_of(clauses, m.start()) not in claimed:
            add(m, code, entry)

    for m in AGE_ENTRY.finditer(text):
        clause = text[slice(*_clause_of(clauses, m.start()))]
        if GENERIC_QUANTIFIER.search(clause) and re.search(PEOPLE, clause, re.I) and VICTIM_CUE.search(clause):
            add_new(m, "DAT001", "average-age")  # a case fact ("she was recruited at 14") has no quantifier
    for m in PERIOD_COUNT.finditer(text):
        clause = text[slice(*_clause_of(clauses, m.start()))]
        if PERIOD.search(clause) and VICTIM_CUE.search(clause):  # "each year 300 more people are employed" is not a claim
            add_new(m, "DAT001", "rate")
    if not raw:
        return []
    vague = VAGUE.search(text)
    # One claim per clause: the first pattern found in a clause stands for the clause.
    by_clause: dict[tuple[int, int, str], tuple[int, int, str, str]] = {}
    for s, e, code, entry in sorted(raw):
        c = _clause_of(clauses, s)
        key = (c[0], c[1], "DAT002" if code == "DAT002" else "DAT001")
        if key not in by_clause or _priority(entry) > _priority(by_clause[key][3]):
            by_clause[key] = (s, e, code, entry)
    claims = []
    for (cs, ce, _), (s, e, code, entry) in sorted(by_clause.items()):
        start, end = _trim(text, cs, ce)
        detail = ""
        value = _core(text[s:e])
        if vague and code == "DAT001" and vague.start() < ce and (vague.end() <= cs + 2 or cs <= vague.start()):
            code, entry = "DAT003", ""
            start = min(start, vague.start())
            who = VAGUE_WHO.search(vague.group(0))
            detail = who.group(0).lower() if who else "sources"
            value = vague.group(0)
        claims.append(Claim(base + start, base + end, code, entry, detail, value))
    return _merge_same_rule(claims)


_TRAILING = re.compile(r"(?:\s+(?:in|on|at|of|the|a|an|after|for|to|and|by))+$", re.I)


def _core(value: str) -> str:
    return _TRAILING.sub("", value.strip())


def _priority(entry: str) -> int:
    order = ["majority-claim", "prevalence-figure", "rate", "share", "trend", "average-age", "profit-figure", "detection-as-prevalence"]
    return order.index(entry) if entry in order else 0


def _merge_same_rule(claims: list[Claim]) -> list[Claim]:
    """A vague attribution followed by several clauses is one finding, not one per clause."""
    out: list[Claim] = []
    for c in claims:
        if out and c.code == "DAT003" and out[-1].code == "DAT003":
            out[-1].end = max(out[-1].end, c.end)
            continue
        out.append(c)
    return out


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0]
    for m in CLAUSE_BREAK.finditer(text):
        cuts.append(m.end())
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in clauses:
        if a <= pos < b:
            return a, b
    return clauses[-1] if clauses else (0, pos)


_LEAD = re.compile(r"^(?:and|but|so|while|whereas|which|meaning|means|proof that|that|only)\s+", re.I)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause without its joining word and trailing punctuation."""
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    start += lead
    m = _LEAD.match(text[start:end])
    while m:
        start += m.end()
        m = _LEAD.match(text[start:end])
    stripped = text[start:end].rstrip(" \t\r\n,;:.!?\"')\u2013\u2014-")
    return start, start + len(stripped)


def _tokens_in(sent: Span, start: int, end: int):
    base = sent.start_char
    return [t for t in sent if base + start <= t.idx < base + end]


def _governing_verb(sent: Span, start: int, end: int):
    _PARSE_READS.count += 1
    toks = _tokens_in(sent, start, end)
    if not toks:
        return None
    tok = toks[-1]
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX") and anc.i >= sent.start and anc.i < sent.end:
            return anc
    return None


def _tense(verb) -> str | None:
    """'past' or 'present' for a verb and its auxiliaries, None when unknown."""
    tags = [c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb.tag_]
    for tag in tags:
        if tag in ("VBD",):
            return "past"
        if tag in ("VBP", "VBZ", "MD"):
            return "present"
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return "past"  # reduced relative ("workers identified last year")
    return None


def _clause_text(sent: Span, start: int, end: int) -> str:
    text = sent.text
    clause = _clause_of(_clauses(text), start)
    return text[clause[0]:clause[1]]


def _past_clause(sent: Span, start: int, end: int, statistical: bool) -> bool:
    if statistical:
        verb = _governing_verb(sent, start, end)
        if verb is not None:
            return _tense(verb) == "past"
    clause = _clause_text(sent, start, end)
    return bool(PAST_AUX.search(clause) or re.search(r"\b\w{3,}ed\b", clause)) and not PRESENT_AUX.search(clause)


def _present_clause(sent: Span, start: int, end: int, statistical: bool) -> bool:
    if statistical:
        verb = _governing_verb(sent, start, end)
        if verb is not None:
            return _tense(verb) == "present"
    clause = _clause_text(sent, start, end)
    return bool(PRESENT_AUX.search(clause)) and not PAST_AUX.search(clause)


def _subject_count(sent: Span, m, statistical: bool) -> bool:
    """The counted people are what the clause is about (subject), not an object of an event."""
    if not statistical:
        return True
    _PARSE_READS.count += 1
    toks = _tokens_in(sent, m.start(), m.end())
    nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN", "PRON")]
    if not nouns:
        return False
    head = nouns[-1]
    return head.dep_ in ("nsubj", "nsubjpass", "attr", "appos") or (head.dep_ == "ROOT")


def _detection_context(text: str) -> bool:
    return bool(re.search(r"\b(?:hotline|helpline|calls|referrals|identified|detected|reports|recorded)\b", text, re.I))


def sentence_sourced(sent: Span, statistical: bool = True, text: str | None = None) -> bool:
    """True when the sentence names where its figures come from."""
    if text is None:
        text = sent.text
    if CITATION.search(text) or FOOTNOTE.search(text) or URL.search(text) or SOURCE_LABEL.search(text):
        return True
    m = ACCORDING.search(text)
    if m and not VAGUE.search(text[m.start():m.end() + 1]):
        src = m.group("src")
        if _named(src, sent, m.start("src"), statistical) or re.search(rf"\b(?:our|the|its|their|this)\b[^,;]*\b{REPORT_NOUN}\b|\b(?:19|20)\d\d\b", src, re.I):
            return True
    if REPORTING_VERB.search(text):
        if AGENCIES.search(text) or INSTITUTION_REPORT.search(text):
            return True
        if statistical and _read_parse() and any(e.label_ in ("ORG",) and not VAGUE_WHO.fullmatch(e.text) for e in sent.ents):
            if not VAGUE.search(text):
                return True
        if TITLED_SOURCE.search(text) and re.search(r"\b(?:19|20)\d\d\b", text):
            return True
    return False


def _read_parse() -> bool:
    _PARSE_READS.count += 1
    return True


def _named(src: str, sent: Span, offset: int, statistical: bool) -> bool:
    if AGENCIES.search(src):
        return True
    words = src.split()
    if any(w[:1].isupper() and w.lower() not in {"the", "a", "an"} for w in words):
        return True
    return False


CHECKS = [DataClaimCheck()]
