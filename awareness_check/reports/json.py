"""``--format json``: exactly the DESIGN.md contract (fields are only ever added)."""
from __future__ import annotations

import json

from ..findings import Report


def render(report: Report, **_opts) -> str:
    data = report.to_dict()
    data["pipeline"] = report.pipeline
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
