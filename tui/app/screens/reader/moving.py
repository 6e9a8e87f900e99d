"""The keys and the mouse that move the cursor: a sentence (j k), a page, either end
(g G), the next addition or disagreement (n N, ] [), another pane (h l), the next
sources (> <), a source chosen by number (the sources list, the palette); a click puts
the cursor where it lands, the wheel scrolls a pane and takes the cursor along.  Each
ends in `go` (cursor.py)."""
from __future__ import annotations

from bisect import bisect_left

from ...widgets.pane import PaneView
from .part import ReaderPart, needs_analysis


class MovingKeys(ReaderPart):
    """j k, PgDn PgUp, g G, n N, ] [, h l, > <; clicks and the wheel."""

    def action_move(self, delta: int) -> None:
        order = self.order(self.lead.article)
        if order is None:
            self.go(self.lead.cursor + delta)
        elif order:
            k = bisect_left(order, self.lead.cursor)
            if delta > 0 and k < len(order) and order[k] == self.lead.cursor:
                k += 1
            elif delta < 0:
                k -= 1
            self.go(order[max(0, min(k, len(order) - 1))], note=self._hit_note())
        else:
            self.go(self.lead.cursor)

    def action_page(self, direction: int) -> None:
        lead = self.lead
        row = lead.cursor_row
        step = max(1, lead.view_height - 2)
        before = lead.top
        lead.scroll_to_line(lead.top + direction * step)
        if lead.top == before:
            self.action_edge(0 if direction < 0 else 1)
            return
        i = lead.sentence_at_row(max(0, min(row, lead.view_height - 1)))
        self.go(i)

    def action_edge(self, end: int) -> None:
        n = len(self.app.corpus.articles[self.lead.article].sentences)
        self.go(n - 1 if end else 0)
        if end:   # snap forward found nothing after: go to the last shown
            order = self.order(self.lead.article)
            if order:
                self.go(order[-1])

    # -- the next of a kind ----------------------------------------------------------------
    def _step(self, targets: list[int], direction: int, noun: str) -> None:
        """To the next (previous) of `targets` after the cursor, wrapping round."""
        i = self.lead.cursor
        if self.lens.only:
            targets = [t for t in targets if self.lens.passes(self.lead.article, t)]
        if not targets:
            self.go(i, note=f"No {noun}s in this source")
        elif direction > 0:
            after = [t for t in targets if t > i]
            self.go(after[0] if after else targets[0],
                    note="" if after else f"Wrapped round to the first {noun}")
        else:
            before = [t for t in targets if t < i]
            self.go(before[-1] if before else targets[-1],
                    note="" if before else f"Wrapped round to the last {noun}")

    def action_addition(self, direction: int) -> None:
        """n N: the next match while a search is on, else the next addition."""
        if self.lens.query:
            self.walk_matches(direction)
        else:
            self._step_additions(direction)

    @needs_analysis
    def _step_additions(self, direction: int) -> None:
        analysis = self.app.analysis
        self._step(analysis.additions(self.lead.article, furniture=False), direction, "addition")

    @needs_analysis
    def action_disagreement(self, direction: int) -> None:
        analysis = self.app.analysis
        a = self.lead.article
        n = len(self.app.corpus.articles[a].sentences)
        if self.state.facts:
            from ....engine.differences import facts

            art, spans = self.app.corpus.articles[a], self.lead.quote_spans()
            targets = [i for i in range(n) if analysis.at(a, i).changed
                       and facts(art, art.sentences[i], analysis.at(a, i).changed, spans)]
        else:
            targets = [i for i in range(n) if analysis.at(a, i).changed]
        self._step(targets, direction, "disagreement")

    # -- another pane, another source -------------------------------------------------------
    def action_pane(self, direction: int) -> None:
        if self.zoomed:
            self.action_rotate(direction)
            return
        target = self.active + direction
        k = len(self.shown)
        if 0 <= target < k:
            self.focus_pane(target)
        elif k < self.n_articles:
            self.action_rotate(direction)
        else:
            self.focus_pane(target % k)

    def action_rotate(self, direction: int) -> None:
        if self.n_articles <= len(self.visible_panes()):
            self.go(self.lead.cursor, note="Every source is already shown")
            return
        self._change_lead(lambda: self.state.rotate(direction))

    def action_show_source(self, number: int) -> None:
        b = number - 1
        if not 0 <= b < self.n_articles:
            self.go(self.lead.cursor, note=f"There is no source {number}")
            return
        slot = self.state.slot_showing(b)
        if slot is not None:
            self.focus_pane(slot)
        else:
            self._change_lead(lambda: self.state.swap_in(self.active, b))

    # -- the mouse ----------------------------------------------------------------------------
    def pane_clicked(self, view: PaneView, i: int, center: bool = False) -> None:
        slot = self._slot_of(view)
        if slot != self.active:
            self._focus_slot(slot)
        self.go(i, reveal=not center, center=center)

    def pane_wheeled(self, view: PaneView, delta: int) -> None:
        slot = self._slot_of(view)
        if slot != self.active:
            old = self.lead
            cursor = self.follow(old.article, old.cursor, old.cursor_row, view)
            self._focus_slot(slot)
            view.set_cursor(cursor)
        view.scroll_to_line(view.top + delta)
        i, top, bottom = view.cursor, view.top, view.top + view.view_height - 1
        lay = view.lay
        if view.first_line(i) < top:
            i = lay.sentence_at(top)
            if lay.first[i] < top and i + 1 < len(lay.first) and lay.first[i + 1] <= bottom:
                i += 1
        elif view.first_line(i) > bottom:
            i = lay.sentence_at(bottom, forward=False)
        self.go(i, reveal=False)
