"""The story first: what an analysis says at a glance, the one overview that the reader's
overview screen, ``synopsis summary`` and the Markdown report all show.

- the headlines, side by side;
- what the sources share, the statements carried by the most sources first ("in 5 of
  5", "in 4 of 5 · not in Fox News");
- what only one source has, per source (its additions, page furniture left out);
- the real disagreements: numbers, names and titles put differently in sentences the
  alignment links with confidence, and the same quotation credited to different speakers.

Every line knows where it leads (``at``: an article and a sentence), so the reader can
jump to it.  Pure: no Textual, no rich.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from ..engine.chars import fold
from ..engine.differences import quote_spans, substitutions
from ..engine.model import CONFIDENT, Analysis, Match
from .view import ReportView, additions, columns, kept, title_of

Place = tuple[int, int]                 # (article, sentence)

# A link is confident when the two sentences are the same sentence (verbatim, edited) or
# score this high: on the gold sets, links below it are often neighbouring statements.
CONFIDENT_SCORE = 75.0
KIND_NAMES = {"number": "number", "name": "name", "title": "title", "speaker": "speaker",
              "quote": "quote wording"}
KIND_ORDER = ("number", "name", "title", "speaker", "quote")


def confident(m: Match) -> bool:
    """Whether a link is sure enough to call its differences disagreements."""
    conf = getattr(m, "confidence", None)
    if conf is not None and conf < CONFIDENT:
        return False  # a weak link (engine.model.Match.confident)
    return m.relation in ("verbatim", "edited") or m.score >= CONFIDENT_SCORE


@dataclass(frozen=True)
class Headline:
    """A source's headline; a source without one shows its first sentence (`lede`)."""

    article: int
    text: str
    at: Place
    lede: bool = False


@dataclass(frozen=True)
class SharedPoint:
    """A statement two sources or more make: its wording (the most central member's),
    the sources that carry it and those that do not (in the overview's source order)."""

    group: int
    text: str
    at: Place
    sources: tuple[int, ...]
    missing: tuple[int, ...]
    places: tuple[Place, ...]           # the first member in each source carrying it


@dataclass(frozen=True)
class OnlyIn:
    article: int
    sentences: tuple[int, ...]          # its additions, in text order


@dataclass(frozen=True)
class Variant:
    words: str
    places: tuple[Place, ...]

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(a for a, _ in self.places))


@dataclass(frozen=True)
class Disagreement:
    """Sources that put one thing differently: a number, a name, a title, a quote's
    wording, or who said a quotation.  `subject`: what it is about, when that is known (the
    person a title belongs to, the quotation whose speaker differs)."""

    kind: str
    variants: tuple[Variant, ...]
    subject: str = ""

    @property
    def at(self) -> Place:
        return self.variants[0].places[0]


@dataclass(frozen=True)
class Overview:
    title: str
    sources: tuple[int, ...]
    headlines: tuple[Headline, ...]
    shared: tuple[SharedPoint, ...]
    only: tuple[OnlyIn, ...]
    disagreements: tuple[Disagreement, ...]

    def in_how_many(self, p: SharedPoint, label) -> str:
        """"in 5 of 5", "in 4 of 5 · not in Fox News" (`label(a)`: a source's name); more
        than two missing sources are counted, not named."""
        n, k = len(self.sources), len(p.sources)
        out = f"in {k} of {n}"
        if p.missing and len(p.missing) <= 2:
            out += " · not in " + ", ".join(label(a) for a in p.missing)
        return out


# ------------------------------------------------------------------ the parts

def _headline(an: Analysis, a: int) -> Headline:
    art = an.articles[a]
    head = next((s for s in art.sentences if s.role == "headline"), None)
    if head is not None:
        return Headline(a, art.title or art.shown_text(head), (a, head.i))
    lede = next((s for s in art.sentences if not s.boilerplate), None)
    if lede is None:
        return Headline(a, art.title or "", (a, 0), lede=not art.title)
    return Headline(a, art.title or art.shown_text(lede), (a, lede.i), lede=not art.title)


def _shared(an: Analysis, view: ReportView | None, cols: list[int]) -> list[SharedPoint]:
    order = {a: k for k, a in enumerate(cols)}
    out = []
    for g, group in enumerate(an.links.groups()):
        members = [(a, i) for a, i in group if a in order and kept(view, a, i)
                   and not an.articles[a].sentences[i].boilerplate]
        first: dict[int, int] = {}
        for a, i in sorted(members):
            first.setdefault(a, i)
        if len(first) < 2:
            continue
        srcs = tuple(sorted(first, key=order.__getitem__))
        places = tuple((a, first[a]) for a in srcs)
        # the wording closest to all the others
        best, best_score = places[0], -1.0
        for a, i in places:
            score = sum(m.score for m in an.at(a, i).matches if m.article in first)
            if score > best_score:
                best, best_score = (a, i), score
        art = an.articles[best[0]]
        text = art.shown_text(art.sentences[best[1]])
        missing = tuple(a for a in cols if a not in first)
        # position in the story: the mean of its members' relative places
        where = sum(i / max(1, len(an.articles[a].sentences)) for a, i in places) / len(places)
        out.append((-len(srcs), where, SharedPoint(g, text, best, srcs, missing, places)))
    out.sort(key=lambda x: (x[0], x[1]))
    return [p for _, _, p in out]


