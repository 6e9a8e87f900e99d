"""Reports out: the self-contained HTML page and the Markdown report."""
from __future__ import annotations

import dataclasses
import json
import os
import re

import html5lib
import pytest
from lxml import html as lxml_html

from tui.cli import main
from tui.engine import analyse
from tui.engine.model import Quote, Speaker, Topic
from tui.report import fmt_for, render, write_report
from tui.report.markdown_report import markdown_report, md_escape
from tui.report.overview import overview
from tui.report.rows import rows
from tui.report.view import additions

A = """Council approves budget

The city council approved a budget of 12 million dollars on Tuesday night after a long debate.

Mayor Ana Lopez said the plan would "protect every library and every pool in the city" for years.

The vote passed seven to four, with two members abstaining after an amendment failed.

Residents said they were relieved that the swimming pools would stay open all summer.
"""
B = """Budget passes after six hours

The city council approved a budget of 15 million dollars on Tuesday night after a long debate.

Mayor Anna Lopes said the plan would "protect each library and each pool in our city" for years.

The vote passed seven to four, with two members abstaining after an amendment failed.

Opposition councillors warned of cuts next year and said the forecasts were far too rosy.
"""
# text that must come out escaped, never as markup
C = """Council budget: a <script>alert("x")</script> & <b>bold</b> claim

The city council approved a budget of 12 million dollars on Tuesday night after a long debate.

A *starred* claim | with pipes & [brackets](http://x) and `ticks` only this source makes here.
"""


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    d = tmp_path_factory.mktemp("pair")
    (d / "a.txt").write_text(A)
    (d / "b.txt").write_text(B)
    return analyse([str(d)])


@pytest.fixture(scope="module")
def tricky(tmp_path_factory):
    d = tmp_path_factory.mktemp("tricky")
    (d / "a.txt").write_text(A)
    (d / "c.txt").write_text(C)
    return analyse([str(d)])


def parse_strict(doc: str):
    """html5lib in strict mode raises on any parse error; lxml for the structure."""
    html5lib.HTMLParser(strict=True).parse(doc)
    return lxml_html.document_fromstring(doc)


def text_of(el) -> str:
    return " ".join(el.text_content().split())


def shown(art, s) -> str:
    return " ".join(art.shown[s.start:s.end].split())


def check_html(an):
    doc = render(an, "html")
    tree = parse_strict(doc)
    # self-contained: no scripts, no external assets of any kind
    assert not tree.xpath("//script | //link | //img | //iframe | //object | //embed")
    assert not re.search(r"url\(|@import|src=", doc)
    assert tree.xpath("//style")
    arts = an.articles
    # one column per source, every sentence once, each column in text order
    assert [text_of(th) for th in tree.xpath("//table[@class='aligned']/thead//th")[1:]] == [
        a.label for a in arts]
    for a, art in enumerate(arts):
        ps = tree.xpath(f"//table[@class='aligned']//p[starts-with(@id, 'a{a}s')]")
        assert [int(p.get("id").split("s")[1]) for p in ps] == [s.i for s in art.sentences]
    # every addition is highlighted: its own class, bold, a "+" mark; its text intact
    for a, art in enumerate(arts):
        for i in additions(an, a):
            p = tree.get_element_by_id(f"a{a}s{i}")
            assert "addition" in p.get("class").split()
            assert p.xpath("./span[@class='g']")[0].text == "+"
            assert text_of(p.xpath("./strong")[0]) == shown(art, art.sentences[i])
        for s in art.sentences:
            al = an.at(a, s.i)
            p = tree.get_element_by_id(f"a{a}s{s.i}")
            if s.boilerplate:
                assert "furniture" in p.get("class")
                continue
            if al.unique:
                continue
            # adjacent marks may split a span (added and changed overlap): compare unspaced
            marked_add = "".join("".join(x.text_content().split()) for x in p.xpath(".//ins"))
            for x, y in al.added:
                assert "".join(art.shown[x:y].split()) in marked_add
            marked_chg = "".join("".join(x.text_content().split())
                                 for x in p.xpath(".//mark[@class='chg']"))
            for x, y in al.changed:
                assert "".join(art.shown[x:y].split()) in marked_chg
            assert text_of(p)[1:].strip() == shown(art, s)  # glyph, then the whole sentence
    return doc, tree


def test_html_report_seeds(seeds_analysis):
    doc, tree = check_html(seeds_analysis)
    assert tree.xpath("//section[@id='sources']//tbody/tr")
    assert "@media print" in doc


def test_html_report_marks_additions_and_changes(pair):
    doc, tree = check_html(pair)
    adds = [text_of(p) for p in tree.xpath("//p[contains(@class, 'addition')]")]
    assert any("Residents said they were relieved" in t for t in adds)
    assert any("Opposition councillors warned" in t for t in adds)
    assert "12" in [text_of(x) for x in tree.xpath("//mark[@class='chg']")]
    # the shared statements sit side by side in one row
    row = tree.xpath("//tr[td/p[contains(., 'The vote passed seven')]]")[0]
    assert len(row.xpath(".//p[contains(., 'The vote passed seven')]")) == 2


