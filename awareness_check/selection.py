"""Selective analysis: tokenise everything, run tagger/parser/NER only on the sentences checks need.

The full ``en_core_web_sm`` pipeline runs at a few thousand words a second; the tokenizer at a few
hundred thousand. Most sentences of a draft contain nothing any check needs a parse or entities
for, so each check names its triggers (``wants(sentence) -> bool``) and how many neighbouring
sentences it reads (``context_sentences``). A check that names no triggers needs every sentence.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

import numpy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

_EMPTY_TENSOR = numpy.zeros((0,), dtype="float32")


@dataclass(frozen=True)
class Selector:
    """The union of every check's triggers; ``None`` predicates mean 'this check needs everything'."""

    predicates: tuple[tuple[Callable[[Span], bool], int], ...]
    everything: bool = False

    @classmethod
    def from_checks(cls, checks: Iterable) -> "Selector | None":
        preds = []
        for check in checks:
            wants = getattr(check, "wants", None)
            if wants is None:
                return None  # a check that cannot say: analyse everything, as before
            preds.append((wants, int(getattr(check, "context_sentences", 0))))
        return cls(tuple(preds))

    def selected(self, sents: list[Span]) -> list[bool]:
        chosen = [False] * len(sents)
        for i, sent in enumerate(sents):
            for wants, context in self.predicates:
                if wants(sent):
                    for j in range(max(0, i - context), min(len(sents), i + context + 1)):
                        chosen[j] = True
        return chosen


_SENTENCIZER = Sentencizer()


def cheap_doc(nlp: Language, text: str) -> Doc:
    """Tokens and rule-based sentence starts (a line break always ends a sentence)."""
    doc = nlp.make_doc(text)
    _SENTENCIZER(doc)
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def _with_sentence_heads(doc: Doc) -> Doc:
    """The cheap piece with each sentence as a flat tree (first token ROOT, others 'dep').

    Doc.from_docs derives sentence starts from heads once any piece is parsed, so an unparsed
    piece would otherwise become one long sentence and sentence-scoped checks would read
    neighbouring sentences. 'dep' is spaCy's label for an unclassified relation.
    """
    heads, root = [], 0
    for tok in doc:
        if tok.is_sent_start:
            root = tok.i
        heads.append(root)
    flat = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               heads=heads, deps=["ROOT" if h == i else "dep" for i, h in enumerate(heads)])
    flat.tensor = _EMPTY_TENSOR
    return flat


def regions(doc: Doc, chosen: list[bool], sents: list[Span]) -> Iterator[tuple[int, int, bool]]:
    """Character regions of the paragraph: (start, end, analyse?) covering the text exactly."""
    if not sents:
        yield 0, len(doc.text), False
        return
    start = 0
    current = chosen[0]
    for sent, flag in zip(sents[1:], chosen[1:]):
        if flag != current:
            cut = sent.start_char
            yield start, cut, current
            start, current = cut, flag
    yield start, len(doc.text), current


def analyze_selected(blocks, nlp: Language, selector: Selector, batch_size: int) -> list[Doc]:
    plans = []
    wanted: list[str] = []
    for block in blocks:
        doc = cheap_doc(nlp, block.text)
        sents = list(doc.sents)
        chosen = selector.selected(sents)
        parts = list(regions(doc, chosen, sents))
        plans.append((block, doc, parts))
        wanted += [block.text[s:e] for s, e, full in parts if full]
    analysed = iter(nlp.pipe(wanted, batch_size=batch_size))
    out: list[Doc] = []
    for block, doc, parts in plans:
        if not any(full for _, _, full in parts):
            out.append(doc)
            continue
        pieces = []
        for s, e, full in parts:
            piece = next(analysed) if full else cheap_doc(nlp, block.text[s:e])
            if len(piece):
                piece.tensor = _EMPTY_TENSOR
                if not full:
                    piece[0].is_sent_start = True
                    piece = _with_sentence_heads(piece)
                pieces.append(piece)
        merged = Doc.from_docs(pieces, ensure_whitespace=False) if len(pieces) > 1 else pieces[0]
        out.append(merged)
    return out
