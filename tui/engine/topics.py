"""Topics: the sub-stories of an event, as an editor would name them, across outlets.

The alignment already says which sentences of different articles state one thing; a
topic is a set of such statements that are about one matter.

1. Units.  Every alignment group is one unit (a passage: all its members, in every
   article, get the same topic); every other sentence is a unit of its own.  Page
   furniture (bylines, datelines, read-more lines, credits, separators) takes no topic;
   a headline, standfirst, subheading or caption that no body sentence states takes the
   topic its words clearly belong to, or none.
2. Features.  A unit is a bag of word families (snowball stem of the spelling-folded word,
   country names folded: "Beijing"/"Chinese" -> china), each weighted by rarity over the
   units (IDF), plus who is quoted in it (a quote's speaker is one more feature, weighted
   like a word: a voice heard in a few passages binds them; one heard everywhere doesn't).
   A group's words are weighted by the share of its members that use them, read from a
   handful of its distinct members (copies add nothing).
3. Context.  Neighbouring sentences of an article tend to be about one thing: a unit's
   vector is smoothed with its neighbours' (in every article it occurs in), and
   neighbours get a direct bonus in the similarity.
4. Graph and clusters.  Each unit keeps its strongest similarities (found through an
   inverted index that leaves the commonest words out of candidate generation on large
   inputs), plus its neighbours.  Greedy modularity agglomeration (merge the pair of
   clusters that most raises modularity) runs down to a target count that grows with
   the number of sentences, not of units, so that regrouping leaves it alone (a pass
   of k-means after it, moving units to the centroid they fit best with a vote of
   their neighbours, changed nothing on the seeds and event9 and
   cost event2 0.015: the graph already holds the neighbours).  Clusters too small to be
   a topic join the one they resemble most.
5. Order.  Topics come by how many sources cover them (then by size): t1 is the
   sub-story most outlets tell.
6. Labels.  A noun phrase written in the topic's own most central sentences: candidate
   phrases are runs of words that a space alone parts, which start and end on content
   words, hold no verb, and never cut a name ("Doctors Without Borders" stays whole);
   each is scored by how much its word families set the topic apart from the rest of
   the event (frequent inside, rare outside), how central the sentences that carry it
   are, and how often it recurs.  The label is the best phrase no earlier topic took,
   shown as written; the next ones are the keywords.

Deterministic: every loop runs in corpus order and ties break on indices.  No
dependency beyond the standard library and the word helpers of .text.
"""
from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from functools import lru_cache
from operator import itemgetter, mul

from .model import Analysis, Topic
from .places import PLACE, fold_places
from .text import STOPWORDS, WORD, key

SAMPLE = 6            # distinct members of a group read for its words
NEIGHBOURS = 10       # strongest similarity edges kept per unit
POSTING_CAP = 400     # above this many units, families in more units than a cap are
#                       left out of candidate generation (their weight still counts)
VEC_MAX = 60          # features kept of a context-smoothed vector
CENTROID_MAX = 300    # features kept of a topic's centroid
QUERY_MAX = 10        # a unit's heaviest features looked up in the index (large inputs)
CLUSTER_LIMIT = 1500  # content units clustered through the graph; the rest are assigned
LABEL_UNITS = 8      # a topic's most central units read for label phrases
PHRASE_MAX = 5        # words in a label phrase at most

PARAMS = {
    "smooth": 0.25,      # weight of the neighbours' words in a unit's vector
    "adjacent": 0.2,     # similarity bonus for units that are neighbours in an article
    "paragraph": 1.0,    # adjacency weight of neighbours in one paragraph ...
    "across": 0.6,       # ... and across a paragraph break
    "resolution": 1.0,   # modularity resolution: above 1 holds large clusters back
    "broken": 0.5,       # ... and across a boilerplate line (subheading, caption)
    "vote": 0.3,         # weight of the neighbours' topics when placing the units left
    #                      out of the graph (large corpora)
    "min_size": 3,       # a cluster of fewer sentences than this is not a topic
    "boiler_min": 0.15,  # similarity a headline or caption needs to take a topic
    "speaker": 1.0,      # weight of a quoted speaker against a word family
}

# boilerplate roles (segment/meta) that carry the story's words: a headline, a caption.
# The others (byline, dateline, read-more, credit, separator, video notice) are furniture.
_TOPICAL_ROLES = ("headline", "standfirst", "subheading", "caption", "video title")


# ------------------------------------------------------------------ public API

def target_count(n_sentences: int) -> int:
    """How many topics for a corpus of n content sentences: about 9 for five articles of
    20 sentences, growing with the square root of the size, at most 30.  Counted in
    sentences, not units: how the alignment groups them must not change how many
    sub-stories the event has (one more group, one unit less, crossed a rounding edge
    and took a topic away)."""
    if n_sentences <= 0:
        return 0
    return max(1, min(n_sentences, 30, round(0.9 * math.sqrt(n_sentences))))


