"""Stacked documents (the parallels, the quote comparison, the help): paragraphs (Block)
wrapped to the width and marked as the panes mark sentences, in a scrollable view."""
from __future__ import annotations

from dataclasses import dataclass

from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..layout import CONTINUED, PENDING, Run, cells, wrap
from .styles import GUTTER, MARK_CLASSES, PLAIN, MarkStyles

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

    def restyle(self, b: int) -> None:
        """Block b's look changed (its state): only its lines are drawn again."""
        top, height = round(self.scroll_y), self.size.height
        for n, (block, _, _) in enumerate(self._lines):
            if block == b:
                self._strips.pop(n, None)
                if 0 <= n - top < height:
                    self.refresh(Region(0, n - top, self.size.width, 1))

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
