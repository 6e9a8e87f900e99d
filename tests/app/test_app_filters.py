"""Speaker and topic filters, the quote comparison and the search: the logic on its own
(filters.py, layout with a subset), then Pilot tests of the reader with them."""
from __future__ import annotations

import os

import pytest
from reader_story import article, build, story
from test_app_reader import check_synchronised, make_app, on_screen, row

from tui.app.filters import Searcher, filtered
from tui.app.layout import MATCH, QUOTED, SKIPPED, layout
from tui.app.screens.pickers import PickerScreen
from tui.app.screens.quotes import QuotesScreen, quotes_blocks
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.styles import FOUND, HIT, QUOTES
from tui.engine.chars import fold
from tui.engine.statements import statements, word_differences

# -- the logic --------------------------------------------------------------------------


def test_fold_keeps_offsets_and_folds_marks_and_case():
    text = "“Verify” – it’s ÉTÉ—now"
    f = fold(text)
    assert len(f) == len(text)
    assert f == "'verify' - it's été-now"


def test_search_tolerates_case_quote_marks_and_dashes():
    art = article("x", [["He said “We’re verifying — slowly” today.", "Nothing here."],
                        ["A so-called 'test' – and \"another\"."]])
    an = build([art], [])
    s = Searcher(an)
    assert list(s.find("we're VERIFYING - slowly")) == [(0, 0)]
    assert list(s.find("“test’")) == [(0, 2)]
    assert list(s.find("so—called")) == [(0, 2)]
    [(_, spans)] = s.find("verifying").items()
    a, b = spans[0]
    assert art.text[a:b] == "verifying"
    assert s.find("   ") == {} and s.find("absent") == {}
    assert list(s.find("today. nothing")) == [(0, 0)]    # across sentences: kept in the first


def test_filtered_keeps_the_speakers_and_the_topics_sentences():
    an = story()
    passing, quoted = filtered(an, "Engineers", None)
    assert passing == [[3], [3], []]
    assert set(quoted) == {(0, 3), (1, 3)}
    passing, _ = filtered(an, None, "t1")
    assert passing == [[1, 2, 4], [2], [0, 2]]
    passing, _ = filtered(an, "Mayor", "t1")           # both must hold
    assert passing == [[4], [], [0]]
    passing, _ = filtered(an, "Mayor", "t2")
    assert passing == [[], [], []]
    assert filtered(an, None, None) == (None, {})


def test_counts_per_source():
    an = story()
    assert an.quote_counts() == {"Engineers": [1, 1, 0], "Mayor": [1, 0, 1]}
    assert an.topic_counts() == {"t1": [3, 1, 2], "t2": [1, 2, 0]}


def test_statements_group_one_line_across_sources_and_mark_the_words_that_differ():
    an = story()
    [st] = statements(an, "Engineers")
    assert st.articles == [0, 1]
    texts = [q.text for q in st.quotes]
    marks = word_differences(texts)
    assert [{texts[k].split()[w] for w in m} for k, m in enumerate(marks)] == [{"six"},
                                                                                {"eight"}]
    [mayor] = statements(an, "Mayor")
    assert mayor.articles == [0, 2]
    assert word_differences([q.text for q in mayor.quotes]) == [set(), set()]


def test_word_differences_mark_the_odd_wording_not_the_majority_nor_excerpts():
    texts = ["We remain in contact with our American allies.",
             "We remain in contact with our American allies.",
             "We remain in contact with our American allies",
             "We are in contact with our U.S. allies.",
             "in contact with our American"]                     # an excerpt
    m = word_differences(texts)
    assert m[0] == m[1] == m[2] == set()
    words = texts[3].split()
    assert {words[k] for k in m[3]} == {"are", "U.S."}
    assert m[4] == set()
    assert word_differences(["six weeks", "eight weeks"]) == [{0}, {0}]   # two: both