def find_topics(analysis: Analysis
                ) -> tuple[tuple[Topic, ...], tuple[tuple[tuple[str, ...], ...], ...]]:
    """The corpus's topics (the most widely covered first), and sentence_topics[a][i]: the
    topic ids of sentence i of article a.  Every body sentence with a word in it has a
    topic; page furniture has none; the members of one alignment group have the same.
    Reads analysis.quotes when present (who is quoted binds passages)."""
    arts = analysis.articles
    members, unit_of = _units(analysis)
    n = len(members)
    if n == 0:
        return (), tuple(() for _ in arts)
    boiler = [all(arts[a].sentences[i].boilerplate for a, i in m) for m in members]
    topical = [not boiler[u] or any(_topical(arts[a].sentences[i].role) for a, i in m)
               for u, m in enumerate(members)]
    size = [len(m) for m in members]
    words = _Words(analysis, members, unit_of)
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
    is_content = set(content)    # (only content units are clustered and labelled)
    vecs = [_smoothed(raw, u, adjn[u]) if u in is_content else {} for u in range(n)]

    # clusters: on a large corpus the graph is built over the units with the most
    # members (the passages many articles share); the rest join the nearest topic
    k = min(len(content), target_count(sum(
        1 for u in content for a, i in members[u] if not arts[a].sentences[i].boilerplate)))
    core = content
    if len(content) > CLUSTER_LIMIT:
        core = sorted(sorted(content, key=lambda u: (-size[u], u))[:CLUSTER_LIMIT])
    edges = _graph(vecs, core, adjn)
    clusters = _agglomerate(core, edges, k)
    if len(core) < len(content):
        clusters = _assign_rest(clusters, content, raw, vecs, adjn, size)
    clusters, cents = _absorb_small(clusters, vecs, size)
    order = _by_coverage(clusters, members, size)
    clusters = [clusters[t] for t in order]
    topic_of = {u: t for t, us in enumerate(clusters) for u in us}
    centroids = [_centroid([vecs[u] for u in clusters[k]], [size[u] for u in clusters[k]])
                 if cents[t] is None else cents[t] for k, t in enumerate(order)]

    # a headline or caption of its own: the topic it resembles most, if it clearly does
    for u in range(n):
        if u in topic_of or not raw[u] or not centroids or not topical[u]:
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
    # ... and in order again once every sentence has its topic (a headline placed above
    # may bring a topic another source)
    placed: list[list[int]] = [[] for _ in clusters]
    for u, t in sorted(topic_of.items()):
        placed[t].append(u)
    order = _by_coverage(placed, members, size)
    clusters = [clusters[t] for t in order]
    centroids = [centroids[t] for t in order]
    new = {t: k for k, t in enumerate(order)}
    topic_of = {u: new[t] for u, t in topic_of.items()}

    labels = _labels(analysis, members, words, clusters, content, size, vecs, centroids)
    topics = tuple(Topic(id=f"t{t + 1}", label=label, keywords=kws)
                   for t, (label, kws) in enumerate(labels))
    st = tuple(tuple((topics[topic_of[unit_of[a][s.i]]].id,) if unit_of[a][s.i] in topic_of
                     else () for s in art.sentences) for a, art in enumerate(arts))
    return topics, st


def _topical(role: str | None) -> bool:
    """A boilerplate role whose words tell the story (a headline, a caption)."""
    return bool(role) and role.startswith(_TOPICAL_ROLES)


def _by_coverage(clusters: list[list[int]], members: list[list[tuple[int, int]]],
                 size: list[int]) -> list[int]:
    """The order an editor reads topics in (indices of clusters, each sorted and never
    empty): by how many sources cover each, then by how many sentences, then by first
    appearance."""
    def rank(t: int) -> tuple[int, int, int]:
        us = clusters[t]
        sources = {a for u in us for a, _ in members[u]}
        return (-len(sources), -sum(size[u] for u in us), us[0])
    return sorted(range(len(clusters)), key=rank)


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


def _families(text: str, lows: list[str], caps: list[str]) -> list[str]:
    """The family of every content word of text, in order; each family written in lower
    case goes to lows, each capitalised inside the text (not as its first word: that
    capital says nothing) to caps."""
    words = WORD.findall(fold_places(text))
    if not words:
        return []
    got = list(map(_content, words))
    lows += filter(None, map(_LOW, got))
    caps += filter(None, map(_CAP, got[1:] if got[0][0] is not None else got))
    return list(filter(None, map(_FAM, got)))


_FAM, _LOW, _CAP = itemgetter(0), itemgetter(1), itemgetter(2)   # of _content's answer
_NOT_CONTENT = (None, None, None)


@lru_cache(maxsize=65536)
def _content(w: str) -> tuple[str | None, str | None, str | None]:
    """(family, the family if written in lower case, the family if capitalised) of a word
    for _families; family None for a function word or a number (numbers differ between
    outlets and say little about a theme)."""
    lw = w.lower()
    place = PLACE.get(lw)
    if place:
        return (place, place, None) if w.islower() else (place, None, place)
    if lw in STOPWORDS:
        return _NOT_CONTENT
    k = key(w)
    if k.isdigit() or k in STOPWORDS or len(k) < 2:
        return _NOT_CONTENT
    if (w[:-2] if w.endswith(("'s", "’s")) else w).islower():
        return k, k, None
    return k, None, k


