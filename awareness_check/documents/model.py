"""Document and Block: the decoded text and the paragraphs the NLP sees."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from .normalize import NormalizedText, normalize

# A paragraph break: a line break, optional horizontal space, another line break (after normalisation).
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n[\s]*")
# What ends a line for line and column numbers (other line separators do not start a new line).
LINE_END = re.compile(r"\r\n|\r|\n")
# Very long paragraphs are cut so one block never holds megabytes (bounded memory, spaCy's max_length).
MAX_BLOCK_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph: its NLP text and where it sits in the normalised document text."""

    index: int
    norm_start: int
    norm_end: int
    text: str  # normalised text handed to spaCy
    heading: str = ""  # the last heading-like paragraph at or before this one ("Human trafficking: the facts")


@dataclass
class Document:
    """A decoded draft. ``text`` is what the offsets contract refers to; never changed after reading."""

    path: str
    text: str
    encoding: str | None = None
    source_format: str = "text"  # text | docx | markdown
    # Character ranges of ``text`` that are not prose (markdown code, front matter): masked for the NLP.
    masked: list[tuple[int, int]] = field(default_factory=list)
    # Spans of ``text`` that came from headers, footers, footnotes (kept for completeness of the scan).
    notes: dict[str, object] = field(default_factory=dict)

    @cached_property
    def normalized(self) -> NormalizedText:
        return normalize(self.text, masked=self.masked)

    @cached_property
    def blocks(self) -> list[Block]:
        return list(with_headings(split_blocks(self.normalized.text)))

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        for m in LINE_END.finditer(self.text):
            starts.append(m.end())
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset into ``text``."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def to_original(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """Map a normalised [start, end) range back to ``text`` offsets."""
        return self.normalized.span_to_original(norm_start, norm_end)


def split_blocks(norm_text: str):
    """Yield paragraphs (blank-line separated), cutting very long ones at line or sentence ends."""
    pos = 0
    index = 0
    for m in list(_BLOCK_BREAK.finditer(norm_text)) + [None]:
        end = m.start() if m else len(norm_text)
        for s, e in _cut_long(norm_text, pos, end):
            chunk = norm_text[s:e]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                s2 = s + lead
                e2 = s2 + len(stripped)
                yield Block(index, s2, e2, norm_text[s2:e2])
                index += 1
        if m:
            pos = m.end()


_HEADING_END = re.compile(r"[.!?;,][\"'\u201d\u2019)\]]*\s*$")
HEADING_MAX_WORDS = 12


def is_heading(text: str) -> bool:
    """A paragraph that reads as a heading: one short line not ended like a sentence."""
    return "\n" not in text and len(text.split()) <= HEADING_MAX_WORDS and not _HEADING_END.search(text)


def with_headings(blocks):
    """Each block with the heading it sits under (a heading is its own): the section a fact sheet's
    bare figures belong to ("Human trafficking: the facts" / "54% are women.")."""
    heading = ""
    for block in blocks:
        if is_heading(block.text):
            heading = block.text
        yield replace(block, heading=heading) if heading else block


def _cut_long(text: str, start: int, end: int):
    while end - start > MAX_BLOCK_CHARS:
        window = text[start:start + MAX_BLOCK_CHARS]
        cut = max(window.rfind("\n"), window.rfind(". "), window.rfind("? "), window.rfind("! "))
        if cut < MAX_BLOCK_CHARS // 2:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = MAX_BLOCK_CHARS - 1
        yield start, start + cut + 1
        start = start + cut + 1
    yield start, end
