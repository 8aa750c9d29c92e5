"""Selective analysis: tokenise everything, run tagger/parser/NER only on the sentences checks need.

The full ``en_core_web_sm`` pipeline runs at a few thousand words a second; the tokenizer at a few
hundred thousand. Most sentences of a draft contain nothing any check needs a parse or entities
for, so each check names its triggers (``wants(sentence) -> bool``, or per paragraph
``paragraph_wants(paragraph)``, told what the paragraph's gates say), how many sentences either
side of a trigger it reads (``context_sentences``; a check that does not say reads its whole
paragraph) and which other sentences its decision reads (``also_reads``: a name's other mentions,
a source line). Triggers are only asked of paragraphs the check's gate opens (gates.py).

A trigger may want a sentence only if its first word is a name (``IF_PROPER_NOUN``: a proper noun
to the tagger, or a name or place to the entity recognizer): such sentences go through those two
first, in one batch, and only those confirmed are analysed. A paragraph no check wants stays
unanalysed (tokens and sentence starts, made when a check first reads it). Where only some
sentences are wanted, those sentences and their context are analysed as runs of text and spliced
into the paragraph's tokens (:func:`splice`); where they would make up most of the paragraph, or a
splice would not reproduce its tokens or sentences, the paragraph is analysed whole.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial
from typing import Callable, Iterable

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .analysis import GateAnswers, Segment, doc_text, drop_tensor, keep_text
from .gates import ALWAYS, gate_of

# Share of a paragraph's tokens above which the whole paragraph is analysed: the splice saves little
# there, and a whole paragraph is analysed exactly as without selection.
WHOLE_SHARE = 0.75

Runs = tuple[tuple[int, int], ...]  # token ranges [start, end) of a paragraph's cheap Doc to analyse

# A ``wants`` answer: the sentence is wanted only if its first word is a name ("Grace was trafficked
# at 16." but not "Participants discussed trafficking."): the tagger and the entity recognizer are
# run on such sentences first (``proper_first_words``), the full pipeline on those they confirm.
IF_PROPER_NOUN = "if its first word is a proper noun"


@dataclass(frozen=True)
class Selector:
    """Every check's gate, triggers and context. A sentence is analysed when, for some check whose
    gate opens on its paragraph (gates.py), ``wants`` is True for it or for a sentence within the
    check's ``context_sentences`` of it (``None``: the whole paragraph), or for a sentence whose
    decision the check says reads this one (``also_reads(sentences, i)``: a name's other
    mentions, the line introducing a figure). ``wants`` may answer ``IF_PROPER_NOUN``: then the
    tagger and the entity recognizer are asked first (:meth:`marks`, :meth:`runs`)."""

    predicates: tuple[tuple[object, Callable[[Span], bool], int | None, Callable | None], ...]
    # per check, ``paragraph_wants(segment)`` when it has one: its ``wants`` for that paragraph's
    # sentences, told what the paragraph's gates already say (None: ``wants`` itself)
    paragraph_wants: tuple[Callable | None, ...] = ()

    @cached_property
    def gates(self) -> tuple:
        """Each check's gate (a check without one: a gate that always opens)."""
        return tuple(ALWAYS if gate is None else gate for gate, *_ in self.predicates)

    @classmethod
    def from_checks(cls, checks: Iterable) -> "Selector | None":
        preds, per_paragraph = [], []
        for check in checks:
            wants = getattr(check, "wants", None)
            if wants is None:
                return None  # a check that cannot say: analyse everything, as before
            preds.append((gate_of(check), wants, getattr(check, "context_sentences", None), getattr(check, "also_reads", None)))
            per_paragraph.append(getattr(check, "paragraph_wants", None))
        return cls(tuple(preds), tuple(per_paragraph))

    def plan(self, segment: Segment) -> Runs | None:
        """The token ranges of this paragraph to analyse: ``()`` none, ``None`` the whole paragraph.
        A sentence wanted ``IF_PROPER_NOUN`` counts as wanted (no tagger to ask here)."""
        marks = self.marks(segment)
        return self.runs(marks, set(marks.pending) if isinstance(marks, Marks) else set())

    def marks(self, segment: Segment) -> "Marks | Runs | None":
        """The sentences wanted outright, and those a check wants only if their first word is a
        name to the tagger or the entity recognizer (``Marks.pending``); ``()`` or ``None`` when that is already the
        answer (nothing, the whole paragraph)."""
        answers = segment.answers
        if answers is None:
            opened = [gate is None or segment.opened(gate) for gate, *_ in self.predicates]
        else:
            opened = answers.opened_by_gates(self.gates, segment)
        open_checks = [(wants if per_paragraph is None else per_paragraph(segment), context, also)
                       for (_gate, wants, context, also), per_paragraph, is_open
                       in zip(self.predicates, self.paragraph_wants or (None,) * len(self.predicates), opened) if is_open]
        if not open_checks:
            return ()  # not even tokenised here
        sents = segment.sents
        marked = [False] * len(sents)
        tentative: list[tuple[int, int | None, Callable | None]] = []
        for i, sent in enumerate(sents):
            for wants, context, also in open_checks:
                if context is not None and also is None and all(marked[max(0, i - context):i + context + 1]):
                    continue  # already analysed, with the context this check reads
                answer = wants(sent)
                if not answer:
                    continue
                if answer is IF_PROPER_NOUN:
                    tentative.append((i, context, also))
                    continue
                if context is None:
                    return None
                _mark(marked, sents, i, context, also)
        pending = []
        for i, context, also in tentative:
            if marked[i]:  # analysed anyway: read what the check reads around it, as if wanted
                if context is None:
                    return None
                _mark(marked, sents, i, context, also)
            else:
                pending.append(i)
        if not any(marked) and not pending:
            return ()
        return Marks(segment, marked, tuple(tentative), tuple(dict.fromkeys(pending)))

    def runs(self, marks: "Marks | Runs | None", confirmed: set[int]) -> Runs | None:
        """:meth:`marks` completed: the ``pending`` sentences in ``confirmed`` are wanted."""
        if not isinstance(marks, Marks):
            return marks
        segment, marked = marks.segment, list(marks.marked)
        sents = segment.sents
        for i, context, also in marks.tentative:
            if i in confirmed and not marks.marked[i]:
                if context is None:
                    return None
                _mark(marked, sents, i, context, also)
        if not any(marked):
            return ()
        runs: list[tuple[int, int]] = []
        for i, sent in enumerate(sents):
            if marked[i]:
                if runs and runs[-1][1] == sent.start:
                    runs[-1] = (runs[-1][0], sent.end)
                else:
                    runs.append((sent.start, sent.end))
        if sum(e - s for s, e in runs) > WHOLE_SHARE * len(segment.doc):
            return None
        return tuple(runs)

    def wants(self, segment: Segment) -> bool:
        """True when some check needs the tagger, parser or entities somewhere in this paragraph."""
        return self.plan(segment) != ()


