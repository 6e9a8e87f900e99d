"""What the parts of the reader screen share.

Each part is a class of actions mixed into ReaderScreen (screen.py); a part reads and
changes the screen's `state` (a ReaderState: which source each pane shows, the pane with
the keys, the filters and search), reaches the panes through `panes` and `lead` (the
pane with the keys), the corpus and the analysis through `app`, and ends an action with
`go(i, note=...)` (cursor.py): the cursor on sentence i, the other panes aligned to it,
the status line told."""
from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...state import ReaderState
    from ...widgets.pane import PaneView


class ReaderPart:
    """A part of the reader screen: its actions, mixed into ReaderScreen."""

    if TYPE_CHECKING:     # the screen's, shared by every part
        state: ReaderState
        panes: list[PaneView]
        note: str         # the status line's one-off message


def needs_analysis(action):
    """An action that needs the engine's results: until they arrive it only says so."""
    @wraps(action)
    def guarded(self, *args, **kw):
        if self.app.analysis is None:
            self.go(self.lead.cursor, note="The analysis is still running")
            return None
        return action(self, *args, **kw)
    return guarded
