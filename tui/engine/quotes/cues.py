"""Cues: speech verbs outside quotations and who they say is speaking.

Takes a `Ctx` (masked text, tokens); fills `ctx.events`: every speech verb ("said",
"told", "added", "according to", "wrote on Twitter", ...) with its subject: the noun
phrase before it (appositions skipped), after it ("said X"), or, for "..., adding:" and
"... and said", the subject of the clause it continues.
"""
from __future__ import annotations

import re

from .article import Ctx, Event, outlets_of, tok_at
from .subjects import (QUANTITY, SOME, Mention, analyse_np, appositive_name, clause_start, np_back, np_fwd, skip_back,
                       subject_before)
from .words import (AUX, DASHES, DAYS, DETERMINERS, NUMBER_WORDS, OBJ_VERBS, PARTICLE, PASSIVE, PREPS, PRONOUNS,
                    SKIP, SPEECH_NOUNS, SUBORD, SUBORDINATORS, Tok, cue_form, is_cue_word,
                    is_name_tok, is_poss, modifier, np_word, place_key, words_of)

FINITE = words_of("have has had were are was is will would can could may might should must do did")


_MAKE = words_of("make makes made making")


def _heeded(low: str) -> bool:
    """Can find_events do anything with this word: a noun of saying, a form of "make", a cue
    verb, "according", or a verb that may follow a quotation ("pressed", "went")?  Kept per
    word (bounded: the words of any corpus)."""
    h = (low in SPEECH_NOUNS or low in _MAKE or is_cue_word(low) or low == "according"
         or low.endswith("ed") or low in _GOES_ON)
    if len(_HEEDED) < 200_000:
        _HEEDED[low] = h
    return h


_HEEDED: dict[str, bool] = {}


def _add(ctx: Ctx, ev: Event) -> None:
    ev.idx = len(ctx.events)
    ctx.events.append(ev)
    ctx.event_pos.append(ev.pos)


