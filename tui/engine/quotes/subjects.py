"""Subjects and appositions: the noun phrase that names a speaker.

Takes the tokens around a cue; gives a `Mention`: its kind (person, organisation, media,
document, anonymous source, place, pronoun), the name or description, the role an
apposition or a title gives ("Li Wen, a spokeswoman for ..., said" -> Li Wen, role "a
spokesman for ..."), the country it is tied to.  `np_back` / `np_fwd` find the phrase that
ends / starts at a token, `analyse_np` reads it, `subject_before` finds the subject of a
speech verb (skipping adverbs, auxiliaries, appositions and relative clauses).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .article import outlets_of, tok_at
from .words import (DASHES, INITIAL, LOWER_WORD, NUMBER_WORDS, PREPS, ANON_HEADS, CONNECT_OF, COORD, DAYS, DETERMINERS, DOC_HEADS, FUNC_CAP, GENERIC_ORG,
                    MEDIA_HEADS, MEDIA_WORDS, ORG_HEADS, ORG_WORDS, PARTICLES, PARTY, PASSIVE,
                    OBJECT_PRONOUNS, PRONOUNS, ROLE_LOWER, SKIP, STATEMENT_HEADS, SUBORD, TITLES, Tok, bare,
                    fold, agent_noun, is_cue_word, is_name_tok, is_poss, modifier, np_word, place_key,
                    role_noun, words_of)

if TYPE_CHECKING:
    from .article import Ctx


def np_back(toks: list[Tok], j: int, lo: int) -> tuple[int, int] | None:
    """The speaker-like noun phrase that ends at token j (inclusive), not before lo."""
    if j < lo:
        return None
    end = j
    k = j
    if toks[k].text == ")":  # (R-Calif.) after the name
        m = k - 1
        while m >= lo and toks[m].text != "(" and k - m < 8:
            m -= 1
        if m < lo or toks[m].text != "(":
            return None
        k = m - 1
    if k < lo:
        return None
    t = toks[k]
    if t.word and t.low in PRONOUNS:
        return (k, end)
    i = k
    first = None
    if not np_word(t) and agent_noun(t):
        # "one factory employee told", "commuters said": a person by the agent ending of
        # the noun, plural or after a determiner, possessive or name ("would do better to")
        m = k - 1
        while m >= lo and k - m <= 3 and modifier(toks[m]) and not np_word(toks[m]):
            m -= 1
        if t.low.endswith("s") or m >= lo and toks[m].word and (
                toks[m].low in DETERMINERS or is_poss(toks[m]) or is_name_tok(toks[m])
                or _numbered_name(toks, m, lo)):
            first = k
            i -= 1
    while i >= lo:
        t = toks[i]
        if first is not None and _numbered_name(toks, i, lo):
            first = i         # "a Number 10 spokesperson", "a Channel 4 reporter"
            i -= 1
            continue
        if first is not None and modifier(t) and not np_word(t):
            # "the news outlet", "her oldest friend", "a Kerr campaign spokesman": plain
            # words between a determiner, possessive or name and the head
            m = i
            while m >= lo and i - m < 3 and modifier(toks[m]) and not np_word(toks[m]):
                m -= 1
            if m >= lo and toks[m].word and (toks[m].low in DETERMINERS or is_poss(toks[m])
                                             or is_name_tok(toks[m])):
                first = m + 1
                i = m
                continue
            break
        if t.word and t.low in DETERMINERS and first is not None:
            first = i
            # "a spokesman for the Dutch foreign ministry": go on past the preposition
            if i - 2 >= lo and toks[i - 1].word and toks[i - 1].low in CONNECT_OF \
                    and np_word(toks[i - 2]) and not is_name_tok(toks[i - 2]) \
                    or i - 2 >= lo and toks[i - 1].low in ("of", "on") and np_word(toks[i - 2]):
                first = i - 1
                i -= 2
                continue
            break
        if np_word(t):
            first = i
            i -= 1
            continue
        if first is not None and (t.word and t.low == "and" or t.text == "&") and i - 1 >= lo \
                and is_name_tok(toks[i - 1]) and is_name_tok(toks[i + 1]):
            first = i
            i -= 1
            continue
        if first is not None and t.word and (t.low in CONNECT_OF or t.low in PARTICLES):
            nxt = toks[i + 1]
            if is_name_tok(nxt) or (nxt.low == "the" and i + 2 <= end and is_name_tok(toks[i + 2])) \
                    or (t.low in PARTICLES and nxt.cap):
                first = i
                i -= 1
                continue
        if first is not None and t.text == ")" :
            break
        break
    if first is None:
        return None
    if first == lo and first < end and toks[first].low.endswith("ing") and len(toks[first].low) > 5 \
            and not toks[first + 1].cap:
        first += 1  # "Continuing to explain ..., Kerr said": a participle opens the sentence
    # connectors cannot open a phrase
    while first <= k and toks[first].word and (toks[first].low in CONNECT_OF
                                               or toks[first].low in ("and", "&")):
        first += 1
    if first > k:
        return None
    return (first, end)


def _numbered_name(toks: list[Tok], i: int, lo: int) -> bool:
    """Is toks[i] the number of a name ("Number 10", "Channel 4", "Area 51")?"""
    return toks[i].word and toks[i].low.isdigit() and i - 1 >= lo and is_name_tok(toks[i - 1]) \
        and not toks[i - 1].low in DAYS


def np_fwd(toks: list[Tok], i: int, hi: int) -> tuple[int, int] | None:
    """The speaker-like noun phrase that starts at token i (before hi)."""
    if i >= hi:
        return None
    t = toks[i]
    if t.word and t.low in PRONOUNS:
        return (i, i)
    k = i
    det = t.word and t.low in DETERMINERS
    if det:
        k += 1

    def is_head(x: Tok) -> bool:      # after a determiner: "the shooter", "a commuter"
        return np_word(x) or det and agent_noun(x)

    last = None
    while k < hi:
        t = toks[k]
        if is_head(t):
            last = k
            k += 1
            continue
        if modifier(t):
            # "the news outlet", "a Kerr campaign spokesman": plain words before the head
            m = k
            while m < hi and m - k < 3 and modifier(toks[m]) and not is_head(toks[m]):
                m += 1
            if m < hi and is_head(toks[m]) and not is_name_tok(toks[m]):
                k = m
                continue
        if last is not None and (t.word and (t.low in CONNECT_OF or t.low in PARTICLES
                                             or t.low == "and") or t.text == "&") and k + 1 < hi:
            nxt = toks[k + 1]
            if t.low in ("and", "&"):
                if is_name_tok(toks[last]) and is_name_tok(nxt):
                    k += 1
                    continue
                break
            if is_name_tok(nxt) or (nxt.low == "the" and k + 2 < hi and is_name_tok(toks[k + 2])):
                k += 2 if nxt.low == "the" else 1
                continue
        break
    if last is None:
        return None
    if last + 1 < hi and toks[last + 1].text == "(":
        m = last + 1
        while m < hi and toks[m].text != ")" and m - last < 8:
            m += 1
        if m < hi and toks[m].text == ")":
            last = m
    return (i, last)


@dataclass(slots=True)
class Mention:
    """A noun phrase that may name a speaker, where the text has it."""
    start: int                  # offsets of the whole phrase
    end: int
    text: str
    kind: str                   # person organisation media anonymous document place pronoun
    name: str                   # the proper name, or the description
    role: str = ""
    country: str | None = None  # country key the phrase ties it to (Norway's ..., Dutch ...)
    plural: bool = False
    level: int = 2              # 0 place, 1 government/statement, 2 specific
    head: str = ""              # head noun of a description ("official")
    definite: bool = False
    surname: str = ""
    first: str = ""
    parts: tuple[str, ...] = ()  # joint speakers

    def but(self, **changes) -> Mention:
        """A copy with the given fields changed: dataclasses.replace without reading the
        class's fields each time (a test holds the two equal, field for field)."""
        n = Mention(self.start, self.end, self.text, self.kind, self.name, self.role,
                    self.country, self.plural, self.level, self.head, self.definite,
                    self.surname, self.first, self.parts)
        for k, v in changes.items():
            setattr(n, k, v)
        return n


