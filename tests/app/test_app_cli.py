"""`synopsis [PATH...]`: the first-frame exit, one-line errors, the cache switch, the worker."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from reader_story import ROOT, write_story

from tui.app import main
from tui.engine import InputError


def _run(*args, cache_dir, timeout=120):
    env = dict(os.environ, SYNOPSIS_CACHE_DIR=str(cache_dir))
    env.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=timeout)


def test_first_frame_then_exit_and_the_cache(tmp_path, monkeypatch):
    """The reader command's own process, then the same command with the cache in this
    process (the same code from cli.main on: a second fresh interpreter added ~0.7 s)."""
    from tui import cli

    folder = write_story(tmp_path / "story")
    cache_dir = tmp_path / "cache"
    r = _run(str(folder), "--headless", "--exit-after-first-frame", "--no-cache",
             cache_dir=cache_dir)
    assert r.returncode == 0, r.stderr
    assert not cache_dir.exists() or not list(cache_dir.iterdir())
    monkeypatch.setenv("SYNOPSIS_CACHE_DIR", str(cache_dir))
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli.main([str(folder), "--headless", "--exit-after-first-frame"]) == 0
    assert len(list(cache_dir.glob("*.json"))) == 1


def test_the_bundled_seeds_by_default(monkeypatch):
    """No path: the bundled seeds (in this process: the reader command's own process is
    tested above)."""
    from tui import cli

    monkeypatch.delenv("NO_COLOR", raising=False)
    opened = []
    run = main.run
    monkeypatch.setattr(main, "run", lambda paths, **kw: opened.append(paths) or run(paths, **kw))
    assert cli.main(["--headless", "--exit-after-first-frame"]) == 0
    from tui.engine import bundled_seeds

    assert opened == [[str(bundled_seeds())]]


@pytest.mark.parametrize("arg", ["no/such/folder", "empty"])
def test_bad_input_is_one_line_and_exit_2(tmp_path, arg):
    (tmp_path / "empty").mkdir()
    path = str(tmp_path / arg)
    r = _run(path, "--headless", "--exit-after-first-frame", cache_dir=tmp_path / "cache")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("synopsis: ")
    with pytest.raises(InputError):
        main.run([path], headless=True, exit_after_first_frame=True)


@pytest.mark.parametrize("args, prog", [
    (["export", "--format", "pdf", "seeds"], "synopsis export"),
    (["export", "--no-such-option"], "synopsis export"),
    (["serve", "--port", "eighty"], "synopsis serve"),
    (["serve", "--no-such-option"], "synopsis serve"),
    (["--no-such-option"], "synopsis"),
])
def test_usage_errors_are_one_line_and_exit_2(args, prog, capsys):
    """Bad usage of every command: one line naming the command, exit 2 (no usage block)."""
    from tui.cli import main as cli

    with pytest.raises(SystemExit) as e:
        cli(args)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith(f"{prog}: ")
    assert "usage:" not in err


def test_importing_the_entry_point_is_cheap():
    code = ("import sys, tui.app.main\n"
            "heavy = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', "
            "'rapidfuzz', 'snowballstemmer', 'Stemmer', '_synopsis_snowball')]\n"
            "assert not heavy, heavy\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr


def test_a_large_corpus_is_analysed_in_a_worker(tmp_path, monkeypatch, private_cache):
    """Above the thresholds the window opens on the corpus alone; --exit-after-first-frame
    then waits for the frame with the analysis (and the worker fills the cache)."""
    monkeypatch.setattr(main, "WORKER_ARTICLES", 1)
    folder = write_story(tmp_path / "story")
    from tui.engine.corpus import load_corpus

    assert main.needs_worker(load_corpus([str(folder)]))
    assert main.run([str(folder)], headless=True, exit_after_first_frame=True) == 0
    assert len(list(private_cache.glob("*.json"))) == 1


def test_demo_starts_and_passes_through_serve(tmp_path, monkeypatch):
    """--demo opens the bundled corpus (first frame, exit 0); `synopsis serve --demo` hands it
    to the reader each browser tab runs."""
    from tui import cli

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli.main(["--demo", "--headless", "--exit-after-first-frame"]) == 0

    seen = {}

    class FakeServer:
        def __init__(self, command, **kw):
            seen["command"] = command

        def serve(self):
            seen["served"] = True

    import textual_serve.server

    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    assert cli.main(["serve", "--demo", "--port", "8765"]) == 0
    assert seen["served"] and " --demo " in seen["command"] + " "
    assert cli.reader_parser().parse_args(["--demo"]).demo


def test_the_first_frame_needs_no_word_tools(private_cache):
    """The views' word tools (the overview, the word differences, the stemmer they use)
    are imported when a view asks, not before the first frame (a warm cache: filled here,
    as a first start would, then a fresh interpreter starts on it)."""
    from tui import cache
    from tui.pipeline import engine_analysis, load

    seeds = str(ROOT / "seeds")
    corpus = load([seeds])
    engine_analysis(corpus)                 # what a first start stores
    assert cache.path_of(corpus, private_cache).exists()
    code = ("import sys; from tui.app import main; "
            "main.run([sys.argv[1]], headless=True, exit_after_first_frame=True); "
            "print(' '.join(m for m in ('snowballstemmer', 'tui.engine.differences', "
            "'tui.report.overview', 'tui.report.rows', 'tui.app.aligned') if m in sys.modules))")
    env = dict(os.environ, SYNOPSIS_CACHE_DIR=str(private_cache))
    r = subprocess.run([sys.executable, "-c", code, seeds],
                       capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1:] in ([], [""]), r.stdout


class _Starts:
    """AnalysisJob.start, counted; `fails`: the process's answer is a failure."""

    def __init__(self, monkeypatch, *, fails: bool = False):
        from tui import process

        self.jobs = []
        start = process.AnalysisJob.start.__func__

        def counted(cls, corpus, **kw):
            job = start(cls, corpus, **kw)
            self.jobs.append(job)
            if fails and job is not None:
                def failed(*a):
                    job.cancel()
                    raise process.AnalysisFailed("the analysis process stopped")
                job.result = failed
            return job

        monkeypatch.setattr(process.AnalysisJob, "start", classmethod(counted))


