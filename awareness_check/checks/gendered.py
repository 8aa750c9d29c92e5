"""Gendered language that needs the parse: generic 'he/his/him' (GEN010) and 'girls' for adults (GEN011).

The word lists of the family (chairman, mankind, ...) are plain ``term`` rules in
``lexicons/gendered-language.yml``; this module holds only what a phrase list cannot decide:

* GEN010 - a masculine pronoun is a problem only when it stands for an unspecified person
  ("every victim ... his"), not for a specific man ("the labour inspector arrived, he asked").
  Without coreference resolution we look back (its sentence, then the one before) for the
  nearest person the pronoun can refer to, and judge that noun phrase. Generic: indefinite
  pronouns (anyone, no one), quantified nouns (every/each/any/no victim), 'a/an' nouns in a rule
  or condition ('a victim may ...', 'if a driver hides ...'), and 'the' nouns under must/should/
  shall ('the interpreter must not add his ...'). Specific: a name, a male noun (man, husband,
  Mr), a possessor ('Kofi's employer'), a past-tense clause, a time anchor ('now'). Skipped as
  candidates: nouns inside another quotation, possessors, the noun whose phrase holds the
  pronoun ('a lawyer of his choosing'), the subject of the verb of 'him'. Precision first:
  when in doubt, stay quiet.
* GEN011 - 'girls' is right for children and in 'women and girls'; it infantilises adults. We
  flag it only when the text itself says the people are adults.

Both need the tagger and parser; on the blank fallback pipeline they yield nothing.
"""
from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from ..findings import Finding
from ..gates import Gate
from ..roles import with_contractions
from . import context as ctxmod
from .base import CheckContext

GENERIC_PRONOUN = "GEN010"
GIRLS_FOR_ADULTS = "GEN011"
GENERIC_FEMININE = "GEN012"

# Masculine pronoun -> neutral replacement. Standalone possessive 'his' (tag PRP) -> 'theirs'.
REPLACEMENT = {"he": "they", "him": "them", "his": "their", "himself": "themselves"}
FEMININE_PRONOUNS = {"she", "her", "hers", "herself"}
MASCULINE_PRONOUNS = set(REPLACEMENT)
FEMININE_REPLACEMENT = {"she": "they", "hers": "theirs", "herself": "themselves"}  # 'her': by its tag

# GL-48, the mirror of GEN010: 'she' for whoever holds a job stereotyped as women's work presents
# that job as women's. Only these roles are judged: for other nouns a feminine pronoun is usually a
# deliberate choice of a campaign addressed to women, which the tool cannot second-guess.
FEMALE_STEREOTYPED_ROLES = frozenset("""
receptionist nurse secretary nanny housekeeper babysitter midwife hairdresser beautician cleaner
carer caregiver childminder governess typist manicurist
""".split())
# Compound roles: head noun -> modifiers that make it one ('domestic worker', 'au pair').
FEMALE_STEREOTYPED_COMPOUNDS = {
    "worker": {"domestic", "care", "household", "childcare"},
    "helper": {"domestic", "household"},
    "servant": {"domestic", "household"},
    "pair": {"au"},
    "attendant": {"flight", "cabin"},
    "assistant": {"personal", "care", "nursing", "dental"},
}
# GL-48 names the default 'she' for every victim: only an explicit quantifier makes it certain.
QUANTIFIED_ONLY_ROLES = frozenset({"victim", "survivor"})
DOUBLET_LINKS = {"or", "/", "and"}

# Words that stand for "any person" whatever their grammar.
INDEFINITE_PRONOUNS = {
    "anyone", "anybody", "someone", "somebody", "everyone", "everybody", "nobody", "whoever",
    "whomever", "one",
}
QUANTIFIERS = {"every", "each", "any", "no", "whichever", "whatever", "either", "neither"}
INDEFINITE_ARTICLES = {"a", "an", "another", "some"}
# Modals of rule and permission make an 'a/an' noun generic ('a victim may not realise he ...').
# For a 'the' noun only obligation counts: 'the applicant must bring his passport' is a rule for
# anyone; 'the recruiter says he can get her a visa' and 'the judge will ...' are one person.
RULE_MODALS = {"must", "should", "shall", "ought", "need", "may", "can", "cannot"}
OBLIGATION_MODALS = {"must", "should", "shall", "ought"}
CONDITIONALS = {"if", "when", "whenever", "once", "unless", "until", "before", "after"}
# Anchors in time make a definite noun one real person ('the defendant must now decide').
TIME_ANCHORS = {"now", "today", "yesterday", "tomorrow", "tonight", "currently", "recently", "last", "next", "ago"}

