"""Markdown drafts: prose is checked, code (fenced, indented, inline) and front matter are masked.

Masking keeps every offset: the masked characters are replaced by spaces for the NLP only.
"""
from __future__ import annotations

import re

_FENCE = re.compile(r"^(?P<indent>[ ]{0,3})(?P<fence>`{3,}|~{3,}).*?$", re.M)
_FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n(---|\.\.\.)\r?\n", re.S)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK_TARGET = re.compile(r"\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>")


def masked_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges that are not prose."""
    ranges: list[tuple[int, int]] = []
    fm = _FRONT_MATTER.match(text)
    if fm:
        ranges.append((0, fm.end()))
    ranges.extend(_fenced_blocks(text))
    ranges.extend(_indented_code(text))
    for rx in (_INLINE_CODE, _HTML_COMMENT, _AUTOLINK):
        ranges.extend((m.start(), m.end()) for m in rx.finditer(text))
    ranges.extend((m.start("url"), m.end("url")) for m in _LINK_TARGET.finditer(text))
    return sorted(ranges)


def _fenced_blocks(text: str):
    open_at = None
    fence = ""
    for m in _FENCE.finditer(text):
        if open_at is None:
            open_at, fence = m.start(), m.group("fence")
        elif m.group("fence")[0] == fence[0] and len(m.group("fence")) >= len(fence):
            yield open_at, m.end()
            open_at = None
    if open_at is not None:
        yield open_at, len(text)


def _indented_code(text: str):
    """Lines indented by 4+ spaces after a blank line (CommonMark indented code)."""
    pos = 0
    prev_blank = True
    in_code = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and (line.startswith("    ") or line.startswith("\t")) and (prev_blank or in_code) and not _is_list_item(line):
            in_code = True
            yield pos, pos + len(line)
        elif stripped:
            in_code = False
        prev_blank = not stripped
        pos += len(line)


def _is_list_item(line: str) -> bool:
    return bool(re.match(r"\s*([-*+]|\d+[.)])\s", line))
