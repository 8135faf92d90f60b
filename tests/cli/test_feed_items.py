"""Articles a feed reader saved: the page named in ``link``, its site the provider."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import DocWriter, LedeRunner


def listed(run_lede: LedeRunner, folder: Path, query: str = "") -> list[dict]:
    done = run_lede("list", folder, "-q", query, "--json")
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_a_feed_items_link_is_its_original_and_its_site_the_provider(
    run_lede: LedeRunner, doc_writer: DocWriter, tmp_path: Path
) -> None:
    """Obsidian's RSS reader and feed scripts write an item's page in ``link`` and name no
    provider: every such article had no link to open or preview, and no source in the
    list, nor one ``provider:`` could find."""
    doc_writer(
        "Some headline.md",
        "title: Some headline\nlink: https://www.theverge.com/2024/5/1/some-headline\n"
        "author: Jane Doe\npublished: 2024-05-01T09:30:00.000Z\ntags: [rss, tech]\n",
        "The item's description.\n",
    )
    doc_writer(  # a provider named stays, whatever the link
        "named.md",
        "title: Named\nlink: https://example.com/a\ndate: 2024-05-02\nprovider: Example News\n",
    )
    doc_writer("undated.md", "title: A project\nlink: https://example.org/\n")  # its home
    rows = {row["title"]: row for row in listed(run_lede, tmp_path / "docs")}
    item = rows["Some headline"]
    assert item["original_url"] == "https://www.theverge.com/2024/5/1/some-headline"
    assert item["provider"] == {"name": "theverge.com", "domain": "theverge.com"}
    assert rows["Named"]["provider"]["name"] == "Example News"
    assert rows["A project"]["original_url"] == "" and not rows["A project"]["provider"]["name"]
    found = listed(run_lede, tmp_path / "docs", "provider:verge")
    assert [row["title"] for row in found] == ["Some headline"]
