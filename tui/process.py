"""The analysis in a separate process: the reader stays responsive, the second core works.

`AnalysisJob.start(corpus)` starts `python -m tui.process`, hands it the corpus as plain
data on its standard input (`tui.engine.stored.corpus_to_dict`) and returns at once; the
child makes the engine's analysis (`tui.pipeline.engine_analysis`: from the analysis
cache, else the engine's stages, stored for next time) and writes back, one JSON line
each, its progress and then the analysis in the cache's data format (`stored.to_dict`,
one line per part).  `events()` yields them as they come: `("progress", done, total)`,
then `("analysis", Analysis)`, read over this process's own corpus with the editor's
corrections applied (`tui.pipeline.corrected`).  Nothing but data crosses: the child
runs no code it is sent, and a reply that does not fit the corpus is an error.

A child that cannot be started makes `start` return None (the caller analyses in its own
process); one that fails raises AnalysisFailed from `events()`.  The child runs at a lower
priority (a key in the reader wins a busy core) and on every core but one (`_leave_a_core`:
the reader's keys never wait for a core the analysis holds; on two cores the analysis runs on
the second and forks no workers), ends with its parent (it watches it), and `cancel()` ends
it at once.  `hold()` stops it while the reader answers a key (the child is not slowed
otherwise: the reader lets it go on as soon as the key's frame is drawn), `go_on()` lets it
run again; it is killed (and so never left stopped) by `cancel()`.  A child left stopped by
a reader that was itself killed, in the moment between a key and its frame, is ended by the
system when the reader ran as a shell's job (its process group, orphaned with a stopped
process in it, is sent SIGHUP).

No Textual and no rich here: the reader uses this from a worker thread, before its window
exists and after.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

from .engine import Analysis, Corpus

PROGRESS_EVERY = 5          # of 1000: the child reports progress in steps this large


class AnalysisFailed(Exception):
    """The analysis process failed; its message says why, in one line."""


class AnalysisJob:
    """One analysis in a child process (see the module docstring)."""

    def __init__(self, corpus: Corpus, proc: subprocess.Popen) -> None:
        self.corpus = corpus
        self._proc = proc
        self._cancelled = False
        self._held = False

    @classmethod
    def start(cls, corpus: Corpus, *, cache: bool = True) -> "AnalysisJob | None":
        """The job under way, or None when no process can be started here."""
        root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        try:
            proc = subprocess.Popen([sys.executable, "-m", "tui.process"], env=env,
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL)
        except (OSError, ValueError):
            return None
        job = cls(corpus, proc)
        # the request is written from a thread: a large corpus fills the pipe before the
        # child reads it, and the caller is not kept waiting for that
        threading.Thread(target=job._send, args=(cache,), daemon=True,
                         name="synopsis-analysis-request").start()
        return job

    def _send(self, cache: bool) -> None:
        from .engine.stored import corpus_to_dict

        stdin = self._proc.stdin
        try:
            data = json.dumps({"cache": cache, "corpus": corpus_to_dict(self.corpus)},
                              ensure_ascii=False, separators=(",", ":"))
            stdin.write(data.encode("utf-8", "surrogatepass"))
        except (OSError, ValueError):
            pass  # the child is gone: events() says so
        finally:
            try:
                stdin.close()
            except OSError:
                pass

    def events(self) -> Iterator[tuple]:
        """("progress", done, total) now and then, ("analysis", Analysis) last.  Raises
        AnalysisFailed when the child fails or its reply does not fit the corpus."""
        parts: dict = {}
        try:
            for line in self._proc.stdout:
                msg = json.loads(line)
                if "progress" in msg:
                    done, total = msg["progress"]
                    yield ("progress", int(done), int(total))
                elif "part" in msg:
                    parts[msg["part"]] = msg["value"]
                elif "error" in msg:
                    raise AnalysisFailed(str(msg["error"]))
                elif msg.get("done"):
                    yield ("analysis", self._analysis(parts))
                    return
        except (ValueError, TypeError, KeyError) as e:
            raise AnalysisFailed(f"the analysis process answered nonsense ({e})") from None
        finally:
            self._reap()
        if self._cancelled:
            raise AnalysisFailed("cancelled")
        raise AnalysisFailed(f"the analysis process stopped (exit status {self._proc.returncode})")

    def result(self, progress=None) -> Analysis:
        """Wait for the analysis (progress(done, total) meanwhile, if given)."""
        for ev in self.events():
            if ev[0] == "analysis":
                return ev[1]
            if progress is not None:
                progress(ev[1], ev[2])
        raise AnalysisFailed("no analysis")   # pragma: no cover - events() raises first

    def _analysis(self, data: dict) -> Analysis:
        from .engine.stored import from_dict
        from .pipeline import corrected

        try:
            return corrected(from_dict(self.corpus, data))
        except ValueError as e:
            raise AnalysisFailed(f"the analysis does not fit the articles ({e})") from None

    def hold(self) -> None:
        """Stop the child where it is until `go_on`: the reader is answering a key and has
        the machine to itself meanwhile (on two cores that behave as one, the child's work
        made a key's own work up to ~1.8x slower).  Where no process can be stopped,
        nothing."""
        if self._held or not hasattr(signal, "SIGSTOP"):
            return
        try:
            self._proc.send_signal(signal.SIGSTOP)      # not sent once the child has ended
            self._held = True
        except OSError:
            pass

    def go_on(self) -> None:
        """Let a held child run again."""
        if self._held:
            self._held = False
            try:
                self._proc.send_signal(signal.SIGCONT)
            except OSError:
                pass

    def cancel(self) -> None:
        """End the child now (the reader closed before the analysis came)."""
        self._cancelled = True
        try:
            self._proc.kill()
        except OSError:
            pass

    def _reap(self) -> None:
        try:
            self._proc.stdout.close()
            self._proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.cancel()


# ------------------------------------------------------------------------- the child

def _watch_parent() -> None:
    """End this process when the one that started it is gone (no orphan keeps a core)."""
    import time

    parent = os.getppid()
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


NICE = 5                    # the child's lower priority: a key in the reader wins the core


def spare_cores() -> int:
    """The cores this process may run on beyond one: those a child here could work on
    while this process goes on (0: a child would only take turns with it)."""
    try:
        return len(os.sched_getaffinity(0)) - 1
    except AttributeError:              # no affinity here: every core, then
        return (os.cpu_count() or 1) - 1


def _leave_a_core() -> None:
    """Keep this process (and the workers alignment forks, which inherit it and count
    their number from it) off one of the cores it may run on, so the reader that started
    it always has one to itself.  On one core, nothing changes."""
    if spare_cores() < 1:
        return
    try:
        os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[1:])
    except (AttributeError, OSError):   # no affinity here: the nice level alone, then
        pass


def write_all(fd: int, data: bytes) -> None:
    """All of `data` to the file `fd`, written again from where a short write stopped.
    (sys.stdout.buffer lost part of a long line when the process was stopped and let go
    on (`hold`) while its pipe was full.)"""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def main() -> int:
    threading.Thread(target=_watch_parent, daemon=True, name="synopsis-parent-watch").start()
    try:
        os.nice(NICE)
    except (AttributeError, OSError):   # no nice() here: the same priority, that is all
        pass
    _leave_a_core()
    out = sys.stdout.fileno()

    def send(msg: dict) -> None:
        write_all(out, json.dumps(msg, ensure_ascii=False, separators=(",", ":"))
                  .encode("utf-8", "surrogatepass") + b"\n")

    try:
        from .engine.stored import corpus_from_dict, to_dict
        from .pipeline import engine_analysis

        request = json.loads(sys.stdin.buffer.read().decode("utf-8", "surrogatepass"))
        corpus = corpus_from_dict(request["corpus"])
        last = [-PROGRESS_EVERY]

        def progress(done: int, total: int) -> None:
            step = 1000 * done // max(1, total)
            if step - last[0] >= PROGRESS_EVERY or done >= total:
                last[0] = step
                send({"progress": [done, total]})

        analysis = engine_analysis(corpus, cache=bool(request.get("cache", True)),
                                   progress=progress)
        for part, value in to_dict(analysis).items():
            send({"part": part, "value": value})
        send({"done": True})
    except BrokenPipeError:
        return 1
    except Exception as e:  # one line to the parent, which shows it
        try:
            send({"error": f"{type(e).__name__}: {e}"})
        except OSError:
            pass
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
