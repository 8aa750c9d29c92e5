"""What is done and what is still open in one checklist's answers: one place for ``list``, ``run`` and ``report``."""
from __future__ import annotations

from dataclasses import dataclass

from .model import LEVEL_LABELS, Checklist, needs_mitigation
from .store import ChecklistAnswers, RiskAnswer


@dataclass(frozen=True)
class OpenItem:
    ref: str  # "Question 4", "Risk 7", "Added risk 2", "Area 3"
    text: str  # the toolkit's wording (or the user's, for added risks)
    action: str  # what is missing, in the user's terms


def question_done(ca: ChecklistAnswers, number: int) -> bool:
    qa = ca.answers.get(number)
    return bool(qa and qa.answer)


def risk_done(ra: RiskAnswer | None) -> bool:
    """Rated on both axes, with a mitigation wherever the toolkit requires one."""
    if ra is None or not (ra.likelihood and ra.impact):
        return False
    return bool(ra.mitigation) or not needs_mitigation(ra.likelihood, ra.impact)


def lesson_done(ca: ChecklistAnswers, area: int) -> bool:
    return area in ca.areas_done and all(l.advocacy_point for l in ca.lessons if l.area == area)


def progress(c: Checklist, ca: ChecklistAnswers) -> tuple[int, int]:
    """(done, total) over the toolkit's own items; added risks count once the table is finished."""
    if c.kind == "checklist":
        done = sum(question_done(ca, q.number) for q in c.questions)
    elif c.kind == "risks":
        done = sum(risk_done(ca.risks.get(r.number)) for r in c.risks)
    else:
        done = sum(lesson_done(ca, a.number) for a in c.areas)
    return done, c.size


def _rating(ra: RiskAnswer) -> str:
    return f"likelihood {LEVEL_LABELS[ra.likelihood]}, impact {LEVEL_LABELS[ra.impact]}"


def _risk_action(ra: RiskAnswer | None) -> str | None:
    if ra is None or not (ra.likelihood or ra.impact):
        return "not assessed: rate likelihood and impact"
    if not (ra.likelihood and ra.impact):
        return f"rate the {'impact' if ra.likelihood else 'likelihood'}"
    if needs_mitigation(ra.likelihood, ra.impact) and not ra.mitigation:
        return f"needs a risk mitigation strategy ({_rating(ra)})"
    return None


def open_items(c: Checklist, ca: ChecklistAnswers) -> list[OpenItem]:
    """Unanswered questions, gaps (No, or In part without a plan), unrated risks and missing mitigations."""
    items: list[OpenItem] = []
    if c.kind == "checklist":
        for q in c.questions:
            qa = ca.answers.get(q.number)
            if not (qa and qa.answer):
                action = "skipped: not answered yet" if q.number in ca.skipped else "not answered"
            elif qa.answer == "no":
                action = "answered No: plan how this will be addressed"
            elif qa.answer == "in-part" and not qa.how:
                action = "answered In part: say how this will be addressed"
            else:
                continue
            items.append(OpenItem(f"Question {q.number}", q.text, action))
    elif c.kind == "risks":
        for r in c.risks:
            action = _risk_action(ca.risks.get(r.number))
            if action:
                items.append(OpenItem(f"Risk {r.number}", r.text, action))
        for i, ar in enumerate(ca.added, 1):
            action = _risk_action(ar)
            if action:
                items.append(OpenItem(f"Added risk {i}", ar.text, action))
        if not ca.added_done and not ca.added:
            items.append(OpenItem("Additional risks", "Additional risks identified by user", "not yet considered"))
    else:
        for a in c.areas:
            if a.number not in ca.areas_done:
                items.append(OpenItem(f"Area {a.number}", a.title, "not yet reviewed for lessons learnt"))
            for l in ca.lessons:
                if l.area == a.number and not l.advocacy_point:
                    items.append(OpenItem(f"Area {a.number}", l.concern, "add the arguments that persuaded stakeholders"))
    return items
