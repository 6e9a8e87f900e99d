"""Attribution: which cue, hence which speaker, each quotation belongs to.

Takes the article's `RawQuote`s and its events; sets each `QRec`'s entity, in order: a
cue right after the quote (", she said"), a cue earlier in its sentence ("X said on
Twitter that the mayor “must ...”"), the speaker of the sentence before in the same paragraph,
the open quotation it continues, the previous quote paragraph, "Name: ‘...’" headlines,
the clause subject when it has spoken in the article.  Otherwise none.  Pronouns and "the
statement" point back to the entity the passage named.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable

from .article import Ctx, Event, outlets_of, sentence_of, tok_at
from .cues import clause_subjects, cue_text
from .marks import RawQuote, names_a_thing, title_case
from .naming import Entity, Registry, role_key
from .subjects import Mention, analyse_np, appositive_name, np_back, np_fwd
from .subjects import BRACKETS, clause_start
from .words import (COORD, DAYS, DETERMINERS, PASSIVE, PREPS, PRONOUNS, SKIP, ROLE_LOWER, SUBORDINATORS, TITLES, Tok,
                    cue_form, fold, is_cue_word,
                    is_name_tok, tokenize, words_of)

FINITE_AUX = frozenset("has have had will would can could may might must should does did".split())

_PERSONAL = {"he": ("person", "anonymous"), "she": ("person", "anonymous"),
             "it": ("organisation", "media", "document", "place"),
             "they": ("anonymous", "organisation", "person", "place")}


def _resolve_pronoun(ctx: Ctx, m: Mention, pos: int, reg: Registry, depth: int = 0) -> Entity | None:
    """he / she: the person the passage last introduced as the subject of a clause, or last
    gave words to, before pos (this sentence, then up to five before it, within three
    paragraphs); it / they: the nearest subject or speaker (this sentence or the two before),
    when it is an organisation or a group ("Officials were less sure. “...,” they said"), else
    the organisation or group that last spoke.  A pronoun subject stands for what that
    pronoun stood for.  None when nothing fits."""
    kinds = _PERSONAL.get(m.name)
    if not kinds or depth > 3:
        return None
    s = sentence_of(ctx, pos)
    para = ctx.para_of_sent[s]
    sents = ctx.art.sentences
    spoke = list(ctx.history.before(pos, 40))
    group = m.name in ("it", "they")
    k = s
    nearest_only = False
    while not nearest_only and k >= 0 and para - ctx.para_of_sent[k] <= (1 if group else 3) \
            and s - k < (3 if group else 6):
        lo_off = sents[k].start
        cands: list[tuple[int, Mention | Entity]] = [(off, e) for off, e in spoke
                                                     if lo_off <= off < pos]
        cands += [(off, mm) for off, mm in _clause_mentions(ctx, k) if off < pos]
        for off, c in sorted(cands, key=lambda x: -x[0]):
            if isinstance(c, Mention):
                if c.kind == "pronoun":
                    if c.name == m.name or c.name in ("he", "she") and m.name in ("he", "she"):
                        return _resolve_pronoun(ctx, c, off, reg, depth + 1)
                elif _fits_pronoun(m.name, c.kind, c.plural) or c.kind == "anonymous" \
                        and not group:
                    if c.kind == "anonymous" and not group:
                        c = _named(ctx, c, off, lambda: recent_entities(ctx, off, reg))
                    if _fits_pronoun(m.name, c.kind, c.plural):
                        e = entity_for(ctx, c, off, reg)
                        if e is not None:
                            return e
            else:
                e = reg.entities[reg.find(c.id)]
                if _fits_pronoun(m.name, e.kind, e.plural):
                    return e
            if group:          # it / they: the nearest subject or speaker, or none of them
                nearest_only = True
                break
        k -= 1
    for off, e in spoke:           # no subject fits: the last who spoke, six paragraphs back
        if para - ctx.para_of_sent[sentence_of(ctx, off)] > (3 if group else 6):
            break
        e = reg.entities[reg.find(e.id)]
        if _fits_pronoun(m.name, e.kind, e.plural):
            return e
    return None


def _clause_mentions(ctx: Ctx, k: int) -> list[tuple[int, Mention]]:
    """The subjects of sentence k's clauses read as mentions, with their offsets, in order:
    read once per sentence (a pronoun looks back over the same sentences as the one before
    it).  Nothing changes a mention once it is read, so the pronouns may share them."""
    got = ctx.clause_mentions.get(k)
    if got is None:
        got = []
        toks = _sentence_toks(ctx, k)
        for a, b in clause_subjects(toks, 0, len(toks)):
            mm = analyse_np(ctx.art.shown, toks, a, b, outlets_of(ctx))
            mm = appositive_name(ctx.art.shown, toks, a, b, len(toks), mm, outlets_of(ctx)) or mm
            if mm is not None:
                got.append((toks[a].start, mm))
        ctx.clause_mentions[k] = got
    return got


def _fits_pronoun(pron: str, kind: str, plural: bool) -> bool:
    if kind not in _PERSONAL[pron]:
        return False
    if pron == "they":
        return plural or kind in ("organisation", "place")
    if pron in ("he", "she"):
        return not plural
    return True


def _sentence_toks(ctx: Ctx, k: int) -> list[Tok]:
    """The tokens of sentence k (the article's own when it was read, else read now)."""
    lo, hi = ctx.sent_bounds[k]
    if hi > lo:
        return ctx.toks[lo:hi]
    if k not in ctx.sent_toks:
        sn = ctx.art.sentences[k]
        ctx.sent_toks[k] = tokenize(ctx.text[sn.start:sn.end], sn.start)
    return ctx.sent_toks[k]


def resolve_event(ctx: Ctx, ev: Event, reg: Registry, before: int | None = None) -> Entity | None:
    if ev.resolved:
        return ev.entity
    ev.resolved = True
    pos = ev.pos if before is None else min(before, ev.pos)
    e: Entity | None = None
    if ev.inherit is not None:
        e = resolve_event(ctx, ctx.events[ev.inherit], reg)
        src = ctx.events[ev.inherit]
        ev.mention = src.mention
    elif ev.sentence_subject is not None:
        a, b = ev.sentence_subject
        m = analyse_np(ctx.art.shown, ctx.toks, a, b, outlets_of(ctx), loose=True)
        m = appositive_name(ctx.art.shown, ctx.toks, a, b, ctx.sent_bounds[ev.sent][1], m,
                            outlets_of(ctx)) or m
        ev.mention = m
        e = entity_for(ctx, m, pos, reg) if m else None
    elif ev.mention is not None:
        e = entity_for(ctx, ev.mention, pos, reg)
    ev.entity = e
    if e is not None:
        e.spoke = True
        ctx.history.add(ev.pos, e)
    return e


def recent_entities(ctx: Ctx, pos: int, reg: Registry) -> list[Entity]:
    out, seen = [], set()
    for off, e in ctx.history.before(pos, 80):
        r = reg.entities[reg.find(e.id)]
        if r.id not in seen:
            seen.add(r.id)
            out.append(r)
            if len(out) >= 20:
                break
    return out


def entity_for(ctx: Ctx, m: Mention, pos: int, reg: Registry) -> Entity | None:
    if m.kind == "pronoun":
        return _resolve_pronoun(ctx, m, pos, reg)
    if m.kind == "document" and m.level == 1 and m.definite:
        # "the statement said": whoever issued the statement quoted just before
        para = ctx.para_of_sent[sentence_of(ctx, pos)]
        for off, e in ctx.quoted.before(pos):
            if para - ctx.para_of_sent[sentence_of(ctx, off)] > 6:
                break
            r = reg.entities[reg.find(e.id)]
            if r.kind in ("organisation", "person", "place", "media"):
                reg.note(r, m)
                return r
    cache: list[list[Entity]] = []

    def recent() -> list[Entity]:        # read only when a mention needs it
        if not cache:
            cache.append(recent_entities(ctx, pos, reg))
        return cache[0]

    m = _named(ctx, m, pos, recent)
    e = reg.lookup(ctx.a, m, recent)
    reg.note(e, m)
    return e


# heads of descriptions that stand for an unnamed source, never for a titled name
_UNNAMED = frozenset("official officials source sources person people aide aides member "
                     "members".split())


def _named(ctx: Ctx, m: Mention, pos: int, recent: Callable[[], list[Entity]]) -> Mention:
    """The full name a surname or a role phrase stands for, from the people table: "Trump"
    -> Donald Trump, "Kim" -> Kim Jong Un, "the president" -> the person the article last
    named with that title (unless an unnamed source of that description spoke since)."""
    people = ctx.people
    if people is None:
        return m
    if m.kind == "person" and not m.first and not m.parts:
        p = people.full_name(ctx.a, m.surname, pos)
        if p is not None:
            return m.but(name=p.full, first=p.first, surname=p.surname)
        return m
    headline = m.kind == "anonymous" and not m.plural and m.name[:1].isupper() \
        and _in_headline(ctx, m.start)
    if m.kind == "anonymous" and (m.definite or headline) and not m.plural \
            and m.head not in _UNNAMED \
            and not any(e.kind == "anonymous" and e.head == m.head for e in recent()):
        key = role_key(m.name.split()[:-1] + [m.head])
        p = people.by_role(ctx.a, key, pos)
        if p is None and (m.country or headline):   # "The US President will ...", named later
            p = people.only_holder(ctx.a, key)
        if p is not None:
            return m.but(kind="person", name=p.full, first=p.first, surname=p.surname,
                         role=m.name)
    return m


def _in_headline(ctx: Ctx, pos: int) -> bool:
    """Does pos stand in a line set in title case ("Port Chief Says Pier Is 'Finished'"),
    where a role goes without its article ("the port chief")?"""
    text = ctx.art.shown
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return title_case(text[a:b if b >= 0 else len(text)])


@dataclass
class QRec:
    """A quote while it is attributed."""
    raw: RawQuote
    a: int
    entity: Entity | None = None
    mention: str = ""
    cue: str = ""
    how: str = ""                # explicit continuation inferred ''
    sent: int = 0
    norm: str | None = field(default=None, compare=False, repr=False)   # its words (naming)


def _region_events(ctx: Ctx, lo_pos: int, hi_pos: int) -> list[Event]:
    a = bisect.bisect_left(ctx.event_pos, lo_pos)
    b = bisect.bisect_left(ctx.event_pos, hi_pos)
    return ctx.events[a:b]


def _opens_clause(ctx: Ctx, ev: Event) -> bool:
    """Does the cue's subject open its clause ("Kerr said ...", ", and Kerr said"), rather than
    sit in a relative clause ("Nothing the mayor said ...")?"""
    m = ev.mention
    if m is None:
        return True
    i = tok_at(ctx, m.start)
    lo = ctx.sent_bounds[ev.sent][0]
    return i >= len(ctx.toks) or clause_start(ctx.toks, i, lo) or ctx.toks[i - 1].low in PREPS


def _last_sentence(ctx: Ctx, ev: Event, para: tuple[int, int]) -> bool:
    """Is the event in the last sentence of the paragraph?"""
    sents = ctx.art.sentences
    return ev.sent + 1 >= len(sents) or sents[ev.sent + 1].start >= para[1]


def _next_sentence_cue(ctx: Ctx, s: int, cpos: int, para: int) -> Event | None:
    """“...?” Kerr said. -- the splitter ended the sentence inside the quotation: a cue that
    opens the next sentence of the paragraph, before any quotation of its own."""
    sents = ctx.art.sentences
    n = s + 1
    if n >= len(sents) or sents[n].paragraph != para or \
            ctx.art.shown[cpos + 1:sents[n].start].strip(" \t.,"):
        return None
    lo, hi = ctx.sent_bounds[n]
    for e in _region_events(ctx, sents[n].start, sents[n].end):
        words = [t for t in ctx.toks[lo:e.tok] if t.word]
        if any(t.text in ("\x02", "\x03") for t in ctx.toks[lo:e.tok]) or len(words) > 8:
            return None
        if e.mention is not None:      # ("That quote from Ivo Dane appeared ...")
            return e if e.noun or _ends_sentence(ctx, e, sents[n].end) else None
    return None


def _closing_cue(ctx: Ctx, ev: Event, sent_hi: int) -> bool:
    """Is the cue a reporting clause set off by a comma at the end of its sentence, which
    reports the whole sentence however long: "..., forcing them to wait, said Jo Dane, an
    analyst.", "..., Kerr said on Monday."?"""
    m = ev.mention
    if m is None or ev.inherit is not None:
        return False
    toks = ctx.toks
    first = min(ev.tok, tok_at(ctx, m.start))
    if first == 0 or toks[first - 1].text != ",":
        return False
    return _ends_sentence(ctx, ev, sent_hi)


def _ends_sentence(ctx: Ctx, ev: Event, sent_hi: int) -> bool:
    """Does the cue end its sentence: "Dane said.", "said Dane, an analyst.", "Dane said on
    Monday." (not "Dane said he would go")?"""
    m = ev.mention
    toks = ctx.toks
    k = max(ev.tok + 1, tok_at(ctx, m.end))
    if k < len(toks) and toks[k].word and toks[k].low in ("on", "out", "up", "back"):
        k += 1                # "Kerr went on", "Kerr shot back"
    rest = [t for t in toks[k:tok_at(ctx, sent_hi)] if t.word]
    if not rest:
        return True
    if m.start > ev.pos and toks[k].text == ",":     # "said Jo Dane, a transport analyst."
        return not any(t.text in ("\x02", "\x03") for t in toks[k:tok_at(ctx, sent_hi)])
    if toks[k].text == ",":
        return True           # "Dane said, pointing at the crowd.", "Dane went on, as if"
    if not toks[k].word:
        return False
    if toks[k].low in PREPS and toks[k].low != "that" or toks[k].low in SUBORDINATORS:
        return True           # "Dane said about the plan ...", "Dane said as he left"
    if toks[k].low in PRONOUNS or toks[k].low == "that":
        return False          # "Dane said he would ...": what is said comes next
    if cue_form(fold(ev.cue))[0] in ("tell", "ask"):
        return True           # "Dane told the BBC in an interview"
    return len(rest) <= 4 and toks[k].low in DAYS


def _reports_quote(ctx: Ctx, ev: Event, cpos: int) -> bool:
    """Does the cue follow the closing mark at once, with a subject of its own: "“Q,” Dane
    said", "“Q?” asked Ivo Dane" (not ", adding")?"""
    m = ev.mention
    if m is None or ev.inherit is not None or ev.noun or m.kind == "pronoun" and m.start > ev.pos:
        return False
    if m.kind in ("media", "document") or cue_form(fold(ev.cue))[0] == "report":
        return False          # "Kerr called it “Q,” the Courier reported": still Kerr's words
    toks = ctx.toks
    k = tok_at(ctx, cpos + 1)
    while k < len(toks) and toks[k].text == ",":
        k += 1
    first = min(ev.tok, tok_at(ctx, m.start))
    if first != k:
        return False
    after = max(ev.tok + 1, tok_at(ctx, m.end))
    if after < len(toks) and toks[after].text == ":":
        return False          # "... “Q,” Dane said: “R”": the cue opens the next quotation
    if m.start < ev.pos:      # "Dane said": the verb right after the subject
        return all(not t.word or t.low in SKIP for t in toks[tok_at(ctx, m.end):ev.tok])
    return True


def _as_clause(ctx: Ctx, ev: Event, cpos: int) -> bool:
    """"a “regional” candidate, as Dane suggested": "as" and its cue right after the
    quotation (its own subject before the verb)."""
    m = ev.mention
    if m is None or ev.inherit is not None or ev.noun or m.start > ev.pos:
        return False
    toks = ctx.toks
    k = tok_at(ctx, cpos + 1)
    while k < len(toks) and toks[k].text == ",":
        k += 1
    for _ in range(2):        # past the noun the quoted word describes: "“regional” candidate,"
        if k < len(toks) and toks[k].word and toks[k].low != "as" and not toks[k].cap:
            k += 1
    while k < len(toks) and toks[k].text == ",":
        k += 1
    a = tok_at(ctx, m.start)
    return a == k + 1 and toks[k].word and toks[k].low == "as" and all(
        not t.word or t.low in SKIP for t in toks[tok_at(ctx, m.end):ev.tok])


def _inside_mention(ev: Event, pos: int) -> bool:
    m = ev.mention
    return m is not None and m.start <= pos < m.end


def _blocked(ctx: Ctx, a_pos: int, b_pos: int) -> bool:
    """Between a cue and a quotation, a clause of its own: a semicolon, or a name with its own
    finite verb that no "that" embeds in what the cue reports ("X denied it as Norway probes
    ‘...’", but not "X said that Norway probes ‘...’")."""
    toks = ctx.toks
    a, b = tok_at(ctx, a_pos) + 1, tok_at(ctx, b_pos)
    for i in range(a, b):
        t = toks[i]
        if t.text == ";":
            return True
        if not (t.word and t.cap and is_name_tok(t)) or i + 1 >= b:
            continue
        if i > a and (is_name_tok(toks[i - 1]) or toks[i - 1].low in ("that", "of", "the")):
            continue
        v = toks[i + 1]
        if v.word and not v.cap and (v.low in PASSIVE or v.low in FINITE_AUX or (
                v.low.endswith("s") and not v.low.endswith("ss") or v.low.endswith("ed"))):
            # (not a subordinate clause that opens what the cue reports: "Dane said
            # because Kerr is popular, “...”", "Dane said that if Kerr wins, “...”")
            if i - 1 > a + (toks[a].word and toks[a].low == "that") and toks[i - 1].word \
                    and toks[i - 1].low in SUBORDINATORS:
                return True
    return False


def attribute_article(ctx: Ctx, recs: list[QRec], reg: Registry, paras, boiler) -> None:
    text = ctx.art.shown
    by_para: dict[int, list[QRec]] = {}
    for r in recs:
        by_para.setdefault(r.raw.para, []).append(r)
    last_para_with_quote: int | None = None
    open_from: QRec | None = None        # the quote the previous quote paragraph left open
    ev_next = 0
    for r in recs:
        q = r.raw
        if q.depth:
            continue
        opos = q.open_pos if q.open_pos >= 0 else q.start
        while ev_next < len(ctx.events) and ctx.events[ev_next].pos < opos:
            resolve_event(ctx, ctx.events[ev_next], reg)
            ev_next += 1
        cpos = q.close_pos if q.close_pos >= 0 else paras[q.para][1]
        s_open = sentence_of(ctx, opos)
        s_close = sentence_of(ctx, max(opos, cpos - 1) if q.close_pos < 0 else cpos)
        r.sent = s_open
        sent_lo = ctx.art.sentences[s_open].start if ctx.art.sentences else paras[q.para][0]
        sent_hi = ctx.art.sentences[s_close].end if ctx.art.sentences else paras[q.para][1]
        para_lo = paras[q.para][0]
        sent_lo = max(sent_lo, para_lo)
        # the next quotation in this paragraph bounds the post-quote region
        nxt = min((x.raw.open_pos for x in by_para.get(q.para, [])
                   if x.raw.depth == 0 and x.raw.open_pos > cpos), default=10**9)
        post_hi = min(sent_hi, nxt) if q.close_pos >= 0 else cpos
        post = [e for e in _region_events(ctx, cpos + 1, sent_hi)
                if (e.pos < post_hi or e.mention is not None and e.mention.start < post_hi)
                and len([t for t in ctx.toks[tok_at(ctx, cpos + 1):e.tok] if t.word]) <= 14
                or _closing_cue(ctx, e, sent_hi)] if q.close_pos >= 0 else []
        pre = [e for e in _region_events(ctx, sent_lo, opos)
               if not _blocked(ctx, e.pos, opos)]
        # a quotation inside the speaker's own description is not theirs
        # ("Ada Kerr, wearing “Vote Kerr” pins, said")
        pre = [e for e in pre if not _inside_mention(e, opos)]
        post = [e for e in post if not _inside_mention(e, opos)]
        before_text = text[sent_lo:opos]
        starts_sentence = not any(c.isalnum() for c in before_text)
        ev = None
        quote_text = ctx.art.shown[q.start:q.end]
        ends_open = quote_text.rstrip()[-1:] in (",", "?", "!") or text[cpos + 1:cpos + 2] == ","
        if post and (starts_sentence or ends_open and not (pre and _opens_clause(ctx, pre[-1]))
                     or ends_open and _reports_quote(ctx, post[0], cpos)
                     or _as_clause(ctx, post[0], cpos)):
            # "“Q,” Kerr said"; "Nothing the mayor said “Q,” Kerr said"; "Kerr called it “Q,”
            # Dane said": the cue right after the quotation reports it; "a “Q” candidate, as
            # Dane suggested"
            ev = post[0]
        elif pre:
            # a verb before the quotation governs it over a noun of saying it took as its
            # object ("Kerr called Dane's remarks “absurd”")
            verbs = [e for e in pre if not e.noun]
            ev = verbs[-1] if verbs else pre[-1]
        elif post and post[0].main:
            ev = post[0]     # (not "a “pre-deal” because some states did not agree")
        if ev is None and q.close_pos >= 0:
            ev = _next_sentence_cue(ctx, s_close, cpos, q.para)
        if ev is not None:
            e = resolve_event(ctx, ev, reg, before=opos)
            if e is not None:
                r.entity, r.how = e, "explicit"
                r.cue = cue_text(ctx, ev)
                r.mention = ev.mention.text if ev.mention else ""
        para_start = not any(c.isalnum() for c in text[para_lo:opos])
        if r.entity is None and starts_sentence and not para_start:
            # the sentence before, in this paragraph: "“Q1,” X said. “Q2.”"
            for x in reversed(by_para.get(q.para, [])):
                if x is r or x.raw.start > q.start or x.raw.depth:
                    continue
                if x.entity is not None:
                    r.entity, r.how, r.cue, r.mention = x.entity, "continuation", x.cue, x.mention
                    break
            if r.entity is None:
                evs = _region_events(ctx, paras[q.para][0], opos)
                for e_ in reversed(evs):
                    ent = resolve_event(ctx, e_, reg)
                    if ent is not None:
                        r.entity, r.how, r.cue = ent, "continuation", cue_text(ctx, e_)
                        r.mention = e_.mention.text if e_.mention else ""
                        break
        if r.entity is None and para_start and q.para not in boiler:
            src = None
            if open_from is not None and open_from.raw.para < q.para:
                gap = [k for k in range(open_from.raw.para + 1, q.para) if k not in boiler]
                if len(gap) <= 1 and not gap or (len(gap) <= 1 and open_from.raw.close_pos < 0):
                    src = open_from
            if src is None and last_para_with_quote is not None:
                gap = [k for k in range(last_para_with_quote + 1, q.para) if k not in boiler]
                if not gap:
                    cands = [x for x in by_para[last_para_with_quote] if x.raw.depth == 0]
                    if cands:
                        src = cands[-1]
            if src is None and q.para > 0:
                # "X said:" closing the paragraph before
                pp = q.para - 1
                while pp in boiler and pp > 0 and not (     # (a lead-in "Kerr says:" is no debris)
                        text[paras[pp][0]:paras[pp][1]].rstrip().endswith(":")
                        and _region_events(ctx, paras[pp][0], paras[pp][1])):
                    pp -= 1
                ptxt = text[paras[pp][0]:paras[pp][1]].rstrip()
                evs = _region_events(ctx, paras[pp][0], paras[pp][1])
                if ptxt.endswith(":") and evs:
                    ent = resolve_event(ctx, evs[-1], reg)
                    if ent is not None:
                        r.entity, r.how, r.cue = ent, "explicit", cue_text(ctx, evs[-1])
                        r.mention = evs[-1].mention.text if evs[-1].mention else ""
                elif evs and (pp != last_para_with_quote or all(
                        x.entity is None for x in by_para.get(pp, ()))) \
                        and _last_sentence(ctx, evs[-1], paras[pp]):
                    # an introducing paragraph whose last sentence reports someone speaking
                    # ("Kerr defended the plan on Tuesday, saying it was overdue."), then the
                    # quotation alone in the next: their words
                    ent = resolve_event(ctx, evs[-1], reg)
                    if ent is not None:
                        r.entity, r.how, r.cue = ent, "continuation", cue_text(ctx, evs[-1])
                        r.mention = evs[-1].mention.text if evs[-1].mention else ""
            if src is not None and src.entity is not None and r.entity is None:
                r.entity, r.how, r.cue, r.mention = src.entity, "continuation", src.cue, src.mention
        if r.entity is None and q.close_pos >= 0:
            _by_agent(ctx, r, reg, opos, cpos, sent_hi)
        if r.entity is None:
            _clause_speaker(ctx, r, reg, sent_lo, opos)
        if r.entity is not None:
            ctx.quoted.add(opos, r.entity)
            ctx.history.add(opos, r.entity)
        last_para_with_quote = q.para
        if q.close_pos < 0:
            open_from = r
        elif q.para != (open_from.raw.para if open_from else -1):
            open_from = r if para_start else None
        else:
            open_from = None
    _before_the_named_quote(ctx, by_para, paras, reg)


def _before_the_named_quote(ctx: Ctx, by_para: dict[int, list[QRec]], paras, reg: Registry) -> None:
    """“Q1.” ¶ “Q2,” Kerr notes. -- a paragraph that is one quotation and no speaker, between
    a paragraph that names Kerr and one that opens on Kerr's quotation: Kerr's words too."""
    text = ctx.art.shown
    for p, rs in by_para.items():
        top = [x for x in rs if not x.raw.depth]
        if len(top) != 1 or top[0].entity is not None or p < 1 or top[0].raw.close_pos < 0:
            continue
        r = top[0]
        lo, hi = paras[p]
        if text[lo:r.raw.open_pos].strip() or text[r.raw.close_pos + 1:hi].strip(" .,\t\n"):
            continue          # not a paragraph of one quotation alone
        nxt = [x for x in by_para.get(p + 1, ()) if not x.raw.depth]
        if not nxt or nxt[0].how != "explicit" or nxt[0].entity is None \
                or text[paras[p + 1][0]:nxt[0].raw.open_pos].strip():
            continue
        e = reg.entities[reg.find(nxt[0].entity.id)]
        if e.kind != "person" or not e.surname:
            continue
        before = text[paras[p - 1][0]:paras[p - 1][1]]
        if re.search(r"\b" + re.escape(e.surname) + r"\b", fold(before)) is None:
            continue
        r.entity, r.how, r.cue, r.mention = nxt[0].entity, "continuation", nxt[0].cue, ""
        ctx.quoted.add(r.raw.open_pos, r.entity)



_HEAD_SKIP = frozenset("read more watch video breaking update exclusive opinion analysis source "
                       "photo photos pictured related live".split())
_EMBED = frozenset("that which who whom whose what".split())
_SPEAKER_KINDS = ("person", "organisation", "media", "document", "anonymous")


def _clause_speaker(ctx: Ctx, r: QRec, reg: Registry, sent_lo: int, opos: int) -> None:
    """No cue: the quotation is the words of the subject of its own clause, when that clause
    opens the sentence (or follows a semicolon, a subordinator, or ", and"), its subject is a
    person, organisation, medium, document or group, and a verb of theirs comes before the
    quotation: "Ada Kerr heralded the deal as a “breakthrough”", "Kerr went further: “...”",
    and a headline's "Ada Kerr: Banks ‘must cut rates’".  A quotation inside a "that" or
    "who" clause belongs to whoever reports it: left unknown."""
    toks = ctx.toks
    lo = tok_at(ctx, sent_lo)
    q = tok_at(ctx, opos)
    if q <= lo or names_a_thing(ctx.art.shown, r.raw):
        return
    if _in_opening_participle(ctx, r, reg, lo, q, opos):
        return
    c = lo
    for k in range(q - 1, lo - 1, -1):
        t = toks[k]
        if t.text == ";":
            c = k + 1
            break
        if t.word and t.low in _EMBED and not _parenthetical(toks, k, q, lo) \
                and not _determiner_that(toks, k, q):
            return
        if t.word and t.low != "as" and (t.low in SUBORDINATORS or t.low in COORD and k > lo
                                         and toks[k - 1].text == ","):
            c = k + 1         # ("heralded the deal as a “breakthrough”": no new clause)
            if k <= lo + 1:   # an opening subordinate clause: the main clause follows it
                comma = next((i for i in range(k + 1, q) if toks[i].text == ","), None)
                if comma is not None:
                    c = comma + 1    # "As if to answer him, the board was clear: “...”"
            break
    # an opening adverbial: "In a Fox interview later that day, Trump went further: ..."
    # "Earlier this week, ...", "First, ...", "Speaking in Oslo, ...", "Pressed on it, ..."
    while c < q and toks[c].word and (toks[c].low in PREPS or toks[c].low.endswith("ly")
                                      and not toks[c].cap or toks[c].low in _OPENERS
                                      or toks[c].low.endswith(("ed", "ing")) and not toks[c].proper
                                      and len(toks[c].low) > 4 and toks[c].low != "according"):
        k = c
        while k < q and toks[k].text != ",":
            k += 1
        if k >= q:
            break
        c = k + 1
    while c < q and toks[c].word and toks[c].low in COORD:
        c += 1
    # Name: ‘...’, Name: Subject ‘...’ (a headline's last colon)
    colon = next((k for k in range(q - 1, c, -1) if toks[k].text == ":"), None)
    if colon is not None and colon == q - 1:
        # "... did not surprise pollster Ada Kerr: “...”": the person named right before
        # the colon that introduces the quotation
        span = np_back(toks, colon - 1, c)
        if span:
            m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx))
            if m is not None and m.kind == "person" and any(
                    w in TITLES or w in ROLE_LOWER for w in fold(m.role).split()):
                _give(ctx, r, reg, m, opos, ":")
                return
    if colon is not None:
        span = np_back(toks, colon - 1, c)
        if span and (span[0] == c or toks[span[0] - 1].text == ":"):
            words = [t for t in toks[span[0]:span[1] + 1] if t.word]
            if words and not all(w.low in _HEAD_SKIP for w in words) and not all(
                    t.text.isupper() and len(t.text) > 3 for t in words):
                m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx))
                if m is not None and (m.kind == "person" and " " in m.name
                                      or m.kind in ("organisation", "media")):
                    _give(ctx, r, reg, m, opos, "")
                    return
    span = np_fwd(toks, c, q)
    if span is None or toks[span[0]].word and not toks[span[0]].cap \
            and toks[span[0]].low.endswith("ed"):
        return                # "... and placed ads calling": a verb, no subject
    v = span[1] + 1
    if v < q and toks[v].text in BRACKETS:      # "Ada Kerr, the mayor, heralded ..."
        k = v + 1
        while k < q and toks[k].text not in BRACKETS:
            k += 1
        v = k + 1
    if not (v < q and toks[v].word and not toks[v].cap and toks[v].low not in PREPS
            and toks[v].low not in DETERMINERS and toks[v].low not in COORD
            and toks[v].low not in _EMBED):
        return
    if toks[v].low in PASSIVE and _done_to(toks, v + 1, q):
        return                # "the mayor was offered a “state visit”": words about, not by
    m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx))
    m = appositive_name(ctx.art.shown, toks, span[0], span[1], q, m, outlets_of(ctx)) or m
    if m is None or m.kind not in _SPEAKER_KINDS + ("pronoun",) or m.start <= opos < m.end:
        return
    _give(ctx, r, reg, m, opos, toks[v].text)


