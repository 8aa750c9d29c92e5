"""The flip-it test (3.8 item 14): what a reviewer sees when the genders are swapped."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from awareness_check.analysis import analyze
from awareness_check.checks.base import CheckContext
from awareness_check.checks.flipsummary import FlipSummary
from awareness_check.cli import cli
from awareness_check.documents import Document, read_path
from awareness_check.errors import LexiconError
from awareness_check.flip import apply_swaps, flip_document, flip_text, load_flip_lexicon, word_diff
from awareness_check.pipeline import PipelineInfo, blank_pipeline
from awareness_check.settings import Settings

from conftest import DEV

# A worktree sits one level deeper than the main checkout: find the shared dev corpus upwards.
DEV_FLIP = next((p / "shared" / "dev-corpus" / "dev_flip.jsonl" for p in DEV.parents
                 if (p / "shared" / "dev-corpus" / "dev_flip.jsonl").exists()), DEV / "dev_flip.jsonl")


@pytest.fixture(scope="session")
def flip(pipeline):
    nlp, info = pipeline

    def run(text: str):
        return flip_text(text, nlp, info)

    return run


@pytest.fixture(scope="session")
def blank():
    nlp = blank_pipeline()
    info = PipelineInfo(name="blank en (fallback)", statistical=False)
    return lambda text: flip_text(text, nlp, info)


def flipped(flip, text):
    return flip(text).text


# ------------------------------------------------------------------------- dev corpus

def test_dev_corpus_flips_exactly(flip):
    path = DEV_FLIP
    if not path.exists():
        pytest.skip("shared dev corpus not available")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    wrong = [(r["id"], got, r["expected_flip"]) for r in rows if (got := flipped(flip, r["text"])) != r["expected_flip"]]
    assert len(wrong) <= 0.05 * len(rows), wrong


# ------------------------------------------------------------------------- pronouns

@pytest.mark.parametrize("text, expected", [
    ("The recruiter took her passport and told her she owed money.", "The recruiter took his passport and told him he owed money."),
    ("The passport in the drawer was his, not the employer's.", "The passport in the drawer was hers, not the employer's."),
    ("The phone they took away was hers.", "The phone they took away was his."),
    ("He blamed himself; she blamed herself.", "She blamed herself; he blamed himself."),
    ("Each applicant must bring his or her passport.", "Each applicant must bring her or his passport."),
    ("He or she may be afraid to talk to the police.", "She or he may be afraid to talk to the police."),
    ("The police sent her home after two days.", "The police sent him home after two days."),
    ("The boss made her sign the contract.", "The boss made him sign the contract."),
    ("A woman from her home town offered her a job.", "A man from his home town offered him a job."),
    ("The owner paid her nothing, and they found her dead.", "The owner paid him nothing, and they found him dead."),
    ("Nobody told her family where she was.", "Nobody told his family where he was."),
    ("They offered her family money to keep quiet.", "They offered his family money to keep quiet."),
    ("He/she should call s/he later.", "She/he should call s/he later."),
])
def test_pronouns_follow_their_role(flip, text, expected):
    assert flipped(flip, text) == expected


def test_case_is_kept(flip):
    assert flipped(flip, "Her brother said: WOMEN and MEN are both trafficked.") == "His sister said: MEN and WOMEN are both trafficked."


def test_all_caps_headline_still_reads_possessive(flip):
    result = flip("HER EMPLOYER TOOK HER PASSPORT.")
    assert result.text == "HIS EMPLOYER TOOK HIS PASSPORT."


# ------------------------------------------------------------------------- nouns

@pytest.mark.parametrize("text, expected", [
    ("The women's shelter and the mothers' group met the boys.", "The men's shelter and the fathers' group met the girls."),
    ("Her father-in-law sold her to a broker.", "His mother-in-law sold him to a broker."),
    ("Policewomen and policemen trained together.", "Policemen and policewomen trained together."),
    ("Mrs Tanaka and Mr. Diallo spoke to Ms Rahman.", "Mr Tanaka and Ms. Diallo spoke to Mr Rahman."),
    ("Sir, the worker in room 4 is asking for her passport.", "Madam, the worker in room 4 is asking for his passport."),
    ("Two female and three male survivors spoke.", "Two male and three female survivors spoke."),
    ("The volunteers will man the phones while he rests.", "The volunteers will man the phones while she rests."),
    ("Miss Lee said she would miss the bus.", "Mr Lee said he would miss the bus."),
    ("Nigerian madams control the trade; man-made disasters push men to move.",
     "Nigerian madams control the trade; man-made disasters push women to move."),
])
def test_gendered_nouns_titles_and_plurals(flip, text, expected):
    assert flipped(flip, text) == expected


# ------------------------------------------------------------------------- left alone

@pytest.mark.parametrize("text, expected", [
    ("Amina's father borrowed money from the recruiter.", "Amina's mother borrowed money from the recruiter."),
    ("Martin Luther King spoke of freedom, and she listened.", "Martin Luther King spoke of freedom, and he listened."),
    ("UN Women funded the shelter where she stayed.", "UN Women funded the shelter where he stayed."),
    ("The Mothers' Union ran a shelter for girls.", "The Mothers' Union ran a shelter for boys."),
    ("The Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children binds him too.",
     "The Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children binds her too."),
    ('She joined the network "Mothers Against Exploitation" last year.', 'He joined the network "Mothers Against Exploitation" last year.'),
])
def test_names_titles_and_quoted_names_stay(flip, text, expected):
    assert flipped(flip, text) == expected


# ------------------------------------------------------------------------- ambiguity

@pytest.mark.parametrize("text, replacement, alternative", [
    ("The recruiter offered her work in a hotel.", "him", "his"),
    ("The volunteers gave her clothes and a warm meal.", "him", "his"),
    ("The employer paid her wages three months late.", "his", "him"),
    ("The agency sent her documents to the embassy.", "his", "him"),
])
def test_ambiguous_her_is_chosen_and_marked(flip, text, replacement, alternative):
    result = flip(text)
    (swap,) = [s for s in result.swaps if s.original == "her"]
    assert (swap.replacement, swap.ambiguous, swap.alternative) == (replacement, True, alternative)
    assert "her" in swap.reason and swap.reason


@pytest.mark.parametrize("text", [
    "The recruiter took her passport.",
    "The agent gave her a job.",
    "She told her boyfriend about the job.",
])
def test_clear_her_is_not_marked(flip, text):
    assert not flip(text).ambiguous


def test_blank_pipeline_swaps_and_marks_every_her(blank):
    result = blank("He told her that her sister was safe. She thanked him.")
    assert result.text == "She told him that his brother was safe. He thanked her."
    hers = [s for s in result.swaps if s.original.lower() == "her"]
    assert hers and all(s.ambiguous for s in hers)
    assert not [s for s in result.swaps if s.ambiguous and s.original.lower() != "her"]


# ------------------------------------------------------------------------- text kept exactly

def test_paragraphs_and_bytes_outside_swaps_are_kept(flip):
    text = "Title: Her Story\r\n\r\n  She left\u00a0her village.\r\n\r\n\r\nThe \u201cman\u201d\tsaid he\u2019d stay.\r\n"
    result = flip(text)
    assert result.text == "Title: His Story\r\n\r\n  He left\u00a0his village.\r\n\r\n\r\nThe \u201cwoman\u201d\tsaid she\u2019d stay.\r\n"
    for s in result.swaps:
        assert text[s.start:s.end] == s.original


def test_markdown_code_is_not_flipped(pipeline, tmp_path):
    md = tmp_path / "draft.md"
    md.write_text("She said `his_id` is the field.\n\n```\nhe = her\n```\n", encoding="utf-8")
    result = flip_document(read_path(str(md)), *pipeline)
    assert result.text == "He said `his_id` is the field.\n\n```\nhe = her\n```\n"


def test_docx_flips_like_its_text_export(pipeline, tmp_path):
    import docx

    paragraphs = ["Her husband took her passport.", "", "The boys and their father were held on the boat; he had no phone."]
    rows = [["Who", "What"], ["Mother", "She lost her job."]]
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    path = tmp_path / "draft.docx"
    d.save(str(path))
    export = tmp_path / "draft.txt"
    export.write_text("\n".join(paragraphs + ["\t".join(r) for r in rows]), encoding="utf-8")
    from_docx = flip_document(read_path(str(path)), *pipeline)
    from_text = flip_document(read_path(str(export)), *pipeline)
    assert from_docx.text == from_text.text
    assert "His wife took his passport." in from_docx.text and "Father\tHe lost his job." in from_docx.text


# ------------------------------------------------------------------------- properties

SUBJECTS = ["He", "She", "The man", "The woman", "Her mother", "His father", "The boy", "The girl",
            "My uncle", "Our aunt", "The policeman", "The spokeswoman", "His sisters", "Her sons"]
VERBS = ["told", "helped", "called", "visited", "met", "thanked", "trusted", "followed"]
OBJECTS = ["him", "her", "his brother", "her sister", "the men", "the women", "the king", "the queen",
           "his wife", "her husband", "the girls", "the nephew"]
TAILS = [".", " at the station.", " before his shift.", " after her interview.", " with his friends.",
         " and left.", " because she was afraid."]
sentences = st.builds(lambda s, v, o, t: f"{s} {v} {o}{t}", st.sampled_from(SUBJECTS), st.sampled_from(VERBS),
                      st.sampled_from(OBJECTS), st.sampled_from(TAILS))
paragraphs = st.lists(st.lists(sentences, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=3).map("\n\n".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=paragraphs)
def test_flipping_twice_returns_the_original(flip, text):
    once = flip(text)
    assume(not once.ambiguous)
    assert flip(once.text).text == text


WORDS = ["he", "She", "HIS", "her", "hers", "himself", "man", "Women", "boys'", "mother's", "Mr.", "Mrs",
         "offered", "gave", "the", "work", "money", "Maria", "of", "said", "chairman", "king", "Queen"]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "\r\n", "\u00a0", " \u201c", "\u201d ", "\t"]
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_swap_offsets_point_at_the_original_words(blank, text):
    result = blank(text)
    lexicon = load_flip_lexicon()
    pos = 0
    for s in result.swaps:
        assert s.start >= pos, "swaps overlap"
        assert text[s.start:s.end] == s.original
        assert s.original.lower().rstrip(".") in lexicon.words or s.original.lower() in {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
        pos = s.end
    assert apply_swaps(text, result.swaps) == result.text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_swap_offsets_with_the_model(flip, text):
    result = flip(text)
    for s in result.swaps:
        assert text[s.start:s.end] == s.original


# ------------------------------------------------------------------------- lexicon

def test_pair_list_is_large_and_bidirectional():
    lex = load_flip_lexicon()
    assert len(lex.pairs) >= 120
    for male, female in lex.pairs:
        assert lex.words[male].replacement == female and lex.words[female].replacement == male


def test_conflicting_pairs_are_refused(tmp_path):
    bad = tmp_path / "pairs.yml"
    bad.write_text("pairs:\n  - {male: man, female: woman}\n  - {male: man, female: lady}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="'man' is already swapped"):
        load_flip_lexicon(str(bad))


# ------------------------------------------------------------------------- CLI

def test_cli_prints_only_the_flipped_text(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("The recruiter offered her work.\n\nHis wife said he was fine.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["flip", str(src)])
    assert result.exit_code == 0
    assert result.stdout == "The recruiter offered him work.\n\nHer husband said she was fine.\n"
    assert "in.txt:1:23: 'her' -> 'him' (or 'his')" in result.stderr


def test_cli_diff_marks_swaps_and_ambiguity(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("The recruiter offered her work. He left.", encoding="utf-8")
    out = CliRunner().invoke(cli, ["flip", "--diff", str(src)]).stdout
    assert "offered [-her-]{+him/his?+} work. [-He-]{+She+} left." in out
    assert "1 ambiguous" in out


def test_cli_json_lists_every_swap(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("Her son paid her wages.", encoding="utf-8")
    data = json.loads(CliRunner().invoke(cli, ["flip", "--format", "json", str(src)]).stdout)
    doc = data["documents"][0]
    assert doc["text"] == "His daughter paid his wages."
    assert [(s["original"], s["replacement"], s["ambiguous"]) for s in doc["swaps"]] == [
        ("Her", "His", False), ("son", "daughter", False), ("her", "his", True)]
    assert doc["swaps"][2]["start"] == 13 and doc["swaps"][2]["line"] == 1


def test_cli_unreadable_input_exits_2(tmp_path):
    result = CliRunner().invoke(cli, ["flip", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_word_diff_without_swaps_is_the_text(flip):
    assert word_diff(flip("The worker left.")) == "The worker left."


# ------------------------------------------------------------------------- scan summary

def test_scan_stats_count_gendered_mentions(pipeline, rules):
    nlp, info = pipeline
    from awareness_check.api import scan_document

    report = scan_document(Document("<t>", "She said her husband took her passport. The boys left."), nlp, info, rules, Settings())
    counts = {k: report.stats["flip"][k] for k in ("gendered_mentions", "female", "male", "ambiguous")}
    assert counts == {"gendered_mentions": 5, "female": 3, "male": 2, "ambiguous": 0}
    # With the stereotype family present, the role table is shown before and after the flip.
    if "roles" in report.stats and report.stats["roles"]:
        before, after = report.stats["flip"]["roles_before"], report.stats["flip"]["roles_after"]
        assert after["female"] == before["male"] and after["male"] == before["female"]


def test_summary_swaps_the_role_table(pipeline, rules):
    nlp, info = pipeline
    ctx = CheckContext(analyze(Document("<t>", "The man was arrested. The women were rescued."), nlp, info), rules, Settings())
    ctx.stats["roles"] = {"female": {"victim": 2}, "male": {"offender": 1}}
    assert not list(FlipSummary().finalize(ctx))
    summary = ctx.stats["flip"]
    assert summary["roles_before"] == {"female": {"victim": 2}, "male": {"offender": 1}}
    assert summary["roles_after"] == {"female": {"offender": 1}, "male": {"victim": 2}}


def test_summary_omits_roles_without_a_role_table(pipeline, rules):
    nlp, info = pipeline
    ctx = CheckContext(analyze(Document("<t>", "The man left."), nlp, info), rules, Settings())
    FlipSummary().finalize(ctx)
    assert "roles_before" not in ctx.stats["flip"] and ctx.stats["flip"]["male"] == 1


def test_text_report_shows_the_flip_summary_with_roles():
    from awareness_check.checks.flipsummary import summary_lines

    lines = summary_lines({"gendered_mentions": 3, "female": 2, "male": 1, "ambiguous": 0,
                           "roles_before": {"female": {"victim": 2}, "male": {"offender": 1}},
                           "roles_after": {"female": {"offender": 1}, "male": {"victim": 2}}}, "draft.txt")
    assert lines[0].startswith("Flip it (3.8 item 14): 3 gendered mentions (2 female, 1 male)")
    assert "awareness-check flip draft.txt" in lines[0]
    assert lines[1] == "    roles before: female: victim 2 | male: offender 1"
    assert lines[2] == "    roles after : female: offender 1 | male: victim 2"
    assert summary_lines({"gendered_mentions": 0, "female": 0, "male": 0}) == []


def test_a_doc_from_another_pipeline_flips_with_its_own_offsets(pipeline):
    from awareness_check.analysis import analyze_doc
    from awareness_check.flip import flip_analyzed

    nlp, info = pipeline
    text = "Co\u00adoperation\u00ad\u00ad\u00ad matters: the policeman said he would help her."
    result = flip_analyzed(analyze_doc(nlp(text), nlp, info))
    assert result.text == "Co\u00adoperation\u00ad\u00ad\u00ad matters: the policewoman said she would help him."
    assert all(text[s.start:s.end] == s.original for s in result.swaps)


# ------------------------------------------------------------------------- titles (round 2)

@pytest.mark.parametrize("text, expected", [
    ("Ms Diallo said she was never paid.", "Mr Diallo said he was never paid."),
    ("According to Ms Diallo, the agency kept her passport.", "According to Mr Diallo, the agency kept his passport."),
    ("We spoke to Ms. Ana Lopez and Mr. Juan Perez.", "We spoke to Mr. Ana Lopez and Ms. Juan Perez."),
    ("MR. OKORO AND MS. DIALLO MET THE POLICE.", "MS. OKORO AND MR. DIALLO MET THE POLICE."),
    ("Mr and Mrs Diallo travelled with their son.", "Ms and Mr Diallo travelled with their daughter."),
    ("Ms Diallo's lawyer said Mrs Okoro's statement was false.", "Mr Diallo's lawyer said Mr Okoro's statement was false."),
    ("Dear Mr. and Mrs. Smith, she wrote.", "Dear Ms. and Mr. Smith, he wrote."),
    ("The Ms. Foundation funds her shelter.", "The Ms. Foundation funds his shelter."),
])
def test_every_title_form_swaps_even_when_ner_reads_an_organisation(flip, text, expected):
    assert flipped(flip, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The girls’ mothers were not told where their daughters worked.", "The boys’ fathers were not told where their sons worked."),
    ("She blamed herself; her husband blamed himself.", "He blamed himself; his wife blamed herself."),
    ("The passport was hers, not his.", "The passport was his, not hers."),
    ("The landlady gave her a room; her landlord's son watched her.", "The landlord gave him a room; his landlady's daughter watched him."),
])
def test_paraphrases_with_possessives_and_reflexives(flip, text, expected):
    assert flipped(flip, text) == expected
