"""Work the reader does ahead while idle: the screens a key opens (s t o v) are made,
laid out and drawn before the key, and behave as if made when it was pressed."""
from __future__ import annotations

import time

import pytest
from reader_story import story
from test_app_reader import check_synchronised, make_app

from tui.app.app import READY
from tui.app.screens.overview import OverviewScreen
from tui.app.screens.pickers import PickerScreen
from tui.app.screens.sources import SourcesScreen
from tui.app.widgets.styles import QUOTES

pytestmark = pytest.mark.built_ahead          # (conftest: off in the other pilot tests)


async def until_warm(pilot, timeout: float = 20.0) -> None:
    """Until the reader has nothing left to do ahead (its warm timer stopped)."""
    reader = pilot.app.reader
    end = time.monotonic() + timeout
    await pilot.pause(0.05)
    while not reader.ahead_done and time.monotonic() < end:
        await pilot.pause(0.05)
    assert reader.ahead_done, "the reader never went idle"


def ahead(app) -> list:
    """The kept screens made ahead: (screen, its step)."""
    return [(s, app._ahead.get(s, 0)) for s, _ in app._kept.values()]


async def test_the_screens_a_key_opens_are_ready_before_the_key():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await until_warm(pilot)
        made = ahead(app)
        kinds = {type(s) for s, _ in made}
        assert {OverviewScreen, SourcesScreen, PickerScreen} <= kinds
        assert all(step == READY and s.is_mounted and not s.is_current for s, step in made)
        assert app.screen is reader                 # made unseen: the reader keeps the keys
        await pilot.press("j")
        assert reader.lead.cursor == 1
        pickers = [s for s, _ in made if isinstance(s, PickerScreen)]
        await pilot.press("s")                      # the speaker picker made ahead, as is
        picker = app.screen
        assert picker in pickers and picker.size == app.size
        assert picker.options.option_count == 2 and picker.options.highlighted == 0
        await pilot.press(*"may", "enter")          # typing narrows it, Enter chooses
        assert app.screen is reader and reader.lens.speaker == "Mayor"
        check_synchronised(reader, an)


async def test_a_picker_made_ahead_shows_the_filter_in_force():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("s", *"may", "enter")
        assert reader.lens.speaker == "Mayor"
        await until_warm(pilot)                     # made again for the new current speaker
        await pilot.press("s")
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert picker.options.get_option_at_index(picker.options.highlighted).id == "Mayor"
        await pilot.press("escape")
        assert app.screen is reader
        await pilot.press("o")                      # the sources list, its pane's current
        assert isinstance(app.screen, SourcesScreen)
        assert app.screen.options.highlighted == reader.lead.article
        await pilot.press("escape", "v")
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("escape")
        assert app.screen is reader


def drawn(pane) -> list[str]:
    from textual.geometry import Region

    return [s.text for s in pane.render_lines(Region(0, 0, pane.size.width, pane.size.height))]


def built(reader) -> int:
    return sum(p.built for p in reader.panes)


async def test_the_likeliest_filter_is_built_ahead_and_drawn_as_if_built_then():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await until_warm(pilot)
        first = an.speakers[0].name                 # what s then Enter filters by
        before = built(reader)
        reader.warm_up = lambda: None               # no more built ahead from here
        await pilot.press("s", "enter")
        assert reader.lens.speaker == first
        await pilot.pause()
        # every line drawn was built ahead, but those of the sentences the cursor moved to
        # and those aligned with it (their state is new)
        moved = sum(p.last_line(i) - p.first_line(i) + 1 for p in reader.visible_panes()
                    for i in {*p.peers, *([p.cursor] if p.active else [])})
        assert 0 < moved and built(reader) - before <= moved
        check_synchronised(reader, an)
        shown = [drawn(p) for p in reader.visible_panes()]
        assert reader.lead.state(reader.lead.cursor) & QUOTES          # its quotes marked
        for p in reader.panes:                      # the same as lines built now
            p.notify_style_update()
        assert [drawn(p) for p in reader.visible_panes()] == shown


async def test_a_filter_put_on_again_finds_its_lines_and_marks_stay_right():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("s", *"may", "enter", "f")    # Mayor's quotes, every sentence shown
        await until_warm(pilot)                         # every line of the articles built
        mayor = [drawn(p) for p in reader.visible_panes()]
        await pilot.press("slash", *"the", "enter")     # a search's marks on top
        await pilot.press("escape", "S")
        await pilot.press("s", *"eng", "enter")         # another speaker's quotes
        await pilot.pause()
        assert reader.lens.speaker != "Mayor"
        engineers = [drawn(p) for p in reader.visible_panes()]
        assert engineers != mayor
        await pilot.press("S")
        await until_warm(pilot)                         # what was under way ahead is done
        reader.warm_up = lambda: None                   # nothing built ahead from here
        before = built(reader)
        await pilot.press("s", *"may", "enter")         # Mayor again: no line built anew
        await pilot.pause()
        assert reader.lens.speaker == "Mayor" and reader.lens.mode == "mark"
        assert [drawn(p) for p in reader.visible_panes()] == mayor
        assert built(reader) == before
        for p in reader.panes:
            p.notify_style_update()
        assert [drawn(p) for p in reader.visible_panes()] == mayor


async def test_headers_are_kept_per_width_and_drawn_at_the_new_width():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await until_warm(pilot)                     # the headers at + and -'s widths too
        before = [drawn(p)[:2] for p in reader.visible_panes()]
        await pilot.press("plus")
        await pilot.pause()
        wider = reader.visible_panes()
        assert len(wider) == len(before) - 1
        for p in wider:
            head = drawn(p)[:2]
            assert all(len(line) == p.size.width for line in head)
            assert an.articles[p.article].label in head[0]
        await pilot.press("minus")
        await pilot.pause()
        assert [drawn(p)[:2] for p in reader.visible_panes()] == before


async def test_a_picker_closed_after_typing_is_whole_again_and_drawn_before_it_reopens():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await until_warm(pilot)
        await pilot.press("s", *"may")
        picker = app.screen
        assert picker.options.option_count == 1
        await pilot.press("escape")
        assert app.screen is reader and reader.lens.speaker is None
        await pilot.pause(0.1)                      # the list made whole again, unseen
        await until_warm(pilot)
        assert picker.query_input.value == "" and picker.options.option_count == 2
        assert app._ahead[picker] == READY
        await pilot.press("s")
        assert app.screen is picker and picker.options.highlighted == 0
        await pilot.press("enter")
        assert reader.lens.speaker == picker.items[0][0]

