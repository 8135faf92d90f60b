"""``lede list`` on a SvelteKit, Next.js, Nuxt, React Router, Gatsby or Gridsome site: its
folders of pages are its collections, and its blog is the default stream, not its docs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_list_stream import collections, rows
from tests.conftest import LedeRunner
from tests.site_corpus import write_files

POST = "---\ntitle: Post {n}\ndate: 2024-0{n}-02\n---\n"
DOC = "---\ntitle: Doc {n}\n---\n# Doc\n"


def app_site(root: Path, settings: dict[str, str], pages: str) -> Path:
    """A site of two posts and three docs pages in its folder ``pages``, with its
    ``settings`` files and a README at its top."""
    files = dict(settings)
    files["README.md"] = "# The site\n"
    for n in (1, 2):
        files[f"{pages}/blog/post-{n}/+page.md"] = POST.format(n=n)
    for n in (1, 2, 3):
        files[f"{pages}/docs/{n}-doc.md"] = DOC.format(n=n)
    return write_files(root, files)


@pytest.mark.parametrize(
    ("settings", "pages"),
    [
        ({"svelte.config.js": "export default {};\n"}, "src/routes"),
        (  # svelte.dev's: SvelteKit by its package, its pages read from ``content``
            {
                "vite.config.ts": "export default {};\n",
                "package.json": '{"devDependencies": {"@sveltejs/kit": "^2.0.0"}}\n',
            },
            "content",
        ),
        ({"next.config.mjs": "export default {};\n"}, "data"),
        ({"next.config.js": "module.exports = {};\n"}, "src/app/(website)"),
        (  # nuxt.com's: Nuxt Content's pages, 50 posts listed among 47 undated pages
            {
                "nuxt.config.ts": "export default defineNuxtConfig({})\n",
                "content.config.ts": "export default defineContentConfig({})\n",
            },
            "content",
        ),
        (  # kentcdodds.com's: React Router's, 214 posts listed among 13 undated pages
            {"react-router.config.ts": "export default { ssr: true } satisfies Config\n"},
            "content",
        ),
        (  # Remix on Vite, known by its package
            {
                "vite.config.ts": "export default defineConfig({ plugins: [remix()] });\n",
                "package.json": '{"devDependencies": {"@remix-run/dev": "^2.15.0"}}\n',
            },
            "app/routes",
        ),
        (  # Gatsby's starter blog: the folder its source plugin reads, ``content/blog``
            {"gatsby-config.js": "module.exports = { plugins: [] }\n"},
            "content",
        ),
        (  # gridsome.org's: its blog and docs at its top
            {"gridsome.config.js": "module.exports = { plugins: [] }\n"},
            ".",
        ),
    ],
    ids=[
        "sveltekit-routes",
        "svelte.dev",
        "nextjs-data",
        "nextjs-route-group",
        "nuxt-content",
        "react-router",
        "remix-vite",
        "gatsby",
        "gridsome",
    ],
)
def test_an_app_site_streams_its_blog_and_lists_its_docs_on_request(
    run_lede: LedeRunner, tmp_path: Path, settings: dict[str, str], pages: str
) -> None:
    """Read as a plain folder, its docs were listed undated below its posts (svelte.dev:
    343 pages below 105 posts); its blog is its stream, its docs a collection away."""
    site = app_site(tmp_path / "site", settings, pages)
    assert [row["title"] for row in rows(run_lede, site)] == ["Post 2", "Post 1"]
    every = collections(rows(run_lede, site, "--all"))
    assert every["blog"] == 2 and every["docs"] == 3


def test_a_folder_of_code_and_markdown_is_still_read_whole(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A Vite project that is no SvelteKit site is a plain folder, shown whole."""
    settings = {"vite.config.ts": "export default {};\n", "package.json": '{"name": "x"}\n'}
    site = app_site(tmp_path / "site", settings, "content")
    assert len(rows(run_lede, site)) == 5


