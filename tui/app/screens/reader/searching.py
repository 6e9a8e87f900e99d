"""The search: / starts typing (the SearchField widget takes the keys and posts what is
typed), every match marked in every pane as it is typed; Enter keeps the matches and
gives the keys back (n N walk them, across the panes, then the sources not shown);
Esc ends it.  What matches: app/filters.py (Searcher, in the Lens); the order the search
walks: ReaderState.hits and next_hit (app/state.py)."""
from __future__ import annotations

import dataclasses

from textual.content import Content

from ...filters import Searcher
from ...layout import truncate
from .part import ReaderPart

MIN_QUERY = 2           # a search marks its matches from this many characters on


class SearchKeys(ReaderPart):
    """/ n N Esc, and the search's part of the status line."""

    _searcher: Searcher | None = None              # the folded texts (searcher())
    _search_from: tuple[int, int] | None = None    # where the search started

    @property
    def searching(self) -> bool:
        """The search is being typed."""
        return self.search_input.typing

    def searcher(self) -> Searcher:
        """The folded texts (made once, folded on the first / or when idle)."""
        corpus = self.app.corpus
        if self._searcher is None or self._searcher.articles is not corpus.articles:
            self._searcher = Searcher(corpus)     # (a correction makes a new corpus)
        return self._searcher

    def action_search(self) -> None:
        self._search_from = (self.lead.article, self.lead.cursor)
        self.search_input.start(self.lens.query)
        self.go(self.lead.cursor)

    def search_for(self, query: str) -> None:
        """The search as typed so far: mark every match, and go to the first at or after
        where the search started (in this pane, else the next pane that has one)."""
        # one letter would mark nearly every sentence: matches start with the second
        matches = self.searcher().find(query) if len(query.strip()) >= MIN_QUERY else {}
        lens = dataclasses.replace(self.lens, query=query if query.strip() else "",
                                   matches=matches)
        self.set_lens(lens, move=False)
        if len(query.strip()) < MIN_QUERY:
            self.go(self.lead.cursor)
            return
        start = self._search_from or (self.lead.article, self.lead.cursor)
        if not self.walk_matches(1, start=start, inclusive=True):
            self.go(self.lead.cursor, note=f"No match for “{query}”")

    def search_submitted(self) -> None:
        """Enter: the matches stay marked, the keys go back to the panes (n N walk them)."""
        self.search_input.stop()
        if not self.lens.query:
            self.action_end_search()
            return
        self.go(self.lead.cursor, note=self._hit_note() or "n N walk the matches, Esc ends")

    def action_end_search(self) -> None:
        if self.cancel_link():
            return
        if self.lens.query or self.searching:
            self.end_search()

    def end_search(self) -> None:
        self.search_input.stop()
        self._search_from = None
        self.set_lens(dataclasses.replace(self.lens, query="", matches={}), move=False)
        self.go(self.lead.cursor, note="Search ended")

    def _hits(self) -> list[tuple[int, int]]:
        return self.state.hits()

    def _hit_note(self) -> str:
        if not self.lens.query:
            return ""
        hits = self._hits()
        here = (self.lead.article, self.lead.cursor)
        if here in hits:
            return f"Match {hits.index(here) + 1} of {len(hits)}"
        return ""

    def walk_matches(self, direction: int, start: tuple[int, int] | None = None,
                     inclusive: bool = False) -> bool:
        """To the next (previous) sentence with a match, across the panes, then the sources
        not shown (brought into this pane); wraps round.  False if there is none."""
        hits = self._hits()
        if not hits:
            self.go(self.lead.cursor, note=f"No match for “{self.lens.query}”")
            return False
        here = start or (self.lead.article, self.lead.cursor)
        k = self.state.next_hit(hits, here, direction, inclusive)
        a, i = hits[k]
        self.state.bring(a)
        self._present()
        self.go(i, center=not self.lead.shows(i) or not self._on_screen(i),
                note=f"Match {k + 1} of {len(hits)}")
        return True

    def _on_screen(self, i: int) -> bool:
        lead = self.lead
        return 0 <= lead.first_line(i) - lead.top < lead.view_height

    # -- the status line ------------------------------------------------------------------
    def search_text(self, compact: bool = False) -> Content:
        """The search, at the head of the status line while it is on (`compact`: the
        query and the number of sentences found only)."""
        lens = self.lens
        hits = len(lens.matches)
        srcs = len({a for a, _ in lens.matches})
        if compact:
            return Content.from_markup("[reverse b] /$q [/reverse b] $n │",
                                       q=truncate(lens.query, 12), n=hits)
        return Content.from_markup(
            "[reverse b] /$q [/reverse b] $n · [dim]n N walk, Esc ends[/dim] │",
            q=truncate(lens.query, 24),
            n=(f"{hits} sentence{'s' if hits != 1 else ''} in {srcs} source"
               f"{'s' if srcs != 1 else ''}" if hits else "no match"))

    def typing_text(self) -> Content:
        """The search as it is typed, at the head of the status line."""
        lens = self.lens
        hits = len(lens.matches)
        typed = len(self.search_input.value.strip())
        n = (f"{hits} sentence{'s' if hits != 1 else ''}" if hits
             else "type to search every pane" if not typed
             else "one more letter" if typed < MIN_QUERY else "no match")
        return Content.from_markup("[reverse b] /$q▏[/reverse b] $n · [dim]⏎ keeps, Esc ends[/dim] │",
                                   q=self.search_input.value[-40:], n=n)
