"""The "flip it" test (checklist 3.8, item 14): swap the gender of every character in a draft.

A reviewer reads the flipped draft and asks whether it still reads as intended: a woman
described by her clothes and a man by his job is easy to miss, and obvious once flipped.
Doing this by hand goes wrong on pronouns, because English "her" is two words (object "him",
possessive "his") and "his" is two words the other way ("her" before a noun, "hers" alone).
So pronouns are decided by their tag and role in the parse; everything a word list can decide
(man/woman, Mr/Ms, policeman/policewoman, plurals) is data in ``lexicons/flip/``.

Where neither the tagger nor the list can decide ("offered her work": work offered to her, or
her work?), the likelier reading is chosen and the swap is marked ``ambiguous`` so the reviewer
checks it. Nothing is ever silently guessed: without a statistical model every "her" is marked.

What must not change is left alone: personal names, titles of legal instruments and bodies
(the guards data in ``lexicons/guards/``), quoted official names. Only the swapped words change:
the text between them, paragraph structure included, is returned byte for byte.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

from .analysis import AnalyzedDocument, analyze
from .documents import Document
from .errors import LexiconError
from .guards import protected_ranges, quote_ranges
from .paths import lexicon_dir
from .textforms import fit_case, pluralize
from .yamlio import load_yaml

MALE, FEMALE = "male", "female"
OBJECT, POSSESSIVE = "him", "his"  # the two readings of "her"

# Fixed pronoun swaps; "her" and "his" depend on the sentence and are decided below.
_PRONOUNS = {
    "he": ("she", MALE), "she": ("he", FEMALE), "him": ("her", MALE),
    "himself": ("herself", MALE), "herself": ("himself", FEMALE), "hers": ("his", FEMALE),
}
# Every pronoun the flip swaps (a paragraph without one of these or a pair-list word has nothing to flip).
PRONOUN_WORDS = frozenset(_PRONOUNS) | {"his", "her"}
_POSSESSIVE_DETS = {"her", "his", "their", "its", "my", "your", "our"}
# Closed-class words that can follow a possessive "her": "her own", "her only son".
_POSSESSIVE_QUANTIFIERS = {"own", "many", "every", "most", "more", "only", "few", "other", "very", "much"}
# Adverb particles that may follow an object "her" ("sent her home", "paid her back").
_PARTICLES = {"home", "back", "away", "out", "up", "down", "off", "abroad", "over", "around", "along", "inside", "outside"}
# Short titles that only ever address a person: never the start of an organisation's name.
_ADDRESS_TITLES = {"mr", "mrs", "ms", "mx"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "dame", "lord", "lady", "madam"}
# Named entities whose capitalised gendered words belong to a name ("UN Women", "Mothers' Union").
_NAME_ENTITIES = {"ORG", "LAW", "WORK_OF_ART", "FAC", "EVENT", "PRODUCT"}
# Parts of speech a gendered noun never has: "to man the phones", "she fathered".
_NOT_NOUN = {"VERB", "AUX", "ADP", "PART", "DET", "CCONJ", "SCONJ", "PRON"}
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "against", "with", "at", "by", "or"}


@dataclass(frozen=True)
class Swap:
    """One swapped word. ``start``/``end`` are offsets into the original document text."""

    start: int
    end: int
    original: str
    replacement: str
    ambiguous: bool = False
    reason: str = ""
    alternative: str | None = None  # the other reading of an ambiguous swap
    gender: str = ""  # gender of the original word: "male" or "female"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class FlipResult:
    """The flipped text and every swap (in text order)."""

    text: str
    swaps: list[Swap]
    original: str = ""
    path: str = "<text>"
    pipeline: str = ""
    statistical: bool = True

    @property
    def ambiguous(self) -> list[Swap]:
        return [s for s in self.swaps if s.ambiguous]


# --------------------------------------------------------------------------------- lexicon

@dataclass(frozen=True)
class WordSwap:
    replacement: str  # lower case
    gender: str
    kind: str = "noun"  # noun | adj | title
    before_name: str | None = None
    one_way: bool = False


@dataclass(frozen=True)
class FlipLexicon:
    words: dict[str, WordSwap]
    pairs: tuple[tuple[str, str], ...]  # (male, female) singular forms, both directions swap
    ditransitive_lemmas: frozenset[str]
    ditransitive_forms: frozenset[str]
    causative_lemmas: frozenset[str]
    causative_forms: frozenset[str]
    possessed: frozenset[str]
    people: frozenset[str]
    recipient_preps: frozenset[str]
    closed_class: frozenset[str]
    ly_nouns: frozenset[str]
    particle_lemmas: frozenset[str]
    particle_forms: frozenset[str]


def flip_lexicon_path() -> Path:
    return lexicon_dir() / "flip" / "gender-pairs.yml"


@lru_cache(maxsize=2)
def load_flip_lexicon(path: str | None = None) -> FlipLexicon:
    """Read and validate the pair list; a malformed entry is a LexiconError naming it."""
    p = Path(path) if path else flip_lexicon_path()
    where = p.name
    try:
        data = load_yaml(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{where}: cannot be read ({str(exc).splitlines()[0]})") from None
    words: dict[str, WordSwap] = {}
    pairs: list[tuple[str, str]] = []

    def add(source: str, target: str, gender: str, kind: str, what: str, **extra) -> None:
        source, target = source.lower(), target.lower()
        new = WordSwap(target, gender, kind, **extra)
        if source in words and words[source] != new:  # "aunties" from both auntie and aunty is fine
            raise LexiconError(f"{where}: {what}: '{source}' is already swapped to '{words[source].replacement}' by another entry")
        words[source] = new

    for n, entry in enumerate(data.get("pairs") or [], 1):
        what = f"pairs entry {n}"
        if not isinstance(entry, dict) or not entry.get("male") or not entry.get("female"):
            raise LexiconError(f"{where}: {what}: needs 'male' and 'female'")
        male, female = str(entry["male"]).lower(), str(entry["female"]).lower()
        kind = entry.get("kind", "noun")
        if kind not in ("noun", "adj", "title"):
            raise LexiconError(f"{where}: {what} ({male}/{female}): kind must be noun, adj or title")
        names = entry.get("before_name") or {}
        add(male, female, MALE, kind, what, before_name=names.get(male))
        add(female, male, FEMALE, kind, what, before_name=names.get(female))
        pairs.append((male, female))
        if entry.get("inflect", True):
            mp, fp = entry.get("male_plural") or pluralize(male), entry.get("female_plural") or pluralize(female)
            add(mp, fp, MALE, kind, what)
            add(fp, mp, FEMALE, kind, what)
    for n, entry in enumerate(data.get("one_way") or [], 1):
        what = f"one_way entry {n}"
        if not isinstance(entry, dict) or not entry.get("word") or not entry.get("to") or entry.get("gender") not in (MALE, FEMALE):
            raise LexiconError(f"{where}: {what}: needs 'word', 'to' and gender male|female")
        kind = entry.get("kind", "noun")
        add(entry["word"], entry["to"], entry["gender"], kind, what, one_way=True)
        if entry.get("inflect", True):
            add(pluralize(entry["word"]), entry.get("to_plural") or pluralize(entry["to"]), entry["gender"], kind, what, one_way=True)

    her = data.get("her_context") or {}
    irregular = {k: list(v) for k, v in (her.get("irregular_forms") or {}).items()}
    ditrans = frozenset(her.get("ditransitive_verbs") or ())
    causative = frozenset(her.get("causative_verbs") or ())
    possessed = frozenset(her.get("possessed_nouns") or ())
    particle = frozenset(her.get("particle_verbs") or ())
    return FlipLexicon(
        words=words,
        pairs=tuple(pairs),
        ditransitive_lemmas=ditrans,
        ditransitive_forms=frozenset(f for v in ditrans for f in verb_forms(v, irregular.get(v, ()))),
        causative_lemmas=causative,
        causative_forms=frozenset(f for v in causative for f in verb_forms(v, irregular.get(v, ()))),
        possessed=possessed | {pluralize(w) for w in possessed},
        people=frozenset(words) | {f for w in her.get("people_nouns") or () for f in (w, pluralize(w))},
        recipient_preps=frozenset(her.get("recipient_prepositions") or ()),
        closed_class=frozenset(her.get("closed_class") or ()),
        ly_nouns=frozenset(her.get("ly_nouns") or ()),
        particle_lemmas=particle,
        particle_forms=frozenset(f for v in particle for f in verb_forms(v, irregular.get(v, ()))),
    )


def verb_forms(lemma: str, irregular=()) -> set[str]:
    """Regular inflections of a verb, for the blank pipeline that has no lemmatiser."""
    forms = {lemma, *irregular}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", lemma):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif re.search(r"(s|x|z|ch|sh|o)$", lemma):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


# ------------------------------------------------------------------------------ decisions

@dataclass(frozen=True)
class _Decision:
    replacement: str  # lower case
    gender: str
    reason: str
    ambiguous: bool = False
    alternative: str | None = None
    trim: int = 0  # characters to leave at the end of the token ("Mr." keeps its full stop)


def _next_word(tok: Token) -> Token | None:
    """The next token on the same line, or None at the end of a sentence, line or paragraph."""
    doc = tok.doc
    i = tok.i + 1
    while i < len(doc) and doc[i].is_space:
        if "\n" in doc[i].text:
            return None
        i += 1
    if i >= len(doc) or doc[i].is_sent_start:
        return None
    return doc[i]


def _prev_word(tok: Token) -> Token | None:
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and doc[i].is_space:
        if "\n" in doc[i].text:
            return None
        i -= 1
    if i < 0 or tok.is_sent_start:
        return None
    return doc[i]


class _Flipper:
    """Decides, for one analysed document, which tokens swap and to what."""

    def __init__(self, lex: FlipLexicon, statistical: bool):
        self.lex = lex
        self.statistical = statistical

    # -- pronouns -------------------------------------------------------------------------

    def pronoun(self, tok: Token) -> _Decision | None:
        low = tok.lower_
        if low in _PRONOUNS:
            if low == "he" and tok.i >= 2 and tok.doc[tok.i - 1].text == "/" and tok.doc[tok.i - 2].lower_ == "s":
                return None  # "s/he" already names both
            target, gender = _PRONOUNS[low]
            return _Decision(target, gender, "pronoun")
        if low == "his":
            return self._his(tok)
        if low == "her":
            return self._her(tok)
        return None

    def _his(self, tok: Token) -> _Decision:
        """'his' before its noun -> 'her'; standing alone ('the bag was his') -> 'hers'."""
        nxt = _next_word(tok)
        if nxt is not None and nxt.lower_ in ("or", "and", "/"):
            after = _next_word(nxt)
            if after is not None and after.lower_ in _POSSESSIVE_DETS:  # "his or her documents"
                return _Decision("her", MALE, "possessive before a noun")
        if self._starts_noun_phrase(nxt):
            return _Decision("her", MALE, "possessive before a noun")
        return _Decision("hers", MALE, "possessive standing alone")

    def _starts_noun_phrase(self, nxt: Token | None) -> bool:
        if nxt is None or not (nxt.is_alpha or nxt.like_num or "-" in nxt.text):
            return False
        if nxt.lower_ in self.lex.closed_class and nxt.lower_ not in _POSSESSIVE_QUANTIFIERS:
            return False
        if self.tagged(nxt) and nxt.pos_ in ("AUX", "ADP", "CCONJ", "SCONJ", "PART", "DET", "PRON"):
            return False
        if self.tagged(nxt) and nxt.pos_ == "VERB" and nxt.tag_ != "VBG":
            return False
        return True

    def tagged(self, tok: Token) -> bool:
        """Whether to trust the tagger here: not without a model, not in ALL-CAPS lines."""
        return self.statistical and bool(tok.pos_) and not _shouting(tok)

    def _her(self, tok: Token) -> _Decision:
        """'her' -> 'him' (object) or 'his' (possessive); see nlp-stack.md section 2.

        Without a tagger every "her" is marked for the reviewer, even where the next word decides.
        """
        decision = self._her_reading_for(tok)
        if not self.statistical and not decision.ambiguous:
            other = POSSESSIVE if decision.replacement == OBJECT else OBJECT
            return _Decision(decision.replacement, FEMALE, decision.reason + "; no tagger available: check it", True, other)
        return decision

    def _her_reading_for(self, tok: Token) -> _Decision:
        nxt, prev = _next_word(tok), _prev_word(tok)
        if nxt is None or not (nxt.is_alpha or nxt.like_num):
            return self._her_reading(OBJECT, "object: nothing follows it", ambiguous=False)
        if nxt.lower_ in _POSSESSIVE_QUANTIFIERS:
            return self._her_reading(POSSESSIVE, f"possessive: 'her {nxt.text}'", ambiguous=False)
        if nxt.lower_ in _PARTICLES:
            decided = self._her_particle(tok, prev, nxt)
            if decided is not None:
                return decided
        elif nxt.lower_ in self.lex.closed_class and (self.statistical and not _shouting(tok)):
            # "sent her home", "told her that": no noun phrase can start here.
            return self._her_reading(OBJECT, f"object: '{nxt.text}' follows", ambiguous=False)
        if prev is not None and self._is_verb(prev, self.lex.ditransitive_lemmas, self.lex.ditransitive_forms) and self._bare_noun(nxt):
            return self._ditransitive(prev, nxt)
        if self.tagged(tok) and tok.tag_ in ("PRP", "PRP$"):
            if tok.tag_ == "PRP$" and prev is not None and nxt.tag_ == "VB" and self._is_verb(prev, self.lex.causative_lemmas, self.lex.causative_forms):
                return self._her_reading(OBJECT, f"object: '{prev.text} her {nxt.text}'", ambiguous=False)
            if tok.tag_ == "PRP$":
                return self._her_reading(POSSESSIVE, "possessive (tagger)", ambiguous=False)
            return self._her_reading(OBJECT, "object (tagger)", ambiguous=False)
        return self._her_without_tagger(tok, prev, nxt)

    def _her_particle(self, her: Token, prev: Token | None, nxt: Token) -> _Decision | None:
        """'her home town' (possessive) or 'sent her home' (object); None: let the tagger decide."""
        after = _next_word(nxt)
        if after is not None and after.is_alpha and (after.pos_ in ("NOUN", "PROPN") if self.tagged(after) else after.lower_ not in self.lex.closed_class):
            return self._her_reading(POSSESSIVE, f"possessive: 'her {nxt.text} {after.text}'", ambiguous=not self.tagged(nxt))
        if prev is not None and (nxt.lower_ not in ("home", "back") or self._is_verb(prev, self.lex.particle_lemmas, self.lex.particle_forms)):
            return self._her_reading(OBJECT, f"object: '{prev.text} her {nxt.text}'", ambiguous=not self.tagged(nxt))
        if self.tagged(her) and her.tag_ in ("PRP", "PRP$"):
            reading = POSSESSIVE if her.tag_ == "PRP$" else OBJECT
            return self._her_reading(reading, f"'her {nxt.text}' can be the object ('him {nxt.text}') or possessive "
                                              f"('his {nxt.text}'); the tagger reads it as {'possessive' if reading == POSSESSIVE else 'object'}",
                                     ambiguous=nxt.lower_ == "back")  # "hurt her back": really both
        return None

    def _her_reading(self, reading: str, reason: str, ambiguous: bool) -> _Decision:
        other = POSSESSIVE if reading == OBJECT else OBJECT
        return _Decision(reading, FEMALE, reason, ambiguous, other if ambiguous else None)

    def _is_verb(self, tok: Token, lemmas: frozenset[str], forms: frozenset[str]) -> bool:
        if self.tagged(tok):
            return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lemmas
        return tok.lower_ in forms

    def _bare_noun(self, nxt: Token) -> bool:
        """A noun phrase with no determiner: 'her work' (but not 'her a job', 'her that')."""
        if not nxt.is_alpha or nxt.lower_ in self.lex.closed_class:
            return False
        if self.tagged(nxt):
            return nxt.pos_ in ("NOUN", "PROPN", "ADJ") or nxt.tag_ == "VBG"
        return not (nxt.lower_.endswith("ly") and nxt.lower_ not in self.lex.ly_nouns)

    def _noun_run(self, nxt: Token) -> list[Token]:
        """The bare noun phrase after 'her': adjectives and nouns up to the head noun."""
        run: list[Token] = []
        tok: Token | None = nxt
        while tok is not None and len(run) < 4:
            if self.tagged(tok):
                if tok.pos_ not in ("NOUN", "PROPN", "ADJ") and not (tok.tag_ == "VBG" and not run) and tok.text != "-":
                    break
            elif not tok.is_alpha or tok.lower_ in self.lex.closed_class:
                break
            run.append(tok)
            tok = _next_word(tok)
        return run or [nxt]

    def _ditransitive(self, verb: Token, nxt: Token) -> _Decision:
        """'gave her money': both readings are grammatical; pick the likelier, mark it."""
        run = self._noun_run(nxt)
        tagged = self.tagged(nxt)
        nouns = [t for t in run if not tagged or t.pos_ in ("NOUN", "PROPN")] or run
        head = nouns[-1] if tagged else run[0]
        words = {t.lower_ for t in run} | ({t.lemma_.lower() for t in run} if tagged else set())
        phrase = " ".join(t.text for t in run)
        after = _next_word(run[-1])
        if tagged and not any(t.pos_ in ("NOUN", "PROPN") for t in run):
            # "found her dead", "made her happy": an adjective says what she is, not what she has.
            return self._her_reading(OBJECT, f"object: '{verb.text} her {phrase}'", ambiguous=False)
        if self._is_verb(verb, self.lex.causative_lemmas, self.lex.causative_forms) and self._starts_object(after):
            # "made her sign the contract": a verb with its own object follows, so "her" is the object.
            return self._her_reading(OBJECT, f"object: '{verb.text} her {phrase} {after.text} ...'", ambiguous=False)
        person = next((t for t in run if t.lower_ in self.lex.people or (tagged and t.lemma_.lower() in self.lex.people)), None)
        if person is not None:
            # A person is not what is given: "told her boyfriend", "offered her family money".
            return self._her_reading(POSSESSIVE, f"possessive: '{person.text}' is a person", ambiguous=False)
        if words & self.lex.possessed:
            reading, why = POSSESSIVE, f"'{head.text}' usually belongs to someone"
        elif after is not None and after.lower_ in self.lex.recipient_preps and self._recipient_follows(after):
            reading, why = POSSESSIVE, f"'{after.text} ...' names who receives it"
        else:
            reading, why = OBJECT, f"'{verb.lemma_ if self.statistical and verb.lemma_ else verb.text}' usually takes the person first"
        other = POSSESSIVE if reading == OBJECT else OBJECT
        chosen = "given to her" if reading == OBJECT else "belonging to her"
        reason = (f"'{verb.text} her {phrase}': {phrase} given to her ('{OBJECT}') or belonging to her "
                  f"('{POSSESSIVE}')? Read as {chosen}: {why}")
        return _Decision(reading, FEMALE, reason, True, other)

    def _starts_object(self, tok: Token | None) -> bool:
        if tok is None:
            return False
        if self.tagged(tok):
            return tok.pos_ in ("DET", "PRON") or tok.tag_ == "PRP$"
        return tok.lower_ in ("the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "my", "your", "our", "its", "it", "them", "him")

    def _recipient_follows(self, prep: Token) -> bool:
        """'to the embassy' (a recipient) rather than 'to read' (an infinitive)."""
        nxt = _next_word(prep)
        if nxt is None:
            return False
        if self.tagged(nxt):
            return nxt.tag_ not in ("VB",)
        return nxt.lower_ in self.lex.closed_class or nxt.text[:1].isupper()

    def _her_without_tagger(self, tok: Token, prev: Token | None, nxt: Token) -> _Decision:
        """The blank-pipeline rule: what follows 'her' decides; always marked for the reviewer."""
        low = nxt.lower_
        note = ("all-caps text, where the tagger is unreliable" if self.statistical else "no tagger available") + \
            ": read from the next word; check it"
        if low in self.lex.closed_class:
            return self._her_reading(OBJECT, f"object ('{nxt.text}' follows); {note}", ambiguous=True)
        if low.endswith("ly") and low not in self.lex.ly_nouns:
            return self._her_reading(OBJECT, f"object (adverb '{nxt.text}' follows); {note}", ambiguous=True)
        if prev is not None and prev.lower_ in self.lex.causative_forms:
            return self._her_reading(OBJECT, f"object ('{prev.text} her {nxt.text}'); {note}", ambiguous=True)
        return self._her_reading(POSSESSIVE, f"possessive ('{nxt.text}' follows); {note}", ambiguous=True)

    # -- gendered nouns --------------------------------------------------------------------

    def noun(self, tok: Token) -> _Decision | None:
        text = tok.text
        trim = 0
        key = tok.lower_
        if key.endswith(".") and key[:-1] in self.lex.words:  # "Mr." as one token
            key, trim = key[:-1], 1
        entry = self.lex.words.get(key)
        if entry is None:
            return None
        nxt = _next_word(tok)
        if key in ("man", "men") and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-" and not tok.whitespace_:
            return None  # "man-made", "man-hours": the generic "man", not a character
        if entry.kind == "title":
            if key == "miss" and not (text[:1].isupper() and nxt is not None and nxt.text[:1].isupper()):
                return None  # the verb "miss"
            if text.islower() and self._modified(tok):
                return None  # "the madam", "Nigerian madams": a role noun, not a form of address
        elif self.tagged(tok) and tok.pos_ in _NOT_NOUN:
            return None
        replacement = entry.replacement
        reason = "title" if entry.kind == "title" else "gendered word"
        if entry.before_name and nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() and nxt.lower_ not in self.lex.words:
            replacement, reason = entry.before_name, "title before a name"
        if entry.one_way:
            reason += " (no exact counterpart)"
        return _Decision(replacement, entry.gender, reason, trim=trim)

    def _modified(self, tok: Token) -> bool:
        """Whether a determiner or adjective comes before the word ('the madam', 'brothel madams')."""
        prev = _prev_word(tok)
        if prev is None:
            return False
        if self.tagged(prev):
            return prev.pos_ in ("DET", "ADJ", "NUM", "PROPN", "NOUN") or prev.tag_ == "PRP$"
        return prev.lower_ in _POSSESSIVE_DETS or prev.lower_ in ("a", "an", "the", "this", "that", "these", "those", "some", "many")

    # -- what must not change --------------------------------------------------------------

    def in_name(self, tok: Token, ent_of: dict[int, tuple[int, int, str]]) -> bool:
        """A gendered word that is part of a personal or organisation name ('Martin Luther King')."""
        if not tok.text[:1].isupper():
            return False
        prev = _prev_word(tok)
        if prev is not None and prev.lower_.rstrip(".") in _HONORIFICS and prev.lower_.rstrip(".") != tok.lower_:
            return True  # "Mr King": a surname
        doc = tok.doc
        nxt = _next_word(tok)
        if nxt is not None and nxt.text in _org_heads():
            return True  # "the Ms. Foundation", "Mothers Union": a body's name, not a person
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text in ("'", "'s") and doc[tok.i + 2].text[:1].isupper() \
                and doc[tok.i + 2].lower_ not in self.lex.words:
            return True  # "Mothers' Union", "Women's Refugee Commission": an organisation's name
        if self.statistical:
            span = ent_of.get(tok.i)
            if span is None:
                return False
            start, end, label = span
            if tok.lower_.rstrip(".") in _ADDRESS_TITLES and start == tok.i and _next_word(tok) is not None \
                    and not any(t.text in _org_heads() for t in doc[start:end]):
                return False  # "Ms Diallo" read as an ORG by the small model: still a form of address
            if label == "PERSON":
                return any(t.is_alpha and t.lower_ not in self.lex.words and t.lower_.rstrip(".") not in _HONORIFICS
                           for t in doc[start:tok.i])
            return label in _NAME_ENTITIES and end - start >= 2
        # No NER: a capitalised gendered word next to another capitalised word mid-sentence.
        return (prev is not None and prev.text[:1].isupper() and prev.is_alpha
                and prev.lower_ not in self.lex.words and not prev.is_sent_start)


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    """Words that end the names of bodies ('Foundation', 'Council'): 'the Ms. Foundation' is one."""
    from .guards import guard_data

    return frozenset(guard_data().get("title_heads") or ()) | {"Union", "Association", "Fund", "Trust", "Society", "Institute", "Magazine", "Group"}


def _shouting(tok: Token) -> bool:
    """An ALL-CAPS sentence (a poster headline): the small model's tags are unreliable there."""
    letters = [c for c in tok.sent.text if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def _entity_index(doc: Doc) -> dict[int, tuple[int, int, str]]:
    return {i: (ent.start, ent.end, ent.label_) for ent in doc.ents for i in range(ent.start, ent.end)}


class _QuotedNames:
    """Quoted Title Case names ("Mothers Against Exploitation"): names, not the author's words.
    A quotation is read only when a swap falls inside it (a long text has thousands)."""

    def __init__(self, norm_text: str):
        self.text = norm_text
        self.quotes = quote_ranges(norm_text)  # in order, not overlapping
        self.starts = [q[0] for q in self.quotes]
        self.named: dict[int, bool] = {}

    def contains(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start) - 1
        if k < 0 or end > self.quotes[k][1]:
            return False
        if k not in self.named:
            qs, qe = self.quotes[k][0], self.quotes[k][1]
            words = re.findall(r"[A-Za-z][\w'-]*", self.text[qs + 1:qe - 1])
            significant = [w for w in words if w.lower() not in _SMALL_WORDS]
            self.named[k] = len(words) >= 2 and bool(significant) and all(w[0].isupper() for w in significant)
        return self.named[k]


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


# ------------------------------------------------------------------------------ public API

def flip_analyzed(adoc: AnalyzedDocument, lexicon: FlipLexicon | None = None) -> FlipResult:
    """Flip an analysed document (the scanner's analysis can be reused: no second NLP pass)."""
    lex = lexicon or load_flip_lexicon()
    document = adoc.document
    norm = document.normalized.text
    # A Doc from someone else's pipeline (the spaCy component) was not normalised: its offsets
    # are offsets into the text itself.
    direct = any(seg.text != norm[seg.block.norm_start:seg.block.norm_end] for seg in adoc.segments)
    if direct:
        norm = document.text
    exact, runs = protected_ranges(norm)
    quoted = _QuotedNames(norm)
    flipper = _Flipper(lex, adoc.info.statistical)
    swaps: list[Swap] = []
    for seg in adoc.segments:
        base = seg.block.norm_start
        ents = _entity_index(seg.doc) if adoc.info.statistical else {}
        for tok in seg.doc:
            if tok.is_space or tok.is_punct:
                continue
            decision = flipper.pronoun(tok)
            is_pronoun = decision is not None
            if decision is None:
                decision = flipper.noun(tok)
                if decision is None or flipper.in_name(tok, ents):
                    continue
            ns, ne = base + tok.idx, base + tok.idx + len(tok.text) - decision.trim
            if _inside(exact, ns, ne) or quoted.contains(ns, ne) or (not is_pronoun and _inside(runs, ns, ne)):
                continue
            start, end = (ns, ne) if direct else document.to_original(ns, ne)
            original = document.text[start:end]
            shown = tok.text[: len(tok.text) - decision.trim]
            swaps.append(Swap(
                start=start, end=end, original=original,
                replacement=fit_case(decision.replacement, shown),
                ambiguous=decision.ambiguous, reason=decision.reason,
                alternative=fit_case(decision.alternative, shown) if decision.alternative else None,
                gender=decision.gender,
            ))
    swaps.sort(key=lambda s: s.start)
    return FlipResult(
        text=apply_swaps(document.text, swaps), swaps=swaps, original=document.text,
        path=document.path, pipeline=adoc.info.name, statistical=adoc.info.statistical,
    )


def apply_swaps(text: str, swaps: list[Swap]) -> str:
    """The text with each swap's span replaced; everything between swaps is kept as it was."""
    out: list[str] = []
    pos = 0
    for s in sorted(swaps, key=lambda s: s.start):
        out.append(text[pos:s.start])
        out.append(s.replacement)
        pos = s.end
    out.append(text[pos:])
    return "".join(out)


def flip_document(document: Document, nlp=None, info=None) -> FlipResult:
    """Flip a Document read by :func:`awareness_check.documents.read_path` (.txt, .md, .docx, stdin)."""
    if nlp is None or info is None:
        from .pipeline import load_pipeline

        nlp, info = load_pipeline()
    return flip_analyzed(analyze(document, nlp, info))


def flip_text(text: str, nlp=None, info=None) -> FlipResult:
    """Flip a string."""
    return flip_document(Document(path="<text>", text=text), nlp, info)


def flip_counts(result: FlipResult) -> dict:
    """How many gendered mentions the draft has, by gender (the flip-it summary in ``scan``)."""
    female = sum(1 for s in result.swaps if s.gender == FEMALE)
    male = sum(1 for s in result.swaps if s.gender == MALE)
    return {"gendered_mentions": female + male, "female": female, "male": male,
            "ambiguous": len(result.ambiguous)}


# ---------------------------------------------------------------------------------- views

def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset (CR, LF and CRLF all end a line)."""
    head = text[:offset]
    line_start = max(head.rfind("\n"), head.rfind("\r")) + 1
    return head.count("\n") + head.count("\r") - head.count("\r\n") + 1, offset - line_start + 1


def to_dict(result: FlipResult) -> dict:
    """The JSON view: the flipped text, every swap with offsets into the original, the counts."""
    swaps = []
    for s in result.swaps:
        d = s.to_dict()
        d["line"], d["column"] = line_col(result.original, s.start)
        swaps.append(d)
    return {"path": result.path, "text": result.text, "swaps": swaps, "summary": flip_counts(result)}


def word_diff(result: FlipResult, style=None) -> str:
    """The original text with every swap marked in place: ``[-her-]{+him+}``.

    An ambiguous swap shows the chosen reading, then the other one and a question mark:
    ``[-her-]{+him/his?+}``. ``style(text, kind)`` may colour the pieces (kind is "old", "new"
    or "ambiguous"); without it the markers alone carry the information (safe to copy or pipe).
    """
    paint = style or (lambda text, kind: text)
    out: list[str] = []
    pos = 0
    text = result.original
    for s in result.swaps:
        out.append(text[pos:s.start])
        new = f"{s.replacement}/{s.alternative}?" if s.ambiguous and s.alternative else (f"{s.replacement}?" if s.ambiguous else s.replacement)
        out.append(paint(f"[-{s.original}-]", "old"))
        out.append(paint(f"{{+{new}+}}", "ambiguous" if s.ambiguous else "new"))
        pos = s.end
    out.append(text[pos:])
    return "".join(out)


def ambiguity_report(result: FlipResult) -> list[str]:
    """One line per ambiguous swap, for the reviewer: where, what was chosen, the other reading, why."""
    lines = []
    for s in result.ambiguous:
        line, col = line_col(result.original, s.start)
        other = f" (or '{s.alternative}')" if s.alternative else ""
        lines.append(f"{result.path}:{line}:{col}: '{s.original}' -> '{s.replacement}'{other}: {s.reason}")
    return lines


def summary_line(result: FlipResult) -> str:
    c = flip_counts(result)
    amb = c["ambiguous"]
    return (f"{c['gendered_mentions']} swap{'s' if c['gendered_mentions'] != 1 else ''} "
            f"({c['female']} female -> male, {c['male']} male -> female)"
            + (f"; {amb} ambiguous, marked {{+chosen/other?+}}: check {'them' if amb != 1 else 'it'}" if amb else "")
            + ".")
