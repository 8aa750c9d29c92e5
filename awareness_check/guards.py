"""Guards applied to every family's findings (terminology.md, "Global false-positive guards").

1. Names of legal instruments and bodies: findings inside them are dropped.
2. Quotations: a quoted word the author rejects nearby is dropped; other quoted words are
   downgraded to suggestions (the author may be reporting speech, not choosing words).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache


from .analysis import AnalyzedDocument
from .findings import Finding, Severity
from .paths import lexicon_dir
from .yamlio import load_yaml

GUARDED_CATEGORIES = {"terminology", "gendered-language", "judgmental", "sensationalist", "stigmatizing", "stereotype"}
# "male words like mankind", "terms such as 'illegals'": the word is mentioned, not used.
_MENTION = re.compile(
    r"\b(?:words?|terms?|expressions?|phrases?|labels?|language|vocabulary|wording)\s+"
    r"(?:like|such\s+as|including|e\.g\.,?)\s+(?:[\"'\u201c\u201d\u2018\u2019][^\"'\u201c\u201d\u2018\u2019\n]{1,40}[\"'\u201c\u201d\u2018\u2019],?\s+(?:or\s+|and\s+)?|[\w-]+,\s+(?:or\s+|and\s+)?){0,6}[\"'\u201c\u2018]?$",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"\"([^\"\n]{1,300})\"|(?<![\w])'([^'\n]{1,200}?)'(?![\w])")


@lru_cache(maxsize=1)
def guard_data() -> dict:
    return load_yaml((lexicon_dir() / "guards" / "protected-names.yml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _title_regex() -> re.Pattern:
    data = guard_data()
    titles = sorted(data["titles"], key=len, reverse=True)
    alts = "|".join(r"\s+".join(map(re.escape, t.split())) for t in titles)
    heads = "|".join(map(re.escape, data["title_heads"]))
    cap = r"(?:[A-Z][\w'-]*|of|the|and|on|in|for|against|to)"
    run = rf"(?:(?:the\s+)?(?:[A-Z][\w'-]*\s+)(?:{cap}\s+){{0,8}}(?:{heads})\b(?:\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,4}})?(?:\s+\d{{4}})?)"
    # Every match starts with a capital, the 't' of 'the' or the 's' of 'sale of children': said
    # first, the other positions are refused at one character (half the time on a long text).
    starts = "".join(sorted({t[0] for t in titles} | {"t"} | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")))
    return re.compile(rf"(?=[{re.escape(starts)}])(?:(?:{alts})|{run})")


@lru_cache(maxsize=1)
def _critical_cue_regex() -> re.Pattern | None:
    """Any of the critical cues as a whole word ("so-called", "what traffickers call"): one search
    per quotation, not one per cue."""
    cues = [c.lower() for c in guard_data()["critical_cues"]]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + r")\b") if cues else None


@lru_cache(maxsize=2)
def protected_ranges(norm_text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """(exact titles, title-like capitalised runs) in normalised offsets. Cached: the guards and
    the flip summary both ask for the same document's ranges (a regex pass over the whole text)."""
    rx = _title_regex()
    lowered_titles = [t.lower() for t in guard_data()["titles"]]
    runs = [(m.start(), m.end()) for m in rx.finditer(norm_text)]
    ranges: list[tuple[int, int]] = []
    low = norm_text.lower()
    for t in lowered_titles:  # exact titles regardless of case
        start = low.find(t)
        while start >= 0:
            ranges.append((start, start + len(t)))
            start = low.find(t, start + 1)
    return tuple(ranges), tuple(runs)


@lru_cache(maxsize=2)
def quote_ranges(norm_text: str) -> tuple[tuple[int, int, int, int], ...]:
    """(quote start, quote end, sentence start, sentence end) in normalised offsets. Cached like
    :func:`protected_ranges`: the flip summary and the guards both read them."""
    out = []
    for m in _QUOTE.finditer(norm_text):
        s_start = max(norm_text.rfind(". ", 0, m.start()), norm_text.rfind("\n", 0, m.start())) + 1
        ends = [i for i in (norm_text.find(". ", m.end()), norm_text.find("\n", m.end())) if i >= 0]
        s_end = min(ends) if ends else len(norm_text)
        out.append((m.start(), m.end(), s_start, s_end))
    return tuple(out)


def apply_guards(findings: list[Finding], adoc: AnalyzedDocument) -> list[Finding]:
    document = adoc.document
    norm = document.normalized
    exact, runs = protected_ranges(norm.text)
    prot = [document.to_original(s, e) for s, e in exact]
    name_like = [document.to_original(s, e) for s, e in runs]
    quotes = []
    cue = _critical_cue_regex()
    for qs, qe, ss, se in quote_ranges(norm.text):
        o_qs, o_qe = document.to_original(qs, qe)
        sentence = norm.text[ss:se].lower()
        quoted = norm.text[qs:qe].lower()
        outside = sentence.replace(quoted, " ")
        critical = cue is not None and cue.search(outside) is not None
        quotes.append((o_qs, o_qe, critical))
    name_rules = set(guard_data().get("name_rules") or ())
    out = []
    for f in findings:
        if f.category in GUARDED_CATEGORIES and _mentioned(document.text, f.start):
            continue
        if f.category in GUARDED_CATEGORIES:
            if f.rule_id in name_rules:
                pass  # the rule judges the name itself
            elif any(s <= f.start and f.end <= e for s, e in prot):
                continue
            elif any(s <= f.start and f.end <= e for s, e in name_like):
                # A name-like run ("the Modern Slavery Act 2015"): terms inside a name are not word
                # choices; other findings are kept but softened, the tool cannot know better.
                if f.category == "terminology":
                    continue
                f = replace(f, severity=Severity.SUGGESTION, note="Part of a name or title: change it only if the name itself allows.")
            inside = [q for q in quotes if q[0] <= f.start and f.end <= q[1]]
            if inside:
                if inside[0][2]:
                    continue
                if f.severity > Severity.SUGGESTION:
                    f = replace(f, severity=Severity.SUGGESTION, note="Inside a quotation: check whether the wording is the author's own.")
        out.append(f)
    return out


def _mentioned(text: str, start: int) -> bool:
    """True when the phrase is cited as an example of a word ("words like mankind")."""
    line_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start)) + 1
    return bool(_MENTION.search(text[max(line_start, start - 160):start]))
