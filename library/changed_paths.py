"""What changed among a few paths a file watcher names, without walking the corpus.

A watcher reports files and folders: created, written, moved in or out, removed.
Each is looked at once: a document or taxonomy file is compared with what the
index holds by (size, mtime); a folder is walked (one moved in brings its
files, which may have no events of their own); a path that is gone takes with
it what the index holds at or under it. Paths outside the roots, hidden ones,
what a site leaves out, and links leading out of the corpus are left alone, as a
full scan leaves them.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterable

from library.db import select_in
from library.differences import Differences, usable_files
from library.exclusion_rules import SiteExclusions
from library.nested_sites import nested_site, rules_for
from library.scan import (
    CANDIDATE_SUFFIXES,
    FoundFile,
    Skipped,
    passed_over,
    scan,
    unreadable_document,
)
from library.sidecars import posts_beside
from library.site_exclusions import site_exclusions
from library.site_settings_files import changed_settings, sites_of


def _root_of(path: str, roots: list[str]) -> str | None:
    """The root ``path`` is under (or is), if it is under one and not passed over within
    it (hidden, or in ``node_modules``)."""
    for root in roots:
        if path == root:
            return root
        if path.startswith(os.path.join(root, "")):
            inside = os.path.relpath(path, root).split(os.sep)
            return None if any(passed_over(part) for part in inside) else root
    return None


def leads_outside(path: str, roots: list[str]) -> bool:
    """A symlink whose target is under none of the roots (a full scan skips it too)."""
    if not os.path.islink(path):
        return False
    target = os.path.join(os.path.realpath(path), "")
    return not any(target.startswith(os.path.join(os.path.realpath(r), "")) for r in roots)


def _stored_under(db: sqlite3.Connection, path: str) -> list[str]:
    """The indexed files at ``path`` or under it (when it was a folder)."""
    folder = os.path.join(path, "")
    rows = db.execute(
        "SELECT path FROM files WHERE path = ? OR (path >= ? AND path < ?)",
        (path, folder, folder[:-1] + chr(ord(os.sep) + 1)),
    )
    return [row[0] for row in rows]


def look_at(db: sqlite3.Connection, roots: list[str], paths: Iterable[str]) -> Differences:
    """The differences between the index and the files at ``paths`` (absolute paths)."""
    roots = [os.path.abspath(root) for root in roots]
    candidates: dict[str, FoundFile] = {}
    gone: set[str] = set()
    unusable: list[Skipped] = []  # a folder that cannot be read, a FIFO at a document's name
    sites: dict[str, SiteExclusions | None] = {}
    nested: dict[str, SiteExclusions | None] = {}
    for path in sorted({os.path.abspath(path) for path in paths}):
        root = _root_of(path, roots)
        if root is None:
            continue
        if leads_outside(path, roots):  # what it replaced is gone; the link is not followed
            gone.update(_stored_under(db, path))
            continue
        if root not in sites:
            sites[root] = site_exclusions(root)
        leave_out = rules_for(path, root, sites[root], nested)
        if leave_out and path != root and leave_out.covers(path):
            continue
        if os.path.isdir(path):
            rules = nested_site(path) or leave_out  # a site moved in whole: its own rules
            walked = scan([path], rules_of={path: rules}.get, within=path != root)
            for item in usable_files(walked, unusable):
                candidates[item.path] = item._replace(explicit=False, root=root)
            on_disk = set(candidates)
            gone.update(p for p in _stored_under(db, path) if p not in on_disk)
        elif os.path.isfile(path):
            # A folder replaced by a file: what the index holds under it is gone.
            gone.update(p for p in _stored_under(db, path) if p != path)
            if os.path.splitext(path)[1].lower() not in CANDIDATE_SUFFIXES and path != root:
                continue
            try:
                info = os.stat(path)
            except OSError:
                continue
            found = FoundFile.of(path, info, path == root, root)
            candidates.update((item.path, item) for item in usable_files([found], []))
        else:
            gone.update(_stored_under(db, path))
            if skipped := unreadable_document(path):
                unusable.append(skipped)
    sql = "SELECT path, size, mtime_ns FROM files WHERE path IN ({marks})"
    stored = {row[0]: (row[1], row[2]) for row in select_in(db, sql, candidates)}
    changed = {
        path: item
        for path, item in candidates.items()
        if stored.get(path) != (item.size, item.mtime_ns)
    }
    # A sidecar changed: its post (one the index holds, as the scan found it) is read again.
    posts = [post for post in posts_beside([*changed, *gone]) if post not in changed]
    for row in select_in(db, sql, posts):
        if beside := _post(row[0], roots):
            changed[row[0]] = beside
            stored[row[0]] = (row[1], row[2])
    if settings := changed_settings(db):  # their sites' files are read with them again
        for path in (path for site in sites_of(settings) for path in _stored_under(db, site)):
            if path not in changed and (page := _post(path, roots)):
                changed[path] = page
                stored.setdefault(path, (page.size, page.mtime_ns))
    paths = sorted(changed)
    kept = [path for path in paths if path in stored]
    files = [changed[path] for path in paths]
    return Differences(files, kept, sorted(gone), unusable, settings=settings)


def _post(path: str, roots: list[str]) -> FoundFile | None:
    """The file at ``path`` (a post beside a sidecar, a page of a site whose settings
    changed) as a scan finds it, if it is there."""
    root = _root_of(path, roots)
    try:
        info = os.stat(path)
    except OSError:
        return None
    if root is None or not stat.S_ISREG(info.st_mode):
        return None
    return FoundFile.of(path, info, path == root, root)
