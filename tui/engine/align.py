"""Cross-source alignment: which sentences of different articles state the same thing.

The method combines evidence; no single similarity decides.

1. Features.  Each sentence becomes a set of word families (snowball stem of the
   spelling-folded word, cut to 5 letters: verify/verification/verifying meet; news
   synonyms folded: halt/suspend/freeze, synonyms.py; a first name joins its surname),
   weighted by rarity (IDF over the corpus's sentences; time words and titles weigh
   less).  What the sentence claims is told from how it is attributed (claim.py): the
   words of attribution tags ("X said", "according to X"), its main clause, and a
   dateline or discourse marker before it, which counts for nothing.
2. Candidates (blocking).  An inverted index over the families yields, for
   each sentence, the sentences of other articles that share a family; the
   accumulated weights are the weighted overlap itself.  When that is too much
   pair work, a sentence is indexed by its rarer families only.
3. Pair score in 0..1, from several signals: weighted Dice, weighted
   containment (for a sentence merged into, or split out of, a longer one; what only
   a later clause of the longer one holds counts less), a rapidfuzz scorer on the word
   strings (edit-level copying), and a bonus for shared rare phrases (bigrams, by
   rarity).  The claims decide: a shared tag adds at most PARAMS["tag_lift"]; a pair
   sharing nothing but proper names, or a question against a statement, scores low.
4. Context.  A pair whose neighbours (previous/next sentences in both articles)
   also pair up gains support: copied passages keep their order.
5. Consistency.  Sentences are grouped agglomeratively: two groups merge when
   the summed evidence over all their cross-article pairs is positive (pairs
   never scored count as evidence against), so A~B and B~C pull C towards A only
   when the rest of the group agrees.  A sentence's matches are the members of its
   group in other articles; a sentence in no group (or only with sentences of its
   own article) is an addition.

Scale.  Near-verbatim copies (the bulk of a large corpus of re-run wire copy) are
collapsed first, found through an index over each sentence's rarest families; steps
2-5 run over one representative per set of copies.  Blocking is chosen by the amount of
pair work (PAIR_WORK): above it, each sentence is indexed by its rarer families only
(_Blocking); grouping carries its evidence sums along as groups merge.  Above PARALLEL_WORK
the candidate rows are found and scored in one process per core (_score_shared: forked
children read the sentences as built, and send back columns put back in row order, so the
scores are the ones a single process finds).  Groups are kept as groups: the per-pair
matches are built only for the sentences someone asks about.
"""
from __future__ import annotations

import bisect
import heapq
from array import array
import re
import math
import os
from bisect import bisect_right
from contextlib import contextmanager
from functools import lru_cache
from collections import Counter, defaultdict
from itertools import chain
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.process import extract
from rapidfuzz.distance import Indel, Levenshtein

from .claim import (LOWER_WORD, NAME_RUN, clauses, denial, is_question, occasions,
                    occasions_differ, preamble_end, tag_spans)
from .places import PLACE, fold_places
from .synonyms import SENSE, fold_phrases
from .model import Article, Alignment, Match, Span, merge_spans
from .text import STOPWORDS, WORD, key, loose, normal, words

# Boilerplate that states nothing about the event, so it never aligns (headlines, captions,
# subheadings and standfirsts do state something, and align like any sentence).
FURNITURE = frozenset({"dateline", "byline", "read-more", "credit", "video notice", "separator",
                       "lead-in", "note"})
# Words of attribution tags ("foreign ministry spokeswoman X told a regular briefing"):
# who said it and how, not what was said.  An added or changed tag is a light edit.
_ATTRIBUTION_WORDS = """spokesman spokeswoman spokesperson spokespeople official officials ministry
minister secretary press statement statements briefing briefed reporters department agency
told added announced confirmed stated tweeted wrote posted reported reportedly according
conference interview spokesman anonymity condition""".split()
_HEADINGS = frozenset({"headline", "headline (repeated)", "subheading", "standfirst"})
FAMILY = 5            # letters kept of a stem: a word family
# Up to this many pairs of sentences (copies collapsed) that share a family, counted family
# by family, every one is weighed; above it, a sentence is indexed by its rarer families
# (see _candidates).
PAIR_WORK = 16_000_000
PREFIX = 0.1         # ... all but its commonest that together weigh less than this share
ALL_PAIRS_LIMIT = 6000  # above this many sentences, word spans are not kept once used
# Above this much pair work the pairs are scored in processes, one per core (at most WORKERS),
# each taking runs of ROW_RUN rows in turn (_score_shared)
PARALLEL_WORK = 500_000
WORKERS = 4
PARALLEL_TEXTS = 4000   # distinct texts above which they are read in one process per core
ROW_RUN = 64
LATE_LIMIT = 200_000  # pair scores and relations computed on demand that are kept
ASK_LIMIT = 2_000_000  # pairs state() walks to compute ahead what matches would ask,
ASK_SCORES = 100_000   # and pair scores it computes so at most (real 1,000 asks for 72 k)
SYNONYMS = True       # fold news synonyms to one family (synonyms.py)
COLLAPSE = True       # collapse copies first (off only to measure what blocking loses)
BRIDGE_LIMIT = 50     # members tried as a bridge when reporting a pair's score
LEDE = 2              # an article's first body sentences that restate its headline
SCANT_DICE = 0.12     # a pair sharing less than this weighted Dice ...
SCANT_HELD = 0.3      # ... and less than this of its smaller side is never scored
TWIN_KEYS = 6         # rarest families a sentence is indexed and looked up by, for copies
TWIN_DICE = 0.8       # a copy shares this much weighted vocabulary ...
TWIN_RATIO = 85.0     # ... and this much of its characters
TWIN_WINDOW = 2000    # a copy within one article is looked for this many sentences back
_TWIN_SPAN = TWIN_DICE / (2 - TWIN_DICE)   # lighter / heavier weight of a copy, at least

PARAMS = {
    "threshold": 0.45,   # evidence threshold: above speaks for "same", below against
    "context": 0.15,     # weight of neighbour support
    "mutual": 0.1,      # bonus when each is the other's best partner in its article
    "rival": 0.3,       # penalty scale when a better partner exists in the same article
    "restated": 0.3,    # ... none for a pair scoring this when that partner restates it
    "missing": 0.25,      # how strongly an unscored pair inside a group speaks against it
    "cont_min": 0.7,     # containment below this earns nothing
    "cont_base": 0.4,   # containment credit for a tiny sentence ...
    "cont_len": 0.4,     # ... plus this much for a sentence of full weight
    "attribution": 0.5,  # weight of attribution words ("spokeswoman", "told reporters")
    "phrase": 0.3,       # weight of shared rare phrases (adjacent families) ...
    "phrase_full": 20.0, # ... reached in full at this summed rarity
    "tag_lift": 0.3,     # an attribution tag adds at most this to what the claims share
    "time": 0.3,         # weight of time words (TIME_WORDS)
    "title": 0.4,        # weight of titles (TITLES)
    "names": 1,          # first names join their surname's family (_surnames)
    "min_content": 1.5,  # shared claim weight beyond proper names a link needs ...
    "names_only": 0.25,  # ... else the pair scores at most this
    "denial": 0.6,       # one main clause denies, the other does not: score times this
    "occasion": 0.5,     # two sentences naming different dates: their score times this
    "question": 0.4,     # a question against a statement: its score times this
    "secondary": 0.5,    # containment credit for what only a later clause holds
    "attach": 0.3,       # a sentence in no group joins its best counterpart's from this score
    "attach_mean": 0.2,  # ... and the group's members score this on average with it
    "attach_cover": 0.3, # ... when the counterpart covers this share of its content
    "cont_words": 3,     # containment counts only for sentences of this many content words
}


@dataclass(slots=True)
class _Sent:
    a: int          # article index
    i: int          # sentence index
    fams: dict      # family -> weight (filled once IDF is known)
    weight: float
    loose: str
    normal: str
    bigrams: dict   # adjacent families (a phrase, by its number) -> rarity
    furniture: bool   # page furniture (dateline, read-more, source line ...): states nothing
    tag: frozenset = frozenset()   # families only in its attribution tags (claim.py)
    tag_weight: float = 0.0
    main: frozenset = frozenset()  # families of its main clause, when it has more than one
    names: frozenset = frozenset()  # families that are proper names (people, places)
    question: bool = False
    when: tuple | None = None      # the dates it names (claim.occasions), None: none
    denies: bool = False
    lead: bool = False   # a heading or one of its article's first body sentences (LEDE)
    doubled: frozenset = frozenset()   # families it has twice in a row (a phrase of one)


@lru_cache(maxsize=65536)
def _family(w: str) -> str | None:
    """A word's family (None for stopwords): its place key, number, or cut stem."""
    place = PLACE.get(w.lower())
    if place:
        return place
    k = key(w)
    if k.isdigit():
        return k
    if k not in STOPWORDS and len(k) > 1:
        if SYNONYMS:
            sense = SENSE.get(k)
            if sense:
                return sense
        return k[:FAMILY]
    return None


