"""The analysis engine: pure functions over frozen dataclasses, no Textual.

    load -> segment -> align -> annotate -> view | export

`corpus.load_corpus` loads and segments; `stages.STAGES` lists the stages after it;
`stored` turns an Analysis into plain data and back (the analysis cache's format).
"""
from __future__ import annotations

from .errors import InputError
from .load import bundled_seeds
from .model import Alignment, Analysis, Article, Corpus, Match, Sentence

# The engine's version: part of every analysis cache key.  Bump it when what the engine
# computes changes in a release; `engine_version()` adds a digest of the engine's code,
# so an edited engine never reads an entry an older one wrote.
ENGINE_VERSION = "2"


def engine_version() -> str:
    from .stored import code_digest

    return f"{ENGINE_VERSION}+{code_digest()}"


def analyse_corpus(corpus: Corpus, annotate: bool = True, progress=None) -> Analysis:
    """Every stage (`stages.STAGES`): align, then (unless annotate is False) annotate:
    quotes, speakers, topics.

    progress(done, total), if given, is called now and then (from the calling thread) with
    a fraction of the work as two integers; (total, total) last."""
    from .stages import ANNOTATIONS, run

    return run(corpus, skip=() if annotate else ANNOTATIONS, progress=progress)


def analyse(paths: list[str], annotate: bool = True) -> Analysis:
    """Paths (files or folders) -> the full analysis.  Raises InputError on bad input."""
    from .corpus import load_corpus

    return analyse_corpus(load_corpus(paths), annotate=annotate)


__all__ = ["Alignment", "Analysis", "Article", "Corpus", "ENGINE_VERSION", "InputError", "Match",
           "Sentence", "analyse", "analyse_corpus", "bundled_seeds", "engine_version"]
