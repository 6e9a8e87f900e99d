"""align._Pairs.columns: the stored pair scores read back as the columns they were written
in, and the same pairs as _Pairs.of whatever order or repeats the columns hold."""
from __future__ import annotations

import random

import pytest

from tui.engine.align import _Pairs


def _same(p: _Pairs, q: _Pairs) -> bool:
    return list(p.items()) == list(q.items())


@pytest.mark.parametrize("seed", range(20))
def test_columns_give_what_of_gives(seed):
    rnd = random.Random(seed)
    triples = [(x, y, rnd.random()) for x in range(30) for y in range(x + 1, 30)
               if rnd.random() < 0.3]
    if seed % 4 == 1:
        rnd.shuffle(triples)                                   # out of order
    elif seed % 4 == 2 and triples:
        triples.append((*triples[0][:2], 0.5))                 # a pair twice: the last wins
    elif seed % 4 == 3 and triples:
        x, y, v = triples[-1]
        triples[-1] = (y, x, v) if x != y else (x, y, v)       # x > y
    cols = [[t[0] for t in triples], [t[1] for t in triples], [t[2] for t in triples]]
    assert _same(_Pairs.columns(*cols), _Pairs.of(triples))


def test_pairs_in_order_are_taken_as_they_are():
    p = _Pairs.columns([0, 0, 2], [1, 3, 5], [0.5, 0.25, 1.0])
    assert list(p.items()) == [((0, 1), 0.5), ((0, 3), 0.25), ((2, 5), 1.0)]
    assert p.get(3, 0) == 0.25 and p.get(1, 2) is None


def test_columns_of_different_lengths_are_an_error():
    with pytest.raises(ValueError):
        _Pairs.columns([0, 1], [1], [0.5, 0.5])
