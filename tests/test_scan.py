"""Which files a folder walk offers for indexing."""

from __future__ import annotations

import os
from pathlib import Path

from library.scan import FoundFile, scan


def found(root: Path) -> list[str]:
    return [
        os.path.relpath(item.path, root)
        for item in scan([str(root)])
        if isinstance(item, FoundFile)
    ]


def test_documents_and_taxonomies_by_suffix_in_name_order(tmp_path: Path) -> None:
    for name in ("b.md", "a.MD", "c.markdown", "d.html", "e.txt", "f.yaml", "g.json", "h", "i."):
        (tmp_path / name).write_text("---\n---\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "z.md").write_text("---\n---\n")
    assert found(tmp_path) == [
        "a.MD",
        "b.md",
        "c.markdown",
        "d.html",
        "e.txt",
        "f.yaml",
        os.path.join("sub", "z.md"),
    ]


def test_hidden_files_and_folders_are_skipped_and_a_folder_is_never_a_file(
    tmp_path: Path,
) -> None:
    (tmp_path / ".draft.md").write_text("---\n---\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "note.md").write_text("---\n---\n")
    (tmp_path / "archive.md").mkdir()  # a folder with a document's suffix
    (tmp_path / "archive.md" / "inside.md").write_text("---\n---\n")
    assert found(tmp_path) == [os.path.join("archive.md", "inside.md")]


def test_a_symlink_loop_ends_and_a_linked_file_counts(tmp_path: Path) -> None:
    (tmp_path / "real.md").write_text("---\n---\n")
    (tmp_path / "linked.md").symlink_to(tmp_path / "real.md")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert found(tmp_path) == ["linked.md", "real.md"]
