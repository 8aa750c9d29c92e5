"""Check families. Each module in this package owns one family and exposes ``CHECKS``.

Adding a family means adding a module here and a lexicon file; nothing else changes (the
registry below discovers modules, reporters read findings only). Give each check a ``gate`` and
``wants`` (docs/speed.md), or it reads, and has analysed, every paragraph.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from .base import Check, CheckContext

__all__ = ["Check", "CheckContext", "all_checks"]


@lru_cache(maxsize=1)
def all_checks() -> tuple[Check, ...]:
    found: list[Check] = []
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if mod.name in ("base", "context") or mod.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{mod.name}")
        found.extend(getattr(module, "CHECKS", ()))
    return tuple(found)
