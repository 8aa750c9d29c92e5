"""``awareness-check rules`` and ``awareness-check explain CODE``: the rule pages, from the YAML."""
from __future__ import annotations

import json

import click

from ..lexicon import Rule, load_rules
from ..textforms import fit_case, inflect_like
from .common import fail, user_errors


@click.command("rules")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--category", help="Only rules of this category.")
@user_errors
def rules_command(fmt, category):
    """List every rule: code, name, category, checklist items, severity and summary."""
    rules = [r for r in load_rules().rules if not category or r.category == category]
    if fmt == "json":
        click.echo(json.dumps([
            {"rule_id": r.code, "rule_name": r.name, "category": r.category, "checklist_items": list(r.checklist),
             "severity": str(r.severity), "summary": r.summary, "message": r.message, "entries": len(r.entries),
             "disputed": r.disputed}
            for r in rules
        ], indent=2, ensure_ascii=False))
        return
    for r in rules:
        items = ",".join(map(str, r.checklist))
        click.echo(f"{r.code}  {r.name:<40} {r.category:<20} items {items:<6} {str(r.severity):<10} {r.summary}")
    click.echo(f"{len(rules)} rules, {sum(len(r.entries) for r in rules)} entries.")


@click.command("explain")
@click.argument("code")
@user_errors
def explain(code):
    """Explain a rule: what it flags, why, an example, what to use instead, limits and sources."""
    rules = load_rules()
    code = code.upper()
    if code not in rules:
        fail(f"no rule {code!r}; `awareness-check rules` lists them")
    click.echo(rule_page(rules.get(code)))


def rule_page(rule: Rule) -> str:
    lines = [f"# {rule.code} {rule.name}", "",
             f"Category: {rule.category} · Checklist (3.8): {', '.join(map(str, rule.checklist))} · Severity: {rule.severity}"
             + (" · disputed: authorities disagree" if rule.disputed else ""), "",
             "## What it flags", "", rule.summary, ""]
    flagged = [e for e in rule.entries if e.terms or e.forms]
    if flagged:
        for e in flagged:
            terms = ", ".join(e.terms + e.forms)
            instead = f" -> {', '.join(e.suggestions)}" if e.suggestions else ""
            cond = f" ({e.condition})" if e.condition else ""
            lines.append(f"- {terms}{instead}{cond}")
        lines.append("")
    lines += ["## Why it matters", "", rule.explanation, ""]
    examples = rule.all_examples()
    flag = next((ex.flag[0] for _, ex in examples if ex.flag), None)
    ok = next((ex.pass_[0] for _, ex in examples if ex.pass_), None)
    if flag:
        lines += ["## Example", "", f"    {flag}", ""]
    use = _use_instead(rule, flag)
    if use or ok:
        lines += ["## Use instead", ""]
        if use:
            lines.append(f"    {use}")
        if ok and ok != use:
            lines.append(f"    {ok}  (not flagged)")
        lines.append("")
    lines += ["## Known limitations", "", rule.limitations, "", "## Sources", ""]
    for s in rule.sources:
        ref = f" [{s.ref}]" if s.ref else ""
        url = f" {s.url}" if s.url else ""
        lines.append(f"- {s.cite}{ref}{url}")
    return "\n".join(lines)


def _use_instead(rule: Rule, example: str | None) -> str | None:
    """The first flag example with its first suggestion applied, when the rule offers one."""
    if not example:
        return None
    import re

    from ..checks.lexical import surface_forms

    for e in rule.entries:
        if not e.suggestions:
            continue
        for form in sorted(surface_forms(e), key=len, reverse=True):
            m = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", example, flags=re.IGNORECASE)
            if m:
                fixed = fit_case(inflect_like(e.suggestions[0], m.group(0)), m.group(0))
                return example[: m.start()] + fixed + example[m.end():]
    return None


COMMANDS = [rules_command, explain]
