"""Pair scoring shared among forked processes gives the one-process result, value for value."""
from __future__ import annotations

import os
import random
from pathlib import Path

from tui.engine import align as A
from tui.engine.corpus import load_corpus
from tui.engine.stages import align_stage, start

from test_align_scale import _sents


def _columns(result):
    return [list(col) for col in result]


def test_rows_shared_among_processes_are_scored_as_in_one(monkeypatch):
    # invented sentences, scored on their families (no strings): pair_score reads them
    monkeypatch.setattr(A, "ROW_RUN", 7)
    sents, ids, art = _sents(random.Random(11), 400)
    block = A._Blocking(sents, ids, art)
    one = _columns(A._score_rows(sents, block, ids))
    assert len(one[0]) > 100            # enough pairs to spread over the runs
    for workers in (2, 3):
        assert _columns(A._score_shared(sents, block, ids, workers)) == one


def test_a_child_that_fails_has_its_share_done_here():
    parent = os.getpid()

    def work(share):
        if os.getpid() != parent and share == 3:
            raise RuntimeError("a child fails")
        return [share * 2]
    assert A._forked(work, [1, 2, 3, 4]) == [[2], [4], [6], [8]]


def test_no_fork_no_matter(monkeypatch):
    def refuse():
        raise OSError("no more processes")
    monkeypatch.setattr(os, "fork", refuse)
    assert A._forked(lambda share: share + 1, [1, 2, 3]) == [2, 3, 4]


def test_children_are_collected(monkeypatch):
    pids = []
    fork = os.fork

    def recorded():
        pid = fork()
        if pid:
            pids.append(pid)
        return pid
    monkeypatch.setattr(os, "fork", recorded)
    assert A._forked(lambda share: share, [1, 2, 3]) == [1, 2, 3]
    assert len(pids) == 2
    for pid in pids:                     # each child was waited for: none is left
        try:
            os.waitpid(pid, os.WNOHANG)
            left = True
        except ChildProcessError:
            left = False
        assert not left


def test_an_alignment_scored_in_processes_is_the_one_scored_in_one(monkeypatch, tmp_path):
    from bench.synth import make

    make(tmp_path, 30, n_sent=20)
    corpus = load_corpus([str(tmp_path)])
    one = align_stage(start(corpus), lambda _f: None).links.state()
    sents = A._prepare(corpus.articles)
    monkeypatch.setattr(A, "PARALLEL_WORK", 0)
    monkeypatch.setattr(A, "PARALLEL_TEXTS", 0)
    monkeypatch.setattr(A, "ROW_RUN", 5)
    monkeypatch.setattr(A, "_workers", lambda: 2)
    calls = []
    forked = A._forked
    monkeypatch.setattr(A, "_forked", lambda work, shares: calls.append(work) or forked(work, shares))
    A._read.cache_clear()
    assert A._prepare(corpus.articles) == sents      # texts read in two processes
    assert calls == [A._read_texts]
    many = align_stage(start(corpus), lambda _f: None).links.state()
    assert len(calls) == 3 and calls[2] is not A._read_texts    # the rows shared too
    assert many == one


_STORM = ["Storm Closes Port of Rotterdam Ahead of Holiday Weekend",
          "Gale-force winds shut the port of Rotterdam on Friday, stranding dozens of container "
          "ships in the North Sea.",
          "Harbour officials said cranes would stay idle until the wind dropped below 60 km/h.",
          "Freight companies warned that deliveries of fresh produce could be delayed by three days."]
_VOTE = ["Incumbent Mayor Concedes After Narrow Defeat in Leeds",
         "Mayor Helen Carter conceded the Leeds mayoral race on Sunday after a recount gave her "
         "rival a margin of 412 votes.",
         "Turnout reached 38 percent, the highest for a local election in the city since 2004.",
         "Her challenger promised to freeze council tax and expand the tram network."]
_WIRE = ("The International Monetary Fund said on Tuesday that global growth would slow to "
         "2.9 percent next year, citing higher interest rates and weaker trade.")


def _article(lines, wire: bool, reword: int) -> str:
    body = list(lines)
    if reword:                          # another outlet's copy: a word or two changed
        body = [s.replace("said", "stated").replace("promised", "pledged")
                .replace("on Friday", "Friday").replace("on Sunday", "Sunday") for s in body]
    if wire:
        body.insert(2, _WIRE)
    return "\n\n".join(body) + "\n"


def test_two_stories_and_a_wire_paragraph_in_one_process_and_in_two(monkeypatch, tmp_path):
    """Two unrelated stories never pair; a wire paragraph that both carry is found across
    them; and sharing the rows among processes changes nothing."""
    for name, lines, wire, reword in (("a_storm", _STORM, True, 0), ("b_storm", _STORM, False, 1),
                                      ("c_vote", _VOTE, True, 0), ("d_vote", _VOTE, True, 1)):
        (tmp_path / f"{name}.txt").write_text(_article(lines, wire, reword), encoding="utf-8")
    corpus = load_corpus([str(tmp_path)])
    names = [Path(a.path).stem for a in corpus.articles]

    def groups():
        links = align_stage(start(corpus), lambda _f: None).links
        return links.state(), [sorted({(names[a], corpus.articles[a].sentences[i].text)
                                       for a, i in g}) for g in links.groups()]
    one, found = groups()
    monkeypatch.setattr(A, "PARALLEL_WORK", 0)
    monkeypatch.setattr(A, "PARALLEL_TEXTS", 0)
    monkeypatch.setattr(A, "ROW_RUN", 1)
    monkeypatch.setattr(A, "_workers", lambda: 2)
    many, _ = groups()
    assert many == one
    wire = [g for g in found if any(t == _WIRE for _, t in g)]
    assert len(wire) == 1 and {n for n, _ in wire[0]} == {"a_storm", "c_vote", "d_vote"}
    for g in found:
        if g is not wire[0]:
            stories = {n.split("_")[1] for n, _ in g}
            assert len(stories) == 1, g          # no story's sentence joins the other's
    # each story's own copies do pair (the test is not passing on an empty alignment)
    assert any({n for n, _ in g} == {"a_storm", "b_storm"} for g in found)
    assert any({n for n, _ in g} >= {"c_vote", "d_vote"} and g is not wire[0] for g in found)
