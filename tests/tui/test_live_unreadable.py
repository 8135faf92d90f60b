"""A document the running reader can no longer read says why it left the list, as a start
says it: one replaced by a FIFO or by a link leading round in a loop vanished as "1 article
removed", the file still there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.tui.pilot import indexed, notifications, titles, until
from tui.app import LedeApp


def fifo(path: Path) -> None:
    os.mkfifo(path)


def loop(path: Path) -> None:
    """A loop of two links, of which either may be said first."""
    path.symlink_to(path.with_name("other.md"))
    path.with_name("other.md").symlink_to(path)


@pytest.mark.parametrize(
    ("replace", "reason"),
    [(fifo, "a named pipe (FIFO), not a regular file"), (loop, "too many levels of symbolic")],
    ids=["fifo", "link-loop"],
)
async def test_a_document_replaced_by_what_cannot_be_read_says_so(
    reader_corpus: Path, replace: object, reason: str
) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        document = reader_corpus / "tensorflow.md"
        document.unlink()
        assert callable(replace)
        replace(document)
        await until(pilot, lambda: not any(t.startswith("TensorFlow") for t in titles(app)), "gone")

        def said() -> bool:
            notes = notifications(app)
            return any(f"{reader_corpus}/" in note and reason in note for note in notes)

        await until(pilot, said, "why, with its path")
