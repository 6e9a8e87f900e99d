"""The reader's state on its own (tui/app/state.py): which source each pane shows, the
keys' pane, zoom, and the sentences a filter leaves; no Textual."""
from __future__ import annotations

import dataclasses

from tui.app.filters import Lens, filtered
from tui.app.state import ReaderState

from reader_story import story


def test_start_shows_the_first_sources_one_a_pane():
    st = ReaderState.start(5, 3)
    assert st.shown == [0, 1, 2] and st.active == 0 and st.lead == 0
    assert ReaderState.start(2, 4).shown == [0, 1]
    assert st.visible_slots() == [0, 1, 2] and st.visible_articles() == [0, 1, 2]


def test_swap_in_gives_the_other_pane_the_source_it_gave_up():
    st = ReaderState.start(5, 3)
    st.swap_in(0, 4)                       # not shown: it just comes in
    assert st.shown == [4, 1, 2]
    st.swap_in(0, 2)                       # shown elsewhere: the two panes trade
    assert st.shown == [2, 1, 4]
    assert sorted(st.shown) == sorted(set(st.shown))


def test_rotate_moves_every_pane_on_and_wraps():
    st = ReaderState.start(4, 3)
    st.rotate(1)
    assert st.shown == [1, 2, 3]
    st.rotate(1)
    assert st.shown == [2, 3, 0]
    st.rotate(-2)
    assert st.shown == [0, 1, 2]


def test_fewer_panes_keep_the_active_one_more_panes_show_the_next_sources():
    st = ReaderState.start(6, 4)
    st.focus(3)
    st.set_panes(2)
    assert st.shown == [2, 3] and st.lead == 3 and st.active == 1
    st.set_panes(4)
    assert st.shown == [2, 3, 4, 5] and st.lead == 3
    st.set_panes(5)
    assert st.shown == [2, 3, 4, 5, 0]


def test_zoom_leaves_only_the_active_pane_and_the_search_walks_it_first():
    st = ReaderState.start(4, 3)
    st.focus(1)
    st.toggle_zoom()
    assert st.visible_slots() == [1] and st.visible_articles() == [1]
    assert st.slot_showing(1) == 1 and st.slot_showing(2) is None   # shown but hidden
    assert st.search_order() == [1, 0, 2, 3]
    st.toggle_zoom()
    assert st.slot_showing(2) == 2 and st.search_order() == [0, 1, 2, 3]


def _filtered(an, speaker, topic, mode="only") -> Lens:
    passing, quoted = filtered(an, speaker, topic)
    return dataclasses.replace(Lens(), analysis=an, speaker=speaker, topic=topic, mode=mode,
                               passing=passing, quoted=quoted,
                               _pass_sets=[frozenset(p) for p in passing or ()])


def test_a_filter_decides_which_sentences_the_cursor_visits():
    an = story()
    st = ReaderState.start(3, 3)
    assert st.keep(0) is None and st.order(0) is None and st.snap(0, 3) == 3
    st.lens = _filtered(an, None, "t1")                 # passing [[1, 2, 4], [2], [0, 2]]
    assert st.order(0) == [1, 2, 4]
    assert [i for i in range(6) if st.keep(0)(i)] == [1, 2, 4]
    assert st.snap(0, 3) == 4 and st.snap(0, 3, -1) == 2
    assert st.snap(0, 0) == 1 and st.snap(0, 5) == 4 and st.snap(0, 2) == 2
    st.lens = _filtered(an, None, "t1", mode="mark")    # marking: every sentence visited
    assert st.keep(0) is None and st.order(0) is None and st.snap(0, 3) == 3


def test_under_a_filter_the_keys_move_to_a_pane_with_sentences():
    an = story()
    st = ReaderState.start(3, 3)
    st.focus(2)
    st.lens = _filtered(an, "Engineers", None)          # passing [[3], [3], []]
    st.follow_filter()
    assert st.active == 0 and st.shown == [0, 1, 2]
    st = ReaderState.start(3, 1)                         # one pane, showing a source with none
    st.swap_in(0, 2)
    st.lens = _filtered(an, "Engineers", None)
    st.follow_filter()
    assert st.shown == [0] and st.lead == 0              # the source with the most comes in


def test_bring_gives_the_keys_to_the_pane_showing_it_else_brings_it_in():
    st = ReaderState.start(5, 3)
    st.bring(2)                            # shown: that pane gets the keys
    assert st.shown == [0, 1, 2] and st.active == 2
    st.bring(4)                            # not shown: it comes into the pane with the keys
    assert st.shown == [0, 1, 4] and st.active == 2
    st.toggle_zoom()
    st.bring(0)                            # shown but hidden by the zoom: swapped in
    assert st.shown == [4, 1, 0] and st.active == 2 and st.visible_articles() == [0]


def test_the_search_walks_the_visible_panes_then_the_rest_and_wraps():
    st = ReaderState.start(4, 2)
    st.swap_in(0, 2)                       # panes show 2, 1; then 0, 3 unshown
    st.lens = Lens(query="x", matches={(0, 5): [], (1, 3): [], (2, 1): [], (2, 4): [],
                                       (3, 0): []})
    hits = st.hits()
    assert hits == [(2, 1), (2, 4), (1, 3), (0, 5), (3, 0)]
    assert hits[st.next_hit(hits, (2, 1), 1)] == (2, 4)
    assert hits[st.next_hit(hits, (2, 1), 1, inclusive=True)] == (2, 1)
    assert hits[st.next_hit(hits, (2, 2), 1)] == (2, 4)          # between two matches
    assert hits[st.next_hit(hits, (3, 0), 1)] == (2, 1)          # past the last: wraps
    assert hits[st.next_hit(hits, (2, 1), -1)] == (3, 0)         # before the first: wraps
    assert hits[st.next_hit(hits, (1, 0), -1)] == (2, 4)         # back across panes
