"""Settings from ``.awareness-check.toml`` or ``[tool.awareness-check]`` in pyproject.toml, then the CLI.

Selection follows ruff: ``select``/``ignore`` take a category id, a rule code, or a code prefix.
Vocabularies follow Vale: ``accept`` words are never flagged, ``reject`` words always are.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .findings import CATEGORY_IDS, Severity

AUDIENCES = ("general", "youth", "professional")
KNOWN_KEYS = {"select", "ignore", "fail-on", "accept", "reject", "audience", "model", "encoding", "min-severity"}


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"  # error | warning | suggestion | never
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    audience: str = "general"
    model: str | None = None
    encoding: str | None = None
    min_severity: Severity = Severity.SUGGESTION
    source: str | None = None  # the file the settings came from, for messages

    def selects(self, rule) -> bool:
        """True when the rule is selected and not ignored (category, code or code prefix)."""
        def hits(keys):
            return any(k == rule.category or rule.code.startswith(k.upper()) or k == rule.name for k in keys)

        if self.select and not hits(self.select):
            return False
        return not hits(self.ignore)

    def with_overrides(self, **changes: Any) -> "Settings":
        changes = {k: v for k, v in changes.items() if v not in (None, ())}
        return replace(self, **changes)


def find_config(start: Path | None = None) -> Path | None:
    """Nearest ``.awareness-check.toml``, else a pyproject.toml with a [tool.awareness-check] table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / ".awareness-check.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
            if "awareness-check" in data.get("tool", {}):
                return pyproject
    return None


def load_settings(path: Path | None = None, *, discover: bool = True) -> Settings:
    if path is None and discover:
        path = find_config()
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    if Path(path).name == "pyproject.toml":
        data = data.get("tool", {}).get("awareness-check", {})
    return settings_from_mapping(data, str(path))


def settings_from_mapping(data: dict, where: str) -> Settings:
    unknown = set(data) - KNOWN_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(KNOWN_KEYS))}")

    def words(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: '{key}' must be a list of strings")
        return tuple(value)

    fail_on = str(data.get("fail-on", "warning"))
    validate_fail_on(fail_on, where)
    audience = str(data.get("audience", "general"))
    if audience not in AUDIENCES:
        raise ConfigError(f"{where}: audience must be one of {', '.join(AUDIENCES)}")
    selectors = words("select") + words("ignore")
    for s in selectors:
        validate_selector(s, where)
    try:
        min_sev = Severity.parse(str(data.get("min-severity", "suggestion")))
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    return Settings(
        select=words("select"), ignore=words("ignore"), fail_on=fail_on, accept=words("accept"),
        reject=words("reject"), audience=audience, model=data.get("model"), encoding=data.get("encoding"),
        min_severity=min_sev, source=where,
    )


def validate_fail_on(value: str, where: str = "--fail-on") -> None:
    if value not in ("error", "warning", "suggestion", "never"):
        raise ConfigError(f"{where}: fail-on must be error, warning, suggestion or never (got {value!r})")


def validate_selector(value: str, where: str = "--select/--ignore") -> None:
    if value in CATEGORY_IDS:
        return
    if value[:1].isalpha() and value.replace("-", "").isalnum():
        return
    raise ConfigError(f"{where}: {value!r} is not a category, rule code or code prefix")
