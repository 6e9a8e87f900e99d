"""Topics' shortcuts taken for speed give what the long way gives (invented input)."""
from __future__ import annotations

import heapq
import random

from tui.engine import topics


def test_strongest_is_nlargest_of_value_then_smallest_key():
    rng = random.Random(7)
    for trial in range(300):
        n = rng.randrange(0, 40)
        # few distinct values: many ties, which break on the key
        acc = {rng.randrange(1000): rng.choice([0.0, 0.1, 0.25, 0.25, 0.5, 0.75, 1.0, -0.2])
               for _ in range(n)}
        m = rng.choice([1, 3, 10, 60])
        want = [(s, -nv) for s, nv in heapq.nlargest(m, ((s, -v) for v, s in acc.items() if s > 0))]
        assert topics._strongest(acc, m) == want, (acc, m)


def test_strongest_of_nothing_above_zero_is_empty():
    assert topics._strongest({}, 10) == []
    assert topics._strongest({3: 0.0, 4: -1.0}, 10) == []
