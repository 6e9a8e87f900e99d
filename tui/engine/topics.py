"""Topics: group a corpus's content into a handful of labelled themes.

The alignment already says which sentences of different articles state one thing; a
topic is a set of such statements that are about one matter.

1. Units.  Every alignment group is one unit (a "passage": all its members, in every
   article, get the same topic); every other sentence is a unit of its own.  Units
   made only of boilerplate (headlines, captions, bylines no one else has) stay out
   of the clustering and take the topic they resemble most, if they resemble one.
2. Words.  A unit is a bag of word families (snowball stem of the spelling-folded word,
   country names folded: "Beijing"/"Chinese" -> china), each weighted by rarity over
   the units (IDF).  A group's words are weighted by the share of its members that use
   them, read from a handful of its distinct members (copies add nothing).
3. Context.  Neighbouring sentences of an article tend to be about one thing: a unit's
   vector is smoothed with its neighbours' (in every article it occurs in), and
   neighbours get a direct bonus in the similarity.
4. Graph and clusters.  Each unit keeps its strongest similarities (found through an
   inverted index that leaves the commonest words out of candidate generation on large
   inputs), plus its neighbours.  Greedy modularity agglomeration (merge the pair of
   clusters that most raises modularity) runs down to a target count that grows with
   the number of units; then a few rounds of spherical k-means, with a vote of each
   unit's article neighbours, move units to the topic they fit best.  Clusters too
   small to be a topic join the one they resemble most.
5. Labels.  The most distinctive words and two-word phrases of a topic against the
   rest of the corpus (frequent inside, rare outside), names preferred and verbs
   avoided, shown in their commonest spelling; the label is the best one or two.

Deterministic: every loop runs in corpus order and ties break on indices.  No
dependency beyond the standard library and the word helpers of .text.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict

from .model import Analysis, Topic
from .places import PLACE, fold_places
from .text import STOPWORDS, WORD, key

SAMPLE = 6            # distinct members of a group read for its words
NEIGHBOURS = 10       # strongest similarity edges kept per unit
POSTING_CAP = 400     # above this many units, families in more units than a cap are
#                       left out of candidate generation (their weight still counts)
ROUNDS = 10           # k-means refinement rounds at most
VEC_MAX = 60          # features kept of a context-smoothed vector
CENTROID_MAX = 300    # features kept of a topic's centroid
QUERY_MAX = 10        # a unit's heaviest features looked up in the index (large inputs)
CLUSTER_LIMIT = 1500  # content units clustered through the graph; the rest are assigned

PARAMS = {
    "smooth": 0.25,      # weight of the neighbours' words in a unit's vector
    "adjacent": 0.2,     # similarity bonus for units that are neighbours in an article
    "paragraph": 1.0,    # adjacency weight of neighbours in one paragraph ...
    "across": 0.6,       # ... and across a paragraph break
    "resolution": 1.0,   # modularity resolution: above 1 holds large clusters back
    "broken": 0.5,       # ... and across a boilerplate line (subheading, caption)
    "vote": 0.3,         # weight of the neighbours' topics when refining
    "min_size": 3,       # a cluster of fewer sentences than this is not a topic
    "boiler_min": 0.15,  # similarity a boilerplate unit needs to take a topic
}

# multi-word place keys (places.fold_places) as a label shows them
_PLACE_SHOWN = {"usa": "US", "uk": "UK", "eu": "EU", "northkorea": "North Korea",
                "southkorea": "South Korea", "southafrica": "South Africa",
                "saudi": "Saudi Arabia", "delhi": "New Delhi"}

# words that make poor labels: reporting verbs, days, vague nouns
_LABEL_STOP = frozenset(key(w) for w in """
announce announced announcement statement statements report reports reported reportedly
official officials spokesman spokeswoman spokesperson source sources people thing things
monday tuesday wednesday thursday friday saturday sunday week weeks day days year years
today yesterday earlier later time times new include included including make made take
taken give given go going come came use used like know known want think way last first
next expect expected continue continued clear clearly told called call calls issue
matter situation part lot number several many much well really already
best better good great high higher low large small big due able likely possible pose side
sides enter help similar strong stronger recent current immediate near far major whole
sure real certain different ever never seen show shows need needs keep put get got let
""".split())


# ------------------------------------------------------------------ public API

def target_count(n_units: int) -> int:
    """How many topics for a corpus of n content units: about 9 for five articles of 40
    sentences, growing with the square root of the size, at most 30."""
    if n_units <= 0:
        return 0
    return max(1, min(n_units, 30, round(0.9 * math.sqrt(n_units))))


def find_topics(analysis: Analysis
                ) -> tuple[tuple[Topic, ...], tuple[tuple[tuple[str, ...], ...], ...]]:
    """The corpus's topics (largest first), and sentence_topics[a][i]: the topic ids of
    sentence i of article a.  Every non-boilerplate sentence with a word in it has a
    topic; the members of one alignment group have the same."""
    arts = analysis.articles
    members, unit_of = _units(analysis)
    n = len(members)
    if n == 0:
        return (), tuple(() for _ in arts)
    boiler = [all(arts[a].sentences[i].boilerplate for a, i in m) for m in members]
    size = [len(m) for m in members]
    words = _Words(analysis, members)
    content = [u for u in range(n) if not boiler[u] and words.tf[u]]
    raw = words.vectors(content)

    # context: article neighbours.  Boilerplate sentences (a headline, a caption) are
    # not in the flow of the text, even when aligned with body sentences; a subheading
    # or caption between two sentences weakens their link.
    adj: list[dict[int, float]] = [defaultdict(float) for _ in range(n)]
    for a, art in enumerate(arts):
        prev = None
        broken = False
        for s in art.sentences:
            u = unit_of[a][s.i]
            if s.boilerplate:
                broken = True
                continue
            if not words.tf[u]:
                continue
            if prev is not None and prev[0] != u:
                w = PARAMS["paragraph"] if prev[1] == s.paragraph else PARAMS["across"]
                if broken:
                    w *= PARAMS["broken"]
                adj[u][prev[0]] += w
                adj[prev[0]][u] += w
            prev = (u, s.paragraph)
            broken = False
    adjn: list[dict[int, float]] = []    # each unit's 8 strongest neighbours, shares
    for u in range(n):
        tot = sum(adj[u].values())
        top = sorted(adj[u].items(), key=lambda kv: (-kv[1], kv[0]))[:8]
        adjn.append({v: w / tot for v, w in top} if tot else {})
    vecs = [_smoothed(raw, u, adjn[u]) for u in range(n)]

    # clusters: on a large corpus the graph is built over the units with the most
    # members (the passages many articles share); the rest join the nearest topic
    k = target_count(len(content))
    core = content
    if len(content) > CLUSTER_LIMIT:
        core = sorted(sorted(content, key=lambda u: (-size[u], u))[:CLUSTER_LIMIT])
    edges = _graph(vecs, core, adjn)
    clusters = _agglomerate(core, edges, k)
    clusters = _refine(clusters, core, vecs, adjn, size)
    if len(core) < len(content):
        clusters = _assign_rest(clusters, content, raw, vecs, adjn, size)
    clusters = _absorb_small(clusters, vecs, size)
    topic_of = {u: t for t, us in enumerate(clusters) for u in us}
    centroids = [_centroid([vecs[u] for u in us], [size[u] for u in us]) for us in clusters]

    # boilerplate units: the topic they resemble most, if they resemble one
    for u in range(n):
        if u in topic_of or not raw[u] or not centroids:
            continue
        sc, t = max((_dot(raw[u], c), -t) for t, c in enumerate(centroids))
        if sc >= PARAMS["boiler_min"] or not boiler[u]:
            topic_of[u] = -t
    # a body sentence without a content word ("So?"): its article neighbour's topic
    if centroids:
        for a, art in enumerate(arts):
            last, pending = None, []
            for s in art.sentences:
                u = unit_of[a][s.i]
                if u in topic_of:
                    last = topic_of[u]
                    for p in pending:
                        topic_of[p] = last
                    pending = []
                elif not boiler[u]:
                    if last is None:
                        pending.append(u)
                    else:
                        topic_of[u] = last
            for p in pending:
                topic_of[p] = 0

    topics = tuple(Topic(id=f"t{t + 1}", label=label, keywords=kws)
                   for t, (label, kws) in enumerate(words.labels(clusters, content, size)))
    st = tuple(tuple((topics[topic_of[unit_of[a][s.i]]].id,) if unit_of[a][s.i] in topic_of
                     else () for s in art.sentences) for a, art in enumerate(arts))
    return topics, st


# ------------------------------------------------------------------ units and words

def _units(analysis: Analysis) -> tuple[list[list[tuple[int, int]]], list[list[int]]]:
    """Units in order of first appearance: every alignment group, every other sentence.
    Returns each unit's (article, sentence) members and unit_of[a][i]."""
    arts = analysis.articles
    first: list[list[tuple[int, int]]] = [sorted(g) for g in analysis.links.groups()]
    grouped = {x for g in first for x in g}
    for a, art in enumerate(arts):
        first.extend([(a, s.i)] for s in art.sentences if (a, s.i) not in grouped)
    members = sorted(first, key=lambda m: m[0])
    unit_of = [[-1] * len(art.sentences) for art in arts]
    for u, m in enumerate(members):
        for a, i in m:
            unit_of[a][i] = u
    return members, unit_of


