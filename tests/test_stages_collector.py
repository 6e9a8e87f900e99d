"""The engine's stages run with the collector held off (every stage, the topics included),
and it is on again after, also when a stage fails."""
from __future__ import annotations

import dataclasses
import gc

import pytest
from reader_story import write_story

import tui.engine.stages as stages
from tui.engine.corpus import load_corpus


@pytest.fixture
def corpus(tmp_path):
    return load_corpus([str(write_story(tmp_path / "story"))])


def _watching(seen: list, fail: bool = False):
    def run(an, progress):
        seen.append(gc.isenabled())
        if fail:
            raise RuntimeError("a stage fails")
        return an
    return run


def test_every_stage_runs_with_the_collector_off(corpus, monkeypatch):
    seen: list[bool] = []
    watched = tuple(dataclasses.replace(st, run=lambda an, p, st=st: (
        seen.append(gc.isenabled()), st.run(an, p))[1]) for st in stages.STAGES)
    monkeypatch.setattr(stages, "STAGES", watched)
    assert gc.isenabled()
    stages.run(corpus)
    assert seen == [False] * len(watched)
    assert gc.isenabled()


def test_on_again_after_a_stage_fails(corpus, monkeypatch):
    seen: list[bool] = []
    monkeypatch.setattr(stages, "STAGES", (stages.Stage("boom", _watching(seen, True), 1.0),))
    with pytest.raises(RuntimeError):
        stages.run(corpus)
    assert seen == [False] and gc.isenabled()
