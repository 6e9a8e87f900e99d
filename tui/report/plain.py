"""Plain text for a terminal or a pipe: the overview (`synopsis summary`) and the aligned
comparison (`synopsis diff`).

Colour only when asked (`Style(True)`: the command line asks when standard output is a
terminal and NO_COLOR is not set); every mark is also written in text, so nothing is lost
without colour:

- ``{+words+}`` words only this source has (green), ``[-words-]`` words of the first
  source this one does not have (red), as in ``git diff --word-diff``;
- ``+`` before a sentence only one source has; ``=`` ``~`` ``≈`` a shared sentence,
  verbatim / edited / paraphrased; ``↕`` a sentence that stands elsewhere in its source
  (the sources tell things in another order).

Escape codes are SGR only and closed on every line, so `less -R` shows them right.
No Textual and no rich.
"""
from __future__ import annotations

import os
import re
import textwrap

from ..engine.differences import word_diff
from ..engine.marks import GLYPHS
from ..engine.model import Analysis
from .overview import KIND_NAMES, Overview, overview
from .rows import rows
from .view import summary

RESET = "\x1b[0m"
CODES = {"bold": "1", "dim": "2", "italic": "3", "under": "4", "red": "31", "green": "32",
         "yellow": "33", "blue": "34", "magenta": "35", "cyan": "36"}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def wants_colour(stream, environ=os.environ) -> bool:
    """Colour on a terminal, unless NO_COLOR is set (to anything but empty)."""
    if environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Style:
    """Wraps text in SGR codes, or leaves it alone when colour is off."""

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, *names: str) -> str:
        if not self.colour or not names or not text:
            return text
        return f"\x1b[{';'.join(CODES[n] for n in names)}m{text}{RESET}"


Piece = tuple[str, tuple[str, ...]]       # (text, style names)


def wrap_pieces(pieces: list[Piece], width: int, style: Style, first: str = "",
                rest: str = "") -> list[str]:
    """Styled pieces wrapped at `width` columns (the prefixes count), words kept whole,
    each line's codes closed at its end."""
    words: list[list[Piece]] = [[]]
    for text, names in pieces:
        for k, part in enumerate(re.split(r"(\s+)", text)):
            if not part:
                continue
            if part.isspace():
                words.append([])
            else:
                words[-1].append((part, names))
    lines: list[str] = []
    cur, cur_len = first, len(first)
    started = False
    for w in (w for w in words if w):
        n = sum(len(t) for t, _ in w)
        if started and cur_len + 1 + n > width:
            lines.append(cur)
            cur, cur_len, started = rest, len(rest), False
        if started:
            cur += " "
            cur_len += 1
        cur += "".join(style(t, *names) for t, names in w)
        cur_len += n
        started = True
    lines.append(cur)
    return lines


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(text, width=max(20, width), initial_indent=first,
                         subsequent_indent=rest, break_on_hyphens=False) or [first.rstrip()]


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1].rsplit(" ", 1)[0] + " …"


# ------------------------------------------------------------------ summary

SHARED_SHOWN = 8        # statements listed under "what most sources share"
ONLY_SHOWN = 3          # additions listed per source


def summary_text(an: Analysis, width: int = 100, style: Style | None = None,
                 ov: Overview | None = None) -> str:
    """The overview as text: headlines, what most sources share, what only one has, the
    disagreements."""
    st = style or Style(False)
    ov = ov or overview(an)
    label = lambda a: an.articles[a].label     # noqa: E731
    sentences, shared, adds = summary(an)
    n = len(ov.sources)
    col = min(24, max(len(label(a)) for a in ov.sources) + 2) if ov.sources else 12
    out: list[str] = []
    w = out.append
    w(st(ov.title, "bold"))
    w(st(f"{n} sources · {sentences} sentences · {shared} statements shared by two or more"
         f" · {adds} additions", "dim"))

    def item(head: str, text: str, head_style=("bold",)) -> None:
        pad = " " * (2 + col)
        if len(head) + 2 < col + 1:
            first = "  " + head.ljust(col)
            lines = _wrap(text, width, first, pad)
            w(lines[0].replace(head, st(head, *head_style), 1))
            out.extend(lines[1:])
        else:
            w("  " + st(head, *head_style))
            out.extend(_wrap(text, width, pad, pad))

    w("")
    w(st("Headlines", "bold", "under"))
    for h in ov.headlines:
        item(label(h.article), ("(no headline) " if h.lede else "") + h.text)
    w("")
    w(st("What most sources share", "bold", "under"))
    common = [p for p in ov.shared if 2 * len(p.sources) >= n] or list(ov.shared)
    for p in common[:SHARED_SHOWN]:
        item(ov.in_how_many(p, label), p.text, ("cyan",))
    rest = len(ov.shared) - min(len(common), SHARED_SHOWN)
    if rest > 0:
        w(st(f"  … and {rest} more shared by fewer sources", "dim"))
    if not ov.shared:
        w(st("  The sources share no statement.", "dim"))
    w("")
    w(st("Only in one source", "bold", "under"))
    for o in ov.only:
        art = an.articles[o.article]
        k = len(o.sentences)
        w("  " + st(label(o.article), "bold") + st(f"  {k} addition{'s' if k != 1 else ''}",
                                                    "dim"))
        for i in o.sentences[:ONLY_SHOWN]:
            out.extend(_wrap(art.shown_text(art.sentences[i]), width, "    + ", "      "))
        if k > ONLY_SHOWN:
            w(st(f"    … and {k - ONLY_SHOWN} more", "dim"))
    w("")
    w(st("Disagreements", "bold", "under"))
    if not ov.disagreements:
        w(st("  None found between sentences the alignment is sure of.", "dim"))
    for d in ov.disagreements:
        subject = f"{d.subject}: " if d.subject and d.kind == "title" else ""
        said = f" said “{_clip(d.subject, 60)}”" if d.subject and d.kind == "speaker" else ""
        text = subject + " · ".join(
            f"{v.words} ({', '.join(label(a) for a in v.sources)})" for v in d.variants) + said
        item(KIND_NAMES[d.kind], text, ("yellow",))
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ diff

