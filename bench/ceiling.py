"""How far can the alignment evidence go?  A measurement against a gold set, not a test.

    python bench/ceiling.py [--set seeds|newswcl50-event2-...]  (a prefix is enough)
    python bench/ceiling.py --dump-sentences seeds_sents.json
    python bench/ceiling.py --embeddings seeds_emb.npy      (needs numpy)

Over every cross-article pair of the set's sentences it prints:

1. pairwise: the best F1 any single threshold on the engine's pair score reaches
   (precision against every gold pair, recall against the full ones, as the scorer counts);
2. oracle components: split each gold cluster into the connected pieces that pairs scoring
   at least t join, and count the full gold pairs those pieces keep.  This is the recall
   grouping could reach if it never merged two clusters wrongly;
3. best partners: for sentences the gold calls additions and for shared sentences the engine
   leaves alone, their best partner's score, in bands: where the two overlap no threshold
   separates them;
4. the engine itself (grouping, competition, attaching): its F1 as the scorer counts it.

With --embeddings (one unit-length row per sentence, in the order --dump-sentences writes,
from any sentence encoder) it adds the same figures for the embeddings' cosine, for the best
weighted sum of the two fitted on the gold itself (an optimistic ceiling, never a setting),
and for the engine with max(pair score, rescaled cosine) in place of its pair score.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))


def _gold(gold: Path):
    """The scorer's reading of the gold (optional pairs left out of `full` and `every`),
    its optional pairs and neutral sentences, plus its clusters' members."""
    import score_export as S

    units, by_file, full, every, unique = S.load_gold(gold)
    optional = S.load_optional(gold)
    neutral = S.neutral_units(full, every, optional)
    passages = json.loads((gold / "passages.json").read_text(encoding="utf-8"))
    clusters = [[m["id"] for m in c["members"]] for c in passages["clusters"]]
    return units, by_file, full, every, unique, optional, neutral, clusters


def _gold_ids(articles, units, by_file) -> dict[tuple[int, int], str]:
    """(article, sentence) -> the gold unit it overlaps most (as the scorer maps them)."""
    out = {}
    for a, art in enumerate(articles):
        for s in art.sentences:
            out[(a, s.i)] = max(by_file[art.id], key=lambda g: min(s.end, units[g][2])
                                - max(s.start, units[g][1]))
    return out


def _best_f1(scored: list[tuple[float, bool, bool]], n_full: int) -> tuple[float, float, float, float]:
    """(F1, threshold, P, R) of the best single threshold over (score, in every, in full)."""
    best = (0.0, 0.0, 0.0, 0.0)
    tp_e = tp_f = 0
    for k, (sc, e, f) in enumerate(sorted(scored, key=lambda t: -t[0]), 1):
        tp_e += e
        tp_f += f
        p, r = tp_e / k, tp_f / n_full
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 > best[0]:
            best = (f1, sc, p, r)
    return best


def _oracle(clusters, pair_of, full, t: float) -> float:
    kept = set()
    for mem in clusters:
        parent = {g: g for g in mem}

        def root(u):
            while parent[u] != u:
                u = parent[u]
            return u
        for i, a in enumerate(mem):
            for b in mem[i + 1:]:
                if pair_of.get(frozenset((a, b)), 0.0) >= t:
                    parent[root(a)] = root(b)
        for i, a in enumerate(mem):
            for b in mem[i + 1:]:
                if a[:3] != b[:3] and root(a) == root(b):
                    kept.add(frozenset((a, b)))
    return len(kept & full) / len(full)


