"""Benchmark awareness-check against a bare spaCy pipeline, in one run on this machine.

    python bench/bench.py                       # 1M-word corpus, scaling from 100k
    python bench/bench.py --words 200000 --no-agreement

Prints, each job in its own process (so peak RSS is its own):
- words/s of `scan` and of a bare full `nlp.pipe` over the same paragraphs with the same model,
  and their ratio;
- agreement of the selective scan with a scan that runs the full pipeline on every sentence
  (share of findings both find);
- start-up: a one-page scan against `import spacy; spacy.load(...)`;
- peak RSS, and how time grows from the smallest to the largest corpus.
Figures go into the README and the issue notes; tests never assert on time.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write  # noqa: E402


def job(*args: str) -> dict:
    out = subprocess.run([sys.executable, str(HERE / "measure.py"), *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def agreement(a: Path, b: Path) -> tuple[float, int, int]:
    x = {tuple(f) for f in json.loads(a.read_text())}
    y = {tuple(f) for f in json.loads(b.read_text())}
    both = len(x & y)
    return (both / len(x | y) if x | y else 1.0), len(x), len(y)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--small", type=int, default=100_000, help="smaller corpus for the scaling figure")
    ap.add_argument("--no-agreement", action="store_true", help="skip the full-pipeline scan used for agreement")
    ap.add_argument("--out", default=str(HERE / "out"))
    args = ap.parse_args()
    out = Path(args.out)
    corpus = write(args.words, out)
    small = write(args.small, out)
    page = write(600, out)
    words = len(corpus.read_text(encoding="utf-8").split())
    small_words = len(small.read_text(encoding="utf-8").split())

    load = job("load")
    startup = job("scan", str(page))
    tmp = Path(tempfile.mkdtemp())
    scan_small = job("scan", str(small))
    scan = job("scan", str(corpus), str(tmp / "selective.json"))
    bare = job("bare", str(corpus))
    rows = [
        ("corpus", f"{words:,} words ({corpus.name}; neutral campaign prose with ~20% paragraphs from the lexicon examples)"),
        ("bare nlp.pipe (full en_core_web_sm)", f"{words / bare['seconds']:,.0f} words/s, {bare['seconds']:.1f} s, peak {bare['peak_rss_mb']:.0f} MB"),
        ("awareness-check scan", f"{words / scan['seconds']:,.0f} words/s, {scan['seconds']:.1f} s, peak {scan['peak_rss_mb']:.0f} MB, {scan['findings']:,} findings"),
        ("throughput ratio scan / bare", f"{bare['seconds'] / scan['seconds']:.1f}x"),
    ]
    if not args.no_agreement:
        full = job("scan-full", str(corpus), str(tmp / "full.json"))
        share, n_sel, n_full = agreement(tmp / "selective.json", tmp / "full.json")
        rows += [
            ("scan, full pipeline on every sentence", f"{words / full['seconds']:,.0f} words/s, {full['findings']:,} findings"),
            ("agreement selective vs full", f"{share:.2%} ({n_sel:,} vs {n_full:,} findings)"),
        ]
    rows += [
        ("scaling", f"{small_words:,} words in {scan_small['seconds']:.1f} s -> {words:,} words in {scan['seconds']:.1f} s "
                    f"(x{words / small_words:.1f} words, x{scan['seconds'] / scan_small['seconds']:.1f} time)"),
        ("start-up: one-page scan", f"{startup['seconds']:.2f} s"),
        ("start-up: import spacy + load model", f"{load['seconds']:.2f} s"),
        ("start-up ratio", f"{startup['seconds'] / load['seconds']:.2f}x"),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")


if __name__ == "__main__":
    main()
