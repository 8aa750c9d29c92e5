"""A blank answers file for one checklist, with the toolkit's wording as YAML comments.

For teams who fill the questionnaire in elsewhere (a shared drive, an email round): they edit the
blanks, and ``report`` / ``run`` read the file back with the same validation as any answers file.
"""
from __future__ import annotations

import textwrap

from .model import ANSWER_LABELS, Checklist


def _comment(text: str, indent: str, first: str = "") -> list[str]:
    lines: list[str] = []
    for k, para in enumerate(p for p in text.split("\n\n") if p.strip()):
        lead = first if k == 0 else ""
        wrapped = textwrap.wrap(lead + para, width=96 - len(indent), break_on_hyphens=False) or [""]
        lines.extend(f"{indent}# {w}" for w in wrapped)
    return lines


def _see(refs: tuple[str, ...]) -> str:
    return f" (see {', '.join(refs)})" if refs else ""


def blank_answers(c: Checklist) -> str:
    out = [f"# {c.label}: answers for awareness-check questionnaire (docs/questionnaire.md).",
           "# Fill in the blanks; leave a blank empty if not answered yet. Then:",
           "#   awareness-check questionnaire report --answers THIS-FILE.yml --format docx -o report.docx",
           "version: 1", "checklists:", f"  {c.id}:"]
    if c.kind == "checklist":
        answers = " / ".join(ANSWER_LABELS[a] for a in c.answers)
        follow = c.follow_up.text if c.follow_up else "How will this be addressed?"
        out += [f"    # answer: {answers}.  how: {follow}", "    answers:"]
        section = None
        for q in c.questions:
            if q.section and q.section != section:
                section = q.section
                out.append(f"      # --- {section} ---")
            out += _comment(q.text + _see(q.see), "      ", f"{q.number}. ")
            out += [f"      {q.number}:", "        answer:", "        how:"]
    elif c.kind == "risks":
        out += _comment(c.instructions, "    ")
        out += ["    # likelihood and impact: high / medium / low. A mitigation is required where both are",
                "    # medium or high; the toolkit's example is quoted under each risk.", "    risks:"]
        for r in c.risks:
            out += _comment(r.text + _see(r.see), "      ", f"{r.number}. ")
            out += _comment(r.mitigation, "      ", "Example mitigation: ")
            out += [f"      {r.number}:", "        likelihood:", "        impact:", "        mitigation:"]
        out += ["    # Additional risks identified by user: one entry each, like the commented example.", "    added:",
                "    #  - text: ...", "    #    likelihood: medium", "    #    impact: high", "    #    mitigation: ...",
                "    added_done: false  # true when you have no more risks to add"]
    else:
        out += ["    # One entry per issue that arose; area is the number of one of the nine areas below.", "    lessons:",
                "    #  - area: 2", f"    #    concern: ...  ({c.prompts['concern']})",
                f"    #    advocacy_point: ...  ({c.prompts['advocacy_point']})"]
        out += ["    # Areas: " + "; ".join(f"{a.number}. {a.title}" for a in c.areas)]
        out += ["    areas_done: []  # the numbers of the areas you have reviewed"]
    return "\n".join(out) + "\n"
