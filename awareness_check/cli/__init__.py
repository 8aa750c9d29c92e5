"""The ``awareness-check`` command: a click group whose commands live one per module here.

A module adds commands by listing them in ``COMMANDS``; this file never needs to change.
"""
from __future__ import annotations

import importlib
import pkgutil

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "auto_envvar_prefix": "AWARENESS_CHECK"})
@click.version_option(__version__, prog_name="awareness-check")
def cli() -> None:
    """Review awareness material on trafficking in persons and smuggling of migrants.

    Checks drafts against the UNODC toolkit's awareness-raising checklist (Part 3, 3.8):
    legal terms, gender-biased, judgmental, sensationalist and stigmatizing wording,
    stereotypes, identification risks, unsourced figures and readability.
    """


for _mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _mod.name.startswith("_") or _mod.name == "common":
        continue
    for _command in getattr(importlib.import_module(f"{__name__}.{_mod.name}"), "COMMANDS", ()):
        cli.add_command(_command)


def main() -> None:
    cli()
