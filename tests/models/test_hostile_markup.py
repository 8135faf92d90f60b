"""Bodies in AsciiDoc and Org written to make a pattern try every position to the end of
the line: a 140 KB line of ``http://`` took 73 s to read, and the index's worker, or the
reader's detail pane, waited with it. Each is read in a second or so; a pattern tried so
takes minutes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
HEADERS = {
    "adoc": "= A post\nAn Author\n2024-01-02\n\n",
    "org": "#+TITLE: A post\n#+DATE: <2024-07-28 Sun>\n\n",
}
RUNS = {
    "adoc": [
        "http://",
        "https://x",
        "link:",
        "image:",
        "xref:",
        "kbd:",
        "footnote:[",
        "<<",
        "<<a ",
    ],
    "org": ["[[", "[", "[[a", "[[a][", "*a ", "/a ", "=a ", "~a ", "+a "],
}


@pytest.mark.parametrize("markup", sorted(RUNS))
def test_a_line_made_to_be_tried_from_every_position_is_read_at_once(markup: str) -> None:
    script = (
        "from models.document import parse_document\n"
        f"for run in {RUNS[markup]!r}:\n"
        f"    text = {HEADERS[markup]!r} + run * (100_000 // len(run))\n"
        f"    assert parse_document(text, 'post.{markup}').article is not None\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=30, cwd=PROJECT)
