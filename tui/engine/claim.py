"""What a sentence claims, apart from who is said to claim it.

News attaches an attribution tag to most statements: "X said", "..., X told reporters on
Monday", "According to X, ...", "The files, X said, showed ...", "Claim: Source" in a
headline.  Two outlets reporting one statement differ mostly in their tags, and two
different statements of one speaker share theirs, so the aligner scores the claim and
gives the tag's words little weight.  `tag_spans` finds the tags by the shape of the
sentence (where the speech verb sits, what follows it), not by any list of names.
"""
from __future__ import annotations

import re

# Verbs that introduce or close a report of speech.  Verbs whose meaning is the claim
# itself ("warned", "denied", "threatened") are left out: they are what was said.
SPEECH_VERBS = """said says told tells added stated wrote tweeted noted explained concluded
declared insisted argued claimed acknowledged admitted asserted remarked replied responded
recalled reported announced""".split()
# forms that are also plural nouns ("the reports", "his claims"): a tag only with "that"
# or a colon after them, or at the very end
AMBIGUOUS_VERBS = ("reports claims notes states adds argues insists announces declares writes tweets "
                   "say").split()
_V = "(?:" + "|".join(SPEECH_VERBS) + ")"
_VA = "(?:" + "|".join(SPEECH_VERBS + AMBIGUOUS_VERBS) + ")"
_Q = "\"“”'‘’«»"
# words that open an adjunct after a speech verb ("said on Monday", "told reporters")
_ADJ = (r"(?:on|in|at|to|during|after|before|late|early|last|this|earlier|later|from|via|"
        r"while|through|by|over|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
        r"today|yesterday|tonight|reporters|journalists)")
# where a trailing tag may start: after a comma, or after a closing quote mark that
# follows the quotation's own punctuation or a space
_BOUND = r"(?:,\s*|[,.!?…][\"”’']\s*|[\"”]\s+)"

# "X said (on Monday) (that)" / "X said:" at the start; the subject is short, holds no
# quote mark and ends in no comma (", said X" is a trailing tag) unless an apposition or
# adjunct set off by commas closes it ("X, a spokesman for Y, said"); the claim follows
_LEAD = re.compile(
    r"^(?:[^" + _Q + r";:,]{1,60},\s[^" + _Q + r";:,]{1,70},|[^" + _Q + r";:]{0,90}?[^,\s])"
    r"\s+(?:(?:told|tells)\s+(?:[\w'’.-]+\s+){1,5}?that\b|" + _V + r"\b"
    r"(?:,?\s+" + _ADJ + r"\b[^" + _Q + r",;:]{0,40}?(?=\s+that\b|\s*[,:]))?"
    r"(?:\s+that\b|\s*:|\s*,(?=\s*[" + _Q + r"]))?"
    r"|" + _VA + r"(?:\s+that\b|\s*:))", re.I)
# "According to X, ..." at the start
_ACCORDING_LEAD = re.compile(r"^according to [^,;:]{1,80},", re.I)
# ", according to X." / "..., X said (on Monday)." / '..." X said.' / ", said X, the ..."
_TRAIL = re.compile(
    _BOUND + r"(?:"
    r"according to [^" + _Q + r";:]{1,120}"
    r"|" + _V + r"\s+(?:(?:[A-Z][\w'’.-]*\s*){1,4}|(?:the|a|an)\s+(?!(?:[\w'’-]+\s+){0,3}"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|did|does)\b)(?:[\w'’-]+\s+){0,3}[\w'’-]+)"
    r"(?:,[^" + _Q + r";:]{0,140})?"
    r"|(?:[^\s" + _Q + r",;:]+\s+){0,7}?" + _VA + r"(?:\s+" + _ADJ + r"\b[^" + _Q + r";:]{0,70}|\s+[A-Z][^" + _Q + r";:]{0,50})?"
    r")(?:,\s*(?:quoting|citing)\s[^" + _Q + r";:]{1,60})?\s*[.!?]?[" + _Q + r"]?\s*$")
