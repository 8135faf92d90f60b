"""A site's settings file nested deeper than its parser recurses (``[[[[…`` a million
times: a broken or hostile file) is one that does not read: ``lede list`` ended with
"unexpected error: RecursionError", listing nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from library.eleventy_locales import is_locale_folder
from library.sync import pull
from library.vault_templates import template_paths
from models.daily_notes import daily_note_day
from tests.git_corpus import GitCorpus, git_corpus

__all__ = ["git_corpus"]  # the fixture, for pytest

NESTED = "[" * 100_000 + "\n"


def test_a_vaults_settings_nested_too_deep_are_its_defaults(tmp_path: Path) -> None:
    settings = tmp_path / "vault" / ".obsidian"
    settings.mkdir(parents=True)
    (settings / "daily-notes.json").write_text(NESTED)
    (settings / "templates.json").write_text(NESTED)
    assert daily_note_day(str(tmp_path / "vault" / "2023-09-12.md")) == date(2023, 9, 12)
    assert template_paths(str(tmp_path / "vault")) == []


def test_a_language_folders_data_nested_too_deep_gives_no_language(tmp_path: Path) -> None:
    folder = tmp_path / "src" / "fr"
    folder.mkdir(parents=True)
    (folder / "fr.11tydata.json").write_text(NESTED)
    assert not is_locale_folder(str(folder))


def test_a_work_tree_s_project_file_nested_too_deep_is_not_lede_s(git_corpus: GitCorpus) -> None:
    (git_corpus.reader / "pyproject.toml").write_text("a = " + NESTED)
    git_corpus.publish("news", **{"later.md": "Later"})
    assert pull(str(git_corpus.reader)).summary() == "1 new, 0 changed, 0 removed"
