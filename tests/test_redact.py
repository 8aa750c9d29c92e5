"""``scan --redact OUT``: no flagged detail left behind, nothing else changed, same format, no overwrite."""
from __future__ import annotations

import codecs
import zipfile

import pytest
from click.testing import CliRunner

from awareness_check.analysis import analyze
from awareness_check.checks.privacy import find_details
from awareness_check.cli import cli
from awareness_check.documents import read_path
from awareness_check.redact import redact_path, replacements
from conftest import dev_document

SECRETS = ["Thu Ha", "Tran", "Lucky Nails", "Market Street", "Dunmore"]


def identification_details(pipeline, path):
    nlp, info = pipeline
    return find_details(analyze(read_path(str(path)), nlp, info))


def assert_only_replacements_changed(original: str, redacted: str, reps) -> None:
    """Rebuild the redacted text from the original and the replacements: nothing else may differ."""
    pos, rebuilt = 0, []
    for r in reps:
        rebuilt.append(original[pos:r.start])
        rebuilt.append(r.placeholder)
        pos = r.end
    rebuilt.append(original[pos:])
    assert "".join(rebuilt) == redacted


def test_case_story_txt(pipeline, tmp_path):
    src = dev_document("case-story.txt")
    out = tmp_path / "case-story.redacted.txt"
    nlp, info = pipeline
    count = redact_path(str(src), str(out), nlp, info)
    original, redacted = src.read_text(encoding="utf-8"), out.read_text(encoding="utf-8")
    assert count > 0
    for secret in SECRETS:
        assert secret in original and secret not in redacted
    assert "[NAME]" in redacted and "[PLACE]" in redacted
    adoc = analyze(read_path(str(src)), nlp, info)
    reps = replacements(adoc)
    assert_only_replacements_changed(original, redacted, reps)
    # every identifying part of every flagged detail is inside a replacement
    for d in find_details(adoc):
        for s, e, _ in d.parts:
            start, end = adoc.original_range(d.segment, s, e)
            assert any(r.start <= start and end <= r.end for r in reps), original[start:end]
    assert not identification_details(pipeline, out)  # rescanning the copy finds nothing left
    assert out.read_bytes().count(b"\r\n") == src.read_bytes().count(b"\r\n")


def test_case_story_docx_keeps_formatting_and_tracked_changes(pipeline, tmp_path):
    src = dev_document("case-story.docx")
    txt = dev_document("case-story.txt")
    out = tmp_path / "case-story.redacted.docx"
    nlp, info = pipeline
    redact_path(str(src), str(out), nlp, info)
    redacted = read_path(str(out)).text
    for secret in SECRETS:
        assert secret not in redacted
    reps = replacements(analyze(read_path(str(src)), nlp, info))
    assert_only_replacements_changed(read_path(str(src)).text, redacted, reps)
    # the body reads like the redacted .txt (the .docx body is the .txt with changes accepted)
    txt_out = tmp_path / "case-story.redacted.txt"
    redact_path(str(txt), str(txt_out), nlp, info)
    assert redacted.startswith(txt_out.read_text(encoding="utf-8").rstrip("\n"))
    assert not identification_details(pipeline, out)

    def xml(path):
        with zipfile.ZipFile(path) as z:
            return {n: z.read(n) for n in z.namelist()}

    before, after = xml(src), xml(out)
    assert set(before) == set(after)
    for tag in (b"<w:r>", b"<w:r ", b"<w:rPr", b"<w:del ", b"<w:ins ", b"<w:delText"):
        assert before["word/document.xml"].count(tag) == after["word/document.xml"].count(tag), tag
    assert b"a typical Asian madam" in after["word/document.xml"]  # deleted text stays a tracked deletion


