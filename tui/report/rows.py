"""The sources in aligned rows: one row (a band) for each statement they share, its
members side by side, rows of what each source alone says in between, and a statement a
source tells out of the others' order shown where it tells it, marked moved.  The HTML
report, `synopsis diff` and the reader's aligned view lay the sources out with it."""
from __future__ import annotations

from collections import Counter
from itertools import accumulate
from weakref import WeakKeyDictionary
from dataclasses import dataclass, field

from ..engine.model import Analysis
from .view import ReportView, columns, kept


# ------------------------------------------------------------------ rows for the columns

@dataclass
class Row:
    kind: str                                   # "shared" | "additions"
    cells: dict[int, list[int]] = field(default_factory=dict)   # article -> sentence indices
    group: int = -1
    part: int = 0                               # >0: members told elsewhere (moved)

    @property
    def moved(self) -> bool:
        """Members of a group that their sources tell at another place than the others."""
        return self.part > 0


def _lis_ends(vals: list[int]) -> list[int]:
    """For each index, the length of the longest strictly increasing run of `vals` (a
    subsequence) that ends there."""
    from bisect import bisect_left

    tails: list[int] = []
    out = []
    for v in vals:
        t = bisect_left(tails, v)
        if t == len(tails):
            tails.append(v)
        else:
            tails[t] = v
        out.append(t + 1)
    return out


def _increasing(seq: list[float]) -> set[int]:
    """Indices of a longest strictly increasing subsequence of `seq`."""
    ends = _lis_ends(seq)     # type: ignore[arg-type]
    out: set[int] = set()
    want, bound = max(ends, default=0), float("inf")
    for k in range(len(seq) - 1, -1, -1):
        if ends[k] == want and seq[k] < bound:
            out.add(k)
            want, bound = want - 1, seq[k]
    return out


IMPROVE_LIMIT = 3000      # shared sentences up to which the band order is refined


def _band_order(order: list[int], firsts: dict[int, list[int]]) -> list[int]:
    """Refine a band order so that more of each source's shared sentences keep to it: each
    group in turn moves to the place where the sources' longest in-order runs are longest
    together, until no move gains.  `firsts[a]`: source a's groups in text order."""
    if sum(len(f) for f in firsts.values()) > IMPROVE_LIMIT:
        return order
    holders: dict[int, list[int]] = {}
    for a, f in firsts.items():
        for g in f:
            holders.setdefault(g, []).append(a)
    for _ in range(4):
        gained = False
        for g in list(order):
            rest = [h for h in order if h != g]
            r = {h: k for k, h in enumerate(rest)}
            n = len(rest) + 1
            here = order.index(g)
            total = [0] * n
            for a in holders.get(g, ()):
                f = firsts[a]
                p = f.index(g)
                seq = [r[h] for h in f if h != g]
                ends = _lis_ends(seq)
                starts = _lis_ends([-v for v in reversed(seq)])[::-1]
                base = max(ends, default=0)
                before = [0] * (n + 1)          # best run ending before p below each place
                for e in range(p):
                    v = seq[e] + 1
                    if ends[e] > before[v]:
                        before[v] = ends[e]
                after = [0] * (n + 1)           # best run starting after p above each place
                for e in range(p, len(seq)):
                    v = seq[e]
                    if starts[e] > after[v]:
                        after[v] = starts[e]
                before = list(accumulate(before, max))
                after = list(accumulate(reversed(after), max))[::-1]
                total = [t + max(base, x + 1 + y) for t, x, y in zip(total, before, after)]
            k = max(range(n), key=lambda k: (total[k], k == here))
            if total[k] > total[here]:
                order = rest[:k] + [g] + rest[k:]
                gained = True
        if not gained:
            break
    return order


_ORDERS: "WeakKeyDictionary[object, dict[int, int]]" = WeakKeyDictionary()


