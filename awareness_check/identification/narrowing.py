"""Findings for at-risk people: their full names (IDR001) and the places and ages that narrow them down (IDR002)."""
from __future__ import annotations

import re
from typing import Callable

from ..analysis import AnalyzedDocument
from ..gates import sentence_test
from .gate import AGE_GATE
from .patterns import AGE, Detail, OFFENCE_VERB, VICTIM, _age_value, _words, age_number
from .places import _group_cores, _hometowns, _phrase_span, _place_cores, _shelter_place
from .people import Person


def _names_and_places(adoc: AnalyzedDocument, people: list[Person], pseudonyms: Callable[[], bool]) -> list[Detail]:
    """``pseudonyms``: whether the draft says its names are changed (asked only of an adult's full name)."""
    out: list[Detail] = []
    # a lone first name without an age is too weak a signal (entity errors: "the Alentejo")
    risky = [p for p in people if p.at_risk and not p.excluded and (p.full or p.aged)]
    for p in risky:
        first_full = next(((seg, s, e) for seg, s, e in p.mentions if len(_words(seg.text[s:e])) >= 2), None)
        if first_full and (p.child or not pseudonyms()):
            seg, s, e = first_full
            parts = [(s, e, "[NAME]")]
            age = re.match(r",\s+(\d{1,2})(?=\s*,)|\s+\((\d{1,2})\)", seg.text[e:e + 8])
            if p.child and age:
                # "Mina Karimi, 15": the exact age is part of what identifies the child
                g = 1 if age.group(1) else 2
                parts.append((e + age.start(g), e + age.end(g), "[AGE]"))
                e = e + age.end(g) + (1 if g == 2 else 0)
            out.append(Detail("IDR001", "child" if p.child else "victim", seg, s, e, parts))
    # places and ages in sentences about an at-risk person or an unnamed child with an age
    mentioned: dict[int, list[tuple[int, int]]] = {}  # id(paragraph) -> (person, mention start), in ``risky`` order
    for k, p in enumerate(risky):
        for sg, s, e in p.mentions:
            mentioned.setdefault(id(sg), []).append((k, s))
    for seg in adoc.segments:
        aged = seg.opened(AGE_GATE)  # else no sentence of the paragraph has an age either
        may_hold_age = sentence_test(AGE_GATE, seg.words) if aged else None
        here = mentioned.get(id(seg), ())
        if not here and not aged:
            continue  # no sentence here is about an at-risk person, and without an age none has a child or victim
        text = seg.text
        last_person = None
        for sent in seg.sents:
            stext = text[sent.start_char:sent.end_char]  # == sent.text, without rebuilding it from tokens
            about = [risky[k] for k in dict.fromkeys(k for k, s in here if sent.start_char <= s < sent.end_char)]
            if about:
                last_person = about[0]
            elif last_person is not None and re.match(r"\s*(?:She|He|They)\b", stext):
                about = [last_person]
            if not about and not (aged and may_hold_age(stext)):
                continue  # a child or a victim here needs an age
            ages = [m for m in AGE.finditer(stext)]
            if not about and not ages:
                continue
            child_noun = re.search(r"\b(?:girl|boy|child|teenager|pupil|minor|schoolgirl|schoolboy|daughter|son)\b", stext, re.I)
            # "the 12-year-old", "aged 15": an age under 18 in these forms always describes a child
            child_here = any((_age_value(m) or 99) < 18 and (child_noun or re.search(r"year-old|aged", m.group(0), re.I))
                             and not re.match(r"\s*(?:-|\u2013|to|and|or)\s*\d", stext[m.end():]) for m in ages)  # not a range: "aged 10 to 14"
            # an unnamed victim with an exact age: "The trafficked woman, 32, from a village near Kumasi"
            victim_here = bool(ages) and bool(re.search(r"\b(?:woman|man|worker|victim|survivor|person|mother|father)\b", stext, re.I)) \
                and bool(VICTIM.search(stext)) and not OFFENCE_VERB.search(stext) \
                and not re.search(r"\b(?:suspect(?:ed)?|on suspicion|accused|defendant)\b", stext, re.I)
            if not about and not child_here and not victim_here:
                continue
            cores = _place_cores(seg, sent)
            towns = _hometowns(seg, sent, cores)
            if towns and (cores or ages):
                cores = sorted(cores + towns)
            cores = [c for c in cores if not _shelter_place(text, c, sent)]
            if not cores:
                continue
            for group in _group_cores(text, cores):
                s, e = _phrase_span(text, group, sent)
                parts = list(group)
                # an exact age right before or after the place belongs to the same combination
                for m in ages:
                    ms, me = sent.start_char + m.start(), sent.start_char + m.end()
                    if m.group(0).startswith(","):
                        ms = sent.start_char + age_number(m)[0]
                    if 0 <= s - me <= 60 or 0 <= ms - e <= 12:
                        a_s, a_e = age_number(m)
                        age_s, age_e = sent.start_char + a_s, sent.start_char + a_e
                        parts.append((age_s, age_e, "[AGE]"))
                        s, e = min(s, ms), max(e, me)
                minor = any((_age_value(m) or 99) < 18 for m in ages)
                entry = "child-details" if child_here or minor or any(p.child for p in about) else "place"
                out.append(Detail("IDR002", entry, seg, s, e, sorted(parts)))
    return out

