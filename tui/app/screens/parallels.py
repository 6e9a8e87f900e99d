"""Parallels: how each source puts the cursor's sentence, stacked."""
from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from ..layout import ADDED, CHANGED, GLYPHS, LABEL, MUTED, kind, words
from ..widgets.document import Block, runs_words
from .document import DocumentScreen

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
