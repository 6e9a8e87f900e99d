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
        groups = A._Groups(ids, arts, copies, scores, 0.45)
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