# Singular nouns for people of unspecified gender that awareness material uses for "whoever it is".
PERSON_NOUNS = frozenset("""
victim survivor worker employee officer person individual applicant interpreter translator employer
trafficker smuggler recruiter exploiter abuser migrant refugee immigrant emigrant child minor student
pupil user reader caller client customer buyer purchaser witness defendant suspect offender perpetrator
accused judge lawyer attorney prosecutor inspector official staffer member citizen national manager
supervisor nurse doctor teacher parent guardian carer caregiver visitor passenger driver journalist
reporter volunteer caseworker interviewer interviewee respondent participant candidate seeker jobseeker
agent broker intermediary landlord owner boss farmer fisher seafarer labourer laborer tourist traveller
traveler friend neighbour neighbor colleague partner spouse relative stranger adult youth teenager
adolescent patient resident tenant investigator guard soldier professional practitioner provider
advocate counsellor counselor therapist consumer entrepreneur beneficiary recipient holder author
speaker listener viewer donor supporter trainee apprentice intern contractor subcontractor operator
facilitator accomplice detainee prisoner inmate claimant complainant informant whistleblower host
sponsor leader director coordinator chair chairperson spokesperson representative head researcher
analyst expert specialist trainer mediator pimp procurer debtor creditor lender
moneylender sibling cousin kid infant baby toddler newborn rider courier cleaner newcomer graduate
""".split())

PERSON_NOUNS = PERSON_NOUNS | FEMALE_STEREOTYPED_ROLES

MALE_NOUNS = frozenset("""
man boy father husband son brother uncle nephew grandfather grandson king prince gentleman boyfriend
stepfather stepson widower groom bridegroom monk mr sir lord dad daddy lad fiancé fiance headmaster
businessman policeman chairman spokesman fireman fisherman salesman male brethren
""".split())
FEMALE_NOUNS = frozenset("""
woman girl mother wife daughter sister aunt niece grandmother granddaughter queen princess lady
girlfriend stepmother stepdaughter widow bride ms mrs miss madam mum mom mummy fiancée female
""".split())

MAX_SENTENCES_BACK = 1


def _is_masculine_pronoun(tok: Token) -> bool:
    return tok.lower_ in REPLACEMENT and tok.pos_ == "PRON"


def _in_doublet(tok: Token) -> bool:
    """'he or she', 'she or he', 'his or her', 'him and her', 'he/she' are doublets, not defaults."""
    doc = tok.doc
    partners = MASCULINE_PRONOUNS if tok.lower_ in FEMININE_PRONOUNS else FEMININE_PRONOUNS
    if tok.i > 0 and doc[tok.i - 1].text in ("/", ")", "("):
        return True  # 's/he', '(s)he': slash forms are GEN006's
    for step in (1, -1):
        i = tok.i + step
        j = tok.i + 2 * step
        if 0 <= j < len(doc) and doc[i].lower_ in DOUBLET_LINKS and doc[j].lower_ in partners:
            return True
    return False


def _base(tok: Token) -> str:
    return (tok.lemma_ or tok.lower_).lower()


def _is_plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or "Plur" in tok.morph.get("Number")


def _male(tok: Token) -> bool:
    base = _base(tok)
    if base in MALE_NOUNS or tok.lower_ in MALE_NOUNS:
        return True
    return tok.pos_ == "NOUN" and base.endswith("man") and base not in ("human", "woman") and len(base) > 4


def _female(tok: Token) -> bool:
    return tok.lower_ in FEMININE_PRONOUNS or _base(tok) in FEMALE_NOUNS or tok.lower_ in FEMALE_NOUNS


