"""Reports for people, and the export: the analysis (or what a reader shows of it) written
out, for `synopsis export` and the reader's report key.

    render(analysis, "html" | "md" | "json", view=None) -> str
    write_report(analysis, fmt, path, view=None) -> Path

- view.py: what a report covers (`ReportView`, the reader's view, what is in a view);
- rows.py: the sources in aligned rows, the disagreements;
- overview.py: the story first (headlines, what most share, what one has, disagreements);
- html_report.py: one self-contained HTML page; markdown_report.py: the overview in Markdown
  for a chat; plain.py: `synopsis diff` and `synopsis summary` as text; the JSON document (synopsis.export/1) is the engine's model as data
  (tui/engine/export.py).

No Textual here (import-linter checks it): the reader calls these, and so does
``synopsis export``.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..engine.files import atomic_write
from ..engine.model import Analysis

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .view import ReportView

FORMATS = ("html", "md", "json")
SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json"}


def fmt_for(path: str | os.PathLike, default: str = "json") -> str:
    """The report format a file name asks for (``report.html`` -> html)."""
    return SUFFIXES.get(Path(path).suffix.lower(), default)


def render(an: Analysis, fmt: str, view: ReportView | None = None,
           link: str | None = None) -> str:
    """The report as text; `link`: where the full report is (the Markdown report, a
    chat-sized overview, links to it)."""
    if fmt == "html":
        from .html_report import html_report

        return html_report(an, view)
    if fmt in ("md", "markdown"):
        from .markdown_report import markdown_report

        return markdown_report(an, view, link=link)
    if fmt == "json":
        from ..engine.export import to_json

        return to_json(an)
    raise ValueError(f"unknown report format {fmt!r} (one of {', '.join(FORMATS)})")


def write_report(an: Analysis, fmt: str, path: str | os.PathLike,
                 view: ReportView | None = None, link: str | None = None) -> Path:
    """Write the report to `path` (atomically: a reader of the file never sees half of it).
    Returns the absolute path written.  Raises OSError when it cannot be written."""
    return atomic_write(path, render(an, fmt, view, link))


def __getattr__(name: str):
    """`ReportView` is imported when first asked for: a JSON export never needs it."""
    if name == "ReportView":
        from .view import ReportView

        return ReportView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORMATS", "ReportView", "fmt_for", "render", "write_report"]
