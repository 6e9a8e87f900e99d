"""The HTML report: one self-contained page (inline CSS, no scripts, no fonts or images to
fetch) with the sources in columns, one row per statement the sources share (and rows of
what each adds in between), marked the way the reader marks them:

- ``+`` a sentence no other source has (an addition): bold, green, a "+" in its gutter;
- ``=`` / ``~`` / ``≈`` a shared sentence, copied verbatim / edited / paraphrased;
- added words (only this source has them, in a shared sentence): underlined, bold, green;
- changed words (the others word them differently: numbers, names, a quote): a dashed box,
  italic, on yellow;
- page furniture (headline, caption, byline ...): grey, small, its role named.

No mark relies on colour alone, and the page prints (rows never split across pages,
headers repeat, colours kept where the printer allows).  All article text is escaped.
"""
from __future__ import annotations

import html

from ..engine.marks import ADDED, CHANGED, GLYPHS, runs
from ..engine.model import Analysis
from .rows import rows
from .view import (ReportView, additions, columns, file_name, n_kept, quotes_in, speakers_in,
                   summary, title_of, topic_counts)

_CSS = """
:root { --add: #0a7d32; --add-bg: #e3f6e8; --chg: #8a5a00; --chg-bg: #fff1b8; --dim: #6b6b6b;
        --rule: #c9c9c9; --head: #f3f3f3; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 15px/1.45 Georgia, "Times New Roman", serif; color: #111; background: #fff;
       margin: 1.5rem auto; padding: 0 1rem; max-width: 120rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; margin: 1.8rem 0 .5rem; border-bottom: 1px solid var(--rule); }
.summary, .muted { color: var(--dim); }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--rule); padding: .35rem .5rem; vertical-align: top;
         text-align: left; }
thead th { background: var(--head); }
table.sources td, table.sources th { font-size: .92rem; }
table.aligned { table-layout: fixed; }
table.aligned td.n, table.aligned th.n { width: 2.6rem; text-align: right; color: var(--dim);
         font: .8rem/1.6 ui-monospace, Menlo, Consolas, monospace; }
table.aligned tr.additions td:not(.n) { background: #fbfdfb; }
td.empty { background: repeating-linear-gradient(135deg, #fff 0 6px, #f4f4f4 6px 7px); }
p.s { margin: 0 0 .45rem; padding-left: 1.2em; text-indent: -1.2em; }
p.s:last-child { margin-bottom: 0; }
.g { display: inline-block; width: 1.2em; text-indent: 0; font-weight: bold;
     font-family: ui-monospace, Menlo, Consolas, monospace; }
p.addition { color: var(--add); font-weight: bold; }
p.addition .g { color: var(--add); }
p.furniture { color: var(--dim); font-size: .85rem; font-weight: normal; }
.role { font-variant: small-caps; font-style: italic; }
ins { text-decoration: underline 2px; text-underline-offset: 2px; font-weight: bold;
      color: var(--add); background: var(--add-bg); }
mark.chg { background: var(--chg-bg); color: inherit; font-style: italic;
           outline: 1px dashed var(--chg); outline-offset: 0; }
.part { color: var(--dim); font-size: .8rem; font-style: italic; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; }
dl.legend dt { font-weight: bold; } dl.legend dd { margin: 0; }
ul.quotes { margin: .2rem 0 .8rem; }
ul.glance { margin: .2rem 0 .8rem; padding-left: 1.2rem; }
ul.glance li { margin: .15rem 0; }
ul.glance a { color: inherit; }
.tag { font: .8rem ui-monospace, Menlo, Consolas, monospace; color: var(--dim); }
footer { margin-top: 2rem; color: var(--dim); font-size: .85rem; }
tr.moved td.n { color: #7a3e9d; }
@media print {
  body { font-size: 8pt; line-height: 1.3; margin: 0; max-width: none; }
  h1 { font-size: 13pt; } h2 { font-size: 10.5pt; margin: .8rem 0 .3rem; break-after: avoid; }
  th, td { padding: .15rem .3rem; }
  table.sources td, table.sources th { font-size: 7.5pt; }
  table.aligned td.n, table.aligned th.n { width: 1.8rem; font-size: 6.5pt; }
  p.s { margin: 0 0 .2rem; }
  p.furniture { font-size: 7pt; }
  tr.shared { break-inside: avoid; }
  td.empty { background: none; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  footer { display: none; }
}
@page { margin: 1cm; }
"""


