"""A source pane.

A pane is ONE widget that draws, line by line, its header (outlet · date · headline,
and the count of additions), the article's sentences with the reader's marks, and a
one-column overview strip at its right edge.  One widget per pane keeps Textual's
compositor work per frame small (a cursor move scrolls every pane); every line is a
Strip built once and cached by (line, state), so a scroll or a cursor move only builds
the lines whose content or state changed, and re-uses the rest.
"""
from __future__ import annotations

from itertools import accumulate, chain
from time import perf_counter

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from ..filters import Lens
from ..layout import (CONTINUED, GLYPHS, MUTED, Layout, Run, aligned_layout, cells, kind,
                      layout, marked_lines, truncate, wrap)
from .styles import CURSOR, FOUND, GUTTER, HIT, MARK_CLASSES, PEER, PLAIN, QUOTES, WEAK, MarkStyles

HEADER = 2          # rows of the pane's header
MOVED = "↕"         # the aligned view's gutter mark of a sentence told out of the others' order
MARGIN = 1          # blank cell between the words and the overview strip
OVERVIEW = 1        # the overview strip's width


PANE_CLASSES = {
    "pane--header", "pane--header-active", "pane--label", "pane--meta", "pane--count",
    "overview--track", "overview--thumb", "overview--mark",
}


