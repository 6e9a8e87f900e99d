"""The analysis engine: pure functions over frozen dataclasses, no Textual.

    load -> segment -> align -> annotate -> view | export
"""
from __future__ import annotations

from .load import InputError, bundled_seeds
from .model import Alignment, Analysis, Article, Corpus, Match, Sentence

ENGINE_VERSION = "1"


def analyse_corpus(corpus: Corpus) -> Analysis:
    from .align import align

    return Analysis(corpus=corpus, links=align(corpus.articles))


def analyse(paths: list[str]) -> Analysis:
    """Paths (files or folders) -> the full analysis.  Raises InputError on bad input."""
    from .corpus import load_corpus

    return analyse_corpus(load_corpus(paths))


__all__ = ["Alignment", "Analysis", "Article", "Corpus", "ENGINE_VERSION", "InputError", "Match",
           "Sentence", "analyse", "analyse_corpus", "bundled_seeds"]
