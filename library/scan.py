"""Finding the documents under the paths a user gives, safely.

Folders are walked recursively, never the same folder twice, so symlink loops
end. Symlinks are followed only to targets inside a path the user gave: a link to
``/`` or ``/proc`` would otherwise walk the whole file system. Hidden files and
folders are skipped, and so are installed packages (``node_modules``).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from library.sidecars import SIDECAR_SUFFIX
from models.problem import Problem, Severity
from models.regular_file import not_regular
from models.text import printable
from models.vault import PUBLISH_STYLE

if TYPE_CHECKING:
    from library.exclusion_rules import SiteExclusions

MARKUP_SUFFIXES: tuple[str, ...] = (".md", ".markdown", ".mdown", ".mdx", ".qmd", ".rmd")
MARKUP_SUFFIXES += (".djot", ".smd", ".html", ".htm")
"""Markdown (Quarto's, R Markdown's, Zine's SuperMD and Djot, its successor by CommonMark's
author, too) and HTML: a file of these without front matter is worth a warning in a check."""
# Text, reStructuredText, AsciiDoc and Org are read where they hold metadata (Nikola's
# posts, JBake's), and passed over quietly where not (a Sphinx project's pages, a README, a
# manual's chapters); Lektor's pages (``contents.lr``) are its fields; a Jupyter notebook
# is read where its first cell is a post's front matter (``models.notebook``).
DOCUMENT_SUFFIXES = frozenset(
    {*MARKUP_SUFFIXES, ".txt", ".rst", ".lr", ".adoc", ".asciidoc", ".org", ".ipynb"}
)
TAXONOMY_SUFFIXES = frozenset({".yaml", ".yml"})
# A post's sidecar is no document, but its change is its post's (see ``library.sidecars``).
CANDIDATE_SUFFIXES = DOCUMENT_SUFFIXES | TAXONOMY_SUFFIXES | {SIDECAR_SUFFIX}
VAULT_SETTINGS = ".obsidian"  # the folder that makes a vault of the one holding it (models.vault)


class FoundFile(NamedTuple):
    """A file to parse, with the stat data that says whether it changed and the root it
    was found under (the file itself when it was named), which places it in its site."""

    path: str
    size: int
    mtime_ns: int
    explicit: bool
    root: str

    @classmethod
    def of(cls, path: str, info: os.stat_result, explicit: bool, root: str) -> FoundFile:
        """``path`` as ``info`` (its stat) has it. A modification time outside SQLite's
        64-bit integers (past 2262 or before 1677: a clock gone wrong, ``touch -d``) is
        kept as the nearest one they hold: one such file stopped the whole index."""
        mtime_ns = min(max(info.st_mtime_ns, -(2**63)), 2**63 - 1)
        return cls(path, info.st_size, mtime_ns, explicit, root)


NOT_UTF8 = {
    "file": "file name is not UTF-8; rename it to read it",
    "folder": "folder name is not UTF-8; rename it to read what it holds",
}


def is_utf8(name: str) -> bool:
    """Whether a name is UTF-8, not bytes kept by ``surrogateescape``: the index (SQLite)
    holds only UTF-8 text, so one such name must be reported, not stop the whole corpus."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Skipped(NamedTuple):
    """A path the scan did not take, and why (one line, for the index's problems)."""

    path: str
    reason: str
    severity: Severity  # "error" for a path given that is not there, else "warning"

    def as_problem(self) -> Problem:
        """The index's problem of no one file, its message naming the path."""
        return Problem("", None, self.severity, f"{printable(self.path)}: {printable(self.reason)}")


def _stat_file(path: str, explicit: bool) -> FoundFile | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return FoundFile.of(path, info, explicit, path)


