"""Alignment invariants, on the seeds and on small invented corpora."""
from __future__ import annotations

from tui.engine import analyse
from tui.engine.align import relation


def test_symmetric_and_unique_iff_no_matches(seeds_analysis):
    an = seeds_analysis
    for a, art in enumerate(an.articles):
        for s in art.sentences:
            al = an.at(a, s.i)
            assert al.unique == (not al.matches)
            for m in al.matches:
                assert m.article != a
                back = [x for x in an.at(m.article, m.i).matches if x.article == a and x.i == s.i]
                assert len(back) == 1
                assert back[0].relation == m.relation and back[0].score == m.score
                assert m.relation in ("verbatim", "edited", "paraphrase")
                assert 0 < m.score <= 100


def test_offsets_exact(seeds_analysis):
    for a, art in enumerate(seeds_analysis.articles):
        prev_end = 0
        for s in art.sentences:
            assert art.text[s.start:s.end] == s.text
            assert s.start >= prev_end and art.text[prev_end:s.start].strip("\ufeff \n\t\u00a0") == ""
            prev_end = s.end
            al = seeds_analysis.at(a, s.i)
            for x, y in al.added + al.changed:
                assert s.start <= x < y <= s.end


def test_deterministic(seeds_dir):
    from tui.engine.export import to_json

    assert to_json(analyse([str(seeds_dir)])) == to_json(analyse([str(seeds_dir)]))


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return p


def test_moved_edited_and_unique(tmp_path):
    _write(tmp_path, "a.txt",
           "Flood hits the valley\n\n"
           "Heavy rain flooded the river valley on Monday, forcing 300 families from their homes.\n\n"
           "The mayor declared a state of emergency and opened three shelters.\n\n"
           "Local farmers said the harvest was ruined.\n")
    _write(tmp_path, "b.txt",
           "Valley flooded\n\n"
           "The mayor has declared a state of emergency and opened several shelters, officials said.\n\n"
           "A rescue helicopter crashed near the dam, injuring two crew members.\n\n"
           "Heavy rain flooded the river valley on Monday, forcing 300 families from their homes.\n")
    an = analyse([str(tmp_path)])
    a, b = an.articles
    txt = {(k, s.i): s.text for k, art in enumerate(an.articles) for s in art.sentences}

    def matched(k, needle):
        i = next(s.i for s in an.articles[k].sentences if needle in s.text)
        return {(m.article, txt[(m.article, m.i)][:20]) for m in an.at(k, i).matches}, i

    got, _ = matched(0, "Heavy rain")
    assert (1, "Heavy rain flooded t") in got  # moved, verbatim (b's headline may join too)
    i = next(s.i for s in a.sentences if "Heavy rain" in s.text)
    j = next(s.i for s in b.sentences if "Heavy rain" in s.text)
    assert [m.relation for m in an.at(0, i).matches if m.i == j] == ["verbatim"]
    got, i = matched(0, "The mayor declared")
    assert got == {(1, "The mayor has declar")}  # edited
    m = an.at(0, i).matches[0]
    assert m.relation == "edited"
    changed = [an.articles[0].text[x:y] for x, y in m.changed]
    assert "three" in changed
    got, i = matched(1, "The mayor has")
    added = [an.articles[1].text[x:y] for x, y in an.at(1, i).added]
    assert any("officials" in w for w in added)
    assert an.at(0, next(s.i for s in a.sentences if "farmers" in s.text)).unique
    assert an.at(1, next(s.i for s in b.sentences if "helicopter" in s.text)).unique


def test_relation_levels():
    s = "The mayor declared a state of emergency on Monday."
    assert relation(s, "The mayor declared a state of emergency on Monday") == "verbatim"
    assert relation(s, "The mayor declared a state of emergency on Monday, officials said.") == "edited"
    assert relation(s, "An emergency was announced by the city's leader at the start of the week.") \
        == "paraphrase"


def test_page_furniture_never_aligns(tmp_path):
    body = "The council approved the new budget on Monday after a long debate.\n\n"
    _write(tmp_path, "a.txt", "Budget passes\n\ndate 2024-05-01\n\n" + body + "Read more at Example.com\n")
    _write(tmp_path, "b.txt", "Council backs budget\n\ndate 2024-05-01\n\n" + body + "Read more at Example.com\n")
    an = analyse([str(tmp_path)])
    for a, art in enumerate(an.articles):
        for s in art.sentences:
            if s.role in ("dateline", "read-more"):
                assert an.is_unique(a, s.i), s.text
            elif "council approved" in s.text:
                assert not an.is_unique(a, s.i)
    for a, art in enumerate(an.articles):
        # unmatched furniture is unique, but it is no addition to the story
        assert [s.i for s in art.sentences if s.role == "read-more"][0] in an.additions(a)
        assert an.additions(a, furniture=False) == [
            i for i in an.additions(a) if not art.sentences[i].boilerplate]
        assert an.prose(a) == sum(not s.boilerplate for s in art.sentences)


def test_changed_spans_merged_and_ordered(seeds_analysis):
    for a, art in enumerate(seeds_analysis.articles):
        for s in art.sentences:
            for spans in [seeds_analysis.at(a, s.i).changed] + [
                    m.changed for m in seeds_analysis.at(a, s.i).matches]:
                assert list(spans) == sorted(spans)
                assert all(b0 > a1 for (_, a1), (b0, _) in zip(spans, spans[1:]))


def test_progress_is_reported_and_ends_at_total(seeds_dir):
    from tui.engine import analyse_corpus
    from tui.engine.corpus import load_corpus

    seen = []
    analyse_corpus(load_corpus([str(seeds_dir)]), progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_stopwords_are_stopwords_after_stemming():
    from tui.engine.align import _families

    # "why" stems to "whi", "very" to "veri": neither is content
    assert _families("If not, why not?") == []
    assert _families("It was very large") == ["larg"]
    assert _families("One balloon, three buses") == ["1", "ballo", "3", "buse"]  # numbers stay


def test_one_word_sentence_does_not_bridge_groups(tmp_path):
    _write(tmp_path, "a.txt", "Flood report\n\nThe assessment of the dam found deep cracks in its wall.\n")
    _write(tmp_path, "b.txt", "Dam report\n\nOur assessment is it does not.\n\n"
           "Engineers assessing the levee said it would hold through the weekend storm.\n")
    an = analyse([str(tmp_path)])
    b = an.articles[1]
    short = next(s.i for s in b.sentences if s.text.startswith("Our assessment"))
    assert an.is_unique(1, short)