def find_events(ctx: Ctx) -> None:
    """Fill ctx.events: every cue of the article's read sentences, with its subject."""
    toks = ctx.toks
    heeded = _HEEDED
    for s, (lo, hi) in enumerate(ctx.sent_bounds):
        first_of_sentence = len(ctx.events)
        for j in range(lo, hi):
            t = toks[j]
            if not t.word:
                continue
            low = t.low
            h = heeded.get(low)
            if h is None:
                h = _heeded(low)
            if not h:
                continue      # no branch below can take this word
            if low in SPEECH_NOUNS and j > lo:
                p = j - 1      # "Kerr's campaign slogan is": past plain words to the owner
                while p > lo and j - p <= 2 and modifier(toks[p]):
                    p -= 1
                m = possessor(ctx, p, lo)
                if m is None:
                    m = _speech_noun_source(ctx, j, lo, hi)
                if m is not None:      # "Kerr's warning that “...”", "in her words, “...”"
                    _add(ctx, Event(j, t.start, s, ctx.para_of_sent[s], t.text, m, noun=True))
                    continue
            if low in _MAKE and j > lo and not t.cap and j + 2 < hi and (
                    toks[j + 1].low == "clear" or toks[j + 1].low == "the"
                    and toks[j + 2].low in ("point", "case", "argument")):
                m, how = subject_before(ctx, j - 1, lo)
                if m is not None and how == "np":   # "Kerr made the point that “...”"
                    _add(ctx, Event(j, t.start, s, ctx.para_of_sent[s], t.text, m))
                continue
            if not is_cue_word(low) and low != "according":
                if (low.endswith("ed") or low in _GOES_ON) and j > lo and not t.cap:
                    m = _after_quote_verb(ctx, j, lo, hi)
                    if m is not None:      # "“...?” Kerr pressed.", "“...,” Kerr went on"
                        _add(ctx, Event(j, t.start, s, ctx.para_of_sent[s], t.text, m))
                continue
            if low == "according" and j + 1 < hi and toks[j + 1].low == "to":
                span = np_fwd(toks, j + 2, hi)
                m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx)) if span else None
                if m is not None:
                    _add(ctx, Event(j, t.start, s, ctx.para_of_sent[s], "according to", m))
                continue
            base, form = cue_form(low)
            if not base:
                continue
            nxt = toks[j + 1] if j + 1 < hi else None
            if base in PARTICLE and not (nxt is not None and nxt.low == PARTICLE[base]):
                continue  # "pointed out", not "pointed to"
            if t.cap and not (j > lo and form in ("s", "ed") and is_name_tok(toks[j - 1])
                              and _title_case(toks, lo, hi)) \
                    and not (j == lo and form == "ed" and nxt is not None and is_name_tok(nxt)) \
                    and not (j == lo and form == "ing" and nxt is not None
                             and nxt.text in (",", ":")):
                continue  # "Calls grew", "United States"; but "Trump Says", "Said Comey,",
                # "Adding, “...”"
            prev = toks[j - 1] if j > lo else None
            if prev is not None and prev.word and (prev.low in DETERMINERS or is_poss(prev)
                                                   or form == "s" and prev.low in PREPS):
                continue  # "the report", "a call", "Trump's claims", "for protests": nouns
            if t.cap and prev is not None and place_key(prev.text + " " + t.text):
                continue  # "United States"
            if form == "s" and base in NOUNISH and (
                    nxt is not None and nxt.low in ("of", "that", "about", "from")
                    or t.cap or j - 2 >= lo and prev is not None and is_name_tok(prev)
                    and (toks[j - 2].low in DETERMINERS or toks[j - 2].low.isdigit())):
                continue  # "initial reports of", "22 Kerr emails", "Putin Remarks": nouns
            if base in NAMING and form == "ed" and nxt is not None and nxt.text == "\x02" \
                    and prev is not None and prev.word and not prev.cap \
                    and prev.low not in SKIP and prev.low not in PASSIVE:
                continue  # "a play called “Sons”", "a site titled “...”": a name, not words
            if base == "cast" and not any(x.low == "as" for x in toks[j + 1:min(hi, j + 8)]):
                continue  # "cast a vote" (but "cast him as “...”")
            if form == "s" and nxt is not None and nxt.word and nxt.low in FINITE:
                continue  # "which reports have indicated": a noun before its verb
            if form == "ing" and base in SAYING and prev is not None and prev.word \
                    and not prev.cap and np_word(prev):
                m = _what_says(ctx, j, lo)
                if m is not None:      # "a statement saying", "an ad calling", "a sign reading"
                    _add(ctx, Event(j, t.start, s, ctx.para_of_sent[s], t.text, m))
                    continue
            if form == "ing" and prev is not None and prev.word and not (
                    prev.cap or prev.low in PASSIVE or prev.low in PREPS or prev.low in SUBORD
                    or prev.low in PRONOUNS or prev.low in SKIP
                    or prev.low.endswith("ly") or prev.low in ("been", "without", "while")):
                continue  # "a regular briefing", "an old saying": nouns
            if base == "continue" and nxt is not None and nxt.word:
                continue  # "continued to track"
            k = skip_back(toks, j - 1, lo)
            b = j - 1
            while b >= lo and toks[b].word and toks[b].low.endswith("ly") and not toks[b].cap:
                b -= 1
            if form != "ing" and b >= lo and toks[b].word and toks[b].low in PASSIVE:
                # passive: "was told", "is said to"; the speaker is the agent, if named:
                # "was asked by host Ada Kerr"
                if base == "quote":  # "Ada Kerr was quoted (by state TV) as saying"
                    m, _ = subject_before(ctx, b - 1, lo)
                    if m is not None:
                        _add(ctx, Event(j, t.start, s, ctx.para_of_sent[s], t.text, m))
                elif nxt is not None and nxt.low == "by" and base != "cite":
                    agent = inverted_subject(ctx, j + 2, hi)
                    if agent is not None:
                        _add(ctx, Event(j, t.start, s, ctx.para_of_sent[s], t.text, agent))
                continue
            if form == "base":
                a = j - 1      # past adverbs: "could only quip", "would never say"
                while a > lo and toks[a].word and not toks[a].cap and (
                        toks[a].low in _ADVERBS or toks[a].low.endswith("ly") and len(toks[a].low) > 4):
                    a -= 1
                if a >= lo and a < j - 1 and toks[a].word and toks[a].low in AUX:
                    prev = toks[a]
            if form == "base" and not (prev is not None and prev.word and (
                    prev.low in AUX or prev.low in ("they", "we", "i", "you")
                    or (prev.low.endswith("s") and len(prev.low) > 3
                        and not prev.text.isupper() and not (
                            prev.cap and j - 2 >= lo and is_name_tok(toks[j - 2]))))):
                continue  # "US claim", "the US state of Ohio": nouns
            ev = Event(j, t.start, s, ctx.para_of_sent[s], t.text)
            m, how = subject_before(ctx, j - 1, lo)
            if m is not None and m.kind != "pronoun" and how != "rel":
                a0 = tok_at(ctx, m.start) - 1
                if a0 >= lo and toks[a0].word and toks[a0].low in PREPS and not (
                        toks[a0].low == "with" and form == "ing"):   # "with Kerr saying"
                    # "around US claims", "... for Clinton, said Kunin": an object, not a
                    # subject; the speaker may still follow the verb -- or precede the
                    # preposition: "The notice on the door read", "A spokesman for X said"
                    m, how = None, ""
                    h = a0 - 1         # "an adviser close to X", "a source familiar with X"
                    if h > lo and toks[h].word and toks[h].low in _POSTMOD:
                        h -= 1
                    head = np_back(toks, h, lo) if h >= lo else None
                    if head is not None and clause_start(toks, head[0], lo):
                        m2 = analyse_np(ctx.art.shown, toks, head[0], head[1], outlets_of(ctx))
                        if m2 is not None and m2.kind in ("person", "organisation", "media",
                                                          "document", "anonymous"):
                            m, how = m2, "np"
            if form in ("ed", "s") and k >= lo and toks[k].text in (",", "\x03") \
                    and (base in INVERTIBLE or base == "ask" and toks[k].text == "\x03") \
                    and j + 1 < hi and (
                        toks[j + 1].cap or toks[j + 1].low in ("a", "an", "the", "one", "another")):
                inv = inverted_subject(ctx, j + 1, hi)
                if inv is not None and _closes(ctx, inv, hi):
                    m, how = inv, "np"  # "..., said Brad Bannon, a pollster.": inverted order
            participle = participle_like(low, toks, k, lo)
            opener = j == lo and form == "ing" and nxt is not None and nxt.text in (",", ":")
            if participle or opener or (m is None and how == "coord"):
                # (a verb's event: "explaining his view, Kerr said" continues Kerr, not "his")
                prev = [e for e in ctx.events[first_of_sentence:] if e.sent == s and not e.noun]
                mains = [e for e in prev if e.main]
                if how == "coord" and mains:
                    ev.inherit = mains[0].idx
                elif mains:
                    ev.inherit = mains[-1].idx
                elif prev:
                    ev.inherit = prev[-1].idx
                else:
                    ev.sentence_subject = sentence_subject(ctx, s)
                    if opener:
                        # "Kerr said .... Adding, “...”": the sentence opens on the
                        # participle; it goes on from the cue of the sentence before
                        ev.sentence_subject = None
                        before = [e for e in ctx.events if e.sent == s - 1 and not e.noun
                                  and e.para == ctx.para_of_sent[s]]
                        if before:
                            ev.inherit = before[-1].idx
            elif m is not None and m.kind != "pronoun" or (m is not None and j - lo < 40):
                ev.mention = m
            else:
                # "said X" (inverted), only right after a quotation or at a clause start
                # (after a comma, only a verb that reports without an object: ", denounced
                # her record" has its object after it, not its speaker)
                if (k < lo or toks[k].text in ("\x03", ":", "\x02") or toks[k].text == ","
                        and (base in INVERTIBLE or base in MANNER)) and (
                        base not in OBJ_VERBS or base == "ask" and k >= lo
                        and toks[k].text == "\x03"):   # "“...?” asked the boy"
                    ev.mention = inverted_subject(ctx, j + 1, hi)
                if ev.mention is None:
                    continue
            if ev.mention is not None:
                # a subordinate clause: "after the ministry said ..."
                a0 = tok_at(ctx, ev.mention.start) - 1
                if a0 >= lo and toks[a0].word and toks[a0].low in SUBORD:
                    ev.main = False
            _add(ctx, ev)


