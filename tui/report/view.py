"""What a report covers: a `ReportView` (the whole analysis, or what a reader shows), the
view a reader's state asks for (`view_of`), and what of the analysis is in a view (its
sources, sentences, additions, quotes, speakers, topics), which every format reports.

A view narrows a report to some of the sources (in the panes' order) and, under a filter,
to the sentences that pass it (``keep``), or all sentences with the passing ones marked
(``marked``), and the sentences a search finds marked too (``found``, ``search``).  Its
``description`` heads the report.  The marks stay the analysis's: an addition is a
sentence no loaded source has, and a shared sentence names every source it is in, shown or
not.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..engine.model import Analysis, Quote, Speaker


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


# ------------------------------------------------------------------ what is in a view

def columns(an: Analysis, view: ReportView | None) -> list[int]:
    """The sources of the view, in column order."""
    return list(range(len(an.articles))) if view is None else view.columns(an)


def kept(view: ReportView | None, a: int, i: int) -> bool:
    return view is None or view.kept(a, i)


def additions(an: Analysis, a: int, view: ReportView | None = None) -> list[int]:
    """Sentences only article `a` has, page furniture (headlines, captions ...) left out
    (with a view: those it keeps)."""
    return [i for i in an.additions(a, furniture=False) if kept(view, a, i)]


def n_kept(an: Analysis, a: int, view: ReportView | None) -> int:
    return sum(1 for s in an.articles[a].sentences if kept(view, a, s.i))


def summary(an: Analysis, view: ReportView | None = None) -> tuple[int, int, int]:
    """(sentences, statements shared by two sources or more, additions) in the view."""
    if view is None:
        sentences = sum(len(a.sentences) for a in an.articles)
        shared = len(an.links.groups())
        adds = sum(len(additions(an, a)) for a in range(len(an.articles)))
        return sentences, shared, adds
    cols = columns(an, view)
    sentences = sum(n_kept(an, a, view) for a in cols)
    shared = sum(1 for g in an.links.groups()
                 if len({a for a, i in g if a in cols and view.kept(a, i)}) >= 2)
    adds = sum(len(additions(an, a, view)) for a in cols)
    return sentences, shared, adds


def title_of(an: Analysis, view: ReportView | None = None) -> str:
    arts = an.articles if view is None else [an.articles[a] for a in columns(an, view)]
    titles = [a.title for a in arts if a.title]
    if titles:
        return Counter(titles).most_common(1)[0][0]
    return f"{len(arts)} articles"


def quotes_in(an: Analysis, view: ReportView | None) -> list[Quote]:
    """The quotes in the view: of its sources, in a sentence it keeps."""
    if view is None:
        return list(an.quotes)
    cols = set(columns(an, view))
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


def speakers_in(an: Analysis, view: ReportView | None) -> list[tuple[Speaker, int]]:
    """(speaker, quotes) in the view: every speaker without one; with one, those quoted
    in it, with the number of their quotes there."""
    if view is None:
        return [(sp, sp.quotes) for sp in an.speakers]
    counts = an.quote_counts(quotes_in(an, view))
    return [(sp, n) for sp in an.speakers if (n := sum(counts.get(sp.name, ())))]


def topic_counts(an: Analysis, view: ReportView | None = None) -> dict[str, list[int]]:
    """Per topic id, the sentences of each source on it that the view keeps."""
    return an.topic_counts(None if view is None else view.kept)


# ------------------------------------------------------------------ the reader's view

def plural(n: int, noun: str) -> str:
    """'1 sentence', '2 sentences' (nouns whose plural takes an s)."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def topic_label(analysis: Analysis | None, topic: str) -> str:
    """A topic's label, by its id (the id itself when the analysis has no such topic)."""
    for t in analysis.topics if analysis is not None else ():
        if t.id == topic:
            return t.label
    return topic


def view_of(analysis: Analysis, shown, lens) -> tuple[ReportView | None, str]:
    """(the view, or None for the whole analysis; the scope in words) of a reader that
    shows the sources `shown` (left to right) through `lens` (its filters and search:
    speaker, topic, query, passing, only, filtering, matches)."""
    arts = analysis.articles
    n = len(arts)
    shown = tuple(a for a in shown if 0 <= a < n)
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
            what.append(f"topic “{topic_label(analysis, lens.topic)}”")
        passing = sum(len(lens.passing[a]) for a in shown)
        sets = [frozenset(p) for p in lens.passing]

        def passes(a: int, i: int) -> bool:
            return i in sets[a]

        if lens.only:
            keep = passes
            parts.append(f"filter {' and '.join(what)}: only the "
                         f"{plural(passing, 'sentence')} that pass it")
        else:
            marked = passes
            parts.append(f"filter {' and '.join(what)}: all sentences, the "
                         f"{plural(passing, 'sentence')} that pass it marked")
    found = None
    if lens.query:
        hits = frozenset(lens.matches)
        n_hits = sum(1 for a, i in hits if a in shown and (keep is None or keep(a, i)))

        def found(a: int, i: int) -> bool:
            return (a, i) in hits
        parts.append(f"the search /{lens.query}: the {plural(n_hits, 'sentence')} it finds "
                     "marked")
    scope = "; ".join(parts)
    return ReportView(articles=shown, keep=keep, marked=marked, found=found,
                      search=lens.query, description=scope), scope


def file_name(path: str) -> str:
    """A source's place as a report may show it: a web address as it is, a local file by
    its name alone (a report travels; the folders of the machine that made it stay)."""
    if path.lower().startswith(("http://", "https://")):
        return path
    return os.path.basename(path.rstrip("/\\")) or path


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
