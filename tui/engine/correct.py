"""The editor's corrections applied: the last stage of the analysis.

    apply(analysis[, corrections]) -> analysis

The corrections (tui.engine.corrections) come with the corpus, from its corpus files, or
from the reader.  Each is applied in order, so a later one has the last word over an
earlier one; one that no longer fits the corpus (its article or sentence is gone, its
sentence was edited since, its speaker is no longer found) is left out and reported: its
message joins the corpus' warnings and `Analysis.corrections` holds every correction
with why it did not apply.  The analysis before them stays in `Analysis.uncorrected`, so
another set of corrections is applied to the engine's own analysis, not on top.

  label      the article's `user_label`, which `Article.label` gives first
  link       the two sentences' groups become one: each member matches the members of
             the other articles (a pair the aligner never scored gets the relation of its
             texts, score 100 for the pair the editor named, else the weakest link of the
             strongest chain of pairs joining them)
  unlink     the group is split in two: the first sentence leaves with the members closer
             to it than to the second (its own scores with them), the rest stay
  furniture  the sentence is page furniture (role "furniture", unless the engine gave it
             a more precise one): it leaves its group and takes no topic
  content    the sentence is prose (no role)
  speaker    the quotes of the first speaker are the second's: a rename, or a merge when
             the second is a speaker already

Links are changed by wrapping the aligner's links (any AlignmentSource) in
`CorrectedLinks`, which answers for the groups a correction touched and passes every
other question on; matches and word-level additions are rebuilt only for those.
"""
from __future__ import annotations

import dataclasses
import heapq
from dataclasses import dataclass

from .corrections import Correction, Unresolved, find_article, find_sentence
from .model import Alignment, Analysis, Article, Match, Quote, Span, Speaker
from .text import STOPWORDS, WORD, key
from .untrusted import one_line

USER = "user"
FURNITURE_ROLE = "furniture"
USER_SCORE = 100.0      # the score of a pair the editor linked

Key = tuple[int, int]   # (article, sentence)


@dataclass(frozen=True)
class Outcome:
    """A correction and what became of it."""

    correction: Correction
    problem: str = ""           # why it was not applied; "" when it was

    @property
    def applied(self) -> bool:
        return not self.problem

    def message(self) -> str:
        """One line: where it was read, what it is, why it does not apply."""
        c = self.correction
        head = f"{c.where}: " if c.where else ""
        return f"{head}{c.kind}: {self.problem}; not applied"


# ---------------------------------------------------------------- links

class _Regroup:
    """The aligner's groups as the corrections change them: only the groups a correction
    touches are held here, as sets; every other sentence keeps its group."""

    def __init__(self, links) -> None:
        self.links = links
        self.set_of: dict[Key, int] = {}
        self.sets: dict[int, set[Key]] = {}
        self.touched: set[int] = set()          # ids of the aligner's groups replaced
        self.user: set[frozenset] = set()       # pairs the editor linked
        self._members: dict[int, tuple[Key, ...]] | None = None
        self._next = 0

    def _base_members(self) -> dict[int, tuple[Key, ...]]:
        if self._members is None:
            self._members = {}
            for members in self.links.groups():
                self._members[self.links.group(*members[0])] = tuple(members)
            self._next = max(self._members, default=-1) + 1
        return self._members

    def _take(self, x: Key) -> int:
        """The id of x's set, made from x's group (or x alone) the first time."""
        k = self.set_of.get(x)
        if k is not None:
            return k
        groups = self._base_members()
        g = self.links.group(*x)
        members = groups.get(g, (x,)) if g >= 0 else (x,)
        if g >= 0:
            self.touched.add(g)
        return self._new(set(members))

    def _new(self, members: set[Key]) -> int:
        k = self._next
        self._next += 1
        self.sets[k] = members
        for m in members:
            self.set_of[m] = k
        return k

    def together(self, x: Key, y: Key) -> bool:
        if x in self.set_of or y in self.set_of:
            return self._take(x) == self._take(y)
        g = self.links.group(*x)
        return g >= 0 and g == self.links.group(*y)

    def link(self, x: Key, y: Key) -> None:
        kx, ky = self._take(x), self._take(y)
        if kx != ky:
            merged = self.sets.pop(kx) | self.sets.pop(ky)
            self._new(merged)
        self.user.add(frozenset((x, y)))

    def unlink(self, x: Key, y: Key, score) -> None:
        """Split x's set in two: x with the members closer to it than to y."""
        k = self._take(x)
        members = self.sets.pop(k)
        self.user.discard(frozenset((x, y)))
        mine, theirs = {x}, {y}
        for m in members - {x, y}:
            (mine if score(m, x) > score(m, y) else theirs).add(m)
        for side in (mine, theirs):
            self._new(side)

    def drop(self, x: Key) -> None:
        k = self._take(x)
        if len(self.sets[k]) > 1:
            self.sets[k].discard(x)
            self._new({x})
        self.user = {p for p in self.user if x not in p}

    def build(self, articles: tuple[Article, ...]) -> "CorrectedLinks":
        return CorrectedLinks(self.links, articles, self.set_of,
                              {k: frozenset(m) for k, m in self.sets.items()},
                              frozenset(self.touched), frozenset(self.user))


