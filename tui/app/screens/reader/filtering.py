"""The filters: by speaker (s, S clears) and by topic (t, T clears), together or alone,
showing only the sentences that pass or marking them (f); and what a speaker said, as
each source put it (c).  Which sentences pass: app/filters.py (`filtered`, the Lens); the screen
gives the panes the new Lens (ReaderScreen.set_lens)."""
from __future__ import annotations

import dataclasses
from typing import Callable

from textual.content import Content

from ....report.view import plural, topic_label
from ...filters import MARK, ONLY, filtered
from ...layout import truncate
from .part import ReaderPart, needs_analysis


class FilterKeys(ReaderPart):
    """s S t T f c, and the filters' part of the status line."""

    @needs_analysis
    def _filter(self, speaker: str | None, topic: str | None, mode: str | None = None,
                note: str = "") -> None:
        lens = self.filter_lens(speaker, topic, mode)
        passing = lens.passing
        if passing is not None and not any(passing):
            note = "No sentence in any source passes both filters: S or T clears one"
        elif passing is not None:
            total = sum(len(x) for x in passing)
            k = sum(1 for x in passing if x)
            hint = ("f: all, these marked ┃" if lens.mode == ONLY else "f: only these")
            note = (f"{note + ' · ' if note else ''}{plural(total, 'sentence')} in "
                    f"{plural(k, 'source')} · {hint} · S T clear")
        self.set_lens(lens, note=note)

    def filter_lens(self, speaker: str | None, topic: str | None, mode: str | None = None):
        """The Lens with these filters (`mode`: shown only or marked; None: as now)."""
        analysis = self.app.analysis
        old = self.lens
        if (old.analysis is analysis and (old.speaker, old.topic) == (speaker, topic)
                and old.passing is not None):     # the same filter, shown another way (f)
            return dataclasses.replace(old, mode=mode or old.mode)
        passing, quoted = filtered(analysis, speaker, topic)
        return dataclasses.replace(old, analysis=analysis, speaker=speaker, topic=topic,
                                   mode=mode or old.mode, passing=passing, quoted=quoted,
                                   _pass_sets=[frozenset(p) for p in passing or ()])

    def likely_filter(self):
        """The filter the speaker picker offers first (s, then Enter), when no speaker
        filter is on: its Lens, kept while the lens it starts from stays (None: none)."""
        analysis, lens = self.app.analysis, self.lens
        if analysis is None or not analysis.speakers or lens.speaker is not None:
            return None
        if self._likely[0] is not lens:
            self._likely = (lens, self.filter_lens(analysis.speakers[0].name, lens.topic))
        return self._likely[1]

    @needs_analysis
    def action_pick_speaker(self) -> None:
        self.with_speaker(lambda name: self._filter(name, self.lens.topic), ask_first=True)

    def action_clear_speaker(self) -> None:
        if self.lens.speaker is None:
            self.go(self.lead.cursor, note="No speaker filter to clear")
            return
        self._filter(None, self.lens.topic, note="Speaker filter cleared")

    @needs_analysis
    def action_pick_topic(self) -> None:
        analysis = self.app.analysis
        if not analysis.topics:
            self.go(self.lead.cursor, note="No topics in these articles")
            return

        def chosen(topic: str | None) -> None:
            if topic is not None:
                self._filter(self.lens.speaker, topic)

        self.app.push_screen(self.topic_screen(), chosen)

    def topic_screen(self):
        """The topic picker, the filter's topic current (kept: App.kept_screen)."""
        from ..pickers import topic_picker

        analysis, topic = self.app.analysis, self.lens.topic
        screen = self.app.kept_screen(("topic",), lambda: topic_picker(analysis, topic),
                                      analysis)
        screen.show_current(topic)
        return screen

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

    @needs_analysis
    def action_quotes(self) -> None:
        from ..quotes import QuotesScreen

        self.with_speaker(lambda name: self.app.push_screen(QuotesScreen(name)))

    # -- which speaker ------------------------------------------------------------------
    def speaker_here(self) -> str | None:
        """The speaker of a quote in the cursor's sentence, if any."""
        analysis = self.app.analysis
        a, i = self.lead.article, self.lead.cursor
        s = self.app.corpus.articles[a].sentences[i]
        for q in analysis.quotes:
            if q.article == a and q.speaker and q.start < s.end and q.end > s.start:
                return q.speaker
        return None

    def with_speaker(self, then: Callable[[str], None], title: str = "",
                     ask_first: bool = False) -> None:
        """`then(name)` with the speaker filtered by, else the one quoted at the cursor,
        else one picked in the speaker picker (`title`: what for; `ask_first`: picked
        at once, the filter's speaker as the current one)."""
        name = None if ask_first else self.lens.speaker or self.speaker_here()
        if name is not None:
            then(name)
            return
        analysis = self.app.analysis
        if not analysis.speakers:
            self.go(self.lead.cursor, note="No quoted speakers in these articles")
            return
        self.app.push_screen(self.speaker_screen(title),
                             lambda n: then(n) if n is not None else None)

    def speaker_screen(self, title: str = ""):
        """The speaker picker (`title`: what for), the filter's speaker current (kept:
        App.kept_screen)."""
        from ..pickers import speaker_picker

        analysis, speaker = self.app.analysis, self.lens.speaker
        screen = self.app.kept_screen(("speaker", title),
                                      lambda: speaker_picker(analysis, speaker, title), analysis)
        screen.show_current(speaker)    # one picker whatever the filter: none made or
        return screen                   # dropped (a relayout of the reader) as it changes

    # -- in words -----------------------------------------------------------------------
    def _topic_label(self, topic: str) -> str:
        return topic_label(self.app.analysis, topic)

    def _empty_note(self, lens=None) -> str:
        """What a pane says when the filter (of `lens`, else the one on) leaves none of
        its source's sentences."""
        lens = lens or self.lens
        what = []
        if lens.speaker:
            what.append(f"quotes {lens.speaker}")
        if lens.topic:
            what.append(f"is on “{self._topic_label(lens.topic)}”")
        if not what:
            return ""
        return f"∅ no sentence of this source {' and '.join(what)} (f: show all; S, T: clear)"

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

    def filter_text(self) -> Content:
        """The filters on, in full: each, how many sentences in how many sources pass,
        whether only they are shown."""
        lens = self.lens
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
                                    n=plural(total, "sentence"), k=plural(sources, "source"),
                                    how=how)
        return out
