"""What makes a search letter and a picker letter cheap, checked to change nothing the
user sees: a letter redraws only the rows whose lines change; the lines a search or a
filter marked are dropped by their marks, no others; the styles and folded texts made
ahead are those the keys would make; a picker narrowed by hiding its options lists,
highlights and chooses as one made anew."""
from __future__ import annotations

import dataclasses
import os

import pytest
from reader_story import story
from test_app_ahead import until_warm
from test_app_reader import make_app

from tui.app.filters import Searcher
from tui.app.screens.pickers import PickerScreen
from tui.app.widgets.pane import EXTRA, HEADER, MARKS_KEPT
from tui.engine.chars import fold


def visible_keys(view) -> dict[int, tuple]:
    """Per text row of the pane, what its line is (PaneView._line_key)."""
    lay = view.lay
    return {row: view._line_key(lay, view.top + row) for row in range(view.view_height)}


def record_refreshes(view, log: list) -> None:
    orig = view.refresh

    def refresh(*regions, **kw):
        log.append(regions or None)     # None: the whole pane
        return orig(*regions, **kw)
    view.refresh = refresh


def covered(log: list, row: int, width: int) -> bool:
    y = HEADER + row
    for regions in log:
        if regions is None:
            return True
        if any(r.contains(0, y) and r.contains(width - 1, y) for r in regions if r):
            return True
    return False


@pytest.mark.parametrize("query", ["missile", "said the", "th"])
async def test_a_search_letter_redraws_every_row_whose_line_changes(seeds_analysis, query):
    app = make_app(seeds_analysis)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = app.reader
        await pilot.press("j", "j", "slash")
        panes = reader.visible_panes()
        changed_rows = 0
        for letter in query:
            before = {id(p): visible_keys(p) for p in panes}
            tops = {id(p): p.top for p in panes}
            logs = {id(p): [] for p in panes}
            for p in panes:
                record_refreshes(p, logs[id(p)])
            await pilot.press("space" if letter == " " else letter)
            for p in panes:
                del p.refresh
                after = visible_keys(p)
                for row, key in after.items():
                    if key != before[id(p)][row] or p.top != tops[id(p)]:
                        changed_rows += 1
                        assert covered(logs[id(p)], row, p.size.width), (letter, p.article, row)
        assert changed_rows          # the search marked something on screen
        found = (dict(reader.lens.matches), reader.state.hits(),
                 (reader.lead.article, reader.lead.cursor))
    fresh = make_app(seeds_analysis)          # the whole query at once finds the same
    async with fresh.run_test(size=(200, 50)) as pilot:
        reader = fresh.reader
        await pilot.press("j", "j", "slash")
        reader.search_for(query)
        await pilot.pause()
        assert found == (reader.lens.matches, reader.state.hits(),
                         (reader.lead.article, reader.lead.cursor))


async def test_letters_typed_drop_the_lines_of_old_searches_only(seeds_analysis):
    app = make_app(seeds_analysis)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = app.reader
        await pilot.press("slash", *"said the")
        await pilot.pause()                  # drawn
        for p in reader.visible_panes():
            kept = set(p._recent_marks)
            assert len(kept) <= MARKS_KEPT
            for bank in p._banks.values():
                for cache in (bank.marked, bank.strips, bank.rows):
                    marked = [k for k in cache if type(k) is tuple and k[1] & EXTRA]
                    assert all(k[-1] in kept for k in marked)
                    # every line with marks is listed under them (and so is dropped with them)
                    listed = {key for marks in bank.by_marks.values()
                              for c, key in marks if c is cache}
                    assert set(marked) <= listed
        p = reader.lead
        assert any(k[-1] == reader.lens.marks for k in p._bank.strips
                   if type(k) is tuple and k[1] & EXTRA)      # the latest search's lines


@pytest.mark.built_ahead
async def test_styles_made_ahead_are_the_ones_a_search_asks_for(seeds_analysis):
    app = make_app(seeds_analysis)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = app.reader
        await pilot.press("j")
        await until_warm(pilot)
        lead = reader.lead
        made = dict(lead._styles)
        assert any(k[-1] & 16 for k in made)     # FOUND states among them
        lead._styles.clear()                     # the same styles, made on demand
        for key, style in made.items():
            if key[0] == "bar":
                assert lead.bar_style(key[1]) == style
            elif key[0] == "glyph":
                assert lead.glyph_style(*key[1:]) == style
            else:
                assert lead.mark_style(*key) == style


def test_folded_ahead_finds_what_folded_on_demand_finds(seeds_analysis):
    ahead, lazy = Searcher(seeds_analysis), Searcher(seeds_analysis)
    while ahead.prepare(0):
        pass
    assert len(ahead._folded) == len(seeds_analysis.articles)
    for q in ("the", "Engineers said", "“ring”", "zzz"):
        assert ahead.find(q) == lazy.find(q)


