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


@pytest.mark.parametrize("sentence, name", [
    ("A Number 10 spokesperson said: “The visit is on.”", "Number 10 spokesperson"),
    ("A Channel 4 spokesman said the pier was “finished”.", "Channel 4 spokesman"),
])
def test_a_numbered_name_stays_with_the_role_it_qualifies(tmp_path, sentence, name):
    assert list(speakers(tmp_path, sentence)) == [name]


@pytest.mark.parametrize("sentence, name", [
    ("Norway's ambassador to Chile said the pier was “finished”.", "Norwegian ambassador"),
    ("The United States' envoy said the pier was “finished”.", "American envoy"),
])
def test_a_country_s_officer_is_named_by_the_country_s_adjective(tmp_path, sentence, name):
    assert list(speakers(tmp_path, sentence)) == [name]


def test_a_leader_s_government_is_named_as_news_names_it(tmp_path):
    sp = speakers(tmp_path, "Trade worries the islands; Dane’s government fears that the "
                            "pier is “finished”.")
    assert list(sp) == ["Dane government"]


@pytest.mark.parametrize("text", [
    "President Ada Kerr will visit in May.\n\nThe president was offered a “state visit” last "
    "year, which prompted protests.",
    "The mayor was widely called a “traitor” after the vote.",
])
def test_the_subject_of_a_passive_verb_did_not_say_the_words(tmp_path, text):
    quotes, _ = run(tmp_path, text)
    assert [q.speaker for q in quotes] == [None]


def test_an_occasion_is_no_speaker_but_who_used_it_is(tmp_path):
    quotes, _ = run(tmp_path, "Ada Kerr used a televised address on Monday to reveal that "
                              "the pier was “finished”.")
    assert [q.speaker for q in quotes] == ["Ada Kerr"]


def test_an_occasion_alone_is_no_speaker(tmp_path):
    quotes, _ = run(tmp_path, "The ferry ran. The address on Monday said the pier was “finished”.")
    assert [q.speaker for q in quotes] == [None]


@pytest.mark.parametrize("intro", [
    "Ivo Dane arrived on Monday. Dane, along with his wife Ida Dane, was greeted at the pier.",
    "Ivo Dane and first lady Ida Dane were greeted at the pier on Monday.",
])
def test_a_lone_surname_is_not_the_relative_introduced_by_kinship(tmp_path, intro):
    quotes, _ = run(tmp_path, intro + "\n\n“We are proud,” Dane said.")
    assert [q.speaker for q in quotes] == ["Ivo Dane"]


def test_a_subject_raised_by_a_passive_holds_the_words(tmp_path):
    quotes, _ = run(tmp_path, "Harbour officials met on Monday. They are thought to believe the "
                              "pier has “limited value for the town”.")
    assert [q.speaker for q in quotes] == ["Harbour officials"]


@pytest.mark.parametrize("sentence", [
    "Ada Kerr, deputy leader and harbour spokesperson said the pier was “finished”.",
    "Ada Kerr, Liberal Democrat deputy leader and Foreign Affairs spokesperson said the "
    "“scaled-down trip” must not be met with calm.",
])
def test_an_apposition_the_verb_closes_without_a_comma(tmp_path, sentence):
    (q,), sp = run(tmp_path, sentence)
    assert q.speaker == "Ada Kerr"
    assert "spokesperson" in (sp[0].role or "")


def test_a_list_ending_on_a_role_is_no_apposition(tmp_path):
    (q,), _ = run(tmp_path, "In Oslo, Ada Kerr met the press and a spokesperson said the pier "
                            "was “finished”.")
    assert q.speaker != "Ada Kerr"


@pytest.mark.parametrize("name", ["Ivo J. Green", "Ivo T. Dane"])
def test_a_middle_initial_is_part_of_the_name(tmp_path, name):
    (sp,) = speakers(tmp_path, f"“The pier is done,” said {name}, a harbour analyst.").values()
    assert (sp.name, sp.kind, sp.role) == (name, "person", "a harbour analyst")


def test_the_plainest_spelling_names_a_person(tmp_path):
    sp = speakers(tmp_path, "“The pier is done,” said Ivo T. Dane, a harbour analyst.",
                  "“The pier is done,” said Ivo Dane, a harbour analyst.",
                  "Ivo T. Dane said the ferries were “late”.")
    assert list(sp) == ["Ivo Dane"]


@pytest.mark.parametrize("phrase, shown", [
    ("Mr.", False), ("Ivo T.", False), ("Mr. Dane and Mr.", False), ("in Bergen", False),
    ("statement", False), ("invitation to the Harbour Master", False), ("Mr., the people", False),
    ("Labour MP", True), ("Harbour Board Chairman, a Liberal from Bergen", True),
    ("the director of the port", True), ("Prime Minister, of Norway", True),
])
def test_what_shows_as_a_role(phrase, shown):
    from tui.engine.quotes.naming import shows_a_role
    assert shows_a_role(phrase) is shown


def test_a_name_that_spells_an_occasion_is_still_a_name(tmp_path):
    quotes, _ = run(tmp_path, "“The pier is done!” Senator Ada Sessions said as she left.")
    assert [q.speaker for q in quotes] == ["Ada Sessions"]


def test_the_words_before_a_name_are_those_the_pattern_finds():
    """People.read looks back from a name for one to three words, each followed by spaces
    (a scan, not a regex search of the window: that was a third of its time on a long text);
    on generated strings (letters, digits, marks, apostrophes, tabs, line ends, accents) it
    finds what the search of the pattern finds."""
    import random
    import re

    from tui.engine.quotes.naming import _words_before

    pattern = re.compile(r"((?:[A-Za-z][\w\-]*[ \t]+){1,3})$")
    rng = random.Random(7)
    alphabet = "ab Z9_-’'.,\t\n éü١"
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 24)))
        lo = rng.randrange(0, len(s) + 1)
        hi = rng.randrange(lo, len(s) + 1)
        m = pattern.search(s, lo, hi)
        assert _words_before(s, lo, hi) == (m.group(1) if m else None), (s, lo, hi)
    text = "said the former \tVice President \nKim"
    assert _words_before(text, 0, text.index("Kim")) == "former \tVice President "
