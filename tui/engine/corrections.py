"""Corrections: the editor's last word on a corpus, kept as lines of its corpus file.

A corpus file lists the articles to compare (paths and URLs, one a line; ``#`` starts a
comment line).  It may also hold corrections, one a line, in any order among the others;
the analysis applies them last (tui.engine.correct), in the order of the lines:

    label 01_huffpost.txt = HuffPost
    link 01_huffpost.txt "The balloon was first spotted…" #4be1a0 = 02_nyt.txt "A Chinese…" #09c2d7
    unlink 01_huffpost.txt "Officials said the…" #77aa01 = 03_fox.txt "The Pentagon said…" #c1d2e3
    furniture 01_huffpost.txt "Sign up for our newsletter" #b0b0b0
    content 02_nyt.txt "Photo: the balloon over Billings" #5e5e5e
    speaker "Lee" = "Ann Lee"

An article is named by its file name (or its path, relative to the corpus file; its URL;
its id).  A sentence is named by its article, the start of its text in double quotes
(``\\"`` for a quote mark inside, ``…`` where it was cut) and ``#`` with a short digest of
its whole text, so a correction survives re-analysis and edits elsewhere in the article,
and one whose sentence was edited is reported rather than applied to another.  ``@N``
before the quote (the sentence's number, from 1) is written only to tell apart sentences
of the very same text.  By hand the quote alone is enough: any part of the sentence that
no other sentence of the article has.

This module is the lines' syntax (`parse`, `Correction.line`), how articles and sentences
are named and found again (`article_ref`, `sentence_ref`, `find_article`, `find_sentence`),
and the corpus file as lines (`CorpusFile`: read, add, remove, written back atomically,
comments and the order of lines kept).
"""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .chars import fold
from .model import Article
from .untrusted import one_line

KINDS = ("label", "link", "unlink", "furniture", "content", "speaker")
# what each kind holds: sentences named, and names (label: article and label; speaker:
# the name it has and the one it gets)
_SHAPE = {"label": (0, 2), "link": (2, 0), "unlink": (2, 0), "furniture": (1, 0),
          "content": (1, 0), "speaker": (0, 2)}
QUOTE_CHARS = 40        # a written quote: the sentence's first words up to about this long
DIGEST_HEX = 6          # hex digits of a sentence's digest
ELLIPSIS = "…"
MAX_FILE_BYTES = 256 * 1024   # as tui.engine.load reads corpus files


class CorrectionError(ValueError):
    """A line that cannot be read as a correction (the message says what was expected)."""


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """A sentence as a correction names it."""

    article: str            # file name, path, URL or id, as written
    quote: str              # the start of its text (or, by hand, any part of it)
    digest: str = ""        # short digest of its whole text ("": by hand, the quote alone)
    number: int | None = None   # its number from 1 (only to tell identical sentences apart)

    def text(self) -> str:
        out = [_token(self.article)]
        if self.number is not None:
            out.append(f"@{self.number}")
        out.append(_quoted(self.quote))
        if self.digest:
            out.append(f"#{self.digest}")
        return " ".join(out)


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction.  Equal corrections say the same, wherever they were read from."""

    kind: str                                   # one of KINDS
    sentences: tuple[SentenceRef, ...] = ()     # link, unlink: two; furniture, content: one
    names: tuple[str, ...] = ()                 # label: (article, label); speaker: (old, new)
    file: str = field(default="", compare=False)    # the corpus file it was read from
    lineno: int = field(default=0, compare=False)   # its line there (from 1)

    def __post_init__(self) -> None:
        shape = _SHAPE.get(self.kind)
        if shape is None:
            raise CorrectionError(f"unknown correction {self.kind!r} (one of {', '.join(KINDS)})")
        if (len(self.sentences), len(self.names)) != shape:
            raise CorrectionError(f"a {self.kind} correction takes {_expects(self.kind)}")

    @property
    def where(self) -> str:
        """"corpus.txt:12", or "" for a correction not read from a file."""
        return f"{self.file}:{self.lineno}" if self.file and self.lineno else ""

    @property
    def base(self) -> str:
        """The folder its relative article paths start from: its corpus file's."""
        return os.path.dirname(self.file) if self.file else ""

    def line(self) -> str:
        """The correction as a corpus-file line (what `parse` reads back)."""
        if self.kind == "label":
            article, label = self.names
            return f"label {_token(article)} = {_rest(label)}"
        if self.kind == "speaker":
            old, new = self.names
            return f"speaker {_quoted(old)} = {_quoted(new)}"
        refs = [r.text() for r in self.sentences]
        return f"{self.kind} {' = '.join(refs)}"

    def located(self, file: str, lineno: int) -> "Correction":
        return Correction(self.kind, self.sentences, self.names, file=file, lineno=lineno)