class _Words:
    """Word families of every unit (and who is quoted in it), their rarity, and how often
    each family is written with a capital inside a sentence."""

    def __init__(self, analysis: Analysis, members: list[list[tuple[int, int]]],
                 unit_of: list[list[int]]):
        arts = analysis.articles
        lows: list[str] = []    # every family written in lower case, once an occurrence
        caps: list[str] = []    # ... capitalised inside a sentence
        self.tf: list[dict[str, float]] = []
        tf = self.tf.append
        for m in members:
            if len(m) == 1:   # (a unit of one sentence has no copy to skip)
                a, i = m[0]
                art = arts[a]
                fams = _families(art.shown_text(art.sentences[i]), lows, caps)
                # in the order written (a set's order follows the hash seed, and so would
                # the float sums over these counts: ties between labels flipped)
                tf(dict.fromkeys(fams, 1.0))
                continue
            seen: set[str] = set()
            counts: Counter = Counter()
            used = 0
            for a, i in m:
                art = arts[a]
                txt = art.shown_text(art.sentences[i])
                norm = txt.lower()  # (shown_text folds the spaces already)
                if norm in seen:
                    continue
                seen.add(norm)
                used += 1
                counts.update(dict.fromkeys(_families(txt, lows, caps)).keys())
                if used >= SAMPLE:
                    break
            used = max(1, used)
            tf({f: c / used for f, c in counts.items()})
        self.capital: Counter = Counter(caps)  # family -> times capitalised inside a sentence
        self.lower: Counter = Counter(lows)    # family -> times written in lower case
        # who is quoted: one feature per speaker, on the units whose sentences quote them
        weight = PARAMS["speaker"]
        if weight:
            for q in analysis.quotes:
                if q.speaker and q.depth == 0 and 0 <= q.sentence < len(unit_of[q.article]):
                    t = self.tf[unit_of[q.article][q.sentence]]
                    if t:
                        t[_SPEAKER + q.speaker] = weight

    def vectors(self, content: list[int]) -> list[dict[str, float]]:
        """Unit-length TF-IDF vectors of every unit, IDF over the content units."""
        df: Counter = Counter()
        for u in content:
            df.update(self.tf[u].keys())
        nc = max(1, len(content))
        idf = {f: math.log((nc + 1) / (d + 0.5)) for f, d in df.items()}
        default = math.log(nc + 1)
        out = []
        get = idf.get
        for t in self.tf:   # (_unit of the weighted counts, without the dict between)
            ws = [x * get(f, default) for f, x in t.items()]
            norm = math.sqrt(sum(map(mul, ws, ws))) or 1.0
            out.append({f: w / norm for f, w in zip(t, ws)})
        return out

    def counts(self, units: list[int], size: list[int]) -> tuple[dict[str, float], int]:
        """Word-family counts over units (each weighted by its sentences), and the number
        of sentences (at least 1)."""
        fams: dict[str, float] = {}
        get = fams.get
        for u in units:
            n = size[u]
            for f, t in self.tf[u].items():
                fams[f] = get(f, 0.0) + t * n
        return fams, sum(size[u] for u in units) or 1


_SPEAKER = "@"   # prefix of a speaker feature (no word family starts with it)


# ------------------------------------------------------------------ labels

# a word: letters and digits, inner apostrophes and hyphens ("Jae-in", "Canada's"), or an
# abbreviation with dots ("U.S.")
# (the pattern's text: compiled once, in _GAP_TOKEN below.  The look-aheads only fail
# sooner: every branch starts on a word character, and a title's is a capital followed
# by at most three letters and a dot)
_TOKEN = (r"(?=[^\W_])(?:(?:[^\W\d_]\.){2,}|(?=[A-Z][a-z]{0,3}\.)(?:[A-Z]|Sen|Rep|Gov|Gen|Lt"
          r"|Col|Sgt|Dr|St|Jr|Sr|Adm|Capt|Maj|Brig|Prof|Rev)\.(?=\s+[A-Z])"
          r"|[^\W_]+(?:[-'’][^\W_]+)*)")
_DETERMINERS = frozenset("the a an this that these those its his her their our my your "
                         "whose each every another".split())
# the word after one of these is a verb ("to suspend", "will meet", "he warned")
_VERB_BEFORE = frozenset("to will would could can may might must should shall did does do "
                         "not never he she they we i who which also has have had is are was "
                         "were be been being".split())
# ... and the word before one of these ("fears the", "warned a", "march them")
_VERB_AFTER = frozenset("the a an his her its their them him me".split())
_INNER = frozenset({"of", "and"})            # function words inside a noun phrase
# verb forms no suffix gives away, and words of time or degree that name no matter
_IRREGULAR = frozenset("""
went gone known shown given taken made came become began held left met sent set got found
thought brought kept felt saw seen led won lost paid spent stood ran wrote written spoke
spoken chose chosen drove flew grew knew broke broken fell fallen hit cut let put read
""".split())
_PLAIN = frozenset("""day days week weeks month months year years time times today tonight yesterday tomorrow
morning evening night weekend decade decades hour hours minute minutes ago lot lots way
thing things part kind sort number end start last next first second recent new former latest
early earlier late later higher lower greater larger smaller bigger better worse best worst
go goes going see sees seeing look looks looking come comes coming get gets getting make
makes making take takes taking give gives giving want wants let lets put puts putting keep
keeps keeping seem seems think thinks remember right well""".split())
_NAME_INNER = frozenset("of the de del der du la le van von al bin ibn".split())
# a day or month ends no phrase ("on Thursday", "a March 5 rally"; "Friday prayers" may); "May"
# is left out: alone it is more often a surname or the modal
_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january "
                      "february march april june july august september october november "
                      "december".split())


def _family(word: str) -> str | None:
    """The word family a word counts under (None: a function word or a number)."""
    lw = word.lower()
    place = PLACE.get(lw)
    if place:
        return place
    if lw in STOPWORDS:
        return None
    k = key(word)
    if k.isdigit() or k in STOPWORDS or len(k) < 2:
        return None
    return k


