"""Specific places in a sentence (streets, named workplaces and schools, villages, hometowns) and shelter addresses.

Countries and regions are not narrowing (lexicons/guards/general-places.yml)."""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..analysis import Segment
from .gate import SHELTERS
from .patterns import CHAIN, DORM, SHELTER_DESCRIBED, Detail, HOMETOWN, NAME_WORD, NOT_NAMES, NOT_PLACE_ENTS, ORG_WORDS, PLACE_CORE, PLACE_HEADS, SHELTER, SHELTER_IS, SHELTER_LOC, STREET, _merge_parts, is_general_place


# Before a street or venue named type-first: "on Rue Dauphine", "at the Café Lumière".
_PLACE_PREP_BEFORE = re.compile(r"\b(?i:at|on|in|near|off|along|outside|behind|opposite|from|to|into|the)\s+(?:\d+[A-Za-z]?,?\s+)?$")
# What a shelter's location after "is/are/was" must start with to be an address: a number, or a
# name ending in a street type or a place noun ("22 Orchard Close", "Market Street", "the Grand Mosque").
SPECIFIC_PLACE = re.compile(rf"(?:the\s+)?(?:\d|(?:{NAME_WORD}\s+)+(?:{STREET}|(?i:{PLACE_HEADS})s?\b))")


def _place_cores(seg: Segment, sent: Span) -> list[tuple[int, int, str]]:
    """Specific places in a sentence: (start, end, placeholder) in Doc characters, chains merged."""
    text = seg.text
    out: list[tuple[int, int, str]] = []
    s0 = sent.start_char
    stext = text[s0:sent.end_char]  # == sent.text, without rebuilding it from tokens
    for m in PLACE_CORE.finditer(stext):
        group = m.lastgroup
        s, e = s0 + m.start(group), s0 + m.end(group)
        core = text[s:e]
        if group == "named":
            head_ok = re.search(rf"(?:{PLACE_HEADS})s?$", core, re.I)
            names = [w for w in core.split() if w[:1].isupper() and w not in ("The", "the")]
            if not head_ok or not names or all(w in NOT_NAMES for w in names):
                continue
            if core.split()[0] in NOT_NAMES - {"The", "St", "Saint"}:
                continue
            after = re.match(r"\s+([A-Z][\w'’-]*)", text[e:sent.end_char])
            if after and after.group(1) in ORG_WORDS:
                continue  # "the Ghana Bar Association": the head word is part of an organisation's name
        if group == "village" and is_general_place(core):
            continue
        if group in ("street", "venue"):
            names = [w for w in core.split()[1:] if w[:1].isupper()]
            if all(w in NOT_NAMES for w in names) or any(w in ORG_WORDS for w in names):
                continue  # "Bar Association", "Club Foundation": an organisation, not a place
            if not _PLACE_PREP_BEFORE.search(text, max(0, s - 12), s):
                continue  # "Ana Plaza Ruiz", "La Via Campesina", "Via Facebook, ...": a name or a word, not a place
        out.append((s, e, _placeholder(core)))
        # chained places: "on Market Street in Dunmore", ", Lisburn,"
        pos = e
        while True:
            c = CHAIN.match(text, pos, sent.end_char)
            if not c:
                break
            name = c.group("name")
            if is_general_place(name) or name.split()[0] in NOT_NAMES:
                break
            out.append((c.start("name"), c.end("name"), _placeholder(name)))
            pos = c.end("name")
    return _merge_parts(out)


