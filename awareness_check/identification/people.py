"""Who is at risk: people named in the document, their mentions linked by name words, and their assessment.

A person is at risk when described as a victim or survivor, a child, or a named adult with an
exact age and a place; people with an official role or title and offenders are excluded."""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from spacy.tokens import Span

from ..analysis import AnalyzedDocument, Segment
from ..gates import DIGITS
from .patterns import AGE, NAME_WORD, NOT_NAMES, ORG_WORDS, OFFENCE_VERB, OFFENDER, PLACE_HEADS, ROLE, ROLE_WORDS, STREET, THIS_IS, TITLE_BEFORE, VICTIM, _age_after, _age_value, _next_sentence, _sentence_at, _unquoted, _words
from .places import _hometowns, _place_cores


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


def _people(adoc: AnalyzedDocument) -> list[Person]:
    people: list[Person] = []
    by_word: dict[str, list[int]] = {}  # name word -> indexes of the people whose name holds it

    def person_for(words: tuple[str, ...]) -> Person:
        """The first person (in order of creation) whose name words contain these or are contained
        in them; a match shares a word, so only people indexed under one of them are compared."""
        mine = set(words)
        for i in sorted({i for w in mine for i in by_word.get(w, ())}):
            p = people[i]
            if mine <= set(p.words) or set(p.words) <= mine:
                if len(words) > len(p.words):
                    p.words = words
                    for w in mine:
                        if i not in by_word.setdefault(w, []):
                            by_word[w].append(i)
                return p
        p = Person(words)
        people.append(p)
        for w in mine:
            by_word.setdefault(w, []).append(len(people) - 1)
        return p

    candidates: list[tuple[Segment, Span, int, int]] = []
    for seg in adoc.segments:
        doc = seg.doc
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                s, e = _strip_name(seg.text, ent.start_char, _extend_name(ent))
                if s is not None:
                    candidates.append((seg, ent.sent, s, e))
        # what each pattern below needs, read once per paragraph: proper-noun tags (an unanalysed
        # paragraph has none), 'who', a digit, "This is"/"Meet"/"Here is"
        text = seg.text
        tagged = doc.has_annotation("POS")
        who = "who" in text
        digits = DIGITS.opens_text(text)
        this_is = "This is" in text or "Meet" in text or "Here is" in text
        if not (tagged or who or digits or this_is):
            continue
        for sent in seg.sents:
            stext = seg.text[sent.start_char:sent.end_char]  # == sent.text, without rebuilding it from tokens
            if tagged:
                for s2, e2 in _unlabelled_names(sent):
                    candidates.append((seg, sent, s2, e2))
            for m in (_WHO.finditer(stext) if who else ()):
                if AGE.search(m.group("rel")):  # "Grace, who turned 13 on 4 June, ...": the model may miss the name
                    s2, e2 = _strip_name(seg.text, sent.start_char + m.start("name"), sent.start_char + m.end("name"))
                    if s2 is not None:
                        candidates.append((seg, sent, s2, e2))
            for m in (NOUN_NAMED.finditer(stext) if tagged else ()):  # every name word must be tagged PROPN
                s, e = sent.start_char + m.start("name"), sent.start_char + m.end("name")
                toks = [t for t in sent if s <= t.idx < e]
                if toks and all(t.pos_ == "PROPN" and t.ent_type_ not in ("ORG", "NORP") and not ROLE.fullmatch(t.text)
                                and not TITLE_BEFORE.search(t.text + " ") for t in toks):
                    s2, e2 = _strip_name(seg.text, s, e)
                    if s2 is not None:
                        candidates.append((seg, sent, s2, e2))
            for m in (_AGED_NAME.finditer(stext) if digits else ()):
                s, e = _strip_name(seg.text, sent.start_char + m.start(), sent.start_char + m.end())
                if s is not None:
                    candidates.append((seg, sent, s, e))
            if this_is:
                for m in THIS_IS.finditer(stext):
                    s, e = _strip_name(seg.text, sent.start_char + m.start("name"), sent.start_char + m.end("name"))
                    if s is not None:  # "Meet Dr Ama Owusu": a title marks a professional, not a victim
                        candidates.append((seg, sent, s, e))
    # full names first, so single-word mentions attach to them
    candidates.sort(key=lambda c: -len(c[0].text[c[2]:c[3]].split()))
    for seg, sent, s, e in candidates:
        words = _words(seg.text[s:e])
        if not words:
            continue
        p = person_for(words)
        if (seg, s, e) not in p.mentions:
            p.mentions.append((seg, s, e))
    # later single-word mentions by first name ("Thu Ha", "Mina"): every capitalised run is read
    # once and indexed by its words, so each full name is compared only with runs sharing a word
    # (a run whose words are all in the name shares one); linear in the document, not people x text.
    runs: list[tuple[Segment, int, int, frozenset]] = []
    runs_by_word: dict[str, list[int]] = {}
    if any(p.full for p in people):
        name_run = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD})*")
        for seg in adoc.segments:
            for m in name_run.finditer(seg.text):
                words = frozenset(_words(m.group(0)))
                if words:
                    for w in words:
                        runs_by_word.setdefault(w, []).append(len(runs))
                    runs.append((seg, m.start(), m.end(), words))
    for p in people:
        if not p.full:
            continue
        name = set(p.words)
        for k in sorted({k for w in name for k in runs_by_word.get(w, ())}):
            seg, start, end, words = runs[k]
            if words <= name and not any(s <= start < e for sg, s, e in p.mentions if sg is seg):
                p.mentions.append((seg, start, end))
    for p in people:
        _assess(p)
    return people


