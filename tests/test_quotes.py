"""Quotation marks, cue patterns and aliases (tui.engine.quotes): one invented snippet per shape.

Attribution by class of sentence is tested in test_attribution.py."""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tui.engine.corpus import load_corpus
from tui.engine.quotes import find_quotes


def corpus(tmp_path, *texts: str):
    for k, t in enumerate(texts):
        (tmp_path / f"{k:03d}_a.txt").write_text(t, encoding="utf-8")
    return load_corpus([str(tmp_path)]).articles


def run(tmp_path, *texts: str):
    arts = corpus(tmp_path, *texts)
    quotes, speakers = find_quotes(arts)
    for q in quotes:  # offsets are exact
        assert arts[q.article].text[q.start:q.end] == q.text
    return quotes, speakers


def by_text(quotes):
    return {q.text: q for q in quotes}


BODY = "The harbour was quiet on Tuesday morning, and the ferries ran on time.\n\n"


# ------------------------------------------------------------------ quote shapes

def test_curly_and_straight_double_quotes(tmp_path):
    q, _ = run(tmp_path, BODY +
               "“The bridge will reopen in spring,” Mayor Elena Brandt said.\n\n"
               "\"We are confident,\" said Jonas Pike, the city engineer.\n")
    t = by_text(q)
    assert t["The bridge will reopen in spring,"].speaker == "Elena Brandt"
    assert t["We are confident,"].speaker == "Jonas Pike"


def test_british_single_quotes_and_apostrophes(tmp_path):
    q, _ = run(tmp_path, BODY +
               "Harriet Vane, the union’s leader, said: ‘It’s the drivers’ decision, not "
               "the council’s. We won’t back down.’\n\n"
               "The ’90s fleet and Texas’ old ferries don't count, the rock ’n’ roll crowd said.\n")
    texts = [x.text for x in q]
    assert texts == ["It’s the drivers’ decision, not the council’s. We won’t back down."]
    assert q[0].speaker == "Harriet Vane"


def test_quote_inside_quote(tmp_path):
    q, _ = run(tmp_path, BODY +
               "“He told me ‘never again’ and walked out,” Nadia Orlov said.\n")
    outer = [x for x in q if x.depth == 0]
    inner = [x for x in q if x.depth == 1]
    assert [x.text for x in outer] == ["He told me ‘never again’ and walked out,"]
    assert outer[0].speaker == "Nadia Orlov"
    assert [x.text for x in inner] == ["never again"]


def test_quotation_over_several_sentences(tmp_path):
    q, _ = run(tmp_path, BODY +
               "“We tested the pumps. They failed twice. Nobody told us,” said Priya Raman.\n")
    assert len(q) == 1
    assert q[0].text == "We tested the pumps. They failed twice. Nobody told us,"
    assert q[0].speaker == "Priya Raman"


def test_multi_paragraph_quotation(tmp_path):
    q, _ = run(tmp_path, BODY +
               "Port director Samuel Okafor said: “The cranes are old.\n\n"
               "“The contracts are older still.\n\n"
               "“We will replace both by next year.”\n\n"
               "The port employs 400 people.\n")
    assert [x.text for x in q] == ["The cranes are old.", "The contracts are older still.",
                                   "We will replace both by next year."]
    assert {x.speaker for x in q} == {"Samuel Okafor"}
    assert [x.attribution for x in q] == ["explicit", "continuation", "continuation"]


def test_unclosed_quote_runs_to_paragraph_end(tmp_path):
    q, _ = run(tmp_path, BODY +
               "Councillor Ruth Abara said: “This budget is a disgrace and it will not pass.  \n\n"
               "The vote is on Friday.\n")
    assert [x.text for x in q] == ["This budget is a disgrace and it will not pass."]
    assert q[0].speaker == "Ruth Abara"


def test_paragraph_that_only_closes_an_open_quote(tmp_path):
    q, _ = run(tmp_path, BODY +
               "Senator Clara Voss said: ‘The money is gone.\n\n"
               "Where it went, the auditors’ report does not say.’\n")
    assert [x.text for x in q] == [
        "The money is gone.", "Where it went, the auditors’ report does not say."]
    assert {x.speaker for x in q} == {"Clara Voss"}


