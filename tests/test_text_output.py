"""`synopsis diff` and `synopsis summary`: plain text on standard output, golden on the
seeds, colour only on a terminal (never when piped, never with NO_COLOR), exit 2 with one
line on bad input.

After an intended change of the analysis or of the layout, re-make the golden files:
    SYNOPSIS_UPDATE_GOLDEN=1 python -m pytest tests/test_text_output.py
and read their diff before committing them."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.report.plain import ANSI, Style, strip_ansi, wrap_pieces

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
SEEDS = ROOT / "seeds"
UPDATE = bool(os.environ.get("SYNOPSIS_UPDATE_GOLDEN"))


def run(args, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed; if intended: SYNOPSIS_UPDATE_GOLDEN=1 pytest {__file__}")


def run_here(args, capsys, monkeypatch):
    """The command in this process, its standard output captured (no terminal, as when
    piped); the commands' own processes are tested with `run`."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.chdir(ROOT)
    code = main(args)
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out, err)


@pytest.mark.parametrize("which", ["diff", "summary"])
def test_golden_on_the_seeds_and_no_ansi_when_piped(which, capsys, monkeypatch):
    r = run_here([which, "seeds", "--no-cache"], capsys, monkeypatch)
    assert r.returncode == 0, r.stderr
    assert not ANSI.search(r.stdout) and "\x1b" not in r.stdout
    assert all(len(line) <= 100 for line in r.stdout.splitlines())
    golden(f"seeds-{which}.txt", r.stdout)


def test_width_and_colour_when_asked():
    r = run(["diff", "seeds", "--width", "72", "--color", "always"])
    assert r.returncode == 0
    assert ANSI.search(r.stdout)
    plain = strip_ansi(r.stdout)
    assert all(len(line) <= 72 for line in plain.splitlines())
    # every line closes its codes, so a pager (less -R) shows each line right
    for line in r.stdout.splitlines():
        assert line.count("\x1b[") == 2 * line.count("\x1b[0m"), line
    # NO_COLOR wins over a terminal, never over --color always
    r2 = run(["summary", "seeds", "--color", "auto"], {"NO_COLOR": "1"})
    assert not ANSI.search(r2.stdout)


def test_diff_marks_words_like_git_word_diff(capsys, monkeypatch):
    r = run_here(["diff", str(SEEDS / "000_2d59a2c2bab50231.txt"),
                  str(SEEDS / "001_ee6b62b3e3652bd5.txt")], capsys, monkeypatch)
    assert r.returncode == 0
    out = r.stdout
    assert out.startswith("synopsis diff  A=000  B=TRTWorld\n")
    assert re.search(r"^@@ \d+ · A B @@$", out, re.M)
    assert re.search(r"\[-[^\]]+-\]", out) and "{+" in out
    assert re.search(r"^\+ B  ", out, re.M)                   # an addition of B


@pytest.mark.parametrize("args, says", [
    (["diff", "seeds/000_2d59a2c2bab50231.txt"], "diff: needs two articles or more"),
    (["diff", "no-such-file.txt", "seeds"], "no-such-file.txt"),
    (["summary", "no-such-folder/"], "no-such-folder"),
    (["summary", "seeds", "--width", "10"], "too narrow"),
])
def test_bad_input_one_line_exit_2(args, says, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [["diff"], ["summary", "--width", "abc"],
                                  ["diff", "seeds", "--color", "pink"]])
def test_usage_errors_are_one_line_too(args, capsys):
    with pytest.raises(SystemExit) as e:
        main(args)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith(f"synopsis {args[0]}: ")


def test_wrap_keeps_words_and_styles():
    st = Style(True)
    lines = wrap_pieces([("alpha beta ", ()), ("gamma delta", ("red",)), (" epsilon", ())],
                        16, st, "> ", "  ")
    assert [strip_ansi(x) for x in lines] == ["> alpha beta", "  gamma delta", "  epsilon"]
    assert "\x1b[31mgamma\x1b[0m" in lines[1]
    assert wrap_pieces([("x", ("red",))], 10, Style(False)) == ["x"]
