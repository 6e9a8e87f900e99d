"""The analysis in a separate process (tui/process.py): the same analysis as in this
process, corrections applied here, failures and nonsense said in one line, the child ended
on cancel, the corpus crossing as data."""
from __future__ import annotations

import dataclasses
import os
import json
import subprocess
import sys

import pytest
from reader_story import write_story

from tui.engine.corpus import load_corpus
from tui.engine.export import to_dict
from tui.engine.stored import corpus_from_dict, corpus_to_dict
from tui.pipeline import open_analysis
from tui.process import AnalysisFailed, AnalysisJob


@pytest.fixture
def corpus(tmp_path):
    return load_corpus([str(write_story(tmp_path / "story"))])


def test_the_process_gives_the_analysis_this_process_would(corpus, private_cache):
    seen = []
    job = AnalysisJob.start(corpus, cache=False)
    got = job.result(lambda done, total: seen.append((done, total)))
    assert to_dict(got) == to_dict(open_analysis(corpus, cache=False))
    assert got.corpus is corpus
    assert seen and seen[-1][0] == seen[-1][1] and seen == sorted(seen)
    assert not list(private_cache.glob("*.json"))      # cache=False: nothing written


def test_the_process_fills_the_cache(corpus, private_cache):
    AnalysisJob.start(corpus).result()
    assert len(list(private_cache.glob("*.json"))) == 1


def test_corrections_are_applied_here(tmp_path):
    folder = write_story(tmp_path / "story")
    first = sorted(folder.glob("*.txt"))[0].name
    listing = tmp_path / "corpus.synopsis"
    listing.write_text(f"{folder}\nlabel {first} = Invented Herald\n", encoding="utf-8")
    corpus = load_corpus([str(listing)])
    assert corpus.corrections
    got = AnalysisJob.start(corpus, cache=False).result()
    assert got.articles[0].label == "Invented Herald"
    assert to_dict(got) == to_dict(open_analysis(corpus, cache=False))


def test_a_reply_that_does_not_fit_is_a_failure(corpus, tmp_path):
    other = load_corpus([str(write_story(tmp_path / "other"))])
    shorter = dataclasses.replace(other, articles=other.articles[:-1])
    job = AnalysisJob.start(corpus, cache=False)
    job.corpus = shorter                 # the reply will be read over another corpus
    with pytest.raises(AnalysisFailed, match="does not fit"):
        job.result()


@pytest.mark.parametrize("reply, says", [
    ('{"error": "ValueError: boom"}', "boom"),
    ("not json", "nonsense"),
    ("", "stopped .exit status 3"),
])
def test_a_child_that_fails_says_so_in_one_line(corpus, reply, says):
    code = f"print({reply!r})" if reply else "import sys; sys.exit(3)"
    proc = subprocess.Popen([sys.executable, "-c", code],
                            stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    with pytest.raises(AnalysisFailed, match=says) as e:
        AnalysisJob(corpus, proc).result()
    assert "\n" not in str(e.value)


def test_cancel_ends_the_child(corpus):
    job = AnalysisJob.start(corpus, cache=False)
    job.cancel()
    with pytest.raises(AnalysisFailed):
        job.result()
    assert job._proc.poll() is not None


def test_no_process_no_job(corpus, monkeypatch):
    monkeypatch.setattr(sys, "executable", "/no/such/python")
    assert AnalysisJob.start(corpus) is None


def test_the_corpus_crosses_as_data(corpus):
    data = json.loads(json.dumps(corpus_to_dict(corpus)))
    back = corpus_from_dict(data)
    assert back.articles == corpus.articles and back.warnings == corpus.warnings
    data["articles"][0]["sentences"][0][1] = 10 ** 9        # a start past the text
    with pytest.raises(ValueError):
        corpus_from_dict(data)
    with pytest.raises(ValueError):
        corpus_from_dict({"format": "synopsis.corpus/1", "articles": [{"text": 3}]})


def _allowed(pid: int) -> set[int]:
    return set(os.sched_getaffinity(pid))


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2,
                    reason="needs two cores and core affinity")
def test_the_child_leaves_the_reader_a_core():
    """The analysis process (and so the workers alignment forks from it) keeps off one
    core: the reader's keys never wait behind it.  The child is left waiting for its
    request, after it has set itself up."""
    import time

    mine = _allowed(0)
    child = subprocess.Popen([sys.executable, "-m", "tui.process"], stdin=subprocess.PIPE,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while _allowed(child.pid) == mine and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _allowed(child.pid) == set(sorted(mine)[1:])
    finally:
        child.kill()
        child.wait()


_LINE = 4_000_000       # bytes: many pipe buffers, so the writer is stopped mid-line


def _stopped_and_let_go(write: str) -> bytes:
    """What a child writing one long line sends while it is stopped and let go on again
    and again (as `hold` and `go_on` do), read slowly, so its pipe is full."""
    import signal
    import time

    code = f"import sys; from tui.process import write_all; data = b'x' * {_LINE} + b'\\n'; {write}"
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                             cwd=os.path.dirname(os.path.dirname(__file__)))
    got = bytearray()
    while True:
        child.send_signal(signal.SIGSTOP)
        time.sleep(0.001)
        child.send_signal(signal.SIGCONT)
        chunk = child.stdout.read1(1 << 16)
        if not chunk:
            break
        got += chunk
    child.wait(timeout=60)
    return bytes(got)


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGSTOP"), reason="no SIGSTOP here")
def test_a_line_written_while_the_child_is_held_arrives_whole():
    got = _stopped_and_let_go("write_all(sys.stdout.fileno(), data)")
    assert len(got) == _LINE + 1 and got.endswith(b"\n")


def test_holding_a_child_stops_it_and_go_on_lets_it_run(corpus):
    """hold(): the child is stopped (state T); go_on(): it runs again and answers."""
    import signal
    import time

    if not hasattr(signal, "SIGSTOP") or not os.path.exists("/proc/self/stat"):
        pytest.skip("no SIGSTOP or no /proc here")
    job = AnalysisJob.start(corpus, cache=False)

    def state() -> str:
        with open(f"/proc/{job._proc.pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]

    job.hold()
    deadline = time.monotonic() + 5
    while state() != "T" and time.monotonic() < deadline:
        time.sleep(0.01)
    assert state() == "T"
    job.hold()                      # held twice, let go once: running
    job.go_on()
    assert state() != "T"
    assert job.result() is not None
    job.hold()                      # the child has ended: nothing to stop, no error
    job.go_on()
