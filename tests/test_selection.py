"""Selective analysis must find what the full pipeline finds (issue 9: >= 99% agreement)."""
from __future__ import annotations

import pytest

from awareness_check.api import scan_document
from awareness_check.documents import read_path
from awareness_check.settings import Settings
from conftest import dev_document

DOCS = ["poster-set.txt", "leaflet.txt", "press-release.txt", "radio-script.txt", "donor-appeal.txt",
        "training-handout.txt", "case-story.txt", "good-practice-web.txt"]


def keys(report):
    return {(f.rule_id, f.start, f.end, f.severity) for f in report.findings}


def test_selective_agrees_with_full_analysis(pipeline, rules):
    nlp, info = pipeline
    full_total = agreed = 0
    for name in DOCS:
        document = read_path(str(dev_document(name)))
        full = keys(scan_document(document, nlp, info, rules, Settings(), selective=False))
        fast = keys(scan_document(read_path(str(dev_document(name))), nlp, info, rules, Settings(), selective=True))
        full_total += len(full | fast)
        agreed += len(full & fast)
    assert full_total == 0 or agreed / full_total >= 0.99


@pytest.mark.parametrize("text", ["Ask the chairman.\n\nNothing to see.", "One.\nTwo chairmen.\n\n\nThree mankind words."])
def test_selected_docs_keep_the_exact_text(pipeline, text):
    from awareness_check.analysis import analyze
    from awareness_check.documents import Document

    nlp, info = pipeline
    doc = Document(path="x", text=text)
    for seg in analyze(doc, nlp, info).segments:
        assert seg.doc.text == seg.block.text


NEUTRAL = ["The meeting started at nine in the morning.", "Volunteers handed out leaflets at the station.",
           "Rain was expected for most of the week.", "The report will be discussed at the next session.",
           "Participants asked questions about the training.", "Copies are available at the front desk.",
           "The bus was late again.", "Several schools took part in the workshop."]
CLAIM = "Today 40 million people are living in slavery, and the number is growing."


def _analysed(token) -> bool:
    return bool(token.pos_)


def test_only_the_wanted_sentence_of_a_paragraph_is_analysed(pipeline):
    """A figure needing the parse (is the clause present tense?) sends its sentence, not its
    paragraph, through the model; the neutral sentences around it keep tokens only."""
    from awareness_check.analysis import analyze
    from awareness_check.documents import Document

    nlp, info = pipeline
    text = " ".join(NEUTRAL[:3] + [CLAIM] + NEUTRAL[3:6])
    (seg,) = analyze(Document(path="x", text=text), nlp, info).segments
    doc = seg.doc
    assert doc.text == text
    claim_start = text.index(CLAIM)
    analysed = [t for t in doc if _analysed(t)]
    assert analysed and all(claim_start <= t.idx < claim_start + len(CLAIM) + 1 for t in analysed)
    assert [s.text.strip() for s in doc.sents] == NEUTRAL[:3] + [CLAIM] + NEUTRAL[3:6]
    assert any(t.dep_ == "nsubj" for t in analysed) and any(e.label_ == "CARDINAL" for e in doc.ents)
    for token in doc:  # spaCy's tree walks must survive the unparsed tokens
        list(token.subtree), list(token.ancestors)


def test_splice_refuses_runs_tokenised_differently(pipeline):
    from awareness_check.selection import cheap_doc, splice

    nlp, _ = pipeline
    cheap = cheap_doc(nlp, "First one. Second one.")
    assert splice(cheap, ((0, 3),), [nlp.make_doc("First one")]) is None
    assert splice(cheap, ((0, 3),), [nlp.make_doc("Fir st on")]) is None


def test_spliced_paragraphs_find_what_full_analysis_finds(pipeline, rules):
    """Every lexicon example and dev-corpus item set among neutral sentences, two to a paragraph:
    sentence-level analysis (the wanted sentences and their context spliced into the paragraph's
    tokens) must give the full pipeline's findings and statistics."""
    from awareness_check.analysis import analyze
    from awareness_check.api import report_for
    from awareness_check.documents import Document
    from test_gates import _example_paragraphs

    nlp, info = pipeline
    examples = [p.replace("\n\n", "\n") for p in _example_paragraphs()]
    paragraphs = []
    for i in range(0, len(examples), 2):
        parts = []
        for k, example in enumerate(examples[i:i + 2]):
            parts += [NEUTRAL[(i + k) % 8], NEUTRAL[(i + k + 3) % 8], example, NEUTRAL[(i + k + 5) % 8]]
        paragraphs.append(" ".join(parts))
    text = "\n\n".join(paragraphs) + "\n"
    fast_adoc = analyze(Document(path="x", text=text), nlp, info)
    fast = report_for(fast_adoc, rules, Settings())
    full = report_for(analyze(Document(path="x", text=text), nlp, info, selective=False), rules, Settings(), gated=False)
    spliced = [s for s in fast_adoc.segments if s.analysed is not None and not all(_analysed(t) for t in s.analysed)]
    assert len(spliced) > 100  # the splice is what is being tested
    key = lambda r: sorted((f.rule_id, f.start, f.end, str(f.severity), f.message) for f in r.findings)
    assert len(full.findings) > 500
    assert key(fast) == key(full)
    assert fast.stats == full.stats


