"""The styles every marked line uses (MarkStyles), and the states a line can be in.

A line is: cursor bar, glyph, space, runs ``(text, flags)``.  Its styles come from
component classes (see synopsis.tcss), composed once per (kind, boilerplate, flags,
state) and cached, so Textual themes, NO_COLOR and ANSI mode apply.
"""
from __future__ import annotations

from time import perf_counter

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from ..layout import (ADDED, ADDITION, CHANGED, KEYCAP, LABEL, MATCH, MUTED, PENDING,
                      QUOTED, Run, cells)

GUTTER = 3         # cursor bar, glyph, space


# Line states (what the line's sentence is to the reader right now): the cursor's, aligned
# with the cursor's (a peer), or neither; or'ed with what the filters and search say of it
# Line states (what the line's sentence is to the reader right now): the cursor's, aligned
# with the cursor's (a peer), or neither; or'ed with what the filters and search say of it
PLAIN, CURSOR, PEER = 0, 1, 2
HIT = 4            # passes the filter (the filter marks rather than hides)
QUOTES = 8         # holds a quote of the chosen speaker
FOUND = 16         # holds a search match
WEAK = 32          # a peer only weakly aligned with the cursor's sentence (engine confidence)
BASE = 3
BARS = {PLAIN: " ", CURSOR: "▌", PEER: "▎"}
STATE_CLASS = {CURSOR: "marks--cursor", PEER: "marks--peer"}
BAR_CLASS = {CURSOR: "marks--bar-cursor", PEER: "marks--bar-peer"}


def bar_char(state: int) -> str:
    """The first gutter cell: the cursor, a peer (a weakly aligned one: ┆), else a search
    hit (/), a quote of the chosen speaker (❝), a sentence the filter marks (┃)."""
    base = state & BASE
    if base == PEER and state & WEAK:
        return "┆"  # a weak link: a broken bar, not a colour alone
    if base:
        return BARS[base]
    if state & FOUND:
        return "/"
    if state & QUOTES:
        return "❝"
    if state & HIT:
        return "┃"
    return " "


MARK_CLASSES = {
    "marks--addition", "marks--boilerplate", "marks--added", "marks--changed",
    "marks--cursor", "marks--peer", "marks--bar-cursor", "marks--bar-peer",
    "marks--glyph-addition", "marks--glyph-verbatim", "marks--glyph-edited",
    "marks--glyph-paraphrase", "marks--label", "marks--muted", "marks--keycap",
    "marks--hit", "marks--bar-hit", "marks--quote", "marks--match",
}