def _hometowns(seg: Segment, sent: Span, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A town by name after from/in/of ("a mother of three from Beja"): narrowing only in combination."""
    text = seg.text
    s0 = sent.start_char
    stext = text[s0:sent.end_char]
    out: list[tuple[int, int, str]] = []
    for m in HOMETOWN.finditer(stext):
        s, e = s0 + m.start("name"), s0 + m.end("name")
        name = text[s:e]
        if any(a <= s < b for a, b, _ in taken) or is_general_place(name) or name.split()[0] in NOT_NAMES:
            continue
        toks = [t for t in sent if s <= t.idx < e]
        if not toks or any(t.ent_type_ in NOT_PLACE_ENTS or t.pos_ != "PROPN" for t in toks):
            continue
        out.append((s, e, "[PLACE]"))
    return _merge_parts(out)


def _placeholder(place: str) -> str:
    if re.search(r"school|college|academy|university", place, re.I):
        return "[SCHOOL]"
    if re.search(r"\d", place) and re.search(STREET, place):
        return "[ADDRESS]"
    return "[PLACE]"


def _phrase_span(text: str, parts: list[tuple[int, int, str]], sent: Span) -> tuple[int, int]:
    """From the first place's noun phrase (with its 'the'/'a' and a workplace noun) to the last place."""
    s, e = parts[0][0], parts[-1][1]
    lead = re.search(r"(?:\b(?:the|a|an|our|their|her|his)\s+(?:[\w'’-]+\s+){0,3}?)$", text[sent.start_char:s])
    if lead and "," not in lead.group(0):
        s = sent.start_char + lead.start()
    return s, e


def _group_cores(text: str, cores: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Places joined only by short connectors ('on', 'in', ', ') form one phrase."""
    groups: list[list[tuple[int, int, str]]] = []
    for c in cores:
        if groups and re.fullmatch(r"(?:,?\s+(?:in|on|near|at|of|outside)\s+(?:the\s+)?|,\s+|\s+)", text[groups[-1][-1][1]:c[0]]):
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _shelter_place(text: str, core: tuple[int, int, str], sent: Span) -> bool:
    """The place is the shelter's own location ("the refuge on Harbour Lane"), reported as IDR003 instead."""
    window_start = max(sent.start_char, core[0] - 40)
    shelters = list(SHELTER.finditer(text, window_start, core[1]))
    if not shelters:
        return False
    last = shelters[-1]
    if last.start() >= core[0]:
        return True  # the shelter word is part of the place's name
    gap = text[last.end():core[0]]
    return bool(re.fullmatch(r"[\s,]*(?:(?:at|on|in|behind|near|next to|opposite|beside|off|above)\s+)?(?:[\w'’-]+\s+){0,3}", gap))


def _shelters(seg: Segment) -> list[Detail]:
    if not seg.opened(SHELTERS):
        return []  # every DORM and SHELTER match holds one of the gate's words
    out = []
    text = seg.text
    for m in DORM.finditer(text):
        out.append(Detail("IDR003", None, seg, m.start(), m.end(), [(m.start(), m.end(), "[ADDRESS]")]))
    for m in SHELTER.finditer(text):
        loc = SHELTER_LOC.match(text, m.end())
        if not loc:
            # "the refuge is at 22 Orchard Close", "is located next to the Grand Mosque"
            loc = None
            after_verb = SHELTER_IS.match(text, m.end())
            if after_verb:  # "is at 22 Orchard Close", not "is in talks with Kent County Council"
                loc = SHELTER_LOC.match(text, after_verb.end())
                if loc and not SPECIFIC_PLACE.match(loc.group("where")):
                    loc = None
            if not loc:
                described = SHELTER_DESCRIBED.match(text, m.end())
                loc = SHELTER_LOC.match(text, described.end()) if described else None
            if not loc or not re.search(rf"\d|{STREET}|\b(?i:{PLACE_HEADS})\b|{NAME_WORD}\s+{NAME_WORD}", loc.group("where")):
                continue  # a landmark must be specific: a number, a street, a named building, a two-word name
        where = loc.group("where")
        if is_general_place(where) or not re.search(r"[A-Z0-9]", where):
            continue
        if re.fullmatch(rf"(?:the\s+)?{NAME_WORD}", where) and not re.search(r"\d", where):
            # "a shelter in Lisbon" names a city, not an address: too general
            if loc.group("prep").lower() in ("in",):
                continue
        if any(d.start <= loc.start("where") < d.end for d in out):
            continue
        prep = loc.group("prep").lower()
        s = loc.start("prep") if prep not in ("at", "in", "on") else loc.start("where")
        e = loc.end("where")
        while e > s and text[e - 1] in " ,.;:":
            e -= 1
        out.append(Detail("IDR003", None, seg, s, e, [(s, e, "[ADDRESS]")]))
    return out
