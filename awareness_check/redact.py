"""``scan --redact OUT``: a copy of the draft with identification details replaced by placeholders.

What is replaced comes from the identification-risk check itself (:func:`checks.privacy.find_details`):
names become [NAME], ages [AGE], places [PLACE] / [SCHOOL] / [ADDRESS], contact details [PHONE],
[EMAIL], [HANDLE], [CASE NUMBER]. A flagged victim's name is replaced wherever it recurs ("Thu Ha"
after "Thu Ha Tran"), since leaving the first name in place would leave the flagged detail behind.

Nothing else changes. Text files are edited as bytes: everything outside a replaced span is kept
byte for byte (encoding, byte-order mark, CRLF line ends). Word files are edited inside their runs,
so formatting, comments and tracked changes stay; a placeholder takes the formatting of the first
run of the text it replaces. The output never overwrites an existing file.

A text too long to analyse at once (parts.py) is analysed a part at a time, as ``scan`` does; a
name flagged in any part is replaced in every part.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from .analysis import AnalyzedDocument, analyze
from .checks.privacy import find_details, flagged_name_words, name_mentions
from .documents import Document, read_path
from .errors import AwarenessCheckError
from .lexicon import load_rules
from .parts import PART_CHARS, split_parts
from .pipeline import PipelineInfo
from .settings import Settings


class RedactError(AwarenessCheckError):
    """The redacted copy cannot be written (existing file, unsupported input)."""


@dataclass(frozen=True, order=True)
class Replacement:
    start: int  # offsets into Document.text
    end: int
    placeholder: str


def replacements(adoc: AnalyzedDocument, settings: Settings | None = None) -> list[Replacement]:
    """The spans of the document text to replace, sorted, non-overlapping."""
    spans, flagged = _detail_spans(adoc, settings)
    return _merged(spans + [Replacement(s, e, "[NAME]") for s, e in name_mentions(adoc.document, flagged)])


def document_replacements(document: Document, nlp, info: PipelineInfo, settings: Settings | None = None,
                          part_chars: int = PART_CHARS) -> list[Replacement]:
    """:func:`replacements` for a document of any size: a text over ``part_chars`` characters is
    analysed a part at a time (memory stays bounded), and a name flagged in one part is replaced
    in all of them."""
    if len(document.text) <= part_chars:
        return replacements(analyze(document, nlp, info), settings)
    spans: list[Replacement] = []
    flagged: set[str] = set()
    for part in split_parts(document, part_chars):
        part_spans, part_flagged = _detail_spans(analyze(part.document, nlp, info), settings)
        spans += [Replacement(r.start + part.start, r.end + part.start, r.placeholder) for r in part_spans]
        flagged |= part_flagged
    if flagged:
        for part in split_parts(document, part_chars):
            spans += [Replacement(s + part.start, e + part.start, "[NAME]") for s, e in name_mentions(part.document, flagged)]
    return _merged(spans)


def _detail_spans(adoc: AnalyzedDocument, settings: Settings | None) -> tuple[list[Replacement], set[str]]:
    """The selected identification details' parts, and the words of the names among them."""
    settings = settings or Settings()
    rules = load_rules()
    details = [d for d in find_details(adoc) if d.code in rules and settings.selects(rules.get(d.code))]
    spans = []
    for d in details:
        for s, e, placeholder in d.parts:
            start, end = adoc.original_range(d.segment, s, e)
            spans.append(Replacement(start, end, placeholder))
    return spans, flagged_name_words(details)


def _merged(raw: list[Replacement]) -> list[Replacement]:
    """Sorted, empty spans dropped, overlapping spans joined (the first one's placeholder)."""
    merged: list[Replacement] = []
    for r in sorted(raw):
        if r.end <= r.start:
            continue
        if merged and r.start < merged[-1].end:
            last = merged[-1]
            if r.end > last.end:
                merged[-1] = Replacement(last.start, r.end, last.placeholder)
            continue
        merged.append(r)
    return merged


