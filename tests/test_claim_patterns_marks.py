"""claim.py's patterns that hold curly quote marks read a text with the marks replaced by
stand-ins (so they compile with Latin-1 classes): they must find what the patterns as
written find in the text itself, on every branch.  Every sentence here is invented."""
from __future__ import annotations

import random
import re

import pytest

from tui.engine import claim
from tui.engine.claim import _MARKS, _STAND_INS, _Patterns, _as_read, is_question, preamble_end, tag_spans

NAMES = ("lead", "trail", "middle", "head_lead", "head_trail", "colon_lead", "dateline", "marker",
         "question")
EXACT = _Patterns({})

# sentences that reach each branch of the patterns (leads, trails, middles, headlines,
# colon leads, datelines, markers, questions), each with straight and curly marks
SENTENCES = [
    "The harbour authority said that the ferry will resume sailing on Monday.",
    "Lena Fisk, a spokeswoman for the water board, said the pipes were safe.",
    "The water board told residents on Tuesday that the pipes were safe.",
    "The mayor said on Monday, “We will rebuild the pier.”",
    "The mayor said: the pier will be rebuilt.",
    "The board’s report claims that the pipes were safe.",
    "“We will rebuild the pier by spring,” the harbour master said.",
    "‘We will rebuild the pier by spring,’ the harbour master said.",
    "\"We will rebuild the pier by spring,\" the harbour master said.",
    "The pier reopens in May, according to a notice posted at the gate.",
    "The deal is dead, said the senior negotiator.",
    "The deal is dead, said Chairwoman Ann O’Hara, R-Ohio, the panel’s head.",
    "The deal is dead, said the talks that were held, which failed.",
    "The deal is dead, the negotiator told reporters in Geneva, citing a memo.",
    "The deal is dead,” the negotiator said, quoting a memo.",
    "The tapes, the lawyer said, showed the meeting took place.",
    "The tapes, O’Neill’s lawyer said on Friday, showed the meeting.",
    "Harbour Board: the ferry will sail on Monday",
    "The ferry will sail on Monday: O’Hara Says",
    "Tonight I’m here to tell you one thing: the dam failed.",
    "Let me say this: “we will rebuild.”",
    "“We say this: the dam failed.",
    "SEOUL, South Korea — The talks resumed.",
    "TEL AVIV (Reuters) - The talks resumed.",
    "O’HARA’S, Ireland – The talks resumed.",
    "Washington (AFP) – Meanwhile, the talks resumed.",
    "“First, the dam failed,” she said.",
    "‘In fact, the dam failed.",
    "Why did the dam fail?”",
    "“Isn’t the dam safe?’",
    "(Who built the dam?)",
]


def _variants(rng: random.Random) -> list[str]:
    frags = ["“", "”", "‘", "’", '"', "'", "«", "»", ",", ";", ":", " ", "said", "says", "told",
             "told reporters", "according to", "the", "a", "Smith", "O’Hara", "I’m", "that",
             "on Monday", ".", "?", "!", "—", "–", "-", "(Reuters)", "SEOUL", "First", "who",
             "claims", "tell you", "we", "Kim’s", "is", "Why", "citing", "\n", "reporters"]
    out = []
    for _ in range(1500):
        out.append("".join(rng.choice(frags) + (" " if rng.random() < 0.6 else "")
                           for _ in range(rng.randint(1, 20))))
    return out


TEXTS = SENTENCES + [s.replace('"', "“").replace("'", "’") for s in SENTENCES] \
    + _variants(random.Random(16))


def _found(rx: re.Pattern, read: str, text: str) -> list:
    return [(m.span(), [text[m.start(g):m.end(g)] if m.start(g) >= 0 else None
                        for g in range(1, rx.groups + 1)]) for m in rx.finditer(read)]


def test_stand_ins_are_read_as_the_marks_are():
    # neither word characters nor spaces, as the marks; no case, and one for one
    for c in _MARKS + _STAND_INS:
        assert not re.match(r"[\w\s]", c) and c.lower() == c.upper() == c
    assert len(_MARKS) == len(_STAND_INS) == len(set(_MARKS + _STAND_INS)) // 2
    for name in NAMES:
        rx = getattr(claim._PLAIN, name)
        assert not set(_MARKS) & set(rx.pattern)
        assert getattr(EXACT, name).pattern == rx.pattern.translate(str.maketrans(_STAND_INS, _MARKS))


@pytest.mark.parametrize("name", NAMES)
def test_patterns_with_stand_ins_find_what_the_written_ones_find(name):
    plain, exact = getattr(claim._PLAIN, name), getattr(EXACT, name)
    found = 0
    for text in TEXTS:
        read, rx = _as_read(text)
        assert rx is claim._PLAIN and len(read) == len(text)
        assert _found(plain, read, text) == _found(exact, text, text), text
        m = exact.match(text)
        assert (plain.match(read) is None) == (m is None), text
        found += m is not None
    assert found or name in ("middle", "head_trail", "trail")   # each branch is reached
    assert any(exact.search(t) for t in SENTENCES), name


def test_the_sentences_reach_every_kind_of_tag():
    assert tag_spans(SENTENCES[0]) and tag_spans(SENTENCES[6]) and tag_spans(SENTENCES[15])
    assert tag_spans(SENTENCES[17], headline=True) and tag_spans(SENTENCES[19])
    assert preamble_end(SENTENCES[22]) and preamble_end(SENTENCES[26]) == 8
    assert is_question(SENTENCES[28]) and not is_question(SENTENCES[0])


def test_a_text_holding_a_stand_in_is_read_as_written():
    # a stand-in in the text is an ordinary character: the subject holds no quote mark
    text = "Mayor \x03Lena\x04 Fisk said the pool would stay closed all summer."
    read, rx = _as_read(text)
    assert read == text and rx is not claim._PLAIN
    assert [text[a:b] for a, b in tag_spans(text)] == ["Mayor \x03Lena\x04 Fisk said"]
    # where curly marks there are quotation marks, and no subject of a tag
    assert tag_spans("Mayor “Lena” Fisk said the pool would stay closed all summer.") == []
    assert preamble_end("SEOUL\x02S, South Korea — The talks resumed.") == 0
    assert preamble_end("SEOUL’S, South Korea — The talks resumed.") == 23
    assert is_question("\x01Why did the dam fail?") is False
    assert is_question("‘Why did the dam fail?") is True
