"""The engine is pure: importing and running it never loads Textual."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_engine_runs_without_textual():
    code = ("import sys\n"
            "from tui.engine import analyse\n"
            "from tui.engine.export import to_json\n"
            "to_json(analyse([sys.argv[1]]))\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') "
            "or m.startswith('tui.app'))\n"
            "assert not bad, bad\n")
    r = subprocess.run([sys.executable, "-c", code, str(ROOT / "seeds")], capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr


def test_the_pipeline_runs_without_textual(tmp_path):
    """The pipeline, the cache (a miss, then a hit) and the export never load Textual or rich."""
    code = ("import sys\n"
            "from tui.pipeline import open_analysis\n"
            "from tui.engine.export import to_json\n"
            "from tui.report import render\n"
            "for _ in range(2):\n"
            "    an = open_analysis([sys.argv[1]])\n"
            "    to_json(an); render(an, 'html'); render(an, 'md')\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') "
            "or m.startswith('tui.app'))\n"
            "assert not bad, bad\n")
    env = dict(os.environ, SYNOPSIS_CACHE_DIR=str(tmp_path / "cache"))
    r = subprocess.run([sys.executable, "-c", code, str(ROOT / "seeds")], capture_output=True,
                       text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert list((tmp_path / "cache").glob("*.json"))


def test_import_contracts():
    """import-linter's static check of the contracts in pyproject.toml, run as `lint-imports`
    (the console script next to this Python), and it must say that it kept them."""
    exe = Path(sys.executable).with_name("lint-imports")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c",
                                           "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"]
    r = subprocess.run(cmd + ["--config", str(ROOT / "pyproject.toml")], capture_output=True,
                       text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 broken" in r.stdout and " kept" in r.stdout, r.stdout


def test_a_local_export_imports_what_its_path_needs(tmp_path):
    """Local files: no sockets, TLS or HTTP (those are fetch.py's, for URLs only), and of
    Snowball the English stemmer alone (compiled, or its one pure-Python module)."""
    code = ("import sys\n"
            "from tui.cli import main\n"
            "assert main(['export', sys.argv[1], '-o', sys.argv[2], '--no-cache']) == 0\n"
            "net = sorted(m for m in sys.modules if m.split('.')[0] in ('ssl', '_ssl', "
            "'socket', 'http', 'tui.engine.fetch') or m == 'tui.engine.fetch')\n"
            "assert not net, net\n"
            "stem = sorted(m for m in sys.modules if 'stemmer' in m.lower() or 'snowball' in m)\n"
            "assert stem in (['Stemmer'], ['_synopsis_snowball', '_synopsis_snowball.among', "
            "'_synopsis_snowball.basestemmer', '_synopsis_snowball.english_stemmer']), stem\n")
    r = subprocess.run([sys.executable, "-c", code, str(ROOT / "seeds"),
                        str(tmp_path / "out.json")], capture_output=True, text=True,
                       env=dict(os.environ, SYNOPSIS_CACHE_DIR=str(tmp_path / "cache")))
    assert r.returncode == 0, r.stderr


def test_the_english_stemmer_alone_stems_as_snowball_does():
    """The private load of snowballstemmer's English module gives its stems, and leaves
    the package itself importable whole."""
    import snowballstemmer

    from tui.engine.stem import _english_module

    ours = _english_module().EnglishStemmer()
    theirs = snowballstemmer.stemmer("english")
    words = "verification verifying tracked cancelled analyses generously".split()
    assert [ours.stemWord(w) for w in words] == [theirs.stemWord(w) for w in words]
    assert hasattr(snowballstemmer, "stemmer") and "french" in snowballstemmer.algorithms()


def test_every_package_is_installed():
    """`pip install .` installs only the packages pyproject.toml lists: a package folder left
    out of the list is missing from an installed synopsis (the reader's screen parts once were:
    the installed reader could not start)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    # (no tomllib: the README promises Python 3.10)
    block = re.search(r"^packages = \[(.*?)\]", (root / "pyproject.toml").read_text(),
                      re.M | re.S)
    listed = set(re.findall(r'"([^"]+)"', block.group(1)))
    found = {".".join(p.parent.relative_to(root).parts)
             for p in (root / "tui").rglob("__init__.py")}
    assert found <= listed, sorted(found - listed)
