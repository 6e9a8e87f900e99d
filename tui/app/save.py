"""The reader's "write a report" key: the report of the current view (tui.report, with the
view the reader's state asks for), its overview in Markdown for a chat message (linking
the report) and a screenshot of the screen, side by side in
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


def write_view(reader, directory: str | os.PathLike | None = None) -> str:
    """Write the report of the current view (HTML), its overview for a chat message
    (Markdown, linking the HTML beside it) and the screenshot (SVG); the message naming
    them and the report's scope."""
    from ..report import write_report
    from ..report.view import free_names, view_of

    app = reader.app
    analysis = app.analysis
    folder = Path(directory or Path.cwd()) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    inputs = {os.path.realpath(a.path) for a in app.corpus.articles}
    html, svg, md = free_names(folder, time.strftime("synopsis-%Y%m%d-%H%M%S"),
                               (".html", ".svg", ".md"), inputs)
    shot = app.save_screenshot(filename=svg.name, path=str(folder))
    if analysis is None:
        return (f"Screenshot: {shot}\nNo report: the analysis is still running (try again "
                "when the marks are shown)")
    view, scope = view_of(analysis, reader.visible_articles(), reader.lens)
    written = write_report(analysis, "html", html, view)
    chat = write_report(analysis, "md", md, view, link=html.name)
    return f"Report ({scope}): {written}\nFor a chat: {chat}\nScreenshot: {shot}"
