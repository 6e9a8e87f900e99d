"""Quality on the seeds: runs the engine, scores its export against the hand-made gold.

    python bench/quality.py [--gold ../shared/gold/seeds] [--misses]
                            [--min-align F1] [--min-unique F1] [--min-quotes R,P,SPK]
                            [--min-topics F1]

Prints the scorer's summary line.  Each --min-* is a gate: exits 1 when the figure is lower
(CI runs it).  Exits 0 with a note when the gold folder is absent.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "gold" / "seeds"))
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "tools" / "score_export.py"))
    ap.add_argument("--min-align", type=float, default=None)
    ap.add_argument("--min-unique", type=float, default=None)
    ap.add_argument("--min-quotes", default=None, help="recall,precision,speaker accuracy")
    ap.add_argument("--min-topics", type=float, default=None)
    ap.add_argument("--misses", action="store_true")
    a = ap.parse_args()
    if not Path(a.gold).is_dir() or not Path(a.scorer).is_file():
        print(f"quality: gold or scorer not found ({a.gold}); skipped")
        return 0
    from tui.engine import analyse
    from tui.engine.export import to_json

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seeds.json"
        out.write_text(to_json(analyse([str(ROOT / "seeds")])), encoding="utf-8")
        args = [sys.executable, a.scorer, str(out), a.gold, "--json"] + (["--misses"] if a.misses else [])
        r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stdout + r.stderr)
        return 1
    text = r.stdout
    summary = text.strip().splitlines()[-1]
    start, end = text.index("{"), text.rindex("}") + 1
    res = json.loads(text[start:end])
    if a.misses:
        print(text[end:].strip())
    else:
        print(summary)
    checks = []
    if a.min_align is not None:
        checks.append(("alignment F1", res["align"]["f1"], a.min_align))
    if a.min_unique is not None:
        checks.append(("additions (unique) F1", res["unique"]["all"]["f1"], a.min_unique))
    if a.min_quotes:
        r, p, spk = (float(x) for x in a.min_quotes.split(","))
        q = res["quotes"]
        checks += [("quote recall", q["recall"], r), ("quote precision", q["precision"], p),
                   ("speaker accuracy", q["speaker_acc"], spk)]
    if a.min_topics is not None:
        checks.append(("topics F1", res["topics"]["f1"], a.min_topics))
    failed = [(name, got, need) for name, got, need in checks if got < need]
    for name, got, need in failed:
        print(f"quality gate: {name} {got:.3f} < {need:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
