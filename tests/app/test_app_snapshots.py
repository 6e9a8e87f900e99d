"""Snapshots (pytest-textual-snapshot) of the reader's screens, on the hand-built story so
they change only when the reader does.  After an intended change of the look:
    python -m pytest tests/app/test_app_snapshots.py --snapshot-update
and look at the report."""
from __future__ import annotations

from reader_story import story

from tui.app.app import SynopsisApp


def make_app() -> SynopsisApp:
    an = story()
    return SynopsisApp(an.corpus, an)


def test_main_screen(snap_compare):
    """Three panes; the cursor on Alpha's "six weeks" (edited): Beta's "eight weeks" on the
    same row, Gamma holding the position of the last sentence it shares."""
    assert snap_compare(make_app(), press=["j", "j", "j"], terminal_size=(120, 30))


def test_main_screen_80x24(snap_compare):
    """Two panes at 80x24; the cursor on an addition (bold, + on every line)."""
    assert snap_compare(make_app(), press=["n"], terminal_size=(80, 24))


def test_parallels_view(snap_compare):
    """Enter on Alpha's "six weeks": the sentence, Beta's "eight weeks", Gamma leaving it out."""
    assert snap_compare(make_app(), press=["j", "j", "j", "enter"], terminal_size=(100, 24))


def test_help_screen(snap_compare):
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=(110, 44))
