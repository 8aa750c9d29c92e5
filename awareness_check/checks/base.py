"""What a check is, and the context it runs in.

A check reads an analysed document and yields findings; it never prints and never decides the
exit code. ``CheckContext.finding`` does the bookkeeping every family needs: offsets back to the
user's text, line and column, message rendering with inflected and cased suggestions.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Protocol

from spacy.tokens import Span

from ..analysis import AnalyzedDocument, Segment
from ..findings import Finding, Severity
from ..gates import gate_of
from ..lexicon import Entry, Rule, RuleSet
from ..settings import Settings
from ..textforms import fit_case, inflect_like


class Check(Protocol):
    """One family's logic. ``codes`` are the rules it produces (for validation and selection)."""

    codes: tuple[str, ...]

    def run(self, ctx: "CheckContext") -> Iterable[Finding]: ...


@dataclass
class CheckContext:
    adoc: AnalyzedDocument
    rules: RuleSet
    settings: Settings
    stats: dict = field(default_factory=dict)  # families add document statistics here
    gated: bool = True  # False: every check sees every paragraph (the reference for tests/bench)
    # The whole document when ``adoc`` is a check's gated view (see ``for_check``).
    whole: AnalyzedDocument | None = None
    _views: dict = field(default_factory=dict, repr=False)

    @property
    def info(self):
        return self.adoc.info

    @property
    def segments(self) -> list[Segment]:
        """The paragraphs this check reads: those its gate opens (gates.py), else all."""
        return self.adoc.segments

    @property
    def document_segments(self) -> list[Segment]:
        """Every paragraph, for document-level decisions (the first sentence, the whole draft's audience)."""
        return (self.whole or self.adoc).segments

    def for_check(self, check) -> "CheckContext":
        """The context ``check`` runs in: the same rules, settings and stats, but only the
        paragraphs its gate opens. Paragraphs no check opens are never tokenised."""
        gate = gate_of(check)
        if gate is None or not self.gated:
            return self
        view = self._views.get(id(gate))
        if view is None:
            whole = self.whole or self.adoc
            answers = whole.segments[0].answers if whole.segments else None
            if answers is not None and all(seg.answers is answers for seg in whole.segments):
                segments = answers.opened_segments(gate, whole.segments)
            else:
                segments = [seg for seg in whole.segments if seg.opened(gate)]
            view = CheckContext(replace(whole, segments=segments), self.rules, self.settings, self.stats, True, whole, self._views)
            self._views[id(gate)] = view
        return view

    def close(self) -> None:
        """Drop the gated views. They share one cache that holds them all, a reference cycle that
        would keep every paragraph's Doc alive until the collector's next full pass."""
        self._views.clear()

    def enabled(self, code: str) -> bool:
        return code in self.rules and self.settings.selects(self.rules.get(code))

    def finding(
        self,
        rule: Rule | str,
        segment: Segment,
        span: Span | tuple[int, int],
        *,
        entry: Entry | None = None,
        suggestions: Iterable[str] | None = None,
        severity: Severity | None = None,
        confidence: str | None = None,
        message: str | None = None,
        note: str | None = None,
        **fields: str,
    ) -> Finding:
        """Build a Finding for a Doc span (or Doc character range) of ``segment``."""
        if isinstance(rule, str):
            rule = self.rules.get(rule)
        if isinstance(span, Span):
            start_char, end_char = span.start_char, span.end_char
        else:
            start_char, end_char = span
        start, end = self.adoc.original_range(segment, start_char, end_char)
        document = self.adoc.document
        text = document.text[start:end]
        line, column = document.line_col(start)
        match_text = segment.text[start_char:end_char]
        if suggestions is None:
            suggestions = entry.suggestions if entry else ()
        fitted = tuple(dict.fromkeys(fit_case(inflect_like(s, match_text), match_text) for s in suggestions))
        template = message or (entry.message if entry and entry.message else None) or rule.message
        rendered = render_message(template, match=match_text, suggestions=fitted, **fields)
        return Finding(
            rule_id=rule.code,
            rule_name=rule.name,
            category=rule.category,
            checklist_items=rule.checklist,
            severity=severity or (entry.severity if entry and entry.severity else None) or rule.severity,
            start=start,
            end=end,
            line=line,
            column=column,
            text=text,
            message=rendered,
            suggestions=fitted,
            entry_id=entry.id if entry else None,
            confidence=confidence or (entry.confidence if entry else "high"),
            note=note,
        )


class _Default(dict):
    def __missing__(self, key):
        return ""


def render_message(template: str, *, match: str, suggestions: tuple[str, ...] = (), **fields: str) -> str:
    values = _Default(fields)
    values["match"] = match
    values["suggestion"] = suggestions[0] if suggestions else ""
    values["suggestions"] = " or ".join(f"'{s}'" for s in suggestions)
    text = template.format_map(values)
    if not suggestions:
        # "Consider '' instead of 'x'." reads badly: templates may carry an alternative phrasing.
        text = text.replace("Consider '' instead of", "Consider rephrasing").replace(" ''", "")
    return text
