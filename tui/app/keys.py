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
    Key("v", "overview", "Overview: headlines, what most sources share, what one has, where "
        "they disagree", "Read", "overview", "v", "overview",
        "v\toverview, the story first: ⏎ on a line shows it in the panes"),
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
    Key("o", "sources", "Open a source in this pane (choose from a list)", "Sources",
        id="sources", help="1 … 9  o\tshow source N in this pane / choose it from a list"),
    Key("a", "aligned", "Aligned rows: every shared statement on one band across the panes, "
        "and back", "Sources", id="aligned",
        help="a\taligned rows (· nothing here, ↕ told elsewhere) / synchronised"),
    Key("plus,equals_sign", "widen(1)", "Wider panes: fewer side by side", "Sources",
        id="wider", help="+ -\twider panes (fewer side by side) / narrower (more)"),
    Key("minus", "widen(-1)", "Narrower panes: more side by side", "Sources", id="narrower"),
    Key("z", "zoom", "Zoom this pane to full width, and back", "Sources", id="zoom", help=
        "z\tzoom this pane to the full width, and back"),
    Key("n", "addition(1)", "Next addition (while searching: the next match)", "Find",
        "addition", "n/N", "next-addition",
        "n N\tnext / previous addition; while a search is on, next / previous match"),
    Key("N", "addition(-1)", "Previous addition (while searching: the previous match)", "Find",
        id="previous-addition"),
    Key("right_square_bracket", "disagreement(1)",
        "Next disagreement (words that differ from the other sources)", "Find",
        id="next-disagreement", help="] [\tnext / previous sentence whose words differ"),
    Key("left_square_bracket", "disagreement(-1)", "Previous disagreement", "Find",
        id="previous-disagreement"),
    Key("d", "facts", "Differences: mark only numbers, names, titles and quote wording, "
        "or every changed word", "Find", id="facts",
        help="d\tchanged words: only numbers, names, titles, quotes / all"),
    Key("slash", "search", "Search every pane (case, quote marks and dashes do not matter)",
        "Find", "search", "/", "search",
        "/\tsearch every pane as you type; Enter keeps the matches, Esc ends the search"),
    Key("escape", "end_search", "End the search", "Find", id="end-search"),
    Key("enter", "parallels", "Parallels: how each source puts this sentence", "Find",
        "compare", "⏎", "parallels", "Enter\tparallels: how each source puts this sentence"),
    Key("s", "pick_speaker", "Filter by speaker: only the sentences quoting them", "Filter",
        "speaker", "s", "speaker",
        "s S\tfilter by speaker (a list, type to narrow it) / clear it"),
    Key("S", "clear_speaker", "Clear the speaker filter", "Filter", id="clear-speaker"),
    Key("t", "pick_topic", "Filter by topic: only the sentences on it", "Filter", id="topic",
        help="t T\tfilter by topic / clear it; with a speaker, both must hold"),
    Key("T", "clear_topic", "Clear the topic filter", "Filter", id="clear-topic"),
    Key("f", "filter_mode", "Filtered: show only the matching sentences, or all with those marked",
        "Filter", id="filter-mode",
        help="f\tonly the sentences that pass the filter / all, those marked ┃"),
    Key("c", "quotes", "Quotes: what a speaker said, as each source put it", "Filter",
        id="quotes",
        help="c\tquote comparison: each thing the speaker said, every source's wording"),
    Key("L", "link", "Link this sentence to one of another source (pick it in its pane, L "
        "again)", "Correct", id="link",
        help="L\tlink this sentence to one of another source: go to it in its pane, L again "
        "(Esc cancels)"),
    Key("x", "unlink", "Unlink this sentence from a sentence it is aligned with", "Correct",
        id="unlink", help="x\tunlink this sentence from one it is aligned with"),
    Key("p", "furniture", "Mark this sentence as page furniture (or back as prose)", "Correct",
        id="furniture", help="p\tthis sentence is page furniture (headline, caption, ad ...), "
        "or prose after all"),
    Key("A", "label_source", "Name this source (its label everywhere)", "Correct",
        id="label-source", help="A\tname this source (\"HuffPost\"): its label everywhere"),
    Key("r", "rename_speaker", "Rename a speaker (the one quoted here)", "Correct",
        id="rename-speaker", help="r m\trename a speaker / merge two speakers into one"),
    Key("m", "merge_speakers", "Merge two speakers into one", "Correct", id="merge-speakers"),
    Key("u", "undo", "Undo the last correction", "Correct", id="undo",
        help="u C\tundo the last correction / the corrections in force (d takes one out)"),
    Key("C", "corrections", "The corrections in force (d takes one out)", "Correct",
        id="corrections"),
    Key("w", "report", "Write a report of this view and a screenshot", "App", id="report",
        help="w\twrite a report (HTML) and a screenshot (SVG) to synopsis-reports/"),
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