def test_the_gutter_marks_without_colour():
    from tui.app.widgets.styles import CURSOR, PEER, PLAIN, bar_char

    assert bar_char(PLAIN) == " " and bar_char(HIT) == "┃" and bar_char(QUOTES | HIT) == "❝"
    assert bar_char(FOUND | QUOTES) == "/"
    assert bar_char(CURSOR | FOUND) == "▌" and bar_char(PEER | HIT) == "▎"


def test_layout_of_a_subset_says_where_sentences_are_left_out():
    an = story()
    art = an.articles[0]
    lay = layout(art, 30, shown=[1, 4])
    assert {i for i in lay.sentence if i >= 0} == {1, 4}
    assert [SKIPPED] == [t for t, _ in lay.runs[lay.first[4] - 1]]   # the gap before 4
    for i in (0, 2, 3, 5, 6):                                         # left out: no lines
        assert lay.last[i] < lay.first[i]
    empty = layout(art, 30, shown=[])
    assert empty.empty and empty.height == 1


def test_quote_blocks_list_every_wording():
    an = story()
    blocks, starts = quotes_blocks(an, "Engineers")
    assert len(starts) == 1
    text = [" ".join(t for _, runs, _ in b.words for t, _ in runs) for b in blocks]
    assert any("six" in t for t in text) and any("eight" in t for t in text)
    assert any("Alpha Times" in t for t in text) and any("Beta News" in t for t in text)
    assert any("not in: Gamma Daily" in t for t in text)


# -- the reader ---------------------------------------------------------------------------

def shown_sentences(view) -> set[int]:
    return {i for i in view.lay.sentence if i >= 0}


def pane_text(view) -> str:
    from textual.geometry import Region

    strips = view.render_lines(Region(0, 0, view.size.width, view.size.height))
    return "\n".join(s.text for s in strips)


async def test_the_speaker_picker_lists_speakers_with_counts_and_filters():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("s")
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        await pilot.pause()
        options = [str(picker.options.get_option_at_index(k).prompt)
                   for k in range(picker.options.option_count)]
        assert len(options) == 2
        assert "Engineers" in options[0] and "2 quotes" in options[0]
        assert "1·1  2·1  3·–" in options[0]
        await pilot.press(*"may")                      # typing narrows the list
        assert picker.options.option_count == 1
        await pilot.press("enter")
        assert app.screen is reader
        assert reader.lens.speaker == "Mayor"
        alpha, beta, gamma = reader.visible_panes()
        assert shown_sentences(alpha) == {4} and shown_sentences(gamma) == {0}
        assert beta.lay.empty and "no sentence of this source quotes Mayor" in " ".join(
            pane_text(beta).split())
        assert reader.lead.cursor == 4
        assert row(gamma, 0) == row(alpha, 4)          # still synchronised
        check_synchronised(reader, an)
        # the quote's words are marked, and the sentence has a marker in its gutter
        assert alpha.state(4) & QUOTES
        status = str(reader.describe())                # the filter heads the status line
        assert status.startswith(" ❝ Mayor · only ") and "2 sentences in 2 sources" in status
        assert "speaker Mayor" in str(reader.filter_text())
        await pilot.press("S")                         # clearing restores every sentence
        assert reader.lens.speaker is None and "❝" not in str(reader.describe())
        assert shown_sentences(alpha) == set(range(7))
        assert shown_sentences(beta) == set(range(6))
        assert reader.lead.cursor == 4
        check_synchronised(reader, an)