@lru_cache(maxsize=65536)
def _lexeme(text: str) -> tuple[str, str | None, bool, bool, bool]:
    """(lower case, family, function word, plain word, capitalised) of a written word."""
    low = text.lower().replace("’", "'")
    stop = (low in STOPWORDS or low in _PREPOSITIONS or low.endswith("n't") or low == "cannot"
            or ("'" in low and low.split("'")[0] in _FUNCTION))
    return low, None if stop else _family(text), stop, low in _PLAIN, text[:1].isupper()


# prepositions and the like that STOPWORDS leaves to content (they part phrases)
_PREPOSITIONS = frozenset("""near across around toward towards behind beside besides beyond
inside outside despite throughout along alongside past since unlike like except versus
including regarding concerning following ahead""".split())
_FUNCTION = STOPWORDS | _PLAIN | _PREPOSITIONS


class _Tok:
    __slots__ = ("text", "low", "fam", "stop", "plain", "cap", "joined", "first")

    def __init__(self, text: str, joined: bool, first: bool):
        self.text = text
        self.low, self.fam, self.stop, self.plain, self.cap = _lexeme(text)
        self.joined = joined          # only spaces part it from the previous word
        self.first = first            # the sentence's first word: its capital says nothing


_OPENERS = frozenset(('"', "“", "'", "‘", "(", "—", "–", "-", ":"))


# a token and the text before it (since the last one): one scan, the pairs made in C
_GAP_TOKEN = re.compile(r"(.*?)(" + _TOKEN + ")", re.S)


def _tokens(text: str) -> list[_Tok]:
    pairs = _GAP_TOKEN.findall(text)
    if not pairs:
        return []
    # (a space alone before most words: joined, not first)
    out = [_tok(pairs[0][1], False, True)]
    out += [_tok(w, True, False) if not gap or gap == " " else _gapped(gap, w)
            for gap, w in pairs[1:]]
    return out


@lru_cache(maxsize=65536)
def _tok(text: str, joined: bool, first: bool) -> _Tok:
    """The token of a word after such a gap (tokens are never changed: one serves every
    occurrence)."""
    return _Tok(text, joined, first)


def _gapped(gap: str, w: str) -> _Tok:
    gap = gap.strip()
    return _tok(w, not gap, gap in _OPENERS)


