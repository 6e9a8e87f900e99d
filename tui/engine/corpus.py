"""load -> segment: paths to a Corpus of segmented articles with metadata."""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from .errors import InputError
from .load import Source, display_path, read_sources
from .markup import mask_markdown
from .meta import describe
from .model import Article, Corpus, Sentence
from .segment import paragraphs, segment
from .untrusted import neutral, one_line, visible

_PAGE_META = ("title", "outlet", "date", "byline")


def build_article(src: Source) -> Article:
    """A source, segmented and described.  Everything from outside is made harmless here
    (tui.engine.untrusted): the text neutral, what the reader shows visible, names and
    metadata one line each; one character for one, so offsets stay exact."""
    text = neutral(src.text)
    shown = visible(mask_markdown(text) if src.fmt == "markdown" else text)
    paras = paragraphs(shown)
    units = segment(shown, paras)
    meta, roles = describe(shown, paras, units)
    # what a web page states about itself (its metadata, JSON-LD, byline) beats the
    # text's own clues; the text's clues fill what the page left unsaid
    for k in _PAGE_META:
        v = getattr(src, k)
        if v:
            meta[k] = v
    sentences = tuple(
        Sentence(i=k, start=a, end=b, text=text[a:b], paragraph=p, role=roles[k])
        for k, (a, b, p) in enumerate(units)
    )
    meta = {k: one_line(v).strip() or None if v else v for k, v in meta.items()}
    return Article(id=one_line(src.id), path=one_line(display_path(src.path)), text=text,
                   shown=shown, encoding=src.encoding, fmt=src.fmt, sentences=sentences, **meta)


def load_corpus(paths: list[str], *, refresh: bool = False) -> Corpus:
    """Read, segment and describe every input (files, folders, URLs, corpus files), with
    the corrections the corpus files hold.
    `refresh`: fetch URLs again instead of reading them from the page cache."""
    listed: list[Path] = []
    sources, warnings = read_sources(paths, refresh=refresh, corpus_files=listed)
    corrections, problems = read_corrections(listed)
    warnings.extend(problems)
    articles = []
    for src, copies in _distinct(sources):
        art = build_article(src)
        # nothing to read (only spaces, invisible characters, markup or comments): skipped
        # here, so no view ever meets an article without a sentence
        if any(art.shown_text(s) for s in art.sentences):
            if copies:
                art = replace(art, copies=tuple((one_line(c.id), one_line(display_path(c.path)))
                                                for c in copies))
                more = f" and {len(copies) - 1} more" if len(copies) > 1 else ""
                warnings.append(f"{display_path(copies[0].path)}{more}: the same text as "
                                f"{display_path(src.path)}, read once")
            articles.append(art)
        else:
            warnings.append(f"{src.path}: empty, skipped")
    if not articles:
        raise InputError("no articles to read: every file given is empty")
    opened = str(listed[0]) if len(paths) == 1 and listed and _same(listed[0], paths[0]) else None
    return Corpus(articles=tuple(articles), warnings=tuple(one_line(w) for w in warnings),
                  corrections=corrections, corpus_file=opened)


def _distinct(sources: list[Source]) -> list[tuple[Source, list[Source]]]:
    """Each source once, with the later ones that repeat it: the same text, format and
    page metadata (a file given twice, wire copy saved under many names).  A copy has
    nothing to compare, and would cost as much as its original in every stage and
    every match listed: it is read once, and the article names it (Article.copies)."""
    first: dict[tuple, int] = {}
    out: list[tuple[Source, list[Source]]] = []
    for src in sources:
        k = (src.text, src.fmt, src.title, src.outlet, src.date, src.byline)
        at = first.get(k)
        if at is None:
            first[k] = len(out)
            out.append((src, []))
        else:
            out[at][1].append(src)
    return out


def read_corrections(files: list[Path]) -> tuple[tuple, list[str]]:
    """The corrections the corpus files hold, in order, and a message per line that
    cannot be read (tui.engine.corrections)."""
    out: list = []
    problems: list[str] = []
    if files:
        from .corrections import CorpusFile  # (a folder of articles has none to read)
    for p in files:
        try:
            got, bad = CorpusFile.read(p).corrections()
        except (OSError, ValueError):
            continue  # read as a corpus file a moment ago; nothing more to say
        out.extend(got)
        problems.extend(bad)
    return tuple(out), problems


def _same(a: Path, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
