"""Reporters format a Report; they decide nothing. One module per format, registered here.

Each format is a module of this package with a ``render(report, **opts) -> str`` function; it is
imported only when used, so a text run never loads Jinja2 or the csv module.
"""
from __future__ import annotations

import importlib
from typing import Callable

from ..findings import Report

Renderer = Callable[..., str]


def _lazy(module: str) -> Renderer:
    def renderer(report: Report, **opts) -> str:
        return importlib.import_module(f"{__name__}.{module}").render(report, **opts)

    renderer.__name__ = f"render_{module}"
    return renderer


RENDERERS: dict[str, Renderer] = {
    "text": _lazy("text"),
    "json": _lazy("json"),
    "markdown": _lazy("markdown"),
    "html": _lazy("html"),
    "csv": _lazy("csv"),
}


def render(report: Report, fmt: str, **opts) -> str:
    return RENDERERS[fmt](report, **opts)
