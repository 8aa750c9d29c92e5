"""``awareness-check questionnaire``: the toolkit's manual checklists (3.1-3.8), guided and resumable."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..questionnaire.model import get_checklist, load_checklists
from ..questionnaire.status import open_items, progress
from ..questionnaire.store import load_answers
from .common import fail, user_errors, write_output

_ANSWERS_HELP = "Answers file (.json, or .yml/.yaml for YAML); created if missing, saved after every answer."


@click.group("questionnaire")
def questionnaire() -> None:
    """The toolkit's manual checklists: planning (3.1), risk tables (3.2-3.6), advocacy (3.7), awareness (3.8).

    \b
    awareness-check questionnaire list
    awareness-check questionnaire run protection --answers answers.json
    awareness-check questionnaire report --answers answers.json --format markdown
    awareness-check questionnaire template planning -o planning.yml
    """


@questionnaire.command("list")
@click.option("--answers", "answers_path", type=click.Path(dir_okay=False), help="Show progress from this answers file.")
@user_errors
def list_command(answers_path):
    """Show the checklists, their size and (with --answers) progress and open items."""
    checklists = load_checklists()
    answers = load_answers(answers_path, checklists, must_exist=True) if answers_path else None
    for c in checklists.values():
        line = f"{c.id:<17} {c.section}  {c.title}  ({c.size} {c.unit})"
        if answers is not None:
            ca = answers.checklists.get(c.id)
            if ca is None or ca.is_empty():
                line += "  - not started"
            else:
                done, total = progress(c, ca)
                line += f"  - {done}/{total} done, {len(open_items(c, ca))} open"
        click.echo(line)


@questionnaire.command("run")
@click.argument("name")
@click.option("--answers", "answers_path", required=True, type=click.Path(dir_okay=False), help=_ANSWERS_HELP)
@click.option("--draft", type=click.Path(exists=True, dir_okay=False), help="3.8 only: scan this draft and pre-fill the items the scan answers.")
@click.option("--review", is_flag=True, help="Ask every question again, with the saved answers as defaults.")
@user_errors
def run_command(name, answers_path, draft, review):
    """Answer checklist NAME (e.g. planning, protection, awareness, or 3.6) one question at a time.

    Every answer is saved at once; run the same command again to continue where you stopped.
    """
    from ..questionnaire.session import Session

    checklists = load_checklists()
    checklist = get_checklist(name, checklists)
    answers = load_answers(answers_path, checklists)
    scan = None
    if draft:
        if checklist.id != "awareness":
            fail(f"--draft applies to the awareness checklist (3.8), not {checklist.id}")
        from ..questionnaire.prefill import scan_draft

        scan = scan_draft(draft, checklist)
    try:
        Session(checklist, answers, review=review, scan=scan, draft=draft or "").run()
    except click.Abort:  # Ctrl-C or end of input inside a prompt
        click.echo(f"\nStopped. Your answers so far are saved in {answers_path}; run the same command to continue.", err=True)
        sys.exit(130)


@questionnaire.command("report")
@click.option("--answers", "answers_path", required=True, type=click.Path(dir_okay=False), help="The answers file (JSON or YAML).")
@click.option("-f", "--format", "fmt", type=click.Choice(["markdown", "html", "docx"]), default="markdown", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout (required for docx).")
@click.option("--checklist", "names", multiple=True, help="Only this checklist (repeatable); default: every one started.")
@user_errors
def report_command(answers_path, fmt, output, names):
    """The answered checklists as tables, a likelihood-impact matrix per risk table, and the open items."""
    from ..questionnaire.report import build_report, render

    checklists = load_checklists()
    answers = load_answers(answers_path, checklists, must_exist=True)
    selected = [get_checklist(n, checklists) for n in names] or None
    blocks = build_report(checklists, answers, selected)
    if fmt == "docx":
        if not output:
            fail("--format docx writes a Word file: give it a name with -o report.docx")
        try:
            render(blocks, "docx", output=Path(output))
        except OSError as exc:
            fail(f"{output}: cannot write ({exc.strerror or exc})")
        click.echo(f"Wrote {output}", err=True)
        return
    write_output(render(blocks, fmt), output)


@questionnaire.command("template")
@click.argument("name")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (.yml) instead of stdout.")
@user_errors
def template_command(name, output):
    """A blank YAML answers file for checklist NAME, with the toolkit's wording as comments.

    For teams filling the checklist in elsewhere; `report --answers FILE` reads it back.
    """
    from ..questionnaire.template import blank_answers

    write_output(blank_answers(get_checklist(name, load_checklists())), output)


COMMANDS = [questionnaire]
