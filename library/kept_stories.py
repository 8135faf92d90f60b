"""The reader's story map, kept in step with the index while refreshes change it.

A load reads the articles of shared stories, which takes a second or more on a large
corpus, in a thread after the first frame. A targeted refresh that commits meanwhile
(a file changed while the reader was closed, one the watcher saw) must not wait for
that load to end before the screen shows it: its changes are kept, and the load applies
them when it ends. The load may or may not have read them already; an update for an
article the map holds is harmless.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from library.closure import ListChanges
    from library.story_map import StoryMap


class KeptStories:
    """The story map of the index ``db()`` reads (``map``: None until the first load)."""

    def __init__(self, db: Callable[[], sqlite3.Connection]) -> None:
        self._db = db
        self.map: StoryMap | None = None
        self._changing = threading.Lock()  # a load, or the changes of a refresh applied
        self._queue = threading.Lock()  # guards the two below
        self._loading = False
        self._unapplied: list[ListChanges | None] = []

    def load(self) -> None:
        """Load the map whole, then apply what refreshes changed meanwhile."""
        with self._changing:
            with self._queue:
                self._loading = True
            self._load()
            while True:
                with self._queue:
                    unapplied, self._unapplied = self._unapplied, []
                    if not unapplied:
                        self._loading = False
                        return
                for listed in unapplied:
                    self._apply(listed)

    def changed(self, listed: ListChanges | None) -> None:
        """Follow a refresh that changed articles: ``listed``, how the list changed, or
        None when that is not known (the map is then loaded whole again). Returns at
        once while a load is under way: that load applies it."""
        with self._queue:
            if self._loading:
                self._unapplied.append(listed)
                return
        with self._changing:
            self._apply(listed)

    def _apply(self, listed: ListChanges | None) -> None:
        if self.map is None:
            return  # the first load reads the index as it is by then
        if listed is None:
            self._load()
        else:
            self.map = self.map.updated(self._db(), listed)

    def _load(self) -> None:
        from library.story_map import StoryMap

        self.map = StoryMap(self._db())
