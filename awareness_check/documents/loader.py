"""Dispatch a path (file, folder, or ``-``) to the right reader."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .model import Document
from .text import decode

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
DOCX_SUFFIXES = (".docx",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + DOCX_SUFFIXES
MAX_TEXT_BYTES = 200 * 1024 * 1024


def iter_input_paths(paths: list[str]) -> Iterator[str]:
    """Expand folders recursively (supported suffixes, sorted, hidden files skipped); keep files and '-'."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            found = False
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f.startswith((".", "~$")):
                        continue
                    if f.lower().endswith(SUPPORTED_SUFFIXES):
                        found = True
                        yield str(Path(root) / f)
            if not found:
                raise InputError(raw, f"folder holds no supported files ({', '.join(SUPPORTED_SUFFIXES)})")
        else:
            yield raw


def read_path(path: str, encoding: str | None = None) -> Document:
    """Read one file into a Document, or raise InputError naming the file and the reason."""
    if path == "-":
        return read_stdin(encoding)
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file")
    if p.is_dir():
        raise InputError(path, "is a folder (scan it with the folder path, not as a file)")
    suffix = p.suffix.lower()
    try:
        if suffix in DOCX_SUFFIXES:
            from .docx import read_docx

            text, notes = read_docx(p)
            return Document(path=path, text=text, encoding=None, source_format="docx", notes=notes)
        if suffix == ".doc":
            raise InputError(path, "is a legacy Word .doc file; save it as .docx or export plain text")
        size = p.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise InputError(path, f"is {size // (1024 * 1024)} MB; text inputs over {MAX_TEXT_BYTES // (1024 * 1024)} MB are refused")
        data = p.read_bytes()
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    if data[:4] == b"PK\x03\x04" and suffix not in DOCX_SUFFIXES:
        raise InputError(path, "is a zip or Office file; give it a .docx name if it is a Word document")
    return from_bytes(path, data, suffix, encoding)


def read_stdin(encoding: str | None = None) -> Document:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    return from_bytes("-", data, ".txt", encoding)


def from_bytes(path: str, data: bytes, suffix: str, encoding: str | None) -> Document:
    text, used = decode(data, path, encoding)
    if suffix in MARKDOWN_SUFFIXES:
        from .markdown import masked_ranges

        return Document(path=path, text=text, encoding=used, source_format="markdown", masked=masked_ranges(text))
    return Document(path=path, text=text, encoding=used, source_format="text")
