"""The Markdown report, for a newsroom chat or a ticket: per source its additions (the
sentences, then the words it adds to shared sentences), the disagreements (changed
numbers, names and quote wording) as a table, then the speakers and topics when the
analysis has them."""
from __future__ import annotations

import re

from ..engine.marks import ADDED, CHANGED, runs
from ..engine.model import Analysis, Article, Sentence
from .rows import disagreements
from .view import (ReportView, additions, columns, kept, speakers_in, summary, title_of,
                   topic_counts)

_WS = re.compile(r"\s+")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written (one line; markup characters escaped)."""
    return _MD_SPECIAL.sub(r"\\\1", _WS.sub(" ", text))


def _md_runs(art: Article, s: Sentence, added) -> str:
    out = []
    for text, fl in runs(art, s, added=added):
        t = md_escape(text)
        if fl & ADDED and t.strip():
            lead = " " if t[:1] == " " else ""
            trail = " " if t[-1:] == " " else ""
            t = f"{lead}**{t.strip()}**{trail}"
        out.append(t)
    return "".join(out)


def _excerpt(art: Article, s: Sentence, spans, width: int = 80) -> str:
    """The sentence around its changed words, those words in bold, long ends cut."""
    pieces = runs(art, s, changed=spans)
    first = next((k for k, (_, fl) in enumerate(pieces) if fl & CHANGED), None)
    if first is None:
        return md_escape(art.shown_text(s))
    before = "".join(t for t, _ in pieces[:first])
    if len(before) > width:
        before = "…" + before[-width:].split(" ", 1)[-1].lstrip()
        before = before if before.endswith(" ") else before + " "
    out = [md_escape(before)]
    after = pieces[first:]
    last = max(k for k, (_, fl) in enumerate(after) if fl & CHANGED)
    for t, fl in after[:last + 1]:
        if fl & CHANGED and t.strip():
            out.append(f"**{md_escape(t.strip())}**")
        else:
            out.append(md_escape(t))
    tail = "".join(t for t, _ in after[last + 1:])
    if len(tail) > width:
        tail = tail[:width].rsplit(" ", 1)[0] + "…"
    return ("".join(out) + md_escape(tail)).strip()


def _md_listed(w, an: Analysis, cols: list[int], heading: str, listed) -> None:
    """A Markdown section listing, per source, its sentences for which listed(a, i) holds."""
    w(f"\n## {heading}\n")
    for a in cols:
        art = an.articles[a]
        chosen = [s for s in art.sentences if listed(a, s.i)]
        w(f"\n### {md_escape(art.label)}\n\n")
        if not chosen:
            w("_None._\n")
        for s in chosen:
            w(f"- {md_escape(art.shown_text(s))}\n")


def markdown_report(an: Analysis, view: ReportView | None = None) -> str:
    cols = columns(an, view)
    arts = an.articles
    n = len(cols)
    sentences, shared, adds = summary(an, view)
    o: list[str] = []
    w = o.append
    w(f"# {md_escape(title_of(an, view))}\n\n")
    w(f"_{n} source{'s' if n != 1 else ''}, {sentences} sentences; {shared} "
      f"statement{'s' if shared != 1 else ''} shared by two sources or more; {adds} "
      f"addition{'s' if adds != 1 else ''}._\n\n")
    if view is not None:
        w(f"**This view:** {md_escape(view.description or '—')}.\n\n")
    w("## Sources\n\n| Source | Headline | Date | Byline | From | Additions |\n"
      "|---|---|---|---|---|---|\n")
    for a in cols:
        art = arts[a]
        w(f"| **{md_escape(art.label)}** | {md_escape(art.title or '—')} | "
          f"{md_escape(art.date or '—')} | {md_escape(art.byline or '—')} | "
          f"{md_escape(art.path) if not art.is_web else '<' + art.path.replace('>', '%3E') + '>'}"
          f" | {len(additions(an, a, view))} |\n")
    if view is not None and view.marked is not None:
        _md_listed(w, an, cols, "Sentences that pass the filter", view.is_marked)
    if view is not None and view.found is not None:
        _md_listed(w, an, cols, f"Sentences the search /{md_escape(view.search)} finds",
                   lambda a, i: kept(view, a, i) and view.is_found(a, i))
    w("\n## What each source adds\n")
    for a in cols:
        art = arts[a]
        w(f"\n### {md_escape(art.label)}\n\n")
        own = additions(an, a, view)
        details = []
        for s in art.sentences:
            if s.boilerplate or an.is_unique(a, s.i) or not kept(view, a, s.i):
                continue
            al = an.at(a, s.i)
            if al.added:
                details.append((s, al.added))
        if not own and not details:
            w("_Nothing the other sources do not also say._\n")
            continue
        for i in own:
            w(f"- {md_escape(art.shown_text(art.sentences[i]))}\n")
        if details:
            if own:
                w("\n")
            w("Details it adds to shared statements (in bold):\n\n")
            for s, added in details:
                w(f"- {_md_runs(art, s, added)}\n")
    w("\n## Disagreements\n\n")
    dis = disagreements(an, view)
    if not dis:
        w("_No aligned sentences differ in a number, a name or a quote's wording._\n")
    else:
        w("| What | Source | Says | Source | Says |\n|---|---|---|---|---|\n")
        for d in dis:
            A, B = arts[d.a], arts[d.b]
            sa, sb = A.sentences[d.i], B.sentences[d.j]
            ma, mb = an.match(d.a, d.i, d.b, d.j), an.match(d.b, d.j, d.a, d.i)
            w(f"| {d.kind} | {md_escape(A.label)} | {_excerpt(A, sa, ma.changed)} | "
              f"{md_escape(B.label)} | {_excerpt(B, sb, mb.changed if mb else ())} |\n")
    speakers = speakers_in(an, view)
    if speakers:
        w("\n## Speakers\n\n")
        for sp, nq in speakers:
            alias = f"; also: {md_escape('; '.join(sp.aliases))}" if sp.aliases else ""
            role = getattr(sp, "role", None)
            role = f", {md_escape(role)}" if role else ""
            w(f"- **{md_escape(sp.name)}**{role} ({md_escape(sp.kind)}), {nq} "
              f"quote{'s' if nq != 1 else ''}{alias}\n")
    counts = topic_counts(an, view)
    topics = [t for t in an.topics
              if view is None or any(counts[t.id][a] for a in cols)]
    if topics:
        w("\n## Topics\n\n")
        for t in topics:
            per = ", ".join(f"{md_escape(arts[a].label)} {counts[t.id][a]}" for a in cols
                            if counts[t.id][a])
            kw = f" ({md_escape(', '.join(t.keywords))})" if t.keywords else ""
            w(f"- **{md_escape(t.label)}**{kw}{': ' + per if per else ''}\n")
    return "".join(o)