def _words(an: Analysis, a: int, span) -> str:
    return " ".join(an.articles[a].shown[span[0]:span[1]].split())


def _key(words: str) -> str:
    return " ".join(re.findall(r"\w+", fold(words)))


class _Variants:
    """Variants that pairs of sources oppose: each pair links two variants (by key: the
    words folded) with their places; linked variants make one disagreement."""

    def __init__(self) -> None:
        self.parent: dict = {}
        self.places: dict = defaultdict(set)
        self.words: dict = {}           # key -> the words as first seen

    def _root(self, x):
        while self.parent.setdefault(x, x) != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def oppose(self, x: str, wx: str, px: Place, y: str, wy: str, py: Place) -> None:
        """Variant `x` (a key; `wx`: its words) at place px, variant y at py."""
        self.words.setdefault(x, wx)
        self.words.setdefault(y, wy)
        self.places[x].add(px)
        self.places[y].add(py)
        self.parent[self._root(x)] = self._root(y)

    def disagreements(self, kind: str, subject=lambda nodes: "") -> list[Disagreement]:
        comps: dict = defaultdict(list)
        for x in list(self.parent):
            comps[self._root(x)].append(x)
        out = []
        for nodes in comps.values():
            if len(nodes) < 2:
                continue
            variants = sorted((Variant(self.words[k], tuple(sorted(self.places[k])))
                               for k in nodes),
                              key=lambda v: (-len(v.sources), v.places))
            out.append(Disagreement(kind, tuple(variants), subject(nodes)))
        return out


def _linked(an: Analysis, view: ReportView | None, cols: set[int]) -> list[Disagreement]:
    """Numbers, names, titles and quote wording that confidently linked sentences put
    differently.  A variant is the words as written; the same words in several sources
    are one variant with several places."""
    found: dict[str, _Variants] = defaultdict(_Variants)
    quotes: dict[int, tuple] = {}
    for group in an.links.groups():
        members = [(a, i) for a, i in group if a in cols and kept(view, a, i)
                   and not an.articles[a].sentences[i].boilerplate]
        for x, (a, i) in enumerate(members):
            for b, j in members[x + 1:]:
                if a == b:
                    continue
                m = an.match(a, i, b, j)
                if m is None or not confident(m) or not m.changed:
                    continue
                for q in (a, b):
                    if q not in quotes:
                        quotes[q] = quote_spans(an, q)
                by_kind: dict[str, tuple[list, list]] = {}
                for sub in substitutions(an, a, i, b, j, (quotes[a], quotes[b])):
                    if sub.kind is None:
                        continue
                    mine, theirs = by_kind.setdefault(sub.kind, ([], []))
                    mine.append(_words(an, a, sub.mine))
                    theirs.append(_words(an, b, sub.theirs))
                for kind, (mine, theirs) in by_kind.items():
                    wa, wb = " … ".join(mine), " … ".join(theirs)
                    found[kind].oppose(_key(wa), wa, (a, i), _key(wb), wb, (b, j))
    return [d for kind, v in found.items() for d in v.disagreements(kind)]


