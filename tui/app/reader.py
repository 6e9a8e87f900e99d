"""The main screen: source panes side by side, synchronised by content."""
from __future__ import annotations

import gc

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer

from . import sync
from .keys import bindings
from .layout import GLYPHS, relation
from .pane import PaneView, SourceBar, StatusBar

MIN_PANE_WIDTH = 38     # narrower than this and sentences stop being readable


def slots_for(width: int, articles: int) -> int:
    """How many panes fit side by side at a readable width."""
    return max(1, min(articles, width // MIN_PANE_WIDTH))


def merged_count(spans) -> int:
    """How many separate stretches a set of (possibly overlapping) spans covers."""
    n, end = 0, -1
    for a, b in sorted(spans):
        if a >= end:
            n += 1
        end = max(end, b)
    return n


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class ReaderScreen(Screen, inherit_bindings=False):
    """Keys act on the focused pane (its cursor is drawn); every other shown pane scrolls so
    that its sentence aligned with the cursor's sits on the cursor's row."""

    BINDINGS = bindings()
    AUTO_FOCUS = None

    def __init__(self) -> None:
        super().__init__()
        self.panes: list[PaneView] = []
        self.shown: list[int] = []       # article of each pane in use, left to right
        self.active = 0                   # index into self.panes of the focused pane
        self.zoomed = False
        self.note = ""                    # one-off message for the status bar
        self._sync_pending = False
        self._shown_in_bar: tuple = ()

    # -- building ------------------------------------------------------------------------
    @property
    def n_articles(self) -> int:
        return len(self.app.corpus.articles)

    def compose(self) -> ComposeResult:
        k = slots_for(self.app.size.width, self.n_articles)
        self.shown = list(range(k))
        self.panes = [PaneView(a, classes="marks") for a in self.shown]
        self.source_bar = SourceBar(id="sources")
        self.status = StatusBar(id="status")
        yield self.source_bar
        with Horizontal(id="panes"):
            yield from self.panes
        yield self.status
        yield Footer(compact=True, show_command_palette=False)   # 80 columns: keys only

    def on_mount(self) -> None:
        self._apply_visibility()
        self._focus_slot(0)
        self.update_status()
        self._warm_timer = self.set_interval(0.05, self._warm, pause=True)

    def warm_up(self) -> None:
        """When idle, build the lines of the shown articles not drawn yet (see PaneView.warm)."""
        self._warm_timer.resume()

    def _warm(self) -> None:
        budget = 0.003
        for p in self.visible_panes():
            if p.warm(budget):
                return
        self._warm_timer.pause()
        # the lines just built live as long as their pane: keep them out of the garbage
        # collector's full collections (a pause of tens of ms once there are many)
        gc.freeze()

    @property
    def lead(self) -> PaneView:
        return self.panes[self.active]

    def visible_panes(self) -> list[PaneView]:
        if self.zoomed:
            return [self.panes[self.active]]
        return self.panes[:len(self.shown)]

    def visible_articles(self) -> list[int]:
        return [p.article for p in self.visible_panes()]

    def _apply_visibility(self) -> None:
        visible = self.visible_panes()
        for p in self.panes:
            p.display = p in visible

    def _focus_slot(self, slot: int) -> None:
        for k, p in enumerate(self.panes):
            p.set_active(k == slot)
        self.active = slot

    # -- synchronisation -----------------------------------------------------------------
    def sync(self) -> None:
        """Scroll every other shown pane so its aligned sentence sits on the cursor's row."""
        lead = self.lead
        analysis = self.app.analysis
        a, i = lead.article, lead.cursor
        lead.set_peers(())
        for view in self.visible_panes():
            if view is lead:
                continue
            if analysis is None:
                view.set_peers(())
                continue
            b = view.article
            anchor = sync.anchor(analysis, a, i, b)
            if anchor is None:
                view.scroll_to_line(0, free=True)
            else:
                k, j = anchor
                # the anchor is on the cursor's row, or above it; when it has scrolled off
                # the top, the pane shows it on its first row (not a screenful of blank)
                row = max(0, lead.first_line(k) - lead.top)
                view.scroll_to_line(view.first_line(j) - row, free=True)
            view.set_peers(sync.matches_in(analysis, a, i, b))

    def resync(self) -> None:
        """Re-align after sizes changed (resize, zoom): at most once per frame."""
        if not self._sync_pending:
            self._sync_pending = True
            self.call_after_refresh(self._resync_now)

    def _resync_now(self) -> None:
        self._sync_pending = False
        self.lead.reveal(self.lead.cursor)
        self.sync()

    def go(self, i: int, *, reveal: bool = True, center: bool = False, note: str = "") -> None:
        """Put the focused pane's cursor on sentence i, scroll, align the others."""
        lead = self.lead
        i = max(0, min(i, len(self.app.corpus.articles[lead.article].sentences) - 1))
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

    def follow(self, a: int, i: int, row: int, view: PaneView) -> int:
        """The sentence of `view`'s article that goes with (a, i) shown at `row`."""
        analysis = self.app.analysis
        b = view.article
        if analysis is not None:
            m = sync.best_match(analysis, a, i, b)
            if m is not None:
                return m.i
        if view.painted:
            return view.sentence_at_row(max(0, min(row, view.view_height - 1)))
        anchor = sync.anchor(analysis, a, i, b) if analysis is not None else None
        return anchor[1] if anchor else 0

    # -- status --------------------------------------------------------------------------
    def update_status(self) -> None:
        shown = (tuple(self.visible_articles()), self.lead.article)
        if shown != self._shown_in_bar:
            self._shown_in_bar = shown
            self.source_bar.refresh()
        self.status.show(self.describe())

    def describe(self) -> Content:
        app = self.app
        lead = self.lead
        a, i = lead.article, lead.cursor
        art = app.corpus.articles[a]
        s = art.sentences[i]
        head = Content.from_markup("[b]$label[/b] §$n/$m", label=art.label, n=i + 1,
                                   m=len(art.sentences))
        if s.role:
            head += Content.from_markup(" [dim]($role)[/dim]", role=s.role)
        analysis = app.analysis
        if self.note:
            body = Content.from_markup("[b]$note[/b]", note=self.note)
        elif analysis is None:
            body = Content.from_markup(app.progress_text())
        else:
            al = analysis.at(a, i)
            if al.unique:
                body = Content.from_markup("[b]+ only this source has this sentence[/b]")
            else:
                best: dict[int, str] = {}
                for m in sorted(al.matches, key=lambda m: -m.score):
                    best.setdefault(m.article, m.relation)
                names = ", ".join(f"{app.corpus.articles[b].label} ({r})"
                                  for b, r in sorted(best.items()))
                rel = relation(al)
                body = Content.from_markup("$glyph also in $names", glyph=GLYPHS[rel],
                                           names=names)
                missing = [app.corpus.articles[b].label for b in range(len(app.corpus.articles))
                           if b != a and b not in best]
                if missing:
                    body += Content.from_markup(" · [dim]not in $names[/dim]",
                                                names=", ".join(missing))
                changed = merged_count(al.changed)
                if changed:
                    body += Content.from_markup(" · [b]$n[/b]", n=plural(changed, "difference"))
            added = merged_count(al.added)
            if added and not al.unique:
                body += Content.from_markup(" · $n", n=plural(added, "added phrase"))
        return Content(" ").join([head, body])

    # -- actions -------------------------------------------------------------------------
    def action_move(self, delta: int) -> None:
        self.go(self.lead.cursor + delta)

    def action_page(self, direction: int) -> None:
        lead = self.lead
        row = lead.first_line(lead.cursor) - lead.top
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

    def _step(self, targets: list[int], direction: int, noun: str) -> None:
        """To the next (previous) of `targets` after the cursor, wrapping round."""
        i = self.lead.cursor
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
        analysis = self.app.analysis
        if analysis is None:
            self.go(self.lead.cursor, note="The analysis is still running")
            return
        self._step(analysis.additions(self.lead.article), direction, "addition")

    def action_disagreement(self, direction: int) -> None:
        analysis = self.app.analysis
        if analysis is None:
            self.go(self.lead.cursor, note="The analysis is still running")
            return
        a = self.lead.article
        n = len(self.app.corpus.articles[a].sentences)
        targets = [i for i in range(n) if analysis.at(a, i).changed]
        self._step(targets, direction, "disagreement")

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

    def focus_pane(self, slot: int, cursor: int | None = None) -> None:
        old = self.lead
        new = self.panes[slot]
        if new is not old:
            if cursor is None:
                cursor = self.follow(old.article, old.cursor, old.first_line(old.cursor) - old.top,
                                     new)
            self._focus_slot(slot)
        self.go(new.cursor if cursor is None else cursor)

    def _swap_in(self, slot: int, article: int) -> None:
        """Show `article` in pane `slot`; if another pane showed it, that pane gets ours."""
        current = self.shown[slot]
        if article in self.shown:
            other = self.shown.index(article)
            self.shown[other] = current
            self.panes[other].show(current)
        self.shown[slot] = article
        self.panes[slot].show(article)

    def _replace_lead(self, article: int) -> None:
        old = self.lead
        a, i, row = old.article, old.cursor, old.first_line(old.cursor) - old.top
        self._swap_in(self.active, article)
        self.go(self.follow(a, i, row, self.lead), center=True)

    def action_rotate(self, direction: int) -> None:
        n = self.n_articles
        if n <= len(self.visible_panes()):
            self.go(self.lead.cursor, note="Every source is already shown")
            return
        lead = self.lead
        a, i, row = lead.article, lead.cursor, lead.first_line(lead.cursor) - lead.top
        self.shown = [(x + direction) % n for x in self.shown]
        for p, art in zip(self.panes, self.shown):
            p.show(art)
        self.go(self.follow(a, i, row, self.lead), center=True)

    def action_show_source(self, number: int) -> None:
        b = number - 1
        if not 0 <= b < self.n_articles:
            self.go(self.lead.cursor, note=f"There is no source {number}")
            return
        if b in self.shown and (not self.zoomed or self.shown.index(b) == self.active):
            self.focus_pane(self.shown.index(b))
        else:
            self._replace_lead(b)

    def action_sources(self) -> None:
        from .screens import SourcesScreen

        def chosen(b: int | None) -> None:
            if b is not None:
                self.action_show_source(b + 1)

        self.app.push_screen(SourcesScreen(self.lead.article), chosen)

    def action_zoom(self) -> None:
        self.zoomed = not self.zoomed
        self._apply_visibility()
        self.resync()
        self.note = "Zoomed: h/l or > < change the source, z to go back" if self.zoomed else ""
        self.update_status()

    def action_parallels(self) -> None:
        from .screens import ParallelsScreen

        if self.app.analysis is None:
            self.go(self.lead.cursor, note="The analysis is still running")
            return

        def back(i: int | None) -> None:
            if i is not None:
                self.go(i)

        self.app.push_screen(ParallelsScreen(self.lead.article, self.lead.cursor), back)

    def action_help(self) -> None:
        from .screens import HelpScreen

        self.app.push_screen(HelpScreen())

    # -- mouse and size ------------------------------------------------------------------
    def _slot_of(self, view: PaneView) -> int:
        for k, p in enumerate(self.panes):
            if p is view:
                return k
        return self.active

    def pane_clicked(self, view: PaneView, i: int, center: bool = False) -> None:
        slot = self._slot_of(view)
        if slot != self.active:
            self._focus_slot(slot)
        self.go(i, reveal=not center, center=center)

    def pane_wheeled(self, view: PaneView, delta: int) -> None:
        slot = self._slot_of(view)
        if slot != self.active:
            old = self.lead
            cursor = self.follow(old.article, old.cursor, old.first_line(old.cursor) - old.top,
                                 view)
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

    def on_resize(self, event: events.Resize) -> None:
        k = slots_for(event.size.width, self.n_articles)
        if k != len(self.shown):
            self._set_slots(k)
        self.resync()

    def _set_slots(self, k: int) -> None:
        n = self.n_articles
        if k < len(self.shown):
            start = max(0, self.active - k + 1)
            self.shown = self.shown[start:start + k]
            self.active -= start
        else:
            extra = [a for a in ((self.shown[-1] + d) % n for d in range(1, n))
                     if a not in self.shown]
            self.shown = self.shown + extra[:k - len(self.shown)]
        while len(self.panes) < k:
            pane = PaneView(self.shown[len(self.panes)], classes="marks")
            self.panes.append(pane)
            self.query_one("#panes").mount(pane)
        for p, a in zip(self.panes, self.shown):
            if p.article != a:
                p.show(a)
        self._focus_slot(self.active)
        self._apply_visibility()

    # -- analysis ------------------------------------------------------------------------
    def analysis_ready(self) -> None:
        """The engine's results arrived (worker): marks, counts, strips, alignment."""
        for p in self.panes:
            p.show(p.article, p.cursor)
        self.resync()
        self.update_status()