def _person_noun(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and (_base(tok) in PERSON_NOUNS or tok.lower_ in PERSON_NOUNS or _role_compound(tok))


def _role_compound(noun: Token) -> bool:
    """'au pair', 'flight attendant', 'domestic helper': a role named by a compound."""
    mods = FEMALE_STEREOTYPED_COMPOUNDS.get(_base(noun))
    return bool(mods) and any(c.lower_ in mods for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i)


_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant")
_NOT_PERSONS = frozenset("""
number order paper letter border river water power matter member center centre error factor sector
corridor floor door mirror colour color honour honor labour labor favour favor behaviour behavior
interior exterior minor major other mother father brother sister daughter
""".split())


def _person_like(tok: Token) -> bool:
    """A singular noun in a subject role that looks like an agent noun (rider, cleaner, dentist)."""
    base = _base(tok)
    return (tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass", "ROOT", "appos")
            and base.endswith(_PERSON_SUFFIXES) and base not in _NOT_PERSONS and len(base) > 4)


def _candidates(pron: Token) -> Iterable[Token]:
    """Tokens before the pronoun, nearest first: its own sentence, then the sentence before."""
    doc = pron.doc
    sent = pron.sent
    for i in range(pron.i - 1, sent.start - 1, -1):
        yield doc[i]
    start = sent.start
    for _ in range(MAX_SENTENCES_BACK):
        if start == 0:
            return
        prev = doc[start - 1].sent
        for i in range(prev.end - 1, prev.start - 1, -1):
            yield doc[i]
        start = prev.start


def quote_ids(doc: Doc) -> list[int]:
    """For each token, the number of the double-quoted passage it sits in (0 = not quoted)."""
    out, current, count = [], 0, 0
    for tok in doc:
        text = tok.text
        if text == "\u201c" or (text == '"' and not current):
            count += 1
            current = count
            out.append(0)
            continue
        if text == "\u201d" or (text == '"' and current):
            current = 0
            out.append(0)
            continue
        out.append(current)
    return out


def find_antecedent(pron: Token, quotes: list[int] | None = None) -> tuple[str, Token | None]:
    """('generic'|'specific'|'none', the antecedent token) for a masculine or feminine pronoun.

    A quotation is its speaker's own text: '"Every worker has rights," he said' - 'he' is the
    speaker, not 'every worker', so candidates inside another quotation are skipped. For a
    feminine pronoun the roles of the genders swap: a woman's noun or name is its antecedent, a
    man's is skipped; 'anyone ... her' is left alone (see FEMALE_STEREOTYPED_ROLES)."""
    quotes = quotes if quotes is not None else quote_ids(pron.doc)
    feminine = pron.lower_ in FEMININE_PRONOUNS
    same_gender, other_gender = (_female, _male) if feminine else (_male, _female)
    same_marks, other_marks = ({"female", "woman"}, {"male", "man"}) if feminine else ({"male", "man"}, {"female", "woman"})
    object_pronoun = pron.lower_ == "him" or (feminine and pron.lower_ == "her" and pron.tag_ == "PRP")
    for tok in _candidates(pron):
        if tok.is_punct or tok.is_space:
            continue
        if quotes[tok.i] and quotes[tok.i] != quotes[pron.i]:
            continue
        low = tok.lower_
        no_one = low == "one" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "no"  # tagged NOUN at times
        if low in INDEFINITE_PRONOUNS and (tok.pos_ == "PRON" or no_one):
            if feminine:
                return "none", tok
            if low == "one" and not _generic_one(tok):
                continue
            if pron.lower_ in ("he", "him") and any(t.tag_ == "VBD" for t in _clause_verbs(pron)):
                return "specific", tok  # 'nobody knew where he had gone': someone in particular
            if any(t.tag_ == "VBD" for t in _clause_verbs(pron)) and any(
                    t.ent_type_ == "PERSON" or _male(t) for t in tok.sent if t.i < tok.i):
                return "specific", tok  # 'Ahmed said no one had asked about his passport': Ahmed's
            return "generic", tok
        if low in QUANTIFIERS and tok.pos_ in ("PRON", "DET", "NOUN") and tok.dep_ != "det":
            group = _partitive_group(tok)  # 'each of the workers ... his'
            if group is not None and not other_gender(group):
                if same_gender(group) or any(t.tag_ == "VBD" for t in _clause_verbs(pron)):
                    return "specific", group  # 'each of the men', or a past event: a real group
                if _person_noun(group):
                    return "generic", tok
        if tok.pos_ == "PRON":
            continue  # I, you, they, a previous pronoun (same referent): not the antecedent
        if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON") and tok.is_title and low not in PERSON_NOUNS):
            return "specific", tok
        if same_gender(tok):
            return "specific", tok
        if other_gender(tok):
            continue
        if _person_like(tok) and not _person_noun(tok) and not _is_plural(tok):
            return "none", tok  # an unlisted person noun ('a delivery rider') stands in between
        if _person_noun(tok):
            if _is_plural(tok) or _inside_phrase_of(pron, tok) or tok.dep_ == "poss":
                continue  # 'a worker's passport': the possessor is rarely the pronoun's antecedent
            if object_pronoun and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == pron.head.i:
                continue  # 'the recruiter tells him ...': 'him' is never the subject of its own verb
            marked = {c.lower_ for c in tok.children if c.dep_ == "amod"}
            if marked & same_marks:
                return "specific", tok  # 'a male victim ... he'
            if marked & other_marks:
                continue
            if tok.dep_ == "compound" and tok.head.i != tok.i and _person_noun(tok.head):
                continue  # 'the victim support worker': the head noun is the candidate
            return _judge(tok, pron), tok
    return "none", None


def _partitive_group(tok: Token) -> Token | None:
    """The group in 'each of the workers', 'any of them' (None when there is no 'of' phrase)."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


_ENTITLED = re.compile(r"\b(?:has|have) (?:the|a|every) right to\b|\bis (?:entitled|free|allowed|required|obliged) to\b", re.I)


def _entitlement(sent: Span) -> bool:
    """'a survivor has the right to decide whether he ...': a rule for anyone, like 'may'."""
    return bool(_ENTITLED.search(sent.text))


def _inside_phrase_of(pron: Token, noun: Token) -> bool:
    """The pronoun sits inside the noun's own phrase ('a lawyer of his own choosing'): the noun is
    not its antecedent. A relative clause in between ('a worker who loses his passport') is a
    clause of its own, so there the noun can be the antecedent."""
    for anc in pron.ancestors:
        if anc.i == noun.i:
            return True
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def _generic_one(tok: Token) -> bool:
    """'one' as a generic pronoun ('no one', 'one must protect his ...'), not a numeral."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ == "no":
        return True
    return tok.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ == "prep" for c in tok.children)


