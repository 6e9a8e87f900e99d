"""Alignment errors against a gold folder, listed for classifying (a development aid).

    python bench/align_errors.py [SET ...] [--kind missed,false,unique,classes]

SET is a gold set name (seeds, newswcl50-event2-..., a prefix is enough).  For each set:
- false: predicted pairs the gold has neither as a pair nor as optional, with the pair's
  own score (the engine's pair_score) and both texts;
- missed: full gold pairs the engine did not link, with their pair score;
- unique: gold additions the engine links (wrongly shared) and shared gold sentences the
  engine calls additions (wrongly unique);
- classes: the counts only.  Missed full pairs by how the engine holds the two sentences
  (both in groups, apart: a split; one an addition; both additions) and by their own pair
  score (below the attach floor, up to the grouping threshold, above it); false pairs by
  their own score (above the threshold: a direct link; from the attach floor: a loose
  link; below it: joined through the rest of the group).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))

from bench.quality import gold_sets  # noqa: E402


def main() -> int:
    import score_export as S

    import tui.engine.align as A
    from tui.engine import analyse_corpus
    from tui.engine.corpus import load_corpus
    from tui.engine.export import to_dict

    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--kind", default="missed,false,unique")
    a = ap.parse_args()
    kinds = set(a.kind.split(","))
    for name, gold, corpus_dir in gold_sets(a.sets or None):
        corpus = load_corpus([str(corpus_dir)])
        an = analyse_corpus(corpus, annotate=False)
        doc = to_dict(an)
        units, by_file, full, every, unique = S.load_gold(gold)
        optional = S.load_optional(gold)
        m = S.map_sentences(doc, units, by_file)
        text = {}
        back = {}
        for art in doc["articles"]:
            for s in art["sentences"]:
                g = m[(art["id"], s["i"])]
                text[g] = (s["role"] or "") and f"[{s['role']}] "
                text[g] += s["text"]
                back.setdefault(g, (art["id"], s["i"]))
        sents = A._prepare(corpus.articles)
        idx = {(corpus.articles[st.a].id, st.i): x for x, st in enumerate(sents)}

        def sc(g1, g2):
            if g1 not in back or g2 not in back:
                return float("nan")
            sx, sy = sents[idx[back[g1]]], sents[idx[back[g2]]]
            return A.pair_score(sx, sy, A.overlap(sx, sy))

        pred = set()
        status = {}
        for art in doc["articles"]:
            for s in art["sentences"]:
                g = m[(art["id"], s["i"])]
                status[g] = s["status"]
                for mt in s["matches"]:
                    h = m[(mt["article"], mt["i"])]
                    if g and h and units[g][0] != units[h][0]:
                        pred.add(frozenset((g, h)))
        print(f"==== {name}")
        if "false" in kinds:
            bad = sorted(tuple(sorted(p)) for p in pred - every - optional)
            print(f"-- false pairs ({len(bad)})")
            for g1, g2 in bad:
                print(f"  {g1} {g2} score {sc(g1, g2):.2f}\n     {text[g1][:150]}\n     {text[g2][:150]}")
        if "missed" in kinds:
            miss = sorted(tuple(sorted(p)) for p in full - pred)
            print(f"-- missed full pairs ({len(miss)})")
            for g1, g2 in miss:
                print(f"  {g1} {g2} score {sc(g1, g2):.2f}\n     {text.get(g1, '?')[:150]}\n     {text.get(g2, '?')[:150]}")
        if "classes" in kinds:
            t, floor = A.PARAMS["threshold"], A.PARAMS["attach"]

            def band(v: float) -> str:
                return f"<{floor}" if v < floor else f"<{t}" if v < t else f">={t}"

            missed: Counter = Counter()
            for g1, g2 in (tuple(sorted(p)) for p in full - pred):
                held = sum(status.get(g) == "shared" for g in (g1, g2))
                missed[(("both additions", "one an addition", "both in groups")[held],
                        band(sc(g1, g2)))] += 1
            print(f"-- missed full pairs by class ({sum(missed.values())})")
            for (how, b), c in sorted(missed.items()):
                print(f"  {how:16s} score {b:6s} {c}")
            false: Counter = Counter()
            for g1, g2 in (tuple(sorted(p)) for p in pred - every - optional):
                v = sc(g1, g2)
                false["direct" if v >= t else "loose" if v >= floor else "through the group"] += 1
            print(f"-- false pairs by class ({sum(false.values())}): "
                  + ", ".join(f"{k} {c}" for k, c in sorted(false.items())))
        if "unique" in kinds:
            neutral = S.neutral_units(full, every, optional)
            print("-- gold additions linked")
            for g in sorted(unique):
                if status.get(g) == "shared" and g not in neutral:
                    print(f"  {g} {text[g][:150]}")
            print("-- gold shared left unique")
            linked = {g for p in full for g in p}
            for g in sorted(linked):
                if status.get(g) == "unique":
                    print(f"  {g} {text[g][:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