def _span_text(text: str, toks: list[Tok], a: int, b: int) -> str:
    return " ".join(text[toks[a].start:toks[b].end].split())


def _person_like(ts: list[Tok]) -> bool:
    if not 1 <= len(ts) <= 4 or place_key(" ".join(bare(t.text) for t in ts)):
        return False
    for t in ts:
        b = bare(t.low)
        if t.low in PARTICLES:
            continue
        if all(w in NUMBER_WORDS for w in b.split("-")):
            return False  # "Forty-six percent said", "Two of them said"
        if not t.cap or b in ORG_WORDS or b in MEDIA_WORDS or b in TITLES or b in PARTY and not (
                t is ts[-1] and len(ts) > 2 and INITIAL.fullmatch(ts[-2].text)) \
                or not is_name_tok(t):
            return False
        if len(ts) == 1 and b.endswith(("ing", "ed")) and len(b) > 5:
            return False  # "Continuing to explain, ..." opens a sentence, names nobody
        if place_key(t.text) and len(ts) == 1:
            return False
        if t.text.isupper() and len(t.text) > 1 and len(ts) == 1:
            return False
    return True


_AGE = re.compile(r"\d+-year-old")   # "said the 46-year-old"
QUANTITY = words_of("hundreds thousands dozens millions scores group groups crowd mix number "
                    "majority minority some many most several few one two three four all each "
                    "none half")
