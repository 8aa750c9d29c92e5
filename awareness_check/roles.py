"""Role analysis: which role each gendered mention plays in its clause (3.8 items 8, 9 and 14).

Gender stereotyping in campaign text is rarely one word; it is a pattern: women always the object
of "trafficked", men always the subject of "recruit", mothers who protect, men who provide. This
module measures the pattern with the dependency parse, so the tool reports what the text does,
not what a word list guesses:

- victim: object of traffic/exploit/sell/rescue..., passive subject of those verbs, "trafficking
  of women", "women are the victims", "women trafficked to ...";
- agent: subject of traffic/recruit/exploit..., "by men" after a passive, "men are the traffickers",
  "female recruiters";
- provider: subject of provide for / support / feed / earn (for the family), "breadwinner";
- caregiver: subject of care for / look after / protect / raise (children, family), parent nouns;
- helpless: vulnerable, helpless, naive, innocent, weak... said of the mention.

A mention may hold several roles ("vulnerable women were trafficked": victim and helpless).
``role_table`` gives the counts by sex; ``sentence_roles`` gives, per sentence, which mentions hold
which role (the stereotype check reads it). Without a parser both return nothing: the caller
reports that the table could not be measured.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from .people import PARENT_NOUNS, gender_of

ROLES = ("victim", "agent", "provider", "caregiver", "helpless")

VICTIM_VERBS = frozenset({
    "traffic", "exploit", "sell", "buy", "rescue", "save", "free", "abuse", "rape", "force", "deceive",
    "lure", "trick", "kidnap", "abduct", "snatch", "enslave", "coerce", "hold", "lock", "beat", "target",
    "groom", "smuggle", "prostitute", "recruit", "marry", "threaten", "trap", "victimise", "victimize",
    "harm", "hurt", "control", "trade", "confine",
})
AGENT_VERBS = frozenset({
    "traffic", "recruit", "exploit", "sell", "lure", "deceive", "force", "smuggle", "control", "abuse",
    "kidnap", "abduct", "coerce", "groom", "trick", "buy", "rape", "beat", "lock", "threaten", "pimp",
    "prey", "enslave", "snatch", "manipulate", "hunt", "target", "confiscate", "withhold",
})
VICTIM_NOUNS = frozenset({"victim", "survivor", "target", "prey", "casualty"})
AGENT_NOUNS = frozenset({
    "trafficker", "perpetrator", "recruiter", "exploiter", "criminal", "offender", "smuggler", "pimp",
    "madam", "abuser", "buyer", "predator", "kidnapper", "procurer", "boss", "gangmaster", "culprit",
})
PROVIDER_NOUNS = frozenset({"breadwinner", "provider", "earner"})
CAREGIVER_NOUNS = frozenset({"caregiver", "carer", "homemaker", "housewife", "caretaker", "nurturer"})
HELPLESS = frozenset({
    "vulnerable", "helpless", "naive", "naïve", "innocent", "weak", "defenceless", "defenseless",
    "gullible", "fragile", "powerless", "voiceless", "easy", "weaker", "credulous", "unsuspecting",
})
QUANTITIES = frozenset({"million", "millions", "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "number",
                        "majority", "half", "most", "many", "some", "all", "lot", "lots", "share", "percent", "%", "one",
                        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "none", "few", "several"})
NATURAL = frozenset({"natural", "born", "perfect", "ideal", "obvious"})  # "women make natural victims"
OF_NOUNS = frozenset({"trafficking", "exploitation", "sale", "abuse", "rescue", "traffic", "smuggling", "enslavement"})
FAMILY = frozenset({"family", "families", "child", "children", "kid", "kids", "daughter", "daughters", "son",
                    "sons", "parent", "parents", "household", "home", "baby", "babies", "relative", "relatives"})
MONEY = frozenset({"money", "living", "income", "wage", "remittance"})
PROVIDER_VERBS = frozenset({"provide", "support", "feed", "earn", "sustain", "maintain", "send"})
CAREGIVER_VERBS = frozenset({"care", "look", "protect", "raise", "nurture", "mind", "watch", "tend", "bring"})


def _conjuncts(token) -> list:
    """The token and the tokens coordinated with it ("women and girls")."""
    return [token, *token.conjuncts]


def _coord_head(token):
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def subjects_of(verb, passive: bool | None = None) -> list:
    """Subjects of a verb, inherited through xcomp/conj ("men migrate to provide")."""
    deps = {"nsubj", "nsubjpass"} if passive is None else ({"nsubjpass"} if passive else {"nsubj"})
    subs = [c for c in verb.children if c.dep_ in deps]
    if not subs and verb.dep_ in ("xcomp", "conj", "advcl", "relcl") and verb.head is not verb:
        if verb.dep_ == "relcl":
            return _conjuncts(verb.head) if passive is not True else []
        return subjects_of(verb.head, passive)
    out = []
    for s in subs:
        if s.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            s = verb.head  # "women who need protecting"
        out.extend(_conjuncts(s))
    return out


def _objects(verb) -> list:
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            out.extend(_conjuncts(c))
        elif c.dep_ == "prep" and c.lower_ in ("for", "after"):
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(_conjuncts(p))
    return out


def _by_agents(verb) -> list:
    out = []
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(_conjuncts(p))
    return out


def _is_passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (verb.tag_ == "VBN" and verb.dep_ == "acl")


def _lemma(token) -> str:
    return (token.lemma_ or token.text).lower()


def assign_roles(sent, identity_nouns: bool = True) -> dict[int, set[str]]:
    """Token index -> roles, for every token of the sentence the parse links to a role.

    ``identity_nouns``: count parent nouns (mother, father) as caregivers. The table does; the
    stereotype check does not, since "mothers can call the helpline" assigns no role.
    """
    roles: dict[int, set[str]] = defaultdict(set)

    def add(tokens: Iterable, role: str) -> None:
        for t in tokens:
            roles[t.i].add(role)
            if _lemma(t) in QUANTITIES:  # "millions of women and children are trafficked"
                for prep in t.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        for p in prep.children:
                            if p.dep_ == "pobj":
                                for x in _conjuncts(p):
                                    roles[x.i].add(role)

    for tok in sent:
        lem = _lemma(tok)
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            if lem in VICTIM_VERBS:
                if tok.dep_ == "acomp" and tok.tag_ == "VBN" and _lemma(tok.head) == "be":
                    add(subjects_of(tok.head, passive=None), "victim")  # "her son was trafficked" parsed as be + adjective
                if _is_passive(tok):
                    add(subjects_of(tok, passive=True), "victim")
                    if tok.dep_ == "acl":  # "women trafficked to ..."
                        add(_conjuncts(tok.head), "victim")
                    add(_by_agents(tok), "agent")
                add([o for o in _objects(tok)], "victim")
            participle = tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
            if lem in AGENT_VERBS and not _is_passive(tok) and not participle:  # not "confiscated passports"
                add(subjects_of(tok, passive=False), "agent")
            if lem in PROVIDER_VERBS:
                if lem != "provide" and not any(_lemma(o) in FAMILY | MONEY for o in tok.subtree if o is not tok):
                    continue
                if lem == "provide" and not any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
                    continue
                add(subjects_of(tok, passive=False), "provider")
            if lem in CAREGIVER_VERBS:
                objs = _objects(tok)
                if lem in ("look", "watch", "bring") and not any(c.dep_ in ("prep", "prt") and c.lower_ in ("after", "over", "up") for c in tok.children):
                    continue
                family_in_sentence = any(t.lower_ in FAMILY for t in sent)
                if objs and not any(_lemma(o) in FAMILY or o.lower_ in FAMILY or (o.pos_ == "PRON" and family_in_sentence) for o in objs):
                    continue
                if not objs and lem not in ("care", "nurture"):
                    continue
                add(subjects_of(tok, passive=False), "caregiver")
            if lem == "need" and any(_lemma(c) in ("protect", "protection", "rescue", "saving", "save", "help") for c in tok.children):
                add(subjects_of(tok, passive=False), "helpless")
            for prep in tok.children:  # "detected as victims", "treated them as victims", "worked as recruiters"
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    nouns = {_lemma(p) for p in prep.children if p.dep_ == "pobj"}
                    role = "victim" if nouns & VICTIM_NOUNS else ("agent" if nouns & AGENT_NOUNS else None)
                    if role:
                        targets = subjects_of(tok, passive=True) if _is_passive(tok) else _objects(tok)
                        add(targets or subjects_of(tok, passive=False), role)
            if lem == "stay" and any(c.lower_ == "home" for c in tok.subtree):  # "mothers stay home"
                add(subjects_of(tok, passive=False), "caregiver")
            if lem in ("be", "become", "make", "remain"):  # "women are the victims", "traffickers are men"
                subs = subjects_of(tok, passive=False)
                deps = ("attr", "acomp") if lem == "be" else ("attr", "acomp", "dobj", "oprd")
                attrs = [a for c in tok.children if c.dep_ in deps for a in _conjuncts(c)]
                for a in attrs:
                    al = _lemma(a)
                    if al in VICTIM_NOUNS:
                        add(subs, "victim")
                    elif al in AGENT_NOUNS:
                        add(subs, "agent")
                    elif al in PROVIDER_NOUNS:
                        add(subs, "provider")
                    elif al in CAREGIVER_NOUNS:
                        add(subs, "caregiver")
                    if al in HELPLESS or any(_lemma(m) in HELPLESS | NATURAL for m in a.children if m.dep_ == "amod"):
                        add(subs, "helpless")
                    if gender_of(a):  # "the victims are women", "80% of victims are women", "traffickers are men"
                        sl = {_lemma(s) for s in subs} | {
                            _lemma(p) for s in subs for prep in s.children if prep.dep_ == "prep" and prep.lower_ == "of"
                            for p in prep.children if p.dep_ == "pobj"}
                        if sl & VICTIM_NOUNS:
                            add([a], "victim")
                        if sl & AGENT_NOUNS:
                            add([a], "agent")
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _lemma(tok.head.head) in OF_NOUNS:
            add(_conjuncts(tok), "victim")  # "trafficking of women and children"
        if tok.dep_ == "amod" and _lemma(tok) in HELPLESS:
            add(_conjuncts(tok.head) if tok.head.dep_ != "conj" else [tok.head], "helpless")
        if tok.dep_ in ("amod", "compound") and gender_of(tok):  # "female recruiters", "women victims"
            hl = _lemma(tok.head)
            if hl in VICTIM_NOUNS:
                add([tok], "victim")
            elif hl in AGENT_NOUNS:
                add([tok], "agent")
        if _lemma(tok) in ("madam", "pimp") and gender_of(tok):
            add([tok], "agent")
        if identity_nouns and tok.lower_ in PARENT_NOUNS:
            add([tok], "caregiver")
        if tok.dep_ == "nsubj" and _lemma(tok.head) == "fall" and any(_lemma(c) in ("prey", "victim") for c in tok.head.subtree):
            add(_conjuncts(tok), "victim")
    for tok in sent:  # "a female neighbour" recruited her: the adjective carries the noun's roles
        if tok.dep_ in ("amod", "compound") and gender_of(tok):
            roles[tok.i] |= roles.get(tok.head.i, set())
    return {i: r for i, r in roles.items() if r}


def gendered_mentions(sent) -> list:
    """Gendered words that name a person in the sentence (possessive his/her are not mentions)."""
    out = []
    for t in sent:
        g = gender_of(t)
        if not g or t.dep_ == "poss" or t.pos_ == "PROPN" or t.tag_ == "PRP$":
            continue
        if t.lower_ in ("female", "male") and t.dep_ not in ("amod", "compound", "nsubj", "dobj", "pobj", "attr"):
            continue
        out.append(t)
    return out


def sentence_roles(sent, identity_nouns: bool = True) -> list[tuple[object, str, set[str]]]:
    """[(token, sex, roles)] for every gendered mention in a parsed sentence."""
    mentions = gendered_mentions(sent)
    if not mentions:
        return []  # nothing to give a role to: skip the parse walk
    roles = assign_roles(sent, identity_nouns)
    return [(t, gender_of(t), roles.get(t.i, set())) for t in mentions]


def empty_table() -> dict[str, dict[str, int]]:
    return {sex: {role: 0 for role in ROLES} for sex in ("female", "male")}


def role_table(adoc) -> dict:
    """Counts of roles by sex over a whole analysed document: {"female": {...}, "male": {...}}.

    Returns {} when the pipeline has no parser (blank fallback): roles cannot be measured then.
    Paragraphs and sentences without both a gendered word and a role word (ROLE_GATE,
    ``may_hold_roles``) cannot add to the table and are skipped without walking the parse.
    """
    if not adoc.info.statistical:
        return {}
    table = empty_table()
    for seg in adoc.segments:
        if not seg.opened(ROLE_GATE):
            continue
        for sent in seg.sents:
            if not may_hold_roles(sent):
                continue
            for _tok, sex, roles in sentence_roles(sent):
                for role in roles:
                    table[sex][role] += 1
    return table


# Forms the spaCy lemmatizer maps to a role lemma that neither start with its stem nor are in
# triggers.IRREGULAR (found in the model's lemma_exc tables; tests/test_gates_stereo.py checks).
_IRREGULAR_ROLE_FORMS = frozenset({"withheld"})
# The tokenizer's special cases split these letter runs into a gendered pronoun and a rest
# ('hes' -> 'he' 's'): the pronoun token exists although the paragraph's words hold only 'hes'.
CONTRACTED_PRONOUNS = {
    "he": frozenset({"hed", "hedve", "hellve", "hes"}),
    "she": frozenset({"shedve", "shellve", "shes"}),
    "you": frozenset({"youd", "youdve", "youll", "youllve", "youre", "youve"}),
}


def with_contractions(words) -> frozenset:
    """``words`` plus the letter runs the tokenizer splits into one of them (see CONTRACTED_PRONOUNS)."""
    out = set(words)
    for pron, forms in CONTRACTED_PRONOUNS.items():
        if pron in out:
            out |= forms
    return frozenset(out)


def _role_triggers():
    from .people import FEMALE, MALE
    from .triggers import Triggers

    lemmas = (VICTIM_VERBS | AGENT_VERBS | PROVIDER_VERBS | CAREGIVER_VERBS | VICTIM_NOUNS | AGENT_NOUNS
              | PROVIDER_NOUNS | CAREGIVER_NOUNS | HELPLESS | NATURAL | OF_NOUNS | PARENT_NOUNS
              | {"need", "stay", "fall", "trusting"})
    return Triggers.of(exact=_IRREGULAR_ROLE_FORMS, lemmas=lemmas), frozenset(FEMALE | MALE)


ROLE_TRIGGERS, GENDERED_WORDS = _role_triggers()
# Paragraph words that can hold a gendered token (pronoun contractions included).
GENDERED_PARAGRAPH_WORDS = with_contractions(GENDERED_WORDS)


def may_hold_roles(sent) -> bool:
    """Cheap test on unparsed tokens: could ``sentence_roles`` find a role here?

    Every role needs a gendered mention and one of the role words (a victim/agent/provider/caregiver
    verb or noun, a helplessness word, 'need', 'stay' or 'fall'); parent nouns are both.
    """
    return any(t.lower_ in GENDERED_WORDS for t in sent) and ROLE_TRIGGERS.hit(sent)


class RoleGate:
    """Paragraph gate of the role table: a gendered word and a role word (``may_hold_roles`` for
    the whole paragraph, read from its word set, so the paragraph need not be tokenised)."""

    def opens(self, segment) -> bool:
        return self.opens_words(segment.words)

    @staticmethod
    def opens_words(words) -> bool:
        if GENDERED_PARAGRAPH_WORDS.isdisjoint(words):
            return False
        if not ROLE_TRIGGERS.words.isdisjoint(words):
            return True
        prefixes = ROLE_TRIGGERS.prefixes
        return any(w.startswith(prefixes) for w in words)


ROLE_GATE = RoleGate()
