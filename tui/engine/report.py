"""Reports for people: one self-contained HTML page, or Markdown for a chat or a ticket.

    render(analysis, "html" | "md" | "json", view=None) -> str
    write_report(analysis, fmt, path, view=None) -> Path   (what the reader's "save report" calls)

A `ReportView` narrows a report to what a reader shows: some of the sources (in the panes'
order) and, under a filter, only the sentences that pass it (``keep``), or all sentences
with the passing ones marked (``marked``), and the sentences a search finds marked too
(``found``, ``search``).  Its ``description`` heads the report.  Without
a view the report covers the whole analysis.  The marks stay the analysis's: an addition
is a sentence no loaded source has, and a shared sentence names every source it is in,
shown or not.

The HTML page needs nothing else: inline CSS, no scripts, no fonts or images to fetch.  It
shows the sources in columns, one row per statement the sources share (and rows of what
each adds in between), marked the way the reader marks them:

- ``+`` a sentence no other source has (an addition): bold, green, a "+" in its gutter;
- ``=`` / ``~`` / ``≈`` a shared sentence, copied verbatim / edited / paraphrased;
- added words (only this source has them, in a shared sentence): underlined, bold, green;
- changed words (the others word them differently: numbers, names, a quote): a dashed box,
  italic, on yellow;
- page furniture (headline, caption, byline ...): grey, small, its role named.

No mark relies on colour alone, and the page prints (rows never split across pages,
headers repeat, colours kept where the printer allows).  All article text is escaped.

The Markdown report lists, per source, its additions (the sentences, then the words it
adds to shared sentences), the disagreements (changed numbers, names and quote wording)
as a table, then the speakers and topics when the analysis has them.

No Textual here: the reader calls these, and so does ``synopsis export``.
"""
from __future__ import annotations

import html
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .files import atomic_write
from .model import RELATIONS, Alignment, Analysis, Article, Sentence

FORMATS = ("html", "md", "json")
SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json"}
GLYPHS = {"addition": "+", "verbatim": "=", "edited": "~", "paraphrase": "≈"}

ADDED = 1
CHANGED = 2

_NUMBER_WORDS = frozenset("""
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred hundreds thousand thousands million millions billion billions trillion dozen dozens
half first second third fourth fifth percent per cent
""".split())
_QUOTE_OPEN = "\"“‘«"
_QUOTE_CLOSE = "\"”’»"
_WS = re.compile(r"\s+")


def fmt_for(path: str | os.PathLike, default: str = "json") -> str:
    """The report format a file name asks for (``report.html`` -> html)."""
    return SUFFIXES.get(Path(path).suffix.lower(), default)


@dataclass(frozen=True)
class ReportView:
    """What of the analysis a report covers.  `articles`: the sources, in column order
    (None: all, in corpus order).  `keep(a, i)`: whether sentence i of article a is in the
    report (None: all).  `marked(a, i)`: sentences to mark as passing a filter (None:
    none).  `found(a, i)`: sentences a search (`search`, its words) finds, marked apart
    (None: no search).  `description`: the scope in words, for the report's header."""

    articles: tuple[int, ...] | None = None
    keep: Callable[[int, int], bool] | None = None
    description: str = ""
    marked: Callable[[int, int], bool] | None = None
    found: Callable[[int, int], bool] | None = None
    search: str = ""

    def columns(self, an: Analysis) -> list[int]:
        n = len(an.articles)
        if self.articles is None:
            return list(range(n))
        return list(dict.fromkeys(a for a in self.articles if 0 <= a < n))

    def kept(self, a: int, i: int) -> bool:
        return self.keep is None or bool(self.keep(a, i))

    def is_marked(self, a: int, i: int) -> bool:
        return self.marked is not None and bool(self.marked(a, i))

    def is_found(self, a: int, i: int) -> bool:
        return self.found is not None and bool(self.found(a, i))


def _cols(an: Analysis, view: ReportView | None) -> list[int]:
    return list(range(len(an.articles))) if view is None else view.columns(an)


def _kept(view: ReportView | None, a: int, i: int) -> bool:
    return view is None or view.kept(a, i)


