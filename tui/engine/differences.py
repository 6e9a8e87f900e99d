"""What two aligned sentences put differently, and what kind of difference each is.

A *substitution* is a short stretch of words (at most four) of one sentence that the other
sentence replaces by other words at the same place (the word diff the alignment marks as
changed words, here with both sides paired).  Its *kind* says whether it matters to a
reader checking the facts:

- ``number``: both sides give a quantity (digits or a number word) and they differ
  ("at least 12" / "about 20");
- ``name``: both sides name someone or something (capitalised words that do not merely
  open the sentence) and the names differ ("Antony" / "Anthony");
- ``title``: the words right before or after a name both sentences give differ ("Chinese
  leader Xi Jinping" / "Chinese President Xi Jinping", "Mao Ning, a spokesman");
- ``quote``: both sides lie inside a quotation: a quote's wording differs;
- None: anything else (a reworded clause, a synonym in the narration).

Days of the week and months are capitalised but are dates, not names.  Pure functions over
the model; the reports' overview and the reader's "facts only" highlighting read them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from .model import Analysis, Article, Sentence, Span
from .text import QUANTITY_WORDS, STOPWORDS, WORD, key

KINDS = ("number", "name", "title", "quote")
MAX_WORDS = 4           # a longer replaced stretch is a reworded clause, not a detail

_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december jan feb mar
apr jun jul aug sep sept oct nov dec""".split())
# what may open a stretch of text, so that a capital after it proves nothing
_OPENERS = ":.!?\"'“‘«(—–-"


@dataclass(frozen=True, slots=True)
class Substitution:
    """Words of sentence (a, i) that sentence (b, j) replaces, both as offsets into their
    own article's text, and the kind of the difference (None: not a fact a reader checks)."""

    mine: Span
    theirs: Span
    kind: str | None


def quote_spans(an: Analysis, a: int) -> tuple[Span, ...]:
    """The quotations of article `a` as (start, end) offsets, in order."""
    return tuple(sorted((q.start, q.end) for q in an.quotes if q.article == a))


_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")       # U.S., E.U., C.I.A.


def _words(art: Article, s: Sentence) -> list[tuple[int, int, str, str]]:
    """(start, end, word as written, key) for every word of the sentence as shown; a dotted
    abbreviation is one word, keyed as if written without dots ("E.U." / "EU")."""
    seg = art.shown[s.start:s.end]
    out = []
    pos = 0
    for d in _DOTTED.finditer(seg):
        out += [(s.start + m.start(), s.start + m.end(), m.group(), key(m.group()))
                for m in WORD.finditer(seg, pos, d.start())]
        letters = d.group().replace(".", "")
        out.append((s.start + d.start(), s.start + d.end(), letters, letters.lower()))
        pos = d.end()
    out += [(s.start + m.start(), s.start + m.end(), m.group(), key(m.group()))
            for m in WORD.finditer(seg, pos)]
    return out


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word) or word.lower() in QUANTITY_WORDS


def _title_case(art: Article, s: Sentence) -> bool:
    """A headline written in title case (most words capitalised): there a capital says
    nothing about a name."""
    return _title_case_text(art.shown[s.start:s.end])


@lru_cache(maxsize=8192)
def _title_case_text(text: str) -> bool:
    ws = [w for w in WORD.findall(text) if w.lower() not in STOPWORDS]
    return len(ws) >= 3 and sum(w[:1].isupper() for w in ws) >= 0.7 * len(ws)


def _is_name(art: Article, s: Sentence, start: int, word: str) -> bool:
    """A capitalised word that is not there only because it opens the sentence, a quote or
    a clause after a colon; not a day or a month; not in a title-case headline."""
    if not word[:1].isupper() or word.lower() in _CALENDAR or _title_case(art, s):
        return False
    lead = art.shown[s.start:start].rstrip()
    return bool(lead) and not lead.endswith(tuple(_OPENERS))


def _inside(spans: Sequence[Span], a: int, b: int) -> bool:
    return any(q0 <= a and b <= q1 for q0, q1 in spans)


def kind_of(art: Article, s: Sentence, span: Span, quotes: Sequence[Span] = ()) -> str | None:
    """The kind of one side's changed words alone (the reader marks one sentence at a
    time): a number, a name, a title (next to a name), words inside a quote, or None."""
    ws = [w for w in _words(art, s) if span[0] <= w[0] and w[1] <= span[1]]
    if not ws:
        return None
    if any(_is_number(w[2]) for w in ws):
        return "number"
    if any(_is_name(art, s, w[0], w[2]) for w in ws):
        return "name"
    if _next_to_name(art, s, span):
        return "title"
    if _inside(quotes, span[0], span[1]):
        return "quote"
    return None


