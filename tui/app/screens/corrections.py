"""The screens of corrections: the list of those in force, a name to type, the offer to
save a corpus file."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..layout import truncate


class CorrectionsScreen(ModalScreen):
    """The corrections in force, in the order they apply, each with what became of it.
    d (Delete) takes the highlighted one out: dismisses with it; Esc closes (None)."""

    BINDINGS = [
        Binding("escape,q,C", "dismiss_none", "close", key_display="Esc"),
        Binding("d,delete", "remove", "remove it"),
    ]

    def __init__(self, outcomes, saved: str) -> None:
        super().__init__()
        self.outcomes = tuple(outcomes)
        self.saved = saved

    def compose(self) -> ComposeResult:
        options = []
        for k, o in enumerate(self.outcomes):
            c = o.correction
            mark, why = ("✓", "") if o.applied else ("✗", f"not applied: {o.problem}")
            options.append(Option(Content.from_markup(
                "$mark $line [dim]$where[/dim]" + ("\n    [b]$why[/b]" if why else ""),
                mark=mark, line=truncate(c.line(), 150), where=c.where, why=why), id=str(k)))
        self.options = OptionList(*options, id="corrections-list")
        with Vertical(id="corrections") as box:
            box.border_title = (f"Corrections in force ({len(options)}), in the order they "
                                "apply: the last has the last word")
            box.border_subtitle = "d: take it out (u undoes) · Esc: close"
            yield Static(Content(self.saved), id="corrections-saved")
            if not options:
                yield Static(Content("None yet. In the reader: L link, x unlink, p page "
                                     "furniture or prose, A name a source, r rename or m merge "
                                     "speakers; u undoes."), id="corrections-none")
            yield self.options

    def on_mount(self) -> None:
        if self.outcomes:
            self.options.highlighted = len(self.outcomes) - 1
        self.options.focus()

    def action_remove(self) -> None:
        k = self.options.highlighted
        if k is not None and self.outcomes:
            self.dismiss(self.outcomes[k].correction)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class NameScreen(ModalScreen):
    """A name to type (a source's label, a speaker's new name): dismisses with it, or None."""

    BINDINGS = [Binding("escape", "dismiss_none", "cancel", key_display="Esc")]

    def __init__(self, title: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="name-box") as box:
            box.border_title = self.title_text
            box.border_subtitle = self.hint or "Enter: done · Esc: cancel"
            self.field = Input(value=self.value, id="name-field", compact=True)
            yield self.field

    def on_mount(self) -> None:
        self.field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = " ".join(event.value.split())
        self.dismiss(value or None)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class SaveOfferScreen(ModalScreen):
    """Save the corrections in a new corpus file beside the articles?  True (Enter, y) or
    False (Esc, n: this session only)."""

    BINDINGS = [
        Binding("enter,y", "answer(True)", "save", key_display="Enter"),
        Binding("escape,n", "answer(False)", "this session only", key_display="Esc"),
    ]

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        with Vertical(id="save-offer") as box:
            box.border_title = "Keep your corrections?"
            box.border_subtitle = "Enter: save · Esc: this session only"
            yield Static(Content.from_markup(
                "Save them in a corpus file beside the articles,\n[b]$target[/b]\nwhich lists "
                "the articles and every correction you make; open it next time to have them "
                "again:\n  synopsis $target", target=self.target))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
