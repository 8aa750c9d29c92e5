"""Wording that a word list alone gets wrong: judgmental, sensationalist and stigmatizing context.

The plain phrases of these families are `term` rules (checks/lexical.py). This module produces
the `custom` rules, whose words are still listed in the YAML but whose flagging depends on
context:

- a metaphor counts only when applied to people, read from the parse ("a flood of migrants",
  not "the flood destroyed the village"; "these cockroaches keep coming", not "rats in the
  warehouse");
- rescue and abduction wording counts only for people and for generic stories (not "search and
  rescue", not a dated, specific abduction);
- emotive words are measured: one in a long text is a suggestion, a cluster in a paragraph or a
  dense page is a warning (the density goes into the JSON stats);
- consent wording counts as blame, and for children as a legal error (CP-07).

Everything degrades without the statistical model: parse-based checks fall back to narrower
surface patterns, never crash.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.attrs import IS_ALPHA
from spacy.matcher import PhraseMatcher

from ..findings import Finding, Severity
from ..gates import AllGate, AnyGate, Gate, paragraph_words, pieces, sentence_test
from ..lexicon import RuleSet
from ..people import DEMONYMS, MIGRATION_CONTEXT, MOVING_PEOPLE, PERSON_NOUNS, is_person
from ..roles import subjects_of
from .base import CheckContext
from .lexical import surface_forms
from ..triggers import Triggers, inflections


# --- shared helpers -----------------------------------------------------------------------------

def rule_words(rules: RuleSet, code: str, entry_id: str | None = None) -> set[str]:
    """Lower-case words and phrases listed for a custom rule (plurals included)."""
    if code not in rules:
        return set()
    out: set[str] = set()
    for e in rules.get(code).entries:
        if entry_id is None or e.id == entry_id:
            out.update(f.lower() for f in surface_forms(e))
    return out


_MATCHERS: dict[tuple, PhraseMatcher] = {}


def phrase_matcher(ctx: CheckContext, code: str) -> PhraseMatcher:
    """A case-insensitive matcher over a custom rule's listed words, keyed by entry id."""
    key = (id(ctx.adoc.nlp.vocab), id(ctx.rules), code)
    if key not in _MATCHERS:
        nlp = ctx.adoc.nlp
        m = PhraseMatcher(nlp.vocab, attr="LOWER")
        if code in ctx.rules:
            for e in ctx.rules.get(code).entries:
                forms = surface_forms(e)
                if forms:
                    m.add(e.id, [nlp.make_doc(f) for f in forms])
        _MATCHERS[key] = m
    return _MATCHERS[key]


def sentences(ctx: CheckContext, segments=None):
    """(paragraph, sentence) over ``segments``, by default the paragraphs the check's gate opened."""
    for seg in ctx.segments if segments is None else segments:
        for sent in seg.sents:
            yield seg, sent


def lemma(token) -> str:
    return (token.lemma_ or token.text).lower()


def near_words(span, words: Iterable[str]) -> bool:
    """Any of ``words`` in ``span``: a single word as a lower-case form or lemma, a phrase as
    lower-case forms in a row."""
    lows: list[str] = []
    lemmas: set[str] = set()
    for t in span:  # one walk over the tokens (each Token access builds a Python object)
        low = t.lower_
        lows.append(low)
        lemmas.add((t.lemma_ or t.text).lower())
    lemmas.update(lows)
    text = None
    for w in words:
        if " " in w:
            if text is None:
                text = " " + " ".join(lows) + " "
            if f" {w} " in text:
                return True
        elif w in lemmas:
            return True
    return False


def regex_spans(sent, pattern: re.Pattern, text: str | None = None) -> Iterator[tuple[int, int, re.Match]]:
    """Regex over a sentence; yields Doc character offsets. ``text``: the sentence's text when the
    caller has it (``sent_text``), since ``sent.text`` rebuilds it from every token."""
    base = sent.start_char
    for m in pattern.finditer(sent.text if text is None else text):
        yield base + m.start(), base + m.end(), m


def gated_sentences(ctx: CheckContext, gate, segments=None, ask: bool = True):
    """(paragraph, sentence, its text) for the sentences of ``segments`` (by default the check's
    paragraphs) that ``gate`` may open (asked per sentence: no pattern of the check can match
    elsewhere); every sentence when the scan is ungated (the reference) or ``ask`` is False (a
    gate that does not cover the scan's rules)."""
    for seg in ctx.segments if segments is None else segments:
        test = sentence_test(gate, seg.words) if ctx.gated and ask else None
        for sent in seg.sents:
            text = sent_text(seg, sent)
            if test is None or test(text):
                yield seg, sent, text


def sent_text(seg, sent) -> str:
    """The sentence's text, sliced from the paragraph string (``sent.text`` joins every token)."""
    return seg.text[sent.start_char:sent.end_char]


def person_or_group(token) -> bool:
    return is_person(token) or token.lower_ in MOVING_PEOPLE or lemma(token) in MOVING_PEOPLE


# --- paragraph gates (gates.py) -----------------------------------------------------------------
# Each check's gate is derived from what its code requires: the words its regexes cannot match
# without, the token forms and lemmas its parse rules start from, and the words its ``wants``
# triggers on. A paragraph the gate keeps closed can hold no finding of the check.

def lemma_gate(forms: Iterable[str]) -> Gate:
    """Tokens whose lower-case form or lemma is one of ``forms``: every inflection of a one-word
    form (triggers.inflections). A form of several parts ('asylum-seeker', 'flood of') by its
    first part's stem, which inflection leaves alone; a token can never equal a phrase, so this
    is generous, never short."""
    words: set[str] = set()
    prefixes: list[str] = []
    for form in forms:
        parts = pieces(form)
        if parts == [form.lower()]:
            words |= inflections(form)
        elif parts:
            prefixes.append(parts[0])
    return Gate.of(words=words, prefixes=prefixes)


# Parts of listed phrases that most paragraphs of an anti-trafficking text hold anyway.
_COMMON_PARTS = frozenset({"a", "an", "the", "of", "on", "from", "her", "his", "their", "living", "family", "families",
                           "trade", "earth", "house", "stories", "story", "migrant", "migrants", "migration",
                           "migrations", "immigration", "immigrations"})


def rare_part(phrase: str) -> str:
    """The part a phrase is gated by. A phrase match (PhraseMatcher on LOWER) needs every one of
    its parts, so any will do: the longest that is not a common word."""
    parts = pieces(phrase)
    if not parts:
        return phrase
    return max((p for p in parts if p not in _COMMON_PARTS), key=len, default=max(parts, key=len))


class RuleGate:
    """A gate on a custom rule's listed words, built on first use from the installed lexicon
    (``lemmas``: in any inflection, for checks that read lemmas), or'ed with ``extra``.

    The gate cannot see the rules a scan runs with, so a check asks ``segments(ctx)``: the
    paragraphs the gate opened when it was built from every word ``ctx.rules`` lists, else all
    of them (a custom lexicon with more words is read everywhere, as without gates)."""

    def __init__(self, code: str, *, lemmas: bool = False, entry_id: str | None = None, extra=None):
        self.code, self.lemmas, self.entry_id, self.extra = code, lemmas, entry_id, extra
        self._gate: Gate | None = None
        self._source: frozenset[str] = frozenset()
        self._covers: dict[int, tuple[RuleSet, bool]] = {}

    def _built(self) -> Gate:
        if self._gate is None:
            from ..lexicon import load_rules

            source = frozenset(rule_words(load_rules(), self.code, self.entry_id))
            gate = lemma_gate(source) if self.lemmas else Gate.of(words=[rare_part(f) for f in source])
            self._source, self._gate = source, gate
        return self._gate

    def opens(self, segment) -> bool:
        return self.opens_words(segment.words)

    def opens_words(self, words: frozenset[str]) -> bool:
        return self._built().opens_words(words) or (self.extra is not None and self.extra.opens_words(words))

    def as_word_gate(self):
        """The same gate as word gates (gates.gate_test answers it from the paragraph's opened set)."""
        return self._built() if self.extra is None else AnyGate((self._built(), self.extra))

    def opens_text(self, text: str) -> bool:
        return self.opens_words(paragraph_words(text))

    def covers(self, rules: RuleSet) -> bool:
        hit = self._covers.get(id(rules))
        if hit is None or hit[0] is not rules:
            self._built()
            hit = (rules, rule_words(rules, self.code, self.entry_id) <= self._source)
            self._covers[id(rules)] = hit
        return hit[1]

    def segments(self, ctx: CheckContext):
        return ctx.segments if self.covers(ctx.rules) else ctx.document_segments



