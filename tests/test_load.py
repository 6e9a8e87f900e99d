"""Loading rules and the one-line errors of bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tui.cli import main
from tui.engine import InputError, analyse
from tui.engine.corpus import load_corpus

ARTICLE = "Headline of the day\n\nThe council met on Monday. It approved the budget.\n"


def run_cli(args, capsys):
    rc = main(args)
    out, err = capsys.readouterr()
    return rc, out, err


def test_missing_path(capsys, tmp_path):
    rc, out, err = run_cli(["export", str(tmp_path / "nope")], capsys)
    assert rc != 0 and out == ""
    assert err.count("\n") == 1 and "no such file or folder" in err


def test_folder_without_articles(capsys, tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    rc, _, err = run_cli(["export", str(tmp_path)], capsys)
    assert rc != 0 and err.count("\n") == 1 and "no articles" in err


def test_binary_file(capsys, tmp_path):
    f = tmp_path / "x.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    rc, _, err = run_cli(["export", str(f)], capsys)
    assert rc != 0 and err.count("\n") == 1 and "binary" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(capsys, tmp_path):
    f = tmp_path / "x.txt"
    f.write_text(ARTICLE)
    f.chmod(0)
    rc, _, err = run_cli(["export", str(f)], capsys)
    assert rc != 0 and err.count("\n") == 1 and "cannot be read" in err


def test_unreadable_file_as_root(capsys, tmp_path, monkeypatch):
    f = tmp_path / "x.txt"
    f.write_text(ARTICLE)
    real_open = open

    def deny(path, *a, **k):
        if str(path) == str(f):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", deny)
    rc, _, err = run_cli(["export", str(f)], capsys)
    assert rc != 0 and err.count("\n") == 1 and "permission denied" in err


def test_empty_file_skipped_with_warning(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "b.txt").write_text(ARTICLE)
    rc, out, err = run_cli(["export", str(tmp_path)], capsys)
    assert rc == 0 and "a.txt: empty, skipped" in err
    doc = json.loads(out)
    assert [a["id"] for a in doc["articles"]] == ["b"]


def test_only_empty_files_is_an_error(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("\n\n")
    rc, _, err = run_cli(["export", str(tmp_path)], capsys)
    assert rc != 0 and "empty" in err


def test_one_article_alone_is_all_unique(tmp_path):
    f = tmp_path / "one.txt"
    f.write_text(ARTICLE)
    an = analyse([str(f)])
    assert all(an.at(0, s.i).unique and an.is_unique(0, s.i) for s in an.articles[0].sentences)


def test_encodings_bom_crlf(tmp_path):
    text = "Caf\u00e9 owners protest\r\n\r\nThe caf\u00e9 closed. Owners said so.\r\n"
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "c.txt").write_bytes(text.encode("utf-16"))
    corpus = load_corpus([str(tmp_path)])
    for art in corpus.articles:
        assert "café" in art.text and "\r" not in art.text
        for s in art.sentences:
            assert art.text[s.start:s.end] == s.text
    b = corpus.articles[1]
    # the contract: offsets into read_text(encoding="utf-8"), which keeps the BOM
    assert b.text == (tmp_path / "b.txt").read_text(encoding="utf-8")
    assert b.sentences[0].text == "Café owners protest"


def test_folder_sorted_and_markdown_included(tmp_path):
    (tmp_path / "b.md").write_text("# Second\n\nSome *text* here.\n")
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "c.json").write_text("{}")
    corpus = load_corpus([str(tmp_path)])
    assert [a.id for a in corpus.articles] == ["a", "b"]


def test_markdown_markup_hidden_offsets_kept(tmp_path):
    md = ("# The headline\n\nThe **council** met on [Monday](https://x.example/m). "
          "It approved the budget.\n\n- A list item follows.\n")
    f = tmp_path / "a.md"
    f.write_text(md)
    art = load_corpus([str(f)]).articles[0]
    texts = [s.text for s in art.sentences]
    assert texts[0] == "The headline"
    for s in art.sentences:
        assert md[s.start:s.end] == s.text
    shown = [art.shown_text(s) for s in art.sentences]
    assert "The council met on Monday." in shown
    assert "A list item follows." in shown
    assert not any("*" in t or "](" in t or t.startswith("#") for t in shown)


def test_inputs_never_written(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    before = (f.read_bytes(), f.stat().st_mtime_ns)
    rc, _, err = run_cli(["export", str(f), "-o", str(f)], capsys)
    assert rc != 0 and "refusing" in err
    assert (f.read_bytes(), f.stat().st_mtime_ns) == before


def test_export_to_file_and_module_entry(tmp_path):
    out = tmp_path / "out.json"
    r = subprocess.run([sys.executable, "-m", "tui", "export", "--format", "json", "-o", str(out)],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    doc = json.loads(out.read_text())
    assert len(doc["articles"]) == 5  # the bundled corpus, from any directory


def test_bad_input_raises_input_error_in_engine(tmp_path):
    with pytest.raises(InputError):
        analyse([str(tmp_path / "missing.txt")])


def test_bundled_corpus_paths_read_seeds(tmp_path, monkeypatch):
    from tui.engine.load import bundled_seeds

    monkeypatch.chdir(tmp_path)
    corpus = load_corpus([str(bundled_seeds())])
    assert [a.path for a in corpus.articles][:1] == ["seeds/000_2d59a2c2bab50231.txt"]
