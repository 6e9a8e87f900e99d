"""An Analysis as plain data and back (tui.engine.stored): the analysis cache's format."""
from __future__ import annotations

import dataclasses
import json

import pytest

from tui.engine import Analysis
from tui.engine.align import Links
from tui.engine.stored import StoredLinks, from_dict, to_dict


def _back(an, **kw):
    return from_dict(an.corpus, json.loads(json.dumps(to_dict(an), **kw)))


def test_every_field_comes_back(seeds_analysis):
    an = seeds_analysis
    back = _back(an)
    assert isinstance(back.links, StoredLinks)
    for f in dataclasses.fields(Analysis):
        if f.name not in ("corpus", "links", "_cache"):
            assert getattr(back, f.name) == getattr(an, f.name), f.name
    for a, art in enumerate(an.articles):
        for s in art.sentences:
            assert back.at(a, s.i) == an.at(a, s.i)
            assert back.group(a, s.i) == an.group(a, s.i)
    assert sorted(back.links.groups()) == sorted(an.links.groups())


def test_the_aligners_state_comes_back(seeds_analysis, monkeypatch):
    import tui.engine.stored as stored

    monkeypatch.setattr(stored, "MATERIALISE", 0)
    an = seeds_analysis
    data = to_dict(an)
    assert "state" in data["links"]
    back = from_dict(an.corpus, json.loads(json.dumps(data)))
    assert isinstance(back.links, Links)
    for a, art in enumerate(an.articles):
        for s in art.sentences:
            assert back.at(a, s.i) == an.at(a, s.i)


@pytest.mark.parametrize("spoil", [
    lambda d: d.update(format="synopsis.analysis/0"),
    lambda d: d["links"]["table"][0][0][1][0].append([99, 0, 50.0, "edited", []]),
    lambda d: d["links"]["table"][0].pop(),
    lambda d: d["quotes"].append([0, 1]),
    lambda d: d["quotes"].append([77] + d["quotes"][0][1:]),
    lambda d: d.pop("topics"),
    lambda d: d["links"].update(table="x"),
])
def test_an_entry_that_does_not_fit_is_refused(seeds_analysis, spoil):
    data = json.loads(json.dumps(to_dict(seeds_analysis)))
    spoil(data)
    with pytest.raises(ValueError):
        from_dict(seeds_analysis.corpus, data)


@pytest.mark.parametrize("spoil", [
    lambda s: s["scores"][0].pop(),                  # columns of different lengths
    lambda s: s["scores"].pop(),                     # a column missing
    lambda s: s["scores"][1].__setitem__(0, 10**6),  # a pair outside the corpus
    lambda s: s["late"][0].pop(),                    # late scores of different lengths
    lambda s: s["late"][1].__setitem__(0, 10**6),    # a late pair outside the corpus
])
def test_a_state_that_does_not_fit_is_refused(seeds_analysis, monkeypatch, spoil):
    import tui.engine.stored as stored

    monkeypatch.setattr(stored, "MATERIALISE", 0)
    data = json.loads(json.dumps(to_dict(seeds_analysis)))
    assert len(data["links"]["state"]["scores"]) == 3      # the pair scores in columns
    spoil(data["links"]["state"])
    with pytest.raises(ValueError):
        from_dict(seeds_analysis.corpus, data)


def _state_back(an, monkeypatch, drop_late=False):
    """The aligner's state written (stored.MATERIALISE 0) and read back, with the times
    every sentence's words were read meanwhile (align._prepare)."""
    import tui.engine.align as align
    import tui.engine.stored as stored

    monkeypatch.setattr(stored, "MATERIALISE", 0)
    data = json.loads(json.dumps(to_dict(an)))
    if drop_late:
        del data["links"]["state"]["late"]       # as an entry written before them
    reads = []
    prepare = align._prepare
    monkeypatch.setattr(align, "_prepare", lambda arts: reads.append(1) or prepare(arts))
    return from_dict(an.corpus, data), reads


def test_the_state_read_back_needs_no_words_read(seeds_analysis, monkeypatch):
    """The scores every match asks for that grouping did not keep are in the state: read
    back, the links answer every sentence as before without reading a sentence's words."""
    an = seeds_analysis
    back, reads = _state_back(an, monkeypatch)
    assert back.links._late                       # the seeds do ask for some
    for a, art in enumerate(an.articles):
        for s in art.sentences:
            assert back.at(a, s.i) == an.at(a, s.i)
    assert reads == []


def test_a_state_without_late_scores_reads_the_words_at_once(seeds_analysis, monkeypatch):
    """Without them (an entry written before, or more than state() computes ahead), the
    words are read when the state is, not when a sentence is shown."""
    an = seeds_analysis
    back, reads = _state_back(an, monkeypatch, drop_late=True)
    assert reads == [1]
    for a, art in enumerate(an.articles):
        for s in art.sentences:
            assert back.at(a, s.i) == an.at(a, s.i)
    assert reads == [1]


def test_a_score_still_missing_has_the_words_read_then(seeds_analysis, monkeypatch):
    an = seeds_analysis
    import tui.engine.stored as stored

    monkeypatch.setattr(stored, "MATERIALISE", 0)
    data = json.loads(json.dumps(to_dict(an)))
    for col in data["links"]["state"]["late"]:
        del col[:]                                  # the state holds none of them
    import tui.engine.align as align

    reads = []
    prepare = align._prepare
    monkeypatch.setattr(align, "_prepare", lambda arts: reads.append(1) or prepare(arts))
    back = from_dict(an.corpus, data)
    assert reads == []
    for a, art in enumerate(an.articles):
        for s in art.sentences:
            assert back.at(a, s.i) == an.at(a, s.i)
    assert reads == [1]                             # once, on the first score not there


def test_a_walk_cut_short_stores_no_late_scores(seeds_analysis, monkeypatch):
    import tui.engine.align as align
    import tui.engine.stored as stored

    monkeypatch.setattr(stored, "MATERIALISE", 0)
    monkeypatch.setattr(align, "ASK_LIMIT", 0)
    assert "late" not in to_dict(seeds_analysis)["links"]["state"]