SOME = words_of("some many most several few each none all")
_ABSTRACT = ("ment", "ness", "ity", "tion", "sion", "ance", "ence", "ism", "ship")
_ABSTRACT_AL = words_of("refusal proposal denial approval removal withdrawal reversal dismissal "
                        "record refusals proposals")


def _abstract(w: str) -> bool:
    """A noun of a thing done or had, never of a speaker: "refusal", "agreement", "record"."""
    return w.endswith(_ABSTRACT) or w in _ABSTRACT_AL


_OCCASIONS = words_of("address speech interview appearance conference briefing rally remark "
                      "broadcast event meeting summit visit session hearing debate ceremony "
                      "gathering trip")
_NOT_SPEAKERS = words_of("something nothing anything everything one time way thing things")


def analyse_np(text: str, toks: list[Tok], a: int, b: int, outlets: frozenset[str] = frozenset(),
               appos: tuple[int, int] | None = None, loose: bool = False,
               possessive: bool = False) -> Mention | None:
    """Read the noun phrase toks[a..b] (plus an apposition) as a speaker mention.
    `possessive`: the phrase is an owner ("Ada Kerr's"), read without its 's."""
    start, end = toks[a].start, toks[b].end
    full = text[start:end]
    if appos:
        end = max(end, toks[appos[1]].end)
        full = text[min(start, toks[appos[0]].start):end]
        start = min(start, toks[appos[0]].start)
    surface = " ".join(full.split())
    ts = [t for t in toks[a:b + 1]]
    role_extra = _span_text(text, toks, appos[0], appos[1]) if appos else ""
    if len(ts) == 1 and ts[0].low in PRONOUNS:
        return Mention(start, end, surface, "pronoun", ts[0].low, plural=ts[0].low == "they")
    if ts[-1].word and (ts[-1].low in OBJECT_PRONOUNS or is_poss(ts[-1]) and not possessive):
        return None  # "derided him as", "Trump's visit": not a speaker's phrase
    if possessive:
        last = ts[-1]
        w = bare(last.text.replace("’", "'"))
        ts = ts[:-1] + [Tok(w, last.start, last.start + len(w), fold(w), True, last.cap, last.proper)]
        end = ts[-1].end
        surface = " ".join(text[start:end].split())
    # parenthetical tags off
    core: list[Tok] = []
    depth = 0
    for t in ts:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            core.append(t)
    if not core:
        return None
    definite = core[0].low in ("the", "this", "that", "these", "those")
    lead = ""      # "one of two witnesses", "some of the crew": a part of a group
    if len(core) > 2 and core[1].low == "of" and (core[0].low == "one" or core[0].low in SOME
                                                  or core[0].low in NUMBER_WORDS
                                                  and bare(core[0].low) not in QUANTITY):
        lead = " ".join(t.text for t in core[:2]) + " "
        core = core[2:]
        while core and core[0].word and core[0].low in DETERMINERS and core[0].low not in (
                "the", "a", "an"):
            lead += core[0].text + " "
            core = core[1:]
        if core and core[0].low == "the":
            lead += "the "
    while core and core[0].word and core[0].low in DETERMINERS:
        core = core[1:]
    if not core:
        return None
    if is_poss(core[0]) and core[0].cap or len(core) > 1 and bare(core[-1].low) in TITLES and (
            place_key(core[0].text) or len(core) > 2 and place_key(core[0].text + " " + core[1].text)):
        definite = True   # "Israel's prime minister", "US President": one person, by role
    # joint speakers: Name and Name
    if any(t.low in ("and", "&") for t in core):
        k = next(i for i, t in enumerate(core) if t.low in ("and", "&"))
        left, right = _strip_titles(core[:k]), _strip_titles(core[k + 1:])
        if left and right and _person_like(left) and _person_like(right) and len(left) > 1 \
                and len(right) > 1:
            n1 = " ".join(t.text for t in left)
            n2 = " ".join(t.text for t in right)
            return Mention(start, end, surface, "person", f"{n1} and {n2}", role=role_extra,
                           parts=(n1, n2), plural=True,
                           surname=fold(right[-1].text), first="")
    # "hundreds of demonstrators", "a group of artists", "one of two witnesses": the people
    if len(core) > 2 and core[1].low == "of" and bare(core[0].low) in QUANTITY:
        core = core[2:]
        while core and core[0].word and core[0].low in DETERMINERS:
            core = core[1:]
        if not core:
            return None
    # the head is what precedes of/for/on/at/in (unless "of" sits inside a proper name)
    head = core
    tail: list[Tok] = []
    for i, t in enumerate(core):
        if i == 0 or not t.word:
            continue
        if t.low in ("of", "for", "on", "at", "in", "from", "with", "by", "about") or (
                t.low == "close" and i + 1 < len(core) and core[i + 1].low == "to"):
            prev, nxt = core[i - 1], core[i + 1] if i + 1 < len(core) else None
            pb = singular(bare(prev.low))
            if t.low in ("of", "for") and is_name_tok(prev) and nxt is not None and (
                    is_name_tok(nxt) or nxt.low == "the") and (
                    pb in ORG_WORDS or pb in TITLES or bare(prev.low) in ORG_WORDS):
                continue  # Department of National Defence, Department for Transport
            head, tail = core[:i], core[i:]
            break
    tail_text = " ".join(t.text for t in tail)
    country = None
    for t in head + tail:
        if t.word and (t.cap or bare(t.low) in ("us", "u.s")):
            pk = place_key(bare(t.text.replace("’", "'")))
            if pk:
                country = country or pk
    last = head[-1]
    lastb = bare(last.low)
    lastk = singular(lastb)      # "ads", "letters": the head's lexicon entry
    doc_head = lastb in DOC_HEADS or lastk in DOC_HEADS
    org_head = lastb in ORG_HEADS or lastk in ORG_HEADS
    media_head = lastb in MEDIA_HEADS or lastk in MEDIA_HEADS
    common = len(head) == 1 and last.cap and not last.text.isupper() and (
        lastb in ANON_HEADS or doc_head or media_head
        or lastb in ("police", "prosecutors", "authorities"))  # "Officials said", sentence-initial
    if not last.cap and lastk in _OCCASIONS:
        return None   # "used a televised address to reveal": an occasion speaks no words
    initialed = len(head) > 2 and INITIAL.fullmatch(head[-2].text) is not None \
        and head[-3].cap     # "Michael J. Green": a name, whatever its last word means
    if not last.cap or common or lastb in PARTY and not initialed \
            or lastb in TITLES and lastb not in ORG_WORDS:
        # a description: "the senior navy official", "Chile's foreign ministry"
        desc = " ".join(t.text for t in head)
        plural = lastb.endswith("s") and not lastb.endswith("ss") and lastb not in (
            "press", "news", "forces", "affairs", "chiefs", "us")
        if lastb in ANON_HEADS or _AGE.fullmatch(lastb) or lastb in PARTY and not lastb.endswith("ic") and (
                last.cap or lastb.endswith("s")) or not last.cap and role_noun(singular(lastb)) \
                and not doc_head and not org_head and not media_head:
            # "a senior official", "one Iowa Democrat", "two Republicans"; "a spokesman for
            # Northgate Rail": the name that says whose
            words = [t for t in tail[1:] if t.word]
            if tail and tail[0].low in ("for", "of", "at", "from", "close") and 0 < len(words) <= 6 and all(
                    is_name_tok(t) or t.low in ("the", "of", "and", "to") for t in words) \
                    and is_name_tok(words[-1]):
                desc = f"{desc} {tail_text}"
            return Mention(start, end, surface, "anonymous", lead + desc,
                           role=join_roles(tail_text, role_extra), country=country,
                           plural=plural and lead[:4].lower() != "one ", head=singular(lastb),
                           definite=definite)
        if doc_head:
            issuer = [t for t in head[:-1] if t.word and t.cap and is_name_tok(t)]
            if issuer and len(head) > 1 and all(t.cap or is_poss(t) for t in head[:-1]):
                # "a White House statement", "Merkel's statement": who issued it speaks
                m = analyse_np(text, toks, toks.index(head[0], a, b + 1), toks.index(head[-2], a, b + 1), outlets,
                               possessive=is_poss(head[-2]))
                if m is not None and m.kind in ("person", "organisation", "media"):
                    m.role = join_roles(m.role, lastb)
                    return m
            lvl = 1 if lastk in STATEMENT_HEADS else 2
            return Mention(start, end, surface, "document", desc, role=join_roles(tail_text, role_extra),
                           country=country, level=lvl, head=lastk, definite=definite)
        if media_head:
            return Mention(start, end, surface, "media", desc, role=join_roles(tail_text, role_extra),
                           country=country, head=lastb, definite=definite)
        if org_head or lastb in GENERIC_ORG:
            content = [t for t in head if not (place_key(bare(t.text)) or is_poss(t))]
            generic = all(bare(t.low) in GENERIC_ORG for t in content)
            name = " ".join(t.text for t in head if not place_key(bare(t.text)))
            owner = [t for t in head[:-1] if is_poss(t) and is_name_tok(t)
                     and not place_key(bare(t.text.replace("’", "'")))]
            if generic and owner and len(head) == 2:   # "Abe's government": the Abe government
                name = f"{owner[-1].text[:-2]} {last.text}"
            return Mention(start, end, surface, "organisation", name or desc,
                           role=join_roles(tail_text, role_extra), country=country,
                           level=1 if generic else 2, head=lastb, definite=definite)
        if lastb in TITLES or (loose and last.word and any(c.isalpha() for c in last.low)
                               and len(head) <= 4 and not _abstract(lastb)
                               and lastb not in FUNC_CAP and lastb not in _NOT_SPEAKERS):
            # "the president", "the Speaker"; loose: "the night porter said", "the board said"
            return Mention(start, end, surface, "anonymous", lead + desc,
                           role=join_roles(tail_text, role_extra), country=country,
                           head=singular(lastb), definite=definite,
                           plural=plural and lead[:4].lower() != "one ")
        return None
    # a proper name ends the head
    # split the run at possessives: "Norway's Ministry of Defence"
    run = head
    for i in range(len(head) - 1, -1, -1):
        if is_poss(head[i]) and i < len(head) - 1:
            run = head[i + 1:]
            break
    # the person's name is what follows the last title or organisation word
    cut = -1
    for i, t in enumerate(run):
        b_ = bare(t.low)
        if t.word and (b_ in TITLES or singular(b_) in TITLES or (t.cap and b_ in ORG_WORDS)
                       or b_ in PARTY and not (initialed and i == len(run) - 1)
                       or (t.cap and b_ in MEDIA_WORDS)
                       or (place_key(t.text) and i < len(run) - 1)
                       or (t.text.isupper() and len(t.text) > 1 and i < len(run) - 1
                           and not INITIAL.fullmatch(t.text))   # (not "J.")
                       # a role word before the name: "Columnist Ada Kerr", "Fox Reporter
                       # Jo Dane", "Police Chief Jo Dane"
                       or (t.cap and i < len(run) - 1
                           and (singular(b_) in ROLE_LOWER or singular(b_) in ANON_HEADS))
                       or not t.cap and t.low not in PARTICLES and t.low not in CONNECT_OF
                       and not (t.low == "the" and i > 0 and run[i - 1].low in CONNECT_OF)):
            cut = i
    person = [t for t in run[cut + 1:] if t.word]
    prefix_text = cut >= 0
    pre_run = head[:len(head) - len(run)]
    pre_text = " ".join(t.text for t in pre_run)
    if person and any(fold(bare(t.text)) in outlets for t in run if t.word and t.cap):
        person = []           # "Breitbart London", "Courier Sports": the outlet, not a person
    if person and _person_like(person):
        name = " ".join(t.text for t in person)
        role_bits = []
        if pre_text or prefix_text:
            role_bits.append(" ".join(
                x for x in (pre_text, " ".join(t.text for t in run[:cut + 1])) if x))
        role = join_roles(*(role_bits + [tail_text, role_extra]))
        return Mention(start, end, surface, "person", name, role=role, country=country,
                       surname=fold(person[-1].text), first=fold(person[0].text)
                       if len(person) > 1 else "")
    # an organisation, a medium, or a place: the trailing capitalised run
    k0 = len(run) - 1
    while k0 > 0:
        prev = run[k0 - 1]
        if is_name_tok(prev) and not is_poss(prev) and not prev.low.endswith("-based") or (
                prev.low in ("of", "for", "and", "&", "the") and k0 - 2 >= 0
                and is_name_tok(run[k0 - 2])):
            k0 -= 1
            continue
        if prev.low == "the" and k0 - 3 >= 0 and run[k0 - 2].low in ("of", "for") \
                and is_name_tok(run[k0 - 3]):
            k0 -= 2           # "Ministry of the Sea"
            continue
        break
    if k0 > 0:
        pre_text = " ".join(x for x in (pre_text, " ".join(t.text for t in run[:k0])) if x)
    run = run[k0:]
    name_toks = [t for t in run if not (t.word and bare(t.low) in TITLES and not t.cap)]
    while name_toks and bare(name_toks[0].low) in TITLES and bare(name_toks[0].low) not in ORG_WORDS:
        name_toks = name_toks[1:]
    if not name_toks or len(name_toks) == 1 and len(name_toks[0].low) > 5 \
            and name_toks[0].low.endswith(("ing", "ed")):
        return None   # "Continuing to explain, ...": a participle, no name
    name = " ".join(text[name_toks[0].start:name_toks[-1].end].split())
    pk = place_key(name)
    if pk and not tail:
        return Mention(start, end, surface, "place", name, role=role_extra, country=pk, level=0)
    fn = fold(name)
    words = set(LOWER_WORD.findall(fn))
    if fn in outlets or words & MEDIA_WORDS and not words & {"house", "department", "ministry"} \
            or words & outlets:
        kind = "media"
    else:
        kind = "organisation"
    if pre_run and country is None:
        country = place_key(bare(pre_run[-1].text))
    return Mention(start, end, surface, kind, name, role=join_roles(pre_text, tail_text, role_extra),
                   country=country)


