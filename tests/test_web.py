"""Web pages in: HTML extraction, URL fetching (a local server on 127.0.0.1 only), the page
cache, corpus files, mixed inputs."""
from __future__ import annotations

import gzip
import json
import time

import pytest
from webserver import page_cache, site  # noqa: F401 - fixtures

from tui.cli import main
from tui.engine import InputError
from tui.engine import fetch as fetchmod
from tui.engine.corpus import load_corpus
from tui.engine.load import corpus_lines, inputs, url_id

BODY = [
    "The city council approved a budget of 12 million dollars on Tuesday night after a "
    "debate that lasted more than six hours.",
    "Mayor Ana Lopez said the plan would \"protect every library and every pool in the city\" "
    "while keeping taxes flat for a third year.",
    "Opposition councillors argued that the budget relied on optimistic revenue forecasts and "
    "warned of cuts next year.",
    "The vote passed seven to four, with two members abstaining after a late amendment on road "
    "repairs failed.",
    "Residents who attended the meeting said they were relieved that the swimming pools would "
    "stay open through the summer.",
]
NAV = ["Home", "News", "Sport", "Weather", "Subscribe"]
AD = "Advertisement: Buy the new Phone X today, only $999!"
CAPTION = "Councillors vote in the main chamber on Tuesday. (Photo: Herald staff)"
COMMENTS = ["What a waste of money, as usual!", "Finally some good news for the pools."]
RELATED = ["Library hours extended again", "Pool reopens after repairs"]


def news_page(title="Council approves budget after long night", site="The Riverside Herald",
              author="Jane Doe", date="2024-03-05", body=BODY, charset="utf-8") -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in body)
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    related = "".join(f'<li><a href="/r{k}">{r}</a></li>' for k, r in enumerate(RELATED))
    comments = "".join(f'<div class="comment"><p>{c}</p></div>' for c in COMMENTS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T18:30:00Z">
</head><body>
<header><nav><ul>{nav}</ul></nav></header>
<div class="ad-banner advertisement">{AD}</div>
<main><article>
<h1>{title}</h1>
<p class="byline">By <span class="author">{author}</span>, City Reporter</p>
<figure><img src="council.jpg" alt="Council chamber"><figcaption>{CAPTION}</figcaption></figure>
{paras}
</article></main>
<aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>{comments}</section>
<footer><p>Copyright 2024 {site}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""


OTHER_BODY = [
    "Councillors approved a budget of 12 million dollars on Tuesday after a six-hour debate.",
    "Mayor Ana Lopez said the plan would protect every library and every pool in the city.",
    "The vote passed seven to four.",
    "Road repairs were left out of the plan after a late amendment failed.",
]


def run_cli(args, capsys):
    rc = main(args)
    out, err = capsys.readouterr()
    return rc, out, err


# ---------------------------------------------------------------- a local web server

# ---------------------------------------------------------------- extraction

def test_saved_page_extracted_without_page_furniture(tmp_path):
    f = tmp_path / "herald.html"
    f.write_text(news_page())
    art = load_corpus([str(f)]).articles[0]
    assert art.fmt == "html" and art.id == "herald"
    for p in BODY:
        assert p in art.text
    for junk in NAV[1:] + [AD, CAPTION, "City Reporter", "Related stories", "Copyright",
                           "Privacy"] + COMMENTS + RELATED:
        assert junk not in art.text, junk
    assert art.title == "Council approves budget after long night"
    assert art.outlet == "The Riverside Herald"
    assert art.date == "2024-03-05"
    assert art.byline == "Jane Doe"
    # the headline leads, marked as page furniture; body sentences are prose
    assert art.sentences[0].text == art.title and art.sentences[0].boilerplate
    for s in art.sentences:
        assert art.text[s.start:s.end] == s.text
    assert sum(not s.boilerplate for s in art.sentences) == len(BODY)


def test_page_metadata_absent_stays_null(tmp_path):
    f = tmp_path / "bare.htm"
    f.write_text("<html><body><article>" + "".join(f"<p>{p}</p>" for p in BODY)
                 + "</article></body></html>")
    art = load_corpus([str(f)]).articles[0]
    assert art.fmt == "html"
    assert art.date is None and art.byline is None
    assert BODY[0] in art.text


def test_declared_charset_is_honoured(tmp_path):
    body = ["Le café de la gare a fermé ses portes mardi après quarante années de service.",
            "Les habitués ont regretté la décision du propriétaire, annoncée sans préavis."] * 2
    f = tmp_path / "cafe.html"
    f.write_bytes(news_page(title="Le café ferme", body=body, charset="windows-1252")
                  .encode("cp1252"))
    art = load_corpus([str(f)]).articles[0]
    assert "café de la gare" in art.text and art.encoding == "cp1252"


def test_txt_file_holding_html_is_extracted(tmp_path):
    f = tmp_path / "saved-as.txt"
    f.write_text(news_page())
    art = load_corpus([str(f)]).articles[0]
    assert art.fmt == "html" and "<p>" not in art.text and BODY[1] in art.text


def test_page_without_article_is_one_line_error(tmp_path, capsys):
    f = tmp_path / "empty.html"
    f.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav>"
                 "</body></html>")
    rc, out, err = run_cli(["export", str(f)], capsys)
    assert rc == 2 and out == "" and err.count("\n") == 1
    assert "no article text" in err and "Traceback" not in err


