"""Decode plain text the way Word exports it: BOM sniff, then strict UTF-8, then Windows-1252."""
from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# cp1252 leaves five bytes undefined; Word never writes them, latin-1 keeps decoding total.
_CP1252_HOLES = {0x81: "\x81", 0x8D: "\x8d", 0x8F: "\x8f", 0x90: "\x90", 0x9D: "\x9d"}


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used). Refuses binary data with a clear reason."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(path, f"cannot be decoded as {encoding} (byte {exc.start})") from None
        return text.lstrip("\ufeff"), encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name.replace("-sig", "")), name
            except UnicodeDecodeError as exc:
                raise InputError(path, f"starts with a {name} byte-order mark but is not valid {name} (byte {exc.start})") from None
    if _looks_like_utf16_without_bom(data):
        raise InputError(path, "looks like UTF-16 text without a byte-order mark; pass --encoding utf-16-le or utf-16-be")
    if b"\x00" in data[:8192] or _binary_ratio(data) > 0.10:
        raise InputError(path, "is a binary file, not text (export the draft as .txt or pass the .docx)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_cp1252(data), "cp1252"


def _decode_cp1252(data: bytes) -> str:
    return data.decode("cp1252", errors="awareness-check-cp1252")


def _cp1252_holes(exc: UnicodeDecodeError):
    bad = exc.object[exc.start:exc.end]
    return "".join(_CP1252_HOLES.get(b, "\ufffd") for b in bad), exc.end


codecs.register_error("awareness-check-cp1252", _cp1252_holes)


def _looks_like_utf16_without_bom(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 8:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return (odd_nuls > 0.4 * half and even_nuls < 0.05 * half) or (even_nuls > 0.4 * half and odd_nuls < 0.05 * half)


def _binary_ratio(data: bytes) -> float:
    sample = data[:8192]
    if not sample:
        return 0.0
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 11))
    return control / len(sample)
