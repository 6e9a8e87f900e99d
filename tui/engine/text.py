"""Word-level text normalisation shared by alignment and the word diff.

A *word* is a run of letters/digits (with inner apostrophes).  Its *key* is the
word lower-cased, with quote-mark and spelling variants folded (British and
American spellings, number words), possessives dropped and a light suffix
strip, so "tracked", "tracking" and "tracks" meet, as do "defence"/"defense".
"""
from __future__ import annotations

import re
from functools import lru_cache

from .stem import english

_stem = english()

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be been before being below
between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves s t said says say saying told tell
according added adding would could may might must shall us one also still yet even however
whether mr mrs ms per via amid among upon within without onto
""".split())

NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "twenty": "20", "hundred": "100", "thousand": "1000", "million": "1000000",
    }
# Every word that names a quantity (what the reports call a number): those above and more.
QUANTITY_WORDS = frozenset(NUMBER_WORDS) | frozenset("""
thirteen fourteen fifteen sixteen seventeen eighteen nineteen thirty forty fifty sixty seventy
eighty ninety hundreds thousands millions billion billions trillion dozen dozens half first
second third fourth fifth percent per cent
""".split())

# British -> American endings, applied before the suffix strip.
_SPELLING = (
    (re.compile(r"([^aeiou])our$"), r"\1or"),      # colour, honour, behaviour
    (re.compile(r"our(s|ed|ing|able)$"), r"or\1"),
    (re.compile(r"(en|f)ce$"), r"\1se"),            # defence, offence, licence (noun)
    (re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),     # analyse, paralyse
    (re.compile(r"([^aeiou])tre(s?)$"), r"\1ter\2"),  # centre, metre
    (re.compile(r"([aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),  # travelled, cancelled
    (re.compile(r"ogue$"), "og"),                   # catalogue, dialogue
)
_SPELLING_SKIP = frozenset("four your our hour tour pour sour flour devour rise wise precise "
                           "otherwise exercise promise surprise advertise expertise compromise "
                           "franchise enterprise premise concise noise raise praise poise "
                           "since once fence hence pence ice office police advice notice "
                           "justice service choice voice price device evidence science".split())
# any of the endings above, in one search: most words have none, and the rules go unread
_SPELLING_ANY = re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in _SPELLING))


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    w = w.replace("'", "")
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if not w.isalpha():
        return w
    if w not in _SPELLING_SKIP and _SPELLING_ANY.search(w):
        for rx, rep in _SPELLING:
            w2 = rx.sub(rep, w)
            if w2 != w:
                w = w2
                break
    return _stem(w)


# Keys are stems ("why" -> "whi", "very" -> "veri"): a stopword test on keys needs the
# stopwords' own keys too (numbers stay content: "one" -> "1").
STOPWORDS = STOPWORDS | frozenset(k for k in map(key, STOPWORDS) if not k.isdigit())


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) for every word of text."""
    return [(m.start(), m.end(), key(m.group())) for m in WORD.finditer(text)]


def content_keys(text: str, prefix: int = 0) -> list[str]:
    """Keys of the words that carry content; with prefix, keys cut to that many letters
    (word families: verify / verification / verifying)."""
    out = [k for _, _, k in words(text) if (k not in STOPWORDS and len(k) > 1) or k.isdigit()]
    if prefix:
        out = [k[:prefix] for k in out]
    return out


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'",
                         "’": "'", "‚": "'", "–": "-", "—": "-", "\u00a0": " "})


def normal(text: str) -> str:
    """Lower-cased, quote marks and dashes folded, spaces collapsed, final punctuation dropped."""
    t = " ".join(text.translate(_QUOTES).lower().split())
    return t.rstrip(" .!?;:,'\"")


def loose(text: str, words: list[str] | None = None) -> str:
    """Words only, lower-cased: what character-level scorers compare (`words`: the
    text's WORD matches, when already found)."""
    return " ".join(WORD.findall(text) if words is None else words).lower().replace("’", "'")
