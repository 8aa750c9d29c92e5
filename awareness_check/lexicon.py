"""Load and validate the rule lexicons (``lexicons/*.yml``).

Lexicons are data, not code: experts edit YAML, and loading refuses anything malformed with an
error that names the file, the rule or entry, and what to fix (retext-equality's generate.js).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import LexiconError
from .findings import CATEGORY_IDS, Severity
from .paths import lexicon_dir
from .yamlio import load_yaml

CODE_RE = re.compile(r"^[A-Z]{3}\d{3}$")
KEBAB_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
KINDS = {"term", "custom"}
CONFIDENCE = {"high", "medium", "low"}
CONTEXT_KEYS = {
    "window",  # sentence (default) | paragraph | an integer token window
    "unless_next", "unless_previous",  # lower-case words right after / before the match
    "require_next", "require_previous",
    "unless_near", "require_near",  # lemmas / lower-case words in the window ('*-born': any X-born)
    "unless_entity",  # the match is (part of) a named entity of these labels
    "unless_title",  # the match sits in a Title Case name ("Isle of Man", "Chair of the ...")
    "pos",  # the match's head has one of these coarse POS tags (needs the tagger)
    "quoted",  # downgrade (default) | drop | keep: what to do inside quotation marks
}
MAX_CHECKLIST_ITEM = 19


@dataclass(frozen=True)
class Source:
    cite: str
    ref: str | None = None  # terminology.md entry id, e.g. "GL-02"
    url: str | None = None


@dataclass(frozen=True)
class Examples:
    flag: tuple[str, ...] = ()
    pass_: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    id: str
    terms: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    inflect: bool = True
    patterns: tuple[tuple[dict, ...], ...] = ()
    suggestions: tuple[str, ...] = ()
    severity: Severity | None = None
    confidence: str = "high"
    context: dict[str, Any] = field(default_factory=dict)
    condition: str | None = None
    note: str | None = None
    message: str | None = None
    examples: Examples = Examples()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    kind: str
    severity: Severity
    checklist: tuple[int, ...]
    summary: str
    message: str
    explanation: str
    sources: tuple[Source, ...]
    entries: tuple[Entry, ...] = ()
    examples: Examples = Examples()
    limitations: str = "None known."
    disputed: bool = False
    file: str = ""

    def entry(self, entry_id: str) -> Entry | None:
        for e in self.entries:
            if e.id == entry_id:
                return e
        return None

    def all_examples(self) -> list[tuple[str | None, Examples]]:
        out: list[tuple[str | None, Examples]] = []
        if self.examples.flag or self.examples.pass_:
            out.append((None, self.examples))
        out.extend((e.id, e.examples) for e in self.entries if e.examples.flag or e.examples.pass_)
        return out


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]

    def __post_init__(self):
        object.__setattr__(self, "_by_code", {r.code: r for r in self.rules})

    def get(self, code: str) -> Rule:
        return self._by_code[code]  # type: ignore[attr-defined]

    def __contains__(self, code: str) -> bool:
        return code in self._by_code  # type: ignore[attr-defined]

    def by_kind(self, kind: str) -> list[Rule]:
        return [r for r in self.rules if r.kind == kind]

    def by_category(self, category: str) -> list[Rule]:
        return [r for r in self.rules if r.category == category]


def rule_files(directory: Path | None = None) -> list[Path]:
    directory = directory or lexicon_dir()
    return sorted(p for p in directory.glob("*.yml"))


@lru_cache(maxsize=4)
def load_rules(directory: str | None = None) -> RuleSet:
    """Load every ``*.yml`` rule file in the lexicon folder; raise LexiconError on the first problem."""
    files = rule_files(Path(directory) if directory else None)
    rules: list[Rule] = []
    for path in files:
        rules.extend(load_rule_file(path))
    _check_unique(rules)
    return RuleSet(tuple(rules))


def load_rule_file(path: Path) -> list[Rule]:
    where = path.name
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LexiconError(f"{where}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: expected a mapping with 'category' and 'rules'")
    if data.get("schema_version") != 1:
        raise LexiconError(f"{where}: schema_version must be 1")
    category = data.get("category")
    if category not in CATEGORY_IDS:
        raise LexiconError(f"{where}: unknown category {category!r} (one of {', '.join(sorted(CATEGORY_IDS))})")
    defaults = data.get("defaults") or {}
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise LexiconError(f"{where}: 'rules' must be a non-empty list")
    return [_rule(where, category, defaults, r) for r in raw_rules]


def _rule(where: str, category: str, defaults: dict, raw: Any) -> Rule:
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: every rule must be a mapping")
    code = raw.get("code")
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise LexiconError(f"{where}: rule code {code!r} must look like ABC123")
    at = f"{where}: {code}"
    name = raw.get("name")
    if not isinstance(name, str) or not KEBAB_RE.match(name):
        raise LexiconError(f"{at}: name {name!r} must be kebab-case")
    kind = raw.get("kind", defaults.get("kind", "term"))
    if kind not in KINDS:
        raise LexiconError(f"{at}: kind must be one of {sorted(KINDS)}")
    for key in ("summary", "message", "explanation"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise LexiconError(f"{at}: missing '{key}'")
    _check_template(at, raw["message"])
    severity = _severity(at, raw.get("severity", defaults.get("severity", "warning")))
    checklist = _checklist(at, raw.get("checklist", defaults.get("checklist")))
    sources = _sources(at, raw.get("sources"), required=True)
    entries = tuple(_entry(at, e) for e in raw.get("entries") or [])
    examples = _examples(at, raw.get("examples"))
    if kind == "term" and not entries:
        raise LexiconError(f"{at}: a 'term' rule needs entries")
    for e in entries:
        if kind == "term" and not (e.terms or e.forms or e.patterns):
            raise LexiconError(f"{at}/{e.id}: entry needs 'terms', 'forms' or 'patterns'")
        if kind == "term" and not (e.examples.flag and e.examples.pass_):
            raise LexiconError(f"{at}/{e.id}: entry needs examples that must flag and must not flag")
    if kind == "custom":
        has_flag = examples.flag or any(e.examples.flag for e in entries)
        has_pass = examples.pass_ or any(e.examples.pass_ for e in entries)
        if not (has_flag and has_pass):
            raise LexiconError(f"{at}: rule needs examples that must flag and must not flag")
    return Rule(
        code=code, name=name, category=category, kind=kind, severity=severity, checklist=checklist,
        summary=raw["summary"].strip(), message=raw["message"].strip(), explanation=" ".join(raw["explanation"].split()),
        sources=sources, entries=entries, examples=examples,
        limitations=" ".join(str(raw.get("limitations") or "None known.").split()),
        disputed=bool(raw.get("disputed", False)), file=where,
    )


def _entry(at: str, raw: Any) -> Entry:
    if not isinstance(raw, dict):
        raise LexiconError(f"{at}: every entry must be a mapping")
    eid = raw.get("id")
    if not isinstance(eid, str) or not KEBAB_RE.match(eid):
        raise LexiconError(f"{at}: entry id {eid!r} must be kebab-case")
    here = f"{at}/{eid}"
    terms = _strings(here, "terms", raw.get("terms"))
    forms = _strings(here, "forms", raw.get("forms"))
    patterns = raw.get("patterns") or []
    if not isinstance(patterns, list) or not all(isinstance(p, list) and p and all(isinstance(t, dict) for t in p) for p in patterns):
        raise LexiconError(f"{here}: 'patterns' must be a list of spaCy token patterns (lists of mappings)")
    context = raw.get("context") or {}
    if not isinstance(context, dict):
        raise LexiconError(f"{here}: 'context' must be a mapping")
    unknown = set(context) - CONTEXT_KEYS
    if unknown:
        raise LexiconError(f"{here}: unknown context key(s) {sorted(unknown)}; known: {sorted(CONTEXT_KEYS)}")
    for key, value in context.items():
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            bad = next(v for v in value if not isinstance(v, str))
            raise LexiconError(f"{here}: context '{key}' holds {bad!r}, not text (quote YAML words like on, off, yes, no)")
    confidence = raw.get("confidence", "high")
    if confidence not in CONFIDENCE:
        raise LexiconError(f"{here}: confidence must be high, medium or low")
    if raw.get("message") is not None:
        _check_template(here, raw["message"])
    return Entry(
        id=eid, terms=terms, forms=forms, inflect=bool(raw.get("inflect", True)),
        patterns=tuple(tuple(p) for p in patterns),
        suggestions=_strings(here, "suggestions", raw.get("suggestions")),
        severity=_severity(here, raw["severity"]) if raw.get("severity") else None,
        confidence=confidence, context=context, condition=raw.get("condition"), note=raw.get("note"),
        message=raw.get("message"), examples=_examples(here, raw.get("examples")),
        sources=_sources(here, raw.get("sources"), required=False),
    )


_ALLOWED_FIELDS = {"match", "suggestion", "suggestions", "value", "reading", "detail"}


def _check_template(at: str, message: str) -> None:
    for name in re.findall(r"{([^}:!]*)", message):
        if name not in _ALLOWED_FIELDS:
            raise LexiconError(f"{at}: message placeholder {{{name}}} unknown; use {sorted(_ALLOWED_FIELDS)}")


def _strings(at: str, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{at}: '{key}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _severity(at: str, value: Any) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError as exc:
        raise LexiconError(f"{at}: {exc}") from None


def _checklist(at: str, value: Any) -> tuple[int, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, int) and 1 <= v <= MAX_CHECKLIST_ITEM for v in value):
        raise LexiconError(f"{at}: 'checklist' must list 3.8 item numbers between 1 and {MAX_CHECKLIST_ITEM}")
    return tuple(value)


def _sources(at: str, value: Any, required: bool) -> tuple[Source, ...]:
    if value is None and not required:
        return ()
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{at}: 'sources' must be a non-empty list of {{cite, ref, url}}")
    out = []
    for s in value:
        if not isinstance(s, dict) or not isinstance(s.get("cite"), str) or not s["cite"].strip():
            raise LexiconError(f"{at}: every source needs a 'cite'")
        out.append(Source(cite=s["cite"].strip(), ref=s.get("ref"), url=s.get("url")))
    return tuple(out)


def _examples(at: str, value: Any) -> Examples:
    if value is None:
        return Examples()
    if not isinstance(value, dict) or set(value) - {"flag", "pass"}:
        raise LexiconError(f"{at}: 'examples' must be a mapping with 'flag' and 'pass' lists")
    return Examples(flag=_strings(at, "examples.flag", value.get("flag")), pass_=_strings(at, "examples.pass", value.get("pass")))


def _check_unique(rules: list[Rule]) -> None:
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    entry_ids: dict[str, str] = {}
    phrases: dict[tuple[str, str], str] = {}
    for r in rules:
        if r.code in codes:
            raise LexiconError(f"{r.file}: duplicate rule code {r.code} (also in {codes[r.code]})")
        codes[r.code] = r.file
        if r.name in names:
            raise LexiconError(f"{r.file}: {r.code}: duplicate rule name {r.name} (also in {names[r.name]})")
        names[r.name] = r.file
        for e in r.entries:
            if e.id in entry_ids:
                raise LexiconError(f"{r.file}: {r.code}/{e.id}: duplicate entry id (also in {entry_ids[e.id]})")
            entry_ids[e.id] = f"{r.file}: {r.code}"
            for t in e.terms + e.forms:
                key = (r.category, t.lower())
                if key in phrases:
                    raise LexiconError(f"{r.file}: {r.code}/{e.id}: phrase {t!r} is already listed in {phrases[key]}")
                phrases[key] = f"{r.code}/{e.id}"