def render(an: Analysis, fmt: str, view: ReportView | None = None) -> str:
    if fmt == "html":
        return html_report(an, view)
    if fmt in ("md", "markdown"):
        return markdown_report(an, view)
    if fmt == "json":
        from .export import to_json

        return to_json(an)
    raise ValueError(f"unknown report format {fmt!r} (one of {', '.join(FORMATS)})")


def write_report(an: Analysis, fmt: str, path: str | os.PathLike,
                 view: ReportView | None = None) -> Path:
    """Write the report to `path` (atomically: a reader of the file never sees half of it).
    Returns the absolute path written.  Raises OSError when it cannot be written."""
    return atomic_write(path, render(an, fmt, view))


# ------------------------------------------------------------------ what the reports share

def additions(an: Analysis, a: int, view: ReportView | None = None) -> list[int]:
    """Sentences only article `a` has, page furniture (headlines, captions ...) left out
    (with a view: those it keeps)."""
    return [i for i in an.additions(a, furniture=False) if _kept(view, a, i)]


def relation(al: Alignment) -> str | None:
    """The closest relation of a shared sentence's matches (verbatim > edited > paraphrase)."""
    ranks = [RELATIONS.index(m.relation) for m in al.matches if m.relation in RELATIONS]
    return RELATIONS[min(ranks)] if ranks else ("paraphrase" if al.matches else None)


def runs(art: Article, s: Sentence, added=(), changed=()) -> list[tuple[str, int]]:
    """The sentence as shown (markup hidden, spaces folded) in runs of (text, flags)."""
    n = s.end - s.start
    flags = bytearray(n)
    for spans, bit in ((added, ADDED), (changed, CHANGED)):
        for a, b in spans:
            for k in range(max(a, s.start) - s.start, min(b, s.end) - s.start):
                flags[k] |= bit
    shown = art.shown[s.start:s.end]
    out: list[tuple[str, int]] = []
    k0 = 0
    for k in range(1, n + 1):
        if k == n or flags[k] != flags[k0]:
            out.append((shown[k0:k], flags[k0]))
            k0 = k
    # fold whitespace; a run that is only space takes the flags of nothing
    folded: list[tuple[str, int]] = []
    for text, fl in out:
        text = _WS.sub(" ", text)
        if not text:
            continue
        if text == " ":
            fl = 0
        if folded and folded[-1][1] == fl:
            folded[-1] = (folded[-1][0] + text, fl)
        else:
            folded.append((text, fl))
    if folded:
        folded[0] = (folded[0][0].lstrip(), folded[0][1])
        folded[-1] = (folded[-1][0].rstrip(), folded[-1][1])
    return [r for r in folded if r[0]]


def _spans_text(art: Article, spans) -> str:
    return " … ".join(" ".join(art.shown[a:b].split()) for a, b in spans)


# ------------------------------------------------------------------ rows for the columns

@dataclass
class Row:
    kind: str                                   # "shared" | "additions"
    cells: dict[int, list[int]] = field(default_factory=dict)   # article -> sentence indices
    group: int = -1
    part: int = 0                               # >0: a later part of a split group


