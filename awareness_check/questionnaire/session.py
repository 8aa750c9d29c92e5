"""The interactive questionnaire: one question at a time, every answer saved at once, resumable.

Each answer is written to the answers file before the next question is shown (store.save_answers
is atomic), so Ctrl-C, a closed terminal or a killed process loses nothing; running the same
command again starts at the first question still open. Typing ``s`` skips a question (asked again
at the end, or next time), ``q`` saves and stops.
"""
from __future__ import annotations

import textwrap

import click

from .model import ANSWER_LABELS, LEVEL_LABELS, Checklist, Question, needs_mitigation
from .prefill import ScanResult
from .status import open_items, progress, question_done, risk_done
from .store import AddedRisk, Answers, ChecklistAnswers, Lesson, QuestionAnswer, RiskAnswer, save_answers

SKIP, QUIT = "skip", "quit"
_CONTROL = {"s": SKIP, "skip": SKIP, "q": QUIT, "quit": QUIT}
_ANSWER_KEYS = {"y": "yes", "yes": "yes", "n": "no", "no": "no", "p": "in-part", "in part": "in-part", "in-part": "in-part", "part": "in-part"}
_LEVEL_KEYS = {"h": "high", "high": "high", "m": "medium", "medium": "medium", "l": "low", "low": "low"}
_YES_NO = {"y": True, "yes": True, "n": False, "no": False}
_KEY_OF = {"yes": "y", "no": "n", "in-part": "p", "high": "h", "medium": "m", "low": "l", True: "y", False: "n"}


class _Quit(Exception):
    """The user typed q: everything is already saved."""


class _Keys(click.ParamType):
    """Single-letter answers with their long forms; anything else re-asks with a hint."""

    name = "answer"

    def __init__(self, keys: dict, hint: str):
        self.keys, self.hint = keys, hint

    def convert(self, value, param, ctx):
        if not isinstance(value, str):
            return value
        key = value.strip().lower()
        if key in self.keys:
            return self.keys[key]
        self.fail(f"please type {self.hint}", param, ctx)


def _wrap(text: str, indent: str = "  ", hanging: str | None = None) -> str:
    paras = [p for p in text.split("\n\n") if p.strip()]
    later = indent if hanging is None else hanging
    return "\n\n".join(textwrap.fill(p, width=92, initial_indent=indent, subsequent_indent=later, break_on_hyphens=False) for p in paras)


def _see(refs: tuple[str, ...]) -> str:
    return f" (see {', '.join(refs)})" if refs else ""


