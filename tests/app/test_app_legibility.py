"""Legible on a projector and over SSH: dimmed text (page furniture) has a contrast of
4.5:1 at least against the pane in every built-in theme, computed from the theme's
colours; without colour (NO_COLOR, the ANSI themes) it is the terminal's dim attribute,
not a grey."""
from __future__ import annotations

import pytest
from reader_story import story

from tui.app.app import SynopsisApp

WCAG_AA = 4.5


def luminance(rgb) -> float:
    def ch(v: int) -> float:
        v = v / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = rgb
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


def contrast(a, b) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


DIMMED = ("marks--boilerplate", "marks--muted", "pane--meta")


def _colour_themes(app) -> list[str]:
    themes = [t for t in app.available_themes if not t.startswith("ansi")]
    assert len(themes) >= 15
    return themes


def dimmed_on_pane(theme) -> tuple[tuple, tuple]:
    """(dimmed text, pane) colours, from the theme's own colour system: the pane is
    $surface over the screen's $background, dimmed text is $text-muted over the pane
    ("auto N%": the theme's contrasting text at N% alpha, as Textual resolves `auto`)."""
    from textual.color import Color

    v = theme.to_color_system().generate()
    bg = Color.parse(v["background"]) + Color.parse(v["surface"])
    muted = v["text-muted"]
    if muted.startswith("auto"):
        fg = bg.get_contrast_text(float(muted.split()[1].rstrip("%")) / 100)
    else:
        fg = Color.parse(muted)
    return (bg + fg).rgb, bg.rgb


def _applied(pane) -> list[tuple[str, tuple, tuple]]:
    bg = tuple(pane.rich_style.bgcolor.triplet)
    return [(cls, tuple(pane.get_component_rich_style(cls).color.triplet), bg)
            for cls in DIMMED]


def test_dimmed_text_contrast_in_every_theme():
    an = story()
    app = SynopsisApp(an.corpus, an)
    low = []
    for name in _colour_themes(app):
        fg, bg = dimmed_on_pane(app.get_theme(name))
        ratio = contrast(fg, bg)
        if ratio < WCAG_AA:
            low.append((name, round(ratio, 2)))
    assert not low, low


async def test_the_app_draws_dimmed_text_in_the_themes_colours():
    """The running app's dimmed classes and pane are the colours computed above (so the
    contrast test holds for what is drawn): the default theme, a light one, and the
    theme where dimmed text has the least contrast."""
    an = story()
    app = SynopsisApp(an.corpus, an)
    themes = _colour_themes(app)
    worst = min(themes, key=lambda t: contrast(*dimmed_on_pane(app.get_theme(t))))
    async with app.run_test(size=(120, 30)) as pilot:
        pane = app.reader.panes[0]
        wrong = []
        for name in dict.fromkeys((app.theme, "textual-light", worst)):
            app.theme = name
            await pilot.pause()
            fg, bg = dimmed_on_pane(app.get_theme(name))
            for cls, got_fg, got_bg in _applied(pane):
                if (got_fg, got_bg) != (fg, bg):
                    wrong.append((name, cls, got_fg, got_bg, fg, bg))
        assert not wrong, wrong


@pytest.mark.parametrize("env", ["NO_COLOR", "ansi-dark", "ansi-light"])
async def test_dimmed_text_is_the_terminals_dim_without_colour(monkeypatch, env):
    if env == "NO_COLOR":
        monkeypatch.setenv("NO_COLOR", "1")
    an = story()
    app = SynopsisApp(an.corpus, an)
    async with app.run_test(size=(120, 30)) as pilot:
        if env != "NO_COLOR":
            app.theme = env
            await pilot.pause()
        pane = app.reader.panes[0]
        st = pane.get_component_rich_style("marks--boilerplate")
        assert st.dim
        if env != "NO_COLOR":   # no fixed grey: the terminal's own colour, dimmed
            assert st.color is None or st.color.is_default


async def test_d_turns_the_highlighting_down_to_facts(seeds_analysis):
    from tui.app.layout import CHANGED
    from tui.engine.differences import facts, kind_of, quote_spans

    an = seeds_analysis
    app = SynopsisApp(an.corpus, an)

    def changed_runs(pane) -> dict[int, int]:
        """Per sentence, how many characters are marked as changed words."""
        out = {}
        lay = pane.lay
        for i in range(len(an.articles[pane.article].sentences)):
            if not pane.shows(i):
                continue
            n = sum(len(t) for line in range(lay.first[i], lay.last[i] + 1)
                    for t, fl in pane._runs(lay, line, i) if fl & CHANGED)
            if n:
                out[i] = n
        return out

    async with app.run_test(size=(200, 50)) as pilot:
        panes = app.reader.visible_panes()
        before = {p.article: changed_runs(p) for p in panes}
        await pilot.press("d")
        assert app.reader.state.facts
        after = {p.article: changed_runs(p) for p in panes}
        total = lambda d: sum(sum(x.values()) for x in d.values())   # noqa: E731
        assert 0 < total(after) < 0.75 * total(before)
        assert sum(len(x) for x in after.values()) < 0.75 * sum(len(x) for x in before.values())
        for p in panes:
            art = an.articles[p.article]
            quotes = quote_spans(an, p.article)
            for i in after[p.article]:
                s = art.sentences[i]
                kept = facts(art, s, an.at(p.article, i).changed, quotes)
                assert kept and all(kind_of(art, s, sp, quotes) for sp in kept)
        # a title-case headline lights up no more
        head = next(s.i for s in an.articles[0].sentences if s.role == "headline")
        assert head in before[0] and head not in after[0]
        await pilot.press("d")
        assert {p.article: changed_runs(p) for p in panes} == before


async def test_panes_can_be_widened(seeds_analysis):
    app = SynopsisApp(seeds_analysis.corpus, seeds_analysis)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = app.reader
        assert len(reader.visible_panes()) == 5
        await pilot.press("plus")
        assert len(reader.visible_panes()) == 4
        await pilot.press("plus")
        await pilot.pause()     # the sizes are the next layout's (a press waits for less)
        panes = reader.visible_panes()
        assert len(panes) == 3 and all(p.size.width >= 60 for p in panes)
        await pilot.press("greater_than_sign")         # the others come in as before
        assert len(reader.visible_panes()) == 3
        await pilot.press("minus", "minus", "minus")
        assert len(reader.visible_panes()) == 5


@pytest.mark.parametrize("filtering", [False, True])
async def test_the_status_line_keeps_not_in_at_80_columns(seeds_analysis, filtering):
    an = seeds_analysis
    app = SynopsisApp(an.corpus, an)
    # a sentence shared by some sources and not others
    a, i = next((a, s.i) for a, art in enumerate(an.articles) for s in art.sentences
                if not s.boilerplate and 2 <= len({m.article for m in an.at(a, s.i).matches})
                < len(an.articles) - 1)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.reader
        if filtering:
            await pilot.press("slash", *"the", "enter")
        reader.show_sentence(a, i)
        reader.note = ""
        reader.update_status()
        await pilot.pause()
        text = reader.describe().plain
        assert "not in" in text
        assert len(text) <= reader.status.size.width, text
        missing = {an.articles[b].label for b in range(len(an.articles))
                   if b != a and b not in {m.article for m in an.at(a, i).matches}}
        assert all(name in text.split("not in", 1)[1] for name in missing)
