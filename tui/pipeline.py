"""The one way an analysis is made: load -> segment -> (cache, or the engine's stages).

`open_analysis(paths)` is what every command calls (the reader, `synopsis export`,
`synopsis serve`, the reader's worker for a large corpus): read and segment the inputs,
then the analysis from the cache when it holds this corpus under this engine, else the
engine's stages (`tui.engine.stages.STAGES`), stored for next time; last, the corrections
the corpus files hold (the cache holds the analysis before them: they are applied on every
opening, in milliseconds, so a correction shows at once and never a stale one).

No Textual and no rich here (import-linter checks it): the reader calls this before its
window exists, and from a worker thread.
"""
from __future__ import annotations

from typing import Callable, Sequence

from .engine import Analysis, Corpus

Progress = Callable[[int, int], None]       # (done, total), total last


def load(paths: Sequence[str], *, refresh: bool = False) -> Corpus:
    """load -> segment: the inputs read, segmented and described.  Raises InputError.
    `refresh`: fetch URLs again instead of reading them from the page cache."""
    from .engine.corpus import load_corpus

    return load_corpus(list(paths), refresh=refresh)


def open_analysis(paths: Sequence[str] | Corpus, *, cache: bool = True, refresh: bool = False,
                  progress: Progress | None = None) -> Analysis:
    """The analysis of `paths` (or of a corpus already loaded from them).

    `cache`: read the analysis cache and write to it (False: neither).  `refresh`: fetch
    URLs again.  `progress(done, total)`, if given, is called now and then from this
    thread while the engine works, never going back, (total, total) last.  Raises
    InputError on bad input."""
    corpus = paths if isinstance(paths, Corpus) else load(paths, refresh=refresh)
    return corrected(engine_analysis(corpus, cache=cache, progress=progress))


def cached(corpus: Corpus) -> Analysis | None:
    """The engine's analysis of the corpus from the cache, or None (not there)."""
    from . import cache as store

    return store.load(corpus)


def engine_analysis(corpus: Corpus, *, cache: bool = True,
                    progress: Progress | None = None) -> Analysis:
    """The engine's analysis, before the editor's corrections: from the cache when it
    holds it, else made by the engine's stages (and stored, with `cache`)."""
    if cache:
        hit = cached(corpus)
        if hit is not None:
            if progress is not None:
                progress(1, 1)
            return hit
    from .engine.stages import CORRECTIONS, run

    # the cache holds the engine's analysis; the corrections, applied last in a moment,
    # are applied again on every opening, so an entry never holds stale ones
    analysis = run(corpus, skip=(CORRECTIONS,), progress=progress)
    if cache:
        from . import cache as store

        store.store(analysis)
    return analysis


def corrected(analysis: Analysis) -> Analysis:
    """The analysis with the corrections its corpus holds applied (they have the last word)."""
    from .engine.stages import correction_stage

    return correction_stage(analysis, _none)


def _none(_fraction: float) -> None:
    pass
