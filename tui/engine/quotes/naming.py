"""Naming: one entity per speaker per article, then one speaker across the corpus.

Takes mentions (from the subjects step) and the attributed quotes; gives `Registry`
entities, merged: a surname alone joins the full name, "Pat Dunmore" and "Patrick Dunmore"
are one person, "Norway said" resolves to the source the corpus names for the same
words, organisations merge by their name's words; `canonical` names each merged speaker.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from ..places import adjective
from .marks import names_a_thing, title_case
from .subjects import Mention, singular
from .words import (ANON_HEADS, DAYS, DOC_HEADS, FUNC_CAP, INITIAL, LOWER_WORD, MEDIA_WORDS, NICKNAMES, ORG_WORDS, PARTY,
                    ROLE_LOWER, SURNAME_WORDS, TITLES, bare, singular_word, fold, place_key, places_in, role_noun, words_of)

if TYPE_CHECKING:
    from .attribution import QRec

_ALNUM_RUN = re.compile(r"[a-z0-9]+")
_NEWLINE = re.compile("\n")

@dataclass
class Entity:
    """A source an article names or describes: a person, an organisation, an anonymous
    source, a document."""
    id: int
    article: int
    kind: str
    name: str
    level: int = 2
    country: str | None = None
    plural: bool = False
    head: str = ""
    surname: str = ""
    first: str = ""
    roles: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    intro: str = ""             # the description that introduced an anonymous source
    parts: tuple[str, ...] = ()
    spoke: bool = False         # subject of a speech verb in its article


def first_compatible(a: str, b: str) -> bool:
    if not a or not b:
        return True
    if a == b:
        return True
    a2, b2 = NICKNAMES.get(a, a), NICKNAMES.get(b, b)
    if a2 == b2:
        return True
    return (len(a) >= 3 and len(b) >= 3) and (a.startswith(b) or b.startswith(a))


_NORM_ORG = (("defence", "defense"), ("organisation", "organization"), ("centre", "center"),
             ("programme", "program"), ("u.s.", "us"))
_ORG_STOP = words_of("the of for and a an s")


@lru_cache(maxsize=65536)
def org_tokens(name: str) -> frozenset[str]:
    n = fold(name)
    for a, b in _NORM_ORG:
        n = n.replace(a, b)
    return frozenset(w for w in _ALNUM_RUN.findall(n) if w not in _ORG_STOP)


class Registry:
    """The entities of one corpus: one per speaker per article, merged later."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.parent: list[int] = []
        self.index: dict[tuple[int, str, str], list[Entity]] = {}

    # -- union-find
    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        """Merge a into b; b's root stays the root."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb
        return rb

    def new(self, article: int, m: Mention) -> Entity:
        e = Entity(len(self.entities), article, m.kind, m.name, level=m.level, country=m.country,
                   plural=m.plural, head=m.head, surname=m.surname, first=m.first,
                   parts=m.parts)
        if m.kind == "anonymous":
            e.intro = fold(m.name)
        self.entities.append(e)
        self.parent.append(e.id)
        self._index(e)
        return e

    def note(self, e: Entity, m: Mention) -> None:
        if m.kind != "pronoun" and m.text and m.text not in e.mentions:
            e.mentions.append(m.text)
        role = m.role.strip(" ,")
        if role and role not in e.roles and not place_key(bare(fold(role))):
            e.roles.append(role)  # (a bare "Norway’s" is no role)
        if e.country is None and m.country:
            e.country = m.country
        if m.kind == "person" and m.first and not e.first:
            e.first = m.first
            e.name = m.name

    def _index(self, e: Entity) -> None:
        keys = [(e.article, e.kind, "")]
        if e.kind == "person":
            keys.append((e.article, e.kind, "@" + e.surname))
        elif e.kind in ("organisation", "media", "document"):
            keys += [(e.article, e.kind, w) for w in org_tokens(e.name) or ("#",)]
            keys.append((e.article, e.kind, "#" + e.head))
        elif e.kind == "place":
            keys.append((e.article, e.kind, "@" + (e.country or "")))
        for k in keys:
            self.index.setdefault(k, []).append(e)

    def _roots(self, key: tuple[int, str, str]) -> list[Entity]:
        return [e for e in self.index.get(key, ()) if self.find(e.id) == e.id]

    def lookup(self, article: int, m: Mention, recent: Callable[[], list[Entity]]) -> Entity:
        """The entity of article `article` that mention m names (created if new).

        `recent()`: the article's entities, most recent first (for anaphora)."""
        if m.kind == "person":
            if m.parts:
                for e in self._roots((article, "person", "")):
                    if e.parts and fold(e.name) == fold(m.name):
                        return e
                return self.new(article, m)
            same = [e for e in self._roots((article, "person", "@" + m.surname))
                    if not e.parts and first_compatible(e.first, m.first)]
            if m.first:
                exact = [e for e in same if e.first == m.first or
                         first_compatible(e.first, m.first) and e.first]
                if exact:
                    return exact[0]
                if same:
                    return same[0]
                return self.new(article, m)
            if same:  # a surname alone: the most recent person of that name
                for e in recent():
                    if e in same:
                        return e
                return same[0]
            return self.new(article, m)
        if m.kind == "anonymous":
            indefinite = m.text.split(" ", 1)[0].lower() in ("a", "an", "another", "one")
            if m.definite or (m.name and fold(m.name) == m.head and not indefinite):
                for e in recent():
                    if e.kind == "anonymous" and e.head == m.head and e.plural == m.plural:
                        return e
            return self.new(article, m)
        if m.kind in ("organisation", "media", "document"):
            toks = org_tokens(m.name)
            if m.definite and m.kind == "document":
                same_head = self._roots((article, m.kind, "#" + m.head))
                if same_head:
                    return same_head[0]
            seen: dict[int, Entity] = {}
            # "the agency" may be the news agency the article named
            kinds = (m.kind, "media") if m.kind == "organisation" and m.definite else (m.kind,)
            for kind in kinds:
                for w in toks or ("#",):
                    for e in self._roots((article, kind, w)):
                        seen[e.id] = e
            for _, e in sorted(seen.items()):
                if e.kind != m.kind and not (toks and toks <= org_tokens(e.name)):
                    continue
                et = org_tokens(e.name)
                if (et == toks or toks and et and (toks <= et or et <= toks)) and (
                        e.country == m.country or not m.country or not e.country) \
                        and e.level == m.level:  # (the British government is not Australia's)
                    return e
            return self.new(article, m)
        if m.kind == "place":
            found = self._roots((article, "place", "@" + (m.country or "")))
            return found[0] if found else self.new(article, m)
        return self.new(article, m)


