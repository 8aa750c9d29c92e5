"""YAML loading for the shipped data: libyaml's C parser when present (about 10x faster), safe either way."""
from __future__ import annotations

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    """Parse YAML text with the safe loader (no Python objects), C-accelerated when available."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a SafeLoader subclass
