"""The Markdown report, for a newsroom chat or a ticket: the overview (headlines, what
most sources share, what only one has, the disagreements) short enough for one chat
message, with a link to the full report."""
from __future__ import annotations

import re

from ..engine.model import Analysis
from .overview import KIND_NAMES, Overview, overview
from .view import ReportView, summary

_WS = re.compile(r"\s+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")

CHAT_LIMIT = 4000       # characters: one message in the common chat tools


def md_escape(text: str) -> str:
    """Text that Markdown shows as written (one line; markup characters escaped)."""
    return _MD_SPECIAL.sub(r"\\\1", _WS.sub(" ", text))


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1].rsplit(" ", 1)[0] + " …"


def _render(an: Analysis, ov: Overview, view: ReportView | None, link: str | None,
            shared: int, only: int, clip: int) -> str:
    label = lambda a: md_escape(an.articles[a].label)       # noqa: E731
    sentences, n_shared, adds = summary(an, view)
    o: list[str] = []
    w = o.append
    w(f"# {md_escape(ov.title)}\n\n")
    n = len(ov.sources)
    w(f"_{n} source{'s' if n != 1 else ''} · {sentences} sentences · {n_shared} "
      f"statement{'s' if n_shared != 1 else ''} shared · {adds} "
      f"addition{'s' if adds != 1 else ''}_\n")
    if view is not None:
        w(f"\n**This view:** {md_escape(view.description or '—')}.\n")
    w("\n**Headlines**\n")
    for h in ov.headlines:
        lede = "_(no headline)_ " if h.lede else ""
        w(f"- **{label(h.article)}**: {lede}{md_escape(_clip(h.text, clip))}\n")
    w("\n**What most sources share**\n")
    common = [p for p in ov.shared if 2 * len(p.sources) >= n] or list(ov.shared)
    for p in common[:shared]:
        how = ov.in_how_many(p, lambda a: an.articles[a].label)
        w(f"- _{md_escape(how)}_: {md_escape(_clip(p.text, clip))}\n")
    more = len(ov.shared) - min(shared, len(common))
    if more > 0:
        w(f"- … and {more} more\n")
    if not ov.shared:
        w("- _The sources share no statement._\n")
    w("\n**Only in one source**\n")
    for x in ov.only:
        art = an.articles[x.article]
        k = len(x.sentences)
        if not k:
            w(f"- **{label(x.article)}**: nothing the others do not also say\n")
            continue
        w(f"- **{label(x.article)}** ({k} addition{'s' if k != 1 else ''})"
          + (":" if only else "") + "\n")
        for i in x.sentences[:only]:
            w(f"  - {md_escape(_clip(art.shown_text(art.sentences[i]), clip))}\n")
    w("\n**Disagreements**\n")
    if not ov.disagreements:
        w("- _None found between sentences the alignment is sure of._\n")
    for d in ov.disagreements:
        subject = f"{md_escape(d.subject)}: " if d.subject and d.kind == "title" else ""
        said = (f" said “{md_escape(_clip(d.subject, 60))}”"
                if d.subject and d.kind == "speaker" else "")
        variants = " · ".join(f"**{md_escape(_clip(v.words, 60))}** "
                              f"({', '.join(label(a) for a in v.sources)})"
                              for v in d.variants)
        w(f"- {KIND_NAMES[d.kind]}: {subject}{variants}{said}\n")
    if link:
        w(f"\n[The full report, side by side]({link.replace(' ', '%20').replace(')', '%29')})\n")
    else:
        w("\n_The full report, side by side: `synopsis export --format html`._\n")
    return "".join(o)


def markdown_report(an: Analysis, view: ReportView | None = None,
                    link: str | None = None) -> str:
    """The overview in Markdown, at most CHAT_LIMIT characters when it can be (fewer
    statements and additions listed, shorter excerpts, until it fits); `link`: where the
    full report is."""
    ov = overview(an, view)
    text = ""
    for shared, only, clip in ((6, 2, 160), (5, 1, 140), (4, 1, 110), (3, 0, 90),
                               (2, 0, 70)):
        text = _render(an, ov, view, link, shared, only, clip)
        if len(text) <= CHAT_LIMIT:
            break
    return text
