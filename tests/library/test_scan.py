"""Which files a folder walk offers for indexing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from unittest.mock import ANY

import pytest

from library.scan import FoundFile, Skipped, scan


def refuse_folder(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Reading any folder called ``name`` is refused, as the system refuses it to anyone
    but root (whom only dropped capabilities stop, and tests run as root)."""
    scandir = os.scandir

    def refusing(path: str) -> Iterator[os.DirEntry[str]]:
        if os.path.basename(path) == name:
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)


def found(root: Path) -> list[str]:
    return [
        os.path.relpath(item.path, root)
        for item in scan([str(root)])
        if isinstance(item, FoundFile)
    ]


def test_documents_and_taxonomies_by_suffix_in_name_order(tmp_path: Path) -> None:
    names = ("b.md", "a.MD", "c.markdown", "c.mdx", "d.html", "e.txt", "f.yaml", "g.json", "h")
    # Quarto's and R Markdown's too, and reStructuredText (Nikola's posts)
    for name in (*names, "q.qmd", "r.Rmd", "p.rst", "i."):
        (tmp_path / name).write_text("---\n---\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "z.md").write_text("---\n---\n")
    assert found(tmp_path) == [
        "a.MD",
        "b.md",
        "c.markdown",
        "c.mdx",
        "d.html",
        "e.txt",
        "f.yaml",
        "p.rst",
        "q.qmd",
        "r.Rmd",
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


def test_installed_packages_are_not_read(tmp_path: Path) -> None:
    """A blog's project folder holds its packages: their READMEs, changelogs and pages
    were read, each warned of or listed, whatever kind of site it is."""
    (tmp_path / "src" / "posts").mkdir(parents=True)
    (tmp_path / "src" / "posts" / "one.md").write_text("---\ntitle: One\n---\n")
    for package in ("node_modules/pkg", "src/node_modules/local"):
        (tmp_path / package).mkdir(parents=True)
        (tmp_path / package / "CHANGELOG.md").write_text("---\ntitle: Changes\n---\n")
    assert found(tmp_path) == [os.path.join("src", "posts", "one.md")]
    assert found(tmp_path / "node_modules") == [os.path.join("pkg", "CHANGELOG.md")]  # asked


def test_an_obsidian_drawing_is_no_document(tmp_path: Path) -> None:
    """Excalidraw's scenes were listed as articles, screens of compressed data each."""
    (tmp_path / "Plan.excalidraw.md").write_text("---\nexcalidraw-plugin: parsed\n---\n")
    (tmp_path / "Plan.md").write_text("---\ntitle: Plan\n---\n")
    assert found(tmp_path) == ["Plan.md"]


def test_jekylls_templates_are_no_documents_outside_a_site(tmp_path: Path) -> None:
    """A notes repository published by GitHub Pages keeps Jekyll's layouts without a
    ``_config.yml``: its page templates were listed as articles."""
    for folder in ("_layouts", "_includes"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.md").write_text("---\nlayout: default\n---\n{{ content }}\n")
    (tmp_path / "note.md").write_text("---\ntitle: Note\n---\n")
    assert found(tmp_path) == ["note.md"]


def test_a_symlink_loop_ends_and_a_linked_file_counts(tmp_path: Path) -> None:
    (tmp_path / "real.md").write_text("---\n---\n")
    (tmp_path / "linked.md").symlink_to(tmp_path / "real.md")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert found(tmp_path) == ["linked.md", "real.md"]


def test_a_link_named_like_a_document_to_a_folder_is_walked_and_a_broken_one_reported(
    tmp_path: Path,
) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.md").write_text("---\n---\n")
    (tmp_path / "folder.md").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "broken.md").symlink_to(tmp_path / "gone.md")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    (tmp_path / "broken").symlink_to(tmp_path / "gone", target_is_directory=True)
    assert list(scan([str(tmp_path)])) == [
        Skipped(
            str(tmp_path / "broken.md"),
            "link cannot be followed: no such file or directory",
            "warning",
        ),
        Skipped(
            str(tmp_path / "loop.md"),
            "link cannot be followed: too many levels of symbolic links",
            "warning",
        ),
        FoundFile(str(tmp_path / "folder.md" / "a.md"), 8, ANY, False, str(tmp_path)),
    ]
    # Named, the loop is an error: the user asked for it.
    assert list(scan([str(tmp_path / "loop.md")])) == [
        Skipped(
            str(tmp_path / "loop.md"),
            "link cannot be followed: too many levels of symbolic links",
            "error",
        )
    ]


def test_a_file_named_twice_or_also_under_a_folder_named_is_found_once(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\n---\n")
    (tmp_path / "b.md").write_text("---\n---\n")
    named, other, folder = str(tmp_path / "a.md"), str(tmp_path / "b.md"), str(tmp_path)
    for paths, expected in (
        ([named, named], [named]),
        ([folder, named], [other, named]),
        ([named, folder, folder], [named, other]),
    ):
        assert [item.path for item in scan(paths) if isinstance(item, FoundFile)] == expected


def test_an_unreadable_folder_is_reported_not_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a folder is refused to root only by dropped capabilities: the refusal is
    made here, as the system makes it to anyone else."""
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.md").write_text("---\n---\n")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.md").write_text("---\n---\n")
    refuse_folder(monkeypatch, "locked")
    refused = "cannot read the folder: permission denied"
    assert [item for item in scan([str(tmp_path)]) if isinstance(item, Skipped)] == [
        Skipped(str(tmp_path / "locked"), refused, "warning")
    ]
    assert found(tmp_path) == [os.path.join("open", "a.md")]
    assert list(scan([str(tmp_path / "locked")])) == [
        Skipped(str(tmp_path / "locked"), refused, "error")
    ]


def test_a_folder_whose_listing_fails_part_way_is_reported_and_the_walk_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that opens and then cannot be listed (a disk failing part way, as
    ``/proc/1/map_files`` always does) stopped the whole index: "lede: Permission denied:
    /proc/1/map_files"."""
    for folder in ("failing", "open"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.md").write_text("---\n---\n")
    (tmp_path / "failing" / "b.md").write_text("---\n---\n")
    scandir = os.scandir

    class FailingListing:
        """The folder's first entry, then the error a failing disk gives."""

        def __init__(self, path: str) -> None:
            self.listing = scandir(path)
            self.given = 0

        def __enter__(self) -> FailingListing:
            return self

        def __exit__(self, *exc: object) -> None:
            self.listing.close()

        def __iter__(self) -> FailingListing:
            return self

        def __next__(self) -> os.DirEntry[str]:
            if self.given:
                raise OSError(5, "Input/output error", str(tmp_path / "failing"))
            self.given += 1
            return next(self.listing)

    def failing(path: str) -> object:
        return FailingListing(path) if os.path.basename(path) == "failing" else scandir(path)

    monkeypatch.setattr(os, "scandir", failing)
    skipped = [item for item in scan([str(tmp_path)]) if isinstance(item, Skipped)]
    assert skipped == [
        Skipped(
            str(tmp_path / "failing"),
            "cannot read all of the folder: input/output error",
            "warning",
        )
    ]
    assert os.path.join("open", "a.md") in found(tmp_path)
    assert len([name for name in found(tmp_path) if name.startswith("failing")]) == 1


def test_names_that_are_not_utf8_are_reported_once_each(tmp_path: Path) -> None:
    try:
        (tmp_path / os.fsdecode(b"caf\xe9.md")).write_text("---\n---\n")
        (tmp_path / os.fsdecode(b"dir\xff")).mkdir()
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    (tmp_path / os.fsdecode(b"dir\xff") / "inside.md").write_text("---\n---\n")
    (tmp_path / "good.md").write_text("---\n---\n")
    latin, folder = tmp_path / os.fsdecode(b"caf\xe9.md"), tmp_path / os.fsdecode(b"dir\xff")
    assert list(scan([str(tmp_path)])) == [
        Skipped(str(latin), "file name is not UTF-8; rename it to read it", "error"),
        Skipped(str(folder), "folder name is not UTF-8; rename it to read what it holds", "error"),
        FoundFile(str(tmp_path / "good.md"), 8, ANY, False, str(tmp_path)),
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