class _Phrases:
    """Noun phrases of sentences: runs of words a space alone parts, starting and ending on
    content words, holding no verb, never cutting a name.  Which words are verbs, which
    head a phrase and which are names is read from the sentences themselves (and from how
    the corpus writes each word family: `capital` / `lower` counts)."""

    def __init__(self, capital: Counter, lower: Counter):
        self.capital = capital
        self.lower = lower
        self.seen: Counter = Counter()   # lower-case word -> occurrences
        self.head: Counter = Counter()   # ... ending a run of content words (a phrase's head)
        self.noun: Counter = Counter()   # ... after a determiner or a possessive
        self.verb: Counter = Counter()   # ... after "to", "will", a pronoun; before "the"
        self._verb_memo: dict[str, bool] = {}
        # read()'s evidence, one entry an occurrence, counted (in C) before it is used
        self._seen: list[str] = []
        self._verb: list[str] = []
        self._noun: list[str] = []
        self._end_memo: dict[_Tok, bool] = {}   # _can_end of a token, not of a name
        self._read: list[list[_Tok]] = []

    def read(self, toks: list[_Tok]) -> None:
        """Take the evidence of one sentence (all of them before asking for phrases)."""
        self._read.append(toks)
        seen, verb, noun = self._seen, self._verb, self._noun
        n = len(toks)
        for j, t in enumerate(toks):
            if t.stop or t.fam is None:
                continue
            low = t.low
            seen.append(low)
            if t.cap:
                continue  # "to Beijing": a name after "to" is no verb
            if j + 1 < n:
                nxt = toks[j + 1]
                if nxt.joined and nxt.low in _VERB_AFTER:
                    verb.append(low)
            if j and t.joined:
                prev = toks[j - 1]
                if prev.low.endswith("ly") and j > 1 and prev.joined:
                    prev = toks[j - 2]   # "did not immediately deny": past the adverb
                if prev.low in _DETERMINERS or prev.low.endswith("'s"):
                    noun.append(low)
                elif prev.low in _VERB_BEFORE:
                    verb.append(low)

    def _heads(self) -> None:
        """Which words end a run of content words (a verb, an adverb, a function word or
        punctuation after them): read once every sentence is in."""
        self.seen.update(self._seen)
        self.verb.update(self._verb)
        self.noun.update(self._noun)
        self._seen, self._verb, self._noun = [], [], []
        verbish = self._verbish
        heads: list[str] = []
        for toks in self._read:
            last = len(toks) - 1
            for j, t in enumerate(toks):
                if t.stop or t.fam is None:
                    continue
                nxt = toks[j + 1] if j < last else None
                if nxt is None or not nxt.joined or nxt.stop or nxt.fam is None or (
                        not (nxt.cap and not nxt.first) and verbish(nxt)):
                    heads.append(t.low)
        self.head.update(heads)
        self._read = []
        self._end_memo = {}

    def spans(self, toks: list[_Tok]) -> list[tuple[int, int, tuple[str, ...]]]:
        """(start, end, word families) of every phrase of the sentence (end inclusive)."""
        if self._read:
            self._heads()
        run = self._names(toks)
        fams = self._folded(toks, run)
        n = len(toks)
        verbish, can_end = self._verbish, self._can_end
        # per word: may a phrase start here, end here, go on through it
        start = [False] * n
        end = [False] * n
        through = [False] * n
        before = None      # the previous token
        for j, t in enumerate(toks):
            r = run[j]
            named = r >= 0
            in_name = named and j > 0 and run[j - 1] == r
            ends_name = not (named and j + 1 < n and run[j + 1] == r)
            stop = t.stop
            # a name right after a capitalised possessive ("Iran's Atomic Energy ...") is
            # not cut out of it: no phrase starts there
            after_owner = named and j > 0 and t.joined and before.cap \
                and before.low.endswith("'s")
            if fams[j] is not None and not in_name and not after_owner and (
                    named or not stop and not verbish(t)):
                start[j] = True
            if ends_name and (named or not stop) and not (
                    t.low in _CALENDAR and not in_name) and can_end(
                    t, named and (in_name or not ends_name)):
                end[j] = True
            if t.joined and j:
                if named:
                    # "relationship Australia": a one-word name right after a noun
                    through[j] = in_name or not ends_name or run[j - 1] >= 0 or before.stop
                elif t.low == "and":
                    # "X and Y" joins two nouns, never a verb phrase
                    through[j] = can_end(before, run[j - 1] >= 0)
                else:
                    through[j] = (not stop or t.low in _INNER) and not verbish(t)
            before = t
        out = []
        for s in range(n):
            if not start[s]:
                continue
            sig: tuple[str, ...] = ()
            for e in range(s, min(n, s + PHRASE_MAX)):
                if e > s and not through[e]:
                    break
                f = fams[e]
                if f is not None:
                    sig += (f,)
                if end[e] and sig:
                    out.append((s, e, sig))
        return out

    def _verbish(self, t: _Tok) -> bool:
        """A verb or an adverb by the company it keeps (names never are)."""
        if t.cap and not t.first:
            return False
        w = t.low
        got = self._verb_memo.get(w)
        if got is None:
            got = self._verb_memo[w] = w in _IRREGULAR or self.verb[w] > self.noun[w] or (
                w.endswith("ly") and len(w) > 4) or (w.endswith("ed") and not self.noun[w])
        return got

    def _can_end(self, t: _Tok, name: bool) -> bool:
        """Can head a noun phrase: the last word of a name, or a content word that ends
        phrases in the text (not a modifier such as "nuclear"), not a participle, a
        possessive, nor a word of time or degree."""
        if name:
            return not t.low.endswith("'s")
        got = self._end_memo.get(t)      # (a token's fields never change)
        if got is None:
            got = self._end_memo[t] = self._can_end_word(t)
        return got

    def _can_end_word(self, t: _Tok) -> bool:
        w = t.low
        if t.fam is None or t.plain or w.endswith("'s") or self._verbish(t):
            return False
        if w.endswith("ing") and not self.noun[w] and not self._namelike(t):
            return False
        return self.head[w] >= 0.25 * max(1, self.seen[w])

    def _namelike(self, t: _Tok) -> bool:
        """Capitalised inside a sentence, or first in it and written so elsewhere, more
        often than in lower case."""
        return t.cap and (not t.first or (t.fam is not None
                                          and self.capital[t.fam] > self.lower[t.fam]))

    def _names(self, toks: list[_Tok]) -> list[int]:
        """Name-run id of every token (-1: not in a name).  A name is a run of capitalised
        words that a space alone parts, with "of"/"de"-like words inside ("Department of
        National Defence", "Doctors Without Borders"); a sentence's first word is in a
        name when the corpus writes it with a capital inside sentences and never in lower
        case, or when a name follows it."""
        n = len(toks)
        base = [False] * n
        for j, t in enumerate(toks):
            if not t.cap or t.stop:
                continue
            if t.first and t.low.endswith(("ed", "ly")):
                continue
            nxt = toks[j + 1] if j + 1 < n else None
            if self._namelike(t) or (
                    nxt is not None and nxt.joined and nxt.cap and not nxt.stop):
                base[j] = True
        run = [-1] * n
        rid = -1
        for j, t in enumerate(toks):
            inner = j > 0 and t.joined and run[j - 1] >= 0 and (
                (t.cap and not t.first)          # "Theresa May", "Doctors Without Borders"
                or (t.low in _NAME_INNER and j + 1 < n and toks[j + 1].joined and base[j + 1]))
            if base[j] or inner:
                if not (j and t.joined and run[j - 1] >= 0) or toks[j - 1].low.endswith("'s"):
                    rid += 1  # (a possessive ends a name: "Obama's | State Department")
                run[j] = rid
        return run

    @staticmethod
    def _folded(toks: list[_Tok], run: list[int]) -> list[str | None]:
        """Word families of the tokens, a two-word country name as one ("North Korean"
        -> northkorea, "United States" -> usa) on its first word."""
        fams = [t.fam for t in toks]
        for j in range(len(toks) - 1):
            if run[j] >= 0 and run[j + 1] == run[j]:
                folded = fold_places(f"{toks[j].text} {toks[j + 1].text}").split()
                if len(folded) == 1:
                    fams[j], fams[j + 1] = _family(folded[0]), None
        return fams


