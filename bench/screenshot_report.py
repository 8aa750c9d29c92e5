"""Render a draft's HTML report to PNG with headless Chromium, for a person to look at.

    PYTHONPATH=. python bench/screenshot_report.py DRAFT [OUT.png] [--width 1000] [--height 2400] [--pdf]

Scans DRAFT (any input the scanner reads), writes the HTML report next to OUT.png and takes a
screenshot with the same locked-down Chromium flags the browser test uses (no network, no
extensions, a throwaway profile). ``--pdf`` also prints the page to OUT.pdf, to check how the
report prints. Needs the Debian package ``chromium``.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--hide-scrollbars", "--mute-audio",
)


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def run_chromium(html_path: Path, *args: str, timeout: int = 120) -> None:
    browser = chromium()
    if browser is None:
        raise SystemExit("chromium not found (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="awareness-check-chromium-") as profile:
        subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, html_path.resolve().as_uri()],
                       check=True, capture_output=True, timeout=timeout)


def screenshot(html_path: Path, png_path: Path, *, width: int = 1000, height: int = 2400) -> None:
    run_chromium(html_path, f"--window-size={width},{height}", f"--screenshot={png_path.resolve()}")


def print_pdf(html_path: Path, pdf_path: Path) -> None:
    run_chromium(html_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf_path.resolve()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft")
    parser.add_argument("out", nargs="?", default="report.png")
    parser.add_argument("--width", type=int, default=1000)
    parser.add_argument("--height", type=int, default=2400)
    parser.add_argument("--pdf", action="store_true", help="also print the report to a PDF next to the PNG")
    args = parser.parse_args(argv)

    from awareness_check.api import check_file
    from awareness_check.reports import render

    out = Path(args.out)
    html_path = out.with_suffix(".html")
    html_path.write_text(render(check_file(args.draft), "html"), encoding="utf-8")
    screenshot(html_path, out, width=args.width, height=args.height)
    print(f"wrote {html_path} and {out}")
    if args.pdf:
        print_pdf(html_path, out.with_suffix(".pdf"))
        print(f"wrote {out.with_suffix('.pdf')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
