"""The folder a file is in: absolute and normalised, however the path was written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from models.file_folder import folder_of


@pytest.mark.parametrize(
    ("path", "folder"),
    [
        ("/site/posts/a.md", "/site/posts"),
        ("/site/drafts/../posts/a.md", "/site/posts"),
        ("/site/./posts//a.md", "/site/posts"),
    ],
)
def test_the_folder_of_an_absolute_path(path: str, folder: str) -> None:
    assert folder_of(path) == folder


def test_a_relative_path_is_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert folder_of("posts/a.md") == os.path.join(os.getcwd(), "posts")
    assert folder_of("a.md") == os.getcwd()


def test_a_relative_path_follows_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    monkeypatch.chdir(tmp_path / "one")
    assert folder_of("a.md") == str(tmp_path / "one")
    monkeypatch.chdir(tmp_path / "two")
    assert folder_of("a.md") == str(tmp_path / "two")
