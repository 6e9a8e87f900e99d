"""The analysis cache: a finished alignment, stored under the user cache folder.

An entry is keyed by what the analysis depends on: the articles' ids, formats and
texts, the engine's version and a fingerprint of the engine's own files (so an
edited engine never reads a stale entry), and the Python version (pickle).  The
corpus itself is never cached: it is re-read and re-segmented on every start
(a few milliseconds) and the cached alignment is checked against it, so a
corrupt, truncated, foreign or stale entry is ignored, removed and rebuilt.

No Textual here: the reader calls this before its window exists, and from a
worker thread for large corpora.
"""
from __future__ import annotations

import dataclasses
import hashlib
import inspect
import os
import pickle
import sys
from pathlib import Path
from typing import Callable

from .engine import ENGINE_VERSION, Alignment, Analysis, Corpus
from .engine.files import atomic_write

FORMAT = 3           # bump when the entry layout below changes (3: annotations required)
MAX_ENTRIES = 64     # oldest entries beyond this are removed when one is written
MATERIALISE = 600    # store every Alignment up to this many sentences (see store)
ENV_DIR = "SYNOPSIS_CACHE_DIR"

_ENGINE_DIR = Path(__file__).resolve().parent / "engine"


def cache_dir() -> Path:
    """Where entries live: $SYNOPSIS_CACHE_DIR, else the platform's user cache folder."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("synopsis", appauthor=False)) / "analysis"


def _engine_fingerprint() -> bytes:
    parts = []
    try:
        for p in sorted(_ENGINE_DIR.glob("*.py")):
            st = p.stat()
            parts.append(f"{p.name}:{st.st_size}:{st.st_mtime_ns}")
    except OSError:
        pass
    return "|".join(parts).encode()


def key(corpus: Corpus) -> str:
    """The entry name for this corpus under this engine."""
    h = hashlib.sha256()
    h.update(f"synopsis-cache/{FORMAT}/engine-{ENGINE_VERSION}/py{sys.version_info[:2]}\n".encode())
    h.update(_engine_fingerprint())
    for art in corpus.articles:
        text = art.text.encode("utf-8", "surrogatepass")
        h.update(f"\n{art.id}\0{art.fmt}\0{len(text)}\0".encode())
        h.update(text)
    return h.hexdigest()[:40]


def _signature(corpus: Corpus) -> tuple:
    """The sentence boundaries the alignment indexes into."""
    return tuple(tuple((s.start, s.end) for s in a.sentences) for a in corpus.articles)


class StoredLinks:
    """The alignment read back from a cache entry: every sentence's Alignment, materialised
    (an AlignmentSource, as the engine's own links are)."""

    def __init__(self, table: tuple, groups: tuple) -> None:
        self._table = table
        self._groups = groups

    def __len__(self) -> int:
        return sum(len(row) for row in self._table)

    def is_unique(self, a: int, i: int) -> bool:
        return self._groups[a][i] < 0

    def group(self, a: int, i: int) -> int:
        return self._groups[a][i]

    def alignment(self, a: int, i: int) -> Alignment:
        return self._table[a][i]

    def groups(self) -> list[tuple[tuple[int, int], ...]]:
        """Every group with members in two articles or more, as (article, sentence) pairs
        (as the engine's links give them; the reports ask for them)."""
        by: dict[int, list[tuple[int, int]]] = {}
        for a, row in enumerate(self._groups):
            for i, g in enumerate(row):
                if g >= 0:
                    by.setdefault(g, []).append((a, i))
        return [tuple(m) for m in by.values() if len({a for a, _ in m}) > 1]


def _protocol_ok() -> bool:
    """StoredLinks offers everything the engine's AlignmentSource declares."""
    try:
        from .engine.model import AlignmentSource
    except ImportError:
        return False
    names = [n for n in vars(AlignmentSource) if not n.startswith("_")]
    return all(callable(getattr(StoredLinks, n, None)) for n in names)


def _field_names() -> list[str]:
    """The Analysis fields an entry stores: all but the corpus, the links and private ones
    (quotes, speakers, topics, sentence_topics, and whatever the engine adds)."""
    return [f.name for f in dataclasses.fields(Analysis)
            if f.init and f.name not in ("corpus", "links") and not f.name.startswith("_")]


def _extra_fields(analysis: Analysis) -> dict:
    """The Analysis fields other than the corpus and the links (quotes, topics, ...)."""
    return {name: getattr(analysis, name) for name in _field_names()}


def _materialise(analysis: Analysis) -> StoredLinks:
    arts = analysis.articles
    table = tuple(tuple(analysis.at(a, s.i) for s in art.sentences) for a, art in enumerate(arts))
    groups = tuple(tuple(analysis.group(a, s.i) for s in art.sentences)
                   for a, art in enumerate(arts))
    return StoredLinks(table, groups)


def _valid(analysis: Analysis) -> bool:
    arts = analysis.articles
    links = analysis.links
    try:
        if len(links) != sum(len(a.sentences) for a in arts):
            return False
    except TypeError:
        return False
    if isinstance(links, StoredLinks):
        if len(links._table) != len(arts) or len(links._groups) != len(arts):
            return False
        for a, (row, groups) in enumerate(zip(links._table, links._groups)):
            if len(row) != len(arts[a].sentences) or len(groups) != len(row):
                return False
            for al in row:
                for m in al.matches:
                    if not (0 <= m.article < len(arts)
                            and 0 <= m.i < len(arts[m.article].sentences)):
                        return False
    return True


def load(corpus: Corpus, directory: Path | None = None) -> Analysis | None:
    """The cached analysis of this corpus, or None (missing, corrupt or stale: then removed)."""
    path = (directory or cache_dir()) / f"{key(corpus)}.pickle"
    try:
        with open(path, "rb") as fh:
            entry = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # corrupt, truncated, written by another version: rebuild it
        _discard(path)
        return None
    try:
        if (not isinstance(entry, dict) or entry.get("format") != FORMAT
                or entry.get("signature") != _signature(corpus)):
            raise ValueError("stale entry")
        links = entry["links"]
        fields = entry["fields"]
        if set(fields) != set(_field_names()):
            # written when the Analysis had other fields (before the engine annotated
            # quotes, speakers and topics, say): the annotations would be missing
            raise ValueError("entry's fields differ from the Analysis'")
        if isinstance(links, StoredLinks) and not _protocol_ok():
            raise ValueError("the engine asks more of its links than the entry holds")
        analysis = Analysis(corpus=corpus, links=links, **fields)
        if not _valid(analysis):
            raise ValueError("entry does not fit the corpus")
    except Exception:
        _discard(path)
        return None
    try:
        os.utime(path)  # recently used: pruned last
    except OSError:
        pass
    return analysis


def store(analysis: Analysis, directory: Path | None = None) -> Path | None:
    """Write the entry atomically; never fails the caller (a cache is optional).

    Up to MATERIALISE sentences every sentence's Alignment is stored (reading it back
    needs no aligner); above, the engine's own links object is stored as it is (its
    alignments are built on demand, and there can be millions)."""
    directory = directory or cache_dir()
    try:
        sentences = sum(len(a.sentences) for a in analysis.articles)
        links = (_materialise(analysis) if sentences <= MATERIALISE and _protocol_ok()
                 else analysis.links)
        entry = {"format": FORMAT, "signature": _signature(analysis.corpus),
                 "links": links, "fields": _extra_fields(analysis)}
        directory.mkdir(parents=True, exist_ok=True)
        path = atomic_write(directory / f"{key(analysis.corpus)}.pickle",
                            pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL), mode=0o600)
        _prune(directory)
        return path
    except Exception:
        return None


def analyse(corpus: Corpus, *, use_cache: bool = True,
            progress: Callable[[int, int], None] | None = None) -> Analysis:
    """The analysis of the corpus: from the cache when it holds it, else computed (and
    stored).  `progress(done, total)` is handed to the engine if it reports progress."""
    if use_cache:
        hit = load(corpus)
        if hit is not None:
            return hit
    from .engine import analyse_corpus

    if progress is not None and "progress" in inspect.signature(analyse_corpus).parameters:
        analysis = analyse_corpus(corpus, progress=progress)
    else:
        analysis = analyse_corpus(corpus)
    if use_cache:
        store(analysis)
    return analysis


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _prune(directory: Path) -> None:
    try:
        entries = sorted(directory.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return
    for p in entries[:-MAX_ENTRIES]:
        _discard(p)
