"""Trafficking in persons vs smuggling of migrants, read in context (terminology.md section 1).

A word list cannot tell "smugglers charged 2,000 euros for the crossing" (correct) from "smugglers
forced the women into prostitution" (the exploitation makes it trafficking). The two Protocols
define the crimes by their elements, so the check looks for those elements around the word:

- trafficking in persons = an act (recruit, transport, harbour, receive) + a means (force,
  deception, abuse of vulnerability) + a purpose of exploitation;
- smuggling of migrants = procuring someone's irregular entry into a State for a financial or other
  material benefit; it ends on arrival and the migrant is its object, not its offender (art. 5).

A smuggling word in a sentence whose cues describe exploitation of the person (TRM001), a
trafficking word in a sentence that describes a paid crossing and nothing else (TRM002), the two
presented as one (TRM003), and a handful of definitional errors (TRM005, TRM006, TRM009, TRM010,
TRM013, TRM014, TRM015) are found here. Plain phrases (illegal immigrant, child prostitute, ...)
are ``kind: term`` rules in ``lexicons/terminology.yml`` and run in ``checks/lexical.py``.

Silence is the default: the object of the verb is not a person (drugs, arms, goods...), both
crimes are named in the sentence (a distinction or a sequence: "smuggled and later trafficked"),
the cue is hedged ("may be exploited", "at risk of") or negated. Without a parser (blank
fallback) the same cues are read from word windows, with fewer sentences understood.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.tokens import Span, Token

from ..findings import Finding
from ..gates import FOLDED_LETTERS, AnyGate, Gate
from ..triggers import IRREGULAR, Triggers, inflections
from .base import CheckContext


# Guard 2 (terminology.md): non-human objects of trafficking or smuggling.
NON_HUMAN = frozenset("""
drug drugs narcotic narcotics cocaine heroin cannabis marijuana opium methamphetamine meth fentanyl
pill pills precursor precursors arm arms weapon weapons firearm firearms gun guns ammunition
explosive explosives wildlife ivory horn horns pangolin pangolins timber wood logs antiquity
antiquities artefact artefacts artifact artifacts cultural heritage art artwork artworks cigarette
cigarettes tobacco fuel petrol diesel oil gasoline goods good contraband cash money currency gold
diamond diamonds counterfeit counterfeits medicine medicines alcohol liquor animal animals bird
birds reptile reptiles species fish electronics phone phones car cars vehicle vehicles product
products item items merchandise waste chemical chemicals mineral minerals metal metals sand coal
organ organs tissue shipment shipments consignment weapons-grade uranium nuclear material materials
data coca sugar rice livestock cattle
""".split())

PERSON_NOUNS = frozenset("""
person persons people migrant migrants refugee refugees woman women man men girl girls boy boys
child children worker workers family families victim victims minor minors teenager teenagers
national nationals foreigner foreigners passenger passengers asylum-seeker asylum-seekers
""".split())

# Exploitation of the person: the purpose element of art. 3 of the Trafficking in Persons Protocol,
# and the control after arrival that shows it (confiscated documents, withheld wages, no freedom).
EXPLOIT_LEMMAS = frozenset("""
prostitution prostitute brothel exploit exploitation exploiter bondage servitude
enslave enslavement slavery unpaid begging
""".split())
# 'smugglers exploit people's desperation': an abstract object is not exploitation of the person.
ABSTRACT_OBJECTS = frozenset("""
desperation despair fear fears hope hopes dream dreams loophole loopholes gap gaps weakness weaknesses
demand situation situations vulnerability vulnerabilities need needs lack chaos conflict crisis
""".split())
FORCE_LEMMAS = frozenset("force make compel coerce oblige".split())
FORCED_ACTS = frozenset("work labour labor beg prostitution prostitute steal sell marry sex serve servant selling begging criminality marriage".split())
CONTROL_OBJECTS = frozenset("passport passports document documents paper papers id card wage wages pay salary earnings phone phones".split())
CONTROL_VERBS = frozenset("take keep confiscate hold withhold seize retain steal".split())
EXPLOIT_PHRASES = ("without pay", "for no pay", "no wages", "for nothing", "debt bondage", "domestic servants",
                   "domestic servant", "cannot leave", "could not leave", "not allowed to leave", "locked in", "locked up",
                   # debt bondage told as a phrasal verb: the journey 'worked off'
                   "work it off", "work off", "working off", "worked off", "work off the debt", "work it all off",
                   # sexual exploitation told through the people who pay for it
                   "see clients", "serve clients", "entertain clients", "sleep with clients", "see customers",
                   "sex with clients", "sex with customers", "sex with men",
                   "put to work", "put them to work", "put her to work", "put him to work")

# The smuggling elements: a benefit paid, and an irregular crossing that ends on arrival.
PAYMENT_LEMMAS = frozenset("pay charge fee fare price euro dollar money cost payment ticket $ € £".split())
MOVEMENT_LEMMAS = frozenset("""
cross crossing border boat dinghy vessel journey trip passage ferry drive across over arrive arrival
reach route sea lorry truck van transport take bring
""".split())
# Words that show the passage became (or was always) exploitation: then it may well be trafficking.
DEBT_LEMMAS = frozenset("debt debts owe owed repay repayment bondage".split())

_KNOWN: frozenset = frozenset()  # filled below, once every cue set exists

SEQUENCE_ADVERBS = frozenset("later subsequently afterwards eventually then".split())
MODALS = frozenset("may might could can".split())
HEDGE_WORDS = frozenset("risk risks vulnerable vulnerability danger prone susceptible sometimes".split())
# Recruitment by deception is the 'means' element of trafficking: a trafficking word is then apt.
DECEPTION_LEMMAS = frozenset("promise lure deceive deception trick false fake job offer recruit recruiter".split())
NEGATIONS = frozenset("not no never n't nobody none neither nor without".split())

KIN_HELPERS = frozenset("""
relative relatives family families cousin cousins brother brothers sister sisters parent parents
mother father uncle aunt friend friends neighbour neighbours neighbor neighbors volunteer volunteers
fisherman fishermen rescuer rescuers ngo ngos charity charities priest priests humanitarian
""".split())

_KNOWN = EXPLOIT_LEMMAS | FORCE_LEMMAS | FORCED_ACTS | CONTROL_VERBS | PAYMENT_LEMMAS | MOVEMENT_LEMMAS | DEBT_LEMMAS

SMUGGLE = re.compile(r"^smuggl", re.I)
TRAFFICK = re.compile(r"^traffick", re.I)

REPLACE_SMUGGLE = {"smuggler": "trafficker", "smugglers": "traffickers", "smuggled": "trafficked",
                   "smuggle": "traffic", "smuggles": "traffics", "smuggling": "trafficking"}
REPLACE_TRAFFICK = {"trafficker": "smuggler", "traffickers": "smugglers", "trafficked": "smuggled",
                    "trafficking": "smuggling of migrants"}


# irregular form -> lemma, from the forms the triggers know (not 'be': "'s" is also a possessive)
_IRREGULAR = {form: lemma for lemma, forms in IRREGULAR.items() if lemma != "be" for form in forms}


def _lemma(t: Token) -> str:
    """The lemma; without a lemmatizer (blank fallback) a crude one that knows the cue words."""
    if t.lemma_ and not (t.is_upper and t.lemma_.lower() == t.lower_):
        return t.lemma_.lower()
    # no lemmatizer, or a word in capitals the tagger took for a name ('GIRLS SOLD TO ...')
    word = t.lower_
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix in ("ing", "ed", "es", "s", "d"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and (stem in _KNOWN or stem + "e" in _KNOWN):
            return stem if stem in _KNOWN else stem + "e"
    return word


# --- shared cue readers -----------------------------------------------------------------------


def is_non_human_target(tok: Token, statistical: bool) -> bool:
    """'drug smuggling', 'smuggled ivory', 'trafficking in firearms', 'cigarettes were smuggled'."""
    doc = tok.doc
    related: list[Token] = []
    if statistical:
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "dobj", "nsubjpass", "poss", "nsubj"):
                related.append(c)
                related.extend(c.conjuncts)
            if c.dep_ == "prep" and c.lower_ in ("of", "in"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        related.append(p)
                        related.extend(p.conjuncts)
        if tok.dep_ in ("amod", "acl", "compound"):
            related.append(tok.head)
        if tok.dep_ == "conj" and tok.head.dep_ in ("compound", "amod", "nmod"):
            related.append(tok.head)
    # Word windows work with or without a parser: "drug and arms trafficking", "smuggled ivory".
    i = tok.i - 1
    skipped = 0
    while i >= 0 and skipped < 4 and (doc[i].is_punct or doc[i].lower_ in ("and", "or", "-", "illegal", "illicit")
                                      or doc[i].lower_ in NON_HUMAN):
        if doc[i].lower_ in NON_HUMAN:
            return True
        i -= 1
        skipped += 1
    j = tok.i + 1
    window = [t for t in doc[j:j + 4] if not (t.is_punct or t.lower_ in ("the", "a", "an", "of", "in", "their", "its", "some", "illegal", "illicit", "and"))]
    if window and window[0].lower_ in NON_HUMAN:
        return True
    for r in related:
        if r.lower_ in NON_HUMAN or _lemma(r) in NON_HUMAN:
            if r.lower_ in PERSON_NOUNS:
                continue
            return True
    return False


def _is_hedged(tok: Token, negation: bool = True, sequence: bool = True) -> bool:
    """The cue is modalised, sequential or negated: 'may be exploited', 'later exploited', 'never forced'.

    ``negation=False`` for cues that are negations by nature ('never paid'); ``sequence=False`` when
    the smuggler is the one who acts later ('promised them jobs, then forced them to sell drugs')."""
    heads = [tok]
    h = tok
    for _ in range(2):
        if h.head.i == h.i:
            break
        h = h.head
        heads.append(h)
    for h in heads:
        for c in h.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS:
                return True
            if sequence and c.dep_ == "advmod" and c.lower_ in SEQUENCE_ADVERBS:
                return True
            if negation and c.dep_ == "neg":
                return True
        if h.pos_ == "VERB":
            break
    sent = tok.sent
    before = tok.doc[max(sent.start, tok.i - 6):tok.i]
    if any(t.lower_ in HEDGE_WORDS or (sequence and t.lower_ in SEQUENCE_ADVERBS) for t in before):
        return True
    if any(_lemma(t) == "end" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "up" for t in before):
        return True  # 'smuggled migrants can end up in forced labour': a sequence, not a confusion
    return False


def exploitation_cues(sent: Span, skip: set[int], sequence: bool = True) -> list[Token]:
    """Tokens of the sentence that describe exploitation of a person (not hedged, not negated);
    ``sequence=False`` keeps cues told as a later step ('then forced them')."""
    cues: list[Token] = []
    toks = [t for t in sent if t.i not in skip]
    for t in toks:
        lem = _lemma(t)
        hit = False
        if lem in EXPLOIT_LEMMAS or t.lower_ in EXPLOIT_LEMMAS:
            hit = True
        elif _unpaid(t):
            hit = True
        elif t.lower_ == "forced" and t.i + 1 < sent.end and (_lemma(t.doc[t.i + 1]) in FORCED_ACTS or t.doc[t.i + 1].lower_ in FORCED_ACTS):
            hit = True  # 'forced labour', 'forced begging', 'forced work'
        elif lem in FORCE_LEMMAS and t.pos_ in ("VERB", "AUX", ""):
            after = t.doc[t.i + 1:min(sent.end, t.i + 8)]
            if any(_lemma(a) in FORCED_ACTS or a.lower_ in FORCED_ACTS or _lemma(a) in EXPLOIT_LEMMAS for a in after):
                hit = True
        elif t.lower_ in CONTROL_OBJECTS and _controlled_by_other(t, sent):
            hit = True
        elif lem == "sell" and _sells_a_person(t, sent):
            hit = True  # being sold is exploitation of the person, whatever the word for the seller
        elif (lem in DEBT_LEMMAS or (lem == "pay" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ in ("back", "off"))) \
                and _repaid_by_work(t, sent):
            hit = True  # 'made them pay back the journey by working': debt bondage
        if hit and lem == "exploit" and any(c.dep_ == "dobj" and (c.lower_ in ABSTRACT_OBJECTS or _lemma(c) in ABSTRACT_OBJECTS) for c in t.children):
            hit = False
        if hit and not _is_hedged(t, negation=not _unpaid(t), sequence=sequence):
            cues.append(t)
    text = " " + " ".join(t.lower_ for t in toks) + " "
    if not cues:
        for phrase in EXPLOIT_PHRASES:
            k = text.find(f" {phrase} ")
            if k >= 0:
                # map back to the first token of the phrase
                first = phrase.split()[0]
                for t in toks:
                    if t.lower_ == first and not _is_hedged(t, sequence=sequence):
                        cues.append(t)
                        break
    return cues


_PERSON_PRONOUNS = frozenset("them her him us me you".split())


def _sells_a_person(verb: Token, sent: Span) -> bool:
    """'sold the teenagers to a factory owner' (a person is the thing sold), not 'sold them fake
    papers' (them is the buyer) nor 'sold places on boats'."""
    doc = verb.doc
    if verb.i > sent.start and doc[verb.i - 1].lower_ in PERSON_NOUNS and verb.lower_ == "sold" \
            and verb.i + 1 < sent.end and doc[verb.i + 1].lower_ in ("to", "into", "as", "for"):
        return True  # reduced passive, parse-free (headlines in capitals): 'GIRLS SOLD TO BAR OWNERS'
    if verb.dep_:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
            objs.append(verb.head)  # 'women sold into prostitution'
        return any(o.lower_ in PERSON_NOUNS or (o.dep_ == "dobj" and o.lower_ in _PERSON_PRONOUNS) for o in objs)
    after = [a for a in verb.doc[verb.i + 1:min(sent.end, verb.i + 4)] if a.lower_ not in ("the", "a", "an", "some", "their", "his", "her")]
    if not after or not (after[0].lower_ in PERSON_NOUNS or after[0].lower_ in _PERSON_PRONOUNS):
        return False
    nxt = after[1] if len(after) > 1 else None
    return nxt is None or nxt.is_punct or nxt.lower_ in ("to", "into", "for", "as", "on", "at", "in")