def appositive_name(text: str, toks: list[Tok], a: int, b: int, hi: int, m: Mention | None,
                    outlets: frozenset[str] = frozenset()) -> Mention | None:
    """A role phrase m (tokens a..b) and the name set after it between commas: the
    person ("Britain's foreign secretary, Ada Kerr, wrote", "warned by the city's mayor, Ivo
    Dane, that"), with the phrase as their role.  None when no such name follows."""
    if m is None or m.kind != "anonymous" or m.plural or b + 2 >= hi or toks[b + 1].text != ",":
        return None
    span = np_fwd(toks, b + 2, hi)
    if span is None:
        return None
    e = span[1] + 1
    if e < hi and toks[e].text not in (",", ".", ";", ":") and toks[e].text not in DASHES:
        return None
    p = analyse_np(text, toks, span[0], span[1], outlets)
    if p is None or p.kind != "person" or not p.first or p.parts:
        return None
    return p.but(start=m.start, text=_span_text(text, toks, a, span[1]),
                 role=join_roles(m.name, p.role))


def _strip_titles(ts: list[Tok]) -> list[Tok]:
    out = list(ts)
    while out and out[0].word and (bare(out[0].low) in TITLES or out[0].low in DETERMINERS
                                   or bare(out[0].low) in ROLE_LOWER and not out[0].cap):
        out = out[1:]
    while out and out[0].text in (",",):
        out = out[1:]
    return out