def noun_phrases(texts: list[str]) -> list[str]:
    """The noun phrases of some sentences, as written, in order of appearance (the label
    candidates; the evidence of which word is a verb or a name comes from these texts)."""
    capital: Counter = Counter()
    lower: Counter = Counter()
    toks = [_tokens(t) for t in texts]
    for ts in toks:
        for t in ts:
            if t.fam is not None:
                if not t.cap:
                    lower[t.fam] += 1
                elif not t.first:
                    capital[t.fam] += 1
    ph = _Phrases(capital, lower)
    for ts in toks:
        ph.read(ts)
    out: list[str] = []
    for ts in toks:
        for s, e, _ in ph.spans(ts):
            shown = " ".join(t.text for t in ts[s:e + 1])
            if shown not in out:
                out.append(shown)
    return out


def _labels(analysis: Analysis, members: list[list[tuple[int, int]]], words: _Words,
            clusters: list[list[int]], content: list[int], size: list[int],
            vecs: list[dict[str, float]], centroids: list[dict[str, float]]
            ) -> list[tuple[str, tuple[str, ...]]]:
    """(label, keywords) of every topic, in order; no two labels alike (equal, or one's
    word families within the other's)."""
    ph = _Phrases(words.capital, words.lower)
    texts = [_central_texts(analysis, members, us, vecs, c) for us, c in zip(clusters, centroids)]
    for ts in texts:
        for toks, _ in ts:
            ph.read(toks)
    c_all, n_all = words.counts(content, size)
    out: list[tuple[str, tuple[str, ...]]] = []
    taken: list[frozenset[str]] = []
    used: set[str] = set()
    for us, ts in zip(clusters, texts):
        c_in, n_in = words.counts(us, size)
        ranked = _ranked(ph, ts, c_in, n_in, c_all, n_all)
        # the label: the best phrase no earlier label is like (failing that, one they don't
        # equal); then the keywords, none like another
        first = next((x for x in ranked if x[0].lower() not in used and not any(
            x[1] <= f or f <= x[1] for f in taken)), None) or next(
            (x for x in ranked if x[0].lower() not in used), None)
        chosen: list[tuple[str, frozenset[str]]] = [first] if first else []
        for shown, fams in ranked:
            if not chosen or len(chosen) > 5:
                break
            if not any(fams <= f or f <= fams for _, f in chosen):
                chosen.append((shown, fams))
        if not chosen:
            label = _fallback(len(out) + 1, used)
            used.add(label.lower())
            out.append((label, ()))
            continue
        label = chosen[0][0]
        used.add(label.lower())
        taken.append(chosen[0][1])
        out.append((label[:1].upper() + label[1:], tuple(s for s, _ in chosen[1:])))
    return out


def _central_texts(analysis: Analysis, members, us: list[int], vecs, centroid
                   ) -> list[tuple[list[_Tok], float]]:
    """Tokens of a topic's most central sentences, each with its centrality (0.5..1):
    body sentences first, Title Case lines (headlines) left out."""
    arts = analysis.articles
    central = {u: _dot(vecs[u], centroid) for u in us}
    ranked = heapq.nsmallest(LABEL_UNITS, us, key=lambda u: (-central[u], u))
    top = max((central[u] for u in ranked), default=0.0) or 1.0
    out = []
    for u in ranked:
        weight = 0.5 + 0.5 * max(0.0, central[u]) / top
        seen: set[str] = set()
        for a, i in sorted(members[u], key=lambda ai: (arts[ai[0]].sentences[ai[1]].boilerplate,
                                                       ai)):
            txt = arts[a].shown_text(arts[a].sentences[i])
            norm = " ".join(txt.lower().split())
            if norm in seen:
                continue
            seen.add(norm)
            toks = _tokens(txt)
            words = [t for t in toks if not t.stop]
            if len(toks) >= 4 and sum(t.cap for t in words) >= 0.6 * len(words):
                continue  # Title Case: a headline's capitals say nothing of names
            out.append((toks, weight))
            if len(seen) >= 2:
                break
    return out


def _ranked(ph: _Phrases, texts, c_in, n_in, c_all, n_all) -> list[tuple[str, frozenset]]:
    """A topic's phrases, best first, as (shown, word families): the words that set the
    topic apart from the rest of the event (frequent inside, rare outside), in central
    sentences, recurring; one word counts less than a phrase."""
    n_out = max(1.0, n_all - n_in)
    need = min(2.0, 0.2 * n_in)   # a label word is in more than one sentence

    def distinct(f: str) -> float:
        c = c_in.get(f, 0.0)
        if c < need:
            return 0.0
        p = c / n_in   # (the second term ranks the words of a topic that is all there is)
        return max(0.0, p * math.log(p / ((c_all.get(f, 0.0) - c + 0.5) / n_out))) + 0.01 * p

    found: dict[tuple[str, ...], list] = {}
    for toks, weight in texts:
        here: set[tuple[str, ...]] = set()
        for s, e, sig in ph.spans(toks):
            rec = found.get(sig)
            if rec is None:
                rec = found[sig] = [0, weight, " ".join([t.text for t in toks[s:e + 1]]), e - s]
            elif weight > rec[1]:
                rec[1], rec[2] = weight, " ".join([t.text for t in toks[s:e + 1]])
            if sig not in here:
                here.add(sig)
                rec[0] += 1
    scored = []
    dist: dict[str, float] = {}
    for sig, (count, weight, shown, extra) in found.items():
        for f in sig:
            if f not in dist:
                dist[f] = distinct(f)
        d = sum([dist[f] for f in sig])
        if d <= 0:
            continue
        score = d / len(sig) ** 0.35 * weight * (1 + 0.5 * math.log(count))
        if not extra:
            score *= 0.7      # one word says less than a phrase
        scored.append((-score, shown.lower(), shown, frozenset(sig)))
    scored.sort()
    return [(shown, fams) for _, _, shown, fams in scored]