_REPAID_WITH = frozenset("work working labour labor sell selling beg begging prostitute".split())


def _repaid_by_work(debt: Token, sent: Span) -> bool:
    """'made them pay back the journey by working', 'had to repay the debt by working in the fields':
    compelled repayment through work."""
    before = sent.doc[max(sent.start, debt.i - 5):debt.i]
    compelled = any(_lemma(b) in FORCE_LEMMAS for b in before) or any(
        b.lower_ == "had" and b.i + 1 < debt.i and b.doc[b.i + 1].lower_ == "to" for b in before)
    if not compelled:
        return False  # 'families repay the debt by working abroad': a loan repaid, not bondage
    after = sent.doc[debt.i + 1:min(sent.end, debt.i + 9)]
    return any(a.lower_ == "by" and a.i + 1 < sent.end and _lemma(sent.doc[a.i + 1]) in _REPAID_WITH
               for a in after)


_SAME_PERSON = [{"she", "her", "hers", "herself"}, {"he", "him", "his", "himself"}, {"they", "them", "their", "themselves"},
                {"i", "me", "my"}, {"you", "your"}, {"we", "us", "our"}]


def _subject_of(verb: Token) -> Token | None:
    for _ in range(3):
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if verb.dep_ in ("conj", "xcomp", "advcl", "dep") and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    return None


