"""The cursor and the panes that follow it.

The pane with the keys (the lead) draws the cursor; every other shown pane scrolls so
that its sentence aligned with the cursor's sits on the cursor's row (which sentence
that is: app/sync.py, pure).  `go` is where every action ends."""
from __future__ import annotations

from typing import Callable

from ... import sync
from ...widgets.pane import PaneView
from .part import ReaderPart


class Cursor(ReaderPart):
    """Put the cursor on a sentence and align the other panes to it."""

    _opened = False           # until a first move, each pane shows its own start
    _sync_pending = False     # a re-alignment is due at the next refresh

    def go(self, i: int, *, reveal: bool = True, center: bool = False, note: str = "") -> None:
        """Put the focused pane's cursor on sentence i, scroll, align the others."""
        self._apply_bands()
        lead = self.lead
        self._opened = True
        i = self.snap(lead.article, max(0, min(i, len(self.app.corpus.articles[lead.article]
                                                      .sentences) - 1)))
        lead.set_cursor(i)
        lead.scroll_to_line(lead.top)   # the focused pane shows its article, not the margin
        if center:
            lead.scroll_to_line(lead.first_line(i) - lead.view_height // 3)
        elif reveal:
            lead.reveal(i)
        self.sync()
        self.note = note
        self.update_status()
        self.warm_up()

    def sync(self) -> None:
        """Scroll every other shown pane so its aligned sentence sits on the cursor's row.
        With a filter that hides sentences, both ends of an alignment must pass it: a
        pane whose match is filtered out holds the nearest preceding pair that passes."""
        lead = self.lead
        analysis = self.app.analysis
        a, i = lead.article, lead.cursor
        lead.set_peers(())
        keep_a = self.keep(a)
        if self.state.aligned and analysis is not None:
            self._apply_bands()
            for view in self.visible_panes():     # the bands line up: one scroll for all
                if view is not lead:
                    view.scroll_to_line(lead.top, free=True)
                    keep_b = self.keep(view.article)
                    view.set_peers(sync.matches_in(analysis, a, i, view.article, keep_b),
                                   sync.weak_in(analysis, a, i, view.article, keep_b))
            return
        for view in self.visible_panes():
            if view is lead:
                continue
            if not self._opened:      # each pane opens at its own first sentence
                view.set_peers(())
                view.scroll_to_line(0)
                continue
            if analysis is None or view.lay.empty:
                view.set_peers(())
                view.scroll_to_line(0, free=True)
                continue
            b = view.article
            keep_b = self.keep(b)
            anchor = sync.anchor(analysis, a, i, b, keep_a, keep_b)
            if anchor is None:
                view.scroll_to_line(0, free=True)
            else:
                k, j = anchor
                # the anchor is on the cursor's row, or above it; when it has scrolled off
                # the top, the pane shows it on its first row (not a screenful of blank)
                row = max(0, lead.first_line(k) - lead.top)
                view.scroll_to_line(view.first_line(j) - row, free=True)
            view.set_peers(sync.matches_in(analysis, a, i, b, keep_b),
                           sync.weak_in(analysis, a, i, b, keep_b))

    def resync(self) -> None:
        """Re-align after sizes changed (resize, zoom): at most once per frame."""
        if not self._sync_pending:
            self._sync_pending = True
            self.call_after_refresh(self._resync_now)

    def _resync_now(self) -> None:
        self._sync_pending = False
        self._apply_bands()
        self.lead.reveal(self.lead.cursor)
        self.sync()

    def follow(self, a: int, i: int, row: int, view: PaneView) -> int:
        """The sentence of `view`'s article that goes with (a, i) shown at `row`."""
        analysis = self.app.analysis
        b = view.article
        keep_b = self.keep(b)
        if analysis is not None:
            m = sync.best_match(analysis, a, i, b, keep_b)
            if m is not None:
                return m.i
        if view.painted:
            return view.sentence_at_row(max(0, min(row, view.view_height - 1)))
        anchor = (sync.anchor(analysis, a, i, b, self.keep(a), keep_b)
                  if analysis is not None else None)
        return anchor[1] if anchor else self.snap(b, 0)

    def keep(self, a: int):
        """Which sentences of article a the panes show (None: all)."""
        return self.state.keep(a)

    def order(self, a: int) -> list[int] | None:
        """The sentences of article a the cursor can visit, in order (None: every one)."""
        return self.state.order(a)

    def snap(self, a: int, i: int, direction: int = 1) -> int:
        """Sentence i, or with a filter the nearest one it shows (after i, else before)."""
        return self.state.snap(a, i, direction)

    # -- the keys to another pane ---------------------------------------------------------
    def focus_pane(self, slot: int, cursor: int | None = None) -> None:
        """The keys to pane `slot`, its cursor on the sentence that goes with the old one's."""
        old = self.lead
        new = self.panes[slot]
        if new is not old:
            if cursor is None:
                cursor = self.follow(old.article, old.cursor, old.cursor_row, new)
            self._focus_slot(slot)
        self.go(new.cursor if cursor is None else cursor)

    def _change_lead(self, change: Callable[[], None]) -> None:
        """`change` the state so that the pane with the keys shows another source, and
        put its cursor on the sentence that goes with the one it had."""
        old = self.lead
        a, i, row = old.article, old.cursor, old.cursor_row
        change()
        self._present()
        self.go(self.follow(a, i, row, self.lead), center=True)

    def show_sentence(self, a: int, i: int) -> None:
        """Sentence i of article a under the cursor: in the pane that shows it, else
        brought into the pane with the keys."""
        self.state.bring(a)
        self._present()
        self.go(i, center=True)
