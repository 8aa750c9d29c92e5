"""Identification risk (checklist 3.8, items 16-18): details that let a reader find a victim.

One pass over the analysed document builds a list of :class:`Detail` records: the span to flag,
the rule, and the *parts* a redacted copy replaces with placeholders ([NAME], [AGE], [PLACE] ...).
The check turns them into findings; :mod:`awareness_check.redact` uses the same records, so what
is flagged and what is redacted can never drift apart.

Who is at risk: a named person described as a victim, survivor, trafficked or smuggled person
anywhere in the document (mentions are linked by their name words, so "Thu Ha" later in a case
story links to "Thu Ha Tran"), a child (an age under 18 next to the name or the noun), or a
named person given both an exact age and a specific place. Not at risk: people introduced with
an official role or title ("Inspector ...", "..., the director of ...") and people described as
suspects or offenders. Narrowing details are specific places (a street, a named employer or
school, a village, an estate, a market), family members' names, shelter addresses, personal phone
numbers, e-mail addresses, social-media handles and case-file numbers. Countries and regions are
not narrowing (lexicons/guards/general-places.yml); organisation helplines are not personal.

Without the statistical model there are no entities to find names with: only the pattern-based
details remain (phone numbers, e-mail addresses, handles, case files, shelter addresses).

Modules: :mod:`.patterns` (shared regexes and text helpers), :mod:`.places`, :mod:`.people` (who is
at risk), :mod:`.narrowing` (names, ages and places of at-risk people), :mod:`.family`,
:mod:`.contacts` (phone, e-mail, handles, case files), :mod:`.media` (captions, testimony).
"""
from __future__ import annotations

import re
from functools import cache

from ..analysis import AnalyzedDocument
from ..documents import Document
from ..gates import folded_lower
from .contacts import _contacts
from .family import _family
from .media import _captions, _testimony
from .narrowing import _names_and_places
from .patterns import (CONSENT, CONSENT_NEEDS, NAME_WORD, PSEUDONYM, PSEUDONYM_NEEDS, Detail, _merge_parts, _words,
                       age_number, is_general_place, mentions)
from .people import _people
from .places import _shelters

__all__ = ["Detail", "find_details", "flagged_name_words", "name_mentions", "age_number", "is_general_place"]


def find_details(adoc: AnalyzedDocument) -> list[Detail]:
    """Every identification detail in the document, in document order."""
    statistical = adoc.info.statistical
    text_all = adoc.document.text
    folded = cache(lambda: folded_lower(text_all))
    # The draft is searched for a pseudonym or consent note only when a detail depends on it (most
    # drafts name no at-risk person and quote no one).
    pseudonyms = cache(lambda: mentions(PSEUDONYM, PSEUDONYM_NEEDS, text_all, folded()))
    details: list[Detail] = []
    for seg in adoc.segments:
        details.extend(_contacts(seg))
        details.extend(_shelters(seg))
    if statistical:
        people = _people(adoc)
        details.extend(_names_and_places(adoc, people, pseudonyms))
        details.extend(_family(adoc))
        details.extend(_captions(adoc))
        testimony = _testimony(adoc)
        if testimony and not mentions(CONSENT, CONSENT_NEEDS, text_all, folded()):
            details.extend(testimony)
    return _dedupe(details)


def flagged_name_words(details: list[Detail]) -> set[str]:
    """The words of every name a detail flags (a victim's "Thu Ha Tran": thu, ha, tran)."""
    flagged: set[str] = set()
    for d in details:
        for s, e, ph in d.parts:
            if ph == "[NAME]":
                flagged.update(_words(d.segment.text[s:e]))
    return flagged


def name_mentions(document: Document, flagged: set[str]) -> list[tuple[int, int]]:
    """Every mention of a flagged name's words in the document (for redaction of later first-name
    uses), as (start, end) offsets into ``document.text``. Reads the text only: no analysis."""
    if not flagged:
        return []
    out = []
    for block in document.blocks:
        for m in re.finditer(rf"{NAME_WORD}(?:\s+{NAME_WORD})*", block.text):
            # the flagged words of this capitalised run, without a possessive 's
            hits = [w for w in re.finditer(r"[^\s]+", m.group(0)) if _words(w.group(0)) and _words(w.group(0))[0] in flagged]
            if not hits:
                continue
            start = m.start() + hits[0].start()
            last = hits[-1]
            end = m.start() + last.start() + len(_words(last.group(0))[0])
            out.append(document.to_original(block.norm_start + start, block.norm_start + end))
    return out


def _dedupe(details: list[Detail]) -> list[Detail]:
    seen = set()
    out = []
    for d in sorted(details, key=lambda d: (d.segment.block.index, d.start, -d.end, d.code)):
        key = (d.segment.block.index, d.start, d.end, d.code)
        if key in seen:
            continue
        # a detail inside another detail of the same rule adds nothing
        if any(o.segment is d.segment and o.code == d.code and o.start <= d.start and d.end <= o.end for o in out):
            for o in out:
                if o.segment is d.segment and o.code == d.code and o.start <= d.start and d.end <= o.end:
                    o.parts = _merge_parts(o.parts + d.parts)
                    if d.entry == "family":
                        o.entry = "family"  # the more specific reason wins
            continue
        # a family member who is a victim too is flagged once, as a victim's name
        if d.code == "IDR002" and d.entry == "family" and any(o.code == "IDR001" and o.segment is d.segment and o.start == d.start for o in out):
            continue
        seen.add(key)
        out.append(d)
    return out


