"""Very large texts are checked in parts, so memory stays bounded whatever the input's size.

Every paragraph's Doc is kept until all checks have read the document (identification links a
name across paragraphs; flip-it and readability summarise the draft): some 600 bytes a word, so a
100 MB text held whole would need about 10 GB. A text over ``PART_CHARS`` characters (about
160,000 words, some 300 pages: no leaflet, report or press release comes near) is cut at blank
lines into parts of at most that size, and each part is checked as a document of its own
(what is decided per document, such as a name flagged at its first mention or the readability
finding, is decided per part). The reports are joined: findings keep their offsets, lines and
columns in the whole text; counts in the statistics are summed (but see ``_LARGEST``); figures
(reading ease, grade) are the parts' figures averaged by their words; ``stats["parts"]`` says how
many parts there were.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator

from .documents import Document
from .documents.model import LINE_END
from .findings import DocumentReport, Finding

PART_CHARS = 1_000_000

# Cut points, best first. A line end here is what ``normalize`` makes a line break (so a cut never
# joins or splits a paragraph where the whole text would not); only CR and LF start a new line for
# ``Document.line_col``, so a part cut elsewhere starts mid-line and ``Part.column`` says where.
_END = r"(?:\r\n?|[\n\f\v\x85\u2028\u2029])"
_CUTS = (
    re.compile(rf"{_END}(?:[ \t]*{_END})+"),  # a blank line: a paragraph break for split_blocks too
    re.compile(rf"{_END}+"),  # a line break (text with one paragraph per line)
    re.compile(r"[ \t]+"),  # a space (one enormous line)
)
# Counts that do not add up over parts; the largest part's is the closest figure that is known:
# the most emotive words in a paragraph, and textstat's difficult words (distinct words, which
# parts share, so this is a lower bound).
_LARGEST = frozenset({"max_per_paragraph", "difficult_words"})


@dataclass(frozen=True)
class Part:
    document: Document | None  # the part as a document of its own
    start: int  # offset of its first character in the whole text
    lines: int  # lines of the whole text before it
    column: int = 0  # characters of its first line before it (0: the part starts a line)


def split_parts(document: Document, max_chars: int = PART_CHARS) -> Iterator[Part]:
    """The document's parts, in order; they join up to its text. Made one at a time, so a part
    checked and dropped is not held."""
    text = document.text
    masked = sorted(document.masked)
    start = lines = column = 0
    while start < len(text):
        end = len(text) if len(text) - start <= max_chars else _cut(text, start, start + max_chars, masked)
        yield Part(_sub_document(document, start, end, masked), start, lines, column)
        ends = list(LINE_END.finditer(text, start, end))
        lines += len(ends)
        column = end - ends[-1].end() if ends else column + end - start
        start = end


def scan_in_parts(
    document: Document, scan_each: Callable[[Iterable[Document]], Iterable[DocumentReport]], max_chars: int = PART_CHARS,
) -> DocumentReport:
    """Scan the parts (``scan_each`` maps part documents to their reports, in order: one by one,
    or in worker processes) and join the reports into the whole document's."""
    parts: list[Part] = []

    def documents() -> Iterator[Document]:
        for part in split_parts(document, max_chars):
            parts.append(replace(part, document=None))  # where it sits, not its text
            yield part.document

    findings: list[Finding] = []
    stats: list[dict] = []
    for k, report in enumerate(scan_each(documents())):
        part = parts[k]
        findings.extend(
            replace(f, start=f.start + part.start, end=f.end + part.start, line=f.line + part.lines,
                    column=f.column + part.column if f.line == 1 else f.column)
            for f in report.findings)
        stats.append(report.stats)
    joined = merge_stats(stats)
    joined["parts"] = len(stats)
    return DocumentReport(
        path=document.path, text=document.text, findings=sorted(findings, key=lambda f: f.sort_key), stats=joined,
        encoding=document.encoding, source_format=document.source_format,
    )


def merge_stats(parts: list[dict]) -> dict:
    """One statistics dict for the parts' dicts: counts summed (the largest for ``_LARGEST``),
    figures averaged weighted by each part's words, words per sentence recomputed, text kept."""
    weights = [s.get("words") or 0 for s in parts]
    merged = _merge(parts, weights, "")
    if merged.get("sentences") and "words_per_sentence" in merged:
        merged["words_per_sentence"] = merged["words"] / merged["sentences"]
    return merged


def _merge(values: list, weights: list[int], key: str):
    present = [(v, w) for v, w in zip(values, weights) if v is not None]
    if not present:
        return None
    first = present[0][0]
    if isinstance(first, dict):
        keys = list(dict.fromkeys(k for v, _ in present for k in v))
        return {k: _merge([v.get(k) for v, _ in present], [w for _, w in present], k) for k in keys}
    if isinstance(first, bool) or not isinstance(first, (int, float)):
        return first
    if any(isinstance(v, float) for v, _ in present):
        total = sum(w for _, w in present)
        if not total:
            return sum(v for v, _ in present) / len(present)
        return sum(v * w for v, w in present) / total
    if key in _LARGEST:
        return max(v for v, _ in present)
    return sum(v for v, _ in present)


def _cut(text: str, start: int, limit: int, masked: list[tuple[int, int]]) -> int:
    """Where the part starting at ``start`` ends: after the last blank line before ``limit``
    (outside masked code), else the last line break, else the last space, else at ``limit``."""
    for pattern in _CUTS:
        cut = 0
        for m in pattern.finditer(text, start + 1, limit):
            if not _inside(masked, m.start()):
                cut = pattern.match(text, m.start()).end()  # a break running on past the limit ends where it ends
        if cut:
            return cut
    return limit + 1 if text[limit - 1] == "\r" and text[limit:limit + 1] == "\n" else limit  # never between CR and LF


def _inside(masked: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(masked, (pos, float("inf"))) - 1
    return i >= 0 and masked[i][0] <= pos < masked[i][1]


def _sub_document(document: Document, start: int, end: int, masked: list[tuple[int, int]]) -> Document:
    return Document(
        path=document.path, text=document.text[start:end], encoding=document.encoding, source_format=document.source_format,
        masked=[(max(a, start) - start, min(b, end) - start) for a, b in masked if a < end and b > start],
    )