class CorrectedLinks:
    """The aligner's links with the editor's links, unlinks and furniture (an
    AlignmentSource): the groups corrections touched are answered here, every other
    question is passed on."""

    def __init__(self, links, articles: tuple[Article, ...], set_of: dict[Key, int],
                 sets: dict[int, frozenset], touched: frozenset, user: frozenset) -> None:
        self.base = links
        self._articles = articles
        self._set_of = set_of
        self._sets = sets
        self._touched = touched
        self._user = user
        self._built: dict[Key, Alignment] = {}
        self._arts = {k: len({a for a, _ in m}) for k, m in sets.items()}

    def __len__(self) -> int:
        return len(self.base)

    def is_unique(self, a: int, i: int) -> bool:
        return self.group(a, i) < 0

    def group(self, a: int, i: int) -> int:
        k = self._set_of.get((a, i))
        if k is None:
            return self.base.group(a, i)
        return k if self._arts[k] > 1 else -1

    def groups(self) -> list[tuple[tuple[int, int], ...]]:
        kept = [m for m in self.base.groups() if self.base.group(*m[0]) not in self._touched]
        return kept + [tuple(sorted(m)) for k, m in sorted(self._sets.items())
                       if self._arts[k] > 1]

    def user_linked(self, x: Key, y: Key) -> bool:
        return frozenset((x, y)) in self._user

    def alignment(self, a: int, i: int) -> Alignment:
        x = (a, i)
        k = self._set_of.get(x)
        if k is None:
            return self.base.alignment(a, i)
        al = self._built.get(x)
        if al is None:
            al = self._built[x] = self._align(x, self._sets[k])
        return al

    def _known(self, x: Key) -> dict[Key, Match]:
        """The aligner's own matches of x, by the sentence they name."""
        if self.base.is_unique(*x):
            return {}
        return {(m.article, m.i): m for m in self.base.alignment(*x).matches}

    def _align(self, x: Key, members: frozenset) -> Alignment:
        others = sorted(m for m in members if m[0] != x[0])
        if not others:
            return Alignment()
        known = self._known(x)
        matches = []
        for y in others:
            m = known.get(y)
            if m is not None:
                if self.user_linked(x, y):
                    m = dataclasses.replace(m, source=USER)
                matches.append(m)
                continue
            matches.append(Match(article=y[0], i=y[1], score=self._chain(x, y, members),
                                 relation=self._relation(x, y), source=USER))
        return Alignment(matches=tuple(matches), added=added_words(self._articles, x, others))

    def _relation(self, x: Key, y: Key) -> str:
        from .align import relation

        ax, ay = self._articles[x[0]], self._articles[y[0]]
        return relation(ax.shown_text(ax.sentences[x[1]]), ay.shown_text(ay.sentences[y[1]]))

    def _chain(self, x: Key, y: Key, members: frozenset) -> float:
        """The weakest pair of the strongest chain of linked pairs from x to y."""
        best = {x: float("inf")}
        todo = [(-best[x], x)]
        while todo:
            neg, u = heapq.heappop(todo)
            if u == y:
                return round(min(-neg, USER_SCORE), 1)
            if -neg < best.get(u, 0.0):
                continue
            edges = {v: m.score for v, m in self._known(u).items() if v in members}
            for v in members:
                if v != u and self.user_linked(u, v):
                    edges[v] = USER_SCORE
            for v, sc in edges.items():
                w = min(-neg, sc)
                if w > best.get(v, 0.0):
                    best[v] = w
                    heapq.heappush(todo, (-w, v))
        return 0.0


def added_words(articles: tuple[Article, ...], x: Key, others: list[Key]) -> tuple[Span, ...]:
    """Runs of the words of sentence x that none of `others` has (stopwords never count,
    numbers do): what Alignment.added says, for a group a correction made."""
    def words(k: Key):
        art = articles[k[0]]
        s = art.sentences[k[1]]
        return [(s.start + m.start(), s.start + m.end(), key(m.group()))
                for m in WORD.finditer(art.shown[s.start:s.end])]

    theirs = {w for o in others for _, _, w in words(o)}
    out: list[list[int]] = []
    last = -1
    for n, (start, end, w) in enumerate(words(x)):
        if (w in STOPWORDS and not w.isdigit()) or w in theirs:
            continue
        if out and last == n - 1:
            out[-1][1] = end
        else:
            out.append([start, end])
        last = n
    return tuple((a, b) for a, b in out)


# ---------------------------------------------------------------- speakers

def _find_speaker(speakers: list[Speaker], name: str) -> int | None:
    for test in (lambda sp: sp.name == name,
                 lambda sp: sp.name.casefold() == name.casefold()):
        hits = [k for k, sp in enumerate(speakers) if test(sp)]
        if hits:
            return hits[0]
    hits = [k for k, sp in enumerate(speakers)
            if any(al.casefold() == name.casefold() for al in sp.aliases)]
    return hits[0] if len(hits) == 1 else None


