"""Run the pipeline over a document's paragraphs and keep the way back to the user's offsets."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, NamedTuple

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, IS_TITLE, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from .documents import Block, Document
from .gates import gate_test, number_word_gates, opened_word_gates, word_gate_count, words_only
from .pipeline import PipelineInfo

BATCH_SIZE = 64  # nlp-stack.md: speed is flat from 32 to 256, memory is not


@dataclass(frozen=True, eq=False)
class Segment:
    """One paragraph of a document and its Doc.

    The Doc of a paragraph no check needed analysed is made on first use (tokens and sentence
    starts only), so a paragraph no check looks at is never tokenised at all.
    """

    block: Block
    analysed: Doc | None = None
    make_doc: Callable[[str], Doc] | None = field(default=None, repr=False)
    answers: "GateAnswers | None" = field(default=None, repr=False)  # shared by the document's paragraphs

    def opened(self, gate) -> bool:
        """``gate.opens(self)``, decided once per paragraph when the document keeps answers."""
        if self.answers is None:
            return gate.opens(self)
        return self.answers.opened(gate, self)

    def analysed_as(self, doc: Doc) -> "Segment":
        """This paragraph with its analysed Doc; the word set and gate answers carry over. The cheap
        Doc it replaces is emptied of user data: a check's view kept there (data claims) refers
        back to it, a cycle that would hold it until the collector's next full pass."""
        cheap = self.__dict__.get("doc")
        if cheap is not None and cheap is not doc:
            cheap.user_data.clear()
        seg = Segment(self.block, doc, answers=self.answers)
        if "words" in self.__dict__:
            seg.__dict__["words"] = self.words
        return seg

    @cached_property
    def doc(self) -> Doc:
        if self.analysed is not None:
            return self.analysed
        return self.make_doc(self.block.text)

    @cached_property
    def sents(self) -> tuple[Span, ...]:
        """The paragraph's sentences, read once (``Doc.sents`` walks every token on each call)."""
        return tuple(self.doc.sents)

    @property
    def text(self) -> str:
        """The paragraph's text (== ``doc.text``, which spaCy rebuilds from every token on each call)."""
        return self.block.text

    @cached_property
    def words(self) -> frozenset[str]:
        """Lower-case word pieces of the paragraph, for the checks' gates (gates.py)."""
        from .gates import paragraph_words

        return paragraph_words(self.block.text)

    def char_range(self, start: int, end: int) -> tuple[int, int]:
        """Doc character offsets -> normalised document offsets."""
        return self.block.norm_start + start, self.block.norm_start + end


class GateAnswers:
    """Which paragraphs of a document each gate opens, a byte a paragraph (0 not asked yet, 1
    closed, 2 open): the selector and every check's view ask the same gates of the same paragraphs.
    A dict per paragraph cost ~80 MB per million words; this costs a few hundred kilobytes."""

    def __init__(self, paragraphs: int):
        self.paragraphs = paragraphs
        # id(gate) -> (gate, answers, word test); the gate is kept so its id stays its own
        self._rows: dict[int, tuple[object, bytearray, Callable]] = {}
        # per paragraph: (word gates numbered then, the numbers of those its words open)
        self._opened: list[tuple[int, frozenset[int]] | None] = [None] * paragraphs
        # id(gates) -> (gates, their rows, words only?, the word gates they read, answers by the
        # opened ones among those): opened_by_gates
        self._plans: dict[int, tuple] = {}

    def opened(self, gate, segment: Segment) -> bool:
        row = self._row(gate)
        i = segment.block.index
        answer = row[1][i]
        if not answer:
            answer = row[1][i] = 2 if row[2](self._opened_by(segment), segment) else 1
        return answer == 2

    def opened_by_gates(self, gates: tuple, segment: Segment) -> list[bool]:
        """:meth:`opened` for several gates of one paragraph (the selector asks every check's).
        The gates that read words alone answer alike for paragraphs opening the same word gates
        among those they read: their answers are kept per such set (a few hundred distinct sets
        per thousand paragraphs of news)."""
        plan = self._plans.get(id(gates))
        if plan is None:  # every gate numbered before an opened set is read
            rows = [self._row(gate) for gate in gates]
            plain = [words_only(gate) for gate in gates]
            read = frozenset().union(*(number_word_gates(gate) for gate, p in zip(gates, plain) if p))
            plan = self._plans[id(gates)] = (gates, rows, plain, read, {})
        _gates, rows, by_words, read, known = plan
        opened = self._opened_by(segment)
        key = read.intersection(opened)  # the word gates these gates read (not every lexicon entry's)
        answers = known.get(key)
        if answers is None:
            if len(known) > 20_000:
                known.clear()
            answers = known[key] = tuple((2 if row[2](key, None) else 1) if plain else 0 for row, plain in zip(rows, by_words))
        i = segment.block.index
        out = []
        for row, answer in zip(rows, answers):
            if answer:
                row[1][i] = answer  # kept for the check's view of its paragraphs (opened_segments)
            else:  # a gate reading more than words: asked of this paragraph
                answer = row[1][i]
                if not answer:
                    answer = row[1][i] = 2 if row[2](opened, segment) else 1
            out.append(answer == 2)
        return out

    def opened_segments(self, gate, segments: list[Segment]) -> list[Segment]:
        """The paragraphs of ``segments`` (this document's) that ``gate`` opens."""
        row = self._row(gate)
        answers, test = row[1], row[2]
        out = []
        for segment in segments:
            i = segment.block.index
            answer = answers[i]
            if not answer:
                answer = answers[i] = 2 if test(self._opened_by(segment), segment) else 1
            if answer == 2:
                out.append(segment)
        return out

    def _row(self, gate) -> tuple[object, bytearray, Callable]:
        row = self._rows.get(id(gate))
        if row is None:
            number_word_gates(gate)  # before any paragraph's opened set is read for it
            row = self._rows[id(gate)] = (gate, bytearray(self.paragraphs), gate_test(gate))
        return row

    def _opened_by(self, segment: Segment) -> frozenset[int]:
        """The word gates the paragraph's words open, kept for the paragraph (checks ask their gates
        paragraph by paragraph, one check after another) until more gates are numbered."""
        i = segment.block.index
        count = word_gate_count()
        known = self._opened[i]
        if known is None or known[0] != count:
            known = self._opened[i] = (count, opened_word_gates(segment.words))
        return known[1]


