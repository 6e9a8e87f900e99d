"""Synthetic corpora made from the seeds' sentences with small edits (seeded RNG).

    python bench/synth.py OUT_DIR --articles 100 [--sentences 40] [--seed 7]

Each article: a headline and 40 body sentences drawn from the seeds' sentence pool, in runs
(wire copy keeps passages together), one or two sentences a paragraph, each sentence lightly
edited with some probability: a word dropped or duplicated, two words swapped, a number
changed, quote marks restyled, an attribution tag added.  Deterministic for a given seed.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TAGS = [", officials said", ", according to reports", ", a spokesperson said", " on Friday"]


def pool(seeds: Path) -> list[str]:
    from tui.engine.corpus import load_corpus

    out = []
    for art in load_corpus([str(seeds)]).articles:
        for s in art.sentences:
            if not s.boilerplate and len(s.text.split()) >= 5:
                out.append(art.shown_text(s))
    return out


def edit(s: str, rng: random.Random) -> str:
    words = s.split()
    r = rng.random()
    if r < 0.15 and len(words) > 6:
        del words[rng.randrange(1, len(words) - 1)]
    elif r < 0.30 and len(words) > 6:
        k = rng.randrange(1, len(words) - 2)
        words[k], words[k + 1] = words[k + 1], words[k]
    elif r < 0.40:
        nums = [k for k, w in enumerate(words) if re.fullmatch(r"\d+[.,]?", w)]
        if nums:
            k = rng.choice(nums)
            words[k] = str(rng.randint(2, 99)) + words[k][-1:].strip("0123456789")
    elif r < 0.50:
        s2 = " ".join(words).translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
        return s2
    elif r < 0.60:
        body = " ".join(words).rstrip(".")
        return body + rng.choice(TAGS) + "."
    return " ".join(words)


def make(out: Path, n_articles: int, n_sent: int = 40, seed: int = 7,
         seeds: Path = ROOT / "seeds") -> list[Path]:
    rng = random.Random(seed)
    sents = pool(seeds)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for a in range(n_articles):
        chosen: list[str] = []
        while len(chosen) < n_sent:
            start = rng.randrange(len(sents))
            run = rng.randint(1, 5)
            chosen.extend(sents[start:start + run])
        chosen = [edit(s, rng) if rng.random() < 0.5 else s for s in chosen[:n_sent]]
        lines = [f"Synthetic report {a}: {rng.choice(sents)[:60].rstrip()}", ""]
        k = 0
        while k < len(chosen):
            take = rng.choice((1, 1, 2))
            lines.append(" ".join(chosen[k:k + take]))
            lines.append("")
            k += take
        p = out / f"a{a:04d}.txt"
        p.write_text("\n".join(lines), encoding="utf-8")
        paths.append(p)
    return paths


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--sentences", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    paths = make(Path(a.out), a.articles, a.sentences, a.seed)
    print(f"synth: {len(paths)} articles in {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
