"""``--jobs N``: scan files, or the parts of one very large text (parts.py), in N worker
processes, each with its own pipeline; results in input order and identical to one job's.

A scan is mostly Python now (the model runs on a few percent of the tokens), so a second process
on a second core pays: two 100k-word files took 7.0 s with ``--jobs 2`` against 12.1 s with one
job on the 2-core development machine. The default stays one job; ``bench/`` measures what N buys.
"""
from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

from .documents import Document
from .findings import DocumentReport
from .parts import PART_CHARS, scan_in_parts
from .settings import Settings

_WORKER: dict = {}


def _init(settings: Settings) -> None:
    from .api import preload
    from .lexicon import load_rules
    from .pipeline import load_pipeline

    nlp, info = load_pipeline(settings.model, quiet=True)
    _WORKER.update(nlp=nlp, info=info, rules=load_rules(), settings=settings)
    preload(settings)


def _scan(path: str) -> DocumentReport:
    from .api import scan_document
    from .documents import read_path

    w = _WORKER
    document = read_path(path, encoding=w["settings"].encoding)
    return scan_document(document, w["nlp"], w["info"], w["rules"], w["settings"])


def _scan_part(document: Document) -> DocumentReport:
    from .api import scan_document

    w = _WORKER
    report = scan_document(document, w["nlp"], w["info"], w["rules"], w["settings"], part_chars=sys.maxsize)
    report.text = ""  # the parent has the whole text; only findings and stats travel back
    return report


def scan_parts_parallel(document: Document, settings: Settings, jobs: int, part_chars: int = PART_CHARS) -> DocumentReport:
    """One very large text, its parts scanned in worker processes and joined as one job would."""
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(settings,)) as pool:
        return scan_in_parts(document, lambda parts: pool.map(_scan_part, parts, chunksize=1), part_chars)


def scan_parallel(paths: Iterable[str], settings: Settings, jobs: int) -> Iterator[DocumentReport]:
    """Yield one report per path, in order; an input error in a worker is raised here."""
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(settings,)) as pool:
        yield from pool.map(_scan, list(paths), chunksize=1)