async def test_the_searcher_follows_a_new_corpus():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        first = reader.searcher()
        assert reader.searcher() is first
        app.corpus = dataclasses.replace(an.corpus, articles=tuple(list(an.corpus.articles)))
        assert reader.searcher() is not first            # (a correction's new corpus)
        assert reader.searcher().articles is app.corpus.articles
        await pilot.press("slash", *"the")
        assert reader.lens.matches == Searcher(an).find("the")


async def test_a_narrowed_picker_lists_what_a_list_made_anew_lists(seeds_analysis):
    app = make_app(seeds_analysis)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("s")
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        every = [ident for ident, _, _ in picker.items]

        def expected(text: str) -> list[str]:
            words = fold(text).split()
            return [ident for (ident, _, t) in picker.items
                    if all(w in fold(t) for w in words)]

        def listed() -> list[str]:
            o = picker.options
            return [o.get_option_at_index(k).id for k in range(o.option_count)]

        assert listed() == every
        typed = ""
        for letter in "pre":
            await pilot.press(letter)
            typed += letter
            assert listed() == expected(typed)
            assert picker.options.highlighted == (0 if expected(typed) else None)
        await pilot.press("backspace", "backspace", "backspace")
        assert listed() == every
        await pilot.press(*"zzq")
        assert listed() == [] and picker.options.highlighted is None


async def test_a_click_on_a_narrowed_picker_chooses_the_option_under_it(seeds_analysis):
    app = make_app(seeds_analysis)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = app.reader
        await pilot.press("s")
        picker = app.screen
        name = picker.items[-1][0]          # the last speaker, alone at the top once typed
        await pilot.press(*["space" if c == " " else c for c in name])
        await pilot.pause()                  # the narrowed list drawn (the box shrank)
        o = picker.options
        assert 1 <= o.option_count < len(picker.items)
        assert o.kept[o.option_count - 1] != o.option_count - 1     # drawn in another place
        last = o.option_count - 1
        target = o.get_option_at_index(last).id
        line = o._index_to_line[last]
        await pilot.click(o, offset=(2, line - o.scroll_offset.y))
        assert app.screen is reader
        assert reader.lens.speaker == target


async def test_a_filters_lines_outlast_a_search_typed_after_it(seeds_analysis):
    """Each letter is a new search: their lines go first, a filter's stay."""
    app = make_app(seeds_analysis)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = app.reader
        speaker = seeds_analysis.speakers[0].name
        reader._filter(speaker, None)
        await pilot.pause()
        lead = reader.lead
        marks = reader.lens.marks
        assert marks[0] == speaker
        filtered_lines = {k for k in lead._bank.strips
                          if type(k) is tuple and k[1] & EXTRA and k[-1] == marks}
        assert filtered_lines
        await pilot.press("slash", *"said the", "escape")
        assert len(lead._recent_marks) <= MARKS_KEPT
        assert marks in lead._recent_marks
        assert filtered_lines <= set(lead._bank.strips)


@pytest.mark.built_ahead
async def test_one_kept_screen_serves_every_pane_and_filter(seeds_analysis):
    """The list of sources and the pickers made ahead are one screen each whatever the
    focused pane or the filter: none is made again, or dropped (a relayout of the reader
    in the next key's frame), and each opens on what is current."""
    app = make_app(seeds_analysis)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = app.reader
        await until_warm(pilot)
        kept = {id(s) for s, _ in app._kept.values()}
        speaker = seeds_analysis.speakers[1].name
        await pilot.press("l", "l")
        reader._filter(speaker, None)
        await pilot.pause()
        await until_warm(pilot)
        assert {id(s) for s, _ in app._kept.values()} == kept
        await pilot.press("o")
        assert app.screen.options.highlighted == reader.lead.article
        await pilot.press("escape", "s")
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert picker.options.get_option_at_index(picker.options.highlighted).id == speaker
        await pilot.press("escape")
        assert {id(s) for s, _ in app._kept.values()} == kept


def test_the_reader_sets_its_frame_rate_unless_the_user_did(monkeypatch):
    from tui.app import main

    monkeypatch.setenv("TEXTUAL_FPS", "0")     # (restored after the test, set or not)
    monkeypatch.delenv("TEXTUAL_FPS")
    main.frame_rate()
    assert os.environ["TEXTUAL_FPS"] == str(main.FPS)
    monkeypatch.setenv("TEXTUAL_FPS", "30")
    main.frame_rate()
    assert os.environ["TEXTUAL_FPS"] == "30"
