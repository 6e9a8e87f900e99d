"""find_quotes runs with the collector off (as a stage), leaves it as it was, and makes no
reference cycles for a later collection to find (invented articles)."""
from __future__ import annotations

import gc

from tui.engine.corpus import load_corpus
from tui.engine.quotes import find_quotes

TEXTS = [
    "Harbour talks stall\n\n“We will not sign this,” said Mayor Ada Kerr, 61. She added: "
    "“Not today.”\n\nThe ministry said in a statement that “talks continue”. Officials were "
    "less sure. “It could take months,” they said.\n",
    "Kerr says no deal\n\nAda Kerr, the mayor, told reporters the plan was “dead”. “We are "
    "done,” Kerr said. According to the Daily Courier, Ivo Dane, a harbour analyst, called "
    "it “a stunt”.\n",
]


def _articles(tmp_path):
    for i, t in enumerate(TEXTS):
        (tmp_path / f"{i}.txt").write_text(t, encoding="utf-8")
    return load_corpus([str(tmp_path)]).articles


def test_on_after_and_off_inside(tmp_path, monkeypatch):
    """find_quotes runs as a stage, with the collector off (stages.run), and leaves it as
    it was."""
    import tui.engine.quotes as quotes
    import tui.engine.stages as stages

    _articles(tmp_path)
    corpus = load_corpus([str(tmp_path)])
    seen = []
    real = quotes.find_quotes

    def spy(a):
        seen.append(gc.isenabled())
        return real(a)

    monkeypatch.setattr(quotes, "find_quotes", spy)     # (the stage imports it when run)
    assert gc.isenabled()
    stages.run(corpus)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        stages.run(corpus)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_no_reference_cycles_left(tmp_path):
    arts = _articles(tmp_path)
    quotes, speakers = find_quotes(arts)
    assert quotes and speakers
    gc.collect()
    gc.disable()
    try:
        find_quotes(arts)
        assert gc.collect() == 0
    finally:
        gc.enable()
