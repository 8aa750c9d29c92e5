"""Property tests: normalisation never loses the way back to the user's text."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from awareness_check.documents import Document, normalize
from awareness_check.documents.text import decode

NOISE = st.sampled_from(["\r\n", "\r", "\n", "\n\n", "\u00a0", "\u00ad", "\u200b", "\f", "\u201c", "\u201d", "\u2019", " ", "\t"])
WORDS = st.sampled_from(["chairman", "Policemen", "mankind", "the", "victims", "smuggled", "women", "caf\u00e9", "\U0001f600"])
DRAFTS = st.lists(st.one_of(NOISE, WORDS), max_size=60).map("".join)


@given(st.text())
def test_origin_map_is_monotonic_and_in_bounds(text):
    norm = normalize(text)
    assert len(norm.origin) == len(norm.text) + 1
    assert all(0 <= o <= len(text) for o in norm.origin)
    assert all(a < b for a, b in zip(norm.origin[:-1], norm.origin[1:-1])) or len(norm.text) <= 1


@given(DRAFTS)
def test_normalised_characters_come_from_their_origin(text):
    norm = normalize(text)
    for i, ch in enumerate(norm.text):
        orig = text[norm.origin[i]]
        assert ch == orig or ch in " \n'\"" or orig in "\r"


@given(st.text())
@example("\ufeff")
@example("\ufeffa\ufeff")
@example("\ufeff\x00")
def test_decoder_never_raises_on_utf8(text):
    if "\x00" in text or _controls(text):
        return  # refused as binary (tests/test_readers.py)
    decoded, _ = decode(text.encode("utf-8"), "x.txt")
    # a leading U+FEFF encodes as the UTF-8 byte-order mark: a signature Word writes, not text
    assert decoded == (text[1:] if text.startswith("\ufeff") else text)


def _controls(text):
    return sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\n\r\f\v") > 0.1 * max(1, len(text[:8192].encode()))


@settings(max_examples=40, deadline=None)
@given(DRAFTS)
def test_every_finding_is_the_exact_phrase(scan, text):
    for f in scan(text):
        assert text[f.start:f.end] == f.text
        doc = Document(path="x", text=text)
        assert doc.line_col(f.start) == (f.line, f.column)


@given(st.one_of(DRAFTS, st.text()))
def test_run_by_run_cleaning_equals_character_by_character(text):
    """The fast unmasked path (runs between CRs and dropped characters) against the plain
    per-character definition the masked path still uses."""
    from awareness_check.documents.normalize import _clean_each, _clean_runs

    fast_text, fast_origin = _clean_runs(text)
    slow_text, slow_origin = _clean_each(text, None)
    assert fast_text == slow_text
    assert list(fast_origin) == list(slow_origin)
