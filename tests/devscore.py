"""Scoring helpers for the dev corpus, the way ``score.py`` matches: same category, overlapping spans.

Debatable expected flags count neither as misses nor, when found, as false alarms.
"""
from __future__ import annotations

import json
from pathlib import Path


def overlaps(a, b) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score(pairs, category: str) -> tuple[int, int, int, list]:
    """pairs: iterable of (expected flags, findings as dicts). Returns (tp, fp, fn, problems)."""
    tp = fp = fn = 0
    problems = []
    for name, expected, found in pairs:
        gold = [e for e in expected if e["category"] == category]
        firm = [e for e in gold if not e.get("debatable")]
        soft = [e for e in gold if e.get("debatable")]
        got = [f for f in found if f["category"] == category]
        for g in firm:
            if any(overlaps(g, f) for f in got):
                tp += 1
            else:
                fn += 1
                problems.append((name, "missed", g["text"]))
        for f in got:
            if not any(overlaps(f, g) for g in gold):
                fp += 1
                problems.append((name, "false alarm", f["text"]))
    del soft
    return tp, fp, fn, problems


def finding_dicts(findings) -> list[dict]:
    return [{"category": f.category, "start": f.start, "end": f.end, "text": f.text} for f in findings]


def expected_for(path: Path) -> list[dict]:
    name = path.name
    candidates = [path.with_name(name + ".expected.json"), path.with_name(path.stem + ".expected.json")]
    for c in candidates:
        if c.exists():
            return json.loads(c.read_text(encoding="utf-8"))["expected"]
    raise FileNotFoundError(name)
