"""One article while it is read: its masked text, tokens, sentences and speech events.

Takes nothing but what `find_quotes` builds; gives the shared state of the steps (`Ctx`)
and the `Event` record a cue fills (the verb, its sentence, the mention of its subject).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Article
from .words import Tok, fold

if TYPE_CHECKING:
    from .naming import Entity, People
    from .subjects import Mention

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
    noun: bool = False           # a noun of saying ("Kerr's warning"), not a verb


class Timeline:
    """Entities by the offset where they speak, kept in order; read backwards from a point."""

    def __init__(self) -> None:
        self.keys: list[int] = []
        self.items: list[tuple[int, Entity]] = []

    def add(self, pos: int, e: Entity) -> None:
        k = bisect.bisect_right(self.keys, pos)
        self.keys.insert(k, pos)
        self.items.insert(k, (pos, e))

    def before(self, pos: int, limit: int = 400):
        """(offset, entity) strictly before pos, the nearest first, at most `limit`."""
        k = bisect.bisect_left(self.keys, pos)
        for i in range(k - 1, max(-1, k - 1 - limit), -1):
            yield self.items[i]


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
    history: Timeline = field(default_factory=lambda: Timeline())  # who spoke, by offset
    quoted: Timeline = field(default_factory=lambda: Timeline())   # quote speakers, by offset
    event_pos: list[int] = field(default_factory=list)             # offsets of `events`
    people: People | None = None                                    # the corpus's names
    sent_toks: dict[int, list[Tok]] = field(default_factory=dict)   # sentences read late
    outlets: frozenset[str] | None = None                            # this article's outlet
    clause_mentions: dict[int, list] = field(default_factory=dict)   # sentence -> subjects read



def sentence_of(ctx: Ctx, pos: int) -> int:
    return max(0, bisect.bisect_right(ctx.sent_starts, pos) - 1)


def tok_at(ctx: Ctx, pos: int) -> int:
    """Index of the first token starting at or after pos."""
    return bisect.bisect_left(ctx.starts, pos)


def outlets_of(ctx: Ctx) -> frozenset[str]:
    if ctx.outlets is None:
        ctx.outlets = frozenset(fold(x) for x in (ctx.art.outlet, ctx.art.wire) if x)
    return ctx.outlets


