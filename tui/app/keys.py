"""Every key of the reader, in one table: the bindings, the footer, the help screen
and the command palette are all made from it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Key:
    keys: str            # Textual key names, comma separated
    action: str          # an action of the reader screen
    description: str     # what it does (command palette)
    group: str
    footer: str = ""     # label in the footer ("" = not in the footer)
    display: str = ""    # how the footer writes the key(s)
    id: str = ""         # binding id (for keymaps)
    help: str = ""       # the help screen's line: "keys\twhat" ("" = on its pair's line)


KEYS: tuple[Key, ...] = (
    Key("j,down", "move(1)", "Next sentence", "Read", "sentence", "j/k", "next-sentence",
        "j k ↓ ↑\tnext / previous sentence"),
    Key("k,up", "move(-1)", "Previous sentence", "Read", id="previous-sentence"),
    Key("pagedown,space", "page(1)", "Page down", "Read", id="page-down",
        help="PgDn Space  PgUp b\tpage down / up"),
    Key("pageup,b", "page(-1)", "Page up", "Read", id="page-up"),
    Key("g,home", "edge(0)", "First sentence", "Read", id="first-sentence",
        help="g Home  G End\tfirst / last sentence"),
    Key("G,end", "edge(1)", "Last sentence", "Read", id="last-sentence"),
    Key("l,right,tab", "pane(1)", "Next source pane (the cursor follows the aligned sentence)",
        "Sources", "pane", "h/l", "next-pane",
        "h l ← → Tab\tprevious / next pane: the cursor goes to the aligned sentence"),
    Key("h,left,shift+tab", "pane(-1)", "Previous source pane", "Sources",
        id="previous-pane"),
    Key("greater_than_sign,full_stop", "rotate(1)", "Show the next sources (cycle the panes)",
        "Sources", "more", ">", "rotate-next",
        "> <  . ,\tcycle which sources the panes show"),
    Key("less_than_sign,comma", "rotate(-1)", "Show the previous sources", "Sources",
        id="rotate-previous"),
    Key("s", "sources", "Choose the source of this pane", "Sources", id="sources",
        help="1 … 9  s\tshow source N in this pane / choose it from a list"),
    Key("z", "zoom", "Zoom this pane to full width, and back", "Sources", "zoom", "z", "zoom",
        "z\tzoom this pane to the full width, and back"),
    Key("n", "addition(1)", "Next addition (a sentence only this source has)", "Find",
        "addition", "n/N", "next-addition", "n N\tnext / previous addition"),
    Key("N", "addition(-1)", "Previous addition", "Find", id="previous-addition"),
    Key("right_square_bracket", "disagreement(1)",
        "Next disagreement (words that differ from the other sources)", "Find", "differs",
        "]", "next-disagreement", "] [\tnext / previous sentence whose words differ"),
    Key("left_square_bracket", "disagreement(-1)", "Previous disagreement", "Find",
        id="previous-disagreement"),
    Key("enter", "parallels", "Parallels: how each source puts this sentence", "Find",
        "compare", "⏎", "parallels", "Enter\tparallels: how each source puts this sentence"),
    Key("question_mark,f1", "help", "All keys and the legend", "App", "keys", "?", "help",
        "? F1\tthis help"),
    Key("q", "app.quit", "Quit", "App", id="quit", help="q  Ctrl+Q\tquit"),
)

PALETTE_HELP = "Ctrl+P\tthe command palette: every action by name"


def key_hint(k: Key) -> str:
    """The key(s) of an entry as people write them ("j k ↓ ↑", "Enter")."""
    return k.help.split("\t")[0] if k.help else k.keys.split(",")[0]


def bindings():
    """Textual Bindings for the table (imported with Textual, by the screen)."""
    from textual.binding import Binding

    out = [Binding(k.keys, k.action, k.footer or k.description, show=bool(k.footer),
                   key_display=k.display or None, id=k.id)
           for k in KEYS]
    out += [Binding(d, f"show_source({d})", f"Show source {d}", show=False, id=f"show-source-{d}")
            for d in "123456789"]
    return out
