"""An Obsidian vault's daily notes are dated by their names, as Obsidian dates them: in
the format and the folder its Daily notes settings give, else ``YYYY-MM-DD`` anywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner
from tests.site_corpus import write_files


@pytest.mark.parametrize(
    ("settings", "names"),
    [
        (None, {"2023-09-12.md": "2023-09-12", "Notes/2023-09-30.md": "2023-09-30"}),
        ({"folder": "Daily"}, {"Daily/2023-09-12.md": "2023-09-12", "Notes/2023-09-30.md": None}),
        (  # a format of folders and a month's name, the day's note named by its last part
            {"folder": "Journal/", "format": "YYYY/MMMM/dddd, MMMM Do YYYY"},
            {"Journal/2023/September/Tuesday, September 12th 2023.md": "2023-09-12"},
        ),
        ({"format": "Do MMM YYYY"}, {"12th Sep 2023.md": "2023-09-12", "2023-09-30.md": None}),
        ({"format": "YYYY-[W]ww"}, {"2023-W37.md": None}),  # a week's note: no day of its own
    ],
    ids=["default", "folder", "folders-in-format", "words", "weekly"],
)
def test_a_vaults_daily_notes_are_dated_by_their_names(
    run_lede: LedeRunner, tmp_path: Path, settings: dict[str, str] | None, names: dict[str, str]
) -> None:
    """kepano's vault keeps a daily note a day in ``Daily``, named ``2023-09-12.md`` with no
    front matter; each was listed undated, below every other note."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    if settings is not None:
        (vault / ".obsidian" / "daily-notes.json").write_text(json.dumps(settings))
    write_files(vault, {name: "## Notes\n\nMet Ada.\n" for name in names})
    write_files(vault, {"Notes/Idea.md": "---\ndate: 2020-01-01\n---\nAn idea.\n"})
    dated = {
        str(row["path"]).removeprefix(f"{vault}/"): row["published_at"]
        for row in rows(run_lede, vault)
    }
    assert dated.pop("Notes/Idea.md") == "2020-01-01T00:00:00+00:00"
    assert dated == {name: f"{day}T00:00:00+00:00" if day else None for name, day in names.items()}


def test_a_daily_notes_own_date_comes_first_and_a_folder_of_no_vault_is_dated_so_too(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Outside a vault, a file named by a day alone (a project's ``news/2023-09-12.md``, a
    diary's page) was listed undated, below every dated one, as Eleventy would not list
    it: it dates a page by the date in its path. A Logseq graph's page so named is of no
    day (its journals are named in its own format)."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    write_files(vault, {"2023-09-12.md": "---\ndate: 2023-09-13\n---\nWritten late.\n"})
    plain = write_files(tmp_path / "plain", {"2023-09-12.md": "---\ntitle: Notes\n---\nText.\n"})
    graph = write_files(
        tmp_path / "graph",
        {"logseq/config.edn": "{:meta/version 1}\n", "pages/2023-09-12.md": "title:: Notes\n"},
    )
    assert [row["published_at"] for row in rows(run_lede, vault)] == ["2023-09-13T00:00:00+00:00"]
    assert [row["published_at"] for row in rows(run_lede, plain)] == ["2023-09-12T00:00:00+00:00"]
    assert [row["published_at"] for row in rows(run_lede, graph)] == [None]
