"""The export is the engine's model written out, per ../shared/EXPORT.md."""
from __future__ import annotations

import json

from tui.engine.export import SCHEMA, to_dict, to_json


def test_schema_shape(seeds_analysis):
    doc = json.loads(to_json(seeds_analysis))
    assert doc["schema"] == SCHEMA == "synopsis.export/1"
    assert set(doc) >= {"articles", "quotes", "speakers", "topics"}
    ids = [a["id"] for a in doc["articles"]]
    assert len(ids) == len(set(ids)) == 5
    for art in doc["articles"]:
        assert set(art) >= {"id", "path", "title", "outlet", "date", "byline", "sentences"}
        for k, s in enumerate(art["sentences"]):
            assert s["i"] == k
            assert set(s) >= {"i", "start", "end", "text", "boilerplate", "status", "matches",
                              "added", "topics"}
            assert s["status"] == ("unique" if not s["matches"] else "shared")
            for m in s["matches"]:
                assert set(m) >= {"article", "i", "score", "relation", "changed"}
                assert m["article"] in ids and m["article"] != art["id"]


def test_text_equals_file_slice(seeds_analysis, seeds_dir):
    doc = to_dict(seeds_analysis)
    for art in doc["articles"]:
        text = (seeds_dir / f"{art['id']}.txt").read_text(encoding="utf-8")
        for s in art["sentences"]:
            assert text[s["start"]:s["end"]] == s["text"]


def test_metadata_from_text_clues(seeds_analysis):
    by_id = {a["id"][:3]: a for a in to_dict(seeds_analysis)["articles"]}
    assert by_id["001"]["outlet"] == "TRTWorld" and by_id["001"]["date"] == "2023-02-03"
    assert by_id["002"]["outlet"] == "DailyMail.co.uk"
    assert by_id["004"]["title"] == "Pentagon says Chinese spy balloon flew over US airspace"
    assert by_id["000"]["byline"] == "Mimi Nguyen Ly" and by_id["000"]["outlet"] is None
    assert by_id["003"]["title"] is None  # no headline in the text: unknown, not a guess
    assert by_id["004"]["outlet"] is None       # "Headline | US News": a section, not a site
    labels = {a.id[:3]: a.label for a in seeds_analysis.articles}
    assert labels["001"] == "TRTWorld" and labels["002"] == "DailyMail.co.uk"   # the outlet
    # else the file's name, never the byline, a section or a hash
    assert labels["000"] == "000" and labels["003"] == "003" and labels["004"] == "004"
