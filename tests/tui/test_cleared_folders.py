"""lede's cache and data folders cleared under a running reader (a clean-up, a home folder
reset): the reader goes on listing, puts its reading state back, and builds its index again
when news arrives."""

from __future__ import annotations

import shutil
from pathlib import Path

from library import paths
from tests.conftest import write_document
from tests.tui.pilot import indexed, titles, until
from tui.app import LedeApp


async def test_the_cache_and_data_folders_cleared_under_the_reader_leave_it_listing(
    reader_corpus: Path,
) -> None:
    """Both removed, the state put back made the index's connections open again by its
    path: an empty file, and "OperationalError: no such table: articles" ended the reader
    with a traceback."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        before = set(titles(app))
        assert app.session is not None
        state = app.session.state.path
        shutil.rmtree(paths.cache_dir())
        shutil.rmtree(paths.data_dir())
        await until(pilot, state.exists, "the reading state put back")
        await pilot.pause(0.5)  # the list refilled from the index after the state's return
        assert app.is_running and set(titles(app)) == before
        write_document(reader_corpus, "late.md", "title: Arrived after the clearing")
        await until(pilot, lambda: "Arrived after the clearing" in titles(app), "the new file")
        await until(pilot, lambda: before <= set(titles(app)), "the files indexed before")