# --- judgmental ---------------------------------------------------------------------------------

_CHILD_AGE = re.compile(r"\b(\d{1,2})[- ](?:year|yr)s?[- ]old\b|\baged (\d{1,2})\b|, (\d{1,2}),", re.I)
_CHILD_WORDS = re.compile(r"\b(child|children|girl|boy|teenager|teen|minor|schoolgirl|schoolboy|adolescent|underage)s?\b", re.I)
_TARGET = r"(go|travel|leave|follow|come with|move|accompany|join|meet|marry|migrate|run away|work|sell|have sex|take the job)"
_CONSENT_ANY = re.compile(
    rf"\b(?:chose|choose|chooses|choosing|decided|decides|agreed|agrees|consented|consents)\s+to\s+{_TARGET}\b(?:\s+(?:with|abroad)\b)?"
    r"|\b(?:went|goes|go|going|travelled|traveled|left)\s+(?:\w+\s+)?willingly\b(?:\s+with\s+(?:her|his|their)\s+\w+)?"
    r"|\bwillingly\s+(?:went|goes|travelled|traveled|followed|agreed|left)\b", re.I)
_CONSENT_ADULT = re.compile(
    r"\b(?:chose|choose|chooses|choosing|decided)\s+to\s+(?:go|travel|follow|come with|accompany|migrate)\b(?:\s+(?:with|abroad)\b)?"
    r"|\bagreed\s+to\s+go\b(?:\s+(?:with|abroad)\b)?|\bchose\s+(?:this|that|the)\s+life\b"
    r"|\b(?:went|goes|go|going|travelled|traveled|left)\s+(?:\w+\s+)?(?:willingly|voluntarily)\b(?:\s+with\s+(?:her|his|their)\s+\w+)?"
    r"|\b(?:willingly|voluntarily)\s+(?:went|goes|travelled|traveled|followed|left)\b", re.I)


_OWN_CHOICE = (r"|\b(?:it\s+was|was)\s+(?:her|his|their|your)\s+(?:own\s+)?(?:choice|decision)\s+to\s+"
               r"(?:go|travel|leave|work|follow|come|migrate|move|stay|marry)\b")
_FREE_WILL = (r"|\b(?:went|go|goes|going|travelled|traveled|left|came|come|moved|migrated|agreed|followed|stayed|returned|chose|did)\b"
              r"[^.;:]{0,40}?\bof\s+(?:her|his|their|your|my)\s+own\s+(?:free\s+)?(?:will|accord|volition)\b")
_CONSENT_ADULT = re.compile(_CONSENT_ADULT.pattern + _FREE_WILL + _OWN_CHOICE, re.I)
_CONSENT_ANY = re.compile(
    _CONSENT_ANY.pattern + _OWN_CHOICE
    + r"|\b(?:consented|agreed|said\s+yes)\s+to\s+(?:the|this|her|his|a|an)\s+(?:marriage|wedding|relationship|job|trip|move|arrangement|work|sex)\b", re.I)
# A child "chose to stay with her boyfriend", "was happy to go with the recruiter".
_CHILD_CHOICE = re.compile(
    r"\b(?:chose|choose|chooses|choosing|decided|decides|opted|opts|preferred|prefers|wanted|wants|insisted\s+on|(?:was|were|is|are|seemed)\s+(?:happy|keen|eager|willing|glad))\s+"
    r"(?:to\s+)?(?:stay|staying|remain|remaining|live|living|go|going|leave|leaving|run\s+away|running\s+away)\s+(?:away\s+)?with\s+"
    r"(?:her|his|their|the|an?|this|that)?\s*(?:older\s+|new\s+)?(?:boyfriend|girlfriend|partner|man|men|trafficker|traffickers|recruiter|recruiters|exploiter|abuser|family|gang|pimp|him|them|agent|stranger|people)\b"
    + _FREE_WILL, re.I)


def child_in(text: str) -> bool:
    for m in _CHILD_AGE.finditer(text):
        age = next(int(g) for g in m.groups() if g)
        if age < 18:
            return True
    return bool(_CHILD_WORDS.search(text))


# Every finding is a match of _CONSENT_ANY, _CONSENT_ADULT or _CHILD_CHOICE; one word each
# alternative cannot match without (the verb of "chose to go", "willingly", "choice"/"decision"
# with "was", "yes" of "said yes to", "own" with will/accord/volition; the child-choice verbs,
# which need "with").
_CONSENT_GATE = AnyGate((
    Gate.of(words=["chose", "choose", "chooses", "choosing", "decided", "decides", "agreed", "agrees", "consented",
                   "consents", "willingly", "voluntarily", "yes"]),
    AllGate((Gate.of(words=["choice", "decision"]), Gate.of(words=["was"]))),
    AllGate((Gate.of(words=["own"]), Gate.of(words=["will", "accord", "volition"]))),
    AllGate((Gate.of(words=["opted", "opts", "preferred", "prefers", "wanted", "wants", "insisted", "happy", "keen",
                             "eager", "willing", "glad"]), Gate.of(words=["with"]))),
))


class ConsentCheck:
    """JDG005 (choice framed as blame, JV-04) and JDG006 (consent attributed to a child, CP-07)."""

    codes = ("JDG005", "JDG006")
    gate = _CONSENT_GATE

    def wants(self, sent) -> bool:
        return False  # surface patterns only

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for seg, sent, text in gated_sentences(ctx, _CONSENT_GATE):
            child = child_in(text)
            if child and ctx.enabled("JDG006"):
                found = [(s, e) for pattern in (_CONSENT_ANY, _CHILD_CHOICE) for s, e, _m in regex_spans(sent, pattern, text)]
                for s, e in _outer(found):
                    yield ctx.finding("JDG006", seg, (s, e), suggestions=("was recruited",))
            elif ctx.enabled("JDG005"):
                for s, e, _m in regex_spans(sent, _CONSENT_ADULT, text):
                    yield ctx.finding("JDG005", seg, (s, e), suggestions=("was recruited with a false job offer",))


_DAMAGE = frozenset({"damaged", "broken", "ruined", "soiled", "destroyed", "worthless", "tainted", "spoiled", "spoilt"})
_NOT_INDIVIDUALS = {"it", "family", "families", "home", "group", "groups", "community", "communities", "population",
                    "gang", "gangs", "crowd", "crowds", "boat"}
_USED_GOODS = re.compile(r"\bused goods\b|\bdamaged goods\b", re.I)