def _expects(kind: str) -> str:
    return {"label": "an article and a label: label FILE = LABEL",
            "speaker": 'two names: speaker "NAME" = "NEW NAME"',
            "link": 'two sentences: link FILE "QUOTE" #DIGEST = FILE "QUOTE" #DIGEST',
            "unlink": 'two sentences: unlink FILE "QUOTE" #DIGEST = FILE "QUOTE" #DIGEST',
            "furniture": 'one sentence: furniture FILE "QUOTE" #DIGEST',
            "content": 'one sentence: content FILE "QUOTE" #DIGEST'}[kind]


# ---------------------------------------------------------------- naming a sentence

def _spaced(text: str) -> str:
    return " ".join(text.split())


def digest(text: str) -> str:
    """A short digest of a sentence's text (spaces folded): changes when the text does."""
    import hashlib  # (here: loading it loads OpenSSL, which a run without corrections skips)

    return hashlib.blake2b(_spaced(text).encode("utf-8", "surrogatepass"),
                           digest_size=8).hexdigest()[:DIGEST_HEX]


def quote_of(text: str, limit: int = QUOTE_CHARS) -> str:
    """The first words of a sentence, about `limit` characters, with … where it was cut."""
    t = _spaced(text)
    if len(t) <= limit + len(ELLIPSIS):
        return t
    cut = t.rfind(" ", 0, limit + 1)
    if cut < limit // 2:
        cut = limit
    return t[:cut].rstrip() + ELLIPSIS


def fold_quote(text: str) -> str:
    """What quotes and sentences are compared as: spaces folded, lower case, one quote
    mark and one dash for every kind, a final … (or ...) dropped."""
    t = _spaced(text)
    for tail in (ELLIPSIS, "..."):
        if t.endswith(tail):
            t = t[: -len(tail)].rstrip()
            break
    return fold(t)


class Unresolved(ValueError):
    """A correction that does not fit the corpus (the message says why)."""


def _local(art: Article) -> bool:
    return not art.is_web


def _is_article(art: Article, ref: str, base: str) -> bool:
    if ref in (art.id, art.path):
        return True
    if not _local(art):
        return False
    if ref == os.path.basename(art.path):
        return True
    there = os.path.normpath(os.path.join(base or os.getcwd(), os.path.expanduser(ref)))
    return there == os.path.normpath(os.path.abspath(art.path))


def find_article(articles: tuple[Article, ...], ref: str, base: str = "") -> int:
    """The index of the article `ref` names (file name, path from `base`, URL or id).
    Raises Unresolved."""
    hits = [a for a, art in enumerate(articles) if _is_article(art, ref, base)]
    if len(hits) == 1:
        return hits[0]
    exact = [a for a in hits if articles[a].id == ref or articles[a].path == ref]
    if len(exact) == 1:
        return exact[0]
    if not hits:
        raise Unresolved(f"no article {ref} in this corpus")
    raise Unresolved(f"{ref} names {len(hits)} articles; write its path")


