"""Corrections: their lines, the corpus file kept as written, and each kind applied last
(effect on unique, groups, speakers); a correction that no longer fits is reported, never
applied to another sentence."""
from __future__ import annotations

import dataclasses
import json
import os
import stat

import pytest
from reader_story import STORY_TEXTS, story, write_story

from tui.engine import corrections as C
from tui.engine.correct import apply
from tui.engine.corpus import load_corpus
from tui.engine.export import to_dict
from tui.pipeline import open_analysis

ALPHA, BETA, GAMMA = 0, 1, 2


def line(kind: str, an, *sentences) -> C.Correction:
    return C.about_sentences(kind, an.articles, *sentences)


# ---------------------------------------------------------------- lines

@pytest.mark.parametrize("text", [
    "label 01_huffpost.txt = HuffPost",
    "label 01_huffpost.txt = The Huffington Post",
    'label "my files/01 huff.txt" = HuffPost',
    'link a.txt "The city closed the…" #0a1b2c = b.txt "The city shut…" #ffee00',
    'unlink a.txt @3 "He said \\"no\\" twice" #0a1b2c = https://x.example/p?id=3 "Yes…" #aaaaaa',
    'furniture a.txt "Sign up for our newsletter"',
    'content a.txt "Photo: the bridge" #123456',
    'speaker "Lee" = "Ann Lee"',
])
def test_a_line_reads_back_as_written(text):
    c = C.parse(text)
    assert c.line() == text
    assert C.parse(c.line()) == c
    assert C.is_correction_line(text)


def test_what_a_line_holds():
    c = C.parse('unlink a.txt @3 "He said \\"no\\" twice" #0A1B2C = b.txt "Yes"')
    assert c.kind == "unlink"
    assert c.sentences[0] == C.SentenceRef("a.txt", 'He said "no" twice', "0a1b2c", 3)
    assert c.sentences[1] == C.SentenceRef("b.txt", "Yes")
    assert C.parse("speaker Lee = Ann Lee").names == ("Lee", "Ann Lee")
    assert C.parse('label a.txt = "  spaced  "').names == ("a.txt", "spaced")


@pytest.mark.parametrize("text, says", [
    ("lable a.txt = HuffPost", "unknown correction"),
    ("link a.txt = b.txt", "quote"),
    ('link a.txt "x" b.txt "y"', "two sentences"),
    ('furniture a.txt "unclosed', "not closed"),
    ('furniture a.txt "x" = b.txt "y"', "one sentence"),
    ("label = HuffPost", "an article and a label"),
    ('speaker "Lee" =', "two names"),
    ('furniture a.txt @0 "x"', "from 1"),
])
def test_a_line_that_cannot_be_read_says_why(text, says):
    assert C.is_correction_line(text)
    with pytest.raises(C.CorrectionError, match=says):
        C.parse(text)


@pytest.mark.parametrize("text", ["link to the past.txt", "articles/label.txt",
                                  "https://example.com/a=b", "# label a.txt = X",
                                  "content.md", "speaker notes/a.txt"])
def test_paths_and_urls_are_not_corrections(text):
    assert not C.is_correction_line(text)


def test_a_sentence_is_named_by_its_text_not_its_place():
    an = story()
    ref = C.sentence_ref(an.articles, ALPHA, 1)
    assert ref.article == "a_alpha.txt"
    assert ref.quote.startswith("The city closed the Elm Street") and ref.quote.endswith("…")
    assert len(ref.digest) == C.DIGEST_HEX and ref.number is None
    assert C.digest("a  b\nc") == C.digest("a b c") != C.digest("a b d")
    assert C.find_sentence(an.articles[ALPHA], ref) == 1
    # by hand: any part of the text, its beginning first; identical ones by number
    assert C.find_sentence(an.articles[ALPHA], C.SentenceRef("a", "ring road")) == 2
    with pytest.raises(C.Unresolved, match="3 sentences"):
        C.find_sentence(an.articles[ALPHA], C.SentenceRef("a", "the"))
    assert C.find_sentence(an.articles[ALPHA], C.SentenceRef("a", "the", number=5)) == 4


# ---------------------------------------------------------------- the corpus file

CORPUS = """\
# The bridge, as three papers told it
a_alpha.txt

# the second paper
b_beta.txt
c_gamma.txt
label b_beta.txt = Beta
"""


