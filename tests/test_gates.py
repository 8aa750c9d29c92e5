"""Paragraph gates (gates.py): a check shown only the paragraphs its gate opens must find exactly
what it finds when shown everything, and a paragraph no gate opens is never tokenised."""
from __future__ import annotations

import json

import pytest

from awareness_check.analysis import analyze
from awareness_check.api import report_for, scan_document
from awareness_check.checks import all_checks
from awareness_check.documents import Document
from awareness_check.gates import Gate, gate_of, opened_word_gates, paragraph_words
from awareness_check.paths import lexicon_dir
from awareness_check.settings import Settings
from awareness_check.yamlio import load_yaml
from conftest import DEV


def test_paragraph_words_split_like_gate_words():
    words = paragraph_words("Anti-trafficking NGOs’ chairman, e-mail: x@y.org")
    assert {"anti", "trafficking", "ngos", "chairman", "e", "mail", "x", "y", "org"} <= words
    gate = Gate.of(words=["anti-trafficking"])
    assert gate.opens_words(words)
    assert not gate.opens_words(paragraph_words("A neutral sentence."))


def test_gate_prefixes_and_lemmas():
    gate = Gate.of(prefixes=["smuggl"], lemmas=["sell"])
    assert gate.opens_words(paragraph_words("They were smuggled."))
    assert gate.opens_words(paragraph_words("She was sold."))  # irregular form of the lemma
    assert gate.opens_words(paragraph_words("selling"))
    assert not gate.opens_words(paragraph_words("They travelled."))


def _example_paragraphs() -> list[str]:
    paras: list[str] = []
    for path in sorted(lexicon_dir().glob("*.yml")):
        for rule in load_yaml(path.read_text(encoding="utf-8")).get("rules", []):
            for holder in [rule] + list(rule.get("entries") or []):
                examples = holder.get("examples") or {}
                paras += list(examples.get("flag") or []) + list(examples.get("pass") or [])
    flags = DEV / "dev_flags.jsonl"
    if flags.exists():
        paras += [json.loads(line)["text"] for line in flags.read_text(encoding="utf-8").splitlines() if line.strip()]
    return paras


@pytest.fixture(scope="module")
def example_document() -> Document:
    return Document(path="examples.txt", text="\n\n".join(p.replace("\n\n", "\n") for p in _example_paragraphs()) + "\n")


def _keys(report):
    return sorted((f.rule_id, f.start, f.end, str(f.severity), f.message) for f in report.findings)


@pytest.fixture(scope="module")
def reference(pipeline, rules, example_document):
    """The reference: full pipeline on every paragraph, every check shown every paragraph."""
    nlp, info = pipeline
    adoc = analyze(example_document, nlp, info, selective=False)
    return adoc, report_for(adoc, rules, Settings(), gated=False)


def test_gated_scan_equals_the_full_reference(pipeline, rules, example_document, reference):
    """Every lexicon example and dev-corpus item, one paragraph each: the fast path (gates and
    selective analysis) against the reference."""
    nlp, info = pipeline
    _adoc, full = reference
    fast = scan_document(example_document, nlp, info, rules, Settings(), selective=True)
    assert len(full.findings) > 500
    assert _keys(fast) == _keys(full)
    assert fast.stats == full.stats


def test_every_gated_finding_is_in_a_paragraph_its_gate_opens(rules, reference):
    """Gates alone (the same full analysis), so a missing gate word shows up as a finding lost,
    not hidden by selection."""
    adoc, full = reference
    gated = report_for(adoc, rules, Settings(), gated=True)
    assert _keys(gated) == _keys(full)
    assert gated.stats == full.stats


def test_paragraphs_no_gate_opens_are_never_tokenised(pipeline, rules):
    if any(gate_of(c) is None for c in all_checks()):
        pytest.skip("a check without a gate reads every paragraph")
    nlp, info = pipeline
    text = "The council met on Tuesday to discuss the budget.\n\nThe chairman opened the meeting."
    adoc = analyze(Document(path="x", text=text), nlp, info)
    report_for(adoc, rules, Settings())
    first, second = adoc.segments
    assert "doc" not in first.__dict__  # never tokenised
    assert "doc" in second.__dict__


