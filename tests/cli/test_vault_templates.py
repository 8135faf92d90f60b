"""An Obsidian vault's templates are no notes: the folders its Templates and Templater
plugins take them from, and its daily note's template, are left out of the list and the
check, whether the vault is the folder opened or a folder inside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner
from tests.site_corpus import write_files


def vault(folder: Path) -> Path:
    """A vault with a note, and templates where its three settings say."""
    settings = folder / ".obsidian"
    (settings / "plugins" / "templater-obsidian").mkdir(parents=True)
    (settings / "templates.json").write_text(json.dumps({"folder": "Templates"}))
    (settings / "plugins" / "templater-obsidian" / "data.json").write_text(
        json.dumps({"templates_folder": "Meta/Templater/", "trigger_on_file_creation": True})
    )
    (settings / "daily-notes.json").write_text(json.dumps({"template": "Meta/Daily"}))
    files = {
        "Notes/Standup.md": "---\ncreated: 2024-01-02\ntags: [work]\n---\n# Standup\n\nNotes.\n",
        "Templates/Note.md": "---\ncreated: {{date}}\n---\n# {{title}}\n",
        "Meta/Templater/Meeting.md": (
            '---\ntitle: "<% tp.file.title %>"\ncreated: <% tp.date.now() %>\n---\n'
        ),
        "Meta/Daily.md": "# {{date}}\n\n## Tasks\n",
        "Meta/Daily review.md": "---\ncreated: 2024-01-03\n---\n# Daily review\n\nKept.\n",
    }
    return write_files(folder, files)


@pytest.mark.parametrize("inside", [False, True], ids=["opened", "inside"])
def test_a_vaults_templates_are_no_notes(
    run_lede: LedeRunner, tmp_path: Path, inside: bool
) -> None:
    """Read as notes, they were listed undated as "<% tp.file.title %>" and "Note", and
    a check warned of a date that was template code."""
    vault(tmp_path / "notes" / "vault" if inside else tmp_path / "notes")
    listed = rows(run_lede, tmp_path / "notes", "--all")
    assert sorted(str(row["title"]) for row in listed) == ["Daily review", "Standup"]
    done = run_lede("check", tmp_path / "notes")
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines() == [
        "checked 2 files (2 articles, 0 topics): 0 invalid, 0 errors, 0 warnings"
    ]


def test_settings_that_name_no_template_leave_the_vault_whole(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    folder = vault(tmp_path / "notes")
    for name in ("templates.json", "daily-notes.json"):
        (folder / ".obsidian" / name).write_text("{not json")
    (folder / ".obsidian" / "plugins" / "templater-obsidian" / "data.json").write_text(
        json.dumps({"templates_folder": "../outside"})
    )
    assert len(rows(run_lede, folder, "--all")) == 5
