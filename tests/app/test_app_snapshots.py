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


def test_speaker_picker(snap_compare):
    """s: the speakers with their quotes per source, at 80x24."""
    assert snap_compare(make_app(), press=["s"], terminal_size=(80, 24))


def test_speaker_filter(snap_compare):
    """The engineers: Alpha's "six weeks" and Beta's "eight weeks" on one row, the quotes in
    italics, Gamma saying it has none; the filter named above the status line."""
    assert snap_compare(make_app(), press=["s", *"eng", "enter"], terminal_size=(120, 24))


def test_speaker_filter_marking(snap_compare):
    """f: every sentence shown, the engineers' marked in the gutter."""
    assert snap_compare(make_app(), press=["s", *"eng", "enter", "f", "g"],
                        terminal_size=(120, 24))


def test_quote_comparison(snap_compare):
    """c on Alpha's "six weeks": the engineers' statement in both wordings, six / eight marked."""
    assert snap_compare(make_app(), press=["j", "j", "j", "c"], terminal_size=(100, 24))


def test_search(snap_compare):
    """/ "the ring road" (a curly quote would match a straight one): both matches marked, the
    cursor on the first."""
    assert snap_compare(make_app(), press=["slash", *"the ring", "enter"],
                        terminal_size=(120, 24))