def _controlled_by_other(obj: Token, sent: Span) -> bool:
    """'the smuggler kept her passport' (control) vs 'she kept her passport' (her own choice)."""
    verbs = [p for p in obj.doc[max(sent.start, obj.i - 4):obj.i] if _lemma(p) in CONTROL_VERBS]
    if not verbs:
        return False
    verb = verbs[-1]
    subj = _subject_of(verb)
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    if subj is not None and owner is not None:
        for group in _SAME_PERSON:
            if subj.lower_ in group and owner.lower_ in group:
                return False
    return True


def _unpaid(t: Token) -> bool:
    """'paid nothing', 'not paid', 'never paid': no wages, which points to exploitation."""
    if _lemma(t) != "pay":
        return False
    if any(c.dep_ == "neg" or c.lower_ in ("never", "nothing") for c in t.children):
        return True
    nxt = t.doc[t.i + 1:t.i + 2]
    return bool(nxt) and nxt[0].lower_ in ("nothing", "little")


_MONEY = frozenset("fee fees euro euros dollar dollars pound pounds $ € £ cash money price thousands hundreds fortune".split())
_TRANSPORT_VERBS = frozenset("take bring drive transport ferry".split())
_TOWARD = frozenset("across over into to through".split())


# Every form whose lemma ``_has_payment`` accepts, and the currency signs a token may start with.
_FEE_WORDS = Triggers(frozenset(w for lemma in PAYMENT_LEMMAS for w in inflections(lemma)), ("$", "€", "£"))


def _has_payment(tokens) -> Token | None:
    for t in tokens:
        if _unpaid(t):
            continue
        if _lemma(t) == "charge":
            # 'charged each migrant $4,000' is a fee; 'charged with employing' is a prosecution
            after = t.doc[t.i + 1:min(len(t.doc), t.i + 6)]
            if not any(a.like_num or a.lower_ in _MONEY or a.text[:1] in "$€£" for a in after):
                continue
            return t
        if _lemma(t) in PAYMENT_LEMMAS or t.lower_ in PAYMENT_LEMMAS or t.text in ("$", "€", "£") or t.text.startswith(("$", "€", "£")):
            return t
    return None


def _has_movement(tokens) -> Token | None:
    for t in tokens:
        lem = _lemma(t)
        if lem in _TRANSPORT_VERBS:
            # 'took them across the river' is a crossing; 'took 4,500 calls' is not
            after = t.doc[t.i + 1:min(len(t.doc), t.i + 5)]
            if any(a.lower_ in _TOWARD for a in after):
                return t
            continue
        if lem in MOVEMENT_LEMMAS or t.lower_ in MOVEMENT_LEMMAS:
            return t
    return None


def _phrase_span(tok: Token) -> Span:
    """The target word with a 'human'/'people'/'migrant' modifier in front ('human smuggling')."""
    doc = tok.doc
    start = tok.i
    if start > 0 and doc[start - 1].lower_ in ("human", "people", "migrant", "people-", "child"):
        start -= 1
    return doc[start:tok.i + 1]


def _targets(sent: Span, rx: re.Pattern) -> list[Token]:
    return [t for t in sent if rx.match(t.text)]


# --- the check ----------------------------------------------------------------------------------


