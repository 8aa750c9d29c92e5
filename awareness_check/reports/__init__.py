"""Reporters format a Report; they decide nothing. One module per format, registered here."""
from __future__ import annotations

from typing import Callable

from ..findings import Report

Renderer = Callable[..., str]


def _text(report: Report, **opts) -> str:
    from .text import render

    return render(report, **opts)


def _json(report: Report, **opts) -> str:
    from .json import render

    return render(report, **opts)


RENDERERS: dict[str, Renderer] = {"text": _text, "json": _json}


def render(report: Report, fmt: str, **opts) -> str:
    return RENDERERS[fmt](report, **opts)
