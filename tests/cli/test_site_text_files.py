"""A site's text files that its generator fills in (Jekyll's and Bridgetown's
``robots.txt``, ``security.txt``, ``humans.txt``: front matter, then the text) are no
articles, nor worth a warning."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner


def jekyll_site(folder: Path) -> Path:
    (folder / "_posts").mkdir(parents=True)
    (folder / "_config.yml").write_text("title: Ex\n")
    (folder / "_posts" / "2024-01-02-hello.md").write_text("---\ntitle: Hello\n---\nBody.\n")
    (folder / "robots.txt").write_text("---\n---\nUser-agent: *\nAllow: /\n")
    (folder / "security.txt").write_text(
        "---\nlayout: none\npermalink: /.well-known/security.txt\n---\nContact: x@example.org\n"
    )
    (folder / "notes.txt").write_text("---\ntitle: A post in text\n---\nIts words.\n")
    return folder


def test_a_sites_text_files_are_no_articles(run_lede: LedeRunner, tmp_path: Path) -> None:
    """Homebrew's site listed 'robots' and 'security' as articles, each warned of in a
    check ('no title or name'); a text file with a title is still a post."""
    site = jekyll_site(tmp_path / "site")
    assert sorted(str(row["title"]) for row in rows(run_lede, site, "--all")) == [
        "A post in text",
        "Hello",
    ]
    done = run_lede("check", site)
    assert done.returncode == 0, done.stderr
    assert "0 warnings" in done.stdout.splitlines()[-1]
