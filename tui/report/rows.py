"""What the reports lay out: the sources in aligned rows (one per statement they share,
with what each adds in between) and the disagreements (aligned sentences that put a
number, a name or a quote differently)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..engine.chars import CLOSING_DOUBLE, DOUBLE, OPENING_DOUBLE, SINGLE
from ..engine.model import Analysis, Article, Sentence
from ..engine.text import QUANTITY_WORDS
from .view import ReportView, columns, kept


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
    cols = set(columns(an, view))
    members: dict[int, list[tuple[int, int]]] = {}
    placed = [bytearray(len(art.sentences)) for art in arts]
    for a, art in enumerate(arts):
        for s in art.sentences:
            if a not in cols or not kept(view, a, s.i):
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
        opened = (sum(before.count(c) for c in OPENING_DOUBLE)
                  - sum(before.count(c) for c in CLOSING_DOUBLE))
        if opened > 0 or before.count('"') % 2 == 1 or re.search(r"(?:^|\s)‘[^’]*$", before):
            out.add("quote")
        for m in re.finditer(r"\S+", art.text[a:b]):
            w = m.group().strip(DOUBLE + SINGLE + "()[],.;:!?")
            if any(ch.isdigit() for ch in w) or w.lower() in QUANTITY_WORDS:
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
    cols = set(columns(an, view))
    for group in an.links.groups():
        for a, i in group:
            if a not in cols or not kept(view, a, i):
                continue
            al = an.at(a, i)
            for m in al.matches:
                key = (min((a, i), (m.article, m.i)), max((a, i), (m.article, m.i)))
                if key in seen or not m.changed:
                    continue
                if m.article not in cols or not kept(view, m.article, m.i):
                    continue
                seen.add(key)
                art, other = an.articles[a], an.articles[m.article]
                s, t = art.sentences[i], other.sentences[m.i]
                if s.boilerplate or t.boilerplate:
                    continue
                back = an.match(m.article, m.i, a, i)
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

