"""How long reading an analysis back from the cache takes (tui/engine/stored.py), by part.

    python bench/cache_load.py [--articles 500] [--rounds 5]

Makes a synthetic corpus (bench/synth.py, seeded), analyses it once, writes the cache's
entry (JSON of `stored.to_dict`), then reads it back `--rounds` times as tui/cache.py
does (json.loads, then `stored.from_dict` over the corpus read again), timing each part in
CPU seconds of this process and its children (on a loaded machine, what it costs without
the waits for a core): the JSON parse, the alignment's links (`align.Links.from_state` for a large corpus,
the stored table for a small one) and the rest of from_dict (quotes, speakers, topics,
the checks).  Prints min and median per part; the last line is the summary, with the
wall time of a whole read.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _cpu() -> float:
    """This process's CPU time and its children's (a large corpus's texts are read in one
    forked process per core: align._prepare)."""
    import resource

    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + ch.ru_utime + ch.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()

    from bench.synth import make
    from tui.engine import analyse
    from tui.engine import stored
    from tui.engine.corpus import load_corpus

    with tempfile.TemporaryDirectory() as tmp:
        make(Path(tmp), a.articles)
        analysis = analyse([tmp])
        raw = json.dumps(stored.to_dict(analysis), ensure_ascii=False,
                         separators=(",", ":")).encode("utf-8")
        corpus = load_corpus([tmp])

    # time the links apart: wrap what from_dict calls for them
    from tui.engine import align

    parts: dict[str, list[float]] = {"json": [], "links": [], "rest": [], "total": []}
    walls: list[float] = []
    links_cpu = [0.0]
    orig_state, orig_table = align.Links.from_state.__func__, stored._table

    def timed_state(cls, *args, **kw):
        t = _cpu()
        try:
            return orig_state(cls, *args, **kw)
        finally:
            links_cpu[0] += _cpu() - t

    def timed_table(*args, **kw):
        t = _cpu()
        try:
            return orig_table(*args, **kw)
        finally:
            links_cpu[0] += _cpu() - t

    align.Links.from_state = classmethod(timed_state)
    stored._table = timed_table
    try:
        for _ in range(a.rounds):
            links_cpu[0] = 0.0
            w0 = time.perf_counter()
            t0 = _cpu()
            data = json.loads(raw)
            t1 = _cpu()
            back = stored.from_dict(corpus, data)
            t2 = _cpu()
            assert len(back.articles) == len(analysis.articles)
            parts["json"].append(t1 - t0)
            parts["links"].append(links_cpu[0])
            parts["rest"].append(t2 - t1 - links_cpu[0])
            parts["total"].append(t2 - t0)
            walls.append(time.perf_counter() - w0)
    finally:
        align.Links.from_state = classmethod(orig_state)
        stored._table = orig_table
    kind = "state" if "state" in data["links"] else "table"
    for name, xs in parts.items():
        print(f"{name:6} min {min(xs) * 1e3:7.0f} ms  median {statistics.median(xs) * 1e3:7.0f} ms")
    print(f"cache_load articles={a.articles} format={stored.FORMAT} links={kind} "
          f"entry={len(raw) / 2**20:.1f} MiB rounds={a.rounds}: CPU min "
          f"{min(parts['total']):.2f} s, median {statistics.median(parts['total']):.2f} s "
          f"(links {statistics.median(parts['links']):.2f} s, json "
          f"{statistics.median(parts['json']):.2f} s); wall min {min(walls):.2f} s, median "
          f"{statistics.median(walls):.2f} s")


if __name__ == "__main__":
    main()
