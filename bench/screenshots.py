"""Re-make the SVG screenshots in screenshots/ (shown in the README).

    python bench/screenshots.py [PATH...] [--out screenshots]

Runs the reader headless on PATH (default: the bundled seeds) and saves:
  main.svg       five panes at 200x50, the cursor on a sentence several sources share
                 with words that differ (the first such sentence of the first article)
  main-80x24.svg the same corpus on a small terminal: two panes, the cursor on an addition
  parallels.svg  Enter on that sentence: how each source puts it
  help.svg       the keys and the legend
  speakers.svg   s: the speaker picker (quotes per source)
  speaker-filter.svg   the panes reduced to the sentences quoting the speaker quoted in
                 the most sources, quotes in italics, synchronised
  quotes.svg     c: that speaker's statements, every source's wording, differences marked
  search.svg     / and a word of one of that speaker's quotes, matches marked across panes
  demo.svg       --demo: more space between sentences, the keys beside the panes
  aligned.svg    a: the aligned rows at 200x50 (each shared statement one band, filler ·,
                 moved ↕), the cursor on the first statement four sources share in a band
  overview.svg   v: the overview (headlines, what most share, what one has, disagreements)
  facts.svg      d: changed words marked only where they are facts, three wider panes (+ +)
The sentence is chosen from the analysis, not by number, so the script keeps working
as the engine's alignment changes.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def top_speaker(analysis) -> str | None:
    """The speaker quoted in the most sources (then the most often)."""
    by: dict[str, list[int]] = {}
    for q in analysis.quotes:
        if q.speaker:
            by.setdefault(q.speaker, []).append(q.article)
    if not by:
        return None
    return max(by, key=lambda n: (len(set(by[n])), len(by[n])))


def search_word(analysis, speaker: str | None) -> str:
    """A longish word of the speaker's longest quote (else of the first sentence)."""
    qs = [q.text for q in analysis.quotes if q.speaker == speaker] or \
        [analysis.articles[0].sentences[0].text]
    words = [w.strip(".,;:!?\"'“”‘’()") for w in max(qs, key=len).split()]
    return max(words, key=len)


def showcase(analysis) -> tuple[int, int]:
    """(article, sentence): a body sentence of the first article shared with the most other
    sources, preferring one whose words differ from theirs."""
    best, where = (-1, -1), (0, 0)
    for a in range(len(analysis.articles)):
        for s in analysis.articles[a].sentences:
            if s.boilerplate:
                continue
            al = analysis.at(a, s.i)
            score = (len({m.article for m in al.matches}), bool(al.changed))
            if score > best:
                best, where = score, (a, s.i)
        if best[0] >= 2:
            break
    return where


async def shoot(analysis, out: Path) -> list[Path]:
    from tui.app.app import SynopsisApp

    a, i = showcase(analysis)
    saved = []

    async def run(name: str, size: tuple[int, int], keys: list[str], **kw) -> None:
        app = SynopsisApp(analysis.corpus, analysis, **kw)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            path = out / name
            app.save_screenshot(filename=path.name, path=str(path.parent))
            saved.append(path)

    to_sentence = [str(a + 1), "g"] + ["j"] * i
    await run("main.svg", (200, 50), to_sentence)
    await run("main-80x24.svg", (80, 24), ["n", "n"])
    await run("parallels.svg", (120, 36), to_sentence + ["enter"])
    await run("help.svg", (110, 46), ["question_mark"])
    speaker = top_speaker(analysis)
    if speaker is not None:
        pick = ["s", *[("space" if c == " " else c)
                                                      for c in speaker], "enter"]
        await run("speakers.svg", (120, 36), ["s"])
        await run("speaker-filter.svg", (200, 50), pick)
        await run("quotes.svg", (120, 40), pick + ["c"])
    word = search_word(analysis, speaker)
    await run("search.svg", (200, 50), ["slash", *word, "enter"])
    await run("demo.svg", (200, 50), to_sentence, demo=True)
    from tui.report.rows import rows

    band = next((r for r in rows(analysis) if r.kind == "shared" and not r.moved
                 and len(r.cells) >= min(4, len(analysis.articles))), None)
    ba, bi = (min(band.cells), band.cells[min(band.cells)][0]) if band else (a, i)
    await run("aligned.svg", (200, 50), ["a", str(ba + 1), "g"] + ["j"] * bi)
    await run("overview.svg", (120, 40), ["v"])
    await run("facts.svg", (200, 50), ["plus", "plus", "d"] + to_sentence)
    return saved


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--out", default=str(ROOT / "screenshots"))
    a = ap.parse_args()
    from tui.engine import analyse, bundled_seeds

    analysis = analyse(a.paths or [str(bundled_seeds())])
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for p in asyncio.run(shoot(analysis, out)):
        print(p)


if __name__ == "__main__":
    main()