class DamagedPersonCheck:
    """JDG010: damage words said of people, read from the parse (not 'a broken promise')."""

    codes = ("JDG010",)
    gate = Gate.of(words=_DAMAGE | {"goods"})  # a damage word (the parse rule, wants) or _USED_GOODS

    def wants(self, sent) -> bool:
        return any(t.lower_ in _DAMAGE for t in sent)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("JDG010"):
            return
        for seg in ctx.segments:
            goods = "goods" in seg.words
            damage = ctx.info.statistical and not _DAMAGE.isdisjoint(seg.words)
            for sent in seg.sents:
                if goods:
                    for s, e, _m in regex_spans(sent, _USED_GOODS, sent_text(seg, sent)):
                        yield ctx.finding("JDG010", seg, (s, e))
                if damage:
                    yield from self._damaged(ctx, seg, sent)

    @staticmethod
    def _damaged(ctx: CheckContext, seg, sent) -> Iterable[Finding]:
        for tok in sent:
            if tok.lower_ not in _DAMAGE:
                continue
            if any(c.dep_ in ("dobj", "obj") for c in tok.children):
                continue  # "traffickers ruined her life": a verb with an object
            if any(c.dep_ == "neg" for c in (*tok.children, *tok.head.children)):
                continue  # "survivors are not broken" says the opposite
            if tok.dep_ == "amod":
                targets = [tok.head]
            elif tok.dep_ in ("acomp", "oprd", "advcl", "xcomp", "conj", "ccomp") or tok.tag_ == "VBN":
                targets = subjects_of(tok) if tok.dep_ != "acomp" else subjects_of(tok.head)
                if tok.dep_ == "conj":
                    targets = subjects_of(tok.head) if tok.head.pos_ in ("VERB", "AUX") else [tok.head]
            else:
                continue
            if any(is_person(t) and t.lower_ not in _NOT_INDIVIDUALS for t in targets):
                yield ctx.finding("JDG010", seg, (tok.idx, tok.idx + len(tok.text)))


# --- sensationalist -----------------------------------------------------------------------------

_MARITIME = {"sea", "seas", "boat", "boats", "vessel", "vessels", "ship", "ships", "coastguard", "coast", "lifeboat",
             "drown", "drowning", "drowned", "capsize", "capsized", "distress", "shipwreck", "fire", "fires", "flood",
             "floods", "earthquake", "rubble", "burning", "blaze", "firefighters", "collapsed", "collapse", "lifeguards", "avalanche", "mine", "cave", "dinghy", "raft", "overboard", "ashore"}
# people set free, with a number or a determiner before them: "set 40 workers free", "set free more than 200 people"
_FREED = (r"(?:\d[\d,]*\s+|dozens\s+of\s+|hundreds\s+of\s+|thousands\s+of\s+|the\s+|these\s+|those\s+|our\s+|more\s+than\s+\d[\d,]*\s+)?(?:\w+\s+)?"
          r"(?:girls?|boys?|women|woman|men|man|children|child|victims?|workers?|people|persons|teenagers?|slaves?|kids?|survivors?|labourers|laborers|migrants|families)")
_RAID = re.compile(r"\braid[- ]and[- ]rescue\b|\brescued? (?:\w+ ){0,3}from the clutches of\b|\bset (?:them|her|him|us|people|children|women|girls|victims) free\b"
                   rf"|\b(?:set|sets|setting)\s+{_FREED}\s+free\b"
                   rf"|\b(?:set|sets|setting)\s+free(?=\s+{_FREED}\b)", re.I)
_RESCUE_LEMMAS = {"rescue", "save", "free", "liberate"}
_RESCUE_TRIGGERS = Triggers.of(lemmas=_RESCUE_LEMMAS)
_RESCUE_GATE = Gate.of(lemmas=_RESCUE_LEMMAS)
_RESCUE_FORMS = re.compile(r"\b(rescued|rescues|rescuing|rescue|saved|saves|save|saving|freed|frees|free|liberated)\b\s+(?:\d[\d,]*\s+|a\s+|the\s+|these\s+|those\s+|our\s+|more\s+than\s+\d+\s+|dozens\s+of\s+|hundreds\s+of\s+)?(?:\w+\s+)?(girls?|boys?|women|woman|men|man|children|child|victims?|workers?|people|persons|teenagers?|slaves?|kids?|survivors?|her|him|them)\b", re.I)


class RescueCheck:
    """SNS003: rescue/save/free said of people; maritime and disaster rescues are terms of art."""

    codes = ("SNS003",)
    # _RAID needs "rescue"/"rescued" or "free", the parse rule a token whose lemma is in
    # _RESCUE_LEMMAS, _RESCUE_FORMS one of their forms: all begin with a stem (as in wants).
    gate = _RESCUE_GATE

    def wants(self, sent) -> bool:
        return _RESCUE_TRIGGERS.hit(sent)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("SNS003"):
            return
        for seg, sent, text in gated_sentences(ctx, _RESCUE_GATE):
            found: list[tuple[int, int]] = [(s, e) for s, e, _ in regex_spans(sent, _RAID, text)]
            if ctx.info.statistical:
                for tok in sent:
                    if lemma(tok) not in _RESCUE_LEMMAS or tok.pos_ != "VERB":
                        continue
                    people = [o for o in tok.children if o.dep_ in ("dobj", "obj") and (person_or_group(o) or _named(o))]
                    if any(o.text[:1].isupper() and o.lower_ in PERSON_NOUNS for o in people):
                        continue  # an organisation's name: "Save the Children"
                    if tok.dep_ == "relcl" and person_or_group(tok.head) and not any(c.dep_ in ("dobj", "obj") for c in tok.children):
                        people.append(tok.head)  # "the girls we rescue"
                    if tok.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in tok.children):
                        people += [s for s in subjects_of(tok, passive=True) if person_or_group(s)]
                        if tok.dep_ == "acl" and person_or_group(tok.head):
                            people.append(tok.head)
                    if people:
                        found.append((tok.idx, tok.idx + len(tok.text)))
            else:
                for s, e, m in regex_spans(sent, _RESCUE_FORMS, text):
                    if not m.group(2)[:1].isupper():
                        found.append((s, s + len(m.group(1))))
            if not found:
                continue
            low = text.lower()
            if "search and rescue" in low or "rescue at sea" in low or near_words(sent, _MARITIME):
                continue  # asked only once something was found: the answer is the same
            for s, e in _outer(found):
                text = seg.text[s:e].lower()
                sugg = ("identification operation",) if "raid" in text else ("identified", "supported to leave")
                yield ctx.finding("SNS003", seg, (s, e), suggestions=sugg)


def _named(token) -> bool:
    """A proper name that is not a place or a thing ('rescued Mina', even when NER guesses ORG)."""
    return token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "DATE")


