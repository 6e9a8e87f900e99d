"""Pick the source the focused pane shows."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..layout import truncate

class SourcesScreen(ModalScreen):
    """Pick the source the focused pane shows."""

    BINDINGS = [Binding("escape,q", "dismiss_none", "cancel")]

    def __init__(self, current: int) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        app = self.app
        analysis = app.analysis
        options = []
        for a, art in enumerate(app.corpus.articles):
            meta = " · ".join(p for p in (art.date, art.title) if p)
            count = ("" if analysis is None else
                     f" — {len(analysis.additions(a, furniture=False))} of {analysis.prose(a)}"
                     " additions")
            options.append(Option(Content.from_markup(
                "[b]$n[/b] [b]$label[/b] [dim]$meta[/dim]$count", n=f"{a + 1:>2}",
                label=art.label, meta=truncate(meta, 60), count=count), id=str(a)))
        self.options = OptionList(*options, id="source-list")
        self.options.border_title = "Show which source in this pane?"
        yield self.options

    def on_mount(self) -> None:
        self.options.highlighted = self.current
        self.options.focus()

    def show_current(self, current: int) -> None:
        """The source the focused pane shows now (highlighted when shown)."""
        if current != self.current:
            self.current = current
            if self.is_mounted:
                self.options.highlighted = current

    def on_screen_resume(self) -> None:
        """Shown again (a kept screen, App.kept_screen): the current source highlighted."""
        if self.is_mounted:
            self.options.highlighted = self.current

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
