"""Normalisation for the NLP that never moves the offsets users see.

Word exports carry CRLF, non-breaking spaces, soft hyphens, smart quotes and form feeds. The NLP
gets a cleaned copy; every character of the copy remembers the original offset it came from, so
findings map back exactly (``text[start:end]`` is the flagged phrase as the user wrote it).
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

import numpy

_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
_REPLACE = {
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\f": "\n", "\v": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n",
}
_SENTENCE_END = set('.!?:;"\')]')
_WRAP = re.compile(r"(?<=[^\s.!?:;\"')\]])\n(?=[ \t]*[a-z(])")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``text`` for the NLP and ``origin[i]``: the original offset of ``text[i]``."""

    text: str
    origin: array  # len(text) + 1 entries; the last is len(original)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            o = self.origin[start]
            return o, o
        return self.origin[start], self.origin[end - 1] + 1


def normalize(text: str, masked: list[tuple[int, int]] | None = None) -> NormalizedText:
    """Clean ``text`` for matching; masked ranges become spaces (same length, never matched)."""
    if masked:
        joined, origin = _clean_each(text, _mask_set(masked, len(text)))
    else:
        joined, origin = _clean_runs(text)
    # Hard-wrapped lines ("Insert line breaks" export): a lone newline inside a sentence is a space.
    joined = _WRAP.sub(" ", joined)
    return NormalizedText(joined, origin)


_ORIGIN_DTYPE = numpy.dtype("=u%d" % array("I").itemsize)  # the origin array's items, as numpy writes them
_TABLE = str.maketrans(_REPLACE)  # one character for one: offsets stay where they are
_REPLACED = re.compile("[" + re.escape("".join(_REPLACE)) + "]")


def _replace_chars(text: str) -> str:
    """``text.translate(_TABLE)``. On a text with any non-ASCII character, translate looks every
    character up in the table (~80 ms per million); a search for the few it changes takes ~5 ms."""
    if text.isascii():
        return text.translate(_TABLE)
    return _REPLACED.sub(lambda m: _REPLACE[m.group()], text)
_REMOVED = re.compile("[\r" + "".join(sorted(_DROP)) + "]")  # what changes the length: CR(LF) and dropped characters


def _clean_runs(text: str) -> tuple[str, array]:
    """The unmasked case, a run at a time: only CRs and dropped characters move offsets, so the
    text between them is copied whole (a character-by-character loop costs ~2 s per million words)."""
    out: list[str] = []
    origin = array("I")  # 4 bytes a character: a 100 MB draft needs 400 MB, not 800
    pos = 0
    for m in _REMOVED.finditer(text):
        i = m.start()  # never inside a consumed CRLF: the pattern does not match LF
        out.append(text[pos:i])
        _extend_range(origin, pos, i)
        if text[i] == "\r":
            out.append("\n")
            origin.append(i)
            pos = i + 2 if text.startswith("\n", i + 1) else i + 1  # CRLF: one newline, mapped to the CR
        else:
            pos = i + 1  # dropped
    out.append(text[pos:])
    _extend_range(origin, pos, len(text))
    origin.append(len(text))
    return _replace_chars("".join(out)), origin


def _extend_range(origin: array, start: int, stop: int) -> None:
    """``origin.extend(range(start, stop))``; a long run copied from numpy (~30x faster)."""
    if stop - start < 512:
        origin.extend(range(start, stop))
    else:
        origin.frombytes(numpy.arange(start, stop, dtype=_ORIGIN_DTYPE).tobytes())


def _clean_each(text: str, mask) -> tuple[str, array]:
    """Character by character, for a text with masked ranges."""
    out: list[str] = []
    origin = array("I")
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if mask is not None and mask[i]:
            out.append("\n" if ch in "\r\n" else " ")
            origin.append(i)
        elif ch == "\r":
            out.append("\n")
            origin.append(i)
            if i + 1 < n and text[i + 1] == "\n":
                i += 1  # CRLF: one newline, mapped to the CR
        elif ch in _DROP:
            pass
        else:
            out.append(_REPLACE.get(ch, ch))
            origin.append(i)
        i += 1
    origin.append(n)
    return "".join(out), origin


def _mask_set(masked: list[tuple[int, int]], n: int):
    if not masked:
        return None
    mask = bytearray(n)
    for s, e in masked:
        mask[max(0, s):min(n, e)] = b"\x01" * (min(n, e) - max(0, s))
    return mask
