"""Stereotypes measured, not guessed: the role table and the generalisations it exposes.

For every gendered mention the parse gives a role (awareness_check/roles.py); the document's
counts go to the JSON stats as ``roles`` (the flip-it summary compares them before and after a
gender swap). Sentences are flagged only when they *generalise* a role by gender: a generic
mention ("women", "a real man", "mothers," as an address) holding the provider or caregiver role,
or generic women as victims against generic men as traffickers, or a helplessness predicate said
of women in general. Sentences about specific people, and sourced statistics, are not flagged.

The other stereotype rules here are surface patterns with a little context: the
"women and children" pairing, perpetrator/victim myths, nationality + "girls", "the X community",
and the same situation labelled differently by gender (ST-03).
"""
from __future__ import annotations

import re
from typing import Iterable


from ..findings import Finding
from ..gates import AllGate, AnyGate, Gate
from ..people import DEMONYMS, gender_of, is_sourced
from ..roles import GENDERED_PARAGRAPH_WORDS, GENDERED_WORDS, ROLE_GATE, ROLE_TRIGGERS, gendered_mentions, may_hold_roles, role_table, sentence_roles, subjects_of
from .base import CheckContext
from .wording import lemma, regex_spans, sent_text, sentences

ROLES_NOTE = "Role analysis needs the statistical English model (dependency parse); it was not available, so roles were not measured."

_GENERIC_SINGULAR_ADJ = {"real", "good", "true", "proper", "typical", "decent", "responsible"}
_GENERIC_DETS = {"all", "every", "most", "any"}


def is_generic(tok) -> bool:
    """A gendered mention about women or men in general, not about specific people."""
    head = tok
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    kids = list(head.children) + ([c for c in tok.children] if tok is not head else [])
    if any(c.dep_ in ("nummod", "poss") for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "like" for c in kids):
        return False  # "young men like Kofi": an example, not a generalisation
    dets = [c.lower_ for c in kids if c.dep_ in ("det", "predet")]
    if tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("women", "men", "girls", "boys", "mothers", "fathers", "wives", "husbands"):
        return not dets or all(d in _GENERIC_DETS for d in dets)
    if tok.pos_ == "NOUN" and dets and dets[0] in ("a", "an", "every", "any"):
        return any(lemma(c) in _GENERIC_SINGULAR_ADJ for c in kids if c.dep_ == "amod") or dets[0] in ("every", "any")
    return False


def clause_span(tok, verb) -> tuple[int, int]:
    """Character range from the mention to the end of the verb's clause, stopping at , ; : or the sentence end."""
    doc = verb.doc
    inside = {t.i for t in verb.subtree}
    stop = verb.i
    for t in doc[verb.i + 1:verb.sent.end]:
        if t.i not in inside or (t.is_punct and t.text in (",", ";", ":", ".", "!", "?")):
            break
        stop = t.i
    start = min(tok.i, verb.i, *(t.i for t in tok.subtree if not t.is_punct))
    return doc[start].idx, doc[stop].idx + len(doc[stop].text)


# 'vulnerable' is left out on purpose: "women are more vulnerable to ..." is often a sourced finding.
_HELPLESS_PREDICATES = {"easy", "weak", "naive", "helpless", "gullible", "fragile", "defenceless", "defenseless", "innocent",
                        "powerless", "trusting", "credulous"}


# The checklist's stereotypes (3.8, item 8): women as victims or mothers, men as providers. The
# reverse statements ("men are trafficked too", "women also recruit") are what good campaigns say.
STEREOTYPED = {"male": ("provider",), "female": ("caregiver",)}


_WEAKER = frozenset({"weaker", "fairer", "gentler"})  # 'the weaker sex'


