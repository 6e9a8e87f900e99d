"""merge_across joins the same speakers, under the same roots, as the pairwise walk it
replaced (a surname group walked by its first names' first holders, a lone surname's one
speaker found once per surname, each organisation read once): invented registries."""
from __future__ import annotations

import random
import re

from tui.engine.quotes.naming import (Entity, Registry, first_compatible, fold, name_key,
                                      org_tokens, singular)


def _reference(reg: Registry) -> None:
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


FIRSTS = ["don", "donald", "donny", "mike", "michael", "bill", "william", "will", "ada", "al",
          "albert", "alb", "jo", "joe", "joseph", ""]
SURNAMES = ["kerr", "dane", "moor", "bell"]
ORGS = ["Ministry of Defence", "ministry", "the Defence Ministry", "Harbour Board",
        "the board", "Harbour", "Daily Courier", "courier", "State Department",
        "the department", "Northgate Rail", "northgate", "Board", "Courier", "Defence"]
COUNTRIES = [None, None, "norway", "chile"]


def _registry(rng: random.Random) -> Registry:
    reg = Registry()
    n = rng.randint(1, 60)
    for i in range(n):
        kind = rng.choice(["person", "person", "person", "organisation", "media", "anonymous",
                           "place", "document"])
        if kind == "person":
            first, sur = rng.choice(FIRSTS), rng.choice(SURNAMES)
            name = f"{first.title()} {sur.title()}".strip()
            parts = (name, "Ivo Dane") if rng.random() < 0.05 else ()
            e = Entity(i, rng.randint(0, 5), kind, name, surname=sur, first=first, parts=parts)
        elif kind in ("organisation", "media", "document"):
            e = Entity(i, rng.randint(0, 5), kind, rng.choice(ORGS),
                       country=rng.choice(COUNTRIES), level=rng.choice([2, 2, 1]))
        elif kind == "anonymous":
            intro = rng.choice(["a senior defense official", "the official", "two aides"])
            e = Entity(i, rng.randint(0, 5), kind, intro, intro=intro,
                       mentions=[rng.choice(["the senior U.S. defense official", "he", "aides"])])
        else:
            e = Entity(i, rng.randint(0, 5), kind, "Norway", country=rng.choice(COUNTRIES))
        reg.entities.append(e)
        reg.parent.append(i)
    for _ in range(rng.randint(0, n // 3)):        # speakers already joined in their article
        a, b = rng.randrange(n), rng.randrange(n)
        reg.union(a, b)
    return reg


def _copy(reg: Registry) -> Registry:
    other = Registry()
    other.entities = reg.entities
    other.parent = list(reg.parent)
    return other


def test_same_roots_as_the_pairwise_walk():
    rng = random.Random(7)
    for _ in range(1500):
        reg = _registry(rng)
        ref = _copy(reg)
        _reference(ref)
        from tui.engine.quotes.naming import merge_across
        merge_across(reg)
        assert [reg.find(i) for i in range(len(reg.entities))] == \
            [ref.find(i) for i in range(len(ref.entities))]
