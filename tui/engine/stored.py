"""An Analysis as plain data (dicts, lists, strings, numbers: JSON), and back.

The analysis cache writes `to_dict(analysis)` as JSON and reads it back with
`from_dict(corpus, data)`: data only, nothing in an entry is ever run.  The corpus is not
stored: it is read and segmented again, and the entry is checked against it (its sentence
boundaries, every index in range), so an entry that does not fit raises ValueError.

Layout (FORMAT names it; a change of layout changes FORMAT):

    format     FORMAT
    fields     {record type: [field names]}: records are lists in this order
    sentences  per article, [start, end] of each sentence (what the entry indexes into)
    links      {"table": per article, per sentence [group, alignment]}  (small corpora:
               every sentence's matches, read back without the aligner), or
               {"state": what align.Links.state() gives (its pair scores in columns:
               "scores": [[x...], [y...], [score...]], and "late" alike: the scores
               its matches ask for that grouping did not keep)}  (large corpora: the groups
               and pair scores; matches are built on demand, as after an analysis)
    quotes, speakers, topics   lists of records
    sentence_topics            per article, per sentence, topic ids
"""
from __future__ import annotations

import dataclasses
import hashlib
from functools import lru_cache
from pathlib import Path

from .model import Alignment, Analysis, Article, Corpus, Match, Quote, Sentence, Speaker, Topic

FORMAT = "synopsis.analysis/2"   # /2: the pair scores in columns (parsed 2x faster)
MATERIALISE = 600     # up to this many sentences every sentence's alignment is stored

_RECORDS = {"Match": Match, "Quote": Quote, "Speaker": Speaker, "Topic": Topic}


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the engine's own code (every module of this package), for the cache key:
    an edited engine never reads what another wrote."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for p in sorted(root.rglob("*.py")):
        h.update(p.relative_to(root).as_posix().encode() + b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"?")
    return h.hexdigest()[:16]


@lru_cache(maxsize=None)
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _names(cls) -> list[str]:
    return list(_field_names(cls))


def _plain(v):
    if isinstance(v, (tuple, list)):
        return [_plain(x) for x in v]
    return v


def _frozen(v):
    if isinstance(v, list):
        return tuple(_frozen(x) for x in v)
    return v


def _record(obj) -> list:
    return [_plain(getattr(obj, n)) for n in _field_names(type(obj))]


def _build(cls, values: list):
    if type(values) is not list or len(values) != len(_field_names(cls)):
        raise ValueError(f"not a {cls.__name__} record")
    return cls(*map(_frozen, values))      # positional: in the fields' order, as stored


class StoredLinks:
    """An alignment read back from stored data: every sentence's Alignment and group (an
    AlignmentSource, as the aligner's own links are)."""

    def __init__(self, table: tuple[tuple[Alignment, ...], ...],
                 groups: tuple[tuple[int, ...], ...]) -> None:
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
        """Every group with members in two articles or more, as (article, sentence) pairs."""
        by: dict[int, list[tuple[int, int]]] = {}
        for a, row in enumerate(self._groups):
            for i, g in enumerate(row):
                if g >= 0:
                    by.setdefault(g, []).append((a, i))
        return [tuple(m) for m in by.values() if len({a for a, _ in m}) > 1]


def _links(analysis: Analysis) -> dict:
    arts = analysis.articles
    if sum(len(a.sentences) for a in arts) > MATERIALISE:
        from .align import Links

        if isinstance(analysis.links, Links):
            return {"state": analysis.links.state()}
    rows = []
    for a, art in enumerate(arts):
        row = []
        for s in art.sentences:
            al = analysis.at(a, s.i)
            row.append([analysis.group(a, s.i), [[_record(m) for m in al.matches],
                                                 _plain(al.added)]])
        rows.append(row)
    return {"table": rows}


def to_dict(analysis: Analysis) -> dict:
    """The analysis as plain data (see the module docstring), ready for json.dumps."""
    return {
        "format": FORMAT,
        "fields": {name: _names(cls) for name, cls in _RECORDS.items()},
        "sentences": [[[s.start, s.end] for s in art.sentences] for art in analysis.articles],
        "links": _links(analysis),
        "quotes": [_record(q) for q in analysis.quotes],
        "speakers": [_record(sp) for sp in analysis.speakers],
        "topics": [_record(t) for t in analysis.topics],
        "sentence_topics": _plain(analysis.sentence_topics),
    }


CORPUS_FORMAT = "synopsis.corpus/1"
_ARTICLE = [f for f in _names(Article) if f not in ("sentences", "text", "shown")]
_SENTENCE = [f for f in _names(Sentence) if f != "text"]


