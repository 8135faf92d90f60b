"""A site's settings changed after its pages were indexed: what they say of the pages
(addresses, authors) follows them, at the next start and in a running reader, while the
pages themselves are unchanged; nothing else is parsed again."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from library.index import CorpusIndex
from library.schema import STORED_WEB_URL
from library.watch import wanted
from tests.site_corpus import write_files

POST = "---\ntitle: Hello\nauthor: ada\n---\nWords.\n"
JEKYLL = {
    "_config.yml": "url: https://old.example.test\n",
    "_data/authors.yml": "ada:\n  name: Ada Old\n",
    "_posts/2024-05-06-hello.md": POST,
}
HUGO = {
    "hugo.toml": 'baseURL = "https://old.example.test/"\n',
    "data/authors.yaml": "ada:\n  name: Ada Old\n",
    "content/posts/hello.md": "---\ntitle: Hello\ndate: 2024-05-06\nauthor: ada\n---\n",
}


def web_urls_and_authors(db_path: Path) -> list[tuple[str, str]]:
    """Each article's web address and authors, by path."""
    with closing(sqlite3.connect(db_path)) as db:
        rows = db.execute(f"SELECT path, {STORED_WEB_URL}, authors FROM articles ORDER BY path")
        return [(os.path.basename(path), url, authors) for path, url, authors in rows]


def rewrite(path: Path, text: str) -> None:
    """``path`` written again with ``text``, its modification time moved on for sure."""
    before = path.stat().st_mtime_ns
    path.write_text(text)
    os.utime(path, ns=(before + 10**9, before + 10**9))


@pytest.mark.parametrize(
    ("files", "settings", "authors"),
    [
        (JEKYLL, "_config.yml", "_data/authors.yml"),
        (HUGO, "hugo.toml", "data/authors.yaml"),
    ],
    ids=["jekyll", "hugo"],
)
@pytest.mark.parametrize("running", [False, True], ids=["next-start", "running-reader"])
def test_a_sites_changed_settings_are_read_again_for_its_unchanged_pages(
    tmp_path: Path, files: dict[str, str], settings: str, authors: str, running: bool
) -> None:
    """The site's host and its authors file change: its post keeps its file, and took on
    neither (its address stayed at the old host, its author's old name) until the post's
    own file changed. A refresh that finds no change parses nothing again."""
    site = write_files(tmp_path / "site", files)
    db_path = tmp_path / "index.db"
    with closing(CorpusIndex([str(site)], db_path)) as index:
        index.refresh()
        (url, names) = web_urls_and_authors(db_path)[0][1:]
        assert url.startswith("https://old.example.test/") and names == "Ada Old"
        rewrite(site / settings, files[settings].replace("old.example", "new.example"))
        rewrite(site / authors, files[authors].replace("Ada Old", "Ada New"))
        if running:
            report = index.refresh_paths([str(site / settings), str(site / authors)])
        else:
            report = CorpusIndex([str(site)], db_path).refresh()
        assert report.parsed >= 1
        (url, names) = web_urls_and_authors(db_path)[0][1:]
        assert url.startswith("https://new.example.test/") and names == "Ada New"
        assert index.refresh().parsed == 0


@pytest.mark.parametrize("name", ["hugo.toml", "docusaurus.config.js", "pelicanconf.py"])
def test_a_running_reader_is_told_of_a_change_to_a_sites_settings(
    tmp_path: Path, name: str
) -> None:
    """The watcher passed over a settings file that is no YAML, and a running reader kept
    a Hugo site's old ``baseURL`` until it was started again."""
    assert wanted([str(tmp_path)], str(tmp_path / name))
