"""The command line as a user meets it: formats, exit codes, selection, settings, bad input."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from awareness_check.cli import cli

DRAFT = "Ask the chairman about safe migration.\nManpower agencies recruit abroad.\n"


@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "poster.txt"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def test_json_matches_the_contract(draft):
    result = run("scan", draft, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["version"] == 1
    doc = data["documents"][0]
    assert doc["path"] == str(draft) and "words" in doc["stats"]
    f = doc["findings"][0]
    for key in ("rule_id", "rule_name", "category", "checklist_items", "severity", "start", "end", "line", "column", "text", "message", "suggestions"):
        assert key in f
    assert f["text"] == "chairman" and DRAFT[f["start"]:f["end"]] == "chairman"
    assert (f["line"], f["column"]) == (1, 9)


def test_text_report_marks_the_phrase(draft):
    result = run("scan", draft)
    assert f"{draft}:1:9: GEN001 gendered-role-noun" in result.stdout
    assert "        ^^^^^^^^" in result.stdout
    assert "instead: chair, chairperson" in result.stdout


def test_exit_codes_follow_fail_on(draft, tmp_path):
    assert run("scan", draft, "--fail-on", "never").exit_code == 0
    assert run("scan", draft, "--fail-on", "error").exit_code == 0
    assert run("scan", draft, "--fail-on", "warning").exit_code == 1
    clean = tmp_path / "clean.txt"
    clean.write_text("Ask the chair about safe migration.\n", encoding="utf-8")
    assert run("scan", clean).exit_code == 0


def test_select_and_ignore(draft):
    ignored = json.loads(run("scan", draft, "-f", "json", "--ignore", "GEN001").stdout)
    assert all(f["rule_id"] != "GEN001" for f in ignored["documents"][0]["findings"])
    selected = json.loads(run("scan", draft, "-f", "json", "--select", "GEN00").stdout)
    assert {f["category"] for f in selected["documents"][0]["findings"]} == {"gendered-language"}
    none = json.loads(run("scan", draft, "-f", "json", "--select", "terminology").stdout)
    assert all(f["category"] == "terminology" for f in none["documents"][0]["findings"])


def test_stdin_and_output_file(tmp_path):
    out = tmp_path / "report.json"
    result = run("scan", "-", "-f", "json", "-o", out, input=DRAFT)
    assert result.exit_code == 1 and result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"][0]["path"] == "-"


def test_settings_file_accept_and_reject(draft, tmp_path):
    cfg = tmp_path / "settings.toml"
    cfg.write_text('accept = ["chairman"]\nreject = ["abroad"]\nfail-on = "error"\n', encoding="utf-8")
    result = run("scan", draft, "-f", "json", "--config", cfg)
    found = json.loads(result.stdout)["documents"][0]["findings"]
    assert "chairman" not in [f["text"] for f in found]
    assert "abroad" in [f["text"] for f in found]
    assert result.exit_code == 0  # fail-on error from the file


def test_pyproject_table_is_discovered(draft, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.awareness-check]\nignore = ["gendered-language"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = json.loads(run("scan", draft, "-f", "json").stdout)["documents"][0]["findings"]
    assert all(f["category"] != "gendered-language" for f in found)
    assert json.loads(run("scan", draft, "-f", "json", "--config", tmp_path / "pyproject.toml").stdout)["documents"][0]["findings"] == found


@pytest.mark.parametrize(
    "make,reason",
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(b"\x00\x01\x02" * 300), "binary file"),
        (lambda p: p.write_bytes(b"\xef\xbb\xbf\xff\xfe broken"), "not valid"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, make, reason):
    p = tmp_path / "draft.txt"
    make(p)
    result = run("scan", p)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(p) in lines[0] and reason in lines[0]
    assert "Traceback" not in result.output


def test_bad_config_is_exit_2(draft, tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text("colour = true\n", encoding="utf-8")
    result = run("scan", draft, "--config", cfg)
    assert result.exit_code == 2 and "unknown setting" in result.stderr


def test_rules_and_explain():
    listing = run("rules", "--format", "json")
    rules = json.loads(listing.stdout)
    assert any(r["rule_id"] == "GEN001" for r in rules)
    page = run("explain", "gen001").stdout
    for section in ("## What it flags", "## Why it matters", "## Example", "## Use instead", "## Known limitations", "## Sources"):
        assert section in page
    assert run("explain", "XYZ999").exit_code == 2


def test_every_command_has_help():
    for name, command in cli.commands.items():
        assert command.help, name
        assert run(name, "--help").exit_code == 0


def test_jobs_give_identical_results(tmp_path):
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(f"Draft {i}: ask the chairman.\n\nMankind {i}.\n", encoding="utf-8")
    one = run("scan", tmp_path, "-f", "json", "--jobs", "1").stdout
    two = run("scan", tmp_path, "-f", "json", "--jobs", "2").stdout
    assert one == two and len(json.loads(one)["documents"]) == 3
