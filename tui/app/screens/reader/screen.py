"""The main screen: source panes side by side, synchronised by content.

Here: the widgets (the source bar, the panes, the search field, the status line), the
messages they post (@on), the size, the analysis arriving, and the one place where the
state (a ReaderState) is made visible in the panes.  The actions are the parts'
(see __init__.py)."""
from __future__ import annotations

import dataclasses
import gc

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen

from ...filters import MARK, ONLY, Lens
from ...keys import bindings
from ...state import ReaderState
from ...widgets.bars import SearchField, SourceBar, StatusBar
from ...widgets.footer import KeyFooter
from ...widgets.pane import PaneView
from .aligned_rows import AlignedRows
from .correcting import CorrectionKeys
from .cursor import Cursor
from .filtering import FilterKeys
from .moving import MovingKeys
from .panes import PaneKeys, slots_for
from .searching import SearchKeys
from .status import StatusLine
from .views import ViewKeys


class ReaderScreen(Cursor, MovingKeys, PaneKeys, SearchKeys, FilterKeys, AlignedRows,
                   ViewKeys, CorrectionKeys, StatusLine, Screen, inherit_bindings=False):
    """Keys act on the focused pane (its cursor is drawn); every other shown pane scrolls so
    that its sentence aligned with the cursor's sits on the cursor's row."""

    BINDINGS = bindings()
    AUTO_FOCUS = None
    WARM_EVERY = 0.02   # seconds from one step of the work done ahead to the next (see _warm)

    def __init__(self) -> None:
        super().__init__()
        self.panes: list[PaneView] = []
        self.state = ReaderState(0)       # what the panes show (see _present)
        self.note = ""                    # one-off message for the status bar
        self._other_lens: tuple = (None, None)   # (lens, the same shown the other way)
        self._likely: tuple = (None, None)       # (lens, the likeliest filter from it)
        self._views_ready = 0             # the analysis whose aligned rows, overview are made
        self._screens_ready: tuple = ()   # what the screens started ahead were made for
        self.ahead_done = False           # nothing left to do ahead (see _warm)

    # -- the state -----------------------------------------------------------------------
    @property
    def shown(self) -> list[int]:
        return self.state.shown

    @property
    def active(self) -> int:
        return self.state.active

    @property
    def zoomed(self) -> bool:
        return self.state.zoomed

    @property
    def lens(self) -> Lens:
        return self.state.lens

    @property
    def lead(self) -> PaneView:
        """The pane with the keys."""
        return self.panes[self.active]

    def visible_panes(self) -> list[PaneView]:
        return [self.panes[k] for k in self.state.visible_slots()]

    def visible_articles(self) -> list[int]:
        return self.state.visible_articles()

    def _present(self) -> None:
        """Make the panes show the state: each its source, the keys' pane, what is visible."""
        st = self.state
        for p, a in zip(self.panes, st.shown):
            if p.article != a:
                p.show(a)
        for k, p in enumerate(self.panes):
            p.set_active(k == st.active)
            p.set_facts(st.facts)
        visible = set(st.visible_slots())
        for k, p in enumerate(self.panes):
            p.display = k in visible

    def set_lens(self, lens: Lens, *, move: bool = True, note: str = "") -> None:
        """New filters or search for every pane; the cursor stays on (or moves to the
        nearest of) the sentences shown, in a pane that has some."""
        self.state.lens = lens
        empty = self._empty_note()
        for p in self.panes:
            p.set_lens(lens, empty)
        if not move:
            return
        self.state.follow_filter()
        self._present()
        lead = self.lead
        self.go(self.snap(lead.article, lead.cursor), center=True, note=note)

    def _focus_slot(self, slot: int) -> None:
        self.state.focus(slot)
        self._present()

    def _slot_of(self, view: PaneView) -> int:
        for k, p in enumerate(self.panes):
            if p is view:
                return k
        return self.active

    # -- building ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        k = slots_for(self.panes_width(self.app.size.width), self.n_articles)
        self.state = ReaderState.start(self.n_articles, k)
        self.panes = [self._new_pane(a) for a in self.shown]
        self.source_bar = SourceBar(id="sources")
        self.search_input = SearchField(id="search")
        self.status = StatusBar(id="status")
        yield self.source_bar
        with Horizontal(id="body"):
            with Horizontal(id="panes"):
                yield from self.panes
            if self.demo:
                from ...widgets.keypanel import KeyPanel

                yield KeyPanel(id="keypanel", classes="marks")
        yield self.search_input
        yield self.status
        yield KeyFooter(compact=True, show_command_palette=False)   # 80 columns: keys only

    def on_mount(self) -> None:
        self.search_input.focus()     # inert until / (see SearchField)
        self._present()
        self.update_status()
        if self.app.analysis is None:     # the spinner turns until the analysis arrives
            self.status.busy(self.describe)
        self._warm_timer = self.set_interval(self.WARM_EVERY, self._warm, pause=True)

    def warm_up(self) -> None:
        """When idle, build the lines of the shown articles not drawn yet (see PaneView.warm)."""
        self.ahead_done = False
        self._warm_timer.resume()

    def _warm(self) -> None:
        """One step of the work done ahead: the lines the panes show, the styles a
        search's or a filter's marks need, the folded texts a search looks in, the lines
        a filter key would draw (f: the filter shown the other way; the likeliest
        filter), what the aligned view and the overview need, the screens a key opens,
        the rest of the articles' lines, then the lines of the other keys that redraw
        every pane (d: the other highlighting; + -: the panes' next widths)."""
        budget = 0.003
        panes = self.visible_panes()
        for p in panes:                 # every pane's lines near the view
            if p.warm(budget, whole=False):
                return
        for p in panes:                 # the styles a search's or a filter's marks need
            if p.warm_styles(budget):
                return
        if self.searcher().prepare(budget):     # the texts a search looks in, folded
            return
        analysis = self.app.analysis
        # the lines a filter key would draw (f: shown the other way; s then Enter): a
        # filter redraws every pane, so these come before what a few keys open
        if analysis is not None and self._warm_ahead(panes, budget, lenses=True):
            return
        if analysis is not None and self._views_ready != id(analysis):   # a v's needs
            from ....report.overview import overview
            from ....report.rows import band_order
            from ... import aligned  # noqa: F401

            band_order(analysis)
            overview(analysis)
            self._views_ready = id(analysis)
            return
        if analysis is not None and self._screens_ahead(analysis):
            return
        for p in panes:                 # then the rest of their articles
            if p.warm(budget, whole=True):
                return
        if analysis is not None and self._warm_ahead(panes, budget, lenses=False):
            return
        self._warm_timer.pause()
        self.ahead_done = True
        # the lines just built live as long as their pane: keep them out of the garbage
        # collector's full collections (a pause of tens of ms once there are many)
        gc.freeze()

    def _warm_ahead(self, panes, budget: float, lenses: bool) -> bool:
        """One step of building the lines of what ahead() lists: its filters (`lenses`),
        or its other highlighting and widths.  True while some are left."""
        for width, facts, lens in self.ahead():
            if (lens is not None) != lenses:
                continue
            note = None if lens is None else self._empty_note(lens)
            for k, p in enumerate(panes):
                if p.warm(budget, width and width(k), facts, lens,
                          center=lens is not None and p is self.lead, empty_note=note):
                    return True
        return False

    def screens_changed(self) -> None:
        """A screen made ahead changed (App.redo_ahead): made ready again when idle."""
        self._screens_ready = ()
        self.warm_up()

    def _screens_ahead(self, analysis) -> bool:
        """One step of the work done ahead: start one of the screens a key opens (the
        speaker and topic pickers s t, the list of sources o, the overview v) as that key
        would find it; True when one was started.  (A screen's first opening composes
        its widgets and styles them: tens of ms, done here while idle.)"""
        key = (id(analysis), self.lens.speaker, self.lens.topic, self.lead.article)
        if self._screens_ready == key:
            return False
        makers = [self.overview_screen, self.sources_screen]
        if analysis.speakers:
            makers.append(self.speaker_screen)
        if analysis.topics:
            makers.append(self.topic_screen)
        for make in makers:
            if self.app.start_ahead(make()):
                return True
        self._screens_ready = key
        return False

    def ahead(self):
        """What the panes' lines are built ahead for, most likely first: (the width of
        the pane in slot k, or None: the same; the highlighting, or None: the same; the
        filter shown the other way, or the likeliest filter, or None: the same)."""
        lens = self.lens
        if lens.filtering:      # f: the filter's sentences only, or all of them marked
            if self._other_lens[0] is not lens:
                self._other_lens = (lens, dataclasses.replace(
                    lens, mode=MARK if lens.mode == ONLY else ONLY))
            yield None, None, self._other_lens[1]
        likely = self.likely_filter()      # s then Enter: the picker's first speaker
        if likely is not None:
            yield None, None, likely
        yield None, not self.state.facts, None
        if self.zoomed:
            return
        fit = slots_for(self.panes_width(self.app.size.width), self.n_articles)
        for delta in (1, -1):
            k = max(1, fit - max(0, min(fit - 1, self.state.wider + delta)))
            if k != len(self.shown):
                yield self.pane_width(k), None, None

    # -- what arrives: the widgets' messages, the size, the analysis --------------------------
    @on(SearchField.Changed)
    def _typed(self, event: SearchField.Changed) -> None:
        self.search_for(event.value)

    @on(SearchField.Submitted)
    def _submitted(self) -> None:
        self.search_submitted()

    @on(SearchField.Ended)
    def _ended(self) -> None:
        self.end_search()

    @on(PaneView.Clicked)
    def _clicked(self, event: PaneView.Clicked) -> None:
        self.pane_clicked(event.pane, event.sentence, event.center)

    @on(PaneView.Wheeled)
    def _wheeled(self, event: PaneView.Wheeled) -> None:
        self.pane_wheeled(event.pane, event.delta)

    def on_resize(self, event: events.Resize) -> None:
        k = self.slots(event.size.width)
        if k != len(self.shown):
            self._set_slots(k)
        self.resync()

    def analysis_ready(self) -> None:
        """The engine's results arrived (worker): marks, counts, strips, alignment."""
        for p in self.panes:
            p.show(p.article, p.cursor)
        self.resync()
        self.update_status()
