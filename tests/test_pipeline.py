"""The English pipeline: the verified model, the blank fallback, the spaCy component."""
from __future__ import annotations

import json
import shutil

import spacy

from awareness_check import pipeline as pl


def test_default_pipeline_is_the_verified_model(pipeline):
    nlp, info = pipeline
    assert info.statistical and info.verified
    assert "en_core_web_sm 3.8.0" in info.name
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)


def test_tampered_model_fails_verification(pipeline, tmp_path):
    nlp, _ = pipeline
    copy = tmp_path / "model"
    shutil.copytree(nlp.path, copy)
    assert pl.verify_model_files(copy) is None
    (copy / "ner" / "model").write_bytes(b"tampered")
    assert "ner/model" in pl.verify_model_files(copy)


def test_fallback_when_no_model_loads(monkeypatch, capsys):
    monkeypatch.setattr(pl, "_CACHE", {})

    def refuse(name, *a, **k):
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(pl.spacy, "load", refuse)
    nlp, info = pl.load_pipeline()
    assert not info.statistical and info.name == "blank en (fallback)"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "blank English pipeline" in err and "Lost:" in err


def test_blank_pipeline_still_flags_terms(monkeypatch):
    from awareness_check.api import check_text

    blank = pl.blank_pipeline()
    report = check_text("The chairmen met.", nlp=blank)
    assert [f.text for f in report.findings] == ["chairmen"]


def test_component_in_someone_elses_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("awareness_check")
    doc = nlp("Ask the chairman. Mankind, too.")
    assert [f.text for f in doc._.awareness_findings] == ["chairman", "Mankind"]
    assert json.dumps([f.to_dict() for f in doc._.awareness_findings])


def test_component_offsets_with_soft_hyphens_and_crlf():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("awareness_check")
    text = "Co\u00adoperation with the chair\u00adman.\r\nMankind."
    doc = nlp(text)
    for f in doc._.awareness_findings:
        assert text[f.start:f.end] == f.text