def scan(
    paths: Iterable[str],
    *,
    ordered: bool = True,
    rules_of: Callable[[str], SiteExclusions | None] | None = None,
    vaults: set[str] | None = None,
    within: bool = False,
) -> Iterator[FoundFile | Skipped]:
    """Yield every candidate file under ``paths``, and what was skipped: a path that
    does not exist, a link that leads outside them. ``ordered``: each folder's entries
    by name; otherwise as the file system lists them, never all held at once. What a
    site leaves out is left out: ``rules_of`` a folder given says what (by default, its
    own rules as a site; for folders inside a site, that site's), and in a folder that is
    no site, the rules of each site found inside it. ``vaults`` is given each folder
    walked that holds an ``.obsidian`` folder (an Obsidian vault; ``vault_roots``).
    ``within``: the paths are folders inside a corpus (a watcher saw them change), so one
    that cannot be read is a warning, as a walk of the corpus says it, not an error."""
    from library.site_exclusions import site_exclusions

    rules_of = rules_of or site_exclusions
    roots = list(dict.fromkeys(os.path.abspath(path) for path in paths))
    inside = tuple({os.path.join(os.path.realpath(root), "") for root in roots})
    # A file named and also under a folder named is yielded once, as named: the index
    # holds one article per path.
    named = frozenset(root for root in roots if os.path.isfile(root))
    seen_dirs: set[tuple[int, int]] = set()
    for root in roots:
        if not is_utf8(root):
            yield Skipped(root, NOT_UTF8["file" if root in named else "folder"], "error")
            continue
        if root in named:
            found = _stat_file(root, explicit=True)
            if found:
                yield found
            continue
        if not os.path.isdir(root):
            yield _not_a_document(root)
            continue
        yield from _walk(root, inside, seen_dirs, ordered, named, rules_of(root), vaults, within)


def _not_a_document(path: str) -> Skipped:
    """Why a path given is neither a file nor a folder: gone, or a FIFO or a device."""
    try:
        kind = not_regular(os.stat(path).st_mode)
    except OSError as error:
        if os.path.islink(path):
            return Skipped(path, unfollowed(error), "error")
        return Skipped(path, "no such file or directory", "error")
    return Skipped(path, f"{kind}, not a regular file: not read", "error")


def unreadable_document(path: str) -> Skipped | None:
    """Why a document's name a watcher saw change is not read, as a walk says it: a FIFO
    or a device at it, a link leading nowhere or round in a loop; None where nothing is
    there, or the name is no document's."""
    if not _is_candidate(os.path.basename(path)) or not os.path.lexists(path):
        return None
    return _not_a_document(path)._replace(severity="warning")


def _outside(link: str, inside: tuple[str, ...]) -> Skipped | None:
    """Why the symlink ``link`` is not followed, or None if it stays inside."""
    target = os.path.realpath(link)
    if os.path.join(target, "").startswith(inside):
        return None
    return Skipped(link, f"link leads outside the corpus (to {target}); not followed", "warning")


def why(error: OSError) -> str:
    """What the system said went wrong, as the middle of a sentence."""
    return (error.strerror or str(error)).lower()


def unfollowed(error: OSError) -> str:
    """Why a link was not followed: it leads nowhere, or round in a loop."""
    return f"link cannot be followed: {why(error)}"


def _walk(
    root: str,
    inside: tuple[str, ...],
    seen_dirs: set[tuple[int, int]],
    ordered: bool,
    named: frozenset[str],
    leave_out: SiteExclusions | None,
    vaults: set[str] | None = None,
    within: bool = False,
) -> Iterator[FoundFile | Skipped]:
    from library.nested_sites import rules_within

    stack = [(root, leave_out)]
    while stack:
        folder, leave_out = stack.pop()
        if leave_out is None or folder != root:  # a site inside: its own rules within it
            leave_out = rules_within(folder, leave_out)
        try:
            info = os.stat(folder)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen_dirs:
            continue
        seen_dirs.add((info.st_dev, info.st_ino))
        try:
            listing = os.scandir(folder)
        except OSError as error:  # its documents would be missed without a word
            reason = f"cannot read the folder: {why(error)}"
            named_root = folder == root and not within
            yield Skipped(folder, reason, "error" if named_root else "warning")
            continue
        subfolders: list[str] = []
        prefix = os.path.join(folder, "")
        excluding = leave_out.within(folder) if leave_out else None
        failed: list[OSError] = []
        with listing:
            # Sorted, every wanted name of a folder is held at once: the names only, as an
            # entry of the listing held three times what its name does. Unsorted, they stream.
            in_vault = None if vaults is None else partial(vaults.add, folder)
            wanted = _wanted(listing, failed, in_vault)
            names = sorted(wanted) if ordered else wanted
            for name in names:
                path = prefix + name
                if not (name.isascii() or is_utf8(name)):
                    kind = "folder" if isinstance(name, _Folder) else "file"
                    yield Skipped(path, NOT_UTF8[kind], "error")
                    continue
                try:
                    info = os.lstat(path)
                except OSError as error:
                    if error.errno == errno.ENAMETOOLONG:  # else gone since the listing
                        yield Skipped(path, too_long(path), "error")
                    continue
                if type(name) is str and stat.S_ISREG(info.st_mode):  # most: a document
                    if path not in named and not (excluding and excluding.excludes(path, False)):
                        yield FoundFile.of(path, info, False, root)
                    continue
                try:
                    found = _classify(path, name, info, inside, root)
                except OSError as error:  # a link that leads nowhere, or round in a loop
                    if isinstance(name, _Folder):
                        continue  # no document's name: nothing was meant to be read
                    found = Skipped(path, unfollowed(error), "warning")
                if (
                    excluding
                    and isinstance(found, str | FoundFile)
                    and excluding.excludes(path, isinstance(found, str))
                ):
                    continue
                if isinstance(found, str):
                    subfolders.append(found)
                elif found is not None:
                    yield found
        if failed:
            reason = f"cannot read all of the folder: {why(failed[0])}"
            named_root = folder == root and not within
            yield Skipped(folder, reason, "error" if named_root else "warning")
        stack.extend((subfolder, leave_out) for subfolder in reversed(subfolders))