@pytest.mark.parametrize("text", [
    # a name's earlier mention decides who the person is (identification links mentions by name words)
    "Amina Bello grew up in Kano and attended the local school. The family later moved to the city to look "
    "for work. Amina was lured to Lagos at 14.",
    # the line introducing a figure names its source (data claims read its entities)
    "Figures from Anti-Slavery International show:\n27% of domestic workers are paid nothing.",
    # TRM002 reads the whole paragraph's lemmas (a deception told three sentences earlier)
    "Someone promised Ana work in a hotel abroad. Weeks passed without any news. Rain fell for days. "
    "The trafficking ring moved the group across the border. Each of them paid 2,000 euros.",
    'Ask questions first. Every recruiter lies. "Trust me!" he says. Do not believe it.',
    # a sentence opening with '_' (markdown emphasis): a near phrase whole in the sentence, not in the paragraph
    "The camps were crowded. _Epidemic levels of infections were reported._",
    "The camps were crowded.\n--Epidemic levels of infections were reported.",
])
def test_what_a_check_reads_around_its_trigger_is_analysed(pipeline, rules, text):
    """Sentences a check reads besides its trigger's (a name's other mentions, a source line, the
    paragraph's lemmas) are analysed with it: the findings are the full pipeline's."""
    from awareness_check.documents import Document

    nlp, info = pipeline
    key = lambda r: sorted((f.rule_id, f.start, f.end) for f in r.findings)
    fast = scan_document(Document(path="x", text=text), nlp, info, rules, Settings())
    full = scan_document(Document(path="x", text=text), nlp, info, rules, Settings(), selective=False)
    assert key(fast) == key(full)


@pytest.mark.parametrize("text, named", [
    # the next sentence puts the name at risk: the named sentence is wanted for itself
    ("The bus was late again. Meet Joy from the coast. She was trafficked at 16. Rain was expected for most of the week.",
     "Meet Joy from the coast."),
    ("The bus was late again. Joy Okafor loves football. She told Grace that she was trafficked. Rain was expected for most of the week.",
     "Joy Okafor loves football."),
])
def test_identification_analyses_the_sentence_naming_the_person_at_risk(pipeline, text, named):
    """Identification reads the sentence after a name as text only ('She ... trafficked'), but the
    name itself needs its entities: that sentence is analysed, the neutral ones around are not."""
    from functools import partial

    from awareness_check.analysis import GateAnswers, Segment
    from awareness_check.checks.privacy import IdentificationCheck
    from awareness_check.documents import Document
    from awareness_check.selection import Selector, cheap_doc

    nlp, _ = pipeline
    (block,) = Document(path="x", text=text).blocks
    seg = Segment(block, make_doc=partial(cheap_doc, nlp), answers=GateAnswers(1))
    runs = Selector.from_checks([IdentificationCheck()]).plan(seg)
    assert runs, runs
    analysed = {i for a, b in runs for i in range(seg.doc[a].idx, seg.doc[b - 1].idx + len(seg.doc[b - 1]))}
    start = text.index(named)
    assert set(range(start, start + len(named))) <= analysed
    assert not analysed & set(range(len("The bus was late again.")))


def _identification_analysed(nlp, text):
    """The sentences identification alone sends to the full pipeline, after the tagger's say."""
    from awareness_check.checks.privacy import IdentificationCheck
    from awareness_check.documents import Document
    from awareness_check.selection import Selector, analyze_selected

    (segment,) = analyze_selected(Document(path="x", text=text).blocks, nlp, Selector.from_checks([IdentificationCheck()]), 64)
    if segment.analysed is None:
        return []
    return [sent.text for sent in segment.doc.sents if all(t.pos_ for t in sent if not t.is_space)]


@pytest.mark.parametrize("text, analysed", [
    # the only capitalised word opens the sentence and is a common noun: the tagger says so, no full analysis
    ("The bus was late again. Traffickers often target children from poor families. Rain fell for days.", []),
    ("Rain fell for days. Participants said that trafficked girls were usually 14 or 15.", []),
    # ... or a one-word name: the tagger calls it a proper noun, the sentence and the name's other mentions are analysed
    ("The bus was late again. We met Blessing last year. Blessing was sold at 17. Rain fell for days.",
     ["We met Blessing last year.", "Blessing was sold at 17."]),
])
def test_a_sentence_named_only_by_its_first_word_is_analysed_if_the_tagger_calls_it_a_name(pipeline, text, analysed):
    nlp, info = pipeline
    if not info.statistical:
        pytest.skip("no statistical model")
    assert [s.strip() for s in _identification_analysed(nlp, text)] == analysed


