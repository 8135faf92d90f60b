"""A Foam workspace's notes are read as Foam reads them: every Markdown file of it, front
matter or none, titled by its heading; the same files elsewhere are no documents."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner
from tests.site_corpus import write_files

NOTES = {
    "inbox.md": "# Inbox\n\n- Read [[backlinking]]\n",
    "docs/features/backlinking.md": "# Backlinks\n\nWhen you link [[a-note]], Foam notes it.\n",
    "docs/features/note-properties.md": "---\ntitle: Note Properties\ntags: [hello]\n---\nText.\n",
}


def test_a_foam_workspaces_notes_without_front_matter_are_its_notes(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Foam's template keeps its note templates in ``.foam`` and its notes without front
    matter: 77 of them were each warned of as having none, and 2 were listed."""
    workspace = write_files(
        tmp_path / "notes",
        {**NOTES, ".foam/templates/new-note.md": "# ${FOAM_TITLE}\n\n${FOAM_SELECTED_TEXT}\n"},
    )
    titles = sorted(str(row["title"]) for row in rows(run_lede, workspace))
    assert titles == ["Backlinks", "Inbox", "Note Properties"]
    checked = run_lede("check", workspace).stdout
    assert ": warning:" not in checked, checked


def test_the_same_notes_in_no_workspace_are_no_documents(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    folder = write_files(tmp_path / "notes", NOTES)
    assert [row["title"] for row in rows(run_lede, folder)] == ["Note Properties"]
    checked = run_lede("check", folder).stdout
    assert checked.count(": warning: no front matter") == 2, checked