class RoleCheck:
    """Role table in the stats; STE003 for sentences that generalise a role by gender.

    Gate: the role table and the parsed STE003 findings need a gendered word and a role word
    (roles.ROLE_GATE), or 'weaker/fairer/gentler' (the weaker sex); the surface messages need
    their addressee or noun (_GUARDIAN_WORDS, _NORM_WORDS)."""

    codes = ("STE003",)
    context_sentences = 0

    def wants(self, sent) -> bool:
        """The role table (and STE003) needs the parse wherever a gendered word meets a role word."""
        return may_hold_roles(sent) or any(t.lower_ in _WEAKER for t in sent)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        table = role_table(ctx.adoc)
        ctx.stats["roles"] = table
        if not ctx.enabled("STE003"):
            if not ctx.info.statistical:
                ctx.stats["roles_note"] = ROLES_NOTE
            return
        if not ctx.info.statistical:
            ctx.stats["roles_note"] = ROLES_NOTE
            for seg, sent in sentences(ctx):
                yield from role_messages(ctx, seg, sent)
            return
        rule = ctx.rules.get("STE003")
        for seg in ctx.segments:
            weaker = not _WEAKER.isdisjoint(seg.words)
            for sent in seg.sents:
                parsed = list(self._parsed_findings(ctx, rule, seg, sent, weaker))
                yield from parsed or role_messages(ctx, seg, sent)

    def _parsed_findings(self, ctx, rule, seg, sent, weaker: bool = True):
        """STE003 findings read from the role parse (at most one per sentence).

        Every finding needs a gendered mention (or 'the weaker sex') and a role word in the
        sentence (see ``may_hold_roles``): without them the sentence is skipped unread."""
        if not (weaker or gendered_mentions(sent)) or not ROLE_TRIGGERS.hit(sent):
            return
        if is_sourced(sent_text(seg, sent)):
            return
        mentions = sentence_roles(sent, identity_nouns=False)
        generic = [(t, sex, roles) for t, sex, roles in mentions if is_generic(t)]
        done = False
        for t, sex, roles in generic:
            for role in STEREOTYPED.get(sex, ()):
                if role in roles:
                    verb = self._role_verb(t)
                    s, e = clause_span(t, verb) if verb is not None else (t.idx, t.idx + len(t.text))
                    yield ctx.finding(rule, seg, (s, e), entry=rule.entry("provider-caregiver"),
                                      detail=f" It presents {'men' if sex == 'male' else 'women'} as {'providers' if role == 'provider' else 'caregivers'}.")
                    done = True
                    break
        if done:
            return
        fem_victim = [t for t, sex, r in generic if sex == "female" and "victim" in r]
        male_agent = [t for t, sex, r in generic if sex == "male" and "agent" in r]
        if fem_victim and male_agent:
            toks = [t for t in sent if not t.is_space]
            while toks and toks[-1].is_punct:
                toks.pop()
            yield ctx.finding(rule, seg, (toks[0].idx, toks[-1].idx + len(toks[-1].text)), entry=rule.entry("victim-perpetrator-by-gender"),
                              detail=" It assigns the victim role to one gender and the trafficker role to the other.")
            return
        helpless = self._helpless_span(sent, generic)
        if helpless:
            yield ctx.finding(rule, seg, helpless, entry=rule.entry("helpless-by-gender"),
                              detail=" It presents one gender as helpless.")

    @staticmethod
    def _role_verb(tok):
        head = tok
        while head.dep_ == "conj":
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass"):
            verb = head.head
            # "men migrate to provide": prefer the role verb in an xcomp
            for c in verb.children:
                if c.dep_ in ("xcomp", "advcl") and lemma(c) in ("provide", "support", "feed", "earn", "care", "protect", "look", "raise"):
                    return verb
            return verb
        return None

    @staticmethod
    def _helpless_span(sent, generic) -> tuple[int, int] | None:
        """'it is women who need protecting', 'the weaker sex because they are easier to deceive'."""
        doc = sent.doc
        people = [t for t, sex, _r in generic if sex == "female"]
        weaker = [t for t in sent if t.lower_ == "sex" and any(c.lower_ in _WEAKER for c in t.children)]
        anchors = people + weaker
        if not anchors:
            return None
        for tok in sent:
            lem = lemma(tok)
            if lem == "need" and any(lemma(c) in ("protect", "protection", "rescue", "saving", "help") for c in tok.children):
                subs = subjects_of(tok, passive=False)
                if any(s in anchors for s in subs):
                    end = max(t.i for t in tok.subtree)
                    start = min(s.i for s in subs if s in anchors)
                    start = min(start, *(t.i for t in sent if t.dep_ in ("expl",) or (t.lower_ == "it" and t.i < start and t.i >= start - 3)))
                    return doc[start].idx, doc[end].idx + len(doc[end].text)
            if lem in ("victim", "target", "prey") and any(lemma(m) in ("natural", "born", "perfect", "ideal") for m in tok.children if m.dep_ == "amod"):
                subs = subjects_of(tok.head, passive=False) if tok.dep_ in ("attr", "dobj", "oprd") else []
                if any(s in anchors for s in subs):  # "women make natural victims"
                    first = min((s for s in subs if s in anchors), key=lambda t: t.i)
                    end = max(t.i for t in tok.subtree)
                    return doc[first.i].idx, doc[end].idx + len(doc[end].text)
            if tok.dep_ == "acomp" and lem in _HELPLESS_PREDICATES:
                subs = subjects_of(tok.head, passive=False)
                if any(s in anchors or (s.lower_ == "they" and anchors) for s in subs):
                    first = min(anchors, key=lambda a: a.i)
                    end = max(t.i for t in tok.subtree)
                    return doc[first.i].idx, doc[end].idx + len(doc[end].text)
        return None


