"""The ``lede`` command line: the reader, and the script-friendly subcommands.

Subcommands never import Textual, so ``lede list`` and friends start fast.
No traceback reaches a user: expected failures print one line and exit 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from typing import TextIO

from library.query import QueryError

SUBCOMMANDS = ("check", "list", "topics", "index", "preview")


def _version() -> str:
    try:
        return version("lede")
    except PackageNotFoundError:
        return "0+unknown"


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lede",
        description="Read a corpus of news articles (Markdown with YAML front matter). "
        f"Subcommands: {', '.join(SUBCOMMANDS)} (lede SUBCOMMAND --help).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to open")
    parser.add_argument("--version", action="version", version=f"lede {_version()}")
    parser.add_argument("--serve", action="store_true", help="serve the reader to a browser")
    parser.add_argument("--port", type=int, default=8000, help="port for --serve")
    parser.add_argument("--host", default="127.0.0.1", help="address for --serve")
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lede")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate documents")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--json", action="store_true", help="JSON Lines output")
    listing = commands.add_parser("list", help="list matching articles, newest first")
    listing.add_argument("paths", nargs="*", metavar="PATH")
    listing.add_argument("-q", "--query", default="", help="a query (see the README)")
    listing.add_argument("--sort", choices=("date", "quality", "title"), default="date")
    listing.add_argument("--limit", type=int, default=None)
    listing.add_argument("--json", action="store_true", help="JSON Lines output")
    topics = commands.add_parser("topics", help="the topic tree with article counts")
    topics.add_argument("paths", nargs="*", metavar="PATH")
    index = commands.add_parser("index", help="build or update the index of a corpus")
    index.add_argument("paths", nargs="*", metavar="PATH")
    preview = commands.add_parser("preview", help="fetch a URL and print its readable text")
    preview.add_argument("url")
    preview.add_argument("--json", action="store_true", help="one JSON object")
    return parser


def corpus_paths(paths: list[str]) -> list[str]:
    """``paths``, or when none are given the defaults (see ``default_paths``); a problem
    with the settings file is a warning on stderr, never a reason to stop."""
    if paths:
        return paths
    from library.corpus import default_paths
    from library.settings import load_settings

    settings = load_settings()
    for problem in settings.problems:
        sys.stderr.write(f"lede: warning: {problem}\n")
    return default_paths(settings)


def _open(paths: list[str]):
    """Open and refresh the index of ``paths`` (the defaults when empty)."""
    from library.corpus import open_index, open_state

    state = open_state()
    index = open_index(corpus_paths(paths), state)
    report = index.refresh()
    return index, report


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    """``lede check``: one line per problem, a summary, exit 1 if anything is invalid."""
    from library.check import check

    report = check(args.paths)
    for problem in report.problems:
        if args.json:
            record = {
                "path": problem.path,
                "line": problem.line,
                "severity": problem.severity,
                "message": problem.message,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.write(f"{problem}\n")
    if args.json:
        out.write(
            json.dumps(
                {"summary": report.summary, "files": report.files, "invalid": report.invalid}
            )
            + "\n"
        )
    else:
        out.write(report.summary + "\n")
    return 1 if report.invalid else 0


def run_list(args: argparse.Namespace, out: TextIO) -> int:
    """``lede list``: matching articles, newest first (or by --sort)."""
    index, _ = _open(args.paths)
    rows = index.search(args.query, sort=args.sort, limit=args.limit)
    if args.json:
        for record in index.records([row.id for row in rows]):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
    for row in rows:
        day = (
            datetime.fromtimestamp(row.published, UTC).strftime("%Y-%m-%d")
            if row.published is not None
            else "----------"
        )
        quality = "" if row.quality is None else f"  q{row.quality}"
        provider = f"  — {row.provider}" if row.provider else ""
        out.write(f"{day}  {row.title}{provider}{quality}\n")
    return 0


def run_topics(args: argparse.Namespace, out: TextIO) -> int:
    """``lede topics``: the tree, indented, with article counts including descendants."""
    index, _ = _open(args.paths)
    tree = index.topic_tree()
    counts = index.topic_counts()
    out.write(f"All articles ({index.count()})\n")
    for key, depth in tree.walk():
        out.write(f"{'  ' * (depth + 1)}{tree.nodes[key].name} ({counts.get(key, 0)})\n")
    return 0


def run_index(args: argparse.Namespace, out: TextIO) -> int:
    """``lede index``: build or update the index, with a progress line on a terminal."""
    from library.corpus import open_index, open_state

    index = open_index(corpus_paths(args.paths), open_state())
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            sys.stderr.write(f"\rindexing {done}/{total}" if total else f"\rindexing {done}…")
            sys.stderr.flush()

    report = index.refresh(progress)
    if show and report.parsed:
        sys.stderr.write("\n")
    out.write(
        f"indexed {index.count()} articles from {report.scanned} files "
        f"({report.parsed} parsed, {report.removed} removed) in {report.seconds:.2f}s\n"
    )
    return 0


def run_preview(args: argparse.Namespace, out: TextIO) -> int:
    """``lede preview URL``: the readable text of a page, as Markdown."""
    from library import paths
    from preview import preview_command

    return preview_command(args.url, args.json, paths.cache_dir() / "previews", out)


def run_reader(args: argparse.Namespace) -> int:
    """Open the full-screen reader (or serve it to a browser)."""
    if args.serve:
        from tui.serve import serve

        return serve(args.paths, host=args.host, port=args.port)
    from tui.collector import pause_collection

    pause_collection()  # until the reader has painted
    from tui.app import LedeApp
    from tui.lifeline import Lifeline

    app = LedeApp(args.paths)
    with Lifeline(app):  # a hangup or SIGTERM at any moment ends it, and all it started
        app.run()
    return app.return_code or 0


RUNNERS = {
    "check": run_check,
    "list": run_list,
    "topics": run_topics,
    "index": run_index,
    "preview": run_preview,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lede`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = _command_parser().parse_args(argv)
            return RUNNERS[args.command](args, sys.stdout)
        return run_reader(_reader_parser().parse_args(argv))
    except QueryError as error:
        sys.stderr.write(f"lede: bad query: {error}\n")
    except KeyboardInterrupt:
        sys.stderr.write("lede: interrupted\n")
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except OSError as error:
        sys.stderr.write(
            f"lede: {error.strerror or error}"
            f"{': ' + str(error.filename) if error.filename else ''}\n"
        )
    except Exception as error:  # noqa: BLE001 - one line for the user, details on request
        if os.environ.get("LEDE_DEBUG"):
            raise
        sys.stderr.write(
            f"lede: unexpected error: {type(error).__name__}: {error} "
            "(set LEDE_DEBUG=1 for details)\n"
        )
        return 2
    return 1


if __name__ == "__main__":
    sys.exit(main())
