"""The analysis cache: hits skip the analysis, corrupt or stale entries are rebuilt."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest
from reader_story import ROOT, write_story

from tui import cache
from tui.engine import analyse_corpus
from tui.engine.corpus import load_corpus


def _same(a, b) -> bool:
    return all(a.at(x, s.i) == b.at(x, s.i) and a.is_unique(x, s.i) == b.is_unique(x, s.i)
               for x, art in enumerate(a.articles) for s in art.sentences)


def test_miss_then_hit(tmp_path, private_cache):
    corpus = load_corpus([str(write_story(tmp_path / "story"))])
    assert cache.load(corpus) is None
    first = cache.analyse(corpus)
    assert len(list(private_cache.glob("*.pickle"))) == 1
    again = load_corpus([str(tmp_path / "story")])
    hit = cache.load(again)
    assert hit is not None and isinstance(hit.links, cache.StoredLinks)
    assert hit.corpus is again
    assert _same(first, hit)
    assert [hit.additions(a) for a in range(3)] == [first.additions(a) for a in range(3)]


def test_a_hit_needs_no_aligner(tmp_path):
    folder = write_story(tmp_path / "story")
    env = dict(os.environ)
    code = ("import sys\n"
            "from tui.engine.corpus import load_corpus\n"
            "from tui import cache\n"
            "c = load_corpus([sys.argv[1]])\n"
            "hit = cache.load(c)\n"
            "if hit is None:\n"
            "    cache.analyse(c)\n"
            "    print('stored')\n"
            "else:\n"
            "    print('hit', 'tui.engine.align' in sys.modules)\n")
    outs = [subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True,
                           text=True, env=env, cwd=ROOT).stdout.strip() for _ in range(2)]
    assert outs == ["stored", "hit False"]


def test_the_key_follows_content_names_and_engine_version(tmp_path, monkeypatch):
    folder = write_story(tmp_path / "story")
    k = cache.key(load_corpus([str(folder)]))
    assert k == cache.key(load_corpus([str(folder)]))
    monkeypatch.setattr(cache, "ENGINE_VERSION", "another")
    assert cache.key(load_corpus([str(folder)])) != k
    monkeypatch.undo()
    p = folder / "b_beta.txt"
    p.write_text(p.read_text() + "One more sentence.\n")
    assert cache.key(load_corpus([str(folder)])) != k


@pytest.mark.parametrize("damage", ["garbage", "truncate", "foreign", "stale"])
def test_corrupt_or_stale_entries_are_ignored_and_rebuilt(tmp_path, private_cache, damage):
    corpus = load_corpus([str(write_story(tmp_path / "story"))])
    cache.analyse(corpus)
    [path] = private_cache.glob("*.pickle")
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00not a pickle at all")
    elif damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "foreign":
        path.write_bytes(pickle.dumps({"format": cache.FORMAT, "signature": (), "x": 1}))
    else:  # an entry whose sentences no longer fit the corpus
        entry = pickle.loads(data)
        entry["signature"] = entry["signature"][:-1]
        path.write_bytes(pickle.dumps(entry))
    assert cache.load(corpus) is None
    assert not path.exists()
    rebuilt = cache.analyse(corpus)
    assert path.exists() and cache.load(corpus) is not None
    assert _same(rebuilt, analyse_corpus(corpus))


def test_large_corpora_store_the_engines_links(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "MATERIALISE", 0)
    corpus = load_corpus([str(write_story(tmp_path / "story"))])
    first = cache.analyse(corpus)
    hit = cache.load(corpus)
    assert hit is not None and not isinstance(hit.links, cache.StoredLinks)
    assert _same(first, hit)


def test_an_unwritable_cache_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "sub"))
    corpus = load_corpus([str(write_story(tmp_path / "story"))])
    assert cache.analyse(corpus) is not None
    assert cache.load(corpus) is None


def test_the_cache_is_pruned(tmp_path, private_cache, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    for k in range(4):
        folder = write_story(tmp_path / f"s{k}")
        (folder / "extra.txt").write_text(f"A sentence number {k} of its own.\n")
        cache.analyse(load_corpus([str(folder)]))
    assert len(list(private_cache.glob("*.pickle"))) == 2


def test_the_default_folder_is_the_user_cache(monkeypatch):
    monkeypatch.delenv(cache.ENV_DIR, raising=False)
    d = cache.cache_dir()
    assert d.name == "analysis" and "synopsis" in str(d)


def test_progress_is_passed_to_an_engine_that_reports_it(tmp_path, monkeypatch):
    import tui.engine as engine

    real = engine.analyse_corpus
    seen = []

    def reporting(corpus, progress=None):
        progress(1, 2)
        return real(corpus)

    monkeypatch.setattr(engine, "analyse_corpus", reporting)
    corpus = load_corpus([str(write_story(tmp_path / "story"))])
    cache.analyse(corpus, use_cache=False, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2)]
    monkeypatch.setattr(engine, "analyse_corpus", real)     # the engine's own reports
    seen.clear()
    cache.analyse(corpus, use_cache=False, progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]


def test_a_hit_restores_the_annotations(tmp_path, private_cache):
    """Quotes, speakers, topics and sentence topics come back from the cache as computed."""
    corpus = load_corpus([str(ROOT / "seeds")])
    first = cache.analyse(corpus)
    assert first.quotes and first.speakers and first.topics and first.sentence_topics
    hit = cache.load(load_corpus([str(ROOT / "seeds")]))
    assert hit is not None and isinstance(hit.links, cache.StoredLinks)
    assert hit.quotes == first.quotes and hit.speakers == first.speakers
    assert hit.topics == first.topics and hit.sentence_topics == first.sentence_topics


def test_an_entry_without_the_annotations_is_stale(tmp_path, private_cache):
    """An entry written before the engine annotated (no quotes, topics ... fields) is
    removed and rebuilt, not read back with empty annotations."""
    corpus = load_corpus([str(ROOT / "seeds")])
    cache.analyse(corpus)
    [path] = private_cache.glob("*.pickle")
    entry = pickle.loads(path.read_bytes())
    entry["fields"] = {}
    path.write_bytes(pickle.dumps(entry))
    assert cache.load(corpus) is None
    assert not path.exists()
    assert cache.analyse(corpus).quotes


def test_a_hit_can_be_written_as_a_report(tmp_path, private_cache):
    """The reports ask the links for their groups: the stored links give the same ones."""
    from tui.engine.report import render

    corpus = load_corpus([str(ROOT / "seeds")])
    first = cache.analyse(corpus)
    hit = cache.load(load_corpus([str(ROOT / "seeds")]))
    assert sorted(hit.links.groups()) == sorted(first.links.groups())
    assert render(hit, "md") == render(first, "md")
    assert render(hit, "html").count("<tr") == render(first, "html").count("<tr")
