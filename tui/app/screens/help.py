"""Help: every key, and what the marks mean."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen

from ..keys import KEYS, PALETTE_HELP
from ..layout import ADDED, ADDITION, CHANGED, GLYPHS, KEYCAP, LABEL, MATCH, QUOTED
from ..widgets.document import Block, DocumentView, runs_words, text_words
from ..widgets.styles import CURSOR, FOUND, HIT, PEER, QUOTES, WEAK

def help_blocks() -> list[Block]:
    """The help: what the reader does, every key by group, then the legend of its marks."""
    key_width = 22
    blocks = [Block(text_words("The panes show one source each, side by side. Keys act on the "
                               "focused pane; every other pane scrolls so that its sentence "
                               "aligned with the cursor's sits on the same row."), gap_after=1)]
    group = None
    lines = [(k.group, k.help) for k in KEYS if k.help] + [("App", PALETTE_HELP)]
    for grp, line in lines:
        if grp != group:
            if group is not None:
                blocks[-1].gap_after = 1
            group = grp
            blocks.append(Block(text_words(grp, LABEL)))
        keys, what = line.split("\t")
        blocks.append(Block(text_words(what), lead=((keys.ljust(key_width), KEYCAP),),
                            lead_width=key_width))
    blocks[-1].gap_after = 1
    blocks += [
        Block(text_words("Mouse: click a sentence; the wheel scrolls a pane and the others "
                         "follow; click a pane's right-hand strip to jump there."), gap_after=1),
        Block(text_words("Legend", LABEL)),
        Block(text_words("an addition: no other source has this sentence (bold, + on every "
                         "line)"), kind=ADDITION, glyph=GLYPHS[ADDITION]),
        Block(text_words("verbatim: another source has this sentence word for word"),
              kind="verbatim", glyph=GLYPHS["verbatim"]),
        Block(text_words("edited: another source has it with some words changed"),
              kind="edited", glyph=GLYPHS["edited"]),
        Block(text_words("paraphrase: another source says the same in other words"),
              kind="paraphrase", glyph=GLYPHS["paraphrase"]),
        Block(runs_words([("in a shared sentence:", 0), ("added words", ADDED),
                          ("this source adds,", 0), ("changed words", CHANGED),
                          ("that differ from the aligned sentences (numbers, names, a quote's "
                           "wording)", 0)]), kind="edited", glyph=GLYPHS["edited"]),
        Block(text_words("boilerplate (headline, caption, byline, read-more line) is dimmed"),
              kind="paraphrase", boiler=True, glyph=GLYPHS["paraphrase"]),
        Block(text_words("the cursor: the sentence the keys act on"), kind="verbatim",
              glyph=GLYPHS["verbatim"], state=CURSOR),
        Block(text_words("in the other panes, the sentences aligned with the cursor's"),
              kind="verbatim", glyph=GLYPHS["verbatim"], state=PEER),
        Block(text_words("┆ a weak link (the engine is not sure): shown, but no pane moves "
                         "for it"), kind="paraphrase", glyph=GLYPHS["paraphrase"],
              state=PEER | WEAK),
        Block(runs_words([("❝ in the gutter: a quote of the speaker you filter by; its words",
                           0), ("in italics", QUOTED)]), kind="verbatim", glyph="=",
              state=QUOTES),
        Block(text_words("┃ in the gutter: a sentence that passes the filter (f: marked in "
                         "the full text rather than the others hidden; ⋯ where they are)"),
              kind="verbatim", glyph="=", state=HIT),
        Block(runs_words([("/ in the gutter: a sentence with a", 0), ("search match", MATCH),
                          ("(reverse, bold, underlined without colour)", 0)]),
              kind="verbatim", glyph="=", state=FOUND),
        Block(text_words("▐ in the strip at a pane's right edge: where its additions lie; "
                         "the lighter band is the part on screen")),
        Block(text_words("▲ ▼ a pane that follows the cursor can show space before or after "
                         "its article, to keep the aligned sentence on the cursor's row")),
        Block(text_words("The header counts a source's additions; the status line names the "
                         "sources that share the cursor's sentence and those that leave it "
                         "out.")),
    ]
    return blocks


class HelpScreen(ModalScreen):
    """Every key, and what the marks mean."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "app.pop_screen", "close", key_display="Esc"),
        Binding("j,down", "scroll(1)", "scroll", show=False),
        Binding("k,up", "scroll(-1)", "scroll", show=False),
        Binding("pagedown,space", "scroll(10)", "page", show=False),
        Binding("pageup,b", "scroll(-10)", "page", show=False),
    ]

    def compose(self) -> ComposeResult:
        self.doc = DocumentView(help_blocks(), max_width=96, id="help", classes="marks")
        self.doc.can_focus = False
        self.doc.border_title = "Keys and legend"
        self.doc.border_subtitle = "Esc to close"
        yield self.doc

    def action_scroll(self, lines: int) -> None:
        self.doc.scroll_to(y=self.doc.scroll_y + lines, animate=False)
