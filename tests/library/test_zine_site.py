"""A Zine site: SuperMD pages (``.smd``) whose front matter is Ziggy, in the content
folder of its default language; its folders are its sections, its news the stream. Read
as no site, ziglang.org gave "no documents found" and six warnings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.frontmatter import DocumentError
from models.ziggy import ziggy_values
from tests.conftest import LedeRunner
from tests.site_corpus import write_files

SETTINGS = """\
Multilingual {
    .host_url = "https://example.org",
    .layouts_dir_path = "layouts",
    .assets_dir_path = "assets",
    .locales = [
        {
            .code = "es-AR",
            .content_dir_path = "content/es-AR",
        },
        {
            .code = "en-US",
            .site_title = "A language", // the one at the site's own address
            .content_dir_path = "content/en-US",
            .output_prefix_override = "",
        },
    ],
}
"""
NEWS = """\
---
.title = "Release 0.9: \\"Faster\\" Builds",
.date = @date("2024-09-30T00:00:00.000Z"),
.author = "Ada Lovelace",
.tags = ["release", "compiler"],
.layout = "news-page.shtml",
.custom = {
    "mobile_menu_title": "0.9",
},
---

The release is out. Read the [notes]($link.url("https://example.org/0.9")).
"""
PAGE = '---\n.title = "%s",\n.date = @date("2024-08-07:00:00:00"),\n.author = "",\n---\n\nText.\n'


def test_a_zine_sites_news_is_its_stream_and_its_layouts_no_pages(
    tmp_path: Path, run_lede: LedeRunner
) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "zine.ziggy": SETTINGS,
            "README.md": "# The site\n\nHow to build it.\n",
            "layouts/news-page.shtml": "<extend template='base.shtml'>\n",
            "assets/partial.html": "<footer>Footer</footer>\n",
            "content/en-US/index.smd": PAGE % "Home",
            "content/en-US/news/index.smd": PAGE % "News",
            "content/en-US/news/release-0.9.smd": NEWS,
            "content/en-US/learn/overview.smd": PAGE % "Overview",
            "content/es-AR/learn/overview.smd": PAGE % "Revisión",
        },
    )
    listed = [json.loads(line) for line in run_lede("list", "--json", site).stdout.splitlines()]
    assert [
        (row["title"], row["published_at"], row["authors"], row["topics"]) for row in listed
    ] == [
        (
            'Release 0.9: "Faster" Builds',
            "2024-09-30T00:00:00+00:00",
            ["Ada Lovelace"],
            ["release", "compiler"],
        )
    ]
    everything = run_lede("list", "--all", "--json", site).stdout.splitlines()
    rows = sorted((row["collection"] or "", row["title"]) for row in map(json.loads, everything))
    assert rows == [("", "Home"), ("", "News"), ("learn", "Overview"), ("news", listed[0]["title"])]
    assert run_lede("check", site).stdout.splitlines() == [
        "checked 4 files (4 articles, 0 topics): 0 invalid, 0 errors, 0 warnings"
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            '.title = "A",\n.draft = true,\n.n = 0x1F,\n.x = null',
            {"title": "A", "draft": True, "n": 31, "x": None},
        ),
        (".body =\n    \\\\first line\n    \\\\second\n,\n", {"body": "first line\nsecond"}),
        ('.a = .{ .b = [1, 2.5], .c = "\\u{e9}" }, // note\n', {"a": {"b": [1, 2.5], "c": "é"}}),
        ('.@"odd key" = "v"', {"odd key": "v"}),
    ],
)
def test_ziggy_values_are_read_as_yaml_s_would_be(text: str, values: dict[str, object]) -> None:
    assert ziggy_values(text) == values


def test_front_matter_that_is_no_ziggy_is_an_error_on_its_line() -> None:
    with pytest.raises(DocumentError) as raised:
        ziggy_values('.title = "A",\n.date = when?,\n')
    assert raised.value.line == 3  # the second line of the front matter, the file's third


@pytest.mark.parametrize("opener", ["[", ".{ .a = ", "@date("])
def test_ziggy_nested_thousands_deep_is_an_error_not_a_crash(opener: str) -> None:
    """Read in turn, each value opened inside the last ran out of Python's stack, and the
    page was "cannot be read (RecursionError: …)"."""
    with pytest.raises(DocumentError) as raised:
        ziggy_values(f'.title = "A",\n.tags = {opener * 5000}\n')
    assert str(raised.value).startswith("front matter is nested deeper than 200 levels")
    assert raised.value.line == 3
