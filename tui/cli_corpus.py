"""Opening a corpus from the command line: the paths (given, or the defaults), the
settings, the index with its reading state, and the one-line messages about them."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from models.text import printable

if TYPE_CHECKING:
    from pathlib import Path

    from library.index import CorpusIndex, RefreshReport
    from library.query import Query
    from library.settings import Settings
    from library.state import StateStore
    from library.stream import Stream


class UsageError(Exception):
    """A mistake in the command line, such as a missing path: one line, exit 2."""


def not_there(path: str) -> str | None:
    """Why a path given cannot be opened (none there, a link that leads nowhere or round
    in a loop, a relative one in a current folder since removed), or None when it can."""
    if not os.path.isabs(path) and not _current_folder_there():
        return (
            "the current folder is gone (removed, or replaced as by a git checkout): "
            f"cd into it again to open {printable(path)}"
        )
    try:
        os.stat(path)
    except OSError as error:
        if os.path.islink(path):
            from library.scan import why

            return f"cannot follow the link {printable(path)}: {why(error)}"
        return f"no such file or folder: {printable(path)}"
    return None


def _current_folder_there() -> bool:
    """Whether the current folder is still there: a shell left in one a git checkout
    removed (and put back anew) opened ``.`` as itself, then failed as it was resolved,
    with "lede: No such file or directory"."""
    try:
        os.getcwd()
    except FileNotFoundError:
        return False
    return True


def existing(paths: list[str]) -> list[str]:
    """``paths``, each of which exists; raises ``UsageError`` naming the first that does not."""
    for path in paths:
        if reason := not_there(path):
            raise UsageError(reason)
    return paths


def settings_warned() -> Settings:
    """The settings file; each problem with it is a warning on stderr, never a reason
    to stop."""
    from library.settings import load_settings

    settings = load_settings()
    for problem in settings.problems:
        sys.stderr.write(f"lede: warning: {problem}\n")
    return settings


def corpus_paths(paths: list[str], settings: Settings | None = None) -> list[str]:
    """``paths``, or when none are given the defaults (see ``default_paths``; the settings
    are read if not given). A path that does not exist, given or configured, raises
    ``UsageError``; a configured one says where it was configured."""
    if paths:
        return existing(paths)
    return existing_defaults(settings or settings_warned())


def existing_defaults(settings: Settings) -> list[str]:
    """The paths opened when none are given, each of which exists; one that does not is
    a ``UsageError`` that says where it was named: ``lede`` with no PATH said only "no
    such file or folder: /old/news", of a path its user never typed."""
    from library.corpus import default_paths

    try:
        return existing(default_paths(settings))
    except UsageError as error:
        if os.environ.get("LEDE_FEEDS", "").strip():
            origin = "$LEDE_FEEDS"
        else:
            from library.paths import config_file

            origin = f"paths in {printable(str(config_file()))}"
        raise UsageError(f"{error} (from {origin})") from None


def warn_if_empty(index: CorpusIndex, roots: list[str]) -> None:
    """Say so on stderr when ``roots`` hold no article: an empty list is easily
    mistaken for a query that matched nothing."""
    if index.count():
        return
    from library.empty import why_no_articles

    sys.stderr.write(f"lede: {why_no_articles(index, roots)}\n")


def waiting_said() -> Callable[[str], None]:
    """Says once on stderr whom a refresh waits for: another lede indexing this corpus
    (on a terminal only: it soon ends), or another program holding the index (there
    too when stderr is a file: a script's log then says why it took so long)."""
    from library.writer import by_program

    said: set[str] = set()

    def waiting(whom: str) -> None:
        if whom not in said and (by_program(whom) or sys.stderr.isatty()):
            said.add(whom)
            ending = " (Ctrl-C to stop)" if by_program(whom) else ""
            sys.stderr.write(f"lede: waiting for {whom}{ending}…\n")
            sys.stderr.flush()

    return waiting


