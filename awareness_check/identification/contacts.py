"""Direct identifiers (IDR004): personal phone numbers, e-mail addresses, handles, case-file numbers.

Organisation contact points (helplines, generic mailboxes) are not personal."""
from __future__ import annotations

import re

from ..analysis import Segment
from ..gates import DIGITS
from .gate import CONTACTS
from .patterns import CASE_FILE, Detail, EMAIL, FREE_MAIL, GENERIC_MAILBOX, HANDLE, ORG_CONTACT, PERSONAL_CONTACT, PHONE



def _contacts(seg: Segment) -> list[Detail]:
    out = []
    text = seg.text
    has_digit = DIGITS.opens_text(text)
    if not has_digit and "@" not in text:
        return out  # case files and phone numbers need digits, e-mail addresses and handles an '@'
    # over the whole paragraph: "Case ref. AB-2024-1183" must not be cut at the abbreviation's full stop
    case_files = [(m.start(), m.end()) for m in CASE_FILE.finditer(text)] if has_digit else []
    for s, e in case_files:
        out.append(Detail("IDR004", "case-file", seg, s, e, [(s, e, "[CASE NUMBER]")], detail="a case-file number"))
    if "@" not in text and not seg.opened(CONTACTS):
        return out  # no e-mail address or handle, and no personal cue (PERSONAL_CONTACT) for a phone number
    for sent in seg.sents:
        base = sent.start_char
        stext = text[base:sent.end_char]  # == sent.text, without rebuilding it from tokens
        personal = PERSONAL_CONTACT.search(stext)
        if not personal and "@" not in stext:
            continue  # no e-mail address or handle, and a phone number is reported only with a personal cue
        organisational = ORG_CONTACT.search(stext)
        taken = list(case_files)
        for m in EMAIL.finditer(stext):
            local = m.group(0).split("@")[0]
            generic = GENERIC_MAILBOX.match(local)
            if (personal and not generic) or (not organisational and not generic and FREE_MAIL.search(m.group(0))):
                out.append(Detail("IDR004", "email", seg, base + m.start(), base + m.end(), [(base + m.start(), base + m.end(), "[EMAIL]")], detail="an e-mail address"))
            taken.append((base + m.start(), base + m.end()))
        for m in HANDLE.finditer(stext):
            if any(s <= base + m.start() < e for s, e in taken):
                continue
            if personal and not re.search(r"\b(?:follow us|tag us|our)\b", stext, re.I):
                out.append(Detail("IDR004", "handle", seg, base + m.start(), base + m.end(), [(base + m.start(), base + m.end(), "[HANDLE]")], detail="a social-media handle"))
        for m in PHONE.finditer(stext):
            digits = re.sub(r"\D", "", m.group(0))
            if len(digits) < 7 or any(s <= base + m.start() < e for s, e in taken):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", m.group(0).strip()):
                continue
            if personal and not _org_near(stext, m.start()):
                out.append(Detail("IDR004", "phone", seg, base + m.start(), base + m.end(), [(base + m.start(), base + m.end(), "[PHONE]")], detail="a phone number"))
    return out


def _org_near(stext: str, pos: int) -> bool:
    window = stext[max(0, pos - 60):pos]
    return bool(re.search(r"\b(?:helpline|hotline|call us|contact us|our|office|press|media|police|emergency|free)\b", window, re.I))