def diff_text(an: Analysis, width: int = 100, style: Style | None = None) -> str:
    """The sources in aligned blocks, as a word diff.  A block (``@@ 3 · A B D @@``) is
    one statement the sources share: the first source's sentence, then every other
    source's, an edited copy as words removed ([-...-]) and added ({+...+}) against the
    first, a paraphrase as it stands.  Between blocks, what only one source says (``+``).
    A sentence its source tells at another place than the others is shown there, under
    ``@@ ↕ ... @@`` naming the block it belongs to; a block's head names the sources that
    tell it elsewhere (``@@ 2 · B · ↕ A elsewhere @@``)."""
    st = style or Style(False)
    arts = an.articles
    letters = [chr(ord("A") + k) if k < 26 else str(k + 1) for k in range(len(arts))]
    out: list[str] = []
    w = out.append
    w(st("synopsis diff", "bold") + "  " + "  ".join(
        f"{st(letters[a], 'bold')}={arts[a].label}" for a in range(len(arts))))
    legend = ("= verbatim  ~ edited  ≈ paraphrased  + only in this source  ↕ told elsewhere "
              "in its source  [-only in the block's first sentence-]  {+only in this one+}")
    out.extend(st(line, "dim") for line in _wrap(legend, width))
    laid = rows(an)
    block: dict[int, int] = {}
    elsewhere: dict[int, set[int]] = {}     # group -> sources that tell it out of order
    for row in laid:
        if row.kind == "shared" and not row.moved:
            block[row.group] = len(block) + 1
        elif row.moved:
            elsewhere.setdefault(row.group, set()).update(row.cells)
    gutter = 5

    def sentence_lines(a: int, mark: str, pieces: list[Piece], mark_style) -> None:
        lines = wrap_pieces(pieces, width, st, " " * gutter, " " * gutter)
        out.append(st(f"{mark} {letters[a]}".ljust(gutter), *mark_style) + lines[0][gutter:])
        out.extend(lines[1:])

    for row in laid:
        if row.kind == "additions":
            for a in sorted(row.cells):
                for i in row.cells[a]:
                    s = arts[a].sentences[i]
                    sentence_lines(a, "+", [(arts[a].shown_text(s), ("dim",) if s.boilerplate
                                             else ("green",))], ("green", "bold"))
            continue
        srcs = sorted(row.cells)
        if row.moved:
            w(st(f"@@ ↕ {' '.join(letters[a] for a in srcs)} tells here what block "
                 f"{block.get(row.group, '?')} holds @@", "magenta"))
        else:
            away = sorted(elsewhere.get(row.group, set()) - set(srcs))
            also = f" · ↕ {' '.join(letters[a] for a in away)} elsewhere" if away else ""
            w(st(f"@@ {block[row.group]} · {' '.join(letters[a] for a in srcs)}{also} @@",
                 "cyan"))
        members = [(a, i) for a in srcs for i in row.cells[a]]
        if row.moved:       # compare with the block's own first sentence
            base = next(((b, j) for r in laid if r.group == row.group and not r.moved
                         for b in sorted(r.cells) for j in r.cells[b][:1]), members[0])
        else:
            base = members[0]
        for a, i in members:
            s = arts[a].sentences[i]
            m = an.match(a, i, *base) if (a, i) != base else None
            glyph = GLYPHS.get(m.relation if m else (an.at(a, i).relation or "paraphrase"),
                               "≈")
            if m is None or m.relation == "paraphrase":
                pieces = [(arts[a].shown_text(s), ("dim",) if s.boilerplate else ())]
            else:
                pieces = [(text if tag == "equal" else
                           ("[-" + text + "-]" if tag == "delete" else "{+" + text + "+}"),
                           () if tag == "equal" else ("red",) if tag == "delete"
                           else ("green",))
                          for tag, text in word_diff(an, *base, a, i)]
            sentence_lines(a, glyph, pieces, ("magenta",) if row.moved else ("cyan",))
    return "\n".join(out) + "\n"


def strip_ansi(text: str) -> str:
    return ANSI.sub("", text)


