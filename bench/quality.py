"""Quality on the seeds: runs the engine, scores its export against the hand-made gold.

    python bench/quality.py [--gold ../shared/gold/seeds] [--min-align F1] [--misses]

Prints the scorer's summary line.  With --min-align, exits 1 when alignment F1 is lower
(the CI gate).  Exits 0 with a note when the gold folder is absent.
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
    f1 = res["align"]["f1"]
    if a.min_align is not None and f1 < a.min_align:
        print(f"quality gate: alignment F1 {f1:.3f} < {a.min_align:.2f}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
