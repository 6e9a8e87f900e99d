"""The status line: the sentence under the cursor (its source, its place, who else has it
and who leaves it out, how many differences and added phrases), or the note an action
left, or the analysis' progress; ahead of it the search, the filters and a link being
made, each from its part (searching.py, filtering.py, correcting.py).  The top bar: the
sources, the shown ones standing out."""
from __future__ import annotations

from textual.content import Content

from ....report.view import plural
from ...layout import GLYPHS
from .part import ReaderPart


def merged_count(spans) -> int:
    """How many separate stretches a set of (possibly overlapping) spans covers."""
    n, end = 0, -1
    for a, b in sorted(spans):
        if a >= end:
            n += 1
        end = max(end, b)
    return n


class StatusLine(ReaderPart):
    """What the status line and the source bar say."""

    def update_status(self) -> None:
        self.source_bar.show(tuple(self.visible_articles()), self.lead.article)
        self.status.show(self.describe())

    def describe(self) -> Content:
        app = self.app
        lead = self.lead
        a, i = lead.article, lead.cursor
        art = app.corpus.articles[a]
        s = art.sentences[i]
        head = Content.from_markup("[b]$label[/b] §$n/$m", label=art.label, n=i + 1,
                                   m=len(art.sentences))
        if s.role:
            head += Content.from_markup(" [dim]($role)[/dim]", role=s.role)
        prefix = []
        if self.searching:
            prefix.append(self.typing_text())
        elif self.lens.query:
            prefix.append(self.search_text())
            if self._status_room(Content(" ").join([*prefix, head])) < 40:   # 80 columns
                prefix[-1] = self.search_text(compact=True)
        if self.lens.filtering:
            prefix.append(self.filter_badge())
        badge = self.linking_badge()
        if badge is not None:
            prefix.insert(0, badge)
        before = Content(" ").join([*prefix, head])
        analysis = app.analysis
        if self.note:
            body = Content.from_markup("[b]$note[/b]", note=self.note)
        elif self.lens.only and lead.lay.empty:
            body = Content.from_markup("[b]$note[/b]", note=self._empty_note())
        elif analysis is None:
            body = Content.from_markup(app.progress_text())
        else:
            al = analysis.at(a, i)
            if al.unique:
                body = Content.from_markup("[b]+ only this source has this sentence[/b]")
            else:
                best: dict[int, str] = {}
                for m in sorted(al.matches, key=lambda m: -m.score):
                    best.setdefault(m.article, m.relation)
                arts = app.corpus.articles
                missing = [arts[b].label for b in range(len(arts)) if b != a and b not in best]
                body = self._shared_text(al.relation, best, missing, merged_count(al.changed),
                                         merged_count(al.added), self._status_room(before))
        return Content(" ").join([before, body])

    def _status_room(self, head: Content) -> int:
        """Cells left on the status line after `head` (and a space)."""
        width = (self.status.size.width or self.app.size.width) - 2
        return width - head.cell_length - 1

    def _shared_text(self, rel: str, best: dict[int, str], missing: list[str], changed: int,
                     added: int, room: int) -> Content:
        """Who else has the cursor's sentence, and who leaves it out: every source with
        its relation when that fits the line, else the sources' names, else how many
        ("in 4 of 5"); the sources that leave it out are always named; the counts of
        differences and added phrases when there is room."""
        arts = self.app.corpus.articles
        must = Content("")
        if missing:
            must = Content.from_markup(" · [dim]not in $names[/dim]", names=", ".join(missing))
        extras = []
        if changed:
            extras.append(Content.from_markup(" · [b]$n[/b]", n=plural(changed, "difference")))
        if added:
            extras.append(Content.from_markup(" · $n", n=plural(added, "added phrase")))
        n = len(best) + 1 + len(missing)
        forms = [Content.from_markup("$glyph also in $names", glyph=GLYPHS[rel], names=", ".join(
                     f"{arts[b].label} ({r})" for b, r in sorted(best.items()))),
                 Content.from_markup("$glyph also in $names", glyph=GLYPHS[rel],
                                     names=", ".join(arts[b].label for b in sorted(best))),
                 Content.from_markup("$glyph in $k of $n", glyph=GLYPHS[rel], k=len(best) + 1,
                                     n=n)]
        for keep in range(len(extras), -1, -1):
            tail = must + Content("").join(extras[:keep])
            for body in forms:
                if (body + tail).cell_length <= room:
                    return body + tail
        return forms[-1] + must
