"""Finding, Severity, Category and Report: the records every check produces and every reporter reads."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """Vale's three levels; ordered so ``>=`` compares seriousness."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use suggestion, warning or error)") from None

    def __str__(self) -> str:
        return self.name.lower()


class Category(str, enum.Enum):
    """The fixed category ids of DESIGN.md."""

    TERMINOLOGY = "terminology"
    GENDERED_LANGUAGE = "gendered-language"
    JUDGMENTAL = "judgmental"
    SENSATIONALIST = "sensationalist"
    STIGMATIZING = "stigmatizing"
    STEREOTYPE = "stereotype"
    IDENTIFICATION_RISK = "identification-risk"
    UNSOURCED_DATA = "unsourced-data"
    READABILITY = "readability"

    def __str__(self) -> str:
        return self.value


CATEGORY_IDS = frozenset(c.value for c in Category)


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged span. ``start``/``end`` index the decoded document text."""

    rule_id: str
    rule_name: str
    category: str
    checklist_items: tuple[int, ...]
    severity: Severity
    start: int
    end: int
    line: int
    column: int
    text: str
    message: str
    suggestions: tuple[str, ...] = ()
    entry_id: str | None = None
    confidence: str = "high"
    note: str | None = None  # extra context for the reviewer (e.g. "inside a quotation")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule_id": self.rule_id,
            "rule_name": self.rule_name,
            "category": self.category,
            "checklist_items": list(self.checklist_items),
            "severity": str(self.severity),
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }
        if self.entry_id is not None:
            data["entry_id"] = self.entry_id
        data["confidence"] = self.confidence
        if self.note:
            data["note"] = self.note
        return data

    @property
    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule_id, self.entry_id or "")


@dataclass(slots=True)
class DocumentReport:
    """Findings and statistics for one input document."""

    path: str
    text: str
    findings: list[Finding] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    source_format: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "stats": self.stats,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(slots=True)
class Report:
    """The result of one run: a document report per input, plus how the run was made."""

    documents: list[DocumentReport] = field(default_factory=list)
    pipeline: str = ""  # which English pipeline ran, e.g. "en_core_web_sm 3.8.0" or "blank fallback"
    notices: list[str] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    def to_dict(self) -> dict[str, Any]:
        return {"version": 1, "documents": [d.to_dict() for d in self.documents]}

    def max_severity(self) -> Severity | None:
        levels = [f.severity for f in self.findings]
        return max(levels) if levels else None