_ADDRESSEES = r"(?:mothers|mums|moms|fathers|dads|husbands|brothers|sons|men|guys|uncles|grandfathers)"  # to women and girls
_GUARD_VERBS = (r"(?:protect|guard|watch(?:\s+over)?|keep\s+an\s+eye\s+on|keep\s+track\s+of|look\s+after|check\s+on|control|"
                r"(?:do\s+not|don't|never)\s+let|keep)")
_WARDS = r"(?:daughters?|girls?|wives|wife|sisters?|women|womenfolk|nieces?)"
# "Dads, don't let your girls go abroad alone": men addressed as the guardians of women and girls;
# "Mums, keep your kids safe online": women addressed as the only carers of children.
_GUARDIAN_ADDRESS = re.compile(
    r"^\W*" + _ADDRESSEES + r"\s*[,:!\u2013\u2014-]+\s*" + _GUARD_VERBS + r"\s+(?:your|their|our)\s+(?:\w+\s+)?" + _WARDS + r"\b"
    r"|^\W*(?:mothers|mums|moms|mommies|mummies)\s*[,:!\u2013\u2014-]+\s*" + _GUARD_VERBS
    + r"\s+(?:your|their|our)\s+(?:\w+\s+)?(?:children|kids|sons?|family|families|little\s+ones|boys|babies|teenagers|teens)\b", re.I)
# "A good wife never lets a stranger in", "A woman's place is at home", "Real men don't get trafficked"
_ROLE_NORM = re.compile(
    r"^\W*(?:wives|husbands)\s*[,:!\u2013\u2014-]+\s*[^,.;:!?]{3,60}|"  # advice addressed to spouses by role
    r"\b(?:a|every|any)\s+(?:good|real|proper|decent|true|respectable|dutiful|obedient)\s+"
    r"(?:wife|woman|girl|daughter|mother|husband|man|son|father|boy)\s+"
    r"(?:never|always|should|shouldn't|must|mustn't|does|doesn't|does\s+not|knows|stays|obeys|listens|protects|provides|keeps|would|wouldn't|will|won't|can|can't|cannot)\b"
    r"|\ba\s+woman's\s+place\s+is\b"
    r"|\b(?:real|proper)\s+men\s+(?:don't|do\s+not|never|can't|cannot)\s+(?:get\s+trafficked|get\s+exploited|cry|complain|ask\s+for\s+help|need\s+help|become\s+victims|be\s+victims|be\s+trafficked)\b", re.I)


# The words each pattern cannot match without: the addressees (every alternative of
# _GUARDIAN_ADDRESS starts with one) and the nouns of _ROLE_NORM's alternatives.
_GUARDIAN_WORDS = frozenset({"mothers", "mums", "moms", "fathers", "dads", "husbands", "brothers", "sons", "men", "guys",
                             "uncles", "grandfathers", "mommies", "mummies"})
_NORM_WORDS = frozenset({"wives", "husbands", "wife", "woman", "girl", "daughter", "mother", "husband", "man", "son",
                         "father", "boy", "men"})