def _families(text: str) -> list[tuple[str, str, int, bool]]:
    """(family, surface word, run, first) for every content word of text.  Two words
    share a run number when only a space parts them (no punctuation, no stopword):
    "second incident" is a phrase, "airspace, Beijing" is not.  first: the text's
    first word (its capital says nothing)."""
    out = []
    folded = fold_places(text)
    run, last_end = 0, -1
    for m in WORD.finditer(folded):
        w = m.group()
        first = last_end < 0
        if first or folded[last_end:m.start()].strip(" -"):
            run += 1
        last_end = m.end()
        lw = w.lower()
        place = PLACE.get(lw)
        if place:
            out.append((place, w, run, first))
            continue
        if lw in STOPWORDS:
            run += 1
            continue
        k = key(w)
        if k.isdigit() or k in STOPWORDS or len(k) < 2:
            run += 1
            continue  # numbers differ between outlets and say little about a theme
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        out.append((k, w, run, first))
    return out


class _Words:
    """Word families of every unit, their rarity, their spellings, and the labels."""

    def __init__(self, analysis: Analysis, members: list[list[tuple[int, int]]]):
        arts = analysis.articles
        self.surface: dict[str, Counter] = defaultdict(Counter)
        self.capital: Counter = Counter()  # family -> times capitalised inside a sentence
        self.tf: list[dict[str, float]] = []
        self.phrases: list[dict[tuple[str, str], float]] = []
        self._names: dict[str, bool] = {}
        for m in members:
            seen: set[str] = set()
            counts: Counter = Counter()
            pcounts: Counter = Counter()
            used = 0
            for a, i in m:
                art = arts[a]
                txt = art.shown_text(art.sentences[i])
                norm = " ".join(txt.lower().split())
                if norm in seen:
                    continue
                seen.add(norm)
                used += 1
                fams = _families(txt)
                for f, w, _, first in fams:
                    self.surface[f][w] += 1
                    if not first and w[:1].isupper():
                        self.capital[f] += 1
                counts.update({f for f, _, _, _ in fams})
                # two content words side by side: a phrase ("second incident", "Mao Ning")
                pcounts.update({(x[0], y[0]) for x, y in zip(fams, fams[1:])
                                if y[2] == x[2] and x[0] != y[0]})
                if used >= SAMPLE:
                    break
            used = max(1, used)
            self.tf.append({f: c / used for f, c in counts.items()})
            self.phrases.append({p: c / used for p, c in pcounts.items()})

    def vectors(self, content: list[int]) -> list[dict[str, float]]:
        """Unit-length TF-IDF vectors of every unit, IDF over the content units."""
        df: Counter = Counter()
        for u in content:
            df.update(self.tf[u].keys())
        nc = max(1, len(content))
        idf = {f: math.log((nc + 1) / (d + 0.5)) for f, d in df.items()}
        default = math.log(nc + 1)
        out = []
        for t in self.tf:
            v = {f: x * idf.get(f, default) for f, x in t.items()}
            out.append(_unit(v))
        return out

    # ---------------------------------------------------------------- labels

    def shown(self, f: str) -> str:
        """The spelling to show for a family: a name as written, else its commonest
        noun-like form."""
        if f in _PLACE_SHOWN:
            return _PLACE_SHOWN[f]
        forms = self.surface.get(f)
        if not forms:
            return f
        if self.is_name(f) or all(w[:1].isupper() for w in forms):
            return max(forms.items(), key=lambda wc: (wc[0][:1].isupper(),
                                                      not wc[0].isupper() or len(wc[0]) <= 4,
                                                      wc[1], wc[0]))[0]
        lower: Counter = Counter()
        for w, c in forms.items():
            lower[w.lower()] += c
        return max(lower.items(), key=lambda wc: (wc[0].endswith(_NOUNISH),
                                                  not wc[0].endswith(_VERBISH), wc[1],
                                                  wc[0]))[0]

    def is_name(self, f: str) -> bool:
        got = self._names.get(f)
        if got is None:
            got = self._names[f] = self._is_name(f)
        return got

    def _is_name(self, f: str) -> bool:
        forms = self.surface.get(f)
        if f in _PLACE_SHOWN or (forms and next(iter(forms)).lower() in PLACE):
            return True
        tot = sum(forms.values()) if forms else 0
        return bool(tot) and sum(c for w, c in forms.items() if w[:1].isupper()) >= 0.8 * tot \
            and self.capital[f] > 0

    def _verbish(self, f: str) -> bool:
        forms = self.surface.get(f)
        if not forms or self.is_name(f):
            return False
        tot = sum(forms.values())
        return sum(c for w, c in forms.items()
                   if w.lower().endswith(_VERBISH + ("ly",))) >= 0.5 * tot

    def _counts(self, units: list[int], size: list[int]) -> tuple[Counter, Counter, int]:
        """Word-family and phrase counts over units (each weighted by its sentences), and
        the number of sentences (at least 1)."""
        fams: Counter = Counter()
        phrases: Counter = Counter()
        for u in units:
            for f, t in self.tf[u].items():
                fams[f] += t * size[u]
            for p, t in self.phrases[u].items():
                phrases[p] += t * size[u]
        return fams, phrases, sum(size[u] for u in units) or 1

    def labels(self, clusters: list[list[int]], content: list[int], size: list[int]
               ) -> list[tuple[str, tuple[str, ...]]]:
        """(label, keywords) of every cluster."""
        c_all, p_all, n_all = self._counts(content, size)
        out = []
        for us in clusters:
            c_in, p_in, n_in = self._counts(us, size)
            n_out = max(1.0, n_all - n_in)
            need = min(2.0, 0.2 * n_in)   # a label word is in more than one sentence

            def score(cin: float, call: float) -> float:
                if cin < need:
                    return 0.0
                p = cin / n_in
                q = (call - cin + 0.5) / n_out
                return p * math.log(1 + p / q)

            cand = []
            for f, c in c_in.items():
                if f in _LABEL_STOP:
                    continue
                s = score(c, c_all[f])
                if self.is_name(f):
                    s *= 1.3
                elif self._verbish(f):
                    continue
                if s > 0:
                    cand.append((s, (f,)))
            for p, c in p_in.items():
                if any(f in _LABEL_STOP or self._verbish(f) for f in p):
                    continue
                s = 1.5 * score(c, p_all[p])
                if s > 0:
                    cand.append((s, p))
            cand.sort(key=lambda x: (-x[0], x[1]))
            chosen: list[tuple[str, ...]] = []
            covered: set[str] = set()
            for _, fs in cand:
                if covered.intersection(fs):
                    continue
                chosen.append(fs)
                covered.update(fs)
                if len(chosen) >= 6:
                    break
            terms = [" ".join(self.shown(f) for f in fs) for fs in chosen]
            if not terms:
                out.append(("Other", ()))
                continue
            label = terms[0]
            if len(terms) > 1 and len(label.split()) + len(terms[1].split()) <= 4:
                label = f"{label}, {terms[1]}"
            out.append((label[:1].upper() + label[1:], tuple(terms)))
        return out


