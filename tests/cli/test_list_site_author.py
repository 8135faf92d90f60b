"""``lede list`` on a site whose settings sign its posts: Pelican's ``AUTHOR``, Nikola's
``BLOG_AUTHOR`` and a Gatsby site's ``siteMetadata.author.name`` are the author of each
post that names none, as the site shows it
(This Week in Rust's 669 issues were listed by nobody)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner
from tests.site_corpus import write_files


def by_title(run_lede: LedeRunner, site: Path) -> dict[object, object]:
    return {row["title"]: row["authors"] for row in rows(run_lede, site, "--all")}


def test_a_pelican_sites_author_signs_the_posts_that_name_none(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "pelicanconf.py": "AUTHOR = u'The Weekly Team'\nSITENAME = 'Weekly'\n",
            "content/2024-03-06-issue-1.md": "Title: Issue 1\nDate: 2024-03-06\n"
            "Category: Weekly\n\nThe news.\n",
            "content/guest.md": "Title: A guest post\nDate: 2024-03-07\n"
            "Author: Ada Lovelace\n\nWords.\n",
            "content/pages/about.md": "Title: About\n\nWho we are.\n",
        },
    )
    assert by_title(run_lede, site) == {
        "A guest post": ["Ada Lovelace"],
        "Issue 1": ["The Weekly Team"],
        "About": ["The Weekly Team"],
    }


@pytest.mark.parametrize("settings", ["SITENAME = 'Weekly'\n", "AUTHOR = ''\n"])
def test_a_pelican_site_without_an_author_names_nobody(
    run_lede: LedeRunner, tmp_path: Path, settings: str
) -> None:
    site = write_files(
        tmp_path / "site",
        {"pelicanconf.py": settings, "content/a.md": "Title: A\nDate: 2024-03-06\n\nText.\n"},
    )
    assert by_title(run_lede, site) == {"A": []}


def test_a_nikola_sites_blog_author_signs_the_posts_that_name_none(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "conf.py": 'BLOG_TITLE = "A blog"\nBLOG_AUTHOR = "Grace Hopper"\n',
            "posts/first.rst": ".. title: First\n.. date: 2024-01-02 10:00:00 UTC\n\nHello.\n",
            "posts/second.rst": ".. title: Second\n.. date: 2024-01-03 10:00:00 UTC\n"
            ".. author: Ada Lovelace\n\nHi.\n",
        },
    )
    assert by_title(run_lede, site) == {"Second": ["Ada Lovelace"], "First": ["Grace Hopper"]}


GATSBY_CONFIG = """\
module.exports = {
  siteMetadata: {
    title: `A blog`,
    author: {
      name: `Kyle Mathews`,
      summary: `who lives and works in San Francisco.`,
    },
  },
  plugins: [
    { resolve: `gatsby-source-filesystem`, options: { path: `${__dirname}/content/blog` } },
  ],
}
"""


@pytest.mark.parametrize(
    ("author", "signed"),
    [
        ("author: {\n      name: `Kyle Mathews`,", ["Kyle Mathews"]),
        ("author: `@gatsbyjs`,\n    bio: {", []),  # the default starter's handle: no signature
    ],
    ids=["starter-blog", "default-starter"],
)
def test_a_gatsby_sites_author_signs_the_posts_that_name_none(
    run_lede: LedeRunner, tmp_path: Path, author: str, signed: list[str]
) -> None:
    """Gatsby's starter blog, and the blogs made from it, sign each post with the author
    of the site's ``siteMetadata`` ("Written by Kyle Mathews"): its posts were by nobody."""
    config = GATSBY_CONFIG.replace("author: {\n      name: `Kyle Mathews`,", author)
    site = write_files(
        tmp_path / "site",
        {
            "gatsby-config.js": config,
            "content/blog/hello-world/index.md": "---\ntitle: Hello World\n"
            "date: 2015-05-01T22:12:03.284Z\n---\n\nHello.\n",
            "content/blog/guest/index.md": "---\ntitle: A guest post\ndate: 2015-05-06\n"
            "author: Ada Lovelace\n---\n\nWords.\n",
        },
    )
    assert by_title(run_lede, site) == {"A guest post": ["Ada Lovelace"], "Hello World": signed}
