"""The reader's "write a report" key: the report of the analysis (the engine's
write_report) and a screenshot of the screen, side by side in synopsis-reports/ under the
current directory, never over an existing file or an input."""
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


def write_view(reader, directory: str | os.PathLike | None = None) -> str:
    """Write the report (HTML) and the screenshot (SVG); the message naming both."""
    from ..engine.report import write_report

    app = reader.app
    analysis = app.analysis
    folder = Path(directory or Path.cwd()) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    inputs = {os.path.realpath(a.path) for a in app.corpus.articles}
    html, svg = free_names(folder, time.strftime("synopsis-%Y%m%d-%H%M%S"), (".html", ".svg"),
                           inputs)
    shot = app.save_screenshot(filename=svg.name, path=str(folder))
    n = len(app.corpus.articles)
    if analysis is None:
        return (f"Screenshot: {shot}\nNo report: the analysis is still running (try again "
                "when the marks are shown)")
    written = write_report(analysis, "html", html)
    lens = reader.lens
    scope = f"the whole analysis, all {n} sources"
    if lens.filtering or lens.query:
        scope += "; the report does not apply the reader's filters or search (the screenshot shows them)"
    return f"Report ({scope}): {written}\nScreenshot: {shot}"