def _e(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def _sentence_html(an: Analysis, a: int, i: int, view: ReportView | None = None) -> str:
    out = _sentence_html_plain(an, a, i)
    if view is not None and view.is_marked(a, i):
        # '<p class="s ...' -> '<p class="s passes ...', with a title saying why
        out = out.replace('<p class="s ', '<p data-filter="passes" class="s passes ', 1)
    if view is not None and view.is_found(a, i):
        out = out.replace(' class="s ', ' data-search="match" class="s found ', 1)
    return out


def _sentence_html_plain(an: Analysis, a: int, i: int) -> str:
    art = an.articles[a]
    s = art.sentences[i]
    al = an.at(a, i)
    if s.boilerplate:
        body = "".join(_e(t) for t, _ in runs(art, s))
        role = f'<span class="role">[{_e(s.role or "furniture")}]</span> '
        return (f'<p class="s furniture" id="a{a}s{i}"><span class="g" aria-hidden="true">'
                f'&#160;</span>{role}{body}</p>')
    if al.unique:
        body = "".join(_e(t) for t, _ in runs(art, s))
        return (f'<p class="s addition" id="a{a}s{i}" title="only in {_e(art.label)}">'
                f'<span class="g" title="addition">+</span><strong>{body}</strong></p>')
    rel = al.relation or "paraphrase"
    parts = []
    for text, fl in runs(art, s, al.added, al.changed):
        t = _e(text)
        if fl & CHANGED:
            t = f'<mark class="chg">{t}</mark>'
        if fl & ADDED:
            t = f'<ins class="add">{t}</ins>'
        parts.append(t)
    also = ", ".join(dict.fromkeys(an.articles[m.article].label for m in al.matches))
    return (f'<p class="s shared {rel}" id="a{a}s{i}" title="{rel}; also in {_e(also)}">'
            f'<span class="g" title="{rel}">{GLYPHS[rel]}</span>{"".join(parts)}</p>')



def _sentences_cell(an: Analysis, a: int, view: ReportView | None) -> str:
    """The count of a source's sentences (with a filter that keeps some: "k of n")."""
    n = len(an.articles[a].sentences)
    if view is None or view.keep is None:
        return str(n)
    return f"{n_kept(an, a, view)} of {n}"



_VIEW_CSS = """
.scope { border-left: 4px solid var(--dim); padding-left: .6rem; }
p.passes { border-left: 4px double #111; padding-left: calc(1.2em + 6px); }
p.found { border-right: 4px solid #111; padding-right: 6px; background: #fff3b0; }
"""


GLANCE_SHARED = 8


def _glance(an: Analysis, view: ReportView | None, w) -> None:
    """The overview's shared statements (those most sources carry) and disagreements,
    each linked to its sentence in the columns below."""
    from .overview import KIND_NAMES, overview

    ov = overview(an, view)
    label = lambda a: an.articles[a].label      # noqa: E731
    n = len(ov.sources)
    w('<section id="glance">\n<h2>At a glance</h2>\n')
    common = [p for p in ov.shared if 2 * len(p.sources) >= n] or list(ov.shared)
    if common:
        w("<h3>What most sources share</h3>\n<ul class=\"glance\">\n")
        for p in common[:GLANCE_SHARED]:
            a, i = p.at
            w(f'<li><span class="tag">{_e(ov.in_how_many(p, label))}</span> '
              f'<a href="#a{a}s{i}">{_e(p.text)}</a></li>\n')
        more = len(ov.shared) - min(len(common), GLANCE_SHARED)
        if more > 0:
            w(f'<li class="muted">… and {more} more, in the columns below</li>\n')
        w("</ul>\n")
    w("<h3>Disagreements</h3>\n")
    if not ov.disagreements:
        w('<p class="muted">None found between sentences the alignment is sure of.</p>\n')
    else:
        w('<ul class="glance">\n')
        for d in ov.disagreements:
            subject = f"{_e(d.subject)}: " if d.subject and d.kind == "title" else ""
            parts = []
            for v in d.variants:
                a, i = v.places[0]
                parts.append(f'<a href="#a{a}s{i}"><mark class="chg">{_e(v.words)}</mark></a> '
                             f'<span class="muted">({_e(", ".join(label(x) for x in v.sources))})'
                             "</span>")
            said = (f' <span class="muted">said “{_e(d.subject)}”</span>'
                    if d.subject and d.kind == "speaker" else "")
            w(f'<li><span class="tag">{_e(KIND_NAMES[d.kind])}</span> {subject}'
              f'{" · ".join(parts)}{said}</li>\n')
        w("</ul>\n")
    w("</section>\n")


def html_report(an: Analysis, view: ReportView | None = None) -> str:
    cols = columns(an, view)
    arts = an.articles
    n = len(cols)
    sentences, shared, adds = summary(an, view)
    title = title_of(an, view)
    o: list[str] = []
    w = o.append
    w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"synopsis\">\n")
    w(f"<title>synopsis: {_e(title)}</title>\n")
    landscape = "@page { size: landscape; }\n" if n > 2 else ""
    extra = _VIEW_CSS if view is not None else ""
    w(f"<style>{_CSS}{extra}{landscape}</style>\n</head>\n<body>\n<header>\n")
    w(f"<h1>{_e(title)}</h1>\n")
    w(f'<p class="summary">{n} source{"s" if n != 1 else ""}, {sentences} sentences; '
      f"{shared} statement{'s' if shared != 1 else ''} shared by two sources or more; "
      f"{adds} addition{'s' if adds != 1 else ''} (sentences only one source has).</p>\n")
    if view is not None:
        marked = ""
        if view.marked is not None:
            marked = (" Sentences that pass the filter have a double bar at their left "
                      "(and data-filter=\"passes\").")
        if view.found is not None:
            marked += (f" Sentences the search /{_e(view.search)} finds have a bar at their "
                       "right (and data-search=\"match\").")
        w(f'<p class="scope"><strong>This view:</strong> {_e(view.description) or "—"}.'
          f"{marked}</p>\n")
    w("</header>\n")

    # the story first: what most sources share, where they disagree
    _glance(an, view, w)

    # sources
    w('<section id="sources">\n<h2>Sources</h2>\n<table class="sources">\n<thead><tr>'
      "<th>Source</th><th>Headline</th><th>Date</th><th>Byline</th><th>From</th>"
      "<th>Sentences</th><th>Additions</th></tr></thead>\n<tbody>\n")
    for a in cols:
        art = arts[a]
        # a web page by its address; a file by its name only: no local paths in a report
        where = _e(file_name(art.path))
        if art.is_web:
            where = f'<a href="{_e(art.path)}">{_e(art.path)}</a>'
        w(f"<tr><td><strong>{_e(art.label)}</strong></td><td>{_e(art.title) or '—'}</td>"
          f"<td>{_e(art.date) or '—'}</td><td>{_e(art.byline) or '—'}</td><td>{where}</td>"
          f"<td>{_sentences_cell(an, a, view)}</td><td>{len(additions(an, a, view))}</td>"
          "</tr>\n")
    w("</tbody>\n</table>\n</section>\n")

    # legend
    w('<section id="legend">\n<h2>How to read this</h2>\n<dl class="legend">\n'
      '<dt><span class="g">+</span></dt><dd><strong class="addition-sample">Bold, green, '
      "marked +</strong>: a sentence no other source has (an addition).</dd>\n"
      "<dt>= ~ ≈</dt><dd>A shared sentence: copied verbatim (=), edited (~), paraphrased "
      "(≈); its row holds what the other sources say.</dd>\n"
      '<dt><ins class="add">underlined</ins></dt><dd>Words this source adds to a shared '
      "sentence.</dd>\n"
      '<dt><mark class="chg">dashed box</mark></dt><dd>Words the other sources put '
      "differently (a number, a name, a quote's wording).</dd>\n"
      '<dt><span class="role">[headline]</span></dt><dd>Page furniture (headline, caption, '
      "byline ...), in grey.</dd>\n</dl>\n</section>\n")

    # the columns
    w('<section id="comparison">\n<h2>Side by side</h2>\n<table class="aligned">\n<colgroup>'
      '<col class="n">' + '<col>' * n + "</colgroup>\n<thead><tr><th class=\"n\">#</th>")
    for a in cols:
        w(f"<th>{_e(arts[a].label)}</th>")
    w("</tr></thead>\n<tbody>\n")
    laid = rows(an, view)
    band: dict[int, int] = {}
    for k, row in enumerate(laid, 1):
        if row.kind == "shared" and not row.moved:
            band[row.group] = k
    for k, row in enumerate(laid, 1):
        note = ""
        if row.kind == "shared" and row.moved and row.group in band:
            b = band[row.group]
            note = (f'<br><span class="part" title="told here by this source; the others '
                    f'tell it at row {b}">↕ <a href="#r{b}">{b}</a></span>')
        cls = row.kind + (" moved" if row.moved else "")
        w(f'<tr class="{cls}" id="r{k}"><td class="n">{k}{note}</td>')
        gap = 0
        for a in cols:
            cell = row.cells.get(a)
            if not cell:
                gap += 1
                continue
            if gap:
                w(f'<td class="empty" colspan="{gap}"></td>' if gap > 1
                  else '<td class="empty"></td>')
                gap = 0
            w("<td>" + "".join(_sentence_html(an, a, i, view) for i in cell) + "</td>")
        if gap:
            w(f'<td class="empty" colspan="{gap}"></td>' if gap > 1 else '<td class="empty"></td>')
        w("</tr>\n")
    w("</tbody>\n</table>\n</section>\n")

    # speakers, quotes, topics: when the analysis has them
    speakers = speakers_in(an, view)
    if speakers:
        w('<section id="speakers">\n<h2>Speakers</h2>\n<table class="speakers">\n<thead><tr>'
          "<th>Speaker</th><th>Role</th><th>Kind</th><th>Quotes</th><th>Also named</th></tr>"
          "</thead>\n<tbody>\n")
        for sp, nq in speakers:
            role = getattr(sp, "role", None)
            w(f"<tr><td><strong>{_e(sp.name)}</strong></td><td>{_e(role) or '—'}</td>"
              f"<td>{_e(sp.kind)}</td><td>{nq}</td>"
              f"<td>{_e('; '.join(sp.aliases)) or '—'}</td></tr>\n")
        w("</tbody>\n</table>\n</section>\n")
    quotes = quotes_in(an, view)
    if quotes:
        w('<section id="quotes">\n<h2>Quotes</h2>\n')
        by: dict[str, list] = {}
        for q in quotes:
            by.setdefault(q.speaker or "unattributed", []).append(q)
        for who, qs in by.items():
            w(f"<h3>{_e(who)}</h3>\n<ul class=\"quotes\">\n")
            for q in qs:
                cue = f", {_e(q.cue)}" if q.cue else ""
                w(f"<li>“{_e(' '.join(q.text.split()))}” <span class=\"muted\">— "
                  f"{_e(arts[q.article].label)}{cue}</span></li>\n")
            w("</ul>\n")
        w("</section>\n")
    counts = topic_counts(an, view)
    topics = [t for t in an.topics
              if view is None or any(counts[t.id][a] for a in cols)]
    if topics:
        w('<section id="topics">\n<h2>Topics</h2>\n<table class="topics">\n<thead><tr>'
          "<th>Topic</th><th>Keywords</th>")
        for a in cols:
            w(f"<th>{_e(arts[a].label)}</th>")
        w("</tr></thead>\n<tbody>\n")
        for t in topics:
            w(f"<tr><td><strong>{_e(t.label)}</strong> <span class=\"tag\">{_e(t.id)}</span>"
              f"</td><td>{_e(', '.join(t.keywords))}</td>")
            for a in cols:
                c = counts[t.id][a]
                w(f"<td>{c or '—'}</td>")
            w("</tr>\n")
        w("</tbody>\n</table>\n<p class=\"muted\">Sentences of each source on each topic."
          "</p>\n</section>\n")
    w("<footer>Made with synopsis. Each source's text is quoted as read; the marks are the "
      "analysis's, not the sources'.</footer>\n</body>\n</html>\n")
    return "".join(o)