def _opened(monkeypatch):
    """The analyses the reader was opened with."""
    from tui.app import app

    seen = []
    init = app.SynopsisApp.__init__

    def recorded(self, corpus, analysis=None, **kw):
        seen.append(analysis)
        init(self, corpus, analysis, **kw)

    monkeypatch.setattr(app.SynopsisApp, "__init__", recorded)
    return seen


def test_a_small_corpus_not_in_the_cache_is_analysed_beside_textual(tmp_path, monkeypatch,
                                                                    private_cache):
    """Below the thresholds, with a core to spare and no cache entry, another process
    makes the analysis while this one imports Textual; the window opens with it (the
    same analysis as made here) and the cache holds it for next time."""
    from tui import process
    from tui.engine.export import to_dict
    from tui.pipeline import open_analysis

    monkeypatch.setattr(process, "spare_cores", lambda: 1)
    starts, seen = _Starts(monkeypatch), _opened(monkeypatch)
    folder = write_story(tmp_path / "story")
    assert main.run([str(folder)], headless=True, exit_after_first_frame=True) == 0
    assert len(starts.jobs) == 1 and starts.jobs[0] is not None
    assert seen[0] is not None
    assert to_dict(seen[0]) == to_dict(open_analysis([str(folder)], cache=False))
    assert len(list(private_cache.glob("*.json"))) == 1

    # opened again: the cache entry is read here, no process is started
    assert main.run([str(folder)], headless=True, exit_after_first_frame=True) == 0
    assert len(starts.jobs) == 1 and seen[1] is not None


def test_no_core_to_spare_the_analysis_is_made_here(tmp_path, monkeypatch, private_cache):
    from tui import process

    monkeypatch.setattr(process, "spare_cores", lambda: 0)
    starts, seen = _Starts(monkeypatch), _opened(monkeypatch)
    folder = write_story(tmp_path / "story")
    assert main.run([str(folder)], headless=True, exit_after_first_frame=True,
                    no_cache=True) == 0
    assert starts.jobs == [] and seen[0] is not None


def test_the_process_fails_the_analysis_is_made_here(tmp_path, monkeypatch, private_cache):
    from tui import process

    monkeypatch.setattr(process, "spare_cores", lambda: 1)
    starts, seen = _Starts(monkeypatch, fails=True), _opened(monkeypatch)
    folder = write_story(tmp_path / "story")
    assert main.run([str(folder)], headless=True, exit_after_first_frame=True,
                    no_cache=True) == 0
    assert len(starts.jobs) == 1 and seen[0] is not None


def test_spare_cores_counts_those_this_process_may_use():
    from tui import process

    try:
        mine = len(os.sched_getaffinity(0))
    except AttributeError:
        mine = os.cpu_count() or 1
    assert process.spare_cores() == mine - 1
