"""The pipeline and the analysis cache: hits skip the analysis, corrupt or stale entries are
rebuilt, an entry is data (JSON) and never run."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

import pytest
from reader_story import ROOT, write_story

from tui import cache
from tui.engine import analyse_corpus, stages, stored
from tui.engine.corpus import load_corpus
from tui.engine.stored import StoredLinks
from tui.pipeline import open_analysis


def _same(a, b) -> bool:
    return all(a.at(x, s.i) == b.at(x, s.i) and a.is_unique(x, s.i) == b.is_unique(x, s.i)
               for x, art in enumerate(a.articles) for s in art.sentences)


def test_miss_then_hit(tmp_path, private_cache):
    corpus = load_corpus([str(write_story(tmp_path / "story"))])
    assert cache.load(corpus) is None
    first = open_analysis(corpus)
    assert len(list(private_cache.glob("*.json"))) == 1
    again = load_corpus([str(tmp_path / "story")])
    hit = cache.load(again)
    assert hit is not None and isinstance(hit.links, StoredLinks)
    assert hit.corpus is again
    assert _same(first, hit)
    assert [hit.additions(a) for a in range(3)] == [first.additions(a) for a in range(3)]
    assert open_analysis([str(tmp_path / "story")]).links.__class__ is StoredLinks


def test_a_hit_needs_no_aligner(tmp_path):
    folder = write_story(tmp_path / "story")
    code = ("import sys\n"
            "from tui.engine.corpus import load_corpus\n"
            "from tui import cache\n"
            "from tui.pipeline import open_analysis\n"
            "c = load_corpus([sys.argv[1]])\n"
            "hit = cache.load(c)\n"
            "if hit is None:\n"
            "    open_analysis(c)\n"
            "    print('stored')\n"
            "else:\n"
            "    print('hit', 'tui.engine.align' in sys.modules)\n")
    outs = [subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True,
                           text=True, env=dict(os.environ), cwd=ROOT).stdout.strip()
            for _ in range(2)]
    assert outs == ["stored", "hit False"]


def test_the_key_follows_content_names_and_engine_version(tmp_path, monkeypatch):
    import tui.engine as engine

    folder = write_story(tmp_path / "story")
    k = cache.key(load_corpus([str(folder)]))
    assert k == cache.key(load_corpus([str(folder)]))
    monkeypatch.setattr(engine, "ENGINE_VERSION", "another")
    assert cache.key(load_corpus([str(folder)])) != k
    monkeypatch.undo()
    assert cache.key(load_corpus([str(folder)]), version="edited") != k
    p = folder / "b_beta.txt"
    p.write_text(p.read_text() + "One more sentence.\n")
    assert cache.key(load_corpus([str(folder)])) != k


@pytest.mark.parametrize("damage", ["garbage", "truncate", "foreign", "stale", "nested"])
def test_corrupt_or_stale_entries_are_ignored_and_rebuilt(tmp_path, private_cache, damage):
    corpus = load_corpus([str(write_story(tmp_path / "story"))])
    open_analysis(corpus)
    [path] = private_cache.glob("*.json")
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00not an entry at all")
    elif damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "foreign":
        path.write_text(json.dumps({"format": stored.FORMAT, "sentences": [], "x": 1}))
    elif damage == "nested":
        path.write_text("[" * 100_000 + "]" * 100_000)
    else:  # an entry whose sentences no longer fit the corpus
        entry = json.loads(data)
        entry["sentences"] = entry["sentences"][:-1]
        path.write_text(json.dumps(entry))
    assert cache.load(corpus) is None
    assert not path.exists()
    rebuilt = open_analysis(corpus)
    assert path.exists() and cache.load(corpus) is not None
    assert _same(rebuilt, analyse_corpus(corpus))


def test_an_entry_is_never_run(tmp_path, private_cache):
    """Whoever can write the cache folder cannot make the reader run code: an entry is read
    as JSON, so a pickle that would act when unpickled is only a corrupt entry."""
    corpus = load_corpus([str(write_story(tmp_path / "story"))])
    marker = tmp_path / "ran"

    class Act:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    path = cache.path_of(corpus)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(Act()))
    assert open_analysis(corpus) is not None
    assert not marker.exists()
    assert json.loads(path.read_text())["format"] == stored.FORMAT


def test_large_corpora_store_the_engines_links(tmp_path, monkeypatch):
    from tui.engine.align import Links

    monkeypatch.setattr(stored, "MATERIALISE", 0)
    corpus = load_corpus([str(write_story(tmp_path / "story"))])
    first = open_analysis(corpus)
    hit = cache.load(corpus)
    assert hit is not None and isinstance(hit.links, Links)
    assert _same(first, hit)
    assert sorted(hit.links.groups()) == sorted(first.links.groups())


def test_an_unwritable_cache_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "sub"))
    corpus = load_corpus([str(write_story(tmp_path / "story"))])
    assert open_analysis(corpus) is not None
    assert cache.load(corpus) is None


def test_the_cache_is_pruned(tmp_path, private_cache, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    (private_cache / "0123.pickle").write_bytes(b"an entry of an earlier version")
    for k in range(4):
        folder = write_story(tmp_path / f"s{k}")
        (folder / "extra.txt").write_text(f"A sentence number {k} of its own.\n")
        open_analysis(load_corpus([str(folder)]))
    assert len(list(private_cache.glob("*.json"))) == 2
    assert not list(private_cache.glob("*.pickle"))


def test_the_default_folder_is_the_user_cache(monkeypatch):
    monkeypatch.delenv(cache.ENV_DIR, raising=False)
    d = cache.cache_dir()
    assert d.name == "analysis" and "synopsis" in str(d)


def test_progress_walks_every_stage_and_ends_at_total(tmp_path, monkeypatch):
    corpus = load_corpus([str(write_story(tmp_path / "story"))])
    seen = []
    open_analysis(corpus, cache=False, progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    # a stage added to the list is run in its place, and its progress is reported
    ran = []

    def extra(an, progress):
        ran.append(an.links.groups())
        progress(0.5)
        return an

    monkeypatch.setattr(stages, "STAGES", stages.STAGES + (stages.Stage("extra", extra, 1.0),))
    seen.clear()
    open_analysis(corpus, cache=False, progress=lambda d, t: seen.append((d, t)))
    assert ran and ran[0]                     # after alignment: the groups are there
    total = sum(st.share for st in stages.STAGES)
    half = int(stages.STEPS * (total - 0.5) / total)
    assert (half, stages.STEPS) in seen and seen[-1] == (stages.STEPS, stages.STEPS)


def test_a_hit_reports_progress_done(tmp_path):
    corpus = load_corpus([str(write_story(tmp_path / "story"))])
    open_analysis(corpus)
    seen = []
    open_analysis(corpus, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 1)]


def test_a_hit_restores_the_annotations(tmp_path, private_cache):
    """Quotes, speakers, topics and sentence topics come back from the cache as computed."""
    corpus = load_corpus([str(ROOT / "seeds")])
    first = open_analysis(corpus)
    assert first.quotes and first.speakers and first.topics and first.sentence_topics
    hit = cache.load(load_corpus([str(ROOT / "seeds")]))
    assert hit is not None and isinstance(hit.links, StoredLinks)
    assert hit.quotes == first.quotes and hit.speakers == first.speakers
    assert hit.topics == first.topics and hit.sentence_topics == first.sentence_topics


def test_an_entry_without_the_annotations_is_stale(tmp_path, private_cache):
    """An entry missing the annotations (or with records of another layout) is removed and
    rebuilt, not read back with empty annotations."""
    corpus = load_corpus([str(ROOT / "seeds")])
    open_analysis(corpus)
    [path] = private_cache.glob("*.json")
    entry = json.loads(path.read_text())
    del entry["quotes"]
    path.write_text(json.dumps(entry))
    assert cache.load(corpus) is None
    assert not path.exists()
    assert open_analysis(corpus).quotes
    entry = json.loads(path.read_text())
    entry["fields"]["Quote"] = entry["fields"]["Quote"][:-1]
    path.write_text(json.dumps(entry))
    assert cache.load(corpus) is None


def test_a_hit_can_be_written_as_a_report(tmp_path, private_cache):
    """The reports ask the links for their groups: the stored links give the same ones."""
    from tui.report import render

    corpus = load_corpus([str(ROOT / "seeds")])
    first = open_analysis(corpus)
    hit = cache.load(load_corpus([str(ROOT / "seeds")]))
    assert sorted(hit.links.groups()) == sorted(first.links.groups())
    assert render(hit, "md") == render(first, "md")
    assert render(hit, "html").count("<tr") == render(first, "html").count("<tr")


def test_export_uses_the_cache(tmp_path, private_cache, capsys):
    from tui.cli import main

    folder = str(write_story(tmp_path / "story"))
    assert main(["export", folder, "--no-cache"]) == 0
    plain = capsys.readouterr().out
    assert not list(private_cache.glob("*.json"))
    assert main(["export", folder]) == 0
    assert capsys.readouterr().out == plain
    [path] = private_cache.glob("*.json")
    stamp = path.stat().st_mtime_ns
    os.utime(path, ns=(stamp - 10**9, stamp - 10**9))
    assert main(["export", folder]) == 0              # read back: the same document
    assert capsys.readouterr().out == plain
    assert path.stat().st_mtime_ns > stamp - 10**9