def _engine_f1(corpus, gold, combine=None) -> tuple[float, float, float, float]:
    """The engine's alignment F1, P, R and additions F1 as the scorer counts them; with
    `combine(sx, sy, lexical) -> score` in place of the pair score (every pair scored)."""
    import score_export as S

    import tui.engine.align as A
    from tui.engine import analyse_corpus
    from tui.engine.export import to_dict

    saved = A.pair_score, A._candidates
    try:
        if combine is not None:
            lexical, candidates = A.pair_score, A._candidates

            def every_pair(sents, ids, art):
                found = candidates(sents, ids, art)
                for p, x in enumerate(ids):
                    for y in ids[p + 1:]:
                        if art[x] != art[y]:
                            # a pair with no word in common enters with a token overlap,
                            # so the grouping's cheap lexical filter lets it through
                            found.setdefault((x, y), 1e9)
                return found

            def score(sx, sy, o):
                return combine(sx, sy, lexical(sx, sy, A.overlap(sx, sy)) if o < 1e9 else 0.0)
            A.pair_score, A._candidates = score, every_pair
        doc = to_dict(analyse_corpus(corpus, annotate=False))
    finally:
        A.pair_score, A._candidates = saved[0], saved[1]
    r = S.score_align(doc, *gold[:7])
    return r["align"]["f1"], r["align"]["p"], r["align"]["r_full"], r["unique"]["all"]["f1"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="seeds", help="a gold set name (bench/quality.py)")
    ap.add_argument("--dump-sentences", default=None, help="write the sentences (JSON) and stop")
    ap.add_argument("--embeddings", default=None, help=".npy, one unit row per sentence")
    a = ap.parse_args()
    from bench.quality import gold_sets

    found = gold_sets([a.set])
    if not found:
        print(f"ceiling: gold set {a.set!r} not found; skipped")
        return 0
    _, gold, corpus_dir = found[0]
    import tui.engine.align as A
    from tui.engine.corpus import load_corpus

    corpus = load_corpus([str(corpus_dir)])
    arts = corpus.articles
    if a.dump_sentences:
        rows = [{"article": k, "i": s.i, "text": art.shown_text(s)}
                for k, art in enumerate(arts) for s in art.sentences]
        Path(a.dump_sentences).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        print(f"{len(rows)} sentences written to {a.dump_sentences}")
        return 0
    gold_data = _gold(gold)
    units, by_file, full, every, unique, optional, neutral, clusters = gold_data
    gid = _gold_ids(arts, units, by_file)
    sents = A._prepare(arts)
    pairs = []   # (x, y, lexical score, gold key)
    for x, sx in enumerate(sents):
        for y in range(x + 1, len(sents)):
            sy = sents[y]
            if sx.a == sy.a:
                continue
            o = A.overlap(sx, sy)
            lex = A.pair_score(sx, sy, o) if o else 0.0
            pairs.append((x, y, lex, frozenset((gid[(sx.a, sx.i)], gid[(sy.a, sy.i)]))))

    def report(name: str, value) -> None:
        f1, t, p, r = _best_f1([(v, k in every, k in full) for *_, v, k in value
                                if k not in optional], len(full))
        print(f"{name}: best single threshold F1 {f1:.3f} (P {p:.3f} R {r:.3f} at {t:.2f})")

    print(f"{len(sents)} sentences, {len(pairs)} cross-article pairs, {len(every)} gold pairs "
          f"({len(full)} full)")
    report("pair score, pairwise", [(x, y, v, k) for x, y, v, k in pairs])
    best_of = defaultdict(float)
    for x, y, v, k in pairs:
        best_of[k] = max(best_of[k], v)
    print("oracle components (gold clusters joined by pairs scoring >= t), full-pair recall: "
          + ", ".join(f"t={t:.2f} {_oracle(clusters, best_of, full, t):.3f}"
                      for t in (0.2, 0.3, 0.4, 0.5)))
    partner = defaultdict(float)
    for x, y, v, k in pairs:
        partner[x] = max(partner[x], v)
        partner[y] = max(partner[y], v)
    from tui.engine import analyse_corpus
    links = analyse_corpus(corpus, annotate=False).links
    bands = ((0.0, 0.2), (0.2, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 1.01))
    kinds = {"gold additions": [], "shared, left alone": []}
    for x, st in enumerate(sents):
        if st.furniture:
            continue
        g = gid[(st.a, st.i)]
        if g in neutral:
            continue
        if g in unique:
            kinds["gold additions"].append(partner[x])
        elif links.is_unique(st.a, st.i):
            kinds["shared, left alone"].append(partner[x])
    print("best partner's score, by band " + " ".join(f"[{lo:.1f},{min(hi, 1):.1f})" for lo, hi in bands))
    for name, vals in kinds.items():
        print(f"  {name:20s} " + " ".join(f"{sum(lo <= v < hi for v in vals):9d}" for lo, hi in bands))
    f1, p, r, u = _engine_f1(corpus, gold_data)
    print(f"engine: alignment F1 {f1:.3f} (P {p:.3f} R {r:.3f}), additions F1 {u:.3f}")
    if not a.embeddings:
        return 0
    import numpy as np

    emb = np.load(a.embeddings)
    row = {(st.a, st.i): k for k, st in enumerate(sents)}
    cos = emb @ emb.T
    cpairs = [(x, y, float(cos[x, y]), k) for x, y, _, k in pairs]
    report("cosine, pairwise", cpairs)
    best = (0.0, 0.0)
    for w in [i / 20 for i in range(21)]:
        f1 = _best_f1([(w * v + (1 - w) * c, k in every, k in full)
                       for (_, _, v, k), (_, _, c, _) in zip(pairs, cpairs)
                       if k not in optional], len(full))[0]
        best = max(best, (f1, w))
    print(f"fitted on the gold, w*pair score + (1-w)*cosine, pairwise: F1 {best[0]:.3f} at w={best[1]:.2f}")
    for c0 in (0.5, 0.6):
        def combine(sx, sy, lex, c0=c0):
            c = float(cos[row[(sx.a, sx.i)], row[(sy.a, sy.i)]])
            return max(lex, max(0.0, (c - c0) / (1 - c0)))
        f1, p, r, u = _engine_f1(corpus, gold_data, combine)
        print(f"engine with max(pair score, cosine rescaled from {c0}): alignment F1 {f1:.3f} "
              f"(P {p:.3f} R {r:.3f}), additions F1 {u:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
