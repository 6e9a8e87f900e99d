"""A web page -> the article's text and metadata.

The extraction itself is trafilatura's (navigation, ads, comments, captions, share bars
and related-story lists dropped; title, site name, date and author read from the page's
metadata, JSON-LD and bylines).  It is imported here, only when an HTML page is actually
read: the reader's start-up on plain text never pays for it (~0.2 s, lxml and friends).

The text synopsis analyses is built here from trafilatura's paragraphs: the headline
first, then one paragraph a line with a blank line between paragraphs (the shape the
segmenter and the boilerplate rules know from plain-text articles).  That text *is* the
article: offsets refer to it, and the export carries it (``articles[].text``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import InputError

# Pages larger than this are not articles (and lxml's tree would be huge).
MAX_HTML_CHARS = 8 * 1024 * 1024
# Fewer words than this is a menu or an error page, not an article (a brief has ~40).
MIN_WORDS = 12

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u200a\u202f\u3000]+")


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str                       # the article as synopsis reads it
    title: str | None = None
    outlet: str | None = None       # the site's name
    date: str | None = None         # ISO date, or None
    byline: str | None = None
    url: str | None = None          # the page's own canonical URL, when it says one


def _iso(date: str | None) -> str | None:
    if not date:
        return None
    m = _ISO_DATE.match(date.strip())
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None


def _paragraphs(body: str) -> list[str]:
    out = []
    for line in body.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if line:
            out.append(line)
    return out


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def extract(markup: str, name: str, url: str | None = None) -> Extracted:
    """The article in one page of HTML.  Raises InputError when the page holds none."""
    if len(markup) > MAX_HTML_CHARS:
        raise InputError(f"{name}: page too large to be an article ({len(markup)} characters)")
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a broken installation
        raise InputError(f"{name}: reading web pages needs trafilatura "
                         "(pip install trafilatura lxml_html_clean)") from None
    try:
        doc = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True,
            include_comments=False, include_tables=False, include_images=False,
            include_links=False, include_formatting=False, deduplicate=False,
            # only a date the page states as its own: no guessing from the copyright year
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # lxml and trafilatura raise a zoo of errors on broken markup
        raise InputError(f"{name}: this page could not be read as HTML "
                         f"({type(e).__name__})") from None
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    paras = _paragraphs(body)
    if sum(len(p.split()) for p in paras) < MIN_WORDS:
        raise InputError(f"{name}: no article text found in this page")
    title = _clean(getattr(doc, "title", None))
    if title and not _same(paras[0], title):
        paras.insert(0, title)
    text = "\n\n".join(paras) + "\n"
    return Extracted(
        text=text,
        title=title,
        outlet=_clean(getattr(doc, "sitename", None)),
        date=_iso(getattr(doc, "date", None)),
        byline=_clean(getattr(doc, "author", None)),
        url=_clean(getattr(doc, "url", None)),
    )
