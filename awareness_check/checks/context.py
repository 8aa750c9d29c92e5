"""Executable context conditions for lexicon entries (the ``context:`` mapping in the YAML).

Each condition reads the Doc around a match; conditions that need the tagger, parser or NER pass
when the pipeline lacks them (the blank fallback), so a missing model costs precision notices,
never crashes.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

_STATISTICAL_ATTRS = {"POS", "TAG", "DEP", "MORPH", "LEMMA", "ENT_TYPE", "ENT_IOB", "ENT_ID", "IS_SENT_START"}


def base(token) -> str:
    """The token's lemma when the pipeline has one, else its lower-case form."""
    lemma = token.lemma_
    return lemma.lower() if lemma else token.lower_


def window(span: Span, spec) -> Span:
    doc = span.doc
    if spec == "paragraph":
        return doc[:]
    if isinstance(spec, int):
        return doc[max(0, span.start - spec):min(len(doc), span.end + spec)]
    try:
        return span.sent
    except ValueError:  # no sentence boundaries
        return doc[:]


def _phrases(values) -> list[list[str]]:
    return [v.lower().split() for v in values]


def _next_words(span: Span, n: int) -> list[str]:
    return [t.lower_ for t in span.doc[span.end:span.end + n] if not t.is_space]


def _prev_words(span: Span, n: int) -> list[str]:
    return [t.lower_ for t in span.doc[max(0, span.start - n):span.start] if not t.is_space]


def followed_by(span: Span, phrases) -> bool:
    for words in _phrases(phrases):
        if _next_words(span, len(words)) == words:
            return True
    return False


def preceded_by(span: Span, phrases) -> bool:
    for words in _phrases(phrases):
        if _prev_words(span, len(words)) == words:
            return True
    return False


def near(span: Span, items, spec) -> bool:
    win = window(span, spec)
    bases = {base(t) for t in win if not (span.start <= t.i < span.end)} | {
        t.lower_ for t in win if not (span.start <= t.i < span.end)
    }
    text = " " + " ".join(t.lower_ for t in win) + " "
    for item in items:
        item = item.lower()
        if item.startswith("*-"):
            # any hyphenated compound with this ending: '*-born' is 'Bradford-born', 'UK-born' ...
            if re.search(rf"\s[^\W\d_][\w.]* - {re.escape(item[2:])} ", text):
                return True
        elif " " in item or "-" in item:
            # the tokenizer splits 'British-born' into three tokens: read hyphenated items in the text
            if f" {item} " in text or ("-" in item and f" {item.replace('-', ' - ')} " in text):
                return True
        elif item in bases:
            return True
    return False


def in_title(span: Span) -> bool:
    """The match is part of a capitalised name ('Isle of Man', 'Anti-Slavery International')."""
    doc = span.doc
    first = span[0]
    if not first.text[:1].isupper():
        return False

    def cap(t) -> bool:
        return t.text[:1].isupper() and t.is_alpha and not t.is_sent_start

    connectors = {"of", "the", "and", "for", "on", "in", "against", "to", "-"}
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in connectors:
        i -= 1
    if i >= 0 and cap(doc[i]) and (i < span.start - 1 or doc[i].text[:1].isupper()):
        return not first.is_sent_start or i < span.start
    j = span.end
    while j < len(doc) and doc[j].lower_ in connectors:
        j += 1
    return j < len(doc) and cap(doc[j]) and not first.is_sent_start and j > span.end


def needs_statistics(patterns) -> bool:
    return any(key.upper() in _STATISTICAL_ATTRS for pattern in patterns for token in pattern for key in token)


def passes(span: Span, context: dict, statistical: bool) -> bool:
    """True when the entry's context conditions allow flagging this match."""
    if not context:
        return True
    spec = context.get("window", "sentence")
    if "unless_next" in context and followed_by(span, context["unless_next"]):
        return False
    if "require_next" in context and not followed_by(span, context["require_next"]):
        return False
    if "unless_previous" in context and preceded_by(span, context["unless_previous"]):
        return False
    if "require_previous" in context and not preceded_by(span, context["require_previous"]):
        return False
    if "unless_near" in context and near(span, context["unless_near"], spec):
        return False
    if "require_near" in context and not near(span, context["require_near"], spec):
        return False
    if context.get("unless_title") and in_title(span):
        return False
    if statistical:
        if "unless_entity" in context and any(t.ent_type_ in context["unless_entity"] for t in span):
            return False
        if "pos" in context and span.root.pos_ not in context["pos"]:
            return False
    return True