def test_the_corpus_file_round_trips_byte_for_byte(tmp_path):
    for text, raw in [(CORPUS, None), (CORPUS.replace("\n", "\r\n"), None),
                      (CORPUS.rstrip("\n"), None), ("\ufeff" + CORPUS, None)]:
        p = tmp_path / "corpus.txt"
        p.write_bytes(text.encode("utf-8"))
        cf = C.CorpusFile.read(p)
        assert cf.text() == text
        cf.save()
        assert p.read_bytes() == text.encode("utf-8")


def test_adding_and_removing_keep_comments_and_order(tmp_path):
    p = tmp_path / "corpus.txt"
    p.write_text(CORPUS.replace("\n", "\r\n"), encoding="utf-8", newline="")
    cf = C.CorpusFile.read(p)
    got, problems = cf.corrections()
    assert [c.line() for c in got] == ["label b_beta.txt = Beta"] and not problems
    assert got[0].where == f"{p}:7"
    speaker = C.speaker_named("Mayor", "Ann Lee")
    cf2 = cf.add(speaker).add(C.parse("label a_alpha.txt = Alpha"))
    assert cf2.lines[:7] == cf.lines
    assert cf2.lines[7:] == ('speaker "Mayor" = "Ann Lee"', "label a_alpha.txt = Alpha")
    cf3 = cf2.remove(got[0])
    assert cf3.lines == cf.lines[:6] + cf2.lines[7:]
    cf3.save()
    again = C.CorpusFile.read(p)
    assert again.lines == cf3.lines and again.newline == "\r\n"
    assert [c.line() for c in again.corrections()[0]] == [
        'speaker "Mayor" = "Ann Lee"', "label a_alpha.txt = Alpha"]
    # a file without a final newline gets the new line on a line of its own
    p.write_text("a_alpha.txt", encoding="utf-8")
    C.CorpusFile.read(p).add(speaker).save()
    assert p.read_text(encoding="utf-8") == 'a_alpha.txt\nspeaker "Mayor" = "Ann Lee"\n'