def test_a_blog_route_of_code_alone_leaves_the_posts_where_the_site_keeps_them(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """prometheus.io's Next.js site routes ``src/app/blog`` with code only and reads its
    posts from ``blog/posts``: taken for its blog, that route left one page in the list
    (its community page) and its 59 posts out; its posts are its stream."""
    files = {
        "next.config.ts": "export default {};\n",
        "src/app/blog/page.tsx": "export default function Blog() {}\n",
        "src/app/blog/[year]/[month]/page.tsx": "export default function Post() {}\n",
        "src/app/community/community.md": "---\ntitle: Community\n---\n",
        "docs/introduction/overview.md": DOC.format(n=1),
    }
    for n in (1, 2):
        files[f"blog/posts/2024-0{n}-02-post-{n}.md"] = POST.format(n=n)
    site = write_files(tmp_path / "site", files)
    assert [row["title"] for row in rows(run_lede, site)] == ["Post 2", "Post 1"]
    assert collections(rows(run_lede, site, "--all"))["docs"] == 1


def test_an_app_sites_pages_in_a_folder_for_each_language_stream_its_blog(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """nodejs.org keeps its pages in a folder of ``pages`` for each of its languages
    (``pages/en/blog``, ``pages/ja/about``), within a monorepo's ``apps/site``: its 1,050
    posts were listed among 209 pages of its About and Download in its 16 languages;
    its English blog is its stream, the rest a collection or a language away."""
    files = {"apps/site/next.config.mjs": "export default {};\n", "README.md": "# Repo\n"}
    for n in (1, 2):
        files[f"apps/site/pages/en/blog/release/v{n}.md"] = POST.format(n=n)
    for code in ("en", "ja", "zh-cn"):
        files[f"apps/site/pages/{code}/about/governance.md"] = DOC.format(n=code)
    root = write_files(tmp_path / "repo", files)
    assert [row["title"] for row in rows(run_lede, root)] == ["Post 2", "Post 1"]
    assert collections(rows(run_lede, root, "--all")) == {"blog": 2, "about": 3}
    japanese = rows(run_lede, root, "-q", "lang:ja collection:about")
    assert [row["title"] for row in japanese] == ["Doc ja"]


GRIDSOME_CONFIG = """\
module.exports = {
  templates: { BlogPost: [{ path: '/blog/:year/:slug', component: './src/Post.vue' }] },
  plugins: [
    { use: '@gridsome/vue-remark', options: { baseDir: './docs', typeName: 'DocPage' } },
    { use: '@gridsome/source-filesystem', options: { path: 'blog/*/index.md' } },
    { use: '@gridsome/source-filesystem', options: { path: '../shared/*.md' } },
  ],
}
"""


def test_a_gridsome_sites_pages_without_front_matter_are_read_where_its_plugins_read(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Gridsome renders every Markdown file of the folders its source plugins read, front
    matter or none: gridsome.org's 73 docs pages, each titled by its heading, were warned
    of as "no front matter" and missing from ``lede list --all``. A folder no plugin
    reads (its tutorial's drafts) and the project's README are still no pages."""
    site = write_files(
        tmp_path / "site",
        {
            "gridsome.config.js": GRIDSOME_CONFIG,
            "README.md": "# The site's sources\n\nHow to build it.\n",
            "blog/2024-01-02-launch/index.md": POST.format(n=1),
            "blog/2024-02-02-news/index.md": "# A post of no front matter\n\nText.\n",
            "docs/install.md": "# Install Gridsome\n\nRun the installer.\n",
            "docs/guides/data.md": "# Data in Gridsome\n\nQuery it.\n",
            "learn/setup.md": "# 1. Setup\n\nA draft.\n",
        },
    )
    every = rows(run_lede, site, "--all")
    assert sorted(row["title"] for row in every) == [
        "A post of no front matter",
        "Data in Gridsome",
        "Install Gridsome",
        "Post 1",
    ]
    assert collections(every) == {"blog": 2, "docs": 2}
    checked = run_lede("check", site).stdout.splitlines()
    assert [line.split(": ", 1)[0].removeprefix(str(site)) for line in checked[:-1]] == [
        "/README.md:1",
        "/learn/setup.md:1",
    ]