async def test_filtered_panes_stay_synchronised_on_every_step(seeds_analysis):
    an = seeds_analysis
    app = make_app(an)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = app.reader
        # the speaker quoted in the most sources
        counts = an.quote_counts()
        name = max(counts, key=lambda n: (sum(1 for c in counts[n] if c), sum(counts[n])))
        await pilot.press("s")
        picker = app.screen
        await pilot.press(*name)
        await pilot.press("enter")
        assert reader.lens.speaker == name
        passing = reader.lens.passing
        for p in reader.visible_panes():
            assert shown_sentences(p) == set(passing[p.article])
        lead = reader.lead
        assert passing[lead.article]
        await pilot.press("g")
        visited = [lead.cursor]
        for _ in range(len(passing[lead.article]) - 1):
            await pilot.press("j")
            visited.append(lead.cursor)
            checked_filtered(reader, an)
        assert visited == passing[lead.article]          # j visits exactly the filtered ones
        await pilot.press("l")                            # another pane leads: still in step
        assert reader.lead.cursor in passing[reader.lead.article]
        checked_filtered(reader, an)
        del picker


def checked_filtered(reader: ReaderScreen, analysis) -> None:
    """With sentences hidden, another pane puts its aligned sentence (among those it shows)
    on the cursor's row, else holds the nearest preceding pair that both panes show."""
    from tui.app.sync import anchor, best_match

    lead = reader.lead
    a, i = lead.article, lead.cursor
    assert on_screen(lead, i) and lead.shows(i)
    for view in reader.visible_panes():
        if view is lead or view.lay.empty:
            continue
        b = view.article
        keep_a, keep_b = reader.keep(a), reader.keep(b)
        m = best_match(analysis, a, i, b, keep_b)
        if m is not None:
            assert view.shows(m.i) and row(view, m.i) == row(lead, i)
        else:
            anc = anchor(analysis, a, i, b, keep_a, keep_b)
            if anc is None:
                assert view.top == 0
            else:
                k, j = anc
                top_row = lead.region.y + 2
                assert row(view, j) == max(row(lead, k), top_row)


async def test_topic_filter_combines_with_the_speaker_filter():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("t")
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        await pilot.pause()
        options = [str(picker.options.get_option_at_index(k).prompt)
                   for k in range(picker.options.option_count)]
        assert "Closure" in options[0] and "6 sentences" in options[0]
        assert "Repairs" in options[1] and "3·–" in options[1]
        await pilot.press("enter")                     # the first: Closure
        alpha, beta, gamma = reader.visible_panes()
        assert reader.lens.topic == "t1"
        assert shown_sentences(alpha) == {1, 2, 4}
        assert shown_sentences(beta) == {2} and shown_sentences(gamma) == {0, 2}
        await pilot.press("j")
        assert reader.lead.cursor == 2
        assert row(gamma, 2) == row(alpha, 2)          # diverted / sent along: same row
        await pilot.press("s", *"mayor", "enter")     # and the mayor: both must hold
        assert shown_sentences(alpha) == {4} and shown_sentences(gamma) == {0}
        assert beta.lay.empty
        bar = str(reader.filter_text())
        assert "speaker Mayor" in bar and "topic Closure" in bar and "2 sentences" in bar
        assert "❝ Mayor ∧ topic Closure" in str(reader.describe())
        check_synchronised(reader, an)
        await pilot.press("T")                         # the speaker filter alone
        assert reader.lens.topic is None and reader.lens.speaker == "Mayor"
        assert shown_sentences(alpha) == {4}
        await pilot.press("S")
        assert not reader.lens.filtering and shown_sentences(alpha) == set(range(7))


async def test_no_sentence_passing_anywhere_is_said():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("t", *"repairs", "enter", "s", *"mayor", "enter")
        assert all(p.lay.empty for p in reader.visible_panes())
        assert "No sentence in any source passes both filters" in str(reader.describe())
        await pilot.press("j", "k", "n", "l", "enter", "escape", "g", "G")   # nothing breaks
        assert isinstance(app.screen, ReaderScreen)


