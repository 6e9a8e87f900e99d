"""Who said what: direct quotations, their speakers, one name per speaker.

    find_quotes(articles) -> (quotes, speakers)

1. Marks.  Per paragraph (non-blank line), every quotation mark is read as an opener, a
   closer or an apostrophe from its neighbours (not its glyph: copy writes “Gang of Eight“
   and “...incident."), then paired on a stack: double and single marks, quotes inside
   quotes, an unclosed paragraph-final quote (runs to the end of the paragraph, and the
   next paragraph may close it without reopening).  Apostrophes (Canada’s, ’90s, don't,
   Arkansas’ senator) are never marks.
2. Cues.  Every speech verb outside quotations ("said", "told", "added", "according to",
   "wrote on Twitter", ...) gets its subject: the noun phrase before it (appositions
   skipped: "Mao Ning, a spokesman for ..., said"), after it ("said X"), or, for
   "..., adding:" and "... and said", the subject of the clause it continues.
3. Attribution, in order: a cue right after the quote (", she said"), a cue earlier in its
   sentence ("X said on Twitter that Biden “must ...”"), the speaker of the sentence before
   in the same paragraph, the open quotation it continues, the previous quote paragraph,
   "Name: ‘...’" headlines, the clause subject when it has spoken in the article, the same
   words quoted with a speaker elsewhere.  Otherwise null.
4. Speakers.  Pronouns and "the official" point back; "Canada said" / "the statement" are
   resolved to the source the article (or the corpus, by the same quoted words) names; one
   canonical speaker per person or organisation across articles.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .model import Article, Quote, Speaker
from .segment import paragraphs
from .speakers import (ANON_HEADS, DETERMINERS, ROLE_LOWER, TITLES, Entity, Mention, Registry, Tok, analyse_np, compatible_country,
                       first_compatible, fold, np_back, np_fwd, org_tokens, tokenize, _bare,
                       _is_name_tok)

DOUBLE = '"“”„‟«»'
SINGLE = "'‘’‚‛‹›"
MARKS = DOUBLE + SINGLE
_OPEN_CTX = set("([{—–-/:;…") | set(MARKS)
_CLOSE_CTX = set(")]}—–-/.,;:!?…") | set(MARKS)
_ELISIONS = re.compile(r"(?:em|til|tis|twas|cause|n|round|bout)\b", re.I)
_MARK_RX = re.compile("[" + re.escape(MARKS) + "]")

# ---------------------------------------------------------------- 1. marks


@dataclass(slots=True)
class RawQuote:
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
                return "", False, False, False
            left, right = ch in "“„«‟\"", ch in "”»\""
        return "d", left, right, False
    # single marks
    if prev.isalnum() and nxt.isalnum():
        return "", False, False, False          # don't, Canada’s, it’s
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
        weak = bool(rest) and rest[0].isalnum()   # Arkansas’ Republican, Communists’ provocations
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
            continue  # s’ + word: a possessive (Arkansas’ senator, the companies’ offer)
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


# ---------------------------------------------------------------- 2. cues

def _forms(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


SPEECH = _forms("""
say says said saying tell tells told telling add adds added adding state states stated stating
write writes wrote writing written tweet tweets tweeted tweeting post posted posts
announce announces announced announcing explain explains explained explaining note notes noted
noting warn warns warned warning insist insists insisted insisting argue argues argued arguing
claim claims claimed claiming ask asks asked asking reply replies replied replying respond
responds responded responding declare declares declared declaring urge urges urged urging
recall recalls recalled recalling acknowledge acknowledges acknowledged acknowledging admit admits
admitted admitting concede concedes conceded conceding confirm confirms confirmed confirming
describe describes described describing call calls called calling recommend recommends
recommended recommending comment comments commented commenting remark remarked remarks observe
observed suggest suggests suggested suggesting stress stresses stressed stressing emphasise
emphasises emphasised emphasising emphasize emphasizes emphasized emphasizing predict predicted
promise promised vow vows vowed vowing pledge pledged caution cautioned complain complained
complaining joke joked quip quipped shout shouted yell yelled exclaim exclaimed reported
testify testified deny denies denied denying accuse accused allege alleged assert asserted
contend contended mention mentioned reiterate reiterated reiterating repeated proclaim
proclaimed counter countered retort retorted demand demanded demanding plead pleaded boast
boasted conclude concluded disclose disclosed reveal revealed speak speaks spoke speaking
criticise criticised criticize criticized dub dubbed labelled labeled branded hail hailed slam
slammed blast blasted condemn condemned lament lamented threaten threatened texted emailed
continued wondered
""")
_SKIP = _forms("""
also then later earlier again further too still had has have would will did does do went on to
continued continues go goes going once never not just already separately subsequently
previously recently publicly privately repeatedly reportedly initially first last finally
declined refused wanted tried sought could may might must should can shall been
""")
_PASSIVE = _forms("was were is are be been being")
_BLOCK = _forms("as while because when after before although though but if since whereas until "
                "unless whether where")
_SUBORD = (_BLOCK - {"but"}) | _forms("that what which who")
_COORD = _forms("and but or")
_CAP_VERBS = _forms("says said tells told warns urges claims denies insists vows admits confirms "
                    "slams accuses")
_BASE_FORMS = _forms("say tell add state write tweet post announce explain note warn insist argue "
                     "claim ask reply respond declare urge recall acknowledge admit concede confirm "
                     "describe call recommend comment remark observe suggest stress emphasise "
                     "emphasize predict promise vow pledge caution complain joke quip shout yell "
                     "exclaim testify deny accuse allege assert contend mention reiterate proclaim "
                     "counter retort demand plead boast conclude disclose reveal speak criticise "
                     "criticize dub hail slam blast condemn lament threaten")
_AUX = _forms("to will would did does do could may might must should can shall not never also "
              "just")
_PREPS = _forms("around of for about over with by from against to into on at in under among "
                "between toward towards across through via amid despite like than behind near")
_OBJ_VERBS = _forms("told tell tells telling asked ask urged urge called")


SPEECH_ANY = SPEECH | {"according"}
_LOWER_WORD = re.compile(r"[a-z]+")


@dataclass
class Event:
    """A speech verb and who it says is speaking."""
    tok: int                     # index of the verb in the article's tokens
    pos: int                     # offset of the verb
    sent: int
    para: int
    cue: str
    mention: Mention | None = None
    inherit: int | None = None   # event index whose subject this one continues
    sentence_subject: tuple[int, int] | None = None
    main: bool = True            # not inside a subordinate clause
    entity: Entity | None = None
    resolved: bool = False
    idx: int = 0


@dataclass
class Ctx:
    """One article while it is read."""
    a: int
    art: Article
    text: str                    # the masked text: quotations blanked
    toks: list[Tok]
    starts: list[int]            # token start offsets, for bisect
    sent_bounds: list[tuple[int, int]]   # token index ranges per sentence
    sent_starts: list[int]
    para_of_sent: list[int]
    events: list[Event] = field(default_factory=list)
    history: list[tuple[int, Entity]] = field(default_factory=list)  # (offset, entity)
    quoted: list[tuple[int, Entity]] = field(default_factory=list)   # quote speakers (offset)


def _mask(shown: str, raws: list[RawQuote], paras: list[tuple[int, int]]) -> str:
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


def _sentence_of(ctx: Ctx, pos: int) -> int:
    return max(0, bisect.bisect_right(ctx.sent_starts, pos) - 1)


def _tok_at(ctx: Ctx, pos: int) -> int:
    """Index of the first token starting at or after pos."""
    return bisect.bisect_left(ctx.starts, pos)


def _skip_back(toks: list[Tok], j: int, lo: int) -> int:
    while j >= lo and toks[j].word and (toks[j].low in _SKIP or toks[j].low in _PASSIVE or
                                        (toks[j].low.endswith("ly") and len(toks[j].low) > 4
                                         and not toks[j].cap)):
        j -= 1
    return j


def _subject_before(ctx: Ctx, j: int, lo: int) -> tuple[Mention | None, str]:
    """The speaker noun phrase that ends at token j: (mention, how) where how is
    'np' (found), 'coord' ("... and said"), 'part' (", adding"), '' (none)."""
    toks = ctx.toks
    j = _skip_back(toks, j, lo)
    if j < lo:
        return None, ""
    if toks[j].word and toks[j].low in _COORD:
        return None, "coord"
    if toks[j].text == "," and j - 1 >= lo and (toks[j - 1].word or toks[j - 1].text == ")"):
        # "X, a spokesman for Y, said": the comma closes an apposition
        span0 = np_back(toks, j - 1, lo)
        if span0 is not None:
            j -= 1
    span = np_back(toks, j, lo)
    if span is None and toks[j].word and not toks[j].cap and toks[j].low.isalpha():
        # "the night porter said": a determiner and a few plain words
        k = j
        while k >= lo and j - k < 5 and toks[k].word and not toks[k].cap \
                and toks[k].low not in DETERMINERS and toks[k].low not in _SUBORD:
            k -= 1
        if k >= lo and k < j and toks[k].word and toks[k].low in ("a", "an", "the", "one"):
            m = analyse_np(ctx.art.shown, toks, k, j, _outlets(ctx), loose=True)
            if m is not None:
                return m, "np"
    if span is None:
        if toks[j].text == "," and j - 1 >= lo:
            ap = _appos_chunk(ctx, j, lo)
            if ap is not None:
                return ap, "np"
        if toks[j].text == "," and j - 1 >= lo:
            # a relative or participle clause between subject and verb: "X, who ..., said"
            k = j - 1
            while k >= lo and toks[k].text != ",":
                k -= 1
            if k >= lo and k + 1 < j and toks[k + 1].low in ("who", "which", "speaking", "asked"):
                return _subject_before(ctx, k - 1, lo)
        return None, ""
    a, b = span
    if toks[a].low in ("who", "which") and a == b:
        k = a - 1
        if k >= lo and toks[k].text == ",":
            return _subject_before(ctx, k - 1, lo)
        return None, ""
    m = analyse_np(ctx.art.shown, toks, a, b, _outlets(ctx))
    appos = None
    # "Mao Ning, a spokesman for ..., said": the phrase before the verb is an apposition
    if a - 2 >= lo and toks[a - 1].text == ",":
        if (m is None or m.kind in ("anonymous", "organisation", "document", "media")) and \
                (toks[a].low in DETERMINERS or not toks[a].cap):
            span2 = np_back(toks, a - 2, lo)
            if span2:
                m2 = analyse_np(ctx.art.shown, toks, span2[0], span2[1], _outlets(ctx),
                                appos=(a, b))
                if m2 is not None and m2.kind in ("person", "organisation", "media") \
                        and _is_name_tok(toks[span2[1]] if toks[span2[1]].text != ")" else
                                         toks[span2[1] - 1]) or (m2 and toks[span2[1]].text == ")"):
                    return m2, "np"
        elif m is not None and m.kind == "person":
            # "Arkansas’ Republican Senator, Tom Cotton, said"
            span2 = np_back(toks, a - 2, lo)
            if span2:
                m2 = analyse_np(ctx.art.shown, toks, span2[0], span2[1], _outlets(ctx))
                if m2 is None or m2.kind in ("anonymous",):
                    last = toks[span2[1]]
                    if last.word and (_bare(last.low) in TITLES):
                        m.start = toks[span2[0]].start
                        m.text = " ".join(ctx.art.shown[m.start:m.end].split())
                        m.role = ", ".join(x for x in (
                            " ".join(ctx.art.shown[toks[span2[0]].start:last.end].split()), m.role) if x)
    if m is None and appos is None:
        return None, ""
    if m is not None and m.kind == "person" and m.first and not m.parts:
        other = _coordinated(ctx, _tok_at(ctx, m.start), lo)
        if other is not None:
            # "Gen. Mark Milley, and the commander of NORTHCOM, Gen. Glen VanHerck, recommended"
            m = Mention(other.start, m.end, " ".join(ctx.art.shown[other.start:m.end].split()),
                        "person", f"{other.name} and {m.name}", parts=(other.name, m.name),
                        plural=True, surname=m.surname)
    return m, "np"


def _coordinated(ctx: Ctx, a: int, lo: int) -> Mention | None:
    """The person joined by "and" to the phrase that starts at token a, if any."""
    toks = ctx.toks
    k = a - 1
    if k >= lo and toks[k].text == ",":
        k -= 1
    n = 0
    while k >= lo and n < 8 and toks[k].text != "," and toks[k].low != "and":
        k -= 1
        n += 1
    if k < lo or toks[k].low != "and":
        return None
    k -= 1
    if k >= lo and toks[k].text == ",":
        k -= 1
    span = np_back(toks, k, lo) if k >= lo else None
    if span is None:
        return None
    m = analyse_np(ctx.art.shown, toks, span[0], span[1], _outlets(ctx))
    if m is not None and m.kind == "person" and m.first and not m.parts:
        return m
    return None


def _appos_chunk(ctx: Ctx, j: int, lo: int) -> Mention | None:
    """toks[j] is the comma after "Name, <apposition>,": the mention of Name (with its role)."""
    toks = ctx.toks
    k = j - 1
    while k >= lo and j - k < 16 and toks[k].text not in (",", "\x02", "\x03", ";", ":"):
        if toks[k].word and toks[k].low in SPEECH:
            return None
        k -= 1
    if k < lo + 1 or toks[k].text != "," or k + 1 >= j:
        return None
    first = toks[k + 1]
    if not (first.word and (first.low in DETERMINERS or not first.cap)) \
            or first.low in ("who", "which", "whose", "whom"):
        return None
    if all(not t.word or t.low.isdigit() for t in toks[k + 1:j]):  # "Lynch, 61, said"
        span = np_back(toks, k - 1, lo)
        return None if span is None else _analyse_with(ctx, span, None)
    span = np_back(toks, k - 1, lo)
    if span is None:
        return None
    end_tok = toks[span[1]] if toks[span[1]].text != ")" else toks[span[1] - 1]
    if not _is_name_tok(end_tok):
        return None
    return _analyse_with(ctx, span, (k + 1, j - 1))


def _analyse_with(ctx: Ctx, span: tuple[int, int], appos: tuple[int, int] | None) -> Mention | None:
    m = analyse_np(ctx.art.shown, ctx.toks, span[0], span[1], _outlets(ctx), appos=appos)
    if m is not None and m.kind in ("person", "organisation", "media"):
        return m
    return None




def _outlets(ctx: Ctx) -> frozenset[str]:
    return ctx.__dict__.setdefault("_outlets", frozenset(
        fold(x) for x in (ctx.art.outlet, ctx.art.wire) if x))


def _find_events(ctx: Ctx) -> None:
    toks = ctx.toks
    for s, (lo, hi) in enumerate(ctx.sent_bounds):
        for j in range(lo, hi):
            t = toks[j]
            if not t.word:
                continue
            low = t.low
            if low == "according" and j + 1 < hi and toks[j + 1].low == "to":
                span = np_fwd(toks, j + 2, hi)
                m = analyse_np(ctx.art.shown, toks, span[0], span[1], _outlets(ctx)) if span else None
                if m is not None:
                    ctx.events.append(Event(j, t.start, s, ctx.para_of_sent[s], "according to", m,
                                            idx=len(ctx.events)))
                continue
            if low not in SPEECH:
                continue
            if t.cap and (low not in _CAP_VERBS or j == lo):
                continue  # "United States", "Calls grew"
            if j > lo and toks[j - 1].word and toks[j - 1].low in DETERMINERS:
                continue  # "the report", "a call"
            if low == "continued" and j + 1 < hi and toks[j + 1].word:
                continue  # "continued to track"
            if low in ("calls", "call", "post", "posts", "note", "notes", "remarks", "comments",
                       "claims", "reported") and t.cap:
                continue
            k = _skip_back(toks, j - 1, lo)
            if k >= lo and toks[k].word and toks[k].low in _PASSIVE and not low.endswith("ing"):
                continue  # passive: "was told", "is said to"
            kk = j - 1
            while kk >= lo and toks[kk].word and toks[kk].low in _PASSIVE:
                kk -= 1
            if kk >= lo and toks[kk].word and toks[kk].low in _PASSIVE | {"been"} \
                    and not low.endswith("ing"):
                continue
            if low in _BASE_FORMS and not (j - 1 >= lo and toks[j - 1].word and (
                    toks[j - 1].low in _AUX or toks[j - 1].low in ("they", "we", "i", "you")
                    or (toks[j - 1].low.endswith("s") and len(toks[j - 1].low) > 3
                        and not toks[j - 1].text.isupper() and not (
                            toks[j - 1].cap and j - 2 >= lo and _is_name_tok(toks[j - 2]))))):
                continue  # "US claim", "the US state of Montana": nouns
            ev = Event(j, t.start, s, ctx.para_of_sent[s], t.text)
            m, how = _subject_before(ctx, j - 1, lo)
            if m is not None and m.kind != "pronoun":
                a0 = _tok_at(ctx, m.start) - 1
                if a0 >= lo and toks[a0].word and toks[a0].low in _PREPS:
                    m, how = None, ""  # "around US claims": an object, not a subject
                    if not participle_like(low, toks, k, lo):
                        continue
            participle = participle_like(low, toks, k, lo)
            if participle or (m is None and how == "coord"):
                prev = [e for e in ctx.events if e.sent == s]
                mains = [e for e in prev if e.main]
                if how == "coord" and mains:
                    ev.inherit = mains[0].idx
                elif mains:
                    ev.inherit = mains[-1].idx
                elif prev:
                    ev.inherit = prev[-1].idx
                else:
                    ev.sentence_subject = _sentence_subject(ctx, s)
            elif m is not None and m.kind != "pronoun" or (m is not None and j - lo < 40):
                ev.mention = m
            else:
                # "said X" (inverted), only right after a quotation or at a clause start
                if k < lo or toks[k].text in (",", "\x03", ":") or toks[k].text == "\x02":
                    f = j + 1
                    # "said commuter Anna Bell": plain words before the name
                    while f < hi and f - j <= 3 and toks[f].word and not toks[f].cap \
                            and toks[f].low not in DETERMINERS and toks[f].low not in _SUBORD \
                            and toks[f].low not in _PREPS:
                        f += 1
                    if not (f < hi and _is_name_tok(toks[f])):
                        f = j + 1
                    span = np_fwd(toks, f, hi)
                    if span and f > j + 1:
                        span = (j + 1, span[1])
                    if span and not (low in _OBJ_VERBS):
                        ev.mention = analyse_np(ctx.art.shown, toks, span[0], span[1],
                                                _outlets(ctx))
                if ev.mention is None:
                    continue
            if ev.mention is not None:
                # a subordinate clause: "after the Pentagon said ..."
                a0 = _tok_at(ctx, ev.mention.start) - 1
                if a0 >= lo and toks[a0].word and toks[a0].low in _SUBORD:
                    ev.main = False
            ev.idx = len(ctx.events)
            ctx.events.append(ev)


def participle_like(low: str, toks: list[Tok], k: int, lo: int) -> bool:
    return low.endswith("ing") and k >= lo and toks[k].text in (",", ":", ";")


def _sentence_subject(ctx: Ctx, s: int) -> tuple[int, int] | None:
    lo, hi = ctx.sent_bounds[s]
    toks = ctx.toks
    i = lo
    # skip an opening adverbial: "In a statement on Thursday,", "Meanwhile,"
    for k in range(lo, min(hi, lo + 12)):
        if toks[k].text == ",":
            first = toks[lo]
            if first.word and (first.low in ("in", "on", "at", "after", "before", "during",
                                             "meanwhile", "however", "earlier", "later", "asked",
                                             "speaking", "separately", "still", "also", "but",
                                             "and", "yet", "so", "indeed", "instead")
                               or first.low.endswith("ly")):
                i = k + 1
            break
        if toks[k].text in ("\x02", "\x03"):
            break
    while i < hi and toks[i].word and toks[i].low in ("but", "and", "so", "yet", "meanwhile"):
        i += 1
    return np_fwd(toks, i, hi)


# ---------------------------------------------------------------- 3. attribution

_PERSONAL = {"he": ("person",), "she": ("person",),
             "it": ("organisation", "media", "document", "place"),
             "they": ("anonymous", "organisation", "person", "place")}


def _resolve_pronoun(ctx: Ctx, m: Mention, pos: int, reg: Registry) -> Entity | None:
    kinds = _PERSONAL.get(m.name)
    if not kinds:
        return None
    para = ctx.para_of_sent[_sentence_of(ctx, pos)]
    for off, e in reversed(ctx.history):
        if off >= pos:
            continue
        e = reg.entities[reg.find(e.id)]
        p2 = ctx.para_of_sent[_sentence_of(ctx, off)]
        if para - p2 > 6:
            break
        if e.kind not in kinds:
            continue
        if m.name == "they" and not (e.plural or e.kind in ("organisation", "place")):
            continue
        if m.name in ("he", "she") and (e.plural and not e.parts):
            continue
        return e
    return _mentioned_before(ctx, m, pos, reg)


def _mentioned_before(ctx: Ctx, m: Mention, pos: int, reg: Registry) -> Entity | None:
    """No speaker yet: the last name of a fitting kind in this paragraph or the one before
    ("Transport Secretary Lena Moor visited the depot. “...,” she said.")."""
    kinds = _PERSONAL[m.name]
    s = _sentence_of(ctx, pos)
    para = ctx.para_of_sent[s]
    sents = ctx.art.sentences
    k = s
    best = None
    while k >= 0 and para - sents[k].paragraph <= 1 and s - k < 6:
        sn = sents[k]
        hi = min(sn.end, pos)
        if hi > sn.start:
            toks = tokenize(ctx.text[sn.start:hi], sn.start)
            for i in range(len(toks) - 1, -1, -1):
                t = toks[i]
                if not _is_name_tok(t) or (i + 1 < len(toks) and _is_name_tok(toks[i + 1])):
                    continue
                span = np_back(toks, i, 0)
                if span is None:
                    continue
                if span[0] > 0 and toks[span[0] - 1].word and toks[span[0] - 1].low in _PREPS:
                    continue
                mm = analyse_np(ctx.art.shown, toks, span[0], span[1], _outlets(ctx))
                if mm is None or mm.kind not in kinds or (mm.kind == "person" and not mm.first):
                    continue
                if m.name == "they" and not mm.plural:
                    continue
                best = mm
                break
        if best is not None:
            break
        k -= 1
    if best is None:
        return None
    e = reg.lookup(ctx.a, best, _recent(ctx, pos, reg))
    reg.note(e, best)
    return e


def _resolve_event(ctx: Ctx, ev: Event, reg: Registry, before: int | None = None) -> Entity | None:
    if ev.resolved:
        return ev.entity
    ev.resolved = True
    pos = ev.pos if before is None else min(before, ev.pos)
    e: Entity | None = None
    if ev.inherit is not None:
        e = _resolve_event(ctx, ctx.events[ev.inherit], reg)
        src = ctx.events[ev.inherit]
        ev.mention = src.mention
    elif ev.sentence_subject is not None:
        a, b = ev.sentence_subject
        m = analyse_np(ctx.art.shown, ctx.toks, a, b, _outlets(ctx))
        ev.mention = m
        e = _entity_for(ctx, m, pos, reg) if m else None
    elif ev.mention is not None:
        e = _entity_for(ctx, ev.mention, pos, reg)
    ev.entity = e
    if e is not None:
        e.spoke = True
        ctx.history.append((ev.pos, e))
        ctx.history.sort(key=lambda x: x[0])
    return e


def _recent(ctx: Ctx, pos: int, reg: Registry) -> list[Entity]:
    out, seen = [], set()
    for off, e in reversed(ctx.history):
        if off >= pos:
            continue
        r = reg.entities[reg.find(e.id)]
        if r.id not in seen:
            seen.add(r.id)
            out.append(r)
    return out


def _entity_for(ctx: Ctx, m: Mention, pos: int, reg: Registry) -> Entity | None:
    if m.kind == "pronoun":
        return _resolve_pronoun(ctx, m, pos, reg)
    if m.kind == "document" and m.level == 1 and m.definite:
        # "the statement said": whoever issued the statement quoted just before
        para = ctx.para_of_sent[_sentence_of(ctx, pos)]
        for off, e in reversed(ctx.quoted):
            if off >= pos:
                continue
            if para - ctx.para_of_sent[_sentence_of(ctx, off)] > 6:
                break
            r = reg.entities[reg.find(e.id)]
            if r.kind in ("organisation", "person", "place", "media"):
                reg.note(r, m)
                return r
    e = reg.lookup(ctx.a, m, _recent(ctx, pos, reg))
    reg.note(e, m)
    return e


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


def _region_events(ctx: Ctx, lo_pos: int, hi_pos: int) -> list[Event]:
    return [e for e in ctx.events if lo_pos <= e.pos < hi_pos]


def _blocked(ctx: Ctx, a_pos: int, b_pos: int) -> bool:
    """A new clause opens between a cue and a quotation ("... as Canada probes ‘...’")."""
    for t in ctx.toks[_tok_at(ctx, a_pos):_tok_at(ctx, b_pos)]:
        if t.word and t.low in _BLOCK:
            return True
        if t.text in (";",):
            return True
    return False


def _attribute_article(ctx: Ctx, recs: list[QRec], reg: Registry, paras, boiler) -> None:
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
            _resolve_event(ctx, ctx.events[ev_next], reg)
            ev_next += 1
        cpos = q.close_pos if q.close_pos >= 0 else paras[q.para][1]
        s_open = _sentence_of(ctx, opos)
        s_close = _sentence_of(ctx, max(opos, cpos - 1) if q.close_pos < 0 else cpos)
        r.sent = s_open
        sent_lo = ctx.art.sentences[s_open].start if ctx.art.sentences else paras[q.para][0]
        sent_hi = ctx.art.sentences[s_close].end if ctx.art.sentences else paras[q.para][1]
        para_lo = paras[q.para][0]
        sent_lo = max(sent_lo, para_lo)
        # the next quotation in this paragraph bounds the post-quote region
        nxt = min((x.raw.open_pos for x in by_para.get(q.para, [])
                   if x.raw.depth == 0 and x.raw.open_pos > cpos), default=10**9)
        post_hi = min(sent_hi, nxt) if q.close_pos >= 0 else cpos
        post = _region_events(ctx, cpos + 1, post_hi) if q.close_pos >= 0 else []
        post = [e for e in post if len([t for t in ctx.toks[_tok_at(ctx, cpos + 1):e.tok]
                                        if t.word]) <= 14]
        pre = [e for e in _region_events(ctx, sent_lo, opos)
               if not _blocked(ctx, e.pos, opos)]
        before_text = text[sent_lo:opos]
        starts_sentence = not any(c.isalnum() for c in before_text)
        ev = None
        quote_text = ctx.art.shown[q.start:q.end]
        ends_open = quote_text.rstrip()[-1:] in (",",) or text[cpos + 1:cpos + 2] == ","
        if post and (starts_sentence or ends_open):
            ev = post[0]
        elif pre:
            ev = pre[-1]
        elif post:
            ev = post[0]
        if ev is not None:
            e = _resolve_event(ctx, ev, reg, before=opos)
            if e is not None:
                r.entity, r.how = e, "explicit"
                r.cue = _cue_text(ctx, ev)
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
                evs = [e for e in ctx.events if paras[q.para][0] <= e.pos < opos]
                for e_ in reversed(evs):
                    ent = _resolve_event(ctx, e_, reg)
                    if ent is not None:
                        r.entity, r.how, r.cue = ent, "continuation", _cue_text(ctx, e_)
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
                while pp in boiler and pp > 0:
                    pp -= 1
                ptxt = text[paras[pp][0]:paras[pp][1]].rstrip()
                if ptxt.endswith(":"):
                    evs = [e for e in ctx.events if paras[pp][0] <= e.pos < paras[pp][1]]
                    if evs:
                        ent = _resolve_event(ctx, evs[-1], reg)
                        if ent is not None:
                            r.entity, r.how, r.cue = ent, "explicit", _cue_text(ctx, evs[-1])
                            r.mention = evs[-1].mention.text if evs[-1].mention else ""
            if src is not None and src.entity is not None and r.entity is None:
                r.entity, r.how, r.cue, r.mention = src.entity, "continuation", src.cue, src.mention
        if r.entity is None:
            _infer(ctx, r, reg, sent_lo, opos)
        if r.entity is not None:
            ctx.quoted.append((opos, r.entity))
            ctx.history.append((opos, r.entity))
            ctx.history.sort(key=lambda x: x[0])
        last_para_with_quote = q.para
        if q.close_pos < 0:
            open_from = r
        elif q.para != (open_from.raw.para if open_from else -1):
            open_from = r if para_start else None
        else:
            open_from = None


_CUE_TAIL = re.compile(
    r"\s+(?:in an? (?:\w+ )?(?:statement|interview|briefing|post|tweet|video|letter|speech)"
    r"|on (?:Twitter|X|Facebook|Instagram|Telegram|Weibo|Threads|Truth Social|social media"
    r"|(?:his|her|their) \w+(?: \w+)? (?:account|platform|page|channel))"
    r"|(?:to )?reporters)\b")
_CUE_HEAD = re.compile(r"(?:went on to|going on to|also|later|then)\s+$")


def _cue_text(ctx: Ctx, ev: Event) -> str:
    """The speech verb with its fixed companions: "went on to say", "said in a statement"."""
    text = ctx.art.shown
    end = ev.pos + len(ev.cue)
    m = _CUE_TAIL.match(text, end)
    cue = text[ev.pos:m.end() if m else end]
    h = _CUE_HEAD.search(text, max(0, ev.pos - 20), ev.pos)
    if h:
        cue = text[h.start():ev.pos] + cue
    return " ".join(cue.split())


_HEAD_SKIP = frozenset("read more watch video breaking update exclusive opinion analysis source "
                       "photo photos pictured related live".split())


def _infer(ctx: Ctx, r: QRec, reg: Registry, sent_lo: int, opos: int) -> None:
    """No cue: a "Name: ‘...’" headline, or a clause subject that has spoken."""
    toks = ctx.toks
    lo = _tok_at(ctx, sent_lo)
    hi = _tok_at(ctx, opos)
    if hi <= lo:
        return
    # Name: ‘...’  (the last colon before the quotation)
    colons = [k for k in range(lo, hi) if toks[k].text == ":"]
    if colons:
        c = colons[-1]
        span = np_back(toks, c - 1, lo)
        if span:
            words = [t for t in toks[span[0]:span[1] + 1] if t.word]
            if words and not all(w.low in _HEAD_SKIP for w in words) and not all(
                    t.text.isupper() and len(t.text) > 3 for t in words):
                m = analyse_np(ctx.art.shown, toks, span[0], span[1], _outlets(ctx))
                if m is not None and (m.kind == "person" and " " in m.name
                                      or _known(ctx, m, reg, opos)):
                    e = _entity_for(ctx, m, opos, reg)
                    if e is not None:
                        r.entity, r.how, r.mention = e, "explicit", m.text
                        return
    # the subject of the quotation's clause, when it has spoken in this article
    k = hi - 1
    while k >= lo and not (toks[k].word and toks[k].low in (_SUBORD | _COORD)) \
            and toks[k].text not in (",", ";", ":", "—", "–"):
        k -= 1
    start = k + 1
    span = np_fwd(toks, start, hi)
    if span is None:
        return
    a, b = span
    cands = [(a, b)]
    words = [t for t in toks[a:b + 1] if t.word]
    if len(words) > 1 and all(t.cap for t in words):  # a title-case headline: try prefixes
        cands = [(a, x) for x in range(b - 1, a - 1, -1)] + cands
    for a_, b_ in cands:
        m = analyse_np(ctx.art.shown, toks, a_, b_, _outlets(ctx))
        if m is None or not _known(ctx, m, reg, opos):
            continue
        e = _entity_for(ctx, m, opos, reg)
        if e is not None:
            r.entity, r.how, r.mention = e, "inferred", m.text
            r.cue = ""
            return


def _known(ctx: Ctx, m: Mention, reg: Registry, pos: int) -> bool:
    """Has this speaker spoken (subject of a speech verb) anywhere in the article?"""
    if m.kind == "pronoun":
        return _resolve_pronoun(ctx, m, pos, reg) is not None
    for ev in ctx.events:
        mm = ev.mention
        if mm is None or mm.kind != m.kind:
            continue
        if m.kind == "place" and mm.country == m.country:
            return True
        if m.kind == "person" and mm.surname == m.surname:
            return True
        if m.kind in ("organisation", "media", "document", "anonymous") and \
                org_tokens(mm.name) == org_tokens(m.name):
            return True
    return False


# ---------------------------------------------------------------- 4. resolution and merging

def _norm_q(s: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(s)))


def _resolve_metonymy(recs: list[QRec], reg: Registry, articles) -> None:
    """ "Canada said", "the Canadian government said": the source the corpus names.

    Evidence, best first: the same words quoted from a more specific source (in this
    article, or word for word in another), else the one source in the article tied to that
    country ("Canada’s Department of National Defence")."""
    texts = [(r, _norm_q(articles[r.a].shown[r.raw.start:r.raw.end])) for r in recs
             if r.entity is not None and r.raw.depth == 0]
    by_article: dict[int, list[tuple[QRec, str]]] = {}
    by_text: dict[str, list[QRec]] = {}
    for r, t in texts:
        by_article.setdefault(r.a, []).append((r, t))
        if len(t.split()) >= 4:
            by_text.setdefault(t, []).append(r)
    ents_of: dict[int, list[Entity]] = {}
    for e in reg.entities:
        ents_of.setdefault(e.article, []).append(e)

    def root(e: Entity) -> Entity:
        return reg.entities[reg.find(e.id)]

    for level in (1, 0):
        mine_of: dict[int, list[tuple[QRec, str]]] = {}
        for r, t in texts:
            mine_of.setdefault(reg.find(r.entity.id), []).append((r, t))
        for e in list(reg.entities):
            if reg.find(e.id) != e.id or e.level != level:
                continue
            votes: dict[int, float] = {}
            for r, t in mine_of.get(e.id, ()):
                if not t:
                    continue
                nw = len(t.split())
                padded = f" {t} "
                for r2, t2 in by_article.get(r.a, ()):
                    o = root(r2.entity)
                    if o is e or o.level <= level or o.kind == "anonymous":
                        continue
                    if padded in f" {t2} " and (
                            nw >= 2 or (e.country and compatible_country(o, e.country))):
                        votes[o.id] = votes.get(o.id, 0) + 1
                for r2 in by_text.get(t, ()):
                    o = root(r2.entity)
                    if r2.a != r.a and o is not e and o.level > level and o.kind != "anonymous":
                        votes[o.id] = votes.get(o.id, 0) + 0.5
            target = None
            if votes:
                target = max(votes, key=lambda k: (votes[k], reg.entities[k].level))
            elif e.country:
                cands = {root(o).id: root(o) for o in ents_of.get(e.article, ())}
                cands = [o for o in cands.values() if o.level > level and o.article == e.article
                         and (o.kind == "organisation" or o.kind == "person" and _speaks_for(o))
                         and not o.parts and compatible_country(o, e.country) and o.spoke]
                if len(cands) == 1:
                    target = cands[0].id
            if target is not None:
                reg.union(e.id, target)


_VOICE = frozenset("spokesman spokeswoman spokesperson ministry minister government president "
                   "premier prime secretary ambassador embassy envoy department chancellor king "
                   "queen foreign".split())


def _speaks_for(e: Entity) -> bool:
    """A person who can speak for a country: a spokesperson, minister, envoy ..."""
    return any(w in _VOICE for r in e.roles + e.mentions for w in re.findall(r"[a-z]+", fold(r)))


def _merge_across(reg: Registry) -> None:
    roots = [e for e in reg.entities if reg.find(e.id) == e.id]
    # persons: same surname, compatible first names
    persons = [e for e in roots if e.kind == "person" and not e.parts]
    by_surname: dict[str, list[Entity]] = {}
    for e in persons:
        if e.first:
            by_surname.setdefault(e.surname, []).append(e)
    for group in by_surname.values():
        for i, e in enumerate(group):
            for o in group[:i]:
                if first_compatible(o.first, e.first) and reg.find(o.id) != reg.find(e.id):
                    reg.union(e.id, o.id)
    for e in persons:
        if e.first:
            continue
        cands = {reg.find(o.id) for o in by_surname.get(e.surname, ())}
        if len(cands) == 1:
            reg.union(e.id, cands.pop())
    joint: dict[str, int] = {}
    for e in roots:
        if e.parts:
            key = "|".join(sorted(fold(p) for p in e.parts))
            if key in joint:
                reg.union(e.id, joint[key])
            else:
                joint[key] = e.id
    # organisations and media: same country (or none), one name's words within the other's
    buckets: dict[tuple[str, str], list[Entity]] = {}
    for e in roots:
        if e.kind in ("organisation", "media") and e.level == 2:
            buckets.setdefault((e.kind, min(org_tokens(e.name), default="")), []).append(e)
            if e.country:
                buckets.setdefault((e.kind, "@" + e.country), []).append(e)
    pairs = ((e, o) for grp in buckets.values() for i, e in enumerate(grp) for o in grp[:i])
    for e, o in pairs:
        if reg.find(o.id) == reg.find(e.id):
            continue
        if e.country != o.country and e.country and o.country:
            continue
        te, to = org_tokens(e.name), org_tokens(o.name)
        proper = any(w[:1].isupper() for w in e.name.split()) and \
            any(w[:1].isupper() for w in o.name.split())
        if not proper and not (e.country and o.country):
            continue
        if te == to or (te and to and (te <= to or to <= te) and e.country and o.country):
            reg.union(e.id, o.id)
    # anonymous sources: the same introducing description, with a qualifier
    anon: dict[str, int] = {}
    for e in roots:
        if e.kind != "anonymous":
            continue
        keys = [e.intro] if e.intro and len(e.intro.split()) >= 2 else []
        keys += [fold(x) for x in e.mentions if len(x.split()) >= 4]  # "the senior defense official"
        for key in keys:
            key = " ".join(w for w in re.findall(r"[a-z]+", key.replace("u.s.", "us"))
                           if w not in ("a", "an", "the", "one"))
            if len(key.split()) < 2:
                continue
            if key in anon:
                reg.union(e.id, anon[key])
            else:
                anon[key] = reg.find(e.id)
    # places still unresolved, and documents: by name
    for kind in ("place", "document"):
        seen: dict[str, int] = {}
        for e in roots:
            if reg.find(e.id) != e.id or e.kind != kind:
                continue
            key = e.country if kind == "place" else " ".join(sorted(org_tokens(e.name)))
            if key in seen:
                reg.union(e.id, seen[key])
            elif key:
                seen[key] = e.id


_KIND = {"place": "organisation", "pronoun": "person"}


def _canonical(members: list[Entity]) -> tuple[str, str, str]:
    """(name, kind, role) of a merged speaker."""
    kinds = [m.kind for m in members]
    best = max(members, key=lambda m: (m.level, m.kind != "anonymous"))
    kind = best.kind
    if kind == "person":
        ps = [m for m in members if m.kind == "person"]
        name = max((m.name for m in ps), key=lambda n: (len(n.split()), len(n)))
    elif kind == "anonymous":
        intros = [m.name for m in members if m.kind == "anonymous"]
        name = intros[0]
        name = re.sub(r"^(?:an?|the|one)\s+", "", name, flags=re.I)
        w0 = name.split()[0] if name else ""
        if w0[:1].isupper() and not w0.isupper() and fold(w0) in ANON_HEADS | ROLE_LOWER:
            name = w0.lower() + name[len(w0):]  # "Officials" -> "officials"
    else:
        cands = [m for m in members if m.kind == kind and m.level == best.level]
        m0 = max(cands, key=lambda m: (any(w[:1].isupper() for w in m.name.split()),
                                       len(m.name.split())))
        name = m0.name
        name = re.sub(r"^(?:the)\s+", "", name, flags=re.I)
        if m0.country and kind in ("organisation",) and m0.level == 2 and \
                not _mentions_country(name, m0.country):
            name = f"{name} ({_country_name(m0, members)})"
    roles = [r for m in members for r in m.roles]
    role = max(roles, key=len) if roles else ""
    del kinds
    return name, _KIND.get(kind, kind), role


def _mentions_country(name: str, key: str) -> bool:
    from .speakers import _places_in
    return key in _places_in(name)


def _country_name(m0: Entity, members: list[Entity]) -> str:
    from .speakers import place_key
    for m in members:
        for s in m.mentions:
            for w in re.findall(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)*", s.replace("’s", "").replace("'s", "")):
                if place_key(w) == m0.country and not w.endswith("n"):
                    return w
    return m0.country.title() if m0.country and len(m0.country) > 3 else (m0.country or "").upper()


# ---------------------------------------------------------------- entry point

def find_quotes(articles: tuple[Article, ...]) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """Every direct quotation in the articles, with its speaker; and the speakers."""
    reg = Registry()
    all_recs: list[QRec] = []
    for a, art in enumerate(articles):
        paras = paragraphs(art.shown)
        boiler_paras: dict[int, bool] = {}
        for s in art.sentences:
            boiler_paras[s.paragraph] = boiler_paras.get(s.paragraph, True) and s.boilerplate
        boiler = {p for p, b in boiler_paras.items() if b}
        raws = scan_article(art, paras, boiler)
        masked = _mask(art.shown, raws, paras)
        toks = []
        for sn in art.sentences:
            seg = masked[sn.start:sn.end]
            if "\x02" in seg or "\x03" in seg or not SPEECH_ANY.isdisjoint(
                    _LOWER_WORD.findall(seg.lower())):
                toks.extend(tokenize(seg, sn.start))
        starts = [t.start for t in toks]
        sents = art.sentences or ()
        sent_starts = [s.start for s in sents]
        bounds = []
        for s in sents:
            bounds.append((bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)))
        ctx = Ctx(a, art, masked, toks, starts, bounds, sent_starts,
                  [s.paragraph for s in sents])
        _find_events(ctx)
        recs = [QRec(q, a) for q in raws]
        _attribute_article(ctx, recs, reg, paras, boiler)
        all_recs.extend(recs)
    _inherit_same_words(all_recs, articles)
    _resolve_metonymy(all_recs, reg, articles)
    _merge_across(reg)
    # speakers
    groups: dict[int, list[Entity]] = {}
    for e in reg.entities:
        groups.setdefault(reg.find(e.id), []).append(e)
    counts: dict[int, int] = {}
    for r in all_recs:
        if r.entity is not None:
            k = reg.find(r.entity.id)
            counts[k] = counts.get(k, 0) + 1
    names: dict[int, tuple[str, str, str]] = {}
    for k in counts:
        names[k] = _canonical(groups[k])
    used: dict[str, int] = {}
    for k in sorted(names, key=lambda k: -counts[k]):
        n = names[k][0]
        if n in used and used[n] != k:
            names[k] = (f"{n} ({articles[groups[k][0].article].label})",) + names[k][1:]
        used[names[k][0]] = k
    quotes = []
    sent_starts: dict[int, list[int]] = {}
    for r in all_recs:
        q = r.raw
        art = articles[r.a]
        if art.sentences:
            if r.a not in sent_starts:
                sent_starts[r.a] = [sn.start for sn in art.sentences]
            r.sent = max(0, bisect.bisect_right(sent_starts[r.a], max(q.start - 1, 0)) - 1)
        spk = names[reg.find(r.entity.id)][0] if r.entity is not None else None
        quotes.append(Quote(article=r.a, start=q.start, end=q.end, text=art.text[q.start:q.end],
                            speaker=spk, mention=r.mention if spk else "",
                            cue=r.cue if spk else "", sentence=r.sent,
                            attribution=r.how if spk else "", depth=q.depth))
    speakers = []
    for k in sorted(counts, key=lambda k: (-counts[k], names[k][0])):
        name, kind, role = names[k]
        aliases = []
        for e in groups[k]:
            for m in e.mentions:
                if m not in aliases:
                    aliases.append(m)
        speakers.append(Speaker(name=name, kind=kind, aliases=tuple(aliases), quotes=counts[k],
                                role=role or None))
    return tuple(quotes), tuple(speakers)


def _inherit_same_words(recs: list[QRec], articles) -> None:
    """An unattributed quotation whose words are quoted with a speaker elsewhere."""
    keyed: dict[str, list[QRec]] = {}
    for r in recs:
        if r.entity is not None and r.raw.depth == 0:
            keyed.setdefault(_norm_q(articles[r.a].shown[r.raw.start:r.raw.end]), []).append(r)
    for r in recs:
        if r.entity is not None or r.raw.depth:
            continue
        t = _norm_q(articles[r.a].shown[r.raw.start:r.raw.end])
        if len(t.split()) < 2 or t not in keyed:
            continue
        src = keyed[t]
        same = [x for x in src if x.a == r.a] or src
        r.entity, r.how = same[0].entity, "inferred"
        r.mention, r.cue = "", ""
