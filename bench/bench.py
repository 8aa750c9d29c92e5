"""Benchmark awareness-check against a bare spaCy pipeline, in one run on this machine.

    python bench/bench.py [--words 200000]

Prints words/s for `scan` and for a bare full `nlp.pipe` of the same text with the same model,
their ratio, peak RSS of each, and start-up time of a one-page scan against loading the model.
Each job runs in its own process. Figures go into the README and the issue notes; tests never
assert on time.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write  # noqa: E402


def job(*args: str) -> dict:
    out = subprocess.run([sys.executable, str(HERE / "measure.py"), *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--out", default=str(HERE / "out"))
    args = ap.parse_args()
    corpus = write(args.words, Path(args.out))
    words = len(corpus.read_text(encoding="utf-8").split())
    page = write(600, Path(args.out))

    load = job("load")
    startup = job("scan", str(page))
    bare = job("bare", str(corpus))
    scan = job("scan", str(corpus))
    rows = [
        ("corpus", f"{words:,} words ({corpus.name})"),
        ("bare nlp.pipe (full en_core_web_sm)", f"{words / bare['seconds']:,.0f} words/s, {bare['seconds']:.1f} s, peak {bare['peak_rss_mb']:.0f} MB"),
        ("awareness-check scan", f"{words / scan['seconds']:,.0f} words/s, {scan['seconds']:.1f} s, peak {scan['peak_rss_mb']:.0f} MB, {scan['findings']:,} findings"),
        ("throughput ratio scan / bare", f"{bare['seconds'] / scan['seconds']:.2f}x"),
        ("start-up: one-page scan", f"{startup['seconds']:.2f} s"),
        ("start-up: import spacy + load model", f"{load['seconds']:.2f} s"),
        ("start-up ratio", f"{startup['seconds'] / load['seconds']:.2f}x"),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")


if __name__ == "__main__":
    main()
