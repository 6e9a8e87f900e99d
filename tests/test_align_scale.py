"""Alignment at scale: grouping's carried evidence, blocking by pair work."""
from __future__ import annotations

import random

from tui.engine import align as A


def _brute(groups, ga, gb, scores, arts, copies, threshold):
    """The evidence of two groups summed pair by pair, as its definition reads."""
    tot = 0.0
    for u in groups.members[ga]:
        for v in groups.members[gb]:
            if arts[u] == arts[v]:
                continue
            sc = scores.get((u, v) if u < v else (v, u), 0.0)
            tot += copies[u] * copies[v] * (
                sc - threshold if sc > 0 else -threshold * A.PARAMS["missing"])
    return tot


def test_carried_evidence_equals_the_pairwise_sum():
    rng = random.Random(3)
    for _ in range(20):
        ids = list(range(40))
        arts = {x: rng.randrange(6) for x in ids}
        copies = {x: rng.choice((1, 1, 1, 2, 5)) for x in ids}
        scores = {}
        for _ in range(150):
            x, y = rng.sample(ids, 2)
            if arts[x] != arts[y]:
                scores[(min(x, y), max(x, y))] = rng.uniform(0.001, 1.0)
        groups = A._Groups(ids, arts, copies,
                           A._Pairs.of((x, y, v) for (x, y), v in scores.items()), 0.45)
        for _ in range(30):
            live = list(groups.members)
            ga, gb = rng.sample(live, 2)
            want = _brute(groups, ga, gb, scores, arts, copies, 0.45)
            assert abs(groups.evidence(ga, gb) - want) < 1e-9
            assert abs(groups.evidence(gb, ga) - want) < 1e-9
            groups.merge(ga, gb)
        # every member is where its group says, and each group's members are its own
        for g, ms in groups.members.items():
            assert all(groups.where[m] == g for m in ms)
        assert sorted(m for ms in groups.members.values() for m in ms) == ids


def _sents(rng: random.Random, n: int) -> tuple[list, list[int], dict[int, int]]:
    """Invented sentences: families drawn from a skewed vocabulary (a few words in most
    sentences, as one beat's common names are), weights by rarity."""
    vocab = [f"w{k}" for k in range(300)]
    raw = [set(rng.choices(vocab, weights=[1 / (k + 1) for k in range(300)],
                           k=rng.randrange(2, 14))) for _ in range(n)]
    df: dict[str, int] = {}
    for fams in raw:
        for f in fams:
            df[f] = df.get(f, 0) + 1
    sents, a = [], 0
    for x, fams in enumerate(raw):
        if x and rng.random() < 0.1:
            a += 1                       # articles in order, each sentence's together
        fd = {f: 1.0 + 5.0 / df[f] for f in fams}
        tag = frozenset(f for f in fams if rng.random() < 0.1)
        sents.append(A._Sent(a, x, fd, sum(fd.values()), "", "", {}, False, tag=tag,
                             tag_weight=sum(fd[f] for f in tag)))
    ids = list(range(n))
    return sents, ids, {x: sents[x].a for x in ids}


def _every_pair(sents, ids, art) -> dict:
    """Every pair of different articles that shares a family and passes the cheap filter."""
    out = {}
    for p, x in enumerate(ids):
        for y in ids[p + 1:]:
            if art[x] == art[y]:
                continue
            fx, fy = sents[x].fams, sents[y].fams
            o = sum(fx[f] for f in fx if f in fy)
            wx = sents[x].weight - sents[x].tag_weight
            wy = sents[y].weight - sents[y].tag_weight
            if o and not (2 * o < 0.12 * (wx + wy) and o < 0.3 * min(wx, wy)):
                out[(x, y)] = o
    return out


def test_below_the_pair_work_every_sharing_pair_is_weighed(monkeypatch):
    sents, ids, art = _sents(random.Random(5), 300)
    want = _every_pair(sents, ids, art)
    got = dict(A._candidates(sents, ids, art).items())
    assert got.keys() == want.keys()
    assert all(abs(got[k] - want[k]) < 1e-9 for k in want)


def test_above_it_the_index_keeps_every_pair_sharing_enough(monkeypatch):
    sents, ids, art = _sents(random.Random(6), 300)
    want = _every_pair(sents, ids, art)
    monkeypatch.setattr(A, "PAIR_WORK", 0)
    got = dict(A._candidates(sents, ids, art).items())
    assert got.keys() <= want.keys() and len(got) < len(want)   # it does leave pairs out
    assert all(abs(got[k] - want[k]) < 1e-9 for k in got)       # weighed on every family
    for (x, y), o in want.items():
        if o >= A.PREFIX * max(sents[x].weight, sents[y].weight):
            assert (x, y) in got
