"""The reader's main screen: source panes side by side, synchronised by content.

One screen (screen.py: the widgets, the messages they post, the state shown) made of
parts, one module each, by concern: cursor.py (the cursor and the panes that follow
it), moving.py (the keys and the mouse that move it), panes.py (how many panes, zoom),
searching.py (/ n N Esc), filtering.py (speaker and topic filters, quotes),
aligned_rows.py (the aligned-rows view), views.py (facts only, the other screens, the
report), status.py (the status line), correcting.py (the corrections keys); part.py is
what they share.  What the reader shows is a ReaderState (app/state.py, pure)."""
from .screen import ReaderScreen

__all__ = ["ReaderScreen"]
