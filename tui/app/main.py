"""Entry point of the reader: `run(paths, ...)`.  Cheap to import: the pipeline and
Textual are imported inside `run`, in the order start-up needs them."""
from __future__ import annotations

# Above these the analysis runs in another process (tui/process.py) while the panes are
# already readable; below, the first frame waits for it (the seeds: 5 articles, ~190
# sentences, ~0.1 s warm), made in another process too while this one imports Textual.
WORKER_ARTICLES = 50
WORKER_SENTENCES = 600

HEADLESS_SIZE = (200, 50)

# Textual draws a change on a grid of 1/FPS s (its screen's update timer), so the frame
# that shows a key waits up to one period after the key's work: at Textual's 60, up to
# 16.7 ms, the whole of a frame's budget.  The reader's frames cost 2-8 ms of CPU and are
# drawn only when something changed, so a finer grid costs nothing while idle.
FPS = 120


def frame_rate() -> None:
    """The reader's frame rate for Textual, unless the user chose one (TEXTUAL_FPS); it
    is read once, when Textual is imported, so this comes first."""
    import os

    os.environ.setdefault("TEXTUAL_FPS", str(FPS))


def needs_worker(corpus) -> bool:
    sentences = sum(len(a.sentences) for a in corpus.articles)
    return len(corpus.articles) > WORKER_ARTICLES or sentences > WORKER_SENTENCES


def has_entry(corpus) -> bool:
    """The analysis cache has an entry for this corpus (it may still turn out stale)."""
    from ..cache import path_of

    try:
        return path_of(corpus).is_file()
    except OSError:
        return False


def run(paths: list[str], *, no_cache: bool = False, headless: bool = False,
        exit_after_first_frame: bool = False, demo: bool = False) -> int:
    """Open the reader on `paths`; return the exit code.  Bad input raises InputError
    before any window is shown.  `demo`: for talks (more space between sentences, the
    keys in a column beside the panes)."""
    frame_rate()
    from ..pipeline import load, open_analysis
    from ..process import AnalysisFailed, AnalysisJob, spare_cores

    corpus = load(paths)
    cache = not no_cache
    analysis = job = ahead = None
    if not needs_worker(corpus):
        # a small corpus is shown analysed from the first frame.  Not in the cache, and
        # with a core to spare, another process makes it there while this one imports
        # Textual (the seeds: ~0.25 s there, ~0.2 s here, so the first frame waits ~0.06
        # s for it instead of the whole analysis); else it is made (or read) here
        if not (cache and has_entry(corpus)) and spare_cores():
            ahead = AnalysisJob.start(corpus, cache=cache)
        if ahead is None:
            analysis = open_analysis(corpus, cache=cache)
    elif not (cache and has_entry(corpus)):
        # not analysed yet: another process does it, starting now, while this one imports
        # Textual and opens the window (an entry is read by the app's worker instead)
        job = AnalysisJob.start(corpus, cache=cache)

    from .app import SynopsisApp

    if ahead is not None:
        try:
            analysis = ahead.result()
        except AnalysisFailed:      # the process failed: the analysis is made here
            analysis = open_analysis(corpus, cache=cache)

    app = SynopsisApp(corpus, analysis, use_cache=cache, job=job,
                      exit_after_first_frame=exit_after_first_frame, demo=demo, paths=paths)
    app.run(headless=headless, size=HEADLESS_SIZE if headless else None)
    return app.return_code or 0