def test_export_carries_extracted_text(tmp_path, capsys):
    f = tmp_path / "herald.html"
    f.write_text(news_page())
    t = tmp_path / "plain.txt"
    t.write_text("Budget approved\n\n" + " ".join(OTHER_BODY) + "\n")
    rc, out, _ = run_cli(["export", str(f), str(t)], capsys)
    assert rc == 0
    doc = json.loads(out)
    html_art, txt_art = doc["articles"]
    assert html_art["format"] == "html" and html_art["url"] is None
    for s in html_art["sentences"]:
        assert html_art["text"][s["start"]:s["end"]] == s["text"]
    # plain-text sources keep the contract as it was: no copy of the file
    assert "text" not in txt_art and "url" not in txt_art
    assert html_art["title"] == "Council approves budget after long night"


def test_inputs_never_written(tmp_path, capsys):
    f = tmp_path / "herald.html"
    f.write_text(news_page())
    before = (f.read_bytes(), f.stat().st_mtime_ns)
    rc, _, err = run_cli(["export", str(f), "-o", str(f)], capsys)
    assert rc != 0 and "refusing" in err
    rc, _, _ = run_cli(["export", str(f), "-o", str(tmp_path / "r.html")], capsys)
    assert rc == 0
    assert (f.read_bytes(), f.stat().st_mtime_ns) == before


# ---------------------------------------------------------------- corpus files, mixed inputs

def test_corpus_file_lists_paths_and_urls(tmp_path, site, capsys):
    (tmp_path / "arts").mkdir()
    (tmp_path / "arts" / "herald.html").write_text(news_page())
    (tmp_path / "arts" / "plain.txt").write_text("Budget approved\n\n" + " ".join(OTHER_BODY))
    url = site.page("/news/council-budget.html", news_page(site="The Valley Times",
                                                           author="Sam Roe"))
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("# the budget story, saved on Tuesday\n\n"
                      "arts/herald.html\n"
                      f"  {url}   \n"
                      "# a local copy of the wire story\n"
                      "arts/plain.txt\n")
    assert corpus_lines(corpus) == [(2 + 1, "arts/herald.html"), (4, url), (6, "arts/plain.txt")]
    rc, out, err = run_cli(["export", str(corpus)], capsys)
    assert rc == 0, err
    doc = json.loads(out)
    assert [a["id"] for a in doc["articles"]] == [
        "herald", "127.0.0.1_council-budget", "plain"]
    web = doc["articles"][1]
    assert web["url"] == url and web["path"] == url and web["outlet"] == "The Valley Times"
    assert web["byline"] == "Sam Roe"
    for a in doc["articles"]:
        text = a.get("text") or (tmp_path / "arts" / "plain.txt").read_text()
        for s in a["sentences"]:
            assert text[s["start"]:s["end"]] == s["text"]
    # the same story from two sites aligns
    assert any(s["status"] == "shared" for s in web["sentences"])