# ", X said," in the middle
_MIDDLE = re.compile(r",\s*(?:[^\s,;:" + _Q + r"]+\s+){1,5}?" + _V + r"(?:\s+" + _ADJ + r"[^,;:]{0,30})?,", re.I)
# a headline's "Source: claim" or "claim: Source" (the source at most three words)
_HEAD_SOURCE_LEAD = re.compile(r"^(?:[A-Z][\w.'’-]*\s*){1,3}:\s")
_HEAD_SOURCE_TRAIL = re.compile(r":\s*(?:[A-Z][\w.'’-]*\s*){1,3}$")
_WORDS = re.compile(r"\w+")
_REL = re.compile(r"\b(?:which|who|whom|whose)\b", re.I)
# a subject that already holds a clause of its own is no tag's subject ("X has said he
# will ... and reported ...": the speech verb is deep inside the claim)
_LEAD_STOP = re.compile(r"\b(?:because|although|though|since|if|unless|when|while|after|before|but|"
                        r"which|who|what)\b"
                        r"|,\s*and\b|\band\s+(?:\w+ly\s+)?" + _V + r"\b"
                        # "X's claims that": a noun after a possessive (masked: tag_spans)
                        r"|\u02bcs\s+(?:" + "|".join(AMBIGUOUS_VERBS) + r")\b", re.I)


def _headline_source(text: str) -> list[tuple[int, int]]:
    m = _HEAD_SOURCE_LEAD.match(text) or _HEAD_SOURCE_TRAIL.search(text)
    if m and _words(text[:m.start()] + " " + text[m.end():]) >= 3:
        return [(m.start(), m.end())]
    return []


def _words(s: str) -> int:
    return len(_WORDS.findall(s))


CUES = frozenset(SPEECH_VERBS + AMBIGUOUS_VERBS + ["according"])
LOWER_WORD = re.compile(r"[a-z]+")


_POSSESSIVE = re.compile(r"(?<=[^\W\d_])\s?['’]s\b")   # a space: a place folded before it


def tag_spans(text: str, headline: bool = False, words: set | None = None
              ) -> list[tuple[int, int]]:
    """Character spans of `text` that attribute it rather than state it.  Whatever is
    left must be a claim of three words or more, else nothing is a tag.  `words`: the
    text's lower-cased words (LOWER_WORD), when already found."""
    if words is None:
        words = set(LOWER_WORD.findall(text.lower()))
    # a possessive's apostrophe is no quotation mark ("..., X said in a statement carried
    # by the country's state media"); the same length, so the spans stay the text's
    text = _POSSESSIVE.sub(lambda m: m.group()[:-2] + "\u02bcs", text)
    if ":" in text and not headline:
        lead = _announcing_lead(text)
        if lead:
            return [lead]
    if CUES.isdisjoint(words):
        return _headline_source(text) if headline else []
    spans: list[tuple[int, int]] = []
    n = len(text)
    trail = _TRAIL.search(text)
    if trail and _REL.search(trail.group()):
        trail = None
    middle = list(_MIDDLE.finditer(text))
    m = _ACCORDING_LEAD.match(text) or _LEAD.match(text)
    # a lead that runs into a trailing tag was the claim ("A will do B, X said"); one that
    # ends in a tag set off by commas was its subject ("The tapes, X said, showed ...")
    if m and _words(m.group()) <= 16 and not _LEAD_STOP.search(m.group()) \
            and (trail is None or m.end() <= trail.start()) \
            and not any(x.start() < m.end() for x in middle):
        spans.append((0, m.end()))
    if trail:
        spans.append((trail.start(), n))
    for m in middle:
        if all(m.end() <= a or m.start() >= b for a, b in spans):
            spans.append((m.start(), m.end()))
    if headline and not spans:
        return _headline_source(text)
    if not spans:
        return []
    spans.sort()
    rest = text
    for a, b in reversed(spans):
        rest = rest[:a] + " " + rest[b:]
    if _words(rest) < 3:
        return []
    return spans


# A lead-in that announces the point after a colon: "Tonight I'm here to tell you one
# thing: the dam failed.", "Let me say this: we will rebuild."  It tells (a verb of
# telling) or addresses (I, we, you) and holds at most twelve words; the point follows.
_COLON_LEAD = re.compile(r"^[\"“‘']?([^\"“”«»:;]{3,90}?):\s+(?=[" + _Q + r"]?\w)")
_TELLING = frozenset(SPEECH_VERBS + AMBIGUOUS_VERBS + """tell telling say saying announce
announcing declare declaring""".split())
_PERSONS = frozenset("i i'm i’m we we're we’re you let me".split())


def _announcing_lead(text: str) -> tuple[int, int] | None:
    m = _COLON_LEAD.match(text)
    if not m:
        return None
    lead = m.group(1).lower().split()
    if len(lead) > 12 or _words(text[m.end():]) < 2:
        return None
    if _TELLING.isdisjoint(lead) and _PERSONS.isdisjoint(lead):
        return None
    return (0, m.end())


