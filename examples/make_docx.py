"""Build examples/leaflet.docx from examples/leaflet.txt, so the Word version is reproducible.

The body of the .docx is the .txt exactly (one Word paragraph per line, empty lines kept), so a
scan of either file gives the same findings at the same offsets. After the body comes a small
contacts table (one of its cells holds a gendered term: its finding comes after the body's), and
the page header carries the network's name, as a real Word draft would.

    python examples/make_docx.py            # writes examples/leaflet.docx next to this script
"""
from __future__ import annotations

import sys
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
HEADER = "Riverside Migrant Support Network - leaflet draft, not for distribution"
TABLE = [
    ("Who", "How to reach them"),
    ("Helpline advisers", "0800 555 0199, free, 24 hours a day"),
    ("Police spokesman", "Press office, 0800 555 0100"),
    ("Chair of the Network", "info@riverside-network.example"),
]


def build(source: Path, target: Path) -> None:
    text = source.read_text(encoding="utf-8")
    lines = text[:-1].split("\n") if text.endswith("\n") else text.split("\n")
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = HEADER
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=len(TABLE), cols=2)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, TABLE):
        for cell, value in zip(row.cells, cells):
            cell.text = value
    # python-docx's default template ends the body with its section properties only; nothing else
    # is added after the table, so the body text is the .txt followed by the table rows.
    document.save(str(target))


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else HERE / "leaflet.txt"
    target = Path(argv[2]) if len(argv) > 2 else source.with_suffix(".docx")
    build(source, target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