def role_messages(ctx: CheckContext, seg, sent) -> list[Finding]:
    """STE003 for gender-role messaging the parse does not see: men addressed as guardians of women,
    and prescriptive norms ('a good wife never ...', 'real men don't get trafficked')."""
    guardian = not _GUARDIAN_WORDS.isdisjoint(seg.words)
    norm = not _NORM_WORDS.isdisjoint(seg.words)
    if not (guardian or norm):
        return []
    text = sent_text(seg, sent)
    if is_sourced(text):
        return []
    rule = ctx.rules.get("STE003")
    out = [ctx.finding(rule, seg, (s, e), entry=rule.entry("guardian-of-women"),
                       detail=" It addresses men as the guardians of women and girls.")
           for s, e, _m in regex_spans(sent, _GUARDIAN_ADDRESS, text)] if guardian else []
    if norm:
        out += [ctx.finding(rule, seg, (s, e), entry=rule.entry("gender-norm"), detail=" It prescribes how women or men should be.")
                for s, e, _m in regex_spans(sent, _ROLE_NORM, text)]
    return out


RoleCheck.gate = AnyGate((ROLE_GATE, Gate.of(words=_GUARDIAN_WORDS | _NORM_WORDS | _WEAKER)))


_TRAFFICKING = re.compile(r"\b(traffick\w*|exploit\w*|victims?|slavery|sold|smuggl\w*|forced)\b", re.I)
_QUANTITY = re.compile(r"\d|\b(millions?|thousands?|hundreds?|billions?|dozens?|per ?cent|majority|half)\b", re.I)
_MEN_BEFORE = re.compile(r"\b(men|boys|man)\s*(,|and|or)?\s*$", re.I)
_MEN_AFTER = re.compile(r"\s*(,|and|or)\s*(men|boys)\b", re.I)
_WOMEN_CHILDREN = re.compile(r"\b(women and children|children and women)\b(?!'s|’s)", re.I)


class WomenChildrenCheck:
    """STE001: 'women and children' as the victims (not in titles, not in sourced data).

    Gate: _WOMEN_CHILDREN and _TRAFFICKING must both match in the sentence."""

    codes = ("STE001",)
    gate = AllGate((Gate.of(words=["women"]), Gate.of(words=["children"]),
                    Gate.of(words=["victim", "victims", "slavery", "sold", "forced"], prefixes=["traffick", "exploit", "smuggl"])))

    def wants(self, sent) -> bool:
        return False  # surface patterns only

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("STE001"):
            return
        rule = ctx.rules.get("STE001")
        for seg, sent in sentences(ctx):
            text = sent_text(seg, sent)
            if is_sourced(text) or not _TRAFFICKING.search(text) or _QUANTITY.search(text):
                continue  # a data statement, or a service for women and children, is not the pairing
            for s, e, m in regex_spans(sent, _WOMEN_CHILDREN, text):
                if m.group(1)[0].isupper() and m.group(1).split()[-1][0].isupper():
                    continue  # "Especially Women and Children", "Ministry of Women and Children"
                before, after = text[:m.start()], text[m.end():]
                if _MEN_BEFORE.search(before) or _MEN_AFTER.match(after):
                    continue  # "men, women and children": men are named too
                yield ctx.finding(rule, seg, (s, e), entry=rule.entries[0])


_GENERAL = r"(?:usually |mostly |always |often |typically |generally |mainly |all |nearly always |almost always |invariably |normally |commonly )?"
_MYTH_TRAFFICKERS = re.compile(
    r"\b(?:traffickers|the (?:typical|average|usual) trafficker|most traffickers|recruiters)\s+(?:are|is)\s+" + _GENERAL +
    r"(?:strangers|foreigners|outsiders|men|male|immigrants|migrants|foreign|strange men|older men)\b"
    r"(?!\s*(?:,|and|or)\s*(?:women|female|people|relatives|friends|family|acquaintances|nationals))", re.I)
# "foreign men are the ones who traffic our girls", "it is strangers who lure children away"
_MYTH_WHO = re.compile(
    r"\b(?:(?:foreign|strange|older|immigrant|migrant)\s+(?:men|nationals|gangs)|foreigners|strangers|outsiders|immigrants|migrants)\s+"
    r"(?:are|is)\s+(?:usually\s+|always\s+|mostly\s+|often\s+)?(?:the\s+ones|those|the\s+people)\s+(?:who|that)\s+"
    r"(?:traffic|exploit|prey|lure|kidnap|abduct|abuse|recruit|sell|snatch|groom|target)\w*"
    r"|\bit\s+is\s+(?:always\s+|usually\s+|mostly\s+)?(?:foreign\s+men|foreigners|strangers|outsiders|immigrants|migrants)\s+who\s+"
    r"(?:traffic|exploit|prey|lure|kidnap|abduct|abuse|recruit|sell|snatch|groom|target)\w*", re.I)
