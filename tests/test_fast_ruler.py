"""The indexed attribute ruler must write exactly what the model's stock attribute ruler writes."""
from __future__ import annotations

import numpy
import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from awareness_check.fast_ruler import IndexedAttributeRuler
from test_gates import _example_paragraphs

ATTRS = [POS, TAG, MORPH, LEMMA, DEP]
# every kind of pattern the model's ruler holds: two-token lemma patterns (gonna, gotta, y'all,
# let's, c'mon, ain't), regexes (nothin'), dependency-dependent ones ('but' as adverb, 'I/you/it'
# as object, auxiliaries, existential 'there is'), whitespace tokens, tags mapped to POS
TRICKY = [
    "I'm gonna tell y'all something: you gotta let 'em go, c'mon.",
    "Let's go. It ain't right and it ain't over, there's nothin' left.",
    "There are many ways out, but he said but one word to me and gave it to you.",
    "She had done it.  Has he?\n\nDo you have it?   They did.\t\tWe do.",
    "Whether or not he was trafficked, the report says that those who were are owed help.",
    "  Leading spaces, trailing spaces   ",
    "THIS IS A HEADLINE IN CAPITALS!!! Are they?",
    "Call 0800 123 456 now. £3,000 was paid; 40% of victims (2021 figures) were children.",
]


@pytest.fixture(scope="module")
def rulers(pipeline):
    nlp, info = pipeline
    if not info.statistical:
        pytest.skip("no statistical model")
    indexed = nlp.get_pipe("attribute_ruler")
    stock = AttributeRuler(nlp.vocab)
    stock.add_patterns(indexed.patterns)
    return nlp, stock, indexed


def _before_ruler(nlp, texts):
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        return list(nlp.pipe(texts))


def test_the_loaded_pipeline_uses_the_indexed_ruler_with_the_models_patterns(rulers):
    nlp, stock, indexed = rulers
    assert isinstance(indexed, IndexedAttributeRuler)
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer")
    assert len(indexed.patterns) > 100


def test_indexed_ruler_writes_what_the_stock_ruler_writes(rulers):
    nlp, stock, indexed = rulers
    texts = TRICKY + [p for p in _example_paragraphs() if p.strip()]
    docs = _before_ruler(nlp, texts)
    assert sum(len(d) for d in docs) > 10_000
    for doc in docs:
        a, b = doc.copy(), doc.copy()
        stock(a)
        indexed(b)
        if not numpy.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)):
            diff = [(x.text, x.pos_, y.pos_, str(x.morph), str(y.morph), x.lemma_, y.lemma_)
                    for x, y in zip(a, b) if (x.pos, x.morph.key, x.lemma, x.tag, x.dep) != (y.pos, y.morph.key, y.lemma, y.tag, y.dep)]
            pytest.fail(f"{doc.text!r}: {diff[:3]}")


def test_the_ruler_changes_what_the_tagger_alone_gives(rulers):
    """The comparison above is not vacuous: the ruler sets POS, morphology and some lemmas."""
    nlp, stock, indexed = rulers
    doc = _before_ruler(nlp, [TRICKY[0]])[0]
    before = doc.to_array(ATTRS)
    indexed(doc)
    assert not numpy.array_equal(before, doc.to_array(ATTRS))
    assert [t.lemma_ for t in doc if t.lower_ in ("gon", "na")] == ["go", "to"]


def test_a_pattern_added_later_is_matched(rulers):
    nlp, stock, _ = rulers
    ruler = IndexedAttributeRuler(nlp.vocab)
    ruler.add_patterns(stock.patterns)
    doc = _before_ruler(nlp, ["The smugglers left."])[0]
    ruler(doc.copy())  # compiles the index
    ruler.add([[{"LOWER": "smugglers"}]], {"LEMMA": "SMUGGLER"})
    assert [t.lemma_ for t in ruler(doc.copy())][1] == "SMUGGLER"


def test_patterns_it_cannot_index_fall_back_to_the_stock_matcher(rulers):
    nlp, stock, _ = rulers
    ruler = IndexedAttributeRuler(nlp.vocab)
    plain = AttributeRuler(nlp.vocab)
    for r in (ruler, plain):
        r.add_patterns(stock.patterns)
        r.add([[{"LENGTH": {">=": 9}}, {"IS_PUNCT": True, "OP": "+"}]], {"LEMMA": "LONG"})
    doc = _before_ruler(nlp, ["The smugglers!! Nothing else."])[0]
    a, b = plain(doc.copy()), ruler(doc.copy())
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert "LONG" in [t.lemma_ for t in b]


@pytest.mark.filterwarnings("ignore:.*W036")  # spaCy's own note on an empty Matcher
@pytest.mark.parametrize("patterns", [
    [],  # an empty ruler
    [{"patterns": [[{}]], "attrs": {"LEMMA": "ANY"}}],  # a pattern naming no attribute
    [{"patterns": [[{LEMMA: "smugglers"}]], "attrs": {"LEMMA": "SMUGGLER"}}],  # an attribute id, not a name
])
def test_rulers_it_cannot_index_behave_as_the_stock_ruler(rulers, patterns):
    nlp, _, _ = rulers
    ruler, plain = IndexedAttributeRuler(nlp.vocab), AttributeRuler(nlp.vocab)
    for r in (ruler, plain):
        r.add_patterns(patterns)
    doc = _before_ruler(nlp, ["The smugglers left."])[0]
    assert numpy.array_equal(plain(doc.copy()).to_array(ATTRS), ruler(doc.copy()).to_array(ATTRS))


@pytest.mark.filterwarnings("ignore:.*W036")
def test_a_cleared_ruler_forgets_its_patterns(rulers):
    nlp, stock, _ = rulers
    ruler = IndexedAttributeRuler(nlp.vocab)
    ruler.add_patterns(stock.patterns)
    doc = _before_ruler(nlp, ["She is not gonna sell it."])[0]
    ruler(doc.copy())
    ruler.clear()
    assert [t.pos_ for t in ruler(doc.copy())] == [t.pos_ for t in doc]
