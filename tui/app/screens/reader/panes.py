"""How many panes, and how wide: as many side by side as fit at a readable width (fewer
after +, more after - down to that width), one zoomed to the whole width (z).  The
sources they show are the state's (ReaderState.set_panes)."""
from __future__ import annotations

from typing import Callable

from ....report.view import plural
from ...widgets.pane import PaneView
from .part import ReaderPart

MIN_PANE_WIDTH = 38     # narrower than this and sentences stop being readable


def slots_for(width: int, articles: int) -> int:
    """How many panes fit side by side at a readable width."""
    return max(1, min(articles, width // MIN_PANE_WIDTH))


class PaneKeys(ReaderPart):
    """z + -, and the panes made for the slots."""

    @property
    def n_articles(self) -> int:
        return len(self.app.corpus.articles)

    @property
    def demo(self) -> bool:
        return getattr(self.app, "demo", False)

    def panes_width(self, width: int) -> int:
        """The columns the panes share (demo mode keeps a column of keys at the right)."""
        from ...widgets.keypanel import KEY_PANEL_WIDTH

        return width - KEY_PANEL_WIDTH if self.demo and width >= 2 * KEY_PANEL_WIDTH else width

    def slots(self, width: int) -> int:
        """Panes side by side at this width: as many as fit, fewer when widened."""
        return max(1, slots_for(self.panes_width(width), self.n_articles) - self.state.wider)

    def pane_width(self, k: int) -> Callable[[int], int]:
        """The width of the pane in slot j when k panes share the columns (as Textual
        shares 1fr among them)."""
        total = self.panes_width(self.app.size.width)
        return lambda j: (j + 1) * total // k - j * total // k

    def _new_pane(self, article: int) -> PaneView:
        pane = PaneView(article, classes="marks")
        pane.lens = self.lens
        pane.empty_note = self._empty_note()
        pane.spacing = 1 if self.demo else 0
        return pane

    def _set_slots(self, k: int) -> None:
        """`k` panes in use (made when there were fewer)."""
        self.state.set_panes(k)
        while len(self.panes) < k:
            pane = self._new_pane(self.shown[len(self.panes)])
            self.panes.append(pane)
            self.query_one("#panes").mount(pane)
        self._present()

    def action_zoom(self) -> None:
        self.state.toggle_zoom()
        self._present()
        self.resync()
        self.note = "Zoomed: h/l or > < change the source, z to go back" if self.zoomed else ""
        self.update_status()

    def action_widen(self, delta: int) -> None:
        """Wider panes (fewer side by side), or narrower (more, down to the readable width)."""
        fit = slots_for(self.panes_width(self.app.size.width), self.n_articles)
        wider = max(0, min(fit - 1, self.state.wider + delta))
        if wider == self.state.wider:
            self.go(self.lead.cursor, note="The panes are as wide as they go" if delta > 0
                    else "As many panes as fit at a readable width")
            return
        self.state.wider = wider
        self._set_slots(self.slots(self.app.size.width))
        if not self.zoomed:     # aligned at the widths the next layout gives, not the old
            width = self.pane_width(len(self.shown))
            for k, p in enumerate(self.visible_panes()):
                p.expect_width(width(k))
        self.resync()
        k = len(self.shown)
        self.go(self.lead.cursor, note=f"{plural(k, 'pane')} of {self.n_articles} sources: "
                "> < bring in the others; + wider, - narrower")
