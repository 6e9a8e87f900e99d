"""A list narrowed as the user types (the pickers'): Textual's OptionList, whose options
are made once and hidden or shown again, never made anew.

OptionList.clear_options and add_options drop every option's drawn lines, so each letter
typed in a picker drew the narrowed list from its text again (`m`: 12-14 ms a key).  Here
an option keeps its drawn lines (per style and width) for the life of the list, whatever
its place in the narrowed list; so a click is placed by its row, not by the place baked
into the drawn line."""
from __future__ import annotations

from textual import events
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class NarrowingList(OptionList):
    """An OptionList over `options` (made once) that `narrow` shows some of, in order."""

    def __init__(self, options: list[Option], **kw) -> None:
        super().__init__(*options, **kw)
        self.every = list(options)
        self._drawn: dict[tuple, list] = {}     # (option, style, width) -> its lines
        self._kept: list[int] = list(range(len(options)))

    @property
    def kept(self) -> list[int]:
        """The places in `every` of the options shown."""
        return self._kept

    def narrow(self, keep: list[int]) -> None:
        """Show the options at these places of `every` (nothing is highlighted after,
        as after OptionList.clear_options)."""
        self._kept = list(keep)
        options = [self.every[k] for k in keep]
        self._options = options
        self._option_to_index = {o: n for n, o in enumerate(options)}
        self._id_to_option = {o.id: o for o in options if o.id is not None}
        self._line_cache.clear()
        self._mouse_hovering_over = None
        self.highlighted = None
        self.scroll_y = 0
        if self.is_mounted:
            self.refresh(layout=self.styles.auto_dimensions)
            self._update_lines()

    def _get_option_render(self, option: Option, style) -> list:
        key = (option, style, self.scrollable_content_region.width)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = super()._get_option_render(option, style)
        return drawn

    def notify_style_update(self) -> None:
        self._drawn.clear()
        super().notify_style_update()

    def _at(self, event: events.MouseEvent) -> int | None:
        """The place in the shown list of the option under the mouse."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        line = offset.y + self.scroll_offset.y
        lines = self._lines
        return lines[line][0] if 0 <= line < len(lines) else None

    async def _on_click(self, event: events.Click) -> None:
        event.prevent_default()     # (OptionList's own reads the place baked into the line)
        k = self._at(event)
        if k is not None and not self._options[k].disabled:
            self.highlighted = k
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        event.prevent_default()
        self._mouse_hovering_over = self._at(event)