def _determiners(noun: Token) -> list[str]:
    return [c.lower_ for c in noun.children if c.dep_ in ("det", "predet") and c.i < noun.i]


def _clause_verbs(tok: Token) -> list[Token]:
    """Verbs and auxiliaries of the sentence around ``tok`` (tense and modality live there)."""
    return [t for t in tok.sent if t.pos_ in ("VERB", "AUX")]


def _followed_by_to(t: Token) -> bool:
    return t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"


def _judge(noun: Token, pron: Token) -> str:
    """Is this person noun phrase 'anyone of that kind' (generic) or one real person (specific)?"""
    dets = _determiners(noun)
    possessor = [c for c in noun.children if c.dep_ == "poss"]
    if any(p.lower_ != "your" for p in possessor):
        return "specific"  # 'Kofi's employer', 'her recruiter': a particular person
    if any(d in QUANTIFIERS for d in dets):
        return "generic"
    verbs = _clause_verbs(pron) + (_clause_verbs(noun) if noun.sent != pron.sent else [])
    past = any(t.tag_ == "VBD" for t in verbs)
    if past:
        return "specific"
    if any(d in INDEFINITE_ARTICLES for d in dets):
        # 'a victim may ...', 'if a driver hides ... his': generic. 'Police are looking for a
        # suspect. He is ...' or a caption ('a rider checking his phone'): one person.
        if _has_modal(verbs, RULE_MODALS) or _entitlement(pron.sent):
            return "generic"
        present = any(t.tag_ in ("VBZ", "VBP") for t in verbs)
        conditional = any(t.lower_ in CONDITIONALS for t in noun.sent)
        return "generic" if present and conditional else "specific"
    # 'the applicant must bring his passport': a rule for whoever applies; 'the recruiter says he
    # can get her a visa' is one recruiter, so only modals of obligation count here.
    anchored = any(t.lower_ in TIME_ANCHORS for t in pron.sent) or any(t.ent_type_ in ("DATE", "TIME") for t in pron.sent)
    if anchored:
        return "specific"
    if _has_modal(verbs, OBLIGATION_MODALS):
        return "generic"
    # 'If the nanny is not allowed out, she may be a victim': a condition on whoever holds a role
    # stereotyped as women's (GEN012 only). Not for 'he': press releases say 'if the suspect is
    # convicted, he may face ...' of one real man.
    if pron.lower_ not in FEMININE_PRONOUNS or not stereotyped_female_role(noun):
        return "specific"
    conditional = any(t.lower_ in CONDITIONALS and t.dep_ == "mark" for t in noun.sent)
    return "generic" if conditional and _has_modal(_clause_verbs(pron), RULE_MODALS) else "specific"


