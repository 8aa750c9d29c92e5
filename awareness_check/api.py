"""The library: read -> analyse -> run the check families -> guards and selection -> Report.

The CLI, the spaCy component and the Python API all go through :func:`scan_document`.
"""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from .analysis import AnalyzedDocument, analyze, analyze_doc
from .checks import CheckContext, all_checks
from .documents import Document, iter_input_paths, read_path
from .findings import DocumentReport, Finding, Report, Severity
from .guards import apply_guards
from .lexicon import RuleSet, load_rules
from .parts import PART_CHARS, scan_in_parts
from .pipeline import PipelineInfo, load_pipeline
from .settings import Settings

_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def check_text(text: str, *, config: Settings | None = None, path: str = "<text>", nlp=None) -> Report:
    """Check a string; ``config`` is a :class:`Settings` (default: built-in settings)."""
    settings = config or Settings()
    nlp, info = _pipeline(settings, nlp)
    document = Document(path=path, text=text)
    report = Report(pipeline=info.name, notices=list(info.notices))
    report.documents.append(scan_document(document, nlp, info, load_rules(), settings))
    return report


def check_file(path: str | Path, *, config: Settings | None = None, nlp=None) -> Report:
    """Check one file (.txt, .md, .docx) or ``-`` for stdin."""
    return check_paths([str(path)], config=config, nlp=nlp)


def check_paths(paths: Iterable[str], *, config: Settings | None = None, nlp=None, jobs: int = 1, progress=None) -> Report:
    """Check files, folders and ``-``; ``jobs`` > 1 scans files in worker processes (same results)."""
    settings = config or Settings()
    nlp, info = _pipeline(settings, nlp)
    report = Report(pipeline=info.name, notices=list(info.notices))
    for doc_report in iter_reports(paths, settings, nlp, info, jobs=jobs, progress=progress):
        report.documents.append(doc_report)
    return report


def iter_reports(paths: Iterable[str], settings: Settings, nlp, info: PipelineInfo, *, jobs: int = 1, progress=None) -> Iterator[DocumentReport]:
    """One report per input file, in order. ``progress(done, total)`` is called after each file."""
    expanded = list(iter_input_paths(list(paths)))
    if jobs > 1 and len(expanded) > 1 and "-" not in expanded:
        from .parallel import scan_parallel

        reports: Iterable[DocumentReport] = scan_parallel(expanded, settings, jobs)
    else:
        rules = load_rules()
        reports = (_scan_file(p, nlp, info, rules, settings, jobs) for p in expanded)
    for done, doc_report in enumerate(reports, 1):
        if progress is not None:
            progress(done, len(expanded))
        yield doc_report


def preload(settings: Settings) -> None:
    """Load the pipeline, the rules and the checks, then take them out of the garbage collector's
    sight (``gc.freeze``): its full passes need not walk the model's objects again. For processes
    that only scan (the CLI, ``--jobs`` workers); a host application's collector is its own business."""
    load_pipeline(settings.model)
    load_rules()
    all_checks()
    gc.freeze()


def _scan_file(path: str, nlp, info: PipelineInfo, rules: RuleSet, settings: Settings, jobs: int) -> DocumentReport:
    """One file; with ``jobs`` > 1, a text long enough to be checked in parts has its parts
    scanned in worker processes (the same report)."""
    document = read_path(path, encoding=settings.encoding)
    if jobs > 1 and len(document.text) > PART_CHARS:
        from .parallel import scan_parts_parallel

        return scan_parts_parallel(document, settings, jobs)
    return scan_document(document, nlp, info, rules, settings)


def _pipeline(settings: Settings, nlp):
    if nlp is not None:
        return nlp, PipelineInfo(name=nlp.meta.get("name", "custom"), statistical=bool({"tagger", "parser", "ner"} & set(nlp.pipe_names)))
    return load_pipeline(settings.model)


def scan_document(
    document: Document, nlp, info: PipelineInfo, rules: RuleSet, settings: Settings, *,
    selective: bool = True, part_chars: int = PART_CHARS,
) -> DocumentReport:
    """``selective=False`` is the reference the fast path is measured against: every paragraph
    through the full pipeline, every check shown every paragraph. A text over ``part_chars``
    characters is checked in parts (parts.py), so memory stays bounded."""
    def scan(doc: Document) -> DocumentReport:
        with collector_paused():
            return report_for(analyze(doc, nlp, info, selective=selective), rules, settings, gated=selective)

    if len(document.text) > part_chars:
        return scan_in_parts(document, lambda parts: map(scan, parts), part_chars)
    return scan(document)