def test_html_escapes_article_text(tricky):
    doc, tree = check_html(tricky)
    assert "<script>" not in doc and "&lt;script&gt;" in doc
    assert not tree.xpath("//b")
    assert any('<script>alert("x")</script>' in text_of(p) for p in tree.xpath("//p"))


def test_rows_keep_every_column_in_order(seeds_analysis):
    an = seeds_analysis
    laid = rows(an)
    for a, art in enumerate(an.articles):
        seq = [i for r in laid for i in r.cells.get(a, [])]
        assert seq == [s.i for s in art.sentences]
    for r in laid:
        if r.kind == "shared":
            assert all(an.group(a, i) == r.group for a, c in r.cells.items() for i in c)
        else:
            assert all(an.is_unique(a, i) for a, c in r.cells.items() for i in c)


def with_annotations(an):
    q = Quote(article=0, start=A.index("protect"), end=A.index(" for years") - 1,
              text=A[A.index("protect"):A.index(" for years") - 1], speaker="Ana Lopez",
              mention="Mayor Ana Lopez", cue="said")
    topics_per = tuple(tuple(("t1",) if "budget" in s.text else () for s in art.sentences)
                       for art in an.articles)
    return dataclasses.replace(
        an, quotes=(q,), speakers=(Speaker("Ana Lopez", "person", ("Mayor Ana Lopez",), 1, role="mayor"),),
        topics=(Topic("t1", "The budget vote", ("budget", "council")),),
        sentence_topics=topics_per)


def test_speakers_quotes_topics_shown_when_present(pair):
    plain = render(pair, "html")
    if not pair.speakers:
        assert 'id="speakers"' not in plain
    an = with_annotations(pair)
    doc, tree = check_html(an)
    sp = tree.get_element_by_id("speakers")
    assert "Ana Lopez" in text_of(sp) and "Mayor Ana Lopez" in text_of(sp)
    assert "mayor" in text_of(sp)
    assert "protect every library" in text_of(tree.get_element_by_id("quotes"))
    topics = text_of(tree.get_element_by_id("topics"))
    assert "The budget vote" in topics and "budget, council" in topics
    md = markdown_report(an)     # the overview for a chat: speakers and topics are in the page
    assert "Speakers" not in md and "The budget vote" not in md


def test_markdown_report(pair):
    md = markdown_report(pair)
    assert md.startswith("# Council approves budget\n")
    assert "- **a**: Council approves budget" in md and "- **b**: Budget passes after six hours" in md
    assert "- _in 2 of 2_: The vote passed seven to four" in md
    only = md.split("**Only in one source**", 1)[1].split("**Disagreements**", 1)[0]
    assert "- **a** (1 addition):\n  - Residents said they were relieved" in only
    assert "- **b** (1 addition):\n  - Opposition councillors warned of cuts" in only
    dis = md.split("**Disagreements**", 1)[1]
    assert "- number: **12** (a) · **15** (b)" in dis
    assert "- name: **Ana Lopez** (a) · **Anna Lopes** (b)" in dis
    assert "[The full report" not in md and "synopsis export --format html" in md
    linked = markdown_report(pair, link="report 1.html")
    assert linked.rstrip().endswith("[The full report, side by side](report%201.html)")
    assert len(md) <= 4000


def test_markdown_fits_a_chat_message(seeds_analysis):
    md = markdown_report(seeds_analysis)
    assert len(md) <= 4000
    for part in ("**Headlines**", "**What most sources share**", "**Only in one source**",
                 "**Disagreements**", "_in 5 of 5_"):
        assert part in md
    assert "/" not in md.split("**Headlines**")[0].replace("</", "")     # no path in the head


def test_markdown_escapes(tricky):
    md = markdown_report(tricky)
    assert r"\*starred\*" in md and r"\| with pipes" in md and r"\[brackets\]" in md
    assert r"\<script\>" in md
    assert md_escape("a|b*c_d\n e") == r"a\|b\*c\_d e"


def test_no_additions_said_so(tmp_path):
    (tmp_path / "a.txt").write_text(A)
    (tmp_path / "b.txt").write_text(A + "\n")   # the same words (the very same text: one copy)
    an = analyse([str(tmp_path)])
    md = markdown_report(an)
    assert md.count("nothing the others do not also say") == 2
    assert "_None found between sentences the alignment is sure of._" in md


