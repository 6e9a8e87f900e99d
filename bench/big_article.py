"""One very long article: analysis time per stage at 1, 5 and 20 MB (issue: no quadratic stage).

    python bench/big_article.py [--sizes 1,5,20] [--only quotes]

The article is the bundled seeds laid end to end until it reaches the size (real news copy:
quotations, cues, names, headlines), written to a temporary folder.  Each size runs in a
fresh process: load + segment, then every stage of tui.engine.stages (align, quotes,
topics), each timed in CPU seconds (steadier than wall time on a shared machine); the
total, the wall time, and the peak RSS.  --only NAME times load and that stage
alone.  Target: a 5 MB article analysed in <= 10 s; the quotes stage near-linear (20 MB
about four times 5 MB).  Compare runs made back to back.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make(folder: Path, mb: float) -> Path:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    src = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds)
    size = int(mb * 1_000_000)
    reps = size // len(src.encode("utf-8")) + 1
    text = "\n\n".join([src] * reps)
    while len(text.encode("utf-8")) > size:
        text = text[: -max(1, (len(text.encode("utf-8")) - size) // 2)]
    path = folder / "long.txt"
    path.write_text(text, encoding="utf-8")
    return path


def one(mb: float, only: str | None) -> dict:
    from tui.engine.corpus import load_corpus
    from tui.engine.stages import STAGES, start

    with tempfile.TemporaryDirectory() as tmp:
        path = make(Path(tmp), mb)
        out: dict = {"mb": mb}
        wall = time.perf_counter()
        t = time.process_time()
        corpus = load_corpus([str(path)])
        out["load"] = time.process_time() - t
        an = start(corpus)
        for st in STAGES:
            if only and st.name != only:
                continue
            t = time.process_time()
            an = st.run(an, lambda _f: None)
            out[st.name] = time.process_time() - t
        out["quotes_found"] = len(an.quotes)
        out["wall"] = time.perf_counter() - wall
    out["total"] = sum(v for k, v in out.items() if k in ("load", "align", "quotes", "topics"))
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,5,20", help="article sizes in MB, comma-separated")
    ap.add_argument("--only", default=None, help="time load and this stage only (align, "
                    "quotes, topics)")
    ap.add_argument("--child", type=float, default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child is not None:
        print(json.dumps(one(a.child, a.only)))
        return 0
    for mb in (float(x) for x in a.sizes.split(",")):
        args = [sys.executable, __file__, "--child", str(mb)] + (["--only", a.only] if a.only else [])
        r = subprocess.run(args, capture_output=True, text=True)
        if r.returncode != 0:
            print(f"{mb:g} MB: failed\n{r.stderr}")
            return 1
        res = json.loads(r.stdout.strip().splitlines()[-1])
        stages = "  ".join(f"{k} {res[k]:.1f}s" for k in ("load", "align", "quotes", "topics")
                           if k in res)
        print(f"{mb:>5g} MB  CPU: {stages}  total {res['total']:.1f}s  (wall {res['wall']:.1f}s)"
              f"  quotations {res['quotes_found']}  peak RSS {res['rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
