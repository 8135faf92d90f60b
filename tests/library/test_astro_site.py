"""An Astro site: its pages are read from ``src`` and the folders its content
configuration loads collections from; its built site, the files it serves as they are and
the project's own README are no articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import LedeRunner, write_document

CONTENT_CONFIG = """\
import { glob } from "astro/loaders";
const notes = defineCollection({ loader: glob({ pattern: "**/*.md", base: "./notes" }) });
export const collections = { notes };
"""


def astro_site(root: Path, content_config: str = CONTENT_CONFIG) -> Path:
    root.mkdir(parents=True)
    (root / "astro.config.mjs").write_text("export default defineConfig({});\n")
    (root / "src").mkdir()
    (root / "src" / "content.config.ts").write_text(content_config)
    write_document(
        root / "src" / "content" / "blog", "launch.md", "title: Launch\npubDate: 2024-05-01"
    )
    write_document(root / "src" / "pages", "about.md", "title: About")
    write_document(root / "notes", "idea.md", "title: An idea")
    (root / "README.md").write_text("# The project\n\nRun npm run dev.\n")
    (root / "dist" / "blog" / "launch").mkdir(parents=True)
    (root / "dist" / "blog" / "launch" / "index.html").write_text("<html><h1>Launch</h1></html>\n")
    (root / "public").mkdir()
    (root / "public" / "banner.html").write_text("<p>Served as it is</p>\n")
    return root


def test_an_astro_site_reads_its_sources_alone(tmp_path: Path, run_lede: LedeRunner) -> None:
    """Its README, its built pages (``dist``) and its ``public`` files were warned of as
    documents without front matter: on Astro's docs site, 15 warnings, now none."""
    root = astro_site(tmp_path / "site")
    checked = run_lede("check", str(root))
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.splitlines()[-1].endswith("0 errors, 0 warnings"), checked.stdout
    listed = run_lede("list", "--all", "--json", str(root))
    titles = {json.loads(line)["title"] for line in listed.stdout.splitlines()}
    assert titles == {"Launch", "About", "An idea"}


def test_an_astro_site_loading_from_its_top_is_read_whole(
    tmp_path: Path, run_lede: LedeRunner
) -> None:
    root = astro_site(tmp_path / "site", 'glob({ pattern: "*.md", base: "." })\n')
    checked = run_lede("check", str(root))
    assert "README.md" in checked.stdout


STARLIGHT_CONFIG = """\
import starlight from "@astrojs/starlight";
import starlightBlog from "starlight-blog";
export default defineConfig({
  integrations: [
    starlight({ plugins: [starlightBlog({ authors: { ada: { name: "Ada" } }%s })] }),
    sitemap({ prefix: "/pages" }),
  ],
});
"""


def starlight_site(root: Path, options: str = "") -> Path:
    """A Starlight site whose blog's posts are kept among its docs, the starlight-blog
    plugin's way (``src/content/docs/blog``), and which writes its plugins' options."""
    root.mkdir(parents=True)
    (root / "astro.config.mjs").write_text(STARLIGHT_CONFIG % options)
    docs = root / "src" / "content" / "docs"
    write_document(docs, "index.mdx", "title: Welcome")
    write_document(docs / "guides", "install.md", "title: Install")
    write_document(docs / "reference", "cli.md", "title: CLI")
    for folder in ("blog", "news"):
        write_document(docs / folder, "v2.md", f"title: In {folder}\ndate: 2024-05-01")
    return root


@pytest.mark.parametrize(("options", "blog"), [("", "blog"), (', prefix: "news"', "news")])
def test_a_starlight_sites_blog_among_its_docs_is_its_stream(
    tmp_path: Path, run_lede: LedeRunner, options: str, blog: str
) -> None:
    """The starlight-blog plugin reads the posts from a folder of the docs (its
    ``prefix``): Biome's site listed its 684 pages of docs with its 21 posts among them,
    and now lists the posts, its docs in ``--all``."""
    root = starlight_site(tmp_path / "site", options)
    listed = run_lede("list", "--json", str(root))
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(row["title"], row["collection"]) for row in rows] == [(f"In {blog}", blog)]
    listed = run_lede("list", "--all", "--json", str(root))
    assert len(listed.stdout.splitlines()) == 5