# "trafficking usually begins with a stranger", "it always starts with a kidnapping"
_MYTH_BEGINS = re.compile(
    r"\b(?:trafficking|exploitation|recruitment|it)\s+" + _GENERAL +
    r"(?:begins|starts|happens|comes)\s+(?:with|when)\s+(?:a\s+|an\s+)?(?:stranger|strangers|kidnapping|abduction|someone you don't know|someone you do not know)\b", re.I)
_MYTH_VICTIMS = re.compile(
    r"\b(?:(?:trafficking |all )?victims|the (?:typical|average|usual) victim)\s+(?:are|is)\s+"
    r"(?:always|all|only|usually|mostly|typically|generally|mainly|nearly always|almost always)\s+"
    r"(?:foreigners|foreign|migrants|immigrants|from abroad|outsiders)\b", re.I)
# "only migrants are trafficked", "only foreigners get trafficked" (not "not only migrants ...")
_ONLY_GROUP = re.compile(
    r"(?<!not )(?<!n't )\bonly\s+(migrants|foreigners|immigrants|foreign nationals|foreign women|refugees|undocumented people|"
    r"women|girls|young women|young girls|women and girls|women and children|poor people|the poor)\s+"
    r"(?:are|get|can be|become|will be|fall)\s+(?:\w+\s+)?(?:trafficked|exploited|victims|targeted|enslaved)\b", re.I)
# A fixed profile: "victims are always young girls", "victims are usually poor, uneducated girls from the countryside"
_PROFILE_ADJ = r"(?:young|innocent|naive|naïve|poor|uneducated|illiterate|rural|barefoot|vulnerable|unemployed|desperate|lonely|teenage|village|helpless|ignorant)"
_PROFILE_NOUN = r"(?:girls?|wom[ae]n|females?|teenagers?|teens|children|child|orphans?|villagers|families|homes|backgrounds|villages)"
_VICTIM_PROFILE = re.compile(
    r"\b(?:(?:trafficking\s+)?victims|trafficked\s+(?:women|girls|people|persons|children)|those\s+(?:who\s+are\s+)?trafficked)\s+"
    r"(?:are|come)\s+(?:usually|always|mostly|typically|generally|mainly|invariably|nearly always|almost always|all)\s+"
    r"(?:from\s+)?(?:a\s+|an\s+)?(?:" + _PROFILE_ADJ + r"[\s,]+(?:and\s+)?)+" + _PROFILE_NOUN + r"\b", re.I)
_TYPICAL_VICTIM = re.compile(
    r"\bthe (?:typical|average|usual|classic) (?:trafficking )?victim is (?:a |an )?(?:" + _PROFILE_ADJ + r"[\s,]+(?:and\s+)?)*"
    r"(?:girl|woman|female|teenager|teen|child|orphan)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|n't|never|no longer|myth|wrong|false|untrue)\b", re.I)

# The words each myth pattern cannot match without (its subject, object or verb alternatives).
_MYTH_GATES = {
    "traffickers": Gate.of(words=["traffickers", "trafficker", "recruiters"]),  # _MYTH_TRAFFICKERS
    "who": Gate.of(prefixes=["traffic", "exploit", "prey", "lure", "kidnap", "abduct", "abuse", "recruit", "sell", "snatch",
                             "groom", "target"]),  # _MYTH_WHO: its closing verb
    "begins": Gate.of(words=["stranger", "strangers", "kidnapping", "abduction", "someone"]),  # _MYTH_BEGINS
    "typical": Gate.of(words=["victim"]),  # _TYPICAL_VICTIM
    "profile": Gate.of(words=["victims", "trafficked"]),  # _VICTIM_PROFILE
    "victims": Gate.of(words=["victims", "victim"]),  # _MYTH_VICTIMS
    "only": Gate.of(words=["only"]),  # _ONLY_GROUP
}


