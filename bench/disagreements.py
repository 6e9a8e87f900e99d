"""How real the overview's disagreements are: each gold set's hand-listed discrepancies
(discrepancies.json: numbers, names, titles, quote wording, attribution ...) against the
disagreements the overview reports (tui/report/overview.py).

    python bench/disagreements.py [--only NAME] [--list]

A reported disagreement is *confirmed* when two of its variants stand in sentences that
hold two different variants of one gold discrepancy (the sentence overlaps the variant's
span).  Precision: confirmed / reported.  Recall: gold discrepancies of the kinds the
overview looks for (number, name, title, quote wording, attribution) that some reported
disagreement confirms.  Gold sets without a discrepancies.json are skipped.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.quality import gold_sets  # noqa: E402

KINDS = ("number", "name", "title", "quote", "attribution")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="")
    ap.add_argument("--list", action="store_true", help="print every reported disagreement")
    args = ap.parse_args()
    from tui.pipeline import open_analysis
    from tui.report.overview import overview

    for name, gold, corpus in gold_sets([x for x in args.only.split(",") if x] or None):
        path = gold / "discrepancies.json"
        if not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data["discrepancies"] if isinstance(data, dict) else data
        wanted = [d for d in items if any(k in d.get("type", "") for k in KINDS)]
        an = open_analysis([str(corpus)], cache=False)
        by_file = {Path(a.path).name: k for k, a in enumerate(an.articles)}

        def variants_at(a: int, i: int, d) -> set[int]:
            s = an.articles[a].sentences[i]
            return {k for k, v in enumerate(d["variants"])
                    if by_file.get(v["file"]) == a and v["start"] < s.end and s.start < v["end"]}

        ov = overview(an)
        confirmed, found = 0, set()
        for dis in ov.disagreements:
            ok = False
            for g, d in enumerate(items):
                hit = [set().union(*(variants_at(a, i, d) for a, i in v.places))
                       for v in dis.variants]
                per_variant = [h for h in hit if h]
                if len(per_variant) >= 2 and len(set().union(*per_variant)) >= 2:
                    ok = True
                    found.add(g)
            confirmed += ok
            if args.list:
                words = " / ".join(v.words for v in dis.variants)
                print(f"  {'+' if ok else '-'} {dis.kind:8} {words[:90]}")
        n = len(ov.disagreements)
        recall = len([g for g in found if items[g] in wanted])
        print(f"{name:48} reported {n:3}  confirmed {confirmed:3}  precision "
              f"{confirmed / n if n else 1:.2f}  |  gold {len(wanted):3} of these kinds, "
              f"found {recall:3}  recall {recall / len(wanted) if wanted else 1:.2f}")


if __name__ == "__main__":
    main()
