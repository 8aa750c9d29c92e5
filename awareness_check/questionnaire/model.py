"""The toolkit's manual tables (Part 3, 3.1-3.8) as validated data: ``lexicons/checklists/*.yml``.

Three kinds of table, one file each:

- ``checklist`` (3.1 planning and design, 3.8 awareness raising): numbered questions answered
  Yes / No / In part, with a free-text follow-up ("how will this be addressed?").
- ``risks`` (3.2-3.6): the toolkit's example risks with example mitigations; the user rates
  likelihood and impact and adds risks of their own.
- ``advocacy`` (3.7): nine areas with example concerns and advocacy points; the user records
  their own lessons.

Loading refuses malformed data with an error naming the file and the item, like the rule lexicons:
the questionnaire must never show a half-read table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import AwarenessCheckError, LexiconError
from ..findings import CATEGORY_IDS
from ..paths import lexicon_dir
from ..yamlio import load_yaml

KINDS = ("checklist", "risks", "advocacy")
ANSWER_LABELS = {"yes": "Yes", "no": "No", "in-part": "In part"}
LEVELS = ("low", "medium", "high")
LEVEL_LABELS = {"low": "Low", "medium": "Medium", "high": "High"}
AUTOMATED = ("full", "partial", "manual")


def needs_mitigation(likelihood: str | None, impact: str | None) -> bool:
    """The toolkit: "Risk mitigation strategy is to be developed where risk likelihood and impact are
    medium and/or high."

    Read as: likelihood AND impact are each medium or high, in any combination ("and/or" joins the
    two levels, not the two axes): Medium/Medium, Medium/High, High/Medium and High/High need a
    mitigation; a risk rated Low on either axis does not (docs/questionnaire.md says why).
    Unrated axes never require one yet: the risk is listed as not yet assessed instead.
    """
    return likelihood in ("medium", "high") and impact in ("medium", "high")


@dataclass(frozen=True)
class FollowUp:
    text: str
    when: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    number: int
    text: str
    see: tuple[str, ...] = ()
    section: str | None = None  # the toolkit's row heading (3.1: "Framework", ...)
    automated: str = "manual"  # 3.8 only: full | partial | manual
    categories: tuple[str, ...] = ()
    command: str | None = None


@dataclass(frozen=True)
class Risk:
    number: int
    text: str
    mitigation: str  # the toolkit's example risk mitigation strategy
    see: tuple[str, ...] = ()


@dataclass(frozen=True)
class AdvocacyExample:
    concern: str
    advocacy_point: str
    see: tuple[str, ...] = ()


@dataclass(frozen=True)
class AdvocacyArea:
    number: int
    title: str
    see: tuple[str, ...] = ()
    examples: tuple[AdvocacyExample, ...] = ()


@dataclass(frozen=True)
class Checklist:
    id: str
    section: str
    kind: str
    title: str
    file: str
    intro: str = ""
    description: str = ""
    table_title: str = ""
    questions: tuple[Question, ...] = ()
    follow_up: FollowUp | None = None
    answers: tuple[str, ...] = ("yes", "no", "in-part")
    goal_label: str = ""
    goal: str = ""
    hrba_goal: str = ""
    monitoring: str = ""
    monitoring_see: str = ""
    instructions: str = ""
    risks: tuple[Risk, ...] = ()
    purposes: tuple[str, ...] = ()
    columns: dict[str, str] = field(default_factory=dict)
    prompts: dict[str, str] = field(default_factory=dict)
    areas: tuple[AdvocacyArea, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.section} {self.title}"

    @property
    def size(self) -> int:
        """How many things the user answers: questions, example risks or advocacy areas."""
        return len(self.questions) or len(self.risks) or len(self.areas)

    @property
    def unit(self) -> str:
        return {"checklist": "questions", "risks": "example risks", "advocacy": "areas"}[self.kind]

    def question(self, number: int) -> Question | None:
        return next((q for q in self.questions if q.number == number), None)

    def risk(self, number: int) -> Risk | None:
        return next((r for r in self.risks if r.number == number), None)

    def area(self, number: int) -> AdvocacyArea | None:
        return next((a for a in self.areas if a.number == number), None)

    def numbers(self) -> list[int]:
        return [x.number for x in (self.questions or self.risks or self.areas)]


class UnknownChecklist(AwarenessCheckError):
    """``run NAME`` with a name that is not a checklist."""


def checklist_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or lexicon_dir() / "checklists").glob("*.yml"))


@lru_cache(maxsize=4)
def load_checklists(directory: str | None = None) -> dict[str, Checklist]:
    """Every checklist by id, in the toolkit's order (3.1 ... 3.8); LexiconError on the first problem."""
    loaded = [load_checklist_file(p) for p in checklist_files(Path(directory) if directory else None)]
    seen: dict[str, str] = {}
    for c in loaded:
        for key in (c.id, c.section):
            if key in seen:
                raise LexiconError(f"{c.file}: id or section {key!r} is also used by {seen[key]}")
            seen[key] = c.file
    return {c.id: c for c in sorted(loaded, key=lambda c: tuple(int(x) for x in c.section.split(".")))}


