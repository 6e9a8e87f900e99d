"""Scale: a day's coverage.  Wall time per stage, peak RSS, growth exponent, blocking recall.

    python bench/scale.py [--kind real,synth] [--sizes 100,500,1000,2000,5000]
                          [--rounds 3] [--recall 500,2000] [--timeout 600]

Two kinds of corpus, made once per size in a temporary folder:
  real   ../shared/bench/scale_corpus.py: the 262 real articles in ../shared, then lightly
         edited copies of them (many stories on one beat: common names everywhere);
  synth  bench/synth.py: articles drawn from the seeds' sentences in runs, lightly edited.
Each size runs `--rounds` times, each in a fresh process (so peak RSS is its own): load +
segment + every engine stage (align, quotes, topics), as `synopsis export --no-cache` does
before it writes.  Prints min/median/max of the CPU time (the process's and the children
align forks to share the pair scoring among the cores: the figure that holds when other work
shares the cores), the wall time and peak RSS, the stages' median CPU and wall times, and the growth exponent of the median CPU time (least squares slope of its log over
log articles, over all sizes, and between the first and the last size).

Recall (`--recall`): the matching pairs found as the product runs (blocking chosen by the pair
work, align.PAIR_WORK) and with the candidate index forced, against scoring every pair of
sentences that shares a word (align.exhaustive()), all on the same corpus; the exhaustive run
is slow (it is the reference, not the product).  `--stories BAR,...`: the same recall when only
sentences of one story are paired, two articles being of one story when the cosine of their
families' rarity passes the bar (a measurement: the product does not block by story; see
the README's "At scale").  Wall times are noisy on a shared machine:
compare runs made back to back.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCALE_CORPUS = ROOT.parent / "shared" / "bench" / "scale_corpus.py"


def make_corpus(kind: str, n: int, out: Path) -> None:
    if kind == "real":
        subprocess.run([sys.executable, str(SCALE_CORPUS), str(n), str(out)], check=True,
                       capture_output=True)
    else:
        from bench.synth import make

        make(out, n)


def cpu() -> float:
    """This process's CPU time and its children's (align forks one per core)."""
    import resource

    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + ch.ru_utime + ch.ru_stime


def child(folder: str) -> dict:
    """In a fresh process: the whole analysis of the folder, each stage timed."""
    import resource

    from tui.engine.corpus import load_corpus
    from tui.engine.stages import CORRECTIONS, STAGES, start

    t0, c0 = time.perf_counter(), cpu()
    corpus = load_corpus([folder])
    stages = {"load": cpu() - c0}
    walls = {"load": time.perf_counter() - t0}
    an = start(corpus)
    for st in STAGES:
        if st.name == CORRECTIONS:
            continue
        ts, ws = cpu(), time.perf_counter()
        an = st.run(an, lambda _f: None)
        stages[st.name] = cpu() - ts
        walls[st.name] = time.perf_counter() - ws
    total = time.perf_counter() - t0
    return {"total": total, "cpu": cpu() - c0, "stages": stages, "walls": walls,
            "sentences": sum(len(a.sentences) for a in corpus.articles),
            "groups": len(an.links.groups()),
            "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "child_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def recall_child(folder: str) -> dict:
    """In a fresh process: the matching pairs (two sentences of different articles in one
    group) found as the product runs (blocking chosen by the pair work), and with the
    candidate index forced (blocking on, whatever the work), against scoring every pair of
    sentences that shares a word (align.exhaustive())."""
    from tui.engine.corpus import load_corpus
    from tui.engine.stages import align_stage, start
    import tui.engine.align as A

    corpus = load_corpus([folder])

    def pairs() -> tuple[set, float]:
        for f in (A._read, A._family):
            f.cache_clear()               # each run from cold caches: a fair time
        t0 = cpu()
        an = align_stage(start(corpus), lambda _f: None)
        return matching(an), cpu() - t0

    product, tp = pairs()
    saved, A.PAIR_WORK = A.PAIR_WORK, 0
    try:
        blocked, tb = pairs()
    finally:
        A.PAIR_WORK = saved
    with A.exhaustive():
        ref, tr = pairs()

    def recall(got: set) -> float:
        return len(got & ref) / len(ref) if ref else 1.0
    return {"recall": recall(product), "extra": len(product - ref), "product_s": tp,
            "index_recall": recall(blocked), "index_extra": len(blocked - ref),
            "index_s": tb, "reference": len(ref), "exhaustive_s": tr}


def story_filter(corpus, bar: float, common: float = 0.2):
    """Blocking by story, for measuring it (not the product's): two articles are of one
    story when the cosine of their families (each weighted by its inverse document
    frequency over the articles, log N/df) passes `bar`; families in more than `common` of
    the articles are left out of the dot product (they are the beat's common words, and
    would make every article meet every other).  Returns, for align._keep, a filter of one
    row's overlaps to the sentences of its article's stories, and the share of article pairs
    kept."""
    import tui.engine.align as A

    sents = A._prepare(corpus.articles)
    n = len(corpus.articles)
    fams: list[set] = [set() for _ in range(n)]
    for st in sents:
        if not st.furniture:
            fams[st.a].update(st.fams)
    df: dict[str, int] = {}
    for fs in fams:
        for f in fs:
            df[f] = df.get(f, 0) + 1
    idf = {f: math.log(n / d) for f, d in df.items()}
    norm = [math.sqrt(sum(idf[f] ** 2 for f in fs)) or 1.0 for fs in fams]
    post: dict[str, list[int]] = {}
    for a, fs in enumerate(fams):
        for f in fs:
            if df[f] <= common * n:
                post.setdefault(f, []).append(a)
    dot: dict[tuple[int, int], float] = {}
    for f, arts in post.items():
        w = idf[f] ** 2
        for k, a in enumerate(arts):
            for b in arts[k + 1:]:
                dot[a, b] = dot.get((a, b), 0.0) + w
    related = {k for k, v in dot.items() if v / (norm[k[0]] * norm[k[1]]) >= bar}
    art = [st.a for st in sents]

    def keep(x, acc, claim_w, out, _keep=A._keep):
        a = art[x]
        _keep(x, {y: o for y, o in acc.items()
                  if (a, art[y]) in related or (art[y], a) in related}, claim_w, out)
    return keep, len(related) / max(1, n * (n - 1) // 2)


def stories_child(folder: str, bars: str) -> dict:
    """In a fresh process: the matching pairs found when only sentences of one story are
    paired (story_filter, at each bar), against scoring every pair (align.exhaustive())."""
    from tui.engine.corpus import load_corpus
    from tui.engine.stages import align_stage, start
    import tui.engine.align as A

    corpus = load_corpus([folder])

    def pairs() -> tuple[set, float]:
        t0 = cpu()
        an = align_stage(start(corpus), lambda _f: None)
        return matching(an), cpu() - t0

    with A.exhaustive():
        ref, tr = pairs()
    out = {"reference": len(ref), "exhaustive_s": tr, "bars": []}
    for bar in [float(b) for b in bars.split(",") if b]:
        keep, kept = story_filter(corpus, bar)
        saved, A._keep = A._keep, keep
        try:
            got, t = pairs()
        finally:
            A._keep = saved
        out["bars"].append({"bar": bar, "article_pairs": kept, "cpu_s": t,
                            "recall": len(got & ref) / len(ref) if ref else 1.0,
                            "extra": len(got - ref)})
    return out


def matching(an) -> set:
    """The matching pairs of an analysis: two sentences of different articles in one group."""
    out = set()
    for g in an.links.groups():
        for p, (a, i) in enumerate(g):
            for (b, j) in g[p + 1:]:
                if a != b:
                    out.add((a, i, b, j) if (a, i) < (b, j) else (b, j, a, i))
    return out


def run_child(mode: str, folder: str, timeout: float, *extra: str) -> dict | None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        r = subprocess.run([sys.executable, __file__, f"--{mode}", folder, *extra],
                           capture_output=True,
                           text=True, cwd=ROOT, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if r.returncode != 0:
        print(r.stderr[-1500:], file=sys.stderr)
        return None
    return json.loads(r.stdout.strip().splitlines()[-1])


def mmm(xs: list[float], fmt: str) -> str:
    return "/".join(format(v, fmt) for v in (min(xs), statistics.median(xs), max(xs)))


def slope(points: list[tuple[int, float]]) -> float:
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kind", default="real,synth")
    ap.add_argument("--sizes", default="100,500,1000,2000,5000")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--recall", default="500,2000")
    ap.add_argument("--timeout", type=float, default=600, help="per run, seconds")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--recall-child", help=argparse.SUPPRESS)
    ap.add_argument("--stories", default="",
                    help="cosine bars of a blocking by story to measure at the --recall sizes")
    ap.add_argument("--stories-child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(a.child)))
        return 0
    if a.recall_child:
        print(json.dumps(recall_child(a.recall_child)))
        return 0
    if a.stories_child:
        print(json.dumps(stories_child(*a.stories_child)))
        return 0
    sizes = [int(x) for x in a.sizes.split(",") if x]
    recall_sizes = [int(x) for x in a.recall.split(",") if x]
    summary = []
    for kind in [k for k in a.kind.split(",") if k]:
        points = []
        for n in sorted(set(sizes) | set(recall_sizes)):
            with tempfile.TemporaryDirectory() as tmp:
                make_corpus(kind, n, Path(tmp))
                if n in sizes:
                    runs = [r for r in (run_child("child", tmp, a.timeout)
                                        for _ in range(a.rounds)) if r]
                    if not runs:
                        print(f"{kind} {n}: no run finished within {a.timeout:.0f} s", flush=True)
                    else:
                        wall = [r["total"] for r in runs]
                        cpu = [r["cpu"] for r in runs]
                        rss = [r["rss_mib"] for r in runs]
                        st = {k: statistics.median(r["stages"][k] for r in runs)
                              for k in runs[0]["stages"]}
                        sw = {k: statistics.median(r["walls"][k] for r in runs)
                              for k in runs[0]["walls"]}
                        points.append((n, statistics.median(cpu)))
                        print(f"{kind} {n} articles ({runs[0]['sentences']} sentences, "
                              f"{runs[0]['groups']} groups): CPU s min/med/max "
                              f"{mmm(cpu, '.2f')}, wall {mmm(wall, '.2f')}, peak RSS MiB "
                              f"{mmm(rss, '.0f')} (a forked child's "
                              f"{max(r.get('child_rss_mib', 0) for r in runs):.0f}, its pages "
                              f"shared until written); stages' CPU s "
                              + ", ".join(f"{k} {v:.2f}" for k, v in st.items())
                              + "; stages' wall s "
                              + ", ".join(f"{k} {v:.2f}" for k, v in sw.items()), flush=True)
                if n in recall_sizes:
                    r = run_child("recall-child", tmp, a.timeout * 4)
                    if r is None:
                        print(f"{kind} {n}: recall run did not finish", flush=True)
                    else:
                        print(f"{kind} {n} recall of {r['reference']} matching pairs (every "
                              f"pair scored: {r['exhaustive_s']:.1f} s CPU): as run "
                              f"{r['recall']:.4f} ({r['extra']} extra, {r['product_s']:.1f} s),"
                              f" index forced {r['index_recall']:.4f} ({r['index_extra']} "
                              f"extra, {r['index_s']:.1f} s)", flush=True)
                        summary.append(f"{kind} recall@{n} {r['recall']:.4f} "
                                       f"(index {r['index_recall']:.4f})")
                if n in recall_sizes and a.stories:
                    r = run_child("stories-child", tmp, a.timeout * 4, a.stories)
                    for b in (r or {}).get("bars", []):
                        print(f"{kind} {n} blocking by story at cosine {b['bar']}: article "
                              f"pairs kept {b['article_pairs']:.3f}, recall of "
                              f"{r['reference']} matching pairs {b['recall']:.4f} "
                              f"({b['extra']} extra), align {b['cpu_s']:.1f} s CPU "
                              f"(every pair: {r['exhaustive_s']:.1f} s)", flush=True)
        if len(points) >= 2:
            (n0, t0), (n1, t1) = points[0], points[-1]
            pair = math.log(t1 / t0) / math.log(n1 / n0)
            print(f"{kind} growth exponent: {slope(points):.2f} (fit), {pair:.2f} "
                  f"({n0} -> {n1})", flush=True)
            summary.append(f"{kind} exponent {pair:.2f}")
    print("scale: " + "; ".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
