"""Bad local input: every case is one line on standard error and exit 2, in bounded time,
never a traceback, a hang or a huge read.  The bytes are made here."""
from __future__ import annotations

import errno
import json
import os
import threading
from pathlib import Path

import pytest

from tui.cli import main

ARTICLE = ("Council approves budget\n\nThe city council approved a budget of 12 million dollars "
           "on Tuesday night after a long debate. The vote passed seven to four.\n")


def run_bounded(args, capsys, seconds: float = 20.0):
    """main(args) in a thread: (exit code, stdout, stderr); fails rather than hangs."""
    box: dict = {}

    def go():
        try:
            box["rc"] = main(args)
        except BaseException as e:  # noqa: BLE001 - a traceback is what the test looks for
            box["exc"] = e

    t = threading.Thread(target=go, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"synopsis {' '.join(args)} still running after {seconds} s"
    out, err = capsys.readouterr()
    assert "exc" not in box, repr(box.get("exc"))
    return box["rc"], out, err


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_refused_at_once(tmp_path, capsys):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    rc, out, err = run_bounded(["export", str(fifo)], capsys)
    assert rc == 2 and out == ""
    assert "not a regular file (a named pipe)" in one_line(err)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_in_a_folder_is_left_out(tmp_path, capsys):
    os.mkfifo(tmp_path / "a-pipe.txt")
    (tmp_path / "b.txt").write_text(ARTICLE)
    rc, out, err = run_bounded(["export", str(tmp_path)], capsys)
    assert rc == 0 and [a["id"] for a in json.loads(out)["articles"]] == ["b"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_device_refused_without_reading_it(capsys):
    rc, out, err = run_bounded(["export", "/dev/zero"], capsys)
    assert rc == 2 and "not a regular file (a device)" in one_line(err)


def test_device_named_in_a_corpus_file_refused(tmp_path, capsys):
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null here")
    (tmp_path / "good.txt").write_text(ARTICLE)
    corpus = tmp_path / "corpus.lst"
    corpus.write_text("good.txt\n/dev/null\n")
    rc, _, err = run_bounded(["export", str(corpus)], capsys)
    assert rc == 2 and "corpus.lst:2: /dev/null: not a regular file (a device)" in one_line(err)


def test_symbolic_link_loop_is_named_as_such(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    rc, _, err = run_bounded(["export", str(a)], capsys)
    assert rc == 2 and "loop of symbolic links" in one_line(err)
    assert "no such file" not in err


def test_dangling_link_is_named_as_such(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.symlink_to(tmp_path / "gone.txt")
    rc, _, err = run_bounded(["export", str(a)], capsys)
    assert rc == 2 and "a link to a file that does not exist" in one_line(err)


def test_path_in_a_folder_without_search_permission(tmp_path, capsys, monkeypatch):
    """Path.exists() raises PermissionError there (it only swallows 'not found'); as root
    the permission cannot be taken away, so the refusal is simulated at os.stat."""
    locked = tmp_path / "locked"
    locked.mkdir()
    f = locked / "x.txt"
    f.write_text(ARTICLE)
    real_stat = os.stat

    def stat(path, *a, **k):
        if str(path).startswith(str(locked) + os.sep):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *a, **k)

    monkeypatch.setattr(os, "stat", stat)
    rc, _, err = run_bounded(["export", str(f)], capsys)
    assert rc == 2 and "cannot be looked at (permission denied)" in one_line(err)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may search every folder")
def test_path_in_a_folder_without_search_permission_for_real(tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(ARTICLE)
    locked.chmod(0o600)
    try:
        rc, _, err = run_bounded(["export", str(locked / "x.txt")], capsys)
    finally:
        locked.chmod(0o700)
    assert rc == 2 and "permission denied" in one_line(err)


NOTHING_TO_READ = {
    "nbsp.txt": "\u00a0\u00a0\n\u00a0\n".encode("utf-8"),
    "zwsp.txt": "\u200b\u200b\n".encode("utf-8"),
    "comment.md": b"<!-- only a comment -->\n",
    "rule.md": b"\n\n",
}


def test_files_without_a_sentence_are_skipped_at_load_time(tmp_path, capsys):
    for name, data in NOTHING_TO_READ.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(ARTICLE)
    from tui.engine.corpus import load_corpus

    corpus = load_corpus([str(tmp_path)])
    assert [a.id for a in corpus.articles] == ["good"]
    for name in NOTHING_TO_READ:
        assert any(name in w and w.endswith("empty, skipped") for w in corpus.warnings), name
    rc, out, err = run_bounded(["export", str(tmp_path)], capsys)
    assert rc == 0 and [a["id"] for a in json.loads(out)["articles"]] == ["good"]


def test_reader_opens_beside_files_without_a_sentence(tmp_path, capsys):
    """The reader crashed (IndexError) on an article without a sentence (the reader
    command in this process: its first frame, then exit)."""
    from tui.cli import main

    for name, data in NOTHING_TO_READ.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "other.txt").write_text(ARTICLE.replace("12 million", "15 million"))
    rc = main(["--headless", "--exit-after-first-frame", "--no-cache", str(tmp_path)])
    err = capsys.readouterr().err
    assert rc == 0 and "Traceback" not in err, err[-2000:]


def test_only_files_without_a_sentence_is_one_line(tmp_path, capsys):
    (tmp_path / "zwsp.txt").write_bytes(NOTHING_TO_READ["zwsp.txt"])
    rc, _, err = run_bounded(["export", str(tmp_path / "zwsp.txt")], capsys)
    assert rc == 2 and "every file given is empty" in one_line(err)


def test_a_corpus_line_with_a_nul_is_one_line(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(ARTICLE)
    corpus = tmp_path / "list.txt"
    corpus.write_bytes(b"good.txt\nbad\x00name.txt\n")
    rc, _, err = run_bounded(["export", str(corpus)], capsys)
    assert rc == 2 and "holds a NUL character" in one_line(err)


def test_nul_bytes_alone_are_one_line(tmp_path, capsys):
    """A file of NUL bytes looked like a corpus file whose line was a path: ValueError."""
    f = tmp_path / "nul.txt"
    f.write_bytes(b"\x00" * 100)
    rc, _, err = run_bounded(["export", str(f)], capsys)
    assert rc == 2 and "binary" in one_line(err)


def _long_text(chars: int) -> str:
    """Invented paragraphs of news prose, exactly `chars` characters long."""
    para = ("The harbour board met on Tuesday. “We will open the bridge in May,” Ada Kerr "
            "said, adding that the ferry would run until then.\n\n")
    return (para * (chars // len(para) + 1))[:chars]


def test_article_past_the_size_limit_is_one_line(tmp_path, capsys):
    """An article longer than the analysis limit (load.MAX_CHARS) is refused at once with
    one line (like a file past the byte limit), before any analysis; beside good ones too."""
    from tui.engine.load import MAX_CHARS

    (tmp_path / "big.txt").write_text(_long_text(MAX_CHARS + 1), encoding="utf-8")
    rc, out, err = run_bounded(["export", str(tmp_path / "big.txt")], capsys, seconds=10)
    assert rc == 2 and out == ""
    assert "big.txt: too long to analyse" in one_line(err) and str(MAX_CHARS) in err
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    rc, out, err = run_bounded(["export", str(tmp_path)], capsys, seconds=10)
    assert rc == 2 and "too long to analyse" in one_line(err)


def test_size_limit_counts_the_text_read(tmp_path, monkeypatch):
    """The limit is on characters of text (not bytes): at the limit an article is read."""
    from tui.engine import InputError, load
    from tui.engine.corpus import load_corpus

    monkeypatch.setattr(load, "MAX_CHARS", 3000)
    text = _long_text(3000).replace("Ada", "Zoë")   # two bytes a character here and there
    assert len(text.encode("utf-8")) > 3000
    (tmp_path / "at.txt").write_text(text, encoding="utf-8")
    assert load_corpus([str(tmp_path / "at.txt")]).articles[0].text.startswith("The harbour")
    (tmp_path / "past.md").write_text(text + ".", encoding="utf-8")
    with pytest.raises(InputError, match="past.md: too long to analyse"):
        load_corpus([str(tmp_path / "past.md")])
