"""Build large benchmark corpora from the project's own data (no network, reproducible).

Two mixes, both shuffled with a fixed seed:
- ``awareness``: neutral campaign prose with ~20% of paragraphs from the shipped examples and
  every lexicon example (dense: nearly every one of those paragraphs has a finding);
- ``press``: general news paragraphs (names, places, figures, quotes, many topics) with ~3% of
  paragraphs on trafficking and smuggling (the same on-topic source): a year of press coverage.
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
        if "export" in path.name:
            continue  # the same draft in other Word encodings
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


FIRST = ["Maria", "John", "Aisha", "Peter", "Chen", "Fatima", "David", "Olga", "Samuel", "Priya", "Tomas", "Grace",
         "Ahmed", "Laura", "Kofi", "Elena", "Marcus", "Nadia", "Yusuf", "Helen", "Diego", "Sofia", "Ivan", "Amara"]
LAST = ["Okafor", "Smith", "Haddad", "Novak", "Garcia", "Kim", "Mensah", "Petrov", "Rossi", "Khan", "Silva", "Brown",
        "Nguyen", "Schmidt", "Dubois", "Jensen", "Osei", "Kowalski", "Tanaka", "Moreau", "Ali", "Fischer", "Costa", "Hughes"]
PLACES = ["Northfield", "the capital", "Riverside", "the coastal province", "Eastport", "the valley", "Lakeside",
          "the northern region", "Greenhill", "the old town", "Westbrook", "the border town", "Hillcrest", "the delta"]
ORGS = ["the city council", "the central bank", "the health ministry", "the football federation", "the transport authority",
        "the university", "the chamber of commerce", "the weather service", "the teachers' union", "the port authority",
        "the national museum", "the water board", "the statistics office", "the hospital trust"]
ROLES = ["the mayor", "a spokesperson", "the coach", "the chief economist", "the head teacher", "a local resident",
         "the minister", "the director", "a shop owner", "the festival organiser", "an engineer", "the captain"]
TOPICS = [
    ("announced", ["a new budget for road repairs", "plans for a second bridge", "higher interest rates", "a ban on plastic bags",
                   "the opening of a public library", "longer hours for the night bus", "a review of school meals",
                   "a grant for small farmers", "new cycle lanes", "the restoration of the town hall"]),
    ("reported", ["a rise in tourism", "lower inflation", "record rainfall", "a shortage of nurses", "strong export figures",
                  "a drop in traffic accidents", "delays on the railway", "good harvest prospects", "higher rents",
                  "a surplus in the water reservoir"]),
    ("criticised", ["the delay to the stadium project", "the price of tickets", "the new parking rules", "the closure of a clinic",
                    "the timetable changes", "the cost of the renovation", "the slow broadband roll-out"]),
    ("welcomed", ["the agreement with the union", "the new trade fair", "the return of the summer market",
                  "the reopening of the swimming pool", "the victory in the cup final", "the extra funding for libraries"]),
]
TITLES = ["mayor", "spokesperson", "coach", "director", "councillor", "shop owner", "teacher", "deputy head"]
WHEN = ["on Monday", "on Tuesday", "last week", "this morning", "in March", "at the weekend", "on Friday evening",
        "earlier this year", "in the third quarter", "after a long debate", "during the annual meeting"]
QUOTES = ["\"We expect the work to be finished by the end of the year,\" {role} said.",
          "\"This is good news for families and for local businesses,\" said {name}.",
          "\"The figures show a steady improvement,\" {role} told reporters.",
          "\"We listened to residents and changed the plan,\" {name} said.",
          "\"Nobody expected such a strong result,\" said {name}, who has followed the league for {n} years."]
FIGURES = ["The project will cost {n} million and employ {m} people.", "About {m} people attended the event.",
           "Prices rose by {p} per cent compared with last year.", "The team has won {k} of its last {n} matches.",
           "Temperatures are expected to reach {n} degrees.", "The survey of {m} households found that {p} per cent were satisfied.",
           "Turnout was {p} per cent, up from {q} per cent four years ago."]


def news_paragraph(rng: random.Random) -> str:
    def name() -> str:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"

    parts = []
    verb, objects = rng.choice(TOPICS)
    parts.append(f"{rng.choice(ORGS).capitalize()} {verb} {rng.choice(objects)} {rng.choice(WHEN)}.")
    for _ in range(rng.randint(1, 4)):
        kind = rng.random()
        nums = dict(n=rng.randint(2, 40), m=rng.randint(50, 5000), p=rng.randint(2, 95), q=rng.randint(2, 95), k=rng.randint(1, 9))
        if kind < 0.3:
            parts.append(rng.choice(QUOTES).format(role=rng.choice(ROLES), name=name(), **nums))
        elif kind < 0.6:
            parts.append(rng.choice(FIGURES).format(**nums))
        else:
            v, objs = rng.choice(TOPICS)
            parts.append(f"{name()}, {rng.choice(TITLES) if rng.random() < 0.5 else 'a resident'} of {rng.choice(PLACES)}, "
                         f"said the decision on {rng.choice(objs)} {rng.choice(['was overdue', 'came as a surprise', 'would help', 'needed more work'])}.")
    return " ".join(parts)


def build_press(words: int, seed: int = 11, on_topic_share: float = 0.03) -> str:
    """General news paragraphs with about ``on_topic_share`` of paragraphs on trafficking and smuggling."""
    rng = random.Random(seed)
    source = paragraphs()
    out: list[str] = []
    count = 0
    while count < words:
        para = " ".join(rng.choice(source) for _ in range(rng.randint(1, 3))) if rng.random() < on_topic_share else news_paragraph(rng)
        out.append(para)
        count += len(para.split())
    return "\n\n".join(out) + "\n"


def write(words: int, folder: Path, mix: str = "awareness") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (f"corpus-{words}.txt" if mix == "awareness" else f"{mix}-{words}.txt")
    if not path.exists():
        path.write_text(build(words) if mix == "awareness" else build_press(words), encoding="utf-8")
    return path
