"""The aligned-rows view (a): every shared statement on one band across the panes, as
tall as its tallest cell, filler where a source has nothing.  Which sentences go in which
band: app/aligned.py (`plan`, pure, from the reports' aligned rows); here each visible
pane is given its bands, worked out again only when what they depend on changes."""
from __future__ import annotations

from .part import ReaderPart, needs_analysis


class AlignedRows(ReaderPart):
    """a, and the panes' bands."""

    _bands_key: tuple = ()      # what the panes' bands were worked out for

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
        from ...aligned import plan
        from ...layout import sentence_heights

        by_article = {p.article: p for p in visible}

        def heights(a: int) -> list[int]:
            return sentence_heights(by_article[a].plain_layout())

        keep = (lambda a, i: lens.passes(a, i)) if lens.only else None
        bands = plan(analysis, [p.article for p in visible], heights, keep,
                     1 if self.demo else 0)
        for p in self.panes:
            p.set_bands(bands.get(p.article) if p in visible else None)
