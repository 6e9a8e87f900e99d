"""What the speaker picker shows: names and roles an editor reads as a source, one invented
snippet per shape of junk seen on real news (an organisation cut at "&", a courtesy title
or a name's initials shown as a role, a headline's Title Case role shown as a name)."""
from __future__ import annotations

import pytest

from tui.engine.corpus import load_corpus
from tui.engine.quotes import find_quotes

LEAD = "The ferry service ran late again on Monday.\n\n"


def run(tmp_path, *texts: str):
    for k, t in enumerate(texts):
        (tmp_path / f"{k:03d}_src.txt").write_text(LEAD + t + "\n", encoding="utf-8")
    return find_quotes(load_corpus([str(tmp_path)]).articles)


def speakers(tmp_path, *texts: str) -> dict:
    return {s.name: s for s in run(tmp_path, *texts)[1]}


@pytest.mark.parametrize("sentence, name", [
    ("In a paper, the Oslo-based Institute for Peace & Conflict Studies said the pier was "
     "“finished”.", "Institute for Peace & Conflict Studies"),
    ("The Centre for Rail & Harbour Research said the pier was “finished”.",
     "Centre for Rail & Harbour Research"),
])
def test_an_organisation_name_holds_its_ampersand_not_its_base(tmp_path, sentence, name):
    assert list(speakers(tmp_path, sentence)) == [name]


@pytest.mark.parametrize("text", [
    "Ivo Dane runs the port. “The pier is finished,” Mr. Dane said.",
    "“The pier is finished,” said Ivo T. Dane, who runs the port.",
    "“The pier is finished,” said Ivo Dane in Bergen.",
])
def test_a_courtesy_title_initials_or_a_place_are_no_role(tmp_path, text):
    sp = speakers(tmp_path, text)
    assert len(sp) == 1
    assert next(iter(sp.values())).role is None


@pytest.mark.parametrize("text, role", [
    ("Ivo Dane, a former harbour master, said the pier was “finished”.", "former harbour master"),
    ("Labour MP Ivo Dane said the pier was “finished”.", "Labour MP"),
])
def test_an_office_is_a_role(tmp_path, text, role):
    (sp,) = speakers(tmp_path, text).values()
    assert role in (sp.role or "")


def test_a_headline_role_is_the_person_the_article_gives_it(tmp_path):
    sp = speakers(tmp_path, "Harbour Chief Says Pier Is 'Finished For Good' After Storm\n\n"
                            "The port's chief, Ada Kerr, spoke on Monday after the storm.")
    assert list(sp) == ["Ada Kerr"]


def test_a_headline_role_no_one_holds_is_a_description_in_lower_case(tmp_path):
    sp = speakers(tmp_path, "Dutch Minister Says Pier Is 'Finished For Good' After Storm\n\n"
                            "The storm closed the harbour for a week.")
    assert list(sp) == ["Dutch minister"]