async def test_the_filter_can_mark_instead_of_hide():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("s", *"engineers", "enter")
        alpha, beta, _ = reader.visible_panes()
        assert shown_sentences(alpha) == {3}
        await pilot.press("f")
        assert shown_sentences(alpha) == set(range(7))
        assert alpha.state(3) & QUOTES and beta.state(3) & HIT and not alpha.state(2) & HIT
        assert "marked ┃" in str(reader.filter_text()) and "marked ┃" in str(reader.describe())
        check_synchronised(reader, an)
        await pilot.press("f")
        assert shown_sentences(alpha) == {3}
        await pilot.press("f", "S", "t", *"closure", "enter")   # marks persist as the mode
        assert shown_sentences(alpha) == set(range(7)) and reader.lead.cursor == 3
        # without colour the mark is a glyph in the gutter, on every line of the sentence
        lines = pane_text(alpha).splitlines()[2:]
        marked = [ln for ln in lines if ln.startswith("┃")]
        assert any("Traffic was diverted" in ln for ln in marked)
        assert any("The mayor called" in ln for ln in marked)
        assert not any("Local shops" in ln for ln in marked)


async def test_quote_marks_show_without_colour(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        assert app.no_color
        await pilot.press("s", *"engineers", "enter", "slash", *"eight", "enter")
        alpha, beta = reader.visible_panes()[:2]
        from textual.geometry import Region  # noqa: PLC0415

        for view, word in ((alpha, "six"), (beta, "eight")):
            strips = view.render_lines(Region(0, 0, view.size.width, view.size.height))
            segs = [seg for s in strips for seg in s]
            quoted = [seg for seg in segs if seg.text.strip() == "weeks"]
            assert quoted and all(seg.style.italic for seg in quoted)
        found = [seg for s in beta.render_lines(Region(0, 0, beta.size.width, beta.size.height))
                 for seg in s if seg.text == "eight"]
        assert found and all(seg.style.reverse and seg.style.bold for seg in found)
        assert MATCH and QUOTED


async def test_search_is_incremental_walks_panes_and_ends_with_escape():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("slash")
        assert reader.searching and app.focused is reader.search_input
        await pilot.press(*"RING")                    # case does not matter
        assert reader.lens.query == "RING"
        assert set(reader.lens.matches) == {(0, 2), (2, 2)}
        assert reader.lead.article == 0 and reader.lead.cursor == 2   # the first at/after
        alpha, _, gamma = reader.visible_panes()
        assert alpha.state(2) & FOUND and gamma.state(2) & FOUND
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"weeks")
        assert set(reader.lens.matches) == {(0, 3), (1, 3)}
        await pilot.press("enter")                    # keep the matches; keys go to the panes
        assert not reader.searching
        assert reader.lead.article == 0 and reader.lead.cursor == 3
        await pilot.press("n")                        # the next match is in the next pane
        assert reader.lead.article == 1 and reader.lead.cursor == 3
        assert "Match 2 of 2" in str(reader.describe())
        await pilot.press("n")                        # wraps round
        assert reader.lead.article == 0 and reader.lead.cursor == 3
        await pilot.press("N")
        assert reader.lead.article == 1
        check_synchronised(reader, an)
        await pilot.press("escape")
        assert reader.lens.query == "" and not reader.lens.matches
        assert not alpha.state(3) & FOUND
        await pilot.press("g", "n")                   # n is "next addition" again
        assert reader.lead.cursor in an.additions(reader.lead.article)


async def test_search_brings_in_a_source_not_shown(seeds_analysis):
    an = seeds_analysis
    app = make_app(an)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.reader
        assert reader.visible_articles() == [0, 1]
        last = an.articles[-1]
        # a word from the last source only
        word = next(w for s in last.sentences for w in s.text.split()
                    if len(w) > 6 and w.isalpha()
                    and not any(fold(w) in fold(a.text) for a in an.articles[:-1]))
        await pilot.press("slash", *word, "enter")
        assert reader.lead.article == len(an.articles) - 1
        assert (reader.lead.article, reader.lead.cursor) in reader.lens.matches


async def test_search_only_walks_the_sentences_a_filter_shows():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("t", *"closure", "enter", "slash", *"the", "enter")
        hits = reader._hits()
        assert hits and all(reader.lens.passes(a, i) for a, i in hits)


