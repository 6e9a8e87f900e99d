"""The base of the full screens of stacked blocks (parallels, quotes)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from ..widgets.document import DocumentView
from ..widgets.footer import KeyFooter

class DocumentScreen(Screen):
    """A full screen of stacked blocks: a title line, the document, the footer.
    Subclasses set KIND (the widgets' ids) and fill the document in _fill()."""

    KIND = "document"

    def compose(self) -> ComposeResult:
        self.title_bar = Static(id=f"{self.KIND}-title")
        self.doc = DocumentView(id=self.KIND, classes="marks")
        self.doc.can_focus = False
        yield self.title_bar
        yield self.doc
        yield KeyFooter(compact=True, at_once=True)

    def on_mount(self) -> None:
        self._fill()

    def _fill(self) -> None:
        raise NotImplementedError

    def action_scroll(self, direction: int) -> None:
        """A page down (1) or up (-1)."""
        self.doc.scroll_to(y=self.doc.scroll_y + direction * max(1, self.doc.size.height - 2),
                           animate=False)
