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
