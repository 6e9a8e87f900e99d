"""The screens over the reader: parallels (how each source puts a sentence), help, sources."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..engine.chars import fold
from ..engine.statements import statements, word_differences
from .keys import KEYS, PALETTE_HELP
from .layout import (ADDED, ADDITION, CHANGED, GLYPHS, KEYCAP, LABEL, MATCH, MUTED, QUOTED, cells,
                     kind, truncate, words)
from .lines import CURSOR, FOUND, HIT, PEER, QUOTES, Block, DocumentView, runs_words, text_words

KEY_PANEL_WIDTH = 34      # demo mode: the keys in a column at the right

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
            back = analysis.match(b, m.i, a, i)
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


class DocumentScreen(Screen):
    """A full screen of stacked blocks: a title line, the document, the footer.
    Subclasses set KIND (the widgets' ids) and fill the document in _fill()."""

    KIND = "document"

    def compose(self) -> ComposeResult:
        self.title_bar = Static(id=f"{self.KIND}-title")
        self.doc = DocumentView(id=self.KIND, classes="marks")
        self.doc.can_focus = False
        yield self.title_bar
        yield self.doc
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._fill()

    def _fill(self) -> None:
        raise NotImplementedError

    def action_scroll(self, direction: int) -> None:
        """A page down (1) or up (-1)."""
        self.doc.scroll_to(y=self.doc.scroll_y + direction * max(1, self.doc.size.height - 2),
                           animate=False)


class ParallelsScreen(DocumentScreen):
    """The cursor's sentence and each aligned sentence from the other sources, stacked."""

    KIND = "parallels"

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
                     f" — {len(analysis.additions(a, furniture=False))} of {analysis.prose(a)}"
                     " additions")
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


# -- demo mode: the keys beside the panes --------------------------------------------------

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


# -- pickers: speakers, topics --------------------------------------------------------------

def counts_text(counts: list[int], labels: list[str], width: int = 70) -> str:
    """Per source its count ("1·3  2·–  3·5"); past the width, the largest, then "+N more"."""
    have = sum(1 for c in counts if c)
    head = f"in {have} of {len(counts)} sources: "
    items = [f"{a + 1}·{c if c else '–'}" for a, c in enumerate(counts)]
    text = head + "  ".join(items)
    if cells(text) <= width:
        return text
    top = sorted((a for a, c in enumerate(counts) if c), key=lambda a: -counts[a])
    out = head
    for k, a in enumerate(top):
        item = f"{a + 1}·{counts[a]}  "
        if cells(out + item) > width - 10:
            return out + f"+{len(top) - k} more"
        out += item
    return out.rstrip()


class PickerScreen(ModalScreen):
    """A list to choose from, narrowed as you type.  Dismisses with the chosen id or None."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "cancel", key_display="Esc"),
        Binding("down", "move(1)", "next", show=False),
        Binding("up", "move(-1)", "previous", show=False),
        Binding("pagedown", "move(5)", "page", show=False),
        Binding("pageup", "move(-5)", "page", show=False),
    ]

    def __init__(self, title: str, items: list[tuple[str, Content, str]],
                 current: str | None = None, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.items = items            # (id, how it is shown, what typing matches)
        self.current = current
        self.hint = hint
        self._folded = [fold(t) for _, _, t in items]

    def compose(self) -> ComposeResult:
        with Vertical(id="picker") as box:
            box.border_title = self.title_text
            box.border_subtitle = self.hint
            self.query_input = Input(placeholder="type to narrow the list; Enter chooses, "
                                     "Esc cancels", id="picker-filter", compact=True)
            self.options = OptionList(id="picker-list")
            yield self.query_input
            yield self.options

    def on_mount(self) -> None:
        self._fill("")
        self.query_input.focus()

    def _fill(self, text: str) -> None:
        words = fold(text).split()
        self.options.clear_options()
        shown = [(k, item) for k, item in enumerate(self.items)
                 if all(w in self._folded[k] for w in words)]
        self.options.add_options([Option(content, id=ident) for _, (ident, content, _) in shown])
        ids = [ident for _, (ident, _, _) in shown]
        if shown:
            self.options.highlighted = ids.index(self.current) if self.current in ids else 0

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        k = self.options.highlighted
        if k is not None and self.options.option_count:
            self.dismiss(self.options.get_option_at_index(k).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, delta: int) -> None:
        n = self.options.option_count
        if n:
            k = self.options.highlighted or 0
            self.options.highlighted = max(0, min(n - 1, k + delta))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def speaker_picker(analysis, current: str | None) -> PickerScreen:
    labels = [a.label for a in analysis.articles]
    counts = analysis.quote_counts()
    items = []
    for sp in analysis.speakers:
        c = counts.get(sp.name, [0] * len(labels))
        n = sum(c)
        about = " · ".join(p for p in (sp.kind, sp.role) if p)
        content = Content.from_markup(
            "[b]$name[/b]  $n [dim]$about[/dim]\n  [dim]$counts[/dim]", name=sp.name,
            n=f"{n} quote{'s' if n != 1 else ''}", about=truncate(about, 50),
            counts=counts_text(c, labels))
        items.append((sp.name, content, " ".join((sp.name, *sp.aliases, sp.role or "",
                                                    sp.kind))))
    return PickerScreen("Filter by speaker: only the sentences quoting them", items, current,
                        "quotes per source, numbered as in the top bar")


def topic_picker(analysis, current: str | None) -> PickerScreen:
    labels = [a.label for a in analysis.articles]
    counts = analysis.topic_counts()
    items = []
    for t in analysis.topics:
        c = counts.get(t.id, [0] * len(labels))
        n = sum(c)
        content = Content.from_markup(
            "[b]$label[/b]  $n [dim]$kw[/dim]\n  [dim]$counts[/dim]", label=t.label,
            n=f"{n} sentence{'s' if n != 1 else ''}", kw=truncate(", ".join(t.keywords), 50),
            counts=counts_text(c, labels))
        items.append((t.id, content, " ".join((t.label, *t.keywords))))
    return PickerScreen("Filter by topic: only the sentences on it", items, current,
                        "sentences per source, numbered as in the top bar")


# -- the quote comparison -----------------------------------------------------------------

QUOTES_LEGEND = [("marks:", MUTED), ("words this wording puts differently from the others",
                                     CHANGED)]


def _quote_words(text: str, marked: set[int]) -> list:
    """A quote's words, the marked ones CHANGED; between quotation marks."""
    ws = text.split()
    out = []
    for k, w in enumerate(ws):
        fl = CHANGED if k in marked else 0
        if k == 0:
            w = "“" + w
        if k == len(ws) - 1:
            w = w + "”"
        space = -1 if k == 0 else (fl if (k - 1) in marked and fl else 0)
        out.append((space, [(w, fl)], cells(w)))
    return out