# "SEOUL, South Korea — ", "TEL AVIV (Reuters) - ", "Washington (AFP) – ": where and by
# whom a story was filed, not what it says
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’]+(?:\s+[A-Z][A-Z.'’]+){0,3}|[A-Z][\w.'’]+(?:\s+[A-Z][\w.'’]+){0,2}(?=\s*\())"
    r"(?:,\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})?\s*(?:\([^()]{1,40}\))?\s*[—–-]{1,2}\s+")


# "First, ...", "Meanwhile, ...": how a sentence links to the one before, not what it says
_MARKER = re.compile(
    r"[\"“‘']?(?:first|second|third|fourth|fifth|finally|lastly|meanwhile|moreover|furthermore|"
    r"additionally|in addition|also|still|indeed|instead|again|now|however|nevertheless|"
    r"nonetheless|separately|similarly|likewise|in fact|of course|for example|for instance|"
    r"in other words|in short|in turn|at the same time|on the other hand)\s*,\s+", re.I)


def preamble_end(text: str) -> int:
    """Where a sentence's preamble ends (0: none): a lede's dateline ("SEOUL, South
    Korea — "), then a discourse marker ("First, ", "Meanwhile, ")."""
    m = _DATELINE.match(text)
    end = m.end() if m else 0
    m = _MARKER.match(text, end)
    if m:
        # keep an opening quote mark in the text: only the marker's words go
        end = m.end()
    return end


# Capitalised words in a row (hyphenated parts included: "Jae-in", "Jong-un").
NAME_RUN = re.compile(r"\b[A-Z][\w'’]*(?:-[\w'’]+)*(?:\s+[A-Z][\w'’]*(?:-[\w'’]+)*)*")


# Where a sentence's first clause (its main statement) ends and further clauses begin:
# "; ", " — ", ", and ...", ", which ...", ", including ...", " and will ...".  Commas
# alone do not split (lists, appositions), nor does "and" between nouns ("nuclear and
# missile tests"): "and" starts a clause only before a verb (an auxiliary within three
# words, or a past form right after it).  Candidates are found by one cheap regex and
# checked word by word.
_CLAUSE_CAND = re.compile(r";|\s[—–]\s|\s--\s|,\s+(?=[A-Za-z])"
                          r"|\s(?=(?:and|but|as|because|although|whereas|unless)\s)", re.I)
_AFTER_COMMA = frozenset("""and but or while whereas which who whom where when including as after
before because although though since so then saying calling adding citing according despite
amid prompting leaving making""".split())
_AUX = frozenset("""is are was were has have had will would can could should may might must does
did plans said says""".split())
_PAST = frozenset("told said made took gave sent held met spoke wrote left went came put kept got".split())
_NOT_AS = ("such", "well", "soon", "long", "much")
_SUBJECT = frozenset("it he she they we".split())
_WORD_AT = re.compile(r"[A-Za-z][\w'’]*")


def _next_words(text: str, pos: int, hi: int, n: int) -> list[str]:
    out = []
    for m in _WORD_AT.finditer(text, pos, hi):
        out.append(m.group())
        if len(out) == n:
            break
    return out


def clause_starts(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Offsets in text[lo:hi] where a clause after the first one begins."""
    hi = len(text) if hi is None else hi
    out = []
    for m in _CLAUSE_CAND.finditer(text, lo, hi):
        if m.start() <= lo:
            continue
        c = text[m.start()]
        if c == ";" or (c.isspace() and m.end() > m.start() + 1):  # ";", " — ", " -- "
            k = m.end()
            while k < hi and text[k].isspace():
                k += 1
            out.append(k)
            continue
        if c == ",":
            w = _next_words(text, m.end(), hi, 1)
            if w and w[0].lower() in _AFTER_COMMA:
                out.append(m.end())
            continue
        words = _next_words(text, m.end(), hi, 5)
        if not words:
            continue
        conj = words[0].lower()
        if conj in ("and", "but"):
            rest = [w.lower() for w in words[1:]]
            if (rest and (rest[0] in _PAST or rest[0].endswith("ed"))) \
                    or any(w in _AUX for w in rest[:3]):
                out.append(m.end())
        elif conj == "as":
            before = text[max(lo, m.start() - 5):m.start()].lower()
            if len(words) > 1 and not before.endswith(_NOT_AS) \
                    and (words[1].lower() in _SUBJECT or words[1][0].isupper()):
                out.append(m.end())
        else:
            out.append(m.end())
    return out


_RELATIVE = re.compile(r"(?:who|whom|whose|which)\b", re.I)


def clauses(text: str, lo: int = 0, hi: int | None = None) -> list[list[tuple[int, int]]]:
    """The clauses of text[lo:hi] in order, each a list of spans.  A relative clause set
    off by commas in the middle ("Netanyahu, who opposed the deal, spoke in English") is a
    clause of its own, and the clause it interrupts resumes after it: "Netanyahu ... spoke
    in English" is one clause in two spans."""
    hi = len(text) if hi is None else hi
    cuts = clause_starts(text, lo, hi) + [hi]
    out: list[list[tuple[int, int]]] = []
    a = lo
    k = 0
    while k < len(cuts):
        b = cuts[k]
        if b < hi and _RELATIVE.match(text, b):
            nxt = cuts[k + 1]
            close = text.find(",", b, nxt)
            if close > 0 and text[close + 1:nxt].strip(" .\"”’'"):
                out.append([(a, b), (close + 1, nxt)])
                out.append([(b, close)])
                a = nxt
                k += 2
                continue
        out.append([(a, b)])
        a = b
        k += 1
    return out


_QUESTION = re.compile(
    r"^[\"“‘'(]*(?:why|how|what|who|whom|whose|which|where|when|is|are|was|were|do|does|did|"
    r"can|could|will|would|should|shall|has|have|had|isn't|aren't|wasn't|don't|doesn't|didn't)"
    r"\b[^?]*\?[\"”’')]*\s*$", re.I)


def is_question(text: str) -> bool:
    """A question (it opens with a question word or an auxiliary and ends with "?"): it
    asks, and states nothing another sentence could repeat as a statement."""
    return bool(_QUESTION.match(text))


_MONTH_RX = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
             r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WHEN = re.compile(
    r"\b(?P<m1>" + _MONTH_RX + r")\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b"
    r"|\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>" + _MONTH_RX + r")"
    r"|\b(?:in|since|until|by|last|next|early|late|mid-?)\s+(?P<m3>" + _MONTH_RX + r")(?!\w)"
    r"(?!\s+\d)"
    r"|\b(?P<y>19[5-9]\d|20[0-4]\d)(?:[-–](?P<y2>(?:19|20)?\d\d))?\b", re.I)


def occasions(text: str) -> tuple[frozenset, frozenset, frozenset]:
    """The dates a sentence names: (month-days, months named alone, years), as ("mar", 3),
    "mar", "2017".  "May" alone is a month only after "in"/"last"/... ("in May")."""
    days, months, years = set(), set(), set()
    for m in _WHEN.finditer(text):
        if m.group("y"):
            years.add(m.group("y"))
            end = m.group("y2")
            if end:  # a span of years, "1950-53", "2014-2016"
                last = int(m.group("y")[:4 - len(end)] + end)
                years.update(str(y) for y in range(int(m.group("y")) + 1, min(last, 2049) + 1))
            continue
        mon = m.group("m1") or m.group("m2")
        if mon:
            if mon[0].isupper() or mon.lower() != "may":  # "may 5" is no date
                days.add((mon[:3].lower(), int(m.group("d1") or m.group("d2"))))
            continue
        mon = m.group("m3")
        if mon[0].isupper():  # "in may" is no month
            months.add(mon[:3].lower())
    months -= {d[0] for d in days}
    return frozenset(days), frozenset(months), frozenset(years)


def occasions_differ(a: tuple, b: tuple) -> bool:
    """Two sentences name different dates: both give a day (or a month alone, or a year),
    and none of them agree ("on March 3" against "on April 21"; "in 2015" against "in 2017")."""
    (da, ma, ya), (db, mb, yb) = a, b
    if da and db and not da & db:
        return True
    if ya and yb and not ya & yb:
        return True
    months_a = ma | {d[0] for d in da}
    months_b = mb | {d[0] for d in db}
    return bool((ma or mb) and months_a and months_b and not months_a & months_b)


_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ial|ials|ying)|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?)\b",
                     re.I)


def denial(text: str, lo: int = 0, hi: int | None = None) -> bool:
    """text[lo:hi] denies (or refutes) what it is about: "China denied that the balloon
    ...", "Officials rebutted the claim"."""
    return bool(_DENIAL.search(text, lo, len(text) if hi is None else hi))
