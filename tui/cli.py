"""The ``lede`` command line: the reader, and the script-friendly subcommands.

Subcommands never import Textual, so ``lede list`` and friends start fast.
No traceback reaches a user: expected failures print one line and exit 1; a
mistake in the command line itself (a missing path, a bad option) exits 2.
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import sys
from collections.abc import Sequence
from typing import TextIO

from library.counts import plural
from library.days import local_date
from library.db import CannotOpen, interrupted
from library.query import QueryError
from models.text import json_line, printable
from models.topic import DEEPEST
from tui.check_command import run_check
from tui.cli_args import SUBCOMMANDS, parse_command, query_values_attached, reader_parser
from tui.cli_corpus import (
    UsageError,
    corpus_paths,
    open_listed,
    said_if_rebuilt,
    waiting_said,
    warn_if_empty,
)
from tui.cli_state import carry_marks
from tui.failure import INTERRUPTED, INTERRUPTED_LINE, one_line
from tui.fallback import plain_where_needed
from tui.reader_command import run_reader


def run_list(args: argparse.Namespace, out: TextIO) -> int:
    """``lede list``: matching articles, newest first (or by --sort); on a site its default
    stream unless the query names collections or ``--all`` asks for everything."""
    index, query = open_listed(args)
    if args.stories:
        from tui.story_lines import write_stories

        return write_stories(index, query, args, out)
    rows = index.search(query, sort=args.sort, limit=args.limit)
    if args.json:
        from tui.records import json_records

        for record in json_records(index, [row.id for row in rows]):
            out.write(json_line(record, out.encoding) + "\n")
        return 0
    for row in rows:
        day = local_date(row.published) if row.published is not None else "----------"
        quality = "" if row.quality is None else f"  q{row.quality}"
        provider = f"  — {row.provider}" if row.provider else ""
        out.write(f"{day}  {row.title}{provider}{quality}\n")
    return 0


def run_topics(args: argparse.Namespace, out: TextIO) -> int:
    """``lede topics``: the tree, indented, with article counts including descendants, of
    what ``lede list`` lists (on a site its stream, unless ``--all``)."""
    index, query = open_listed(args)
    tree = index.topic_tree()
    counts = index.topic_counts(within=query)
    out.write(f"All articles ({len(index.results(query).ids):,})\n")
    for key, depth in tree.walk():
        if not tree.shown(key, counts.get(key, 0)):
            continue
        indent = "  " * (min(depth, DEEPEST) + 1)  # as deep as the reader's tree shows
        out.write(f"{indent}{tree.nodes[key].label} ({counts.get(key, 0):,})\n")
    return 0


def run_stats(args: argparse.Namespace, out: TextIO) -> int:
    """``lede stats``: articles per month, top topics and providers, of what ``lede list``
    would list for the same query."""
    from library.stats import corpus_stats, render_stats
    from tui.cell_width import same_width

    index, query = open_listed(args)
    stats = corpus_stats(index, index.results(query).ids)
    if args.json:
        out.write(json_line(stats.as_record(), out.encoding) + "\n")
    else:
        out.write(render_stats(stats, same_width))
    return 0


def run_index(args: argparse.Namespace, out: TextIO) -> int:
    """``lede index``: build or update the index, with a progress line on a terminal."""
    from library.corpus import open_index
    from tui.progress import BAR_WIDTH, progress_line

    roots = corpus_paths(args.paths)
    index = open_index(roots, None)  # indexing needs no reading state
    drawn = [0]  # the width of the line drawn last, to be covered by the next

    def progress(done: int, total: int) -> None:
        """A bar redrawn in place with ``\\r`` on a terminal; nothing when piped."""
        line = progress_line(done, total, width=2 * BAR_WIDTH)
        sys.stderr.write(f"\r{line.ljust(drawn[0])}")
        sys.stderr.flush()
        drawn[0] = len(line)

    report = index.refresh(progress if sys.stderr.isatty() else None, waiting_said())
    carry_marks(report)
    if drawn[0]:
        sys.stderr.write("\n")
    said_if_rebuilt(index, report)
    out.write(
        f"indexed {plural(index.count(), 'article')} from {plural(report.scanned, 'file')} "
        f"({report.parsed:,} parsed, {report.removed:,} removed) in {report.seconds:.2f} s\n"
    )
    warn_if_empty(index, roots)
    return 0


def run_preview(args: argparse.Namespace, out: TextIO) -> int:
    """``lede preview URL``: the readable text of a page, as Markdown."""
    from library import paths
    from preview import preview_command

    return preview_command(args.url, args.json, paths.cache_dir() / "previews", out)


def run_demo(args: argparse.Namespace, out: TextIO) -> int:
    """``lede demo DIR``: a synthetic site in a new or empty folder, and how to open it."""
    import shlex
    import time
    from pathlib import Path

    from library.synthetic import generate

    folder = Path(args.folder)
    named = printable(str(folder))  # a name with an escape sequence is shown as written
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "not empty" if folder.is_dir() else "not a folder"
        sys.stderr.write(f"lede: {named} is {what}: demo writes into a new or empty folder\n")
        return 2
    started = time.perf_counter()
    written = generate(folder, args.count)
    seconds = time.perf_counter() - started
    out.write(f"wrote {written.summary()} to {named} in {seconds:.1f} s\n")
    out.write(f"open it with: lede {printable(shlex.quote(_as_a_path(str(folder))))}\n")
    return 0


def _as_a_path(folder: str) -> str:
    """``folder`` as ``lede`` reads it as a path: ``lede demo demo`` said to open it with
    ``lede demo``, which runs the command, and a name that starts with ``-`` is an option."""
    return f"./{folder}" if folder in SUBCOMMANDS or folder.startswith("-") else folder


def run_sync(args: argparse.Namespace, out: TextIO) -> int:
    """``lede sync``: see ``tui.sync_command`` (git is not needed before then)."""
    from tui.sync_command import sync_corpus

    return sync_corpus(args, out)


RUNNERS = {
    "check": run_check,
    "list": run_list,
    "topics": run_topics,
    "stats": run_stats,
    "index": run_index,
    "preview": run_preview,
    "demo": run_demo,
    "sync": run_sync,
}


READS_THE_INDEX = ("list", "topics", "stats", "index")


def _run_command(args: argparse.Namespace) -> int:
    """Run a subcommand. An index found damaged as it is read (a page that only some
    queries reach, past the checks made when it is opened) is discarded, and the
    command runs once more on one built again."""
    from library.damage import FULL_DISK, REBUILT, discard, filled_its_disk, is_damage
    from library.paths import index_file
    from library.writer import name_holder

    name_holder(f"lede {args.command}")  # to a lede that waits for this one's refresh
    try:
        return RUNNERS[args.command](args, sys.stdout)
    except sqlite3.DatabaseError as error:
        if args.command not in READS_THE_INDEX:
            raise
        if filled_its_disk(error):
            index = index_file(corpus_paths(args.paths))
            discard(index)
            sys.stderr.write(f"lede: {FULL_DISK}: {index.parent}\n")
            return 1
        if not is_damage(error):
            raise
    discard(index_file(corpus_paths(args.paths)))
    sys.stderr.write(f"lede: {REBUILT}\n")
    return RUNNERS[args.command](args, sys.stdout)


def _interrupted() -> int:
    """Ctrl-C: one line."""
    sys.stderr.write(INTERRUPTED_LINE)
    return INTERRUPTED


def run() -> None:
    """The ``lede`` command: ``main``, and then an end that a Ctrl-C cannot hold up. After
    one, nothing is left to do: a Ctrl-C can land inside the pool's own bookkeeping,
    after which the interpreter's teardown waited for workers that would never end. A
    late one, as the interpreter took its workers down, showed a traceback."""
    try:
        code = main()
    except KeyboardInterrupt:  # come as it ended
        code = _interrupted()
    if code == INTERRUPTED:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # the workers end with this process (``worker_start.in_background``)
    signal.signal(signal.SIGINT, lambda *_: os._exit(INTERRUPTED))
    sys.exit(code)


def _closed_streams_discarded() -> None:
    """A standard stream its caller closed (``lede index 2>&-`` in a cron job) takes what
    lede writes there and drops it, as Python's own print does; it was None, and the
    first write to it ended lede before it did anything."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def _user_paths(args: argparse.Namespace) -> argparse.Namespace:
    """The PATHs given as a launcher or a quoting shell leaves them, ``'~/news'``, read as
    the settings' are (see ``user_path``)."""
    if isinstance(getattr(args, "paths", None), list):
        from library.paths import user_path

        args.paths = [user_path(path) for path in args.paths]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lede`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _closed_streams_discarded()
    plain_where_needed()  # a terminal that is not UTF-8: "#" for "█", "-" for "—"
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = parse_command(query_values_attached(argv))
            if getattr(args, "query", "") == []:  # argparse takes "--" out of ``-q --``
                args.query = "--"
            return _run_command(_user_paths(args))
        return run_reader(_user_paths(reader_parser().parse_args(argv)))
    except UsageError as error:
        sys.stderr.write(f"lede: {error}\n")
        return 2
    except QueryError as error:
        sys.stderr.write(f"lede: bad query: {error}\n")
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except OSError as error:
        sys.stderr.write(f"lede: {one_line(error)}\n")
    except CannotOpen as error:  # a database in a read-only folder
        sys.stderr.write(f"lede: {error}\n")
    except Exception as error:  # noqa: BLE001 - one line for the user, details on request
        if interrupted(error):  # a Ctrl-C that came during a statement
            return _interrupted()
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
