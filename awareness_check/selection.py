"""Selective analysis: tokenise everything, run tagger/parser/NER only on the sentences checks need.

The full ``en_core_web_sm`` pipeline runs at a few thousand words a second; the tokenizer at a few
hundred thousand. Most sentences of a draft contain nothing any check needs a parse or entities
for, so each check names its triggers (``wants(sentence) -> bool``). A paragraph with a wanted
sentence is analysed in full; the others keep tokens and sentence starts only. A check that names
no triggers needs every paragraph. (``context_sentences`` is kept for checks that read beyond a
sentence: within a paragraph it is always honoured, since the paragraph is the unit.)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

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


def analyze_selected(blocks, nlp: Language, selector: Selector, batch_size: int) -> list[Doc]:
    """Full pipeline for paragraphs with a selected sentence; tokens and sentences only for the rest.

    The unit is the paragraph: every check reads at most its paragraph, and a paragraph is either
    fully analysed (exactly as without selection) or not at all. Splicing analysed sentences into
    an unanalysed paragraph (Doc.from_docs) leaves parse edges undefined for the unanalysed part,
    which spaCy's subtree walks do not survive.
    """
    cheap = [cheap_doc(nlp, block.text) for block in blocks]
    wanted = [i for i, doc in enumerate(cheap) if any(selector.selected(list(doc.sents)))]
    out = list(cheap)
    for i, doc in zip(wanted, nlp.pipe((blocks[i].text for i in wanted), batch_size=batch_size)):
        doc.tensor = _EMPTY_TENSOR
        out[i] = doc
    return out
