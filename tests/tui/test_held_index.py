"""The reader on an index another program holds: it says whom it waits for, with the
index's path, within a second, and goes on once the program lets go. It showed
"indexing…" for SQLite's 30 s busy timeout, then "database is locked"."""

from __future__ import annotations

import time
from contextlib import ExitStack
from pathlib import Path

from library.corpus import open_index
from tests.conftest import write_document
from tests.library.test_state import held_by_another_program
from tests.tui.pilot import indexed, notifications, titles, until
from tui.app import LedeApp

DEADLINE = 30.0


async def test_the_reader_says_which_index_another_program_holds_and_goes_on_after(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    write_document(corpus, "a.md", 'title: "Alpha"')
    index = open_index([str(corpus)], None)
    index.refresh()
    index.close()
    write_document(corpus, "b.md", 'title: "Beta"')  # new while the reader was closed
    said = f"waiting for another program, which holds the index {index.db_path}…"
    app = LedeApp([str(corpus)])
    with ExitStack() as holder:
        holder.enter_context(held_by_another_program(index.db_path))
        async with app.run_test(size=(160, 45)) as pilot:
            started = time.monotonic()
            await until(pilot, lambda: app.sub_title == said, seconds=DEADLINE)
            assert "W" + said[1:] in notifications(app)  # on the screen: no title bar
            assert time.monotonic() - started < 3
            holder.close()  # the program lets go: the new file is indexed and listed
            await indexed(pilot, DEADLINE)
            await until(pilot, lambda: "Beta" in titles(app), seconds=DEADLINE)
            assert app.sub_title == ""
