"""An index file that can be read but not written (``chmod 444``): ``lede list`` reads what
it holds, and says once how many changes it lacks, rather than failing with "attempt to
write a readonly database". (Root writes a file of mode 444: the command then runs
without the capabilities that let it, as any other user would.)"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import LedeRunner, write_document
from tests.unprivileged import run_unprivileged


@pytest.fixture
def read_only_index(
    tmp_path: Path, run_lede: LedeRunner, isolated_dirs: dict[str, Path]
) -> tuple[Path, Path]:
    """A corpus of two posts, and its index made read-only once built."""
    corpus = tmp_path / "corpus"
    for n in (1, 2):
        write_document(corpus, f"post{n}.md", f"title: Post {n}\ndate: 2024-01-0{n}")
    assert run_lede("list", corpus).returncode == 0
    [index] = (isolated_dirs["XDG_CACHE_HOME"] / "lede" / "index").glob("*.sqlite")
    index.chmod(0o444)
    return corpus, index


def titles(listed: subprocess.CompletedProcess[str]) -> list[str]:
    return [line.split("  ")[1] for line in listed.stdout.splitlines()]


def test_an_unchanged_corpus_is_listed_in_silence(read_only_index: tuple[Path, Path]) -> None:
    corpus, _ = read_only_index
    listed = run_unprivileged("list", corpus)
    assert (listed.returncode, listed.stderr) == (0, "")
    assert titles(listed) == ["Post 2", "Post 1"]


def test_a_changed_corpus_is_listed_as_stored_and_said_once(
    read_only_index: tuple[Path, Path],
) -> None:
    corpus, index = read_only_index
    write_document(corpus, "post3.md", "title: Post 3\ndate: 2024-01-03")
    (corpus / "post1.md").unlink()
    listed = run_unprivileged("list", corpus)
    assert listed.returncode == 0, listed.stderr
    assert titles(listed) == ["Post 2", "Post 1"]  # what the index holds
    [said] = listed.stderr.splitlines()
    assert said.startswith("lede: warning: the index cannot be written"), said
    assert "2 changes" in said and str(index) in said, said


def test_indexing_it_still_fails_with_its_path(read_only_index: tuple[Path, Path]) -> None:
    corpus, index = read_only_index
    write_document(corpus, "post3.md", "title: Post 3\ndate: 2024-01-03")
    indexed = run_unprivileged("index", corpus)
    assert indexed.returncode == 1
    assert indexed.stderr == f"lede: attempt to write a readonly database: {index}\n"