def singular(w: str) -> str:
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def join_roles(*bits: str) -> str:
    return ", ".join(b.strip(" ,") for b in bits if b and b.strip(" ,"))



_WHEN = words_of("week month year morning afternoon evening night weekend today yesterday "
                 "tonight earlier later ago this last next past")


def skip_back(toks: list[Tok], j: int, lo: int) -> int:
    """Back over what may stand between a subject and its verb: adverbs, auxiliaries, a verb
    chain ("went on to", "managed to", "has repeatedly") and a time phrase ("on Tuesday",
    "last week", "earlier this month")."""
    while j >= lo and toks[j].word:
        t = toks[j]
        low = t.low
        if t.proper:
            break              # "Will wrote": a name, not the auxiliary
        if low in SKIP or low in PASSIVE or low.endswith("ly") and len(low) > 4 and not t.cap:
            if low == "to" and j - 1 >= lo and toks[j - 1].word and not toks[j - 1].cap \
                    and toks[j - 1].low.endswith(("ed", "s")) and toks[j - 1].low not in SKIP:
                j -= 1         # "managed to", "decides to"
            elif low == "to" and j - 2 >= lo and toks[j - 1].word and not toks[j - 1].cap \
                    and toks[j - 1].low.isalpha() and toks[j - 2].word \
                    and toks[j - 2].low in PASSIVE:
                j -= 2         # "was quick to", "is eager to"
            j -= 1
            continue
        if low in DAYS or low in _WHEN and not t.cap:
            k = j - 1          # "on Tuesday", "last week", "earlier this month", "Tuesday night"
            while k >= lo and toks[k].word and (toks[k].low in DAYS or toks[k].low in _WHEN
                                                 or toks[k].low in ("on", "in", "at")):
                k -= 1
            j = k
            continue
        break
    return j


