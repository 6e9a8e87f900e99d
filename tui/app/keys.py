"""Every key of the reader, in one table: the bindings, the footer, the help screen
and the command palette are all made from it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Key:
    keys: str            # Textual key names, comma separated (first one is shown)
    action: str          # an action of the reader screen
    description: str     # what it does (help, command palette)
    group: str
    footer: str = ""     # label in the footer ("" = not in the footer)
    display: str = ""    # how the help and footer write the keys
    id: str = ""         # binding id (for keymaps); also the palette's command


KEYS: tuple[Key, ...] = (
    Key("j,down", "move(1)", "Next sentence", "Read", "sentence", "j/k ↓↑", "next-sentence"),
    Key("k,up", "move(-1)", "Previous sentence", "Read", display="k ↑", id="previous-sentence"),
    Key("pagedown,space", "page(1)", "Page down", "Read", display="PgDn Space", id="page-down"),
    Key("pageup,b", "page(-1)", "Page up", "Read", display="PgUp b", id="page-up"),
    Key("g,home", "edge(0)", "First sentence", "Read", display="g Home", id="first-sentence"),
    Key("G,end", "edge(1)", "Last sentence", "Read", display="G End", id="last-sentence"),
    Key("l,right,tab", "pane(1)", "Next source pane (the cursor follows the aligned sentence)",
        "Sources", "pane", "h/l Tab", "next-pane"),
    Key("h,left,shift+tab", "pane(-1)", "Previous source pane", "Sources",
        display="h ← Shift+Tab", id="previous-pane"),
    Key("greater_than_sign,full_stop", "rotate(1)", "Show the next sources (cycle the panes)",
        "Sources", "more", "> <", "rotate-next"),
    Key("less_than_sign,comma", "rotate(-1)", "Show the previous sources", "Sources",
        display="< ,", id="rotate-previous"),
    Key("s", "sources", "Choose the source of this pane", "Sources", display="s", id="sources"),
    Key("z", "zoom", "Zoom this pane to full width, and back", "Sources", "zoom", "z", "zoom"),
    Key("n", "addition(1)", "Next addition (a sentence only this source has)", "Find",
        "addition", "n/N", "next-addition"),
    Key("N", "addition(-1)", "Previous addition", "Find", display="N", id="previous-addition"),
    Key("right_square_bracket", "disagreement(1)",
        "Next disagreement (words that differ from the other sources)", "Find", "differs",
        "] [", "next-disagreement"),
    Key("left_square_bracket", "disagreement(-1)", "Previous disagreement", "Find",
        display="[", id="previous-disagreement"),
    Key("enter", "parallels", "Parallels: how each source puts this sentence", "Find",
        "compare", "⏎", "parallels"),
    Key("question_mark,f1", "help", "All keys and the legend", "App", "keys", "?", "help"),
    Key("q", "app.quit", "Quit", "App", display="q", id="quit"),
)

DIGITS = Key(",".join("123456789"), "show_source(N)", "Show source N in this pane", "Sources",
             display="1…9", id="show-source")


def bindings():
    """Textual Bindings for the table (imported with Textual, by the screen)."""
    from textual.binding import Binding

    out = [Binding(k.keys, k.action, k.footer or k.description, show=bool(k.footer),
                   key_display=k.display.split()[0] if k.footer else None, id=k.id)
           for k in KEYS]
    out += [Binding(d, f"show_source({d})", f"Show source {d}", show=False, id=f"show-source-{d}")
            for d in "123456789"]
    return out
