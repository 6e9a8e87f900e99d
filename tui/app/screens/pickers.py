"""Pickers: a speaker or a topic to filter by, narrowed as you type."""
from __future__ import annotations

from textual.app import ComposeResult, ScreenStackError, UnknownModeError
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ...engine.chars import fold
from ..layout import cells, truncate
from ..widgets.narrowing import NarrowingList

def counts_text(counts: list[int], labels: list[str], width: int = 70) -> str:
    """Per source its count ("1·3  2·–  3·5"); past the width, the largest, then "+N more"."""
    have = sum(1 for c in counts if c)
    head = f"in {have} of {len(counts)} sources: "
    items = [f"{a + 1}·{c if c else '–'}" for a, c in enumerate(counts)]
    text = head + "  ".join(items)
    if cells(text) <= width:
        return text
    top = sorted((a for a, c in enumerate(counts) if c), key=lambda a: -counts[a])
    out = head
    for k, a in enumerate(top):
        item = f"{a + 1}·{counts[a]}  "
        if cells(out + item) > width - 10:
            return out + f"+{len(top) - k} more"
        out += item
    return out.rstrip()


class PickerScreen(ModalScreen):
    """A list to choose from, narrowed as you type.  Dismisses with the chosen id or None."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "cancel", key_display="Esc"),
        Binding("down", "move(1)", "next", show=False),
        Binding("up", "move(-1)", "previous", show=False),
        Binding("pagedown", "move(5)", "page", show=False),
        Binding("pageup", "move(-5)", "page", show=False),
    ]

    def __init__(self, title: str, items: list[tuple[str, Content, str]],
                 current: str | None = None, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.items = items            # (id, how it is shown, what typing matches)
        self.current = current
        self.hint = hint
        self._folded = [fold(t) for _, _, t in items]
        self._ids: list[str] = []      # the items listed

    def compose(self) -> ComposeResult:
        with Vertical(id="picker") as box:
            box.border_title = self.title_text
            box.border_subtitle = self.hint
            self.query_input = Input(placeholder="type to narrow the list; Enter chooses, "
                                     "Esc cancels", id="picker-filter", compact=True)
            self.options = NarrowingList([Option(content, id=ident)
                                          for ident, content, _ in self.items], id="picker-list")
            yield self.query_input
            yield self.options

    def on_mount(self) -> None:
        self._fill("")
        self.query_input.focus()

    def _fill(self, text: str) -> None:
        words = fold(text).split()
        keep = [k for k in range(len(self.items)) if all(w in self._folded[k] for w in words)]
        self.options.narrow(keep)
        self._ids = [self.items[k][0] for k in keep]
        self._highlight()

    def _highlight(self) -> None:
        ids = self._ids
        if ids:
            self.options.highlighted = ids.index(self.current) if self.current in ids else 0

    def show_current(self, current: str | None) -> None:
        """The item in force now (the filter's speaker or topic), highlighted."""
        if current != self.current:
            self.current = current
            if self.is_mounted:
                self._highlight()

    def on_screen_resume(self) -> None:
        """Shown again (a kept screen, App.kept_screen): the whole list, the current
        item highlighted, as the first time."""
        if not self.is_mounted:
            return
        if self.query_input.value:
            self.query_input.value = ""       # the list fills again (on_input_changed)
        else:
            self._highlight()

    def on_screen_suspend(self) -> None:
        """Closed after typing: the whole list is made again a moment later, while the
        reader is idle, and drawn ahead (App.redo_ahead), not when opened again."""
        if self.query_input.value:
            self.set_timer(0.05, self._restore)

    def _restore(self) -> None:
        try:
            if self.query_input.value and not self.is_current:
                with self.query_input.prevent(Input.Changed):
                    self.query_input.value = ""
                self._fill("")
                self.app.redo_ahead(self)
        except (ScreenStackError, UnknownModeError):
            pass    # the app is closing (its screens are gone): nothing to make ready

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        k = self.options.highlighted
        if k is not None and self.options.option_count:
            self.dismiss(self.options.get_option_at_index(k).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, delta: int) -> None:
        n = self.options.option_count
        if n:
            k = self.options.highlighted or 0
            self.options.highlighted = max(0, min(n - 1, k + delta))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def speaker_picker(analysis, current: str | None, title: str = "", exclude=()) -> PickerScreen:
    """The speakers (but those in `exclude`), to filter by unless `title` says otherwise."""
    labels = [a.label for a in analysis.articles]
    counts = analysis.quote_counts()
    items = []
    for sp in analysis.speakers:
        if sp.name in exclude:
            continue
        c = counts.get(sp.name, [0] * len(labels))
        n = sum(c)
        about = " · ".join(p for p in (sp.kind, sp.role) if p)
        content = Content.from_markup(
            "[b]$name[/b]  $n [dim]$about[/dim]\n  [dim]$counts[/dim]", name=sp.name,
            n=f"{n} quote{'s' if n != 1 else ''}", about=truncate(about, 50),
            counts=counts_text(c, labels))
        items.append((sp.name, content, " ".join((sp.name, *sp.aliases, sp.role or "",
                                                    sp.kind))))
    return PickerScreen(title or "Filter by speaker: only the sentences quoting them", items,
                        current, "quotes per source, numbered as in the top bar")


def topic_picker(analysis, current: str | None) -> PickerScreen:
    labels = [a.label for a in analysis.articles]
    counts = analysis.topic_counts()
    items = []
    for t in analysis.topics:
        c = counts.get(t.id, [0] * len(labels))
        n = sum(c)
        content = Content.from_markup(
            "[b]$label[/b]  $n [dim]$kw[/dim]\n  [dim]$counts[/dim]", label=t.label,
            n=f"{n} sentence{'s' if n != 1 else ''}", kw=truncate(", ".join(t.keywords), 50),
            counts=counts_text(c, labels))
        items.append((t.id, content, " ".join((t.label, *t.keywords))))
    return PickerScreen("Filter by topic: only the sentences on it", items, current,
                        "sentences per source, numbered as in the top bar")
