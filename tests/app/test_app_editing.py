"""The session's corrections without Textual: in force, undo, written at once to the corpus
file (what it held kept), nothing lost when it cannot be written."""
from __future__ import annotations

import os

import pytest

from tui.app.editing import NEW_NAME, Editor, new_corpus_file
from tui.engine.corrections import CorpusFile, parse, speaker_named

HEAD = "# my bridge stories\na_alpha.txt\nb_beta.txt\n\n# by hand\nlabel b_beta.txt = Beta\n"


def editor_on(path) -> Editor:
    got, _ = CorpusFile.read(path).corrections()
    return Editor(got, str(path))


def test_add_remove_undo_write_the_file_at_once(tmp_path):
    p = tmp_path / "corpus.txt"
    p.write_text(HEAD, encoding="utf-8")
    ed = editor_on(p)
    label = ed.corrections[0]
    one, two = speaker_named("Mayor", "Ann Lee"), parse("label a_alpha.txt = Alpha")
    assert ed.add(one) == "" and ed.add(two) == ""
    assert p.read_text(encoding="utf-8") == HEAD + one.line() + "\n" + two.line() + "\n"
    assert ed.corrections == (label, one, two)
    assert ed.remove(label) == ""
    assert "label b_beta.txt" not in p.read_text(encoding="utf-8")
    ch, msg = ed.undo()                      # the hand-written line goes back where it was
    assert ch.removed == label and msg == ""
    assert p.read_text(encoding="utf-8") == HEAD + one.line() + "\n" + two.line() + "\n"
    assert ed.corrections == (label, one, two)
    ed.undo()
    ed.undo()
    assert p.read_text(encoding="utf-8") == HEAD and ed.corrections == (label,)
    assert ed.undo() == (None, "")


def test_a_hand_edit_made_meanwhile_is_kept(tmp_path):
    p = tmp_path / "corpus.txt"
    p.write_text(HEAD, encoding="utf-8")
    ed = editor_on(p)
    ed.add(speaker_named("A", "B"))
    with open(p, "a", encoding="utf-8") as fh:
        fh.write("# a note added by hand\n")
    ed.add(speaker_named("C", "D"))
    lines = p.read_text(encoding="utf-8").splitlines()
    assert lines[-3:] == ['speaker "A" = "B"', "# a note added by hand", 'speaker "C" = "D"']


def test_a_file_that_cannot_be_written_loses_nothing(tmp_path, monkeypatch):
    p = tmp_path / "corpus.txt"
    p.write_text(HEAD, encoding="utf-8")
    ed = editor_on(p)

    def refuse(self):
        raise PermissionError(13, "Permission denied", self.path)

    monkeypatch.setattr(CorpusFile, "save", refuse)
    first = ed.add(speaker_named("A", "B"))
    assert first.startswith(f"Could not save the corrections in {p} (permission denied)")
    assert "stay in force in this session" in first
    assert ed.add(speaker_named("C", "D")) == ""          # said once
    assert ed.unsaved and len(ed.corrections) == 3
    assert p.read_text(encoding="utf-8") == HEAD
    monkeypatch.undo()
    assert ed.add(speaker_named("E", "F")) == f"Corrections saved in {p}"
    assert p.read_text(encoding="utf-8").splitlines()[-3:] == [
        'speaker "A" = "B"', 'speaker "C" = "D"', 'speaker "E" = "F"']
    assert not ed.unsaved and not ed.failed


def test_no_corpus_file_keeps_them_in_the_session(tmp_path):
    ed = Editor()
    assert ed.add(speaker_named("A", "B")) == ""
    assert ed.corrections == (speaker_named("A", "B"),) and not ed.unsaved
    assert ed.base == os.getcwd()


def test_a_new_corpus_file_lists_the_articles_then_the_corrections(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("A.", encoding="utf-8")
    target, listing = new_corpus_file([str(folder)])
    assert target == str(folder / NEW_NAME) and listing == (".",)
    ed = Editor()
    ed.add(speaker_named("A", "B"))             # before the file: kept, then written
    ed.save_to(target, listing)
    ed.add(speaker_named("C", "D"))
    text = (folder / NEW_NAME).read_text(encoding="utf-8")
    assert text.splitlines()[-3:] == [".", 'speaker "A" = "B"', 'speaker "C" = "D"']
    assert text.startswith("# synopsis corpus file")
    assert ed.base == str(folder)
    # the name is never one taken
    assert new_corpus_file([str(folder)])[0] == str(folder / "corpus-2.synopsis")


def test_where_a_new_corpus_file_goes(tmp_path, monkeypatch):
    a, b = tmp_path / "x" / "a.txt", tmp_path / "y" / "b.txt"
    for f in (a, b):
        f.parent.mkdir()
        f.write_text("A.", encoding="utf-8")
    target, listing = new_corpus_file([str(a), str(b), "https://example.com/p"])
    assert target == str(tmp_path / NEW_NAME)
    assert listing == (os.path.join("x", "a.txt"), os.path.join("y", "b.txt"),
                       "https://example.com/p")
    monkeypatch.chdir(tmp_path / "x")
    assert new_corpus_file(["https://example.com/p"])[0] == str(tmp_path / "x" / NEW_NAME)
    assert new_corpus_file([str(tmp_path / "y")], bundled=tmp_path / "y") is None


@pytest.mark.parametrize("lineno", [1, 3, 99])
def test_insert_puts_a_line_back(tmp_path, lineno):
    p = tmp_path / "c.txt"
    p.write_text("a\nb\nc\n", encoding="utf-8")
    cf = CorpusFile.read(p).insert(speaker_named("A", "B"), lineno)
    k = min(lineno, 4) - 1
    assert cf.lines[k] == 'speaker "A" = "B"' and len(cf.lines) == 4
