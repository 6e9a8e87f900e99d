"""The analysis engine: pure functions over frozen dataclasses, no Textual.

    load -> segment -> align -> annotate -> view | export
"""
from __future__ import annotations

from .load import InputError, bundled_seeds
from .model import Alignment, Analysis, Article, Corpus, Match, Sentence

ENGINE_VERSION = "1"


def analyse_corpus(corpus: Corpus, annotate: bool = True, progress=None) -> Analysis:
    """align, then (unless annotate is False) annotate: quotes, speakers, topics.

    progress(done, total), if given, is called now and then (from the calling thread) with
    a fraction of the work as two integers; (total, total) last."""
    from .align import align

    steps = 100
    n = max(1, sum(len(a.sentences) for a in corpus.articles))

    def on_align(done: int, _total: int) -> None:
        if progress is not None:  # copies pass: the first 60 % of the work
            progress(min(60, 60 * done // n), steps)

    an = Analysis(corpus=corpus, links=align(corpus.articles, on_align))
    if progress is not None:
        progress(80, steps)
    if annotate:
        an = annotate_analysis(an)
    if progress is not None:
        progress(steps, steps)
    return an


def annotate_analysis(an: Analysis) -> Analysis:
    """The annotation stage on an aligned corpus: quotes and speakers, topics."""
    import dataclasses

    from .quotes import find_quotes
    from .topics import find_topics

    quotes, speakers = find_quotes(an.articles)
    topics, sentence_topics = find_topics(an)
    return dataclasses.replace(an, quotes=quotes, speakers=speakers, topics=topics,
                               sentence_topics=sentence_topics)


def analyse(paths: list[str], annotate: bool = True) -> Analysis:
    """Paths (files or folders) -> the full analysis.  Raises InputError on bad input."""
    from .corpus import load_corpus

    return analyse_corpus(load_corpus(paths), annotate=annotate)


__all__ = ["Alignment", "Analysis", "Article", "Corpus", "ENGINE_VERSION", "InputError", "Match",
           "Sentence", "analyse", "analyse_corpus", "annotate_analysis", "bundled_seeds"]