def _has_modal(verbs: list[Token], modals: set[str]) -> bool:
    return any(t.lower_ in modals or (t.lower_ in ("has", "have", "needs", "need") and _followed_by_to(t)) for t in verbs)


def _np_text(tok: Token) -> str:
    if tok.pos_ == "PRON":
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        return "no one" if prev is not None and prev.lower_ == "no" and tok.lower_ == "one" else tok.lower_
    left = [c for c in tok.children if c.dep_ in ("det", "predet", "amod", "compound", "nummod") and c.i < tok.i]
    start = min([tok.i] + [c.i for c in left])
    first = tok.doc[start]
    text = tok.doc[start:tok.i + 1].text
    # 'Every migrant worker' at the start of a sentence reads 'every migrant worker' in a message.
    lower_first = first.pos_ != "PROPN" and (first.is_sent_start or first.lower_ in QUANTIFIERS | INDEFINITE_ARTICLES | {"the"})
    return text[:1].lower() + text[1:] if lower_first else text


def _suggestion(pron: Token) -> str:
    if pron.lower_ == "his" and pron.tag_ == "PRP":
        return "theirs"
    return REPLACEMENT[pron.lower_]


def _feminine_suggestion(pron: Token) -> str:
    if pron.lower_ == "her":
        return "their" if pron.tag_ == "PRP$" else "them"
    return FEMININE_REPLACEMENT[pron.lower_]


def stereotyped_female_role(noun: Token) -> bool:
    """'the receptionist', 'a domestic worker', 'every victim' (GL-48): a role people picture as a
    woman's, so a generic 'she' for it reads as a statement about who does it."""
    base = _base(noun)
    if base in FEMALE_STEREOTYPED_ROLES:
        return True
    if _role_compound(noun):
        return True
    return base in QUANTIFIED_ONLY_ROLES and any(d in QUANTIFIERS for d in _determiners(noun))


# What the check reads through the parse: the pronouns and 'girl(s)'. The antecedent of a pronoun
# may sit in the sentence before, so that one is analysed too (context_sentences).
_TRIGGERS = frozenset(REPLACEMENT) | FEMININE_PRONOUNS | {"girl", "girls"}
# The paragraph words those tokens can come from ('hes' is tokenised 'he' 's').
_MASCULINE_WORDS = with_contractions(MASCULINE_PRONOUNS)
_FEMININE_WORDS = with_contractions(FEMININE_PRONOUNS)
_GIRL_WORDS = frozenset({"girl", "girls"})