_NAMING = words_of("described called termed dubbed labeled labelled characterized characterised "
                   "branded deemed quoted")


def _in_opening_participle(ctx: Ctx, r: QRec, reg: Registry, lo: int, q: int,
                           opos: int) -> bool:
    """A quotation inside the participle clause that opens the sentence belongs to the
    subject of the main clause after it: "After calling the plan “reckless” for a week, Kerr
    on Monday ripped into Dane", "And in explaining why those “rules” failed, Kerr said"."""
    toks = ctx.toks
    k = lo
    while k < q and toks[k].word and toks[k].low in ("and", "but", "yet", "so"):
        k += 1
    if k < q and toks[k].word and toks[k].low in _PARTICIPLE_PREPS:
        k += 1
    if not (k < q and toks[k].word and toks[k].low.endswith("ing") and len(toks[k].low) > 4
            and (k == lo or not toks[k].cap)):
        return False
    if any(t.text in (",", ";", ":") for t in toks[k:q]):
        return False
    c = r.raw.close_pos
    if c < 0:
        return False
    hi = ctx.sent_bounds[sentence_of(ctx, c)][1]
    i = tok_at(ctx, c + 1)
    while i < hi and toks[i].text != ",":
        if toks[i].text in ("\x02", ";", ":"):
            return False
        i += 1
    if i >= hi:
        return False
    span = np_fwd(toks, i + 1, hi)
    if span is None:
        return False
    v = span[1] + 1
    while v < hi and toks[v].word and (toks[v].low in DAYS or toks[v].low in ("on", "this",
                                                                             "last", "also")):
        v += 1                # "Kerr on Monday ripped into"
    if not (v < hi and toks[v].word and not toks[v].cap and toks[v].low not in PREPS
            and toks[v].low not in COORD and toks[v].low not in _EMBED):
        return False
    m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx))
    if m is None or m.kind not in ("person", "organisation", "media", "pronoun"):
        return False
    _give(ctx, r, reg, m, opos, toks[k].text)
    return r.entity is not None


