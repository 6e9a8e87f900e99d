"""The reader's text layout: words, marks and wrapping (no Textual)."""
from __future__ import annotations

import pytest

from tui.app.layout import (ADDED, ADDITION, CHANGED, Layout, cells, kind, layout, marked_lines,
                            plain, truncate, words, wrap)
from tui.engine.corpus import load_corpus
from tui.engine.model import Alignment, Match

from reader_story import SEEDS, article, story


def _text(lines) -> str:
    return " ".join(plain(r) for r in lines)


@pytest.mark.parametrize("width", [8, 13, 20, 34, 37, 60])
def test_wrapping_keeps_every_word_and_the_width(width):
    corpus = load_corpus([str(SEEDS)])
    for art in corpus.articles:
        for s in art.sentences:
            ws = words(art, s)
            lines = wrap(ws, width)
            assert all(cells(plain(r)) <= width for r in lines)
            # the lines hold the sentence as the engine shows it, nothing lost or added
            assert _text(lines).replace(" ", "") == art.shown_text(s).replace(" ", "")
            if all(w <= width for _, _, w in ws):   # no word had to be chopped
                assert _text(lines) == art.shown_text(s)


def test_markdown_punctuation_stays_glued(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# Title\n\nIt happened on [Monday](https://example.com). Then it rained.\n",
                 encoding="utf-8")
    art = load_corpus([str(p)]).articles[0]
    for s in art.sentences:
        assert _text(wrap(words(art, s), 80)) == art.shown_text(s)


def test_marks_cover_exactly_the_marked_words():
    art = article("x", [["The repairs would take six weeks, engineers said."]])
    s = art.sentences[0]
    six = art.text.index("six")
    engineers = art.text.index("engineers said")
    ws = words(art, s, added=((engineers, engineers + len("engineers said")),),
               changed=((six, six + 3),))
    runs = [r for _, rs, _ in ws for r in rs]
    assert ("six", CHANGED) in runs
    assert ("engineers", ADDED) in runs and ("said", ADDED) in runs
    # the space inside a marked phrase is marked too (one underline), not around it
    spaces = [sp for sp, rs, _ in ws]
    assert spaces[ws.index(next(w for w in ws if w[1][0][0] == "said"))] == ADDED
    assert spaces[ws.index(next(w for w in ws if w[1][0][0] == "six"))] == 0
    assert all(fl == 0 for t, fl in runs if t not in ("six", "engineers", "said"))


def test_a_word_partly_marked_is_split_into_runs():
    art = article("x", [["Bridges reopened."]])
    k = art.text.index("re")
    ws = words(art, art.sentences[0], changed=((k, k + 2),))
    assert ws[1][1] == [("re", CHANGED), ("opened.", 0)]


def test_over_long_words_are_chopped():
    art = article("x", [["See https://example.com/a/very/long/path/that/never/ends for more."]])
    lines = wrap(words(art, art.sentences[0]), 10)
    assert all(cells(plain(r)) <= 10 for r in lines)
    assert "".join(plain(r) for r in lines).replace(" ", "") == art.text.strip().replace(" ", "")


def test_layout_lines_sentences_and_paragraph_gaps():
    an = story()
    art = an.articles[0]
    lay = layout(art, 20)
    assert isinstance(lay, Layout)
    assert len(lay.first) == len(art.sentences) == len(lay.last)
    for s in art.sentences:
        assert all(lay.sentence[n] == s.i for n in range(lay.first[s.i], lay.last[s.i] + 1))
    gaps = [n for n, s in enumerate(lay.sentence) if s < 0]
    assert len(gaps) == max(s.paragraph for s in art.sentences)
    # marks never move a line break
    for s in art.sentences:
        assert len(marked_lines(an, 0, s.i, 20)) == lay.last[s.i] - lay.first[s.i] + 1
    assert lay.sentence_at(gaps[0]) == lay.sentence[gaps[0] + 1]
    assert lay.sentence_at(gaps[0], forward=False) == lay.sentence[gaps[0] - 1]


def test_kind_and_relation():
    an = story()
    assert kind(None, 0, 0) == "pending"
    assert kind(an, 0, 5) == ADDITION
    assert kind(an, 0, 6) == "verbatim"
    assert kind(an, 0, 3) == "edited"
    al = Alignment(matches=(Match(1, 0, 50, "paraphrase"), Match(2, 0, 90, "edited")))
    assert al.relation == "edited"
    assert Alignment().relation is None


def test_truncate():
    assert truncate("abcdef", 6) == "abcdef"
    assert truncate("abcdef", 4) == "abc…"
    assert cells(truncate("日本語のテキスト", 7)) <= 7