async def test_the_quote_comparison_view():
    an = story()
    app = make_app(an)
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.reader
        await pilot.press("j", "j", "j")              # Alpha 3 quotes the engineers
        await pilot.press("c")
        screen = app.screen
        assert isinstance(screen, QuotesScreen) and screen.speaker == "Engineers"
        await pilot.pause()
        text = "\n".join(screen.doc.render_line(y).text for y in range(screen.doc.size.height))
        assert "“repairs would take six weeks”" in text
        assert "“repairs would take eight weeks”" in text
        assert "Alpha Times §4" in text and "Beta News §4" in text
        await pilot.press("escape")
        assert app.screen is reader
        await pilot.press("g", "c")                   # no quote here: choose a speaker first
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(*"mayor", "enter")
        assert isinstance(app.screen, QuotesScreen) and app.screen.speaker == "Mayor"


async def test_the_report_key_writes_a_report_and_a_screenshot(tmp_path, monkeypatch):
    an = story()
    monkeypatch.chdir(tmp_path)
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        folder = tmp_path / "synopsis-reports"
        html = sorted(folder.glob("*.html"))
        svg = sorted(folder.glob("*.svg"))
        assert len(html) == 1 and len(svg) == 1
        assert "Beta News" in html[0].read_text() and "<svg" in svg[0].read_text()
        [note] = [n for n in app._notifications]
        assert str(html[0]) in note.message and str(svg[0]) in note.message
        assert "whole analysis" in note.message
        [md] = sorted(folder.glob("*.md"))          # the overview for a chat, linking the page
        assert str(md) in note.message
        assert md.read_text().rstrip().endswith(f"({html[0].name})")
        await pilot.press("w")                      # never over the first
        await pilot.pause()
        assert len(list(folder.glob("*.html"))) == 2 and len(list(folder.glob("*.svg"))) == 2


def test_report_names_avoid_inputs_and_existing_files(tmp_path):
    from tui.report.view import free_names

    (tmp_path / "r.html").write_text("x")
    inputs = {os.path.realpath(tmp_path / "r-2.svg")}
    assert [p.name for p in free_names(tmp_path, "r", (".html", ".svg"), inputs)] == \
        ["r-3.html", "r-3.svg"]


async def test_demo_mode_spaces_sentences_and_shows_the_keys():
    an = story()
    app = make_app(an, demo=True)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        reader = app.reader
        panel = reader.query_one("#keypanel")
        assert panel.display and panel.region.width > 0
        alpha = reader.panes[0]
        lay = alpha.lay
        assert lay.first[2] - lay.last[1] == 2          # one blank line between sentences
        text = " ".join(" ".join(t for t, _ in runs) for _, runs, _ in panel._lines)
        assert "search" in text and "speaker" in text
        await pilot.press("j", "j", "j")
        check_synchronised(reader, an)


@pytest.mark.parametrize("size", [(80, 24)])
async def test_pickers_and_views_fit_80x24(seeds_analysis, size):
    app = make_app(seeds_analysis)
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        await pilot.pause()
        box = app.screen.query_one("#picker")
        assert box.region.right <= 80 and box.region.bottom <= 24 and box.region.height >= 6
        await pilot.press("enter", "c")
        await pilot.pause()
        assert isinstance(app.screen, QuotesScreen)
        assert app.screen.doc.region.height >= 15
        await pilot.press("escape", "t")
        await pilot.pause()
        box = app.screen.query_one("#picker")
        assert box.region.bottom <= 24
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_the_palette_offers_the_new_actions(story_analysis):
    app = make_app(story_analysis)
    async with app.run_test(size=(120, 40)):
        titles = [c.title for c in app.get_system_commands(app.reader)]
        for what in ("Filter by speaker", "Filter by topic", "Search every pane",
                     "Quotes: what a speaker said", "Write a report", "Open a source"):
            assert any(t.startswith(what) for t in titles), what