def _rename(speakers: list[Speaker], quotes: list[Quote], old: str, new: str) -> str:
    """Apply one speaker correction in place; the problem, or ""."""
    k = _find_speaker(speakers, old)
    t = _find_speaker(speakers, new)
    if k is None:
        if t is not None and speakers[t].name == new and any(
                al.casefold() == old.casefold() for al in speakers[t].aliases):
            return ""   # the engine already names them as one
        return f'no speaker "{old}" in this corpus'
    src = speakers[k]
    aliases = list(src.aliases)
    if src.name not in aliases:
        aliases.append(src.name)
    if t is not None and t != k:
        dst = speakers[t]
        merged = dataclasses.replace(
            dst, aliases=tuple(dict.fromkeys(dst.aliases + tuple(aliases))),
            quotes=dst.quotes + src.quotes, role=dst.role or src.role, source=USER)
        speakers[t] = merged
        del speakers[k]
        name = dst.name
    else:
        if src.name == new:
            return ""
        speakers[k] = dataclasses.replace(src, name=new, source=USER,
                                          aliases=tuple(a for a in aliases if a != new))
        name = new
    for n, q in enumerate(quotes):
        if q.speaker == src.name:
            quotes[n] = dataclasses.replace(q, speaker=name, source=USER)
    return ""


# ---------------------------------------------------------------- the stage

def apply(an: Analysis, corrections=None) -> Analysis:
    """The analysis with `corrections` applied (default: the corpus'), in order, to the
    engine's analysis (`an.uncorrected` when `an` was corrected before)."""
    base = an.uncorrected or an
    cs = tuple(base.corpus.corrections if corrections is None else corrections)
    if not cs and an.uncorrected is None and not an.corpus.corrections:
        return an
    arts = base.articles
    labels: dict[int, str] = {}
    roles: dict[Key, str | None] = {}
    regroup = _Regroup(base.links)
    speakers = list(base.speakers)
    quotes = list(base.quotes)
    outcomes = []
    scores: dict[Key, dict[Key, float]] = {}

    def score(m: Key, x: Key) -> float:
        if x not in scores:
            al = base.links.alignment(*x) if not base.links.is_unique(*x) else Alignment()
            scores[x] = {(t.article, t.i): t.score for t in al.matches}
        if frozenset((m, x)) in regroup.user:
            return USER_SCORE
        return scores[x].get(m, 0.0)

    def sentence(ref, c: Correction) -> Key:
        a = find_article(arts, ref.article, c.base)
        return a, find_sentence(arts[a], ref)

    for c in cs:
        try:
            if c.kind == "label":
                labels[find_article(arts, c.names[0], c.base)] = c.names[1]
            elif c.kind == "speaker":
                problem = _rename(speakers, quotes, *c.names)
                if problem:
                    raise Unresolved(problem)
            elif c.kind in ("link", "unlink"):
                x, y = (sentence(r, c) for r in c.sentences)
                if x[0] == y[0]:
                    raise Unresolved("both sentences are in one article; a link joins "
                                     "sentences of two")
                if c.kind == "link":
                    regroup.link(x, y)
                elif regroup.together(x, y):
                    regroup.unlink(x, y, score)
                else:
                    raise Unresolved("these sentences are not linked; nothing to unlink")
            else:
                x = sentence(c.sentences[0], c)
                s = arts[x[0]].sentences[x[1]]
                if c.kind == "furniture":
                    roles[x] = s.role or FURNITURE_ROLE
                    regroup.drop(x)
                else:
                    roles[x] = None
        except Unresolved as e:
            outcomes.append(Outcome(c, str(e)))
            continue
        outcomes.append(Outcome(c))

    articles = list(arts)
    by_article: dict[int, dict[int, str | None]] = {}
    for (a, i), role in roles.items():
        by_article.setdefault(a, {})[i] = role
    for a, art in enumerate(arts):
        changes = {}
        if a in by_article:
            sents = tuple(dataclasses.replace(s, role=by_article[a][s.i], source=USER)
                          if s.i in by_article[a] else s for s in art.sentences)
            changes["sentences"] = sents
        if a in labels:
            changes["user_label"] = labels[a]
        if changes:
            articles[a] = dataclasses.replace(art, **changes)
    articles = tuple(articles)
    sentence_topics = base.sentence_topics
    furniture = [x for x, role in roles.items() if role is not None]
    if furniture and sentence_topics:
        rows = [list(r) for r in sentence_topics]
        for a, i in furniture:
            rows[a][i] = ()
        sentence_topics = tuple(tuple(r) for r in rows)
    problems = tuple(one_line(o.message()) for o in outcomes if not o.applied)
    corpus = dataclasses.replace(base.corpus, articles=articles, corrections=cs,
                                 warnings=base.corpus.warnings + problems)
    links = regroup.build(articles) if regroup.sets else base.links
    if speakers != list(base.speakers):
        speakers.sort(key=lambda sp: (-sp.quotes, sp.name))
    return dataclasses.replace(base, corpus=corpus, links=links, quotes=tuple(quotes),
                               speakers=tuple(speakers), sentence_topics=sentence_topics,
                               corrections=tuple(outcomes), uncorrected=base, _cache={})