def test_write_report_and_format_from_suffix(pair, tmp_path):
    p = write_report(pair, "md", tmp_path / "r.md")
    assert p == tmp_path / "r.md" and p.read_text(encoding="utf-8") == markdown_report(pair)
    assert not list(tmp_path.glob(".*tmp"))
    mask = os.umask(0)
    os.umask(mask)
    assert p.stat().st_mode & 0o777 == 0o666 & ~mask  # the user's usual permissions
    assert fmt_for("x.HTML") == "html" and fmt_for("x.md") == "md" and fmt_for("x") == "json"
    with pytest.raises(ValueError):
        render(pair, "pdf")


def test_cli_export_formats(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(A)
    (tmp_path / "b.txt").write_text(B)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                 "-o", str(out / "report.html")]) == 0
    check_html(analyse([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]))
    parse_strict((out / "report.html").read_text())
    assert main(["export", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                 "--format", "md"]) == 0
    stdout, _ = capsys.readouterr()
    assert stdout.startswith("# Council approves budget")
    assert main(["export", str(tmp_path / "a.txt"), "-o", str(out / "x.json")]) == 0
    assert json.loads((out / "x.json").read_text())["schema"] == "synopsis.export/1"
    rc = main(["export", str(tmp_path / "a.txt"), "-o", str(tmp_path / "nope" / "r.md")])
    _, err = capsys.readouterr()
    assert rc == 2 and "cannot write" in err and err.count("\n") == 1


def test_plain_text_export_carries_no_text_field(pair):
    from tui.engine.export import to_dict

    # plain text: offsets index into the file itself, so the contract's fields only
    assert all("text" not in a and "url" not in a for a in to_dict(pair)["articles"])


def test_atomic_write_keeps_old_file_on_failure(tmp_path, monkeypatch):
    from tui.engine.files import atomic_write

    f = tmp_path / "r.md"
    assert atomic_write(f, "one") == f.absolute() and f.read_text() == "one"

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        atomic_write(f, "two")
    assert f.read_text() == "one"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]  # no temporary file left


# -- a report of a view: some sources, some sentences ------------------------------------

@pytest.fixture(scope="module")
def triple(tmp_path_factory):
    d = tmp_path_factory.mktemp("triple")
    for name, text in (("a.txt", A), ("b.txt", B), ("c.txt", C)):
        (d / name).write_text(text)
    return analyse([str(d)])


def check_view_html(an, view):
    """The view's report: strict HTML, only the view's sources (in its order) and the
    sentences it keeps, each column in text order, every kept addition marked."""
    doc = render(an, "html", view)
    tree = parse_strict(doc)
    cols = list(view.articles)
    assert [text_of(th) for th in tree.xpath("//table[@class='aligned']/thead//th")[1:]] == [
        an.articles[a].label for a in cols]
    assert [text_of(tr.xpath("./td")[0]) for tr in tree.xpath(
        "//section[@id='sources']//tbody/tr")] == [an.articles[a].label for a in cols]
    kept_texts = {shown(art, s) for a, art in enumerate(an.articles) if a in cols
                  for s in art.sentences if view.kept(a, s.i)}
    comparison = text_of(tree.get_element_by_id("comparison"))
    for a, art in enumerate(an.articles):
        ps = tree.xpath(f"//table[@class='aligned']//p[starts-with(@id, 'a{a}s')]")
        want = [s.i for s in art.sentences if a in cols and view.kept(a, s.i)]
        assert [int(p.get("id").split("s")[1]) for p in ps] == want
        for s in art.sentences:
            if (a not in cols or not view.kept(a, s.i)) and shown(art, s) not in kept_texts:
                assert shown(art, s) not in comparison
    for a in cols:
        art = an.articles[a]
        for i in additions(an, a, view):
            p = tree.get_element_by_id(f"a{a}s{i}")
            assert "addition" in p.get("class").split()
            assert p.xpath("./span[@class='g']")[0].text == "+"
            assert text_of(p.xpath("./strong")[0]) == shown(art, art.sentences[i])
    assert view.description in text_of(tree.xpath("//p[@class='scope']")[0])
    return doc, tree