def facts(art: Article, s: Sentence, spans: Sequence[Span], quotes: Sequence[Span] = ()
          ) -> tuple[Span, ...]:
    """Of a sentence's changed words, the stretches a reader checks facts by: numbers,
    names, titles and a quote's wording (the reader's "facts only" highlighting)."""
    return tuple(sp for sp in spans if kind_of(art, s, sp, quotes) is not None)


def _next_to_name(art: Article, s: Sentence, span: Span) -> bool:
    """The span stands where a title does: right before a name ("leader Xi Jinping"; not
    a possessive, "protect Canada's", nor a verb: after "to", ending in -ed), or after
    one past a comma and an article ("Mao Ning, a spokesman")."""
    ws = _words(art, s)
    after = [w for w in ws if w[0] >= span[1]]
    before = [w for w in ws if w[1] <= span[0]]
    if after and _is_name(art, s, after[0][0], after[0][2]) \
            and not art.shown[span[1]:after[0][0]].strip() \
            and not re.match(r"['’]s\b", art.shown[after[0][1]:after[0][1] + 3]) \
            and not (before and before[-1][2].lower() == "to") \
            and not [w for w in ws if w[1] <= span[1]][-1][2].endswith("ed"):
        return True
    k = len(before) - 1
    while k >= 0 and before[k][3] in ("a", "an", "the"):
        k -= 1
    if k < 0:
        return False
    gap = art.shown[before[k][1]:span[0]]
    return gap.strip() == "," and _is_name(art, s, before[k][0], before[k][2])


def _opcodes(ka: list[str], kb: list[str]):
    from rapidfuzz.distance import Levenshtein

    for op in Levenshtein.opcodes(ka, kb):
        yield op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end


def _content(ws) -> bool:
    return any(w[3] not in STOPWORDS or w[3].isdigit() for w in ws)


def _stem_of_name(word: str) -> str:
    return re.sub(r"['’]s?$", "", word.lower())


_DERIVED = ("n", "an", "ian", "ese", "i", "ish", "ic", "s")


def _same_name(x: str, y: str) -> bool:
    """Two forms of one name: a possessive or a demonym ("Korea's" / "Korean", "Iran" /
    "Iranian", "China" / "Chinese"); not two spellings ("Lopez" / "Lopes")."""
    x, y = _stem_of_name(x), _stem_of_name(y)
    if x == y:
        return True
    short, long_ = sorted((x, y), key=len)
    stems = (short, short[:-1]) if short[-1:] in "aeiouy" else (short,)
    return any(long_ == stem + end for stem in stems for end in _DERIVED)


def _acronym_of(word: str, ws, k: int) -> bool:
    """`word` is the initials of the capitalised words ws[k:] start with ("CIA" / "Central
    Intelligence Agency"; small words inside are skipped: "Department of Defense")."""
    if not (len(word) >= 2 and word.isupper() and word.isalpha()):
        return False
    initials = ""
    for w in ws[k:]:
        if w[2][:1].isupper():
            initials += w[2][0]
        elif w[3] not in STOPWORDS:
            break
        if len(initials) >= len(word):
            break
    return initials == word


def _classify(art_a: Article, s: Sentence, wa, a0: int, a1: int, art_b: Article,
              t: Sentence, wb, b0: int, b1: int, qa: Sequence[Span], qb: Sequence[Span]
              ) -> str | None:
    """The kind of a paired substitution (wa[a0:a1] by wb[b0:b1]): both sides must be of
    it, and what one side says must be nowhere in the other sentence (a word moved is not
    a word changed)."""
    xa, xb = wa[a0:a1], wb[b0:b1]
    keys_a, keys_b = {w[3] for w in wa}, {w[3] for w in wb}
    num_a = [w for w in xa if _is_number(w[2])]
    num_b = [w for w in xb if _is_number(w[2])]
    if num_a and num_b:
        if all(w[3] in keys_b for w in num_a) or all(w[3] in keys_a for w in num_b):
            return None
        return "number"
    if num_a or num_b:
        return None     # a number one side gives and the other does not: a detail added
    if any(_acronym_of(w[2], wb, b0) for w in xa) or any(_acronym_of(w[2], wa, a0)
                                                        for w in xb):
        return None     # "CIA" / "Central Intelligence Agency"
    name_a = [w for w in xa if _is_name(art_a, s, w[0], w[2])]
    name_b = [w for w in xb if _is_name(art_b, t, w[0], w[2])]
    if name_a and name_b and len(name_a) == len(xa) and len(name_b) == len(xb):
        if any(_same_name(x[2], y[2]) for x in name_a for y in name_b):
            return None     # two forms of one name
        if any(w[3] in keys_b for w in name_a) or any(w[3] in keys_a for w in name_b):
            return None     # the name is there, elsewhere: moved, not changed
        return "name"       # a name replaced by a name
    span_a, span_b = (xa[0][0], xa[-1][1]), (xb[0][0], xb[-1][1])
    caps = any(len(w[2]) > 1 and w[2].isupper() for w in xa + xb)   # acronyms, datelines
    if not name_a and not name_b and not caps and _next_to_name(art_a, s, span_a) \
            and _next_to_name(art_b, t, span_b):
        return "title"
    if _inside(qa, *span_a) and _inside(qb, *span_b):
        return "quote"
    return None


