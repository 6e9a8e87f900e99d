"""The quote comparison: what one speaker said, each statement with every source's
wording, the words that differ marked (the statements are the engine's:
tui.engine.statements)."""
from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from ...engine.statements import statements, word_differences
from ..layout import CHANGED, LABEL, MUTED, cells, truncate
from ..widgets.document import Block, runs_words, text_words
from .document import DocumentScreen
from .pickers import speaker_picker

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
        missing = [arts[b].label for b in st.absent(len(arts))]
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