def test_a_view_reports_only_its_sources_and_kept_sentences(triple):
    from tui.report import ReportView

    an = with_annotations(triple)
    labels = [a.label for a in an.articles]
    assert labels == ["a", "b", "c"]
    a_txt, b_txt = an.articles[0], an.articles[1]
    mayor = next(s.i for s in a_txt.sentences if "Mayor Ana Lopez" in s.text)
    residents = next(s.i for s in a_txt.sentences if "Residents said" in s.text)
    opposition = next(s.i for s in b_txt.sentences if "Opposition councillors" in s.text)
    budget_b = next(s.i for s in b_txt.sentences if "15 million" in s.text)

    def keep(a, i):            # drop the mayor's sentence of a and the budget one of b
        return (a, i) not in {(0, mayor), (1, budget_b)}

    view = ReportView(articles=(1, 0), keep=keep, description="2 of 3 sources; a test")
    doc, tree = check_view_html(an, view)
    assert "Council budget: a" not in text_of(tree.get_element_by_id("comparison"))
    assert "&lt;script&gt;" not in doc                          # nothing of c at all
    adds = [p.get("id") for p in tree.xpath("//p[contains(@class, 'addition')]")]
    assert f"a0s{residents}" in adds and f"a1s{opposition}" in adds
    # the 12/15 disagreement lost a side; the quote's sentence is gone, so its speaker
    assert not overview(an, view).disagreements
    text = text_of(tree.get_element_by_id("comparison"))
    assert "budget of 12 million" in text and "15 million" not in text
    assert 'id="quotes"' not in doc and 'id="speakers"' not in doc
    assert "This view:" in doc
    summary = text_of(tree.xpath("//p[@class='summary']")[0])
    kept = sum(1 for a in (0, 1) for s in an.articles[a].sentences if keep(a, s.i))
    assert summary.startswith(f"2 sources, {kept} sentences;")
    # rows(): the view's columns only, in text order
    for a in (0, 1):
        seq = [i for r in rows(an, view) for i in r.cells.get(a, [])]
        assert seq == [s.i for s in an.articles[a].sentences if keep(a, s.i)]
    assert all(2 not in r.cells for r in rows(an, view))
    # Markdown: the same scope
    md = render(an, "md", view)
    assert "**This view:** 2 of 3 sources; a test." in md
    assert "**c**" not in md and "Mayor Ana Lopez" not in md and "protect every" not in md
    assert "Residents said they were relieved" in md and "Opposition councillors" in md
    assert "**Disagreements**" in md and "number:" not in md
    # a view of everything keeps the disagreements and the quotes
    whole = ReportView(articles=(0, 1, 2), description="all")
    assert overview(an, whole).disagreements == overview(an).disagreements
    assert 'id="quotes"' in render(an, "html", whole)


def test_a_view_in_marking_mode_marks_the_passing_sentences(pair):
    from tui.report import ReportView

    an = with_annotations(pair)
    passing = {(0, s.i) for s in an.articles[0].sentences if "budget" in s.text}
    view = ReportView(articles=(0, 1), marked=lambda a, i: (a, i) in passing,
                      description="filter: all sentences, the passing ones marked")
    doc, tree = check_view_html(an, view)
    marked = {p.get("id") for p in tree.xpath("//p[@data-filter='passes']")}
    assert marked == {f"a{a}s{i}" for a, i in passing} and marked
    assert "p.passes" in doc
    md = render(an, "md", view)
    assert "**This view:** filter: all sentences, the passing ones marked." in md
    # every sentence is still there
    assert len(tree.xpath("//table[@class='aligned']//p[@id]")) == sum(
        len(a.sentences) for a in an.articles)


def test_a_view_with_a_search_marks_what_it_finds_apart_from_the_filter(pair):
    from tui.report import ReportView

    an = with_annotations(pair)
    passing = {(0, s.i) for s in an.articles[0].sentences if "budget" in s.text}
    hits = {(a, s.i) for a, art in enumerate(an.articles) for s in art.sentences
            if "council" in s.text.lower()}
    assert hits and passing
    view = ReportView(articles=(0, 1), marked=lambda a, i: (a, i) in passing,
                      found=lambda a, i: (a, i) in hits, search="council",
                      description="filter and search")
    doc, tree = check_view_html(an, view)
    assert {p.get("id") for p in tree.xpath("//p[@data-search='match']")} == {
        f"a{a}s{i}" for a, i in hits}
    assert {p.get("id") for p in tree.xpath("//p[@data-filter='passes']")} == {
        f"a{a}s{i}" for a, i in passing}
    both = tree.xpath("//p[@data-filter='passes'][@data-search='match']")
    assert len(both) == len(passing & hits)
    for p in both:
        assert {"passes", "found"} <= set(p.get("class").split())
    assert "the search /council finds" in text_of(tree.xpath("//p[@class='scope']")[0])
    md = render(an, "md", view)
    assert "**This view:** filter and search." in md


def test_html_report_starts_with_the_story(pair):
    doc = render(pair, "html")
    tree = parse_strict(doc)
    glance = tree.get_element_by_id("glance")
    assert "in 2 of 2" in text_of(glance) and "The vote passed seven to four" in text_of(glance)
    dis = [text_of(li) for li in glance.xpath(".//h3[.='Disagreements']/following-sibling::ul/li")]
    assert any(t.startswith("number") and "12" in t and "15" in t for t in dis)
    for a in glance.xpath(".//a[@href]"):          # every line leads to its sentence
        assert tree.get_element_by_id(a.get("href")[1:]) is not None
    # no local path anywhere in the page
    assert str(pair.articles[0].path) not in doc and "/tmp" not in doc