class MythCheck:
    """STE004: 'traffickers are (usually) strangers/men', 'victims are always foreigners'.

    Gate: any pattern's required words (_MYTH_GATES); each pattern runs only where its words are."""

    codes = ("STE004",)
    gate = AnyGate(tuple(_MYTH_GATES.values()))

    def wants(self, sent) -> bool:
        return False  # surface patterns only

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("STE004"):
            return
        rule = ctx.rules.get("STE004")
        any_gender = ("victims can be people of any gender, age and background",)
        for seg in ctx.segments:
            on = {name: seg.opened(g) for name, g in _MYTH_GATES.items()}
            patterns = [p for p, name in ((_MYTH_TRAFFICKERS, "traffickers"), (_MYTH_WHO, "who"), (_MYTH_BEGINS, "begins"),
                                          (_TYPICAL_VICTIM, "typical"), (_VICTIM_PROFILE, "profile"), (_MYTH_VICTIMS, "victims"),
                                          (_ONLY_GROUP, "only")) if on[name]]
            for sent in seg.sents:
                yield from self._sentence(rule, any_gender, ctx, seg, sent, patterns)

    @staticmethod
    def _sentence(rule, any_gender, ctx, seg, sent, patterns):
        """The patterns whose words the paragraph holds, over one sentence (in the original order)."""
        text = sent_text(seg, sent)
        if is_sourced(text):
            return
        if _MYTH_TRAFFICKERS in patterns:
            for s, e, _m in regex_spans(sent, _MYTH_TRAFFICKERS, text):
                yield ctx.finding(rule, seg, (s, e), entry=rule.entry("traffickers-are-strangers"))
        if _MYTH_WHO in patterns or _MYTH_BEGINS in patterns:
            negated = bool(_NEGATED.search(text))
            if not negated:  # "trafficking does not usually begin with a stranger" is the correction
                for pattern in (_MYTH_WHO, _MYTH_BEGINS):
                    if pattern in patterns:
                        for s, e, _m in regex_spans(sent, pattern, text):
                            yield ctx.finding(rule, seg, (s, e), entry=rule.entry("traffickers-are-strangers"))
        for pattern in (_TYPICAL_VICTIM, _VICTIM_PROFILE):
            if pattern in patterns:
                for s, e, _m in regex_spans(sent, pattern, text):
                    yield ctx.finding(rule, seg, (s, e), entry=rule.entry("victims-are-foreigners"), suggestions=any_gender)
        if _MYTH_VICTIMS in patterns:
            for s, e, _m in regex_spans(sent, _MYTH_VICTIMS, text):
                yield ctx.finding(rule, seg, (s, e), entry=rule.entry("victims-are-foreigners"))
        if _ONLY_GROUP in patterns:
            for s, e, m in regex_spans(sent, _ONLY_GROUP, text):
                foreign = not re.match(r"(?i)(women|girls|young|poor|the poor)", m.group(1))
                yield ctx.finding(rule, seg, (s, e), entry=rule.entry("victims-are-foreigners"),
                                  suggestions=None if foreign else any_gender)


_AGE_WORDS = {"young", "teenage", "little", "adolescent"}


class NationalityVictimCheck:
    """STE005: nationality or region + 'girls' as a generic label ('Eastern European girls')."""

    codes = ("STE005",)
    gate = Gate.of(words=["girls"])  # the finding ends on a token 'girls'

    def wants(self, sent) -> bool:
        return any(t.lower_ == "girls" for t in sent)  # NER tells a nationality before "girls"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("STE005"):
            return
        for seg, sent in sentences(ctx):
            toks = list(sent)
            if not any(t.lower_ == "girls" for t in toks) or is_sourced(sent_text(seg, sent)):
                continue
            for k, tok in enumerate(toks):
                if tok.lower_ != "girls":
                    continue
                j = k - 1
                while j >= 0 and toks[j].lower_ in _AGE_WORDS:
                    j -= 1
                if j < 0 or not toks[j].text[:1].isupper() or not (toks[j].lower_ in DEMONYMS or toks[j].ent_type_ == "NORP"):
                    continue
                i = j
                while i - 1 >= 0 and toks[i - 1].text[:1].isupper() and (toks[i - 1].lower_ in DEMONYMS or toks[i - 1].ent_type_ == "NORP"):
                    i -= 1
                if i - 1 >= 0 and (toks[i - 1].like_num or toks[i - 1].lower_ in ("the", "these", "those", "both")):
                    continue  # specific girls in a case story
                yield ctx.finding("STE005", seg, (toks[i].idx, tok.idx + len(tok.text)))


