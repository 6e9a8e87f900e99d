"""What a speaker said, across sources: the speaker's quotes grouped into statements (one
thing said, as each source put it), each statement's distinct wordings, and the words in
which one wording differs from the others.  Pure functions over the model."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .chars import fold
from .model import Analysis, Quote

_EDGE = re.compile(r"^\W+|\W+$")


def _norm_word(w: str) -> str:
    return _EDGE.sub("", fold(w))


def _norm(text: str) -> str:
    return " ".join(filter(None, (_norm_word(w) for w in text.split())))


def speaker_quotes(analysis: Analysis, name: str) -> list[Quote]:
    """The quotes the engine attributes to `name`, in corpus order."""
    return [q for q in analysis.quotes if q.speaker == name]


@dataclass(frozen=True)
class Statement:
    """One thing a speaker said, as each source put it: quotes grouped across sources.

    `printed`: every source that prints it -- quoting the speaker, quoting the same words
    without naming them (or naming someone else), quoting part of it, or restating it in a
    sentence the engine aligned with it; the sources not in `printed` leave it out."""

    quotes: tuple[Quote, ...]
    printed: tuple[int, ...] = ()

    @property
    def articles(self) -> list[int]:
        return sorted({q.article for q in self.quotes})

    def absent(self, n_articles: int) -> list[int]:
        """The sources (indices) that do not print the statement at all."""
        have = set(self.printed) | set(self.articles)
        return [b for b in range(n_articles) if b not in have]

    def wordings(self) -> list[list[Quote]]:
        """The statement's quotes by wording (the same words, whatever the case, quote
        marks, dashes and closing punctuation), in the order of their first quote."""
        out: dict[str, list[Quote]] = {}
        for q in self.quotes:
            key = " ".join(w.strip(".,;:!?") for w in fold(q.text).split())
            out.setdefault(key, []).append(q)
        return list(out.values())


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
    printed = _printed_by(analysis, qs, norm, group, clusters, same, fragment, in_group)
    out = [Statement(tuple(sorted((qs[x] for x in c), key=lambda q: (q.article, q.start))),
                     printed=p)
           for c, p in zip(clusters, printed)]
    out.sort(key=lambda st: (-len(st.articles), st.quotes[0].article, st.quotes[0].start))
    return out


def _printed_by(analysis: Analysis, qs: list[Quote], norm: list[str], group: list[int],
                clusters: list[list[int]], same: float, fragment: float,
                in_group: float) -> list[tuple[int, ...]]:
    """Per statement, the sources that print it: the speaker's own quotes; any quotation,
    whoever it is credited to (or no one), whose words are the statement's, a part of it
    (three words or more) or a rewording close enough (the thresholds of `statements`); and
    any sentence the engine aligned with one of the statement's sentences (the same thing
    said, quoted or not)."""
    mine = {id(q) for q in qs}
    others = [(q, _norm(q.text)) for q in analysis.quotes if q.depth == 0 and id(q) not in mine]
    in_group_of: dict[int, set[int]] = {}
    for a, art in enumerate(analysis.articles):
        for s in art.sentences:
            g = analysis.group(a, s.i)
            if g >= 0:
                in_group_of.setdefault(g, set()).add(a)
    out = []
    for c in clusters:
        rep = norm[c[0]]
        srcs = {qs[x].article for x in c}
        groups = {group[x] for x in c if group[x] >= 0}
        for g in groups:
            srcs |= in_group_of.get(g, set())
        for q, t in others:
            if q.article in srcs or not t:
                continue
            aligned = q.sentence >= 0 and analysis.group(q.article, q.sentence) in groups
            r = _similar(t, rep)
            if r >= same or _contained(t, rep) >= fragment or aligned and r >= in_group:
                srcs.add(q.article)
        out.append(tuple(sorted(srcs)))
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
