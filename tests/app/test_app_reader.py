"""Pilot tests of the reader: the invariants a user relies on."""
from __future__ import annotations

import threading

import pytest
from reader_story import story
from textual import events
from textual.geometry import Region

from tui.app.app import SynopsisApp
from tui.app.keys import KEYS
from tui.app.layout import ADDITION, PENDING
from tui.app.screens.help import HelpScreen
from tui.app.screens.parallels import ParallelsScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.screens.sources import SourcesScreen
from tui.app.widgets.pane import HEADER
from tui.app.widgets.styles import CURSOR, PLAIN
from tui.app.sync import anchor, best_match


def make_app(analysis, **kw) -> SynopsisApp:
    return SynopsisApp(analysis.corpus, analysis, **kw)


def row(view, i: int) -> int:
    """The screen row of sentence i's first line."""
    return view.region.y + view.row_of(i)


def on_screen(view, i: int) -> bool:
    return 0 <= view.first_line(i) - view.top < view.view_height


def check_synchronised(reader: ReaderScreen, analysis) -> int:
    """Every other shown pane puts the cursor sentence's match on the cursor's row, or
    holds the nearest preceding aligned sentence's position (the first row at most, once
    that sentence scrolled off the top).  Returns how many matches were checked."""
    lead = reader.lead
    a, i = lead.article, lead.cursor
    assert on_screen(lead, i)
    checked = 0
    for view in reader.visible_panes():
        if view is lead:
            continue
        b = view.article
        m = best_match(analysis, a, i, b)
        if m is not None:
            assert on_screen(view, m.i), (a, i, b, m.i)
            assert row(view, m.i) == row(lead, i), (a, i, b, m.i)
            checked += 1
        else:
            anc = anchor(analysis, a, i, b)
            if anc is None:
                assert view.top == 0
            else:
                k, j = anc   # held on the anchor's row, or the first row if that is off
                top_row = lead.region.y + HEADER
                assert row(view, j) == max(row(lead, k), top_row), (a, i, b, k, j)
    return checked


# -- start-up -----------------------------------------------------------------------------

@pytest.mark.parametrize("size, panes", [((80, 24), 2), ((200, 50), 5), ((120, 40), 3)])
async def test_starts_at_every_size(seeds_analysis, size, panes):
    app = make_app(seeds_analysis)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert len(reader.visible_panes()) == panes
        for p in reader.visible_panes():
            assert p.painted and p.size.width >= 38
        assert app.reader.lead.cursor == 0


async def test_resizing_changes_the_number_of_panes(seeds_analysis):
    app = make_app(seeds_analysis)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = app.reader
        await pilot.press("l", "l", "l", "j", "j")
        focused = reader.lead.article
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert len(reader.visible_panes()) == 2
        assert reader.lead.article == focused
        check_synchronised(reader, seeds_analysis)
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert len(reader.visible_panes()) == 5
        assert sorted(reader.visible_articles()) == [0, 1, 2, 3, 4]
        check_synchronised(reader, seeds_analysis)


# -- synchronised by content ----------------------------------------------------------------

@pytest.mark.parametrize("lead_pane", [0, 2])
async def test_every_pane_follows_the_cursor(seeds_analysis, lead_pane):
    app = make_app(seeds_analysis)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = app.reader
        for _ in range(lead_pane):
            await pilot.press("l")
        await pilot.press("g")
        n = len(seeds_analysis.articles[reader.lead.article].sentences)
        checked = 0
        for _ in range(n):
            checked += check_synchronised(reader, seeds_analysis)
            await pilot.press("j")
        assert reader.lead.cursor == n - 1
        assert checked > 0
        for _ in range(8):   # and back up
            await pilot.press("k")
            check_synchronised(reader, seeds_analysis)


async def test_a_moved_verbatim_sentence_lines_up():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("G")               # Alpha's last sentence, verbatim in Beta's top
        alpha, beta, gamma = reader.visible_panes()
        assert alpha.cursor == 6
        assert row(beta, 1) == row(alpha, 6)
        assert 1 in beta.peers and beta.state(1) != PLAIN
        # Gamma has no match: it holds the position of Alpha 4 (the mayor), its sentence 0
        assert row(gamma, 0) == row(alpha, 4)
        await pilot.press("k")               # Alpha 5, an addition: Beta holds Alpha 3's
        assert row(beta, 3) == row(alpha, 3)
        assert beta.peers == ()


