"""One very long article: analysis time per stage at 1, 5 and 20 MB (issue: no quadratic stage).

    python bench/big_article.py [--sizes 1,5,20] [--only quotes] [--source prose|seeds]
                                [--with-seeds] [--repeat N] [--profile OUT.prof]

--source prose (the default): real news copy, every distinct article at hand (the shared
attribution set, the shared corpora, the seeds: about 1.1 MB of quotations, cues, names,
headlines and paragraphs) laid end to end; past that, each further pass renames the people
and places (every capitalised word mapped to another of the pool) and shifts the numbers,
and lightly edits a third of the sentences, so the sentences stay distinct as in one real
long text.  --source seeds: the five seeds repeated verbatim (every sentence hundreds of
times: the case of many identical sentences).  Written to a temporary folder.  Each size
runs in a fresh process (--repeat N times; min and median shown): load + segment, then
every stage of tui.engine.stages (align, quotes, topics), each timed in CPU seconds
(steadier than wall time on a shared machine); the total, the wall time, and the peak RSS.
--only NAME times load and that stage alone; --with-seeds puts the five seeds
beside the long article (alone, an article is not aligned: nothing to align it with).  Target: a 5 MB article analysed in <= 10 s;
every stage near-linear (20 MB about four times 5 MB).  Compare runs made back to back.
synopsis refuses an article longer than tui.engine.load.MAX_CHARS; the bench lifts that
limit to measure past it.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


SHARED = ROOT.parent / "shared"
CAP = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]{2,}\b")
NUM = re.compile(r"\b\d{1,4}\b")


def sources(kind: str) -> list[str]:
    """The distinct texts the article is made of."""
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    if kind == "prose":
        paths = (sorted((SHARED / "gold" / "attribution" / "articles").glob("*.txt"))
                 + sorted((SHARED / "corpora").glob("*/*.txt")) + paths)
    return [p.read_text(encoding="utf-8") for p in paths]


def variant(text: str, k: int, pool: list[str], rng: random.Random) -> str:
    """Pass k of the texts: names renamed, numbers shifted, some sentences edited."""
    if k == 0:
        return text
    text = CAP.sub(lambda m: pool[(zlib.crc32(m.group().encode()) + 7919 * k) % len(pool)], text)
    text = NUM.sub(lambda m: str(int(m.group()) + k), text)
    out = []
    for para in text.split("\n\n"):
        words = para.split(" ")
        if len(words) > 8 and rng.random() < 0.33:
            j = rng.randrange(1, len(words) - 2)
            words[j], words[j + 1] = words[j + 1], words[j]
        out.append(" ".join(words))
    return "\n\n".join(out)


def make(folder: Path, mb: float, kind: str = "prose") -> Path:
    texts = sources(kind)
    size = int(mb * 1_000_000)
    rng = random.Random(15)
    pool = sorted({m.group() for t in texts for m in CAP.finditer(t)})
    parts: list[str] = []
    got, k = 0, 0
    while got < size:
        for t in texts:
            t = variant(t, k, pool, rng) if kind == "prose" else t
            parts.append(t)
            got += len(t.encode("utf-8")) + 2
            if got >= size:
                break
        k += 1
    text = "\n\n".join(parts)
    while len(text.encode("utf-8")) > size:
        text = text[: -max(1, (len(text.encode("utf-8")) - size) // 2)]
    path = folder / "long.txt"
    path.write_text(text, encoding="utf-8")
    return path


def one(mb: float, only: str | None, kind: str, profile: str | None, seeds: bool) -> dict:
    from tui.engine import load
    from tui.engine.corpus import load_corpus
    from tui.engine.stages import STAGES, start

    load.MAX_CHARS = sys.maxsize   # measured past the limit synopsis itself sets
    prof = None
    if profile:
        import cProfile
        prof = cProfile.Profile(time.process_time)
    with tempfile.TemporaryDirectory() as tmp:
        path = make(Path(tmp), mb, kind)
        out: dict = {"mb": mb}
        if prof:
            prof.enable()
        wall = time.perf_counter()
        t = time.process_time()
        corpus = load_corpus([str(path)] + ([str(ROOT / "seeds")] if seeds else []))
        out["load"] = time.process_time() - t
        out["sentences"] = sum(len(a.sentences) for a in corpus.articles)
        an = start(corpus)
        for st in STAGES:
            if only and st.name != only:
                continue
            t = time.process_time()
            an = st.run(an, lambda _f: None)
            out[st.name] = time.process_time() - t
        out["wall"] = time.perf_counter() - wall
        if prof:
            prof.disable()
            prof.dump_stats(profile)
        out["quotes_found"] = len(an.quotes)
    out["total"] = sum(v for k, v in out.items() if k in ("load", "align", "quotes", "topics"))
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


STAGE_KEYS = ("load", "align", "quotes", "topics", "total")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,5,20", help="article sizes in MB, comma-separated")
    ap.add_argument("--only", default=None, help="time load and this stage only (align, "
                    "quotes, topics)")
    ap.add_argument("--source", default="prose", choices=("prose", "seeds"),
                    help="distinct real prose (default) or the seeds repeated verbatim")
    ap.add_argument("--repeat", type=int, default=1, help="runs per size (min and median)")
    ap.add_argument("--profile", default=None, help="cProfile stats of the (single) run here")
    ap.add_argument("--with-seeds", action="store_true",
                    help="the five seeds beside the long article (it is then aligned)")
    ap.add_argument("--child", type=float, default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child is not None:
        print(json.dumps(one(a.child, a.only, a.source, a.profile, a.with_seeds)))
        return 0
    for mb in (float(x) for x in a.sizes.split(",")):
        runs = []
        for _ in range(max(1, a.repeat)):
            args = [sys.executable, __file__, "--child", str(mb), "--source", a.source]
            args += (["--only", a.only] if a.only else []) + (
                ["--with-seeds"] if a.with_seeds else []) + (
                ["--profile", a.profile] if a.profile else [])
            r = subprocess.run(args, capture_output=True, text=True)
            if r.returncode != 0:
                print(f"{mb:g} MB: failed\n{r.stderr}")
                return 1
            runs.append(json.loads(r.stdout.strip().splitlines()[-1]))
        res = runs[0]

        def fig(k: str) -> str:
            v = sorted(x[k] for x in runs)
            if len(v) == 1:
                return f"{k} {v[0]:.1f}s"
            return f"{k} {v[0]:.1f}/{statistics.median(v):.1f}s"

        stages = "  ".join(fig(k) for k in STAGE_KEYS if k in res)
        print(f"{mb:>5g} MB {a.source}{' +seeds' if a.with_seeds else ''}"
              f" ({res['sentences']} sentences)  CPU"
              f"{' min/median' if len(runs) > 1 else ''}: {stages}"
              f"  (wall {min(x['wall'] for x in runs):.1f}s)  quotations {res['quotes_found']}"
              f"  peak RSS {max(x['rss_mb'] for x in runs):.0f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
