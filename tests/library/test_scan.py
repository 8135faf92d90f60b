"""Which files a folder walk offers for indexing."""

from __future__ import annotations

import os
from pathlib import Path
from unittest.mock import ANY

from library.scan import FoundFile, Skipped, scan


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


def test_a_link_named_like_a_document_to_a_folder_is_walked_and_a_broken_one_passed(
    tmp_path: Path,
) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.md").write_text("---\n---\n")
    (tmp_path / "folder.md").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "broken.md").symlink_to(tmp_path / "gone.md")
    (tmp_path / "broken").symlink_to(tmp_path / "gone", target_is_directory=True)
    assert list(scan([str(tmp_path)])) == [
        FoundFile(str(tmp_path / "folder.md" / "a.md"), 8, ANY, False, str(tmp_path))
    ]


def skipped(root: Path, *paths: Path) -> list[str]:
    return [
        item.reason for item in scan([str(root), *map(str, paths)]) if isinstance(item, Skipped)
    ]


def test_links_are_followed_inside_the_corpus_only_and_the_others_reported(
    tmp_path: Path,
) -> None:
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    (corpus / "real").mkdir(parents=True)
    (corpus / "real" / "a.md").write_text("---\n---\n")
    outside.mkdir()
    (outside / "secret.md").write_text("---\n---\n")
    (corpus / "to-root").symlink_to("/", target_is_directory=True)
    (corpus / "to-sibling").symlink_to(outside, target_is_directory=True)
    (corpus / "sibling.md").symlink_to(outside / "secret.md")
    (corpus / "to-inside").symlink_to(corpus / "real", target_is_directory=True)
    (corpus / "cycle-a").symlink_to(corpus / "cycle-b")
    (corpus / "cycle-b").symlink_to(corpus / "cycle-a")
    (corpus / "real" / "up").symlink_to(corpus, target_is_directory=True)

    items = list(scan([str(corpus)]))

    assert found(corpus) == [os.path.join("real", "a.md")]  # to-inside is the same folder
    reports = {os.path.basename(i.path): i.reason for i in items if isinstance(i, Skipped)}
    assert reports == {
        "sibling.md": f"link leads outside the corpus (to {outside / 'secret.md'}); not followed",
        "to-root": "link leads outside the corpus (to /); not followed",
        "to-sibling": f"link leads outside the corpus (to {outside}); not followed",
    }
    assert {i.severity for i in items if isinstance(i, Skipped)} == {"warning"}


def test_a_link_into_another_given_path_is_followed(tmp_path: Path) -> None:
    corpus, other = tmp_path / "corpus", tmp_path / "other"
    corpus.mkdir()
    other.mkdir()
    (other / "b.md").write_text("---\n---\n")
    (corpus / "b.md").symlink_to(other / "b.md")
    assert skipped(corpus, other) == []
    assert skipped(corpus) == [f"link leads outside the corpus (to {other / 'b.md'}); not followed"]
