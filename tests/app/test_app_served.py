"""A served reader (`synopsis serve`: SynopsisApp.is_web) writes nothing on the server on a
visitor's key press: the reader's side, in this process with Pilot (the served process
itself: tests/test_serve.py)."""
from __future__ import annotations

import asyncio

from test_serve import ARTICLE


def test_the_report_key_writes_nothing_when_served(tmp_path, monkeypatch):
    """`w` in a served reader wrote files in the server's folder on a visitor's key press."""
    from tui.app.app import SynopsisApp
    from tui.pipeline import open_analysis

    (tmp_path / "alphaherald.txt").write_text(ARTICLE)
    (tmp_path / "betatimes.txt").write_text(ARTICLE.replace("12 million", "15 million"))
    an = open_analysis([str(tmp_path)], cache=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(SynopsisApp, "is_web", property(lambda self: True))

    async def press_w() -> list[str]:
        app = SynopsisApp(an.corpus, an)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.press("w")
            await pilot.pause()
            return [n.message for n in app._notifications]

    said = asyncio.run(press_w())
    assert any("writes no report" in m for m in said), said
    assert not (tmp_path / "synopsis-reports").exists()


def test_corrections_write_nothing_when_served(tmp_path, monkeypatch):
    """A served reader wrote (or offered to create) the server's corpus file on a visitor's
    key press: corrections stay in force for the session, and no file is written."""
    from tui.app.app import SynopsisApp
    from tui.pipeline import open_analysis

    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "alphaherald.txt").write_text(ARTICLE)
    (folder / "betatimes.txt").write_text(ARTICLE.replace("12 million", "15 million"))
    listing = tmp_path / "corpus.txt"
    listing.write_text("story/alphaherald.txt\nstory/betatimes.txt\n", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.rglob("*")), listing.read_bytes()
    monkeypatch.setattr(SynopsisApp, "is_web", property(lambda self: True))

    async def correct(paths: list[str]) -> tuple[int, str]:
        an = open_analysis(paths, cache=False)
        app = SynopsisApp(an.corpus, an, paths=paths)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.press("p")          # the cursor's sentence: page furniture
            await pilot.pause()
            assert not app.screen.is_modal, "no offer to save a corpus file"
            return len(app.editor.corrections), app.reader.saved_text()

    for paths in ([str(listing)], [str(folder)]):
        n, saved = asyncio.run(correct(paths))
        assert n == 1 and "session only" in saved
        assert (sorted(p.name for p in tmp_path.rglob("*")), listing.read_bytes()) == before