ATTRIBUTION = frozenset(f for w in _ATTRIBUTION_WORDS if (f := _family(w)))
# When, within the week: a detail outlets give differently (time zones, "Friday evening"
# and "Saturday morning local time"), weak evidence that two sentences agree.
TIME_WORDS = frozenset(f for w in """monday tuesday wednesday thursday friday saturday sunday
morning afternoon evening night overnight tonight today yesterday tomorrow local early earlier
late later week weekend""".split() if (f := _family(w)))
# Titles and roles in front of names ("President", "North Korean leader"): how an outlet
# names someone, not what is said of them.
TITLES = frozenset(f for w in """president prime minister leader dictator chancellor premier
secretary chairman chairwoman senator sen rep representative governor gov ambassador general
gen mayor king queen prince princess chief director commander speaker""".split()
                   if (f := _family(w)))
PLACE_KEYS = frozenset(PLACE.values())
_NONE: frozenset = frozenset()


def _families(text: str, words: list[str] | None = None) -> list[str]:
    """The word families of a text (`words`: its WORD matches, when already found)."""
    folded = fold_places(text)
    if words is None or folded != text:
        words = WORD.findall(folded)
    return [f for f in map(_family, words) if f]


@dataclass(frozen=True, slots=True)
class _Text:
    """A sentence's words as the aligner reads them (the first pass of _prepare)."""
    fams: tuple          # families of its content words, in order
    tagged: frozenset    # families only in attribution tags
    main: frozenset      # families of the claim's first clause (claim.clauses)
    runs: tuple          # families of each run of capitalised words (names), titles left out
    lowered: frozenset   # families also written in lower case (words, not only names)
    capital: frozenset   # families capitalised inside the sentence (not its first word)
    question: bool       # a question (claim.is_question)
    when: tuple          # the dates it names (claim.occasions)
    denies: bool         # its main clause denies (claim.denial)
    loose: str           # its words, lower-cased (text.loose: what fuzz.ratio compares)
    normal: str          # text.normal: the form copies are told by


@lru_cache(maxsize=32768)
def _read(text: str, headline: bool) -> _Text:
    """Families of a sentence, its tags, main clause and name runs (the preamble left
    out), its loose and normal forms.  Kept per text: copies of a sentence (wire copy)
    are read once, and so is a text met again in a later analysis."""
    lower = set(LOWER_WORD.findall(text.lower()))
    # the preamble is found on the text as written ("SEOUL, South Korea — " is a dateline
    # by its capitals, which folding the place names would lose) and kept as it is
    skip = preamble_end(text)
    folded = fold_places(text[skip:])
    if SYNONYMS:
        folded = fold_phrases(folded, lower)
    folded = text[:skip] + folded
    if skip:
        spans = [(a + skip, b + skip) for a, b in tag_spans(folded[skip:], headline, lower)]
    else:
        spans = tag_spans(folded, headline, lower)
    words = []
    for m in WORD.finditer(folded, skip):
        w = m.group()
        f = _family(w)
        if f:
            words.append((f, m.start(), w))
    if not spans:
        claim_words = words
        tagged: set[str] = set()
        lo, hi = skip, len(folded)
    else:
        claim_words, in_tag = [], set()
        for t in words:
            p = t[1]
            for a, b in spans:
                if a <= p < b:
                    in_tag.add(t[0])
                    break
            else:
                claim_words.append(t)
        tagged = in_tag - {t[0] for t in claim_words}
        lo = spans[0][1] if spans[0][0] <= skip else skip
        # the claim runs to a trailing tag; a tag in the middle ("The files, X said,
        # showed ...") interrupts it, its words left out above
        hi = next((a for a, b in spans if a > lo and b >= len(folded)), len(folded))
    # the main clause: the claim's first clause holding two content words or more
    main: set[str] = set()
    main_spans: list[tuple[int, int]] = [(lo, hi)]
    if len(claim_words) > 2:
        main_spans = []
        for clause in clauses(folded, lo, hi):
            main_spans.extend(clause)
            for a, b in clause:
                main.update(f for f, p, _ in claim_words if a <= p < b)
            if len(main) >= 2:
                break
    if len(main) >= len({t[0] for t in words}):
        main = set()
    denies = any(denial(folded, a, b) for a, b in main_spans)
    runs = []
    k = 0
    # a heading in Title Case capitalises every word: its runs are no names
    for m in NAME_RUN.finditer(folded, skip) if not (headline and _title_case(folded)) else ():
        a, b = m.span()
        fams = []
        while k < len(words) and words[k][1] < b:
            f, p, _ = words[k]
            if p >= a and f not in TITLES and not f.isdigit():
                fams.append(f)
            k += 1
        if fams:
            runs.append(tuple(fams))
    # capitalised inside the sentence, not as its first word: the mark of a name
    capital = frozenset(f for f, p, w in words[1:] if w[0].isupper()) if runs else frozenset()
    return _Text(tuple(f for f, _, _ in words), frozenset(tagged), frozenset(main), tuple(runs),
                 frozenset(f for f, _, w in words if w.islower()), capital,
                 is_question(folded[skip:]),
                 occasions(folded), denies, loose(text, WORD.findall(text)), normal(text))


_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _title_case(text: str) -> bool:
    """Most of its longer words capitalised ("Storm Closes Port Ahead of Holiday")."""
    long_words = _LONG_WORD.findall(text)
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)


def _surnames(texts: list[_Text]) -> dict[str, str]:
    """Name variants of one person: in a run of two or three capitalised words ("Donald
    Trump", "Kim Jong Un", "Prime Minister Benjamin Netanyahu", titles left out), the one
    word that the corpus also uses alone as a name (twice or more) stands for the whole, and
    the run's other words join its family when they are only ever written capitalised,
    only ever next to that word, and so twice or more.  Places, titles and time words are no one's name ("South
    China Sea", "Friday EDT").  Returns family -> the family it joins."""
    alone: dict[str, int] = defaultdict(int)
    common: set[str] = set()
    runs: list[tuple] = []
    for t in texts:
        common |= t.lowered
        for fams in t.runs:
            if len(fams) == 1:
                alone[fams[0]] += 1
            elif len(fams) <= 3:
                runs.append(fams)
    never = PLACE_KEYS | TITLES | TIME_WORDS | ATTRIBUTION
    partner: dict[str, set[str]] = defaultdict(set)  # joiner -> the anchors it stands by
    seen: dict[str, int] = defaultdict(int)
    for fams in runs:
        anchors = [f for f in fams if alone.get(f, 0) >= 2 and f not in never and len(f) > 2]
        anchor = anchors[0] if len(anchors) == 1 else None
        for f in fams:
            if f != anchor:
                partner[f].add(anchor)
                seen[f] += 1
    join: dict[str, str] = {}
    for f, anchors in partner.items():
        if len(anchors) == 1 and None not in anchors and seen[f] >= 2 and f not in alone \
                and f not in common and f not in never:
            join[f] = next(iter(anchors))
    return join


def _read_texts(keys: list[tuple[str, bool]]) -> list[_Text]:
    """Each distinct (text, heading) read (_read)."""
    return [_read(shown, heading) for shown, heading in keys]


def _unread(articles: tuple[Article, ...]) -> list[_Sent]:
    """Every sentence as (article, sentence, furniture or not), its words not read."""
    return [_Sent(a, s.i, {}, 0.0, "", "", {}, s.role in FURNITURE)
            for a, art in enumerate(articles) for s in art.sentences]


