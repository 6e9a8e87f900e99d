"""The report key writes the current view's report: the sources in the panes and, under
a filter in "only" mode, only the sentences that pass it; the notification says so."""
from __future__ import annotations

import html5lib
from lxml import html as lxml_html
from reader_story import story
from test_app_reader import make_app


def written(tmp_path):
    [page] = sorted((tmp_path / "synopsis-reports").glob("*.html"))
    doc = page.read_text(encoding="utf-8")
    html5lib.HTMLParser(strict=True).parse(doc)
    return page, doc, lxml_html.document_fromstring(doc)


def text_of(el) -> str:
    return " ".join(el.text_content().split())


def columns(tree) -> dict[str, list[str]]:
    """Source label -> the texts of its sentences in the side-by-side table."""
    heads = [text_of(th) for th in tree.xpath("//table[@class='aligned']/thead//th")[1:]]
    out: dict[str, list[str]] = {h: [] for h in heads}
    for tr in tree.xpath("//table[@class='aligned']/tbody/tr"):
        cells = [td for td in tr.xpath("./td")[1:] for _ in range(int(td.get("colspan", 1)))]
        assert len(cells) == len(heads)         # adjacent empty cells are one, spanning
        for head, td in zip(heads, cells):
            if "empty" not in (td.get("class") or ""):
                out[head] += [text_of(p)[1:].strip() for p in td.xpath("./p")]
    return out


def note_of(app) -> str:
    return [n.message for n in app._notifications][-1]


async def test_report_of_a_speaker_filter_has_only_the_passing_sentences(tmp_path,
                                                                       monkeypatch):
    an = story()
    monkeypatch.chdir(tmp_path)
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        assert reader.visible_articles() == [0, 1, 2]
        await pilot.press("s", *"engineers", "enter", "w")
        await pilot.pause()
        page, _, tree = written(tmp_path)
        cols = columns(tree)
        assert cols == {"Alpha Times": ["Engineers said repairs would take six weeks."],
                        "Beta News": ["Engineers said repairs would take eight weeks."],
                        "Gamma Daily": []}
        everything = " ".join(t for texts in cols.values() for t in texts)
        for a, art in enumerate(an.articles):
            for s in art.sentences:
                if (a, s.i) not in {(0, 3), (1, 3)}:
                    assert s.text not in everything
        scope = text_of(tree.xpath("//p[@class='scope']")[0])
        assert "quotes of Engineers" in scope and "only the 2 sentences" in scope
        message = note_of(app)
        assert str(page) in message and "quotes of Engineers" in message
        assert "only the 2 sentences that pass it" in message
        assert "whole analysis" not in message
        # the speakers, quotes and topics sections: only what the view holds
        speakers = text_of(tree.get_element_by_id("speakers"))
        assert "Engineers" in speakers and "Mayor" not in speakers


async def test_report_of_a_marking_filter_has_every_sentence_the_passing_marked(
        tmp_path, monkeypatch):
    an = story()
    monkeypatch.chdir(tmp_path)
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("s", *"engineers", "enter", "f", "w")
        await pilot.pause()
        _, _, tree = written(tmp_path)
        cols = columns(tree)
        assert [len(cols[art.label]) for art in an.articles] == [
            len(art.sentences) for art in an.articles]
        marked = {p.get("id") for p in tree.xpath("//p[@data-filter='passes']")}
        assert marked == {"a0s3", "a1s3"}
        assert "that pass it marked" in note_of(app)


async def test_report_of_the_zoomed_pane_has_one_source(tmp_path, monkeypatch):
    an = story()
    monkeypatch.chdir(tmp_path)
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("z", "w")
        await pilot.pause()
        assert app.reader.visible_articles() == [0]
        _, _, tree = written(tmp_path)
        assert list(columns(tree)) == ["Alpha Times"]
        assert columns(tree)["Alpha Times"][1].startswith("The city closed")
        assert "1 of 3 sources, as shown: Alpha Times" in note_of(app)
        assert [text_of(tr.xpath("./td")[0]) for tr in
                tree.xpath("//section[@id='sources']//tbody/tr")] == ["Alpha Times"]


async def test_report_without_a_filter_and_every_source_shown_is_the_whole_analysis(
        tmp_path, monkeypatch):
    from tui.report import render

    an = story()
    monkeypatch.chdir(tmp_path)
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        _, doc, _ = written(tmp_path)
        assert doc == render(an, "html")
        assert "the whole analysis, all 3 sources" in note_of(app)


async def test_report_of_a_search_marks_the_sentences_it_finds(tmp_path, monkeypatch):
    from tui.report import render

    an = story()
    monkeypatch.chdir(tmp_path)
    app = make_app(an)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash", *"engineers", "enter")
        await pilot.pause()
        found = set(app.reader.lens.matches)
        assert found
        await pilot.press("w")
        await pilot.pause()
        _, doc, tree = written(tmp_path)
        marked = {p.get("id") for p in tree.xpath("//p[@data-search='match']")}
        assert marked == {f"a{a}s{i}" for a, i in found}
        assert not tree.xpath("//p[@data-filter='passes']")   # no filter: no filter marks
        cols = columns(tree)   # every sentence is still there
        assert [len(cols[art.label]) for art in an.articles] == [
            len(art.sentences) for art in an.articles]
        assert doc != render(an, "html")
        message = note_of(app)
        assert f"the search /engineers: the {len(found)} sentence" in message
        assert "whole analysis" not in message
