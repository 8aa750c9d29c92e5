"""Benchmark awareness-check against a bare spaCy pipeline, in one run on this machine.

    python bench/bench.py                       # 1M-word corpus, scaling from 100k
    python bench/bench.py --words 200000 --no-agreement

Prints, for each corpus mix (bench/corpus.py), each job in its own process (so peak RSS is its own):
- words/s of `scan` and of a bare full `nlp.pipe` over the same paragraphs with the same model,
  and their ratio, and the share of tokens the scan sent through the full pipeline;
- agreement of the fast scan (gates and selective analysis) with the reference: the full pipeline
  on every paragraph and every check shown every paragraph (share of findings both find);
- start-up: a one-page scan against `import spacy; spacy.load(...)`;
- peak RSS, and how time grows from the smallest to the largest corpus;
- `scan --jobs 2`: a text over a million characters is checked in parts (parts.py), scanned in two
  processes; its ratio is against the one-process bare pipe, so it is not the issue's ratio.
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


MIXES = {
    "awareness": "neutral campaign prose with ~20% of paragraphs from the lexicon examples",
    "press": "general news with ~3% of paragraphs on trafficking and smuggling",
}


def measure_mix(mix: str, words_target: int, small_target: int, out: Path, agreement_run: bool) -> list[tuple[str, str]]:
    corpus = write(words_target, out, mix)
    small = write(small_target, out, mix)
    words = len(corpus.read_text(encoding="utf-8").split())
    small_words = len(small.read_text(encoding="utf-8").split())
    tmp = Path(tempfile.mkdtemp())
    scan_small = job("scan", str(small))
    scan = job("scan", str(corpus), str(tmp / "selective.json"))
    bare = job("bare", str(corpus))
    rows = [
        (f"[{mix}] corpus", f"{words:,} words ({corpus.name}: {MIXES[mix]})"),
        (f"[{mix}] bare nlp.pipe (full en_core_web_sm)", f"{words / bare['seconds']:,.0f} words/s, {bare['seconds']:.1f} s, peak {bare['peak_rss_mb']:.0f} MB"),
        (f"[{mix}] awareness-check scan", f"{words / scan['seconds']:,.0f} words/s, {scan['seconds']:.1f} s, peak {scan['peak_rss_mb']:.0f} MB, {scan['findings']:,} findings"),
        (f"[{mix}] throughput ratio scan / bare", f"{bare['seconds'] / scan['seconds']:.1f}x"),
        (f"[{mix}] tokens through the full pipeline", f"{scan['analysed_tokens'] / bare['tokens']:.1%} ({scan['analysed_tokens']:,} of {bare['tokens']:,})"),
    ]
    jobs2 = job("scan-jobs2", str(corpus), str(tmp / "jobs2.json"))
    same = (tmp / "jobs2.json").read_text() == (tmp / "selective.json").read_text()
    rows += [
        (f"[{mix}] scan --jobs 2 (parts in 2 processes)", f"{words / jobs2['seconds']:,.0f} words/s, {jobs2['seconds']:.1f} s, "
                                                           f"{bare['seconds'] / jobs2['seconds']:.1f}x the one-process bare pipe, "
                                                           f"findings {'identical' if same else 'DIFFERENT'} to one job's"),
    ]
    if agreement_run:
        full = job("scan-full", str(corpus), str(tmp / "full.json"))
        share, n_sel, n_full = agreement(tmp / "selective.json", tmp / "full.json")
        rows += [
            (f"[{mix}] scan, full pipeline everywhere, no gates", f"{words / full['seconds']:,.0f} words/s, {full['findings']:,} findings"),
            (f"[{mix}] agreement fast vs full", f"{share:.2%} ({n_sel:,} vs {n_full:,} findings)"),
        ]
    rows.append((f"[{mix}] scaling", f"{small_words:,} words in {scan_small['seconds']:.1f} s -> {words:,} words in {scan['seconds']:.1f} s "
                                     f"(x{words / small_words:.1f} words, x{scan['seconds'] / scan_small['seconds']:.1f} time)"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--small", type=int, default=100_000, help="smaller corpus for the scaling figure")
    ap.add_argument("--mix", choices=sorted(MIXES), action="append", help="corpus mix (default: both)")
    ap.add_argument("--no-agreement", action="store_true", help="skip the full-pipeline scan used for agreement")
    ap.add_argument("--out", default=str(HERE / "out"))
    args = ap.parse_args()
    out = Path(args.out)
    page = write(600, out)
    load = job("load")
    startup = job("scan", str(page))
    rows: list[tuple[str, str]] = []
    for mix in args.mix or sorted(MIXES):
        rows += measure_mix(mix, args.words, args.small, out, not args.no_agreement)
    rows += [
        ("start-up: one-page scan", f"{startup['seconds']:.2f} s"),
        ("start-up: import spacy + load model", f"{load['seconds']:.2f} s"),
        ("start-up ratio", f"{startup['seconds'] / load['seconds']:.2f}x"),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}", flush=True)


if __name__ == "__main__":
    main()
