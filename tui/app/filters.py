"""What the reader's filters and search select: display logic over the model, no Textual.

- A speaker filter keeps the sentences that quote the speaker (a quote may run over
  several sentences: each one it touches), and marks the quotes' words.
- A topic filter keeps the sentences the engine files under the topic.
- Both together: a sentence must pass both.
- A search finds a text in every article, case-insensitively and whatever the quote
  marks and dashes (’ ' ‘ “ " ” « », – — -), and marks where.

`Lens` holds one state of all three for the whole corpus; the panes ask it per sentence.
`statements` groups a speaker's quotes across sources into the things they said, and
`word_differences` marks how each source's wording differs from the others'.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..engine.model import Analysis, Quote

# Flags of a run beyond layout.ADDED (1) and layout.CHANGED (2) and lines' LABEL/MUTED/KEYCAP
QUOTED = 32        # words of the chosen speaker's quote
MATCH = 64         # a search match

ONLY, MARK = "only", "mark"      # the filter shows only the passing sentences, or marks them

_FOLD = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    "“": "'", "”": "'", "„": "'", "‟": "'", "″": "'", "«": "'", "»": "'", '"': "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "\u00a0": " ", "\u202f": " ",
})


def fold(text: str) -> str:
    """Lower case, one quote mark for every kind (single or double, straight or curly,
    guillemets), one dash; the same length as `text`, so offsets into it are offsets into
    the text."""
    t = text.translate(_FOLD)
    low = t.lower()
    if len(low) == len(t):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in t)


def pattern(query: str) -> re.Pattern | None:
    """The search as a pattern over folded text (any run of spaces matches any run)."""
    parts = fold(query).split()
    if not parts:
        return None
    return re.compile(r"\s+".join(re.escape(p) for p in parts))


def _sentence_of(starts: list[int], ends: list[int], offset: int) -> int:
    k = bisect_right(starts, offset) - 1
    return k if k >= 0 and offset < ends[k] else -1


def speaker_quotes(analysis: Analysis, name: str) -> list[Quote]:
    return [q for q in analysis.quotes if q.speaker == name]


def quote_counts(analysis: Analysis) -> dict[str, list[int]]:
    """Per speaker name, the number of quotes in each article."""
    n = len(analysis.articles)
    out: dict[str, list[int]] = {sp.name: [0] * n for sp in analysis.speakers}
    for q in analysis.quotes:
        if q.speaker is not None:
            out.setdefault(q.speaker, [0] * n)[q.article] += 1
    return out


def topic_counts(analysis: Analysis) -> dict[str, list[int]]:
    """Per topic id, the number of sentences of each article filed under it."""
    n = len(analysis.articles)
    out: dict[str, list[int]] = {t.id: [0] * n for t in analysis.topics}
    for a, rows in enumerate(analysis.sentence_topics):
        for ids in rows:
            for t in ids:
                out.setdefault(t, [0] * n)[a] += 1
    return out


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


# -- the quote comparison ----------------------------------------------------------------

_TOKEN = re.compile(r"\S+")
_EDGE = re.compile(r"^\W+|\W+$")


def _norm_word(w: str) -> str:
    return _EDGE.sub("", fold(w))


def _norm(text: str) -> str:
    return " ".join(filter(None, (_norm_word(w) for w in text.split())))


@dataclass
class Statement:
    """One thing a speaker said, as each source put it: quotes grouped across sources."""

    quotes: list[Quote]

    @property
    def articles(self) -> list[int]:
        return sorted({q.article for q in self.quotes})


def _similar(x: str, y: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(x, y)


def _contained(x: str, y: str) -> float:
    """How well the shorter text appears inside the longer (0..100), for fragments of a
    longer quote; 0 for fragments too short to tell (one or two words)."""
    from rapidfuzz import fuzz

    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if len(short.split()) < 3:
        return 0.0
    return fuzz.partial_ratio(short, long_)


def statements(analysis: Analysis, name: str, *, same=70.0, fragment=90.0,
               in_group=45.0) -> list[Statement]:
    """The speaker's quotes grouped into statements.  Longest first, each quote joins the
    statement whose longest quote it is closest to, if any is close enough: a close wording
    (rapidfuzz ratio >= `same`); a fragment of it (partial ratio >= `fragment`: six words or
    more, or in a sentence the engine aligned with it); or a looser wording (ratio >=
    `in_group`) in a sentence the engine aligned with it (one alignment group).  Comparing
    with the longest quote only keeps a short fragment from chaining two statements.
    Statements said by the most sources come first, then in the order of the first source."""
    qs = speaker_quotes(analysis, name)
    norm = [_norm(q.text) for q in qs]
    group = [analysis.group(q.article, q.sentence) if q.sentence >= 0 else -1 for q in qs]
    clusters: list[list[int]] = []
    for x in sorted(range(len(qs)), key=lambda x: (-len(norm[x]), qs[x].article, qs[x].start)):
        best, where = 0.0, None
        for c in clusters:
            rep = c[0]
            aligned = group[x] >= 0 and any(group[y] == group[x] for y in c)
            r = _similar(norm[x], norm[rep])
            part = _contained(norm[x], norm[rep])
            ok = (r >= same
                  or (part >= fragment and (aligned or len(norm[x].split()) >= 6))
                  or (aligned and r >= in_group))
            score = max(r, part)
            if ok and score > best:
                best, where = score, c
        if where is None:
            clusters.append([x])
        else:
            where.append(x)
    out = [Statement(sorted((qs[x] for x in c), key=lambda q: (q.article, q.start)))
           for c in clusters]
    out.sort(key=lambda st: (-len(st.articles), st.quotes[0].article, st.quotes[0].start))
    return out


def word_differences(texts: list[str]) -> list[set[int]]:
    """For each text, the indices of its words (whitespace-separated) that the other texts
    word differently: replaced, or added inside the stretch both quote, in at least half
    of the other texts that quote that stretch (so with five sources, the one that words
    it its own way is marked, not the four that agree; with two, both).  Case, quote marks,
    dashes and edge punctuation do not count, nor do words that one text quotes and
    another leaves off at either end (a shorter excerpt)."""
    from difflib import SequenceMatcher

    toks = [[_norm_word(w) for w in t.split()] for t in texts]
    marked: list[set[int]] = []
    for x in range(len(texts)):
        differ = [0] * len(toks[x])
        cover = [0] * len(toks[x])
        for y in range(len(texts)):
            if x == y:
                continue
            ops = SequenceMatcher(None, toks[x], toks[y], autojunk=False).get_opcodes()
            equal = [op for op in ops if op[0] == "equal"]
            if not equal:
                continue     # nothing in common: an excerpt of another part
            lo, hi = equal[0][1], equal[-1][2]          # the stretch both quote, in x
            for tag, i1, i2, _j1, _j2 in ops:
                inside = tag == "replace" or lo <= i1 and i2 <= hi
                if not inside:
                    continue
                for k in range(i1, i2):
                    cover[k] += 1
                    if tag != "equal":
                        differ[k] += 1
        marked.append({k for k in range(len(toks[x]))
                       if toks[x][k] and differ[k] and 2 * differ[k] >= cover[k]})
    return marked