# adjectives that follow the noun they describe, before a preposition: "an aide close to X"
_POSTMOD = words_of("close familiar loyal near")
_GOES_ON = words_of("went carried pressed")
# verbs whose s-form is also a plural noun ("the reports of", "22 Kerr emails")
NOUNISH = words_of("email text post tweet report comment remark claim quote note call promise "
                   "pledge vow question answer reply statement message warning")
# verbs that give a name ("a play called “Sons”")
NAMING = words_of("call title name dub label term brand")
_ADVERBS = words_of("only also just never not still even ever then again simply merely")
_VERB_TAIL = frozenset((".", ",", ";", "!", "?")) | DASHES


def _after_quote_verb(ctx: Ctx, j: int, lo: int, hi: int) -> Mention | None:
    """A verb of any kind in the place of a cue, right after a quotation that ends on a
    comma or a question: "“...?” Kerr pressed.", "“...,” Kerr started.", "“...,” Kerr went
    on, as if ..." -- its subject speaks.  The verb ends its clause (or takes a
    preposition); the subject stands between the closing mark and the verb."""
    toks = ctx.toks
    t = toks[j]
    if t.cap or not (t.low.endswith("ed") and len(t.low) > 4 or t.low in _GOES_ON) or j == lo:
        return None
    if j + 1 < hi:
        nxt = toks[j + 1]
        if not (nxt.text in _VERB_TAIL or nxt.word and nxt.low in PREPS):
            return None
    span = np_back(toks, j - 1, lo)
    if span is None or toks[span[0]].low in PRONOUNS:
        return None
    q = span[0] - 1
    text = ctx.art.shown
    if q >= lo:
        if toks[q].text == ",":
            q -= 1
        if q < lo or toks[q].text != "\x03" or text[toks[q].start - 1:toks[q].start] not in (
                ",", "?", "!", "") and toks[q + 1].text != ",":
            return None
    else:                      # the sentence opens with the subject: after "...?”" or "...!”"
        k = toks[span[0]].start      # (what ends before it, spaces aside: never a copy of
        while k > 0 and text[k - 1].isspace():     # the text before, the whole article)
            k -= 1
        if not text[max(0, k - 2):k].endswith(("?”", "!”", '?"', '!"', ",”", ',"')):
            return None
    return _someone(text, toks, span, ctx)