class TerminologyCheck:
    """Context rules for the trafficking / smuggling distinction (TRM001-TRM015 custom rules)."""

    codes = ("TRM001", "TRM002", "TRM003", "TRM005", "TRM006", "TRM009", "TRM010", "TRM013", "TRM014", "TRM015")
    # The sentence pass reads its own sentence. The paragraph pass reads the next sentence's parse
    # after a smuggling word (a pronoun continuing 'the smugglers'), and for TRM002, in a paragraph
    # with a trafficking word that may name a fee, every lemma of the paragraph (exploitation or
    # deception told anywhere): ``also_reads`` names those sentences.
    context_sentences = 0
    # Every finding starts from a token beginning 'smuggl'/'traffick' (TRM001/002/013, the
    # paragraph pass) or a pattern that names one of the crimes (TRM003-TRM015); the one pattern
    # without either word is TRM005's 'charged ... as accomplices'.
    gate = AnyGate((Gate.of(prefixes=("smuggl", "traffick", "accomplice")), FOLDED_LETTERS))

    def wants(self, sent) -> bool:
        """Every rule of this check starts from a smuggling or trafficking word (the definitional
        patterns all name one of the crimes), so a sentence without one needs no parse here."""
        return any(t.lower_.startswith(("smuggl", "traffick")) for t in sent)

    def also_reads(self, sents, i: int) -> tuple[int, ...]:
        """What ``_paragraph`` reads around a wanted sentence: the next one after a smuggling word;
        the whole paragraph when it has a trafficking word and may name a fee anywhere
        (``_has_payment`` finds nothing without one of ``_FEE_WORDS``). Anywhere, not just next
        door: the pass reads the parser's sentences, which can join or split the rule-based ones
        seen here ('Each was told "Get in!" and paid 2,000 euros.' is one sentence to the parser)."""
        words = [t.lower_ for t in sents[i]]
        if any(w.startswith("traffick") for w in words) and _FEE_WORDS.hit(sents[i].doc):
            return tuple(range(len(sents)))
        if i + 1 < len(sents) and any(w.startswith("smuggl") for w in words):
            return (i + 1,)
        return ()

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        statistical = ctx.info.statistical
        for seg in ctx.segments:
            sents = seg.sents
            flagged: set[int] = set()
            for sent in sents:
                yield from self._sentence(ctx, seg, sent, statistical, flagged)
            if statistical and len(sents) > 1:
                yield from self._paragraph(ctx, seg, sents, flagged)

    def _paragraph(self, ctx, seg, sents: tuple[Span, ...], flagged: set[int]) -> Iterator[Finding]:
        """Cues in the next or previous sentence of the same paragraph, for narrative text.

        'The smugglers took the women to a flat. There they forced them into prostitution.': the
        exploitation is told one sentence later, by a pronoun whose antecedent is the smugglers.
        'The migrants paid 2,000 euros each. Traffickers took them across in a dinghy.': the fee is
        told one sentence earlier. Both only when the paragraph names one crime and, for TRM002,
        describes no exploitation, debt or deception anywhere.
        """
        para_smug = [t for t in seg.doc if SMUGGLE.match(t.text) and not is_non_human_target(t, True)]
        para_traf = [t for t in seg.doc if TRAFFICK.match(t.text) and not is_non_human_target(t, True)
                     and not _names_a_response_or_victim(t)]
        if para_smug and para_traf:
            return
        for k, sent in enumerate(sents[:-1]):
            nxt = sents[k + 1]
            if ctx.enabled("TRM001"):
                for tok in (t for t in para_smug if sent.start <= t.i < sent.end and t.i not in flagged):
                    cue = _pronoun_continues(tok, nxt)
                    if cue is not None:
                        sugg = REPLACE_SMUGGLE.get(tok.lower_)
                        yield ctx.finding("TRM001", seg, _phrase_span(tok), suggestions=[sugg] if sugg else [],
                                          detail=_cue_text(cue), reading="the next sentence")
                        flagged.add(tok.i)
        if ctx.enabled("TRM002") and para_traf:
            whole = seg.doc[:]
            if _mentions_exploitation(whole, set()) or any(_lemma(t) in DECEPTION_LEMMAS or t.lower_ in HEDGE_WORDS
                                                             or t.lower_ in MODALS for t in whole):
                return
            for k, sent in enumerate(sents):
                toks = [t for t in para_traf if sent.start <= t.i < sent.end and t.i not in flagged]
                if not toks or _has_movement([t for t in sent if t.i not in {x.i for x in toks}]) is None:
                    continue
                if _has_payment(sent) is not None:
                    continue  # the sentence pass has decided already
                around = [sents[j] for j in (k - 1, k + 1) if 0 <= j < len(sents)]
                pay = next((p for a in around for p in [_has_payment(a)] if p is not None), None)
                if pay is None:
                    continue
                for tok in toks:
                    sugg = REPLACE_TRAFFICK.get(tok.lower_)
                    fee = pay.doc[pay.i:min(pay.i + 4, pay.sent.end)]
                    yield ctx.finding("TRM002", seg, _phrase_span(tok), suggestions=[sugg] if sugg else [],
                                      detail=fee.text.rstrip(" .,;"), reading="the sentence next to it")
                    flagged.add(tok.i)

    def _sentence(self, ctx, seg, sent: Span, statistical: bool, flagged: set[int]) -> Iterator[Finding]:
        text = seg.text[sent.start_char:sent.end_char]  # == sent.text, without rebuilding it from tokens
        low = text.lower()
        if not ("smuggl" in low or "traffick" in low or "accomplice" in low or FOLDED_LETTERS.opens_text(text)):
            return  # no target token and no pattern can match (see ``gate``)
        smug = [t for t in _targets(sent, SMUGGLE) if not is_non_human_target(t, statistical)]
        traf = [t for t in _targets(sent, TRAFFICK) if not is_non_human_target(t, statistical) and not _names_a_response_or_victim(t)]

        for code, pattern_set in PATTERN_RULES:
            if not ctx.enabled(code):
                continue
            spans = []
            for rx in pattern_set:
                for m in rx.finditer(text):
                    if _negated(m.group(0)) or _negated_before(text, m.start(), code):
                        continue
                    if code in ("TRM003", "TRM015") and _non_human_near(text, m):
                        continue
                    if code == "TRM009" and re.search(r"traffick", m.group(0), re.I):
                        continue  # 'smuggling when migrants consent, trafficking when force is used': a contrast
                    if pattern_set is PATTERNS_BLANKET_ARRIVAL and (
                            not smug or _REPORTED_BELIEF.search(text[:m.end()])):
                        continue  # about smuggled people, asserted by the author
                    spans.append((sent.start_char + m.start(), sent.start_char + m.end()))
            if spans and code in MERGE_PER_SENTENCE:
                spans = [(min(s for s, _ in spans), max(e for _, e in spans))]
            for s, e in _unique(spans):
                if code == "TRM010" and _lists_other_purposes(text):
                    continue
                flagged.update(t.i for t in seg.doc.char_span(s, e, alignment_mode="expand") or ())
                yield ctx.finding(code, seg, (s, e))

        # Both crimes named in one sentence: a distinction or a sequence, not a confusion.
        both = bool(smug) and bool(traf)

        if ctx.enabled("TRM001") and smug and not both:
            skip = {t.i for t in smug}
            cues = exploitation_cues(sent, skip)
            if not cues and statistical:
                # a later step done by the smugglers themselves is still their exploitation
                cues = [c for c in exploitation_cues(sent, skip, sequence=False)
                        if any(_done_by(c, tok, True) for tok in smug)]
            if cues:
                detail = _cue_text(cues[0])
                for tok in smug:
                    if tok.i in flagged:
                        continue
                    span = _phrase_span(tok)
                    sugg = REPLACE_SMUGGLE.get(tok.lower_)
                    if span.start < tok.i:
                        sugg = "trafficking in persons" if tok.lower_ == "smuggling" else sugg
                    yield ctx.finding("TRM001", seg, span, suggestions=[sugg] if sugg else [], detail=detail,
                                      reading="this sentence")
                    flagged.add(tok.i)

        if traf and not both:
            for tok in traf:
                if tok.i in flagged:
                    continue
                helper = _kin_helper_label(tok, statistical)
                if helper is not None and ctx.enabled("TRM013"):
                    yield ctx.finding("TRM013", seg, _phrase_span(tok), detail=helper.text)
                    flagged.add(tok.i)
                    continue
                if ctx.enabled("TRM002"):
                    found = _paid_crossing(tok, sent, statistical)
                    if found:
                        span = _phrase_span(tok)
                        sugg = REPLACE_TRAFFICK.get(tok.lower_)
                        yield ctx.finding("TRM002", seg, span, suggestions=[sugg] if sugg else [], detail=found,
                                          reading="this sentence")
                        flagged.add(tok.i)

        if smug and ctx.enabled("TRM013"):
            for tok in smug:
                if tok.i in flagged:
                    continue
                helper = _kin_helper_label(tok, statistical)
                if helper is not None:
                    yield ctx.finding("TRM013", seg, _phrase_span(tok), detail=helper.text)
                    flagged.add(tok.i)