async def test_wheel_scrolling_keeps_the_panes_in_step(seeds_analysis):
    app = make_app(seeds_analysis)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = app.reader
        lead = reader.lead
        for _ in range(6):
            await pilot._post_mouse_events([events.MouseScrollDown], lead, offset=(5, 5))
            assert on_screen(lead, lead.cursor)
            check_synchronised(reader, seeds_analysis)
        assert lead.top > 0 and lead.cursor > 0
        top = lead.top
        await pilot._post_mouse_events([events.MouseScrollUp], lead, offset=(5, 5))
        assert lead.top == top - 3
        check_synchronised(reader, seeds_analysis)
        # wheel over another pane: it becomes the focused one and leads
        other = reader.panes[3]
        await pilot._post_mouse_events([events.MouseScrollDown], other, offset=(5, 5))
        assert reader.lead is other
        check_synchronised(reader, seeds_analysis)


async def test_clicking_a_sentence_focuses_its_pane():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        beta = reader.panes[1]
        await pilot.click(beta, offset=(6, beta.row_of(2)))
        assert reader.lead is beta and beta.cursor == 2
        assert beta.state(2) == CURSOR
        check_synchronised(reader, an)


# -- navigation --------------------------------------------------------------------------

async def _visits(pilot, reader, key: str, count: int) -> list[int]:
    out = []
    for _ in range(count):
        await pilot.press(key)
        out.append(reader.lead.cursor)
    return out


@pytest.mark.parametrize("which", ["seeds", "story"])
async def test_n_visits_exactly_the_additions(seeds_analysis, which):
    an = seeds_analysis if which == "seeds" else story()
    app = make_app(an)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = app.reader
        for a in range(len(an.articles)):
            await pilot.press(str(a + 1))
            assert reader.lead.article == a
            adds = an.additions(a, furniture=False)   # page furniture is no addition
            await pilot.press("g")
            start = 0 if 0 in adds else None
            visited = await _visits(pilot, reader, "n", len(adds) + 1)
            if start is None:
                assert visited[:len(adds)] == adds
                # round to the first again; with none, the cursor stays where g put it
                assert visited[len(adds)] == (adds[0] if adds else 0)
            else:   # the cursor starts on one: n goes on to the next
                assert visited[:len(adds)] == adds[1:] + adds[:1]
            for i in visited:
                assert reader.lead.kind(i) == ADDITION
                check_synchronised(reader, an)
            if which == "story":
                await pilot.press("G")
                back = await _visits(pilot, reader, "N", len(adds))
                last = len(an.articles[a].sentences) - 1
                expected = [i for i in reversed(adds) if i != last]
                assert back[:len(expected)] == expected


async def test_brackets_visit_exactly_the_disagreements():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        targets = [s.i for s in an.articles[0].sentences if an.at(0, s.i).changed]
        assert targets == [1, 3]
        assert await _visits(pilot, reader, "right_square_bracket", 3) == [1, 3, 1]
        assert await _visits(pilot, reader, "left_square_bracket", 2) == [3, 1]
        assert "Wrapped" not in str(reader.describe())


async def test_h_and_l_follow_the_aligned_sentence():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("j", "j", "j")            # Alpha 3: six weeks
        assert reader.lead.cursor == 3
        await pilot.press("l")                      # Beta: eight weeks
        assert reader.active == 1 and reader.lead.article == 1 and reader.lead.cursor == 3
        await pilot.press("h")
        assert reader.lead.article == 0 and reader.lead.cursor == 3
        await pilot.press("tab", "tab")
        assert reader.lead.article == 2
        await pilot.press("tab")                    # all shown: wraps round
        assert reader.lead.article == 0
        await pilot.press("shift+tab")
        assert reader.lead.article == 2


