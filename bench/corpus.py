"""Build a large mixed benchmark corpus from the project's own data (no network, reproducible).

Paragraphs come from the shipped examples and from every lexicon example (so the checks have real
work), mixed with neutral campaign prose, shuffled with a fixed seed.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SUBJECTS = ["The campaign", "Our partners", "The ministry", "Local volunteers", "The helpline team", "Teachers in the district",
            "The labour inspectorate", "Community radio", "The regional office", "Health workers", "The project", "Employers"]
VERBS = ["will publish", "reviewed", "is preparing", "discussed", "translated", "shared", "presented", "evaluated",
         "supports", "funded", "printed", "updated"]
OBJECTS = ["a guide on fair recruitment", "the new leaflets", "posters for bus stations", "a short radio drama",
           "training for community leaders", "a survey of local employers", "the referral directory", "a school lesson plan",
           "information on safe migration", "the annual work plan", "a checklist for job seekers", "contact cards with the helpline"]
TAILS = ["before the harvest season", "in four languages", "with support from local councils", "for the border districts",
         "after consultations with workers", "this spring", "in every market town", "for the coming year", "", ""]

NEUTRAL = [
    "The campaign will run for six weeks on local radio and in community centres across the region.",
    "Workers who are offered jobs abroad can call the helpline to check an agency's licence.",
    "Community volunteers met with teachers to plan sessions for students and their families.",
    "The agency published guidance for employers on fair recruitment and decent working conditions.",
    "Posters will be displayed at bus stations, markets and clinics in the border districts.",
    "Participants discussed how to identify signs of exploitation and where to report concerns.",
    "The training covered labour rights, safe migration channels and access to legal aid.",
    "Local partners translated the leaflet into four languages spoken in the area.",
]


def paragraphs() -> list[str]:
    import yaml

    paras: list[str] = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        paras += [p.strip() for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip()]
    for path in sorted((ROOT / "lexicons").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for rule in data.get("rules", []):
            for holder in [rule] + list(rule.get("entries") or []):
                ex = holder.get("examples") or {}
                paras += list(ex.get("flag") or []) + list(ex.get("pass") or [])
    return paras


def neutral_sentence(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(NEUTRAL)
    tail = rng.choice(TAILS)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{' ' + tail if tail else ''}."


def build(words: int, seed: int = 7, flagged_share: float = 0.2) -> str:
    """Paragraphs of neutral campaign prose, with about ``flagged_share`` of paragraphs from the lexicon examples."""
    rng = random.Random(seed)
    source = paragraphs()
    out: list[str] = []
    count = 0
    while count < words:
        if rng.random() >= flagged_share:
            para = " ".join(neutral_sentence(rng) for _ in range(rng.randint(2, 6)))
        else:
            para = " ".join(rng.choice(source) for _ in range(rng.randint(1, 3)))
        out.append(para)
        count += len(para.split())
    return "\n\n".join(out) + "\n"


def write(words: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"corpus-{words}.txt"
    if not path.exists():
        path.write_text(build(words), encoding="utf-8")
    return path