def subject_before(ctx: Ctx, j: int, lo: int) -> tuple[Mention | None, str]:
    """The speaker noun phrase that ends at token j: (mention, how) where how is
    'np' (found), 'coord' ("... and said"), 'part' (", adding"), '' (none)."""
    toks = ctx.toks
    verb = j + 1
    j = skip_back(toks, j, lo)
    if j < lo:
        return None, ""
    if toks[j].word and toks[j].low in COORD:
        return None, "coord"
    if toks[j].word and not toks[j].cap and singular(toks[j].low) in _OCCASIONS:
        # "Kerr used a televised address to reveal": the occasion is the object of a verb
        # whose subject speaks
        k = j - 1
        while k > lo and j - k <= 4 and toks[k].word and not toks[k].cap \
                and toks[k].low not in ("a", "an", "the", "his", "her", "their", "its"):
            k -= 1
        if k - 2 >= lo and toks[k].word and toks[k].low in ("a", "an", "the", "his", "her",
                                                          "their", "its") \
                and toks[k - 1].word and not toks[k - 1].cap and toks[k - 1].low.endswith("ed") \
                and toks[k - 1].low not in PASSIVE:
            m2, how2 = subject_before(ctx, k - 2, lo)
            if m2 is not None and how2 == "np" and m2.kind in ("person", "organisation"):
                return m2, "np"
        return None, ""
    if toks[j].text in BRACKETS:
        m = bracketed_subject(ctx, j, lo)
        if m is not None:
            return m, "np"
    if toks[j].text == "," and j - 1 >= lo and (toks[j - 1].word or toks[j - 1].text == ")"):
        # "X, a spokesman for Y, said": the comma closes an apposition
        span0 = np_back(toks, j - 1, lo)
        if span0 is not None:
            j -= 1
    span = np_back(toks, j, lo)
    if span is None and toks[j].word and not toks[j].cap and (toks[j].low.isalpha()
                                                              or _AGE.fullmatch(toks[j].low)):
        # "the night porter said": a determiner and a few plain words
        k = j
        while k >= lo and j - k < 5 and toks[k].word and not toks[k].cap \
                and toks[k].low not in DETERMINERS and toks[k].low not in SUBORD \
                and toks[k].low not in PREPS:
            k -= 1
        if k >= lo and k < j and toks[k].word and toks[k].low in ("a", "an", "the", "one"):
            m = analyse_np(ctx.art.shown, toks, k, j, outlets_of(ctx), loose=True)
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
                return subject_before(ctx, k - 1, lo)
        return None, ""
    a, b = span
    if toks[a].low in ("who", "which") and a == b:
        # "the Mexican president, who said": the relative's antecedent speaks, even as the
        # object of a preposition ("a lecture from the president, who said")
        k = a - 1
        if k >= lo and toks[k].text == ",":
            k -= 1
        if k >= lo:
            m, how = subject_before(ctx, k, lo)
            return m, ("rel" if m is not None else how)
        return None, ""
    m = analyse_np(ctx.art.shown, toks, a, b, outlets_of(ctx))
    appos = None
    # "Li Wen, a spokeswoman for ..., said": the phrase before the verb is an apposition
    # (not a cue set in the clause it reports: "Kerr, a top aide said, “is confident”")
    parenthetical = verb + 1 < len(toks) and toks[verb + 1].text == "," and m is not None \
        and m.kind == "anonymous" and not m.definite
    if a - 2 >= lo and toks[a - 1].text == "," and not parenthetical:
        if (m is None or m.kind in ("anonymous", "organisation", "document", "media")) and \
                (toks[a].low in DETERMINERS or not toks[a].cap):
            span2 = np_back(toks, a - 2, lo)
            if span2:
                m2 = analyse_np(ctx.art.shown, toks, span2[0], span2[1], outlets_of(ctx),
                                appos=(a, b))
                if m2 is not None and m2.kind in ("person", "organisation", "media") \
                        and is_name_tok(toks[span2[1]] if toks[span2[1]].text != ")" else
                                         toks[span2[1] - 1]) or (m2 and toks[span2[1]].text == ")"):
                    return m2, "np"
        elif m is not None and m.kind == "person":
            # "Ohio’s Democratic Senator, Ada Kerr, said"
            span2 = np_back(toks, a - 2, lo)
            if span2 and clause_start(toks, span2[0], lo):
                m2 = analyse_np(ctx.art.shown, toks, span2[0], span2[1], outlets_of(ctx))
                if m2 is None or m2.kind in ("anonymous",):
                    last = toks[span2[1]]
                    if last.word and (bare(last.low) in TITLES):
                        m.start = toks[span2[0]].start
                        m.text = " ".join(ctx.art.shown[m.start:m.end].split())
                        m.role = ", ".join(x for x in (
                            " ".join(ctx.art.shown[toks[span2[0]].start:last.end].split()), m.role) if x)
    if (m is None or m.kind == "anonymous" and not m.plural) and toks[a - 1].text != ",":
        m2 = _unclosed_appos(ctx, j, lo)
        if m2 is not None:    # "Ada Kerr, deputy leader and harbour spokesperson said"
            return m2, "np"
    if m is None and appos is None:
        return None, ""
    if m is not None and m.kind == "person" and m.first and not m.parts:
        other = _coordinated(ctx, tok_at(ctx, m.start), lo)
        if other is not None:
            # "Gen. Ada Kerr, and the navy chief, Adm. Ivo Dane, recommended"
            m = Mention(other.start, m.end, " ".join(ctx.art.shown[other.start:m.end].split()),
                        "person", f"{other.name} and {m.name}", parts=(other.name, m.name),
                        plural=True, surname=m.surname)
    return m, "np"


