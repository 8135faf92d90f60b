"""The detail pane's bare-link rule finds what markdown-it's own finds, in time that does
not grow with the text before each ``://``."""

from __future__ import annotations

import subprocess
import sys

import pytest
from markdown_it import MarkdownIt

from tui.markdown_parser import markdown_parser

SAMPLES = [
    "see https://example.com/a and http://x.org.",
    "**https://a.test/b** and *http://a.test/c*",
    "https://a.test/x*",
    "mailto:a@b.test and www.example.com",
    "[named](http://a.test) then http://c.test/e?f=g#h",
    "ftp://files.example.org/x",
    "a" * 100 + "http://example.com",
    "foo.http://example.com and x+y://z.test",
    "<http://a.test> and `http://a.test`",
    "xhttp:// x:// ://",
    "a link of http://a.test/" + "p" * 3000,
]


@pytest.mark.parametrize("text", SAMPLES)
def test_bare_links_are_found_as_markdown_it_finds_them(text: str) -> None:
    assert markdown_parser().render(text) == MarkdownIt("gfm-like").render(text)


def test_many_schemes_that_are_no_links_parse_at_once() -> None:
    script = (
        "from tui.markdown_parser import markdown_parser\n"
        "markdown_parser().parse('xhttp:// ' * 100_000 + 'a://' * 100_000)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], timeout=30, check=False)
    assert done.returncode == 0
