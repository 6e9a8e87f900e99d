"""Pilot tests of the aligned-rows view: every shared statement on one band across the
panes, filler where a source has nothing, moved sentences marked; `a` switches back; each
pane opens at its own first sentence in both views."""
from __future__ import annotations

import pytest

from tui.app.app import SynopsisApp
from tui.app.layout import FILLER
from tui.app.widgets.pane import HEADER


def make_app(analysis, **kw) -> SynopsisApp:
    return SynopsisApp(analysis.corpus, analysis, **kw)


def screen_row(view, i: int) -> int:
    return view.region.y + view.row_of(i)


def check_bands(reader, analysis) -> int:
    """Every band's members (in the visible panes) start on the same row; a pane with
    nothing in a band shows filler there.  Returns the bands checked on screen."""
    panes = reader.visible_panes()
    bands = {p.article: p.bands for p in panes}
    assert all(b is not None for b in bands.values())
    heights = {b.heights for b in bands.values()}
    assert len(heights) == 1           # one height per band, for every pane
    n = len(next(iter(heights)))
    checked = 0
    for k in range(n):
        starts = set()
        for p in panes:
            cell = bands[p.article].cells[k]
            if cell:
                starts.add(p.first_line(cell[0]))
        assert len(starts) == 1, (k, starts)        # the same article line in every pane
        line = starts.pop()
        rows = {screen_row(p, p.bands.cells[k][0]) for p in panes if p.bands.cells[k]}
        assert len(rows) == 1                       # and the same screen row
        for p in panes:
            if not p.bands.cells[k]:
                lay = p.lay
                assert lay.runs[line] and lay.runs[line][0][0].startswith(FILLER)
        if 0 <= line - panes[0].top < panes[0].view_height:
            checked += 1
    return checked


@pytest.mark.parametrize("size", [(200, 50), (80, 24)])
async def test_aligned_rows(seeds_analysis, size):
    app = make_app(seeds_analysis)
    async with app.run_test(size=size) as pilot:
        reader = app.reader
        for p in reader.visible_panes():           # each pane opens at its own start
            assert p.top == 0
        await pilot.press("a")
        assert reader.state.aligned
        checked = check_bands(reader, seeds_analysis)
        assert checked > 0
        # moving the cursor keeps the bands together, every pane at the same scroll
        lead = reader.lead
        for _ in range(len(seeds_analysis.articles[lead.article].sentences)):
            await pilot.press("j")
            assert len({p.top for p in reader.visible_panes()}) == 1
        check_bands(reader, seeds_analysis)
        await pilot.press("l", "G", "k", "k")
        assert len({p.top for p in reader.visible_panes()}) == 1
        check_bands(reader, seeds_analysis)
        # a moved sentence is marked ↕ in its gutter
        moved = [(p, i) for p in reader.visible_panes() for i in p.bands.moved]
        assert moved
        p, i = moved[0]
        line = p.first_line(i)
        segs = p._text_segments(p.lay, line, p.size.width - 1)
        assert "↕" in "".join(s.text for s in segs)[:3]
        # and back: the synchronised view, no bands
        await pilot.press("a")
        assert not reader.state.aligned
        assert all(p.bands is None for p in reader.panes)


async def test_aligned_rows_follow_the_sources_shown(seeds_analysis):
    app = make_app(seeds_analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.reader
        await pilot.press("a", "greater_than_sign")
        check_bands(reader, seeds_analysis)
        await pilot.press("4")
        check_bands(reader, seeds_analysis)
        assert reader.lead.article == 3


# -- the overview: the story first, one key away ------------------------------------------

async def test_overview_enter_jumps_to_the_sentence(seeds_analysis):
    from tui.app.screens.overview import OverviewScreen
    from tui.report.overview import overview

    ov = overview(seeds_analysis)
    app = make_app(seeds_analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        # the first line is the first headline; then each shared statement, in order
        assert screen.chosen == ov.headlines[0].at
        await pilot.press(*["j"] * len(ov.headlines))
        assert screen.chosen == ov.shared[0].at
        await pilot.press("j", "j")
        want = ov.shared[2].at
        assert screen.chosen == want
        await pilot.press("enter")
        reader = app.reader
        assert app.screen is reader
        assert (reader.lead.article, reader.lead.cursor) == want
        assert 0 <= reader.lead.first_line(want[1]) - reader.lead.top < reader.lead.view_height
        # an addition of a source not in the panes is brought into the pane with the keys
        await pilot.press("v", "G")
        screen = app.screen
        a, i = screen.chosen
        await pilot.press("enter")
        assert (reader.lead.article, reader.lead.cursor) == (a, i)
        # Esc goes back without moving
        await pilot.press("v", "j", "escape")
        assert (reader.lead.article, reader.lead.cursor) == (a, i)


async def test_overview_lists_disagreements_and_only_in_one(seeds_analysis):
    from tui.report.overview import overview

    ov = overview(seeds_analysis)
    app = make_app(seeds_analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        screen = app.screen
        places = [(a, i) for _, a, i in screen.items]
        for d in ov.disagreements:
            assert d.at in places
        for o in ov.only:
            for i in o.sentences[:5]:
                assert (o.article, i) in places


async def test_aligned_rows_under_a_filter(seeds_analysis):
    app = make_app(seeds_analysis)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = app.reader
        await pilot.press("s", "enter")            # the first speaker: only their sentences
        await pilot.pause()
        assert reader.lens.only and reader.lens.speaker
        await pilot.press("a")
        check_bands(reader, seeds_analysis)
        for p in reader.visible_panes():           # only the passing sentences are laid out
            placed = {i for cell in p.bands.cells for i in cell}
            assert all(reader.lens.passes(p.article, i) for i in placed)
        await pilot.press("j", "j", "f")           # all sentences again, the passing marked
        check_bands(reader, seeds_analysis)
        assert len({p.top for p in reader.visible_panes()}) == 1
