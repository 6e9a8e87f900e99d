"""Cross-source alignment: which sentences of different articles state the same thing.

The method combines evidence; no single similarity decides.

1. Features.  Each sentence becomes a set of word families (snowball stem of the
   spelling-folded word, cut to 5 letters: verify/verification/verifying meet),
   weighted by rarity (IDF over the corpus's sentences).
2. Candidates (blocking).  An inverted index over the families yields, for
   each sentence, the sentences of other articles that share any family rarer
   than a cap; the accumulated weights are the weighted overlap itself.  On a
   small corpus the cap is off, so every pair with a shared word is scored.
3. Pair score in 0..1, from several signals: weighted Dice, weighted
   containment (for a sentence merged into, or split out of, a longer one),
   two rapidfuzz scorers on the word strings (edit-level copying), and a bonus
   for shared rare phrases (bigrams).
4. Context.  A pair whose neighbours (previous/next sentences in both articles)
   also pair up gains support: copied passages keep their order.
5. Consistency.  Sentences are grouped agglomeratively: two groups merge when
   the summed evidence over all their cross-article pairs is positive (pairs
   never scored count as evidence against), so A~B and B~C pull C towards A only
   when the rest of the group agrees.  Matches are the cross-article pairs inside
   a group whose own score clears a floor.
"""
from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from .places import PLACE, fold_places
from .model import Article, Alignment, Match, Span
from .text import STOPWORDS, WORD, key, loose, normal

FAMILY = 5            # letters kept of a stem: a word family
# Sentences scored per article pair before blocking is used (all pairs below this).
ALL_PAIRS_LIMIT = 6000

PARAMS = {
    "threshold": 0.45,   # evidence threshold: above speaks for "same", below against
    "floor": 0.2,       # a pair inside a group is a match only if its own score reaches this
    "context": 0.15,     # weight of neighbour support
    "mutual": 0.1,      # bonus when each is the other's best partner in its article
    "rival": 0.3,       # penalty scale when a better partner exists in the same article
    "missing": 0.25,      # how strongly an unscored pair inside a group speaks against it
    "cont_min": 0.7,     # containment below this earns nothing
    "cont_base": 0.4,   # containment credit for a tiny sentence ...
    "cont_len": 0.4,     # ... plus this much for a sentence of full weight
}


@dataclass(slots=True)
class _Sent:
    a: int          # article index
    i: int          # sentence index
    fams: dict      # family -> weight (filled once IDF is known)
    weight: float
    loose: str
    normal: str
    bigrams: frozenset
    boiler: bool


def _families(text: str) -> list[str]:
    out = []
    for m in WORD.finditer(fold_places(text)):
        w = m.group()
        place = PLACE.get(w.lower())
        if place:
            out.append(place)
            continue
        k = key(w)
        if k.isdigit():
            out.append(k)
        elif k not in STOPWORDS and len(k) > 1:
            out.append(k[:FAMILY])
    return out


def _prepare(articles: tuple[Article, ...]) -> list[_Sent]:
    sents: list[_Sent] = []
    raw: list[list[str]] = []
    for a, art in enumerate(articles):
        for s in art.sentences:
            shown = art.shown_text(s)
            fams = _families(shown)
            raw.append(fams)
            bigr = frozenset(zip(fams, fams[1:]))
            sents.append(_Sent(a, s.i, {}, 0.0, loose(shown), normal(shown), bigr, s.boilerplate))
    df: dict[str, int] = defaultdict(int)
    for fams in raw:
        for f in set(fams):
            df[f] += 1
    n = len(sents)
    for st, fams in zip(sents, raw):
        st.fams = {f: math.log((n + 1) / (df[f] + 0.5)) for f in set(fams)}
        st.weight = sum(st.fams.values())
    return sents


def _candidates(sents: list[_Sent]) -> dict[tuple[int, int], float]:
    """(x, y) with x < y in different articles -> weighted overlap of their families."""
    n = len(sents)
    postings: dict[str, list[int]] = defaultdict(list)
    for x, st in enumerate(sents):
        for f in st.fams:
            postings[f].append(x)
    cap = n if n <= ALL_PAIRS_LIMIT else max(50, int(4 * math.sqrt(n)))
    acc: dict[tuple[int, int], float] = defaultdict(float)
    for f, post in postings.items():
        if len(post) < 2 or len(post) > cap:
            continue
        w = sents[post[0]].fams[f]
        for p, x in enumerate(post):
            ax = sents[x].a
            for y in post[p + 1:]:
                if sents[y].a != ax:
                    acc[(x, y)] += w
    if cap < n:
        # families too common for the index still count towards the overlap
        for (x, y) in acc:
            fx, fy = sents[x].fams, sents[y].fams
            common = [f for f in fx if f in fy and len(postings[f]) > cap]
            acc[(x, y)] += sum(fx[f] for f in common)
    return acc


