"""The one model of a corpus that flows through synopsis.

load -> segment -> align -> annotate -> (view | export)

Everything here is a frozen dataclass: the app reads it, nothing mutates it.
Offsets are Python ``str`` indices into ``Article.text`` (the file as read with
universal newlines), so ``article.text[s.start:s.end] == s.text`` always holds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?])")

Span = tuple[int, int]

RELATIONS = ("verbatim", "edited", "paraphrase")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence unit of an article."""

    i: int                      # index within the article
    start: int                  # offsets into Article.text
    end: int
    text: str                   # == Article.text[start:end]
    paragraph: int              # index of the paragraph (non-blank line) it sits in
    boilerplate: bool = False   # headline, caption, byline, read-more, separator ...
    role: str | None = None     # why it is boilerplate ("headline", "caption", ...)


@dataclass(frozen=True, slots=True)
class Article:
    """One source text, segmented."""

    id: str                     # file stem, unique in the corpus
    path: str                   # as given on the command line (or bundled path)
    text: str                   # decoded text, universal newlines
    shown: str                  # same length as text; markup replaced by spaces
    title: str | None = None
    outlet: str | None = None
    date: str | None = None     # ISO date
    byline: str | None = None
    wire: str | None = None     # "Reuters contributed to this report" -> "Reuters"
    encoding: str = "utf-8"
    fmt: str = "text"           # "text" | "markdown"
    sentences: tuple[Sentence, ...] = ()

    @property
    def label(self) -> str:
        """A short name for the source: its outlet, else its id."""
        return self.outlet or self.id

    def shown_text(self, s: Sentence) -> str:
        """The sentence as the reader shows it (markup hidden, spaces folded)."""
        t = " ".join(self.shown[s.start:s.end].split())
        if self.fmt == "markdown":  # "[Monday](url)." leaves a space before the period
            t = _SPACE_BEFORE_PUNCT.sub(r"\1", t)
        return t


@dataclass(frozen=True, slots=True)
class Match:
    """A sentence of another article that states the same thing."""

    article: int                # index of the other article in Corpus.articles
    i: int                      # sentence index in that article
    score: float                # 0..100
    relation: str               # "verbatim" | "edited" | "paraphrase"
    changed: tuple[Span, ...] = ()   # words of THIS sentence that the match words differently


@dataclass(frozen=True, slots=True)
class Alignment:
    """What one sentence shares with the rest of the corpus."""

    matches: tuple[Match, ...] = ()
    added: tuple[Span, ...] = ()     # words of this sentence none of its matches have

    @property
    def unique(self) -> bool:
        return not self.matches

    @property
    def changed(self) -> tuple[Span, ...]:
        """Union of every match's changed spans, in order."""
        spans = sorted({sp for m in self.matches for sp in m.changed})
        return tuple(spans)


@dataclass(frozen=True, slots=True)
class Quote:
    article: int
    start: int
    end: int
    text: str
    speaker: str | None = None
    mention: str = ""
    cue: str = ""


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    quotes: int = 0


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    label: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Corpus:
    """Loaded and segmented articles, plus what loading had to say."""

    articles: tuple[Article, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """The corpus with its alignment and annotations: what the reader shows."""

    corpus: Corpus
    # alignment[a][i] for sentence i of article a
    alignment: tuple[tuple[Alignment, ...], ...]
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    topics: tuple[Topic, ...] = ()
    # sentence_topics[a][i] -> topic ids
    sentence_topics: tuple[tuple[tuple[str, ...], ...], ...] = field(default=())

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.corpus.articles

    def at(self, a: int, i: int) -> Alignment:
        return self.alignment[a][i]

    def additions(self, a: int) -> list[int]:
        """Indices of the sentences of article a that no other article has."""
        return [i for i, al in enumerate(self.alignment[a]) if al.unique]

    def topics_of(self, a: int, i: int) -> tuple[str, ...]:
        if not self.sentence_topics:
            return ()
        return self.sentence_topics[a][i]
