"""A statement's absent sources (tui.engine.statements): only those that do not print it.

Invented five-source story: the mayor's words quoted in full, quoted with no speaker named,
quoted in part, credited to someone else, and left out.  Only the last is absent.
"""
from __future__ import annotations

from tui.engine import analyse
from tui.engine.statements import statements

WORDS = "The bridge will reopen in the spring and tolls will stay the same"
SOURCES = {
    "a_full": "Bridge to reopen\n\nThe town council met on Monday night.\n\n"
              f"Mayor Ada Kerr told the meeting: “{WORDS}.”\n",
    "b_unnamed": "Good news for drivers\n\nThe council published its plans on Monday.\n\n"
                 f"“{WORDS}.”\n\nDrivers welcomed the decision.\n",
    "c_part": "Council plans\n\nThe council met late on Monday.\n\n"
              "Mayor Ada Kerr promised that tolls “will stay the same” this year.\n",
    "d_other": "Bridge news\n\nThe council met on Monday.\n\n"
               f"“{WORDS},” a council spokesman said.\n",
    "e_none": "Harbour fees\n\nFishermen complained about the harbour fees on Monday.\n\n"
              "The harbour master promised to look into it.\n",
}


def test_absent_lists_only_sources_that_do_not_print_the_statement(tmp_path):
    for name, text in SOURCES.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    an = analyse([str(tmp_path)])
    ids = [a.id for a in an.articles]
    sts = statements(an, "Ada Kerr")
    assert sts, [(q.text, q.speaker) for q in an.quotes]
    full = max(sts, key=lambda st: max(len(q.text) for q in st.quotes))
    assert [ids[b] for b in full.absent(len(ids))] == ["e_none"]
    assert set(full.printed) >= {ids.index("b_unnamed"), ids.index("d_other")}


def test_a_source_that_says_something_else_is_absent(tmp_path):
    for name in ("a_full", "e_none"):
        (tmp_path / f"{name}.txt").write_text(SOURCES[name], encoding="utf-8")
    an = analyse([str(tmp_path)])
    st = statements(an, "Ada Kerr")[0]
    assert [an.articles[b].id for b in st.absent(2)] == ["e_none"]