def _outer(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop ranges contained in another one; keep order."""
    ranges = sorted(set(ranges), key=lambda r: (r[0], -r[1]))
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        if out and s >= out[-1][0] and e <= out[-1][1]:
            continue
        out.append((s, e))
    return out


_ABDUCT = {"kidnap", "abduct", "snatch", "kidnapping", "abduction", "snatching"}
# Verbs of seizing that tell the same story when said of people: "grabbed off the street", "bundled into vans".
_SEIZE = {"grab", "bundle", "drag", "whisk", "bundled", "dragged", "grabbed"}
_SEIZE_PARTICLES = {"into", "off", "away", "from", "onto", "inside"}
_ABDUCT_TRIGGERS = Triggers.of(lemmas=_ABDUCT | _SEIZE)
_ABDUCT_GATE = Gate.of(lemmas=_ABDUCT | _SEIZE)
_GENERIC_CUES = {"every", "often", "usually", "most", "always", "routinely", "typically", "commonly", "daily", "constantly"}
_ABDUCT_BLANK = re.compile(r"\b(?:are|is|being|get|gets)\s+(?:being\s+)?(kidnapped|abducted|snatched)\b|\b(kidnapping|abducting|snatching)\s+(?:children|girls|boys|women|kids|people)\b", re.I)


class AbductionCheck:
    """SNS007: kidnapping-by-strangers told as the generic story (present tense or habitual)."""

    codes = ("SNS007",)
    # The parse rules start from a token whose form or lemma is in _ABDUCT or _SEIZE, and
    # _ABDUCT_BLANK needs kidnapped/abducted/snatched...: all begin with a stem (as in wants).
    gate = _ABDUCT_GATE

    def wants(self, sent) -> bool:
        return _ABDUCT_TRIGGERS.hit(sent)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("SNS007"):
            return
        for seg, sent, text in gated_sentences(ctx, _ABDUCT_GATE):
            if not ctx.info.statistical:
                for s, e, m in regex_spans(sent, _ABDUCT_BLANK, text):
                    g = 1 if m.group(1) else 2
                    yield ctx.finding("SNS007", seg, (sent.start_char + m.start(g), sent.start_char + m.end(g)), suggestions=("recruited through deception",))
                continue
            generic = near_words(sent, _GENERIC_CUES)
            for tok in sent:
                if (lemma(tok) in _SEIZE or tok.lower_ in _SEIZE) and tok.pos_ == "VERB":
                    if self._seizes_people(tok):
                        yield ctx.finding("SNS007", seg, (tok.idx, tok.idx + len(tok.text)), suggestions=("recruited through deception",))
                    continue
                if lemma(tok) not in _ABDUCT and tok.lower_ not in _ABDUCT:
                    continue
                if tok.pos_ == "NOUN":
                    ok = generic
                else:
                    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
                    past = tok.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("was", "were", "had", "been") for a in auxes)
                    present = tok.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") or a.lower_ in ("are", "is", "am") for a in auxes)
                    ok = (present and not past) or (generic and not past) or (generic and tok.tag_ == "VBN" and not any(a.lower_ in ("was", "were", "had") for a in auxes))
                if ok:
                    yield ctx.finding("SNS007", seg, (tok.idx, tok.idx + len(tok.text)), suggestions=("recruited through deception",))


    @staticmethod
    def _seizes_people(tok) -> bool:
        """'Children are grabbed off the street', 'strangers bundle teenagers into vans', not 'grab a leaflet'
        and not a dated past event ('he was dragged into a car on 3 May')."""
        passive = tok.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in tok.children)
        people = subjects_of(tok, passive=True) if passive else [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        if not any(person_or_group(p) and p.lower_ not in ("it",) for p in people):
            return False
        lem = lemma(tok)
        if lem != "grab" and not any(c.lower_ in _SEIZE_PARTICLES for c in tok.children if c.dep_ in ("prep", "prt", "advmod")):
            return False  # "dragged into a van", "whisked away"; "drag" alone is often figurative
        node = tok
        for _ in range(4):  # the tense of the verb chain: "waiting to grab", "are being grabbed"
            if node.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("was", "were", "had") for a in node.children if a.dep_ in ("aux", "auxpass")):
                return False
            if node.dep_ not in ("xcomp", "conj", "advcl") or node.head is node:
                break
            node = node.head
        return True


class EmotiveDensityCheck:
    """SNS013: emotive words, weighed by density (paragraph and document)."""

    codes = ("SNS013",)
    # A span is a PhraseMatcher match of a listed phrase: the paragraph holds a part of it. The
    # density's denominator (every paragraph's words) is counted over the whole document.
    gate = RuleGate("SNS013")

    def wants(self, sent) -> bool:
        return False  # surface patterns only
    PARAGRAPH_CLUSTER = 2  # two emotive words in one paragraph is a pattern, not an accident
    DOCUMENT_CLUSTER = 4
    DOCUMENT_DENSITY = 1.0  # per 100 words

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        matcher = phrase_matcher(ctx, "SNS013")
        per_seg: list[tuple] = []
        for seg in self.gate.segments(ctx):
            spans = [seg.doc[s:e] for _id, s, e in matcher(seg.doc)]
            spans = _longest(spans)
            spans = [sp for sp in spans if not _literal_emotive(sp)]
            per_seg.append((seg, spans))
        count = sum(len(s) for _, s in per_seg)
        # The density is 0.0 whatever the length when nothing was found: count words only then.
        total_words = _alpha_words(ctx) if count else 0
        density = round(100.0 * count / total_words, 2) if total_words else 0.0
        max_para = max((len(s) for _, s in per_seg), default=0)
        ctx.stats["emotive_words"] = {"count": count, "per_100_words": density, "max_per_paragraph": max_para}
        if not ctx.enabled("SNS013"):
            return
        dense_doc = count >= self.DOCUMENT_CLUSTER and density >= self.DOCUMENT_DENSITY
        for seg, spans in per_seg:
            cluster = len(spans) >= self.PARAGRAPH_CLUSTER
            for sp in spans:
                if cluster:
                    sev, detail = Severity.WARNING, f" This paragraph has {len(spans)} emotive words."
                elif dense_doc:
                    sev, detail = Severity.WARNING, f" The document has {count} emotive words ({density} per 100 words)."
                else:
                    sev, detail = Severity.SUGGESTION, ""
                yield ctx.finding("SNS013", seg, sp, severity=sev, detail=detail)


def _alpha_words(ctx: CheckContext) -> int:
    """Alphabetic tokens in the whole document (every paragraph, gate or not). A paragraph no
    check tokenised is tokenised here without keeping the Doc (same tokens as ``seg.doc``)."""
    make_doc = ctx.adoc.nlp.make_doc
    total = 0
    for seg in ctx.document_segments:
        doc = seg.analysed if seg.analysed is not None else seg.__dict__.get("doc")
        if doc is None:
            doc = make_doc(seg.text)
        total += doc.count_by(IS_ALPHA).get(1, 0)
    return total


def _longest(spans):
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    out = []
    for s in spans:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


def _literal_emotive(span) -> bool:
    """'Nightmare' as a symptom ('nightmares and flashbacks') is clinical, not padding."""
    doc = span.doc
    window = doc[max(0, span.start - 4):min(len(doc), span.end + 4)]
    return span.text.lower().startswith("nightmare") and near_words(window, {"flashbacks", "sleep", "insomnia", "trauma", "symptoms"})


_NUMBER = re.compile(r"\d")


class ThreatFramingCheck:
    """SNS014: 'migrant crisis' / 'mass migration' without figures in the sentence."""

    codes = ("SNS014",)
    gate = RuleGate("SNS014")  # a PhraseMatcher match of a listed phrase: a part of it is here

    def wants(self, sent) -> bool:
        return False  # surface patterns only

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("SNS014"):
            return
        matcher = phrase_matcher(ctx, "SNS014")
        for seg in self.gate.segments(ctx):
            for _id, s, e in matcher(seg.doc):
                span = seg.doc[s:e]
                try:
                    sent = span.sent
                except ValueError:
                    sent = seg.doc[:]
                if _NUMBER.search(seg.text[sent.start_char:sent.end_char]):
                    continue
                entry = ctx.rules.get("SNS014").entries[0]
                yield ctx.finding("SNS014", seg, span, entry=entry)


# --- stigmatizing -------------------------------------------------------------------------------

_LITERAL_PESTS = {"infest", "infested", "infestation", "pest", "pests", "trap", "traps", "poison", "exterminator",
                  "kitchen", "crops", "harvest", "farmers", "food", "grain", "sewer", "sewers", "droppings", "bite", "bites"}
_MOVE_VERBS = {"come", "arrive", "cross", "flood", "pour", "invade", "swarm", "enter", "breed", "live", "multiply", "spread", "keep"}
_BREED_LIKE = re.compile(r"\b(?:breed(?:s|ing)?|bred|multipl(?:y|ies|ying|ied)|reproduc(?:e|es|ing))\s+like\s+(?:rabbits|animals|rats|flies|vermin|cockroaches|insects|mice|dogs|pigs|cattle|flies)\b", re.I)
_PEST_BLANK = re.compile(r"\b(?:these|those)\s+(cockroach(?:es)?|vermin|parasites?|rats|leeches)\b|\b(cockroach(?:es)?|vermin|parasites?|rats|plague|infestation)\s+(?:of|like)\s+(?:\w+\s+){0,2}(?:migrants|refugees|immigrants|foreigners|asylum seekers|smugglers|traffickers|people|illegals)\b", re.I)


class _RuleWordTriggers:
    """Triggers from a custom rule's listed words (stems, so 'plagued' and 'infested' count)."""

    def __init__(self, code: str, extra: Iterable[str] = ()):
        self.code, self.extra, self._t = code, tuple(extra), None

    def hit(self, sent) -> bool:
        if self._t is None:
            from ..lexicon import load_rules

            words = rule_words(load_rules(), self.code)
            single = {w for w in words if pieces(w) == [w]}
            self._t = Triggers.of(exact={f for w in single for f in inflections(w)},
                                  lemmas=(words - single) | set(self.extra))
        return self._t.hit(sent)


_PEST_TRIGGERS = _RuleWordTriggers("STG001")
# The parse rule starts from a token whose form or lemma is listed (as wants); _BREED_LIKE needs
# its verb, "like" and its animal; _PEST_BLANK one of its pest words.
_PEST_GATE = RuleGate("STG001", lemmas=True, extra=AnyGate((
    AllGate((
        Gate.of(words=["breed", "breeds", "breeding", "bred", "multiply", "multiplies", "multiplying", "multiplied",
                       "reproduce", "reproduces", "reproducing"]),
        Gate.of(words=["like"]),
        Gate.of(words=["rabbits", "animals", "rats", "flies", "vermin", "cockroaches", "insects", "mice", "dogs", "pigs",
                       "cattle"]),
    )),
    Gate.of(words=["cockroach", "cockroaches", "vermin", "parasite", "parasites", "rats", "leeches", "plague", "infestation"]),
)))


class PestMetaphorCheck:
    """STG001: vermin words applied to people (the parse decides; literal pests are skipped)."""

    codes = ("STG001",)
    gate = _PEST_GATE

    def wants(self, sent) -> bool:
        return _PEST_TRIGGERS.hit(sent)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("STG001"):
            return
        words = rule_words(ctx.rules, "STG001")
        covered = self.gate.covers(ctx.rules)
        for seg, sent, text in gated_sentences(ctx, self.gate, self.gate.segments(ctx), ask=covered):
            for s, e, _m in regex_spans(sent, _BREED_LIKE, text):  # "they breed like rabbits": said of people only
                yield ctx.finding("STG001", seg, (s, e))
            if not ctx.info.statistical:
                for s, e, m in regex_spans(sent, _PEST_BLANK, text):
                    g = 1 if m.group(1) else 2
                    yield ctx.finding("STG001", seg, (sent.start_char + m.start(g), sent.start_char + m.end(g)))
                continue
            literal = near_words(sent, _LITERAL_PESTS)
            for tok in sent:
                if tok.lower_ not in words and lemma(tok) not in words:
                    continue
                if self._applied_to_people(tok, literal):
                    yield ctx.finding("STG001", seg, (tok.idx, tok.idx + len(tok.text)))

    @staticmethod
    def _applied_to_people(tok, literal: bool) -> bool:
        kids = list(tok.children)
        if tok.lower_ == "feral":
            return person_or_group(tok.head)
        for c in kids:  # "plague of migrants", "vermin like these smugglers"
            if c.dep_ == "prep" and c.lower_ in ("of", "like"):
                if any(person_or_group(p) for p in c.children if p.dep_ == "pobj"):
                    return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "like" and person_or_group(tok.head.head):
            return True
        if tok.dep_ in ("attr", "appos"):
            subs = subjects_of(tok.head) if tok.dep_ == "attr" else [tok.head]
            if any(person_or_group(s) for s in subs):
                return True
        if literal:
            return False
        if any(c.dep_ == "det" and c.lower_ in ("these", "those") for c in kids):
            return True
        if tok.dep_ in ("nsubj", "nsubjpass") and lemma(tok.head) in _MOVE_VERBS and near_words(tok.sent, MIGRATION_CONTEXT | {"boats", "border"}):
            return True
        return False


_MILITARY = {"army", "armies", "troops", "military", "war", "forces", "tanks", "soldiers", "normandy", "nazi", "allied", "occupation", "species", "plants", "weeds"}
_NATURE = {"heat", "cold", "flood", "rain", "river", "water", "storm", "sea", "crops", "delta", "tsunami", "tidal", "climate", "weather"}
_METAPHOR_VERBS = {"flood", "swarm", "invade", "overrun", "overwhelm", "pour", "swamp", "inundate"}
_METAPHOR_TRIGGERS = _RuleWordTriggers("STG002", _METAPHOR_VERBS)
MIGRANT_NOUNS = {"migrant", "migrants", "immigrant", "immigrants", "refugee", "refugees", "asylum", "seekers", "seeker",
                 "foreigners", "foreigner", "illegals", "aliens", "arrivals", "newcomers", "invaders"}
_PRONOUN_METAPHOR_VERBS = {"swarm", "invade", "overrun"}
_PLURAL_PRONOUNS = {"they", "them", "these", "those"}
_OF_ONLY = {"flood", "wave", "tide", "stream", "deluge", "torrent", "tsunami", "avalanche"}  # literal meanings are common: need "of <people>"
# The parse rules start from a listed word (form or lemma) or a _METAPHOR_VERBS lemma (as wants);
# _METAPHOR_BLANK needs one of its nouns.
_METAPHOR_GATE = RuleGate("STG002", lemmas=True, extra=Gate.of(
    lemmas=_METAPHOR_VERBS,
    words=["flood", "floods", "wave", "waves", "tide", "tides", "influx", "influxes", "stream", "streams", "swarm", "swarms",
           "horde", "hordes", "invasion", "invasions", "deluge", "deluges", "torrent", "torrents"]))
_METAPHOR_BLANK = re.compile(r"\b(floods?|waves?|tides?|influx(?:es)?|streams?|swarms?|hordes?|invasions?|deluges?|torrents?)\s+of\s+(?:\w+\s+){0,2}(?:migrants|refugees|immigrants|foreigners|asylum seekers|people|illegals|arrivals|newcomers|men|young men|families)\b", re.I)


class MigrationMetaphorCheck:
    """STG002: flood/wave/swarm/horde/invasion metaphors when the parse applies them to people."""

    codes = ("STG002",)
    gate = _METAPHOR_GATE

    def wants(self, sent) -> bool:
        return _METAPHOR_TRIGGERS.hit(sent)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("STG002"):
            return
        by_entry = {e.id: {f.lower() for f in surface_forms(e)} for e in ctx.rules.get("STG002").entries}
        rule = ctx.rules.get("STG002")
        entry_ids = list(by_entry)
        first_entry: dict[str, int] = {}  # form -> the first entry listing it
        for k, v in enumerate(by_entry.values()):
            for form in v:
                first_entry.setdefault(form, k)
        covered = self.gate.covers(ctx.rules)
        for seg, sent, text in gated_sentences(ctx, self.gate, self.gate.segments(ctx), ask=covered):
            if not ctx.info.statistical:
                for s, e, m in regex_spans(sent, _METAPHOR_BLANK, text):
                    word = m.group(1).lower()
                    entry = next((rule.entry(k) for k, v in by_entry.items() if word in v), None)
                    yield ctx.finding(rule, seg, (s, s + len(m.group(1))), entry=entry)
                continue
            migration = near_words(sent, MIGRATION_CONTEXT)
            military = near_words(sent, _MILITARY)
            for tok in sent:
                lem = lemma(tok)
                entry_id = _first_entry(first_entry, entry_ids, lem, tok.lower_)
                if tok.pos_ == "VERB" and lem in _METAPHOR_VERBS:
                    if self._verb_on_people(tok) or (migration and not military and self._verb_on_them(tok, lem)):
                        entry_id = "invasion" if lem in ("invade", "overrun") else ("swarm-of-migrants" if lem == "swarm" else "flood-of-migrants")
                        yield ctx.finding(rule, seg, (tok.idx, tok.idx + len(tok.text)), entry=rule.entry(entry_id))
                    continue
                if entry_id is None or tok.pos_ not in ("NOUN", "PROPN"):
                    continue
                if self._noun_on_people(tok, lem, migration, military):
                    yield ctx.finding(rule, seg, (tok.idx, tok.idx + len(tok.text)), entry=rule.entry(entry_id))

    @staticmethod
    def _noun_on_people(tok, lem: str, migration: bool, military: bool) -> bool:
        of_objects = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        of_objects = [x for p in of_objects for x in (p, *p.conjuncts)]
        if of_objects:
            if any(p.lower_ in MIGRANT_NOUNS or lemma(p) in MIGRANT_NOUNS for p in of_objects):
                return True  # "a flood of migrants"
            # "a stream of people seeking help at our centre" is not about arrivals
            return migration and any(p.lower_ in MOVING_PEOPLE or lemma(p) in MOVING_PEOPLE for p in of_objects)
        modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod")]
        if any(m.lower_ in MIGRATION_CONTEXT | MOVING_PEOPLE or lemma(m) in MIGRATION_CONTEXT for m in modifiers):
            return True  # "the migrant wave", "refugee influx"
        if any(lemma(m) in _NATURE for m in modifiers):
            return False  # "heat wave", "flood waters"
        if any(c.dep_ == "poss" or c.ent_type_ in ("NORP", "GPE") for c in tok.children):
            return False  # "Russia's invasion", "the Russian invasion": a war, not a metaphor
        if lemma(tok.head) in ("flee", "escape") or near_words(tok.sent, {"flee", "fled", "fleeing", "escaped", "displaced"}):
            return False  # "refugees fleeing the invasion"
        if lem in _OF_ONLY:
            return False
        return migration and not military

    @staticmethod
    def _verb_on_them(tok, lem: str) -> bool:
        """'Watch them swarming over the border fence': swarming, invading or overrunning said of
        'they' in a sentence about migration (the caller asks). Flooding and pouring are left out:
        'they poured their savings into the journey' is literal."""
        return lem in _PRONOUN_METAPHOR_VERBS and any(s.lower_ in _PLURAL_PRONOUNS for s in subjects_of(tok, passive=False))

    @staticmethod
    def _verb_on_people(tok) -> bool:
        subs = subjects_of(tok, passive=False)
        if any(s.lower_ in MOVING_PEOPLE or lemma(s) in MOVING_PEOPLE for s in subs):
            return True
        for c in tok.children:  # "the island is overrun by/with migrants"
            if c.dep_ in ("prep", "agent") and c.lower_ in ("with", "by"):
                if any(p.lower_ in MOVING_PEOPLE for p in c.children if p.dep_ == "pobj"):
                    return True
        return False


def _first_entry(first_entry: dict[str, int], entry_ids: list[str], *forms: str) -> str | None:
    """The first entry (in rule order) listing any of ``forms``."""
    hits = [first_entry[f] for f in forms if f in first_entry]
    return entry_ids[min(hits)] if hits else None


_NOMINAL_SUGGESTIONS = {
    "trafficked": "people who were trafficked", "smuggled": "smuggled migrants", "undocumented": "undocumented people",
    "enslaved": "people held in slavery", "exploited": "people who were exploited",
}
_FUNCTION_NEXT = {"and", "or", "with", "who", "in", "at", "of", "to", "every", "is", "are", "was", "were", "have",
                  "has", "face", "need", "must", "should", "can", "may", "will", "from", "on", "by", "for", "as"}


_NOMINAL_WORDS = frozenset(_NOMINAL_SUGGESTIONS) | {"illegal", "illegals"}


class NominalLabelCheck:
    """STG003: 'illegals', and 'the trafficked/smuggled/undocumented' used as nouns for people."""

    codes = ("STG003",)
    # Findings are tokens "illegals", "illegal" or a listed the-trafficked word (as wants).
    gate = RuleGate("STG003", entry_id="the-trafficked", extra=Gate.of(words=_NOMINAL_WORDS))

    def wants(self, sent) -> bool:
        return any(t.lower_ in _NOMINAL_WORDS for t in sent)  # the part of speech of the next word

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("STG003"):
            return
        rule = ctx.rules.get("STG003")
        words = {w for w in rule_words(ctx.rules, "STG003", "the-trafficked")}
        for seg in self.gate.segments(ctx):
            doc = seg.doc
            for i, tok in enumerate(doc):
                low = tok.lower_
                nxt = doc[i + 1] if i + 1 < len(doc) else None
                if low == "illegals":
                    yield ctx.finding(rule, seg, (tok.idx, tok.idx + len(tok.text)), entry=rule.entry("illegals"))
                elif low == "illegal" and i > 0 and doc[i - 1].lower_ == "an" and self._nominal(nxt, doc, i, ctx.info.statistical):
                    yield ctx.finding(rule, seg, (doc[i - 1].idx, tok.idx + len(tok.text)), entry=rule.entry("illegals"))
                elif low in words and i > 0 and doc[i - 1].lower_ == "the" and self._nominal(nxt, doc, i, ctx.info.statistical):
                    start = doc[i - 1].idx
                    yield ctx.finding(rule, seg, (start, tok.idx + len(tok.text)), entry=rule.entry("the-trafficked"),
                                      suggestions=(_NOMINAL_SUGGESTIONS.get(low, "people"),))

    @staticmethod
    def _nominal(nxt, doc, i: int, statistical: bool) -> bool:
        if nxt is None or nxt.is_punct or nxt.is_space:
            return True
        if nxt.lower_ in ("and", "or"):
            after = doc[i + 2] if i + 2 < len(doc) else None
            if after is not None and (after.pos_ in ("ADJ", "VERB") or after.lower_ in _NOMINAL_SUGGESTIONS):
                return False  # "the trafficked and smuggled migrants"
            return True
        if statistical:
            return nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") or nxt.lower_ in _FUNCTION_NEXT
        return nxt.lower_ in _FUNCTION_NEXT


_FREIGHT_PEOPLE = r"(?:people|persons|humans|women|girls|boys|men|children|migrants|refugees|workers|victims|teenagers|brides|babies)"
_FREIGHT = re.compile(
    r"\bhuman\s+(cargo(?:es)?|freight|merchandise|consignments?|shipments?|goods|commodit(?:y|ies)|loads?)\b"
    rf"|\b(shipments?|consignments?|cargo(?:es)?|loads?|batch(?:es)?)\s+of\s+(?:\w+\s+){{0,2}}{_FREIGHT_PEOPLE}\b", re.I)
_GOODS_CUES = {"cigarettes", "tobacco", "fuel", "drugs", "cocaine", "heroin", "counterfeit", "contraband", "ivory", "timber",
               "weapons", "arms", "guns", "stolen", "phones", "electronics", "alcohol", "goods", "wildlife", "cannabis"}
_CRIME_ACTORS = {"gang", "gangs", "traffickers", "trafficker", "smugglers", "pimp", "madam", "ring", "network", "syndicate"}
_HIDE_VERBS = {"hide", "carry", "transport", "conceal", "smuggle", "load", "pack", "cram", "stack", "stow", "ship"}


_COMMODITY_NOUNS = {"commodity", "commodities", "product", "products", "merchandise", "goods", "cargo", "property", "stock"}
_FRESH_STOCK = re.compile(r"\b(?:fresh|new)\s+(?:stock|merchandise|meat|supplies|supply)\b", re.I)


_FREIGHT_HUMAN = AllGate((Gate.of(words=["human"]), Gate.of(words=[
    "cargo", "cargoes", "freight", "merchandise", "consignment", "consignments", "shipment", "shipments", "goods",
    "commodity", "commodities", "load", "loads"])))
_FREIGHT_OF = AllGate((
    Gate.of(words=["shipment", "shipments", "consignment", "consignments", "cargo", "cargoes", "load", "loads", "batch", "batches"]),
    Gate.of(words=["people", "persons", "humans", "women", "girls", "boys", "men", "children", "migrants", "refugees", "workers",
                   "victims", "teenagers", "brides", "babies"])))
_FRESH_STOCK_GATE = AllGate((Gate.of(words=["fresh", "new"]), Gate.of(words=["stock", "merchandise", "meat", "supplies", "supply"])))
_FREIGHT_TOKENS = frozenset(_COMMODITY_NOUNS | {"cargo", "cargoes", "merchandise"})  # the parse rules' words


class FreightMetaphorCheck:
    """STG010: people as freight ('human cargo', 'shipment of people', 'the merchandise')."""

    codes = ("STG010",)
    # _FREIGHT's two alternatives, _FRESH_STOCK, and the parse rules' nouns (as wants).
    gate = AnyGate((_FREIGHT_HUMAN, _FREIGHT_OF, _FRESH_STOCK_GATE, Gate.of(words=_FREIGHT_TOKENS)))

    @staticmethod
    def _said_of_people(tok) -> bool:
        """'The women are a product', 'the boy was just another commodity' (not 'treated as goods')."""
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return False  # "a product of the care system", "the property of the state"
        if tok.dep_ == "attr":
            if any(c.dep_ == "neg" for c in tok.head.children):
                return False
            subs = subjects_of(tok.head, passive=False)
            return any(is_person(s) and s.lower_ not in _CRIME_ACTORS and lemma(s) not in ("trafficker", "smuggler") for s in subs)
        if tok.dep_ == "appos":
            return is_person(tok.head) and tok.head.lower_ not in _CRIME_ACTORS
        return False

    def wants(self, sent) -> bool:
        return any(t.lower_ in _COMMODITY_NOUNS or t.lower_ == "cargoes" for t in sent)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("STG010"):
            return
        for seg in ctx.segments:
            doc = seg.doc
            words = seg.words
            cues: dict[str, bool] = {}

            def crime_not_goods() -> bool:  # the paragraph names traffickers and no goods (asked when needed)
                if "v" not in cues:
                    cues["v"] = near_words(doc[:], _CRIME_ACTORS) and not near_words(doc[:], _GOODS_CUES)
                return cues["v"]

            flagged: list[tuple[int, int]] = []
            if _FREIGHT_HUMAN.opens_words(words) or _FREIGHT_OF.opens_words(words):
                for sent in seg.sents:
                    for s, e, m in regex_spans(sent, _FREIGHT, sent_text(seg, sent)):
                        g = 1 if m.group(1) else 2
                        flagged.append((s if g == 1 else sent.start_char + m.start(g), sent.start_char + m.end(g)))
            if _FRESH_STOCK_GATE.opens_words(words) and crime_not_goods():
                for sent in seg.sents:
                    for s, e, m in regex_spans(sent, _FRESH_STOCK, sent_text(seg, sent)):
                        flagged.append((s, e))
            if ctx.info.statistical and not _FREIGHT_TOKENS.isdisjoint(words):
                for tok in doc:
                    low = tok.lower_
                    if low not in _FREIGHT_TOKENS or any(s <= tok.idx < e for s, e in flagged):
                        continue
                    if low in _COMMODITY_NOUNS and self._said_of_people(tok):
                        flagged.append((tok.idx, tok.idx + len(tok.text)))
                        continue
                    if low in ("cargo", "cargoes") and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "inside"):
                        verb = tok.head.head
                        if is_person(verb) and verb.dep_ in ("dobj", "nsubjpass"):  # "hides people in his cargo"
                            verb = verb.head
                        if lemma(verb) in _HIDE_VERBS and any(is_person(o) for o in verb.children if o.dep_ in ("dobj", "nsubjpass")):
                            flagged.append((tok.idx, tok.idx + len(tok.text)))
                    elif low == "merchandise" and any(c.lower_ in ("the", "this", "their", "his") for c in tok.children if c.dep_ in ("det", "poss")):
                        if tok.dep_ in ("dobj", "nsubjpass", "nsubj") and crime_not_goods():
                            det = min((c for c in tok.children if c.dep_ in ("det", "poss")), key=lambda c: c.i)
                            flagged.append((det.idx, tok.idx + len(tok.text)))
            entry = ctx.rules.get("STG010").entries[0]
            for s, e in _outer(flagged):
                yield ctx.finding("STG010", seg, (s, e), entry=entry)


