"""The Textual application: holds the corpus and its analysis, runs the analysis in a
separate process when it was not ready before start-up (tui/process.py: the reader stays
responsive and a second core works; a worker thread waits for it, and its progress and
result arrive as messages), and offers every key in the palette."""
from __future__ import annotations

import gc
import time
from functools import partial
from typing import Callable, Iterable, Sequence
from weakref import WeakKeyDictionary

from textual import events, on
from textual.app import App, SystemCommand
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from ..engine import Analysis, Corpus
from ..process import AnalysisJob
from .editing import Editor, new_corpus_file, saved_beside
from .keys import KEYS, key_hint
from .screens.reader import ReaderScreen

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
KEPT = 6            # screens kept for opening again (kept_screen)
READY = 9           # start_ahead's last step
# input the analysis process is held for (AnalysisJob.hold), and for how long at most
HOLD_FOR = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)
HOLD_AT_MOST = 0.25


class SynopsisApp(App):
    """synopsis: several articles about one event, side by side."""

    CSS_PATH = "synopsis.tcss"
    TITLE = "synopsis"

    class Progressed(Message):
        """The analysis worker got this far (a fraction, 0..1)."""

        def __init__(self, fraction: float) -> None:
            super().__init__()
            self.fraction = fraction

    class Analysed(Message):
        """The analysis worker's result."""

        def __init__(self, analysis: Analysis) -> None:
            super().__init__()
            self.analysis = analysis

    def __init__(self, corpus: Corpus, analysis: Analysis | None = None, *,
                 use_cache: bool = True, exit_after_first_frame: bool = False,
                 analyse: Callable[[Corpus], Analysis] | None = None, demo: bool = False,
                 paths: Sequence[str] = (), job: "AnalysisJob | None" = None) -> None:
        super().__init__()
        self.demo = demo              # for talks: more space between sentences, keys shown
        # the articles as the analysis has them (with the editor's corrections: labels,
        # roles), once it is there
        self.corpus = analysis.corpus if analysis is not None else corpus
        self.paths = tuple(paths)     # as given (where a new corpus file would list them)
        self.editor = Editor(corpus.corrections, corpus.corpus_file)
        self._warned: set[str] = set()
        self.analysis = analysis
        self.use_cache = use_cache
        self.exit_after_first_frame = exit_after_first_frame
        self._analyse = analyse
        self._job = job               # the analysis process, when already started
        self._started = 0.0
        self._fraction: float | None = None   # of the analysis done, if the engine says
        self.reader: ReaderScreen | None = None
        self._kept: dict[tuple, tuple[Screen, tuple]] = {}
        self._ahead: WeakKeyDictionary[Screen, int] = WeakKeyDictionary()  # start_ahead

    def kept_screen(self, key: tuple, make: Callable[[], Screen], *shows) -> Screen:
        """The screen for `key` and `shows` (the objects it shows: the analysis, the
        corpus; told apart by identity, as hashing them would read them all), made by
        `make` the first time and kept: opening it again costs a frame rather than
        composing its widgets, and closing it removes none (when a screen is removed,
        Textual lays the one under it out anew, twice).  A kept screen is made as new
        when shown again (its on_screen_resume)."""
        key = (*key, *map(id, shows))
        got = self._kept.pop(key, None)
        if got is None:
            got = (make(), shows)    # the objects stay alive while their ids are keys
            self.install_screen(got[0], f"kept-{id(got[0])}")
        self._kept[key] = got
        for old_key in list(self._kept)[:-KEPT]:
            old = self._kept[old_key][0]
            if old not in self.screen_stack:
                del self._kept[old_key]
                self.uninstall_screen(old)
                if old.is_attached:
                    old.remove()
        return got[0]

    def start_ahead(self, screen: Screen) -> bool:
        """One step of making a kept screen (see kept_screen) ready while the reader is
        idle, without showing it: compose and mount it; lay it out at the app's size;
        draw its widgets' lines once (after they took their sizes).  Its first opening
        then costs what opening it again does.  True while steps are left.  Textual
        does these when a screen is first pushed, through private methods
        (App._register, Screen._refresh_layout, the compositor): where one is missing,
        the push does it, as before."""
        done = self._ahead.get(screen, 0)
        if done == READY:
            return False
        if not screen.is_running:
            register = getattr(self, "_register", None)
            if register is None:
                return False
            register(self, screen)
            return True
        if not screen.is_mounted:
            return True             # composing: its messages are under way
        lay_out = getattr(screen, "_refresh_layout", None)
        compositor = getattr(screen, "_compositor", None)
        if screen.is_current or lay_out is None or not hasattr(compositor, "render_update"):
            self._ahead[screen] = READY     # (opened meanwhile: drawn as it is shown)
            return False
        if done == 0 or getattr(screen, "_layout_required", False) and done < 3:
            # its widgets are told their sizes (Resize messages, handled before the next
            # step); drawing may ask for another layout (a scroll bar): up to 3 in all
            screen._layout_required = False
            lay_out(self.size)
            self._ahead[screen] = done + 1
            return True
        compositor.render_update(full=True)
        self._ahead[screen] = READY
        return False

    def redo_ahead(self, screen: Screen) -> None:
        """A screen made ahead changed while not shown: laid out and drawn again ahead."""
        if self._ahead.get(screen) == READY:
            self._ahead[screen] = 0
            if self.reader is not None:
                self.reader.screens_changed()

    def get_default_screen(self) -> Screen:
        self.reader = ReaderScreen()
        return self.reader

    def on_mount(self) -> None:
        if self.is_web:  # served: a visitor's corrections are never written on the server
            self.editor.keep_in_session()
        self._warn()
        saved = saved_beside(list(self.paths))
        if saved is not None:
            self.notify(f"This folder has corrections saved in {saved}: open that file to "
                        f"have them (synopsis {saved})", title="corrections", timeout=12)
        if self.analysis is None:
            self._started = time.monotonic()
            self.run_worker(self._work, name="analysis", thread=True, exit_on_error=False)

    def on_ready(self) -> None:
        if self.exit_after_first_frame and self.analysis is not None:
            self.exit(return_code=0)
            return
        self._settle()

    def _settle(self) -> None:
        """After start-up (and after the analysis arrived): the objects made so far live as
        long as the app, so the garbage collector stops scanning them (a full collection of
        a large analysis would be a visible pause), and idle time builds the lines."""
        gc.collect()
        gc.freeze()
        if self.reader is not None:
            self.reader.warm_up()

    # -- the analysis worker -------------------------------------------------------------
    def _work(self) -> None:
        """In the worker thread: the analysis, handed to the app as a message.  Made in
        another process (the thread only waits for it and reads the result), unless a
        cached one is there to read, or no process can be started."""
        if self._analyse is not None:
            analysis = self._analyse(self.corpus)
        else:
            from ..pipeline import cached, corrected, open_analysis

            job = self._job
            hit = cached(self.corpus) if job is None and self.use_cache else None
            if hit is not None:
                analysis = corrected(hit)
            else:
                if job is None:
                    job = self._job = AnalysisJob.start(self.corpus, cache=self.use_cache)
                if job is None:
                    analysis = open_analysis(self.corpus, cache=self.use_cache,
                                             progress=self._progressed)
                else:
                    analysis = job.result(self._progressed)
        # The engine builds a sentence's matches when first asked (on a large corpus a
        # few ms each): build those of the articles on screen here, off the UI thread, so
        # the frame that shows the marks does not stall.
        shown = self.reader.visible_articles() if self.reader is not None else []
        for a in shown:
            for s in self.corpus.articles[a].sentences:
                analysis.at(a, s.i)
        self.post_message(self.Analysed(analysis))

    async def on_event(self, event: events.Event) -> None:
        # A key, a click or the wheel while the analysis process works: it is held until
        # the frame that answers is drawn (HOLD_AT_MOST: if that frame never comes), so the
        # reader has both cores meanwhile.
        if (isinstance(event, HOLD_FOR) and self._job is not None
                and self.analysis is None):
            self._job.hold()
            self.call_after_refresh(self._job.go_on)
            self.set_timer(HOLD_AT_MOST, self._job.go_on)
        await super().on_event(event)

    def on_unmount(self) -> None:
        if self._job is not None and self.analysis is None:
            self._job.cancel()      # closed before the analysis came: the child ends too

    def _progressed(self, done: int, total: int) -> None:
        """Called by the pipeline, in the worker thread: a message for the app."""
        if total:
            self.post_message(self.Progressed(done / total))

    @on(Progressed)
    def _on_progress(self, event: Progressed) -> None:
        self._fraction = event.fraction

    @on(Analysed)
    def _on_analysed(self, event: Analysed) -> None:
        self.set_analysis(event.analysis)

    def progress_text(self) -> str:
        elapsed = time.monotonic() - self._started if self._started else 0.0
        spin = SPINNER[int(elapsed * 10) % len(SPINNER)]
        done = "" if self._fraction is None else f" {self._fraction:.0%}"
        return (f"[b]{spin} aligning {len(self.corpus.articles)} articles{done}[/b] "
                f"{elapsed:.1f} s [dim]— the panes are readable meanwhile; marks appear when "
                "it is done[/dim]")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "analysis":
            return
        if event.state == WorkerState.ERROR:
            if self.reader is not None:
                self.reader.status.busy(None)
            self.notify(f"the analysis failed: {event.worker.error}", severity="error",
                        timeout=30)
            if self.exit_after_first_frame:
                self.exit(return_code=1)

    def _warn(self) -> None:
        """Each warning once: loading's, then the corrections' that do not apply."""
        for w in self.corpus.warnings:
            if w not in self._warned:
                self._warned.add(w)
                self.notify(w, title="warning", severity="warning", timeout=8)

    def corpus_file_offer(self) -> tuple[str, tuple[str, ...]] | None:
        """Where to save a corpus file for the corrections, and what it lists, when the
        reader opened folders, files or URLs (None: nothing to offer; never when served)."""
        if not self.paths or self.editor.session_only:
            return None
        from ..engine import InputError, bundled_seeds

        try:
            seeds = bundled_seeds()
        except InputError:
            seeds = None
        return new_corpus_file(list(self.paths), seeds)

    def set_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.corpus = analysis.corpus
        self._warn()
        if self.reader is not None:
            self.reader.status.busy(None)
            self.reader.analysis_ready()
        if self.exit_after_first_frame:
            self.call_after_refresh(self.exit, return_code=0)
        else:
            self.call_after_refresh(self._settle)

    # -- command palette -----------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if isinstance(screen, ReaderScreen):
            for k in KEYS:
                if k.action.startswith("app."):
                    continue
                yield SystemCommand(k.description, f"key: {key_hint(k)}",
                                    partial(self._reader_action, k.action))
            for a, art in enumerate(self.corpus.articles):
                yield SystemCommand(f"Show source {a + 1}: {art.label}",
                                    " · ".join(p for p in (art.date, art.title) if p)
                                    or art.path, partial(self._reader_action,
                                                         f"show_source({a + 1})"),
                                    discover=a < 9)
        yield from super().get_system_commands(screen)

    async def _reader_action(self, action: str) -> None:
        if self.reader is not None:
            await self.reader.run_action(action)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