def _fallback(n: int, used: set[str]) -> str:
    label = "Other" if "other" not in used else f"Other {n}"
    return label


# ------------------------------------------------------------------ vectors

def _unit(v: dict[str, float]) -> dict[str, float]:
    xs = v.values()
    norm = math.sqrt(sum(map(mul, xs, xs))) or 1.0
    return {f: x / norm for f, x in v.items()}


def _dot(x: dict[str, float], y: dict[str, float]) -> float:
    if len(x) > len(y):
        x, y = y, x
    return sum([w * y[f] for f, w in x.items() if f in y])


def _top(v: dict[str, float], m: int) -> dict[str, float]:
    """The m largest entries of v, the largest first, equal values by key, the larger
    first (what sorting the items by (value, key), largest first, gives: here the values
    alone are sorted to find the m-th, and only the entries at or above it are ordered)."""
    if len(v) <= m:
        return v
    floor = sorted(v.values())[-m]
    keys = [f for f, x in v.items() if x >= floor]
    get = v.__getitem__
    if len(set(map(get, keys))) == len(keys):   # no two alike: the values alone order them
        keys.sort(key=get, reverse=True)
        return {f: get(f) for f in keys[:m]}
    picked = [(get(f), f) for f in keys]
    picked.sort(reverse=True)
    return {f: x for x, f in picked[:m]}


def _smoothed(raw: list[dict[str, float]], u: int, nbrs: dict[int, float]) -> dict[str, float]:
    v = dict(raw[u])
    get = v.get
    smooth = PARAMS["smooth"]
    for nb, w in nbrs.items():
        sw = smooth * w
        for f, x in raw[nb].items():
            v[f] = get(f, 0.0) + sw * x
    return _unit(_top(v, VEC_MAX))


def _centroid(vs: list[dict[str, float]], weights: list[float]) -> dict[str, float]:
    c: dict[str, float] = {}
    get = c.get
    for v, w in zip(vs, weights):
        for f, x in v.items():
            c[f] = get(f, 0.0) + x * w
    return _unit(_top(c, CENTROID_MAX))


# ------------------------------------------------------------------ clustering

def _graph(vecs, content, adjn) -> dict[int, dict[int, float]]:
    """Sparse similarity: unit -> {unit: weight}, symmetric: each unit's NEIGHBOURS most
    similar units and its article neighbours, the latter with a bonus.

    A unit's sums run in its own word order (the order its floats keep), one slot per
    content unit in a list: content is in ascending order, so a slot's index orders ties
    as the unit does."""
    nc = len(content)
    slot = {u: j for j, u in enumerate(content)}
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, u in enumerate(content):
        for f, x in vecs[u].items():
            postings[f].append((j, x))
    large = nc > POSTING_CAP
    cap = POSTING_CAP // 4
    bonus = PARAMS["adjacent"]
    edges: dict[int, dict[int, float]] = {u: {} for u in content}
    exact: dict[int, float] = {}    # large inputs: a pair's exact similarity, once
    for i, u in enumerate(content):
        vu = vecs[u]
        if large:  # partial sums over the heaviest words, then exact for the best of them
            part: dict[int, float] = {}
            get = part.get
            for f, x in _top(vu, QUERY_MAX).items():
                post = postings[f]
                if len(post) <= cap:
                    for j, y in post:
                        part[j] = get(j, 0.0) + x * y
            part.pop(i, None)
            best = _largest(part, 3 * NEIGHBOURS)
            acc = {}
            nu = len(vu)
            for _, nj in best:
                v = content[-nj]
                vv = vecs[v]
                # _dot reads the shorter vector (the first of two alike): its pair key
                k = -nj * nc + i if len(vv) < nu else i * nc - nj
                got = exact.get(k)
                if got is None:
                    got = exact[k] = _dot(vu, vv)
                acc[v] = got
            for v, w in adjn[u].items():
                if v in slot:
                    base = acc[v] if v in acc else _dot(vu, vecs[v])
                    acc[v] = base + bonus * min(1.0, w + adjn[v].get(u, 0.0))
            for s, v in _strongest(acc, NEIGHBOURS):
                edges[u][v] = s
                edges[v][u] = s
            continue
        sums = [0.0] * nc
        for f, x in vu.items():
            for j, y in postings[f]:
                sums[j] += x * y
        sums[i] = 0.0
        # (a neighbour sharing no word: 0.0 + bonus, what 0 + bonus gives)
        for v, w in adjn[u].items():
            j = slot.get(v)
            if j is not None:
                sums[j] += bonus * min(1.0, w + adjn[v].get(u, 0.0))
        for s, j in _strongest_slots(sums, NEIGHBOURS):
            v = content[j]
            edges[u][v] = s
            edges[v][u] = s
    return edges


