"""``awareness-check scan``: the main job."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..api import check_paths, preload
from ..findings import Severity
from ..pipeline import load_pipeline
from ..redact import check_redact_target, redact_path
from ..reports import RENDERERS, render
from ..reports.annotate import annotate, check_annotate_target
from ..settings import AUDIENCES, load_settings, validate_fail_on, validate_selector
from .common import EXIT_FINDINGS, EXIT_OK, user_errors, write_output


@click.command("scan")
@click.argument("paths", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text", show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to this file instead of stdout.")
@click.option("--select", multiple=True, help="Only these categories, rule codes or code prefixes (repeatable).")
@click.option("--ignore", multiple=True, help="Skip these categories, rule codes or code prefixes (repeatable).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "suggestion", "never"]), default=None, help="Exit 1 when a finding at this level or above exists [default: warning].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Settings file (default: .awareness-check.toml or [tool.awareness-check] in pyproject.toml).")
@click.option("--encoding", help="Decode text inputs with this encoding instead of detecting it.")
@click.option("--model", help="Use this installed spaCy pipeline instead of en_core_web_sm.")
@click.option("--audience", type=click.Choice(AUDIENCES), default=None, help="Who the material is for (readability targets).")
@click.option("--no-color", is_flag=True, help="Never colour the text report.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Scan files in this many processes (helps only with many files and spare cores).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or notices on stderr.")
@click.option("--annotate", "annotate_path", type=click.Path(dir_okay=False), help="Also write a Word copy of the draft (.docx) with a comment on every flagged phrase.")
@click.option("--force", is_flag=True, help="Let --annotate overwrite an existing file.")
@click.option("--redact", "redact_out", type=click.Path(dir_okay=False), help="Also write a copy of the draft (same format) with identifying details replaced by [NAME], [AGE], [PLACE] ...; never overwrites a file.")
@user_errors
def scan(paths, fmt, output, select, ignore, fail_on, config_path, encoding, model, audience, no_color, jobs, quiet, annotate_path, force, redact_out):
    """Check drafts (.txt, .md, .docx, folders, or - for stdin) and report flagged phrases.

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad input.
    """
    settings = load_settings(Path(config_path) if config_path else None)
    for s in select + ignore:
        validate_selector(s)
    settings = settings.with_overrides(
        select=tuple(select), ignore=tuple(ignore), fail_on=fail_on, encoding=encoding, model=model, audience=audience,
    )
    validate_fail_on(settings.fail_on)
    if annotate_path:
        check_annotate_target(list(paths), annotate_path, force=force)
    if redact_out:
        check_redact_target(list(paths), redact_out)
    preload(settings)
    with progress_bar(enabled=not quiet and sys.stderr.isatty()) as progress:
        report = check_paths(list(paths), config=settings, jobs=jobs, progress=progress)
    color = fmt == "text" and not output and not no_color and sys.stdout.isatty()
    write_output(render(report, fmt, color=color, settings=settings), output)
    if annotate_path:
        done = annotate(report, annotate_path, settings=settings, force=force)
        click.echo(f"awareness-check: wrote {done.path} ({done.summary})", err=True)
    if redact_out:
        nlp, info = load_pipeline(settings.model, quiet=True)
        count = redact_path(paths[0], redact_out, nlp, info, settings)
        limited = "" if info.statistical else "; without the English model only contact details and shelter addresses were searched"
        click.echo(f"awareness-check: wrote {redact_out} ({count} detail(s) replaced{limited})", err=True)
    sys.exit(exit_code(report, settings.fail_on))


class progress_bar:
    """A progress bar on stderr for runs over several files, only on a terminal and never with --quiet."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar = None

    def __enter__(self):
        return self.update if self.enabled else None

    def update(self, done: int, total: int) -> None:
        if total < 2:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="Scanning", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(1)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
        return False


def exit_code(report, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    worst = report.max_severity()
    return EXIT_FINDINGS if worst is not None and worst >= Severity.parse(fail_on) else EXIT_OK


COMMANDS = [scan]
