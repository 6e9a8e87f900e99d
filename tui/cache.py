"""The analysis cache: finished analyses as JSON files under the user cache folder.

An entry is the engine's own plain-data form of an Analysis (`tui.engine.stored`), written
as JSON: data only, never code, so whoever can write the folder can spoil an entry but not
run anything.  It is keyed by what the analysis depends on: the articles' ids, formats and
texts, and the engine's version (`tui.engine.engine_version()`).  The editor's corrections
(tui.engine.correct) are not in an entry: they are applied to it on every opening, so an
entry holds none that could be stale.  The corpus itself is
never cached: it is re-read and re-segmented on every start (a few milliseconds) and the
entry is checked against it, so a corrupt, truncated, foreign or stale entry is removed
and the analysis made again.

No Textual here: the pipeline calls this before the reader's window exists, and from a
worker thread for large corpora.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .engine import Analysis, Corpus, engine_version
from .engine.files import atomic_write
from .engine.stored import from_dict, to_dict

MAX_ENTRIES = 64     # oldest entries beyond this are removed when one is written
ENV_DIR = "SYNOPSIS_CACHE_DIR"
SUFFIX = ".json"
OLD_SUFFIXES = (".pickle",)   # entries of earlier versions: never read, removed on a write


def cache_dir() -> Path:
    """Where entries live: $SYNOPSIS_CACHE_DIR, else the platform's user cache folder."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("synopsis", appauthor=False)) / "analysis"


def key(corpus: Corpus, version: str | None = None) -> str:
    """The entry name for this corpus under this engine (`version`: the engine's)."""
    h = hashlib.sha256()
    h.update(f"synopsis-cache/engine-{version or engine_version()}\n".encode())
    for art in corpus.articles:
        text = art.text.encode("utf-8", "surrogatepass")
        h.update(f"\n{art.id}\0{art.fmt}\0{len(text)}\0".encode())
        h.update(text)
    return h.hexdigest()[:40]


def path_of(corpus: Corpus, directory: Path | None = None) -> Path:
    return (directory or cache_dir()) / f"{key(corpus)}{SUFFIX}"


def load(corpus: Corpus, directory: Path | None = None) -> Analysis | None:
    """The cached analysis of this corpus, or None (missing, corrupt or stale: then removed)."""
    path = path_of(corpus, directory)
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except FileNotFoundError:
        return None
    except OSError:
        return None
    try:
        analysis = from_dict(corpus, json.loads(raw))
    except (ValueError, RecursionError):  # corrupt, truncated, foreign, stale: rebuild it
        _discard(path)
        return None
    try:
        os.utime(path)  # recently used: pruned last
    except OSError:
        pass
    return analysis


def store(analysis: Analysis, directory: Path | None = None) -> Path | None:
    """Write the entry atomically and privately; never fails the caller (a cache is
    optional).  The engine's analysis is stored, before the editor's corrections: they are
    applied on every opening (tui.pipeline), so no entry holds stale ones."""
    directory = directory or cache_dir()
    analysis = analysis.uncorrected or analysis
    try:
        data = json.dumps(to_dict(analysis), ensure_ascii=False, separators=(",", ":"))
        directory.mkdir(parents=True, exist_ok=True)
        path = atomic_write(path_of(analysis.corpus, directory), data, mode=0o600)
        _prune(directory)
        return path
    except Exception:
        return None


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _prune(directory: Path) -> None:
    try:
        entries = sorted(directory.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return
    for p in entries[:-MAX_ENTRIES]:
        _discard(p)
    for suffix in OLD_SUFFIXES:
        for p in directory.glob(f"*{suffix}"):
            _discard(p)
