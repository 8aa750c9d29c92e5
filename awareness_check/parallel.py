"""``--jobs N``: scan files in N worker processes, each with its own pipeline, results in input order.

On the 2-core machines this project is measured on, spaCy gains little from a second process
(nlp-stack.md, section 3), so the default is one job; ``bench/`` measures what N buys.
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

from .findings import DocumentReport
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


def scan_parallel(paths: Iterable[str], settings: Settings, jobs: int) -> Iterator[DocumentReport]:
    """Yield one report per path, in order; an input error in a worker is raised here."""
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(settings,)) as pool:
        yield from pool.map(_scan, list(paths), chunksize=1)
