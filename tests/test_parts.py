"""A very large text is checked in parts (bounded memory): cut where the whole text would also
break a paragraph, with every finding's offset, line and column those of the whole text."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from awareness_check.api import scan_document
from awareness_check.cli import cli
from awareness_check.documents import Document
from awareness_check.documents.markdown import masked_ranges
from awareness_check.parts import PART_CHARS, merge_stats, split_parts
from awareness_check.settings import Settings

PARAGRAPHS = [
    "Migrant smuggling victims were found in the back of a lorry near the border.",
    "The chairman of the task force thanked the policemen who opened the case.",
    "Human trafficking and people smuggling are the same crime, the leaflet says.",
    "Every year, 40 million people are trafficked.",
    "Local groups run a helpline for workers who want advice about their contracts.",
    "She was sold like a slave and the mafia kept her chained in a dark basement.",
]


def _text(newline: str = "\n", copies: int = 6) -> str:
    return (newline * 2).join(p for _ in range(copies) for p in PARAGRAPHS) + newline


def _key(f):
    return (f.rule_id, f.start, f.end, f.line, f.column, f.text)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("max_chars", [90, 400, 2000])
def test_parts_join_up_to_the_text_and_end_at_blank_lines(newline, max_chars):
    text = _text(newline)
    document = Document(path="big.txt", text=text)
    parts = list(split_parts(document, max_chars))
    assert len(parts) > 1
    assert "".join(p.document.text for p in parts) == text
    for part in parts:
        assert part.document.text == text[part.start:part.start + len(part.document.text)]
        assert part.lines == len(re.findall(r"\r\n|\r|\n", text[:part.start]))
    for part in parts[:-1]:
        assert part.document.text.endswith(newline * 2)
        assert len(part.document.text) <= max_chars


def test_a_part_never_cuts_markdown_code():
    code = "```\nline one\n\nline two\n\nline three\n```"
    text = "\n\n".join(["Intro paragraph about the campaign."] * 3 + [code] + ["Closing paragraph about the helpline."] * 3)
    document = Document(path="big.md", text=text, source_format="markdown", masked=masked_ranges(text))
    fence = (text.index("```"), text.rindex("```") + 3)
    for max_chars in range(40, len(text), 7):
        cuts = [p.start for p in split_parts(document, max_chars)][1:]
        assert not any(fence[0] < c < fence[1] for c in cuts), (max_chars, cuts)


def test_without_blank_lines_parts_end_at_line_breaks_then_spaces():
    lines = "\n".join(PARAGRAPHS * 4)
    parts = list(split_parts(Document(path="t.txt", text=lines), 200))
    assert all(p.document.text.endswith("\n") for p in parts[:-1])
    one_line = " ".join(PARAGRAPHS * 4)
    parts = list(split_parts(Document(path="t.txt", text=one_line), 200))
    assert "".join(p.document.text for p in parts) == one_line
    assert all(p.document.text.endswith(" ") for p in parts[:-1])


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_findings_in_parts_are_the_whole_texts(pipeline, rules, newline):
    """Paragraph-level findings are the same whichever way the text is cut, and point at the same
    characters, lines and columns of the whole text."""
    nlp, info = pipeline
    document = Document(path="big.txt", text=_text(newline))
    whole = scan_document(document, nlp, info, rules, Settings())
    parted = scan_document(document, nlp, info, rules, Settings(), part_chars=700)
    assert "parts" not in whole.stats and parted.stats["parts"] > 3
    assert {f.rule_id for f in whole.findings} >= {"TRM003", "TRM004", "GEN001", "DAT001"}
    assert [_key(f) for f in parted.findings] == [_key(f) for f in whole.findings]
    for f in parted.findings:
        assert document.text[f.start:f.end] == f.text
        assert document.line_col(f.start) == (f.line, f.column)
    assert parted.stats["words"] == whole.stats["words"]


@pytest.mark.parametrize("separator", ["\u2029", "\x0c", "\u2028\u2028"])
def test_word_paragraph_separators_are_cut_points(pipeline, rules, separator):
    """Word's paragraph separators (normalised as line breaks) are cut points too: the findings are
    the whole text's, with its columns (these separators do not start a line for line numbers)."""
    nlp, info = pipeline
    document = Document(path="big.txt", text=separator.join(p for _ in range(6) for p in PARAGRAPHS))
    whole = scan_document(document, nlp, info, rules, Settings())
    parted = scan_document(document, nlp, info, rules, Settings(), part_chars=600)
    assert parted.stats["parts"] > 3
    assert [_key(f) for f in parted.findings] == [_key(f) for f in whole.findings]


def test_a_part_cut_mid_line_keeps_the_whole_lines_columns(pipeline, rules):
    """One enormous line is cut at spaces: each finding still points at its line and column."""
    nlp, info = pipeline
    text = "Intro line.\n" + " ".join(p for _ in range(6) for p in PARAGRAPHS)
    document = Document(path="big.txt", text=text)
    parted = scan_document(document, nlp, info, rules, Settings(), part_chars=500)
    assert parted.stats["parts"] > 3 and len(parted.findings) > 5
    for f in parted.findings:
        assert text[f.start:f.end] == f.text
        assert document.line_col(f.start) == (f.line, f.column)


