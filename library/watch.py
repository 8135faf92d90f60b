"""Following a corpus while the reader runs: which files were created, written, removed.

``watchfiles`` waits for the operating system's events (inotify on Linux) in Rust,
so an idle reader does no work, and groups a burst of them: a change is handed on
once no other has come for ``STEP`` ms, and a long burst (a big ``git pull``) in
parts of at most ``BURST`` ms, so that its first files show while the rest arrive.
Where the system gives no events (or no more watches), it polls, slowly. The
paths it hands on are the ones the index could hold (``wanted``); what they
mean for the index is ``targeted.refresh_paths``'s business.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from library.scan import CANDIDATE_SUFFIXES

STEP = 50  # ms without a new event that ends a group of changes
BURST = 400  # ms at most that one group gathers
POLL = 2000  # ms between two looks at every file, where the system gives no events

ChangeCallback = Callable[[set[str]], None]
FailureCallback = Callable[[str], None]


def wanted(roots: list[str], path: str) -> bool:
    """A path the index could hold: a document or taxonomy file, or what may be a folder,
    not hidden below its root (``.git`` among others)."""
    for root in roots:
        if path == root or path.startswith(os.path.join(root, "")):
            inside = os.path.relpath(path, root).split(os.sep)
            if any(part.startswith(".") for part in inside if part != os.curdir):
                return False
            suffix = os.path.splitext(path)[1].lower()
            return suffix in CANDIDATE_SUFFIXES or not suffix or os.path.isdir(path)
    return False


class CorpusWatcher:
    """Watches ``roots`` in a thread of its own and calls ``on_change`` there with each
    group of changed paths (the next group waits until it returns); ``on_failure`` with
    a line saying why, if watching ends on an error."""

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
        # watchfiles' documented Rust backend, whose watches are in place once it is made
        # (``ready``); imported here, after the reader's first frame.
        from watchfiles._rust_notify import RustNotify

        roots = [root for root in self.roots if os.path.exists(root)]
        try:
            notify = RustNotify(roots, False, self.polling, POLL, True, True)
        except Exception:  # noqa: BLE001 - no events to be had (no inotify, or no watches left)
            self.polling = True
            try:
                notify = RustNotify(roots, False, True, POLL, True, True)
            except Exception as error:  # noqa: BLE001 - said once, the reader goes on
                self.on_failure(f"Not following changes to the corpus: {error}")
                return
            finally:
                self.ready.set()  # nobody waits for a watcher that will not come
        self.ready.set()
        with notify:
            while not self._stop.is_set():
                try:
                    changes = notify.watch(BURST, STEP, 0, self._stop)
                except Exception as error:  # noqa: BLE001 - said once, the reader goes on
                    self.on_failure(f"Not following changes to the corpus any more: {error}")
                    return
                if isinstance(changes, set):
                    paths = {path for _change, path in changes if wanted(roots, path)}
                    if paths:
                        self.on_change(paths)