_CRIME_NOUNS = {"gang", "gangs", "trafficker", "traffickers", "smuggler", "smugglers", "madam", "madams", "snakehead",
                "snakeheads", "mafia", "mafias", "mob", "mobs", "pimp", "pimps", "criminal", "criminals", "cartel",
                "cartels", "syndicate", "syndicates", "triad", "triads", "gangsters", "mafiosi", "clans", "crime",
                "pickpockets", "thieves", "burglars", "robbers", "dealers", "beggars", "scammers", "fraudsters"}
_GENERIC_DETS = {"these", "those", "many", "most", "all", "some"}
_GROUPS = (r"(migrants|immigrants|refugees|asylum[- ]seekers|foreigners|newcomers|illegals|aliens|outsiders|"
           r"foreign (?:workers|nationals|men)|these people|those people)")
_DISEASES = r"(?:disease|diseases|illness|illnesses|infections?|hiv|aids|epidemics?|tuberculosis|tb|hepatitis|measles|scabies|lice|germs|viruses|virus|covid|ebola|cholera|plague)"
_BRING_CRIME = re.compile(
    r"\b" + _GROUPS + r"\b[^.;:]{0,60}?"
    r"\b(?:bring|brings|brought|bringing|spread|spreads|spreading|carry|carries|carrying|import|imports|importing|cause|causes|fuel|fuels)\b"
    r"[^.;:]{0,30}?\b(crime|crimes|drugs|violence|terrorism|criminality|" + _DISEASES[3:] + r"\b", re.I)
