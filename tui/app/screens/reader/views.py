"""The other ways to see the corpus, one key away: facts-only differences (d), the
overview (v), the cursor's sentence as each source puts it (Enter), the list of sources
(o), the keys (?), and a report of what is shown written to files (w)."""
from __future__ import annotations

from .part import ReaderPart, needs_analysis


class ViewKeys(ReaderPart):
    """The keys that open another screen or change what the marks show."""

    @needs_analysis
    def action_facts(self) -> None:
        """Changed words: all of them, or only numbers, names, titles and quote wording."""
        self.state.facts = not self.state.facts
        self._present()
        self.go(self.lead.cursor, note=(
            "Differences: only numbers, names, titles and quote wording marked; d: all"
            if self.state.facts else "Differences: every changed word marked; d: facts only"))

    @needs_analysis
    def action_overview(self) -> None:
        """The story first: the overview; a line chosen there is shown in the panes."""
        def chosen(at: tuple[int, int] | None) -> None:
            if at is not None:
                self.show_sentence(*at)

        self.app.push_screen(self.overview_screen(), chosen)

    def overview_screen(self):
        """The overview (kept: App.kept_screen)."""
        from ..overview import OverviewScreen

        return self.app.kept_screen(("overview",), OverviewScreen, self.app.analysis)

    @needs_analysis
    def action_parallels(self) -> None:
        from ..parallels import ParallelsScreen

        def back(i: int | None) -> None:
            if i is not None:
                self.go(i)

        self.app.push_screen(ParallelsScreen(self.lead.article, self.lead.cursor), back)

    def action_sources(self) -> None:
        def chosen(b: int | None) -> None:
            if b is not None:
                self.action_show_source(b + 1)

        self.app.push_screen(self.sources_screen(), chosen)

    def sources_screen(self):
        """The list of sources, the focused pane's current (kept: App.kept_screen)."""
        from ..sources import SourcesScreen

        app, a = self.app, self.lead.article
        screen = app.kept_screen(("sources",), lambda: SourcesScreen(a), app.corpus,
                                 app.analysis)
        screen.show_current(a)      # one screen for every pane's source: no screen made
        return screen               # (and none dropped, a relayout) when the pane changes

    def action_help(self) -> None:
        from ..help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_report(self) -> None:
        from ...save import write_view

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
