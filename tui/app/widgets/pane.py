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
from .styles import (BASE, CURSOR, FOUND, GUTTER, HIT, MARK_CLASSES, PEER, PLAIN, QUOTES, WEAK,
                     MarkStyles)

HEADER = 2          # rows of the pane's header
MOVED = "↕"         # the aligned view's gutter mark of a sentence told out of the others' order
MARGIN = 1          # blank cell between the words and the overview strip
OVERVIEW = 1        # the overview strip's width


EXTRA = QUOTES | FOUND   # line states whose words carry the lens's marks
BANKS = 6           # banks of lines kept per pane (widths × highlightings)
MARKS_KEPT = 4      # lenses' marks (filters' quotes, searches) whose lines are kept
NO_MARKS = Lens().marks


def text_width(width: int) -> int:
    """The width a pane of this many columns gives its text (gutter, margin and overview
    column left out)."""
    return max(8, width - GUTTER - MARGIN - OVERVIEW)


class Bank:
    """The lines a pane built at one width and highlighting: per sentence its marked
    runs, per (line id, state) its words, per (line id, state, overview cell) its row.
    A line whose state says it holds a quote or a search match (QUOTES, FOUND) carries
    the filter's or the search's own marks: it is kept per marks (Lens.marks, the last
    key of its entry), so a filter put on again, or built ahead, finds its lines; the
    others serve any of them."""

    __slots__ = ("marked", "strips", "rows", "filters", "by_marks")

    def __init__(self) -> None:
        self.marked: dict = {}
        self.strips: dict[tuple, list[Segment]] = {}
        self.rows: dict[tuple, Strip] = {}
        self.filters: tuple = ((), None)    # the line filters its words were put through
        # per marks, the entries that carry them (dropped together: keep_marks)
        self.by_marks: dict[tuple, list[tuple[dict, tuple]]] = {}

    def filtered(self, filters: tuple) -> None:
        """The app's line filters (and background) are these: lines built with others
        are dropped."""
        if filters != self.filters:
            self.forget()
            self.filters = filters

    def forget(self) -> None:
        self.marked.clear()
        self.strips.clear()
        self.rows.clear()
        self.by_marks.clear()

    def keep(self, cache: dict, key, value):
        """cache[key] = value, noted under its marks when the entry carries a lens's."""
        cache[key] = value
        if type(key) is tuple and key[1] & EXTRA:
            self.by_marks.setdefault(key[-1], []).append((cache, key))
        return value

    def keep_marks(self, keep) -> None:
        """Drop the lines with a lens's own marks but those with the marks in `keep`
        (only the dropped entries are visited: a search drops some on every letter)."""
        for marks in [m for m in self.by_marks if m not in keep]:
            for cache, key in self.by_marks.pop(marks):
                cache.pop(key, None)


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
        self._kinds_key: tuple = ()                      # (article, analysis) of _kinds
        self._addition_lines: list[int] = [0]   # prefix sums: lines that start an addition
        # What is built is kept per bank: (article, analysis, width, facts).  A key that
        # changes the width (+ -) or the highlighting (d) switches banks, and switching
        # back finds every line it left; the reader builds the banks a key would need
        # ahead, when idle (warm).
        self._banks: dict[tuple, Bank] = {}
        self._bank_key: tuple = ()
        self._bank = Bank()
        self._marked: dict = {}    # the bank's: per sentence (and whether lens marks are in)
        # a line's id: (sentence, line within it), or ("gap", ...) / ("edge", ...): the
        # same whatever a filter leaves out, so lines survive a filter's change of layout
        self._strips: dict[tuple, list[Segment]] = {}   # the bank's: (line id, state) -> words
        self._rows: dict[tuple, Strip] = {}      # the bank's: (line id, state, cell) -> row
        # layouts by (bands, sentences shown), per (article, analysis, text width)
        self._layout_banks: dict[tuple, dict] = {}
        self._layouts: dict[tuple, tuple] = {}
        self._shown_version = 0
        self._cells: dict[tuple[bool, bool], Segment] = {}
        self._header: dict[tuple, Strip] = {}
        self.painted = False
        self.lens = Lens()           # the reader's filters and search (set_lens)
        self.spacing = 0             # blank lines between sentences (demo mode)
        self.empty_note = ""         # what the pane says when no sentence passes the filter
        self.bands = None            # the aligned-rows view: this pane's Bands (app/aligned.py)
        self._plain: dict[int, Layout] = {}   # every sentence, as it runs, per text width
        self._plain_key: tuple = ()
        self.facts = False           # changed words marked only where they are facts
        self._quotes: dict[tuple[int, int], tuple] = {}   # (analysis, article) -> quote spans
        self.built = 0               # lines built so far (bench/reader_speed.py counts them)
        self._warmed: set[tuple] = set()   # what warm() has built all of (see _warm_lines)
        self._recent_marks: list[tuple] = []     # Lens.marks whose lines are kept (latest last)

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

    def set_lens(self, lens: Lens, empty_note: str = "") -> None:
        """New filters or search: a new set of sentences shown is laid out (layouts are
        kept per set, lines per sentence and marks)."""
        lay = self._layout
        old = self.lens
        relaid = (lay is None or empty_note != self.empty_note
                  or lens.shown(self.article) != lay.shown)
        if relaid:
            self._shown_version += 1
        self.lens = lens
        self.empty_note = empty_note
        self._note_marks(lens.marks)
        self._warmed.clear()
        if (relaid or lens.passing is not old.passing or lens.mode != old.mode
                or lens.quoted is not old.quoted):
            self.refresh()
            return
        # only the search changed (a letter typed): only its old and new matches' rows
        # are drawn again, not the whole pane
        a = self.article
        for i in {i for b, i in chain(old.matches, lens.matches) if b == a}:
            self._refresh_sentence(i)

    def _note_marks(self, marks: tuple) -> None:
        """Lines with these marks are built: kept, with those of the last few marks.
        A search's are let go first: each letter typed is a new search, and the few
        filters a reader uses (and the likeliest, built ahead) should outlast them."""
        recent = self._recent_marks
        if marks == NO_MARKS or recent and recent[-1] == marks:
            return
        if marks in recent:
            recent.remove(marks)
        recent.append(marks)
        if len(recent) > MARKS_KEPT:
            searches = [m for m in recent[:-1] if m[1]]
            recent.remove(searches[0] if searches else recent[0])
            for bank in self._banks.values():
                bank.keep_marks(set(recent))

    def set_bands(self, bands) -> None:
        """The aligned-rows view's bands for this pane (None: the article as it runs)."""
        if bands != self.bands:     # a moved sentence's first line has its own id
            self.bands = bands
            self._shown_version += 1
            self.refresh()

    def set_facts(self, facts: bool) -> None:
        """Mark changed words everywhere (False) or only numbers, names, titles and a
        quote's wording (True)."""
        if facts != self.facts:     # another bank of lines (ensure_layout)
            self.facts = facts
            self._layout = None
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
            self.refresh(Region(0, 0, self._known.width, HEADER))
            self._refresh_sentence(self.cursor)

    def ensure_layout(self) -> Layout:
        """The layout at the current width (computed once per article, width, analysis,
        sentences shown and bands), the bank of lines in use chosen with it."""
        analysis = self.app.analysis
        key = (self.article, self._known.width, id(analysis), self.facts, self._shown_version)
        if self._layout is None or self._layout_key != key:
            self._use_bank(self._known.width, self.facts)
            self._layout, self._addition_lines = self._layout_for(self.text_width)
            self._layout_key = key
        return self._layout

    def _use_bank(self, width: int, facts: bool) -> None:
        """Make the lines built at this width and highlighting the ones drawn."""
        analysis = self.app.analysis
        if self._kinds_key != (self.article, id(analysis)):    # another article or analysis
            self._kinds_key = (self.article, id(analysis))
            self._kinds = {}
            self._banks.clear()
            self._layout_banks.clear()
            self._bank_key = ()
        key = (width, facts)
        if key == self._bank_key:
            return
        bank = self._banks.pop(key, None)
        if bank is None:
            bank = Bank()
            self._warmed.clear()
        self._banks[key] = bank                 # the most recent last
        while len(self._banks) > BANKS:
            del self._banks[next(iter(self._banks))]
        self._bank_key = key
        self._bank = bank
        self._marked, self._strips, self._rows = bank.marked, bank.strips, bank.rows
        tw = text_width(width)
        self._layouts = self._layout_banks.setdefault(tw, {})
        while len(self._layout_banks) > BANKS:
            del self._layout_banks[next(iter(self._layout_banks))]

    def _layout_for(self, w: int) -> tuple[Layout, list[int]]:
        """The layout (and its additions' prefix sums) at text width w, of the bank in use."""
        shown = self.lens.shown(self.article)
        which = (self.bands, None if shown is None else tuple(shown), self.empty_note)
        got = self._layouts.get(which)
        if got is None:
            if len(self._layouts) > 8:
                self._layouts.clear()
            got = self._layouts[which] = self._build_layout(shown, w, self.app.analysis)
        return got

    def plain_layout(self, width: int | None = None) -> Layout:
        """Every sentence of the article as it runs, at the pane's text width or `width`
        (kept per width: the aligned view re-uses its lines, and asks it how tall each
        sentence is)."""
        art = self.app.corpus.articles[self.article]
        width = width or self.text_width
        key = (self.article, id(art), id(self.app.analysis), self.spacing)
        if self._plain_key != key:      # a correction: a new article
            self._plain_key = key
            self._plain.clear()
        got = self._plain.get(width)
        if got is None:
            if len(self._plain) >= BANKS:
                del self._plain[next(iter(self._plain))]
            got = self._plain[width] = layout(art, width, None, self.spacing)
        return got

    def _build_layout(self, shown, w: int, analysis) -> tuple[Layout, list[int]]:
        art = self.app.corpus.articles[self.article]
        if self.bands is not None:
            lay = aligned_layout(art, w, self.bands.cells, self.bands.heights, self.spacing,
                                 self.plain_layout(w))
        elif shown is None and not self.empty_note:
            lay = self.plain_layout(w)
        else:
            lay = layout(art, w, shown, self.spacing, self.plain_layout(w))
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
        """What line n of the layout shows, the same in any layout of the article (but
        for the aligned view's mark of a moved sentence)."""
        if 0 <= n < lay.height:
            i = lay.sentence[n]
            if i >= 0:
                if n == lay.first[i] and self.bands is not None and i in self.bands.moved:
                    return (i, 0, MOVED)
                return (i, n - lay.first[i])
            if lay.empty:
                return ("note", n, self.empty_note)
            return ("gap", lay.runs[n][0][0][:2] if lay.runs[n] else "")
        return ("edge", -1 if n == -1 else 1 if n == lay.height else 0)

    @property
    def lay(self) -> Layout:
        return self.ensure_layout()

    def _resized(self, size: Size) -> None:
        if size != self._known and size.width:   # another width: another bank of lines
            self._known = size

    def expect_width(self, width: int) -> None:
        """The next layout gives the pane this width: lay it out (and scroll) for it now,
        so the frame after a change of the panes' count draws them once, right."""
        if self._known.width and width > 0:
            self._resized(Size(width, self._known.height))

    def _size_updated(self, size, virtual_size, container_size, layout: bool = True) -> bool:
        self._resized(size)   # before anything asks for geometry or lines at the new size
        # nothing is laid out inside a pane: its new size is drawn in this frame, without
        # the second layout (and frame) Textual asks for when a widget's size changes
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        for bank in self._banks.values():
            bank.forget()
        self._warmed.clear()
        self._cells.clear()
        self._header.clear()

    # -- geometry ------------------------------------------------------------------------
    @property
    def text_width(self) -> int:
        return text_width(self._known.width)

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
        filters = self._filters()
        top, adds = self._top, self._addition_lines
        strips = []
        for y in crop.line_range:
            if y < HEADER:
                strip = self._header_strip(y, width)
                for f in filters[0]:
                    strip = strip.apply_filter(f, filters[1])
                strips.append(strip)
            else:
                strips.append(self._row(lay, adds, y - HEADER, top, width, filters))
        self.painted = True
        if crop.column_span != (0, width):
            x1, x2 = crop.column_span
            strips = [s.crop(x1, x2) for s in strips]
        return strips

    def _filters(self) -> tuple:
        """The app's line filters (NO_COLOR's, ANSI colours') and the background they
        need; the bank in use is made to hold lines put through them (lines are kept
        filtered)."""
        filters = tuple(self.get_line_filters())
        filters = (filters, self.background_colors[1] if filters else None)
        if filters != self._bank.filters:
            self._bank.filtered(filters)
            self._warmed.clear()
        return filters

    def _row(self, lay: Layout, adds: list[int], row: int, top: int, width: int,
             filters: tuple) -> Strip:
        """Text row `row` of the pane when article line `top` is on its first text row:
        the line, its overview cell, the filters applied (kept per line, state, cell)."""
        total, h = lay.height, self.view_height
        # the overview cell for this row: which article lines it stands for
        if total <= h:
            lo, hi = row, row + 1
        else:
            lo = row * total // h
            hi = max(lo + 1, (row + 1) * total // h)
        if lo >= total:
            cell = (False, False)
        else:
            lo_, hi_ = max(lo, 0), min(hi, len(adds) - 1)
            cell = (lo < top + h and hi > top, lo_ < hi_ and adds[hi_] > adds[lo_])
        key = self._line_key(lay, top + row, cell)
        strip = self._rows.get(key)
        if strip is None:   # a line with its overview cell; kept: the cell rarely changes
            segs = self._text_segments(lay, top + row, width - OVERVIEW)
            strip = self._bank.keep(self._rows, key,
                                           Strip([*segs, self._cell(*cell, filters)], width))
        return strip

    def _line_key(self, lay: Layout, n: int, *cell) -> tuple:
        """What article line n looks like now: (line id, state[, overview cell]), and
        the lens's marks when the line carries them."""
        state = self.state(lay.sentence[n]) if 0 <= n < lay.height else PLAIN
        if state & EXTRA:
            return (self.line_id(lay, n), state, *cell, self.lens.marks)
        return (self.line_id(lay, n), state, *cell)

    def _text_segments(self, lay: Layout, n: int, width: int) -> list[Segment]:
        """Article line n (any n: beyond the article, blank or an end marker) as it looks
        now, through the bank's line filters; built once."""
        inside = 0 <= n < lay.height
        key = self._line_key(lay, n)
        segs = self._strips.get(key)
        if segs is None:
            segs = self._build_segments(lay, n, width, key[1])
            filters, background = self._bank.filters
            for f in filters:
                segs = f.apply(segs, background)
            self._bank.keep(self._strips, key, segs)
            if inside:
                self.built += 1
        return segs

    def _build_segments(self, lay: Layout, n: int, width: int, state: int) -> list[Segment]:
        if n == -1:
            return self.line_segments([("▲ start of the article", MUTED)], width)
        if n == lay.height:
            return self.line_segments([("▼ end of the article", MUTED)], width)
        i = lay.sentence[n] if 0 <= n < lay.height else -1
        if i < 0:
            runs = lay.runs[n] if 0 <= n < lay.height else ()
            return (self.line_segments([(t, MUTED) for t, _ in runs], width) if runs
                    else [Segment(" " * width, self.rich_style)])
        k = self.kind(i)
        boiler = self.app.corpus.articles[self.article].sentences[i].boilerplate
        glyph = GLYPHS[k] if n == lay.first[i] else CONTINUED.get(k, " ")
        if self.bands is not None and i in self.bands.moved and n == lay.first[i]:
            glyph = MOVED      # told here, out of the others' order
        return self.line_segments(self._runs(lay, n, i), width, kind=k, boiler=boiler,
                                  state=state, glyph=glyph)

    def warm(self, budget: float, width: int | None = None, facts: bool | None = None,
             lens: Lens | None = None, center: bool = False, whole: bool = True,
             empty_note: str | None = None) -> bool:
        """Build not-yet-drawn lines for up to `budget` seconds; True while some are left.
        Run when the reader is idle, so that the first visit of a passage costs no more
        than the second.  `width`, `facts`, `lens`: the lines a key that changes the
        pane's width (+ -), the highlighting (d) or how a filter shows (f) would draw,
        built ahead (in their bank).  The rows on screen first (as they would be, with
        their overview cells: the sentence on the first row stays there, or with `center`
        the cursor's comes a third of the way down), then the article's other lines,
        nearest the view first, as they look when not under the cursor (with `whole`
        False, or in another bank, only those within two screens)."""
        if self.article < 0 or not self._known.width:
            return False
        lay = self.ensure_layout()
        here = (self._known.width, self.facts)
        there = (width or here[0], here[1] if facts is None else facts)
        if there == here and lens is None:
            return self._warm_lines(lay, self._addition_lines, self._top, here, budget, whole)
        if self.bands is not None and (there[0] != here[0] or lens is not None):
            return False    # the aligned rows depend on every pane's width and the filter
        saved = (self._layout, self._addition_lines, self._layout_key, self.lens,
                 self.empty_note)
        try:
            self.facts = there[1]
            self.lens = lens or self.lens
            self.empty_note = self.empty_note if empty_note is None else empty_note
            self._note_marks(self.lens.marks)
            self._use_bank(*there)
            for y in range(HEADER):
                self._header_strip(y, there[0])
            new, adds = self._layout_for(text_width(there[0]))
            top = self._top
            if center and not new.empty:
                top = new.first[self.cursor] - self.view_height // 3
            elif new is not lay and new.height:
                i = lay.sentence_at(max(top, 0))
                top = new.first[i] + top - lay.first[i]
            return self._warm_lines(new, adds, top, there, budget, False)
        finally:
            self.facts = here[1]
            self.lens, self.empty_note = saved[3:]
            self._use_bank(*here)
            self._layout, self._addition_lines, self._layout_key = saved[:3]

    def _warm_lines(self, lay: Layout, adds: list[int], top: int, bank: tuple,
                    budget: float, whole: bool) -> bool:
        """warm() in one bank and layout: the rows on screen, then the other lines of
        the article (`whole`), or those within two screens of them (a bank a key may
        need: a long article is not built again and again)."""
        width = bank[0]
        done = (bank, id(lay), top, self.cursor if self.active else -1, self.peers,
                self.weak, id(self.lens), whole)
        if done in self._warmed:
            return False
        deadline = perf_counter() + budget
        filters = self._filters()
        for row in range(self.view_height):
            self._row(lay, adds, row, top, width, filters)
            if perf_counter() > deadline:
                return True
        body = width - OVERVIEW
        start = min(max(top, 0), max(lay.height - 1, 0))
        h = self.view_height
        lo, hi = (0, lay.height) if whole else (max(0, top - 2 * h), min(lay.height, top + 3 * h))
        strips = self._strips
        for n in chain(range(start, hi), range(start - 1, lo - 1, -1)):
            i = lay.sentence[n]
            if i >= 0 and self.state(i) & BASE or self._line_key(lay, n) in strips:
                continue    # (the cursor's and its peers' lines: drawn as the cursor moves)
            self._text_segments(lay, n, body)
            if perf_counter() > deadline:
                return True
        self._warmed.add(done)
        return False

    def _runs(self, lay: Layout, n: int, i: int) -> list[Run]:
        """Line n (of sentence i) with the engine's marks."""
        analysis = self.app.analysis
        extra = self.lens.spans(self.article, i)
        if analysis is None and not extra:
            return lay.runs[n]
        key = (i, EXTRA, self.lens.marks) if extra else i
        lines = self._marked.get(key)
        if lines is None:
            lines = self._bank.keep(self._marked, key, marked_lines(
                analysis, self.article, i, lay.width, extra, self.app.corpus.articles[self.article],
                self.quote_spans() if self.facts and analysis is not None else None))
        if len(lines) != lay.last[i] - lay.first[i] + 1:   # marks never move a break
            return lay.runs[n]
        return lines[n - lay.first[i]]

    def _cell(self, thumb: bool, mark: bool, filters: tuple = ((), None)) -> Segment:
        """The overview strip's cell: the view's thumb or the track, an addition's mark."""
        seg = self._cells.get((thumb, mark, filters))
        if seg is None:
            names = ["overview--thumb" if thumb else "overview--track"]
            if mark:
                names.append("overview--mark")
            style = self.get_component_rich_style(*names)
            if mark:
                style += self.get_component_styles("overview--mark").text_style
            seg = Segment("▐" if mark else " ", style)
            for f in filters[0]:
                [seg] = f.apply([seg], filters[1])
            self._cells[(thumb, mark, filters)] = seg
        return seg

    def _header_strip(self, y: int, width: int) -> Strip:
        key = (y, self.active, id(self.app.analysis), width)   # kept per width, as lines
        strip = self._header.get(key)
        if strip is None:
            if len(self._header) >= 4 * HEADER * BANKS:
                self._header.clear()
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
