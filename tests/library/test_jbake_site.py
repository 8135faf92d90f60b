"""A JBake site: the folders of its content are its sections, and its blog (or news) is
what the reader lists first, as a Hugo site's is. Read as one folder, jbake.org's 26 news
posts were among 113 pages of its manuals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import LedeRunner
from tests.site_corpus import write_files

NEWS = "= Version 2 released\nJo Baker\n2024-02-03\n:jbake-type: post\n\nIt is out.\n"
MANUAL = "= Installing\nJo Baker\n2024-01-01\n:jbake-type: page\n\nSteps.\n"
POST_MD = "title=Weekly links\ndate=2024-03-04\ntype=post\nstatus=published\n~~~~~~\n\nLinks.\n"


def jbake_site(root: Path, settings: str = "", content: str = "content") -> Path:
    write_files(
        root,
        {
            "jbake.properties": settings or "site.host=https://example.com\n",
            f"{content}/news/released.adoc": NEWS,
            f"{content}/news/links.md": POST_MD,
            f"{content}/docs/install.adoc": MANUAL,
            f"{content}/about.adoc": MANUAL.replace("Installing", "About"),
            "templates/index.ftl": "<#list posts as post>${post.title}</#list>\n",
        },
    )
    return root


def titles(done_stdout: str) -> list[str]:
    return [json.loads(line)["title"] for line in done_stdout.splitlines()]


@pytest.mark.parametrize(
    ("settings", "content"),
    [("", "content"), ("content.folder=src/site\n# comment\n", "src/site")],
    ids=["default-content", "content-folder-named"],
)
def test_the_site_lists_its_news_and_all_shows_its_pages(
    tmp_path: Path, run_lede: LedeRunner, settings: str, content: str
) -> None:
    root = jbake_site(tmp_path / "site", settings, content)
    assert titles(run_lede("list", "--json", root).stdout) == ["Weekly links", "Version 2 released"]
    everything = titles(run_lede("list", "--all", "--json", root).stdout)
    assert sorted(everything) == ["About", "Installing", "Version 2 released", "Weekly links"]
    assert run_lede("check", root).returncode == 0
