"""Pilot tests of the corrections keys: each key, undo, the list, the corpus file written
at once and read again on reopening, the offer to save one, a file that cannot be written."""
from __future__ import annotations

import threading

import pytest
from reader_story import STORY_TEXTS, story, write_story

from tui.app.app import SynopsisApp
from tui.app.editing import NEW_NAME
from tui.app.keys import KEYS
from tui.app.screens.corrections import CorrectionsScreen, NameScreen, SaveOfferScreen
from tui.app.screens.pickers import PickerScreen
from tui.engine.corrections import CorpusFile
from tui.pipeline import open_analysis

ALPHA, BETA, GAMMA = 0, 1, 2
SIZE = (200, 50)          # three panes: every source shown


def make_app(analysis=None, **kw) -> SynopsisApp:
    analysis = analysis or story()
    return SynopsisApp(analysis.corpus, analysis, **kw)


async def to(pilot, a: int, i: int) -> None:
    """The keys to pane `a`, cursor on sentence i."""
    reader = pilot.app.reader
    reader.focus_pane(reader.state.slot_showing(a), cursor=i)
    await pilot.pause()


def test_every_correction_key_is_in_the_table():
    actions = {k.action for k in KEYS}
    assert {"link", "unlink", "furniture", "label_source", "rename_speaker", "merge_speakers",
            "undo", "corrections"} <= actions
    keys = [key for k in KEYS for key in k.keys.split(",")]
    assert len(keys) == len(set(keys))


async def test_link_picks_the_other_sentence_in_its_pane_and_undo_takes_it_back():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to(pilot, ALPHA, 5)                     # "Local shops fear ...": an addition
        assert app.analysis.is_unique(ALPHA, 5)
        await pilot.press("L")
        assert "linking §6 of Alpha Times" in str(app.reader.describe())
        await to(pilot, ALPHA, 4)
        await pilot.press("L")                        # the same source: not a link
        assert app.reader.linking == (ALPHA, 5) and not app.editor.corrections
        await to(pilot, GAMMA, 1)                     # "Cyclists can still cross on foot."
        await pilot.press("L")
        await pilot.pause()
        m = app.analysis.match(ALPHA, 5, GAMMA, 1)
        assert m is not None and m.source == "user"
        assert app.reader.linking is None
        assert "Linked §6 of Alpha Times and §2 of Gamma Daily" in app.reader.note
        assert app.corpus is app.analysis.corpus
        await pilot.press("u")
        await pilot.pause()
        assert app.analysis.is_unique(ALPHA, 5) and app.editor.corrections == ()
        assert app.reader.note.startswith("Undone: link a_alpha.txt")
        await pilot.press("u")
        assert app.reader.note == "Nothing to undo"


async def test_escape_cancels_a_link():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to(pilot, ALPHA, 5)
        await pilot.press("L", "escape")
        assert app.reader.linking is None and app.reader.note == "Link cancelled"


async def test_unlink_the_match_in_the_other_pane_or_one_picked():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to(pilot, ALPHA, 6)                     # "The bridge was built in 1962." = Beta
        await pilot.press("x")
        await pilot.pause()
        assert app.analysis.is_unique(ALPHA, 6) and app.analysis.is_unique(BETA, 1)
        assert app.editor.corrections[0].kind == "unlink"
        # a sentence matched in two sources, both shown: pick which
        await to(pilot, ALPHA, 1)
        await pilot.press("L")
        await to(pilot, GAMMA, 2)
        await pilot.press("L")
        await pilot.pause()
        await to(pilot, ALPHA, 1)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("down", "enter")            # the second: Gamma's
        await pilot.pause()
        assert app.analysis.match(ALPHA, 1, GAMMA, 2) is None
        assert app.analysis.match(ALPHA, 1, BETA, 2) is not None
        await to(pilot, ALPHA, 5)
        await pilot.press("x")
        assert app.reader.note == "This sentence is linked to no other source's"


async def test_furniture_and_back_to_prose():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to(pilot, ALPHA, 5)
        before = app.reader.lead.lay
        await pilot.press("p")
        await pilot.pause()
        s = app.corpus.articles[ALPHA].sentences[5]
        assert s.boilerplate and s.source == "user"
        assert 5 not in app.analysis.additions(ALPHA, furniture=False)
        assert "(furniture)" in str(app.reader.describe())
        assert app.reader.lead.lay is not before      # drawn again
        await pilot.press("p")
        await pilot.pause()
        assert not app.corpus.articles[ALPHA].sentences[5].boilerplate
        assert [c.kind for c in app.editor.corrections] == ["furniture", "content"]


