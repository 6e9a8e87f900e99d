"""Which sentence of another pane goes with the cursor: display logic over the model.

Panes are synchronised by content: the pane showing article b puts its match of
the cursor's sentence on the cursor's screen row.  When the cursor's sentence has
no match in b, b holds the position of the nearest preceding sentence that has
one (the "anchor").  Only confident links move a pane (Match.confident); a weak link
is shown as one (weak_in) but leaves the panes where they are.  No Textual here, so
this is tested on its own.
"""
from __future__ import annotations

from typing import Callable

from ..engine.model import Analysis, Match

Keep = Callable[[int], bool] | None     # which sentences of an article count (a filter)


def best_match(analysis: Analysis, a: int, i: int, b: int, keep: Keep = None
               ) -> Match | None:
    """The highest-scoring confident match of sentence (a, i) in article b (ties: the
    earlier one); with `keep`, among the sentences of b it keeps."""
    best = None
    for m in analysis.at(a, i).matches:
        if (m.article == b and m.confident
                and (best is None or m.score > best.score
                     or (m.score == best.score and m.i < best.i))
                and (keep is None or keep(m.i))):
            best = m
    return best


def matches_in(analysis: Analysis, a: int, i: int, b: int, keep: Keep = None
               ) -> tuple[int, ...]:
    """Every sentence of article b that sentence (a, i) is aligned with (that `keep` keeps)."""
    return tuple(sorted({m.i for m in analysis.at(a, i).matches
                         if m.article == b and (keep is None or keep(m.i))}))


def weak_in(analysis: Analysis, a: int, i: int, b: int, keep: Keep = None
            ) -> tuple[int, ...]:
    """The sentences of article b that sentence (a, i) is only weakly aligned with."""
    return tuple(sorted({m.i for m in analysis.at(a, i).matches
                         if m.article == b and not m.confident
                         and (keep is None or keep(m.i))}))


def anchor(analysis: Analysis, a: int, i: int, b: int, keep_a: Keep = None,
           keep_b: Keep = None) -> tuple[int, int] | None:
    """(k, j): the nearest sentence k <= i of article a with a confident match j in
    article b; with a filter, k among the sentences of a it keeps and j among those of b."""
    for k in range(i, -1, -1):
        if keep_a is not None and not keep_a(k):
            continue
        m = best_match(analysis, a, k, b, keep_b)
        if m is not None:
            return k, m.i
    return None
