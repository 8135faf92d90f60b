"""``lede list`` on a newsletter's archive kept as plain Markdown: one issue a file, named
by its date, opening with its heading, with no front matter."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner


def archive(folder: Path) -> Path:
    """Two issues, a README and a file named by its date that opens with prose."""
    (folder / "archive" / "2026").mkdir(parents=True)
    (folder / "README.md").write_text("# The Weekly\n\nA newsletter.\n")
    (folder / "archive" / "2025-12-30-issue-02.md").write_text("# The Weekly #02\n\nNews.\n")
    (folder / "archive" / "2026" / "2026-01-06-issue-03.md").write_text(
        "\ufeff# The Weekly #03 {#top}\r\n\r\nMore news.\r\n"
    )
    (folder / "archive" / "2026-01-01-notes.md").write_text("Some notes, no heading.\n")
    return folder


def test_each_dated_issue_is_a_post_titled_by_its_heading(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """lede said 'no documents found' of the whole archive."""
    found = rows(run_lede, archive(tmp_path / "weekly"))
    assert [(row["title"], row["published_at"]) for row in found] == [
        ("The Weekly #03", "2026-01-06T00:00:00+00:00"),
        ("The Weekly #02", "2025-12-30T00:00:00+00:00"),
    ]


def test_check_warns_only_of_the_files_it_does_not_read(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    done = run_lede("check", archive(tmp_path / "weekly"))
    assert done.returncode == 0, done.stderr
    warned = sorted(Path(line.split(":")[0]).name for line in done.stdout.splitlines()[:-1])
    assert warned == ["2026-01-01-notes.md", "README.md"]
    assert "(2 articles, 0 topics)" in done.stdout