async def test_label_a_source():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to(pilot, BETA, 0)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)
        app.screen.field.value = "The  Beta   Post"
        await pilot.press("enter")
        await pilot.pause()
        assert app.corpus.articles[BETA].label == "The Beta Post"
        assert app.editor.corrections[0].line() == "label b_beta.txt = The Beta Post"
        assert "The Beta Post" in str(app.reader.source_bar.render())
        await pilot.press("A", "escape")              # Esc changes nothing
        assert len(app.editor.corrections) == 1


async def test_rename_and_merge_speakers():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to(pilot, ALPHA, 4)                     # the mayor's quote
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, NameScreen) and app.screen.field.value == "Mayor"
        app.screen.field.value = "Ann Lee"
        await pilot.press("enter")
        await pilot.pause()
        assert "Ann Lee" in [sp.name for sp in app.analysis.speakers]
        assert {q.speaker for q in app.analysis.quotes} == {"Ann Lee", "Engineers"}
        await to(pilot, ALPHA, 3)                     # the engineers' quote
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert [it[0] for it in app.screen.items] == ["Ann Lee"]
        await pilot.press("enter")
        await pilot.pause()
        assert [(sp.name, sp.quotes) for sp in app.analysis.speakers] == [("Ann Lee", 4)]
        assert [c.line() for c in app.editor.corrections] == [
            'speaker "Mayor" = "Ann Lee"', 'speaker "Engineers" = "Ann Lee"']


async def test_a_speaker_filter_follows_a_rename():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.reader._filter("Mayor", None)
        await pilot.pause()
        await to(pilot, ALPHA, 4)
        await pilot.press("r")
        await pilot.pause()
        app.screen.field.value = "Ann Lee"
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.lens.speaker is None and app.reader.lens.analysis is app.analysis


async def test_the_list_of_corrections_takes_one_out():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to(pilot, ALPHA, 6)
        await pilot.press("x")
        await to(pilot, ALPHA, 5)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, CorrectionsScreen)
        assert app.screen.options.option_count == 2
        assert "session only" in app.screen.saved
        await pilot.press("up", "d")                  # the unlink
        await pilot.pause()
        assert not isinstance(app.screen, CorrectionsScreen)
        assert [c.kind for c in app.editor.corrections] == ["furniture"]
        assert not app.analysis.is_unique(ALPHA, 6)
        await pilot.press("u")                        # back in force
        await pilot.pause()
        assert [c.kind for c in app.editor.corrections] == ["unlink", "furniture"]
        assert app.analysis.is_unique(ALPHA, 6)


# ---------------------------------------------------------------- the corpus file

def corpus_file(tmp_path, extra: str = "") -> str:
    folder = write_story(tmp_path / "story")
    p = folder / "corpus.txt"
    p.write_text("# the bridge\n" + "\n".join(STORY_TEXTS) + "\n" + extra, encoding="utf-8")
    return str(p)


def app_on(paths: list[str]) -> SynopsisApp:
    an = open_analysis(paths, cache=False)
    return SynopsisApp(an.corpus, an, paths=paths)


async def test_reopening_the_corpus_file_applies_its_corrections(tmp_path):
    p = corpus_file(tmp_path, "label b_beta.txt = Beta\n"
                              'unlink a_alpha.txt "The bridge was built" = b_beta.txt "The bridge"\n'
                              'furniture c_gamma.txt "no such sentence"\n')
    app = app_on([p])
    notes = []
    app.notify = lambda message, **kw: notes.append(message)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.corpus.articles[BETA].label == "Beta"
        assert [o.applied for o in app.analysis.corrections] == [True, True, False]
        assert notes == [f'{p}:7: furniture: c_gamma.txt has no sentence "no such sentence"; '
                         "not applied"]
        await pilot.press("C")
        await pilot.pause()
        assert app.screen.saved == f"Saved in {p}"
        assert app.screen.options.option_count == 3


