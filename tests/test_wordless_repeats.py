"""Texts without words ("***", a one-word line of stop words) pair across articles through
their normal form; a text repeated many times in one article must cost its copies, not their
square (bench/fuzz.py: 50,000 identical one-word lines beside a good article hung)."""
from __future__ import annotations

from tui.engine import analyse
from tui.engine.align import _across


def test_pairs_only_across_articles_each_once():
    art = {1: 0, 2: 0, 3: 1, 4: 2, 5: 1}
    got = sorted((min(x, y), max(x, y)) for x, y in _across([1, 2, 3, 4, 5], art))
    assert got == [(1, 3), (1, 4), (1, 5), (2, 3), (2, 4), (2, 5), (3, 4), (4, 5)]


def test_one_article_repeating_a_line_gives_no_pair_and_walks_once():
    xs = list(range(50_000))
    art = dict.fromkeys(xs, 0)
    assert list(_across(xs, art)) == []


def test_wordless_lines_link_across_articles_not_within(tmp_path):
    story = ("The river flooded the valley on Monday, forcing 300 families from their homes.\n\n"
             "And so.\n\n"
             "The mayor opened three shelters in the town hall and two schools.\n\n"
             "And so.\n\n"
             "Farmers said the harvest was ruined by the water.\n")
    (tmp_path / "a.txt").write_text("Valley flooded\n\n" + story)
    (tmp_path / "b.txt").write_text("Flood in the valley\n\n" + story.replace("And so.\n\n", "", 1))
    (tmp_path / "c.txt").write_text("A.\n\n" * 2000 + "The council met on Tuesday.\n")
    an = analyse([str(tmp_path)])
    a, b, _ = an.articles
    stars_a = [s.i for s in a.sentences if s.text == "And so."]
    stars_b = [s.i for s in b.sentences if s.text == "And so."]
    assert len(stars_a) == 2 and len(stars_b) == 1
    for i in stars_a:
        partners = {(m.article, m.i) for m in an.at(0, i).matches}
        assert (1, stars_b[0]) in partners
        assert not any(k == 0 for k, _ in partners)
