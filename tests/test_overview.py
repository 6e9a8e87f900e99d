"""The overview (the story first) and what two aligned sentences put differently, on
invented articles of the shapes that matter: a number, a name spelled two ways, a title,
a quotation credited to two people."""
from __future__ import annotations

import pytest

from tui.engine import analyse
from tui.engine.differences import kind_of, substitutions, word_diff
from tui.report.overview import overview

GAZETTE = """Council approves budget

The city council approved a budget of 12 million dollars on Tuesday night after a long debate.

Mayor Ana Lopez said the plan would "protect every library and every pool in the city" for years.

"The library budget is safe for the next five years," said council spokeswoman Maria Chen.

"Nobody at city hall will lose their job because of this budget," said Tom Reyes, the finance director.

The vote passed seven to four, with two members abstaining after an amendment failed.

Residents said they were relieved that the swimming pools would stay open all summer.
"""
LEDGER = """Budget passes after six hours

The city council approved a budget of 15 million dollars on Tuesday night after a long debate.

Mayor Anna Lopes said the plan would "protect each library and each pool in our city" for years.

"The library budget is safe for the next five years," said council spokesman Maria Chen.

"Nobody at city hall will lose their job because of this budget," said Mayor Anna Lopes.

The vote passed seven to four, with two members abstaining after an amendment failed.

Opposition councillors warned of cuts next year and said the forecasts were far too rosy.
"""
COURIER = """Late vote on the budget

The vote passed seven to four, with two members abstaining after an amendment failed.

A bus strike is planned for Friday, the drivers' union announced in a short statement.
"""


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    d = tmp_path_factory.mktemp("town")
    for name, text in (("gazette.txt", GAZETTE), ("ledger.txt", LEDGER),
                       ("courier.txt", COURIER)):
        (d / name).write_text(text)
    return analyse([str(d)])


def idx(an, label, words):
    a = next(k for k, art in enumerate(an.articles) if art.label == label)
    return a, next(s.i for s in an.articles[a].sentences if words in s.text)


def test_the_story_first(town):
    an = town
    ov = overview(an)
    label = lambda a: an.articles[a].label      # noqa: E731
    assert [label(a) for a in ov.sources] == ["courier", "gazette", "ledger"]
    assert [h.text for h in ov.headlines] == ["Late vote on the budget", "Council approves budget",
                                              "Budget passes after six hours"]
    # what most sources share first: the vote is in all three
    first = ov.shared[0]
    assert first.text.startswith("The vote passed") and ov.in_how_many(first, label) == "in 3 of 3"
    assert all(ov.in_how_many(p, label) == "in 2 of 3 · not in courier" for p in ov.shared[1:])
    assert [len(p.sources) for p in ov.shared] == sorted((len(p.sources) for p in ov.shared),
                                                         reverse=True)
    # every line leads to its sentence
    for p in ov.shared:
        a, i = p.at
        assert " ".join(an.articles[a].sentences[i].text.split()) == p.text
    only = {label(o.article): [an.articles[o.article].sentences[i].text for i in o.sentences]
            for o in ov.only}
    assert only["courier"] == ["A bus strike is planned for Friday, the drivers' union "
                               "announced in a short statement."]
    assert only["gazette"][0].startswith("Residents said")
    assert only["ledger"][0].startswith("Opposition councillors")


