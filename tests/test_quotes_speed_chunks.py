"""A run of letters only is read as one word without the token pattern: the same tokens
as _TOKEN finds in it (letters of any script, capitals, the surname words)."""
from __future__ import annotations

from pathlib import Path

from tui.engine.quotes.words import _read_chunk, _read_tokens, tokenize

ROOT = Path(__file__).resolve().parent.parent


def test_runs_of_letters_read_as_the_pattern_reads_them():
    runs = {"the", "The", "said", "Will", "will", "READ", "Read", "x", "X", "İstanbul", "straße",
            "ΑΘΗΝΑ", "Ωmega", "東京", "ǅemal", "ǈ", "ﬁne", "Ⅻ", "Kerr", "NATO", "naïve"}
    for path in sorted((ROOT / "seeds").iterdir()):
        if path.is_file():
            runs |= set(path.read_text(encoding="utf-8", errors="ignore").split())
    letters = [r for r in runs if r.isalpha()]
    assert len(letters) > 500
    for run in sorted(letters):
        assert _read_chunk(run) == _read_tokens(run), run
        assert len(_read_chunk(run)) == 1
    # and in a sentence, among runs that are not letters only
    toks = tokenize("“Will Kerr,” said Ada Read of NATO’s İstanbul office.")
    assert [(t.text, t.low, t.cap, t.proper) for t in toks[1:3]] == [
        ("Will", "will", True, False), ("Kerr", "kerr", True, False)]
    assert [(t.text, t.proper) for t in toks if t.text == "Read"] == [("Read", True)]