def rows(an: Analysis, view: ReportView | None = None) -> list[Row]:
    """Lay the articles out in aligned rows, keeping every column in text order.

    Walk all articles at once.  Sentences no other article has are gathered, at each
    article's head, into an "additions" row.  Otherwise a group of aligned sentences whose
    members all stand at their articles' heads becomes a row.  When sources tell things in
    a different order no group is ready; the group that skips the fewest sentences is then
    shown in part (the members at the heads), and the rest of it later, marked as a part.

    With a view, only its articles and the sentences it keeps are laid out (the others
    count as placed from the start); a group then has only its kept members."""
    arts = an.articles
    n = len(arts)
    cols = set(_cols(an, view))
    members: dict[int, list[tuple[int, int]]] = {}
    placed = [bytearray(len(art.sentences)) for art in arts]
    for a, art in enumerate(arts):
        for s in art.sentences:
            if a not in cols or not _kept(view, a, s.i):
                placed[a][s.i] = 1
                continue
            g = an.group(a, s.i)
            if g >= 0:
                members.setdefault(g, []).append((a, s.i))
    pos = [0] * n
    parts: Counter = Counter()
    out: list[Row] = []

    def advance(a: int) -> None:
        while pos[a] < len(placed[a]) and placed[a][pos[a]]:
            pos[a] += 1

    def take(a: int, i: int) -> None:
        placed[a][i] = 1

    for a in range(n):
        advance(a)
    while any(pos[a] < len(placed[a]) for a in range(n)):
        # 1. what each article alone says, up to its next shared sentence
        row = Row("additions")
        for a in range(n):
            run = []
            while pos[a] < len(placed[a]) and an.group(a, pos[a]) < 0:
                run.append(pos[a])
                take(a, pos[a])
                advance(a)
            if run:
                row.cells[a] = run
        if row.cells:
            out.append(row)
            continue
        # 2. every head is shared: a group whose unplaced members all stand at the heads
        best = None
        for a in range(n):
            if pos[a] >= len(placed[a]):
                continue
            g = an.group(a, pos[a])
            skip = 0
            for b, j in members[g]:
                if not placed[b][j] and j > pos[b]:
                    # members right after the head, all of this group, count as at the head
                    between = range(pos[b], j)
                    if not all(placed[b][k] or an.group(b, k) == g for k in between):
                        skip += j - pos[b]
            if best is None or skip < best[0]:
                best = (skip, g)
            if skip == 0:
                break
        skip, g = best
        row = Row("shared", group=g, part=parts[g])
        parts[g] += 1
        for b in range(n):
            k = pos[b]
            cell = []
            while k < len(placed[b]) and (placed[b][k] or an.group(b, k) == g):
                if not placed[b][k]:
                    cell.append(k)
                    take(b, k)
                k += 1
            if cell:
                row.cells[b] = cell
            advance(b)
        out.append(row)
    return out


# ------------------------------------------------------------------ disagreements

@dataclass(frozen=True)
class Disagreement:
    kind: str                   # "number" | "name" | "quote"
    a: int
    i: int
    a_words: str
    b: int
    j: int
    b_words: str


def _kinds(s: Sentence, art: Article, spans) -> set[str]:
    """What the changed words of one side are: numbers, names, words inside a quote."""
    out: set[str] = set()
    for a, b in spans:
        before = art.text[s.start:a]
        opened = sum(before.count(c) for c in "“«") - sum(before.count(c) for c in "”»")
        if opened > 0 or before.count('"') % 2 == 1 or re.search(r"(?:^|\s)‘[^’]*$", before):
            out.add("quote")
        for m in re.finditer(r"\S+", art.text[a:b]):
            w = m.group().strip("\"'“”‘’«»()[],.;:!?")
            if any(ch.isdigit() for ch in w) or w.lower() in _NUMBER_WORDS:
                out.add("number")
            elif w[:1].isupper():
                # a capital that is not just the sentence's (or the quote's) first word
                lead = art.text[s.start:a + m.start()].rstrip(" \"'“‘«(")
                if lead and not lead.endswith((":", ".", "—")):
                    out.add("name")
    return out


def disagreements(an: Analysis, view: ReportView | None = None) -> list[Disagreement]:
    """Aligned sentence pairs that put a number, a name or a quote differently: both
    sentences have changed words of that kind (a number only one source gives is an
    addition, not a disagreement).  Page furniture is left out; with a view, so are pairs
    of which a side is not in it."""
    out = []
    seen = set()
    shown = set()
    cols = set(_cols(an, view))
    for group in an.links.groups():
        for a, i in group:
            if a not in cols or not _kept(view, a, i):
                continue
            al = an.at(a, i)
            for m in al.matches:
                key = (min((a, i), (m.article, m.i)), max((a, i), (m.article, m.i)))
                if key in seen or not m.changed:
                    continue
                if m.article not in cols or not _kept(view, m.article, m.i):
                    continue
                seen.add(key)
                art, other = an.articles[a], an.articles[m.article]
                s, t = art.sentences[i], other.sentences[m.i]
                if s.boilerplate or t.boilerplate:
                    continue
                back = next((x for x in an.at(m.article, m.i).matches
                             if x.article == a and x.i == i), None)
                theirs = back.changed if back else ()
                if not theirs:
                    continue
                both = _kinds(s, art, m.changed) & _kinds(t, other, theirs)
                kind = next((k for k in ("number", "name", "quote") if k in both), None)
                if kind is None:
                    continue
                mine_t, theirs_t = _spans_text(art, m.changed), _spans_text(other, theirs)
                (a1, i1, w1), (a2, i2, w2) = sorted([(a, i, mine_t), (m.article, m.i, theirs_t)])
                if (kind, a1, w1, a2, w2) in shown:  # a repeated sentence, a repeated row
                    continue
                shown.add((kind, a1, w1, a2, w2))
                out.append(Disagreement(kind, a1, i1, w1, a2, i2, w2))
    rank = {"number": 0, "name": 1, "quote": 2}
    out.sort(key=lambda d: (rank[d.kind], d.a, d.i, d.b, d.j))
    return out


