"""Marks: where the quotations are.

Takes an article (its shown text, paragraphs, boilerplate paragraphs); gives `RawQuote`s.
Per paragraph (non-blank line), every quotation mark is read as an opener, a closer or an
apostrophe from its neighbours (not its glyph: copy writes “Gang of Four“ and
“...incident."), then paired on a stack: double and single marks, quotes inside quotes, an
unclosed paragraph-final quote (runs to the end of the paragraph, and the next paragraph
may close it without reopening).  Apostrophes (Norway’s, ’90s, don't, Texas’ senator)
are never marks.  `mask_quotes` blanks the quotations so that the later steps read only
the reporter's words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..chars import DOUBLE, SINGLE
from ..model import Article
from .words import COORD, PREPS, PRONOUNS, SUBORDINATORS, is_cue_word

MARKS = DOUBLE + SINGLE
_OPEN_CTX = set("([{—–-/:;…") | set(MARKS)
_CLOSE_CTX = set(")]}—–-/.,;:!?…") | set(MARKS)
_ELISIONS = re.compile(r"(?:em|til|tis|twas|cause|n|round|bout)\b", re.I)
_MARK_RX = re.compile("[" + re.escape(MARKS) + "]")

# ---------------------------------------------------------------- 1. marks


@dataclass(slots=True)
class RawQuote:
    """A quotation found by its marks, before it is attributed."""
    start: int            # offsets into the article text
    end: int
    para: int
    depth: int
    open_pos: int         # offset of the opening mark (-1: none, the paragraph continues one)
    close_pos: int        # offset of the closing mark (-1: unclosed, runs to paragraph end)
    fam: str = "d"        # "d" double marks, "s" single marks


def _classify(p: str, i: int) -> tuple[str, bool, bool, bool]:
    """(family, can_open, can_close, weak) of the mark p[i]; family '' for an apostrophe."""
    ch = p[i]
    prev = p[i - 1] if i > 0 else " "
    nxt = p[i + 1] if i + 1 < len(p) else " "
    left = not nxt.isspace() and (prev.isspace() or prev in _OPEN_CTX)
    right = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_CTX)
    if ch in DOUBLE:
        if left and right:
            left, right = ch in "“„«‟", ch in "”»"
            if ch == '"':
                left = right = True
        elif not left and not right:
            if prev.isspace() and nxt.isspace():
                back = p[:i].rstrip()[-1:]
                if ch == '"' and back and back in "’'”,.!?":
                    return "d", False, True, False   # 'above the board,' " said: a closer
                return "", False, False, False
            left, right = ch in "“„«‟\"", ch in "”»\""
        return "d", left, right, False
    # single marks
    if prev.isalnum() and nxt.isalnum():
        return "", False, False, False          # don't, Norway’s, it’s
    if left and not prev.isalnum():
        if p[i + 1:i + 3].isdigit() and (i + 3 >= len(p) or not p[i + 3].isdigit()):
            return "", False, False, False      # ’90s, '23
        if _ELISIONS.match(p, i + 1):
            return "", False, False, False      # 'em, 'til, 'n'
    if left and right:
        left, right = ch in "‘‚‛‹", ch in "’›"
        if ch == "'":
            left = right = True
    if ch == "’" and left and not right:
        return "", False, False, False          # ’burbs, ’Tis: typeset as an apostrophe
    weak = False
    if right and not left and prev in "sSzZ" and nxt.isspace():
        rest = p[i + 1:].lstrip()
        weak = bool(rest) and rest[0].isalnum()   # Texas’ Republican, the unions’ offer
    return "s", left, right, weak


def scan_paragraph(p: str, base: int, para: int, pending: str) -> tuple[list[RawQuote], str]:
    """Quotes of one paragraph (text p at offset base).  `pending`: the family of a quote the
    previous paragraph left open ('' if none).  Returns the quotes and the new pending."""
    marks = []
    for mm in _MARK_RX.finditer(p):
        i = mm.start()
        fam, op, cl, weak = _classify(p, i)
        if fam:
            marks.append((i, fam, op, cl, weak))
    if not marks:
        return [], ""
    out: list[RawQuote] = []
    stack: list[tuple[int, str]] = []
    seen_any = False
    lead = len(p) - len(p.lstrip())
    for n, (i, fam, op, cl, weak) in enumerate(marks):
        if cl and weak:
            continue  # s’ + word: a possessive (Texas’ senator, the companies’ offer)
        closed = False
        if cl:
            k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == fam), None)
            if k is not None and not (op and k != len(stack) - 1 and fam == "d" and p[i] == '"'):
                j, _ = stack[k]
                del stack[k:]
                out.append(RawQuote(base + j + 1, base + i, para, k, base + j, base + i, fam))
                closed = True
            elif not stack and not seen_any and pending == fam and not op:
                out.append(RawQuote(base + lead, base + i, para, 0, -1, base + i, fam))
                closed = True
        if not closed and op:
            stack.append((i, fam))
        seen_any = True
    new_pending = ""
    if stack:
        j, fam = stack[0]
        end = len(p.rstrip())
        out.append(RawQuote(base + j + 1, base + end, para, 0, base + j, -1, fam))
        new_pending = fam
    good = []
    for q in out:
        a, b = q.start, q.end
        seg = p[a - base:b - base]
        a += len(seg) - len(seg.lstrip())
        b -= len(seg) - len(seg.rstrip())
        if b > a and any(c.isalnum() for c in p[a - base:b - base]):
            q.start, q.end = a, b
            good.append(q)
    good.sort(key=lambda q: (q.start, q.depth))
    return good, new_pending


def scan_article(art: Article, paras: list[tuple[int, int]], boiler: set[int]) -> list[RawQuote]:
    out: list[RawQuote] = []
    pending = ""
    for k, (a, b) in enumerate(paras):
        qs, new = scan_paragraph(art.shown[a:b], a, k, pending)
        out.extend(qs)
        if new or k not in boiler:
            pending = new
    if any(q.fam == "s" and q.depth == 0 and q.open_pos >= 0 and q.close_pos >= 0
           and q.para not in boiler for q in out):
        return out
    # This outlet does not quote with single marks: an unclosed ‘ is a stray apostrophe
    # (’burbs), unless it opens the paragraph or follows a colon.
    keep, dropped = [], []
    last_open_kept = False
    for q in out:
        if q.fam == "s" and q.depth == 0 and (q.close_pos < 0 or q.open_pos < 0):
            pa = paras[q.para][0]
            before = art.shown[pa:q.open_pos].rstrip() if q.open_pos >= 0 else ""
            if (q.open_pos < 0 and not last_open_kept) or (before and not before.endswith(":")):
                dropped.append(q)
                last_open_kept = False
                continue
            last_open_kept = q.close_pos < 0
        keep.append(q)
    for d in dropped:
        for q in keep:
            if q.depth > d.depth and d.start <= q.start and q.end <= d.end:
                q.depth -= 1
    return keep



def title_case(line: str) -> bool:
    """A line set in title case: most of its longer words capitalised."""
    firsts = [c for c in [w[0] for w in line.split() if len(w) > 3] if c.isalpha()]
    n = len(firsts)          # the first letters of the longer words
    return n >= 3 and len([c for c in firsts if c.isupper()]) >= 0.7 * n


# "a play called", "the plan, dubbed": a participle that names, after a noun or a comma
_NAMED = re.compile(r"(?:\b(?!(?:he|she|they|it|we|i|you|who|which|that|what)\b)[a-z][\w\-]*"
                    r"[ \t]+(?:called|titled|entitled|named|dubbed|nicknamed|known[ \t]+as)"
                    r"|,[ \t]+(?:called|titled|entitled|dubbed|nicknamed|known[ \t]+as))[ \t]*$")
_SMALL = frozenset("a an the of and or in on at to for with by from".split())
_NEXT_WORD = re.compile(r"[ \t]?([A-Za-z][\w’'\-]*)")
_GO_ON = PREPS | COORD | SUBORDINATORS | frozenset("that what which who whom whose".split())


def names_a_thing(shown: str, q: RawQuote) -> bool:
    """A quotation used as a name, not as anyone's words: a title in capitals ("her roles in
    “The Night Ferry”") or a label on the noun that follows it (“Star Power” award, "We are
    Here" T-shirts), not a word that goes on with the sentence (“Q” said Kerr, “Q” and)."""
    inner = shown[q.start:q.end].rstrip()
    if q.open_pos >= 0 and _NAMED.search(shown, max(0, q.open_pos - 40), q.open_pos):
        return True       # "a play called “Sons of the Sea”", "the plan, dubbed “Ark”"
    if inner.endswith(("!", "?", ".", ",", ";", ":")):
        return False      # a sentence, or words the sentence goes on from
    words = [w for w in inner.split() if w.lower() not in _SMALL]
    if len(inner.split()) >= 2 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words):
        a = shown.rfind("\n", 0, q.start) + 1
        b = shown.find("\n", q.end)
        line = shown[a:max(a, q.start - 1)] + " " + shown[q.end + 1:b if b >= 0 else len(shown)]
        if line.strip(" \t.,:;!?—–-") and not title_case(line):
            return True   # (alone on its line, or in a Title Case Headline: a pulled quote)
    if q.close_pos < 0:
        return False
    m = _NEXT_WORD.match(shown, q.close_pos + 1)
    if m is None or not m.group(1).islower():
        return False
    low = m.group(1)
    if low.endswith(("ed", "ing", "ly")):
        return False      # "‘second incident’ linked to": the sentence goes on
    return low not in _GO_ON and low not in PRONOUNS and not is_cue_word(low)


def mask_quotes(shown: str, raws: list[RawQuote], paras: list[tuple[int, int]]) -> str:
    """The text with every top-level quotation blanked: \x02 (open) spaces \x03 (close)."""
    out = []
    pos = 0
    for q in raws:
        if q.depth:
            continue
        a = q.open_pos if q.open_pos >= 0 else paras[q.para][0]
        b = q.close_pos if q.close_pos >= 0 else paras[q.para][1] - 1
        if a < pos:
            continue
        out.append(shown[pos:a])
        out.append("\x02" + " " * (b - a - 1) + ("\x03" if q.close_pos >= 0 else " "))
        pos = b + 1
    out.append(shown[pos:])
    return "".join(out)


