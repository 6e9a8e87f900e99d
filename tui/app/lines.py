"""Drawing wrapped, marked sentences: the styles every marked line uses (MarkStyles),
and the stacked "documents" of the parallels and help screens (DocumentView).  The
source panes are in pane.py.

A line is: cursor bar, glyph, space, runs ``(text, flags)``.  Its styles come from
component classes (see synopsis.tcss), composed once per (kind, boilerplate, flags,
state) and cached, so Textual themes, NO_COLOR and ANSI mode apply.
"""
from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .layout import (ADDED, ADDITION, CHANGED, CONTINUED, KEYCAP, LABEL, MATCH, MUTED, PENDING,
                     QUOTED, Run, cells, wrap)

GUTTER = 3         # cursor bar, glyph, space

# Line states (what the line's sentence is to the reader right now): the cursor's, aligned
# with the cursor's (a peer), or neither; or'ed with what the filters and search say of it
PLAIN, CURSOR, PEER = 0, 1, 2
HIT = 4            # passes the filter (the filter marks rather than hides)
QUOTES = 8         # holds a quote of the chosen speaker
FOUND = 16         # holds a search match
BASE = 3
BARS = {PLAIN: " ", CURSOR: "▌", PEER: "▎"}
STATE_CLASS = {CURSOR: "marks--cursor", PEER: "marks--peer"}
BAR_CLASS = {CURSOR: "marks--bar-cursor", PEER: "marks--bar-peer"}


def bar_char(state: int) -> str:
    """The first gutter cell: the cursor, a peer, else a search hit (/), a quote of the
    chosen speaker (❝), a sentence the filter marks (┃)."""
    base = state & BASE
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


@dataclass
class Block:
    """A paragraph of a stacked document: its words (see layout.words), how it is marked."""

    words: list
    kind: str = PENDING
    boiler: bool = False
    glyph: str = " "           # on the first line; later lines: "+" for additions
    gap_after: int = 0         # blank lines after it
    state: int = PLAIN
    lead: tuple[Run, ...] = ()  # a column before the words (a key in the help); the
    lead_width: int = 0         # words wrap beside it


def text_words(text: str, flags: int = 0) -> list:
    """Plain text as `layout.words` output, all with the same flags."""
    out = []
    for k, w in enumerate(text.split()):
        out.append((-1 if k == 0 else flags, [(w, flags)], cells(w)))
    return out


def runs_words(parts: list[tuple[str, int]]) -> list:
    """Several (text, flags) parts as one paragraph of words."""
    out = []
    for text, flags in parts:
        for w in text.split():
            out.append((-1 if not out else (flags if out[-1][1][-1][1] == flags else 0),
                        [(w, flags)], cells(w)))
    return out


class DocumentView(MarkStyles, ScrollView, can_focus=True):
    """A scrollable stack of Blocks, wrapped to the width (max `max_width` cells)."""

    COMPONENT_CLASSES = MARK_CLASSES

    def __init__(self, blocks: list[Block] | None = None, max_width: int = 100, **kw) -> None:
        super().__init__(**kw)
        self._init_styles()
        self.blocks: list[Block] = blocks or []
        self.max_width = max_width
        self._lines: list[tuple[int, list[Run], bool]] = []   # (block, runs, first line)
        self._width = -1
        self._strips: dict[int, Strip] = {}

    def set_blocks(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self._width = -1
        self._strips.clear()
        self.scroll_to(y=0, animate=False, immediate=True)
        if self.size.width:
            self._ensure(self.text_width)
        self.refresh()

    @property
    def text_width(self) -> int:
        """The width for the lines: no border, padding or scrollbar."""
        return self.scrollable_content_region.width

    def _ensure(self, width: int) -> None:
        if width == self._width:
            return
        self._width = width
        self._strips.clear()
        lines: list[tuple[int, list[Run], bool]] = []
        for b, block in enumerate(self.blocks):
            tw = min(width, self.max_width) - GUTTER - block.lead_width
            for k, runs in enumerate(wrap(block.words, tw) if block.words else [[]]):
                if block.lead_width:
                    lead = list(block.lead) if k == 0 else [(" " * block.lead_width, 0)]
                    runs = lead + runs
                lines.append((b, runs, k == 0))
            lines.extend((b, [], False) for _ in range(block.gap_after))
        self._lines = lines
        self.set_reactive(ScrollView.virtual_size, Size(width, len(lines)))
        self._refresh_scrollbars()

    def _size_updated(self, size, virtual_size, container_size, layout: bool = True) -> bool:
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if self.text_width:
            self._ensure(self.text_width)
        return changed

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        width = self.text_width
        self._ensure(width)
        n = round(self.scroll_y) + y
        if n >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(n)
        if strip is None:
            b, runs, first = self._lines[n]
            block = self.blocks[b]
            if not runs and not first:
                strip = Strip.blank(width, self.rich_style)
            else:
                glyph = block.glyph if first else CONTINUED.get(block.kind, " ")
                strip = self.line_strip(runs, width, kind=block.kind, boiler=block.boiler,
                                        glyph=glyph, state=block.state)
            self._strips[n] = strip
        return strip

