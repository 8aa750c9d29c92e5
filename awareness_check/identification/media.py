"""Captions that present a pictured person as a victim (IDR005) and testimony without consent (IDR006)."""
from __future__ import annotations

import re

from ..analysis import AnalyzedDocument
from .patterns import (
    AGE, CAPTION, FIRST_PERSON_HARM, PHOTO_CONTEXT, QUOTE, QUOTE_ATTRIBUTION, ROLE, STAGED, TESTIMONY, THIS_IS, TITLE_BEFORE, VICTIM,
    Detail,
    _next_sentence, _sentence_at, age_number,
)


def _captions(adoc: AnalyzedDocument) -> list[Detail]:
    out = []
    for seg in adoc.segments:
        text = seg.text
        photo = PHOTO_CONTEXT.search(text) if not PHOTO_WORDS.isdisjoint(seg.words) else None
        if not photo and ":" not in text:
            continue  # a caption label ends in a colon; the 'This is' path needs a photo word
        if STAGED.search(text):
            continue
        for m in CAPTION.finditer(text):
            sent = _sentence_at(seg, m.start("name"))
            rest = text[m.end("name"):sent.end_char]
            v = VICTIM.search(rest)
            if not v:
                continue
            end = m.end("name") + v.end()
            tail = re.match(r"[\w\s'’-]{0,30}?(?=[,.;]|$)", text[end:sent.end_char])
            if tail:
                end += len(tail.group(0).rstrip())
            s = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            out.append(Detail("IDR005", None, seg, s, end, [(m.start("name"), m.end("name"), "[NAME]")]))
        if not photo:
            continue
        for m in THIS_IS.finditer(text):
            sent = _sentence_at(seg, m.start())
            rest = text[m.end():sent.end_char]
            if TITLE_BEFORE.search(m.group("name").split()[0] + " "):
                continue  # "Meet Dr Ama Owusu (pictured)": a professional introduced by title
            if re.match(r"\s*(?:she|he|they|who)\s+(?:was|were|had been|has been|is|got)\b", rest, re.I) and VICTIM.search(rest):
                nxt = sent  # "Meet Amina (pictured): she was sold at 13."
            else:
                nxt = _next_sentence(seg, sent)
                if nxt is None or not VICTIM.search(nxt.text) or not re.match(r"\s*(?:She|He|They)\b", nxt.text):
                    continue
            parts = [(m.start("name"), m.end("name"), "[NAME]")]
            age = AGE.search(nxt.text, max(0, m.end() - nxt.start_char))
            if age:
                a_s, a_e = age_number(age)
                parts.append((nxt.start_char + a_s, nxt.start_char + a_e, "[AGE]"))
            end = nxt.end_char
            while end > nxt.start_char and text[end - 1].isspace():
                end -= 1
            out.append(Detail("IDR005", None, seg, m.start(), end, parts))
    return out


# Every PHOTO_CONTEXT match is one of these words.
PHOTO_WORDS = frozenset({"photo", "photograph", "picture", "image", "caption", "pictured", "portrait", "footage", "video"})
# Every TESTIMONY match holds one of these words (and every QUOTE an opening quotation mark).
TESTIMONY_WORDS = frozenset({"told", "tells", "opened", "confided", "shared"})


def _testimony(adoc: AnalyzedDocument) -> list[Detail]:
    out = []
    for seg in adoc.segments:
        for m in TESTIMONY.finditer(seg.text) if not TESTIMONY_WORDS.isdisjoint(seg.words) else ():
            subject = m.group(0).split()[0].rstrip(",")
            if subject.lower() not in ("she", "he", "they") and (not subject[:1].isupper() or ROLE.fullmatch(subject)):
                continue  # "the minister told us everything about the law" is not testimony
            out.append(Detail("IDR006", None, seg, m.start(), m.end(), []))
        for m in QUOTE.finditer(seg.text) if '"' in seg.text or "\u201c" in seg.text else ():
            attribution = QUOTE_ATTRIBUTION.match(seg.text, m.end())
            if not attribution or not FIRST_PERSON_HARM.search(m.group("q")):
                continue
            after = seg.text[attribution.end():attribution.end() + 40]
            if ROLE.search(attribution.group(0)) or TITLE_BEFORE.search(attribution.group(0).rstrip() + " ") \
                    or re.match(r"\s*,\s*(?:the|a|an|our)?\s*(?:\w+\s+){0,2}?", after) and ROLE.search(after):
                continue  # "..., said Amara Diallo, director of ...": an official quoting a case
            out.append(Detail("IDR006", None, seg, m.start(), attribution.end(), []))
    return out
