"""Pair scoring shared among forked processes gives the one-process result, value for value."""
from __future__ import annotations

import os
import random

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