# "refugees are a health risk", "asylum seekers are riddled with disease"
_DISEASE_RISK = re.compile(
    r"\b" + _GROUPS + r"\s+(?:are|is|were|pose)\s+(?:all\s+|often\s+|a\s+|an\s+)*(?:serious\s+|real\s+|major\s+|public\s+)?"
    r"(?:health\s+(?:risk|risks|threat|threats|hazard|hazards)|(?:risk|threat|danger)s?\s+to\s+public\s+health|disease\s+risk)"
    r"|\b" + _GROUPS + r"\s+(?:are|is|were|come|arrive)\s+(?:\w+\s+)?(?:riddled|infested|crawling|infected)\s+with\s+" + _DISEASES, re.I)
_FACT_CHECK = {"claim", "claims", "myth", "myths", "false", "untrue", "evidence", "rumour", "rumours", "rumor", "debunk", "wrongly", "misleading", "no", "not"}


# Businesses where exploitation has been found: "Vietnamese nail bars", "Romanian car washes".
_TRADES = {"bars": "nail", "salons": "nail", "washes": "car", "parlours": "massage", "parlors": "massage",
           "farms": "cannabis", "takeaways": "", "brothels": ""}
_PREDICATE_ADVERBS = {"mostly", "usually", "all", "often", "typically", "mainly", "largely", "nearly", "almost", "always", "generally", "predominantly"}
_CASE_CUES = {"case", "court", "trial", "convicted", "charged", "sentenced", "arrested", "police", "prosecutor", "jury"}