def pair_score(sx: _Sent, sy: _Sent, overlap: float) -> float:
    """How strongly two sentences state the same thing, 0..1."""
    if sx.normal == sy.normal:
        return 1.0
    wx, wy = sx.weight, sy.weight
    if wx <= 0 or wy <= 0:
        return 0.0
    dice = 2 * overlap / (wx + wy)
    small = min(wx, wy)
    # containment: all of a short sentence inside a long one (merged / split / headline)
    cont = overlap / small
    cont_w = min(1.0, small / 18.0)  # a two-word heading contained anywhere proves little
    lexical = max(dice, cont * (PARAMS["cont_base"] + PARAMS["cont_len"] * cont_w)
                  if cont >= PARAMS["cont_min"] else 0.0)
    # copying at the character level: edits keep long runs of identical text
    ratio = fuzz.ratio(sx.loose, sy.loose) / 100.0
    edit = max(0.0, (ratio - 0.45) / 0.55)
    # shared rare phrases
    if sx.bigrams and sy.bigrams:
        shared = len(sx.bigrams & sy.bigrams)
        phrase = min(1.0, shared / 4.0)
    else:
        phrase = 0.0
    score = max(lexical, edit) + 0.15 * phrase * (1 - max(lexical, edit))
    return min(1.0, score)


class _Groups:
    """Agglomerative grouping by summed evidence."""

    def __init__(self, n: int):
        self.members: dict[int, list[int]] = {x: [x] for x in range(n)}
        self.where = list(range(n))

    def evidence(self, ga: int, gb: int, score, arts, threshold: float) -> float:
        tot = 0.0
        for u in self.members[ga]:
            for v in self.members[gb]:
                if arts[u] == arts[v]:
                    continue
                v_ = score(u, v)
                tot += (v_ - threshold) if v_ > 0 else -threshold * PARAMS["missing"]
        return tot

    def merge(self, ga: int, gb: int) -> None:
        if len(self.members[ga]) < len(self.members[gb]):
            ga, gb = gb, ga
        for u in self.members[gb]:
            self.where[u] = ga
        self.members[ga].extend(self.members.pop(gb))


