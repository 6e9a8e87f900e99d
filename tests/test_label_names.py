"""A topic label never cuts a name after its owner: "Iran's Atomic Energy Organization" gives
no phrase that starts at "Atomic" (the topic-label invariant "names whole").  Alignment
changes which sentences a topic's labels are read from, so this is tested on its own shape.
Invented sentences."""
from __future__ import annotations

from tui.engine.topics import noun_phrases


def test_no_phrase_starts_inside_an_owned_name():
    got = noun_phrases(["The head of Norway's Polar Research Institute spoke on Monday."])
    assert "Norway's Polar Research Institute" in got
    assert not any(p.startswith("Polar") for p in got)


def test_a_lower_case_owner_does_not_block():
    got = noun_phrases(["The city's Harbour Board met on Monday."])
    assert any(p.startswith("Harbour Board") for p in got)
