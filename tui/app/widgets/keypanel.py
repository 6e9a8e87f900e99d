"""Demo mode: the keys in a column beside the panes."""
from __future__ import annotations

from ..keys import KEYS
from ..layout import KEYCAP, LABEL, MUTED, cells, truncate
from .document import Block, DocumentView, text_words

KEY_PANEL_WIDTH = 34      # demo mode: the keys in a column at the right


def key_panel_blocks() -> list[Block]:
    width = 9
    blocks = []
    group = None
    for k in KEYS:
        if not k.help:
            continue
        if k.group != group:
            if group is not None:
                blocks[-1].gap_after = 1
            group = k.group
            blocks.append(Block(text_words(group, LABEL)))
        keys, what = k.help.split("\t")
        keys = keys.replace("  ", " ")
        what = what.split(";")[0].split(":")[0]
        if cells(keys) > width - 1:
            keys = keys.split(" ")[0] + " " + keys.split(" ")[1] if " " in keys else keys
        blocks.append(Block(text_words(what), lead=((truncate(keys, width - 1).ljust(width),
                                                      KEYCAP),), lead_width=width))
    blocks[-1].gap_after = 1
    blocks.append(Block(text_words("? all keys and the legend · Ctrl+P every action", MUTED)))
    return blocks


class KeyPanel(DocumentView):
    """The keys, always visible (demo mode)."""

    def __init__(self, **kw) -> None:
        super().__init__(key_panel_blocks(), max_width=KEY_PANEL_WIDTH, **kw)
        self.can_focus = False
