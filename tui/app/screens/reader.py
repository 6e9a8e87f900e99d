"""The main screen: source panes side by side, synchronised by content."""
from __future__ import annotations

import dataclasses
import gc
from bisect import bisect_left

from functools import wraps

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer

from .. import sync
from ..filters import MARK, ONLY, Lens, Searcher, filtered
from ..keys import bindings
from ..layout import GLYPHS, truncate
from ..state import ReaderState
from ..widgets.bars import SearchField, SourceBar, StatusBar
from ..widgets.pane import PaneView
from .correcting import CorrectionKeys

MIN_PANE_WIDTH = 38     # narrower than this and sentences stop being readable
MIN_QUERY = 2           # a search marks its matches from this many characters on


def slots_for(width: int, articles: int) -> int:
    """How many panes fit side by side at a readable width."""
    return max(1, min(articles, width // MIN_PANE_WIDTH))


def merged_count(spans) -> int:
    """How many separate stretches a set of (possibly overlapping) spans covers."""
    n, end = 0, -1
    for a, b in sorted(spans):
        if a >= end:
            n += 1
        end = max(end, b)
    return n


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def needs_analysis(action):
    """An action that needs the engine's results: until they arrive it only says so."""
    @wraps(action)
    def guarded(self, *args, **kw):
        if self.app.analysis is None:
            self.go(self.lead.cursor, note="The analysis is still running")
            return None
        return action(self, *args, **kw)
    return guarded


class ReaderScreen(CorrectionKeys, Screen, inherit_bindings=False):
    """Keys act on the focused pane (its cursor is drawn); every other shown pane scrolls so
    that its sentence aligned with the cursor's sits on the cursor's row."""

    BINDINGS = bindings()
    AUTO_FOCUS = None

    def __init__(self) -> None:
        super().__init__()
        self.panes: list[PaneView] = []
        self.state = ReaderState(0)       # what the panes show (see _present)
        self.note = ""                    # one-off message for the status bar
        self._sync_pending = False
        self._searcher: Searcher | None = None
        self._search_from: tuple[int, int] | None = None   # where the search started
        self._opened = False              # until a first move, each pane shows its own start
        self._bands_key: tuple = ()

    # -- the state ---------------------------------------------------------------------------
    @property
    def shown(self) -> list[int]:
        return self.state.shown

    @property
    def active(self) -> int:
        return self.state.active

    @property
    def zoomed(self) -> bool:
        return self.state.zoomed

    @property
    def lens(self) -> Lens:
        return self.state.lens

    @property
    def searching(self) -> bool:
        """The search is being typed."""
        return self.search_input.typing

    def _present(self) -> None:
        """Make the panes show the state: each its source, the keys' pane, what is visible."""
        st = self.state
        for p, a in zip(self.panes, st.shown):
            if p.article != a:
                p.show(a)
        for k, p in enumerate(self.panes):
            p.set_active(k == st.active)
            p.set_facts(st.facts)
        visible = set(st.visible_slots())
        for k, p in enumerate(self.panes):
            p.display = k in visible

    # -- building ------------------------------------------------------------------------
    @property
    def n_articles(self) -> int:
        return len(self.app.corpus.articles)

    @property
    def demo(self) -> bool:
        return getattr(self.app, "demo", False)

    def panes_width(self, width: int) -> int:
        """The columns the panes share (demo mode keeps a column of keys at the right)."""
        from ..widgets.keypanel import KEY_PANEL_WIDTH

        return width - KEY_PANEL_WIDTH if self.demo and width >= 2 * KEY_PANEL_WIDTH else width

    def _new_pane(self, article: int) -> PaneView:
        pane = PaneView(article, classes="marks")
        pane.lens = self.lens
        pane.empty_note = self._empty_note()
        pane.spacing = 1 if self.demo else 0
        return pane

    def slots(self, width: int) -> int:
        """Panes side by side at this width: as many as fit, fewer when widened."""
        return max(1, slots_for(self.panes_width(width), self.n_articles) - self.state.wider)

    def compose(self) -> ComposeResult:
        k = slots_for(self.panes_width(self.app.size.width), self.n_articles)
        self.state = ReaderState.start(self.n_articles, k)
        self.panes = [self._new_pane(a) for a in self.shown]
        self.source_bar = SourceBar(id="sources")
        self.search_input = SearchField(id="search")
        self.status = StatusBar(id="status")
        yield self.source_bar
        with Horizontal(id="body"):
            with Horizontal(id="panes"):
                yield from self.panes
            if self.demo:
                from ..widgets.keypanel import KeyPanel

                yield KeyPanel(id="keypanel", classes="marks")
        yield self.search_input
        yield self.status
        yield Footer(compact=True, show_command_palette=False)   # 80 columns: keys only

    def on_mount(self) -> None:
        self.search_input.focus()     # inert until / (see SearchField)
        self._present()
        self.update_status()
        if self.app.analysis is None:     # the spinner turns until the analysis arrives
            self.status.busy(self.describe)
        self._warm_timer = self.set_interval(0.05, self._warm, pause=True)

    def warm_up(self) -> None:
        """When idle, build the lines of the shown articles not drawn yet (see PaneView.warm)."""
        self._warm_timer.resume()

    def _warm(self) -> None:
        budget = 0.003
        for p in self.visible_panes():
            if p.warm(budget):
                return
        self._warm_timer.pause()
        analysis = self.app.analysis
        if analysis is not None:     # what the aligned view needs first, before it is asked
            from ...report.overview import overview
            from ...report.rows import band_order
            from .. import aligned  # noqa: F401

            band_order(analysis)
            overview(analysis)
        # the lines just built live as long as their pane: keep them out of the garbage
        # collector's full collections (a pause of tens of ms once there are many)
        gc.freeze()

    @property
    def lead(self) -> PaneView:
        return self.panes[self.active]

    def visible_panes(self) -> list[PaneView]:
        return [self.panes[k] for k in self.state.visible_slots()]

    def visible_articles(self) -> list[int]:
        return self.state.visible_articles()

    def _focus_slot(self, slot: int) -> None:
        self.state.focus(slot)
        self._present()

    # -- synchronisation -----------------------------------------------------------------
    def keep(self, a: int):
        """Which sentences of article a the panes show (None: all)."""
        return self.state.keep(a)

    def sync(self) -> None:
        """Scroll every other shown pane so its aligned sentence sits on the cursor's row.
        With a filter that hides sentences, both ends of an alignment must pass it: a
        pane whose match is filtered out holds the nearest preceding pair that passes."""
        lead = self.lead
        analysis = self.app.analysis
        a, i = lead.article, lead.cursor
        lead.set_peers(())
        keep_a = self.keep(a)
        if self.state.aligned and analysis is not None:
            self._apply_bands()
            for view in self.visible_panes():     # the bands line up: one scroll for all
                if view is not lead:
                    view.scroll_to_line(lead.top, free=True)
                    view.set_peers(sync.matches_in(analysis, a, i, view.article,
                                                   self.keep(view.article)))
            return
        for view in self.visible_panes():
            if view is lead:
                continue
            if not self._opened:      # each pane opens at its own first sentence
                view.set_peers(())
                view.scroll_to_line(0)
                continue
            if analysis is None or view.lay.empty:
                view.set_peers(())
                view.scroll_to_line(0, free=True)
                continue
            b = view.article
            keep_b = self.keep(b)
            anchor = sync.anchor(analysis, a, i, b, keep_a, keep_b)
            if anchor is None:
                view.scroll_to_line(0, free=True)
            else:
                k, j = anchor
                # the anchor is on the cursor's row, or above it; when it has scrolled off
                # the top, the pane shows it on its first row (not a screenful of blank)
                row = max(0, lead.first_line(k) - lead.top)
                view.scroll_to_line(view.first_line(j) - row, free=True)
            view.set_peers(sync.matches_in(analysis, a, i, b, keep_b))

    def _apply_bands(self) -> None:
        """The aligned-rows view: give each visible pane its bands (worked out again only
        when the sources shown, the widths or the filter change)."""
        analysis = self.app.analysis
        st = self.state
        visible = self.visible_panes()
        lens = self.lens
        key = (st.aligned, id(analysis), tuple((p.article, p.text_width) for p in visible),
               id(lens.passing) if lens.only else None, self.demo)
        if key == self._bands_key:
            return
        self._bands_key = key
        if not st.aligned or analysis is None:
            for p in self.panes:
                p.set_bands(None)
            return
        from ..aligned import plan
        from ..layout import sentence_heights

        by_article = {p.article: p for p in visible}

        def heights(a: int) -> list[int]:
            return sentence_heights(by_article[a].plain_layout())

        keep = (lambda a, i: lens.passes(a, i)) if lens.only else None
        bands = plan(analysis, [p.article for p in visible], heights, keep,
                     1 if self.demo else 0)
        for p in self.panes:
            p.set_bands(bands.get(p.article) if p in visible else None)

    def resync(self) -> None:
        """Re-align after sizes changed (resize, zoom): at most once per frame."""
        if not self._sync_pending:
            self._sync_pending = True
            self.call_after_refresh(self._resync_now)

    def _resync_now(self) -> None:
        self._sync_pending = False
        self._apply_bands()
        self.lead.reveal(self.lead.cursor)
        self.sync()

    def go(self, i: int, *, reveal: bool = True, center: bool = False, note: str = "") -> None:
        """Put the focused pane's cursor on sentence i, scroll, align the others."""
        self._apply_bands()
        lead = self.lead
        self._opened = True
        i = self.snap(lead.article, max(0, min(i, len(self.app.corpus.articles[lead.article]
                                                      .sentences) - 1)))
        lead.set_cursor(i)
        lead.scroll_to_line(lead.top)   # the focused pane shows its article, not the margin
        if center:
            lead.scroll_to_line(lead.first_line(i) - lead.view_height // 3)
        elif reveal:
            lead.reveal(i)
        self.sync()
        self.note = note
        self.update_status()
        self.warm_up()

    def follow(self, a: int, i: int, row: int, view: PaneView) -> int:
        """The sentence of `view`'s article that goes with (a, i) shown at `row`."""
        analysis = self.app.analysis
        b = view.article
        keep_b = self.keep(b)
        if analysis is not None:
            m = sync.best_match(analysis, a, i, b, keep_b)
            if m is not None:
                return m.i
        if view.painted:
            return view.sentence_at_row(max(0, min(row, view.view_height - 1)))
        anchor = (sync.anchor(analysis, a, i, b, self.keep(a), keep_b)
                  if analysis is not None else None)
        return anchor[1] if anchor else self.snap(b, 0)

    def order(self, a: int) -> list[int] | None:
        """The sentences of article a the cursor can visit, in order (None: every one)."""
        return self.state.order(a)

    def snap(self, a: int, i: int, direction: int = 1) -> int:
        """Sentence i, or with a filter the nearest one it shows (after i, else before)."""
        return self.state.snap(a, i, direction)

    # -- status --------------------------------------------------------------------------
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

    def filter_badge(self) -> Content:
        """The filters on, in short, at the head of the status line (the status line's row
        rather than a row of their own: a filter never changes the panes' size)."""
        lens = self.lens
        parts = []
        if lens.speaker:
            parts.append(f"❝ {truncate(lens.speaker, 24)}")
        if lens.topic:
            parts.append(f"topic {truncate(self._topic_label(lens.topic), 24)}")
        how = "only" if lens.mode == ONLY else "marked ┃"
        return Content.from_markup("[reverse b] $f · $how [/reverse b]",
                                   f=" ∧ ".join(parts), how=how)

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

    # -- actions -------------------------------------------------------------------------
    def action_move(self, delta: int) -> None:
        order = self.order(self.lead.article)
        if order is None:
            self.go(self.lead.cursor + delta)
        elif order:
            k = bisect_left(order, self.lead.cursor)
            if delta > 0 and k < len(order) and order[k] == self.lead.cursor:
                k += 1
            elif delta < 0:
                k -= 1
            self.go(order[max(0, min(k, len(order) - 1))], note=self._hit_note())
        else:
            self.go(self.lead.cursor)

    def action_page(self, direction: int) -> None:
        lead = self.lead
        row = lead.first_line(lead.cursor) - lead.top
        step = max(1, lead.view_height - 2)
        before = lead.top
        lead.scroll_to_line(lead.top + direction * step)
        if lead.top == before:
            self.action_edge(0 if direction < 0 else 1)
            return
        i = lead.sentence_at_row(max(0, min(row, lead.view_height - 1)))
        self.go(i)

    def action_edge(self, end: int) -> None:
        n = len(self.app.corpus.articles[self.lead.article].sentences)
        self.go(n - 1 if end else 0)
        if end:   # snap forward found nothing after: go to the last shown
            order = self.order(self.lead.article)
            if order:
                self.go(order[-1])

    def _step(self, targets: list[int], direction: int, noun: str) -> None:
        """To the next (previous) of `targets` after the cursor, wrapping round."""
        i = self.lead.cursor
        if self.lens.only:
            targets = [t for t in targets if self.lens.passes(self.lead.article, t)]
        if not targets:
            self.go(i, note=f"No {noun}s in this source")
        elif direction > 0:
            after = [t for t in targets if t > i]
            self.go(after[0] if after else targets[0],
                    note="" if after else f"Wrapped round to the first {noun}")
        else:
            before = [t for t in targets if t < i]
            self.go(before[-1] if before else targets[-1],
                    note="" if before else f"Wrapped round to the last {noun}")

    def action_addition(self, direction: int) -> None:
        if self.lens.query:
            self.walk_matches(direction)
        else:
            self._step_additions(direction)

    @needs_analysis
    def _step_additions(self, direction: int) -> None:
        analysis = self.app.analysis
        self._step(analysis.additions(self.lead.article, furniture=False), direction, "addition")

    @needs_analysis
    def action_disagreement(self, direction: int) -> None:
        analysis = self.app.analysis
        a = self.lead.article
        n = len(self.app.corpus.articles[a].sentences)
        if self.state.facts:
            from ...engine.differences import facts

            art, spans = self.app.corpus.articles[a], self.lead._quote_spans()
            targets = [i for i in range(n) if analysis.at(a, i).changed
                       and facts(art, art.sentences[i], analysis.at(a, i).changed, spans)]
        else:
            targets = [i for i in range(n) if analysis.at(a, i).changed]
        self._step(targets, direction, "disagreement")

    def action_pane(self, direction: int) -> None:
        if self.zoomed:
            self.action_rotate(direction)
            return
        target = self.active + direction
        k = len(self.shown)
        if 0 <= target < k:
            self.focus_pane(target)
        elif k < self.n_articles:
            self.action_rotate(direction)
        else:
            self.focus_pane(target % k)

    def focus_pane(self, slot: int, cursor: int | None = None) -> None:
        old = self.lead
        new = self.panes[slot]
        if new is not old:
            if cursor is None:
                cursor = self.follow(old.article, old.cursor, old.first_line(old.cursor) - old.top,
                                     new)
            self._focus_slot(slot)
        self.go(new.cursor if cursor is None else cursor)

    def _replace_lead(self, article: int) -> None:
        old = self.lead
        a, i, row = old.article, old.cursor, old.first_line(old.cursor) - old.top
        self.state.swap_in(self.active, article)
        self._present()
        self.go(self.follow(a, i, row, self.lead), center=True)

    def action_rotate(self, direction: int) -> None:
        n = self.n_articles
        if n <= len(self.visible_panes()):
            self.go(self.lead.cursor, note="Every source is already shown")
            return
        lead = self.lead
        a, i, row = lead.article, lead.cursor, lead.first_line(lead.cursor) - lead.top
        self.state.rotate(direction)
        self._present()
        self.go(self.follow(a, i, row, self.lead), center=True)

    def action_show_source(self, number: int) -> None:
        b = number - 1
        if not 0 <= b < self.n_articles:
            self.go(self.lead.cursor, note=f"There is no source {number}")
            return
        slot = self.state.slot_showing(b)
        if slot is not None:
            self.focus_pane(slot)
        else:
            self._replace_lead(b)

    # -- filters ---------------------------------------------------------------------------
    def _empty_note(self) -> str:
        lens = self.lens
        what = []
        if lens.speaker:
            what.append(f"quotes {lens.speaker}")
        if lens.topic:
            what.append(f"is on “{self._topic_label(lens.topic)}”")
        if not what:
            return ""
        return f"∅ no sentence of this source {' and '.join(what)} (f: show all; S, T: clear)"

    def _topic_label(self, topic: str) -> str:
        analysis = self.app.analysis
        for t in analysis.topics if analysis is not None else ():
            if t.id == topic:
                return t.label
        return topic

    def set_lens(self, lens: Lens, *, move: bool = True, note: str = "") -> None:
        """New filters or search for every pane; the cursor stays on (or moves to the
        nearest of) the sentences shown, in a pane that has some."""
        old, self.state.lens = self.lens, lens
        changed: dict[int, set[int]] = {}      # article -> sentences whose marks changed
        for o, n in ((old.quoted, lens.quoted), (old.matches, lens.matches)):
            if o is not n:
                for key in o.keys() | n.keys():
                    if o.get(key) != n.get(key):
                        changed.setdefault(key[0], set()).add(key[1])
        empty = self._empty_note()
        for p in self.panes:
            p.set_lens(lens, empty, changed.get(p.article, set()))
        if not move:
            return
        self.state.follow_filter()
        self._present()
        lead = self.lead
        self.go(self.snap(lead.article, lead.cursor), center=True, note=note)

    def filter_text(self) -> Content:
        return self.filter_text_for(self.lens)

    def filter_text_for(self, lens: Lens) -> Content:
        parts: list[Content] = []
        if lens.speaker:
            parts.append(Content.from_markup("❝ speaker [b]$s[/b]", s=lens.speaker))
        if lens.topic:
            parts.append(Content.from_markup("topic [b]$t[/b]", t=self._topic_label(lens.topic)))
        out = Content("")
        if parts:
            counts = lens.passing or []
            total = sum(len(x) for x in counts)
            sources = sum(1 for x in counts if x)
            how = ("only these shown · f: all, marked ┃" if lens.mode == ONLY
                   else "marked ┃ in the full text · f: only these")
            out = Content.from_markup("Filter: ") + Content(" ∧ ").join(parts) + \
                Content.from_markup(" · $n in $k · $how · S T clear",
                                    n=f"{total} sentence{'s' if total != 1 else ''}",
                                    k=f"{sources} source{'s' if sources != 1 else ''}", how=how)
        return out

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

    @needs_analysis
    def _filter(self, speaker: str | None, topic: str | None, mode: str | None = None,
                note: str = "") -> None:
        analysis = self.app.analysis
        passing, quoted = filtered(analysis, speaker, topic)
        lens = dataclasses.replace(self.lens, analysis=analysis, speaker=speaker, topic=topic,
                                   mode=mode or self.lens.mode, passing=passing, quoted=quoted,
                                   _pass_sets=[frozenset(p) for p in passing or ()])
        if passing is not None and not any(passing):
            note = "No sentence in any source passes both filters: S or T clears one"
        elif passing is not None:
            total = sum(len(x) for x in passing)
            k = sum(1 for x in passing if x)
            hint = ("f: all, these marked ┃" if lens.mode == ONLY else "f: only these")
            note = (f"{note + ' · ' if note else ''}{plural(total, 'sentence')} in "
                    f"{plural(k, 'source')} · {hint} · S T clear")
        self.set_lens(lens, note=note)

    @needs_analysis
    def action_pick_speaker(self, then=None) -> None:
        from .pickers import speaker_picker

        analysis = self.app.analysis
        if not analysis.speakers:
            self.go(self.lead.cursor, note="No quoted speakers in these articles")
            return

        def chosen(name: str | None) -> None:
            if name is None:
                return
            if then is not None:
                then(name)
            else:
                self._filter(name, self.lens.topic)

        self.app.push_screen(speaker_picker(analysis, self.lens.speaker), chosen)

    def action_clear_speaker(self) -> None:
        if self.lens.speaker is None:
            self.go(self.lead.cursor, note="No speaker filter to clear")
            return
        self._filter(None, self.lens.topic, note="Speaker filter cleared")

    @needs_analysis
    def action_pick_topic(self) -> None:
        from .pickers import topic_picker

        analysis = self.app.analysis
        if not analysis.topics:
            self.go(self.lead.cursor, note="No topics in these articles")
            return

        def chosen(topic: str | None) -> None:
            if topic is not None:
                self._filter(self.lens.speaker, topic)

        self.app.push_screen(topic_picker(analysis, self.lens.topic), chosen)

    def action_clear_topic(self) -> None:
        if self.lens.topic is None:
            self.go(self.lead.cursor, note="No topic filter to clear")
            return
        self._filter(self.lens.speaker, None, note="Topic filter cleared")

    def action_filter_mode(self) -> None:
        mode = MARK if self.lens.mode == ONLY else ONLY
        if not self.lens.filtering:
            self.state.lens = dataclasses.replace(self.lens, mode=mode)
            self.go(self.lead.cursor, note="No filter on (s: speaker, t: topic); a filter will "
                    + ("show only its sentences" if mode == ONLY else "mark its sentences ┃"))
            return
        self._filter(self.lens.speaker, self.lens.topic, mode,
                     note="Showing only the sentences that pass the filter" if mode == ONLY
                     else "Every sentence shown; those that pass the filter marked ┃")

    def speaker_here(self) -> str | None:
        """The speaker of a quote in the cursor's sentence, if any."""
        analysis = self.app.analysis
        a, i = self.lead.article, self.lead.cursor
        s = self.app.corpus.articles[a].sentences[i]
        for q in analysis.quotes:
            if q.article == a and q.speaker and q.start < s.end and q.end > s.start:
                return q.speaker
        return None

    @needs_analysis
    def action_quotes(self) -> None:
        from .quotes import QuotesScreen

        name = self.lens.speaker or self.speaker_here()

        def show(who: str) -> None:
            self.app.push_screen(QuotesScreen(who))

        if name is None:
            self.action_pick_speaker(then=show)
        else:
            show(name)

    # -- search ----------------------------------------------------------------------------
    def action_search(self) -> None:
        if self._searcher is None:
            self._searcher = Searcher(self.app.corpus)
        self._search_from = (self.lead.article, self.lead.cursor)
        self.search_input.start(self.lens.query)
        self.go(self.lead.cursor)

    def search_for(self, query: str) -> None:
        """The search as typed so far: mark every match, and go to the first at or after
        where the search started (in this pane, else the next pane that has one)."""
        if self._searcher is None:
            self._searcher = Searcher(self.app.corpus)
        # one letter would mark nearly every sentence: matches start with the second
        matches = self._searcher.find(query) if len(query.strip()) >= MIN_QUERY else {}
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
        self._close_input()
        if not self.lens.query:
            self.action_end_search()
            return
        self.go(self.lead.cursor, note=self._hit_note() or "n N walk the matches, Esc ends")

    def action_end_search(self) -> None:
        if self.cancel_link():
            return
        if self.lens.query or self.searching:
            self._end_search()

    def _end_search(self) -> None:
        self._close_input()
        self._search_from = None
        self.set_lens(dataclasses.replace(self.lens, query="", matches={}), move=False)
        self.go(self.lead.cursor, note="Search ended")

    def _close_input(self) -> None:
        self.search_input.stop()

    def _hits(self) -> list[tuple[int, int]]:
        order = self.state.search_order()
        rank = {a: k for k, a in enumerate(order)}
        return sorted(((a, i) for a in order for i in self.lens.hits(a)),
                      key=lambda h: (rank[h[0]], h[1]))

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
        order = self.state.search_order()
        rank = {a: k for k, a in enumerate(order)}
        here = start or (self.lead.article, self.lead.cursor)
        key = (rank[here[0]], here[1])
        keys = [(rank[a], i) for a, i in hits]
        if direction > 0:
            k = bisect_left(keys, key) if inclusive else bisect_left(keys, (key[0], key[1] + 1))
            k = k if k < len(hits) else 0
        else:
            k = bisect_left(keys, key) - 1
            k = k if k >= 0 else len(hits) - 1
        a, i = hits[k]
        slot = self.state.slot_showing(a)
        if slot is None:
            self.state.swap_in(self.active, a)
        else:
            self.state.focus(slot)
        self._present()
        self.go(i, center=not self.lead.shows(i) or not self._on_screen(i),
                note=f"Match {k + 1} of {len(hits)}")
        return True

    def _on_screen(self, i: int) -> bool:
        lead = self.lead
        return 0 <= lead.first_line(i) - lead.top < lead.view_height

    # -- report ----------------------------------------------------------------------------
    def action_report(self) -> None:
        from ..save import write_view

        if self.app.is_web:  # served: the files would land on the server, on a visitor's key
            self.app.notify("a served reader writes no report; run 'synopsis export' on the "
                            "server's machine", severity="warning", timeout=12)
            return
        try:
            message = write_view(self)
        except Exception as e:   # a report is never worth the reader: say it, go on
            self.app.notify(f"could not write the report: {e}", severity="error", timeout=12)
            return
        self.app.notify(message, title="report written", timeout=15)

    def action_sources(self) -> None:
        from .sources import SourcesScreen

        def chosen(b: int | None) -> None:
            if b is not None:
                self.action_show_source(b + 1)

        self.app.push_screen(SourcesScreen(self.lead.article), chosen)

    @needs_analysis
    def action_overview(self) -> None:
        """The story first: the overview; a line chosen there is shown in the panes."""
        from .overview import OverviewScreen

        def chosen(at: tuple[int, int] | None) -> None:
            if at is not None:
                self.show_sentence(*at)

        self.app.push_screen(OverviewScreen(), chosen)

    def show_sentence(self, a: int, i: int) -> None:
        """Sentence i of article a under the cursor: in the pane that shows it, else
        brought into the pane with the keys."""
        slot = self.state.slot_showing(a)
        if slot is None:
            self.state.swap_in(self.active, a)
        else:
            self.state.focus(slot)
        self._present()
        self.go(i, center=True)

    @needs_analysis
    def action_facts(self) -> None:
        """Changed words: all of them, or only numbers, names, titles and quote wording."""
        self.state.facts = not self.state.facts
        self._present()
        self.go(self.lead.cursor, note=(
            "Differences: only numbers, names, titles and quote wording marked; d: all"
            if self.state.facts else "Differences: every changed word marked; d: facts only"))

    @needs_analysis
    def action_aligned(self) -> None:
        """Switch between the cursor-synchronised view and the aligned rows."""
        self.state.aligned = not self.state.aligned
        self._apply_bands()
        lead = self.lead
        note = ("Aligned rows: each shared statement on one band; · nothing here, ↕ told "
                "elsewhere in this source; a: back" if self.state.aligned else
                "Synchronised: the cursor's aligned sentences on its row; a: aligned rows")
        self.go(lead.cursor, note=note)

    def action_zoom(self) -> None:
        self.state.toggle_zoom()
        self._present()
        self.resync()
        self.note = "Zoomed: h/l or > < change the source, z to go back" if self.zoomed else ""
        self.update_status()

    @needs_analysis
    def action_parallels(self) -> None:
        from .parallels import ParallelsScreen

        def back(i: int | None) -> None:
            if i is not None:
                self.go(i)

        self.app.push_screen(ParallelsScreen(self.lead.article, self.lead.cursor), back)

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())

    # -- mouse and size ------------------------------------------------------------------
    def _slot_of(self, view: PaneView) -> int:
        for k, p in enumerate(self.panes):
            if p is view:
                return k
        return self.active

    @on(SearchField.Changed)
    def _typed(self, event: SearchField.Changed) -> None:
        self.search_for(event.value)

    @on(SearchField.Submitted)
    def _submitted(self) -> None:
        self.search_submitted()

    @on(SearchField.Ended)
    def _ended(self) -> None:
        self._end_search()

    @on(PaneView.Clicked)
    def _clicked(self, event: PaneView.Clicked) -> None:
        self.pane_clicked(event.pane, event.sentence, event.center)

    @on(PaneView.Wheeled)
    def _wheeled(self, event: PaneView.Wheeled) -> None:
        self.pane_wheeled(event.pane, event.delta)

    def pane_clicked(self, view: PaneView, i: int, center: bool = False) -> None:
        slot = self._slot_of(view)
        if slot != self.active:
            self._focus_slot(slot)
        self.go(i, reveal=not center, center=center)

    def pane_wheeled(self, view: PaneView, delta: int) -> None:
        slot = self._slot_of(view)
        if slot != self.active:
            old = self.lead
            cursor = self.follow(old.article, old.cursor, old.first_line(old.cursor) - old.top,
                                 view)
            self._focus_slot(slot)
            view.set_cursor(cursor)
        view.scroll_to_line(view.top + delta)
        i, top, bottom = view.cursor, view.top, view.top + view.view_height - 1
        lay = view.lay
        if view.first_line(i) < top:
            i = lay.sentence_at(top)
            if lay.first[i] < top and i + 1 < len(lay.first) and lay.first[i + 1] <= bottom:
                i += 1
        elif view.first_line(i) > bottom:
            i = lay.sentence_at(bottom, forward=False)
        self.go(i, reveal=False)

    def action_widen(self, delta: int) -> None:
        """Wider panes (fewer side by side), or narrower (more, down to the readable width)."""
        fit = slots_for(self.panes_width(self.app.size.width), self.n_articles)
        wider = max(0, min(fit - 1, self.state.wider + delta))
        if wider == self.state.wider:
            self.go(self.lead.cursor, note="The panes are as wide as they go" if delta > 0
                    else "As many panes as fit at a readable width")
            return
        self.state.wider = wider
        self._set_slots(self.slots(self.app.size.width))
        self.resync()
        k = len(self.shown)
        self.go(self.lead.cursor, note=f"{plural(k, 'pane')} of {self.n_articles} sources: "
                "> < bring in the others; + wider, - narrower")

    def on_resize(self, event: events.Resize) -> None:
        k = self.slots(event.size.width)
        if k != len(self.shown):
            self._set_slots(k)
        self.resync()

    def _set_slots(self, k: int) -> None:
        self.state.set_panes(k)
        while len(self.panes) < k:
            pane = self._new_pane(self.shown[len(self.panes)])
            self.panes.append(pane)
            self.query_one("#panes").mount(pane)
        self._present()

    # -- analysis ------------------------------------------------------------------------
    def analysis_ready(self) -> None:
        """The engine's results arrived (worker): marks, counts, strips, alignment."""
        for p in self.panes:
            p.show(p.article, p.cursor)
        self.resync()
        self.update_status()