class Session:
    """Ask the open items of one checklist and save after every answer."""

    def __init__(self, checklist: Checklist, answers: Answers, *, review: bool = False,
                 scan: dict[int, ScanResult] | None = None, draft: str = ""):
        self.c = checklist
        self.answers = answers
        self.ca: ChecklistAnswers = answers.for_checklist(checklist.id)
        self.review = review  # ask everything again, with the saved answers as defaults
        self.scan = scan or {}
        self.draft = draft

    # --- plumbing -------------------------------------------------------------------------

    def save(self) -> None:
        save_answers(self.answers)

    def ask(self, text: str, keys: dict, hint: str, default=None, control: bool = True):
        allowed = {**keys, **_CONTROL} if control else keys
        shown = f"{text} [{hint}{', s=skip, q=quit' if control else ''}]"
        value = click.prompt(shown, type=_Keys(allowed, hint), default=_KEY_OF.get(default, default), show_default=default is not None)
        if value == QUIT:
            raise _Quit
        return value

    def ask_text(self, text: str, *, default: str = "", required: bool = False) -> str:
        """Free text; Enter keeps ``default``. ``required`` re-asks until something is typed."""
        while True:
            value = click.prompt(text.rstrip(":"), default=default, show_default=False).strip()
            if value or not required:
                return value
            click.echo("  This one needs an answer (or press Ctrl-C to stop; your answers are saved).")

    def run(self) -> bool:
        """True when the checklist is complete; False when the user stopped with q."""
        self.header()
        try:
            {"checklist": self.run_checklist, "risks": self.run_risks, "advocacy": self.run_advocacy}[self.c.kind]()
        except _Quit:
            click.echo(f"\nSaved to {self.answers.path}. Run the same command again to continue where you stopped.")
            return False
        self.footer()
        return True

    def header(self) -> None:
        done, total = progress(self.c, self.ca)
        click.echo(click.style(f"{self.c.label}", bold=True))
        state = "starting" if self.ca.is_empty() else "resuming"
        click.echo(f"{done} of {total} {self.c.unit} done; {state}. Answers are saved to {self.answers.path} after every answer.")
        click.echo("Type s to skip a question, q to save and stop (Ctrl-C is safe too).\n")

    def footer(self) -> None:
        done, total = progress(self.c, self.ca)
        missing = open_items(self.c, self.ca)
        click.echo(f"\n{self.c.label}: {done} of {total} {self.c.unit} done, {len(missing)} open item(s).")
        click.echo(f"Report: awareness-check questionnaire report --answers {self.answers.path} --format markdown")

    # --- 3.1 and 3.8: Yes / No / In part --------------------------------------------------

    def run_checklist(self) -> None:
        c, ca = self.c, self.ca
        if c.intro:
            click.echo(_wrap(c.intro, "") + "\n")
        self.apply_scan()
        if not self.scan and any(q.automated != "manual" for q in c.questions):
            click.echo("Tip: with --draft DRAFT the scan answers the items it can check in the text.\n")
        first = [q for q in c.questions if self.review or not (question_done(ca, q.number) or q.number in ca.skipped)]
        if self.scan and not self.review:  # the scan answered these; the person answers the rest
            first = [q for q in first if not self.answered_by_scan(q)]
        section = None
        for q in first:
            if q.section and q.section != section:
                section = q.section
                click.echo(click.style(f"\n{section}", underline=True))
            self.ask_question(q)
        self.revisit_skipped([q for q in c.questions if q.number in ca.skipped and not question_done(ca, q.number)], self.ask_question)

    def answered_by_scan(self, q: Question) -> bool:
        qa = self.ca.answers.get(q.number)
        return bool(qa and qa.source == "scan" and qa.answer)

    def apply_scan(self) -> None:
        """Fully automated items take the scan's answer (a person's answer is never overwritten)."""
        if not self.scan:
            return
        self.ca.draft = self.draft
        click.echo(f"Scan of {self.draft}:")
        answered = 0
        for q in self.c.questions:
            result = self.scan.get(q.number)
            if result is None:
                continue
            qa = self.ca.answers.setdefault(q.number, QuestionAnswer())
            qa.scan = result.note
            if q.automated == "full" and result.answer and (qa.source == "scan" or not qa.answer):
                qa.answer, qa.source = result.answer, "scan"
                answered += 1
                click.echo(f"  {q.number}. {ANSWER_LABELS[result.answer]}: {result.note}")
        if not answered:
            click.echo("  No item could be answered from the text alone (its results are shown with the items below).")
        self.save()
        click.echo("The scan reads the text only; the remaining items need a person.\n")

    def ask_question(self, q: Question) -> None:
        c, ca = self.c, self.ca
        qa = ca.answers.get(q.number) or QuestionAnswer()
        click.echo(f"\n[{q.number}/{len(c.questions)}] {q.text}{_see(q.see)}")
        default = qa.answer
        if qa.scan:
            click.echo(_wrap(f"Scan of the draft: {qa.scan}"))
            result = self.scan.get(q.number)
            default = default or (result.answer if result else None)
        hint = "/".join(f"{_KEY_OF[a]}={ANSWER_LABELS[a]}" for a in c.answers)
        answer = self.ask("  Answer", {k: v for k, v in _ANSWER_KEYS.items() if v in c.answers}, hint, default=default)
        if answer == SKIP:
            ca.skipped.add(q.number)
            self.save()
            return
        ca.skipped.discard(q.number)
        qa.answer, qa.source = answer, "person"
        ca.answers[q.number] = qa
        self.save()
        if c.follow_up and answer in c.follow_up.when:
            qa.how = self.ask_text(f"  {c.follow_up.text} (Enter to leave blank)", default=qa.how)
            self.save()

    def revisit_skipped(self, pending: list, ask) -> None:
        if not pending:
            return
        again = self.ask(f"\nYou skipped {len(pending)}. Go back to them now?", _YES_NO, "y/n", default=False, control=False)
        if again:
            for item in pending:
                ask(item)

    # --- 3.2-3.6: risk tables -------------------------------------------------------------

    def run_risks(self) -> None:
        c, ca = self.c, self.ca
        click.echo(_wrap(f"{c.goal_label}: {c.goal}", ""))
        click.echo(_wrap(f"HRBA / gender goal: {c.hrba_goal}", ""))
        click.echo(_wrap(f"Monitoring and evaluation: {c.monitoring}", ""))
        click.echo(_wrap(f"Instructions: {c.instructions}", "") + "\n")
        for r in c.risks:
            if self.review or not (risk_done(ca.risks.get(r.number)) or r.number in ca.skipped):
                self.ask_risk(r)
        self.revisit_skipped([r for r in c.risks if r.number in ca.skipped and not risk_done(ca.risks.get(r.number))], self.ask_risk)
        for i, ar in enumerate(ca.added, 1):
            if self.review or not risk_done(ar):
                click.echo(f"\nAdded risk {i}: {ar.text}")
                self.rate(ar, None)
        while True:
            if ca.added_done and not self.review:
                break
            more = self.ask("\nAdditional risks identified by user: add one?" if not ca.added else "\nAdd another risk?",
                            _YES_NO, "y/n", default=False)
            if more in (False, SKIP):
                ca.added_done = True
                self.save()
                break
            ar = AddedRisk(text=self.ask_text("  Identified risk", required=True))
            ca.added.append(ar)
            self.save()
            self.rate(ar, None)

    def ask_risk(self, r) -> None:
        ca = self.ca
        click.echo(f"\nRisk {r.number} of {len(self.c.risks)}{_see(r.see)}")
        click.echo(_wrap(r.text))
        ra = ca.risks.get(r.number) or RiskAnswer()
        if not self.rate(ra, r.mitigation, number=r.number):
            ca.skipped.add(r.number)
            self.save()

    def rate(self, ra: RiskAnswer, example: str | None, number: int | None = None) -> bool:
        """Likelihood, impact, then a mitigation where the toolkit asks for one. False when skipped."""
        for axis in ("likelihood", "impact"):
            current = getattr(ra, axis)
            if current and not self.review and axis == "likelihood" and ra.impact is None:
                continue  # resuming a risk whose likelihood was saved before the process stopped
            level = self.ask(f"  {axis.capitalize()}", _LEVEL_KEYS, "h=High/m=Medium/l=Low", default=current)
            if level == SKIP:
                return False
            setattr(ra, axis, level)
            if number is not None:
                self.ca.risks[number] = ra
                self.ca.skipped.discard(number)
            self.save()
        if needs_mitigation(ra.likelihood, ra.impact):
            click.echo(f"  Likelihood {LEVEL_LABELS[ra.likelihood]} and impact {LEVEL_LABELS[ra.impact]}: "
                       "the toolkit asks for a risk mitigation strategy.")
            if example:
                click.echo("  Toolkit example:\n" + _wrap(example, "    "))
                typed = self.ask_text("  Risk mitigation strategy (Enter adopts the toolkit example, or type your own)",
                                      default=ra.mitigation)
                ra.mitigation = typed or example
            else:
                ra.mitigation = self.ask_text("  Risk mitigation strategy", default=ra.mitigation, required=True)
            self.save()
        elif "high" in (ra.likelihood, ra.impact):  # High on one axis, Low on the other: offered, not required
            click.echo(f"  Likelihood {LEVEL_LABELS[ra.likelihood]} and impact {LEVEL_LABELS[ra.impact]}: "
                       "no mitigation strategy required; add one if you judge it useful.")
            hint = "Enter to skip, e adopts the toolkit example, or type your own" if example else "Enter to skip"
            typed = self.ask_text(f"  Risk mitigation strategy (optional: {hint})", default=ra.mitigation)
            ra.mitigation = example if example and typed.lower() == "e" else typed
            self.save()
        elif ra.likelihood and ra.impact:
            click.echo("  Low likelihood or impact: no mitigation strategy required.")
        return True

    # --- 3.7: advocacy table --------------------------------------------------------------

    def run_advocacy(self) -> None:
        c, ca = self.c, self.ca
        click.echo(_wrap(c.intro, "") + "\n")
        for a in c.areas:
            if a.number in ca.areas_done and not self.review and all(l.advocacy_point for l in ca.lessons if l.area == a.number):
                continue
            click.echo(click.style(f"\n{a.number}. {a.title}{_see(a.see)}", bold=True))
            click.echo("  Toolkit examples:")
            for e in a.examples:
                click.echo(_wrap(f"- {c.columns['concern']}: {e.concern}", "    ", "      "))
                click.echo(_wrap(f"{c.columns['advocacy_point']}: {e.advocacy_point}", "      "))
            for lesson in ca.lessons:
                if lesson.area == a.number and not lesson.advocacy_point:
                    click.echo(f"  Your issue: {lesson.concern}")
                    lesson.advocacy_point = self.ask_text(f"  {c.prompts['advocacy_point']}", required=True)
                    self.save()
            if a.number in ca.areas_done and not self.review:
                continue
            while True:
                more = self.ask("  Record an issue that arose in this area?", _YES_NO, "y/n", default=False)
                if more in (False, SKIP):
                    break
                lesson = Lesson(area=a.number, concern=self.ask_text(f"  {c.prompts['concern']}", required=True))
                ca.lessons.append(lesson)
                self.save()
                lesson.advocacy_point = self.ask_text(f"  {c.prompts['advocacy_point']}", required=True)
                self.save()
            ca.areas_done.add(a.number)
            self.save()