class PaneView(MarkStyles, Widget, can_focus=False):
    """One source: header, article (sentence by sentence, marked), overview strip.

    `top` is the article line on the first text row.  The focused pane keeps its article
    on screen; a follower pane may scroll past either end (its `top` may be negative), so
    that any of its sentences can sit on any row: the row of the cursor's sentence.
    """

    COMPONENT_CLASSES = MARK_CLASSES | PANE_CLASSES

    class Clicked(Message):
        """A sentence of the pane was clicked (`center`: through the overview strip)."""

        def __init__(self, pane: "PaneView", sentence: int, center: bool = False) -> None:
            super().__init__()
            self.pane, self.sentence, self.center = pane, sentence, center

    class Wheeled(Message):
        """The mouse wheel turned over the pane, `delta` lines."""

        def __init__(self, pane: "PaneView", delta: int) -> None:
            super().__init__()
            self.pane, self.delta = pane, delta

    def __init__(self, article: int, **kw) -> None:
        super().__init__(**kw)
        self._init_styles()
        self.article = article
        self.cursor = 0
        self.active = False          # the pane the keys act on: its cursor is drawn
        self.peers: tuple[int, ...] = ()
        self.weak: tuple[int, ...] = ()   # peers only weakly aligned with the cursor's
        self._top = 0
        self._known = Size(0, 0)     # the size as of the last layout (Widget.size is not cheap)
        self._layout: Layout | None = None
        self._layout_key: tuple = ()
        self._kinds: dict[int, str] = {}                 # per sentence, filled as drawn
        self._marked: dict[int, list[list[Run]]] = {}    # per sentence, filled as drawn
        self._addition_lines: list[int] = [0]   # prefix sums: lines that start an addition
        # a line's id: (sentence, line within it), or ("gap", ...) / ("edge", ...): the
        # same whatever a filter leaves out, so lines survive a filter's change of layout
        self._strips: dict[tuple, list[Segment]] = {}   # (line id, state) -> words
        self._rows: dict[tuple, Strip] = {}      # (line id, state, overview cell) -> full row
        self._layouts: dict[tuple | None, tuple[Layout, list[int]]] = {}   # by sentences shown
        self._base_key: tuple = ()
        self._shown_version = 0
        self._cells: dict[tuple[bool, bool], Segment] = {}
        self._header: dict[tuple, Strip] = {}
        self.painted = False
        self.lens = Lens()           # the reader's filters and search (set_lens)
        self.spacing = 0             # blank lines between sentences (demo mode)
        self.empty_note = ""         # what the pane says when no sentence passes the filter
        self.bands = None            # the aligned-rows view: this pane's Bands (app/aligned.py)
        self._plain: tuple[tuple, Layout] | None = None   # every sentence, as it runs
        self.facts = False           # changed words marked only where they are facts
        self._quotes: dict[tuple[int, int], tuple] = {}   # (analysis, article) -> quote spans

    # -- content -------------------------------------------------------------------------
    def show(self, article: int, cursor: int = 0) -> None:
        """Show another article (or the same one after the analysis arrived), from its top."""
        self.article = article
        self.cursor = cursor
        self.peers = ()
        self.weak = ()
        self._layout = None
        self._header.clear()
        self._top = 0
        self.refresh()

    def set_lens(self, lens: Lens, empty_note: str = "", changed: set[int] | None = None
                 ) -> None:
        """New filters or search.  `changed`: the sentences whose marks (quotes, matches)
        changed, whose lines are built again (None: all); a new set of sentences shown
        is laid out (layouts are kept per set, lines per sentence)."""
        lay = self._layout
        if empty_note != self.empty_note:
            self._layouts.pop((), None)
        if (lay is None or empty_note != self.empty_note
                or lens.shown(self.article) != lay.shown):
            self._shown_version += 1
        self.lens = lens
        self.empty_note = empty_note
        if changed is None:
            self._marked.clear()
            self._strips.clear()
            self._rows.clear()
        elif changed:
            for i in changed:
                self._marked.pop(i, None)
            for cache in (self._strips, self._rows):
                for key in [k for k in cache if k[0][0] in changed]:
                    del cache[key]
        self.refresh()

    def set_bands(self, bands) -> None:
        """The aligned-rows view's bands for this pane (None: the article as it runs)."""
        if bands != self.bands:
            old = self.bands
            self.bands = bands
            self._shown_version += 1
            self._layouts.clear()
            moved = (old.moved if old else frozenset()) | (bands.moved if bands else frozenset())
            for cache in (self._strips, self._rows):    # a moved sentence's glyph changes
                for key in [k for k in cache if k[0][0] in moved]:
                    del cache[key]
            self.refresh()

    def set_facts(self, facts: bool) -> None:
        """Mark changed words everywhere (False) or only numbers, names, titles and a
        quote's wording (True)."""
        if facts != self.facts:
            self.facts = facts
            self._marked.clear()
            self._strips.clear()
            self._rows.clear()
            self.refresh()

    def quote_spans(self):
        """The article's quotation spans (for the facts-only differences), kept per analysis."""
        analysis = self.app.analysis
        key = (id(analysis), self.article)
        got = self._quotes.get(key)
        if got is None:
            from ...engine.differences import quote_spans

            got = self._quotes[key] = quote_spans(analysis, self.article)
        return got

    def shows(self, i: int) -> bool:
        """Sentence i has lines in this pane (a filter may leave it out)."""
        lay = self.lay
        return 0 <= i < len(lay.first) and lay.first[i] <= lay.last[i]

    def set_active(self, active: bool) -> None:
        if active != self.active:
            self.active = active
            self._header.clear()
            self.refresh(Region(0, 0, self._known.width, HEADER))
            self._refresh_sentence(self.cursor)

    def ensure_layout(self) -> Layout:
        """The layout at the current width (computed once per article, width and analysis)."""
        app = self.app
        analysis = app.analysis
        w = self.text_width
        key = (self.article, w, id(analysis), self._shown_version)
        if self._layout is None or self._layout_key != key:
            base = key[:3]
            if base != self._base_key:     # another article, width or analysis: all anew
                self._base_key = base
                self._layouts.clear()
                self._kinds = {}
                self._marked = {}
                self._strips.clear()
                self._rows.clear()
            shown = self.lens.shown(self.article)
            which = None if shown is None else tuple(shown)
            got = self._layouts.get(which)
            if got is None:
                if len(self._layouts) > 8:
                    self._layouts.clear()
                got = self._layouts[which] = self._build_layout(shown, w, analysis)
            self._layout, self._addition_lines = got
            self._layout_key = key
        return self._layout

    def plain_layout(self) -> Layout:
        """Every sentence of the article as it runs, at the pane's width (kept: the
        aligned view re-uses its lines, and asks it how tall each sentence is)."""
        art = self.app.corpus.articles[self.article]
        key = (self.article, id(art), id(self.app.analysis), self.text_width, self.spacing)
        if self._plain is None or self._plain[0] != key:     # a correction: a new article
            self._plain = (key, layout(art, self.text_width, None, self.spacing))
        return self._plain[1]

    def _build_layout(self, shown, w: int, analysis) -> tuple[Layout, list[int]]:
        art = self.app.corpus.articles[self.article]
        if self.bands is not None:
            lay = aligned_layout(art, w, self.bands.cells, self.bands.heights, self.spacing,
                                 self.plain_layout())
        elif shown is None and not self.empty_note:
            lay = self.plain_layout()
        else:
            lay = layout(art, w, shown, self.spacing)
        if lay.empty and self.empty_note:   # the pane says why it is empty
            lay.runs = wrap([(-1 if k == 0 else 0, [(t, 0)], cells(t))
                             for k, t in enumerate(self.empty_note.split())], w)
            lay.sentence = [-1] * len(lay.runs)
        # prefix sums over the lines: how many additions start before each line
        starts = bytearray(lay.height)
        if analysis is not None:
            unique, a = analysis.is_unique, self.article
            for i, (f, last) in enumerate(zip(lay.first, lay.last)):
                if f <= last and unique(a, i):
                    starts[f] = 1
        return lay, [0, *accumulate(starts)]

    def line_id(self, lay: Layout, n: int) -> tuple:
        """What line n of the layout shows, the same in any layout of the article."""
        if 0 <= n < lay.height:
            i = lay.sentence[n]
            if i >= 0:
                return (i, n - lay.first[i])
            if lay.empty:
                return ("note", n, self.empty_note)
            return ("gap", lay.runs[n][0][0][:2] if lay.runs[n] else "")
        return ("edge", -1 if n == -1 else 1 if n == lay.height else 0)

    @property
    def lay(self) -> Layout:
        return self.ensure_layout()

    def _resized(self, size: Size) -> None:
        if size != self._known and size.width:
            if size.width != self._known.width:   # a new height keeps every line
                self._header.clear()
                self._cells.clear()
                self._rows.clear()
            self._known = size

    def _size_updated(self, size, virtual_size, container_size, layout: bool = True) -> bool:
        self._resized(size)   # before anything asks for geometry or lines at the new size
        return super()._size_updated(size, virtual_size, container_size, layout)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()
        self._rows.clear()
        self._cells.clear()
        self._header.clear()

    # -- geometry ------------------------------------------------------------------------
    @property
    def text_width(self) -> int:
        return max(8, self._known.width - GUTTER - MARGIN - OVERVIEW)

    @property
    def view_height(self) -> int:
        """Rows for the article (below the header)."""
        return max(1, self._known.height - HEADER)

    @property
    def top(self) -> int:
        return self._top

    def first_line(self, i: int) -> int:
        return self.lay.first[i]

    def last_line(self, i: int) -> int:
        return self.lay.last[i]

    def row_of(self, i: int) -> int:
        """The pane's row (0 = its first row, the header's) of sentence i's first line."""
        return HEADER + self.first_line(i) - self._top

    def scroll_to_line(self, y: int, free: bool = False) -> None:
        """Put article line y on the first text row.  The focused pane stays within its
        article; a follower (`free`) may show the blank space above or below it."""
        lay = self.lay
        h = self.view_height
        if free:
            y = max(-(h - 1), min(y, lay.height - 1))
        else:
            y = max(0, min(y, lay.height - h))
        if y != self._top:
            self._top = y
            self.refresh()

    def reveal(self, i: int, margin: int = 2) -> None:
        """Scroll the least needed so sentence i is on screen, `margin` lines from the edges."""
        first, last, top, h = self.first_line(i), self.last_line(i), self._top, self.view_height
        margin = min(margin, max(0, (h - (last - first + 1)) // 2))
        if first < top + margin:
            self.scroll_to_line(first - margin)
        elif last > top + h - 1 - margin:
            self.scroll_to_line(min(first - margin, last - h + 1 + margin))

    @property
    def cursor_row(self) -> int:
        """The text row of the cursor's sentence's first line (negative: above the top)."""
        return self.first_line(self.cursor) - self._top

    def sentence_at_row(self, row: int) -> int:
        """The sentence on text row `row` (0 = the first row below the header)."""
        return self.lay.sentence_at(self._top + row)

    # -- state ---------------------------------------------------------------------------
    def _refresh_sentence(self, i: int) -> None:
        lay = self._layout
        if lay is not None and 0 <= i < len(lay.first):
            y0 = max(lay.first[i] - self._top, 0)
            y1 = min(lay.last[i] - self._top + 1, self.view_height)
            if y1 > y0:
                self.refresh(Region(0, HEADER + y0, self._known.width, y1 - y0))

    def set_cursor(self, i: int) -> None:
        if i != self.cursor:
            old, self.cursor = self.cursor, i
            if self.active:
                self._refresh_sentence(old)
                self._refresh_sentence(i)

    def set_peers(self, peers: tuple[int, ...], weak: tuple[int, ...] = ()) -> None:
        """The sentences aligned with the cursor's; `weak`: those only weakly aligned."""
        if peers != self.peers or weak != self.weak:
            old, self.peers = self.peers, peers
            old_weak, self.weak = self.weak, weak
            for i in {*old, *peers, *old_weak, *weak}:
                self._refresh_sentence(i)

    def state(self, i: int) -> int:
        if i < 0:
            return PLAIN
        if self.active and i == self.cursor:
            s = CURSOR
        elif i in self.peers:
            s = PEER | WEAK if i in self.weak else PEER
        else:
            s = PLAIN
        lens = self.lens
        if lens.passing is not None or lens.matches:
            a = self.article
            if lens.passing is not None and not lens.only and lens.passes(a, i):
                s |= HIT
            if (a, i) in lens.quoted:
                s |= QUOTES
            if (a, i) in lens.matches:
                s |= FOUND
        return s

    def additions_between(self, lo: int, hi: int) -> bool:
        p = self._addition_lines
        lo, hi = max(lo, 0), min(hi, len(p) - 1)
        return lo < hi and p[hi] - p[lo] > 0

    def kind(self, i: int) -> str:
        """What sentence i is (addition, verbatim, ...): asked of the engine when drawn."""
        k = self._kinds.get(i)
        if k is None:
            k = self._kinds[i] = kind(self.app.analysis, self.article, i)
        return k

    # -- drawing -------------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        """Header rows, then the article's lines with the overview cell at the end.

        Drawn here rather than through Textual's per-line styles cache: the pane has no
        border, padding or tint; the app's line filters (NO_COLOR's) are applied here."""
        size = self.size
        self._resized(size)
        width = size.width
        if self.article < 0 or not width:
            return [Strip.blank(width, self.rich_style)] * crop.height
        lay = self.ensure_layout()
        body = width - OVERVIEW
        top, h = self._top, self.view_height
        total = lay.height
        strips = []
        for y in crop.line_range:
            if y < HEADER:
                strips.append(self._header_strip(y, width))
                continue
            row = y - HEADER
            # the overview cell for this row: which article lines it stands for
            if total <= h:
                lo, hi = row, row + 1
            else:
                lo = row * total // h
                hi = max(lo + 1, (row + 1) * total // h)
            cell = (False, False) if lo >= total else (lo < top + h and hi > top,
                                                        self.additions_between(lo, hi))
            n = top + row
            key = (self.line_id(lay, n), self.state(lay.sentence[n]) if 0 <= n < total
                   else PLAIN, cell)
            strip = self._rows.get(key)
            if strip is None:   # a line with its overview cell; kept: the cell rarely changes
                segs = self._text_segments(lay, n, body)
                strip = self._rows[key] = Strip([*segs, self._cell(*cell)], width)
            strips.append(strip)
        self.painted = True
        filters = self.get_line_filters()
        if filters:
            background = self.background_colors[1]
            for f in filters:
                strips = [s.apply_filter(f, background) for s in strips]
        if crop.column_span != (0, width):
            x1, x2 = crop.column_span
            strips = [s.crop(x1, x2) for s in strips]
        return strips

    def _text_segments(self, lay: Layout, n: int, width: int) -> list[Segment]:
        """Article line n (any n: beyond the article, blank or an end marker)."""
        if not 0 <= n < lay.height:
            key = (self.line_id(lay, n), PLAIN)
            segs = self._strips.get(key)
            if segs is None:
                if n == -1:
                    segs = self.line_segments([("▲ start of the article", MUTED)], width)
                elif n == lay.height:
                    segs = self.line_segments([("▼ end of the article", MUTED)], width)
                else:
                    segs = [Segment(" " * width, self.rich_style)]
                self._strips[key] = segs
            return segs
        i = lay.sentence[n]
        state = self.state(i)
        key = (self.line_id(lay, n), state)
        segs = self._strips.get(key)
        if segs is None:
            if i < 0:
                segs = (self.line_segments([(t, MUTED) for t, _ in lay.runs[n]], width)
                        if lay.runs[n] else [Segment(" " * width, self.rich_style)])
            else:
                k = self.kind(i)
                boiler = self.app.corpus.articles[self.article].sentences[i].boilerplate
                glyph = GLYPHS[k] if n == lay.first[i] else CONTINUED.get(k, " ")
                if self.bands is not None and i in self.bands.moved and n == lay.first[i]:
                    glyph = MOVED      # told here, out of the others' order
                segs = self.line_segments(self._runs(lay, n, i), width, kind=k,
                                          boiler=boiler, state=state, glyph=glyph)
            self._strips[key] = segs
        return segs

    def warm(self, budget: float) -> bool:
        """Build not-yet-drawn lines (as they look when not under the cursor) for up to
        `budget` seconds, nearest the view first; True while some are left.  Run when
        the reader is idle, so that the first visit of a passage costs no more than the
        second."""
        if self.article < 0 or not self._known.width:
            return False
        lay = self.ensure_layout()
        body = self._known.width - OVERVIEW
        deadline = perf_counter() + budget
        start = min(max(self._top, 0), max(lay.height - 1, 0))
        for n in chain(range(start, lay.height), range(start - 1, -1, -1)):
            i = lay.sentence[n]
            if (self.line_id(lay, n), PLAIN) in self._strips or (i >= 0 and self.state(i)
                                                                  != PLAIN):
                continue
            self._text_segments(lay, n, body)
            if perf_counter() > deadline:
                return True
        return False

    def _runs(self, lay: Layout, n: int, i: int) -> list[Run]:
        """Line n (of sentence i) with the engine's marks."""
        analysis = self.app.analysis
        extra = self.lens.spans(self.article, i)
        if analysis is None and not extra:
            return lay.runs[n]
        lines = self._marked.get(i)
        if lines is None:
            lines = self._marked[i] = marked_lines(
                analysis, self.article, i, lay.width, extra, self.app.corpus.articles[self.article],
                self.quote_spans() if self.facts and analysis is not None else None)
        if len(lines) != lay.last[i] - lay.first[i] + 1:   # marks never move a break
            return lay.runs[n]
        return lines[n - lay.first[i]]

    def _cell(self, thumb: bool, mark: bool) -> Segment:
        seg = self._cells.get((thumb, mark))
        if seg is None:
            names = ["overview--thumb" if thumb else "overview--track"]
            if mark:
                names.append("overview--mark")
            style = self.get_component_rich_style(*names)
            if mark:
                style += self.get_component_styles("overview--mark").text_style
            seg = self._cells[(thumb, mark)] = Segment("▐" if mark else " ", style)
        return seg

    def _header_strip(self, y: int, width: int) -> Strip:
        key = (y, self.active, id(self.app.analysis))
        strip = self._header.get(key)
        if strip is None:
            strip = self._header[key] = self._build_header(y, width)
        return strip

    def _build_header(self, y: int, width: int) -> Strip:
        app = self.app
        art = app.corpus.articles[self.article]
        base_name = "pane--header-active" if self.active else "pane--header"
        base = self.get_component_rich_style(base_name)

        def part(name: str) -> Style:
            return base + self.get_component_styles(name).partial_rich_style

        avail = width - 2
        if y == 0:
            parts = [(f"{self.article + 1} ", part("pane--label")),
                     (art.label, part("pane--label"))]
            rest = " · ".join(p for p in (art.date, art.title) if p)
            if rest:
                parts.append((" · " + rest, part("pane--meta")))
        else:
            analysis = app.analysis
            total = len(art.sentences)
            if analysis is None:
                parts = [(f"aligning… {total} sentences", part("pane--meta"))]
            else:
                # page furniture (a byline, a date line) is no addition to the story
                n = len(analysis.additions(self.article, furniture=False))
                parts = [(str(n), part("pane--count")),
                         (f" of {analysis.prose(self.article)} sentences are additions", base)]
        # the focused pane's header says so without colour too
        segs = [Segment("▶" if self.active and y == 0 else " ", part("pane--label"))]
        used = 0
        for text, style in parts:
            if used >= avail:
                break
            if used + cells(text) > avail:
                text = truncate(text, avail - used)
            segs.append(Segment(text, style))
            used += cells(text)
        segs.append(Segment(" " * (width - 1 - used), base))
        return Strip(segs, width)

    # -- mouse ---------------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        event.stop()
        if event.y < HEADER:
            self.post_message(self.Clicked(self, self.cursor))
        elif event.x >= self._known.width - OVERVIEW:        # the overview strip: jump
            lay = self.lay
            row = event.y - HEADER
            line = row * lay.height // self.view_height if lay.height > self.view_height else row
            self.post_message(self.Clicked(self, lay.sentence_at(line), center=True))
        else:
            self.post_message(self.Clicked(self, self.sentence_at_row(event.y - HEADER)))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        event.prevent_default()
        self.post_message(self.Wheeled(self, +3))

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        event.prevent_default()
        self.post_message(self.Wheeled(self, -3))