class GenericPronounCheck:
    """GEN010: generic 'he/his/him/himself'. GEN011: 'girls' for adult women. GEN012: generic 'she'."""

    codes = (GENERIC_PRONOUN, GIRLS_FOR_ADULTS, GENERIC_FEMININE)
    context_sentences = MAX_SENTENCES_BACK
    # Every finding is on a pronoun or 'girl(s)' token, and ``wants`` asks for the same tokens.
    gate = Gate.of(words=with_contractions(_TRIGGERS))

    def wants(self, sent) -> bool:
        return any(t.lower_ in _TRIGGERS for t in sent)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.info.statistical:
            return  # needs the tagger and parser: nothing on the blank fallback
        pronouns = ctx.enabled(GENERIC_PRONOUN)
        girls = ctx.enabled(GIRLS_FOR_ADULTS)
        feminine = ctx.enabled(GENERIC_FEMININE)
        if not (pronouns or girls or feminine):
            return
        job = []  # _addresses_job_seekers(ctx), read only when a 'girls' needs it (whole document)

        def job_document() -> bool:
            if not job:
                job.append(girls and _addresses_job_seekers(ctx))
            return job[0]

        needed = (_MASCULINE_WORDS if pronouns else frozenset()) | (_FEMININE_WORDS if feminine else frozenset()) | (
            _GIRL_WORDS if girls else frozenset())
        for seg in ctx.segments:
            if needed.isdisjoint(seg.words):
                continue  # none of the enabled codes' tokens here
            doc = seg.doc
            if not (doc.has_annotation("DEP") and doc.has_annotation("TAG")):
                continue
            quotes = quote_ids(doc)
            for tok in doc:
                if pronouns and _is_masculine_pronoun(tok) and not _in_doublet(tok):
                    verdict, ante = find_antecedent(tok, quotes)
                    if verdict == "generic":
                        yield ctx.finding(
                            GENERIC_PRONOUN, seg, (tok.idx, tok.idx + len(tok.text)),
                            suggestions=[_suggestion(tok)], detail=f"'{_np_text(ante)}'",
                        )
                elif feminine and tok.lower_ in FEMININE_PRONOUNS and tok.pos_ == "PRON" and not _in_doublet(tok):
                    verdict, ante = find_antecedent(tok, quotes)
                    if verdict == "generic" and ante is not None and ante.pos_ != "PRON" and stereotyped_female_role(ante):
                        yield ctx.finding(
                            GENERIC_FEMININE, seg, (tok.idx, tok.idx + len(tok.text)),
                            suggestions=[_feminine_suggestion(tok)], detail=f"'{_np_text(ante)}'",
                        )
                elif girls and tok.lower_ in ("girls", "girl") and _girls_are_adults(tok, job_document):
                    yield ctx.finding(
                        GIRLS_FOR_ADULTS, seg, (tok.idx, tok.idx + len(tok.text)),
                        suggestions=["women", "young women"] if tok.lower_ == "girls" else ["woman", "young woman"],
                    )


# --- GEN011 -----------------------------------------------------------------------------------

_AGE_NUMBER = re.compile(r"\b(\d{1,2})\b")
MINOR_WORDS = {
    "child", "children", "minor", "minors", "underage", "under-age", "school", "schoolgirl", "schoolgirls",
    "pupil", "pupils", "teenage", "teen", "teens", "teenager", "teenagers", "adolescent", "adolescents",
    "daughter", "daughters", "baby", "young", "little", "youngest", "orphan", "orphans", "juvenile",
}
ADULT_WORDS = {"adult", "adults", "grown"}
PAIRED = {"women", "woman", "boys", "boy", "men"}
JOB_WORDS = {"job", "jobs", "contract", "wages", "wage", "employer", "recruiter", "agency", "abroad", "work"}
SECOND_PERSON = {"you", "your", "yours", "yourself"}
SCHOOL_WORDS = {"parents", "parent", "student", "students", "class", "classroom", "teacher", "teachers", "college", "university"}


def _paired(tok: Token) -> bool:
    """'women and girls', 'girls and boys', or girls set against (adult) women in one sentence:
    then 'girls' means children, as in UN statistics."""
    return any(t.lower_ in PAIRED for t in tok.sent if t.i != tok.i)


def _ages(span: Span) -> list[int]:
    """Numbers used as ages in the span ('aged 21', '21-year-old', 'between 21 and 34', 'aged twelve')."""
    text = span.text.lower()
    if not re.search(r"\baged?\b|year-old|years old|years of age|\bage of\b|as young as", text):
        return []
    words = {"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
             "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "ten": 10, "eleven": 11}
    out = [int(m.group(1)) for m in _AGE_NUMBER.finditer(text)]
    out += [v for w, v in words.items() if re.search(rf"\b{w}\b", text)]
    return out


def _girls_are_adults(tok: Token, job_document) -> bool:
    """``job_document``: a bool, or a callable giving it (read only when the sentence needs it)."""
    if _paired(tok):
        return False
    sent = tok.sent
    doc = tok.doc
    words = {t.lower_ for t in sent}
    ages = _ages(sent)
    if words & MINOR_WORDS or any(a < 18 for a in ages) or _UNDER_AGE.search(sent.text.lower()):
        return False
    if ages and all(a >= 18 for a in ages):
        return True
    # 'adult' in the same or a neighbouring sentence of the paragraph.
    near = [sent]
    if sent.start > 0:
        near.append(doc[sent.start - 1].sent)
    if sent.end < len(doc):
        near.append(doc[sent.end].sent)
    if any(_adult_cue(t) for s in near for t in s):
        return True
    # Material addressed to adult job seekers ('Don't be naive: the girls who ...'): the reader is
    # the adult the word describes.
    if callable(job_document):
        return tok.lower_ == "girls" and job_document() and _addresses_reader(sent)
    return job_document and tok.lower_ == "girls" and _addresses_reader(sent)


_UNDER_AGE = re.compile(r"as young as|\b(?:under|below|younger than|not yet)\s+(?:the age of\s+)?(?:1[0-8]|eighteen)\b")


def _adult_cue(tok: Token) -> bool:
    """'adult', 'adults', 'grown women' - but not 'adult men' (other people in the story)."""
    if tok.lower_ not in ADULT_WORDS:
        return False
    nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    return nxt not in ("men", "man", "males", "male", "boys")


def _addresses_reader(sent: Span) -> bool:
    """The sentence speaks to the reader: 'you', or an imperative ('Don't be naive: ...')."""
    if any(t.lower_ in SECOND_PERSON for t in sent):
        return True
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words:
        return False
    first = words[0]
    if first.lower_ in ("please", "never"):
        return True
    return first.tag_ == "VB" and first.dep_ in ("ROOT", "ccomp", "aux") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in first.head.children)