_AGENT_PRONOUNS = {"smugglers": {"they"}, "smuggler": {"he", "she"}}
_AGENT_HEADS = {"ring", "rings", "gang", "gangs", "network", "networks", "group", "groups"}


def _pronoun_continues(tok: Token, nxt: Span) -> Token | None:
    """``tok`` (smuggler/s, or a smuggling gang) is the subject of its sentence and the next
    sentence's exploitation cue has an agreeing pronoun as its active subject."""
    agent = tok
    if tok.lower_ == "smuggling" and tok.head.lower_ in _AGENT_HEADS:
        agent = tok.head
    if agent.dep_ != "nsubj" or agent.head.dep_ != "ROOT":
        return None
    number = "smugglers" if agent.lower_.endswith("s") else "smuggler"
    pronouns = _AGENT_PRONOUNS[number]
    for cue in exploitation_cues(nxt, set()):
        v = cue
        for _ in range(3):
            if v.pos_ == "VERB" or v.head.i == v.i:
                break
            v = v.head
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None and v.dep_ == "conj":
            subj = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in pronouns:
            return cue
    return None


def _done_by(cue: Token, agent: Token, statistical: bool) -> bool:
    """The cue's clause has ``agent`` as its subject ('the traffickers lured her with a job offer');
    without a parser any cue in the sentence counts."""
    if not statistical:
        return True
    v = cue
    for _ in range(4):
        if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
            break
        v = v.head
    subj = _subject_of(v)
    if subj is None or subj.dep_ != "nsubj":
        return False
    if subj.i == agent.i:
        return True
    return subj.lower_ in ("who", "that") and subj.head.head.i == agent.i