_PARTICIPLE_PREPS = words_of("in after while before by on upon when since despite without")


def _by_agent(ctx: Ctx, r: QRec, reg: Registry, opos: int, cpos: int, sent_hi: int) -> None:
    """A passive verb of naming and its agent: "“extremely careless” – as described by Jo
    Dane –", "has been called “strategic ambiguity” by Jo Dane": the agent's words."""
    toks = ctx.toks
    k = tok_at(ctx, cpos + 1)
    hi = tok_at(ctx, sent_hi)
    while k < hi and toks[k].text in (",",) + tuple(BRACKETS):
        k += 1
    if k < hi and toks[k].low == "as":
        k += 1
    if k < hi and toks[k].word and toks[k].low in _NAMING:
        verb = toks[k].text
        k += 1
    else:                     # the verb before the quotation: "was called “Q” by"
        o = tok_at(ctx, opos) - 1
        while o >= 0 and not toks[o].word:
            o -= 1
        if o > 0 and toks[o].low == "as":
            o -= 1
        if not (o >= 0 and toks[o].word and toks[o].low in _NAMING and o > 0
                and toks[o - 1].low in PASSIVE):
            return
        verb = toks[o].text
    if not (k + 1 < hi and toks[k].low == "by"):
        return
    span = np_fwd(toks, k + 1, hi)
    if span is None:
        return
    m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx))
    if m is not None and m.kind in ("person", "organisation", "media", "document"):
        _give(ctx, r, reg, m, opos, verb)