def test_a_cut_inside_masked_code_never_splits_a_crlf(pipeline, rules):
    """When a whole window is masked code the cut falls at the size limit, but not between CR and LF."""
    nlp, info = pipeline
    code = "```\r\n" + "x = 1\r\n" * 60 + "```"
    text = code + "\r\n\r\n" + "Migrant smuggling victims were found in a lorry.\r\n"
    document = Document(path="big.md", text=text, source_format="markdown", masked=masked_ranges(text))
    for max_chars in range(40, 80):
        parts = list(split_parts(document, max_chars))
        assert not any(p.document.text.startswith("\n") and text[p.start - 1] == "\r" for p in parts[1:])
    parted = scan_document(document, nlp, info, rules, Settings(), part_chars=61)
    (f,) = [f for f in parted.findings if f.rule_id == "TRM004"]
    assert document.line_col(f.start) == (f.line, f.column) == (64, 9)


def test_merged_stats_sum_counts_and_weigh_figures_by_words():
    a = {"words": 300, "sentences": 10, "words_per_sentence": 30.0, "flesch_reading_ease": 50.0, "smog_index": None,
         "audience": "general", "emotive_words": {"count": 2, "per_100_words": 2 / 3, "max_per_paragraph": 2},
         "roles": {"female": {"victim": 3}, "male": {"victim": 0}}}
    b = {"words": 100, "sentences": 10, "words_per_sentence": 10.0, "flesch_reading_ease": 70.0, "smog_index": 9.0,
         "audience": "general", "emotive_words": {"count": 1, "per_100_words": 1.0, "max_per_paragraph": 1},
         "roles": {"female": {"victim": 1}, "male": {"victim": 2}}}
    m = merge_stats([a, b])
    assert m["words"] == 400 and m["sentences"] == 20
    assert m["words_per_sentence"] == 20.0
    assert m["flesch_reading_ease"] == pytest.approx(55.0)
    assert m["smog_index"] == 9.0
    assert merge_stats([{"words": 5, "difficult_words": 4}, {"words": 5, "difficult_words": 3}])["difficult_words"] == 4
    assert m["audience"] == "general"
    assert m["emotive_words"] == {"count": 3, "per_100_words": pytest.approx(0.75), "max_per_paragraph": 2}
    assert m["roles"] == {"female": {"victim": 4}, "male": {"victim": 2}}


def test_parts_scanned_in_worker_processes_give_the_same_report(pipeline, rules):
    from awareness_check.parallel import scan_parts_parallel

    nlp, info = pipeline
    document = Document(path="big.txt", text=_text("\r\n"))
    one = scan_document(document, nlp, info, rules, Settings(), part_chars=700)
    two = scan_parts_parallel(Document(path="big.txt", text=_text("\r\n")), Settings(), jobs=2, part_chars=700)
    assert one.stats["parts"] > 3 and len(one.findings) > 10
    assert [f.to_dict() for f in two.findings] == [f.to_dict() for f in one.findings]
    assert two.stats == one.stats


def test_cli_scans_a_text_over_the_part_size_with_whole_text_positions(tmp_path):
    filler = "The regional council met on Tuesday and agreed the budget for the coming year.\r\n\r\n"
    flagged = "Migrant smuggling victims were found in a lorry.\r\n"
    head = filler * (PART_CHARS // len(filler) + 10)
    path = tmp_path / "year.txt"
    path.write_bytes((head + flagged).encode("utf-8"))
    result = CliRunner().invoke(cli, ["scan", "--format", "json", "--fail-on", "never", str(path)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)["documents"][0]
    assert doc["stats"]["parts"] == 2
    trm = [f for f in doc["findings"] if f["rule_id"] == "TRM004"]
    assert [(f["start"], f["line"], f["column"], f["text"]) for f in trm] == [
        (len(head) + len("Migrant "), head.count("\r\n") + 1, len("Migrant ") + 1, "smuggling victims")]
    # --jobs 2 scans the two parts in worker processes: the same report
    jobs = CliRunner().invoke(cli, ["scan", "--format", "json", "--fail-on", "never", "--jobs", "2", str(path)])
    assert jobs.exit_code == 0, jobs.output
    assert json.loads(jobs.output) == json.loads(result.output)


def test_a_scan_leaves_no_docs_for_the_collector(pipeline, rules):
    """Every paragraph's Doc is freed as soon as its report is made: a reference cycle would keep a
    whole part's Docs alive until the collector's next full pass (and memory would grow with it)."""
    import gc

    from spacy.tokens import Doc

    nlp, info = pipeline
    text = "\n\n".join(p for _ in range(3) for p in PARAGRAPHS) + "\n\nAmina Bello, 14, was trafficked to Lagos. She was sold at 13.\n"
    scan_document(Document(path="warm.txt", text=text), nlp, info, rules, Settings())  # lexicons compile once
    gc.collect()
    gc.disable()
    try:
        before = sum(isinstance(o, Doc) for o in gc.get_objects())
        report = scan_document(Document(path="big.txt", text=text), nlp, info, rules, Settings())
        after = sum(isinstance(o, Doc) for o in gc.get_objects())
    finally:
        gc.enable()
    assert {f.rule_id for f in report.findings} >= {"IDR001", "DAT001", "TRM004"}
    assert after == before
