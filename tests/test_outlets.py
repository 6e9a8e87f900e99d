"""What a source is called: its outlet, else its file's name; never a byline, a section
or a hash.  Invented names throughout."""
from __future__ import annotations

import dataclasses

from tui.engine import analyse
from tui.engine.model import Article
from tui.engine.outlets import from_filename, is_section


def test_sections_are_not_outlets():
    for name in ("US News", "World", "Politics", "UK news", "Opinion | Analysis", "Sport",
                 "Middle East", "Business & Money".replace("&", "")):
        assert is_section(name), name
    for name in ("The Daily Planet", "Gazette.co.uk", "Ledger Online", "KXYZ 7"):
        assert not is_section(name), name


def test_file_names_as_source_names():
    assert from_filename("01_huffpost") == "HuffPost"
    assert from_filename("2018-05-02_fox_news") == "Fox News"
    assert from_filename("nytimes-kim") == "The New York Times"
    assert from_filename("003_dfd4a5a4a88ba7f9") == "003"           # the hash left out
    assert from_filename("city-council-9f8e7d6c5b4a") == "city-council"
    assert from_filename("deadbeefcafe0123") == "deadbeefcafe0123"  # nothing else to show
    assert from_filename("budget_time_line") == "budget_time_line"  # common words stay words
    assert from_filename("notes") == "notes"


def test_label_never_the_byline(tmp_path):
    (tmp_path / "7_a1b2c3d4e5f6.txt").write_text(
        "Council approves budget | Local News\n\nBy Jane Roe\n\n"
        "The city council approved a budget of 12 million dollars on Tuesday night.\n")
    (tmp_path / "gazette.txt").write_text(
        "Budget passes | The Daily Planet\n\n"
        "The city council approved a budget of 12 million dollars on Tuesday night.\n")
    an = analyse([str(tmp_path)])
    by_id = {a.id: a for a in an.articles}
    art = by_id["7_a1b2c3d4e5f6"]
    assert art.byline == "Jane Roe" and art.outlet is None
    assert art.label == "7"
    assert by_id["gazette"].label == "The Daily Planet"
    # an outlet the user gives (a correction) is the name
    assert dataclasses.replace(art, outlet="Town Crier").label == "Town Crier"
    assert isinstance(art, Article)