def compatible_country(e: Entity, country: str) -> bool:
    if e.country == country:
        return True
    return any(country in places_in(r) for r in e.roles + e.mentions)

def norm_q(s: str) -> str:
    return " ".join(_ALNUM_RUN.findall(fold(s)))


def _words_of(r: QRec, articles) -> str:
    """norm_q of the quotation's text, read once per record (the same-words passes each
    read it)."""
    t = r.norm
    if t is None:
        t = r.norm = norm_q(articles[r.a].shown[r.raw.start:r.raw.end])
    return t


_NEAR = 150     # quotations either side where the same words may be quoted more precisely


def resolve_metonymy(recs: list[QRec], reg: Registry, articles) -> None:
    """ "Norway said", "the Norwegian government said": the source the corpus names.

    Evidence, best first: the same words quoted from a more specific source (in this
    article, or word for word in another), else the one source in the article tied to that
    country ("Norway’s Ministry of Defence")."""
    texts = [(r, _words_of(r, articles)) for r in recs
             if r.entity is not None and r.raw.depth == 0]
    by_article: dict[int, list[tuple[QRec, str]]] = {}
    by_text: dict[str, list[QRec]] = {}
    place: dict[int, int] = {}            # id(rec) -> its index in its article's list
    for r, t in texts:
        place[id(r)] = len(by_article.setdefault(r.a, []))
        by_article[r.a].append((r, f" {t} "))
        if len(t.split()) >= 4:
            by_text.setdefault(t, []).append(r)
    for t, rs in by_text.items():         # one voice per article and speaker (copies: once)
        seen_keys: set[tuple[int, int]] = set()
        kept = []
        for r in rs:
            k = (r.a, reg.find(r.entity.id))
            if k not in seen_keys:
                seen_keys.add(k)
                kept.append(r)
        by_text[t] = kept
    ents_of: dict[int, list[Entity]] = {}
    for e in reg.entities:
        ents_of.setdefault(e.article, []).append(e)

    def root(e: Entity) -> Entity:
        return reg.entities[reg.find(e.id)]

    for level in (1, 0):
        voices: dict[int, list[Entity]] = {}
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
                mine = by_article.get(r.a, [])
                i = place[id(r)]         # the same words near it in the article (not all of it)
                for r2, t2 in mine[max(0, i - _NEAR):i + _NEAR]:
                    if padded not in t2:
                        continue
                    o = root(r2.entity)
                    if o is e or o.level <= level or o.kind == "anonymous":
                        continue
                    if (
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
                # the article's sources above this level: the same whatever is merged in
                # this loop (only roots of this level are merged, into roots above it)
                speakers = voices.get(e.article)
                if speakers is None:
                    cands = {root(o).id: root(o) for o in ents_of.get(e.article, ())}
                    speakers = voices[e.article] = [
                        o for o in cands.values() if o.level > level and o.article == e.article
                        and (o.kind == "organisation" or o.kind == "person" and _speaks_for(o))
                        and not o.parts and o.spoke]
                cands = [o for o in speakers if compatible_country(o, e.country)]
                if len(cands) == 1:
                    target = cands[0].id
            if target is not None:
                reg.union(e.id, target)


_VOICE = frozenset("spokesman spokeswoman spokesperson ministry minister government president "
                   "premier prime secretary ambassador embassy envoy department chancellor king "
                   "queen foreign".split())


def _speaks_for(e: Entity) -> bool:
    """A person who can speak for a country: a spokesperson, minister, envoy ..."""
    return any(w in _VOICE for r in e.roles + e.mentions for w in LOWER_WORD.findall(fold(r)))


def merge_across(reg: Registry) -> None:
    roots = [e for e in reg.entities if reg.find(e.id) == e.id]
    # persons: same surname, compatible first names
    persons = [e for e in roots if e.kind == "person" and not e.parts]
    by_surname: dict[str, list[Entity]] = {}
    for e in persons:
        if e.first:
            by_surname.setdefault(e.surname, []).append(e)
    spelled: dict[str, int] = {}
    for e in persons:
        if e.first:
            k = name_key(e.name)
            if k in spelled:
                reg.union(e.id, spelled[k])
            else:
                spelled[k] = e.id
    for group in by_surname.values():
        # each member joins every earlier member of a compatible first name, in order.  The
        # earlier members of one first name are already one speaker (each joined those
        # before it), so the first of them stands for all: the same unions, in the same
        # order, without walking every pair of a name the corpus uses thousands of times
        firsts: dict[str, Entity] = {}       # first name -> its first member, in order
        for e in group:
            for f, o in firsts.items():
                if first_compatible(o.first, e.first) and reg.find(o.id) != reg.find(e.id):
                    reg.union(e.id, o.id)
            firsts.setdefault(e.first, e)
    # a surname alone joins the one speaker its full-name holders are: those speakers do not
    # change in this loop (it joins only the lone surnames, each a speaker of its own)
    one_root: dict[str, int | None] = {}
    for e in persons:
        if e.first:
            continue
        if e.surname not in one_root:
            cands = {reg.find(o.id) for o in by_surname.get(e.surname, ())}
            one_root[e.surname] = cands.pop() if len(cands) == 1 else None
        r = one_root[e.surname]
        if r is not None:
            reg.union(e.id, r)
    # a surname that no single full name claims: one speaker of that name across articles
    alone: dict[str, int] = {}
    for e in persons:
        if e.first or reg.find(e.id) != e.id:
            continue
        if e.surname in alone:
            reg.union(e.id, alone[e.surname])
        else:
            alone[e.surname] = e.id
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
    # (each pair's test reads only the two entities: read each entity's words once; a pair
    # already one speaker is a union that changes nothing)
    read: dict[int, tuple[frozenset[str], bool]] = {}
    for grp in buckets.values():
        for e in grp:
            if e.id not in read:
                read[e.id] = (org_tokens(e.name), any(w[:1].isupper() for w in e.name.split()))
    for grp in buckets.values():
        for i, e in enumerate(grp):
            te, pe = read[e.id]
            ce = e.country
            for o in grp[:i]:
                co = o.country
                if ce != co and ce and co:
                    continue
                to, po = read[o.id]
                if not (pe and po) and not (ce and co):
                    continue
                if te == to or (te and to and (te <= to or to <= te) and ce and co):
                    reg.union(e.id, o.id)
    # anonymous sources: the same introducing description, with a qualifier
    anon: dict[str, int] = {}
    for e in roots:
        if e.kind != "anonymous":
            continue
        keys = [e.intro] if e.intro and len(e.intro.split()) >= 2 else []
        keys += [fold(x) for x in e.mentions if len(x.split()) >= 4]  # "the senior defense official"
        for key in keys:
            key = " ".join(w for w in LOWER_WORD.findall(key.replace("u.s.", "us"))
                           if w not in ("a", "an", "the", "one"))
            key = " ".join(key.split()[:-1] + [singular(w) for w in key.split()[-1:]])
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


def canonical(members: list[Entity]) -> tuple[str, str, str]:
    """(name, kind, role) of a merged speaker."""
    kinds = [m.kind for m in members]
    best = max(members, key=lambda m: (m.level, m.kind != "anonymous"))
    kind = best.kind
    if kind == "person":
        # the full name most members use; of equals, the plainest ("Harry Reid" over
        # "Harry M. Reid"); a lone surname only when no member has more
        names = [m.name for m in members if m.kind == "person"]
        full = [n for n in names if len(n.split()) > 1] or names
        plain = Counter(_no_initials(n) for n in full)   # "Harry M. Reid" is "Harry Reid"
        mentions: Counter = Counter()
        for m in members:
            mentions[_no_initials(m.name)] += len(m.mentions)
        name = max(full, key=lambda n: (fold(n.split()[0]) not in NICKNAMES,
                                        plain[_no_initials(n)], mentions[_no_initials(n)],
                                        -len(n.split()), -len(n), n))
    elif kind == "anonymous":
        intros = [m.name for m in members if m.kind == "anonymous"]
        # the fullest description ("the adviser" after "one Republican adviser close to X")
        name = max(intros, key=lambda n: len(n.split()))
        name = re.sub(r"^(?:an?|the|one(?! of))\s+", "", name, flags=re.I)
        w0 = name.split()[0] if name else ""
        if w0[:1].isupper() and not w0.isupper() and fold(w0) in ANON_HEADS | ROLE_LOWER \
                and not any(w[:1].isupper() for w in name.split()[1:]):
            name = w0.lower() + name[len(w0):]  # "Officials" -> "officials"
        owned = _PLACE_OWNED.match(name)
        adj = adjective(place_key(owned[1]) or "") if owned else None
        if adj:                                  # "Israel's ambassador": Israeli ambassador
            name = f"{adj} {owned[2]}"
        ws = name.split()
        if len(ws) > 1 and ws[-1][:1].isupper() and not ws[-1].isupper() \
                and fold(ws[-1]) in ANON_HEADS | ROLE_LOWER | TITLES \
                and (place_key(" ".join(ws[:-1])) or all(place_key(w) for w in ws[:-1])):
            name = " ".join(ws[:-1] + [ws[-1].lower()])   # a headline's "North Korean Leader"
    else:
        cands = [m for m in members if m.kind == kind and m.level == best.level]
        m0 = max(cands, key=lambda m: (any(w[:1].isupper() for w in m.name.split()),
                                       len(m.name.split())))
        name = m0.name
        name = re.sub(r"^(?:the)\s+", "", name, flags=re.I)
        if m0.country and kind in ("organisation",) and \
                not places_in(name) >= {m0.country}:
            # "the French foreign ministry" -> French foreign ministry; "Norway's Ministry of
            # Defence" -> Ministry of Defence (Norway)
            adj = [s for m in members for s in (re.sub(r"^the\s+", "", x, flags=re.I)
                                                 for x in m.mentions)
                   if s.endswith(name) and place_key(s[:-len(name)].strip()) == m0.country
                   and not s[:-len(name)].strip().endswith(("’s", "'s", "’", "'"))]
            name = adj[0] if adj else f"{name} ({_country_name(m0, members)})"
    roles = [r for m in members for r in m.roles if shows_a_role(r)]
    role = max(roles, key=len) if roles else ""
    del kinds
    return name, _KIND.get(kind, kind), role


@lru_cache(maxsize=65536)
def _no_initials(name: str) -> str:
    ws = name.split()
    return " ".join(ws[:1] + [w for w in ws[1:-1] if not INITIAL.fullmatch(w)] + ws[-1:])


_PLACE_OWNED = re.compile(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:[’']s|(?<=s)[’']) (.+)")


def shows_a_role(phrase: str) -> bool:
    """Does a phrase say what someone is ("Labour MP", "a former ambassador to Chile",
    "director of the port"): a role word heads one of its comma-separated parts (the last
    word before a preposition)?  Not only a courtesy title ("Mr."), a piece of a name
    ("Daniel B."), a place or an occasion ("in Washington"), a thing ("statement",
    "invitation to the President") or people at large ("the people")."""
    for part in phrase.split(","):
        ws = []
        for w in re.findall(r"[A-Za-z][\w\-’']*\.?", part):
            if fold(w.rstrip(".")) in _ROLE_STOP:
                break
            ws.append(w)
        if not ws:
            continue
        w = ws[-1]
        f = fold(bare_word(w).rstrip("."))
        if f in _COURTESY or f in DOC_HEADS and f not in TITLES or f in _PEOPLE:
            continue
        if f in TITLES or f in ROLE_LOWER or f in ANON_HEADS or w[:1].islower() and role_noun(f) \
                or w.isupper() and w.isalpha() and 2 <= len(w) <= 4:
            return True           # ("MP", "CEO": an office by its letters; "Mueller": a name)
    return False


_ROLE_STOP = words_of("of for to at in with from on by as who which whose")
_PEOPLE = words_of("people person man woman men women guy guys")


def _country_name(m0: Entity, members: list[Entity]) -> str:
    for m in members:
        for s in m.mentions:
            for w in re.findall(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)*", s.replace("’s", "").replace("'s", "")):
                w = re.sub(r"^The\s+", "", w)
                if place_key(w) == m0.country and not w.endswith(("n", "h")):
                    return w
    return m0.country.title() if m0.country and len(m0.country) > 3 else (m0.country or "").upper()



def inherit_same_words(recs: list[QRec], articles) -> None:
    """An unattributed quotation whose words are quoted with a speaker elsewhere."""
    keyed: dict[str, list[QRec]] = {}
    for r in recs:
        if r.entity is not None and r.raw.depth == 0:
            keyed.setdefault(_words_of(r, articles), []).append(r)
    for r in recs:
        if r.entity is not None or r.raw.depth:
            continue
        t = _words_of(r, articles)
        if len(t.split()) < 2 or t not in keyed or names_a_thing(articles[r.a].shown, r.raw):
            continue
        src = keyed[t]
        same = [x for x in src if x.a == r.a] or src
        r.entity, r.how = same[0].entity, "inferred"
        r.mention, r.cue = "", ""


# ---------------------------------------------------------------- the people table

_RUN = re.compile(r"[A-Z][\w’'\-]*\.?(?:[ \t]+(?:[A-Z][\w’'\-]*\.?|(?:de|van|von|bin|al|la|le|da|"
                  r"di|du|der|den|el|ibn|dos|das)(?=[ \t]+[A-Z])))*")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _words_before(text: str, lo: int, hi: int) -> str | None:
    r"""The one to three words that end at hi (a line's end just before hi aside), each
    followed by spaces or tabs, none before lo: what the search of
    r"((?:[A-Za-z][\w\-]*[ \t]+){1,3})$" in text[lo:hi] finds, read backwards from hi
    (the search tried every start in the window: a third of People.read on a long text)."""
    if hi > lo and text[hi - 1] == "\n":
        hi -= 1
    j, best = hi, -1
    for _ in range(3):
        k = j
        while k > lo and text[k - 1] in " \t":
            k -= 1
        if k == j:
            break                 # no space before: no further word
        e = k
        while k > lo and (text[k - 1].isalnum() or text[k - 1] in "_-"):
            k -= 1
        p = k
        while p < e and text[p] not in _ASCII_LETTERS:
            p += 1
        if p == e:
            break
        best = p
        if p != k:
            break                 # the word starts inside a run: nothing before it counts
        j = k
    return text[best:hi] if best >= 0 else None


_BEFORE_COMMA = re.compile(r"\b(?:the|a|an)[ \t]+((?:[\w\-’']+[ \t]+){0,3}[a-z][\w\-]*),[ \t]+$",
                           re.I)
_APPOS = re.compile(r",[ \t]+(?:the|a|an|[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?[’']s)[ \t]+((?:[\w\-’']+[ \t]+){0,5}?)([a-z][\w\-]*)[ \t]*"
                    r"(?:,|of\b|for\b|at\b|in\b|to\b|—|\.)")
MODIFIERS = words_of("vice deputy acting former ex assistant associate lieutenant under co interim "
                     "first")


_LEADS = words_of("president premier minister chancellor king queen dictator emperor monarch "
                  "prince chairman")


def same_role(asked: str, given: str) -> bool:
    """Does a role phrase ("the leader") name the holder of a given role ("prime minister")?
    The same role, or "leader" for whoever heads a state or party."""
    if asked == given:
        return True
    a, g = asked.split(), given.split()
    return a[-1] == "leader" and g[-1] in _LEADS and a[:-1] == [w for w in g[:-1] if w in MODIFIERS]


def role_key(words) -> str:
    """A role as its head noun and the modifiers that change who holds it: "former Vice
    President" -> "former vice president"; "North Korean dictator" -> "dictator"."""
    ws = [fold(w.rstrip(".")) for w in words]
    ws = [w for w in ws if w]
    if not ws:
        return ""
    return " ".join(sorted(w for w in ws[:-1] if w in MODIFIERS) + [ws[-1]])
@dataclass
class Person:
    """A full name the text gives, with the roles it is given ("President", "the dictator")."""
    full: str
    first: str
    surname: str
    roles: set[str] = field(default_factory=set)
    seen: list[int] = field(default_factory=list)   # offsets where the article names them
    kin: bool = False     # introduced as someone's relative ("his wife Ada Kerr")


_COURTESY = words_of("mr mrs ms miss mx dr")
# who a relative is to the person the story is about: a relative introduced so ("his wife
# Ada Kerr", "first lady Ada Kerr") is named in full or by given name after that; the
# surname alone still stands for the one the story is about
_KIN = words_of("wife husband spouse son daughter sister brother mother father widow widower "
                "grandson granddaughter grandmother grandfather niece nephew cousin lady "
                "stepson stepdaughter stepmother stepfather fiancee fiance")


@lru_cache(maxsize=65536)
def _parse_run(run: str) -> tuple[int, tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None:
    """A run of capitalised words -> (the words cut off before a possessive, its titles, the
    name, the words before the name folded), or None when it holds no name of one to four
    words.  Read once per distinct run: a long article repeats its names thousands of times."""
    words = run.split()
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if bare_word(w) != w), default=0)
    words = words[cut:]          # "North Korea’s Kim Jong Un": the name after the ’s
    k = 0
    titles = []
    while k < len(words) - 1 and _title_word(words[k]):
        titles.append(fold(words[k].rstrip(".")))   # "Columnist Ada Kerr"
        k += 1
    name = [w for w in words[k:]]
    while name and not _name_word(name[-1]) and not (
            len(name) > 1 and fold(bare_word(name[-1])) in SURNAME_WORDS
            and _name_word(name[-2]) and not name[-2].endswith(".")):
        name.pop()        # (but "George Will", "Ian Read": a surname)
    bad = [i for i, w in enumerate(name) if not _name_word(w) and not (
        i == len(name) - 1 and fold(bare_word(w)) in SURNAME_WORDS)]
    if bad:                       # "Secretary of State Mike Pompeo": the name at the end
        name = name[bad[-1] + 1:]
    while len(name) > 2 and place_key(" ".join(name[:2])):
        name = name[2:]           # "United States Donald Trump"
    if not name or len(name) > 4:
        return None
    prefix = [fold(w.rstrip(".")) for w in words[:len(words) - len(name)]]
    if prefix and prefix[-1] in TITLES:
        titles = prefix       # "Israeli Prime Minister Ada Kerr" -> minister
    return cut, tuple(titles), tuple(name), tuple(prefix)