def get_checklist(name: str, checklists: dict[str, Checklist] | None = None) -> Checklist:
    """By id ("protection") or by the toolkit's section number ("3.6")."""
    checklists = checklists if checklists is not None else load_checklists()
    key = name.strip().lower()
    for c in checklists.values():
        if key in (c.id, c.section):
            return c
    names = ", ".join(f"{c.id} ({c.section})" for c in checklists.values())
    raise UnknownChecklist(f"no checklist named {name!r}; choose one of: {names}")


class _Reader:
    """Typed access to one YAML mapping, with errors that say where (file: item N: field)."""

    def __init__(self, data: Any, where: str):
        if not isinstance(data, dict):
            raise LexiconError(f"{where}: expected a mapping")
        self.data, self.where = data, where

    def text(self, key: str, *, required: bool = True) -> str:
        value = self.data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            raise LexiconError(f"{self.where}: '{key}' must be a non-empty string")
        return value.strip()

    def number(self, key: str = "number") -> int:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise LexiconError(f"{self.where}: '{key}' must be a positive whole number")
        return value

    def refs(self, key: str = "see") -> tuple[str, ...]:
        """Cross-references ("2.2", "4.3.1", "Annex 3 & 4"): a string or a list of strings."""
        value = self.data.get(key)
        if value is None:
            return ()
        values = [value] if isinstance(value, (str, int, float)) else value
        if not isinstance(values, list) or not all(isinstance(v, (str, int, float)) and str(v).strip() for v in values):
            raise LexiconError(f"{self.where}: '{key}' must be a cross-reference or a list of them")
        return tuple(str(v).strip() for v in values)

    def items(self, key: str) -> list[Any]:
        value = self.data.get(key)
        if not isinstance(value, list) or not value:
            raise LexiconError(f"{self.where}: '{key}' must be a non-empty list")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LexiconError(f"{self.where}: '{key}' must be a list of strings")
        return tuple(value)

    def child(self, value: Any, label: str) -> "_Reader":
        return _Reader(value, f"{self.where}: {label}")