def redacted_text(text: str, reps: list[Replacement]) -> str:
    out, pos = [], 0
    for r in reps:
        out.append(text[pos:r.start])
        out.append(r.placeholder)
        pos = r.end
    out.append(text[pos:])
    return "".join(out)


def check_redact_target(paths: list[str], out: str) -> None:
    """Refuse before any work: one input file, and an output name that does not exist yet."""
    if len(paths) != 1 or paths[0] == "-" or Path(paths[0]).is_dir():
        raise RedactError(f"{out}: --redact needs exactly one input file (not a folder or stdin)")
    if Path(out).exists():
        raise RedactError(f"{out}: already exists; choose a new name for the redacted copy (it is never overwritten)")
    if Path(paths[0]).resolve() == Path(out).resolve():
        raise RedactError(f"{out}: is the input file; choose a new name for the redacted copy")
    if paths[0].lower().endswith(".docx") and not out.lower().endswith(".docx"):
        raise RedactError(f"{out}: the input is a Word file, so the redacted copy must be a .docx too")


def redact_path(path: str, out: str, nlp, info: PipelineInfo, settings: Settings | None = None,
                part_chars: int = PART_CHARS) -> int:
    """Write the redacted copy of ``path`` to ``out``; return the number of replaced spans."""
    check_redact_target([path], out)
    target = Path(out)
    settings = settings or Settings()
    document = read_path(path, encoding=settings.encoding)
    reps = document_replacements(document, nlp, info, settings, part_chars)
    if document.source_format == "docx":
        _write_docx(Path(path), document, reps, target)
    else:
        _write_text(path, document, reps, target)
    return len(reps)


# --------------------------------------------------------------------------- text

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _write_text(path: str, document: Document, reps: list[Replacement], target: Path) -> None:
    encoding = (document.encoding or "utf-8").replace("-sig", "")
    raw = Path(path).read_bytes()
    base = next((len(b) for b in _BOMS if raw.startswith(b) and _same_family(b, encoding)), 0)
    text = document.text

    def nbytes(s: str) -> int:
        return len(s.encode(encoding, errors="replace"))  # single-byte cp1252 holes count as one byte

    if nbytes(text) != len(raw) - base:
        # The bytes do not line up with the text (should not happen): re-encode the whole text.
        data = raw[:base] + redacted_text(text, reps).encode(encoding, errors="replace")
    else:
        pieces, pos_char, pos_byte = [raw[:base]], 0, base
        for r in reps:
            start_b = pos_byte + nbytes(text[pos_char:r.start])
            end_b = start_b + nbytes(text[r.start:r.end])
            pieces.append(raw[pos_byte:start_b])
            pieces.append(r.placeholder.encode(encoding))
            pos_char, pos_byte = r.end, end_b
        pieces.append(raw[pos_byte:])
        data = b"".join(pieces)
    _write_new(target, data)


def _same_family(bom: bytes, encoding: str) -> bool:
    enc = codecs.lookup(encoding).name
    if bom == codecs.BOM_UTF8:
        return enc in ("utf-8", "utf-8-sig")
    return enc.startswith("utf-16")


def _write_new(target: Path, data: bytes) -> None:
    try:
        with open(target, "xb") as fh:  # "x": never overwrite, even if the file appeared meanwhile
            fh.write(data)
    except FileExistsError:
        raise RedactError(f"{target}: already exists; choose a new name for the redacted copy") from None
    except OSError as exc:
        raise RedactError(f"{target}: cannot write ({exc.strerror or exc})") from None


# --------------------------------------------------------------------------- docx


