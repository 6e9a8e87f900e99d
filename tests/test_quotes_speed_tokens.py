"""The quotes' tokens read run by run (words.tokenize) are the tokens the one regular
expression finds over the whole sentence: same texts, offsets, folded forms and flags."""
from __future__ import annotations

import random

from tui.engine.quotes import words
from tui.engine.quotes.words import (_OPENERS, _PARTY_TAG, _TOKEN, ABBREVIATIONS, SURNAME_WORDS,
                                     TITLES, Tok, cue_form, tokenize)


def _reference(s: str, offset: int = 0) -> list[Tok]:
    """The tokenizer as it was: one pass of _TOKEN over the sentence."""
    out: list[Tok] = []
    first_word = None
    for m in _TOKEN.finditer(s):
        t = m.group()
        a = m.start() + offset
        if t == ".":
            if out:
                prev = out[-1]
                if prev.word and prev.end == a and (
                        prev.low in ABBREVIATIONS or prev.low in TITLES
                        or (len(prev.text) == 1 and prev.text.isupper())
                        or _PARTY_TAG.fullmatch(prev.text)):
                    prev.text += "."
                    prev.end += 1
                    continue
            out.append(Tok(t, a, a + 1, t, False, False))
            continue
        c = t[0]
        word = c.isalnum()
        low = t.lower().replace("’", "'")
        if low[-1] == ".":
            low = low.rstrip(".")
        tok = Tok(t, a, a + len(t), low, word, word and c.isupper())
        if tok.cap and low in SURNAME_WORDS:
            if out and out[-1].text not in _OPENERS:
                tok.proper = True
            elif not out:
                first_word = tok
        out.append(tok)
    if first_word is not None and len(out) > 1 and first_word.low in ("will", "read"):
        nxt = out[1]
        if nxt.word and not nxt.cap and (nxt.low.endswith("ed") or cue_form(nxt.low)[1] == "s"):
            first_word.proper = True
    return out


def _fields(ts: list[Tok]) -> list[tuple]:
    return [(t.text, t.start, t.end, t.low, t.word, t.cap, t.proper) for t in ts]


CASES = [
    "“We will not back down,” Read said on Tuesday.",
    "Will wrote that the U.S. and Mr.. Dane's firm (R-Texas.) met at 5 p.m. in St. Paul.",
    "Will voters care?  Read more: Judicial Watch added -- “Q” — the A. B. Kerr’s report",
    "Texas’ senator said ’90s \x02     \x03 ‘Gang of Four‘ snake_case __x__ 3½ Ⅻ ²",
    "\tTabs\u2003and\u00a0odd\u2009spaces\x1c and\r\nlines\n",
    "",
    "   ",
    ".",
    "Sen. Gov. Dr.Kerr e.g. i.e. U.N.-backed Ivo's, dons' it's — – --- ....",
    "Read", "Will claims", "Read, said", "Watch Still More",
]


def test_invented_sentences_match_the_reference():
    for s in CASES:
        for off in (0, 7):
            assert _fields(tokenize(s, off)) == _fields(_reference(s, off)), s


def test_random_strings_match_the_reference():
    rng = random.Random(16)
    alphabet = list("aZq. ,;:'’‘“”\"-—–()\x02\x03_\t\n\u00a0é1½") + [
        "Mr", "Will", "Read", "said", "U.S", "R-Ohio", "St", "p.m", "Kerr", "dons", " "]
    for _ in range(3000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert _fields(tokenize(s, 3)) == _fields(_reference(s, 3)), repr(s)


def test_the_run_table_is_bounded(monkeypatch):
    monkeypatch.setattr(words, "_CHUNKS_MAX", 4)
    words._CHUNKS.clear()
    s = "one two three four five six seven eight nine ten"
    assert _fields(tokenize(s)) == _fields(_reference(s))
    assert len(words._CHUNKS) <= 4
    assert _fields(tokenize(s)) == _fields(_reference(s))