def test_disagreements_numbers_names_titles_speakers(town):
    an = town
    ov = overview(an)
    got = {(d.kind, d.subject, tuple((v.words, v.places) for v in d.variants))
           for d in ov.disagreements}
    g12, l15 = idx(an, "gazette", "12 million"), idx(an, "ledger", "15 million")
    assert ("number", "", (("12", (g12,)), ("15", (l15,)))) in got
    g_mayor, l_mayor = idx(an, "gazette", "Mayor Ana"), idx(an, "ledger", "Mayor Anna")
    assert ("name", "", (("Ana Lopez", (g_mayor,)), ("Anna Lopes", (l_mayor,)))) in got
    g_chen, l_chen = idx(an, "gazette", "spokeswoman"), idx(an, "ledger", "spokesman")
    assert ("title", "Maria Chen", (("spokeswoman", (g_chen,)), ("spokesman", (l_chen,)))) in got
    g_job, l_job = idx(an, "gazette", "Nobody at"), idx(an, "ledger", "Nobody at")
    speaker = next(d for d in ov.disagreements if d.kind == "speaker")
    assert {(v.words, v.places) for v in speaker.variants} == {
        ("Tom Reyes", (g_job,)), ("Anna Lopes", (l_job,))}
    assert speaker.subject.startswith("Nobody at city hall")
    # numbers first, then names, titles, speakers
    kinds = [d.kind for d in ov.disagreements]
    assert kinds == sorted(kinds, key=["number", "name", "title", "speaker", "quote"].index)


def test_not_disagreements(tmp_path):
    """A number one side adds, a name moved in the sentence, an acronym for its words, a
    demonym for its country, a day for a date: none is a disagreement."""
    (tmp_path / "a.txt").write_text(
        "Rail strike ends\n\n"
        "The Central Transport Agency said the strike at the Korean port ended on Monday "
        "after talks with the union led by Sara Kim.\n\n"
        "About 300 workers returned to the docks at the Korean port on Tuesday morning.\n")
    (tmp_path / "b.txt").write_text(
        "Port strike over\n\n"
        "The CTA said the strike at the Korea's port ended on Monday after 12 days of talks "
        "with the union led by Sara Kim.\n\n"
        "About 300 workers returned to the docks at the Korean port on Tuesday morning.\n")
    an = analyse([str(tmp_path)])
    assert not [d for d in overview(an).disagreements if d.kind in ("number", "name")]


def test_only_confident_links(town, monkeypatch):
    """A pair the alignment is not sure of says nothing about disagreements."""
    import tui.report.overview as ov_mod

    from weakref import WeakKeyDictionary

    monkeypatch.setattr(ov_mod, "confident", lambda m: False)
    monkeypatch.setattr(ov_mod, "_OVERVIEWS", WeakKeyDictionary())    # made anew
    assert [d.kind for d in overview(town).disagreements] == ["title", "speaker"]


def test_the_whole_overview_is_made_once(town):
    assert overview(town) is overview(town)


def test_substitution_kinds(town):
    an = town
    (a, i), (b, j) = idx(an, "gazette", "12 million"), idx(an, "ledger", "15 million")
    subs = substitutions(an, a, i, b, j)
    assert [(an.articles[a].text[x:y], an.articles[b].text[u:v], k)
            for (x, y), (u, v), k in [(s.mine, s.theirs, s.kind) for s in subs]] == [
        ("12", "15", "number")]
    art = an.articles[a]
    s = art.sentences[i]
    at = art.text.index("12")
    assert kind_of(art, s, (at, at + 2)) == "number"
    (a, i) = idx(an, "gazette", "spokeswoman")
    art = an.articles[a]
    at = art.text.index("spokeswoman")
    assert kind_of(art, art.sentences[i], (at, at + 11)) == "title"
    at = art.text.index("library budget")
    from tui.engine.differences import quote_spans
    assert kind_of(art, art.sentences[i], (at, at + 7), quote_spans(an, a)) == "quote"
    at = art.text.index("Tuesday")
    (a2, i2) = idx(an, "gazette", "12 million")
    assert kind_of(an.articles[a2], an.articles[a2].sentences[i2], (at, at + 7)) is None


def test_word_diff(town):
    an = town
    (a, i), (b, j) = idx(an, "gazette", "12 million"), idx(an, "ledger", "15 million")
    d = word_diff(an, a, i, b, j)
    assert d == [("equal", "The city council approved a budget of "), ("delete", "12"),
                 ("equal", " "), ("insert", "15"),
                 ("equal", " million dollars on Tuesday night after a long debate.")]
    # b's text is every piece but the deleted ones
    assert "".join(t for k, t in d if k != "delete").replace("  ", " ") == \
        an.articles[b].sentences[j].text