def _prepare(articles: tuple[Article, ...]) -> list[_Sent]:
    if sum(1 for art in articles if art.sentences) < 2:
        # one article: nothing to align it with, its sentences are not read (a long one
        # would cost seconds for no link)
        return _unread(articles)
    # a text met again (wire copy re-run: most sentences of a large corpus) is worked out
    # once, its sentences sharing what is read of it; counts still count every sentence
    kinds: dict[tuple[str, bool], int] = {}   # per distinct text (and heading or not)
    mult: list[int] = []             # how many sentences have it
    which: list[int] = []            # per sentence: its text
    where: list[tuple[int, int, bool, bool]] = []
    for a, art in enumerate(articles):
        body = 0
        for s in art.sentences:
            shown = art.shown_text(s)
            heading = s.role in _HEADINGS
            k = kinds.get((shown, heading))
            if k is None:
                k = kinds[(shown, heading)] = len(mult)
                mult.append(0)
            mult[k] += 1
            which.append(k)
            if heading:
                lead = True
            elif not s.boilerplate:
                body += 1
                lead = body <= LEDE
            else:
                lead = False
            where.append((a, s.i, s.role in FURNITURE, lead))
    keys = list(kinds)
    del kinds
    workers = _workers() if len(keys) >= PARALLEL_TEXTS else 1
    if workers > 1:
        runs, shares = _deal(keys, workers)
        parts = _forked(_read_texts, shares)
        read, at = [], [0] * workers
        for r, run in enumerate(runs):         # put back in the texts' order
            w = r % workers
            read.extend(parts[w][at[w]:at[w] + len(run)])
            at[w] += len(run)
        del runs, shares, parts
    else:
        read = _read_texts(keys)
    del keys
    texts = read
    del read
    join = _surnames([texts[k] for k in which]) if PARAMS["names"] else {}
    # proper names: families only ever written capitalised, capitalised inside a sentence
    # somewhere (not only as its first word), in runs of capitalised words; and places
    lowered = frozenset().union(*(t.lowered for t in texts)) if texts else frozenset()
    capital = frozenset().union(*(t.capital for t in texts)) if texts else frozenset()
    names = {join.get(f, f) for t in texts for run in t.runs for f in run
             if f in capital and f not in lowered}
    names = frozenset(names | PLACE_KEYS)
    raw = []
    for t in texts:
        if join and not join.keys().isdisjoint(t.fams):
            fams = [join.get(f, f) for f in t.fams]
            raw.append((fams, {join.get(f, f) for f in t.tagged}, {join.get(f, f) for f in t.main}))
        else:
            raw.append((t.fams, t.tagged, t.main))
    pairs = [dict.fromkeys(zip(fams, fams[1:])) for fams, _, _ in raw]  # in order (sums follow it)
    distinct = [set(fams) for fams, _, _ in raw]
    # sentences with each family, and with each phrase (the texts met once counted in one
    # pass; the order families are counted in decides nothing)
    df = Counter(chain.from_iterable(s for s, m in zip(distinct, mult) if m == 1))
    pdf = Counter(chain.from_iterable(bg for bg, m in zip(pairs, mult) if m == 1))
    for s, bg, m in zip(distinct, pairs, mult):
        if m != 1:
            for f in s:
                df[f] += m
            for b in bg:
                pdf[b] += m
    n = len(which)
    # a phrase is a number (a quick key to look up), with one weight object, shared by
    # every sentence that has it (a large corpus has hundreds of thousands of sentences)
    phrase = {b: (k, math.log((n + 1) / (d + 0.5))) for k, (b, d) in enumerate(pdf.items())}
    del pdf
    doubled = []                    # per text: the families it has twice in a row
    for k, ((fams, _, _), bigrams, s) in enumerate(zip(raw, pairs, distinct)):
        pairs[k] = {r[0]: r[1] for r in map(phrase.__getitem__, bigrams)}
        doubled.append(frozenset(a for a, b in bigrams if a == b)
                       if len(s) < len(fams) else _NONE)
    del phrase, distinct
    attribution, time_w, title_w = PARAMS["attribution"], PARAMS["time"], PARAMS["title"]
    # one weight object per family, shared by every sentence that has it
    weight = {f: math.log((n + 1) / (d + 0.5)) * (
        attribution if f in ATTRIBUTION else time_w if f in TIME_WORDS
        else title_w if f in TITLES else 1.0) for f, d in df.items()}
    del df
    protos = []
    for t, (fams, tagged, main), bg, twice in zip(texts, raw, pairs, doubled):
        fd = {f: weight[f] for f in fams}     # in the text's order, not a set's
        protos.append(_Sent(0, 0, fd, sum(fd.values()), t.loose, t.normal, bg, False,
                            frozenset(tagged),
                            sum([w for f, w in fd.items() if f in tagged]) if tagged else 0,
                            frozenset(main), names.intersection(fd),
                            t.question, t.when if any(t.when) else None, t.denies,
                            doubled=twice))
    del texts, raw, pairs, doubled
    sents = []
    for k, (a, i, furniture, lead) in zip(which, where):
        p = protos[k]
        sents.append(_Sent(a, i, p.fams, p.weight, p.loose, p.normal, p.bigrams, furniture,
                           p.tag, p.tag_weight, p.main, p.names, p.question, p.when, p.denies,
                           lead, p.doubled))
    return sents


def _candidates(sents: list[_Sent], ids: list[int], art: dict[int, int]) -> "_Pairs":
    """(x, y), x < y, in different articles -> weighted overlap of their families, for
    the pairs that share enough to be scored at all (see _Blocking)."""
    out = _Pairs()
    block = _Blocking(sents, ids, art)
    for x in ids:
        block.row(x, out)
    return out