class MarkStyles:
    """Rich styles for (kind, boilerplate, flags, state), composed from component classes
    (a widget using this declares ``COMPONENT_CLASSES = MARK_CLASSES``)."""

    def _init_styles(self) -> None:
        self._styles: dict[tuple, Style] = {}

    def _merge_styles(self, names: list[str]) -> Style:
        if not names:
            return self.rich_style
        style = self.get_component_rich_style(*names)
        # merged component styles keep only the last text-style: add them all
        for name in names:
            style += self.get_component_styles(name).text_style
        return style

    def mark_style(self, kind: str, boiler: bool, flags: int, state: int) -> Style:
        key = (kind, boiler, flags, state)
        style = self._styles.get(key)
        if style is None:
            names = []
            if boiler:
                names.append("marks--boilerplate")
            elif kind == ADDITION:
                names.append("marks--addition")
            if flags & LABEL:
                names.append("marks--label")
            if flags & MUTED:
                names.append("marks--muted")
            if flags & KEYCAP:
                names.append("marks--keycap")
            base = state & BASE
            if base in STATE_CLASS:
                names.append(STATE_CLASS[base])
            elif state & HIT:
                names.append("marks--hit")
            if flags & CHANGED:          # after the state: a changed word keeps its tint
                names.append("marks--changed")
            elif flags & ADDED:
                names.append("marks--added")
            if flags & QUOTED:
                names.append("marks--quote")
            if flags & MATCH:            # last: a search match shows over everything
                names.append("marks--match")
            style = self._styles[key] = self._merge_styles(names)
        return style

    def glyph_style(self, kind: str, boiler: bool, state: int) -> Style:
        key = ("glyph", kind, boiler, state)
        style = self._styles.get(key)
        if style is None:
            names = [] if kind == PENDING else [f"marks--glyph-{kind}"]
            if boiler:
                names.append("marks--boilerplate")
            base = state & BASE
            if base in STATE_CLASS:
                names.append(STATE_CLASS[base])
            elif state & HIT:
                names.append("marks--hit")
            style = self._styles[key] = self._merge_styles(names)
        return style

    def bar_style(self, state: int) -> Style:
        key = ("bar", state)
        style = self._styles.get(key)
        if style is None:
            base = state & BASE
            if base in STATE_CLASS:
                names = [STATE_CLASS[base], BAR_CLASS[base]]
            elif state & (HIT | QUOTES | FOUND):
                names = ["marks--hit", "marks--bar-hit"] if state & HIT else ["marks--bar-hit"]
            else:
                names = []
            style = self._styles[key] = self._merge_styles(names)
        return style

    def warm_styles(self, budget: float) -> bool:
        """Compose ahead the styles a search or a filter's marks would first ask for: each
        style in use with its line found (FOUND), quoting the speaker (QUOTES) or passing
        a marking filter (HIT), and its words matched (MATCH) or quoted (QUOTED); for up
        to `budget` seconds, True while some are left.  (Composing one costs ~0.1 ms; the
        first search letter asked for ~40 of them in one frame.)"""
        deadline = perf_counter() + budget
        todo = self._styles_todo()
        while todo:
            key = todo.pop()
            if key[0] == "bar":
                self.bar_style(key[1])
            elif key[0] == "glyph":
                self.glyph_style(*key[1:])
            else:
                self.mark_style(*key)
            if perf_counter() > deadline:
                return bool(todo)
        return False

    def _styles_todo(self) -> list[tuple]:
        have = self._styles
        seen = getattr(self, "_styles_seen", 0)
        if seen == len(have):           # nothing new since the last time: all made
            return []
        todo = set()
        for key in list(have):
            if key[-1] & (FOUND | QUOTES | HIT):
                continue    # (from the plain styles only: a search over a filter is rarer)
            if key[0] == "bar":
                todo.update(("bar", key[1] | extra) for extra in (FOUND, QUOTES, HIT))
            elif key[0] == "glyph":
                todo.add((*key[:3], key[3] | HIT))
            else:
                kind, boiler, flags, state = key
                for extra, word in ((FOUND, MATCH), (QUOTES, QUOTED), (HIT, 0)):
                    todo.add((kind, boiler, flags, state | extra))
                    todo.add((kind, boiler, flags | word, state | extra))
        todo.difference_update(have)
        self._styles_seen = len(have) + len(todo)
        return sorted(todo, key=str)

    def line_segments(self, runs: list[Run], width: int, *, kind: str = PENDING,
                      boiler: bool = False, state: int = PLAIN, glyph: str = " "
                      ) -> list[Segment]:
        """One line, `width` cells: cursor bar, glyph, space, the runs, padding."""
        pad_style = self.mark_style(kind, boiler, 0, state)
        segs = [Segment(bar_char(state), self.bar_style(state)),
                Segment(glyph, self.glyph_style(kind, boiler, state)),
                Segment(" ", pad_style)]
        used = GUTTER
        for text, fl in runs:
            segs.append(Segment(text, self.mark_style(kind, boiler, fl, state)))
            used += cells(text)
        if used < width:
            segs.append(Segment(" " * (width - used), pad_style))
        elif used > width:
            segs = list(Strip(segs, used).crop(0, width))
        return segs

    def line_strip(self, runs: list[Run], width: int, **kw) -> Strip:
        return Strip(self.line_segments(runs, width, **kw), width)
