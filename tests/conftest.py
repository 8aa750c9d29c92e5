"""Shared fixtures: one English pipeline per test session, the rule set, the dev corpus."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from awareness_check.api import scan_document
from awareness_check.documents import Document
from awareness_check.lexicon import load_rules
from awareness_check.pipeline import load_pipeline
from awareness_check.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "dev-corpus"


@pytest.fixture(scope="session")
def pipeline():
    return load_pipeline(quiet=True)


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def scan(pipeline, rules):
    """scan(text, **settings) -> list of findings, with the session pipeline."""
    nlp, info = pipeline

    def run(text: str, **settings):
        doc = Document(path="<test>", text=text)
        return scan_document(doc, nlp, info, rules, Settings(**settings)).findings

    return run


@pytest.fixture(scope="session")
def dev_items():
    path = DEV / "dev_flags.jsonl"
    if not path.exists():
        pytest.skip("shared dev corpus not available")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def dev_document(name: str) -> Path:
    """Path of a dev-corpus document; skips the calling test when the corpus is absent."""
    path = DEV / "documents" / name
    if not path.exists():
        pytest.skip(f"dev corpus document {name} not available")
    return path