BRACKETS = (",", "—", "–", "--")
CLAUSE_OPEN = frozenset((",", "—", "–", "--", ":", ";", "(", "\x02", "\x03"))
_RELATIVE = words_of("who which whose whom")


def clause_start(toks: list[Tok], a: int, lo: int) -> bool:
    """Does token a open a clause: the sentence start, after punctuation, a conjunction or
    a subordinator ("but Gov. Ada Kerr, ..., said"), or after an opening adverb?"""
    if a <= lo:
        return True
    p = toks[a - 1]
    return p.text in CLAUSE_OPEN or p.word and (p.low in COORD or p.low in SUBORD
                                                 or p.low.endswith("ly") and not p.cap)


def bracketed_subject(ctx: Ctx, j: int, lo: int) -> Mention | None:
    """toks[j] closes an apposition or a relative clause between a name and its verb:
    "Name, Role at Org, told", "Name — a teacher from Derry — says", "Name, who ..., said",
    "Name, 61, of Flint, said".  The name must open its clause; what lies between may hold
    capitals, commas and quoted words, but no second name that opens a clause of its own.
    Gives the name's mention, with the apposition as its role."""
    toks = ctx.toks
    close = toks[j].text
    k = j - 1
    while k > lo and j - k <= 45:
        t = toks[k]
        if t.text in (";", ":") or (t.text == "." and not t.word):
            return None
        if t.text in BRACKETS and (t.text == close or close == "," or t.text == ","):
            span = np_back(toks, k - 1, lo)
            if span is not None and clause_start(toks, span[0], lo):
                end_tok = toks[span[1]] if toks[span[1]].text != ")" else toks[span[1] - 1]
                first = toks[k + 1] if k + 1 < j else None
                if first is not None and is_name_tok(end_tok) and not (
                        first.word and first.low in COORD) and not (
                        first.word and first.cap and is_name_tok(first)
                        and not (bare(first.low) in TITLES or bare(first.low) in ROLE_LOWER
                                 or first.low in PARTY) and _names_clause(toks, k + 1, j)):
                    rel = first.word and first.low in _RELATIVE
                    m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx),
                                   appos=None if rel else (k + 1, j - 1))
                    if m is not None and m.kind in ("person", "organisation", "media"):
                        return m
        k -= 1
    return None