def _someone(text, toks, span, ctx):
    """The noun phrase at `span` when it names someone who can put words out (a person,
    an organisation, an outlet, an anonymous source); else None."""
    m = analyse_np(text, toks, span[0], span[1], outlets_of(ctx))
    if m is not None and m.kind in ("person", "organisation", "media", "anonymous"):
        return m
    return None


# participles that carry a text's words after its noun: "a statement saying", "a sign reading"
SAYING = words_of("say read call ask urge warn claim declare state proclaim announce accuse "
                  "promise describe note tell demand insist argue")
# verbs that put a text out: "issued a statement saying", "sent out a release calling"
PUBLISH = words_of("issued issues released releases sent sends put puts posted posts published "
                   "publishes ran runs aired airs tweeted wrote writes penned pens signed signs "
                   "unveiled unveils launched launches distributed circulated")


def _what_says(ctx: Ctx, j: int, lo: int) -> Mention | None:
    """The text or people whose words a participle after a noun gives: "a sign reading “...”"
    (the sign), "protesters chanting “...”" (the protesters), and for a text someone put out,
    that someone: "Kerr issued a statement saying ...", "the campaign sent out an email
    calling ..."."""
    toks = ctx.toks
    span = np_back(toks, j - 1, lo)
    if span is None:
        return None
    m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx))
    p = span[0] - 1
    if p > lo and toks[p].word and toks[p].low in PREPS and toks[p].low != "with":
        # "a text message to supporters saying": the text before the preposition says it;
        # "on their way into the polls saying": no one named here
        span = np_back(toks, p - 1, lo)
        m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx)) if span else None
        if m is None or m.kind != "document":
            return None
    if m is None or m.kind not in ("document", "anonymous", "organisation", "media"):
        return None
    if m.kind == "document":
        v = span[0] - 1
        while v > lo and toks[v].word and toks[v].low in ("out", "up", "also", "then", "quickly"):
            v -= 1
        if v >= lo and toks[v].word and toks[v].low in PUBLISH:
            who, how = subject_before(ctx, v - 1, lo)
            if who is not None and how == "np" and who.kind in (
                    "person", "organisation", "media", "pronoun"):
                return who
    return m


