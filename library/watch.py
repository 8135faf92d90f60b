"""Following a corpus while the reader runs: which files were created, written, removed.

``watchfiles`` waits for the operating system's events (inotify on Linux) in Rust,
so an idle reader does no work, and groups a burst of them: a change is handed on
once no other has come for ``STEP`` ms, and a long burst (a big ``git pull``) in
parts of at most ``BURST`` ms, so that its first files show while the rest arrive.
Where the system gives no events (or no more watches), it polls, slowly. The
paths it hands on are the ones the index could hold (``wanted``); what they
mean for the index is ``targeted.refresh_paths``'s business.

Each folder is watched on its own, never a root recursively: watchfiles walks a
recursive root's every entry while it holds the interpreter lock, which froze the
reader for seconds on a folder of a million files. The folders are found here
(``folders``), with the lock let go between entries, and a folder that has no
subfolders by its link count is not listed at all; a folder that comes later is
added as it comes, and so is a root made again.
"""

from __future__ import annotations

import os
import re
import stat
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from library.scan import CANDIDATE_SUFFIXES, is_utf8, passed_over
from library.site_settings_files import SETTINGS_SUFFIXES

STEP = 50  # ms without a new event that ends a group of changes
BURST = 400  # ms at most that one group gathers
POLL = 2000  # ms between two looks at every file, where the system gives no events
ADDED = 1  # watchfiles' change number for a path created or moved in
MODIFIED = 2  # and for one written
ATTEMPTS = 3  # tries to watch folders that are being removed as they are listed

if TYPE_CHECKING:
    from watchfiles._rust_notify import RustNotify

ChangeCallback = Callable[[set[str]], None]
FailureCallback = Callable[[str], None]


def wanted(roots: list[str], path: str) -> bool:
    """A path the index could hold: a document or taxonomy file, or what may be a folder,
    or a site's settings file, not passed over below its root (``.git``, ``node_modules``)."""
    for root in roots:
        if path == root or path.startswith(os.path.join(root, "")):
            inside = os.path.relpath(path, root).split(os.sep)
            if any(passed_over(part) for part in inside if part != os.curdir):
                return False
            suffix = os.path.splitext(path)[1].lower()
            if suffix in CANDIDATE_SUFFIXES or suffix in SETTINGS_SUFFIXES:
                return True
            return not suffix or os.path.isdir(path)
    return False


def folders(paths: Iterable[str]) -> set[str]:
    """``paths`` and every folder under them, those passed over left out (a file given is
    watched as it is). A folder whose link count says it has no subfolders (two: its
    own entry and ``.``) is not listed: on most Linux file systems that spares reading
    a folder of a million files; where the count says nothing (one), it is listed."""
    found: set[str] = set()
    stack = list(paths)
    while stack:
        path = stack.pop()
        if not is_utf8(path):  # what it holds is not indexed (the scan says so)
            continue
        try:
            info = os.stat(path)
        except OSError:
            continue
        found.add(path)
        if not stat.S_ISDIR(info.st_mode) or info.st_nlink == 2:
            continue
        try:
            with os.scandir(path) as entries:
                for entry in entries:
                    if not passed_over(entry.name) and entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
        except OSError:
            continue
    return found


