"""What the reader's filters and search select: display logic over the model, no Textual.

- A speaker filter keeps the sentences that quote the speaker (a quote may run over
  several sentences: each one it touches), and marks the quotes' words.
- A topic filter keeps the sentences the engine files under the topic.
- Both together: a sentence must pass both.
- A search finds a text in every article, case-insensitively and whatever the quote
  marks and dashes (’ ' ‘ “ " ” « », – — -), and marks where.

`Lens` holds one state of all three for the whole corpus; the panes ask it per sentence.
(Grouping a speaker's quotes into statements and their wordings is the engine's:
`tui.engine.statements`.)
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from time import perf_counter

from ..engine.chars import fold
from ..engine.model import Analysis
from ..engine.statements import speaker_quotes
from .layout import MATCH, QUOTED

ONLY, MARK = "only", "mark"      # the filter shows only the passing sentences, or marks them

def pattern(query: str) -> re.Pattern | None:
    """The search as a pattern over folded text (any run of spaces matches any run)."""
    parts = fold(query).split()
    if not parts:
        return None
    return re.compile(r"\s+".join(re.escape(p) for p in parts))


def _sentence_of(starts: list[int], ends: list[int], offset: int) -> int:
    k = bisect_right(starts, offset) - 1
    return k if k >= 0 and offset < ends[k] else -1


def quote_spans(analysis: Analysis, quotes) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """(article, sentence) -> the spans of `quotes` in it (a quote over several sentences
    is cut at their ends)."""
    out: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for q in quotes:
        art = analysis.articles[q.article]
        for s in art.sentences[max(0, q.sentence):]:
            if s.start >= q.end:
                break
            lo, hi = max(s.start, q.start), min(s.end, q.end)
            if lo < hi:
                out.setdefault((q.article, s.i), []).append((lo, hi))
    return out


@dataclass
class Lens:
    """The filters and the search, over the whole corpus.  `passing[a]` is None without a
    filter, else the sentences of article a that pass it, in order."""

    analysis: Analysis | None = None
    speaker: str | None = None
    topic: str | None = None
    mode: str = ONLY
    query: str = ""
    passing: list[list[int]] | None = None
    quoted: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)
    matches: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)
    _pass_sets: list[frozenset[int]] = field(default_factory=list)
    _hit_index: dict[int, list[int]] | None = field(default=None, init=False, repr=False)

    @property
    def filtering(self) -> bool:
        return self.passing is not None

    @property
    def marks(self) -> tuple:
        """What the lens's own marks are: the speaker whose quotes, the search whose
        matches (a pane keeps the lines that carry them per marks)."""
        return (self.speaker if self.quoted else None, self.query if self.matches else "")

    @property
    def only(self) -> bool:
        """The panes show only the passing sentences."""
        return self.passing is not None and self.mode == ONLY

    def passes(self, a: int, i: int) -> bool:
        return self.passing is None or i in self._pass_sets[a]

    def shown(self, a: int) -> list[int] | None:
        """The sentences a pane of article a shows (None: all of them)."""
        return self.passing[a] if self.only else None

    def spans(self, a: int, i: int) -> list[tuple[list[tuple[int, int]], int]]:
        """Extra marks of sentence (a, i): [(spans, flag)]."""
        out = []
        q = self.quoted.get((a, i))
        if q:
            out.append((q, QUOTED))
        m = self.matches.get((a, i))
        if m:
            out.append((m, MATCH))
        return out

    def hits(self, a: int) -> list[int]:
        """Sentences of article a with a search match (that the filter shows), in order."""
        if self._hit_index is None:     # once per search (a lens is replaced, not changed)
            index: dict[int, list[int]] = {}
            for b, i in sorted(self.matches):
                if not self.only or self.passes(b, i):
                    index.setdefault(b, []).append(i)
            self._hit_index = index
        return self._hit_index.get(a, [])


def filtered(analysis: Analysis, speaker: str | None, topic: str | None
             ) -> tuple[list[list[int]] | None, dict]:
    """(passing sentences per article or None, quote spans of the speaker)."""
    if analysis is None or (speaker is None and topic is None):
        return None, {}
    arts = analysis.articles
    keep = [set(range(len(art.sentences))) for art in arts]
    quoted = {}
    if speaker is not None:
        quoted = quote_spans(analysis, speaker_quotes(analysis, speaker))
        by = [set() for _ in arts]
        for a, i in quoted:
            by[a].add(i)
        keep = [k & b for k, b in zip(keep, by)]
    if topic is not None:
        keep = [{i for i in k if topic in analysis.topics_of(a, i)} for a, k in enumerate(keep)]
    return [sorted(k) for k in keep], quoted


class Searcher:
    """Finds a query in every article's shown text; the folded texts are made once."""

    def __init__(self, analysis_or_corpus) -> None:
        self.articles = analysis_or_corpus.articles
        self._folded: dict[int, tuple[str, list[int], list[int]]] = {}

    def _article(self, a: int) -> tuple[str, list[int], list[int]]:
        got = self._folded.get(a)
        if got is None:
            art = self.articles[a]
            got = self._folded[a] = (fold(art.shown), [s.start for s in art.sentences],
                                     [s.end for s in art.sentences])
        return got

    def prepare(self, budget: float) -> bool:
        """Fold the articles' texts ahead (the first search letter folds none) for up to
        `budget` seconds; True while some are left."""
        deadline = perf_counter() + budget
        for a in range(len(self.articles)):
            if a not in self._folded:
                self._article(a)
                if perf_counter() > deadline:
                    return len(self._folded) < len(self.articles)
        return False

    def find(self, query: str) -> dict[tuple[int, int], list[tuple[int, int]]]:
        """(article, sentence) -> spans matching `query` (a match is cut at its sentence's
        end; one between sentences is not kept)."""
        pat = pattern(query)
        out: dict[tuple[int, int], list[tuple[int, int]]] = {}
        if pat is None:
            return out
        for a in range(len(self.articles)):
            text, starts, ends = self._article(a)
            for m in pat.finditer(text):
                i = _sentence_of(starts, ends, m.start())
                if i >= 0:
                    out.setdefault((a, i), []).append((m.start(), min(m.end(), ends[i])))
        return out
