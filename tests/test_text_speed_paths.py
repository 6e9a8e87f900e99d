"""Shortcuts taken for speed give what the long way gives (invented words)."""
from __future__ import annotations

from tui.engine import text


def _key_the_long_way(w: str) -> str:
    for rx, rep in text._SPELLING:
        w2 = rx.sub(rep, w)
        if w2 != w:
            return w2
    return w


def test_one_search_finds_exactly_the_words_a_spelling_rule_changes():
    words = ("colour harbour flavoured honours defence offence licence organise organised "
             "realisation analyse paralysing centre metres travelled cancelling catalogue "
             "dialogue tour rise fence notice plain walked table sing ours our four "
             "centres theatre metre pillar spoon gallery ogre vogue").split()
    for w in words:
        changed = _key_the_long_way(w) != w
        assert bool(text._SPELLING_ANY.search(w)) is changed, w


def test_key_folds_british_spellings_as_before():
    assert text.key("colour") == text.key("color")
    assert text.key("defence") == text.key("defense")
    assert text.key("organised") == text.key("organized")
    assert text.key("centre") == text.key("center")
    assert text.key("travelled") == text.key("traveled")
