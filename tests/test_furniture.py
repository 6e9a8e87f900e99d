"""Page furniture is never an addition: headlines that end with a period, photo captions,
video blurbs, link lines, collectors' notes and one-line tweet tags get a boilerplate role
(tui/engine/meta.py), and the lines that state nothing never align.

Every text here is invented; each shows one shape of a news page."""
from __future__ import annotations

import pytest

from tui.engine import analyse
from tui.engine.meta import describe
from tui.engine.segment import paragraphs, segment


def roles(text: str) -> list[tuple[str | None, str]]:
    paras = paragraphs(text)
    units = segment(text)
    _, rs = describe(text, paras, units)
    return [(r, text[a:b]) for r, (a, b, _) in zip(rs, units)]


BODY = ("The council voted on Tuesday to close the old ferry terminal by the end of the year, "
        "citing falling passenger numbers and rising repair costs.\n\n"
        "Local businesses near the terminal said they had not been consulted.\n\n"
        "A final decision on the site's future is expected in the spring.\n")


def role_of(text: str, needle: str) -> str | None:
    return next(r for r, t in roles(text) if needle in t)


@pytest.mark.parametrize("headline", [
    "Council Votes to Close Old Ferry Terminal.",           # Title Case with a period
    "Council votes to close old ferry terminal, citing costs.",  # sentence case with a period
    "Ferry Terminal Will Close. Here's What Happens Next.",  # two Title Case sentences
    "Council votes to close old ferry terminal",            # no period (as before)
])
def test_a_short_first_paragraph_is_the_headline(headline):
    text = headline + "\n\n" + BODY
    got = roles(text)
    assert all(r == "headline" for r, t in got if t in headline)
    assert all(r is None for r, t in got if t in BODY)


def test_a_long_first_paragraph_is_the_lede_not_a_headline():
    lede = ("The council voted on Tuesday to close the old ferry terminal by the end of the "
            "year, a decision that ends more than a century of crossings from the town.")
    assert role_of(lede + "\n\n" + BODY, "a decision that ends") is None


def test_a_short_body_paragraph_is_not_a_headline():
    text = "Council Votes to Close Terminal\n\n" + BODY + "\nIt will not reopen.\n"
    assert role_of(text, "It will not reopen") is None


@pytest.mark.parametrize("line, role", [
    ("Maria Lopez of the Harbour Gazette tweeted", "lead-in"),
    ("As Example.com reported:", "lead-in"),
    ("The senator said in a tweet.", "lead-in"),
    ("[Paragraph missing]", "note"),
    ("First paragraph (index) is missing.", "note"),
    ("Our correspondent has that story.", "video notice"),
    ("More: Ferry fares to rise again next year", "read-more"),
    ("Related: Harbour dredging plan approved", "read-more"),
    ("The mayor, left, and the harbour master at the terminal on Monday. The two toured the site.",
     "caption"),
    ("A photograph released by the council shows the terminal at dawn.", "caption"),
])
def test_furniture_lines(line, role):
    text = "Council Votes to Close Terminal\n\n" + BODY + "\n" + line + "\n\nMore debate is planned.\n"
    assert role_of(text, line.split()[1]) == role


@pytest.mark.parametrize("line", [
    "He pleaded guilty.",
    "The senator said the vote was a mistake.",   # a tag with its claim is prose
    "Reuters also confirmed the report.",
    "What will be missing?",
])
def test_prose_lines_stay_prose(line):
    text = "Council Votes to Close Terminal\n\n" + BODY + "\n" + line + "\n\nMore debate is planned.\n"
    assert role_of(text, line.split()[1]) is None


def test_lead_in_lines_never_align(tmp_path):
    tag = "Maria Lopez of the Harbour Gazette tweeted"
    (tmp_path / "a.txt").write_text("Terminal to close\n\n" + BODY + "\n" + tag + "\n")
    (tmp_path / "b.txt").write_text("Old terminal will shut\n\n" + BODY.replace("Tuesday", "Monday")
                                    + "\n" + tag + "\n")
    an = analyse([str(tmp_path)], annotate=False)
    for a, art in enumerate(an.articles):
        s = next(s for s in art.sentences if tag in s.text)
        assert s.boilerplate and an.at(a, s.i).unique
        assert s.i not in an.additions(a, furniture=False)