def article_ref(articles: tuple[Article, ...], a: int, base: str = "") -> str:
    """The shortest name that finds article `a` again: its file name, else its path
    (relative to `base` when it can be), else its id; a URL as it is."""
    art = articles[a]
    cands = [art.path] if not _local(art) else [os.path.basename(art.path)]
    if _local(art):
        full = os.path.abspath(art.path)
        try:
            cands.append(os.path.relpath(full, base or os.getcwd()))
        except ValueError:  # pragma: no cover - another drive on Windows
            pass
        cands.append(full)
    cands.append(art.id)
    for ref in cands:
        try:
            if find_article(articles, ref, base) == a:
                return ref
        except Unresolved:
            continue
    return art.id


def _texts(art: Article) -> list[str]:
    return [art.shown_text(s) for s in art.sentences]


def sentence_ref(articles: tuple[Article, ...], a: int, i: int, base: str = "") -> SentenceRef:
    """How a correction names sentence i of article a: its article, the start of its text
    and its digest; its number too when another sentence there reads the same."""
    art = articles[a]
    texts = _texts(art)
    d = digest(texts[i])
    twins = sum(1 for t in texts if digest(t) == d)
    return SentenceRef(article=article_ref(articles, a, base), quote=quote_of(texts[i]),
                       digest=d, number=i + 1 if twins > 1 else None)