def _names_a_response_or_victim(tok: Token) -> bool:
    """'anti-trafficking police', 'trafficking victims', 'victims of trafficking': the word does not
    name what the people in the sentence are doing, so a paid crossing nearby says nothing about it."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("anti", "counter"):
        return True
    if tok.i >= 1 and doc[tok.i - 1].lower_.rstrip("-") in ("anti", "counter"):
        return True
    nxt = doc[tok.i + 1:tok.i + 3]
    if any(t.lower_ in ("victim", "victims", "survivor", "survivors") for t in nxt[:1]):
        return True
    prev = doc[max(0, tok.i - 3):tok.i]
    return any(t.lower_ in ("victim", "victims", "survivor", "survivors") for t in prev) and any(t.lower_ == "of" for t in prev)


def _cue_text(tok: Token) -> str:
    """A few words around the cue for the message ('forced them to work', 'kept her passport')."""
    doc = tok.doc
    sent = tok.sent
    if _lemma(tok) in FORCE_LEMMAS or tok.lower_ == "forced":
        for a in doc[tok.i + 1:min(sent.end, tok.i + 7)]:
            if _lemma(a) in FORCED_ACTS or a.lower_ in FORCED_ACTS or _lemma(a) in EXPLOIT_LEMMAS:
                return doc[tok.i:a.i + 1].text
    head = tok.head if tok.head.pos_ == "VERB" and tok.dep_ in ("dobj", "pobj", "prep") else tok
    if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
        head = tok.head.head
    start = min(head.i, tok.i)
    end = max(head.i, tok.i) + 1
    if end - start > 6:
        start, end = tok.i, tok.i + 1
    return doc[max(sent.start, start):min(sent.end, end)].text


def _kin_helper_label(tok: Token, statistical: bool) -> Token | None:
    """'relatives who pay for a ticket are traffickers': the label is given to non-profit helpers."""
    if not statistical or tok.lower_ not in ("trafficker", "traffickers", "smuggler", "smugglers"):
        return None
    if tok.dep_ not in ("attr", "oprd"):
        return None
    head = tok.head
    if any(c.dep_ == "neg" for c in head.children):
        return None
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (_lemma(c) in KIN_HELPERS or c.lower_ in KIN_HELPERS):
            return c
    # the clause of 'are' may hang from the main verb ('... are traffickers, so report them')
    return None


def _mentions_exploitation(span: Span, skip: set[int]) -> bool:
    """Any word of exploitation, hedged or not ('were later exploited by traffickers'): then a
    trafficking word may well be apt, so TRM002 stays silent."""
    if exploitation_cues(span, skip):
        return True
    return any(t.i not in skip and (_lemma(t) in EXPLOIT_LEMMAS or t.lower_ in EXPLOIT_LEMMAS or t.lower_ == "forced"
                                    or _lemma(t) in DEBT_LEMMAS or _unpaid(t)) for t in span)


def _paid_crossing(tok: Token, sent: Span, statistical: bool) -> str | None:
    """A trafficking word whose clause describes a fee for a crossing and no exploitation."""
    skip = {tok.i}
    if _mentions_exploitation(sent, skip):
        return None
    if any(_lemma(t) in DEBT_LEMMAS for t in sent):
        return None
    if any(t.lower_ in HEDGE_WORDS for t in sent):
        return None
    if any(_lemma(t) in DECEPTION_LEMMAS and _done_by(t, tok, statistical) for t in sent):
        return None
    scope = sent
    if statistical:
        h = tok
        while h.head.i != h.i and h.pos_ not in ("VERB", "AUX"):
            h = h.head
        if any(c.dep_ in ("aux",) and c.lower_ in MODALS for c in h.children):
            return None
        scope = sent if h.head.i == h.i else tok.doc[h.left_edge.i:h.right_edge.i + 1]
        if len(scope) < 4:
            scope = sent
    pay = _has_payment(scope)
    move = _has_movement([t for t in scope if t.i != tok.i])
    if pay is None or move is None:
        return None
    if statistical and _lemma(pay) == "pay":
        payer = _subject_of(pay)
        if payer is not None and payer.dep_ == "nsubj" and (payer.i == tok.i or (payer.lower_ in ("who", "that") and payer.head.head.i == tok.i)):
            return None  # the traffickers paid someone (e.g. parents): a means of trafficking, not a smuggling fee
    lo, hi = min(pay.i, move.i), max(pay.i, move.i)
    if hi - lo <= 6:
        return tok.doc[lo:hi + 1].text
    return f"{pay.text} ... {move.text}"


# --- sentence patterns (definitions and conflations) -------------------------------------------

_T = r"(?:(?:human|people|child)\s+)?traffick\w*(?:\s+in\s+(?:persons|human\s+beings|people))?"
_S = r"(?:(?:human|people|migrant)\s+)?smuggl\w*(?:\s+of\s+migrants)?"
_SYN = r"(?:also|otherwise|sometimes|often|commonly|widely)?\s*(?:called|known\s+as|referred\s+to\s+as|termed|named|described\s+as)"
_APPOS = r"(?:i\.e\.|ie|that\s+is|in\s+other\s+words|otherwise\s+known\s+as|aka|a\.k\.a\.)"

PATTERNS_CONFLATION = [
    # 'trafficking/smuggling' as one noun; a spaced list of agents ('traffickers / smugglers') is an 'or'
    re.compile(r"\b(?:trafficking/smuggling|smuggling/trafficking)\b", re.I),
    re.compile(rf"\b{_T}\s*[,(\u2013\u2014-]?\s*{_SYN}\s+{_S}\b", re.I),
    re.compile(rf"\b{_S}\s*[,(\u2013\u2014-]?\s*{_SYN}\s+{_T}\b", re.I),
    re.compile(rf"\b{_T},?\s+{_APPOS},?\s+{_S}\b", re.I),
    re.compile(rf"\b{_T},\s+or\s+{_S}\s*,", re.I),  # 'trafficking, or human smuggling, is ...' (apposition)
    re.compile(rf"\b{_S},\s+or\s+{_T}\s*,", re.I),
    re.compile(rf"\b{_S},?\s+{_APPOS},?\s+{_T}\b", re.I),
    re.compile(rf"\b(?:{_T}|{_S})\s+(?:and|or)\s+(?:{_T}|{_S})\s+(?:as\s+)?(?:interchangeabl\w*|synonym\w*|as\s+synonyms|as\s+the\s+same\s+(?:thing|crime))", re.I),
    re.compile(rf"\b{_S}\s+(?:is|are|was|means|equals)\s+(?:(?:also|a|an|the|just|simply|another|form|kind|type|of|word|name|for|same|as)\s+){{0,5}}(?:modern\s+slavery|slavery|(?:human\s+)?trafficking)\b", re.I),
    # 'people smuggling, or human trafficking as it is also known'
    re.compile(rf"\b(?:{_T}|{_S})\s*[,(\u2013\u2014-]?\s*or\s+(?:{_T}|{_S}),?\s+(?:to\s+give\s+it\s+its\s+(?:other|proper|official|legal|real)\s+name|as\s+(?:it\s+is\s+(?:also\s+|sometimes\s+|often\s+|more\s+commonly\s+|commonly\s+|better\s+)?(?:known|called|termed)|(?:some|many|others|people|most)\s+(?:people\s+)?(?:call|know)\s+it))\b", re.I),
    # 'trafficking and smuggling: two words for one crime', '... are one and the same'
    re.compile(rf"\b(?:{_T}|{_S})\s+(?:and|or|&|vs\.?|versus)\s+(?:{_T}|{_S})\b[^.;!?]{{0,40}}?(?:\b(?:two|different|separate)\s+(?:words|names|terms|labels|ways\s+of\s+saying)\s+for\s+(?:one|the\s+same)\b|\bone\s+and\s+the\s+same\b|\b(?:the\s+)?same\s+(?:crime|thing|offen[cs]e)\b)", re.I),
    re.compile(rf"\b{_T}\s+(?:is|are|was|means|equals)\s+(?:(?:also|a|an|the|just|simply|another|form|kind|type|of|word|name|for|same|as)\s+){{0,5}}(?:(?:human|people|migrant)\s+)?smuggling\b", re.I),
]

PATTERNS_ILLEGAL_MIGRATION = [
    re.compile(rf"\b(?:illegal|irregular)\s+(?:migration|immigration),?\s+(?:{_APPOS}|{_SYN}|or)\s*,?\s+(?:human\s+)?trafficking\b", re.I),
    re.compile(rf"\b(?:illegal|irregular)\s+(?:migration|immigration)\s+(?:is|means|equals)\s+(?:(?:a|the|form|of|just|simply|another|word|for)\s+){{0,4}}(?:human\s+)?trafficking\b", re.I),
    re.compile(rf"\b{_T},?\s+(?:{_APPOS}|{_SYN})\s+(?:illegal|irregular)\s+(?:migration|immigration)\b", re.I),
]

_BORDER = r"(?:across\s+(?:a\s+|the\s+|international\s+|national\s+)?borders?|borders?|abroad|another\s+country|other\s+countries|across|international\w*|transnational\w*|cross-border|from\s+one\s+country\s+to\s+another)"
PATTERNS_BORDER_DEFINITION = [
    re.compile(rf"\b(?:human\s+)?trafficking(?:\s+in\s+(?:persons|human\s+beings))?\s+(?:means|is\s+defined\s+as|refers\s+to|requires|always\s+involves|always\s+means|by\s+definition\s+(?:involves|means)|is\s+(?:when|where)|only\s+happens|happens\s+only|can\s+only\s+happen|must\s+involve|is\s+(?:the\s+)?(?:movement|moving|transport\w*|taking|smuggling)\s+of)\b[^.;:!?]{{0,60}}?\b{_BORDER}(?:\s+borders?)?", re.I),
    re.compile(r"\bif\s+(?:no|there\s+(?:is|was)\s+no)\s+(?:international\s+)?border\b[^.;!?]{0,40}?\bnot\s+(?:\w+\s+)?traffick\w*", re.I),
    re.compile(r"\b(?:not|never)\s+(?:\w+\s+)?trafficking\s+(?:unless|if\s+no|without)\b[^.;!?]{0,40}?\bborders?\b", re.I),
    re.compile(r"\bwithout\s+(?:crossing\s+)?(?:a|any)\s+(?:international\s+)?border\b[^.;!?]{0,30}?\b(?:is\s+not|isn't|cannot\s+be|can't\s+be)\s+(?:\w+\s+)?trafficking", re.I),
]

_FORCE = r"(?:forc\w*|coerc\w*|decepti\w*|deceiv\w*|kidnap\w*|abduct\w*|violence|threats?|against\s+(?:their|his|her|your|its)\s+will)"
PATTERNS_SMUGGLING_FORCE = [
    re.compile(rf"\bsmuggl\w*(?:\s+of\s+migrants)?\s+(?:always\s+|by\s+definition\s+)?(?:means|involves|requires|is\s+defined\s+as|is\s+(?:always\s+)?(?:done|carried\s+out)\s+(?:by|through|with))\s+(?:\w+\s+){{0,4}}{_FORCE}", re.I),
    re.compile(r"\bsmuggled\s+(?:\w+\s+){0,3}against\s+(?:their|his|her|your|its)\s+will\b", re.I),
    re.compile(rf"\bonly\b[^.;!?]{{0,25}}?\b(?:(?:migrant|human|people)\s+)?smuggl\w*\s+(?:if|when|where|once)\b[^.;!?]{{0,50}}?{_FORCE}", re.I),
    re.compile(rf"\bsmuggl\w*(?:\s+of\s+migrants)?\s+(?:only\s+)?(?:happens|occurs|exists|applies|takes\s+place)\s+(?:only\s+)?(?:if|when|where)\b[^.;!?]{{0,50}}?{_FORCE}", re.I),
    re.compile(rf"\bsmuggl\w*(?:\s+of\s+migrants)?\s+(?:is|means)\s+(?:when|where)\b[^.;!?]{{0,50}}?{_FORCE}", re.I),
    re.compile(r"\bsmugglers?\s+(?:always\s+)?(?:force|forced|forces|coerce|coerced)\s+(?:\w+\s+){0,3}to\s+pay\b", re.I),
]

PATTERNS_SMUGGLED_CRIMINAL = [
    re.compile(
        r"\b(?:smuggled\s+(?:migrants?|people|persons?|refugees?|women|men|children)|(?:who|that)\s+(?:pay|pays|paid|use|uses|used|hire|hires|hired)\s+(?:a\s+|the\s+)?smugglers?|(?:who|that)\s+(?:were|was|are|is|have\s+been|has\s+been)\s+smuggled|being\s+smuggled|having\s+been\s+smuggled|pays?\s+(?:a\s+|the\s+)?smugglers?|(?:paying|using|hiring)\s+(?:a\s+|the\s+)?(?:people\s+|human\s+)?smugglers?|(?:let|lets|letting|allow|allowed|allowing)\s+(?:themselves|yourself|himself|herself|ourselves)\s+(?:to\s+)?be\s+smuggled)"
        r"\b[^.;!?]{0,40}?\b(?:(?:is|are|was|were|be|become|becomes)\s+(?:(?:also|themselves|too|equally|just)\s+)?(?:an?\s+|the\s+)?(?:accomplices?|criminals?|offenders?|lawbreakers?|guilty|complicit)\b(?:\s+(?:to|in)\s+the\s+crime)?|(?:should|must|will)\s+be\s+(?:punished|prosecuted|jailed|imprisoned|charged|arrested|fined|criminali[sz]ed)|(?:is|are)\s+committing\s+a\s+crime|(?:is|are)\s+(?:itself\s+|also\s+)?(?:a\s+|an\s+)?(?:crime|criminal\s+offen[cs]e|offen[cs]e|illegal)\b|(?:broke|break|breaks)\s+the\s+law|(?:is|are|were|was)\s+breaking\s+the\s+law|makes?\s+(?:you|them|him|her|someone|a\s+person|people|migrants)\s+(?:(?:also|too)\s+)?(?:an?\s+)?(?:criminals?|lawbreakers?|law-breakers?|offenders?|accomplices?|guilty|complicit))",
        re.I),
    re.compile(r"\b(?:charged|prosecuted|punished|convicted|arrested)\s+(?:\w+\s+){0,3}(?:as\s+accomplices|for\s+(?:using|paying|hiring)\s+(?:a\s+|the\s+)?smugglers?|for\s+(?:having\s+been|being)\s+smuggled)\b", re.I),
]

_GENERIC_T = r"(?<!sex\s)(?<!drug\s)(?<!arms\s)(?:human\s+)?trafficking(?:\s+in\s+(?:persons|human\s+beings))?"
_SEX_ONLY = r"(?:forced\s+prostitution|prostitution|(?:the\s+)?(?:commercial\s+)?sexual\s+exploitation|sex\s+slavery|sexual\s+slavery|the\s+(?:sale|selling|buying)\s+of\s+(?:women|girls|children|women\s+and\s+girls)\s+for\s+sex|selling\s+(?:women|girls)\s+for\s+sex|sex\s+work|forced\s+sex)"
PATTERNS_SEX_ONLY = [
    re.compile(rf"\b{_GENERIC_T}\s+(?:is|means|equals|refers\s+to|=)\s+(?:(?:just|only|simply|basically|always|really|nothing\s+but)\s+)?(?:the\s+)?{_SEX_ONLY}\b", re.I),
    re.compile(r"\bsex\s+trafficking\s+(?:is|means|was)\s+(?:\w+\s+){0,3}(?:umbrella|generic|general|overall|catch-all)\s+term\b", re.I),
    # "'Trafficking' refers to the commercial sexual exploitation of ...", 'trafficking is the sale of girls into prostitution'
    re.compile(rf"(?<![\w-]){_GENERIC_T}['\u2019\"]?\s+(?:is|means|equals|refers\s+to|describes|is\s+defined\s+as)\s+(?:the\s+)?(?:commercial\s+sexual\s+exploitation|(?:sale|selling|buying|trade|trading|recruitment)\s+of\s+(?:\w+\s+){{0,4}}?(?:into|for)\s+(?:prostitution|sex|sexual\s+exploitation|the\s+sex\s+(?:trade|industry)))\b", re.I),
    re.compile(r"\bsex\s+trafficking\s+(?:is|means)\s+(?:also\s+)?(?:another\s+(?:word|name)\s+for|the\s+same\s+as)\s+(?:human\s+)?trafficking\b", re.I),
    re.compile(r"\bsex\s+trafficking,?\s+(?:also\s+)?(?:called|known\s+as)\s+(?:human\s+)?trafficking\b", re.I),
]

_SMUGGLED = r"(?:smuggled\s+(?:migrants?|people|persons|refugees)|(?:migrants?|people|persons)\s+who\s+(?:are|were|have\s+been)\s+smuggled)"
PATTERNS_BLANKET = [
    re.compile(rf"\b(?:all|every|each)\s+{_SMUGGLED}\s+(?:\w+\s+){{0,2}}?(?:are|is|end\s+up|ends\s+up|become|becomes|get|gets|will\s+be|were)\s+(?:\w+\s+){{0,2}}?(?:traffick\w*|victims\s+of\s+trafficking|exploited)\b", re.I),
    re.compile(rf"\b{_SMUGGLED}\s+are\s+(?:always\s+|all\s+)?(?:free|safe|no\s+longer\s+at\s+risk|out\s+of\s+danger)\s+(?:once|as\s+soon\s+as|when)\s+they\s+(?:arrive|reach|get|cross)", re.I),
    re.compile(r"\b(?:migrant\s+|people\s+)?smuggling\s+always\s+(?:leads\s+to|becomes|ends\s+(?:in|up\s+as)|turns\s+into)\s+(?:human\s+)?trafficking\b", re.I),
    re.compile(r"\b(?:all|every)\s+(?:\w+\s+)?smuggling\s+(?:cases?\s+)?(?:is|are|becomes?)\s+(?:\w+\s+){0,2}trafficking\b", re.I),
]

_ARRIVE = r"(?:lands?|landed|arrives?|arrived|reach(?:es|ed)?|cross(?:es|ed)?|gets?\s+(?:there|across|in)|sets?\s+foot)"
_OVER = r"(?:ordeal|troubles?|dangers?|risks?|suffering|nightmare|problems?|danger)\s+(?:is|are|was|were)\s+(?:all\s+)?over"
PATTERNS_BLANKET_ARRIVAL = [
    re.compile(rf"\b(?:once|the\s+moment|as\s+soon\s+as|when|after)\b[^.;!?]{{0,40}}?\b{_ARRIVE}\b[^.;!?]{{0,25}}?\b{_OVER}\b", re.I),
    re.compile(rf"\b{_OVER}\s+(?:once|the\s+moment|as\s+soon\s+as|when)\b[^.;!?]{{0,40}}?\b{_ARRIVE}\b", re.I),
    re.compile(rf"\b{_SMUGGLED}\s+are\s+(?:always\s+|all\s+)?(?:free|safe|no\s+longer\s+at\s+risk|out\s+of\s+danger)\s+(?:the\s+moment|after)\s+they\s+{_ARRIVE}", re.I),
    # 'once migrants are smuggled across, they are free and safe'
    re.compile(r"\b(?:once|as\s+soon\s+as|the\s+moment|after)\s+[^.;!?]{0,30}?\bsmuggled\b[^.;!?]{0,40}?\b(?:they\s+are|they're|are|is)\s+(?:(?:all|always|now)\s+)?(?:free|safe|out\s+of\s+danger|no\s+longer\s+at\s+risk)\b", re.I),
]
# A belief reported, not asserted ('many migrants believe their ordeal is over when they land').
_REPORTED_BELIEF = re.compile(r"\b(?:believe[sd]?|think|thinks|thought|assume[sd]?|hope[sd]?|expect(?:s|ed)?|imagine[sd]?|myth|wrong|may|might|not|never|isn't|aren't)\b", re.I)

PATTERN_RULES = [
    ("TRM003", PATTERNS_CONFLATION),
    ("TRM015", PATTERNS_ILLEGAL_MIGRATION),
    ("TRM006", PATTERNS_BORDER_DEFINITION),
    ("TRM009", PATTERNS_SMUGGLING_FORCE),
    ("TRM005", PATTERNS_SMUGGLED_CRIMINAL),
    ("TRM010", PATTERNS_SEX_ONLY),
    ("TRM014", PATTERNS_BLANKET),
    ("TRM014", PATTERNS_BLANKET_ARRIVAL),
]
MERGE_PER_SENTENCE = {"TRM009", "TRM003", "TRM006"}

_NEG_INSIDE = re.compile(r"\b(?:without|within|regardless|whether|differ\w*|confus\w*|mistaken\w*|not|no|never|nobody|cannot|can't|isn't|aren't|don't|doesn't|nor|different|distinct|unlike|separate|wrong|mistake|myth|avoid)\b", re.I)
_NEG_OK = {"TRM006"}  # its own patterns carry the negation ('if no border ... not trafficking')


def _negated(text: str) -> bool:
    low = text.lower()
    if re.search(r"\bif\s+(?:no|there\s+(?:is|was)\s+no)\s+(?:international\s+)?border\b", low) or low.startswith(("not ", "never ", "without ")):
        return False
    return bool(_NEG_INSIDE.search(text))


_NEG_BEFORE = re.compile(r"\b(?:not|never|cannot|can't|avoid|don't|do\s+not|no\s+longer|shall\s+not|must\s+not|should\s+not|wrong\s+to|mistake\s+to|myth\s+that)\b[\w\s,']*$", re.I)


def _negated_before(text: str, start: int, code: str) -> bool:
    """A negation or warning in the few words before the match ('never use X and Y interchangeably')."""
    if code == "TRM006":
        return False
    before = text[max(0, start - 40):start]
    words = before.split()[-5:]
    return bool(_NEG_BEFORE.search(" ".join(words)))


_OTHER_PURPOSES = re.compile(r"\b(?:forced\s+labou?r|labou?r|begging|criminality|organs?|servitude|domestic\s+work|marriage)\b", re.I)


def _lists_other_purposes(text: str) -> bool:
    return bool(_OTHER_PURPOSES.search(text)) and not re.search(r"\bsex\s+trafficking\b", text, re.I)


def _non_human_near(text: str, m: re.Match) -> bool:
    words = re.findall(r"[\w-]+", text[max(0, m.start() - 20):m.end()].lower())
    return any(w in NON_HUMAN for w in words)


def _unique(spans):
    seen = set()
    for s in sorted(spans):
        if any(a <= s[0] and s[1] <= b for a, b in seen):
            continue
        seen.add(s)
        yield s


CHECKS = [TerminologyCheck()]
