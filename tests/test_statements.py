"""Statements: a speaker's quotes grouped across sources, their wordings (tui.engine.statements;
the grouping and word differences on a whole story are in tests/app/test_app_filters.py)."""
from __future__ import annotations

from tui.engine.chars import fold
from tui.engine.model import Quote
from tui.engine.statements import Statement


def test_wordings_join_quotes_that_differ_only_in_case_apostrophes_and_closing_stops():
    qs = (Quote(0, 0, 10, "We’ll rebuild the bridge.", "Mayor"),
          Quote(1, 0, 10, "we'll rebuild the Bridge", "Mayor"),
          Quote(2, 0, 10, "We will rebuild the bridge", "Mayor"))
    st = Statement(qs)
    assert st.wordings() == [[qs[0], qs[1]], [qs[2]]]
    assert st.articles == [0, 1, 2]


def test_fold_maps_every_quote_mark_and_dash_to_one():
    assert fold("«a» ‘b’ „c“ x–y—z") == "'a' 'b' 'c' x-y-z"