@dataclass(frozen=True, eq=False)
class Marks:
    """A paragraph's sentences marked for analysis, before the tagger has said which ``pending``
    sentences (wanted ``IF_PROPER_NOUN``, not marked otherwise) start with a proper noun."""

    segment: Segment
    marked: list[bool]
    tentative: tuple[tuple[int, int | None, Callable | None], ...]  # (sentence, context, also_reads)
    pending: tuple[int, ...]


def _mark(marked: list[bool], sents, i: int, context: int, also: Callable | None) -> None:
    for k in range(max(0, i - context), min(len(sents), i + context + 1)):
        marked[k] = True
    for k in also(sents, i) if also is not None else ():
        marked[k] = True


PROPER_TAGS = frozenset({"NNP", "NNPS"})
# Entity labels on a first word that make it a name or a place for the checks: the recognizer gives
# some common-noun names the tagger calls NN ("Gift was 15 years old.") a PERSON label.
NAME_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})


def proper_first_words(nlp: Language, texts: list[str], batch_size: int) -> list[bool]:
    """For each sentence, whether its first word is a proper noun to the tagger or a name or place
    to the entity recognizer: the components up to the tagger and the recognizer (which has its own
    embedding in en_core_web_sm), about two thirds of the pipeline's cost, and the tags and entities
    the full pipeline would give."""
    if not texts:
        return []
    names = nlp.pipe_names
    if "tagger" not in names:
        return [True] * len(texts)  # cannot tell: analyse
    enable = names[:names.index("tagger") + 1] + [n for n in ("ner",) if n in names]
    with nlp.select_pipes(enable=enable):
        return [_first_word_proper(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]


def _first_word_proper(doc: Doc) -> bool:
    first = next((t for t in doc if not t.is_space), None)
    return first is not None and (first.tag_ in PROPER_TAGS or first.ent_type_ in NAME_LABELS)


_SENTENCIZER = Sentencizer()
_PUNCT_IDS = frozenset(get_string_id(c) for c in _SENTENCIZER.punct_chars)


def cheap_doc(nlp: Language, text: str) -> Doc:
    """Tokens and rule-based sentence starts (a line break always ends a sentence)."""
    doc = keep_text(nlp.make_doc(text), text)
    _SENTENCIZER.set_annotations([doc], [sentence_starts(doc, "\n" in text)])
    return doc


def sentence_starts(doc: Doc, break_lines: bool = False) -> list[bool]:
    """``Sentencizer.predict``'s answer for one Doc, read from ORTH and IS_PUNCT columns rather
    than a Token object per token (a tenth of the time); with ``break_lines``, a token after a
    whitespace token holding a line break starts a sentence too (``pipeline.line_breaks``)."""
    n = len(doc)
    if not n:
        return []
    orth, punct, space = doc.to_array([ORTH, IS_PUNCT, IS_SPACE]).T.tolist()
    starts = [False] * n
    starts[0] = True
    start, seen_period = 0, False
    for i in range(n):
        in_punct_chars = orth[i] in _PUNCT_IDS
        if seen_period and not punct[i] and not in_punct_chars:
            starts[start] = True
            start, seen_period = i, False
        elif in_punct_chars:
            seen_period = True
    starts[start] = True
    if break_lines:
        strings = doc.vocab.strings
        for i in range(n - 1):
            if space[i] and "\n" in strings[orth[i]]:
                starts[i + 1] = True
    return starts


def run_text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens [start, end) with the last token's trailing whitespace."""
    text = doc_text(doc)
    return text[doc[start].idx:doc[end].idx if end < len(doc) else len(text)]


def splice(cheap: Doc, runs: Runs, analysed: list[Doc]) -> Doc | None:
    """One Doc of the paragraph: ``analysed`` (one per run) in place of the runs' tokens, the cheap
    tokens elsewhere (no tags, parse or entities). Sentence starts are the analysed runs' own and
    the cheap parts'. ``None`` when a run was tokenised differently on its own, or the parser
    joined two of its rule-based sentences: a check counting sentences around a trigger
    (``context_sentences``) would then reach past the run into unanalysed text."""
    pieces: list[Doc] = []
    pos = 0
    for (start, end), doc in zip(runs, analysed):
        if len(doc) != end - start:
            return None
        parsed_starts = {t.i for t in doc if t.is_sent_start}
        if any(cheap[k].is_sent_start and k - start not in parsed_starts for k in range(start + 1, end)):
            return None
        if start > pos:
            pieces.append(cheap[pos:start].as_doc())
        pieces.append(doc)
        pos = end
    if pos < len(cheap):
        pieces.append(cheap[pos:].as_doc())
    starts = numpy.concatenate([piece.to_array([SENT_START]) for piece in pieces])
    joined = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["user_data"])
    text = doc_text(cheap)
    if joined.text != text:
        return None
    # from_docs derives sentence starts from the heads, which the cheap parts do not have
    joined.from_array([SENT_START], starts.astype("uint64"))
    return keep_text(drop_tensor(joined), text)