def _names_clause(toks: list[Tok], a: int, b: int) -> bool:
    """Is toks[a:b] a clause of its own ("Kerr said")? A name followed by a finite verb."""
    span = np_fwd(toks, a, b)
    if span is None or span[1] + 1 >= b:
        return False
    v = toks[span[1] + 1]
    return v.word and not v.cap and (v.low in PASSIVE or v.low.endswith(("s", "ed"))
                                     and not v.low.endswith("ss"))


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
    m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx))
    if m is not None and m.kind == "person" and m.first and not m.parts:
        return m
    return None


def _appos_chunk(ctx: Ctx, j: int, lo: int) -> Mention | None:
    """toks[j] is the comma after "Name, <apposition>,": the mention of Name (with its role)."""
    toks = ctx.toks
    k = j - 1
    while k >= lo and j - k < 16 and toks[k].text not in (",", "\x02", "\x03", ";", ":"):
        if toks[k].word and is_cue_word(toks[k].low):
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
    if not is_name_tok(end_tok):
        return None
    return _analyse_with(ctx, span, (k + 1, j - 1))


def _unclosed_appos(ctx: Ctx, j: int, lo: int) -> Mention | None:
    """An apposition the verb closes without a comma: "Ada Kerr, deputy leader and harbour
    spokesperson said" -- a person's name that opens its clause, a comma, then a role phrase
    (determiner, role, party or office words, ending on a role noun) right before the verb."""
    toks = ctx.toks
    if not (toks[j].word and role_noun(singular(bare(toks[j].low)))) or toks[j].cap \
            and bare(toks[j].low) not in TITLES:
        return None
    k = j
    while k > lo and j - k < 12 and toks[k].text != ",":
        t = toks[k]
        if not t.word or t.low in SUBORD or is_cue_word(t.low) or t.low in PRONOUNS:
            return None
        k -= 1
    if k <= lo or toks[k].text != "," or k == j:
        return None
    span = np_back(toks, k - 1, lo)
    if span is None or not clause_start(toks, span[0], lo):
        return None
    m = analyse_np(ctx.art.shown, toks, span[0], span[1], outlets_of(ctx), appos=(k + 1, j))
    if m is None or m.kind != "person" or not m.first or m.parts:
        return None
    return m


def _analyse_with(ctx: Ctx, span: tuple[int, int], appos: tuple[int, int] | None) -> Mention | None:
    m = analyse_np(ctx.art.shown, ctx.toks, span[0], span[1], outlets_of(ctx), appos=appos)
    if m is not None and m.kind in ("person", "organisation", "media"):
        return m
    return None