def align(articles: tuple[Article, ...]) -> tuple[tuple[Alignment, ...], ...]:
    sents = _prepare(articles)
    n = len(sents)
    overlaps = _candidates(sents)
    base: dict[tuple[int, int], float] = {}
    for (x, y), o in overlaps.items():
        s = pair_score(sents[x], sents[y], o)
        if s > 0.05:
            base[(x, y)] = s
    # identical texts share no weighted family only when they have no words at all
    # ("***"); those pair through their normal form
    by_norm: dict[str, list[int]] = defaultdict(list)
    for x, st in enumerate(sents):
        if not st.fams and st.normal:
            by_norm[st.normal].append(x)
    for xs in by_norm.values():
        for p, x in enumerate(xs):
            for y in xs[p + 1:]:
                if sents[x].a != sents[y].a:
                    base[(x, y)] = 1.0

    index = {(st.a, st.i): x for x, st in enumerate(sents)}

    def b(x: int, y: int) -> float:
        return base.get((x, y) if x < y else (y, x), 0.0)

    threshold = PARAMS["threshold"]
    # context: neighbours that pair up in the same order
    ctx: dict[tuple[int, int], float] = {}
    for (x, y), s in base.items():
        sx, sy = sents[x], sents[y]
        support = 0.0
        for d in (-1, 1):
            nx = index.get((sx.a, sx.i + d))
            ny = index.get((sy.a, sy.i + d))
            if nx is not None and ny is not None:
                support = max(support, b(nx, ny))
        ctx[(x, y)] = min(1.0, s + PARAMS["context"] * max(0.0, support - threshold) / (1 - threshold))
    # competition: a sentence usually has one counterpart per other article
    best: dict[tuple[int, int], float] = defaultdict(float)
    for (x, y), s in ctx.items():
        if s > best[(x, sents[y].a)]:
            best[(x, sents[y].a)] = s
        if s > best[(y, sents[x].a)]:
            best[(y, sents[x].a)] = s
    scores: dict[tuple[int, int], float] = {}
    for (x, y), s in ctx.items():
        rx = s / best[(x, sents[y].a)]
        ry = s / best[(y, sents[x].a)]
        if rx >= 1.0 and ry >= 1.0:
            s = s + PARAMS["mutual"]
        else:
            s = s - PARAMS["rival"] * (2.0 - rx - ry)
        scores[(x, y)] = max(0.001, min(1.0, s))

    def sc(x: int, y: int) -> float:
        return scores.get((x, y) if x < y else (y, x), 0.0)

    arts = [st.a for st in sents]
    groups = _Groups(n)
    heap = [(-s, x, y) for (x, y), s in scores.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        _, x, y = heapq.heappop(heap)
        ga, gb = groups.where[x], groups.where[y]
        if ga == gb:
            continue
        if groups.evidence(ga, gb, sc, arts, threshold) > 0:
            groups.merge(ga, gb)

    links: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for members in groups.members.values():
        if len(members) < 2:
            continue
        for p, u in enumerate(members):
            for v in members[p + 1:]:
                if arts[u] == arts[v]:
                    continue
                s = sc(u, v)
                if s >= PARAMS["floor"]:
                    links[u].append((v, s))
                    links[v].append((u, s))
    return _annotate(articles, sents, links)


# ---------------------------------------------------------------- word level

def _word_spans(art: Article, start: int, end: int) -> list[tuple[int, int, str]]:
    seg = art.shown[start:end]
    return [(start + m.start(), start + m.end(), key(m.group())) for m in WORD.finditer(seg)]


def relation(a_text: str, b_text: str) -> str:
    if normal(a_text) == normal(b_text):
        return "verbatim"
    ka = [key(w) for w in WORD.findall(a_text)]
    kb = [key(w) for w in WORD.findall(b_text)]
    if not ka or not kb:
        return "paraphrase"
    sim = Indel.normalized_similarity(ka, kb)
    shorter = min(len(ka), len(kb))
    lcs = (len(ka) + len(kb) - Indel.distance(ka, kb)) / 2
    if sim >= 0.8 or (shorter >= 5 and lcs / shorter >= 0.85):
        return "edited"
    return "paraphrase"


def _runs(flags: list[bool], spans: list[tuple[int, int, str]]) -> tuple[Span, ...]:
    """Merge flagged words into runs; a stopword between two flagged words joins them."""
    out: list[list[int]] = []
    k = 0
    n = len(spans)
    while k < n:
        if not flags[k]:
            k += 1
            continue
        s0, e0 = spans[k][0], spans[k][1]
        j = k + 1
        while j < n:
            if flags[j]:
                e0 = spans[j][1]
                j += 1
                continue
            # bridge over stopwords if a flagged word follows
            m = j
            while m < n and not flags[m] and spans[m][2] in STOPWORDS:
                m += 1
            if m < n and flags[m] and m > j:
                e0 = spans[m][1]
                j = m + 1
                continue
            break
        out.append([s0, e0])
        k = j
    return tuple((a, b) for a, b in out)


def _changed(mine: list[tuple[int, int, str]], theirs: list[tuple[int, int, str]]) -> tuple[Span, ...]:
    """Words of mine replaced by other words in theirs (short substitutions only:
    numbers, names, a quote's wording), not whole reworded clauses."""
    ka = [k for _, _, k in mine]
    kb = [k for _, _, k in theirs]
    if not ka or not kb:
        return ()
    out: list[Span] = []
    for op in _opcodes(ka, kb):
        tag, a0, a1, b0, b1 = op
        if tag != "replace":
            continue
        if a1 - a0 > 4 or b1 - b0 > 4:
            continue
        seg = [w for w in mine[a0:a1] if w[2] not in STOPWORDS or w[2].isdigit()]
        if not seg:
            continue
        out.append((mine[a0][0], mine[a1 - 1][1]))
    return tuple(out)


def _opcodes(ka: list[str], kb: list[str]):
    for op in Levenshtein.opcodes(ka, kb):
        yield op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end


def _annotate(articles, sents, links) -> tuple[tuple[Alignment, ...], ...]:
    spans_cache: dict[int, list[tuple[int, int, str]]] = {}
    texts = {}

    def spans_of(x: int):
        if x not in spans_cache:
            st = sents[x]
            s = articles[st.a].sentences[st.i]
            spans_cache[x] = _word_spans(articles[st.a], s.start, s.end)
            texts[x] = articles[st.a].shown_text(s)
        return spans_cache[x]

    out: list[list[Alignment]] = [[Alignment() for _ in art.sentences] for art in articles]
    for x, lst in links.items():
        st = sents[x]
        mine = spans_of(x)
        union: set[str] = set()
        matches = []
        for y, s in sorted(lst, key=lambda t: (sents[t[0]].a, sents[t[0]].i)):
            theirs = spans_of(y)
            union.update(k for _, _, k in theirs)
            matches.append(Match(article=sents[y].a, i=sents[y].i, score=round(100 * s, 1),
                                 relation=relation(texts[x], texts[y]),
                                 changed=_changed(mine, theirs)))
        flags = [k not in union and (k not in STOPWORDS or k.isdigit()) for _, _, k in mine]
        out[st.a][st.i] = Alignment(matches=tuple(matches), added=_runs(flags, mine))
    return tuple(tuple(r) for r in out)