def find_sentence(art: Article, ref: SentenceRef) -> int:
    """The index of the sentence `ref` names in `art`: by its digest when it has one (a
    sentence the quote still finds but the digest does not has changed: Unresolved), else
    by the quote (any part of the text; a beginning beats a middle); `@N` picks among equals.
    Raises Unresolved."""
    texts = _texts(art)
    q = fold_quote(ref.quote)
    shown = quote_of(ref.quote)

    def by_quote(q: str = q) -> list[int]:
        folded = [fold_quote(t) for t in texts]
        hits = [k for k, t in enumerate(folded) if q in t]
        starts = [k for k in hits if folded[k].startswith(q)]
        return starts or hits

    if ref.digest:
        hits = [k for k, t in enumerate(texts) if digest(t) == ref.digest]
        if not hits:
            words = q.split()
            # a sentence that still opens with the quote's first words was edited since
            if by_quote() or (len(words) >= 6 and by_quote(" ".join(words[:len(words) // 2]))):
                raise Unresolved(f'the sentence "{shown}" of {ref.article} has changed since '
                                 "the correction was made")
            raise Unresolved(f'{ref.article} has no sentence "{shown}" any more')
    else:
        hits = by_quote()
        if not hits:
            raise Unresolved(f'{ref.article} has no sentence "{shown}"')
    if len(hits) == 1:
        return hits[0]
    if ref.number is not None:
        return min(hits, key=lambda k: (abs(k - (ref.number - 1)), k))
    raise Unresolved(f'{len(hits)} sentences of {ref.article} read "{shown}": quote more of '
                     "it, or give its number (@N)")


# ---------------------------------------------------------------- the line syntax

_BARE = re.compile(r'[^\s"]+')
_DIGEST = re.compile(r"#([0-9a-fA-F]{4,32})$")
_NUMBER = re.compile(r"@(\d{1,7})$")
_HEAD = re.compile(r"([A-Za-z]+)\s")


def is_correction_line(line: str) -> bool:
    """Is this corpus-file line a correction (well formed or not) rather than a path or a
    URL?  A correction opens with one of KINDS and holds a quoted string or " = "; a line
    of the shape "word ... = ..." is one too (an unknown kind, reported by `parse`)."""
    line = line.strip()
    m = _HEAD.match(line)
    if m is None:
        return False
    if m.group(1).lower() in KINDS:
        return '"' in line or " = " in line
    return " = " in line


def _tokens(line: str) -> list[tuple[str, str, int]]:
    """(kind, value, end) tokens: "q" a quoted string, "=" the separator, "w" a bare word."""
    out = []
    k, n = 0, len(line)
    while k < n:
        c = line[k]
        if c.isspace():
            k += 1
            continue
        if c == '"':
            buf = []
            k += 1
            while k < n and line[k] != '"':
                if line[k] == "\\" and k + 1 < n:
                    k += 1
                buf.append(line[k])
                k += 1
            if k >= n:
                raise CorrectionError("a quote is not closed (a \" inside a quote is written \\\")")
            k += 1
            out.append(("q", "".join(buf), k))
            continue
        m = _BARE.match(line, k)
        word = m.group()
        k = m.end()
        out.append(("=" if word == "=" else "w", word, k))
    return out


def _sentence(toks: list[tuple[str, str, int]]) -> SentenceRef:
    if not toks or toks[0][0] == "=":
        raise CorrectionError("a sentence is named by its article and a quote of its text")
    article = toks[0][1]
    number = None
    quote = None
    dig = ""
    for kind, value, _ in toks[1:]:
        if kind == "q" and quote is None:
            quote = value
            continue
        m = _NUMBER.match(value) if kind == "w" and quote is None else None
        if m is not None and number is None:
            number = int(m.group(1))
            if number < 1:
                raise CorrectionError("a sentence number counts from 1")
            continue
        m = _DIGEST.match(value) if kind == "w" and quote is not None else None
        if m is not None and not dig:
            dig = m.group(1).lower()
            continue
        raise CorrectionError(f"unexpected {value!r} in the sentence of {article}")
    if quote is None or not fold_quote(quote):
        raise CorrectionError(f"the sentence of {article} needs a quote of its text, in double "
                              "quotes")
    return SentenceRef(article=article, quote=quote, digest=dig, number=number)


def parse(line: str) -> Correction:
    """A corpus-file line -> the Correction it states (its names and quotes made harmless:
    one line, nothing that acts on a terminal).  Raises CorrectionError."""
    line = one_line(line).strip()
    head, _, body = line.partition(" ")
    kind = head.lower()
    if kind not in KINDS:
        raise CorrectionError(f"unknown correction {head!r} (one of {', '.join(KINDS)})")
    toks = _tokens(body)
    seps = [k for k, t in enumerate(toks) if t[0] == "="]
    if kind in ("label", "speaker"):
        if not seps:
            raise CorrectionError(f"a {kind} correction takes {_expects(kind)}")
        left, right = toks[:seps[0]], toks[seps[0] + 1:]
        if len(left) != 1 or not right:
            raise CorrectionError(f"a {kind} correction takes {_expects(kind)}")
        # the right side: one quoted string, or the rest of the line as written
        if len(right) == 1 and right[0][0] == "q":
            value = right[0][1]
        else:
            value = body[toks[seps[0]][2]:].strip()
        old = left[0][1].strip()
        value = value.strip()
        if not old or not value:
            raise CorrectionError(f"a {kind} correction takes {_expects(kind)}")
        return Correction(kind, names=(old, value))
    if kind in ("link", "unlink"):
        if len(seps) != 1:
            raise CorrectionError(f"a {kind} correction takes {_expects(kind)}")
        refs = (_sentence(toks[:seps[0]]), _sentence(toks[seps[0] + 1:]))
        return Correction(kind, sentences=refs)
    if seps:
        raise CorrectionError(f"a {kind} correction takes {_expects(kind)}")
    return Correction(kind, sentences=(_sentence(toks),))


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _token(text: str) -> str:
    """A bare word when it reads back as one, else quoted."""
    if _BARE.fullmatch(text) and text != "=" and not text.startswith(("#", "@")):
        return text
    return _quoted(text)


def _rest(text: str) -> str:
    """A label: as written when the rest of the line reads back as it, else quoted."""
    if text == text.strip() and text and '"' not in text:
        return text
    return _quoted(text)


# ---------------------------------------------------------------- the corpus file

@dataclass(frozen=True)
class CorpusFile:
    """A corpus file as its lines: what is read is written back the same, comments, blank
    lines and the order of lines kept; corrections are added at the end and removed by
    removing their line."""

    path: str
    lines: tuple[str, ...] = ()
    newline: str = "\n"
    bom: bool = False
    final_newline: bool = True

    @classmethod
    def read(cls, path: str | os.PathLike) -> "CorpusFile":
        """Raises OSError when it cannot be read, ValueError when it is not UTF-8 text."""
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise ValueError(f"{path}: too large for a corpus file")
        bom = data.startswith(b"\xef\xbb\xbf")
        text = data.decode("utf-8-sig")
        newline = "\r\n" if "\r\n" in text else "\n"
        lines = text.splitlines()
        return cls(path=str(path), lines=tuple(lines), newline=newline, bom=bom,
                   final_newline=not lines or text.endswith(("\n", "\r")))

    @classmethod
    def new(cls, path: str | os.PathLike, refs: list[str], comment: str = "") -> "CorpusFile":
        """A corpus file listing `refs` (paths relative to it, URLs), after a comment."""
        head = [f"# {line}" if line else "#" for line in comment.splitlines()]
        return cls(path=str(path), lines=tuple(head + list(refs)))

    def text(self) -> str:
        body = self.newline.join(self.lines)
        if self.lines and self.final_newline:
            body += self.newline
        return ("\ufeff" if self.bom else "") + body

    def entries(self) -> list[tuple[int, str]]:
        """(line number, line) of every correction line."""
        return [(k, line.strip()) for k, line in enumerate(self.lines, 1)
                if not line.lstrip().startswith("#") and is_correction_line(line)]

    def corrections(self) -> tuple[tuple[Correction, ...], tuple[str, ...]]:
        """The corrections it holds, in order, and a message per line that cannot be read."""
        out, problems = [], []
        for k, line in self.entries():
            try:
                out.append(parse(line).located(self.path, k))
            except CorrectionError as e:
                problems.append(f"{self.path}:{k}: {e}; this line is not applied")
        return tuple(out), tuple(problems)

    def add(self, c: Correction) -> "CorpusFile":
        lines = list(self.lines)
        while lines and not lines[-1].strip() and not self.final_newline:
            lines.pop()
        lines.append(c.line())
        return CorpusFile(self.path, tuple(lines), self.newline, self.bom, True)

    def insert(self, c: Correction, lineno: int) -> "CorpusFile":
        """With `c` back on line `lineno` (where it was before it was removed), or last
        when the file is shorter now."""
        if not 1 <= lineno <= len(self.lines) + 1 or (lineno == len(self.lines) + 1
                                                      and not self.final_newline):
            return self.add(c)
        lines = list(self.lines)
        lines.insert(lineno - 1, c.line())
        return CorpusFile(self.path, tuple(lines), self.newline, self.bom, self.final_newline)

    def remove(self, c: Correction) -> "CorpusFile":
        """Without the line of `c` (its own line when it was read from here, else the last
        line that states the same)."""
        at = [k for k, line in self.entries() if _states(line, c)]
        if not at:
            return self
        k = c.lineno if c.file == self.path and c.lineno in at else at[-1]
        lines = list(self.lines)
        del lines[k - 1]
        return CorpusFile(self.path, tuple(lines), self.newline, self.bom, self.final_newline)

    def save(self) -> Path:
        """Write it atomically (a temporary file beside it, renamed over it), through a
        symbolic link, keeping the file's permissions.  Raises OSError."""
        from .files import atomic_write

        target = os.path.realpath(self.path)
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = 0o666
        return atomic_write(target, self.text(), mode=mode)


def _states(line: str, c: Correction) -> bool:
    try:
        return parse(line) == c
    except CorrectionError:
        return False


# ---------------------------------------------------------------- made in the reader

def about_sentences(kind: str, articles: tuple[Article, ...], *sentences: tuple[int, int],
                    base: str = "") -> Correction:
    """A link, unlink, furniture or content correction of (article, sentence) pairs,
    named so that it finds them again (`base`: the corpus file's folder)."""
    return Correction(kind, sentences=tuple(sentence_ref(articles, a, i, base)
                                            for a, i in sentences))


def label_of(articles: tuple[Article, ...], a: int, label: str, base: str = "") -> Correction:
    return Correction("label", names=(article_ref(articles, a, base), _name(label)))


def speaker_named(old: str, new: str) -> Correction:
    return Correction("speaker", names=(_name(old), _name(new)))


def _name(text: str) -> str:
    return " ".join(one_line(text).split())
