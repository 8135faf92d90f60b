"""``lede list`` on a VitePress or VuePress site: its folders of pages are its collections,
and its blog is the default stream, not its guide or its reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_list_stream import collections, rows
from tests.conftest import LedeRunner
from tests.site_corpus import write_files

POST = "---\ntitle: Post {n}\ndate: 2024-0{n}-02\n---\nWhat changed.\n"
DOC = "---\ntitle: Doc {n}\n---\n# Doc\n"
PRESS = {
    "vitepress": (
        ".vitepress/config.ts",
        "export default {\n  locales: {\n    root: { label: 'English', lang: 'en-US' },\n"
        "    zh: { label: '简体中文', lang: 'zh-CN' },\n  },\n}\n",
    ),
    "vuepress": (
        ".vuepress/config.js",
        "module.exports = {\n  locales: {\n    '/': { lang: 'en-US' },\n"
        "    '/zh/': { lang: 'zh-CN' },\n  },\n}\n",
    ),
}


def press_site(root: Path, kind: str, pages: str = "") -> Path:
    """A site of two posts in ``blog``, two guide pages (one translated in ``zh``), a
    team page at its top, with its settings; its pages in ``pages`` (its ``srcDir``)."""
    name, settings = PRESS[kind]
    if pages:
        settings = settings.replace("export default {", f"export default {{\n  srcDir: '{pages}',")
    inside = f"{pages}/" if pages else ""
    files = {name: settings, "package.json": '{"name": "site"}\n'}
    for n in (1, 2):
        files[f"{inside}blog/post-{n}.md"] = POST.format(n=n)
        files[f"{inside}guide/{n}-doc.md"] = DOC.format(n=n)
    files[f"{inside}zh/guide/1-doc.md"] = DOC.format(n=3)
    files[f"{inside}team.md"] = "---\ntitle: Meet the Team\n---\nWho we are.\n"
    return write_files(root, files)


@pytest.mark.parametrize(
    ("kind", "pages"),
    [("vitepress", ""), ("vitepress", "src"), ("vuepress", "")],
    ids=["vitepress", "vitepress-srcdir", "vuepress"],
)
def test_a_press_site_streams_its_blog_and_lists_its_docs_on_request(
    run_lede: LedeRunner, tmp_path: Path, kind: str, pages: str
) -> None:
    """Read whole, nushell.org's VuePress site listed 812 undated pages of its book and
    commands below its 490 posts, and Vite's docs six pages among its twelve posts: the
    blog is the stream; the guide, with its translation, is a collection away."""
    site = press_site(tmp_path / "site", kind, pages)
    assert [row["title"] for row in rows(run_lede, site)] == ["Post 2", "Post 1"]
    every = collections(rows(run_lede, site, "--all"))
    assert every == {"blog": 2, "guide": 3, None: 1}


@pytest.mark.parametrize(
    ("kind", "pages"),
    [("vitepress", ""), ("vitepress", "src"), ("vuepress", "")],
    ids=["vitepress", "vitepress-srcdir", "vuepress"],
)
def test_a_press_sites_pages_without_front_matter_are_its_pages(
    run_lede: LedeRunner, tmp_path: Path, kind: str, pages: str
) -> None:
    """VitePress and VuePress render every Markdown file of their pages, titled by its
    heading, front matter or none: 39 pages of Vite's guide and reference were each warned
    of as having no front matter, and missing from ``--all``. A section's own page (the
    blog's home, where its theme lists the posts) is a page of the site, not a post, as
    nushell.org's was listed; a file outside its pages (the repository's README beside a
    ``srcDir``) is still no page."""
    site = press_site(tmp_path / "site", kind, pages)
    inside = f"{pages}/" if pages else ""
    plain = {
        f"{inside}guide/3-features.md": "# Features\n\nWhat it does.\n",
        f"{inside}config/server.md": "# Server Options\n\nThe options.\n",
        f"{inside}blog/{'README' if kind == 'vuepress' else 'index'}.md": (
            "# The Blog\n\n[RSS](/rss.xml) / [Atom](/atom.xml)\n\n<BlogPosts />\n"
        ),
    }
    write_files(site, plain)
    every = rows(run_lede, site, "--all")
    titled = {row["path"].removeprefix(f"{site}/"): row["title"] for row in every}
    assert sorted(titled.get(path) for path in plain) == ["Features", "Server Options", "The Blog"]
    assert collections(every) == {"blog": 2, "guide": 4, "config": 1, None: 2}
    assert [row["title"] for row in rows(run_lede, site)] == ["Post 2", "Post 1"]
    checked = run_lede("check", site)
    assert ": warning:" not in checked.stdout, checked.stdout
    if pages:
        write_files(site, {"README.md": "# The site's sources\n\nHow to build it.\n"})
        checked = run_lede("check", site).stdout
        assert f"{site}/README.md:1: warning: no front matter" in checked
