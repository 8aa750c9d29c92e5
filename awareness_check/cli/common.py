"""What every command shares: turning user-fixable errors into one line and exit code 2."""
from __future__ import annotations

import functools
import sys

import click

from ..errors import AwarenessCheckError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> None:
    click.echo(f"awareness-check: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def user_errors(func):
    """Bad input, config or lexicon: one line on stderr naming the file and the reason, exit 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except AwarenessCheckError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            click.echo("awareness-check: interrupted", err=True)
            sys.exit(130)
        except MemoryError:
            fail("out of memory while reading the input")

    return wrapper


def write_output(text: str, output: str | None) -> None:
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        except OSError as exc:
            fail(f"{output}: cannot write ({exc.strerror or exc})")
    else:
        click.echo(text, nl=False)
