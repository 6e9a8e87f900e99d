"""The story first: the overview (tui/report/overview.py) as a screen, one key (`v`) from
the panes.  Every line that stands for sentences can be chosen (j/k, then Enter): the
reader shows that sentence in its pane."""
from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from ...report.overview import KIND_NAMES, Overview, overview
from ..layout import LABEL, MUTED, truncate
from ..widgets.document import Block, runs_words, text_words
from ..widgets.styles import CURSOR, PLAIN
from .document import DocumentScreen

ONLY_SHOWN = 5          # additions listed per source


def overview_blocks(analysis, ov: Overview) -> tuple[list[Block], list[tuple[int, int, int]]]:
    """The overview as stacked blocks, and the lines that lead somewhere: (block,
    article, sentence)."""
    arts = analysis.articles
    label = lambda a: arts[a].label     # noqa: E731
    blocks: list[Block] = []
    items: list[tuple[int, int, int]] = []

    def item(parts, at, **kw) -> None:
        items.append((len(blocks), *at))
        blocks.append(Block(runs_words(parts), **kw))

    def heading(text: str) -> None:
        if blocks:
            blocks[-1].gap_after = max(blocks[-1].gap_after, 1)
        blocks.append(Block(runs_words([(text, LABEL)])))

    heading("Headlines")
    for h in ov.headlines:
        lede = [("(no headline)", MUTED)] if h.lede else []
        item([(label(h.article) + ":", LABEL), *lede, (h.text, 0)], h.at, boiler=True)
    n = len(ov.sources)
    heading(f"What most sources share · {len(ov.shared)} statements, the most shared first")
    for p in ov.shared:
        item([(ov.in_how_many(p, label) + ":", MUTED), (p.text, 0)], p.at,
             kind="verbatim" if len(p.sources) == n else "paraphrase",
             glyph="=" if len(p.sources) == n else "≈")
    if not ov.shared:
        blocks.append(Block(text_words("The sources share no statement.", MUTED)))
    heading("Only in one source")
    for o in ov.only:
        art = arts[o.article]
        k = len(o.sentences)
        blocks.append(Block(runs_words([(label(o.article), LABEL),
                                        (f"{k} addition{'s' if k != 1 else ''}", MUTED)])))
        for i in o.sentences[:ONLY_SHOWN]:
            item([(art.shown_text(art.sentences[i]), 0)], (o.article, i), kind="addition",
                 glyph="+")
        if k > ONLY_SHOWN:
            blocks.append(Block(text_words(f"… and {k - ONLY_SHOWN} more (n in the panes)",
                                           MUTED)))
    heading("Disagreements · only between sentences the alignment is sure of")
    if not ov.disagreements:
        blocks.append(Block(text_words("None found.", MUTED)))
    for d in ov.disagreements:
        subject = [(d.subject + ":", 0)] if d.subject and d.kind == "title" else []
        parts = [(KIND_NAMES[d.kind] + ":", LABEL), *subject]
        for k, v in enumerate(d.variants):
            parts.append(((" · " if k else "") + v.words, 0))
            parts.append(("(" + ", ".join(label(a) for a in v.sources) + ")", MUTED))
        if d.subject and d.kind == "speaker":
            parts.append((f"said “{truncate(d.subject, 60)}”", MUTED))
        item(parts, d.at, kind="edited", glyph="~")
    return blocks, items


class OverviewScreen(DocumentScreen):
    """Headlines, what most sources share, what one has, where they disagree; Enter on a
    line shows its sentence in the panes."""

    KIND = "overview"

    BINDINGS = [
        Binding("escape,q,v", "close", "back", key_display="Esc"),
        Binding("j,down", "step(1)", "next line", key_display="j/k"),
        Binding("k,up", "step(-1)", "previous line", show=False),
        Binding("enter", "choose", "show in the panes", key_display="⏎"),
        Binding("pagedown,space", "page(1)", "page", show=False),
        Binding("pageup,b", "page(-1)", "page up", show=False),
        Binding("g,home", "edge(0)", "first line", show=False),
        Binding("G,end", "edge(1)", "last line", show=False),
        Binding("question_mark,f1", "app.help", "keys", key_display="?"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[int, int, int]] = []
        self.at = 0

    def on_screen_resume(self) -> None:
        """Opened again (a kept screen, App.kept_screen): the first line chosen."""
        if self.is_mounted and self.items and self.at:
            self._select(0)

    def _fill(self) -> None:
        analysis = self.app.analysis
        ov = overview(analysis)
        blocks, self.items = overview_blocks(analysis, ov)
        n = len(ov.sources)
        self.title_bar.update(Content.from_markup(
            "[b]Overview[/b] · $title · $n sources · [dim]j/k a line, ⏎ shows it in the "
            "panes, Esc back[/dim]", title=truncate(ov.title, 60), n=n))
        self.doc.set_blocks(blocks)
        self._select(0)

    def _line_of_block(self, b: int) -> int:
        for n, (block, _runs, first) in enumerate(self.doc._lines):
            if block == b and first:
                return n
        return 0

    def _select(self, k: int) -> None:
        if not self.items:
            return
        old = self.items[self.at][0]
        self.at = max(0, min(len(self.items) - 1, k))
        b = self.items[self.at][0]
        self.doc.blocks[old].state = PLAIN
        self.doc.blocks[b].state = CURSOR
        self.doc.restyle(old)
        self.doc.restyle(b)
        line, h = self._line_of_block(b), max(1, self.doc.size.height)
        top = round(self.doc.scroll_y)
        if line < top + 1 or line > top + h - 3:
            self.doc.scroll_to(y=max(0, line - h // 3), animate=False, immediate=True)

    @property
    def chosen(self) -> tuple[int, int] | None:
        """(article, sentence) of the selected line."""
        if not self.items:
            return None
        _, a, i = self.items[self.at]
        return a, i

    def action_step(self, delta: int) -> None:
        self._select(self.at + delta)

    def action_page(self, direction: int) -> None:
        h = max(1, self.doc.size.height - 2)
        line = self._line_of_block(self.items[self.at][0]) + direction * h if self.items else 0
        k = min(range(len(self.items)), default=0,
                key=lambda k: abs(self._line_of_block(self.items[k][0]) - line))
        self._select(k)

    def action_edge(self, end: int) -> None:
        self._select(len(self.items) - 1 if end else 0)

    def action_choose(self) -> None:
        self.dismiss(self.chosen)

    def action_close(self) -> None:
        self.dismiss(None)
