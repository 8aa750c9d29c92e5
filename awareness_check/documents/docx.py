"""Read .docx drafts: body paragraphs and tables in order, footnotes, headers and footers.

Tracked changes are read as the current text (insertions in, deletions out). Before anything is
parsed, the zip container is checked against limits that no real Word file reaches, so a zip bomb
or an XML entity attack is refused in milliseconds instead of eating memory.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class DocxLimits:
    max_file_bytes: int = 20 * 1024 * 1024
    max_entries: int = 1000
    max_part_bytes: int = 25 * 1024 * 1024
    max_total_bytes: int = 100 * 1024 * 1024
    max_ratio: int = 100  # uncompressed / compressed, for parts over 1 MB
    max_chars: int = 5_000_000


LIMITS = DocxLimits()


def check_container(path: Path, limits: DocxLimits = LIMITS) -> None:
    """Refuse anything that is not a sane Word file, before any XML is parsed."""
    name = str(path)
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise InputError(name, f"is {size // (1024 * 1024)} MB; .docx drafts over {limits.max_file_bytes // (1024 * 1024)} MB are refused")
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError(name, "is not a valid .docx (not a zip container)") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_entries:
            raise InputError(name, f"has {len(infos)} parts; a Word file has far fewer (refused as a possible zip bomb)")
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise InputError(name, "is encrypted or password-protected; save an unprotected copy")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise InputError(name, f"uses an unusual compression method in {info.filename}")
            total += info.file_size
            if info.file_size > limits.max_part_bytes:
                raise InputError(name, f"part {info.filename} would expand to {info.file_size // (1024 * 1024)} MB (refused as a possible zip bomb)")
            if info.file_size > 1024 * 1024 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
                raise InputError(name, f"part {info.filename} has a compression ratio over {limits.max_ratio}:1 (refused as a possible zip bomb)")
        if total > limits.max_total_bytes:
            raise InputError(name, f"would expand to {total // (1024 * 1024)} MB (refused as a possible zip bomb)")
        names = {i.filename for i in infos}
        if "word/document.xml" not in names:
            raise InputError(name, "is not a valid .docx (no word/document.xml)")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                with zf.open(info) as fh:
                    head = fh.read(65536)
                if b"<!DOCTYPE" in head or b"<!doctype" in head or b"<!ENTITY" in head:
                    raise InputError(name, f"part {info.filename} contains a DOCTYPE declaration, which Word never writes (refused)")


def read_docx(path: Path) -> tuple[str, dict]:
    """Return (text, notes): body text as the offsets contract sees it, then footnotes, headers, footers."""
    check_container(path)
    import docx  # python-docx; imported late so text-only runs do not pay for it
    from docx.opc.exceptions import PackageNotFoundError

    name = str(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(name, f"is not a valid .docx ({exc.__class__.__name__})") from None
    except Exception as exc:  # lxml.etree.XMLSyntaxError and friends
        raise InputError(name, f"is not a valid .docx ({str(exc).splitlines()[0][:120]})") from None

    body_lines = list(block_lines(document.element.body))
    body = "\n".join(body_lines)
    extras: list[tuple[str, str]] = []
    for label, text in _footnotes(document):
        extras.append((label, text))
    seen: set[int] = set()
    for section in document.sections:
        for label, part in (("header", section.header), ("footer", section.footer)):
            if part.is_linked_to_previous:
                continue
            element = part._element
            if id(element) in seen:
                continue
            seen.add(id(element))
            text = "\n".join(block_lines(element)).strip()
            if text:
                extras.append((label, text))
    pieces = [body]
    regions: list[dict] = [{"kind": "body", "start": 0, "end": len(body)}]
    pos = len(body)
    for label, text in extras:
        pieces.append("\n\n" + text)
        regions.append({"kind": label, "start": pos + 2, "end": pos + 2 + len(text)})
        pos += 2 + len(text)
    full = "".join(pieces)
    if len(full) > LIMITS.max_chars:
        raise InputError(name, f"holds {len(full):,} characters of text; the limit is {LIMITS.max_chars:,} (split the document)")
    return full, {"regions": regions}


def block_lines(container):
    """Yield one line per paragraph and one per table row (cells joined by a tab), in order."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == W + "p":
            yield paragraph_text(child)
        elif tag == W + "tbl":
            for row in child.iter(W + "tr"):
                cells = [c for c in row.iterchildren() if c.tag == W + "tc"]
                yield "\t".join(" ".join(paragraph_text(p) for p in cell.iter(W + "p")) for cell in cells)
        elif tag == W + "sdt":  # content control wrapping paragraphs
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from block_lines(content)


def paragraph_text(p) -> str:
    """Text of one paragraph as it reads with tracked changes accepted."""
    out: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == W + "t":
            if not _inside(el, p, W + "del"):
                out.append(el.text or "")
        elif tag == W + "tab" and el.getparent() is not None and el.getparent().tag == W + "r":
            if not _inside(el, p, W + "del"):
                out.append("\t")
        elif tag in (W + "br", W + "cr"):
            if not _inside(el, p, W + "del"):
                out.append("\n")
    return "".join(out)


def _inside(el, stop, tag) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag or parent.tag == W + "moveFrom":
            return True
        parent = parent.getparent()
    return False


def _footnotes(document):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in document.part.rels.values():
        if rel.reltype not in (RT.FOOTNOTES, RT.ENDNOTES) or rel.is_external:
            continue
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(rel.target_part.blob, parser)
        for note in root:
            if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = "\n".join(block_lines(note)).strip()
            if text:
                yield ("footnote" if rel.reltype == RT.FOOTNOTES else "endnote", text)