async def test_at_80x24_the_other_sources_can_be_switched_in(seeds_analysis):
    app = make_app(seeds_analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.reader
        assert reader.visible_articles() == [0, 1]
        await pilot.press("greater_than_sign")
        assert reader.visible_articles() == [1, 2]
        await pilot.press("less_than_sign", "less_than_sign")
        assert reader.visible_articles() == [4, 0]
        await pilot.press("5")                      # shown already: focus it
        assert reader.lead.article == 4
        await pilot.press("3")                      # not shown: into the focused pane
        assert reader.visible_articles() == [2, 0] and reader.lead.article == 2
        await pilot.press("l", "l")                 # past the right edge: the next comes in
        assert reader.lead.article == 1 and 1 in reader.visible_articles()
        await pilot.press("o")
        assert isinstance(app.screen, SourcesScreen)
        await pilot.press("home", "enter")
        assert app.screen is reader and reader.lead.article == 0
        check_synchronised(reader, seeds_analysis)


async def test_zoom(seeds_analysis):
    app = make_app(seeds_analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        await pilot.press("l", "j", "j")
        article, cursor = reader.lead.article, reader.lead.cursor
        await pilot.press("z")
        await pilot.pause()
        [pane] = reader.visible_panes()
        assert pane.article == article and pane.region.width == 120
        assert on_screen(pane, cursor)
        await pilot.press("l")                      # zoomed: l shows the next source
        assert reader.lead.article != article and len(reader.visible_panes()) == 1
        await pilot.press("z")
        await pilot.pause()
        assert len(reader.visible_panes()) == 3
        check_synchronised(reader, seeds_analysis)


# -- parallels, help, palette ----------------------------------------------------------------

async def test_parallels_lists_every_aligned_sentence_and_who_leaves_it_out():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.reader
        await pilot.press("j", "j", "j", "enter")
        screen = app.screen
        assert isinstance(screen, ParallelsScreen)
        await pilot.pause()
        text = "\n".join(screen.doc.render_line(y).text for y in range(screen.doc.size.height))
        assert "Engineers said repairs would take six weeks." in text
        assert "Engineers said repairs would take eight weeks." in text
        assert "Beta News" in text and "edited" in text
        assert "Gamma Daily" in text and "not in this source" in text
        await pilot.press("j")                     # the next sentence, in place
        assert screen.sentence == 4
        await pilot.press("escape")
        assert app.screen is reader and reader.lead.cursor == 4
        check_synchronised(reader, an)


async def test_help_lists_every_key(story_analysis):
    app = make_app(story_analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        doc = screen.doc
        await pilot.pause()
        lines = [r for _, r, _ in doc._lines]
        text = " ".join(" ".join(t for t, _ in runs) for runs in lines)
        for prev, k in zip((None, *KEYS), KEYS):
            if k.help:
                keys, what = k.help.split("\t")
                assert keys in text and " ".join(what.split()) in " ".join(text.split())
            else:   # on its pair's line ("next / previous ...")
                assert prev is not None and prev.help and prev.group == k.group
        assert "Ctrl+P" in text
        for word in ("addition", "verbatim", "edited", "paraphrase", "boilerplate"):
            assert word in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_the_palette_offers_every_action(story_analysis):
    app = make_app(story_analysis)
    async with app.run_test(size=(120, 40)):
        titles = [c.title for c in app.get_system_commands(app.reader)]
        for k in KEYS:
            if not k.action.startswith("app."):
                assert k.description in titles
        assert "Show source 2: Beta News" in titles
        cmd = next(c for c in app.get_system_commands(app.reader)
                   if c.title.startswith("Next addition"))
        await cmd.callback()
        assert app.reader.lead.cursor == 5


# -- never by colour alone ---------------------------------------------------------------------

def _screen_strips(view):
    """The pane's lines as it hands them to the compositor (line filters applied)."""
    return view.render_lines(Region(0, 0, view.size.width, view.size.height))[HEADER:]


@pytest.mark.parametrize("env", ["NO_COLOR", "ansi"])
async def test_additions_are_marked_without_colour(monkeypatch, env):
    if env == "NO_COLOR":
        monkeypatch.setenv("NO_COLOR", "1")
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        if env == "ansi":
            app.theme = "ansi-dark"
            await pilot.pause()
        else:
            assert app.no_color
        view = app.reader.panes[0]
        strips = _screen_strips(view)
        seen = set()
        for y, strip in enumerate(strips):
            n = view.top + y
            if not 0 <= n < view.lay.height or view.lay.sentence[n] < 0:
                continue
            i = view.lay.sentence[n]
            segs = list(strip)
            glyph, words = segs[1], [w for w in segs[3:] if w.text.strip()]
            s = an.articles[0].sentences[i]
            if view.kind(i) == ADDITION and not s.boilerplate:
                assert glyph.text == "+"            # on every line, as in a diff
                assert words and all(w.style.bold for w in words)
                seen.add(i)
            elif not s.boilerplate:
                assert glyph.text in ("=~≈" if n == view.first_line(i) else " ")
                assert not any(w.style.bold for w in words)
            for w in words:
                if an.articles[0].text.find(w.text) >= 0 and w.text in ("closed", "found"):
                    assert w.style.reverse or w.style.bgcolor is not None
        assert seen == {5}


# -- a large corpus: panes first, analysis in a worker ----------------------------------------------

async def test_the_analysis_can_arrive_after_the_first_frame():
    an = story()
    release = threading.Event()

    def slow(corpus):
        assert release.wait(10)
        return an

    app = SynopsisApp(an.corpus, None, analyse=slow)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.pause(0)    # the first frame (pause() would wait its second for the worker)
        assert app.analysis is None
        for p in reader.visible_panes():
            assert p.painted and p.kind(0) == PENDING
        assert "aligning" in str(reader.describe())
        await pilot.press("j", "j", "n")            # reading works meanwhile
        assert reader.lead.cursor == 2
        release.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if app.analysis is not None:
                break
        await pilot.pause()
        assert app.analysis is an
        assert reader.lead.kind(5) == ADDITION
        await pilot.press("n")
        assert reader.lead.cursor == 5
        check_synchronised(reader, an)


async def test_the_analysis_process_reports_progress_and_its_result(tmp_path):
    """No analysis at start: another process makes it; its progress and its result come
    back as messages, and the reader shows what this process would have made."""
    from reader_story import write_story

    from tui.engine.corpus import load_corpus
    from tui.engine.export import to_dict
    from tui.pipeline import open_analysis

    corpus = load_corpus([str(write_story(tmp_path / "story"))])
    app = SynopsisApp(corpus, None, use_cache=False)
    async with app.run_test(size=(120, 30)) as pilot:
        for _ in range(400):
            await pilot.pause(0.05)
            if app.analysis is not None:
                break
        assert app.analysis is not None and app._job is not None
        assert to_dict(app.analysis) == to_dict(open_analysis(corpus, cache=False))
        assert app._fraction == 1.0          # the last progress message: all done
        await pilot.press("n")
        check_synchronised(app.reader, app.analysis)


class _HeldJob:
    """Stands for an analysis process: what the reader asks of it, in order."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def hold(self) -> None:
        self.asked.append("hold")

    def go_on(self) -> None:
        self.asked.append("go_on")

    def cancel(self) -> None:
        self.asked.append("cancel")


async def test_the_analysis_process_is_held_while_a_key_is_answered():
    """A key while the analysis is made: the process is held, and let go on once the
    frame that answers the key is drawn; once the analysis is there, keys leave it be."""
    an = story()
    release = threading.Event()
    app = SynopsisApp(an.corpus, None, analyse=lambda c: release.wait(10) and an)
    job = app._job = _HeldJob()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause(0)
        job.asked.clear()
        await pilot.press("j")
        assert job.asked[:1] == ["hold"]
        await pilot.pause(0.05)                 # the frame is drawn: it goes on
        assert job.asked[1:2] == ["go_on"] and app.reader.lead.cursor == 1
        release.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if app.analysis is not None:
                break
        job.asked.clear()
        await pilot.press("j")
        assert job.asked == []


async def test_themes_restyle_the_panes(story_analysis):
    app = make_app(story_analysis)
    async with app.run_test(size=(120, 30)) as pilot:
        view = app.reader.panes[0]
        before = _screen_strips(view)
        app.theme = "textual-light"
        await pilot.pause()
        after = _screen_strips(view)
        assert [s.text for s in before] == [s.text for s in after]
        assert [list(s) for s in before] != [list(s) for s in after]


async def test_loading_warnings_are_shown(tmp_path):
    from reader_story import write_story

    from tui.engine.corpus import load_corpus
    from tui.pipeline import open_analysis

    folder = write_story(tmp_path / "story")
    (folder / "empty.txt").write_text("")
    corpus = load_corpus([str(folder)])
    assert corpus.warnings
    an = open_analysis(corpus)
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert any("empty" in n.message for n in app._notifications)


@pytest.mark.parametrize("size", [(30, 8), (20, 5), (300, 60)])
async def test_odd_sizes_do_not_break(seeds_analysis, size):
    app = make_app(seeds_analysis)
    async with app.run_test(size=size) as pilot:
        await pilot.press("j", "n", "l", "right_square_bracket", "z", "z", "enter")
        await pilot.press("escape", "question_mark", "escape", "G", "k")
        assert isinstance(app.screen, ReaderScreen)
        check_synchronised(app.reader, seeds_analysis)