_NOUNISH = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism", "ure")
_VERBISH = ("ed", "ing")


# ------------------------------------------------------------------ vectors

def _unit(v: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {f: x / norm for f, x in v.items()}


def _dot(x: dict[str, float], y: dict[str, float]) -> float:
    if len(x) > len(y):
        x, y = y, x
    return sum(w * y[f] for f, w in x.items() if f in y)


def _top(v: dict[str, float], m: int) -> dict[str, float]:
    if len(v) <= m:
        return v
    return dict(heapq.nlargest(m, v.items(), key=lambda fx: (fx[1], fx[0])))


def _smoothed(raw: list[dict[str, float]], u: int, nbrs: dict[int, float]) -> dict[str, float]:
    v = dict(raw[u])
    smooth = PARAMS["smooth"]
    for nb, w in nbrs.items():
        for f, x in raw[nb].items():
            v[f] = v.get(f, 0.0) + smooth * w * x
    return _unit(_top(v, VEC_MAX))


def _centroid(vs: list[dict[str, float]], weights: list[float]) -> dict[str, float]:
    c: dict[str, float] = defaultdict(float)
    for v, w in zip(vs, weights):
        for f, x in v.items():
            c[f] += x * w
    return _unit(_top(c, CENTROID_MAX))


# ------------------------------------------------------------------ clustering

def _graph(vecs, content, adjn) -> dict[int, dict[int, float]]:
    """Sparse similarity: unit -> {unit: weight}, symmetric: each unit's NEIGHBOURS most
    similar units and its article neighbours, the latter with a bonus."""
    postings: dict[str, list[int]] = defaultdict(list)
    for u in content:
        for f in vecs[u]:
            postings[f].append(u)
    nc = len(content)
    cap = nc if nc <= POSTING_CAP else POSTING_CAP // 4
    is_content = set(content)
    bonus = PARAMS["adjacent"]
    edges: dict[int, dict[int, float]] = {u: {} for u in content}
    large = nc > POSTING_CAP
    for u in content:
        acc: dict[int, float] = defaultdict(float)
        vu = vecs[u]
        query = _top(vu, QUERY_MAX) if large else vu
        for f, x in query.items():
            post = postings[f]
            if len(post) > cap:
                continue
            for v in post:
                if v != u:
                    acc[v] += x * vecs[v][f]
        if large:  # exact similarity for the best candidates of the partial sums
            best = heapq.nlargest(3 * NEIGHBOURS, ((s, -v) for v, s in acc.items()))
            acc = {-nv: _dot(vu, vecs[-nv]) for _, nv in best}
        for v, w in adjn[u].items():
            if v in is_content:
                base = acc[v] if v in acc else _dot(vu, vecs[v])
                acc[v] = base + bonus * min(1.0, w + adjn[v].get(u, 0.0))
        best = heapq.nlargest(NEIGHBOURS, ((s, -v) for v, s in acc.items() if s > 0))
        for s, v in best:
            edges[u][-v] = s
            edges[-v][u] = s
    return edges


def _agglomerate(content, edges, k) -> list[list[int]]:
    """Greedy modularity agglomeration over the sparse graph until k clusters remain
    or no edge links two clusters."""
    members = {u: [u] for u in content}
    links: dict[int, dict[int, float]] = {u: dict(edges[u]) for u in content}
    deg = {u: sum(edges[u].values()) for u in content}
    m2 = sum(deg.values()) or 1.0
    gamma = PARAMS["resolution"]

    def gain(u: int, v: int, s: float) -> float:
        return s / m2 - gamma * deg[u] * deg[v] / (m2 * m2)

    heap = [(-gain(u, v, s), u, v) for u in content for v, s in edges[u].items() if u < v]
    heapq.heapify(heap)
    count = len(content)
    while heap and count > k:
        neg, u, v = heapq.heappop(heap)
        if u not in members or v not in members:
            continue
        cur = links[u].get(v)
        if cur is None or abs(gain(u, v, cur) + neg) > 1e-12:
            continue  # stale entry
        members[u].extend(members.pop(v))
        deg[u] += deg.pop(v)
        lv = links.pop(v)
        lu = links[u]
        lu.pop(v, None)
        for w, s in lv.items():
            if w == u:
                continue
            lu[w] = lu.get(w, 0.0) + s
            lw = links[w]
            lw.pop(v, None)
            lw[u] = lu[w]
        for w, s in lu.items():
            heapq.heappush(heap, (-gain(u, w, s), min(u, w), max(u, w)))
        count -= 1
    return [sorted(m) for _, m in sorted(members.items())]


def _postings(cents: list[dict[str, float]]) -> dict[str, list[tuple[int, float]]]:
    """Inverted centroids: word family -> (topic, weight), to score a unit against every
    centroid sharing a word with it."""
    post: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for t, c in enumerate(cents):
        for f, x in c.items():
            post[f].append((t, x))
    return post


def _topic_scores(vec: dict[str, float], post, nbrs: dict[int, float], where: dict[int, int],
                  vote: float) -> dict[int, float]:
    """A unit's closeness to each topic: its words against the centroids, plus the vote of
    its article neighbours already placed in a topic."""
    sc: dict[int, float] = defaultdict(float)
    for f, x in vec.items():
        for t, y in post.get(f, ()):
            sc[t] += x * y
    for v, w in nbrs.items():
        t = where.get(v)
        if t is not None:
            sc[t] += vote * w
    return sc


def _refine(clusters, content, vecs, adjn, size) -> list[list[int]]:
    """Spherical k-means with a neighbour vote: each unit moves to the topic whose
    centroid it is closest to, plus a bonus for the topics of its article neighbours."""
    if len(clusters) < 2:
        return clusters
    vote = PARAMS["vote"]
    where = {u: t for t, us in enumerate(clusters) for u in us}
    for _ in range(ROUNDS):
        members: list[list[int]] = [[] for _ in clusters]
        for u in content:
            members[where[u]].append(u)
        cents = [_centroid([vecs[u] for u in us], [math.sqrt(size[u]) for u in us])
                 for us in members]
        post = _postings(cents)
        new = {}
        for u in content:
            sc = _topic_scores(vecs[u], post, adjn[u], where, vote)
            t0 = where[u]
            new[u] = max(sc, key=lambda t: (sc[t], t == t0, -t)) if sc else t0
        if new == where:
            break
        where = new
    out: list[list[int]] = [[] for _ in clusters]
    for u in content:
        out[where[u]].append(u)
    return [us for us in out if us]


def _assign_rest(clusters, content, raw, vecs, adjn, size) -> list[list[int]]:
    """Units left out of the graph (large corpora) join the topic whose centroid their
    words are closest to, with the vote of their article neighbours already placed."""
    where = {u: t for t, us in enumerate(clusters) for u in us}
    cents = [_centroid([vecs[u] for u in us], [math.sqrt(size[u]) for u in us])
             for us in clusters]
    post = _postings(cents)
    vote = PARAMS["vote"]
    out = [list(us) for us in clusters]
    for u in content:
        if u in where:
            continue
        sc = _topic_scores(raw[u], post, adjn[u], where, vote)
        t = max(sc, key=lambda t: (sc[t], -t)) if sc else 0
        where[u] = t
        out[t].append(u)
    return [sorted(us) for us in out]


def _absorb_small(clusters, vecs, size) -> list[list[int]]:
    """Clusters of fewer than min_size sentences join the topic they resemble most;
    topics largest first."""
    if not clusters:
        return []
    weight = [sum(size[u] for u in us) for us in clusters]
    order = sorted(range(len(clusters)), key=lambda c: (-weight[c], clusters[c][0]))
    keep = [c for c in order if weight[c] >= PARAMS["min_size"]] or order[:1]
    topics = [list(clusters[c]) for c in keep]
    cents = [_centroid([vecs[u] for u in us], [size[u] for u in us]) for us in topics]
    for c in order:
        if c in keep:
            continue
        cv = _centroid([vecs[u] for u in clusters[c]], [size[u] for u in clusters[c]])
        t = max(range(len(topics)), key=lambda t: (_dot(cv, cents[t]), -t))
        topics[t].extend(clusters[c])
    topics = [sorted(us) for us in topics]
    topics.sort(key=lambda us: (-sum(size[u] for u in us), us[0]))
    return topics