def test_sentences_wanted_if_their_first_word_is_a_name_find_what_full_analysis_finds(pipeline, rules):
    from awareness_check.documents import Document

    nlp, info = pipeline
    stories = ["Joy is 15. She was trafficked by a neighbour.", "Grace, 15, was rescued from a farm near Kasoa.",
               "Sipho is from Bulawayo. Sipho was recruited by smugglers at 13 and taken to a farm in Limpopo.",
               "Amina was 14 when she was trafficked to Lagos. Amina now lives with her aunt in Kano.",
               "Mercy, 16, was forced to work in a salon on Ring Road.", "Traffickers target girls aged 12 to 15.",
               "Marco, a victim of trafficking, was 17. Marco now lives in Palermo.",
               "Amina Bello grew up in Kano. Amina was lured to Lagos at 14 and sold to a madam on Allen Avenue.",
               # the tagger calls 'Gift' a common noun, the entity recognizer a PERSON (found in review)
               "Gift was 15 years old. The agency promised a job. The fee was paid in cash. No contract was "
               "signed. She was taken to Kasoa market."]
    text = "\n\n".join(f"{NEUTRAL[i % 8]} {story} {NEUTRAL[(i + 3) % 8]}" for i, story in enumerate(stories)) + "\n"
    key = lambda r: sorted((f.rule_id, f.start, f.end, f.message) for f in r.findings)
    fast = scan_document(Document(path="x", text=text), nlp, info, rules, Settings())
    full = scan_document(Document(path="x", text=text), nlp, info, rules, Settings(), selective=False)
    assert any(f.rule_id.startswith("IDR") for f in full.findings)
    assert key(fast) == key(full)


def test_cheap_sentence_starts_are_the_sentencizers(pipeline):
    """cheap_doc reads sentence starts from token columns: the same as spaCy's Sentencizer followed
    by the line-break rule, on every lexicon example and on punctuation and whitespace edge cases."""
    from spacy.attrs import SENT_START
    from spacy.pipeline import Sentencizer

    from awareness_check.pipeline import line_breaks
    from awareness_check.selection import cheap_doc
    from test_gates import _example_paragraphs

    nlp, _ = pipeline
    sentencizer = Sentencizer()
    edge = ["", " ", "\n", "Hi", "Wait... what?! Really.", 'He said "Go." Then left.', "One.\nTwo\n\nThree",
            "Line one\r\nline two.  \n  Next.", "A .B. c !? d", "Ends with space. ", "¿Qué? ¡Sí! 。終わり。", "(See p. 4.) Next"]
    texts = edge + _example_paragraphs()
    for text in texts:
        ref = nlp.make_doc(text)
        sentencizer(ref)
        if "\n" in text:
            line_breaks(ref)
        assert cheap_doc(nlp, text).to_array([SENT_START]).tolist() == ref.to_array([SENT_START]).tolist(), text
    assert len(texts) > 500


def test_the_first_word_test_runs_whatever_the_embedding_component_is_called(pipeline):
    """The pre-pass enables every component up to the tagger, and the entity recognizer: a model
    whose embedding is not called 'tok2vec' (a transformer) must not tag every word NN."""
    import spacy

    from awareness_check.selection import proper_first_words

    nlp, info = pipeline
    if not info.statistical or nlp.path is None:
        pytest.skip("no statistical model on disk")
    texts = ["Blessing was sold at 17.", "Gift was 15 years old.", "Traffickers often target children."]
    assert proper_first_words(nlp, texts, 64) == [True, True, False]
    renamed = spacy.load(nlp.path)
    renamed.rename_pipe("tok2vec", "embed")
    assert proper_first_words(renamed, texts, 64) == [True, True, False]


def test_identification_wants_per_paragraph_answers_as_per_sentence(pipeline):
    """Told which cue words a paragraph holds (none: its gate closed), the identification trigger
    searches only the sentences holding one: every sentence of the dev corpus and the examples gets
    the same answer."""
    from functools import partial

    from awareness_check.analysis import Segment
    from awareness_check.checks.privacy import IdentificationCheck, _wants_without_cues
    from awareness_check.documents import Document
    from awareness_check.selection import cheap_doc
    from conftest import DEV, ROOT

    nlp, _info = pipeline
    check = IdentificationCheck()
    paths = sorted((DEV / "documents").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
    closed = compared = 0
    extra = Document(path="x", text="The stories are shared with consent. Meet Sipho, 13, who now goes to school again.\n\n"
                                    "Grace Mensah spoke first. She was trafficked at sixteen.\n\nAmina Bello, a teacher, spoke.\n")
    for blocks in [read_path(str(path)).blocks for path in paths] + [extra.blocks]:
        for block in blocks:
            seg = Segment(block, make_doc=partial(cheap_doc, nlp))
            per_paragraph = check.paragraph_wants(seg)
            closed += per_paragraph is _wants_without_cues
            for sent in seg.sents:
                assert per_paragraph(sent) == check.wants(sent), sent.text
                compared += 1
    assert compared > 400 and closed > 20, (compared, closed)