def _open_state(index: CorpusIndex | None = None):  # the StateStore, imported late
    """The reading state, or None (said on stderr) when it is damaged or cannot be made
    (a data folder on a read-only disk): what needs no state still works, and the file
    is left as it is. One that can be read but not written (another user's) is read as
    it is by ``index``, when given, for its ``is:`` queries."""
    from library.corpus import open_state
    from library.damage import StateDamaged
    from library.db import CannotOpen
    from tui.failure import one_line

    try:
        return open_state()
    except StateDamaged as error:
        sys.stderr.write(f"lede: warning: {error}\n")
    except (CannotOpen, OSError) as error:
        if index is not None and _read_as_it_is(index):
            said = "the reading state cannot be written, so it is read as it is"
        else:
            said = "no reading state, so no is: queries"
        sys.stderr.write(f"lede: warning: {said} ({one_line(error)})\n")
    return None


# How a state that cannot be written is read as it is: the second where its log cannot be
# read without writing beside it (a folder not writable).
READINGS = ("mode=ro", "immutable=1")


def _read_as_it_is(index: CorpusIndex) -> bool:
    """Whether the reading state, which cannot be written, can be read by ``index``: a
    state another user made (``sudo lede``) had ``is:unread`` refused as if there were
    none."""
    import sqlite3

    from library.corpus import state_file
    from library.db import not_a_file

    path = state_file()
    if not_a_file(path):  # a FIFO opened to be read waits for a writer forever
        return False
    for reading in READINGS:
        try:
            with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?{reading}", uri=True)) as db:
                db.execute("SELECT 1 FROM read, starred LIMIT 1").fetchall()
        except sqlite3.Error:  # not there, not readable, damaged, of no known shape
            continue
        index.attach_state(path, reading)
        return True
    return False


CARRY_WAIT = 30.0  # seconds the marks of moved posts wait for the reading state's lock
CARRY_POLL = 0.25  # seconds between two tries, a Ctrl-C answered between them


