"""The reader's one-line bars: the sources (top), the status (bottom), and the search
being typed (which takes no room: the status line shows it)."""
from __future__ import annotations

from typing import Callable

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from ..layout import truncate


class SourceBar(Widget):
    """Every source of the corpus by number; the ones in panes stand out, the focused one most."""

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.shown: tuple[int, ...] = ()     # the sources in the visible panes
        self.lead = 0                        # the one with the keys

    def show(self, shown: tuple[int, ...], lead: int) -> None:
        if (shown, lead) != (self.shown, self.lead):
            self.shown, self.lead = shown, lead
            self.refresh()

    def render(self) -> Content:
        arts = self.app.corpus.articles
        shown, lead = self.shown, self.lead
        items = []
        for a, art in enumerate(arts):
            text = f" {a + 1} {truncate(art.label, 18)} "
            style = ("reverse b" if a == lead else "b underline") if a in shown else "dim"
            items.append((text, style))
        width = max(1, self.size.width)
        # keep the shown ones; drop far ones from the ends, with a count
        lo, hi = 0, len(items)
        lens = [len(t) for t, _ in items]
        first = min((a for a in range(len(arts)) if a in shown), default=0)
        last = max((a for a in range(len(arts)) if a in shown), default=0)
        while sum(lens[lo:hi]) + (8 if lo else 0) + (8 if hi < len(items) else 0) > width:
            if hi - 1 > last and (hi - 1 - last >= first - lo or lo >= first):
                hi -= 1
            elif lo < first:
                lo += 1
            else:
                break
        parts: list[Content] = []
        if lo:
            parts.append(Content.styled(f"‹{lo} more ", "dim"))
        parts += [Content.styled(t, s) for t, s in items[lo:hi]]
        if hi < len(items):
            parts.append(Content.styled(f" {len(items) - hi} more›", "dim"))
        return Content("").join(parts)


class StatusBar(Widget):
    """One line about the cursor's sentence, or what the reader is doing.  While `busy`
    (the analysis runs) the line is made anew ten times a second, so its spinner turns."""

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.content = Content("")
        self._make: Callable[[], Content] | None = None

    def show(self, content: Content) -> None:
        if content != self.content:
            self.content = content
            self.refresh()

    def busy(self, make: Callable[[], Content] | None) -> None:
        """Animate the line with `make()` (None: stop)."""
        self._make = make
        self.auto_refresh = None if make is None else 0.1

    def render(self) -> Content:
        content = self.content if self._make is None else self._make()
        return content.truncate(max(1, self.size.width), ellipsis=True)


class SearchField(Widget, can_focus=True):
    """The search being typed.  It takes no room (the status line shows what is typed, so
    no pane changes size), and it keeps the reader's focus all along, so starting or ending
    a search changes neither layout nor focus (each would redraw the whole screen).  While
    the reader is searching it takes the printable keys (which so never reach the reader's
    one-letter keys), Enter, Backspace, Ctrl+U and Escape, each in the order typed (handled
    here, not as bindings, which run later, when the key has gone up to the app: "Enter n"
    typed fast would put the n in the search); otherwise every key goes on to the reader."""

    DEFAULT_CSS = "SearchField { width: 0; height: 0; }"

    class Changed(Message):
        """The search as typed so far."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value

    class Submitted(Message):
        """Enter: keep the matches, give the keys back to the panes."""

    class Ended(Message):
        """Escape: the search is over."""

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.value = ""
        self.typing = False           # taking the keys (from / until Enter or Escape)

    @property
    def active(self) -> bool:
        return self.typing

    def start(self, value: str = "") -> None:
        self.value = value
        self.typing = True
        self.focus()

    def stop(self) -> None:
        self.typing = False

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return self.active and character is not None and character.isprintable()

    def on_key(self, event: events.Key) -> None:
        if not self.active:
            return
        if event.key == "enter":
            self.typing = False       # at once: the keys that follow are the reader's
            self.post_message(self.Submitted())
        elif event.key == "escape":
            self.typing = False
            self.post_message(self.Ended())
        elif event.key == "backspace":
            self.value = self.value[:-1]
            self.post_message(self.Changed(self.value))
        elif event.key == "ctrl+u":
            self.value = ""
            self.post_message(self.Changed(self.value))
        elif event.character is not None and event.character.isprintable():
            self.value += event.character
            self.post_message(self.Changed(self.value))
        else:
            return          # arrows, PgDn ...: the reader's keys still work while typing
        event.stop()
        event.prevent_default()

    def render(self) -> str:
        return ""
