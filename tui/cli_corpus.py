"""Opening a corpus from the command line: the paths (given, or the defaults), the
settings, the index with its reading state, and the one-line messages about them."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from models.text import printable
from tui.cli_state import carry_marks, open_state_said

if TYPE_CHECKING:
    from library.index import CorpusIndex, RefreshReport
    from library.query import Query
    from library.settings import Settings
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
        named = default_paths(settings)
        if not named:  # ``LEDE_FEEDS=:``, a variable in it unset: it opened on no path at all
            raise UsageError("no file or folder named")
        return existing(named)
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
    state = open_state_said(index)
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