# "Grace, who turned 13 on 4 June, ...": a name the model may miss before a relative clause with an age
_WHO = re.compile(rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}),\s+who\b(?P<rel>[^,.;]{{0,60}})")
# "Mina Karimi, 15, ..." / "Mina Karimi (15)": a name with an exact age
_AGED_NAME = re.compile(rf"(?P<name>{NAME_WORD}(?:\s+(?:(?:de|da|del|van|von|bin|binti|al|el|la|le|dos)\s+)?{NAME_WORD}){{0,3}})(?=,\s+(?:then\s+)?\d{{1,2}}\s*,|\s+\(\d{{1,2}}\))")
# "survivor Ana Lucía Torres Mejía": a name the entity model misses after a victim noun
NOUN_NAMED = re.compile(rf"\b(?i:survivors?|victims?)\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})")


def _unlabelled_names(sent: Span) -> list[tuple[int, int]]:
    """Three or four capitalised proper nouns with no entity label, as a clause subject: a name the model missed.

    Long names (given names plus two surnames) are the ones the small model most often leaves
    unlabelled; organisation words and sentence-initial function words rule out the rest.
    """
    out = []
    toks = list(sent)
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and toks[j].is_title and toks[j].is_alpha and toks[j].pos_ == "PROPN" and not toks[j].ent_type_ \
                and toks[j].text not in NOT_NAMES and toks[j].text not in ORG_WORDS and (j == i or toks[j - 1].whitespace_):
            j += 1
        if 3 <= j - i <= 4 and toks[j - 1].dep_ in ("nsubj", "nsubjpass"):
            out.append((toks[i].idx, toks[j - 1].idx + len(toks[j - 1].text)))
        i = max(j, i + 1)
    return out


def _extend_name(ent: Span) -> int:
    """End of a PERSON entity with the surname words the model split off ("Maria Fernanda" + "Gómez Ruiz").

    Two- and three-part surnames are common (Hispanic double surnames, Vietnamese names); a
    mention cut short escapes the role and offender tests that read the words after it.
    """
    doc = ent.doc
    end = ent.end
    while end < ent.sent.end and doc[end - 1].whitespace_ and doc[end].is_title and doc[end].is_alpha \
            and doc[end].text not in NOT_NAMES and doc[end].pos_ == "PROPN" and doc[end].ent_type_ in ("", "PERSON"):
        end += 1
    return doc[end - 1].idx + len(doc[end - 1].text)


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


def _assess(p: Person) -> None:
    for seg, s, e in p.mentions:
        text = seg.text
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