@contextmanager
def collector_paused():
    """No cyclic garbage collection while one document (or part) is scanned, one young-generation
    collection after. A scan makes no reference cycles of its own (``CheckContext.close``,
    ``Segment.analysed_as``), so the collector's passes over the paragraphs' Docs as they pile up
    find nothing (a few percent of the time, measured on press text). Memory stays bounded by
    the part size (parts.py)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect(0)


def report_for(adoc: AnalyzedDocument, rules: RuleSet, settings: Settings, *, gated: bool = True) -> DocumentReport:
    """Run every check; with ``gated``, each sees only the paragraphs its gate opens (gates.py)."""
    ctx = CheckContext(adoc, rules, settings, gated=gated)
    findings: list[Finding] = []
    checks = all_checks()
    try:
        for check in checks:
            findings.extend(check.run(ctx.for_check(check)))
        # Summaries that need every family's results (e.g. flip-it over the role table); a check's
        # `finalize_order` (default 0) puts summaries of summaries last.
        for check in sorted(checks, key=lambda c: getattr(c, "finalize_order", 0)):
            finalize = getattr(check, "finalize", None)
            if finalize is not None:
                findings.extend(finalize(ctx.for_check(check)) or ())
    finally:
        ctx.close()
    findings = apply_guards(findings, adoc)
    findings = _apply_vocabulary(findings, adoc, settings, rules)
    findings = [f for f in findings if _selected(f, rules, settings) and f.severity >= settings.min_severity]
    document = adoc.document
    stats: dict = {"words": len(_WORD.findall(document.text)), "sentences": None}
    stats.update(ctx.stats)
    if stats["sentences"] is None:  # readability counts them when it runs; else the tokenizer's count
        stats["sentences"] = sum(len(s.sents) for s in adoc.segments)
    return DocumentReport(
        path=document.path, text=document.text, findings=_dedupe(findings), stats=stats,
        encoding=document.encoding, source_format=document.source_format,
    )


def findings_for_doc(doc, nlp, select=(), ignore=()) -> list[Finding]:
    """Findings for a Doc made by any pipeline (the ``awareness_check`` spaCy component)."""
    statistical = bool({"tagger", "parser", "ner"} & set(nlp.pipe_names))
    info = PipelineInfo(name=nlp.meta.get("name", "custom"), statistical=statistical)
    adoc = analyze_doc(doc, nlp, info)
    return report_for(adoc, load_rules(), Settings(select=tuple(select), ignore=tuple(ignore))).findings


def _selected(f: Finding, rules: RuleSet, settings: Settings) -> bool:
    if f.rule_id in rules:
        return settings.selects(rules.get(f.rule_id))
    keys = settings.ignore
    return not any(k == f.category or f.rule_id.startswith(k.upper()) for k in keys)


def _apply_vocabulary(findings: list[Finding], adoc: AnalyzedDocument, settings: Settings, rules: RuleSet) -> list[Finding]:
    """Vale-style vocabularies: accepted words are never flagged, rejected words always are."""
    if settings.accept:
        accepted = {a.lower() for a in settings.accept}
        findings = [f for f in findings if f.text.lower() not in accepted]
    if settings.reject:
        text = adoc.document.text
        for word in settings.reject:
            for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags=re.IGNORECASE):
                line, column = adoc.document.line_col(m.start())
                findings.append(Finding(
                    rule_id="USR001", rule_name="user-rejected-term", category="terminology", checklist_items=(1,),
                    severity=Severity.WARNING, start=m.start(), end=m.end(), line=line, column=column,
                    text=m.group(0), message=f"'{m.group(0)}' is on this project's reject list.",
                    suggestions=(), entry_id=None, confidence="high",
                ))
    return findings


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.rule_id, f.start, f.end)
        if key not in seen or f.severity > seen[key].severity:
            seen[key] = f
    return sorted(seen.values(), key=lambda f: f.sort_key)
