"""The key footer: Textual's Footer, composed again only when what it shows changed.

Textual's Footer builds all its key widgets anew whenever the screen's bindings are
updated (a screen pushed or popped, a focus change), even when the keys it shows are
the same: on the reader, most of closing a picker was that.  Here the keys it shows are
compared first; the look is Textual's own."""
from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    """A Footer that recomposes only when its keys (or whether they are enabled) change."""

    def __init__(self, at_once: bool = False, **kw) -> None:
        """`at_once`: the keys composed with the screen, not in a second layout after it
        (for a screen whose keys do not wait on a focus)."""
        super().__init__(**kw)
        self._composed: tuple | None = None
        if at_once:
            self.set_reactive(Footer._bindings_ready, True)

    def _shown(self, screen) -> tuple:
        app = self.app
        return tuple((key, b.key, b.action, b.description, b.show, b.group, enabled, tooltip,
                      app.get_key_display(b))
                     for key, (_, b, enabled, tooltip) in screen.active_bindings.items())

    def compose(self):
        if self._bindings_ready:
            self._composed = (self._shown(self.screen), self.show_command_palette)
        return super().compose()

    def bindings_changed(self, screen) -> None:
        if (self._composed is not None and self.is_attached and screen is self.screen
                and self._composed == (self._shown(screen), self.show_command_palette)):
            return
        super().bindings_changed(screen)
