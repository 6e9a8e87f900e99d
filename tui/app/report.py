"""The reader's "write a report" key: the report of the current view (the engine's
write_report with a ReportView) and a screenshot of the screen, side by side in
synopsis-reports/ under the current directory, never over an existing file or an input.

The current view is the sources shown in the panes (left to right; the zoomed one when
zoomed) and, with a speaker or topic filter, in "only" mode only the sentences that pass
it, in marking mode all sentences with the passing ones marked.  The sentences a search
finds are marked too (apart from the filter's mark)."""
from __future__ import annotations

import os
import time
from pathlib import Path

FOLDER = "synopsis-reports"


def free_names(folder: Path, stem: str, suffixes: tuple[str, ...],
               inputs: set[str]) -> list[Path]:
    """`folder/stem.suffix` for every suffix, with -2, -3 ... after the stem until none of
    them exists or is an input."""
    k = 1
    while True:
        name = stem if k == 1 else f"{stem}-{k}"
        paths = [folder / f"{name}{s}" for s in suffixes]
        if not any(p.exists() or os.path.realpath(p) in inputs for p in paths):
            return paths
        k += 1


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def view_of(reader, analysis):
    """(ReportView or None for the whole analysis, the scope in words) of the reader."""
    from ..engine.report import ReportView

    arts = analysis.articles
    n = len(arts)
    shown = tuple(a for a in reader.visible_articles() if 0 <= a < n)
    lens = reader.lens
    filtering = lens.filtering and lens.passing is not None and len(lens.passing) == n
    if shown == tuple(range(n)) and not filtering and not lens.query:
        return None, f"the whole analysis, all {n} sources"
    if shown == tuple(range(n)):
        parts = [f"all {n} sources"]
    else:
        names = ", ".join(arts[a].label for a in shown)
        parts = [f"{len(shown)} of {n} sources, as shown: {names}"]
    keep = marked = None
    if filtering:
        what = []
        if lens.speaker:
            what.append(f"quotes of {lens.speaker}")
        if lens.topic:
            label = next((t.label for t in analysis.topics if t.id == lens.topic), lens.topic)
            what.append(f"topic “{label}”")
        passing = sum(len(lens.passing[a]) for a in shown)
        sets = [frozenset(p) for p in lens.passing]

        def passes(a: int, i: int) -> bool:
            return i in sets[a]

        if lens.only:
            keep = passes
            parts.append(f"filter {' and '.join(what)}: only the "
                         f"{_plural(passing, 'sentence')} that pass it")
        else:
            marked = passes
            parts.append(f"filter {' and '.join(what)}: all sentences, the "
                         f"{_plural(passing, 'sentence')} that pass it marked")
    found = None
    if lens.query:
        hits = frozenset(lens.matches)
        n_hits = sum(1 for a, i in hits if a in shown and (keep is None or keep(a, i)))

        def found(a: int, i: int) -> bool:
            return (a, i) in hits
        parts.append(f"the search /{lens.query}: the {_plural(n_hits, 'sentence')} it finds "
                     "marked")
    scope = "; ".join(parts)
    return ReportView(articles=shown, keep=keep, marked=marked, found=found,
                      search=lens.query, description=scope), scope


def write_view(reader, directory: str | os.PathLike | None = None) -> str:
    """Write the report of the current view (HTML) and the screenshot (SVG); the message
    naming both and the report's scope."""
    from ..engine.report import write_report

    app = reader.app
    analysis = app.analysis
    folder = Path(directory or Path.cwd()) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    inputs = {os.path.realpath(a.path) for a in app.corpus.articles}
    html, svg = free_names(folder, time.strftime("synopsis-%Y%m%d-%H%M%S"), (".html", ".svg"),
                           inputs)
    shot = app.save_screenshot(filename=svg.name, path=str(folder))
    if analysis is None:
        return (f"Screenshot: {shot}\nNo report: the analysis is still running (try again "
                "when the marks are shown)")
    view, scope = view_of(reader, analysis)
    written = write_report(analysis, "html", html, view)
    return f"Report ({scope}): {written}\nScreenshot: {shot}"