def quotes_blocks(analysis, name: str) -> tuple[list[Block], list[int]]:
    """What `name` said, statement by statement: every distinct wording with the sources
    that print it, the words that differ marked; then who does not quote it.  Also the
    index of each statement's first block."""
    arts = analysis.articles
    sts = statements(analysis, name)
    blocks = [Block(runs_words(QUOTES_LEGEND), gap_after=1)]
    starts = []
    for k, st in enumerate(sts, 1):
        groups = st.wordings()
        marks = word_differences([g[0].text for g in groups])
        starts.append(len(blocks))
        srcs = st.articles
        blocks.append(Block(runs_words([
            (f"{k}.", LABEL),
            (f"quoted by {len(srcs)} of {len(arts)} source{'s' if len(arts) != 1 else ''}"
             f" · {len(groups)} wording{'s' if len(groups) != 1 else ''}", MUTED)])))
        for g, marked in zip(groups, marks):
            where: dict[int, list[int]] = {}
            for q in g:
                where.setdefault(q.article, []).append(q.sentence + 1)
            label = "; ".join(f"{arts[a].label} " + ", ".join(f"§{i}" for i in sorted(set(n)))
                              for a, n in where.items())
            cue = next((q.cue for q in g if q.cue), "")
            blocks.append(Block(runs_words([(label, LABEL)] + ([(f"· {cue}", MUTED)]
                                                               if cue else []))))
            blocks.append(Block(_quote_words(g[0].text, marked),
                                kind="edited" if marked else "verbatim",
                                glyph="~" if marked else "=", gap_after=0))
        missing = [arts[b].label for b in range(len(arts)) if b not in srcs]
        if missing and len(srcs) > 1:
            blocks.append(Block(runs_words([("not in: " + ", ".join(missing), MUTED)])))
        blocks[-1].gap_after = 1
    if not sts:
        blocks.append(Block(text_words("No quotes of this speaker.", MUTED)))
    return blocks, starts


class QuotesScreen(DocumentScreen):
    """What one speaker said: each statement with every source's wording, stacked."""

    KIND = "quotes"

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "back", key_display="Esc"),
        Binding("j,down,n", "step(1)", "next statement", key_display="j/k"),
        Binding("k,up,N", "step(-1)", "previous statement", show=False),
        Binding("pagedown,space", "scroll(1)", "scroll", show=False),
        Binding("pageup,b", "scroll(-1)", "scroll up", show=False),
        Binding("s", "other", "other speaker", key_display="s"),
        Binding("question_mark,f1", "app.help", "keys", key_display="?"),
    ]

    def __init__(self, speaker: str) -> None:
        super().__init__()
        self.speaker = speaker
        self.at = 0
        self.starts: list[int] = []


    def _fill(self) -> None:
        analysis = self.app.analysis
        blocks, self.starts = quotes_blocks(analysis, self.speaker)
        sp = next((x for x in analysis.speakers if x.name == self.speaker), None)
        role = f" ({truncate(sp.role, 40)})" if sp is not None and sp.role else ""
        self.title_bar.update(Content.from_markup(
            "[b]Quotes[/b] · what [b]$name[/b]$role said, as each source put it · $n",
            name=self.speaker, role=role,
            n=f"{len(self.starts)} statement{'s' if len(self.starts) != 1 else ''}"))
        self.at = 0
        self.doc.set_blocks(blocks)

    def _line_of_block(self, b: int) -> int:
        for n, (block, _runs, first) in enumerate(self.doc._lines):
            if block == b and first:
                return n
        return 0

    def action_step(self, delta: int) -> None:
        if not self.starts:
            return
        self.at = max(0, min(len(self.starts) - 1, self.at + delta))
        self.doc.scroll_to(y=self._line_of_block(self.starts[self.at]) if self.at else 0,
                           animate=False)

    def action_other(self) -> None:
        def chosen(name: str | None) -> None:
            if name is not None:
                self.speaker = name
                self._fill()

        self.app.push_screen(speaker_picker(self.app.analysis, self.speaker), chosen)
