"""Mention.but is dataclasses.replace, field for field, for every field Mention has."""
from __future__ import annotations

import dataclasses

import pytest

from tui.engine.quotes.subjects import Mention

M = Mention(3, 17, "the Harbour chief", "anonymous", "Harbour chief", role="chief of the port",
            country="norway", plural=False, level=1, head="chief", definite=True,
            surname="kerr", first="ada", parts=("Ada Kerr", "Ivo Dane"))
NEW = {"start": 1, "end": 40, "text": "Ada Kerr", "kind": "person", "name": "Ada Kerr",
       "role": "mayor", "country": "chile", "plural": True, "level": 2, "head": "mayor",
       "definite": False, "surname": "dane", "first": "ivo", "parts": ()}


def test_every_field_is_copied():
    assert {f.name for f in dataclasses.fields(Mention)} == set(NEW)
    assert M.but() == dataclasses.replace(M) and M.but() is not M


@pytest.mark.parametrize("name", sorted(NEW))
def test_each_field_changed_alone(name):
    got = M.but(**{name: NEW[name]})
    assert got == dataclasses.replace(M, **{name: NEW[name]})
    assert M.but(**{name: NEW[name]}) != M


def test_the_original_is_left_alone():
    before = dataclasses.astuple(M)
    M.but(**NEW)
    assert dataclasses.astuple(M) == before


def test_unknown_field_is_refused():
    with pytest.raises(AttributeError):
        M.but(nickname="x")