# ------------------------------------------------------------------ HTML

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
.tag { font: .8rem ui-monospace, Menlo, Consolas, monospace; color: var(--dim); }
footer { margin-top: 2rem; color: var(--dim); font-size: .85rem; }
@media print {
  body { font-size: 10pt; margin: 0; max-width: none; }
  h2 { break-after: avoid; }
  tr.shared, p.s { break-inside: avoid; }
  td.empty { background: none; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 1.2cm; }
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
    rel = relation(al) or "paraphrase"
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


def _summary(an: Analysis, view: ReportView | None = None) -> tuple[int, int, int]:
    if view is None:
        sentences = sum(len(a.sentences) for a in an.articles)
        shared = len(an.links.groups())
        adds = sum(len(additions(an, a)) for a in range(len(an.articles)))
        return sentences, shared, adds
    cols = _cols(an, view)
    sentences = sum(_n_kept(an, a, view) for a in cols)
    shared = sum(1 for g in an.links.groups()
                 if len({a for a, i in g if a in cols and view.kept(a, i)}) >= 2)
    adds = sum(len(additions(an, a, view)) for a in cols)
    return sentences, shared, adds


def _n_kept(an: Analysis, a: int, view: ReportView | None) -> int:
    return sum(1 for s in an.articles[a].sentences if _kept(view, a, s.i))


def _sentences_cell(an: Analysis, a: int, view: ReportView | None) -> str:
    """The count of a source's sentences (with a filter that keeps some: "k of n")."""
    n = len(an.articles[a].sentences)
    if view is None or view.keep is None:
        return str(n)
    return f"{_n_kept(an, a, view)} of {n}"


def _title(an: Analysis, view: ReportView | None = None) -> str:
    arts = an.articles if view is None else [an.articles[a] for a in _cols(an, view)]
    titles = [a.title for a in arts if a.title]
    if titles:
        return Counter(titles).most_common(1)[0][0]
    return f"{len(arts)} articles"


def _quotes(an: Analysis, view: ReportView | None) -> list:
    """The quotes in the view: of its sources, in a sentence it keeps."""
    if view is None:
        return list(an.quotes)
    cols = set(_cols(an, view))
    out = []
    for q in an.quotes:
        if q.article not in cols:
            continue
        sents = an.articles[q.article].sentences
        touched = [s.i for s in sents[max(0, q.sentence):]
                   if s.start < q.end and q.start < s.end] if sents else []
        if view.keep is None or any(view.kept(q.article, i) for i in touched):
            out.append(q)
    return out


def _speakers(an: Analysis, view: ReportView | None) -> list[tuple[object, int]]:
    """(speaker, quotes) in the view: every speaker without one; with one, those quoted
    in it, with the number of their quotes there."""
    if view is None:
        return [(sp, sp.quotes) for sp in an.speakers]
    count = Counter(q.speaker for q in _quotes(an, view))
    return [(sp, count[sp.name]) for sp in an.speakers if count[sp.name]]


_VIEW_CSS = """
.scope { border-left: 4px solid var(--dim); padding-left: .6rem; }
p.passes { border-left: 4px double #111; padding-left: calc(1.2em + 6px); }
p.found { border-right: 4px solid #111; padding-right: 6px; background: #fff3b0; }
"""


def html_report(an: Analysis, view: ReportView | None = None) -> str:
    cols = _cols(an, view)
    arts = an.articles
    n = len(cols)
    sentences, shared, adds = _summary(an, view)
    title = _title(an, view)
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

    # sources
    w('<section id="sources">\n<h2>Sources</h2>\n<table class="sources">\n<thead><tr>'
      "<th>Source</th><th>Headline</th><th>Date</th><th>Byline</th><th>From</th>"
      "<th>Sentences</th><th>Additions</th></tr></thead>\n<tbody>\n")
    for a in cols:
        art = arts[a]
        where = _e(art.path)
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
    where: dict[int, list[int]] = {}
    for k, row in enumerate(laid, 1):
        if row.kind == "shared":
            where.setdefault(row.group, []).append(k)
    for k, row in enumerate(laid, 1):
        note = ""
        others = [x for x in where.get(row.group, ()) if x != k] if row.kind == "shared" else []
        if others:
            note = ('<br><span class="part">also row ' + ", ".join(f'<a href="#r{x}">{x}</a>'
                                                             for x in others) + "</span>")
        w(f'<tr class="{row.kind}" id="r{k}"><td class="n">{k}{note}</td>')
        for a in cols:
            cell = row.cells.get(a)
            if not cell:
                w('<td class="empty"></td>')
                continue
            w("<td>" + "".join(_sentence_html(an, a, i, view) for i in cell) + "</td>")
        w("</tr>\n")
    w("</tbody>\n</table>\n</section>\n")

    # speakers, quotes, topics: when the analysis has them
    speakers = _speakers(an, view)
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
    quotes = _quotes(an, view)
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
    counts = _topic_counts(an, view)
    topics = [t for t in an.topics
              if view is None or any(counts[a].get(t.id) for a in cols)]
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
                c = counts[a].get(t.id, 0)
                w(f"<td>{c or '—'}</td>")
            w("</tr>\n")
        w("</tbody>\n</table>\n<p class=\"muted\">Sentences of each source on each topic."
          "</p>\n</section>\n")
    w("<footer>Made with synopsis. Each source's text is quoted as read; the marks are the "
      "analysis's, not the sources'.</footer>\n</body>\n</html>\n")
    return "".join(o)


def _topic_counts(an: Analysis, view: ReportView | None = None) -> list[Counter]:
    out = []
    for a, art in enumerate(an.articles):
        c: Counter = Counter()
        for s in art.sentences:
            if _kept(view, a, s.i):
                c.update(an.topics_of(a, s.i))
        out.append(c)
    return out


# ------------------------------------------------------------------ Markdown

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
    cols = _cols(an, view)
    arts = an.articles
    n = len(cols)
    sentences, shared, adds = _summary(an, view)
    o: list[str] = []
    w = o.append
    w(f"# {md_escape(_title(an, view))}\n\n")
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
                   lambda a, i: _kept(view, a, i) and view.is_found(a, i))
    w("\n## What each source adds\n")
    for a in cols:
        art = arts[a]
        w(f"\n### {md_escape(art.label)}\n\n")
        own = additions(an, a, view)
        details = []
        for s in art.sentences:
            if s.boilerplate or an.is_unique(a, s.i) or not _kept(view, a, s.i):
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
            ma = next(m for m in an.at(d.a, d.i).matches if m.article == d.b and m.i == d.j)
            mb = next((m for m in an.at(d.b, d.j).matches if m.article == d.a and m.i == d.i),
                      None)
            w(f"| {d.kind} | {md_escape(A.label)} | {_excerpt(A, sa, ma.changed)} | "
              f"{md_escape(B.label)} | {_excerpt(B, sb, mb.changed if mb else ())} |\n")
    speakers = _speakers(an, view)
    if speakers:
        w("\n## Speakers\n\n")
        for sp, nq in speakers:
            alias = f"; also: {md_escape('; '.join(sp.aliases))}" if sp.aliases else ""
            role = getattr(sp, "role", None)
            role = f", {md_escape(role)}" if role else ""
            w(f"- **{md_escape(sp.name)}**{role} ({md_escape(sp.kind)}), {nq} "
              f"quote{'s' if nq != 1 else ''}{alias}\n")
    counts = _topic_counts(an, view)
    topics = [t for t in an.topics
              if view is None or any(counts[a].get(t.id) for a in cols)]
    if topics:
        w("\n## Topics\n\n")
        for t in topics:
            per = ", ".join(f"{md_escape(arts[a].label)} {counts[a][t.id]}" for a in cols
                            if counts[a].get(t.id))
            kw = f" ({md_escape(', '.join(t.keywords))})" if t.keywords else ""
            w(f"- **{md_escape(t.label)}**{kw}{': ' + per if per else ''}\n")
    return "".join(o)