def _done_to(toks: list[Tok], k: int, q: int) -> bool:
    """Does a passive participle follow (adverbs aside): "was offered", "is widely seen"?
    Not one that raises its subject to the verb after it: "are thought to believe", "is said
    to want" (the subject holds the words)."""
    while k < q and toks[k].word and toks[k].low.endswith("ly") and not toks[k].cap:
        k += 1
    return k < q and toks[k].word and not toks[k].cap and (
        toks[k].low.endswith(("ed", "en", "wn")) or toks[k].low in _PARTICIPLES) \
        and not (k + 1 < q and toks[k + 1].low == "to")


_PARTICIPLES = words_of("told asked sent called dubbed paid sold held led left met put set "
                        "brought bought caught taught thought found made kept hit cut")


def _parenthetical(toks: list[Tok], k: int, q: int, lo: int) -> bool:
    """Is the relative at k a clause set off by commas before the quotation ("Kerr, who
    chairs the board, named “...”")?"""
    return toks[k].low in ("who", "which") and k > lo and toks[k - 1].text == "," and any(
        toks[i].text == "," for i in range(k + 1, q))


_OPENERS = words_of("however yet earlier later first then still now meanwhile instead "
                    "afterward afterwards finally last next once again separately elsewhere "
                    "initially overall today yesterday tonight")
_THAT_TIME = words_of("day days time week month year morning evening night point moment")


def _determiner_that(toks: list[Tok], k: int, q: int) -> bool:
    """"later that day", "at that point": 'that' as a determiner, no clause."""
    return toks[k].low == "that" and k + 1 < q and toks[k + 1].word \
        and toks[k + 1].low in _THAT_TIME


def _give(ctx: Ctx, r: QRec, reg: Registry, m: Mention, opos: int, cue: str) -> None:
    e = entity_for(ctx, m, opos, reg)
    if e is not None:
        r.entity, r.how, r.mention, r.cue = e, "inferred", m.text, cue