# _BRING_CRIME and _DISEASE_RISK need one of _GROUPS and a crime, disease or risk word.
_GROUP_WORDS_GATE = AllGate((
    AnyGate((
        Gate.of(words=["migrants", "immigrants", "refugees", "seekers", "foreigners", "newcomers", "illegals", "aliens",
                       "outsiders", "foreign"]),
        AllGate((Gate.of(words=["these", "those"]), Gate.of(words=["people"]))),
    )),
    Gate.of(words=["crime", "crimes", "drugs", "violence", "terrorism", "criminality", "disease", "diseases", "illness",
                   "illnesses", "infection", "infections", "hiv", "aids", "epidemic", "epidemics", "tuberculosis", "tb",
                   "hepatitis", "measles", "scabies", "lice", "germs", "viruses", "virus", "covid", "ebola", "cholera", "plague",
                   "risk", "risks", "threat", "threats", "hazard", "hazards", "danger", "dangers"]),
))
_CRIME_LABEL_WORDS = frozenset(_CRIME_NOUNS) | frozenset(_TRADES)  # _predicates and _labels start from one (as wants)


class GroupCrimeCheck:
    """STG011: a nationality or migrants in general linked with crime or disease."""

    codes = ("STG011",)
    gate = AnyGate((_GROUP_WORDS_GATE, Gate.of(words=_CRIME_LABEL_WORDS)))

    def wants(self, sent) -> bool:
        return any(t.lower_ in _CRIME_NOUNS or t.lower_ in _TRADES for t in sent)  # NER tells a nationality

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("STG011"):
            return
        rule = ctx.rules.get("STG011")
        for seg, sent in sentences(ctx):
            text = sent_text(seg, sent)
            words = paragraph_words(text)
            if _GROUP_WORDS_GATE.opens_words(words):
                for pattern in (_BRING_CRIME, _DISEASE_RISK):
                    for s, e, m in regex_spans(sent, pattern, text):
                        if near_words(sent, _FACT_CHECK):
                            continue
                        yield ctx.finding(rule, seg, (s, e), entry=rule.entry("migrants-bring-crime"))
            if _CRIME_LABEL_WORDS.isdisjoint(words):
                continue  # no crime noun or trade for a nationality to label
            for start_tok, end_tok in self._predicates(sent, ctx.info.statistical):
                yield ctx.finding(rule, seg, (start_tok.idx, end_tok.idx + len(end_tok.text)), entry=rule.entry("nationality-crime-label"))
            for start_tok, noun in self._labels(sent, ctx.info.statistical):
                yield ctx.finding(rule, seg, (start_tok.idx, noun.idx + len(noun.text)), entry=rule.entry("nationality-crime-label"))

    @staticmethod
    def _predicates(sent, statistical: bool):
        """'The gangs are Albanian', 'most of the traffickers are Nigerian': a nationality said of a whole group."""
        toks = list(sent)
        if near_words(sent, _CASE_CUES | _FACT_CHECK):
            return
        found: set[int] = set()  # groups already given a nationality right after them
        for k, noun in enumerate(toks[:-2]):
            if noun.lower_ not in _CRIME_NOUNS or not noun.lower_.endswith("s"):
                continue
            if any(t.like_num for t in toks[max(0, k - 3):k]):
                continue  # "the three traffickers are Albanian": a specific case
            j = k + 1
            if toks[j].lower_ not in ("are", "were"):
                continue
            j += 1
            while j < len(toks) and toks[j].lower_ in _PREDICATE_ADVERBS:
                j += 1
            if j >= len(toks):
                continue
            nat = toks[j]
            if nat.text[:1].isupper() and (nat.lower_ in DEMONYMS or (statistical and nat.ent_type_ == "NORP")):
                found.add(noun.i)
                yield noun, nat
        if statistical:  # words between the group and the verb: "the gangs behind it are Moldovan"
            for nat in toks:
                if nat.dep_ not in ("acomp", "attr") or nat.head.lemma_ != "be" or not nat.text[:1].isupper():
                    continue
                if nat.lower_ not in DEMONYMS and nat.ent_type_ != "NORP":
                    continue
                for noun in nat.head.children:
                    if noun.dep_ == "nsubj" and noun.i not in found and noun.lower_ in _CRIME_NOUNS and noun.lower_.endswith("s") \
                            and not any(c.like_num or c.dep_ in ("nummod", "relcl", "acl") for c in noun.children):
                        # not "the three smugglers ...", "the smugglers who took her money ...": a case
                        yield noun, nat

    @staticmethod
    def _labels(sent, statistical: bool):
        toks = list(sent)
        for k, noun in enumerate(toks):
            trade = noun.lower_ in _TRADES and k > 0 and (_TRADES[noun.lower_] == "" or toks[k - 1].lower_ == _TRADES[noun.lower_])
            if noun.lower_ not in _CRIME_NOUNS and not trade:
                continue
            j = k - 2 if trade and _TRADES[noun.lower_] else k - 1
            while j >= 0 and toks[j].lower_ in ("organised", "organized", "trafficking", "smuggling", "street", "crime", "criminal", "drug",
                                                  "grooming", "sex", "people", "human", "child", "-", "run", "owned", "beggar", "begging", "pickpocket", "pickpocketing"):
                j -= 1
            if j < 0:
                continue
            nat = toks[j]
            is_nat = nat.lower_ in DEMONYMS or (statistical and nat.ent_type_ == "NORP")
            if not is_nat or not nat.text[:1].isupper():
                continue
            i = j
            while i - 1 >= 0 and toks[i - 1].text[:1].isupper() and (toks[i - 1].lower_ in DEMONYMS or toks[i - 1].ent_type_ == "NORP"):
                i -= 1
            det = toks[i - 1].lower_ if i - 1 >= 0 else ""
            if i - 1 >= 0 and toks[i - 1].like_num:
                continue  # "three Albanian traffickers were convicted": a specific case
            plural = noun.lower_.endswith("s") or noun.lower_ in ("mafia", "mob", "crime", "mafiosi")
            if det in ("a", "an", "one") or (not plural and det in ("the", "this", "that")):
                continue  # a specific group or person
            if not plural and det not in _GENERIC_DETS and det != "":
                continue
            yield toks[i], noun


