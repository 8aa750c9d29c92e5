"""Build the "Word export" variants of examples/leaflet.txt, as Word's Save As > Plain Text writes them.

- leaflet.word-export-cp1252.txt: "Windows (Default)" encoding, CRLF line ends, smart quotes and dashes;
- leaflet.word-export-utf16.txt: "Unicode" (UTF-16 LE with a byte-order mark).

A scan of each gives the same findings as the .txt, at offsets into its own decoded text.

    python examples/make_exports.py
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent


def smart(text: str) -> str:
    """Word's AutoFormat: curly quotes and apostrophes, en dashes between spaces."""
    text = re.sub(r'(^|[\s(])"', "\\1\u201c", text)
    text = text.replace('"', "\u201d")
    text = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", text)
    return text.replace(" - ", " \u2013 ")


def main() -> None:
    text = smart((HERE / "leaflet.txt").read_text(encoding="utf-8"))
    crlf = text.replace("\n", "\r\n")
    (HERE / "leaflet.word-export-cp1252.txt").write_bytes(crlf.encode("cp1252"))
    (HERE / "leaflet.word-export-utf16.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))


if __name__ == "__main__":
    main()
