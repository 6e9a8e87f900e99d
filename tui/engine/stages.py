"""The analysis as a list of stages: segment -> align -> annotate -> correct.

Loading and segmenting make the Corpus (`corpus.load_corpus`); from there every stage has
one shape: a function from the analysis so far to the next, told how far it has got
through `progress(fraction)`.  `STAGES` names them in order with their share of the work
(for a progress bar); `run` walks the list.  Adding a stage is one function and one line
in `STAGES`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable

from .collector import paused
from .model import Alignment, Analysis, Corpus

Progress = Callable[[float], None]          # fraction of a stage done, 0..1


class Unaligned:
    """The links of an analysis before alignment: every sentence stands alone."""

    def __len__(self) -> int:
        return 0

    def is_unique(self, a: int, i: int) -> bool:
        return True

    def group(self, a: int, i: int) -> int:
        return -1

    def groups(self) -> list[tuple[tuple[int, int], ...]]:
        return []

    def alignment(self, a: int, i: int) -> Alignment:
        return Alignment()


def start(corpus: Corpus) -> Analysis:
    """The analysis before any stage: the corpus, nothing aligned or annotated."""
    return Analysis(corpus=corpus, links=Unaligned())


def align_stage(an: Analysis, progress: Progress) -> Analysis:
    """Which sentences of different articles state the same thing (align.py)."""
    from .align import align

    n = max(1, sum(len(a.sentences) for a in an.articles))
    # the aligner counts sentences of its copy pass, the first 3/4 of its work
    links = align(an.articles, lambda done, _total: progress(0.75 * min(1.0, done / n)))
    return dataclasses.replace(an, links=links)


def quote_stage(an: Analysis, progress: Progress) -> Analysis:
    """Quotations and who said them (quotes.py)."""
    from .quotes import find_quotes

    quotes, speakers = find_quotes(an.articles)
    return dataclasses.replace(an, quotes=quotes, speakers=speakers)


def topic_stage(an: Analysis, progress: Progress) -> Analysis:
    """What the corpus is about, and the sentences of each topic (topics.py)."""
    from .topics import find_topics

    topics, sentence_topics = find_topics(an)
    return dataclasses.replace(an, topics=topics, sentence_topics=sentence_topics)


def correction_stage(an: Analysis, progress: Progress) -> Analysis:
    """The editor's corrections from the corpus file, last: they have the last word
    (correct.py)."""
    if not an.corpus.corrections:
        return an
    from .correct import apply

    return apply(an)


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Analysis, Progress], Analysis]
    share: float                # of the whole analysis' work, for progress


STAGES: tuple[Stage, ...] = (
    Stage("align", align_stage, 0.6),
    Stage("quotes", quote_stage, 0.1),
    Stage("topics", topic_stage, 0.3),
    Stage("corrections", correction_stage, 0.001),
)
ANNOTATIONS = ("quotes", "topics")       # the stages after alignment
CORRECTIONS = "corrections"              # the last: what the analysis cache does not hold

STEPS = 1000                              # progress is reported as (done, STEPS)


def run(corpus: Corpus, *, skip: tuple[str, ...] = (),
        progress: Callable[[int, int], None] | None = None) -> Analysis:
    """Every stage but those named in `skip`, in order.  progress(done, total), if given,
    is called now and then from this thread, never going back, (total, total) last."""
    stages = [st for st in STAGES if st.name not in skip]
    total = sum(st.share for st in stages) or 1.0
    done = 0.0
    last = [0]

    def report(value: float) -> None:
        step = min(STEPS, int(STEPS * value / total))
        if progress is not None and step >= last[0]:
            last[0] = step
            progress(step, STEPS)

    an = start(corpus)
    with paused():   # the stages make millions of small objects and no cycles (collector.py)
        for st in stages:
            an = st.run(an, lambda f, before=done, share=st.share: report(before + share * f))
            done += st.share
            report(done)
    if progress is not None and last[0] < STEPS:
        progress(STEPS, STEPS)
    return an