_RELIGION = frozenset({"muslim", "christian", "jewish", "hindu", "buddhist", "sikh", "catholic", "protestant", "evangelical", "orthodox"})
_RELIGION_CONTEXT = {"religion", "religious", "faith", "mosque", "church", "churches", "temple", "synagogue", "persecution",
                     "persecuted", "discrimination", "prayer", "ramadan", "halal", "imam", "priest", "pastor", "rabbi",
                     "association", "organisation", "organization", "council", "leaders", "community", "communities", "worship"}
_PERSON_HEADS = {"woman", "women", "man", "men", "girl", "girls", "boy", "boys", "victim", "victims", "worker", "workers",
                 "suspect", "suspects", "migrant", "migrants", "family", "families", "teenager", "child", "children",
                 "mother", "father", "wife", "husband", "refugee", "refugees", "student", "convert"}


_DEVOUT = {"devout", "practising", "practicing", "observant", "committed"}
_APPOSITION_GOES_ON = {"from", "in", "of", "who", "with", "and", "living", "born"}


class SensitiveAttributeCheck:
    """STG012: religion of a person mentioned where nothing in the sentence makes it relevant."""

    codes = ("STG012",)
    gate = Gate.of(words=_RELIGION)  # a finding is a token naming a religion

    def wants(self, sent) -> bool:
        return False  # surface patterns only

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("STG012"):
            return
        for seg, sent in sentences(ctx):
            if _RELIGION.isdisjoint(paragraph_words(sent_text(seg, sent))):
                continue  # the gate, per sentence
            if near_words(sent, _RELIGION_CONTEXT):
                continue
            toks = list(sent)
            for k, tok in enumerate(toks[:-1]):
                if tok.lower_ not in _RELIGION or not tok.text[:1].isupper():
                    continue
                nxt = toks[k + 1]
                before = [t.lower_ for t in toks[max(0, k - 3):k]]
                if nxt.lower_ in _PERSON_HEADS and nxt.text[:1].islower():
                    yield ctx.finding("STG012", seg, (tok.idx, tok.idx + len(tok.text)))  # "a Muslim woman"
                elif before[-2:-1] in (["a"], ["an"]) and before[-1] in _DEVOUT and nxt.lower_ in _APPOSITION_GOES_ON:
                    yield ctx.finding("STG012", seg, (tok.idx, tok.idx + len(tok.text)))  # "a devout Catholic from the south"
                elif nxt.is_punct and nxt.text in (",", ";", ")", ".") and (
                        before[-1:] in (["a"], ["an"]) or before[-2:-1] in (["a"], ["an"]) and before[-1] in _DEVOUT
                        or before[-2:] in (["who", "is"], ["who", "was"], ["is", "a"]) and "who" in before):
                    yield ctx.finding("STG012", seg, (tok.idx, tok.idx + len(tok.text)))  # "the victim, a devout Muslim,"


CHECKS = [
    ConsentCheck(), DamagedPersonCheck(),
    RescueCheck(), AbductionCheck(), EmotiveDensityCheck(), ThreatFramingCheck(),
    PestMetaphorCheck(), MigrationMetaphorCheck(), NominalLabelCheck(), FreightMetaphorCheck(),
    GroupCrimeCheck(), SensitiveAttributeCheck(),
]