def test_closing_mark_written_as_opening_glyph(tmp_path):
    q, _ = run(tmp_path, BODY + "The so-called “Gang of Four“—a nickname—met again.\n")
    assert [x.text for x in q] == ["Gang of Four"]


def test_scare_quotes_and_titles_have_no_speaker(tmp_path):
    q, _ = run(tmp_path, BODY +
               "The “dark fleet” of tankers sailed on. Her memoir “A Life in Pieces” sold well.\n")
    assert [(x.text, x.speaker) for x in q] == [("dark fleet", None), ("A Life in Pieces", None)]


# ------------------------------------------------------------------ cues

@pytest.mark.parametrize("sentence, speaker, cue", [
    ("“Prices will fall,” Omar Haddad said.", "Omar Haddad", "said"),
    ("“Prices will fall,” said Omar Haddad.", "Omar Haddad", "said"),
    ("Omar Haddad told reporters that prices would “fall sharply” soon.", "Omar Haddad",
     "told reporters"),
    ("“Prices will fall,” Omar Haddad said in a statement on Monday.", "Omar Haddad",
     "said in a statement"),
    ("Prices will “fall sharply”, according to Omar Haddad.", "Omar Haddad", "according to"),
    ("“Prices will fall,” Omar Haddad wrote on Twitter.", "Omar Haddad", "wrote on Twitter"),
    ("The report went on to say: “Prices will fall.”", "report", "went on to say"),
    ("“Prices will fall,” Omar Haddad added.", "Omar Haddad", "added"),
    ("Omar Haddad, the bank’s chief economist, said: “Prices will fall.”", "Omar Haddad", "said"),
    ("Meanwhile, Finance Minister Omar Haddad (D-Ore.) said prices would “fall sharply”.",
     "Omar Haddad", "said"),
])
def test_cue_patterns(tmp_path, sentence, speaker, cue):
    q, _ = run(tmp_path, BODY + sentence + "\n")
    assert len(q) == 1
    assert q[0].speaker == speaker
    assert q[0].cue == cue
    assert q[0].attribution == "explicit"


def test_headline_name_colon_quote(tmp_path):
    q, _ = run(tmp_path, "Omar Haddad: ‘Banks must cut rates before summer’\n\n" + BODY)
    assert q[0].speaker == "Omar Haddad"


def test_pronouns_point_back(tmp_path):
    q, s = run(tmp_path, BODY +
               "Transport Secretary Lena Moor visited the depot. “It is a mess,” she said.\n\n"
               "Officials at the depot were less sure. “We are fixing it,” they said.\n\n"
               "The Harbour Authority issued a statement. “Services resume today,” it added.\n")
    t = by_text(q)
    assert t["It is a mess,"].speaker == "Lena Moor"
    # "they" is the group the sentence before made its subject
    assert t["We are fixing it,"].speaker == "officials"
    assert t["Services resume today,"].speaker == "Harbour Authority"
    assert {x.text: (x.cue, x.mention, x.attribution) for x in q} == {
        "It is a mess,": ("said", "she", "explicit"),
        "We are fixing it,": ("said", "they", "explicit"),
        "Services resume today,": ("added", "it", "explicit")}
    assert {sp.name: sp.kind for sp in s} == {"Lena Moor": "person", "officials": "anonymous",
                                              "Harbour Authority": "organisation"}


def test_group_pronoun_takes_the_nearest_group_not_the_last_that_spoke(tmp_path):
    # a pronoun points to the salient subject next to it, not to a group that spoke
    # paragraphs ago
    q, _ = run(tmp_path, BODY +
               "“The buses never come,” residents said.\n\n"
               "Officials at the depot were less sure. “We are fixing it,” they said.\n")
    t = by_text(q)
    assert t["The buses never come,"].speaker == "residents"
    assert t["We are fixing it,"].speaker == "officials"


def test_pronoun_skips_names_inside_quotes(tmp_path):
    q, _ = run(tmp_path, BODY +
               "Mayor Elena Brandt spoke on Monday. “President Jonas Pike cannot stay silent,” "
               "she added.\n")
    assert q[0].speaker == "Elena Brandt"


