"""Text that acts: control characters, bidirectional overrides and invisible characters in
articles, file names, corpus lines and metadata never reach the screen, standard error or a
report raw; offsets into the text stay exact.  The bytes are made here."""
from __future__ import annotations

import asyncio
import json
import re

import pytest

from tui.cli import main
from tui.engine.corpus import load_corpus
from tui.engine.untrusted import neutral, one_line, visible

# what a plain text file can do to a terminal that prints it raw
ATTACKS = {
    "title": "\x1b]0;pwned\x07",                      # set the window title
    "clipboard": "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07",   # OSC 52: write it
    "link": "\x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\",  # a hyperlink
    "clear": "\x1b[2J\x1b[H",                          # clear the screen
    "c1": "\x9b2J\x9d0;pwned\x9c",                     # the same with C1 codes
    "bell": "\x07\x08\x7f",
}
BIDI = "\u202eevil\u202c \u2066x\u2069 zero\u200bwidth\u200d\ufeff \u200fmark"
# raw terminal controls: C0 but tab and newline, DEL, C1
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
REORDER = re.compile("[\u202a-\u202e\u2066-\u2069]")
INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u061c]")


def article(extra: str) -> str:
    return ("Council approves budget\n\nThe city council approved a budget of 12 million "
            f"dollars on Tuesday {extra} night after a long debate. The vote passed seven to "
            "four, with two members abstaining.\n")


def test_mapping_is_one_for_one_and_leaves_plain_text_alone():
    for s in list(ATTACKS.values()) + [BIDI, "plain text, tabs\tand\nnewlines"]:
        for f in (neutral, visible, one_line):
            assert len(f(s)) == len(s)
    assert neutral("café\tok\n") == "café\tok\n" and visible("日本語 ünïcode") == "日本語 ünïcode"
    assert neutral("\x1b[2J") == "\u241b[2J"              # ␛[2J: visible, inert
    assert not RAW.search(neutral("".join(ATTACKS.values())))
    assert not REORDER.search(neutral(BIDI))
    assert not INVISIBLE.search(visible(BIDI)) and not REORDER.search(visible(BIDI))
    assert "\n" not in one_line("a\nb\u2028c") and one_line("bad \udcff name") == "bad \ufffd name"


def test_article_text_shown_and_sentences_are_inert_with_exact_offsets(tmp_path):
    raw = article(" ".join(ATTACKS.values()) + " " + BIDI)
    f = tmp_path / "evil.txt"
    f.write_text(raw, encoding="utf-8")
    art = load_corpus([str(f)]).articles[0]
    assert len(art.text) == len(raw) == len(art.shown)
    assert not RAW.search(art.text) and not RAW.search(art.shown)
    assert not REORDER.search(art.text) and not REORDER.search(art.shown)
    assert not INVISIBLE.search(art.shown)
    assert "\u241b]0;pwned\u2407" in art.text              # shown visibly, not dropped
    for s in art.sentences:
        assert art.text[s.start:s.end] == s.text
    # a plain word keeps its offset in the file as read
    k = raw.index("Tuesday")
    assert art.text[k:k + 7] == "Tuesday"


@pytest.mark.parametrize("fmt", ["json", "html", "md"])
def test_reports_carry_no_raw_control(tmp_path, capsys, fmt):
    f = tmp_path / "evil.txt"
    f.write_text(article(" ".join(ATTACKS.values()) + ' "' + BIDI + '," she said'))
    (tmp_path / "other.txt").write_text(article("late"))
    assert main(["export", "--format", fmt, str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert not RAW.search(out.replace("\n", "").replace("\t", "")), fmt
    assert not REORDER.search(out)
    if fmt == "json":
        json.loads(out)


def test_file_names_and_metadata_are_inert(tmp_path, capsys):
    name = "evil\x1b]0;pwned\x07\u202e.txt"
    (tmp_path / name).write_text("\x1b[31mRed headline\x1b[0m\n\n" + article("")[25:])
    (tmp_path / "other.txt").write_text(article("late"))
    corpus = load_corpus([str(tmp_path)])
    for art in corpus.articles:
        for field in (art.id, art.path, art.title or "", art.byline or "", art.outlet or ""):
            assert not RAW.search(field) and not REORDER.search(field), field
    assert main(["export", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert not RAW.search(out.replace("\n", "")) and not RAW.search(err.replace("\n", ""))


def test_error_lines_are_inert(tmp_path, capsys):
    assert main(["export", str(tmp_path / "gone\x1b[2J\x1b]52;c;eA==\x07.txt")]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and not RAW.search(err[:-1])
    corpus = tmp_path / "list.txt"
    corpus.write_text("missing\x1b]0;x\x07.txt\n")
    assert main(["export", str(corpus)]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and not RAW.search(err[:-1]) and "list.txt:1" in err


def test_undecodable_file_name_is_printed_not_a_crash(tmp_path, capsys):
    import os

    bad = os.fsdecode(os.fsencode(str(tmp_path)) + b"/caf\xe9.txt")   # a lone surrogate
    with open(os.fsencode(bad), "w") as fh:
        fh.write(article(""))
    assert main(["export", bad]) == 0
    out, _ = capsys.readouterr()
    assert "caf\ufffd" in json.loads(out)["articles"][0]["path"]
    assert main(["export", bad + ".missing"]) == 2
    _, err = capsys.readouterr()
    assert "caf\ufffd.txt.missing: no such file" in err


def test_the_reader_draws_nothing_raw(tmp_path):
    """What the reader draws (its screen as an SVG) holds the pictures, not the controls."""
    from tui.app.app import SynopsisApp
    from tui.pipeline import open_analysis

    (tmp_path / "evil\x1b]0;t\x07.txt").write_text(
        article(" ".join(ATTACKS.values()) + " " + BIDI))
    (tmp_path / "other.txt").write_text(article("late"))
    an = open_analysis([str(tmp_path)], cache=False)

    async def screen() -> str:
        app = SynopsisApp(an.corpus, an)
        async with app.run_test(size=(200, 40)) as pilot:
            await pilot.pause()
            return app.export_screenshot()

    svg = asyncio.run(screen())
    assert "\u241b" in svg                                  # ␛ shown
    assert not RAW.search(svg.replace("\n", "").replace("\t", ""))
    assert not REORDER.search(svg) and not INVISIBLE.search(svg)