def test_rules_from_another_folder_are_read_in_every_paragraph(pipeline, tmp_path):
    """The term gate lists the installed lexicon's words: a scan given other rules (a team's own
    lexicon folder) must still find their words."""
    import shutil

    from awareness_check.lexicon import load_rules
    from awareness_check.paths import lexicon_dir

    folder = tmp_path / "lexicons"
    shutil.copytree(lexicon_dir(), folder)
    path = folder / "gendered-language.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("terms: [chairman,", "terms: [zorblatman, chairman,"), encoding="utf-8")
    custom = load_rules(str(folder))
    nlp, info = pipeline
    document = Document(path="x", text="Ask the zorblatman today.\n")
    fast = scan_document(document, nlp, info, custom, Settings(), selective=True)
    assert [(f.rule_id, f.text) for f in fast.findings] == [("GEN001", "zorblatman")]


@pytest.mark.parametrize("text, rule", [
    ("She cho\u017fe to go with him abroad.", "JDG005"),
    ("Police carried out a raid-and-re\u017fcue operation last night.", "SNS003"),
    ("They breed like rat\u017f, he said of the migrants.", "STG001"),
])
def test_letters_regexes_fold_open_the_gates(pipeline, rules, text, rule):
    """'ſ' is 's' to a case-insensitive regex: the word gates read it the same way."""
    nlp, info = pipeline
    document = Document(path="x", text=text)
    fast = scan_document(document, nlp, info, rules, Settings(), selective=True)
    full = scan_document(document, nlp, info, rules, Settings(), selective=False)
    assert rule in {f.rule_id for f in full.findings}
    assert _keys(fast) == _keys(full)


@pytest.mark.parametrize("text", [
    "Ama, 14, left", "the fourteen-year-old", "aged twelve", "at the age of 9", "Ama (15) left", "she was 16 when",
    "trafficked at fifteen", "who turned 13 on Monday", "her 14th birthday", "held captive", "never paid", "debt bondage",
    "brought to Lagos", "caught stealing", "in care", "a safehouse", "safe houses", "her stepmother", "pictured",
    "photo", "refuges", "pupils", "Victims", "ſold", "the SURVIVORS", "children",
])
def test_identification_cue_gate_opens_wherever_the_cue_regex_matches(text):
    from awareness_check.identification.gate import SELECT_CUE, SELECT_CUE_GATE

    assert SELECT_CUE.search(text), text  # the example is a cue
    assert SELECT_CUE_GATE.opens_text(text)


@pytest.mark.parametrize("paragraph", [
    "Ama was fourteen. She left at dawn with Two Rivers staff.", "The 3 girls, aged twelve, left.", "İpek was nine.",
    "Nothing here. Twenty-one of them came back.", "No age at all. None.",
])
def test_a_sentence_reads_as_aged_wherever_the_age_gate_opens_on_it(paragraph):
    """The narrowing finder reads a sentence's age gate from its text and its paragraph's number
    words (``sentence_test`` of a gate with digits and words): never closed where the gate opens."""
    from awareness_check.gates import sentence_test
    from awareness_check.identification.gate import AGE_GATE

    test = sentence_test(AGE_GATE, paragraph_words(paragraph))
    for sentence in paragraph.split(". "):
        assert test(sentence) >= AGE_GATE.opens_text(sentence), sentence


def test_identification_cue_gate_is_necessary_on_the_examples():
    from awareness_check.identification.gate import SELECT_CUE, SELECT_CUE_GATE

    texts = _example_paragraphs()
    matched = [t for t in texts if SELECT_CUE.search(t)]
    assert len(matched) > 100
    assert all(SELECT_CUE_GATE.opens_text(t) for t in matched)
    assert not SELECT_CUE_GATE.opens_text("Participants discussed the new leaflet at length.")


def test_lexicon_matcher_gates_lose_no_match(pipeline, rules, reference):
    """Each lexicon entry's Matcher runs only where every required word of one of its patterns is
    in the paragraph (lexical._entry_gate): on every example, analysed, the gated matches are the
    ungated ones."""
    from awareness_check.checks.lexical import compiled_for

    nlp, info = pipeline
    adoc, _full = reference
    compiled = compiled_for(nlp, rules, info.statistical)
    assert any(gate is not None and type(gate).__name__ in ("AllGate", "AnyGate") for gate, *_ in compiled.pattern_groups)
    assert all(test is not None for gate, test, *_ in compiled.pattern_groups if gate is not None)
    total = opened = 0
    for seg in adoc.segments:
        # each entry's compiled word test answers as its gate does
        for gate, test, *_ in compiled.pattern_groups:
            if gate is not None:
                answer = gate.opens_words(seg.words)
                assert test(opened_word_gates(seg.words), seg) == answer, (seg.text, gate)
                opened += answer
        gated = [(key, span.start, span.end) for key, span in compiled.matches(seg.doc, seg.words)]
        ungated = [(key, span.start, span.end) for key, span in compiled.matches(seg.doc, None)]
        assert gated == ungated, seg.text
        total += len(ungated)
    assert total > 300 and opened > 100


def test_pattern_tokens_the_tokenizer_cuts_out_of_a_word_do_not_gate():
    """'do' and "n't" are tokens of "Don't" but not words of the paragraph ('don', 't'); 'can' and
    'not' of 'cannot' likewise: a pattern naming them is gated by its other words."""
    from awareness_check.checks.lexical import _pattern_gate

    gate = _pattern_gate([{"LOWER": "do"}, {"LOWER": "n't"}, {"LOWER": "trust"}])
    assert gate.opens_words(paragraph_words("Don't trust anyone."))
    assert _pattern_gate([{"LOWER": "can"}, {"LOWER": "not"}]) is None


def test_a_gate_first_asked_after_a_paragraph_was_read_is_answered_for_it():
    """Word gates are answered from an index of every gate asked so far (decided once per word):
    a gate new to the index must still be answered for words already seen."""
    words = paragraph_words("The smugglers left the safe-house at dawn.")
    assert Gate.of(words=["dawn"]).opens_words(words)
    assert Gate.of(prefixes=["smuggl"]).opens_words(words)
    assert Gate.of(words=["safe house"]).opens_words(words)  # found by its longest part
    assert not Gate.of(prefixes=["traffick"], words=["smuggler"]).opens_words(words)
    assert not Gate.of().opens_words(words)
    assert Gate.of(prefixes=["smugglers"]).opens_words(words) and not Gate.of(prefixes=["smugglerss"]).opens_words(words)


def test_lexicon_phrases_are_gated_by_all_their_whole_words(rules):
    """A phrase of several words opens only where each word it must hold is present: 'illegal
    resident' is not read in every paragraph about a resident (a year of news holds one in every
    other paragraph); words the tokenizer may cut out of a longer word are not required."""
    from awareness_check.checks.lexical import phrase_words, term_gate

    assert phrase_words("illegal resident") == {"illegal", "resident"}
    assert phrase_words("what did she expect") == {"what", "did", "she", "expect"}
    assert "a" not in phrase_words("a man's job")  # 'ima' is tokenised 'i', 'm', 'a'
    assert "don" not in phrase_words("boys don't cry")  # the matcher also matches "do n't"
    assert "10" not in phrase_words("walk 10 km") and "km" not in phrase_words("walk 10 km")
    gate = term_gate(rules)
    assert not gate.opens_words(paragraph_words("Residents expect the council to act on the work."))
    assert gate.opens_words(paragraph_words("He was an illegal resident, they said."))


def _glued_variants(nlp, form: str) -> list[str]:
    """Texts the PhraseMatcher may match ``form`` in: as written, its tokens with no space or one
    space between them, and glued to the rest of a special case or a number at either end."""
    from spacy.attrs import ORTH
    from spacy.lang.en import English

    tokens = [t.text for t in nlp.make_doc(form)]
    texts = [form, "".join(tokens), " ".join(tokens)]
    low = form.lower()
    for key, parts in English.Defaults.tokenizer_exceptions.items():
        orths = [str(p.get(ORTH, "")) for p in parts]
        for k in range(1, len(orths)):
            before, after = "".join(orths[:k]), "".join(orths[k:])
            if low.startswith(orths[k].lower()):
                texts.append(before + form)
            if low.endswith(orths[k - 1].lower()):
                texts.append(form + after)
    texts += ["5" + form, form + "km", "10" + form]
    return [f"So {t} here." for t in dict.fromkeys(texts)]


def test_phrase_gates_open_wherever_the_phrase_matcher_matches(pipeline, rules):
    """The phrase gate is a necessary condition: every lexicon phrase, written as the matcher can
    meet it (spaces dropped or added between its tokens, glued to a special case or a number),
    is matched only in text whose words open the term gate."""
    from spacy.matcher import PhraseMatcher

    from awareness_check.checks.lexical import surface_forms, term_gate

    nlp, _info = pipeline
    gate = term_gate(rules)
    checked = 0
    for rule in rules.by_kind("term"):
        for entry in rule.entries:
            for form in surface_forms(entry):
                matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
                matcher.add("x", [nlp.make_doc(form)])
                for text in _glued_variants(nlp, form):
                    if matcher(nlp.make_doc(text)):
                        checked += 1
                        assert gate.opens_words(paragraph_words(text)), (form, text)
    assert checked > 1500


def test_a_sentence_test_built_from_its_paragraph_never_closes_where_the_gate_opens():
    """gates.sentence_test looks for the paragraph's gate words in each sentence's text: on every
    sentence of the examples it opens wherever the gate opens on the sentence's own words, and it
    closes on most sentences the gate closes on."""
    import re as _re

    from awareness_check.checks.lexical import TermCheck
    from awareness_check.checks.wording import _ABDUCT_GATE, _CONSENT_GATE, _METAPHOR_GATE, _PEST_GATE, _RESCUE_GATE
    from awareness_check.gates import sentence_test

    gates = [_CONSENT_GATE, _RESCUE_GATE, _ABDUCT_GATE, _PEST_GATE, _METAPHOR_GATE, TermCheck().gate]
    opened = closed = 0
    for paragraph in _example_paragraphs():
        words = paragraph_words(paragraph)
        for gate in gates:
            test = sentence_test(gate, words)
            for sentence in _re.split(r"(?<=[.!?])\s+", paragraph):
                expected = gate.opens_text(sentence)
                assert test(sentence) or not expected, (sentence, gate)
                opened += expected
                closed += not test(sentence)
    assert opened > 100 and closed > 1000
