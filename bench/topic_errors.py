"""Where co-topic F1 is lost, by error class, against every gold set.  A measurement.

    python bench/topic_errors.py [--set seeds|newswcl50-event2-...]  (a prefix is enough)

Per gold set (scored as ../shared/tools/score_export.py scores topics: pairs of gold
sentences that share a topic), it prints:

1. the engine's co-topic F1, precision and recall;
2. pairs by how the two sentences stand: one alignment unit, one paragraph, one article,
   different articles: right (TP), wrongly together (FP), wrongly apart (FN);
3. over-merging: the pairs of gold topics most often put together; over-splitting: the
   gold topics whose pairs are most often put apart; gold sentences left with no topic;
4. sub-story boundaries inside articles: at paragraph breaks and inside paragraphs, how
   often the gold changes topic, the engine does, and both do;
5. ceilings: every alignment unit given its gold-majority topic (what the units allow),
   and the engine's own runs of sentences (a topic's consecutive sentences in one article)
   each given its gold-majority topic (what perfect linking of the engine's runs across
   and within articles would reach).  Both read the gold: ceilings, never settings.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))


def _gold_topics(gold: Path) -> dict[str, set[str]]:
    """Gold sentence id -> its topics (as the scorer reads topics.json)."""
    out: dict[str, set[str]] = {}
    for top in json.loads((gold / "topics.json").read_text(encoding="utf-8"))["topics"]:
        for it in top["items"]:
            for s in it.get("sentences", [it] if "id" in it else []):
                out.setdefault(s["id"], set()).add(top["id"])
    return out


def _gold_ids(an, gold: Path) -> dict[tuple[int, int], str | None]:
    """(article, sentence) -> the gold unit it overlaps most, as the scorer maps them."""
    import score_export as S

    units, by_file, *_ = S.load_gold(gold)
    out: dict[tuple[int, int], str | None] = {}
    for a, art in enumerate(an.articles):
        for s in art.sentences:
            best, most = None, 0
            for g in by_file.get(art.id, []):
                ov = S.overlap(s.start, s.end, units[g][1], units[g][2])
                if ov > most:
                    best, most = g, ov
            out[(a, s.i)] = best
    return out


def _f1(gold_t: dict[str, set[str]], pred: dict[str, set[str]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for x, y in combinations(sorted(gold_t), 2):
        g = bool(gold_t[x] & gold_t[y])
        p = bool(pred.get(x, set()) & pred.get(y, set()))
        tp += g and p
        fp += p and not g
        fn += g and not p
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return (2 * prec * rec / (prec + rec) if prec + rec else 0.0), prec, rec


def _oracle(groups, gid, gold_t) -> float:
    """F1 when every group of (article, sentence) takes its gold-majority topic."""
    pred: dict[str, set[str]] = {}
    for grp in groups:
        votes = Counter(t for x in grp if gid[x] in gold_t for t in gold_t[gid[x]])
        if votes:
            best = min(votes, key=lambda t: (-votes[t], t))
            for x in grp:
                if gid[x] is not None:
                    pred.setdefault(gid[x], set()).add(best)
    return _f1(gold_t, pred)[0]


def report(name: str, gold: Path, corpus: Path) -> None:
    from tui.engine import analyse

    an = analyse([str(corpus)])
    gold_t = _gold_topics(gold)
    gid = _gold_ids(an, gold)
    arts = an.articles
    unit: dict[tuple[int, int], int] = {}
    for u, g in enumerate(an.links.groups()):
        unit.update({x: u for x in g})
    topics = {x: set(an.topics_of(*x)) for x in gid}
    pred: dict[str, set[str]] = {}
    for x, g in gid.items():
        if g is not None:
            pred.setdefault(g, set()).update(topics[x])
    f1, p, r = _f1(gold_t, pred)
    print(f"== {name}: co-topic F1 {f1:.3f} (P {p:.3f} R {r:.3f}), "
          f"{len(an.topics)} topics, gold {len({t for ts in gold_t.values() for t in ts})}")

    # one engine sentence per gold sentence (the first), for the pair classes
    first: dict[str, tuple[int, int]] = {}
    for x, g in gid.items():
        if g in gold_t:
            first.setdefault(g, x)
    para = {(a, s.i): s.paragraph for a, art in enumerate(arts) for s in art.sentences}
    classes: Counter = Counter()
    merged: Counter = Counter()
    split: Counter = Counter()
    for g, h in combinations(sorted(first), 2):
        x, y = first[g], first[h]
        same_g = bool(gold_t[g] & gold_t[h])
        same_p = bool(pred.get(g, set()) & pred.get(h, set()))
        if not (same_g or same_p):
            continue
        if x in unit and unit.get(y) == unit[x]:
            rel = "one unit"
        elif x[0] == y[0]:
            rel = "one paragraph" if para[x] == para[y] else "one article"
        else:
            rel = "across articles"
        kind = "TP" if same_g and same_p else "FP" if same_p else "FN"
        classes[(rel, kind)] += 1
        if kind == "FP":
            merged[tuple(sorted((min(gold_t[g]), min(gold_t[h]))))] += 1
        elif kind == "FN":
            split[min(gold_t[g] & gold_t[h])] += 1
    for rel in ("one unit", "one paragraph", "one article", "across articles"):
        print(f"  {rel:<16} TP {classes[(rel, 'TP')]:5d}  FP {classes[(rel, 'FP')]:5d}  "
              f"FN {classes[(rel, 'FN')]:5d}")
    print("  over-merged gold topics (FP pairs):",
          ", ".join(f"{a}+{b} {n}" for (a, b), n in merged.most_common(5)))
    print("  over-split gold topics (FN pairs):",
          ", ".join(f"{t} {n}" for t, n in split.most_common(5)))
    print(f"  gold sentences with no topic: {sum(1 for g in gold_t if not pred.get(g))}"
          f" of {len(gold_t)}")

    # boundaries inside articles
    bounds: Counter = Counter()
    runs: list[list[tuple[int, int]]] = []
    for a, art in enumerate(arts):
        body = [s for s in art.sentences if not s.boilerplate]
        for s, t in zip(body, body[1:]):
            gs, gt = gold_t.get(gid[(a, s.i)]), gold_t.get(gid[(a, t.i)])
            if gs is None or gt is None:
                continue
            where = "inside a paragraph" if s.paragraph == t.paragraph else "at a paragraph break"
            bounds[(where, not gs & gt, not topics[(a, s.i)] & topics[(a, t.i)])] += 1
        cur: list[tuple[int, int]] = []
        last: set[str] = set()
        for s in art.sentences:
            ts = topics[(a, s.i)]
            if not ts:
                continue
            if cur and ts != last:
                runs.append(cur)
                cur = []
            cur.append((a, s.i))
            last = ts
        if cur:
            runs.append(cur)
    for where in ("inside a paragraph", "at a paragraph break"):
        g_n = bounds[(where, True, True)] + bounds[(where, True, False)]
        e_n = bounds[(where, True, True)] + bounds[(where, False, True)]
        n = sum(v for k, v in bounds.items() if k[0] == where)
        print(f"  topic changes {where}: gold {g_n}, engine {e_n}, both "
              f"{bounds[(where, True, True)]} (of {n})")

    units = [list(g) for g in an.links.groups()]
    units += [[x] for x in gid if x not in unit]
    print(f"  ceilings: units with their gold topic {_oracle(units, gid, gold_t):.3f}; "
          f"the engine's {len(runs)} runs with their gold topic {_oracle(runs, gid, gold_t):.3f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default=None, help="a gold set name or its prefix")
    a = ap.parse_args()
    from bench.quality import SHARED, gold_sets

    if not (SHARED / "tools" / "score_export.py").is_file():
        print(f"topic_errors: {SHARED} not found; skipped")
        return 0
    for name, gold, corpus in gold_sets([a.set] if a.set else None):
        report(name, gold, corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