def substitutions(an: Analysis, a: int, i: int, b: int, j: int,
                  quotes: tuple[Sequence[Span], Sequence[Span]] | None = None
                  ) -> list[Substitution]:
    """The short word substitutions between sentence (a, i) and sentence (b, j), paired
    and classified.  `quotes`: the two articles' quote spans (`quote_spans`), when the
    caller has them already."""
    art_a, art_b = an.articles[a], an.articles[b]
    s, t = art_a.sentences[i], art_b.sentences[j]
    wa, wb = _words(art_a, s), _words(art_b, t)
    if not wa or not wb:
        return []
    qa, qb = quotes if quotes is not None else (quote_spans(an, a), quote_spans(an, b))
    out = []
    for tag, a0, a1, b0, b1 in _opcodes([w[3] for w in wa], [w[3] for w in wb]):
        if tag != "replace" or a1 - a0 > MAX_WORDS or b1 - b0 > MAX_WORDS:
            continue
        xa, xb = wa[a0:a1], wb[b0:b1]
        if not (_content(xa) and _content(xb)):
            continue
        out.append(Substitution((xa[0][0], xa[-1][1]), (xb[0][0], xb[-1][1]),
                                _classify(art_a, s, wa, a0, a1, art_b, t, wb, b0, b1, qa, qb)))
    return out


def word_diff(an: Analysis, a: int, i: int, b: int, j: int) -> list[tuple[str, str]]:
    """Sentence (b, j) as a word diff against sentence (a, i): pieces of ("equal", text of
    b), ("delete", words of a that b does not have), ("insert", words of b that a does not
    have), in b's order, spaces folded.  Words compare by their keys (case, spelling
    variants, quote marks and number words do not count)."""
    art_a, art_b = an.articles[a], an.articles[b]
    s, t = art_a.sentences[i], art_b.sentences[j]
    wa, wb = _words(art_a, s), _words(art_b, t)
    text_a, text_b = art_a.shown, art_b.shown

    def fold_ws(x: str) -> str:
        return re.sub(r"\s+", " ", x)

    def b_text(k0: int, k1: int) -> str:
        """b's words k0..k1-1 with what follows each up to the next word (or the end)."""
        if k0 >= k1:
            return ""
        end = wb[k1][0] if k1 < len(wb) else t.end
        return fold_ws(text_b[wb[k0][0]:end])

    out: list[tuple[str, str]] = []
    lead = text_b[t.start:wb[0][0]] if wb else text_b[t.start:t.end]
    if lead.strip():
        out.append(("equal", fold_ws(lead.lstrip())))
    if not wb:
        return out
    for tag, a0, a1, b0, b1 in _opcodes([w[3] for w in wa], [w[3] for w in wb]):
        if tag in ("delete", "replace"):
            out.append(("delete", fold_ws(text_a[wa[a0][0]:wa[a1 - 1][1]])))
        if tag in ("insert", "replace"):
            body = b_text(b0, b1)
            stripped = body.rstrip()
            out.append(("insert", stripped))
            if body[len(stripped):]:
                out.append(("equal", body[len(stripped):]))
        elif tag == "equal":
            out.append(("equal", b_text(b0, b1)))
    # a deleted stretch has no spaces of its own: one on each side, where none is
    fixed: list[tuple[str, str]] = []
    for tag, text in out:
        if fixed and (tag == "delete" or fixed[-1][0] == "delete") \
                and not fixed[-1][1].endswith((" ", "‘", "“", '"', "'", "(", "[", "«")) \
                and not text.startswith((" ", ",", ".", ";", ":", "’", "”", ")")):
            if fixed[-1][0] == "delete":
                fixed.append(("equal", " "))
            else:
                fixed[-1] = (fixed[-1][0], fixed[-1][1] + " ")
        fixed.append((tag, text))
    if fixed:
        fixed[-1] = (fixed[-1][0], fixed[-1][1].rstrip())
    merged: list[tuple[str, str]] = []
    for tag, text in fixed:
        if not text:
            continue
        if merged and merged[-1][0] == tag:
            merged[-1] = (tag, merged[-1][1] + text)
        else:
            merged.append((tag, text))
    return merged