def test_text_encodings_bom_and_crlf_are_kept(pipeline, tmp_path):
    story = ("Joy Mensah, 19, now works at the Sunrise Bakery on Main Street in Tema.\r\n\r\n"
             "She was trafficked to the city and never paid \u2013 the owner\u2019s \u201cdebt\u201d grew.\r\n")
    nlp, info = pipeline
    for encoding, bom in (("cp1252", b""), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-8", codecs.BOM_UTF8)):
        src = tmp_path / f"story-{encoding}.txt"
        src.write_bytes(bom + story.encode(encoding))
        out = tmp_path / f"story-{encoding}.redacted.txt"
        redact_path(str(src), str(out), nlp, info)
        data = out.read_bytes()
        assert data.startswith(bom)
        text = data[len(bom):].decode(encoding)
        assert text.count("\r\n") == 3
        assert "Mensah" not in text and "Sunrise Bakery" not in text and "Tema" not in text
        assert text.endswith("She was trafficked to the city and never paid \u2013 the owner\u2019s \u201cdebt\u201d grew.\r\n")
        assert read_path(str(src)).encoding.replace("-sig", "") == encoding


def test_nothing_to_redact_gives_an_identical_copy(pipeline, tmp_path):
    src = dev_document("radio-script.word-export-utf16le.txt")
    out = tmp_path / "radio.txt"
    nlp, info = pipeline
    assert redact_path(str(src), str(out), nlp, info) == 0
    assert out.read_bytes() == src.read_bytes()


def test_cli_redact_and_refusal_to_overwrite(tmp_path):
    src = dev_document("case-story.txt")
    out = tmp_path / "copy.txt"
    runner = CliRunner()
    result = runner.invoke(cli, ["scan", "--fail-on", "never", "--format", "json", str(src), "--redact", str(out)])
    assert result.exit_code == 0, result.output
    assert "Thu Ha" not in out.read_text(encoding="utf-8")
    out.write_text("keep me", encoding="utf-8")
    again = runner.invoke(cli, ["scan", "--fail-on", "never", str(src), "--redact", str(out)])
    assert again.exit_code == 2
    assert "already exists" in again.output
    assert out.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("args", [["two"], ["docx"]])
def test_cli_redact_refuses_unclear_targets(tmp_path, args):
    runner = CliRunner()
    if args == ["two"]:
        paths = [str(dev_document("case-story.txt")), str(dev_document("leaflet.txt"))]
        out = tmp_path / "x.txt"
    else:
        paths = [str(dev_document("case-story.docx"))]
        out = tmp_path / "x.txt"
    result = runner.invoke(cli, ["scan", *paths, "--redact", str(out)])
    assert result.exit_code == 2 and not out.exists()


def test_docx_name_split_across_runs_and_detail_in_header(pipeline, tmp_path):
    import docx

    src = tmp_path / "story.docx"
    word = docx.Document()
    p = word.add_paragraph()
    p.add_run("Thu ").bold = True
    p.add_run("Trang Nguyen").italic = True
    p.add_run(" was trafficked to a nail bar on Hope Street, Lisburn, at the age of 15.")
    word.add_paragraph("Thu Trang now lives with relatives.")
    word.sections[0].header.paragraphs[0].text = "Her mobile number is +44 7700 900123."
    word.save(str(src))
    out = tmp_path / "story.redacted.docx"
    nlp, info = pipeline
    redact_path(str(src), str(out), nlp, info)
    text = read_path(str(out)).text
    for secret in ("Thu", "Trang", "Nguyen", "Hope Street", "Lisburn", "7700"):
        assert secret not in text, secret
    assert text.startswith("[NAME] was trafficked to a nail bar on [PLACE], [PLACE], at the age of [AGE].\n[NAME] now lives")
    assert "Her mobile number is [PHONE]." in text
    runs = docx.Document(str(out)).paragraphs[0].runs
    assert runs[0].bold and runs[0].text == "[NAME]"  # the placeholder keeps the first run's formatting


def test_a_long_text_is_redacted_a_part_at_a_time_with_names_replaced_in_every_part(pipeline, tmp_path, monkeypatch):
    """Over the part size the draft is analysed in parts (bounded memory, like ``scan``); a name
    flagged in the first part is still replaced where it recurs in the last."""
    import awareness_check.redact as redact

    story = dev_document("case-story.txt").read_text(encoding="utf-8")
    filler = "\n\n".join(["The helpline team shared the new leaflets with local partners this spring."] * 60)
    text = story + "\n\n" + filler + "\n\nA year later, Thu Ha trains volunteers in her home town.\n"
    src = tmp_path / "long-story.txt"
    src.write_text(text, encoding="utf-8")
    nlp, info = pipeline
    analysed: list[int] = []
    real_analyze = redact.analyze
    monkeypatch.setattr(redact, "analyze", lambda doc, *a, **k: analysed.append(len(doc.text)) or real_analyze(doc, *a, **k))

    out = tmp_path / "long-story.redacted.txt"
    redact_path(str(src), str(out), nlp, info, part_chars=2500)
    redacted = out.read_text(encoding="utf-8")
    assert len(analysed) >= 3 and max(analysed) <= 2500
    for secret in SECRETS:
        assert secret not in redacted
    assert redacted.endswith("A year later, [NAME] trains volunteers in her home town.\n")
    whole = redact.replacements(real_analyze(read_path(str(src)), nlp, info))
    assert_only_replacements_changed(text, redacted, redact.document_replacements(read_path(str(src)), nlp, info, part_chars=2500))
    assert redacted.startswith(redact.redacted_text(text, whole)[:len(story) - 200])  # the story part as when analysed whole
