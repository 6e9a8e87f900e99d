"""What the reader shows, apart from any widget: which source each pane shows, which pane
has the keys, whether it is zoomed, and the filters and search (the Lens).  No Textual: the
reader screen changes a ReaderState, then makes its panes show it (one place), so the panes
and the state cannot drift apart; tested on its own (tests/app/test_app_state.py)."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Callable

from .filters import Lens


@dataclass
class ReaderState:
    """`shown[k]`: the article pane k shows (the panes in use, left to right); `active`:
    the pane with the keys (its cursor is drawn); `zoomed`: only that pane is visible."""

    articles: int                           # sources in the corpus
    shown: list[int] = field(default_factory=list)
    active: int = 0
    zoomed: bool = False
    lens: Lens = field(default_factory=Lens)
    aligned: bool = False                   # the aligned-rows view (else: cursor-synchronised)
    facts: bool = False                     # changed words marked only where they are facts
    wider: int = 0                          # panes fewer than fit at a readable width

    @classmethod
    def start(cls, articles: int, panes: int) -> "ReaderState":
        """The first sources, one a pane."""
        return cls(articles, list(range(max(1, min(panes, articles)))))

    # -- what is shown --------------------------------------------------------------------
    @property
    def lead(self) -> int:
        """The article of the pane with the keys."""
        return self.shown[self.active]

    def visible_slots(self) -> list[int]:
        return [self.active] if self.zoomed else list(range(len(self.shown)))

    def visible_articles(self) -> list[int]:
        return [self.shown[k] for k in self.visible_slots()]

    def slot_showing(self, article: int) -> int | None:
        """The visible pane that shows `article`, if one does."""
        if article in self.shown:
            k = self.shown.index(article)
            if not self.zoomed or k == self.active:
                return k
        return None

    def search_order(self) -> list[int]:
        """Articles in the order a search walks them: the visible panes left to right,
        then the rest."""
        shown = self.visible_articles()
        return shown + [a for a in range(self.articles) if a not in shown]

    def hits(self) -> list[tuple[int, int]]:
        """The search's matches, (article, sentence), in the order it walks them."""
        order = self.search_order()
        rank = {a: k for k, a in enumerate(order)}
        return sorted(((a, i) for a in order for i in self.lens.hits(a)),
                      key=lambda h: (rank[h[0]], h[1]))

    def next_hit(self, hits: list[tuple[int, int]], here: tuple[int, int], direction: int,
                 inclusive: bool = False) -> int:
        """Which of `hits` (non-empty, as hits() orders them) the search goes to from
        `here`: the next (direction > 0; `inclusive`: or `here` itself) or the previous
        one, wrapping round."""
        rank = {a: k for k, a in enumerate(self.search_order())}
        key = (rank[here[0]], here[1])
        keys = [(rank[a], i) for a, i in hits]
        if direction > 0:
            k = bisect_left(keys, key if inclusive else (key[0], key[1] + 1))
            return k if k < len(hits) else 0
        k = bisect_left(keys, key) - 1
        return k if k >= 0 else len(hits) - 1

    # -- changes ----------------------------------------------------------------------------
    def focus(self, slot: int) -> None:
        self.active = slot

    def swap_in(self, slot: int, article: int) -> None:
        """Pane `slot` shows `article`; a pane that showed it gets that pane's article."""
        current = self.shown[slot]
        if article in self.shown:
            self.shown[self.shown.index(article)] = current
        self.shown[slot] = article

    def bring(self, article: int) -> None:
        """The keys to the visible pane that shows `article`; if none does, `article`
        into the pane with the keys."""
        slot = self.slot_showing(article)
        if slot is None:
            self.swap_in(self.active, article)
        else:
            self.focus(slot)

    def rotate(self, direction: int) -> None:
        """Every pane shows the next (previous) source."""
        self.shown = [(a + direction) % self.articles for a in self.shown]

    def set_panes(self, k: int) -> None:
        """`k` panes in use: fewer keep the active pane and those left of it; more show the
        sources after the last one shown."""
        if k < len(self.shown):
            start = max(0, self.active - k + 1)
            self.shown = self.shown[start:start + k]
            self.active -= start
        else:
            n = self.articles
            extra = [a for a in ((self.shown[-1] + d) % n for d in range(1, n))
                     if a not in self.shown]
            self.shown = self.shown + extra[:k - len(self.shown)]

    def toggle_zoom(self) -> None:
        self.zoomed = not self.zoomed

    def follow_filter(self) -> None:
        """Under a filter that hides sentences, the keys move to a pane whose source has
        some (zoomed, or when no visible pane has any: the source with the most is brought
        into the active pane)."""
        passing = self.lens.passing
        if not self.lens.only or passing[self.lead]:
            return
        slots = [k for k in range(len(self.shown)) if passing[self.shown[k]]]
        if slots and not self.zoomed:
            self.focus(slots[0])
        else:
            best = max(range(self.articles), key=lambda a: len(passing[a]))
            if passing[best]:
                self.swap_in(self.active, best)

    # -- the sentences a pane shows ------------------------------------------------------------
    def keep(self, a: int) -> Callable[[int], bool] | None:
        """Which sentences of article a the panes show (None: all)."""
        lens = self.lens
        if not lens.only:
            return None
        return lambda i: lens.passes(a, i)

    def order(self, a: int) -> list[int] | None:
        """The sentences of article a the cursor can visit, in order (None: every one)."""
        return self.lens.shown(a)

    def snap(self, a: int, i: int, direction: int = 1) -> int:
        """Sentence i, or with a filter the nearest one it shows (after i, else before)."""
        order = self.order(a)
        if not order or self.lens.passes(a, i):
            return i
        k = bisect_left(order, i)
        if direction < 0:
            return order[k - 1] if k > 0 else order[0]
        return order[k] if k < len(order) else order[-1]
