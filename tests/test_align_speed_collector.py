"""The collector held off while a stage runs, and as it was after."""
from __future__ import annotations

import gc

import pytest

from tui.engine.collector import paused


def test_off_inside_and_on_after():
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():                 # nested: still off, and still off on leaving
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_left_off_when_it_was_off():
    gc.disable()
    try:
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_on_again_after_an_error():
    with pytest.raises(RuntimeError):
        with paused():
            raise RuntimeError("a stage fails")
    assert gc.isenabled()


def test_align_and_export_leave_it_on():
    from pathlib import Path

    from tui.engine.corpus import load_corpus
    from tui.engine.export import to_json
    from tui.engine.stages import run

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    an = run(load_corpus([str(seeds)]))
    assert to_json(an) and gc.isenabled()
