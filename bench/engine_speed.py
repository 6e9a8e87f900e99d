"""Engine speed and scale: seeds warm, then synthetic corpora of 100 and 500 articles.

    python bench/engine_speed.py [--sizes 100,500] [--recall-size 100] [--repeat 20]

Seeds: the whole analysis (load + segment, align, quotes and speakers, topics, the export to
JSON), warm, in-process (imports excluded): CPU min / median / worst, each stage's median.
Synthetic corpora (bench/synth.py, seeded): load + segment + align wall time and peak RSS, each
size in a fresh process so RSS is its own.  Blocking recall: the matches found with the candidate
index and copy collapsing against those found scoring every pair of sentences that shares
a word, copies included (on --recall-size articles; that exact run is slow: ~30 s for 100).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def seeds_warm(repeat: int) -> str:
    """The seeds' whole analysis, warm, in-process (imports excluded), `repeat` times: each
    stage's CPU time (load and segment, align, quotes with speakers, topics, the export to
    JSON with the matches it builds) and the whole, min / median / worst; the wall time of
    the whole too.  CPU time: the machine is shared."""
    from tui.engine.corpus import load_corpus
    from tui.engine.export import to_json
    from tui.engine.segment import segment
    from tui.engine.stages import STAGES, start

    seeds = [str(ROOT / "seeds")]
    names = ["load"] + [st.name for st in STAGES] + ["export"]

    def once() -> dict[str, float]:
        took = {}
        t = time.process_time()
        an = start(load_corpus(seeds))
        took["load"] = time.process_time() - t
        for st in STAGES:
            t = time.process_time()
            an = st.run(an, lambda _f: None)
            took[st.name] = time.process_time() - t
        t = time.process_time()
        to_json(an)
        took["export"] = time.process_time() - t
        return took

    for _ in range(3):
        once()
    runs, wall = [], []
    for _ in range(repeat):
        w = time.perf_counter()
        runs.append(once())
        wall.append(time.perf_counter() - w)
    whole = [sum(r.values()) for r in runs]

    def mmm(xs: list[float]) -> str:
        return (f"min {min(xs) * 1e3:.1f} / median {statistics.median(xs) * 1e3:.1f} / "
                f"worst {max(xs) * 1e3:.1f} ms")

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    seg = []
    for _ in range(repeat):
        t0 = time.process_time()
        for t in texts:
            segment(t)
        seg.append(time.process_time() - t0)
    stages = ", ".join(f"{k} {statistics.median([r[k] for r in runs]) * 1e3:.1f}"
                       for k in names if k != "corrections")
    return (f"seeds segmentation (5 articles): median {statistics.median(seg) * 1e3:.2f} ms\n"
            f"seeds whole analysis, load -> export, warm (CPU, n={repeat}): {mmm(whole)}\n"
            f"  (wall: {mmm(wall)})\n"
            f"  stage medians (CPU ms): {stages}")


def one_size(n: int) -> dict:
    """Runs in a child process: synthetic corpus of n articles, timed stages, peak RSS."""
    import resource

    from bench.synth import make
    from tui.engine.corpus import load_corpus
    from tui.engine.stages import STAGES, start

    stages = {}
    with tempfile.TemporaryDirectory() as tmp:
        make(Path(tmp), n)
        t0 = time.perf_counter()
        corpus = load_corpus([tmp])
        t1 = time.perf_counter()
        an = start(corpus)
        for st in STAGES:                     # each stage timed on its own
            ts = time.perf_counter()
            an = st.run(an, lambda _f: None)
            stages[st.name] = time.perf_counter() - ts
        t2 = time.perf_counter()
    n_sent = sum(len(a.sentences) for a in corpus.articles)
    groups = an.links.groups()
    n_match = sum(len(g) * (len(g) - 1) for g in groups)  # directed pairs, incl. same-article
    t3 = time.perf_counter()
    sample = [an.at(a, s.i) for a, art in enumerate(corpus.articles[:5]) for s in art.sentences]
    t_lazy = (time.perf_counter() - t3) / max(1, len(sample))
    return {"articles": n, "sentences": n_sent, "load_s": t1 - t0, "align_s": t2 - t1,
            "total_s": t2 - t0, "stages": stages, "matches": n_match, "groups": len(groups), "lazy_ms": t_lazy * 1e3,
            "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def recall(n: int) -> str:
    import tui.engine.align as A
    from bench.synth import make
    from tui.engine import analyse_corpus
    from tui.engine.corpus import load_corpus

    with tempfile.TemporaryDirectory() as tmp:
        make(Path(tmp), n)
        corpus = load_corpus([tmp])
    def pairs(an):
        out = set()
        for g in an.links.groups():
            for p, (a, i) in enumerate(g):
                for (b, j) in g[p + 1:]:
                    if a != b:
                        out.add((a, i, b, j))
        return out
    def run() -> tuple[set, float]:
        t0 = time.perf_counter()
        got = pairs(analyse_corpus(corpus, annotate=False))
        return got, time.perf_counter() - t0

    def line(what: str, got: set, tg: float, ref: set, tr: float) -> str:
        rec = len(got & ref) / len(ref) if ref else 1.0
        return (f"{what} on {n} articles: recall {rec:.4f} of {len(ref)} matches "
                f"({len(got - ref)} extra); {tg:.2f} s vs {tr:.2f} s")

    work = A.PAIR_WORK
    try:
        A.PAIR_WORK = 0                # force the candidate index
        blocked, tb = run()
        A.PAIR_WORK = work
        with A.exhaustive():           # score every pair of representatives that shares a word
            every_rep, te = run()
            A.COLLAPSE = False         # ... and of every sentence, copies included
            exact, tx = run()
    finally:
        A.PAIR_WORK = work
        A.COLLAPSE = True
    return (line("candidate index vs every pair (copies collapsed in both)", blocked, tb,
                 every_rep, te) + "\n"
            + line("index + collapsed copies vs every pair of every sentence", blocked, tb,
                   exact, tx))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,500")
    ap.add_argument("--recall-size", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child is not None:
        print(json.dumps(one_size(a.child)))
        return 0
    print(seeds_warm(a.repeat))
    for n in [int(x) for x in a.sizes.split(",") if x]:
        r = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True,
                           text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        if r.returncode != 0:
            print(f"{n} articles: failed\n{r.stderr[-2000:]}")
            continue
        d = json.loads(r.stdout.strip().splitlines()[-1])
        print(f"{n} articles ({d['sentences']} sentences): load+segment {d['load_s']:.2f} s, "
              f"align {d['align_s']:.2f} s, total {d['total_s']:.2f} s, "
              f"peak RSS {d['rss_mib']:.0f} MiB; {d['groups']} groups, ~{d['matches']} matching pairs; "
              f"one sentence's matches built on demand in {d['lazy_ms']:.2f} ms\n"
              f"  stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in d["stages"].items()))
    if a.recall_size:
        print(recall(a.recall_size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
