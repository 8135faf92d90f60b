"""A problem as the one line ``lede check`` and the reader print."""

from __future__ import annotations

from models.problem import Problem


def test_a_problem_of_a_file_reads_path_line_severity_message() -> None:
    problem = Problem("/c/a\x1b[2J.md", None, "error", "bad [bold]x")
    assert str(problem) == "/c/a\\x1b[2J.md:1: error: bad [bold]x"
    assert str(Problem("/c/a.md", 7, "warning", "w")) == "/c/a.md:7: warning: w"


def test_a_problem_of_no_one_file_is_its_severity_and_message() -> None:
    """A folder that cannot be read: its message names it; no ':1:' of no file."""
    problem = Problem("", None, "warning", "/c/locked: cannot read the folder: permission denied")
    assert str(problem) == "warning: /c/locked: cannot read the folder: permission denied"
