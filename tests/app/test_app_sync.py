"""Which sentence of another pane goes with the cursor (no Textual)."""
from __future__ import annotations

from reader_story import story

from tui.app.sync import anchor, best_match, matches_in


def test_best_match_and_all_matches():
    an = story()
    assert best_match(an, 0, 6, 1).i == 1          # the verbatim sentence moved up in Beta
    assert best_match(an, 0, 6, 2) is None
    assert matches_in(an, 0, 1, 1) == (2,)
    assert matches_in(an, 0, 5, 1) == ()


def test_anchor_is_the_nearest_preceding_aligned_sentence():
    an = story()
    # Alpha 5 ("Local shops ...") is an addition: Beta holds Alpha 4's position? Alpha 4 has
    # no match in Beta; Alpha 3 does (Beta 3).
    assert anchor(an, 0, 5, 1) == (3, 3)
    assert anchor(an, 0, 6, 1) == (6, 1)
    assert anchor(an, 0, 1, 2) is None             # nothing before Alpha 2 is in Gamma
    assert anchor(an, 0, 3, 2) == (2, 2)


def test_back_match():
    an = story()
    m = an.match(1, 3, 0, 3)
    assert m is not None and m.changed      # "eight", in Beta's own offsets
    art = an.articles[1]
    a, b = m.changed[0]
    assert art.text[a:b] == "eight"
    assert an.match(1, 3, 0, 2) is None


class _Stub:
    """An analysis whose sentence (0, 0) links to article 1 with given confidences."""

    def __init__(self, links):
        from tui.engine.model import Alignment, Match

        self._al = {(0, k): Alignment(matches=tuple(
            Match(article=1, i=j, score=score, relation="paraphrase", confidence=conf)
            for j, score, conf in links.get(k, ()))) for k in range(3)}

    def at(self, a, i):
        from tui.engine.model import Alignment

        return self._al.get((a, i), Alignment())


def test_only_confident_links_move_a_pane():
    from tui.app.sync import weak_in

    an = _Stub({0: [(4, 80.0, 0.9)], 2: [(7, 90.0, 0.4), (5, 50.0, 0.7)]})
    # the weak link scores higher, but the pane follows the confident one
    assert best_match(an, 0, 2, 1).i == 5
    assert weak_in(an, 0, 2, 1) == (7,) and matches_in(an, 0, 2, 1) == (5, 7)
    an = _Stub({0: [(4, 80.0, 0.9)], 2: [(7, 90.0, 0.4)]})
    assert best_match(an, 0, 2, 1) is None
    assert anchor(an, 0, 2, 1) == (0, 4)   # the pane holds the last confident pair


def test_a_weak_peer_has_its_own_bar():
    from tui.app.widgets.styles import PEER, WEAK, bar_char

    assert bar_char(PEER) != bar_char(PEER | WEAK)