def _speech_noun_source(ctx: Ctx, j: int, lo: int, hi: int) -> Mention | None:
    """Whose words a noun of saying gives when no possessive names them: "a headline from the
    Daily Courier", "that quote from commissioner Ivo Dane", "a warning by the agency"."""
    toks = ctx.toks
    if j + 1 < hi and toks[j + 1].word and toks[j + 1].low in ("from", "by"):
        span = np_fwd(toks, j + 2, hi)
        if span is not None:
            return _someone(ctx.art.shown, toks, span, ctx)
    return None


_INV_STOP = words_of("who which whose whom that in on at during after before while when as "
                     "because since with without from to for of about than")
_TIME = words_of("today yesterday tonight morning afternoon evening night week month year "
                 "earlier later recently")


def _some(t: Tok) -> bool:
    """A word of quantity before "of": "one of two witnesses", "some of the crew"."""
    return t.word and (t.low in NUMBER_WORDS or t.low in QUANTITY or t.low in SOME)


def inverted_subject(ctx: Ctx, f: int, hi: int) -> Mention | None:
    """The speaker after an inverted cue: "..., said Mayor Ada Kerr", "said the 46-year-old",
    "added another Ohio Democrat", "said commuter Anna Bell, 34"."""
    toks = ctx.toks
    while f < hi and toks[f].word and not toks[f].cap and (
            toks[f].low in _TIME or toks[f].low in DAYS or toks[f].low.endswith("ly")):
        f += 1  # "said Tuesday", "said quietly"
    if f >= hi or toks[f].word and toks[f].low in PRONOUNS:
        return None       # "said he believed": a reported clause, not an inverted speaker
    span = np_fwd(toks, f, hi)
    if span is not None and is_name_tok(toks[span[1]] if toks[span[1]].text != ")"
                                        else toks[span[1] - 1]):
        m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx))
        if m is not None and m.kind == "person":
            ap = _trailing_appos(toks, span[1] + 1, hi)
            if ap is not None:    # "said Ivo Dane, a harbour analyst.": his role
                m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx),
                               appos=ap) or m
        if m is not None:
            return m
    if toks[f].word and (toks[f].low in _INV_STOP or toks[f].low in SUBORD):
        return None
    e = f
    while e < hi and e - f < 10 and (toks[e].word or toks[e].text in ("-", "’", "'")) \
            and not (toks[e].word and e > f and (
                toks[e].low in _INV_STOP and not (toks[e].low == "of" and _some(toks[e - 1]))
                or toks[e].low == "known"
                or toks[e].low.endswith("ed") and not toks[e].cap
                and toks[e - 1].low not in DETERMINERS)):   # "the base chief known as"
        e += 1
    if e == f:
        return None
    m = analyse_np(ctx.art.shown, toks, f, e - 1, outlets_of(ctx), loose=True)
    m = appositive_name(ctx.art.shown, toks, f, e - 1, hi, m, outlets_of(ctx)) or m
    if m is not None and m.kind in ("person", "organisation", "media", "document", "anonymous"):
        return m
    return None