def band_order(an: Analysis) -> dict[int, int]:
    """Each group's place in the order most sources keep (all the analysis's sources,
    whatever a view shows: the order is worked out once per analysis): each group's mean
    place in its sources, then each group moved to where the most shared sentences keep
    to the order (`_band_order`)."""
    got = _ORDERS.get(an.links)
    if got is not None:
        return got
    firsts: dict[int, list[int]] = {}
    total: dict[int, list[float]] = {}
    for a, art in enumerate(an.articles):
        seen: dict[int, None] = {}
        m = max(1, len(art.sentences))
        for s in art.sentences:
            g = an.group(a, s.i)
            if g >= 0 and g not in seen:
                seen[g] = None
                total.setdefault(g, []).append(s.i / m)
        firsts[a] = list(seen)
    rank = {g: sum(v) / len(v) for g, v in total.items()}
    order = _band_order(sorted(rank, key=lambda g: (rank[g], g)), firsts)
    got = {g: k for k, g in enumerate(order)}
    try:
        _ORDERS[an.links] = got
    except TypeError:       # links that cannot be weakly referred to: worked out each time
        pass
    return got


def rows(an: Analysis, view: ReportView | None = None) -> list[Row]:
    """Lay the articles out in aligned rows, keeping every column in text order: one row
    (a band) for each statement the sources share, its members side by side, and between
    the bands rows of what each source alone says.

    Sources tell things in different orders.  The bands follow the order most sources
    keep (`band_order`); in each source, the longest run of its
    shared sentences that follows that order sits in the bands, and a shared sentence told
    out of that order is shown where its source tells it, in a row of its own marked
    moved (`part` > 0).

    With a view, only its articles and the sentences it keeps are laid out; a group then
    has only its kept members."""
    arts = an.articles
    cols = [a for a in columns(an, view)]
    seqs: dict[int, list[int]] = {a: [s.i for s in arts[a].sentences if kept(view, a, s.i)]
                                  for a in cols}
    group_of = {a: [an.group(a, i) for i in seqs[a]] for a in cols}
    # a group counts only where two sources or more of the view have it
    sources_of: dict[int, set[int]] = {}
    for a in cols:
        for g in group_of[a]:
            if g >= 0:
                sources_of.setdefault(g, set()).add(a)
    shared = {g for g, srcs in sources_of.items() if len(srcs) >= 2}
    for a in cols:
        group_of[a] = [g if g in shared else -1 for g in group_of[a]]

    def firsts(a: int) -> list[tuple[int, int]]:
        """(index in seqs[a], group) of the first member of each group in source a."""
        seen, out = set(), []
        for k, g in enumerate(group_of[a]):
            if g >= 0 and g not in seen:
                seen.add(g)
                out.append((k, g))
        return out

    first = {a: firsts(a) for a in cols}
    where = band_order(an)
    order = sorted({g for a in cols for _, g in first[a]}, key=where.__getitem__)
    keep_of: dict[int, set[int]] = {}
    for a in cols:
        lis = _increasing([where[g] for _, g in first[a]])
        keep_of[a] = {first[a][x][1] for x in lis}
    bands = [g for g in order if any(g in keep_of[a] for a in cols)]
    out: list[Row] = []
    pos = {a: 0 for a in cols}
    parts: Counter = Counter()

    def band_start(a: int, g: int) -> int | None:
        return next((k for k, h in first[a] if h == g), None) if g in keep_of[a] else None

    def emit_before(stops: dict[int, int]) -> None:
        """Everything of each source before its stop: additions side by side, a moved
        shared sentence in a row of its own."""
        while True:
            row = Row("additions")
            for a in cols:
                k = pos[a]
                run = []
                while k < stops[a] and group_of[a][k] < 0:
                    run.append(seqs[a][k])
                    k += 1
                if run:
                    row.cells[a] = run
                    pos[a] = k
            if row.cells:
                out.append(row)
                continue
            movers = [a for a in cols if pos[a] < stops[a]]
            if not movers:
                return
            a = movers[0]
            g = group_of[a][pos[a]]
            cell = []
            while pos[a] < stops[a] and group_of[a][pos[a]] == g:
                cell.append(seqs[a][pos[a]])
                pos[a] += 1
            parts[g] += 1
            out.append(Row("shared", {a: cell}, group=g, part=parts[g]))

    for g in bands:
        starts = {a: band_start(a, g) for a in cols}
        emit_before({a: (k if k is not None else pos[a]) for a, k in starts.items()})
        row = Row("shared", group=g, part=0)
        for a in cols:
            k = starts[a]
            if k is None:
                continue
            cell = []
            while k < len(seqs[a]) and group_of[a][k] == g:
                cell.append(seqs[a][k])
                k += 1
            row.cells[a] = cell
            pos[a] = k
        out.append(row)
    emit_before({a: len(seqs[a]) for a in cols})
    return out
