"""The quotes' word tests kept per run or per word give what the plain tests gave: a
sentence holds a cue word (has_cue_word), a word is a name, a possessive, bare."""
from __future__ import annotations

import random
import re

from tui.engine.quotes import words
from tui.engine.quotes.words import (DAYS, FUNC_CAP, LOWER_WORD, Tok, bare, has_cue_word,
                                     is_cue_word, is_name_tok, is_poss, tokenize)

SENTENCES = [
    "“We will not back down,” Kerr said on Tuesday.",
    "The ministry's statement was short.",
    "Said Comey, “no.”",                       # "aid" is no cue word; "said" is
    "Officials declined\tto comment\u00a0further.",
    "He added: \x02     \x03",
    "Nothing here but plain words",
    "", "   ", "SAID", "re-said", "unsaid", "says’", "tweeted—and",
]


def test_has_cue_word_is_the_plain_test():
    for s in SENTENCES:
        assert has_cue_word(s) == any(map(is_cue_word, LOWER_WORD.findall(s))), s


def test_has_cue_word_on_random_strings():
    rng = random.Random(3)
    bits = ["said", "says", "aid", "Said", "told", "warned", "war", "ned", "x", " ", "\t", ",",
            "“", "’s", "-", "according", "claims", "the", "noted", "\n", "é"]
    for _ in range(3000):
        s = "".join(rng.choice(bits) for _ in range(rng.randint(0, 12)))
        assert has_cue_word(s) == any(map(is_cue_word, LOWER_WORD.findall(s))), repr(s)


def test_has_cue_word_table_is_bounded(monkeypatch):
    monkeypatch.setattr(words, "_RUN_CUE", {})
    for i in range(50):
        has_cue_word(f"w{i} said x{i}")
    assert len(words._RUN_CUE) <= 100_000
    assert has_cue_word("x said") and not has_cue_word("x aid")


_SHOUTED = re.compile(r"[A-Z]{3,}(?:ED|ING|ES)")


def _name_tok_plain(t: Tok) -> bool:
    if not t.word or not t.cap:
        return False
    if t.proper:
        return True
    b = t.low[:-2] if t.low.endswith("'s") else t.low[:-1] if t.low.endswith("s'") else t.low
    return b not in FUNC_CAP and b not in DAYS and not _SHOUTED.fullmatch(t.text)


def test_name_possessive_and_bare_are_the_plain_tests():
    text = ("BREAKING WARNED Kerr's ministry’s Texas’ senators' Monday's The SHOUTING ÉCOLE "
            "NOTES Ada O'Neill D'Arcy’s U.S. Will Read said McDonald's it's ’90s ABCES X")
    toks = tokenize(text) + [Tok("Érica's", 0, 7, "érica's", True, True),
                             Tok("SAYING", 0, 6, "saying", True, True, True)]
    for t in toks:
        assert is_name_tok(t) == _name_tok_plain(t), t
        plain = t.word and (t.low.endswith("'s") or t.low.endswith("s'"))
        assert is_poss(t) == plain, t
        low = t.low
        assert bare(low) == (low[:-2] if low.endswith("'s") else
                             low[:-1] if low.endswith("s'") else low), t


def test_title_case_is_the_plain_test():
    from tui.engine.quotes.marks import title_case

    def plain(line: str) -> bool:
        long = [w for w in line.split() if len(w) > 3 and w[:1].isalpha()]
        return len(long) >= 3 and sum(w[:1].isupper() for w in long) >= 0.7 * len(long)

    lines = ["Port Chief Says Pier Is 'Finished'", "the harbour board met on Tuesday",
             "Kerr Wins, Dane Loses", "ÉCOLE Élan état", "1234 5678 Abcd Efgh ijkl", "",
             "“Quoted Words Here” and more", "Aaaa Bbbb Cccc dddd", "Aaaa Bbbb cccc dddd"]
    rng = random.Random(5)
    bits = ["Word", "word", "WORD", "Wo", "1999", "“Word", "éclat", "Éclat", " ", "\t"]
    lines += ["".join(rng.choice(bits) + " " for _ in range(rng.randint(0, 12)))
              for _ in range(2000)]
    for line in lines:
        assert title_case(line) == plain(line), line
