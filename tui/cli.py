"""Command line: `synopsis [PATH...]` opens the reader, `synopsis export PATH...` writes a report,
`synopsis serve [PATH...]` serves the reader to a browser, `synopsis diff A B [C...]` and
`synopsis summary PATH...` print the comparison and the overview as text.

A PATH is an article file (.txt, .md, or a saved web page .html), a folder of them, a URL, or
a corpus file listing any of these one a line.

Nothing heavy is imported here: the engine, the app, the extractor and the web server are
imported by the command that needs them.
"""
from __future__ import annotations

import argparse
import os
import sys

PROG = "synopsis"
PATH_HELP = ("article files (.txt, .md, saved web pages .html), folders of them, http(s) URLs, "
             "or a corpus file listing any of these one a line; default: the bundled corpus")
REPORT_FORMATS = ("json", "html", "md")


def _err(msg: str) -> None:
    """One line on standard error; names, URLs and server answers in it made harmless."""
    from .engine.untrusted import one_line

    print(f"{PROG}: {one_line(msg)}", file=sys.stderr)


class _OneLineParser(argparse.ArgumentParser):
    """Usage errors as one line on standard error, exit 2 (for scripts reading stderr)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def export_parser() -> argparse.ArgumentParser:
    p = _OneLineParser(
        prog=f"{PROG} export",
        description="Analyse articles and write the result: JSON (the synopsis.export/1 "
                    "document), a self-contained HTML page, or a Markdown report.",
        epilog="A URL that cannot be fetched is skipped with one line on standard error; the "
               "export goes on with the others and exits 0 (2 when nothing could be read).")
    p.add_argument("paths", nargs="*", metavar="PATH", help=PATH_HELP)
    p.add_argument("--format", choices=REPORT_FORMATS, default=None,
                   help="output format (default: from the -o file's suffix, else json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--link", metavar="URL",
                   help="md: where the full (HTML) report is, linked at the end of the overview")
    p.add_argument("--refresh", action="store_true",
                   help="fetch URLs again instead of reading them from the page cache")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the analysis cache")
    return p


def reader_parser(prog: str = PROG) -> argparse.ArgumentParser:
    p = _OneLineParser(
        prog=prog,
        description="Read several articles about one event side by side: what each source adds, "
                    "changes or leaves out.",
        epilog="Subcommands: 'synopsis export PATH... [--format json|html|md] [-o FILE]', "
               "'synopsis serve [PATH...] [--host H] [--port N]', "
               "'synopsis diff A B [C...]', 'synopsis summary [PATH...]'.")
    p.add_argument("paths", nargs="*", metavar="PATH", help=PATH_HELP)
    p.add_argument("--no-cache", action="store_true", help="do not read or write the analysis cache")
    p.add_argument("--refresh", action="store_true",
                   help="fetch URLs again instead of reading them from the page cache")
    p.add_argument("--headless", action="store_true", help="run without a terminal (for timing, tests)")
    p.add_argument("--exit-after-first-frame", action="store_true",
                   help="exit 0 once the first complete frame is rendered")
    p.add_argument("--demo", action="store_true",
                   help="for talks: the bundled corpus (unless PATHs are given), more space "
                        "between sentences, the keys shown beside the panes")
    return p


def serve_parser() -> argparse.ArgumentParser:
    p = _OneLineParser(
        prog=f"{PROG} serve",
        description="Serve the reader to web browsers (textual-serve): each browser tab that "
                    "opens the address runs its own reader on the same articles.",
        epilog="Other reader options (e.g. --no-cache) are passed on to the reader.")
    p.add_argument("paths", nargs="*", metavar="PATH", help=PATH_HELP)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only; "
                        "0.0.0.0 lets the whole network in)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument("--public-url", metavar="URL",
                   help="the address browsers use, when it is not http://HOST:PORT "
                        "(behind a proxy, or with --host 0.0.0.0)")
    from .serve import MAX_SESSIONS  # (no web stack imported by this)

    p.add_argument("--max-sessions", type=int, default=MAX_SESSIONS, metavar="N",
                   help=f"at most N readers at once, each a process (default {MAX_SESSIONS})")
    p.add_argument("--refresh", action="store_true",
                   help="fetch URLs again instead of reading them from the page cache")
    return p


def _text_parser(name: str, description: str, least: int) -> argparse.ArgumentParser:
    p = _OneLineParser(
        prog=f"{PROG} {name}", description=description,
        epilog="Colour when standard output is a terminal and NO_COLOR is not set; "
               "--color always for a pager: 'synopsis diff --color always A B | less -R'.")
    p.add_argument("paths", nargs="+" if least else "*", metavar="PATH", help=PATH_HELP)
    p.add_argument("--width", type=int, default=None, metavar="N",
                   help="wrap at N columns (default: the terminal's width, 100 when piped)")
    p.add_argument("--color", "--colour", choices=("auto", "always", "never"), default="auto",
                   help="colour the output: auto (a terminal without NO_COLOR), always, never")
    p.add_argument("--refresh", action="store_true",
                   help="fetch URLs again instead of reading them from the page cache")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the analysis cache")
    return p


def diff_parser() -> argparse.ArgumentParser:
    return _text_parser(
        "diff", "Print the articles' aligned comparison as text, in the style of a word "
        "diff: each statement they share as a block, edits marked [-removed-] {+added+}, "
        "what only one source says marked +.", least=2)


def summary_parser() -> argparse.ArgumentParser:
    return _text_parser(
        "summary", "Print the overview as text: the headlines, what most sources share, "
        "what only one has, and where they disagree.", least=0)


def run_text(argv: list[str], which: str) -> int:
    """`synopsis diff` and `synopsis summary`: the analysis as text on standard output."""
    args = (diff_parser() if which == "diff" else summary_parser()).parse_args(argv)
    from .engine import InputError

    if args.width is not None and args.width < 40:
        _err(f"{which}: --width {args.width}: too narrow (40 columns at least)")
        return 2
    try:
        paths = _paths_or_seeds(args.paths)
        if not _prefetch(paths, args.refresh):
            return 2
        from .pipeline import open_analysis

        an = open_analysis(paths, cache=not args.no_cache, refresh=args.refresh)
    except InputError as e:
        _err(str(e))
        return 2
    for w in an.corpus.warnings:
        _err(f"warning: {w}")
    if which == "diff" and len(an.articles) < 2:
        _err("diff: needs two articles or more to compare")
        return 2
    from .report.plain import Style, diff_text, summary_text, wants_colour

    tty = sys.stdout.isatty() if hasattr(sys.stdout, "isatty") else False
    width = args.width or (os.get_terminal_size(sys.stdout.fileno()).columns if tty else 100)
    colour = args.color == "always" or (args.color == "auto" and wants_colour(sys.stdout))
    render = diff_text if which == "diff" else summary_text
    sys.stdout.write(render(an, width=width, style=Style(colour)))
    return 0


def _paths_or_seeds(paths: list[str]) -> list[str]:
    if paths:
        return paths
    from .engine.load import bundled_seeds

    return [str(bundled_seeds())]


def _prefetch(paths: list[str], refresh: bool) -> bool:
    """Fetch the URLs among `paths` (and in corpus files) into the page cache, one line on
    standard error per URL that fails.  False when nothing at all can be read."""
    from .engine.load import inputs

    todo = inputs(paths)
    urls = [i for i in todo if i.kind == "url"]
    if not urls:
        return True
    from .engine.fetch import fetch_all, normalise

    got = fetch_all([i.ref for i in urls], refresh=refresh)
    failed = 0
    for i in urls:
        res = got[normalise(i.ref)]
        if isinstance(res, Exception):
            failed += 1
            _err(f"{i.name()}: {res}; skipped")
    if failed and failed == len(todo):
        _err("no articles to read: every URL failed")
        return False
    return True


def run_export(argv: list[str], *, whole_process: bool = False) -> int:
    """`synopsis export`; `whole_process`: this process is the command and ends with it."""
    args = export_parser().parse_args(argv)
    from .engine import InputError
    from .engine.load import local_files
    from .report import fmt_for, render, write_report
    from .pipeline import open_analysis

    fmt = args.format or (fmt_for(args.output) if args.output else "json")
    try:
        paths = _paths_or_seeds(args.paths)
        if args.output:
            out = os.path.realpath(args.output)
            if any(os.path.realpath(p) == out for p in local_files(paths)):
                raise InputError(f"{args.output}: is one of the inputs; refusing to overwrite it")
        if whole_process:
            import gc

            # what start-up made lives until the process ends: no collection walks it again
            # (~2.5% of a seeds export's CPU)
            gc.freeze()
        an = open_analysis(paths, cache=not args.no_cache, refresh=args.refresh)
    except InputError as e:
        _err(str(e))
        return 2
    for w in an.corpus.warnings:
        _err(f"warning: {w}")
    if args.output:
        try:
            write_report(an, fmt, args.output, link=args.link)
        except OSError as e:
            _err(f"{args.output}: cannot write ({e.strerror or e})")
            return 2
    else:
        sys.stdout.write(render(an, fmt, link=args.link))
    return 0


def run_reader(argv: list[str]) -> int:
    args = reader_parser().parse_args(argv)
    from .engine import InputError

    try:
        paths = _paths_or_seeds(args.paths)
        if not _prefetch(paths, args.refresh):
            return 2
        from .app.main import run

        return run(paths, no_cache=args.no_cache, headless=args.headless,
                   exit_after_first_frame=args.exit_after_first_frame, demo=args.demo)
    except InputError as e:
        _err(str(e))
        return 2


def serve_command(paths: list[str], reader_args: list[str]) -> str:
    """The shell command textual-serve runs for each browser: this Python, this package."""
    import shlex

    absolute = [p if _is_url(p) else os.path.abspath(p) for p in paths]
    return shlex.join([sys.executable, "-m", "tui", *reader_args, "--", *absolute])


def _is_url(p: str) -> bool:
    from .engine.urls import is_url

    return is_url(p)


def run_serve(argv: list[str]) -> int:
    args, extra = serve_parser().parse_known_args(argv)
    # what is not a serve option goes to the reader: check it now, not in each browser tab
    reader = reader_parser(prog=f"{PROG} serve")
    reader_args = [a for a in extra if a.startswith("-")]
    paths = list(args.paths) + [a for a in extra if not a.startswith("-")]
    rargs = reader.parse_args(reader_args + ["--"] + paths)
    if rargs.headless or rargs.exit_after_first_frame:
        _err("serve: --headless and --exit-after-first-frame are not for a served reader")
        return 2
    if not 0 < args.port < 65536:
        _err(f"serve: --port {args.port}: not a port number (1-65535)")
        return 2
    if args.max_sessions < 1:
        _err(f"serve: --max-sessions {args.max_sessions}: at least 1")
        return 2
    from .engine import InputError

    try:
        if paths and not _prefetch(paths, args.refresh):
            return 2
        if paths:
            from .pipeline import open_analysis

            # bad input: one line now, not a broken page in the browser; and the analysis
            # made once, here, for every browser's reader to read from the cache
            open_analysis(paths, cache=not rargs.no_cache)
    except InputError as e:
        _err(str(e))
        return 2
    try:
        from .serve import make_server
    except ImportError:  # pragma: no cover - a broken installation
        _err("serve needs textual-serve (pip install textual-serve)")
        return 2
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        _err(f"warning: serving on {args.host}: anyone who can reach this machine on port "
             f"{args.port} can open the reader and read these articles")
    public = args.public_url
    if public is None and args.host in ("0.0.0.0", "::"):
        import socket

        # the page tells the browser where to connect: not 0.0.0.0, this machine's name
        public = f"http://{socket.gethostname()}:{args.port}"
    server = make_server(serve_command(paths, [a for a in reader_args if a != "--refresh"]),
                         host=args.host, port=args.port, public_url=public,
                         max_sessions=args.max_sessions)
    try:
        server.serve()
    except OSError as e:
        _err(f"serve: cannot listen on {args.host}:{args.port} ({e.strerror or e})")
        return 2
    return 0


def _stop_cleanly(signum, _frame) -> None:
    """SIGTERM / SIGHUP: remove the temporary file of a write under way, then stop as the
    signal would have stopped the process."""
    import signal

    from .engine.files import discard_pending

    discard_pending()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _on_termination() -> None:
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be set from the main thread (tests call main)
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) == signal.SIG_DFL:
            signal.signal(sig, _stop_cleanly)


def main(argv: list[str] | None = None) -> int:
    whole_process = argv is None     # run as the command, not called by a test or a program
    argv = list(sys.argv[1:] if argv is None else argv)
    _on_termination()
    try:
        if argv and argv[0] == "export":
            return run_export(argv[1:], whole_process=whole_process)
        if argv and argv[0] == "serve":
            return run_serve(argv[1:])
        if argv and argv[0] in ("diff", "summary"):
            return run_text(argv[1:], argv[0])
        return run_reader(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `synopsis export | head`: the reader went away; not an error of ours
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