@dataclass
class AnalyzedDocument:
    document: Document
    segments: list[Segment]
    info: PipelineInfo
    nlp: Language

    def original_range(self, segment: Segment, start_char: int, end_char: int) -> tuple[int, int]:
        ns, ne = segment.char_range(start_char, end_char)
        return self.document.to_original(ns, ne)



def analyze(document: Document, nlp: Language, info: PipelineInfo, batch_size: int = BATCH_SIZE, *, selective: bool = True) -> AnalyzedDocument:
    """Analyse every paragraph; with ``selective``, pay for the statistical components only where a check asks.

    Each check may say, per sentence of a cheaply tokenised paragraph, whether it needs the tagger,
    parser or entities there (``Check.wants``). Only those sentences (with the context the check
    asks for) go through the full pipeline; the rest keep tokens and sentence boundaries only. A
    check that does not say is assumed to need everything, so selection never silently loses a
    finding family. The annotated pieces are joined back into one Doc per paragraph.
    """
    blocks = document.blocks
    selector = _selector(info) if selective else None
    if selector is None:
        docs = map(drop_tensor, nlp.pipe((b.text for b in blocks), batch_size=batch_size))
        return AnalyzedDocument(document, [Segment(b, d) for b, d in zip(blocks, docs)], info, nlp)
    from .selection import analyze_selected

    return AnalyzedDocument(document, analyze_selected(blocks, nlp, selector, batch_size), info, nlp)


_TEXT_KEY = "awareness_check.text"


def keep_text(doc: Doc, text: str) -> Doc:
    """Remember the paragraph's text on its Doc (``Doc.text`` rebuilds it from every token)."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def doc_text(doc: Doc) -> str:
    """A Doc's text, without rebuilding it when :func:`keep_text` kept it."""
    text = doc.user_data.get(_TEXT_KEY)
    return doc.text if text is None else text


_COLUMNS_KEY = "awareness_check.columns"


class TokenColumns(NamedTuple):
    """A paragraph's per-token attributes as Python lists, read once by every trigger: a Token
    object per token costs more than the test it is made for."""

    lower: list[int]  # ``Token.lower`` (string ids)
    named: list[bool]  # title case and not punctuation: a name-like word
    space: list[bool]


def token_columns(doc: Doc) -> TokenColumns:
    columns = doc.user_data.get(_COLUMNS_KEY)
    if columns is None:
        table = doc.to_array([LOWER, IS_TITLE, IS_PUNCT, IS_SPACE])
        lower, title, punct, space = table.T.tolist() if len(doc) else ([], [], [], [])
        columns = doc.user_data[_COLUMNS_KEY] = TokenColumns(lower, [t and not p for t, p in zip(title, punct)], [bool(x) for x in space])
    return columns


def drop_tensor(doc: Doc) -> Doc:
    """No check reads the tok2vec output; keeping it costs ~400 bytes a token."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def _selector(info: PipelineInfo):
    if not info.statistical:
        return None
    from .checks import all_checks
    from .selection import Selector

    return Selector.from_checks(all_checks())


def analyze_doc(doc: Doc, nlp: Language, info: PipelineInfo, path: str = "<doc>") -> AnalyzedDocument:
    """Wrap an already-processed Doc (the spaCy component path) as a one-paragraph document."""
    from array import array

    from .documents import NormalizedText

    document = Document(path=path, text=doc.text)
    block = Block(0, 0, len(doc.text), doc.text)
    # The component sees the Doc's own text, not normalised: the offset map is the identity.
    document.__dict__["normalized"] = NormalizedText(doc.text, array("I", range(len(doc.text) + 1)))
    document.__dict__["blocks"] = [block]
    return AnalyzedDocument(document, [Segment(block, doc)], info, nlp)
