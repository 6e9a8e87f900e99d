"""How long the reader takes to re-render after a key or a wheel scroll (Pilot, headless).

    python bench/reader_speed.py [PATH...] [--size 200x50] [--rounds 3] [--clock cpu]
                                 [--keys] [--worst N] [--fps N]

Opens the reader on PATH (default: the bundled seeds; five panes at 200x50) and
replays a reading session: cursor moves (j/k), additions and disagreements (n, ]),
page moves, pane switches (l/h) and wheel scrolls; the same in the aligned-rows view (a,
kind "aligned"); switching views (a, the overview v and back, facts-only d, wider panes
+ -: kind "views"); then, with a speaker filter on (the
speaker quoted most), filter toggles (f: only the speaker's sentences / all, marked),
cursor moves among the filtered sentences, and a search typed one keystroke at a time
(/ and the first letters of one of the speaker's quotes), walked with n.  For every
input it measures the
work the app does for it: the key's action (the handler: cursor, synchronised scroll
of the other panes, status) plus the frame that follows (Textual's layout, compositor
and the write of the update).  Timer waits between the two are not counted: they are
Textual pacing frames (60 a second, 120 in the reader), not work.  Inputs come `--pace` seconds
apart (the reader builds lines ahead when idle, as it would between a person's
keystrokes).  Prints the median and the worst case per kind of input and overall,
with the lines the panes built during that work (a count the machine's load does not
change; --keys: per key too; --worst N: the N costliest inputs, with their round, the
lines they built and the keys before them); the last line is the summary.  Textual's
frame rate is the reader's (tui/app/main.py FPS; --fps to choose another).

    python bench/reader_speed.py --first-frame [--runs 10]

The first frame (panes filled, marks on) of `synopsis --headless --exit-after-first-frame`
on the seeds, with the analysis cache warm and with --no-cache, against the bare Textual
app whose panes are TextAreas (../shared/bench/min_app.py --widget textarea); each a fresh
process, round-robin; wall and CPU (user + sys, children included), min/median/max and
the ratios (what ../shared/bench/cold_start.py times, with the CPU it leaves out).  Every
command runs with its modules' bytecode compiled beforehand, as `pip install .` leaves
them (synopsis from a copy of tui/ compiled in a private directory; Textual's own are
compiled where it is installed, and the bare app is one script): where PYTHONDONTWRITEBYTECODE is set (this project's
machines), a source tree is otherwise compiled anew on every start, a cost (~0.1 s here)
no installed reader pays; --no-bytecode measures that way.

    python bench/reader_speed.py --analysing 300 [--kind real|synth] [--thread]

Keys while an analysis is under way: the reader opened on N articles (made by
../shared/bench/scale_corpus.py, or bench/synth.py) without an analysis and without the
cache, cursor keys pressed at `--pace` until the analysis arrives.  Prints, per key, the
work (handler and frame, as above) and the key-to-frame time (from the key to the end of
the frame that shows it, frame pacing included): median, p95, worst; and how long the
analysis took in the reader against the engine alone in a quiet process.  `--thread`: the
analysis in a thread of the reader's process (how it was before tui/process.py).
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SESSION = (  # a reading session: 107 inputs
["j"] * 40 + ["k"] * 15 + ["n"] * 10 + ["right_square_bracket"] * 8
           + ["pagedown"] * 4 + ["pageup"] * 2 + ["l", "j", "j", "j", "l", "j", "j", "h"]
           + ["wheel-down"] * 12 + ["wheel-up"] * 6 + ["G", "g"])

CLOCK = time.perf_counter   # --clock cpu: time.thread_time (the work, not waits for a core)

FILTERED = ["f"] * 6 + ["j"] * 8 + ["k"] * 4 + ["l", "j", "h"]

# the aligned-rows view (a) and moves in it; the overview (v), facts only (d), wider panes
ALIGNED = (["a"] + ["j"] * 20 + ["k"] * 6 + ["n"] * 4 + ["right_square_bracket"] * 3
           + ["pagedown"] * 2 + ["pageup"] + ["l", "j", "j", "h"] + ["wheel-down"] * 3
           + ["G", "g", "a"])
VIEWS = ["v", "j", "j", "j", "escape", "v", "escape", "d", "j", "d", "plus", "j", "minus"]
VIEW_KEYS = {"a", "v", "d", "plus", "minus"}
# pickers: a speaker, a topic, a source; opened, narrowed by typing, moved in, closed
PICKERS = ["s", "m", "down", "escape", "t", "down", "down", "escape", "o", "down", "escape"]
PICKER_KEYS = {"s", "t", "o"}
PICKER_SCREENS = {"PickerScreen", "SourcesScreen"}


def search_keys(analysis) -> list[str]:
    """/ and the first letters of a quote (the speaker quoted most), one key each, then n."""
    qs = [q for q in analysis.quotes if q.speaker]
    text = max(qs, key=lambda q: len(q.text)).text if qs else "the"
    letters = [c for c in text[:8] if c.isalnum() or c == " "]
    keys = ["space" if c == " " else c for c in letters]
    return ["slash", *keys, "enter"] + ["n"] * 6 + ["escape"]


async def session(analysis, size: tuple[int, int], rounds: int,
                  pace: float) -> dict[str, list[float]]:
    from textual import events
    from textual.app import App
    from textual.screen import Screen

    from tui.app.app import SynopsisApp
    from tui.app.screens.reader import ReaderScreen

    frame_ms: list[float] = []
    handler_ms: list[float] = []
    built = [0]       # lines the panes built during the work timed (not while idle)
    orig_frame = Screen._on_timer_update
    orig_bindings = App._check_bindings
    panes = lambda: getattr(getattr(app, "reader", None), "panes", ())  # noqa: E731

    def lines_built() -> int:
        return sum(getattr(p, "built", 0) for p in panes())

    def timed_frame(self):
        t, b = CLOCK(), lines_built()
        orig_frame(self)
        frame_ms.append((CLOCK() - t) * 1e3)
        built[0] += lines_built() - b

    async def timed_bindings(self, *args, **kw):
        t, b = CLOCK(), lines_built()
        try:
            return await orig_bindings(self, *args, **kw)
        finally:
            handler_ms.append((CLOCK() - t) * 1e3)
            built[0] += lines_built() - b

    def timer(orig):
        def timed(self, *args, **kw):
            t, b = CLOCK(), lines_built()
            try:
                return orig(self, *args, **kw)
            finally:
                handler_ms.append((CLOCK() - t) * 1e3)
                built[0] += lines_built() - b
        return timed

    orig_wheel = ReaderScreen.pane_wheeled
    orig_search = ReaderScreen.search_for     # typing in the search field: no binding runs

    Screen._on_timer_update = timed_frame
    App._check_bindings = timed_bindings
    ReaderScreen.pane_wheeled = timer(orig_wheel)
    ReaderScreen.search_for = timer(orig_search)
    results: dict[str, list[float]] = {}
    try:
        app = SynopsisApp(analysis.corpus, analysis)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            reader = app.reader
            counts = {}
            for q in analysis.quotes:
                if q.speaker:
                    counts[q.speaker] = counts.get(q.speaker, 0) + 1
            speaker = max(counts, key=counts.get) if counts else None
            prev: list[str] = []     # the keys before (--worst shows where an input came)
            for r in range(rounds):
                session = list(SESSION) + ALIGNED + VIEWS + PICKERS
                if speaker is not None:
                    session += ["filter", *FILTERED, "unfilter"]
                session += search_keys(analysis)
                for key in session:
                    if key in ("filter", "unfilter"):
                        await pilot.pause(pace)
                        t = time.perf_counter()
                        frame_ms.clear()
                        handler_ms.clear()
                        built[0] = 0
                        h, b = CLOCK(), lines_built()
                        reader._filter(speaker if key == "filter" else None, None)
                        handler_ms.append((CLOCK() - h) * 1e3)
                        built[0] += lines_built() - b
                        await pilot.pause()
                        work = sum(handler_ms) + sum(frame_ms)
                        results.setdefault("filter", []).append(work)
                        results.setdefault("built:filter", []).append(built[0])
                        results.setdefault(f"key:{key}", []).append(work)
                        results.setdefault("inputs", []).append((work, r, key, "filter",
                                                                 built[0], prev[-3:]))
                        prev.append(key)
                        continue
                    await pilot.pause(pace)
                    frame_ms.clear()
                    handler_ms.clear()
                    built[0] = 0
                    on_overview = app.screen is not reader
                    in_picker = type(app.screen).__name__ in PICKER_SCREENS
                    if key.startswith("wheel"):
                        cls = events.MouseScrollDown if key == "wheel-down" else events.MouseScrollUp
                        t = time.perf_counter()
                        await pilot._post_mouse_events([cls], reader.lead, offset=(5, 5))
                    else:
                        t = time.perf_counter()
                        await pilot.press(key)
                    await pilot.pause()
                    work = sum(handler_ms) + sum(frame_ms)
                    if key in PICKER_KEYS and not on_overview or in_picker or (
                            type(app.screen).__name__ in PICKER_SCREENS):
                        kind = "picker"
                    elif key in VIEW_KEYS or on_overview or app.screen is not reader:
                        kind = "views"
                    elif reader.searching or key in ("slash", "enter", "escape") or (
                            reader.lens.query and key == "n"):
                        kind = "search"
                    elif key == "f" or reader.lens.filtering:
                        kind = "filter"
                    elif reader.state.aligned:
                        kind = "aligned"
                    else:
                        kind = "scroll" if key.startswith(("wheel", "page")) else "cursor"
                    results.setdefault(kind, []).append(work)
                    results.setdefault(f"built:{kind}", []).append(built[0])
                    results.setdefault(f"key:{key}", []).append(work)
                    results.setdefault("wall", []).append((time.perf_counter() - t) * 1e3)
                    results.setdefault("inputs", []).append((work, r, key, kind, built[0],
                                                             prev[-3:]))
                    prev.append(key)
    finally:
        Screen._on_timer_update = orig_frame
        App._check_bindings = orig_bindings
        ReaderScreen.pane_wheeled = orig_wheel
        ReaderScreen.search_for = orig_search
    return results


async def busy(corpus, size: tuple[int, int], pace: float, thread: bool) -> dict:
    """Cursor keys while the reader's analysis runs (see the module docstring)."""
    from textual.app import App
    from textual.screen import Screen

    from tui.app.app import SynopsisApp
    from tui.pipeline import open_analysis

    frames: list[tuple[float, float, float]] = []   # (start, end, CPU ms) of each frame
    handler_ms: list[float] = []
    handler_cpu: list[float] = []
    orig_frame = Screen._on_timer_update
    orig_bindings = App._check_bindings

    def timed_frame(self):
        t, c = time.perf_counter(), time.thread_time()
        orig_frame(self)
        frames.append((t, time.perf_counter(), (time.thread_time() - c) * 1e3))

    async def timed_bindings(self, *args, **kw):
        t, c = time.perf_counter(), time.thread_time()
        try:
            return await orig_bindings(self, *args, **kw)
        finally:
            handler_ms.append((time.perf_counter() - t) * 1e3)
            handler_cpu.append((time.thread_time() - c) * 1e3)

    import textual.app

    async def no_idle_wait(*_a, **_kw) -> None:
        await asyncio.sleep(0)     # Pilot waits for an idle process: never, while busy

    saved_wait = textual.app.wait_for_idle
    textual.app.wait_for_idle = no_idle_wait
    Screen._on_timer_update = timed_frame
    App._check_bindings = timed_bindings
    work, work_cpu, to_frame = [], [], []
    analyse = (lambda c: open_analysis(c, cache=False)) if thread else None
    try:
        app = SynopsisApp(corpus, None, use_cache=False, analyse=analyse)
        t_start = time.perf_counter()
        async with app.run_test(size=size) as pilot:
            keys = 0
            while app.analysis is None and time.perf_counter() - t_start < 1200:
                await asyncio.sleep(pace)
                handler_ms.clear()
                handler_cpu.clear()
                before = len(frames)
                t = time.perf_counter()
                await pilot.press("j" if (keys // 20) % 2 == 0 else "k")
                keys += 1
                while len(frames) == before and time.perf_counter() - t < 2:
                    await asyncio.sleep(0.001)
                if len(frames) == before:
                    continue
                mine = [f for f in frames[before:]]
                work.append(sum(handler_ms) + sum((e - b) * 1e3 for b, e, _ in mine))
                work_cpu.append(sum(handler_cpu) + sum(c for _, _, c in mine))
                to_frame.append((mine[0][1] - t) * 1e3)
            took = time.perf_counter() - t_start
    finally:
        Screen._on_timer_update = orig_frame
        App._check_bindings = orig_bindings
        textual.app.wait_for_idle = saved_wait
    return {"work": work, "work_cpu": work_cpu, "to_frame": to_frame, "took": took}


def _busy_main(a) -> None:
    import os
    import subprocess
    import tempfile

    from tui.engine.corpus import load_corpus
    from tui.pipeline import open_analysis

    w, h = (int(x) for x in a.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        if a.kind == "real":
            subprocess.run([sys.executable, str(ROOT.parent / "shared" / "bench" /
                                                "scale_corpus.py"), str(a.analysing), tmp],
                           check=True, capture_output=True)
        else:
            from bench.synth import make

            make(Path(tmp), a.analysing)
        corpus = load_corpus([tmp])
    t = time.perf_counter()
    open_analysis(corpus, cache=False)
    alone = time.perf_counter() - t
    res = asyncio.run(busy(corpus, (w, h), a.pace, a.thread))

    def line(name: str, xs: list[float]) -> str:
        xs = sorted(xs)
        return (f"{name:12} n={len(xs):4}  median {statistics.median(xs):5.1f} ms  "
                f"p95 {xs[int(len(xs) * .95)]:5.1f} ms  worst {xs[-1]:5.1f} ms")

    print(line("work", res["work"]))
    print(line("work (CPU)", res["work_cpu"]))
    print(line("key-to-frame", res["to_frame"]))
    xs = sorted(res["to_frame"])
    print(f"reader_speed analysing={a.analysing} {a.kind} fps={os.environ['TEXTUAL_FPS']} "
          f"{'thread' if a.thread else 'process'}: key-to-frame p95 "
          f"{xs[int(len(xs) * .95)]:.1f} ms, work p95 "
          f"{sorted(res['work'])[int(len(xs) * .95)]:.1f} ms; analysis {res['took']:.1f} s in "
          f"the reader vs {alone:.1f} s alone ({res['took'] / alone:.2f}x)")


def _first_frame_main(a) -> None:
    """--first-frame: the reader's first frame against the bare Textual app with TextArea
    panes (../shared/bench/min_app.py), each a fresh process, round-robin; wall and CPU
    (user + sys of the process and its children: the analysis process too)."""
    import os
    import subprocess
    import tempfile

    seeds = a.paths[0] if a.paths else str(ROOT / "seeds")
    py = sys.executable
    synopsis = [py, "-m", "tui", "--headless", "--exit-after-first-frame", seeds]
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, SYNOPSIS_CACHE_DIR=cache)
        env.pop("TEXTUAL_FPS", None)          # each as it runs by itself
        cmds = {
            "bare TextArea app": [py, str(ROOT.parent / "shared" / "bench" / "min_app.py"),
                                  seeds, "--headless", "--widget", "textarea"],
            "synopsis (cache)": synopsis,
            "synopsis --no-cache": synopsis[:-1] + ["--no-cache", seeds],
        }
        where = ROOT
        if not a.no_bytecode:                 # as installed (see the module docstring)
            import shutil

            where = Path(cache) / "installed"
            shutil.copytree(ROOT / "tui", where / "tui")
            subprocess.run([py, "-m", "compileall", "-q", str(where)], check=True,
                           stdout=subprocess.DEVNULL)
        res: dict[str, list[tuple[float, float]]] = {k: [] for k in cmds}
        for r in range(a.runs + 1):          # the first round fills the cache, not counted
            for k, c in cmds.items():
                t = time.perf_counter()
                p = subprocess.Popen(c, env=env, cwd=where, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                _, status, ru = os.wait4(p.pid, 0)
                wall = time.perf_counter() - t
                if os.waitstatus_to_exitcode(status) != 0:
                    raise SystemExit(f"{k} failed")
                if r:
                    res[k].append((wall * 1e3, (ru.ru_utime + ru.ru_stime) * 1e3))
    base = {i: statistics.median(x[i] for x in res["bare TextArea app"]) for i in (0, 1)}
    for k, rows in res.items():
        out = []
        for i, what in ((0, "wall"), (1, "CPU")):
            xs = sorted(x[i] for x in rows)
            out.append(f"{what} min {xs[0]:5.0f} median {statistics.median(xs):5.0f} "
                       f"max {xs[-1]:5.0f} ms ({statistics.median(xs) / base[i]:.2f}x)")
        print(f"{k:20} " + "   ".join(out))
    print(f"reader_speed first frame runs={a.runs}"
          f"{' no-bytecode' if a.no_bytecode else ''}: " + ", ".join(
        f"{k} {statistics.median(x[1] for x in rows) / base[1]:.2f}x CPU "
        f"{statistics.median(x[0] for x in rows) / base[0]:.2f}x wall"
        for k, rows in res.items() if k != "bare TextArea app"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--size", default="200x50")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--pace", type=float, default=0.1,
                    help="seconds between inputs (0.1: a fast reader's 10 keys a second; "
                         "0 replays as fast as the app takes them)")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                    help="cpu: time the work by the thread's CPU time (on a loaded machine, "
                         "what it costs without the waits for a core)")
    ap.add_argument("--keys", action="store_true", help="median and worst per key too")
    ap.add_argument("--worst", type=int, default=0, metavar="N",
                    help="the N costliest inputs: round, key, kind, lines built, keys before")
    ap.add_argument("--analysing", type=int, default=0, metavar="N",
                    help="keys while the reader analyses N articles (see above)")
    ap.add_argument("--kind", choices=("real", "synth"), default="real")
    ap.add_argument("--thread", action="store_true",
                    help="with --analysing: the analysis in a thread, not a process")
    ap.add_argument("--fps", type=int, default=0,
                    help="Textual's frame rate (default: the reader's, tui/app/main.py FPS)")
    ap.add_argument("--first-frame", action="store_true",
                    help="the first frame against the bare Textual app (see _first_frame_main)")
    ap.add_argument("--runs", type=int, default=10, help="with --first-frame: rounds")
    ap.add_argument("--no-bytecode", action="store_true",
                    help="with --first-frame: no bytecode compiled beforehand (see above)")
    a = ap.parse_args()
    import os

    if a.first_frame:
        _first_frame_main(a)
        return

    from tui.app.main import frame_rate

    if a.fps:
        os.environ["TEXTUAL_FPS"] = str(a.fps)
    frame_rate()        # before Textual is imported, as the reader does
    global CLOCK
    CLOCK = time.thread_time if a.clock == "cpu" else time.perf_counter
    if a.analysing:
        _busy_main(a)
        return
    from tui.engine import analyse, bundled_seeds

    analysis = analyse(a.paths or [str(bundled_seeds())])
    w, h = (int(x) for x in a.size.split("x"))
    res = asyncio.run(session(analysis, (w, h), a.rounds, a.pace))
    for kind in ("cursor", "scroll", "filter", "search", "picker", "aligned", "views"):
        xs = res.get(kind, [])
        if not xs:
            continue
        lines = res.get(f"built:{kind}", [0])
        print(f"{kind:7} n={len(xs):4}  median {statistics.median(xs):5.1f} ms  "
              f"p95 {sorted(xs)[int(len(xs) * .95)]:5.1f} ms  worst {max(xs):5.1f} ms  "
              f"lines built: mean {statistics.mean(lines):5.1f}, worst {max(lines):3}")
    keys = sorted((k for k in res if k.startswith("key:")), key=lambda k: -max(res[k]))
    if a.keys:
        for k in keys:
            print(f"  {k[4:]:22} n={len(res[k]):4}  median {statistics.median(res[k]):5.1f} ms  "
                  f"worst {max(res[k]):5.1f} ms")
    for work, r, key, kind, n, before in sorted(res.get("inputs", []), key=lambda x: -x[0])[:a.worst]:
        print(f"  {work:5.1f} ms  round {r + 1}  {key:12} {kind:8} lines built {n:3}  "
              f"after {' '.join(before)}")
    print("slowest inputs: " + ", ".join(f"{k[4:]} {max(res[k]):.1f} ms" for k in keys[:4]))
    every = [x for kind in ("cursor", "scroll", "filter", "search", "picker", "aligned", "views")
             for x in res.get(kind, [])]
    wall = res["wall"]
    import os

    print(f"reader_speed size={w}x{h} pace={a.pace}s clock={a.clock} "
          f"fps={os.environ['TEXTUAL_FPS']} "
          f"panes={min(len(analysis.articles), w // 38)} "
          f"inputs={len(every)} median={statistics.median(every):.1f}ms "
          f"worst={max(every):.1f}ms (wall incl. frame pacing: median "
          f"{statistics.median(wall):.1f}ms)")


if __name__ == "__main__":
    main()
