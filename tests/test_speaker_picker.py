"""The speaker picker on every real corpus in ../shared/corpora lists each person once.

Skipped when ../shared is absent.  For each event: the quotes stage on the loaded corpus,
the picker's items as the reader builds them, and the names checked as an editor would
read them: no name twice, no article suffix, no possessive or bare lower-case fragment,
and no two entries that are one person (a lone surname or given name beside the full
name, or two spellings of one name).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
EVENTS = sorted(p for p in CORPORA.glob("*") if p.is_dir()) if CORPORA.is_dir() else []


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _one_person(a: str, b: str) -> bool:
    """Would an editor read the two entries as the same person?"""
    if _key(a) == _key(b):
        return True
    wa, wb = a.split(), b.split()
    if len(wa) == 1 and len(wb) > 1:
        return wa[0] in (wb[0], wb[-1])
    if len(wb) == 1 and len(wa) > 1:
        return wb[0] in (wa[0], wa[-1])
    return False


@pytest.mark.skipif(not EVENTS, reason="../shared/corpora is not here")
@pytest.mark.parametrize("event", EVENTS, ids=lambda p: p.name)
def test_picker_lists_each_person_once(event):
    from tui.app.screens.pickers import speaker_picker
    from tui.engine.corpus import load_corpus
    from tui.engine.stages import quote_stage, start

    an = quote_stage(start(load_corpus([str(event)])), lambda _f: None)
    picker = speaker_picker(an, None)
    names = [name for name, _content, _match in picker.items]
    kinds = {sp.name: sp.kind for sp in an.speakers}
    assert names, f"{event.name}: no speaker at all"
    assert len(names) == len(set(names)), f"{event.name}: a name listed twice: {names}"
    for n in names:
        assert "(" not in n or kinds[n] == "organisation", f"{event.name}: suffix in {n!r}"
        assert not n.endswith(("’s", "'s", "’", "'")), f"{event.name}: possessive {n!r}"
        assert n[:1].isupper() or kinds[n] in ("anonymous", "organisation", "document"), \
            f"{event.name}: fragment {n!r}"
    people = [n for n in names if kinds[n] == "person"]
    for i, a in enumerate(people):
        for b in people[:i]:
            assert not _one_person(a, b), f"{event.name}: {a!r} and {b!r} are one person"