def carry_marks(report: RefreshReport, state: StateStore | None = None) -> None:
    """Give the reading state of the posts the refresh found moved or renamed to their new
    paths (the index no longer knows the old ones: left for later, the marks were lost).

    A reader marking a large corpus read holds the state's lock for seconds: this waited 5
    of them in silence, then ended in "unexpected error: OperationalError: database is
    locked", and the marks of the moved posts were lost. It now waits up to
    ``CARRY_WAIT`` seconds, saying so, and a failure is one line that says what was not
    carried."""
    if not report.renamed:
        _carry_kept(state)
        return
    state = state or _open_state()
    if state is None:
        return
    import sqlite3
    import time

    from library.state_writes import not_saved

    deadline = time.monotonic() + CARRY_WAIT
    said = False
    with state.waiting(CARRY_POLL):
        while True:
            try:
                state.carry(report.renamed)
                return
            except sqlite3.Error as error:
                busy = getattr(error, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_BUSY
                if not busy or time.monotonic() > deadline:
                    _kept(report, state.path, f"lede: {not_saved(error, state.path)}")
                    return
            if not said:
                said = True
                sys.stderr.write(
                    "lede: waiting for another program, which holds the reading state "
                    f"{printable(str(state.path))} (Ctrl-C to stop)…\n"
                )
                sys.stderr.flush()


def _carry_kept(state: StateStore | None) -> None:
    """The moves an earlier run kept (``kept_moves``), carried if the state is free now: a
    run that found nothing moved waits for no lock."""
    import sqlite3

    from library.corpus import state_file
    from library.kept_moves import waiting

    if not waiting(state.path if state else state_file()):
        return
    state = state or _open_state()
    if state is not None:
        with contextlib.suppress(sqlite3.Error), state.waiting(CARRY_POLL):
            state.carry([])


def _kept(report: RefreshReport, state_path: Path, why: str) -> None:
    """Keep the moves not carried for the next lede that can write the state, and say so
    (they were lost, and the line only named how many)."""
    from library.counts import plural
    from library.kept_moves import keep
    from tui.failure import one_line

    moved = plural(len(report.renamed), "moved post")
    try:
        kept = keep(state_path, list(report.renamed))
    except OSError as error:
        sys.stderr.write(f"{why} (the marks of {moved}; {one_line(error)})\n")
        return
    sys.stderr.write(
        f"{why} (the marks of {moved} are kept in {printable(str(kept))}; "
        "the next lede run carries them)\n"
    )


def said_if_rebuilt(index: CorpusIndex, report: RefreshReport) -> None:
    if index.rebuilt or report.rebuilt:
        from library.damage import REBUILT

        sys.stderr.write(f"lede: {REBUILT}\n")


def _as_stored(index: CorpusIndex, error: Exception) -> RefreshReport:
    """An index that can be read but not written (``chmod 444``) is read as it is: what
    it holds is listed, and one line says how many files changed since, if any (``lede
    list`` failed with "attempt to write a readonly database" where it could read)."""
    from library.differences import find_differences
    from library.reports import RefreshReport

    stored = int(index.db.execute("SELECT count(*) FROM files").fetchone()[0])
    if not stored:  # nothing to read
        raise error
    found = find_differences(str(index.db_path), index.roots, stored)
    if changed := len(found.changed) + len(found.gone):
        from library.counts import plural

        sys.stderr.write(
            f"lede: warning: the index cannot be written, so it is read as it was, without "
            f"{plural(changed, 'change')} to the files ({printable(str(error))})\n"
        )
    return RefreshReport(scanned=0, parsed=0, removed=0, seconds=0.0)


def open_corpus(paths: list[str], settings: Settings | None = None):
    """Open and refresh the index of ``paths`` (the defaults when empty)."""
    from library.corpus import open_index
    from library.db import IndexReadOnly

    roots = corpus_paths(paths, settings)
    index = open_index(roots, None)
    state = _open_state(index)
    if state is not None:
        index.attach_state(state.path)
    try:
        report = index.refresh(waiting=waiting_said())
    except IndexReadOnly as error:
        report = _as_stored(index, error)
    carry_marks(report, state)
    said_if_rebuilt(index, report)
    warn_if_empty(index, roots)
    return index, report


def open_listed(args: argparse.Namespace) -> tuple[CorpusIndex, Query]:
    """The index of ``args.paths`` and the query of ``args.query`` (none for ``topics``,
    which takes none) within the corpus's stream (on a site its news) unless
    ``args.all``: what ``list``, ``stats`` and ``topics`` count."""
    from library.query import parse_query
    from library.stream import Stream, default_stream, not_in_corpus

    settings = settings_warned()
    index, _ = open_corpus(args.paths, settings)
    stream = Stream()
    if not args.all:
        stream = default_stream(
            index.roots,
            settings.collections,
            settings.hide_unpublished,
            index.holds_collections(),
            index.languages(),
        )
        if settings.collections and stream.collections:
            said = not_in_corpus(settings.collections, index.collection_names())
            if said:
                sys.stderr.write(f"lede: warning: {said}\n")
    query = stream.applied(parse_query(getattr(args, "query", "")))
    _say_languages_left_out(stream, query, takes_query="query" in args)
    _say_kept_out(index)
    return index, query


def _say_kept_out(index: CorpusIndex) -> None:
    """One line on stderr naming the first document an error kept out of the list, and
    how many more: a list of what could be read said nothing of the rest, while the
    reader names them as it starts. (An index with no article says why in its own way.)"""
    problems = index.kept_out() if index.count() else []
    if not problems:
        return
    more = len({problem.path for problem in problems} - {problems[0].path})
    tail = f" (and {more} more; lede check says each)" if more else ""
    sys.stderr.write(f"lede: warning: not read: {problems[0]}{tail}\n")


def _say_languages_left_out(stream: Stream, query: Query, takes_query: bool) -> None:
    """One line on stderr (stdout is for what reads JSON) naming the languages a site's
    list leaves out, unless the query named some: nothing else said they were there."""
    if query.names_language:
        return
    shows = "-q lang:{first}, -q lang:* or --all lists them" if takes_query else "--all counts them"
    if said := stream.languages_left_out(shows):
        sys.stderr.write(f"lede: {said}\n")