# verbs of the manner of speaking, that may precede their speaker: "..., shouted a man"
MANNER = words_of("shout yell cry whisper murmur mutter laugh exclaim tweet post wonder stress "
                  "scream sigh chuckle snap gush bellow")
# verbs that report without an object, so that what follows them may be their speaker:
# "..., said Kerr", "..., added a spokesman" (not "called X 'Y'", "told reporters")
INVERTIBLE = words_of("say add write note explain continue recall reply respond declare insist "
                      "argue warn admit concede joke quip suggest conclude counter boast exclaim "
                      "observe remark comment predict recount complain state agree caution "
                      "retort remember")


_POSS_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it"}


def possessor(ctx: Ctx, j: int, lo: int) -> Mention | None:
    """The owner named by the possessive that ends at token j: "Ada Kerr's" -> Ada Kerr,
    "the ministry's" -> the ministry, "his" -> he."""
    toks = ctx.toks
    t = toks[j]
    if not t.word:
        return None
    if t.low in _POSS_PRONOUN:
        name = _POSS_PRONOUN[t.low]
        return Mention(t.start, t.end, t.text, "pronoun", name, plural=name == "they")
    if not is_poss(t):
        return None
    span = np_back(toks, j, lo)
    if span is None:
        return None
    m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx), possessive=True)
    return m if m is not None and m.kind != "place" else None


def _trailing_appos(toks: list[Tok], c: int, hi: int) -> tuple[int, int] | None:
    """The apposition after a name: ", a harbour analyst." / ", the port's chief, who": the
    tokens from after the comma at c to before the punctuation or relative that closes it."""
    if not (c + 1 < hi and toks[c].text == "," and toks[c + 1].word
            and (toks[c + 1].low in ("a", "an", "the") or not toks[c + 1].cap)):
        return None
    e = c + 1
    while e < hi and e - c <= 12 and (toks[e].word or toks[e].text in ("-", "’", "'", "&")) \
            and toks[e].low not in ("who", "which", "whose"):
        e += 1
    if e - c > 12 or e < hi and toks[e].text not in (",", ".", ";") and toks[e].text not in DASHES \
            and toks[e].low not in ("who", "which", "whose"):
        return None
    return (c + 1, e - 1) if e - 1 > c else None


def _closes(ctx: Ctx, m: Mention, hi: int) -> bool:
    """Does the phrase m end its clause (punctuation, the sentence's end, a relative)?
    "said Kerr, a pollster." yes; "said the deal was off" no."""
    k = tok_at(ctx, m.end)
    if k >= hi:
        return True
    t = ctx.toks[k]
    return t.text in (",", ".", ";", ":", "(") or t.text in DASHES or t.low in ("who", "which")


def _title_case(toks: list[Tok], lo: int, hi: int) -> bool:
    """A headline set in title case: most of its longer words capitalised."""
    long = [t for t in toks[lo:hi] if t.word and len(t.text) > 3]
    return len(long) >= 3 and sum(t.cap for t in long) >= 0.7 * len(long)


def participle_like(low: str, toks: list[Tok], k: int, lo: int) -> bool:
    """", adding", "; saying", and after a quotation that ends on its own comma:
    "“...,” adding"."""
    return low.endswith("ing") and k >= lo and (
        (toks[k].text in (",", ":", ";", "\x03") or toks[k].text in DASHES)
        or toks[k].word and (toks[k].low in PREPS or toks[k].low in SUBORDINATORS))


def sentence_subject(ctx: Ctx, s: int) -> tuple[int, int] | None:
    """The subject of a sentence's main clause: the noun phrase that opens it, after an
    opening phrase that ends with a comma ("Just days earlier, Kerr ...", "In a statement
    on Thursday, ...", "Continuing to explain, ..."), and before its verb (an apposition
    may come between: "Kerr, the mayor, ...")."""
    lo, hi = ctx.sent_bounds[s]
    return subject_span(ctx.toks, lo, hi)