_BLOC = re.compile(r"\bthe\s+([A-Z][a-z]+|migrant|immigrant|refugee|foreign)\s+community\b(?!\s+(?-i:[A-Z]))", re.I)


class CommunityBlocCheck:
    """STE006: 'the Roma/migrant/Muslim community' as one bloc (named organisations excepted)."""

    codes = ("STE006",)
    gate = Gate.of(words=["community"])  # _BLOC ends on the word 'community'

    def wants(self, sent) -> bool:
        return False  # surface patterns only

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.enabled("STE006"):
            return
        rule = ctx.rules.get("STE006")
        for seg, sent in sentences(ctx):
            for s, e, m in regex_spans(sent, _BLOC, sent_text(seg, sent)):
                group = m.group(1)
                if group.lower() not in DEMONYMS | {"migrant", "immigrant", "refugee", "foreign"}:
                    continue
                if "Community" in m.group(0):
                    continue  # part of a name ("the Roma Community Centre")
                yield ctx.finding(rule, seg, (s, e), entry=rule.entries[0],
                                  suggestions=(f"{group} communities", f"people from {group} communities"))


_LABEL_VERBS = {"treat", "record", "register", "classify", "class", "identify", "label", "describe", "consider",
                "count", "list", "regard", "process", "charge", "arrest", "deport", "see", "categorise", "categorize"}
_VICTIM_LABELS = {"victim", "victims", "survivor", "survivors"}
_OFFENDER_LABELS = {"migrant", "migrants", "immigrant", "immigrants", "offender", "offenders", "criminal", "criminals",
                    "illegals", "alien", "aliens", "worker", "workers", "overstayer", "overstayers"}


class GenderedLabellingCheck:
    """STE010: women labelled victims and men labelled (illegal) migrants for the same situation."""

    codes = ("STE010",)
    # A finding is an offender label ('as migrants') set against a victim label of the other sex,
    # both after 'as' with a gendered subject, in one paragraph: all four kinds of word are needed.
    gate = AllGate((Gate.of(words=["as"]), Gate.of(words=GENDERED_PARAGRAPH_WORDS),
                    Gate.of(words=_VICTIM_LABELS), Gate.of(words=_OFFENDER_LABELS)))

    def wants(self, sent) -> bool:
        """A label verb's subject and its 'as victims / as migrants' phrase are in one sentence,
        in a paragraph that also holds a gendered word and both kinds of label (the gate's words)."""
        low = {t.lower_ for t in sent}
        if "as" not in low or not low & (_VICTIM_LABELS | _OFFENDER_LABELS):
            return False
        para = {t.lower_ for t in sent.doc}
        return bool(para & _VICTIM_LABELS) and bool(para & _OFFENDER_LABELS) and bool(para & GENDERED_WORDS)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.info.statistical or not ctx.enabled("STE010"):
            return
        for seg in ctx.segments:
            labels = []  # (sex, kind, span)
            for tok in seg.doc:
                if lemma(tok) not in _LABEL_VERBS:
                    continue
                for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"):
                    words = [t for t in prep.subtree if t is not prep]
                    if not words:
                        continue
                    low = {t.lower_ for t in words}
                    if low & _VICTIM_LABELS:
                        kind = "victim"
                    elif low & _OFFENDER_LABELS:
                        kind = "offender"
                    else:
                        continue
                    for subj in subjects_of(tok):
                        sex = gender_of(subj)
                        if sex:
                            labels.append((sex, kind, (words[0].idx, words[-1].idx + len(words[-1].text))))
            sexes = {(sex, kind) for sex, kind, _ in labels}
            for sex, kind, span in labels:
                other = "male" if sex == "female" else "female"
                if kind == "offender" and (other, "victim") in sexes and (sex, "victim") not in sexes:
                    yield ctx.finding("STE010", seg, span)


CHECKS = [RoleCheck(), WomenChildrenCheck(), MythCheck(), NationalityVictimCheck(), CommunityBlocCheck(), GenderedLabellingCheck()]
