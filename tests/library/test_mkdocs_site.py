"""An MkDocs site: the folders of its ``docs`` are its sections, and the blog its blog
plugin keeps there is what the reader lists first, as a Hugo site's is. Read as one
folder, Material for MkDocs's 13 posts were listed among 33 pages of its docs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import LedeRunner
from tests.site_corpus import write_files

# Its settings as such sites write them: YAML that tags a value with a Python name,
# which a safe loader refuses.
SETTINGS = """\
site_name: A project
%s
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - blog
"""
POST = "---\ndate:\n  created: 2024-03-04\ncategories:\n  - Release\n---\n\n# Version 2\n\nOut.\n"
PAGE = "---\ntitle: %s\n---\n\nSteps.\n"


def mkdocs_site(root: Path, docs_dir: str) -> Path:
    docs = docs_dir.partition(":")[2].partition("#")[0].strip() or "docs"
    write_files(
        root,
        {
            "mkdocs.yml": SETTINGS % docs_dir,
            f"{docs}/index.md": PAGE % "Home",
            f"{docs}/setup/install.md": PAGE % "Installing",
            f"{docs}/reference/admonitions.md": PAGE % "Admonitions",
            f"{docs}/blog/index.md": "# Blog\n",
            f"{docs}/blog/posts/version-2.md": POST,
        },
    )
    return root


def titles(done_stdout: str) -> list[str]:
    return sorted(json.loads(line)["title"] for line in done_stdout.splitlines())


@pytest.mark.parametrize("docs_dir", ["", "docs_dir: pages  # its own"], ids=["docs", "named"])
def test_the_site_lists_its_blog_and_all_shows_its_docs(
    tmp_path: Path, run_lede: LedeRunner, docs_dir: str
) -> None:
    root = mkdocs_site(tmp_path / "site", docs_dir)
    listed = run_lede("list", "--json", root)
    assert titles(listed.stdout) == ["Version 2"], listed.stderr
    everything = titles(run_lede("list", "--all", "--json", root).stdout)
    assert everything == ["Admonitions", "Home", "Installing", "Version 2"]
