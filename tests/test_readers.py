"""Readers: Word exports, .docx (tables, headers, footnotes, tracked changes), Markdown, and refusals."""
from __future__ import annotations

import codecs
import io
import time
import zipfile

import docx
import pytest

from awareness_check.documents import read_path
from awareness_check.errors import InputError
from conftest import dev_document


def test_word_exports_decode_to_the_same_text(tmp_path):
    text = "Ask the \u201cchairman\u201d \u2013 caf\u00e9 \u20ac50.\r\nSecond line.\r\n"
    cases = {
        "cp1252.txt": text.encode("cp1252"),
        "utf8.txt": text.encode("utf-8"),
        "utf8bom.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf16le.txt": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf16be.txt": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        doc = read_path(str(tmp_path / name))
        assert doc.text == text, name


def test_encoding_override(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Se\u00f1or".encode("cp850"))
    assert read_path(str(p), encoding="cp850").text == "Se\u00f1or"


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"\x00\x01\x02\x03binary\x00\x00" * 50, "binary file"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa broken", "not valid"),
        (b"PK\x03\x04rest-of-a-zip", "zip or Office file"),
    ],
)
def test_unreadable_text_is_refused_with_a_reason(tmp_path, data, reason):
    p = tmp_path / "draft.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_path(str(p))
    assert reason in str(exc.value) and "draft.txt" in str(exc.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(str(tmp_path / "nope.txt"))


def test_dev_corpus_docx_bodies_equal_their_text_exports():
    for docx_name, ref in [("press-release.docx", "press-release.docx.txt"), ("training-handout.docx", "training-handout.txt"), ("case-story.docx", "case-story.txt")]:
        doc = read_path(str(dev_document(docx_name)))
        body_end = doc.notes["regions"][0]["end"]
        assert doc.text[:body_end] == dev_document(ref).read_text(encoding="utf-8")


def test_docx_headers_footers_and_footnotes_are_read_after_the_body():
    doc = read_path(str(dev_document("press-release.docx")))
    kinds = [r["kind"] for r in doc.notes["regions"]]
    assert kinds[0] == "body" and "header" in kinds and "footer" in kinds
    assert "PRESS RELEASE" in doc.text[doc.notes["regions"][0]["end"]:]
    handout = read_path(str(dev_document("training-handout.docx")))
    assert "footnote" in [r["kind"] for r in handout.notes["regions"]]


def test_tracked_changes_read_as_current_text():
    doc = read_path(str(dev_document("case-story.docx")))
    assert "was in the country illegally" in doc.text
    assert "sex slave" not in doc.text and "illegal immigrant" not in doc.text


def test_docx_table_rows_follow_document_order(tmp_path):
    d = docx.Document()
    d.add_paragraph("Before the table.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Role", "Holder"
    table.cell(1, 0).text, table.cell(1, 1).text = "Chairman", "Ms Diallo"
    d.add_paragraph("After the table.")
    d.sections[0].header.paragraphs[0].text = "Campaign header"
    path = tmp_path / "t.docx"
    d.save(path)
    doc = read_path(str(path))
    assert doc.text.startswith("Before the table.\nRole\tHolder\nChairman\tMs Diallo\nAfter the table.")
    assert doc.text.endswith("Campaign header")


def _zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_zip_bomb_is_refused_fast(tmp_path):
    path = tmp_path / "bomb.docx"
    _zip(path, {"[Content_Types].xml": "<Types/>", "word/document.xml": b"<w:document>" + b" " * (60 * 1024 * 1024) + b"</w:document>"})
    assert path.stat().st_size < 300 * 1024
    start = time.perf_counter()
    with pytest.raises(InputError, match="zip bomb"):
        read_path(str(path))
    assert time.perf_counter() - start < 5  # generous; the check reads only zip headers


def test_doctype_is_refused(tmp_path):
    path = tmp_path / "xxe.docx"
    _zip(path, {
        "[Content_Types].xml": "<Types/>",
        "word/document.xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>',
    })
    with pytest.raises(InputError, match="DOCTYPE"):
        read_path(str(path))


def test_not_a_zip_named_docx(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"this is not a word file")
    with pytest.raises(InputError, match="not a valid .docx"):
        read_path(str(path))


def test_markdown_code_is_masked_but_offsets_kept(scan, tmp_path):
    text = "# Title\n\nThe chairman spoke.\n\n```\nchairman = 1\n```\n\nUse `chairman` in code only.\n"
    p = tmp_path / "draft.md"
    p.write_text(text, encoding="utf-8")
    doc = read_path(str(p))
    assert doc.text == text
    assert len(doc.normalized.text) == len(text)
    assert "chairman = 1" not in doc.normalized.text


def test_folder_expansion(tmp_path):
    from awareness_check.documents import iter_input_paths

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("y", encoding="utf-8")
    (tmp_path / "sub" / "c.png").write_bytes(b"\x89PNG")
    assert [p.split("/")[-1] for p in iter_input_paths([str(tmp_path)])] == ["a.txt", "b.md"]
