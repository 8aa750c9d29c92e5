"""Selective analysis: tokenise everything, run tagger/parser/NER only on the sentences checks need.

The full ``en_core_web_sm`` pipeline runs at a few thousand words a second; the tokenizer at a few
hundred thousand. Most sentences of a draft contain nothing any check needs a parse or entities
for, so each check names its triggers (``wants(sentence) -> bool``). A paragraph with a wanted
sentence is analysed in full; the others keep tokens and sentence starts only, made when a check
first reads them. A check that names no triggers needs every paragraph. Triggers are only asked of
paragraphs the check's gate opens (gates.py). The paragraph is the unit, so a check that reads
the sentences around a trigger (``context_sentences``) always has them analysed too.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterable

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from .analysis import Segment, drop_tensor
from .gates import gate_of


@dataclass(frozen=True)
class Selector:
    """Every check's gate and triggers. A paragraph is analysed when, for some check whose gate
    opens on it (gates.py), ``wants(sentence)`` is True for one of its sentences."""

    predicates: tuple[tuple[object, Callable[[Span], bool]], ...]

    @classmethod
    def from_checks(cls, checks: Iterable) -> "Selector | None":
        preds = []
        for check in checks:
            wants = getattr(check, "wants", None)
            if wants is None:
                return None  # a check that cannot say: analyse everything, as before
            preds.append((gate_of(check), wants))
        return cls(tuple(preds))

    def wants(self, segment: Segment) -> bool:
        """True when some check needs the tagger, parser or entities in this paragraph."""
        open_wants = [wants for gate, wants in self.predicates if gate is None or gate.opens(segment)]
        if not open_wants:
            return False  # not even tokenised here
        return any(wants(sent) for sent in segment.doc.sents for wants in open_wants)


_SENTENCIZER = Sentencizer()


def cheap_doc(nlp: Language, text: str) -> Doc:
    """Tokens and rule-based sentence starts (a line break always ends a sentence)."""
    doc = nlp.make_doc(text)
    _SENTENCIZER(doc)
    if "\n" in text:
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
    return doc


def analyze_selected(blocks, nlp: Language, selector: Selector, batch_size: int) -> list[Segment]:
    """Full pipeline for paragraphs a check wants analysed; for the rest a Doc of tokens and
    sentences, made only if some check reads that paragraph.

    The unit is the paragraph: every check reads at most its paragraph, and a paragraph is either
    fully analysed (exactly as without selection) or not at all. Splicing analysed sentences into
    an unanalysed paragraph (Doc.from_docs) leaves parse edges undefined for the unanalysed part,
    which spaCy's subtree walks do not survive.
    """
    make = partial(cheap_doc, nlp)
    segments = [Segment(block, make_doc=make) for block in blocks]
    wanted = [i for i, seg in enumerate(segments) if selector.wants(seg)]
    for i, doc in zip(wanted, nlp.pipe((blocks[i].text for i in wanted), batch_size=batch_size)):
        segments[i] = Segment(blocks[i], drop_tensor(doc))
    return segments
