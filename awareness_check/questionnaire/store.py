"""The answers file: JSON or YAML (by extension), validated on load, written atomically after every answer.

The same file serves the interactive ``run`` (which resumes from it) and teams who fill answers in
elsewhere and hand the file to ``report``: so loading accepts the spellings people type ("Yes",
"In part", "H") and refuses anything it cannot place with one line naming the file, the entry and
the reason. Writing goes to a temporary file in the same folder, is fsynced, then renamed over the
old one (``os.replace``): a killed process leaves either the previous answers or the new ones,
never half a file.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import AwarenessCheckError
from .model import ANSWER_LABELS, LEVELS, Checklist
from ..yamlio import load_yaml

VERSION = 1
_ANSWER_ALIASES = {
    "yes": "yes", "y": "yes", "no": "no", "n": "no",
    "in-part": "in-part", "in part": "in-part", "in_part": "in-part", "inpart": "in-part", "part": "in-part",
    "partly": "in-part", "partially": "in-part", "p": "in-part",
}
_LEVEL_ALIASES = {"high": "high", "h": "high", "medium": "medium", "med": "medium", "m": "medium", "low": "low", "l": "low"}


class AnswersError(AwarenessCheckError):
    """An answers file that cannot be read or used: names the file, the entry and the reason."""


def parse_answer(value: Any) -> str | None:
    """'Yes' / 'in part' / 'P' ... -> 'yes' | 'no' | 'in-part'; None when not recognised."""
    if isinstance(value, bool):  # YAML 1.1 reads a bare yes/no as a boolean
        return "yes" if value else "no"
    return _ANSWER_ALIASES.get(str(value).strip().lower()) if isinstance(value, str) else None


def parse_level(value: Any) -> str | None:
    return _LEVEL_ALIASES.get(value.strip().lower()) if isinstance(value, str) else None


@dataclass
class QuestionAnswer:
    answer: str | None = None  # yes | no | in-part
    how: str = ""  # the follow-up: how will this be addressed?
    source: str = "person"  # person | scan (3.8 items the scan answered from --draft)
    scan: str = ""  # the scan's result for this item, when a draft was scanned


@dataclass
class RiskAnswer:
    likelihood: str | None = None
    impact: str | None = None
    mitigation: str = ""


@dataclass
class AddedRisk(RiskAnswer):
    text: str = ""


@dataclass
class Lesson:
    area: int
    concern: str = ""
    advocacy_point: str = ""


@dataclass
class ChecklistAnswers:
    answers: dict[int, QuestionAnswer] = field(default_factory=dict)
    risks: dict[int, RiskAnswer] = field(default_factory=dict)
    added: list[AddedRisk] = field(default_factory=list)
    added_done: bool = False  # the user said they have no (more) risks to add
    lessons: list[Lesson] = field(default_factory=list)
    areas_done: set[int] = field(default_factory=set)
    skipped: set[int] = field(default_factory=set)
    draft: str = ""  # the draft whose scan pre-filled 3.8

    def is_empty(self) -> bool:
        return not (self.answers or self.risks or self.added or self.lessons or self.areas_done or self.skipped)


@dataclass
class Answers:
    path: Path
    checklists: dict[str, ChecklistAnswers] = field(default_factory=dict)
    project: str = ""  # optional title for the report

    def for_checklist(self, checklist_id: str) -> ChecklistAnswers:
        return self.checklists.setdefault(checklist_id, ChecklistAnswers())


# --- reading ----------------------------------------------------------------------------------

def is_yaml(path: Path) -> bool:
    return path.suffix.lower() in (".yml", ".yaml")


def load_answers(path: str | Path, checklists: dict[str, Checklist], *, must_exist: bool = False) -> Answers:
    """Read and validate an answers file; a missing file is a fresh start unless ``must_exist``."""
    path = Path(path)
    if not path.exists():
        if must_exist:
            raise AnswersError(f"{path}: no such answers file")
        return Answers(path=path)
    if path.is_dir():
        raise AnswersError(f"{path}: is a folder, not an answers file")
    try:
        raw_text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswersError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if not raw_text.strip():
        return Answers(path=path)
    try:
        data = load_yaml(raw_text) if is_yaml(path) else json.loads(raw_text)
    except json.JSONDecodeError as exc:
        raise AnswersError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise AnswersError(f"{path}: not valid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
    return _Validator(path, checklists).answers(data)


class _Validator:
    def __init__(self, path: Path, checklists: dict[str, Checklist]):
        self.path, self.checklists = path, checklists

    def fail(self, where: str, reason: str):
        raise AnswersError(f"{self.path}: {where}: {reason}")

    def mapping(self, value: Any, where: str, allowed: set[str]) -> dict:
        if not isinstance(value, dict):
            self.fail(where, "expected a mapping")
        unknown = [str(k) for k in value if k not in allowed]
        if unknown:
            self.fail(where, f"unknown field {unknown[0]!r} (expected {', '.join(sorted(allowed))})")
        return value

    def text(self, value: Any, where: str) -> str:
        if value is None:
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.fail(where, "expected text")
        return value.strip()

    def number(self, key: Any, where: str, checklist: Checklist) -> int:
        try:
            n = int(str(key).strip())
        except ValueError:
            n = None
        if n not in checklist.numbers():
            numbers = checklist.numbers()
            self.fail(where, f"no {checklist.unit[:-1]} {key!r} in {checklist.section} (numbers {numbers[0]}-{numbers[-1]})")
        return n

    def level(self, value: Any, where: str) -> str | None:
        if value in (None, ""):
            return None
        level = parse_level(value)
        if level is None:
            self.fail(where, f"{value!r} is not a level (use {', '.join(reversed(LEVELS))})")
        return level

    def answers(self, data: Any) -> Answers:
        if data is None:
            return Answers(path=self.path)
        top = self.mapping(data, "top level", {"version", "project", "checklists"})
        if top.get("version", VERSION) != VERSION:
            self.fail("version", f"unsupported version {top.get('version')!r} (this tool writes {VERSION})")
        result = Answers(path=self.path, project=self.text(top.get("project"), "project"))
        sections = top.get("checklists") or {}
        if not isinstance(sections, dict):
            self.fail("checklists", "expected a mapping from checklist name to answers")
        by_section = {c.section: c for c in self.checklists.values()}
        for name, body in sections.items():
            checklist = self.checklists.get(str(name)) or by_section.get(str(name))
            if checklist is None:
                self.fail(f"checklists.{name}", f"unknown checklist (use {', '.join(self.checklists)})")
            result.checklists[checklist.id] = self.checklist(checklist, body or {}, f"checklists.{name}")
        return result

    def checklist(self, c: Checklist, body: Any, where: str) -> ChecklistAnswers:
        fields = {"checklist": {"answers", "skipped", "draft"}, "risks": {"risks", "added", "added_done", "skipped"},
                  "advocacy": {"lessons", "areas_done"}}[c.kind]
        body = self.mapping(body, where, fields)
        out = ChecklistAnswers(draft=self.text(body.get("draft"), f"{where}.draft"))
        for key in ("skipped", "areas_done"):
            values = body.get(key) or []
            if not isinstance(values, list):
                self.fail(f"{where}.{key}", "expected a list of numbers")
            setattr(out, key, {self.number(v, f"{where}.{key}", c) for v in values})
        for key, value in (body.get("answers") or {}).items():
            at = f"{where}.answers.{key}"
            out.answers[self.number(key, at, c)] = self.question_answer(c, value, at)
        for key, value in (body.get("risks") or {}).items():
            at = f"{where}.risks.{key}"
            out.risks[self.number(key, at, c)] = self.risk(value, at, {"likelihood", "impact", "mitigation"}, RiskAnswer)
        added = body.get("added") or []
        if not isinstance(added, list):
            self.fail(f"{where}.added", "expected a list of risks")
        for i, value in enumerate(added, 1):
            risk = self.risk(value, f"{where}.added.{i}", {"text", "likelihood", "impact", "mitigation"}, AddedRisk)
            if not risk.text:
                self.fail(f"{where}.added.{i}", "an added risk needs its 'text'")
            out.added.append(risk)
        out.added_done = bool(body.get("added_done", False))
        lessons = body.get("lessons") or []
        if not isinstance(lessons, list):
            self.fail(f"{where}.lessons", "expected a list")
        for i, value in enumerate(lessons, 1):
            at = f"{where}.lessons.{i}"
            value = self.mapping(value, at, {"area", "concern", "advocacy_point"})
            lesson = Lesson(area=self.number(value.get("area"), f"{at}.area", c), concern=self.text(value.get("concern"), f"{at}.concern"),
                            advocacy_point=self.text(value.get("advocacy_point"), f"{at}.advocacy_point"))
            if not lesson.concern:
                self.fail(at, "a lesson needs its 'concern'")
            out.lessons.append(lesson)
        return out

    def question_answer(self, c: Checklist, value: Any, where: str) -> QuestionAnswer:
        if not isinstance(value, dict):  # shorthand: "3": "yes"
            value = {"answer": value}
        value = self.mapping(value, where, {"answer", "how", "source", "scan"})
        answer = None
        if value.get("answer") not in (None, ""):
            answer = parse_answer(value["answer"])
            if answer not in c.answers:
                self.fail(f"{where}.answer", f"{value['answer']!r} is not an answer (use {', '.join(ANSWER_LABELS[a] for a in c.answers)})")
        source = value.get("source", "person")
        if source not in ("person", "scan"):
            self.fail(f"{where}.source", "must be 'person' or 'scan'")
        return QuestionAnswer(answer=answer, how=self.text(value.get("how"), f"{where}.how"), source=source,
                              scan=self.text(value.get("scan"), f"{where}.scan"))

    def risk(self, value: Any, where: str, allowed: set[str], cls):
        value = self.mapping(value, where, allowed)
        kwargs = dict(likelihood=self.level(value.get("likelihood"), f"{where}.likelihood"),
                      impact=self.level(value.get("impact"), f"{where}.impact"),
                      mitigation=self.text(value.get("mitigation"), f"{where}.mitigation"))
        if "text" in allowed:
            kwargs["text"] = self.text(value.get("text"), f"{where}.text")
        return cls(**kwargs)


# --- writing ----------------------------------------------------------------------------------

def to_data(answers: Answers) -> dict:
    """The file's structure; numbers become string keys so JSON and YAML files read alike."""
    out: dict[str, Any] = {"version": VERSION}
    if answers.project:
        out["project"] = answers.project
    out["checklists"] = {}
    for cid, ca in answers.checklists.items():
        if ca.is_empty() and not ca.draft:
            continue
        body: dict[str, Any] = {}
        if ca.draft:
            body["draft"] = ca.draft
        if ca.answers:
            body["answers"] = {str(n): _question(qa) for n, qa in sorted(ca.answers.items())}
        if ca.risks:
            body["risks"] = {str(n): _risk(r) for n, r in sorted(ca.risks.items())}
        if ca.added:
            body["added"] = [{"text": r.text, **_risk(r)} for r in ca.added]
        if ca.added_done:
            body["added_done"] = True
        if ca.lessons:
            body["lessons"] = [{"area": l.area, "concern": l.concern, "advocacy_point": l.advocacy_point} for l in ca.lessons]
        if ca.areas_done:
            body["areas_done"] = sorted(ca.areas_done)
        if ca.skipped:
            body["skipped"] = sorted(ca.skipped)
        out["checklists"][cid] = body
    return out


def _question(qa: QuestionAnswer) -> dict:
    out: dict[str, Any] = {"answer": qa.answer}
    if qa.how:
        out["how"] = qa.how
    if qa.source != "person":
        out["source"] = qa.source
    if qa.scan:
        out["scan"] = qa.scan
    return out


def _risk(r: RiskAnswer) -> dict:
    out: dict[str, Any] = {"likelihood": r.likelihood, "impact": r.impact}
    if r.mitigation:
        out["mitigation"] = r.mitigation
    return out


def dumps(answers: Answers) -> str:
    data = to_data(answers)
    if is_yaml(answers.path):
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def save_answers(answers: Answers) -> None:
    """Write the whole file atomically: temp file in the same folder, fsync, os.replace, fsync the folder."""
    path = answers.path
    folder = path.parent if str(path.parent) else Path(".")
    text = dumps(answers)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise AnswersError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise AnswersError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        _remove(tmp)
        raise
    _fsync_dir(folder)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible (nor needed) on Windows."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
