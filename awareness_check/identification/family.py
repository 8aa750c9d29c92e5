"""Names and places of victims' family members (IDR002, entry 'family')."""
from __future__ import annotations

import re

from ..analysis import AnalyzedDocument
from .gate import KIN_GATE
from .patterns import Detail, KIN_NAMED, NAME_WORD, NOT_NAMES, OFFENDER, PLACE_HEADS, PREP_BEFORE, STREET, is_general_place
from .places import _hometowns, _place_cores


def _family(adoc: AnalyzedDocument) -> list[Detail]:
    out = []
    for seg in adoc.segments:
        if not seg.opened(KIN_GATE):
            continue  # every KIN_NAMED match holds a kin word
        text = seg.text
        for sent in seg.sents:
            stext = text[sent.start_char:sent.end_char]  # == sent.text, without rebuilding it from tokens
            for m in KIN_NAMED.finditer(stext):
                name_g = "name" if m.group("name") else "name2"
                kin_g = "kin" if m.group("kin") else "kin2"
                ns, ne = sent.start_char + m.start(name_g), sent.start_char + m.end(name_g)
                name = text[ns:ne]
                if name.split()[0] in NOT_NAMES or is_general_place(name):
                    continue
                if re.match(rf"\s+(?:{PLACE_HEADS}|{STREET})", text[ne:ne + 25], re.I):
                    continue
                if OFFENDER.search(stext) and re.search(r"(?:trafficker|smuggler|recruiter|convicted|arrested|charged)", text[ne:sent.end_char], re.I):
                    continue
                if len(name.split()) < 2:
                    continue
                parts = [(ns, ne, "[NAME]")]
                if name_g == "name":
                    out.append(Detail("IDR002", "family", seg, ns, ne, parts))
                    cores = _place_cores(seg, sent)
                    places = [c for c in sorted(cores + _hometowns(seg, sent, cores)) if c[0] >= ne]
                    for c in places:
                        s = c[0]
                        pre = PREP_BEFORE.search(text[sent.start_char:s])
                        if pre and pre.group(0).strip().lower() not in ("at", "in", "on"):
                            s = sent.start_char + pre.start()
                        pre_the = re.search(r"(?:\bthe\s+)$", text[sent.start_char:s])
                        if pre_the:
                            s = sent.start_char + pre_the.start()
                        out.append(Detail("IDR002", "family", seg, s, c[1], [c]))
                else:
                    ks = sent.start_char + m.start(kin_g)
                    e = ne
                    places = [c for c in _place_cores(seg, sent) if c[0] >= ne and c[0] - e < 12]
                    for c in places:
                        parts.append(c)
                        e = c[1]
                    # "in Elmina" after the name: a hometown, unless a country
                    if not places:
                        h = re.match(rf"\s+(?:in|from)\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})", text[ne:sent.end_char])
                        if h and not is_general_place(h.group("name")):
                            parts.append((ne + h.start("name"), ne + h.end("name"), "[PLACE]"))
                            e = ne + h.end("name")
                    out.append(Detail("IDR002", "family", seg, ks, e, parts))
    return out