def analyze_selected(blocks, nlp: Language, selector: Selector, batch_size: int) -> list[Segment]:
    """Full pipeline for the sentences (or paragraphs) checks want analysed; for the rest a Doc of
    tokens and sentences, made only if some check reads that paragraph."""
    make = partial(cheap_doc, nlp)
    answers = GateAnswers(len(blocks))
    segments = [Segment(block, make_doc=make, answers=answers) for block in blocks]
    marks = [selector.marks(seg) for seg in segments]
    pending = [(i, k) for i, m in enumerate(marks) if isinstance(m, Marks) for k in m.pending]
    proper = proper_first_words(nlp, [run_text(segments[i].doc, segments[i].sents[k].start, segments[i].sents[k].end)
                                      for i, k in pending], batch_size)
    confirmed: dict[int, set[int]] = {}
    for (i, k), yes in zip(pending, proper):
        if yes:
            confirmed.setdefault(i, set()).add(k)
    jobs: list[tuple[int, Runs | None]] = []
    for i, seg in enumerate(segments):
        runs = selector.runs(marks[i], confirmed.get(i, set()))
        marks[i] = None
        if runs != ():
            jobs.append((i, runs))

    def texts():
        for i, runs in jobs:
            if runs is None:
                yield blocks[i].text
            else:
                cheap = segments[i].doc
                yield from (run_text(cheap, s, e) for s, e in runs)

    docs = iter(nlp.pipe(texts(), batch_size=batch_size))
    whole_again: list[int] = []
    for i, runs in jobs:
        if runs is None:
            segments[i] = segments[i].analysed_as(drop_tensor(next(docs)))
            continue
        spliced = splice(segments[i].doc, runs, [drop_tensor(next(docs)) for _ in runs])
        if spliced is None:
            whole_again.append(i)
        else:
            segments[i] = segments[i].analysed_as(spliced)
    for i, doc in zip(whole_again, nlp.pipe((blocks[i].text for i in whole_again), batch_size=batch_size)):
        segments[i] = segments[i].analysed_as(drop_tensor(doc))
    return segments