def test_corpus_file_relative_to_itself_from_any_directory(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("First story\n\nThe council met on Monday. It approved it.\n")
    (tmp_path / "b.md").write_text("# Second story\n\nThe council met on Monday.\n")
    (tmp_path / "list.corpus").write_text("a.txt\nb.md\n")
    monkeypatch.chdir("/")
    assert [a.id for a in load_corpus([str(tmp_path / "list.corpus")]).articles] == ["a", "b"]


def test_corpus_file_missing_entry_names_its_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Story\n\nThe council met on Monday.\n")
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("a.txt\n# gone:\nmoved-away.txt\n")
    rc, _, err = run_cli(["export", str(corpus)], capsys)
    assert rc == 2 and err.count("\n") == 1
    assert "corpus.txt:3" in err and "moved-away.txt: no such file or folder" in err


def test_corpus_files_that_include_each_other(tmp_path):
    (tmp_path / "one.txt").write_text("two.txt\n")
    (tmp_path / "two.txt").write_text("one.txt\n")
    with pytest.raises(InputError, match="loop"):
        inputs([str(tmp_path / "one.txt")])


def test_an_article_is_not_a_corpus_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Council approves budget\n\nThe council met on Monday.\nsee notes.txt\n")
    assert corpus_lines(f) is None
    g = tmp_path / "b.txt"
    g.write_text("# Budget\nThe council met on Monday and approved it.\n")
    assert corpus_lines(g) is None


def test_refuses_to_overwrite_the_corpus_file(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Story\n\nThe council met on Monday.\n")
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("a.txt\n")
    before = corpus.read_bytes()
    rc, _, err = run_cli(["export", str(corpus), "-o", str(corpus)], capsys)
    assert rc == 2 and "refusing" in err and corpus.read_bytes() == before


def test_folder_with_pages_and_text(tmp_path):
    (tmp_path / "b.html").write_text(news_page())
    (tmp_path / "a.txt").write_text("Budget approved\n\n" + " ".join(OTHER_BODY) + "\n")
    (tmp_path / "b_files").mkdir()  # a browser's "save page, complete" folder
    (tmp_path / "b_files" / "style.css").write_text("body{}")
    corpus = load_corpus([str(tmp_path)])
    assert [(a.id, a.fmt) for a in corpus.articles] == [("a", "text"), ("b", "html")]


# ---------------------------------------------------------------- URLs

def test_url_fetched_cached_and_read_offline(site, page_cache, capsys):
    url = site.page("/story", news_page())
    rc, out, err = run_cli(["export", url], capsys)
    assert rc == 0, err
    art = json.loads(out)["articles"][0]
    assert art["url"] == url and art["format"] == "html"
    assert BODY[0] in art["text"] and AD not in art["text"]
    assert site.hits["/story"] == 1 and list(page_cache.glob("*.page"))
    site.stop()  # offline from now on
    fetchmod._failures.clear()
    rc, out2, err = run_cli(["export", url], capsys)
    assert rc == 0, err
    assert json.loads(out2) == json.loads(out)


def test_refresh_fetches_again(site):
    url = site.page("/story", news_page())
    load_corpus([url])
    load_corpus([url])
    assert site.hits["/story"] == 1
    site.page("/story", news_page(author="Someone Else"))
    art = load_corpus([url], refresh=True).articles[0]
    assert site.hits["/story"] == 2 and art.byline == "Someone Else"


def test_failed_url_is_one_line_and_the_others_open(site, capsys):
    good = site.page("/good", news_page())
    missing = site.url("/missing")
    rc, out, err = run_cli(["export", good, missing], capsys)
    assert rc == 0
    assert [a["url"] for a in json.loads(out)["articles"]] == [good]
    lines = err.splitlines()
    assert len(lines) == 1 and missing in lines[0] and "HTTP 404" in lines[0]
    assert "skipped" in lines[0] and "Traceback" not in err


def test_every_url_failing_is_an_error(site, capsys):
    a, b = site.url("/nope"), site.url("/gone")
    rc, out, err = run_cli(["export", a, b], capsys)
    assert rc == 2 and out == ""
    assert a in err and b in err and err.count("HTTP 404") >= 2
    rc, out, err = run_cli(["export", a], capsys)
    assert rc == 2 and err.count("\n") == 1 and err.startswith(f"synopsis: {a}: HTTP 404")


def test_timeout(site, monkeypatch):
    monkeypatch.setattr(fetchmod, "TIMEOUT", 0.5)
    site.routes["/slow"] = ("sleep", 3)
    t0 = time.monotonic()
    with pytest.raises(fetchmod.FetchError, match="timed out"):
        fetchmod.fetch(site.url("/slow"))
    assert time.monotonic() - t0 < 2.5
    # remembered for a moment: the reader does not wait twice
    t0 = time.monotonic()
    with pytest.raises(fetchmod.FetchError, match="timed out"):
        fetchmod.fetch(site.url("/slow"))
    assert time.monotonic() - t0 < 0.2


def test_not_a_web_page(site, capsys):
    good = site.page("/good", news_page())
    pdf = site.page("/file.pdf", b"%PDF-1.4 binary", ctype="application/pdf")
    rc, out, err = run_cli(["export", pdf, good], capsys)
    assert rc == 0 and len(json.loads(out)["articles"]) == 1
    assert "not a web page (content type application/pdf)" in err and err.count("\n") == 1


def test_huge_response_cut_off_at_the_limit(site, monkeypatch):
    monkeypatch.setattr(fetchmod, "MAX_BYTES", 64 * 1024)
    site.routes["/huge"] = ("huge", 2000)  # ~2 MB offered
    page = fetchmod.fetch(site.url("/huge"))
    assert page.truncated and len(page.body) == 64 * 1024
    corpus = load_corpus([site.url("/huge")])
    assert any("size limit" in w for w in corpus.warnings)
    assert BODY[0] in corpus.articles[0].text


def test_redirect_followed_and_gzip_read(site):
    site.page("/final", gzip.compress(news_page().encode()), **{"Content-Encoding": "gzip"})
    site.routes["/old"] = ("redirect", "/final")
    page = fetchmod.fetch(site.url("/old"))
    assert page.final_url.endswith("/final") and b"<article>" in page.body
    art = load_corpus([site.url("/old")]).articles[0]
    assert art.path == site.url("/old") and BODY[0] in art.text


def test_plain_text_url_is_read_as_text(site):
    url = site.page("/wire.txt", "Budget approved\n\n" + " ".join(OTHER_BODY) + "\n",
                    ctype="text/plain; charset=utf-8")
    art = load_corpus([url]).articles[0]
    assert art.fmt == "text" and art.text.startswith("Budget approved")


def test_unsupported_scheme_and_bad_address(capsys):
    rc, _, err = run_cli(["export", "ftp://example.invalid/a.html"], capsys)
    assert rc == 2 and "only http:// and https://" in err and err.count("\n") == 1


def test_mixed_files_folders_urls(tmp_path, site, capsys):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "x.html").write_text(news_page(site="Saved Site"))
    (tmp_path / "y.txt").write_text("Budget approved\n\n" + " ".join(OTHER_BODY) + "\n")
    url = site.page("/z", news_page(site="Web Site"))
    rc, out, err = run_cli(["export", str(folder), str(tmp_path / "y.txt"), url], capsys)
    assert rc == 0, err
    doc = json.loads(out)
    assert [a["id"] for a in doc["articles"]] == ["x", "y", url_id(url)]
    assert [a["outlet"] for a in doc["articles"]][::2] == ["Saved Site", "Web Site"]


def test_url_ids():
    assert url_id("https://www.example.com/news/world-64507225") == "example.com_world-64507225"
    assert url_id("https://example.com/") == "example.com"
    assert url_id("https://example.com/a/story.html?x=1") == "example.com_story"


def test_reader_prints_failed_urls_before_opening(site, capsys, monkeypatch):
    """The reader fetches first: each failed URL gets its line on stderr; with none left,
    it exits 2 without opening a window."""
    rc, _, err = run_cli([site.url("/a"), site.url("/b")], capsys)
    assert rc == 2
    assert err.count("HTTP 404") == 2 and "every URL failed" in err


def test_cache_ignores_a_foreign_or_corrupt_entry(site, page_cache):
    url = site.page("/story", news_page())
    fetchmod.fetch(url)
    entry = next(page_cache.glob("*.page"))
    entry.write_bytes(b"not json\n<html>")
    assert fetchmod.read_cached(url) is None
    fetchmod.fetch(url)
    assert site.hits["/story"] == 2 and fetchmod.read_cached(url) is not None


def test_plain_text_runs_never_load_the_web_stack(tmp_path):
    """Start-up stays light: trafilatura, lxml and urllib's opener load only for web input."""
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("Story\n\nThe council met on Monday. It approved it.\n")
    code = ("import sys\n"
            "from tui.cli import main\n"
            "heavy = ('trafilatura', 'lxml', 'urllib.request', 'textual_serve', 'aiohttp')\n"
            "assert not [m for m in heavy if m in sys.modules], 'at import'\n"
            "main(['export', sys.argv[1], '-o', sys.argv[2]])\n"
            "main(['export', sys.argv[1], '--format', 'md', '-o', sys.argv[2]])\n"
            "bad = [m for m in heavy if m in sys.modules]\n"
            "assert not bad, bad\n")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "a.txt"),
                        str(tmp_path / "out")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_utf16_page_with_bad_bytes_reads_now_and_from_the_cache(site):
    """A UTF-16 page with a lone surrogate used to crash every later run from the cache."""
    import codecs

    text = "Budget approved\n\n" + " ".join(OTHER_BODY) + "\n"
    url = site.page("/u16.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le") + b"\x00\xd8",
                    ctype="text/plain")
    for _ in range(2):
        corpus = load_corpus([url])
        assert corpus.articles[0].text.startswith("Budget approved")
        assert any("UTF-16" in w for w in corpus.warnings)
    assert site.hits["/u16.txt"] == 1


