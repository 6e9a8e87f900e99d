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
    """One thing a speaker said, as each source put it: quotes grouped across sources."""

    quotes: tuple[Quote, ...]

    @property
    def articles(self) -> list[int]:
        return sorted({q.article for q in self.quotes})

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
    out = [Statement(tuple(sorted((qs[x] for x in c), key=lambda q: (q.article, q.start))))
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