def subject_span(toks: list[Tok], lo: int, hi: int) -> tuple[int, int] | None:
    """sentence_subject over the tokens toks[lo:hi]."""
    starts = [lo]
    for k in range(lo, min(hi, lo + 25)):
        if toks[k].text in ("\x02", "\x03"):
            break
        if toks[k].text == ",":
            starts.append(k + 1)
            break
    for i in starts:
        while i < hi and toks[i].word and toks[i].low in ("but", "and", "so", "yet", "meanwhile"):
            i += 1
        span = np_fwd(toks, i, hi)
        if span is None or toks[span[0]].low in PREPS:
            continue
        v = span[1] + 1
        if v < hi and (toks[v].text == "," or toks[v].text in DASHES):   # an apposition
            k = v + 1
            while k < hi and k - v < 40 and toks[k].text not in (",", ";") and toks[k].text not in DASHES:
                k += 1
            v = k + 1
        if v < hi and toks[v].word and not toks[v].cap and toks[v].low not in PREPS:
            return span
    # a described subject: "Hundreds of demonstrators marched", "Her old friends have said"
    for i in starts:
        k = i
        while k < hi and k - i < 12 and toks[k].word and not _verb_like(toks[k]):
            k += 1
        if i < k < hi and toks[k].word and _verb_like(toks[k]):
            return (i, k - 1)
    return None


def _verb_like(t: Tok) -> bool:
    """A lower-case finite verb form: "marched", "says", "has", "will"."""
    low = t.low
    return not t.cap and (low in FINITE or low.endswith("ed") and len(low) > 3
                          or low in _IRREGULAR_PAST
                          or is_cue_word(low) and not low.endswith("ing"))


_IRREGULAR_PAST = words_of("stood sat went came gave took made held ran met left began rose fell "
                           "brought kept sent stayed got grew drew threw flew led lay")


_CLAUSE_JOIN = words_of("but and while as although because when after since whereas so")


def clause_subjects(toks: list[Tok], lo: int, hi: int) -> list[tuple[int, int]]:
    """The subjects of a sentence's clauses, in order: its opening subject and those of the
    clauses a semicolon or ", but" / ", and" / ", while" opens ("Kerr resigned, but Moor
    stayed")."""
    out = []
    first = subject_span(toks, lo, hi)
    if first is not None:
        out.append(first)
    for i in range(lo + 1, hi - 1):
        t = toks[i]
        if t.text == ";" or t.word and t.low in _CLAUSE_JOIN and toks[i - 1].text == ",":
            span = np_fwd(toks, i + 1, hi)
            if span is not None and span[1] + 1 < hi:
                v = toks[span[1] + 1]
                if v.word and not v.cap and v.low not in PREPS:
                    out.append(span)
    return out



_CUE_TAIL = re.compile(
    r"\s+(?:in an? (?:\w+ )?(?:statement|interview|briefing|post|tweet|video|letter|speech)"
    r"|on (?:Twitter|X|Facebook|Instagram|Telegram|Weibo|Threads|Truth Social|social media"
    r"|(?:his|her|their) \w+(?: \w+)? (?:account|platform|page|channel))"
    r"|(?:to )?reporters|on(?=[,.;]))\b")
_CUE_HEAD = re.compile(r"(?:went on to|going on to|also|later|then)\s+$")


def cue_text(ctx: Ctx, ev: Event) -> str:
    """The speech verb with its fixed companions: "went on to say", "said in a statement"."""
    text = ctx.art.shown
    end = ev.pos + len(ev.cue)
    m = _CUE_TAIL.match(text, end)
    cue = text[ev.pos:m.end() if m else end]
    h = _CUE_HEAD.search(text, max(0, ev.pos - 20), ev.pos)
    if h:
        cue = text[h.start():ev.pos] + cue
    return " ".join(cue.split())