def test_a_page_that_cannot_be_read_is_not_kept(site, page_cache, capsys):
    good = site.page("/good", news_page())
    menu = site.page("/menu", "<html><body><nav>Home News</nav></body></html>")
    rc, _, err = run_cli(["export", good, menu], capsys)
    assert rc == 0 and "no article text found" in err
    assert fetchmod.read_cached(menu) is None and fetchmod.read_cached(good) is not None


def test_page_past_the_size_limit_is_skipped_with_one_line(site, capsys, monkeypatch):
    """A page whose text is longer than the analysis limit: skipped like a page that cannot
    be read (one line, the others open); alone, exit 2."""
    from tui.engine import load

    monkeypatch.setattr(load, "MAX_CHARS", 2000)
    good = site.page("/good", news_page())
    long_body = [f"Paragraph {k}: the council heard from residents about the budget." for k
                 in range(60)]
    big = site.page("/big", news_page(body=long_body))
    plain = site.page("/big.txt", "Budget\n\n" + " ".join(long_body) + "\n",
                      ctype="text/plain; charset=utf-8")
    rc, out, err = run_cli(["export", good, big, plain], capsys)
    assert rc == 0 and [a["url"] for a in json.loads(out)["articles"]] == [good]
    lines = err.splitlines()
    assert len(lines) == 2 and all("too long to analyse" in x and "skipped" in x for x in lines)
    rc, out, err = run_cli(["export", big], capsys)
    assert rc == 2 and err.count("\n") == 1 and "too long to analyse" in err