def test_saving_goes_through_a_link_and_keeps_permissions(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text(CORPUS, encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    C.CorpusFile.read(link).add(C.speaker_named("A", "B")).save()
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").endswith('speaker "A" = "B"\n')
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(x.name for x in tmp_path.iterdir()) == ["link.txt", "real.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_corpus_file_that_cannot_be_written_is_left_as_it_was(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    p = folder / "corpus.txt"
    p.write_text(CORPUS, encoding="utf-8")
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(OSError):
            C.CorpusFile.read(p).add(C.speaker_named("A", "B")).save()
        assert p.read_text(encoding="utf-8") == CORPUS
        assert sorted(x.name for x in folder.iterdir()) == ["corpus.txt"]
    finally:
        os.chmod(folder, 0o700)


def test_a_failed_save_removes_its_temporary_file(tmp_path):
    p = tmp_path / "corpus.txt"
    p.write_text(CORPUS, encoding="utf-8")
    cf = C.CorpusFile.read(p)
    p.unlink()
    p.mkdir()                                   # what was the file is now a folder
    (p / "keep").write_text("x", encoding="utf-8")
    with pytest.raises(OSError):
        cf.add(C.speaker_named("A", "B")).save()
    assert sorted(x.name for x in tmp_path.iterdir()) == ["corpus.txt"]
    assert (p / "keep").read_text(encoding="utf-8") == "x"


def test_a_corpus_file_with_corrections_stays_a_corpus_file(tmp_path):
    write_story(tmp_path)
    p = tmp_path / "corpus.txt"
    p.write_text(CORPUS + 'furniture a_alpha.txt "Local shops"\nlable x = y\n', encoding="utf-8")
    corpus = load_corpus([str(p)])
    assert [a.id for a in corpus.articles] == ["a_alpha", "b_beta", "c_gamma"]
    assert corpus.corpus_file == str(p)
    assert [(c.kind, c.lineno) for c in corpus.corrections] == [("label", 7), ("furniture", 8)]
    assert [w for w in corpus.warnings if "lable" in w] == [
        f"{p}:9: unknown correction 'lable' (one of label, link, unlink, furniture, content, "
        "speaker); this line is not applied"]
    # a folder opened: no corpus file to write to
    assert load_corpus([str(tmp_path / "a_alpha.txt"), str(p)]).corpus_file is None


# ---------------------------------------------------------------- each kind applied

def test_label_names_the_source():
    an = story()
    got = apply(an, (C.label_of(an.articles, BETA, "  Beta   Post "),))
    assert got.articles[BETA].label == "Beta Post" and got.articles[BETA].user_label == "Beta Post"
    assert got.articles[ALPHA].label == "Alpha Times"
    assert to_dict(got)["articles"][BETA]["label"] == "Beta Post"
    assert to_dict(an)["articles"][BETA]["label"] is None


def test_link_two_additions():
    an = story()
    x, y = (ALPHA, 5), (GAMMA, 1)           # shops fear / cyclists: both additions
    assert an.is_unique(*x) and an.is_unique(*y)
    got = apply(an, (line("link", an, x, y),))
    assert not got.is_unique(*x) and not got.is_unique(*y)
    assert got.group(*x) == got.group(*y) >= 0
    assert [(m.article, m.i, m.score, m.source) for m in got.at(*x).matches] == [
        (GAMMA, 1, 100.0, "user")]
    assert got.match(*y, *x) is not None
    assert (x, y) in got.links.groups() and len(got.links.groups()) == len(an.links.groups()) + 1
    assert 5 not in got.additions(ALPHA)
    # the added words are those the other sentence lacks
    art = got.articles[ALPHA]
    assert [art.text[a:b] for a, b in got.at(*x).added] == ["Local shops fear", "drop", "trade"]
    doc = to_dict(got)
    s = doc["articles"][ALPHA]["sentences"][5]
    assert s["status"] == "shared" and s["matches"][0]["source"] == "user"
    assert "source" not in doc["articles"][ALPHA]["sentences"][1]["matches"][0]
    # untouched groups are the engine's
    assert got.at(ALPHA, 1) == an.at(ALPHA, 1)


def test_link_into_a_group_joins_it():
    an = story()
    x = (GAMMA, 2)                           # traffic sent along the ring road ...
    got = apply(an, (line("link", an, x, (BETA, 4)),))   # ... linked to the ferry, wrongly
    group = {(m.article, m.i) for m in got.at(*x).matches}
    assert group == {(ALPHA, 2), (BETA, 4)}
    # alpha's traffic sentence now matches beta's ferry through gamma: the weakest link
    m = got.match(ALPHA, 2, BETA, 4)
    assert m is not None and m.source == "user" and m.score == 64.0
    assert got.match(ALPHA, 2, GAMMA, 2).source == "engine"


def test_unlink_splits_the_group():
    an = story()
    got = apply(an, (line("unlink", an, (ALPHA, 6), (BETA, 1)),))
    assert got.is_unique(ALPHA, 6) and got.is_unique(BETA, 1)
    assert 6 in got.additions(ALPHA) and 1 in got.additions(BETA)
    assert len(got.links.groups()) == len(an.links.groups()) - 1
    # a three-member group: the first sentence leaves with those closer to it
    three = apply(an, (line("link", an, (GAMMA, 1), (ALPHA, 2)),
                       line("unlink", an, (GAMMA, 2), (ALPHA, 2))))
    assert three.is_unique(GAMMA, 2)
    assert {(m.article, m.i) for m in three.at(ALPHA, 2).matches} == {(GAMMA, 1)}
    # the last word: a link after the unlink joins them again
    again = apply(an, (line("unlink", an, (ALPHA, 6), (BETA, 1)),
                       line("link", an, (ALPHA, 6), (BETA, 1))))
    assert again.match(ALPHA, 6, BETA, 1).source == "user"


def test_unlink_of_sentences_not_linked_is_reported():
    an = story()
    got = apply(an, (line("unlink", an, (ALPHA, 5), (BETA, 4)),))
    assert not got.corrections[0].applied
    assert "not linked" in got.corrections[0].problem
    assert got.corpus.warnings[-1].startswith("unlink: these sentences are not linked")


def test_furniture_and_content():
    an = story()
    got = apply(an, (line("furniture", an, (ALPHA, 6)), line("content", an, (BETA, 5)),
                     line("furniture", an, (ALPHA, 0))))
    s = got.articles[ALPHA].sentences[6]
    assert s.boilerplate and s.role == "furniture" and s.source == "user"
    assert got.articles[ALPHA].sentences[0].role == "headline"     # the engine's name kept
    assert got.is_unique(ALPHA, 6) and got.is_unique(BETA, 1)    # its group lost it
    assert got.is_unique(BETA, 0)
    assert 6 not in got.additions(ALPHA, furniture=False)
    assert got.prose(ALPHA) == an.prose(ALPHA) - 1
    caption = got.articles[BETA].sentences[5]
    assert not caption.boilerplate and caption.role is None and caption.source == "user"
    assert 5 in got.additions(BETA, furniture=False)
    doc = to_dict(got)["articles"]
    assert doc[ALPHA]["sentences"][6]["source"] == "user"
    assert doc[ALPHA]["sentences"][6]["boilerplate"] is True
    assert "source" not in doc[ALPHA]["sentences"][5]
    assert got.topics_of(ALPHA, 4) == an.topics_of(ALPHA, 4)


def test_furniture_takes_no_topic():
    an = story()
    assert an.topics_of(ALPHA, 4)
    got = apply(an, (line("furniture", an, (ALPHA, 4)),))
    assert got.topics_of(ALPHA, 4) == ()


def test_speaker_rename_and_merge():
    an = story()
    got = apply(an, (C.speaker_named("Mayor", "Ann Lee"),))
    assert [sp.name for sp in got.speakers] == ["Ann Lee", "Engineers"]   # by quotes, name
    lee = got.speakers[0]
    assert lee.source == "user" and lee.quotes == 2 and "Mayor" in lee.aliases
    assert [q.speaker for q in got.quotes] == ["Engineers", "Ann Lee", "Engineers", "Ann Lee"]
    assert [q.source for q in got.quotes] == ["engine", "user", "engine", "user"]
    merged = apply(an, (C.speaker_named("Engineers", "Mayor"),))
    assert [(sp.name, sp.quotes) for sp in merged.speakers] == [("Mayor", 4)]
    assert set(merged.speakers[0].aliases) >= {"engineers", "the mayor", "Engineers"}
    assert {q.speaker for q in merged.quotes} == {"Mayor"}
    assert merged.quote_counts() == {"Mayor": [2, 1, 1]}
    doc = to_dict(merged)
    assert doc["speakers"][0]["source"] == "user"
    assert all(q["source"] == "user" for q in doc["quotes"] if q["cue"] != "called"
               and q["cue"] != "described")
    # a name no speaker has is reported
    gone = apply(an, (C.speaker_named("Ann Lee", "Mayor"),))
    assert gone.corrections[0].problem == 'no speaker "Ann Lee" in this corpus'
    assert gone.speakers == an.speakers


def test_corrections_apply_to_the_engines_analysis_not_on_top():
    an = story()
    one = apply(an, (line("unlink", an, (ALPHA, 6), (BETA, 1)),))
    assert one.uncorrected is an
    back = apply(one, ())
    assert not back.is_unique(ALPHA, 6) and back.corrections == ()
    assert back.at(ALPHA, 6) == an.at(ALPHA, 6)


# ---------------------------------------------------------------- corrections that no longer fit

def _edited(an, a: int, i: int, new: str):
    """The analysis with sentence (a, i) reworded (offsets of the others unchanged)."""
    art = an.articles[a]
    s = art.sentences[i]
    new = new.ljust(len(s.text))[:len(s.text)]
    text = art.text[:s.start] + new + art.text[s.end:]
    sents = tuple(dataclasses.replace(t, text=new) if t.i == i else t for t in art.sentences)
    art = dataclasses.replace(art, text=text, shown=text, sentences=sents)
    arts = tuple(art if k == a else x for k, x in enumerate(an.articles))
    return dataclasses.replace(an, corpus=dataclasses.replace(an.corpus, articles=arts), _cache={})


def test_a_correction_whose_sentence_changed_is_reported_not_applied():
    an = story()
    c = line("unlink", an, (ALPHA, 6), (BETA, 1))
    link = line("link", an, (ALPHA, 5), (GAMMA, 1))
    edited = _edited(an, ALPHA, 6, "The bridge was built in 1926.")
    got = apply(edited, (c, link))
    assert [o.applied for o in got.corrections] == [False, True]
    assert got.corrections[0].problem == (
        'the sentence "The bridge was built in 1962." of a_alpha.txt has changed since the '
        "correction was made")
    assert not got.is_unique(ALPHA, 6)                       # left as the engine had it
    assert got.corpus.warnings == (f"unlink: {got.corrections[0].problem}; not applied",)
    gone = apply(_edited(an, ALPHA, 6, "Something else entirely, said nobody."), (c,))
    assert gone.corrections[0].problem == (
        'a_alpha.txt has no sentence "The bridge was built in 1962." any more')
    missing = apply(an, (C.parse('furniture z.txt "x"'),))
    assert missing.corrections[0].problem == "no article z.txt in this corpus"


def test_a_correction_survives_edits_elsewhere(tmp_path):
    folder = write_story(tmp_path / "story")
    p = folder / "corpus.txt"
    an = open_analysis([str(folder)], cache=False)
    c = C.about_sentences("furniture", an.articles, (ALPHA, 6), base=str(folder))
    p.write_text("\n".join(STORY_TEXTS) + "\n" + c.line() + "\n", encoding="utf-8")
    first = open_analysis([str(p)], cache=False)
    assert first.articles[ALPHA].sentences[6].source == "user"
    # a paragraph added at the top of the article: its sentence moved, still found
    alpha = folder / "a_alpha.txt"
    alpha.write_text("Updated on Tuesday.\n\n" + alpha.read_text(encoding="utf-8"),
                     encoding="utf-8")
    again = open_analysis([str(p)], cache=False)
    moved = again.articles[ALPHA].sentences[7]
    assert moved.text == "The bridge was built in 1962." and moved.role == "furniture"
    assert all(o.applied for o in again.corrections)


# ---------------------------------------------------------------- through the pipeline

def test_the_pipeline_applies_the_corpus_files_corrections(tmp_path, private_cache):
    folder = write_story(tmp_path / "story")
    p = folder / "corpus.txt"
    listing = "\n".join(STORY_TEXTS) + "\n"
    p.write_text(listing + "label b_beta.txt = Beta\n", encoding="utf-8")
    first = open_analysis([str(p)])
    assert first.articles[BETA].label == "Beta"
    entries = list(private_cache.glob("*.json"))
    assert len(entries) == 1
    assert '"user"' not in entries[0].read_text(encoding="utf-8")
    # other corrections, same texts: the cached analysis, corrected anew
    p.write_text(listing + "label b_beta.txt = Bêta\n", encoding="utf-8")
    second = open_analysis([str(p)])
    assert second.articles[BETA].label == "Bêta"
    assert list(private_cache.glob("*.json")) == entries
    assert type(second.links).__name__ == "StoredLinks"
    p.write_text(listing, encoding="utf-8")
    assert open_analysis([str(p)]).articles[BETA].label == "b_beta"


def test_export_marks_what_the_user_decided(tmp_path):
    import subprocess
    import sys

    folder = write_story(tmp_path / "story")
    an = open_analysis([str(folder)], cache=False)
    x = next(s.i for s in an.articles[ALPHA].sentences if an.is_unique(ALPHA, s.i))
    y = next(s.i for s in an.articles[GAMMA].sentences if an.is_unique(GAMMA, s.i))
    link = C.about_sentences("link", an.articles, (ALPHA, x), (GAMMA, y), base=str(folder))
    p = folder / "corpus.txt"
    p.write_text("\n".join(STORY_TEXTS) + "\n" + link.line()
                 + '\nfurniture a_alpha.txt "no such sentence"\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "tui", "export", str(p), "--no-cache"],
                         capture_output=True, text=True, check=True)
    doc = json.loads(out.stdout)
    m = doc["articles"][ALPHA]["sentences"][x]["matches"]
    assert [(mm["article"], mm["i"], mm["source"]) for mm in m] == [("c_gamma", y, "user")]
    assert [c["applied"] for c in doc["corrections"]] == [True, False]
    assert doc["corrections"][1]["where"] == f"{p}:5"
    assert out.stderr.count("no sentence") == 1
    assert f'{p}:5: furniture: a_alpha.txt has no sentence "no such sentence"' in out.stderr


def test_names_from_a_corpus_file_are_made_harmless():
    c = C.parse("label a_alpha.txt = Alpha\x1b]0;owned\x07 Times")
    assert "\x1b" not in c.names[1] and "\x07" not in c.names[1]
    assert "\x1b" not in C.speaker_named("A\x1b[2J", "B\u202eC").names[0]
    assert "\u202e" not in C.speaker_named("A", "B\u202eC").names[1]
