"""How a sentence is marked wherever it is shown (the reader's panes, the reports): the
bits a run of text carries for what the engine found in it, the glyph of each kind of
sentence, and a sentence as runs of (text, flags).  The reader adds its own bits above
these (tui/app/layout.py)."""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from .model import Article, Sentence

ADDED = 1          # words only this source has, in a shared sentence
CHANGED = 2        # words the other sources put differently

ADDITION = "addition"       # a sentence no other source has
GLYPHS = {ADDITION: "+", "verbatim": "=", "edited": "~", "paraphrase": "≈"}

Spans = Sequence[tuple[int, int]]
Run = tuple[str, int]           # (text, flags)

_WS = re.compile(r"\s+")


def flags(s: Sentence, marks: Iterable[tuple[Spans, int]]) -> bytearray | None:
    """Per character of sentence `s`, the bits of the `(spans, bit)` marks that cover it
    (spans are offsets into the article; None when there is no span at all)."""
    out = None
    n = s.end - s.start
    for spans, bit in marks:
        for a, b in spans:
            if out is None:
                out = bytearray(n)
            for k in range(max(a, s.start) - s.start, min(b, s.end) - s.start):
                out[k] |= bit
    return out


def runs(art: Article, s: Sentence, added: Spans = (), changed: Spans = ()) -> list[Run]:
    """The sentence as shown (markup hidden, spaces folded) in runs of (text, flags)."""
    n = s.end - s.start
    fl = flags(s, ((added, ADDED), (changed, CHANGED))) or bytearray(n)
    shown = art.shown[s.start:s.end]
    out: list[Run] = []
    k0 = 0
    for k in range(1, n + 1):
        if k == n or fl[k] != fl[k0]:
            out.append((shown[k0:k], fl[k0]))
            k0 = k
    # fold whitespace; a run that is only space takes the flags of nothing
    folded: list[Run] = []
    for text, f in out:
        text = _WS.sub(" ", text)
        if not text:
            continue
        if text == " ":
            f = 0
        if folded and folded[-1][1] == f:
            folded[-1] = (folded[-1][0] + text, f)
        else:
            folded.append((text, f))
    if folded:
        folded[0] = (folded[0][0].lstrip(), folded[0][1])
        folded[-1] = (folded[-1][0].rstrip(), folded[-1][1])
    return [r for r in folded if r[0]]
