"""The aligned-rows view, apart from any widget: which sentences of each visible source go
in which band, how tall each band is, and which sentences are told out of the others'
order (moved).  The bands are the reports' aligned rows (tui/report/rows.py) of the
sources the panes show; a band is as tall as its tallest cell, so each band starts on the
same line in every pane.  No Textual."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..engine.model import Analysis
from ..report.rows import rows
from ..report.view import ReportView


@dataclass(frozen=True)
class Bands:
    """One pane's part of the aligned rows: its sentences in each band, every band's
    height (the same list for every pane), the sentences shown moved, and the group each
    band stands for (-1: additions)."""

    cells: tuple[tuple[int, ...], ...]
    heights: tuple[int, ...]
    moved: frozenset[int]
    groups: tuple[int, ...]

    def band_of(self, i: int) -> int | None:
        for k, cell in enumerate(self.cells):
            if i in cell:
                return k
        return None


def plan(analysis: Analysis, visible: Sequence[int], heights: Callable[[int], Sequence[int]],
         keep: Callable[[int, int], bool] | None = None, spacing: int = 0
         ) -> dict[int, Bands]:
    """Per visible article, its Bands.  `heights(a)`: the lines each sentence of article a
    takes in its pane; `keep(a, i)`: the sentences a filter shows (None: all)."""
    laid = rows(analysis, ReportView(articles=tuple(visible), keep=keep))
    per = {a: list(heights(a)) for a in visible}
    tall: list[int] = []
    for row in laid:
        h = 0
        for a, cell in row.cells.items():
            h = max(h, sum(per[a][i] for i in cell) + spacing * (len(cell) - 1))
        tall.append(h)
    groups = tuple(row.group if row.kind == "shared" else -1 for row in laid)
    out = {}
    for a in visible:
        cells = tuple(tuple(row.cells.get(a, ())) for row in laid)
        moved = frozenset(i for row in laid if row.moved for i in row.cells.get(a, ()))
        out[a] = Bands(cells, tuple(tall), moved, groups)
    return out