def too_long(path: str) -> str:
    """Why a file or folder whose path is longer than the system opens is not read (deep
    in folders of long names): it was left out without a word."""
    size = len(os.fsencode(path))
    return f"its path is {size:,} bytes long, more than the system can open; not read"


def passed_over(name: str) -> bool:
    """Whether a file or folder of this name is never read: a hidden one (``.git``), the
    packages a web project installs (``node_modules``), whose thousands of READMEs,
    changelogs and pages are no articles of a blog kept beside them, Jekyll's templates
    (``_layouts``, ``_includes``: GitHub Pages builds a notes repository with them though
    it has no ``_config.yml``), an Obsidian drawing (``.excalidraw.md``: a scene's
    compressed data, no text), or the copy a sync tool leaves beside a file two machines
    changed (``post (conflicted copy 2026-12-06).md`` from Dropbox and Nextcloud,
    ``post.sync-conflict-20261206-101010-ABCDEFG.md`` from Syncthing): the article again,
    listed twice until someone merges the two."""
    return (
        name.startswith(".")
        or name in _NEVER_READ
        or name.endswith(".excalidraw.md")
        or ".sync-conflict-" in name
        or ("conflicted copy" in name and _CONFLICTED.search(name) is not None)
    )


_NEVER_READ = frozenset(("node_modules", "_layouts", "_includes"))
_CONFLICTED = re.compile(r"\([^()]*conflicted copy[^()]*\)")  # not a note's own title


class _Folder(str):
    """The name of an entry the listing says is a folder, with no document's suffix."""

    __slots__ = ()


def _wanted(
    listing: Iterable[os.DirEntry[str]],
    failed: list[OSError],
    in_vault: Callable[[], object] | None = None,
) -> Iterator[str]:
    """The names of a listing that may be a document (a ``str``) or a folder (a
    ``_Folder``, unless its name is a document's); ``in_vault`` is called if it holds a
    vault's ``.obsidian`` folder or its ``publish.css``. This runs for every file of a
    corpus at each start, in a thread beside the UI: the suffix is tested before anything
    that may ask the file system (the listing knows a folder). A listing the system fails
    to read part way (a disk failing; ``/proc/1/map_files`` opens, then cannot be listed)
    ends with its error put in ``failed``: it stopped the whole index, naming the folder."""
    try:
        for entry in listing:
            name = entry.name
            if passed_over(name):
                if name == VAULT_SETTINGS and in_vault is not None and entry.is_dir():
                    in_vault()
                continue
            if _is_candidate(name):
                yield name
                continue
            if name == PUBLISH_STYLE and in_vault is not None:
                in_vault()
                continue
            try:
                if entry.is_dir():
                    yield _Folder(name)
            except OSError:
                continue
    except OSError as error:
        failed.append(error)


def _is_candidate(name: str) -> bool:
    """Whether a file of this name may be a document or a taxonomy, by its suffix."""
    dot = name.rfind(".")
    return dot > 0 and name[dot:].lower() in CANDIDATE_SUFFIXES


def _classify(
    path: str, name: str, info: os.stat_result, inside: tuple[str, ...], root: str
) -> FoundFile | Skipped | str | None:
    """What a wanted name that is not a document's regular file is, from its ``lstat``:
    a folder to walk (its path), a document a link leads to, or why it is skipped (a link
    out of the corpus, a document's name on a FIFO or a device); None for anything else."""
    if stat.S_ISLNK(info.st_mode):
        if skipped := _outside(path, inside):
            return skipped
        info = os.stat(path)
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        return path
    if isinstance(name, _Folder):  # a file now, with no document's suffix
        return None
    if stat.S_ISREG(mode):
        return FoundFile.of(path, info, False, root)
    # A document's name on a FIFO or a device: reading it would wait forever.
    return Skipped(path, f"{not_regular(mode)}, not a regular file: not read", "warning")
