"""Command line: `synopsis [PATH...]` opens the reader, `synopsis export PATH...` writes a report.

Nothing heavy is imported here: the engine and the app are imported by the
command that needs them.
"""
from __future__ import annotations

import argparse
import os
import sys

PROG = "synopsis"


def _err(msg: str) -> None:
    print(f"{PROG}: {msg}", file=sys.stderr)


def export_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=f"{PROG} export",
        description="Analyse articles and write the result (JSON: the synopsis.export/1 document).")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="article files (.txt, .md) or folders of them; default: the bundled corpus")
    p.add_argument("--format", choices=["json"], default="json", help="output format (default json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    return p


def reader_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Read several articles about one event side by side: what each source adds, "
                    "changes or leaves out.",
        epilog="Subcommands: 'synopsis export PATH... --format json [-o FILE]'.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="article files (.txt, .md) or folders of them; default: the bundled corpus")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the analysis cache")
    p.add_argument("--headless", action="store_true", help="run without a terminal (for timing, tests)")
    p.add_argument("--exit-after-first-frame", action="store_true",
                   help="exit 0 once the first complete frame is rendered")
    return p


def _paths_or_seeds(paths: list[str]) -> list[str]:
    if paths:
        return paths
    from .engine.load import bundled_seeds

    return [str(bundled_seeds())]


def run_export(argv: list[str]) -> int:
    args = export_parser().parse_args(argv)
    from .engine import InputError, analyse
    from .engine.export import to_json
    from .engine.load import expand

    try:
        paths = _paths_or_seeds(args.paths)
        if args.output:
            out = os.path.realpath(args.output)
            if any(os.path.realpath(p) == out for p in expand(paths)):
                raise InputError(f"{args.output}: is one of the input articles; "
                                 "refusing to overwrite it")
        an = analyse(paths)
    except InputError as e:
        _err(str(e))
        return 2
    for w in an.corpus.warnings:
        _err(f"warning: {w}")
    doc = to_json(an)
    if args.output:
        try:
            tmp = args.output + ".tmp"
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.write(doc)
            os.replace(tmp, args.output)
        except OSError as e:
            _err(f"{args.output}: cannot write ({e.strerror or e})")
            return 2
    else:
        sys.stdout.write(doc)
    return 0


def run_reader(argv: list[str]) -> int:
    args = reader_parser().parse_args(argv)
    from .engine import InputError

    try:
        paths = _paths_or_seeds(args.paths)
        from .app.main import run

        return run(paths, no_cache=args.no_cache, headless=args.headless,
                   exit_after_first_frame=args.exit_after_first_frame)
    except InputError as e:
        _err(str(e))
        return 2


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "export":
            return run_export(argv[1:])
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
