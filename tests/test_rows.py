"""The aligned rows the HTML report, `synopsis diff` and the reader's aligned view share:
every column in text order, one band per shared statement, a statement a source tells out
of the others' order shown where that source tells it, marked moved."""
from __future__ import annotations

from tui.engine import analyse
from tui.report.rows import band_order, rows
from tui.report.view import ReportView

S = {
    "fire": "A fire destroyed the old timber warehouse on the harbour front early on Sunday.",
    "crews": "Forty firefighters from three stations fought the blaze for more than six hours.",
    "cause": "Investigators said the cause of the fire was not yet known but arson was not ruled out.",
    "road": "The coastal road was closed to traffic until Monday afternoon while crews cleared debris.",
    "owner": "The owner of the building said he had planned to turn it into a small museum.",
}


def article(*keys, extra=()):
    return "\n\n".join([S[k] for k in keys] + list(extra)) + "\n"


def test_a_passage_told_out_of_order_is_moved_not_scattered(tmp_path):
    (tmp_path / "a.txt").write_text(article("fire", "crews", "cause", "road", "owner"))
    (tmp_path / "b.txt").write_text(article("fire", "crews", "cause", "road", "owner",
                                            extra=["Neighbours watched the flames from the pier."]))
    # c tells the owner first
    (tmp_path / "c.txt").write_text(article("owner", "fire", "crews", "cause", "road"))
    an = analyse([str(tmp_path)])
    laid = rows(an)
    for a, art in enumerate(an.articles):
        assert [i for r in laid for i in r.cells.get(a, [])] == [s.i for s in art.sentences]
    bands = [r for r in laid if r.kind == "shared" and not r.moved]
    moved = [r for r in laid if r.moved]
    # four statements in one band each across the three sources; the owner's band holds a
    # and b, and c's owner sentence stands first, marked moved
    full = [r for r in bands if sorted(r.cells) == [0, 1, 2]]
    assert len(full) == 4
    assert len(moved) == 1 and list(moved[0].cells) == [2] and laid[0] is moved[0]
    owner = next(r for r in bands if r.group == moved[0].group)
    assert sorted(owner.cells) == [0, 1]
    assert laid[-1].kind == "additions" and list(laid[-1].cells) == [1]


def test_a_view_keeps_the_order_and_its_sources(tmp_path):
    (tmp_path / "a.txt").write_text(article("fire", "crews", "cause"))
    (tmp_path / "b.txt").write_text(article("crews", "fire", "cause"))
    (tmp_path / "c.txt").write_text(article("fire", "cause", "road"))
    an = analyse([str(tmp_path)])
    order = band_order(an)
    assert band_order(an) is order            # worked out once per analysis
    laid = rows(an, ReportView(articles=(2, 0)))
    assert all(set(r.cells) <= {0, 2} for r in laid)
    for a in (0, 2):
        assert [i for r in laid for i in r.cells.get(a, [])] == [
            s.i for s in an.articles[a].sentences]
    # b is not in the view: "crews" is a only; no band holds it
    assert all(r.kind == "additions" for r in laid if 0 in r.cells and len(r.cells) == 1
               and "Forty" in an.articles[0].sentences[r.cells[0][0]].text)
