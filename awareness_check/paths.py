"""Where the shipped data lives: inside the wheel (``_data/``) or at the top of a source checkout."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_root() -> Path:
    packaged = _PACKAGE / "_data"
    if (packaged / "lexicons").is_dir():
        return packaged
    return _PACKAGE.parent


def lexicon_dir() -> Path:
    return data_root() / "lexicons"


def models_dir() -> Path:
    return data_root() / "models"
