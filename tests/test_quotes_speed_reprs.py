"""The quotes' dataclasses share one __repr__ (fields_repr) rather than each compiling its
own: it must write what @dataclass writes, nested and self-containing values included."""
from __future__ import annotations

import dataclasses

import pytest

from tui.engine.quotes.article import Ctx, Event
from tui.engine.quotes.attribution import QRec
from tui.engine.quotes.marks import RawQuote
from tui.engine.quotes.naming import Entity, Person
from tui.engine.quotes.subjects import Mention
from tui.engine.quotes.words import Tok, fields_repr, tokenize

CLASSES = [Tok, Mention, RawQuote, Entity, Person, Event, Ctx, QRec]


def _as_dataclass_writes(obj) -> str:
    fs = dataclasses.fields(obj)
    names = [f.name for f in fs]
    twin = dataclasses.make_dataclass(type(obj).__name__,
                                      [(f.name, f.type, dataclasses.field(repr=f.repr)) for f in fs])
    return repr(twin(*[getattr(obj, n) for n in names]))


def _instance(cls):
    values = {f.name: (f.default if f.default is not dataclasses.MISSING else
                       f.default_factory() if f.default_factory is not dataclasses.MISSING
                       else i) for i, f in enumerate(dataclasses.fields(cls))}
    return cls(**values)


@pytest.mark.parametrize("cls", CLASSES)
def test_each_class_is_written_as_dataclass_writes_it(cls):
    assert cls.__repr__ is fields_repr
    obj = _instance(cls)
    assert repr(obj) == _as_dataclass_writes(obj)
    assert repr(obj).startswith(cls.__name__ + "(") and "=" in repr(obj)
    if cls is QRec:
        assert "norm=" not in repr(obj)     # a field left out of the repr stays out


def test_nested_and_self_containing_values():
    toks = tokenize("“We will rebuild,” Ada Kerr said.")
    m = Mention(20, 28, "Ada Kerr", "person", "Ada Kerr")
    ev = Event(5, 29, 0, 0, "said", m)
    assert repr(ev) == _as_dataclass_writes(ev) and "Mention(start=20" in repr(ev)
    assert repr(toks) == "[" + ", ".join(_as_dataclass_writes(t) for t in toks) + "]"
    e = Entity(1, 0, "person", "Ada Kerr")
    e.mentions.append(e)        # (no such cycle in the engine: repr still ends)
    assert "mentions=[...]" in repr(e)