def load_checklist_file(path: Path) -> Checklist:
    where = path.name
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LexiconError(f"{where}: not valid YAML: {' '.join(str(exc).split())}") from None
    top = _Reader(data, where)
    if data.get("schema_version") != 1:
        raise LexiconError(f"{where}: schema_version must be 1")
    kind = data.get("kind")
    if kind not in KINDS:
        raise LexiconError(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
    common = dict(
        id=top.text("id"), section=top.text("section"), kind=kind, title=top.text("title"), file=where,
        intro=top.text("intro", required=False), description=top.text("description", required=False),
        table_title=top.text("table_title", required=False),
    )
    if not all(p.isdigit() for p in common["section"].split(".")):
        raise LexiconError(f"{where}: 'section' must be the toolkit's section number, e.g. \"3.6\"")
    if kind == "checklist":
        checklist = Checklist(**common, **_checklist_parts(top))
    elif kind == "risks":
        checklist = Checklist(**common, **_risk_parts(top))
    else:
        checklist = Checklist(**common, **_advocacy_parts(top))
    _check_numbering(checklist)
    return checklist


def _checklist_parts(top: _Reader) -> dict:
    answers = top.strings("answers") or tuple(ANSWER_LABELS)
    if set(answers) - set(ANSWER_LABELS):
        raise LexiconError(f"{top.where}: 'answers' may only use {', '.join(ANSWER_LABELS)}")
    follow_up = None
    if "follow_up" in top.data:
        fu = top.child(top.data["follow_up"], "follow_up")
        when = fu.strings("when")
        if not when or set(when) - set(answers):
            raise LexiconError(f"{top.where}: follow_up: 'when' must list answers among {', '.join(answers)}")
        follow_up = FollowUp(fu.text("text"), when)
    if "sections" in top.data:
        raw = []
        for s in top.items("sections"):
            sec = top.child(s, "section")
            title = sec.text("title")
            raw.extend((title, q) for q in top.child(s, f"section {title!r}").items("questions"))
    else:
        raw = [(None, q) for q in top.items("items")]
    questions = []
    for section, q in raw:
        r = top.child(q, f"item {q.get('number', '?') if isinstance(q, dict) else '?'}")
        automated = q.get("automated", "manual")
        if automated not in AUTOMATED:
            raise LexiconError(f"{r.where}: 'automated' must be one of {', '.join(AUTOMATED)}")
        categories = r.strings("categories")
        unknown = set(categories) - CATEGORY_IDS
        if unknown:
            raise LexiconError(f"{r.where}: unknown categories {', '.join(sorted(unknown))}")
        questions.append(Question(
            number=r.number(), text=r.text("text"), see=r.refs(), section=section, automated=automated,
            categories=categories, command=q.get("command"),
        ))
    return dict(questions=tuple(questions), follow_up=follow_up, answers=answers)


def _risk_parts(top: _Reader) -> dict:
    monitoring = top.child(top.data.get("monitoring"), "monitoring")
    risks = []
    for raw in top.items("risks"):
        r = top.child(raw, f"risk {raw.get('number', '?') if isinstance(raw, dict) else '?'}")
        risks.append(Risk(number=r.number(), text=r.text("text"), mitigation=r.text("mitigation"), see=r.refs()))
    return dict(
        goal_label=top.text("goal_label"), goal=top.text("goal"), hrba_goal=top.text("hrba_goal"),
        monitoring=monitoring.text("text"), monitoring_see=monitoring.text("see"),
        instructions=top.text("instructions"), risks=tuple(risks),
    )


def _advocacy_parts(top: _Reader) -> dict:
    areas = []
    for raw in top.items("areas"):
        a = top.child(raw, f"area {raw.get('number', '?') if isinstance(raw, dict) else '?'}")
        examples = tuple(
            AdvocacyExample(concern=e.text("concern"), advocacy_point=e.text("advocacy_point"), see=e.refs())
            for e in (a.child(x, f"example {i}") for i, x in enumerate(a.items("examples"), 1))
        )
        areas.append(AdvocacyArea(number=a.number(), title=a.text("title"), see=a.refs(), examples=examples))
    columns, prompts = top.child(top.data.get("columns"), "columns"), top.child(top.data.get("prompts"), "prompts")
    return dict(
        purposes=top.strings("purposes"), areas=tuple(areas),
        columns={k: columns.text(k) for k in ("concern", "advocacy_point")},
        prompts={k: prompts.text(k) for k in ("concern", "advocacy_point")},
    )


def _check_numbering(c: Checklist) -> None:
    """Numbers run 1..N in order: answers files and the scan's checklist_items rely on them."""
    numbers = c.numbers()
    if numbers != list(range(1, len(numbers) + 1)):
        raise LexiconError(f"{c.file}: items must be numbered 1 to {len(numbers)} in order (found {numbers})")