class _Blocking:
    """The candidate pairs of the sentences `ids`, row by row: row(x) adds (x, y), y > x in
    another article, with the weighted overlap of their families, for the pairs that share
    enough to be scored at all (pair_score's cheap filter, on the claims' weight: a lower
    bound; most pairs share one common word).

    Blocking is chosen by the amount of pair work (`work`): when the pairs that share a
    family, counted family by family, number at most PAIR_WORK, every one of them is
    weighed.  Above, each sentence is indexed by its rarer families only: all but its
    commonest ones that together weigh less than PREFIX of it.  Two sentences whose rarest
    shared family is in neither's index share less than PREFIX of each: a pair that shares
    at least PREFIX of both (a weighted Dice of 2 * PREFIX) is always proposed.  A pair
    proposed is weighed on all its shared families.  `ids` ascend, an article's together;
    each row is found, filtered and kept in turn (no pair list of the whole corpus is ever
    built), and rows are independent of one another (they can be found in any order, in
    any process)."""

    __slots__ = ("sents", "last", "claim_w", "work", "postings", "order", "keyed", "spared")

    def __init__(self, sents: list[_Sent], ids: list[int], art: dict[int, int]):
        self.sents = sents
        postings: dict[str, list[int]] = defaultdict(list)
        for x in ids:
            for f in sents[x].fams:
                postings[f].append(x)
        last = self.last = [0] * len(sents)      # x -> its article's last sentence in ids
        end: dict[int, int] = {}
        for x in ids:
            end[art[x]] = x
        for x in ids:
            last[x] = end[art[x]]
        claim_w = self.claim_w = [0.0] * len(sents)  # a list: read for every pair sharing a family
        for x in ids:
            claim_w[x] = sents[x].weight - sents[x].tag_weight
        self.work = sum(len(p) * (len(p) - 1) // 2 for p in postings.values())
        self.keyed: dict[int, list[str]] | None = None
        self.spared: dict[int, float] | None = None
        if self.work <= PAIR_WORK:
            self.postings = postings
            # families in the order they were first met: each pair's weights add up in it
            self.order = {f: k for k, f in enumerate(postings)}
            return
        del postings
        self.order = None
        index: dict[str, list[int]] = defaultdict(list)
        keyed: dict[int, list[str]] = {}
        spared: dict[int, float] = {}    # the weight of the families it is not indexed by
        for x in ids:
            fams = sents[x].fams
            spare = PREFIX * sents[x].weight
            mine = keyed[x] = []
            for f in sorted(fams, key=lambda f: (fams[f], f)):     # commonest first
                w = fams[f]
                if w < spare and not mine:
                    spare -= w
                else:
                    mine.append(f)
                    index[f].append(x)
            spared[x] = PREFIX * sents[x].weight - spare
        self.postings, self.keyed, self.spared = index, keyed, spared

    def row(self, x: int, out: "_Pairs") -> None:
        """x's pairs (x, y), y > x, into out (y ascending)."""
        sents, claim_w = self.sents, self.claim_w
        fx = sents[x].fams
        if self.keyed is None:
            acc = _overlaps(sorted(fx, key=self.order.__getitem__), fx, self.postings,
                            self.last[x])
            _keep(x, acc, claim_w, out)
            return
        spared = self.spared
        acc = _overlaps(self.keyed[x], fx, self.postings, self.last[x])
        # what the index saw, plus at most what either leaves out: pairs that cannot
        # pass the filter even so are dropped before their whole overlap is summed
        wx, sx = claim_w[x], spared[x]
        dice_min, held_min = SCANT_DICE, SCANT_HELD
        whole: dict[int, float] = {}
        for y, o in acc.items():
            top = o + sx + spared[y]
            wy = claim_w[y]
            if 2 * top >= dice_min * (wx + wy) or top >= held_min * (wx if wx < wy else wy):
                fy = sents[y].fams      # summed in fx's order: the same float whatever the hash seed
                whole[y] = sum([w for f, w in fx.items() if f in fy])
        _keep(x, whole, claim_w, out)


def _overlaps(families, weights: dict, postings: dict, end: int) -> dict[int, float]:
    """Sentence -> the summed weights of the families (in this order) it shares with the
    sentence whose weights these are, for the sentences after `end` (its article's last
    sentence) in each family's ascending posting list."""
    acc: dict[int, float] = {}
    get = acc.get
    for f in families:
        post = postings[f]
        k = bisect_right(post, end)
        if k < len(post):
            w = weights[f]
            for y in post[k:]:
                acc[y] = get(y, 0.0) + w
    return acc


def _keep(x: int, acc: dict[int, float], claim_w: list[float], out: "_Pairs") -> None:
    """The pairs (x, y) of `acc` (y -> overlap) that share enough to be scored, into out
    (y ascending: out's rows stay sorted)."""
    wx = claim_w[x]
    dice_min, held_min = SCANT_DICE, SCANT_HELD      # (not _scant: the pass is hot)
    kept = [y for y, o in acc.items() if 2 * o >= dice_min * (wx + (wy := claim_w[y]))
            or o >= held_min * (wx if wx < wy else wy)]
    if kept:
        kept.sort()
        out.ys.extend(kept)
        out.vals.extend([acc[y] for y in kept])
        out.xs.extend(array("i", [x]) * len(kept))


class _Pairs:
    """Pairs of sentences (x, y), x < y, each with a value, in three columns: x ascending,
    and y ascending within one x (a row).  About 16 bytes a pair where a dict keyed by
    tuples takes about ten times that: a large corpus scores millions of pairs."""

    __slots__ = ("xs", "ys", "vals", "_rows")

    def __init__(self, xs=None, ys=None, vals=None):
        self.xs = array("i") if xs is None else xs
        self.ys = array("i") if ys is None else ys
        self.vals = array("d") if vals is None else vals
        self._rows: dict[int, tuple[int, int]] | None = None

    @classmethod
    def of(cls, triples) -> "_Pairs":
        """From (x, y, value) triples in any order, x < y (the last value of a pair kept)."""
        d = {(int(x), int(y)): float(v) for x, y, v in triples}
        out = cls()
        for (x, y) in sorted(d):
            out.xs.append(x)
            out.ys.append(y)
            out.vals.append(d[(x, y)])
        return out

    @classmethod
    def columns(cls, xs, ys, vals) -> "_Pairs":
        """From three columns (what `state()`'s triples are stored as): taken as they are
        when the pairs are already in order, each once, x < y (as state() gives them: real
        300's half a million pairs in ~0.2-0.4 s instead of ~0.7-1.2 s); else as `of`."""
        if not len(xs) == len(ys) == len(vals):
            raise ValueError("pair columns of different lengths")
        try:
            out = cls(array("i", xs), array("i", ys), array("d", vals))
        except (TypeError, OverflowError):
            return cls.of(zip(xs, ys, vals))
        n = 1 + max(max(out.xs, default=0), max(out.ys, default=0))
        keys = [x * n + y for x, y in zip(out.xs, out.ys)]
        if all(map(int.__lt__, out.xs, out.ys)) and all(map(int.__lt__, keys, keys[1:])):
            return out
        return cls.of(zip(xs, ys, vals))

    def within(self, n: int) -> bool:
        """Every pair is of sentences 0 .. n - 1."""
        return not self.xs or (min(min(self.xs), min(self.ys)) >= 0
                               and max(max(self.xs), max(self.ys)) < n)

    def __len__(self) -> int:
        return len(self.xs)

    def items(self):
        """((x, y), value) in order."""
        return zip(zip(self.xs, self.ys), self.vals)

    def index(self, x: int, y: int) -> int:
        """Where the pair of x and y (either order) is, -1 if it is not."""
        if x > y:
            x, y = y, x
        rows = self._rows
        if rows is None:
            rows = self._rows = {}
            xs, lo, m = self.xs, 0, len(self.xs)
            while lo < m:
                hi = bisect_right(xs, xs[lo], lo)
                rows[xs[lo]] = (lo, hi)
                lo = hi
        r = rows.get(x)
        if r is None:
            return -1
        k = bisect.bisect_left(self.ys, y, r[0], r[1])
        return k if k < r[1] and self.ys[k] == y else -1

    def get(self, x: int, y: int, default=None):
        k = self.index(x, y)
        return default if k < 0 else self.vals[k]

    def adjacency(self, n: int) -> tuple[array, array, array]:
        """Both directions at once: (start, other, pair) with start[v]..start[v + 1] the
        slots of sentence v (0 <= v < n), other[k] the other sentence of the pair
        pair[k]; each sentence's slots in ascending order of the other."""
        start = array("i", bytes(4 * (n + 1)))
        for x in self.xs:
            start[x + 1] += 1
        for y in self.ys:
            start[y + 1] += 1
        for v in range(n):
            start[v + 1] += start[v]
        fill = array("i", start)
        m = len(self.xs)
        other = array("i", bytes(8 * m))
        pair = array("i", bytes(8 * m))
        # pairs in order: a sentence's pairs with smaller ones (rows before its own) come
        # first, in ascending order, then its own row, ascending
        for p, (x, y) in enumerate(zip(self.xs, self.ys)):
            k = fill[x]
            other[k] = y
            pair[k] = p
            fill[x] = k + 1
            k = fill[y]
            other[k] = x
            pair[k] = p
            fill[y] = k + 1
        return start, other, pair


@contextmanager
def exhaustive():
    """Blocking off while inside: every pair that shares a word is weighed (to measure
    what blocking loses; slow on large corpora)."""
    global PAIR_WORK
    saved, PAIR_WORK = PAIR_WORK, 1 << 62
    try:
        yield
    finally:
        PAIR_WORK = saved


def overlap(sx: _Sent, sy: _Sent) -> float:
    fy = sy.fams
    return sum([w for f, w in sx.fams.items() if f in fy])


def pair_score(sx: _Sent, sy: _Sent, overlap: float) -> float:
    """How strongly two sentences state the same thing, 0..1.

    Scored twice: on the whole sentences, and on their claims alone (attribution tags
    left out, claim.py).  The claims decide; a tag may support a match but not carry it:
    the whole sentences' score counts up to the claims' score plus PARAMS["tag_lift"].
    A short sentence contained in a long one counts fully for what it shares with the
    long one's main clause, less for what only a later clause holds ("A, including B"
    states A).  A link needs shared content beyond proper names, and a question states
    nothing a statement repeats.  (The work is _row_scores's, for a row of one.)"""
    return _row_scores(sx, (sy,), (overlap,))[0]


def _row_scores(sx: _Sent, others, overlaps) -> list[float]:
    """pair_score(sx, sy, overlap) for each sentence of `others` with its overlap: what
    belongs to sx alone (its families' parts, PARAMS) is worked out once for the row."""
    P = PARAMS
    secondary, phrase_w, phrase_full = P["secondary"], P["phrase"], P["phrase_full"]
    tag_lift, min_content, names_only = P["tag_lift"], P["min_content"], P["names_only"]
    question, denial_m, occasion = P["question"], P["denial"], P["occasion"]
    nx, wx, fx, tx, twx = sx.normal, sx.weight, sx.fams, sx.tag, sx.tag_weight
    cwx = wx - twx
    lx, bgx, qx, dx, whx = sx.loose, sx.bigrams, sx.question, sx.denies, sx.when
    nfx, nfx_claim = len(fx), len(fx) - len(tx)
    mx, names = sx.main, sx.names
    # each family of sx in its own order (a set's order follows the hash seed, and a float
    # sum its order: scores would differ in the last digit from run to run, and ties flip):
    # its weight, whether it is in sx's main clause (or sx has none), in its tags, a name
    info = {f: (w, not mx or f in mx, f in tx, f in names) for f, w in fx.items()}
    place = None          # family -> its place in sx, when a pair shares more than two
    # copying at the character level: edits keep long runs of identical text (below the
    # cutoff the edit signal is 0 anyway; the cutoff lets rapidfuzz stop early), the row's
    # ratios in one call (the values fuzz.ratio gives one by one)
    ratios = [0.0] * len(others)
    if others:
        for _, r, k in extract(lx, [sy.loose for sy in others], scorer=fuzz.ratio,
                               score_cutoff=45.0, limit=None):
            ratios[k] = r
    out = []
    for sy, overlap, r in zip(others, overlaps, ratios):
        if nx == sy.normal:
            out.append(1.0)
            continue
        wy = sy.weight
        if wx <= 0 or wy <= 0:
            out.append(0.0)
            continue
        ty = sy.tag
        # too little shared for either reading to reach a match (most candidates of a
        # large corpus): decided from the overlap alone, before the families are walked.
        # The claims' overlap is at most the whole's (plus a hair for the order of its sum).
        scant = _scant(overlap, wx, wy)
        if scant and (not (tx or ty)
                      or _scant(overlap * (1 + 1e-9), cwx, wy - sy.tag_weight)):
            out.append(0.0)
            continue
        fy, my = sy.fams, sy.main
        held = claim_o = claim_h = content = 0.0
        last = None
        both = fx.keys() & fy.keys()
        shared = len(both)
        if shared > 2:       # summed in sx's order (two terms add up alike in either order)
            if place is None:
                place = {f: k for k, f in enumerate(fx)}.__getitem__
            both = sorted(both, key=place)
        for f in both:
            w, in_main, in_tag, name = info[f]
            last = f
            # a word that is in one sentence's main clause but only in a later clause of
            # the other is shared less: "A" and "B, including A" do not state one thing
            h = w if in_main == (not my or f in my) else w * secondary
            held += h
            if not in_tag and f not in ty:
                claim_o += w
                claim_h += h
                if not name:
                    content += w
        whole = -1.0 if scant else _lexical(overlap, held, wx, wy, nfx, len(fy))
        claim = whole
        tagged = tx or ty
        if tagged:
            claim = _lexical(claim_o, claim_h, cwx, wy - sy.tag_weight,
                             nfx_claim, len(fy) - len(ty))
        if whole < 0 and claim < 0:
            out.append(0.0)   # too little in common for any signal below to reach a match
            continue
        edit = (r - 45.0) / 55.0 if r > 45.0 else 0.0
        # shared rare phrases (a phrase shares two families, or one family twice)
        by = sy.bigrams
        if shared > 1 or last in sy.doubled:
            phrase = sum([w for b, w in bgx.items() if b in by]) / phrase_full
            if phrase > 1.0:
                phrase = 1.0
        else:
            phrase = 0.0
        best = whole if whole > edit else edit
        score = best + phrase_w * phrase * (1 - best)
        if tagged:
            if claim > score:
                score = claim
            lift = (claim if claim > 0 else 0.0) + tag_lift
            if score > lift:
                score = lift
        # a link needs shared content beyond proper names ("Israel", "the U.S.", "Trump")
        if content < min_content and edit < 0.5 and score > names_only:
            score = names_only
        # a question asks; it does not state what a statement states
        if qx != sy.question:
            score *= question
        # a claim and its denial are not one statement ("X denied that A" against "A")
        if dx != sy.denies and edit < 0.5:
            score *= denial_m
        # another day, another occasion ("on March 3 the company also recalled ...")
        if whx and sy.when and occasions_differ(whx, sy.when):
            score *= occasion
        out.append(score if score < 1.0 else 1.0)
    return out


def _scant(overlap: float, wx: float, wy: float) -> bool:
    """Too little shared for _lexical to score the pair at all (it returns -1)."""
    if wx <= 0 or wy <= 0:
        return True
    return (2 * overlap / (wx + wy) < SCANT_DICE
            and overlap < SCANT_HELD * (wx if wx < wy else wy))


def _lexical(overlap: float, held: float, wx: float, wy: float, nx: int, ny: int) -> float:
    """Weighted Dice, or containment of the smaller side in the larger (`held`: the shared
    weight, what the larger side holds only in a later clause discounted); -1 when they
    share too little for anything to reach a match."""
    if _scant(overlap, wx, wy):
        return -1.0
    dice = 2 * overlap / (wx + wy)
    small = wx if wx < wy else wy
    # containment: all of a short sentence inside a long one (merged / split / headline);
    # it needs a few words on the smaller side: one or two are "contained" anywhere
    cont = held / small
    if cont < PARAMS["cont_min"] or (nx if nx < ny else ny) < PARAMS["cont_words"]:
        return dice
    cont_w = small / 18.0 if small < 18.0 else 1.0  # a two-word heading proves little
    c = cont * (PARAMS["cont_base"] + PARAMS["cont_len"] * cont_w)
    return c if c > dice else dice


class _Groups:
    """Agglomerative grouping by summed evidence, the sums carried along as groups merge.

    The evidence of two groups is, over their cross-article pairs, (score - threshold)
    for a pair that was scored and -threshold * missing for one that was not, each pair
    counted copies(u) * copies(v) times.  Kept as two parts that merging only adds up:
    per group, its copies in each article (the unscored part is -threshold * missing
    times the cross-article count, from those), and per two groups that share scored
    pairs, the sum of (score - threshold + threshold * missing) over them.  A merge costs
    the smaller group's links, never the pairs of its members.

    Those link sums live with the groups of two members or more (one dict each, both
    sides of a link holding the same sum); a sentence still alone reads its links off the
    pair columns (`scores` and its adjacency), so no dict per scored pair is ever built."""

    def __init__(self, ids: list[int], arts, copies, scores: "_Pairs", threshold: float,
                 adjacency=None):
        self.members: dict[int, list[int]] = {x: [x] for x in ids}
        self.where = {x: x for x in ids}
        self.missing = threshold * PARAMS["missing"]
        self.by_art: dict[int, dict[int, int]] = {x: {arts[x]: copies[x]} for x in ids}
        self.total: dict[int, int] = {x: copies[x] for x in ids}
        self.links: dict[int, dict[int, float]] = {}    # groups of two members or more
        self._scores = scores
        self._copies = copies
        self._lift = self.missing - threshold
        self._adj = adjacency or scores.adjacency(max(ids, default=-1) + 1)

    def _value(self, k: int, x: int, y: int) -> float:
        """The link of the scored pair k of sentences x and y (either order)."""
        if x > y:
            x, y = y, x
        return self._copies[x] * self._copies[y] * (self._scores.vals[k] + self._lift)

    def _row(self, g: int) -> dict[int, float]:
        """The links of a group of one, from its pairs: the group each partner is in now
        (a partner's group already holds the sum)."""
        start, other, pair = self._adj
        where, links = self.where, self.links
        out: dict[int, float] = {}
        for k in range(start[g], start[g + 1]):
            v = other[k]
            h = where[v]
            lh = links.get(h)
            out[h] = lh[g] if lh is not None else self._value(pair[k], g, v)
        return out

    def link(self, ga: int, gb: int) -> float:
        la = self.links.get(ga)
        if la is not None:
            return la.get(gb, 0.0)
        lb = self.links.get(gb)
        if lb is not None:
            return lb.get(ga, 0.0)
        k = self._scores.index(ga, gb)
        return self._value(k, ga, gb) if k >= 0 else 0.0

    def evidence(self, ga: int, gb: int) -> float:
        """Summed evidence over the cross-article pairs of two groups; a representative
        counts as many times as the copies it stands for."""
        pa, pb = self.by_art[ga], self.by_art[gb]
        if len(pa) > len(pb):
            pa, pb = pb, pa
        same = sum(c * pb.get(a, 0) for a, c in pa.items())
        cross = self.total[ga] * self.total[gb] - same
        return self.link(ga, gb) - self.missing * cross

    def merge(self, ga: int, gb: int) -> None:
        if len(self.members[ga]) < len(self.members[gb]):
            ga, gb = gb, ga
        la = self.links.get(ga)
        if la is None:
            la = self.links[ga] = self._row(ga)
        lb = self.links.pop(gb, None)
        if lb is None:
            lb = self._row(gb)
        for u in self.members[gb]:
            self.where[u] = ga
        self.members[ga].extend(self.members.pop(gb))
        self.total[ga] += self.total.pop(gb)
        pa = self.by_art[ga]
        for a, c in self.by_art.pop(gb).items():
            pa[a] = pa.get(a, 0) + c
        la.pop(gb, None)
        for h, v in lb.items():
            if h == ga:
                continue
            w = la.get(h, 0.0) + v
            la[h] = w
            lh = self.links.get(h)
            if lh is not None:
                del lh[gb]
                lh[ga] = w


def _collapse_twins(sents: list[_Sent], progress=None) -> list[int]:
    """rep_of[x]: the first earlier sentence x is a near-verbatim copy of (itself if none).

    Wire copy re-run by many outlets makes most sentences of a large corpus copies of a
    few; grouping those first, with a cheap index over each sentence's rarest families,
    keeps the expensive alignment to one representative per set of copies."""
    rep_of = list(range(len(sents)))
    postings: dict[str, list[int]] = defaultdict(list)
    by_normal: dict[str, int] = {}   # the first representative of each text
    rarest: dict[int, list[str]] = {}    # a families dict (by identity) -> its rarest
    first = 0                   # the first sentence of x's article
    for x, st in enumerate(sents):
        if progress is not None and x % 2000 == 0:
            progress(x, len(sents))
        if st.a != sents[first].a:
            first = x
        if st.furniture:
            continue
        rare = rarest.get(id(st.fams))
        if rare is None:     # sentences of one text share their families (_prepare)
            # (heapq.nlargest's very result, as its documentation defines it; quicker for
            # a sentence's dozen families)
            rare = rarest[id(st.fams)] = sorted(st.fams, key=st.fams.__getitem__,
                                                reverse=True)[:TWIN_KEYS]
        if x - first > TWIN_WINDOW and st.normal in by_normal:
            # deep in a long article: the very same text is a copy however far back
            rep_of[x] = by_normal[st.normal]
            continue
        seen: set[int] = set()
        best, best_s = -1, 0.0
        # weights within this ratio of each other, or no copy (the overlap is at most the
        # lighter weight); a hair of slack for the order of the float sums
        lo, hi = st.weight * _TWIN_SPAN - 1e-9, st.weight / _TWIN_SPAN + 1e-9
        for f in rare:
            post = postings.get(f, ())
            if post and post[-1] >= first and x - first > TWIN_WINDOW:
                # a copy in the same article is looked for among its last TWIN_WINDOW
                # sentences (postings are in sentence order, this article's last)
                cut = bisect.bisect_left(post, first)
                post = post[:cut] + post[bisect.bisect_left(post, x - TWIN_WINDOW, cut):]
            for r in post:
                if r in seen:
                    continue
                seen.add(r)
                sr = sents[r]
                if sr.normal == st.normal:
                    best, best_s = r, 2.0
                    break
                if not lo <= sr.weight <= hi:
                    continue
                o = overlap(st, sr)
                if 2 * o < TWIN_DICE * (st.weight + sr.weight):
                    continue
                ratio = fuzz.ratio(st.loose, sr.loose, score_cutoff=TWIN_RATIO)
                if ratio > best_s:
                    best, best_s = r, ratio
            if best_s >= 2.0:
                break
        if best >= 0:
            rep_of[x] = best
        else:
            for f in rare:
                postings[f].append(x)
            if rare:
                by_normal.setdefault(st.normal, x)
    return rep_of


def _across(xs: list[int], art: dict[int, int]):
    """The pairs of `xs` from different articles, each pair once, walked article by
    article: a text repeated many times in one article (a separator, a one-word line)
    costs its copies, not their square."""
    by_art: dict[int, list[int]] = defaultdict(list)
    for x in xs:
        by_art[art[x]].append(x)
    runs = list(by_art.values())
    for k, run in enumerate(runs):
        for other in runs[k + 1:]:
            for x in run:
                for y in other:
                    yield x, y


def _score_rows(sents: list[_Sent], block: _Blocking, rows) -> tuple[array, array, array, array]:
    """The candidate pairs of the sentences `rows` (ascending) scored: the columns x, y,
    score and overlap of the pairs scoring above 0.05, x ascending, y ascending within x."""
    bx, by, bv, bo = array("i"), array("i"), array("d"), array("d")
    cand = _Pairs()
    for x in rows:
        k = len(cand.ys)
        block.row(x, cand)
        if len(cand.ys) == k:
            continue
        ys, os_ = cand.ys[k:], cand.vals[k:]
        scores = _row_scores(sents[x], [sents[y] for y in ys], os_)
        if min(scores) <= 0.05:        # (most rows keep every pair)
            kept = [p for p, sc in enumerate(scores) if sc > 0.05]
            ys = [ys[p] for p in kept]
            os_ = [os_[p] for p in kept]
            scores = [scores[p] for p in kept]
        bx.extend(array("i", [x]) * len(ys))
        by.extend(ys)
        bv.extend(scores)
        bo.extend(os_)
        if len(cand) > 65536:
            cand = _Pairs()
    return bx, by, bv, bo


def _workers() -> int:
    """Processes the pair scoring of a large corpus is shared among: one per core this
    process may run on, at most WORKERS; 1 where processes cannot be forked."""
    if not hasattr(os, "fork"):
        return 1
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:
        n = os.cpu_count() or 1
    return max(1, min(n, WORKERS))


def _score_shared(sents: list[_Sent], block: _Blocking, ids: list[int], workers: int
                  ) -> tuple[array, array, array, array]:
    """_score_rows over `ids`, the rows shared among `workers` processes (this one and
    forked children, which read the sentences and the index this process built, and send
    back their columns).  Rows go out in runs of ROW_RUN sentences, in turn (a row's cost
    falls as x rises: later rows have fewer sentences after them); the columns are put
    back in row order, so the result is _score_rows's, value for value."""
    runs, shares = _deal(ids, workers)
    parts = _forked(lambda rows: _score_rows(sents, block, rows), shares)
    out = array("i"), array("i"), array("d"), array("d")
    for r, run in enumerate(runs):
        part = parts[r % workers]
        xs = part[0]
        lo, hi = bisect.bisect_left(xs, run[0]), bisect_right(xs, run[-1])
        for col, src in zip(out, part):
            col.extend(src[lo:hi])
    return out


def _deal(items: list, workers: int) -> tuple[list[list], list[list]]:
    """`items` in runs of ROW_RUN, the runs dealt in turn to `workers`: (the runs, each
    worker's share).  Run r is in share r % workers, after the runs dealt to it before."""
    runs = [items[k:k + ROW_RUN] for k in range(0, len(items), ROW_RUN)]
    return runs, [[t for run in runs[w::workers] for t in run] for w in range(workers)]


def _forked(work, shares: list) -> list:
    """[work(share) for share in shares]: the first computed here, each other one in a
    forked child that sends its result back through a pipe (pickled; a result must be
    plain data).  A child that fails has its share computed here instead: the result
    never depends on whether a fork worked."""
    import pickle

    children: list[tuple[int, int]] = []
    try:
        for share in shares[1:]:
            try:
                r, w = os.pipe()
            except OSError:
                children.append((-1, -1))
                continue
            try:
                pid = os.fork()
            except OSError:
                os.close(r)
                os.close(w)
                children.append((-1, -1))
                continue
            if pid == 0:                      # the child: compute, send, leave at once
                code = 1
                try:
                    os.close(r)
                    with os.fdopen(w, "wb") as f:
                        pickle.dump(work(share), f, pickle.HIGHEST_PROTOCOL)
                    code = 0
                finally:
                    os._exit(code)
            os.close(w)
            children.append((pid, r))
        out = [work(shares[0])]
        while children:
            pid, r = children[0]
            result = None
            if pid > 0:
                # read as it comes (no copy of the whole message is kept beside the result)
                with os.fdopen(r, "rb") as f:
                    children[0] = (pid, -1)
                    try:
                        result = pickle.load(f)
                    except Exception:     # a child that failed sent no whole result
                        result = None
                _, status = os.waitpid(pid, 0)
                if status != 0:
                    result = None
            children.pop(0)
            out.append(work(shares[len(out)]) if result is None else result)
        return out
    finally:
        for pid, r in children:       # left over only when this process was interrupted
            if pid > 0:
                try:
                    os.kill(pid, 9)
                    os.waitpid(pid, 0)
                except OSError:
                    pass
            if r >= 0:
                try:
                    os.close(r)
                except OSError:
                    pass


def _group(sents: list[_Sent], ids: list[int], art: dict[int, int], neighbour,
           copies: dict[int, int]) -> tuple[list[list[int]], "_Pairs"]:
    """Groups of the sentences `ids` (steps 2-5 of the module docstring), and the
    pair scores that decided them.  Pairs live in columns (_Pairs), each intermediate
    freed once used: a large corpus scores millions of them."""
    block = _Blocking(sents, ids, art)
    workers = _workers() if block.work >= PARALLEL_WORK else 1
    if workers > 1:
        bx, by, bv, overlaps = _score_shared(sents, block, ids, workers)
    else:
        bx, by, bv, overlaps = _score_rows(sents, block, ids)
    del block
    base = _Pairs(bx, by, bv)     # overlaps: each base pair's overlap (for _attach)
    # texts without words ("***") pair through their normal form (they have no
    # candidates: these pairs are new, put in their places in the rows)
    by_norm: dict[str, list[int]] = defaultdict(list)
    for x in ids:
        if not sents[x].fams and sents[x].normal:
            by_norm[sents[x].normal].append(x)
    extra = [(min(x, y), max(x, y), 1.0) for xs in by_norm.values()
             for x, y in _across(xs, art)]
    if extra:
        rows = sorted(list(zip(bx, by, bv, overlaps)) + [t + (0.0,) for t in extra])
        base = _Pairs(array("i", [t[0] for t in rows]), array("i", [t[1] for t in rows]),
                      array("d", [t[2] for t in rows]))
        overlaps = array("d", [t[3] for t in rows])
        bx, by, bv = base.xs, base.ys, base.vals
    threshold = PARAMS["threshold"]
    # context: neighbours that pair up in the same order.  A pair gains from the better of
    # its two neighbour pairs (before both, after both) when that one scores above the
    # threshold; so only such pairs are walked, each lifting the pairs it neighbours.
    follows: tuple[dict, dict] = (defaultdict(list), defaultdict(list))
    for x in ids:
        for near, d in zip(follows, (-1, 1)):
            u = neighbour(x, d)
            if u is not None:
                near[u].append(x)      # x comes right after (before) u
    support: dict[int, float] = {}
    for x, y, sc in zip(bx, by, bv):
        if sc <= threshold:
            continue
        for near in follows:
            xs, ys = near.get(x), near.get(y)
            if xs and ys:
                for u in xs:
                    for v in ys:
                        p = base.index(u, v)
                        if p >= 0 and sc > support.get(p, 0.0):
                            support[p] = sc
    del follows
    lift = PARAMS["context"] / (1 - threshold)
    ctx = array("d", bv)
    for p, s in support.items():
        sc = bv[p] + lift * (s - threshold)
        ctx[p] = sc if sc < 1.0 else 1.0
    del support
    # competition: a sentence usually has one counterpart per other article; each
    # sentence's pairs in turn (the adjacency), its best per article.  A pair's first
    # sentence comes first: its best is kept in the pair's score slot until the second
    # sentence's turn works out the score.
    adjacency = base.adjacency(len(sents))
    start, other, pair = adjacency
    # An article states its news more than once (headline, subheading, lede): a sentence
    # that restates the best counterpart in its article is no rival of it.  Each sentence's
    # best counterpart per article is kept beside its best score (`top`, the first
    # sentence's in the pair's slot, like its best).
    scores = _Pairs(bx, by, array("d", bytes(8 * len(bx))))
    final = scores.vals
    mutual, rival = PARAMS["mutual"], PARAMS["rival"]
    art_of = [st.a for st in sents]
    top = array("i", bytes(4 * len(bx)))
    fair = PARAMS["restated"]
    restated: dict[tuple[int, int], bool] = {}

    def restates(u: int, v: int) -> bool:
        """u and v, of one article, state one thing (scored as a cross-article pair is):
        its headline and its lede, not two sentences deeper in on one theme."""
        if u == v:
            return True
        if not (sents[u].lead and sents[v].lead):
            return False
        key = (u, v) if u < v else (v, u)
        r = restated.get(key)
        if r is None:
            r = restated[key] = pair_score(sents[u], sents[v],
                                           overlap(sents[u], sents[v])) >= threshold
        return r

    for x in ids:
        lo, hi = start[x], start[x + 1]
        if lo == hi:
            continue
        others = other[lo:hi]
        arts = [art_of[o] for o in others]
        ps = pair[lo:hi]
        vals = [ctx[p] for p in ps]
        best: dict[int, float] = {}
        best_of: dict[int, int] = {}
        get = best.get
        for o, a, sc in zip(others, arts, vals):
            if sc > get(a, 0.0):
                best[a] = sc
                best_of[a] = o
        for o, a, p, sc in zip(others, arts, ps, vals):
            mine = best[a]
            if o > x:            # x's own row: the pair's first sentence
                final[p] = mine
                top[p] = best_of[a]
                continue
            rx = sc / final[p]
            ry = sc / mine
            if sc >= fair:
                # o (the pair's first) has a better counterpart than x in x's article,
                # which x restates; and the other way round
                if rx < 1.0 and restates(x, top[p]):
                    rx = 1.0
                if ry < 1.0 and restates(o, best_of[a]):
                    ry = 1.0
            if rx >= 1.0 and ry >= 1.0:
                sc = sc + mutual
            else:
                sc = sc - rival * (2.0 - rx - ry)
            final[p] = 0.001 if sc < 0.001 else 1.0 if sc > 1.0 else sc
    del ctx, top, restated       # intermediates freed once used

    groups = _Groups(ids, art, copies, scores, threshold, adjacency)
    heap = [(-sc, x, y) for x, y, sc in zip(bx, by, final) if sc >= threshold]
    heapq.heapify(heap)
    while heap:
        _, x, y = heapq.heappop(heap)
        ga, gb = groups.where[x], groups.where[y]
        if ga != gb and groups.evidence(ga, gb) > 0:
            groups.merge(ga, gb)
    if PARAMS["attach"]:
        _attach(sents, base, overlaps, groups, art)
    return [m for m in groups.members.values() if len(m) > 1], scores


def _attach(sents: list[_Sent], base: "_Pairs", overlaps: array, groups: "_Groups",
            art: dict[int, int]) -> None:
    """A sentence left in no group joins the group of its best counterpart when that pair
    still scores fairly and the counterpart covers a fair share of what the sentence says.

    Grouping asks many pairs to agree and leaves loose paraphrases out; calling such a
    sentence an addition is the costlier mistake for a reader.  Coverage is of the lone
    sentence: a headline contained in it does not make a long sentence shared.
    `overlaps`: each base pair's weighted overlap, in base's order."""
    floor, cover = PARAMS["attach"], PARAMS["attach_cover"]

    def alone(x: int) -> bool:
        return all(art[m] == art[x] for m in groups.members[groups.where[x]])

    cands: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for x, y, sc, o in zip(base.xs, base.ys, base.vals, overlaps):
        if sc < floor:
            continue
        for u, v in ((x, y), (y, x)):
            if o >= cover * sents[u].weight and alone(u):
                cands[u].append((sc, v))
    best: dict[int, tuple[float, int]] = {}
    for u, lst in cands.items():
        lst.sort(reverse=True)
        best[u] = lst[0]
    need = PARAMS["attach_mean"]
    b = base.get

    for x, (sc, y) in sorted(best.items(), key=lambda t: (-t[1][0], t[0])):
        if not alone(x):
            continue
        for sc, y in cands[x]:
            gx, gy = groups.where[x], groups.where[y]
            if gx == gy:
                break
            # the group it would join must, as a whole, speak for it
            others = [m for m in groups.members[gy] if art[m] != art[x]]
            if len(others) > 1 and sum(b(x, m, 0.0) for m in others) / len(others) < need:
                continue
            groups.merge(gx, gy)
            break


def align(articles: tuple[Article, ...], progress=None) -> "Links":
    """Align the sentences of the articles.  progress(done, total), if given, is called
    now and then from this thread (done counts sentences of the copy pass, then total).
    Millions of small objects at scale and no reference cycles: the stages run with the
    cyclic collector held off (stages.run, collector.py)."""
    sents = _prepare(articles)
    n = len(sents)
    index = {(st.a, st.i): x for x, st in enumerate(sents)}
    rep_of = _collapse_twins(sents, progress) if COLLAPSE else list(range(n))
    reps = [x for x in range(n) if rep_of[x] == x and not sents[x].furniture]
    art = {x: sents[x].a for x in reps}

    def neighbour(x: int, d: int) -> int | None:
        """The representative of the sentence before (d=-1) or after (d=1) x."""
        y = x + d
        if 0 <= y < n and sents[y].a == sents[x].a:
            return rep_of[y]
        return None

    copies: dict[int, int] = defaultdict(int)
    for x in range(n):
        copies[rep_of[x]] += 1
    rep_groups, scores = _group(sents, reps, art, neighbour, copies)
    group_of = [-1] * n
    for g, members in enumerate(rep_groups):
        for r in members:
            group_of[r] = g
    members_of: list[list[int]] = [list(m) for m in rep_groups]
    for x in range(n):
        g = group_of[rep_of[x]]
        if g < 0 and rep_of[x] != x:
            # copies of a sentence that joined no group form their own
            g = group_of[rep_of[x]] = len(members_of)
            members_of.append([rep_of[x]])
        if g >= 0:
            group_of[x] = g
            if rep_of[x] != x:
                members_of[g].append(x)
    for m in members_of:
        m.sort()
    return Links(articles, sents, index, rep_of, tuple(group_of),
                 [tuple(m) for m in members_of], scores)


class Links:
    """The alignment, kept as groups; a sentence's matches are the members of its group
    in other articles, expanded (with scores, relations, changed words) on demand."""

    def __init__(self, articles, sents, index, rep_of, group_of, members, scores):
        self._articles = articles
        self._rep_of = rep_of
        self._sents = sents
        self._index = index
        self._group_of = group_of
        self._members = members
        self._scores = scores
        self._group_arts = [frozenset(sents[x].a for x in m) for m in members]
        # sentence -> where it starts, (start, end, key) of each word from there, the keys
        self._spans: dict[int, tuple] = {}
        self._late: dict[tuple[int, int], float] = {}    # pair scores computed on demand
        self._relations: dict[tuple[int, int], str] = {}
        self._ops: dict[tuple[int, int], list[tuple[int, int, int, int]]] = {}
        self._runs: dict[int, list[tuple[int, int, int]]] = {}   # group -> article runs
        self._bridges: dict[int, list[int]] = {}                 # group -> its sorted reps
        self._read = True       # sents hold the words read (not so when read from a state)
        self._normals: dict[int, str] = {}                        # (then) normal forms
        self._added = self._all_added()

    def state(self) -> dict:
        """What grouping decided, as plain data (the analysis cache stores it): which
        sentence each is a copy of, each sentence's group, the pair scores (three columns:
        x, y, score; x < y, in order)."""
        state = {"rep_of": list(self._rep_of), "group_of": list(self._group_of),
                 "scores": [self._scores.xs.tolist(), self._scores.ys.tolist(),
                            self._scores.vals.tolist()]}
        if self._ask_all():
            late = sorted(self._late.items())
            state["late"] = [[x for (x, _), _ in late], [y for (_, y), _ in late],
                             [v for _, v in late]]
        return state

    def _ask_all(self) -> bool:
        """The pair scores the matches of every shared sentence ask for that grouping did
        not keep, computed now (into _late, as alignment() would), so that links read
        back from the state answer them without reading every sentence's words again
        (from_state).  False: more than ASK_SCORES of them (or ASK_LIMIT pairs walked),
        and the walk stopped (real 2,000 asks for more than 200 k: ~15 s of scoring)."""
        walked = 0
        for g, (m, arts) in enumerate(zip(self._members, self._group_arts)):
            if len(arts) < 2:
                continue
            for x in m:
                near: dict[int, float] = {}
                for y in self._partners(x, g):
                    self._score(x, y, self._direct(x, y), near)
                    walked += 1
                if walked > ASK_LIMIT or len(self._late) >= min(ASK_SCORES, LATE_LIMIT):
                    return False
        return True

    @classmethod
    def from_state(cls, articles: tuple[Article, ...], state: dict) -> "Links":
        """The links `state()` described, for the same articles, without grouping again.
        When the state holds the scores their matches ask for ("late"), without reading
        the sentences' words either (a score missing still has every sentence read then,
        in `_direct`); else the words are read now, as grouping had them."""
        late_cols = state.get("late")
        sents = _prepare(articles) if late_cols is None else _unread(articles)
        n = len(sents)
        rep_of = [int(x) for x in state["rep_of"]]
        group_of = tuple(int(g) for g in state["group_of"])
        if len(rep_of) != n or len(group_of) != n:
            raise ValueError("state does not fit the articles")
        members: list[list[int]] = [[] for _ in range(max(group_of, default=-1) + 1)]
        for x, g in enumerate(group_of):
            if g >= 0:
                members[g].append(x)
        scores = _Pairs.columns(*state["scores"])
        late = _Pairs.columns(*(late_cols or ((), (), ())))
        if any(not (0 <= r < n) for r in rep_of) or not (scores.within(n) and late.within(n)):
            raise ValueError("state does not fit the articles")
        index = {(st.a, st.i): x for x, st in enumerate(sents)}
        links = cls(articles, sents, index, rep_of, group_of, [tuple(m) for m in members],
                    scores)
        links._late.update(late.items())
        links._read = late_cols is None
        return links

    def __len__(self) -> int:
        return len(self._sents)

    def _x(self, a: int, i: int) -> int:
        return self._index[(a, i)]

    def is_unique(self, a: int, i: int) -> bool:
        g = self._group_of[self._x(a, i)]
        return g < 0 or len(self._group_arts[g]) < 2

    def group(self, a: int, i: int) -> int:
        """The id of the sentence's group (-1: unique): sentences that state one thing."""
        return -1 if self.is_unique(a, i) else self._group_of[self._x(a, i)]

    def groups(self) -> list[tuple[tuple[int, int], ...]]:
        """Every group with members in two articles or more, as (article, sentence) pairs."""
        return [tuple((self._sents[x].a, self._sents[x].i) for x in m)
                for m, arts in zip(self._members, self._group_arts) if len(arts) > 1]

    def _words_of(self, x: int) -> tuple[int, tuple[tuple[int, int, str], ...], tuple[str, ...]]:
        """Where sentence x starts in its article's text, (start, end, key) of each of its
        words from there, and the keys alone (a text's words are read once: _spans_in)."""
        sp = self._spans.get(x)
        if sp is None:
            st = self._sents[x]
            s = self._articles[st.a].sentences[st.i]
            text = self._articles[st.a].shown[s.start:s.end]
            sp = self._spans[x] = (s.start, *_spans_in(text))
        return sp

    def _all_added(self) -> dict[int, tuple[Span, ...]]:
        """Per shared sentence, the words that no member of its group in another article has."""
        out: dict[int, tuple[Span, ...]] = {}
        large = len(self._sents) > ALL_PAIRS_LIMIT
        for m, arts in zip(self._members, self._group_arts):
            if len(arts) < 2:
                continue
            key_arts: dict[str, set[int]] = defaultdict(set)
            for x in m:
                a = self._sents[x].a
                for k in self._words_of(x)[2]:
                    key_arts[k].add(a)
            for x in m:
                a = self._sents[x].a
                at, mine, keys = self._words_of(x)
                # a content word no other article's member has (its articles: {a} alone)
                flags = [(k not in STOPWORDS or k.isdigit()) and len(s := key_arts[k]) == 1
                         and a in s for k in keys]
                if any(flags):
                    out[x] = _runs(flags, mine, at)
            if large:
                for x in m:       # large corpora: keep memory to what is looked at
                    del self._spans[x]
        return out

    def _direct(self, x: int, y: int) -> float:
        """A pair's own score: as grouping scored it, else its copies', else computed now
        (and kept, up to LATE_LIMIT pairs)."""
        key_ = (x, y) if x < y else (y, x)
        sc = self._scores.get(x, y)
        if sc is None:
            sc = self._late.get(key_)
        if sc is not None:
            return sc
        rx, ry = self._rep_of[x], self._rep_of[y]
        sc = self._scores.get(rx, ry) if rx != ry else None
        if sc is not None:          # their originals' (looked up again: not kept)
            return sc
        if not self._read:          # read from a state without this score: read them all
            self._sents, self._read = _prepare(self._articles), True
        sx, sy = self._sents[key_[0]], self._sents[key_[1]]
        sc = pair_score(sx, sy, overlap(sx, sy))
        if len(self._late) < LATE_LIMIT:
            self._late[key_] = sc
        return sc

    def _normal(self, x: int) -> str:
        """Sentence x's normal form (text.normal of it as shown), as _prepare has it."""
        if self._read:
            return self._sents[x].normal
        nf = self._normals.get(x)
        if nf is None:
            st = self._sents[x]
            art = self._articles[st.a]
            nf = self._normals[x] = normal(art.shown_text(art.sentences[st.i]))
        return nf

    def _relation(self, x: int, y: int, ka: list[str], kb: list[str]) -> str:
        """The pair's relation, worked out once for both directions."""
        key_ = (x, y) if x < y else (y, x)
        rel = self._relations.get(key_)
        if rel is None:
            rel = _relation(self._normal(x), self._normal(y), ka, kb)
            if len(self._relations) < LATE_LIMIT:
                self._relations[key_] = rel
        return rel

    def _replaced(self, x: int, y: int, ka: list[str], kb: list[str]
                  ) -> list[tuple[int, int, int, int]]:
        """The word substitutions between two sentences, as (x from, x to, y from, y to),
        worked out once per pair and mirrored: both sides report the same substitutions."""
        if x > y:
            return [(b0, b1, a0, a1) for a0, a1, b0, b1 in self._replaced(y, x, kb, ka)]
        ops = self._ops.get((x, y))
        if ops is None:
            ops = [(a0, a1, b0, b1) for tag, a0, a1, b0, b1 in _opcodes(ka, kb)
                   if tag == "replace"] if ka and kb else []
            if len(self._ops) < LATE_LIMIT:
                self._ops[(x, y)] = ops
        return ops

    def score(self, x: int, y: int) -> float:
        """How close two members of a group are: their own score, or, when they were
        grouped through others, the strongest bridge through a third member."""
        return self._score(x, y, self._direct(x, y), {})

    def _score(self, x: int, y: int, sc: float, near: dict[int, float]) -> float:
        """score(x, y), given the pair's own score `sc`; `near`: x's own scores with
        bridges, filled as they are looked up (kept across the pairs of one x)."""
        if sc >= PARAMS["threshold"]:
            return sc
        g = self._group_of[x]
        reps = self._bridges.get(g)
        if reps is None:      # once per group (a group of many copies has few of them)
            reps = self._bridges[g] = sorted({self._rep_of[z] for z in self._members[g]})
        ends = (self._rep_of[x], self._rep_of[y])
        direct = self._direct
        for z in [z for z in reps[:BRIDGE_LIMIT + 2] if z not in ends][:BRIDGE_LIMIT]:
            dz = near.get(z)
            if dz is None:
                dz = near[z] = direct(x, z)
            sc = max(sc, min(dz, direct(z, y)))
        return max(sc, 0.01)

    def _partners(self, x: int, g: int):
        """The members of x's group g in other articles, in order: those its matches are
        made of (a run of its own article's members, its copies, skipped whole)."""
        members, ax = self._members[g], self._sents[x].a
        for a2, lo, hi in self._article_runs(g):
            if a2 != ax:
                yield from members[lo:hi]

    def alignment(self, a: int, i: int) -> Alignment:
        x = self._x(a, i)
        if self.is_unique(a, i):
            return Alignment()
        at, mine, ka = self._words_of(x)
        matches = []
        near: dict[int, float] = {}
        for y in self._partners(x, self._group_of[x]):
            self._match(x, y, at, mine, ka, matches, near)
        return Alignment(matches=tuple(matches), added=self._added.get(x, ()))

    def _article_runs(self, g: int) -> list[tuple[int, int, int]]:
        """(article, from, to): the group's members in runs of one article, in order."""
        runs = self._runs.get(g)
        if runs is None:
            runs = []
            members = self._members[g]
            for k, y in enumerate(members):
                a = self._sents[y].a
                if runs and runs[-1][0] == a:
                    runs[-1][2] = k + 1
                else:
                    runs.append([a, k, k + 1])
            runs = self._runs[g] = [tuple(r) for r in runs]
        return runs

    def _match(self, x: int, y: int, at: int, mine, ka, matches: list, near: dict) -> None:
        sy = self._sents[y]
        kb = self._words_of(y)[2]
        own = self._direct(x, y)
        matches.append(Match(article=sy.a, i=sy.i,
                             score=round(100 * self._score(x, y, own, near), 1),
                             relation=self._relation(x, y, ka, kb),
                             changed=_changed(mine, self._replaced(x, y, ka, kb), at),
                             confidence=confidence(own)))


def confidence(own: float) -> float:
    """How likely a link is right, from the pair's own score (0..1), not the group's.

    Measured on the hand-made gold sets (seeds and two news events): links whose own score
    is 0.5 or more were right 19 times in 20; links below it (sentences grouped through a
    third one, loose paraphrases) about half the time, whatever their score.  So the
    confidence is 0.5 up to the grouping threshold, climbs to 0.95 over the next 0.15, and
    is 0.25..0.5 for pairs that share little on their own."""
    t = PARAMS["threshold"]
    if own >= t:
        return round(min(0.95, 0.5 + 0.45 * (own - t) / 0.15), 2)
    return round(0.25 + 0.25 * own / t, 2)


# ---------------------------------------------------------------- word level

@lru_cache(maxsize=16384)
def _spans_in(text: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[str, ...]]:
    """(start, end, key) of each word of a text, and the keys alone; kept per text:
    copies are read once."""
    spans = tuple(words(text))
    return spans, tuple([k for _, _, k in spans])


def relation(a_text: str, b_text: str) -> str:
    """verbatim (same after folding quotes, spaces, final punctuation), edited (the same
    sentence with light edits), or paraphrase."""
    return _relation(normal(a_text), normal(b_text),
                     [key(w) for w in WORD.findall(a_text)], [key(w) for w in WORD.findall(b_text)])


def _relation(na: str, nb: str, ka: list[str], kb: list[str]) -> str:
    if na == nb:
        return "verbatim"
    if not ka or not kb:
        return "paraphrase"
    dist = Indel.distance(ka, kb)
    both = len(ka) + len(kb)
    sim = 1.0 - dist / both        # Indel.normalized_similarity, computed as rapidfuzz does
    shorter = min(len(ka), len(kb))
    lcs = (both - dist) / 2
    if sim >= 0.8 or (shorter >= 5 and lcs / shorter >= 0.85):
        return "edited"
    return "paraphrase"


def _runs(flags: list[bool], spans, at: int = 0) -> tuple[Span, ...]:
    """Merge flagged words into runs; a stopword between two flagged words joins them.
    `spans`: (start, end, key) of each word, counted from `at`."""
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
    return tuple((a + at, b + at) for a, b in out)


def _changed(mine, replaced: list[tuple[int, int, int, int]], at: int = 0
             ) -> tuple[Span, ...]:
    """Words of mine replaced by other words in the other sentence (short substitutions
    only: numbers, names, a quote's wording), not whole reworded clauses.  `mine`: (start,
    end, key) of each word, counted from `at`; `replaced`: the substitutions as word
    ranges (Links._replaced)."""
    if not replaced:
        return ()
    out: list[Span] = []
    for a0, a1, b0, b1 in replaced:
        if a1 - a0 > 4 or b1 - b0 > 4:
            continue
        seg = [w for w in mine[a0:a1] if w[2] not in STOPWORDS or w[2].isdigit()]
        if not seg:
            continue
        out.append((mine[a0][0] + at, mine[a1 - 1][1] + at))
    return merge_spans(out)


def _opcodes(ka: list[str], kb: list[str]) -> list[tuple[str, int, int, int, int]]:
    """(tag, from, to, other's from, other's to) of each edit operation."""
    return Levenshtein.opcodes(ka, kb).as_list()