def _norm_quote(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _named(name: str, kind: str | None) -> bool:
    """A speaker named by a proper name (not "the agency", not an anonymous official; a
    person by a full name, as the speakers' canonical names are when the text gives one)."""
    if kind == "person":
        return len(name.split()) >= 2 and name[:1].isupper()
    return kind in ("organisation", "media") and name[:1].isupper()


def _may_be_one(x: str, y: str) -> bool:
    """Two speaker names that may name one speaker: one word in common ("Trump" / "Donald
    Trump", "White House" / "White House statement")."""
    wx = {w for w in re.findall(r"\w+", x.lower()) if len(w) > 2 and w != "the"}
    wy = {w for w in re.findall(r"\w+", y.lower()) if len(w) > 2 and w != "the"}
    return bool(wx & wy) or x == y


def _speakers(an: Analysis, view: ReportView | None, cols: set[int]) -> list[Disagreement]:
    """The same quotation (the same words, or one a stretch of six words or more of the
    other) explicitly credited to different named speakers in different sources."""
    from rapidfuzz import fuzz

    kinds = {sp.name: sp.kind for sp in an.speakers}
    qs = [q for q in an.quotes if q.article in cols and q.speaker and q.sentence >= 0
          and kept(view, q.article, q.sentence) and q.depth == 0
          and q.attribution == "explicit" and _named(q.speaker, kinds.get(q.speaker))]
    norm = [_norm_quote(q.text) for q in qs]
    found = _Variants()
    subjects: dict = {}
    for x, q in enumerate(qs):
        if len(norm[x].split()) < 4:
            continue
        for y in range(x + 1, len(qs)):
            r = qs[y]
            if r.article == q.article or len(norm[y].split()) < 4 \
                    or _may_be_one(q.speaker, r.speaker):
                continue
            short = min(norm[x], norm[y], key=len)
            same = fuzz.ratio(norm[x], norm[y]) >= 90 or (
                len(short.split()) >= 6 and fuzz.partial_ratio(norm[x], norm[y]) >= 95)
            if not same:
                continue
            na, nb = q.speaker, r.speaker
            found.oppose(na, na, (q.article, q.sentence), nb, nb, (r.article, r.sentence))
            subjects.setdefault(na, " ".join(min(q.text, r.text, key=len).split()))
            subjects.setdefault(nb, subjects[na])
    return found.disagreements("speaker", lambda nodes: subjects.get(nodes[0], ""))


_ABBREV = re.compile(r"\.$")


def _title_word(mention: str, name: str) -> str | None:
    """The title a mention gives a person, as its head word: the word right before the
    name ("spokeswoman Mao Ning") or after it in apposition ("Mao Ning, a spokesman")."""
    parts = name.split()
    if len(parts) < 2:
        return None
    k = mention.find(parts[-1])
    first = mention.find(parts[0])
    if k < 0 or first < 0:
        return None
    before = mention[:first].split()
    if before and re.match(r"^[A-Za-z][\w.’'-]*$", before[-1]) \
            and before[-1].lower() not in ("a", "an", "the", "by", "of"):
        return before[-1]
    m = re.match(r",\s+(?:a|an|the)\s+([A-Za-z][\w-]*)", mention[k + len(parts[-1]):])
    return m.group(1) if m else None


def _same_title(x: str, y: str) -> bool:
    """Titles that are the same word, or one the abbreviation of the other ("Sen." /
    "Senator", "Gen." / "General")."""
    x, y = _ABBREV.sub("", x.lower()), _ABBREV.sub("", y.lower())
    return x == y or (len(min(x, y, key=len)) >= 3 and max(x, y, key=len).startswith(
        min(x, y, key=len)))


def _titles(an: Analysis, view: ReportView | None, cols: set[int]) -> list[Disagreement]:
    """A person's title as each source gives it, where sources differ ("spokeswoman" /
    "spokesman"): from the words that name the speaker of each quotation."""
    kinds = {sp.name: sp.kind for sp in an.speakers}
    by_person: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for q in an.quotes:
        if not q.speaker or kinds.get(q.speaker) != "person" or q.article not in cols:
            continue
        if q.sentence < 0 or not kept(view, q.article, q.sentence):
            continue
        t = _title_word(q.mention, q.speaker)
        if t:
            by_person[q.speaker][t].add((q.article, q.sentence))
    out = []
    for person, titles in by_person.items():
        words = list(titles)
        groups: list[list[str]] = []
        for w in words:
            g = next((g for g in groups if _same_title(g[0], w)), None)
            if g is None:
                groups.append([w])
            else:
                g.append(w)
        if len(groups) < 2:
            continue
        variants = []
        for g in groups:
            places = sorted(set().union(*(titles[w] for w in g)))
            variants.append(Variant(g[0], tuple(places)))
        if len({a for v in variants for a in v.sources}) < 2:
            continue        # one source calling someone two things is not a disagreement
        variants.sort(key=lambda v: (-len(v.sources), v.places))
        out.append(Disagreement("title", tuple(variants), person))
    return out


def _disagreements(an: Analysis, view: ReportView | None, cols: list[int]
                   ) -> list[Disagreement]:
    pool = set(cols)
    found = _titles(an, view, pool) + _linked(an, view, pool) + _speakers(an, view, pool)
    # variants from one source only on both sides say nothing across sources
    found = [d for d in found if len({a for v in d.variants for a in v.sources}) >= 2]
    seen, out = set(), []
    for d in found:
        key = (d.kind, frozenset(_key(v.words) for v in d.variants))
        if key in seen:
            continue
        seen.add(key)
        out.append(d)
    order = {a: k for k, a in enumerate(cols)}
    out.sort(key=lambda d: (KIND_ORDER.index(d.kind), -sum(len(v.sources) for v in d.variants),
                            order.get(d.at[0], 0), d.at[1]))
    return out


_OVERVIEWS: "WeakKeyDictionary[object, Overview]" = WeakKeyDictionary()


def overview(an: Analysis, view: ReportView | None = None) -> Overview:
    """The overview of the analysis (with a view: of its sources and the sentences it
    keeps), in the view's source order.  The whole analysis's is made once."""
    if view is None:
        got = _OVERVIEWS.get(an.links)
        if got is not None and got.sources == tuple(range(len(an.articles))):
            return got
    cols = columns(an, view)
    got = Overview(
        title=title_of(an, view),
        sources=tuple(cols),
        headlines=tuple(_headline(an, a) for a in cols),
        shared=tuple(_shared(an, view, cols)),
        only=tuple(OnlyIn(a, tuple(additions(an, a, view))) for a in cols),
        disagreements=tuple(_disagreements(an, view, cols)))
    if view is None:
        try:
            _OVERVIEWS[an.links] = got
        except TypeError:      # links that cannot be weakly referred to: made each time
            pass
    return got
