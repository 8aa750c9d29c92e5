"""``awareness-check flip PATH``: the draft with every character's gender swapped (3.8 item 14).

Plain output is the flipped text and nothing else, so it can be piped, saved or compared; the
swaps that need a human decision are listed on stderr. ``--diff`` marks every swap in place;
``--format json`` gives the text plus every swap with its offsets in the original.
"""
from __future__ import annotations

import json
import sys

import click

from ..documents import read_path
from ..flip import ambiguity_report, flip_document, summary_line, to_dict, word_diff
from ..pipeline import load_pipeline
from .common import user_errors

_COLOURS = {"old": {"fg": "red", "strikethrough": True}, "new": {"fg": "green"}, "ambiguous": {"fg": "yellow", "bold": True}}


@click.command("flip")
@click.argument("path")
@click.option("--diff", is_flag=True, help="Show the original with every swap marked: [-her-]{+him+}; ambiguous ones as {+him/his?+}.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--encoding", help="Decode text inputs with this encoding instead of detecting it.")
@click.option("--model", help="Use this installed spaCy pipeline instead of en_core_web_sm.")
@click.option("-q", "--quiet", is_flag=True, help="Do not list ambiguous swaps on stderr.")
@click.option("--no-color", is_flag=True, help="Never colour the --diff view.")
@user_errors
def flip(path, diff, fmt, output, encoding, model, quiet, no_color):
    """Swap the gender of every character in a draft (.txt, .md, .docx, or - for stdin).

    Read the flipped draft and ask whether it still reads as intended: a woman described by her
    looks and a man by his job stands out once flipped. Pronouns follow their role ("her" ->
    "him" or "his"); names, legal titles and quoted official names stay as they are. Where the
    reading of "her" is uncertain ("offered her work"), the likelier one is used and the swap is
    listed on stderr (marked in --diff and in JSON) for you to check.
    """
    document = read_path(path, encoding=encoding)
    nlp, info = load_pipeline(model)
    result = flip_document(document, nlp, info)
    if fmt == "json":
        payload = {"version": 1, "pipeline": info.name, "statistical": info.statistical, "documents": [to_dict(result)]}
        text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    elif diff:
        color = not output and not no_color and sys.stdout.isatty()
        style = (lambda s, kind: click.style(s, **_COLOURS[kind])) if color else None
        text = word_diff(result, style)
        text += ("" if text.endswith(("\n", "\r")) else "\n") + "--\n" + summary_line(result) + "\n"
        text += "".join(f"  {line}\n" for line in ambiguity_report(result))
    else:
        text = result.text  # exactly the input with the swapped words changed: nothing added
    _write(text, output)
    if fmt == "text" and not diff and not quiet and result.ambiguous:
        n = len(result.ambiguous)
        click.echo(f"awareness-check flip: {n} ambiguous swap{'s' if n != 1 else ''} to check (see --diff):", err=True)
        for line in ambiguity_report(result):
            click.echo(f"  {line}", err=True)


def _write(text: str, output: str | None) -> None:
    """Write UTF-8 bytes as they are (no newline translation, whatever the locale)."""
    data = text.encode("utf-8")
    if output:
        try:
            with open(output, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            from .common import fail

            fail(f"{output}: cannot write ({exc.strerror or exc})")
        return
    if sys.stdout.isatty() and data and not data.endswith(b"\n"):
        data += b"\n"  # only for a terminal: piped output stays exactly the flipped text
    sys.stdout.flush()
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(text)
    else:
        stream.write(data)
        stream.flush()


COMMANDS = [flip]