def _addresses_job_seekers(ctx: CheckContext) -> bool:
    """The document speaks to its reader (you) about jobs and never about children or school:
    its readers are adults looking for work. Reads the whole document (``document_segments``);
    a paragraph whose words hold none of the counted ones is not tokenised."""
    you = jobs = 0
    for seg in ctx.document_segments:
        if _JOB_SEEKER_WORDS.isdisjoint(seg.words) and not ("under" in seg.words and "age" in seg.words):
            continue  # no token of the counted kinds can be here ('under-age' is two words)
        for t in seg.doc:
            low = t.lower_
            if low in MINOR_WORDS - {"young", "little", "youngest", "daughter", "daughters"} or low in SCHOOL_WORDS:
                return False
            you += low in SECOND_PERSON
            jobs += low in JOB_WORDS
    return you >= 5 and jobs >= 5


_JOB_SEEKER_WORDS = with_contractions(
    {w for w in MINOR_WORDS if "-" not in w} | SCHOOL_WORDS | SECOND_PERSON | JOB_WORDS)


# --- GEN005 'a female' tagged as an adjective ----------------------------------------------------

SEX_WORDS = {"female": "female-noun", "male": "male-noun"}
_NP_OPENERS = {"a", "an", "one", "another", "the", "each", "every", "this", "that", "any"}
# After an adjective 'female' a noun would follow; these start something else.
_NOT_A_NOUN_NEXT = {"CCONJ", "VERB", "AUX", "ADP", "SCONJ", "PRON", "PUNCT", "PART", "DET"}


class SexAsNounCheck:
    """GEN005 (GL-30) where the small model tags 'female' as an adjective although nothing follows
    for it to describe ('police rescued a female and two children', 'found a female hiding'): the
    word then stands for the person. The tagged cases (NOUN) are the lexicon's own patterns."""

    codes = ("GEN005",)
    context_sentences = 0
    gate = Gate.of(words=SEX_WORDS)  # findings are on a token 'female' or 'male'

    def wants(self, sent) -> bool:
        return any(t.lower_ in SEX_WORDS for t in sent)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not (ctx.info.statistical and ctx.enabled("GEN005")):
            return
        rule = ctx.rules.get("GEN005")
        for seg in ctx.segments:
            doc = seg.doc
            for tok in doc:
                entry_id = SEX_WORDS.get(tok.lower_)
                if entry_id is None or tok.pos_ != "ADJ" or tok.i == 0 or tok.i + 1 >= len(doc):
                    continue
                prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
                if prev.lower_ not in _NP_OPENERS or nxt.pos_ not in _NOT_A_NOUN_NEXT or nxt.text == "-":
                    continue
                if nxt.pos_ == "CCONJ" and tok.i + 2 < len(doc) and doc[tok.i + 2].pos_ in ("ADJ", "NOUN"):
                    if doc[tok.i + 2].lower_ in SEX_WORDS or doc[tok.i + 2].pos_ == "ADJ":
                        continue  # 'a female and male officer': adjectives sharing one noun
                entry = rule.entry(entry_id)
                span = doc[tok.i:tok.i + 1]
                if entry is None or not ctxmod.passes(span, entry.context, True):
                    continue
                yield ctx.finding(rule, seg, span, entry=entry)


CHECKS = [GenericPronounCheck(), SexAsNounCheck()]