def test_sentence_after_a_cue_in_the_same_paragraph(tmp_path):
    q, _ = run(tmp_path, BODY +
               "“The pumps failed,” the senior engineer said. “Nobody was hurt.”\n")
    assert [(x.speaker, x.attribution) for x in q] == [("senior engineer", "explicit"),
                                                       ("senior engineer", "continuation")]


def test_continuation_paragraph_inherits_speaker(tmp_path):
    q, _ = run(tmp_path, BODY +
               "“We saw smoke first,” a fire service spokesman said.\n\n"
               "“Then the roof went.”\n")
    assert q[0].speaker is not None
    assert q[1].speaker == q[0].speaker
    assert q[1].attribution == "continuation"
    assert [s for s in find_quotes(corpus(tmp_path))[1]][0].kind == "anonymous"


def test_colon_at_the_end_of_the_previous_paragraph(tmp_path):
    q, _ = run(tmp_path, BODY + "In a statement, Omar Haddad said:\n\n“Rates must fall.”\n")
    assert q[0].speaker == "Omar Haddad"


def test_no_cue_no_context_is_null(tmp_path):
    q, _ = run(tmp_path, BODY + "“Nothing lasts forever.”\n\nThe ferry left at noon.\n")
    assert q[0].speaker is None


def test_anonymous_media_and_document_speakers(tmp_path):
    q, s = run(tmp_path, BODY +
               "“The fleet is ready,” a senior navy official told reporters.\n\n"
               "The Harbour Gazette reported that the deal was “all but done”.\n\n"
               "The audit report said the accounts were “beyond repair”.\n")
    kinds = {sp.name: sp.kind for sp in s}
    t = by_text(q)
    assert kinds[t["The fleet is ready,"].speaker] == "anonymous"
    assert kinds[t["all but done"].speaker] == "media"
    assert kinds[t["beyond repair"].speaker] == "document"


def test_metonymy_resolved_to_the_named_source(tmp_path):
    q, s = run(tmp_path, BODY +
               "Portugal said it would “review every fishing licence”.\n\n"
               "Portugal’s Ministry of the Sea added in a statement that inspectors would "
               "“review every fishing licence” before June.\n")
    names = {x.speaker for x in q}
    assert len(names) == 1
    assert "Ministry of the Sea" in names.pop()


def test_metonymy_by_the_same_words(tmp_path):
    q, s = run(tmp_path, BODY +
               "Peru responded within hours, calling the tariff \"a step backwards\".\n\n"
               "\"This tariff is a step backwards for both economies,\" trade minister "
               "Ana Petrov said at a press conference in Lima.\n")
    assert {x.speaker for x in q} == {"Ana Petrov"}


# ------------------------------------------------------------------ one speaker, many names

def test_aliases_merge_across_articles(tmp_path):
    q, s = run(tmp_path,
               BODY + "Schools Minister Katherine Holt opened the new wing.\n\n"
               "“Every pupil deserves this,” Holt told parents.\n",
               BODY + "The new wing is “long overdue”, according to Kate Holt, the schools "
               "minister.\n\nTomas Berg, who speaks for the teachers’ union, called it “a start”.\n",
               BODY + "Union spokesman Tomas Berg was blunter: “We asked for this in 2015.”\n")
    names = {sp.name: sp for sp in s}
    assert "Katherine Holt" in names
    d = names["Katherine Holt"]
    assert d.kind == "person" and d.quotes == 2
    assert {"Holt", "Schools Minister Katherine Holt"} <= set(d.aliases) or "Holt" in d.aliases
    assert "Tomas Berg" in names and names["Tomas Berg"].quotes == 2
    assert {x.speaker for x in q} == {"Katherine Holt", "Tomas Berg"}


def test_different_people_with_one_surname_stay_apart(tmp_path):
    q, s = run(tmp_path, BODY +
               "“We won,” Maria Lopez said.\n\n“They lost,” Carlos Lopez said.\n")
    assert {x.speaker for x in q} == {"Maria Lopez", "Carlos Lopez"}


def test_fast_enough(tmp_path):
    text = BODY + "“We saw smoke first,” a fire service spokesman said.\n\n" * 200
    arts = corpus(tmp_path, text)
    t = time.perf_counter()
    quotes, _ = find_quotes(arts)
    assert len(quotes) == 200
    assert time.perf_counter() - t < 2.0


