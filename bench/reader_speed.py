"""How long the reader takes to re-render after a key or a wheel scroll (Pilot, headless).

    python bench/reader_speed.py [PATH...] [--size 200x50] [--rounds 3]

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
Textual pacing frames at 60 per second, not work.  Inputs come `--pace` seconds
apart (the reader builds lines ahead when idle, as it would between a person's
keystrokes).  Prints the median and the worst case per kind of input and overall;
the last line is the summary.
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

FILTERED = ["f"] * 6 + ["j"] * 8 + ["k"] * 4 + ["l", "j", "h"]

# the aligned-rows view (a) and moves in it; the overview (v), facts only (d), wider panes
ALIGNED = (["a"] + ["j"] * 20 + ["k"] * 6 + ["n"] * 4 + ["right_square_bracket"] * 3
           + ["pagedown"] * 2 + ["pageup"] + ["l", "j", "j", "h"] + ["wheel-down"] * 3
           + ["G", "g", "a"])
VIEWS = ["v", "j", "j", "j", "escape", "v", "escape", "d", "j", "d", "plus", "j", "minus"]
VIEW_KEYS = {"a", "v", "d", "plus", "minus"}


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
    orig_frame = Screen._on_timer_update
    orig_bindings = App._check_bindings

    def timed_frame(self):
        t = time.perf_counter()
        orig_frame(self)
        frame_ms.append((time.perf_counter() - t) * 1e3)

    async def timed_bindings(self, *args, **kw):
        t = time.perf_counter()
        try:
            return await orig_bindings(self, *args, **kw)
        finally:
            handler_ms.append((time.perf_counter() - t) * 1e3)

    def timer(orig):
        def timed(self, *args, **kw):
            t = time.perf_counter()
            try:
                return orig(self, *args, **kw)
            finally:
                handler_ms.append((time.perf_counter() - t) * 1e3)
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
            for r in range(rounds):
                session = list(SESSION) + ALIGNED + VIEWS
                if speaker is not None:
                    session += ["filter", *FILTERED, "unfilter"]
                session += search_keys(analysis)
                for key in session:
                    if key in ("filter", "unfilter"):
                        await pilot.pause(pace)
                        t = time.perf_counter()
                        frame_ms.clear()
                        handler_ms.clear()
                        h = time.perf_counter()
                        reader._filter(speaker if key == "filter" else None, None)
                        handler_ms.append((time.perf_counter() - h) * 1e3)
                        await pilot.pause()
                        work = sum(handler_ms) + sum(frame_ms)
                        results.setdefault("filter", []).append(work)
                        results.setdefault(f"key:{key}", []).append(work)
                        continue
                    await pilot.pause(pace)
                    frame_ms.clear()
                    handler_ms.clear()
                    on_overview = app.screen is not reader
                    if key.startswith("wheel"):
                        cls = events.MouseScrollDown if key == "wheel-down" else events.MouseScrollUp
                        t = time.perf_counter()
                        await pilot._post_mouse_events([cls], reader.lead, offset=(5, 5))
                    else:
                        t = time.perf_counter()
                        await pilot.press(key)
                    await pilot.pause()
                    work = sum(handler_ms) + sum(frame_ms)
                    if key in VIEW_KEYS or on_overview or app.screen is not reader:
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
                    results.setdefault(f"key:{key}", []).append(work)
                    results.setdefault("wall", []).append((time.perf_counter() - t) * 1e3)
    finally:
        Screen._on_timer_update = orig_frame
        App._check_bindings = orig_bindings
        ReaderScreen.pane_wheeled = orig_wheel
        ReaderScreen.search_for = orig_search
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--size", default="200x50")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--pace", type=float, default=0.1,
                    help="seconds between inputs (0.1: a fast reader's 10 keys a second; "
                         "0 replays as fast as the app takes them)")
    a = ap.parse_args()
    from tui.engine import analyse, bundled_seeds

    analysis = analyse(a.paths or [str(bundled_seeds())])
    w, h = (int(x) for x in a.size.split("x"))
    res = asyncio.run(session(analysis, (w, h), a.rounds, a.pace))
    for kind in ("cursor", "scroll", "filter", "search", "aligned", "views"):
        xs = res.get(kind, [])
        if not xs:
            continue
        print(f"{kind:7} n={len(xs):4}  median {statistics.median(xs):5.1f} ms  "
              f"p95 {sorted(xs)[int(len(xs) * .95)]:5.1f} ms  worst {max(xs):5.1f} ms")
    keys = sorted((k for k in res if k.startswith("key:")), key=lambda k: -max(res[k]))
    print("slowest inputs: " + ", ".join(f"{k[4:]} {max(res[k]):.1f} ms" for k in keys[:4]))
    every = [x for kind in ("cursor", "scroll", "filter", "search", "aligned", "views")
             for x in res.get(kind, [])]
    wall = res["wall"]
    print(f"reader_speed size={w}x{h} pace={a.pace}s "
          f"panes={min(len(analysis.articles), w // 38)} "
          f"inputs={len(every)} median={statistics.median(every):.1f}ms "
          f"worst={max(every):.1f}ms (wall incl. frame pacing: median "
          f"{statistics.median(wall):.1f}ms)")


if __name__ == "__main__":
    main()