class People:
    """Every personal name in the corpus, outside quotations, per article: the table a lone
    surname or a role phrase is resolved against ("Trump" -> "Donald Trump", "Kim" -> "Kim
    Jong Un", "the president" -> the person the article titled President)."""

    def __init__(self) -> None:
        self.by_article: dict[int, dict[str, Person]] = {}
        # lone names ("President Trump", "Mr. Kim", "Trump"), by article and word: the offsets
        # where they stand, and the roles their titles give
        self.lone_at: dict[tuple[int, str], list[int]] = {}
        self.lone_titles: dict[tuple[int, str], set[str]] = {}
        self.lone_roles: dict[tuple[int, str], list[tuple[int, str]]] = {}   # role -> (offset, word)
        self.lone_role_names: dict[int, set[str]] = {}
        self.named: dict[tuple[str, str], list[tuple[int, Person]]] = {}     # (attr, word) -> people
        self._named_in: dict[tuple[str, str, int], list[Person]] = {}      # the same, per article
        # what the whole corpus says, read once all articles are (a lone name and the titles
        # its article gives it, a role no one holds in the article): the same in every article
        self._corpus_name: dict[tuple[str, frozenset[str]], Person | None] = {}
        self._corpus_holder: dict[str, Person | None] = {}
        self._roled: dict[int, list[Person]] = {}                 # by_role's index
        self._by_role: dict[tuple[int, str], list[tuple[int, int]]] = {}
        self._given: dict[int, dict[str, list[int]]] = {}           # role -> ranks

    def read(self, a: int, text: str) -> None:
        """Collect the names of article a from its masked text."""
        table = self.by_article.setdefault(a, {})
        self._roled.clear()
        self._by_role.clear()
        self._given.clear()
        self._corpus_name.clear()
        self._corpus_holder.clear()
        starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        titled: dict[int, bool] = {}      # line -> is it a Title Case Headline?
        for mm in _RUN.finditer(text):
            parsed = _parse_run(mm.group())
            if parsed is None:
                continue
            li = bisect.bisect_right(starts, mm.start()) - 1
            if li not in titled:
                end = starts[li + 1] if li + 1 < len(starts) else len(text)
                titled[li] = title_case(text[starts[li]:end])
            if titled[li]:
                continue                  # a Title Case Headline: its capitals name nothing
            cut, titles, name, prefix = parsed
            start = mm.end() - len(" ".join(name))
            before = []
            if not cut:
                pre = _words_before(text, max(0, mm.start() - 40), mm.start())
                before = [fold(w) for w in pre.split()] if pre else []
                if not pre and text[mm.end():mm.end() + 1] in (",", "."):
                    # "the North's leader, Kim Jong-un,": a role set before the name
                    pre = _BEFORE_COMMA.search(text, max(0, mm.start() - 50), mm.start())
                    before = [fold(w) for w in pre.group(1).split()] if pre else []
            roles = set()
            if titles:                    # "former Vice President Ada Kerr" -> former vice president
                roles.add(role_key([w for w in before if w in MODIFIERS] + list(titles)))
            elif before and before[-1].isalpha() and role_noun(before[-1]):
                roles.add(role_key(before))  # "North Korean dictator Kim Jong Un" -> dictator
            if len(name) == 1:
                w = fold(bare_word(name[0]))
                self.lone_at.setdefault((a, w), []).append(start)
                for r in roles:
                    if r and r not in _COURTESY:
                        self.lone_titles.setdefault((a, w), set()).add(r)
                        self.lone_roles.setdefault((a, r), []).append((start, w))
                        self.lone_role_names.setdefault(a, set()).add(r)
                continue
            ap = _APPOS.match(text, mm.end())
            if ap and role_noun(ap.group(2)):
                roles.add(role_key(ap.group(1).split() + [ap.group(2)]))
            full = " ".join(name[:-1] + (bare_word(name[-1]),))
            key = name_key(full)
            p = table.get(key)
            if p is None:
                p = table[key] = Person(full, fold(name[0]), fold(bare_word(name[-1])))
                for attr, word in (("surname", p.surname), ("first", p.first)):
                    self.named.setdefault((attr, word), []).append((a, p))
                    self._named_in.setdefault((attr, word, a), []).append(p)
            p.roles |= {r for r in roles if r}
            if not p.seen and (prefix or before)[-1:] and (prefix or before)[-1] in _KIN:
                p.kin = True      # "his wife Ada Kerr", "First Lady Ada Kerr"
            p.seen.append(start)

    def _fits(self, a: int, p: Person, w: str) -> bool:
        """Can article a's lone name w be p? Not when the article titles the lone name with a
        role p was never given ("President Trump and Melania Trump")."""
        titled = self.lone_titles.get((a, w))
        return not titled or not p.roles or bool(titled & p.roles) or any(
            r.split()[-1] == q.split()[-1] for r in titled for q in p.roles)

    def full_name(self, a: int, word: str, pos: int) -> Person | None:
        """The person a lone name stands for: in its article, by surname, else by given name
        when no surname matches ("Kim" -> "Kim Jong Un"), the one the article named last
        before pos among those it fits; else, in the corpus, the one person of that name who
        fits, or the one named in most articles, twice as many as any other."""
        w = fold(word)
        for attr in ("surname", "first"):
            found = [p for p in self._named_in.get((attr, w, a), ()) if self._fits(a, p, w)]
            titled = self.lone_titles.get((a, w))
            if len(found) > 1 and titled:   # "Mayor Kerr": the Kerr who is mayor
                found = [p for p in found if p.roles & titled] or found
            if len(found) > 1 and attr == "surname":   # not the Kerr met as "his wife"
                found = [p for p in found if not p.kin] or found
            if len(found) == 1:
                return found[0]
            before = [(_last_before(p.seen, pos), p) for p in found]
            before = [x for x in before if x[0] >= 0]
            if before:
                return max(before, key=lambda x: x[0])[1]
            if found:
                return None
        # who fits depends on the article only through the titles it gives the lone name
        key = (w, frozenset(self.lone_titles.get((a, w)) or ()))
        if key not in self._corpus_name:
            self._corpus_name[key] = self._in_corpus(a, w)
        return self._corpus_name[key]

    def _in_corpus(self, a: int, w: str) -> Person | None:
        """The one person of that name in the corpus who fits article a's lone name w, or
        the one named in most articles, twice as many as any other."""
        for attr in ("surname", "first"):
            counts: dict[str, int] = {}
            who: dict[str, Person] = {}
            for _, p in self.named.get((attr, w), ()):
                if self._fits(a, p, w):
                    k = name_key(p.full)
                    counts[k] = counts.get(k, 0) + 1
                    who.setdefault(k, p)
            if counts:
                ranked = sorted(counts.values(), reverse=True)
                if attr == "first" and ranked[0] < 2:
                    return None     # a given name alone: only a person the corpus names often
                if len(ranked) == 1 or ranked[0] >= 2 * ranked[1]:
                    return who[max(counts, key=lambda k: counts[k])]
                return None
        return None

    def _role_index(self, a: int, role: str) -> list[tuple[int, int]]:
        """(offset, rank) where article a names a person it gave this role (their full
        name, or their surname alone), sorted; rank: the person's place in the article's
        table (self._roled[a]).  Built once per article and role, after reading."""
        held = self._by_role.get((a, role))
        if held is None:
            if a not in self._roled:
                self._roled[a] = [p for p in self.by_article.get(a, {}).values() if p.roles]
                given: dict[str, list[int]] = {}
                for rank, p in enumerate(self._roled[a]):
                    for r in p.roles:
                        given.setdefault(r, []).append(rank)
                self._given[a] = given
            given = self._given[a]
            if role.rsplit(" ", 1)[-1] == "leader":
                keys = [r for r in given if same_role(role, r)]
            else:                 # any other role names only its own holders
                keys = [role] if role in given else []
            ranks = sorted({rank for r in keys for rank in given[r]})
            held = []
            for rank in ranks:
                p = self._roled[a][rank]
                held.extend((o, rank) for o in p.seen)
                held.extend((o, rank) for o in self.lone_at.get((a, p.surname), []))
            held.sort()
            self._by_role[(a, role)] = held
        return held

    def by_role(self, a: int, role: str, pos: int) -> Person | None:
        """The person article a last named, before pos, among those it gave this role (a
        full name, or a lone name with that title: "President Trump")."""
        best, best_pos = None, -1
        held = self._role_index(a, role)
        k = bisect.bisect_left(held, (pos, -1))
        if k:
            best_pos, at = held[k - 1][0], held[k - 1][1]
            # the first person in article order named at that offset
            while k > 1 and held[k - 2][0] == best_pos:
                k -= 1
                at = held[k - 1][1]
            best = self._roled[a][at]
        for r in self.lone_role_names.get(a, ()):
            if not same_role(role, r):
                continue
            held = self.lone_roles[(a, r)]
            k = bisect.bisect_left(held, (pos, ""))
            if k and held[k - 1][0] > best_pos:
                s, w = held[k - 1]
                p = self.full_name(a, w, pos)
                best, best_pos = (p or Person(w.title(), "", w)), s
        return best


    def only_holder(self, a: int, role: str) -> Person | None:
        """The one person article a gives this role anywhere ("The US President will come"
        before "President Ada Kerr" is named), None when none or several hold it."""
        found: dict[str, Person] = {}
        for p in self.by_article.get(a, {}).values():
            if p.roles and any(same_role(role, r) for r in p.roles):
                found.setdefault(name_key(p.full), p)
        for r in self.lone_role_names.get(a, ()):
            if same_role(role, r):
                for _, w in self.lone_roles[(a, r)]:
                    p = self.full_name(a, w, 10**9) or Person(w.title(), "", w)
                    found.setdefault(name_key(p.full), p)
        if not found:         # the article titles no one so: the one the corpus titles so
            if role not in self._corpus_holder:
                self._corpus_holder[role] = self._holder_in_corpus(role)
            return self._corpus_holder[role]
        return next(iter(found.values())) if len(found) == 1 else None

    def _holder_in_corpus(self, role: str) -> Person | None:
        """The person the corpus gives this role most often, twice as often as any other."""
        found: dict[str, Person] = {}
        counts: dict[str, int] = {}
        for b, table in self.by_article.items():
            for p in table.values():
                if p.roles and any(same_role(role, r) for r in p.roles):
                    found.setdefault(name_key(p.full), p)
                    counts[name_key(p.full)] = counts.get(name_key(p.full), 0) + 1
            for r in self.lone_role_names.get(b, ()):
                if same_role(role, r):
                    for _, w in self.lone_roles[(b, r)]:
                        p = self.full_name(b, w, 10**9)
                        if p is not None:
                            found.setdefault(name_key(p.full), p)
                            counts[name_key(p.full)] = counts.get(name_key(p.full), 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if len(ranked) > 1 and ranked[0] < 2 * ranked[1]:
            return None
        return found[max(counts, key=lambda k: counts[k])] if counts else None


def _last_before(offsets: list[int], pos: int) -> int:
    """The last of the sorted offsets before pos, -1 if none."""
    k = bisect.bisect_left(offsets, pos)
    return offsets[k - 1] if k else -1




@lru_cache(maxsize=65536)
def name_key(full: str) -> str:
    """One key for the spellings of a name: "Kim Jong-un", "Kim Jong Un" -> "kimjongun"."""
    return "".join(c for c in fold(full) if c.isalpha())


@lru_cache(maxsize=65536)
def bare_word(w: str) -> str:
    """A name word without its possessive: Trump’s -> Trump."""
    for suf in ("’s", "'s"):
        if w.endswith(suf):
            return w[:-2]
    return w.rstrip("’'") if w.endswith(("s’", "s'")) else w


@lru_cache(maxsize=65536)
def _title_word(w: str) -> bool:
    """A title or role word before a name: "Sen.", "Senators", "Columnist"."""
    f = fold(w.rstrip("."))
    return f in TITLES or singular_word(f) in TITLES or f in ROLE_LOWER


@lru_cache(maxsize=65536)
def _name_word(w: str) -> bool:
    b = fold(bare_word(w).rstrip("."))
    if not w[:1].isupper() or b in FUNC_CAP or b in DAYS or b in ORG_WORDS or b in MEDIA_WORDS \
            or b in TITLES or b in PARTY or singular_word(b) in TITLES:
        return False
    if len(w) > 1 and w.isupper() and not w.endswith("."):
        return False          # acronyms
    if w.endswith(".") and len(w) > 2 and b not in ("jr", "sr"):
        return False          # a sentence end, not an initial
    return place_key(bare_word(w)) is None