def test_stray_apostrophes_in_double_quote_copy(tmp_path):
    q, _ = run(tmp_path, "Mayor Says Town 'Will Rebuild' After Storm\n\n" + BODY +
               "In the ’burbs and the 'burbs, voters shrugged. \"We'll see,\" Dana Cole said.\n\n"
               "He was 6'2\" and fast.\n")
    assert [(x.text, x.depth) for x in q] == [("Will Rebuild", 0), ("We'll see,", 0)]
    assert q[1].speaker == "Dana Cole"


@pytest.mark.parametrize("sentence, speaker", [
    ("“It’s the third time,” said commuter Anna Bell, 34.", "Anna Bell"),
    ("Bell, 34, said: “It’s the third time.”", "Bell"),
    ("“It’s the third time,” the Department for Transport said.", "Department for Transport"),
    ("Officials say the ferry was “late and slow”.", "officials"),
    ("“It’s the third time,” the night porter said.", "night porter"),
    ("Mayor Elena Brandt, who toured the site on Monday, said it was “a disgrace”.",
     "Elena Brandt"),
])
def test_more_subjects(tmp_path, sentence, speaker):
    q, _ = run(tmp_path, BODY + sentence + "\n")
    assert [x.speaker for x in q] == [speaker]


def test_joint_speakers(tmp_path):
    q, s = run(tmp_path, BODY + "The union leader, Rosa Imber, and the depot manager, Karl Fenn, "
               "jointly called for “calm on both sides.”\n")
    assert q[0].speaker == "Rosa Imber and Karl Fenn"


def test_markdown_mentions_are_shown_text(tmp_path):
    (tmp_path / "a.md").write_text(
        "# Fees stay\n\nCouncil leader **Tom Hale** said on [Monday](https://x.org) that the fees "
        "were \"here to stay\".\n", encoding="utf-8")
    arts = load_corpus([str(tmp_path)]).articles
    q, s = find_quotes(arts)
    assert [(x.text, x.speaker, x.mention) for x in q] == [
        ("here to stay", "Tom Hale", "Council leader Tom Hale")]


def test_no_quotes_no_speakers(tmp_path):
    assert run(tmp_path, BODY, "") == ((), ())


_CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
_EVENTS = sorted(p for p in _CORPORA.glob("*") if p.is_dir()) if _CORPORA.is_dir() else []
_PARTY_TAG = re.compile(r"(?:^|[\s(])[RDI]-[A-Z][A-Za-z.]*\)?$|^\(?[RDI]\)?$")


@pytest.mark.skipif(not _EVENTS, reason="../shared/corpora is not here")
@pytest.mark.parametrize("event", _EVENTS, ids=lambda p: p.name)
def test_speaker_names_on_real_corpora_have_no_junk_shapes(event):
    # by shape, on every real event: no party tag ("R-Ohio."), no casing fragment
    # ("foreign Affairs spokesperson"), no title or role word leading a person's name
    # ("Columnist Ada Kerr", "Reporter Jo Dane"), no possessive ending, no merged governments
    from tui.engine.corpus import load_corpus
    from tui.engine.quotes.words import ROLE_LOWER, TITLES, fold

    _, speakers = find_quotes(load_corpus([str(event)]).articles)
    for s in speakers:
        words = s.name.split()
        assert not _PARTY_TAG.search(s.name), f"{event.name}: party tag {s.name!r}"
        assert not s.name.endswith(("’s", "'s", "s’", "s'")), f"{event.name}: {s.name!r}"
        assert not (len(words) > 1 and words[0][:1].islower() and words[1][:1].isupper()
                    and not fold(words[0]) in ("former", "acting")), \
            f"{event.name}: casing fragment {s.name!r}"
        if s.kind == "person" and len(words) > 1:
            w0 = fold(words[0].rstrip("."))
            assert w0 not in ROLE_LOWER and w0 not in TITLES, \
                f"{event.name}: role word in the name {s.name!r}"
        assert s.name.lower() not in ("government", "governments"), \
            f"{event.name}: a government without its country {s.name!r}"
