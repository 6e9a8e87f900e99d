"""The screens over the reader: parallels (how each source puts a sentence), help, sources."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from . import sync
from .keys import KEYS, PALETTE_HELP
from .layout import ADDED, ADDITION, CHANGED, GLYPHS, kind, truncate, words
from .lines import CURSOR, KEYCAP, LABEL, MUTED, PEER, Block, DocumentView, runs_words, text_words

LEGEND = [("marks:", MUTED), ("+ addition", 0), ("= verbatim", 0), ("~ edited", 0),
          ("≈ paraphrase", 0), ("added words", ADDED), ("changed words", CHANGED)]


def parallels_blocks(analysis, a: int, i: int) -> list[Block]:
    """The sentence (a, i), then every sentence aligned with it, grouped by source, then
    the sources that leave it out."""
    arts = analysis.articles
    art = arts[a]
    s = art.sentences[i]
    al = analysis.at(a, i)
    k = kind(analysis, a, i)
    blocks = [
        Block(runs_words(LEGEND), gap_after=1),
        Block(runs_words([(art.label, LABEL), (f"§{i + 1} · the cursor's sentence", MUTED)])),
        Block(words(art, s, al.added, al.changed), kind=k, boiler=s.boilerplate,
              glyph=GLYPHS[k], gap_after=1),
    ]
    by_source: dict[int, list] = {}
    for m in sorted(al.matches, key=lambda m: (-m.score, m.article, m.i)):
        by_source.setdefault(m.article, []).append(m)
    for b, ms in by_source.items():
        other = arts[b]
        for m in ms:
            t = other.sentences[m.i]
            back = sync.back_match(analysis, b, m.i, a, i)
            bal = analysis.at(b, m.i)
            changed = back.changed if back is not None else bal.changed
            blocks.append(Block(runs_words([(other.label, LABEL),
                                            (f"§{m.i + 1} · {m.relation} · {m.score:.0f}",
                                             MUTED)])))
            blocks.append(Block(words(other, t, bal.added, changed), kind=m.relation,
                                boiler=t.boilerplate, glyph=GLYPHS.get(m.relation, " "),
                                gap_after=1))
    missing = [b for b in range(len(arts)) if b != a and b not in by_source]
    for b in missing:
        blocks.append(Block(runs_words([(arts[b].label, LABEL | MUTED),
                                        ("— not in this source", MUTED)])))
    return blocks


class ParallelsScreen(Screen):
    """The cursor's sentence and each aligned sentence from the other sources, stacked."""

    BINDINGS = [
        Binding("escape,q", "close", "back", key_display="Esc"),
        Binding("j,down", "step(1)", "next sentence", key_display="j/k"),
        Binding("k,up", "step(-1)", "previous sentence", show=False),
        Binding("pagedown,space", "scroll(1)", "scroll", show=False),
        Binding("pageup,b", "scroll(-1)", "scroll up", show=False),
        Binding("question_mark,f1", "app.help", "keys", key_display="?"),
    ]

    def __init__(self, article: int, sentence: int) -> None:
        super().__init__()
        self.article = article
        self.sentence = sentence

    def compose(self) -> ComposeResult:
        self.title_bar = Static(id="parallels-title")
        self.doc = DocumentView(id="parallels", classes="marks")
        self.doc.can_focus = False
        yield self.title_bar
        yield self.doc
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._fill()

    def _fill(self) -> None:
        app = self.app
        art = app.corpus.articles[self.article]
        self.title_bar.update(Content.from_markup(
            "[b]Parallels[/b] · how each source puts [b]$label[/b] §$n/$m",
            label=art.label, n=self.sentence + 1, m=len(art.sentences)))
        self.doc.set_blocks(parallels_blocks(app.analysis, self.article, self.sentence))

    def action_step(self, delta: int) -> None:
        n = len(self.app.corpus.articles[self.article].sentences)
        i = max(0, min(n - 1, self.sentence + delta))
        if i != self.sentence:
            self.sentence = i
            self._fill()

    def action_scroll(self, direction: int) -> None:
        self.doc.scroll_to(y=self.doc.scroll_y + direction * max(1, self.doc.size.height - 2),
                           animate=False)

    def action_close(self) -> None:
        self.dismiss(self.sentence)


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


class SourcesScreen(ModalScreen):
    """Pick the source the focused pane shows."""

    BINDINGS = [Binding("escape,q", "dismiss_none", "cancel")]

    def __init__(self, current: int) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        app = self.app
        analysis = app.analysis
        options = []
        for a, art in enumerate(app.corpus.articles):
            meta = " · ".join(p for p in (art.date, art.title) if p)
            count = ("" if analysis is None else
                     f" — {len(analysis.additions(a))} of {len(art.sentences)} additions")
            options.append(Option(Content.from_markup(
                "[b]$n[/b] [b]$label[/b] [dim]$meta[/dim]$count", n=f"{a + 1:>2}",
                label=art.label, meta=truncate(meta, 60), count=count), id=str(a)))
        self.options = OptionList(*options, id="source-list")
        self.options.border_title = "Show which source in this pane?"
        yield self.options

    def on_mount(self) -> None:
        self.options.highlighted = self.current
        self.options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
