"""``lede demo DIR [--count N]``, run as a person runs it: a synthetic site in a new
folder, what was written and how to open it; a folder in use is never written to."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_unwritable import full_disk, read_only_mount
from tests.conftest import LedeRunner

REFUSAL = "demo writes into a new or empty folder"


def news_in(root: Path) -> set[str]:
    """Distinct news articles (the archive keeps a few copies of news items)."""
    return {
        path.name
        for folder in (root / "_news", root / "_archive" / "_news")
        for path in folder.glob("*.md")
    }


def test_demo_writes_a_site_of_count_articles_and_says_how_to_open_it(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    target = tmp_path / "new" / "demo site"
    done = run_lede("demo", target, "--count", "300")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert len(news_in(target)) == 300
    assert list((target / "_newsletters").glob("*.html"))
    first, second = done.stdout.splitlines()
    assert first.startswith("wrote 300 news articles") and str(target) in first
    assert second == f"open it with: lede '{target}'"


@pytest.mark.parametrize("name", ["demo", "list", "-news"])
def test_a_demo_named_as_a_command_or_an_option_is_opened_as_a_path(
    run_lede: LedeRunner, tmp_path: Path, name: str
) -> None:
    """``lede demo demo`` said "open it with: lede demo", which ran the command again."""
    done = run_lede("demo", "--count", "50", "--", name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    hint = done.stdout.splitlines()[1]
    assert hint == f"open it with: lede ./{name}"
    listed = run_lede("list", *hint.split()[4:], "--limit", "1", cwd=tmp_path)
    assert (listed.returncode, listed.stderr, len(listed.stdout.splitlines())) == (0, "", 1)


def test_a_demo_folder_named_with_escape_sequences_is_named_as_written(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """The name reached the terminal as it is: a colour, a title set, a line broken."""
    name = "red\x1b[31mnews\nnext"
    done = run_lede("demo", "--count", "5", name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and len(done.stdout.splitlines()) == 2
    assert "to red\\x1b[31mnews\\nnext in" in done.stdout
    assert (tmp_path / name).is_dir()
    refused = run_lede("demo", name, cwd=tmp_path)
    assert refused.stderr == f"lede: red\\x1b[31mnews\\nnext is not empty: {REFUSAL}\n"


def test_demo_writes_into_an_empty_folder(run_lede: LedeRunner, tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    done = run_lede("demo", target, "--count", "50")
    assert done.returncode == 0, done.stderr
    assert len(news_in(target)) == 50


def test_demo_refuses_a_folder_in_use_and_leaves_it_alone(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    target = tmp_path / "notes"
    target.mkdir()
    (target / "mine.md").write_text("my own notes\n", encoding="utf-8")
    done = run_lede("demo", target, "--count", "50")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"lede: {target} is not empty: {REFUSAL}\n"
    assert [path.name for path in target.iterdir()] == ["mine.md"]
    a_file = target / "mine.md"
    done = run_lede("demo", a_file)
    assert done.returncode == 2
    assert (
        done.stderr == f"lede: {a_file} is not a folder: demo writes into a new or empty folder\n"
    )


def test_demo_needs_a_count_of_one_or_more(run_lede: LedeRunner, tmp_path: Path) -> None:
    for bad in (["--count"], ["--count", "0"], ["--count", "many"], ["--count", "-5"]):
        done = run_lede("demo", tmp_path / "site", *bad)
        assert done.returncode == 2, bad
        assert "--count" in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert not (tmp_path / "site").exists()
    done = run_lede("demo")
    assert done.returncode == 2 and "DIR" in done.stderr


def test_the_help_names_the_demo(run_lede: LedeRunner) -> None:
    assert "demo" in run_lede("--help").stdout
    done = run_lede("demo", "--help")
    assert done.returncode == 0 and "--count" in done.stdout


def test_demo_on_a_full_disk_names_the_file_it_could_not_write(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """It said "lede: No space left on device", and not where."""
    with full_disk(tmp_path) as (folder, _):
        target = folder / "site"
        done = run_lede("demo", target, "--count", "300")
    assert done.returncode == 1
    said = done.stderr.splitlines()
    assert len(said) == 1 and said[0].startswith(f"lede: No space left on device: {target}/")
    assert said[0].endswith((".md", ".html", ".yaml", ".yml", ".toml", ".json", ".txt"))


def test_demo_in_a_read_only_folder_names_it(run_lede: LedeRunner, tmp_path: Path) -> None:
    with read_only_mount(tmp_path) as (folder, _):
        done = run_lede("demo", folder / "site", "--count", "30")
    assert (done.returncode, done.stderr) == (
        1,
        f"lede: Read-only file system: {folder / 'site'}\n",
    )