async def test_keys_write_the_corpus_file_at_once(tmp_path):
    p = corpus_file(tmp_path)
    before = open(p, encoding="utf-8").read()
    app = app_on([p])
    async with app.run_test(size=SIZE) as pilot:
        await to(pilot, ALPHA, 5)
        await pilot.press("p")
        await pilot.pause()
        text = open(p, encoding="utf-8").read()
        assert text.startswith(before) and text[len(before):].startswith("furniture a_alpha.txt")
        await pilot.press("u")
        await pilot.pause()
        assert open(p, encoding="utf-8").read() == before
        await pilot.press("p")
        await pilot.pause()
    again = open_analysis([p], cache=False)
    assert again.articles[ALPHA].sentences[5].boilerplate
    assert CorpusFile.read(p).lines[0] == "# the bridge"


async def test_a_folder_opened_offers_a_corpus_file_beside_it(tmp_path):
    folder = str(write_story(tmp_path / "story"))
    app = app_on([folder])
    async with app.run_test(size=SIZE) as pilot:
        await to(pilot, ALPHA, 5)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, SaveOfferScreen)
        await pilot.press("enter")
        await pilot.pause()
        target = tmp_path / "story" / NEW_NAME
        assert app.editor.target == str(target)
        assert target.read_text(encoding="utf-8").splitlines()[-2:] == [
            ".", app.editor.corrections[0].line()]
        await pilot.press("u")                       # asked once; the file follows
        await pilot.pause()
        assert target.read_text(encoding="utf-8").splitlines()[-1] == "."
    reopened = open_analysis([str(target)], cache=False)
    assert [a.id for a in reopened.articles] == ["a_alpha", "b_beta", "c_gamma"]


async def test_a_folder_with_a_saved_corpus_file_says_so(tmp_path):
    folder = write_story(tmp_path / "story")
    (folder / NEW_NAME).write_text(".\nlabel b_beta.txt = Beta\n", encoding="utf-8")
    app = app_on([str(folder)])
    notes = []
    app.notify = lambda message, **kw: notes.append(message)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any(str(folder / NEW_NAME) in n for n in notes)
        assert app.corpus.articles[BETA].label != "Beta"     # not read: opened the folder


async def test_declining_the_offer_keeps_them_in_the_session(tmp_path):
    folder = str(write_story(tmp_path / "story"))
    app = app_on([folder])
    async with app.run_test(size=SIZE) as pilot:
        await to(pilot, ALPHA, 5)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.corpus.articles[ALPHA].sentences[5].boilerplate
        assert "this session only" in app.reader.note
        await pilot.press("p")                       # not asked again
        await pilot.pause()
        assert not isinstance(app.screen, SaveOfferScreen)
    assert sorted(x.name for x in (tmp_path / "story").iterdir()) == sorted(STORY_TEXTS)


async def test_a_corpus_file_that_cannot_be_written_says_so_once(tmp_path, monkeypatch):
    p = corpus_file(tmp_path)
    before = open(p, encoding="utf-8").read()

    def refuse(self):
        raise PermissionError(13, "Permission denied", self.path)

    monkeypatch.setattr(CorpusFile, "save", refuse)
    app = app_on([p])
    notes = []
    app.notify = lambda message, **kw: notes.append((message, kw.get("severity")))
    async with app.run_test(size=SIZE) as pilot:
        await to(pilot, ALPHA, 5)
        await pilot.press("p")
        await to(pilot, ALPHA, 6)
        await pilot.press("x")
        await pilot.pause()
        assert len(notes) == 1 and notes[0][1] == "error"
        assert notes[0][0].startswith(f"Could not save the corrections in {p}")
        assert [c.kind for c in app.editor.corrections] == ["furniture", "unlink"]
        assert app.analysis.is_unique(ALPHA, 6)
        assert open(p, encoding="utf-8").read() == before
        await pilot.press("C")
        await pilot.pause()
        assert app.screen.saved.startswith("Not saved (")


async def test_correction_keys_wait_for_the_analysis():
    """Each correction key, pressed while the analysis runs, says so and does nothing else
    (one app for the seven keys: the note is cleared before each, and a key that opened a
    screen would be named too)."""
    an = story()
    done = threading.Event()
    app = SynopsisApp(an.corpus, None, analyse=lambda c: done.wait(30) and an)
    async with app.run_test(size=SIZE) as pilot:
        wrong = []
        for key in ["L", "x", "p", "A", "r", "m", "u"]:
            app.reader.note = ""
            await pilot.press(key)
            if app.reader.note != "The analysis is still running" or app.screen is not app.reader:
                wrong.append((key, app.reader.note, type(app.screen).__name__))
        done.set()
        assert not wrong, wrong