def _write_docx(path: Path, document: Document, reps: list[Replacement], target: Path) -> None:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    from .documents.docx import W

    word = docx.Document(str(path))
    regions = document.notes.get("regions", [{"kind": "body", "start": 0, "end": len(document.text)}])
    containers: list[tuple[object, bool]] = [(word.element.body, False)]
    blob_parts = []
    for rel in word.part.rels.values():
        if rel.reltype in (RT.FOOTNOTES, RT.ENDNOTES) and not rel.is_external:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            root = etree.fromstring(rel.target_part.blob, parser)
            blob_parts.append((rel.target_part, root))
            for note in root:
                if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                containers.append((note, True))
    seen: set[int] = set()
    for section in word.sections:
        for part in (section.header, section.footer):
            if part.is_linked_to_previous or id(part._element) in seen:
                continue
            seen.add(id(part._element))
            containers.append((part._element, True))
    # Pair every text region of the Document with the container it came from (same order as the reader).
    charmaps = []
    region_iter = iter(regions)
    for element, stripped in containers:
        text, sources = _char_map(element)
        if stripped:
            lead = len(text) - len(text.lstrip())
            text, sources = text.strip(), sources[lead:lead + len(text.strip())]
            if not text:
                continue
        region = next(region_iter, None)
        if region is None or document.text[region["start"]:region["end"]] != text:
            raise RedactError(f"{path}: the Word file's structure is not supported for redaction (text regions do not line up)")
        charmaps.append((region["start"], sources))
    for r in sorted(reps, reverse=True):
        for start, sources in charmaps:
            if start <= r.start and r.end <= start + len(sources):
                _replace_in_runs(sources[r.start - start:r.end - start], r.placeholder)
                break
        else:
            raise RedactError(f"{path}: a flagged detail spans two parts of the Word file and cannot be redacted safely")
    for part, root in blob_parts:
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if target.exists():
        raise RedactError(f"{target}: already exists; choose a new name for the redacted copy")
    import io

    buffer = io.BytesIO()
    word.save(buffer)
    _write_new(target, buffer.getvalue())


def _char_map(container) -> tuple[str, list]:
    """The container's text as the reader builds it, with each character's (w:t element, index)."""
    from .documents.docx import W, _inside

    chars: list[str] = []
    sources: list = []

    def emit(text: str, element=None):
        for i, ch in enumerate(text):
            chars.append(ch)
            sources.append((element, i) if element is not None else None)

    def paragraph(p):
        for el in p.iter():
            tag = el.tag
            if tag == W + "t":
                if not _inside(el, p, W + "del"):
                    emit(el.text or "", el)
            elif tag == W + "tab" and el.getparent() is not None and el.getparent().tag == W + "r":
                if not _inside(el, p, W + "del"):
                    emit("\t")
            elif tag in (W + "br", W + "cr"):
                if not _inside(el, p, W + "del"):
                    emit("\n")

    def blocks(container):
        first = True
        for child in container.iterchildren():
            tag = child.tag
            if tag == W + "p":
                if not first:
                    emit("\n")
                paragraph(child)
                first = False
            elif tag == W + "tbl":
                for row in child.iter(W + "tr"):
                    if not first:
                        emit("\n")
                    first = False
                    cells = [c for c in row.iterchildren() if c.tag == W + "tc"]
                    for ci, cell in enumerate(cells):
                        if ci:
                            emit("\t")
                        for pi, p in enumerate(cell.iter(W + "p")):
                            if pi:
                                emit(" ")
                            paragraph(p)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    if not first:
                        emit("\n")
                    first = False
                    sub_chars, sub_sources = _char_map(content)
                    chars.extend(sub_chars)
                    sources.extend(sub_sources)

    blocks(container)
    return "".join(chars), sources


def _replace_in_runs(sources: list, placeholder: str) -> None:
    """Put the placeholder where the first character was; remove the other characters."""
    by_element: dict[int, tuple[object, list[int]]] = {}
    order: list[int] = []
    for src in sources:
        if src is None:
            continue  # a tab or line break inside the span stays
        element, index = src
        key = id(element)
        if key not in by_element:
            by_element[key] = (element, [])
            order.append(key)
        by_element[key][1].append(index)
    for n, key in enumerate(order):
        element, indexes = by_element[key]
        text = element.text or ""
        lo, hi = min(indexes), max(indexes) + 1
        new = text[:lo] + (placeholder if n == 0 else "") + text[hi:]
        element.text = new
        if new != new.strip():
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
