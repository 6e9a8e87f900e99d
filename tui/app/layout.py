"""How the reader lays an article out: display logic only, no Textual, no analysis.

A pane shows one sentence per block: the sentence's words (as the engine shows
them, markup hidden) wrapped to the pane's width, a blank line between
paragraphs.  Each line is a list of runs ``(text, flags)`` where the flags mark
the words the engine says this sentence adds (ADDED) or words differently from
its matches (CHANGED).  Everything the reader marks comes from the engine's
``Analysis``; this module only turns spans into wrapped runs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain
from typing import Sequence

from rich.cells import cell_len

from ..engine.marks import ADDED, ADDITION, CHANGED, Run, Spans
from ..engine.marks import GLYPHS as ENGINE_GLYPHS
from ..engine.marks import flags as mark_flags
from ..engine.model import Analysis, Article, Sentence

# The bits of a run: the engine's marks (ADDED, CHANGED), then the reader's own, each once.
LABEL = 4          # a label line (source name) in a stacked document
MUTED = 8          # secondary text (notes, "not in this source")
KEYCAP = 16        # a key name in the help
QUOTED = 32        # words of the chosen speaker's quote
MATCH = 64         # a search match

_WORD = re.compile(r"\S+")
_GLUE = ".,;:!?"                 # Article.shown_text glues these to the word before (markdown)

# What a sentence is, for the gutter and its style: ADDITION, one of RELATIONS, or PENDING
PENDING = "pending"              # the analysis is not finished yet
GLYPHS = {**ENGINE_GLYPHS, PENDING: " "}
CONTINUED = {ADDITION: "+"}      # glyph on a sentence's later lines (a diff's "+" on every line)


def cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def words(article: Article, s: Sentence, added: Spans = (), changed: Spans = (),
          extra: Sequence[tuple[Spans, int]] = ()) -> list[tuple[int, list[Run], int]]:
    """The sentence's words as ``(space, runs, cells)``.

    ``space`` is the flags of the space before the word (the flags both neighbours
    share, so a marked phrase stays one underline), or -1 where no space is shown
    (the first word, punctuation glued by markdown unmasking).  ``extra`` holds more
    marks as ``(spans, flag)`` (a quote, a search match).
    """
    base = s.start
    flags = mark_flags(s, ((added, ADDED), (changed, CHANGED), *extra))
    glue = article.fmt == "markdown"
    out: list[tuple[int, list[Run], int]] = []
    prev_end = -1
    for m in _WORD.finditer(article.shown, s.start, s.end):
        text = m.group()
        o = m.start() - base
        if flags is None:
            runs = [(text, 0)]
            space = 0
        else:
            runs = []
            k0 = 0
            for k in range(1, len(text) + 1):
                if k == len(text) or flags[o + k] != flags[o + k0]:
                    runs.append((text[k0:k], flags[o + k0]))
                    k0 = k
            space = flags[prev_end - 1] & flags[o] if prev_end > 0 else 0
        if prev_end < 0 or (glue and text[0] in _GLUE):
            space = -1
        out.append((space, runs, cells(text)))
        prev_end = o + len(text)
    return out


def _chop(runs: list[Run], width: int) -> list[list[Run]]:
    """Split one over-long word (a URL) into lines of at most `width` cells."""
    lines: list[list[Run]] = [[]]
    used = 0
    for text, fl in runs:
        for ch in text:
            w = cells(ch)
            if used + w > width and used:
                lines.append([])
                used = 0
            cur = lines[-1]
            if cur and cur[-1][1] == fl:
                cur[-1] = (cur[-1][0] + ch, fl)
            else:
                cur.append((ch, fl))
            used += w
    return lines


def wrap(ws: list[tuple[int, list[Run], int]], width: int) -> list[list[Run]]:
    """Greedy word wrap of `words` output to `width` cells (at least one line)."""
    width = max(1, width)
    lines: list[list[Run]] = []
    cur: list[Run] = []
    used = 0
    for space, runs, w in ws:
        gap = 0 if space < 0 else 1
        if cur and used + gap + w <= width:
            if gap:
                cur.append((" ", space))
            cur.extend(runs)
            used += gap + w
            continue
        if cur:
            lines.append(cur)
        if w > width:
            *full, cur = _chop(runs, width)
            lines.extend(full)
            used = sum(cells(t) for t, _ in cur)
        else:
            cur = list(runs)
            used = w
    if cur or not lines:
        lines.append(cur)
    return lines


def plain(runs: list[Run]) -> str:
    return "".join(t for t, _ in runs)


@dataclass(slots=True)
class Layout:
    """An article wrapped to a text width: per line, its sentence (-1: paragraph gap)
    and runs; per sentence, its first and last line."""

    width: int
    sentence: list[int]
    runs: list[list[Run]]
    first: list[int]
    last: list[int]
    shown: list[int] | None = None   # the sentences laid out, when not all of them are
    empty: bool = False              # none is: one blank line, the pane says why

    @property
    def height(self) -> int:
        return len(self.sentence)

    def sentence_at(self, line: int, forward: bool = True) -> int:
        """The sentence on a line; on a gap line, the next (or previous) sentence."""
        n = len(self.sentence)
        if not n:
            return 0
        line = min(max(line, 0), n - 1)
        if forward:
            order = chain(range(line, n), range(line - 1, -1, -1))
        else:
            order = chain(range(line, -1, -1), range(line + 1, n))
        for k in order:
            if self.sentence[k] >= 0:
                return self.sentence[k]
        return 0


SKIPPED = "⋯"                    # a gap line where sentences are left out (a filter)


def layout(article: Article, width: int, shown: Sequence[int] | None = None,
           spacing: int = 0, plain: Layout | None = None) -> Layout:
    """Wrap every sentence of `article` to `width` cells (unmarked runs).

    Marks never move a line break, so a sentence's marked lines (`marked_lines`) are
    computed only when it is drawn, and line up with these.

    `shown`: only these sentences (a filter); a gap line with SKIPPED stands where others
    are left out.  A sentence not laid out has no lines: its `first` is the line where it
    would start and its `last` the line before.  `spacing`: blank lines between sentences
    (besides the one between paragraphs).  `plain`: the article's layout of every
    sentence at this width, whose wrapped lines are re-used."""
    sent: list[int] = []
    runs: list[list[Run]] = []
    n = len(article.sentences)
    first: list[int] = [0] * n
    last: list[int] = [-1] * n
    keep = None if shown is None else set(shown)
    para = None
    prev = -1
    for s in article.sentences:
        if keep is not None and s.i not in keep:
            first[s.i] = len(sent)
            last[s.i] = len(sent) - 1
            continue
        if prev >= 0:
            if keep is not None and s.i != prev + 1:
                sent.append(-1)
                runs.append([(SKIPPED, 0)])
            elif s.paragraph != para:
                sent.append(-1)
                runs.append([])
            for _ in range(spacing):
                sent.append(-1)
                runs.append([])
        para = s.paragraph
        prev = s.i
        if plain is not None and plain.first[s.i] <= plain.last[s.i]:
            lines = plain.runs[plain.first[s.i]:plain.last[s.i] + 1]
        else:
            lines = wrap(words(article, s), width)
        first[s.i] = len(sent)
        sent.extend([s.i] * len(lines))
        runs.extend(lines)
        last[s.i] = len(sent) - 1
    empty = not sent
    if empty:
        sent, runs = [-1], [[]]
    else:   # a left-out sentence after the last one starts past the end
        for i in range(n):
            if last[i] < first[i] and first[i] >= len(sent):
                first[i], last[i] = len(sent), len(sent) - 1
    return Layout(width, sent, runs, first, last,
                  None if shown is None else list(shown), empty)


FILLER = "·"                     # a filler line's mark: this source has nothing in this band


def aligned_layout(article: Article, width: int, cells: Sequence[Sequence[int]],
                   heights: Sequence[int], spacing: int = 0, plain: Layout | None = None
                   ) -> Layout:
    """The article laid out in bands (the aligned-rows view): band k holds the sentences
    `cells[k]` of this article (maybe none), then filler lines up to `heights[k]` (the
    tallest pane's), then one blank line; so band k starts on the same line in every
    pane.  A sentence in no band (a filter left it out) has no lines, as in `layout`.
    `plain`: the article's `layout` at this width, whose wrapped lines are re-used."""
    sent: list[int] = []
    runs: list[list[Run]] = []
    n = len(article.sentences)
    first: list[int] = [0] * n
    last: list[int] = [-1] * n
    placed = set()
    fill: list[Run] = [(((FILLER + "   ") * max(1, (width + 3) // 4))[:width].rstrip(), MUTED)]
    blank: list[Run] = []
    for cell, height in zip(cells, heights):
        start = len(sent)
        for k, i in enumerate(cell):
            if k:
                for _ in range(spacing):
                    sent.append(-1)
                    runs.append([])
            if plain is not None and plain.first[i] <= plain.last[i]:
                lines = plain.runs[plain.first[i]:plain.last[i] + 1]
            else:
                lines = wrap(words(article, article.sentences[i]), width)
            first[i] = len(sent)
            sent.extend([i] * len(lines))
            runs.extend(lines)
            last[i] = len(sent) - 1
            placed.add(i)
        pad = height - (len(sent) - start)
        if pad > 0:                     # lines are never changed in place: one list serves
            sent.extend([-1] * pad)
            runs.extend([fill if not cell else blank] * pad)
        sent.append(-1)
        runs.append(blank)
    # sentences in no band: where the next placed one starts
    nxt = len(sent)
    for i in range(n - 1, -1, -1):
        if i in placed:
            nxt = first[i]
        else:
            first[i], last[i] = nxt, nxt - 1
    empty = not placed
    if not sent:
        sent, runs = [-1], [[]]
    return Layout(width, sent, runs, first, last, sorted(placed), empty)


def sentence_heights(lay: Layout) -> list[int]:
    """How many lines each sentence takes in a layout of every sentence."""
    return [b - a + 1 for a, b in zip(lay.first, lay.last)]


def marked_lines(analysis: Analysis | None, a: int, i: int, width: int,
                 extra: Sequence[tuple[Spans, int]] = (), article: Article | None = None,
                 quotes: Spans | None = None) -> list[list[Run]]:
    """Sentence i of article a wrapped to `width`, with the engine's added and changed words
    (none while there is no analysis: then `article` is needed) and the `extra` marks.
    `quotes` (the article's quotation spans): changed words only where they are facts
    (numbers, names, titles, a quote's wording), the "facts only" highlighting."""
    article = article or analysis.articles[a]
    s = article.sentences[i]
    if analysis is None:
        return wrap(words(article, s, extra=extra), width)
    al = analysis.at(a, i)
    if quotes is None:
        changed = al.changed
    else:       # imported here: the word tools are not needed for the first frame
        from ..engine.differences import facts

        changed = facts(article, s, al.changed, quotes)
    return wrap(words(article, s, al.added, changed, extra), width)


def kind(analysis: Analysis | None, a: int, i: int) -> str:
    """ADDITION, one of RELATIONS, or PENDING while there is no analysis."""
    if analysis is None:
        return PENDING
    if analysis.is_unique(a, i):
        return ADDITION
    return analysis.at(a, i).relation or ADDITION


def truncate(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis."""
    if width <= 0:
        return ""
    if cells(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cells(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + "…"