def _largest(part: dict[int, float], m: int) -> list[tuple[float, int]]:
    """heapq.nlargest(m, [(s, -j) for j, s in part.items()]): the values sorted alone to
    find the m-th, only the entries at or above it made into pairs and sorted."""
    if len(part) > m:
        floor = sorted(part.values())[-m]
        best = [(s, -j) for j, s in part.items() if s >= floor]
    else:
        best = [(s, -j) for j, s in part.items()]
    best.sort(reverse=True)
    return best[:m]


def _strongest_slots(sums: list[float], m: int) -> list[tuple[float, int]]:
    """_strongest of {j: sums[j]}: the m largest values above 0 with their indices, the
    largest first, equal values by index (the values sorted in C, then one pass for the
    indices of those at or above the m-th largest)."""
    vals = sorted(sums)
    k = bisect_right(vals, 0.0)      # vals[k:]: the values above 0
    if k == len(vals):
        return []
    floor = vals[-m] if len(vals) - k > m else vals[k]
    best = sorted([(-s, j) for j, s in enumerate(sums) if s >= floor])
    return [(-ns, j) for ns, j in best[:m]]


def _strongest(acc: dict[int, float], m: int) -> list[tuple[float, int]]:
    """The m entries of acc with the largest values above 0, as (value, key): the largest
    first, equal values by key (what heapq.nlargest of (value, -key) gives; only the
    entries at or above the m-th largest value are made into tuples and sorted)."""
    vals = [s for s in acc.values() if s > 0]
    if not vals:
        return []
    floor = sorted(vals)[-m] if len(vals) > m else 0.0
    best = sorted([(-s, v) for v, s in acc.items() if s > 0 and s >= floor])[:m]
    return [(-ns, v) for ns, v in best]


def _agglomerate(content, edges, k) -> list[list[int]]:
    """Greedy modularity agglomeration over the sparse graph until k clusters remain
    or no edge links two clusters."""
    members = {u: [u] for u in content}
    links: dict[int, dict[int, float]] = {u: dict(edges[u]) for u in content}
    deg = {u: sum(edges[u].values()) for u in content}
    m2 = sum(deg.values()) or 1.0
    gamma = PARAMS["resolution"]

    mm = m2 * m2
    # gain(u, v, s) = s / m2 - gamma * deg[u] * deg[v] / mm, written out in the loops
    heap = []
    for u in content:
        gu = gamma * deg[u]
        heap += [(-(s / m2 - gu * deg[v] / mm), u, v) for v, s in edges[u].items() if u < v]
    heapq.heapify(heap)
    pop, push = heapq.heappop, heapq.heappush
    count = len(content)
    while heap and count > k:
        neg, u, v = pop(heap)
        if u not in members or v not in members:
            continue
        lu = links[u]
        cur = lu.get(v)
        if cur is None or abs(cur / m2 - gamma * deg[u] * deg[v] / mm + neg) > 1e-12:
            continue  # stale entry
        members[u].extend(members.pop(v))
        deg[u] += deg.pop(v)
        lv = links.pop(v)
        lu.pop(v, None)
        for w, s in lv.items():
            if w == u:
                continue
            lu[w] = lu.get(w, 0.0) + s
            lw = links[w]
            lw.pop(v, None)
            lw[u] = lu[w]
        gu = gamma * deg[u]
        for w, s in lu.items():
            push(heap, (-(s / m2 - gu * deg[w] / mm), u, w) if u < w
                 else (-(s / m2 - gu * deg[w] / mm), w, u))
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
                  vote: float, n: int) -> list[float]:
    """A unit's closeness to each of n topics: its words against the centroids, plus the
    vote of its article neighbours already placed in a topic (0.0: nothing in common)."""
    sc = [0.0] * n
    for f, x in vec.items():
        p = post.get(f)
        if p:
            for t, y in p:
                sc[t] += x * y
    for v, w in nbrs.items():
        t = where.get(v)
        if t is not None:
            sc[t] += vote * w
    return sc


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
        sc = _topic_scores(raw[u], post, adjn[u], where, vote, len(cents))
        # the closest, the first of equals (every score is a sum of positive terms: a
        # topic with nothing in common scores 0.0, and with none at all the first wins)
        t = sc.index(max(sc))
        where[u] = t
        out[t].append(u)
    return [sorted(us) for us in out]


def _absorb_small(clusters, vecs, size) -> tuple[list[list[int]], list[dict | None]]:
    """Clusters of fewer than min_size sentences join the topic they resemble most;
    topics largest first, each with its centroid when it took no cluster in (None when
    it did: its centroid changed)."""
    if not clusters:
        return [], []
    weight = [sum(size[u] for u in us) for us in clusters]
    order = sorted(range(len(clusters)), key=lambda c: (-weight[c], clusters[c][0]))
    keep = [c for c in order if weight[c] >= PARAMS["min_size"]] or order[:1]
    topics = [list(clusters[c]) for c in keep]
    cents = [_centroid([vecs[u] for u in us], [size[u] for u in us]) for us in topics]
    grew = [False] * len(topics)
    for c in order:
        if c in keep:
            continue
        cv = _centroid([vecs[u] for u in clusters[c]], [size[u] for u in clusters[c]])
        t = max(range(len(topics)), key=lambda t: (_dot(cv, cents[t]), -t))
        topics[t].extend(clusters[c])
        grew[t] = True
    topics = [sorted(us) for us in topics]
    by = sorted(range(len(topics)), key=lambda t: (-sum(size[u] for u in topics[t]),
                                                   topics[t][0]))
    return [topics[t] for t in by], [None if grew[t] else cents[t] for t in by]
