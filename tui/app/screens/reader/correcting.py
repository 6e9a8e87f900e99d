"""The reader's corrections keys: link the cursor's sentence to one picked in another
pane, unlink it from one it matches, mark it page furniture or prose, name a source,
rename or merge speakers, undo, the list of corrections in force.

A part of ReaderScreen (see part.py).  What is in force, the undo history
and the corpus file they are written to are the app's Editor (app/editing.py); the engine
applies them (tui.engine.correct) to its own analysis, and the panes show the result."""
from __future__ import annotations

from typing import Callable

from textual.content import Content

from ....engine.corrections import Correction, about_sentences, label_of, speaker_named
from ...layout import truncate
from .part import ReaderPart, needs_analysis


class CorrectionKeys(ReaderPart):
    """Actions of the corrections keys (app/keys.py, group "Correct")."""

    linking: tuple[int, int] | None = None     # the sentence a link starts from

    def _here(self) -> tuple[int, int]:
        return self.lead.article, self.lead.cursor

    def _sentence_name(self, a: int, i: int) -> str:
        return f"§{i + 1} of {self.app.corpus.articles[a].label}"

    # -- link, unlink ---------------------------------------------------------------------
    @needs_analysis
    def action_link(self) -> None:
        a, i = here = self._here()
        if self.linking is None:
            self.linking = here
            self.go(i, note=f"Linking {self._sentence_name(a, i)}: go to its sentence in another pane "
                    "(h l, j k) and press L; Esc cancels")
            return
        start = self.linking
        if start == here:
            self.cancel_link()
            return
        if start[0] == a:
            self.go(i, note="A link joins sentences of two sources: pick the sentence in "
                    "another pane (h l), then L; Esc cancels")
            return
        self.linking = None
        arts = self.app.corpus.articles
        self._correct(lambda base: about_sentences("link", arts, start, here, base=base),
                      f"Linked {self._sentence_name(*start)} and {self._sentence_name(a, i)}")

    def cancel_link(self) -> bool:
        """Esc while linking: stop.  False when no link was being made."""
        if self.linking is None:
            return False
        self.linking = None
        self.go(self.lead.cursor, note="Link cancelled")
        return True

    def linking_badge(self) -> Content | None:
        if self.linking is None:
            return None
        return Content.from_markup("[reverse b] linking $s: L on its match, Esc cancels "
                                   "[/reverse b]", s=self._sentence_name(*self.linking))

    @needs_analysis
    def action_unlink(self) -> None:
        a, i = here = self._here()
        matches = self.app.analysis.at(a, i).matches
        if not matches:
            self.go(i, note="This sentence is linked to no other source's")
            return
        shown = set(self.visible_articles()) - {a}
        seen = [m for m in matches if m.article in shown]
        if len(matches) == 1 or len(seen) == 1:
            m = matches[0] if len(matches) == 1 else seen[0]
            self._unlink(here, (m.article, m.i))
            return
        from ..pickers import PickerScreen

        arts = self.app.corpus.articles
        items = []
        for m in sorted(matches, key=lambda m: (m.article, m.i)):
            art = arts[m.article]
            text = art.shown_text(art.sentences[m.i])
            items.append((f"{m.article}:{m.i}", Content.from_markup(
                "[b]$label[/b] §$n · $rel\n  $text", label=art.label, n=m.i + 1,
                rel=m.relation, text=truncate(text, 110)), f"{art.label} {text}"))

        def chosen(ident: str | None) -> None:
            if ident is not None:
                b, j = map(int, ident.split(":"))
                self._unlink(here, (b, j))

        self.app.push_screen(PickerScreen(f"Unlink {self._sentence_name(a, i)} from which sentence?",
                                          items, hint="Enter: unlink · Esc: cancel"), chosen)

    def _unlink(self, x: tuple[int, int], y: tuple[int, int]) -> None:
        arts = self.app.corpus.articles
        self._correct(lambda base: about_sentences("unlink", arts, x, y, base=base),
                      f"Unlinked {self._sentence_name(*x)} from {self._sentence_name(*y)}")

    # -- page furniture, a source's name --------------------------------------------------
    @needs_analysis
    def action_furniture(self) -> None:
        a, i = here = self._here()
        arts = self.app.corpus.articles
        kind = "content" if arts[a].sentences[i].boilerplate else "furniture"
        what = "prose" if kind == "content" else "page furniture"
        self._correct(lambda base: about_sentences(kind, arts, here, base=base),
                      f"{self._sentence_name(a, i)} marked as {what}")

    @needs_analysis
    def action_label_source(self) -> None:
        from ..corrections import NameScreen

        a = self.lead.article
        arts = self.app.corpus.articles

        def named(label: str | None) -> None:
            if label is not None and label != arts[a].label:
                self._correct(lambda base: label_of(arts, a, label, base=base),
                              f"Source {a + 1} is now called {label}")

        self.app.push_screen(NameScreen(f"Name source {a + 1} ({arts[a].path})",
                                        arts[a].label), named)

    # -- speakers ---------------------------------------------------------------------------
    @needs_analysis
    def action_rename_speaker(self) -> None:
        from ..corrections import NameScreen

        def rename(old: str) -> None:
            def named(new: str | None) -> None:
                if new is not None and new != old:
                    self._correct(lambda base: speaker_named(old, new),
                                  f"Speaker {old} is now {new}")

            self.app.push_screen(NameScreen(f"Rename {old}", old, "the name of another "
                                            "speaker merges the two · Esc: cancel"), named)

        self.with_speaker(rename, "Rename which speaker?")

    @needs_analysis
    def action_merge_speakers(self) -> None:
        from ..pickers import speaker_picker

        def first(old: str) -> None:
            picker = speaker_picker(self.app.analysis, None, f"Merge {old} into which speaker?",
                                    exclude=(old,))

            def second(new: str | None) -> None:
                if new is not None:
                    self._correct(lambda base: speaker_named(old, new),
                                  f"Speakers {old} and {new} are one: {new}")

            self.app.push_screen(picker, second)

        self.with_speaker(first, "Merge which speaker into another?")

    # -- undo, the list ----------------------------------------------------------------------
    @needs_analysis
    def action_undo(self) -> None:
        change, message = self.app.editor.undo()
        if change is None:
            self.go(self.lead.cursor, note="Nothing to undo")
            return
        c = change.added or change.removed
        self._after(message, f"Undone: {'' if change.added else 'taking out '}{c.line()}")

    def action_corrections(self) -> None:
        from ..corrections import CorrectionsScreen

        analysis = self.app.analysis
        outcomes = analysis.corrections if analysis is not None else ()

        def chosen(c: Correction | None) -> None:
            if c is not None:
                self._after(self.app.editor.remove(c), f"Taken out (u undoes): {c.line()}")

        self.app.push_screen(CorrectionsScreen(outcomes, self.saved_text()), chosen)

    def saved_text(self) -> str:
        ed = self.app.editor
        if ed.failed:
            return f"Not saved ({ed.failed}): in force in this session only, for now"
        if ed.session_only:
            return "Kept in this session only (a served reader writes no file on the server)"
        if ed.target:
            return f"Saved in {ed.target}"
        return "Kept in this session only (no corpus file to save them in)"

    # -- making one -----------------------------------------------------------------------------
    def _correct(self, build: Callable[[str], Correction], done: str) -> None:
        """Put in force the correction `build(base)` makes (base: the corpus file's
        folder), after offering, the first time, to save a corpus file beside the
        articles when none was opened."""
        app = self.app
        ed = app.editor
        if ed.target is None and not ed.asked:
            ed.asked = True
            offer = app.corpus_file_offer()
            if offer is not None:
                from ..corrections import SaveOfferScreen

                def answered(yes: bool | None) -> None:
                    if yes:
                        ed.save_to(*offer)
                    self._correct(build, done)

                app.push_screen(SaveOfferScreen(offer[0]), answered)
                return
        self._after(ed.add(build(ed.base)),
                    done + (" · u undoes" if ed.target else " · this session only; u undoes"))

    def _after(self, message: str, note: str) -> None:
        """The corrections changed: the engine applies them, the panes show it."""
        from ....engine.correct import apply

        app = self.app
        ed = app.editor
        new = apply(app.analysis, ed.corrections)
        app.corpus = new.corpus
        app.set_analysis(new)
        lens = self.lens
        if lens.filtering:
            names = {sp.name for sp in new.speakers}
            self._filter(lens.speaker if lens.speaker in names else None, lens.topic)
        if message:
            app.notify(message, severity="error" if ed.failed else "information",
                       timeout=15 if ed.failed else 6)
        self.go(self.lead.cursor, note=note)