class CorpusWatcher:
    """Watches ``roots`` in a thread of its own and calls ``on_change`` there with each
    group of changed paths (the next group waits until it returns); ``on_failure`` with
    a line saying why, if watching ends on an error or falls back to polling."""

    def __init__(
        self, roots: list[str], on_change: ChangeCallback, on_failure: FailureCallback
    ) -> None:
        self.roots = [os.path.abspath(root) for root in roots]
        self.on_change = on_change
        self.on_failure = on_failure
        # Forced by watchfiles' own variable, else only where events cannot be had.
        self.polling = os.environ.get("WATCHFILES_FORCE_POLLING", "") not in ("", "0", "false")
        self.ready = threading.Event()  # set once changes are watched (or cannot be)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="corpus-watcher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to end (within ``STEP`` ms, or once the group in hand is done)."""
        self._stop.set()

    def _run(self) -> None:
        # The folder each root is in, too (not what it holds): a root removed and made
        # again (a deploy that swaps it, a link pointed elsewhere) took its watches with it,
        # and only there is its coming back seen.
        watched = folders(self.roots) | {os.path.dirname(root) for root in self.roots}
        try:
            notify = self._watching(watched)
        except Exception as error:  # noqa: BLE001 - said once, the reader goes on
            self.on_failure(f"Not following changes to the corpus: {error}")
            return
        finally:
            self.ready.set()  # nobody waits for a watcher that will not come
        if not self.polling:
            self._say_what_is_not_told()
        try:
            while not self._stop.is_set():
                try:
                    changes = notify.watch(BURST, STEP, 0, self._stop)
                except Exception as error:
                    # watchfiles fails for good on a name that is not UTF-8 (an old
                    # archive unpacked): a new watcher, and the folder that holds it looked
                    # at, else changes were no longer followed at all.
                    folder = _folder_of_undecodable(error)
                    if folder is None:
                        raise
                    notify, old = self._watching(watched), notify
                    old.close()
                    changes = {(MODIFIED, folder)}
                if not isinstance(changes, set):
                    continue
                paths = {path for _change, path in changes if wanted(self.roots, path)}
                # A folder made (or made again, whose watch went with the one removed) or
                # moved in is watched before it is looked at: nothing in it is missed.
                made = (path for change, path in changes if change == ADDED and path in paths)
                arrived = folders(path for path in made if os.path.isdir(path))
                if arrived:
                    watched |= arrived
                    notify, old = self._watching(watched, notify), notify
                    old.close()
                if paths:
                    self.on_change(paths)
        except Exception as error:  # noqa: BLE001 - said once, the reader goes on
            self.on_failure(f"Not following changes to the corpus any more: {error}")
        finally:
            notify.close()

    def _say_what_is_not_told(self) -> None:
        """Say which roots are on a share or a FUSE mount, whose changes made elsewhere
        raise no event (``library.mounts``)."""
        from library.mounts import shared_file_system
        from models.text import printable

        for root in self.roots:
            kind = shared_file_system(root)
            if kind is not None:
                self.on_failure(
                    f"{printable(root)} is on {printable(kind)}: files changed there from"
                    " another machine show on r, not by themselves"
                    " (WATCHFILES_FORCE_POLLING=1 looks every 2 s)"
                )

    def _watching(self, watched: set[str], held: RustNotify | None = None) -> RustNotify:
        """Events from each of ``watched`` (polled where the system gives none, saying
        why); a folder gone meanwhile, or that cannot be read, is left out. ``held``, the
        watcher this one replaces, is let go of first where the system's limit is in the
        way: both hold their watches for a moment, and past half the limit the new one
        could not have them all (a change in the instant between is seen at its next)."""
        # watchfiles' documented Rust backend, whose watches are in place once it is made
        # (``ready``); imported here, after the reader's first frame.
        from watchfiles._rust_notify import RustNotify

        # Each cause is bounded on its own: folders removed as they are listed, tried
        # ``ATTEMPTS`` times; ``held`` let go of once; polling fallen back to once. Sharing
        # one count, the three in a row ran out of tries with nothing left to raise.
        missing = 0
        while True:
            # A folder that cannot be read cannot be watched, and the scan reads nothing in
            # it; every other watch must be had: watchfiles, told to pass over the ones it
            # cannot have, passed over those past the system's limit too, and the files of
            # the folders watched last were never seen to change.
            paths = sorted(path for path in watched if os.access(path, os.R_OK))
            try:
                return RustNotify(paths, False, self.polling, POLL, False, False)
            except (FileNotFoundError, PermissionError):  # removed or locked since the look
                missing += 1
                if missing == ATTEMPTS:
                    raise
            except Exception as error:  # noqa: BLE001 - no events to be had: said, then polled
                if self.polling:
                    raise
                if held is not None:  # its watches may be the ones missing
                    held.close()
                    held = None
                    continue
                self.polling = True
                every = f"every {POLL // 1000} s"
                self.on_failure(f"Looking at the corpus's files {every}: {why(error)}")


def _folder_of_undecodable(error: Exception) -> str | None:
    """The folder holding the name watchfiles says it cannot decode, or None where it
    says something else."""
    said = re.fullmatch(r'Unable to decode path "(.*)" to string', str(error))
    return os.path.dirname(said.group(1)) if said else None


def why(error: Exception) -> str:
    """What kept the system's events from the watcher, in a user's words (watchfiles gives
    its errors as text alone)."""
    text = str(error)
    if "watch limit" in text:
        return "the system watches no more folders for this user (fs.inotify.max_user_watches)"
    if "os error 24" in text:
        return "the system gives this user no more watchers (fs.inotify.max_user_instances)"
    return f"the system gives no events ({text})"
