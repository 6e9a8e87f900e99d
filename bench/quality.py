"""Quality on every hand-made gold set: runs the engine, scores its export, one line a set.

    python bench/quality.py [--only NAME[,NAME]] [--no-attribution] [--misses]
                            [--errors N] [--gates bench/gates.txt]

The gold sets are found under ../shared/gold: `seeds` (the bundled corpus), every
`newswcl50-*` folder whose texts are in ../shared/corpora under the same name, and
`attribution` (PolNeAR: 1,726 quoted attributions in 222 articles).  Each is scored with
the shared scorers (../shared/tools/score_export.py, score_attribution.py) and printed as
one line.

--gates FILE checks floors: lines `SET METRIC FLOOR` (`#` comments).  SET is a gold set
name (`seeds`, `newswcl50-event2-...`), `newswcl50-*` for every such set, or
`attribution`.  METRIC is one of: pair, partner, unique, quote_recall, quote_precision,
speaker, topics (export sets); recall, precision, speaker (attribution).  Exits 1 when a
figure is below its floor (CI runs it), 0 with a note when ../shared is absent.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

EXPORT_METRICS = {
    "pair": lambda r: r["align"]["f1"],
    "partner": lambda r: r["partner"]["f1"],
    "unique": lambda r: r["unique"]["all"]["f1"],
    "quote_recall": lambda r: r["quotes"]["recall"],
    "quote_precision": lambda r: r["quotes"]["precision"],
    "speaker": lambda r: r["quotes"]["speaker_acc"],
    "topics": lambda r: r["topics"]["f1"],
}
_ATTR = re.compile(r"quote recall ([\d.]+) \| precision \(lower bound\) ([\d.]+) "
                   r"\| speaker accuracy ([\d.]+)")


def gold_sets(only: list[str] | None) -> list[tuple[str, Path, Path]]:
    """(name, gold folder, corpus folder) for every export-scored gold set present."""
    gold = SHARED / "gold"
    out = []
    if (gold / "seeds").is_dir():
        out.append(("seeds", gold / "seeds", ROOT / "seeds"))
    for g in sorted(gold.glob("newswcl50-*")):
        corpus = SHARED / "corpora" / g.name
        if g.is_dir() and corpus.is_dir():
            out.append((g.name, g, corpus))
    if only:
        out = [x for x in out if any(fnmatch.fnmatch(x[0], o) or x[0].startswith(o) for o in only)]
    return out


def export_json(paths: list[str]) -> str:
    from tui.engine import analyse
    from tui.engine.export import to_json

    return to_json(analyse(paths))


def score_export(name: str, gold: Path, corpus: Path, misses: bool) -> dict | None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.json"
        out.write_text(export_json([str(corpus)]), encoding="utf-8")
        args = [sys.executable, str(SHARED / "tools" / "score_export.py"), str(out), str(gold),
                "--json"] + (["--misses"] if misses else [])
        r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"{name}: scorer failed\n{r.stdout}{r.stderr}")
        return None
    text = r.stdout
    start, end = text.index("{"), text.rindex("}") + 1
    res = json.loads(text[start:end])
    summary = text.strip().splitlines()[-1]
    if misses:
        print(f"== {name}\n{text[end:].strip()}")
    print(f"{name:<48} {summary}")
    return {m: f(res) for m, f in EXPORT_METRICS.items()}


def score_attribution(errors: int) -> dict | None:
    gold = SHARED / "gold" / "attribution"
    if not (gold / "gold.jsonl").is_file():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "attribution.json"
        out.write_text(export_json([str(gold / "articles")]), encoding="utf-8")
        args = [sys.executable, str(SHARED / "tools" / "score_attribution.py"), str(out),
                str(gold / "gold.jsonl")] + (["--errors", str(errors)] if errors else [])
        r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"attribution: scorer failed\n{r.stdout}{r.stderr}")
        return None
    lines = r.stdout.strip().splitlines()
    if errors:
        print("\n".join(lines[:-1]))
    print(f"{'attribution':<48} {lines[-1]}")
    m = _ATTR.search(lines[-1])
    if not m:
        return None
    return {"recall": float(m[1]), "precision": float(m[2]), "speaker": float(m[3])}


def read_gates(path: Path) -> list[tuple[str, str, float]]:
    gates = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 3:
            raise SystemExit(f"{path}:{n}: expected 'SET METRIC FLOOR', got {line!r}")
        gates.append((parts[0], parts[1], float(parts[2])))
    return gates


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default=None, help="comma-separated gold set names or patterns")
    ap.add_argument("--no-attribution", action="store_true")
    ap.add_argument("--misses", action="store_true", help="print the scorer's misses per set")
    ap.add_argument("--errors", type=int, default=0, help="attribution: print the first N errors")
    ap.add_argument("--gates", default=None, metavar="FILE")
    a = ap.parse_args()
    if not (SHARED / "tools" / "score_export.py").is_file():
        print(f"quality: {SHARED} not found; skipped")
        return 0
    only = a.only.split(",") if a.only else None
    results: dict[str, dict] = {}
    for name, gold, corpus in gold_sets(only):
        got = score_export(name, gold, corpus, a.misses)
        if got is None:
            return 1
        results[name] = got
    if not a.no_attribution and (only is None or "attribution" in only):
        got = score_attribution(a.errors)
        if got is not None:
            results["attribution"] = got
    if not a.gates:
        return 0
    failed = 0
    for pattern, metric, floor in read_gates(Path(a.gates)):
        names = [n for n in results if fnmatch.fnmatch(n, pattern)]
        for name in names:
            got = results[name].get(metric)
            if got is None:
                print(f"quality gate: {name} has no metric {metric!r}")
                failed += 1
            elif got + 1e-9 < floor:
                print(f"quality gate: {name} {metric} {got:.3f} < {floor:.3f}")
                failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
