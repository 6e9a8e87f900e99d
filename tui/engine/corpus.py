"""load -> segment: paths to a Corpus of segmented articles with metadata."""
from __future__ import annotations

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
    units = segment(shown)
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
    """Read, segment and describe every input (files, folders, URLs, corpus files).
    `refresh`: fetch URLs again instead of reading them from the page cache."""
    sources, warnings = read_sources(paths, refresh=refresh)
    articles = []
    for src in sources:
        art = build_article(src)
        # nothing to read (only spaces, invisible characters, markup or comments): skipped
        # here, so no view ever meets an article without a sentence
        if any(art.shown_text(s) for s in art.sentences):
            articles.append(art)
        else:
            warnings.append(f"{src.path}: empty, skipped")
    if not articles:
        raise InputError("no articles to read: every file given is empty")
    return Corpus(articles=tuple(articles), warnings=tuple(one_line(w) for w in warnings))
