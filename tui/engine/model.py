"""The one model of a corpus that flows through synopsis.

load -> segment -> align -> annotate -> (view | export)

Everything here is a frozen dataclass: the app reads it, nothing mutates it.
Offsets are Python ``str`` indices into ``Article.text`` (the file as read with
universal newlines), so ``article.text[s.start:s.end] == s.text`` always holds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?])")

Span = tuple[int, int]

RELATIONS = ("verbatim", "edited", "paraphrase")


def merge_spans(spans) -> tuple[Span, ...]:
    """Sorted spans with the overlapping and touching ones merged."""
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return tuple((a, b) for a, b in out)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence unit of an article."""

    i: int                      # index within the article
    start: int                  # offsets into Article.text
    end: int
    text: str                   # == Article.text[start:end]
    paragraph: int              # index of the paragraph (non-blank line) it sits in
    role: str | None = None     # page furniture: what it is ("headline", "caption", "byline" ...)
    source: str = "engine"      # who decided its role: "engine", or "user" (a correction)

    @property
    def boilerplate(self) -> bool:
        """Page furniture (headline, caption, byline, read-more, separator ...), not prose."""
        return self.role is not None


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
    user_label: str | None = None   # the name the editor gave the source (a correction)
    # other inputs with this very text (and page metadata), read once as this article:
    # (id, path) of each, in the order given
    copies: tuple[tuple[str, str], ...] = ()

    @property
    def is_web(self) -> bool:
        """Fetched from a URL (its path is the address)."""
        return self.path.lower().startswith(("http://", "https://"))

    @property
    def label(self) -> str:
        """A short name for the source: the editor's label, else its outlet, else its
        file's name (a well-known outlet's slug as the outlet, hash-like parts left out);
        never its byline."""
        from .outlets import from_filename

        return self.user_label or self.outlet or from_filename(self.id)

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
    source: str = "engine"      # who linked them: "engine", or "user" (a correction)
    confidence: float = 1.0     # 0..1: how likely the link is right (a user's link: 1)

    @property
    def confident(self) -> bool:
        """Sure enough to act on (sync panes on it); below, a weak link."""
        return self.confidence >= CONFIDENT


# A link at or above this confidence is confident; below, weak (align.confidence).
CONFIDENT = 0.6


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
        """Union of every match's changed spans, in order, overlapping ones merged."""
        return merge_spans(sp for m in self.matches for sp in m.changed)

    @property
    def relation(self) -> str | None:
        """The closest relation of the matches (verbatim > edited > paraphrase; one the
        model does not name counts as paraphrase); None for an addition."""
        if not self.matches:
            return None
        ranks = [RELATIONS.index(m.relation) if m.relation in RELATIONS else len(RELATIONS) - 1
                 for m in self.matches]
        return RELATIONS[min(ranks)]


@dataclass(frozen=True, slots=True)
class Quote:
    article: int
    start: int
    end: int
    text: str
    speaker: str | None = None
    mention: str = ""
    cue: str = ""
    sentence: int = -1          # index of the sentence the quotation opens in
    attribution: str = ""       # "explicit" | "continuation" | "inferred" | "" (no speaker)
    depth: int = 0              # 0 top-level; 1 a quote inside a quote
    source: str = "engine"      # who named its speaker: "engine", or "user" (a correction)


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    quotes: int = 0
    role: str | None = None     # titles and descriptions ("foreign ministry spokeswoman")
    source: str = "engine"      # "user": renamed or merged by a correction


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
    # what the editor said about it (tui.engine.corrections.Correction), from its corpus
    # files, in order; applied last (tui.engine.correct)
    corrections: tuple = ()
    corpus_file: str | None = None  # the corpus file the user opened (corrections go there)


class AlignmentSource(Protocol):
    """What the aligner hands the model (tui.engine.align.Links)."""

    def is_unique(self, a: int, i: int) -> bool: ...
    def group(self, a: int, i: int) -> int: ...
    def groups(self) -> list[tuple[tuple[int, int], ...]]: ...
    def alignment(self, a: int, i: int) -> Alignment: ...


@dataclass(frozen=True)
class Analysis:
    """The corpus with its alignment and annotations: what the reader shows.

    A sentence's Alignment is built when first asked for (large corpora have millions of
    matching pairs; the reader looks at a screenful) and kept."""

    corpus: Corpus
    links: AlignmentSource
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    topics: tuple[Topic, ...] = ()
    # sentence_topics[a][i] -> topic ids
    sentence_topics: tuple[tuple[tuple[str, ...], ...], ...] = field(default=())
    # the corrections applied, each with why it did not apply if it did not
    # (tui.engine.correct.Outcome); the analysis before them, to apply others to
    corrections: tuple = ()
    uncorrected: "Analysis | None" = field(default=None, compare=False, repr=False)
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.corpus.articles

    def at(self, a: int, i: int) -> Alignment:
        al = self._cache.get((a, i))
        if al is None:
            al = self._cache[(a, i)] = self.links.alignment(a, i)
        return al

    def is_unique(self, a: int, i: int) -> bool:
        """An addition: no other article states it.  Cheap (no matches are built)."""
        return self.links.is_unique(a, i)

    def group(self, a: int, i: int) -> int:
        """Id of the set of sentences, across articles, that state one thing (-1: unique)."""
        return self.links.group(a, i)

    def additions(self, a: int, furniture: bool = True) -> list[int]:
        """Indices of the sentences of article a that no other article has; with
        furniture=False, page furniture (headlines, captions, bylines ...) left out."""
        return [s.i for s in self.articles[a].sentences
                if (furniture or not s.boilerplate) and self.links.is_unique(a, s.i)]

    def prose(self, a: int) -> int:
        """How many sentences of article a are prose (not page furniture)."""
        return sum(not s.boilerplate for s in self.articles[a].sentences)

    def topics_of(self, a: int, i: int) -> tuple[str, ...]:
        if not self.sentence_topics:
            return ()
        return self.sentence_topics[a][i]

    def match(self, a: int, i: int, b: int, j: int) -> Match | None:
        """The match of sentence (a, i) that is sentence (b, j), if the two are aligned."""
        for m in self.at(a, i).matches:
            if m.article == b and m.i == j:
                return m
        return None

    def quote_counts(self, quotes=None) -> dict[str, list[int]]:
        """Per speaker name, the number of `quotes` (default: all) in each article; every
        speaker is listed."""
        n = len(self.articles)
        out: dict[str, list[int]] = {sp.name: [0] * n for sp in self.speakers}
        for q in self.quotes if quotes is None else quotes:
            if q.speaker is not None:
                out.setdefault(q.speaker, [0] * n)[q.article] += 1
        return out

    def topic_counts(self, keep=None) -> dict[str, list[int]]:
        """Per topic id, the number of sentences of each article filed under it (of those
        `keep(a, i)` keeps, if given); every topic is listed."""
        n = len(self.articles)
        out: dict[str, list[int]] = {t.id: [0] * n for t in self.topics}
        for a, rows in enumerate(self.sentence_topics):
            for i, ids in enumerate(rows):
                if keep is not None and not keep(a, i):
                    continue
                for t in ids:
                    out.setdefault(t, [0] * n)[a] += 1
        return out