def corpus_to_dict(corpus: Corpus) -> dict:
    """The articles as plain data, to hand to another process (the analysis process,
    tui/process.py): texts, metadata, sentences; without the editor's corrections (they
    are applied where the analysis is read, tui.pipeline)."""
    return {
        "format": CORPUS_FORMAT,
        "articles": [{"text": art.text, "shown": None if art.shown == art.text else art.shown,
                      "meta": [getattr(art, f) for f in _ARTICLE],
                      "sentences": [[getattr(s, f) for f in _SENTENCE] for s in art.sentences]}
                     for art in corpus.articles],
        "warnings": list(corpus.warnings),
    }


def corpus_from_dict(data: dict) -> Corpus:
    """The corpus `corpus_to_dict` described.  Raises ValueError when it is not one."""
    try:
        if data.get("format") != CORPUS_FORMAT:
            raise ValueError("another format")
        articles = []
        for a in data["articles"]:
            text = a["text"]
            shown = text if a["shown"] is None else a["shown"]
            if not isinstance(text, str) or not isinstance(shown, str) or len(shown) != len(text):
                raise ValueError("not an article's text")
            sents = []
            for values in a["sentences"]:
                kw = dict(zip(_SENTENCE, values, strict=True))
                if not 0 <= kw["start"] <= kw["end"] <= len(text):
                    raise ValueError("a sentence outside its article")
                sents.append(Sentence(text=text[kw["start"]:kw["end"]], **kw))
            articles.append(Article(text=text, shown=shown, sentences=tuple(sents),
                                    **{k: _frozen(v) for k, v in
                                       zip(_ARTICLE, a["meta"], strict=True)}))
        return Corpus(articles=tuple(articles), warnings=tuple(data["warnings"]))
    except ValueError:
        raise
    except (KeyError, TypeError, AttributeError) as e:
        raise ValueError(f"not a corpus ({type(e).__name__})") from e


def _span_ok(sp, text_len: int) -> bool:
    return len(sp) == 2 and 0 <= sp[0] <= sp[1] <= text_len


def _table(corpus: Corpus, rows) -> StoredLinks:
    arts = corpus.articles
    table, groups = [], []
    for art, row in zip(arts, rows, strict=True):
        als, gs = [], []
        for s, (g, (matches, added)) in zip(art.sentences, row, strict=True):
            ms = tuple(_build(Match, m) for m in matches)
            for m in ms:
                if not (0 <= m.article < len(arts) and 0 <= m.i < len(arts[m.article].sentences)):
                    raise ValueError("a match outside the corpus")
            added = _frozen(added)
            if not all(_span_ok(sp, len(art.text)) for sp in added):
                raise ValueError("a span outside the article")
            als.append(Alignment(matches=ms, added=added))
            gs.append(int(g))
        table.append(tuple(als))
        groups.append(tuple(gs))
    return StoredLinks(tuple(table), tuple(groups))


def from_dict(corpus: Corpus, data: dict) -> Analysis:
    """The analysis `to_dict` described, over this corpus (read and segmented again).
    Raises ValueError when the data is not such an entry or does not fit the corpus."""
    try:
        if data.get("format") != FORMAT:
            raise ValueError("another format")
        if data.get("fields") != {name: _names(cls) for name, cls in _RECORDS.items()}:
            raise ValueError("records of another layout")
        if data["sentences"] != [[[s.start, s.end] for s in art.sentences]
                                 for art in corpus.articles]:
            raise ValueError("the sentences differ from the corpus'")
        links = data["links"]
        if "table" in links:
            stored = _table(corpus, links["table"])
        else:
            from .align import Links

            stored = Links.from_state(corpus.articles, links["state"])
        quotes = tuple(_build(Quote, q) for q in data["quotes"])
        if any(not (0 <= q.article < len(corpus.articles)) for q in quotes):
            raise ValueError("a quote outside the corpus")
        sentence_topics = _frozen(data["sentence_topics"])
        if sentence_topics and [len(r) for r in sentence_topics] != [
                len(a.sentences) for a in corpus.articles]:
            raise ValueError("sentence topics do not fit the corpus")
        return Analysis(corpus=corpus, links=stored, quotes=quotes,
                        speakers=tuple(_build(Speaker, sp) for sp in data["speakers"]),
                        topics=tuple(_build(Topic, t) for t in data["topics"]),
                        sentence_topics=sentence_topics)
    except ValueError:
        raise
    except (KeyError, TypeError, AttributeError, IndexError) as e:
        raise ValueError(f"not an analysis entry ({type(e).__name__})") from e
