"""``lede list`` on a Hugo or Docusaurus site: its sections are its collections, and its
blog is the default stream, not its docs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_list_stream import collections, rows
from tests.conftest import SITE, LedeRunner, write_document
from tests.site_corpus import write_files


def hugo_site(folder: Path) -> Path:
    """A Hugo site with a blog of 2 posts, 3 docs pages (one a folder down) and an About
    page at the top of its content."""
    (folder / "layouts").mkdir(parents=True)
    (folder / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "Ex"\n')
    content = folder / "content"
    write_document(content, "about.md", "title: About us", "We are.\n")
    write_document(content, "_index.md", "title: Home")
    for n in (1, 2):
        write_document(content / "blog", f"post{n}.md", f"title: Post {n}\ndate: 2024-0{n}-02")
    write_document(content / "blog", "_index.md", "title: The blog")
    for n in (1, 2):
        write_document(content / "docs", f"doc{n}.md", f"title: Doc {n}")
    write_document(content / "docs" / "guide", "deep.md", "title: Deep doc")
    return folder


def test_a_hugo_site_streams_its_blog_and_lists_its_docs_on_request(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    site = hugo_site(tmp_path / "site")
    assert [row["title"] for row in rows(run_lede, site)] == ["Post 2", "Post 1"]
    assert collections(rows(run_lede, site, "--all")) == {"blog": 2, "docs": 3, None: 1}
    assert collections(rows(run_lede, site, "-q", "collection:docs")) == {"docs": 3}
    pages = rows(run_lede, site, "-q", "-collection:*")
    assert [row["title"] for row in pages] == ["About us"]


def test_a_hugo_site_without_a_blog_is_listed_whole(run_lede: LedeRunner, tmp_path: Path) -> None:
    """A blog that keeps its posts at the top of its content, beside a section of others,
    lost them from the list (345 of a real blog's 750 posts)."""
    site = hugo_site(tmp_path / "site")
    (site / "content" / "blog").rename(site / "content" / "releases")
    write_document(site / "content", "a-post.md", "title: A post\ndate: 2024-03-02")
    found = collections(rows(run_lede, site))
    assert found == {"releases": 2, "docs": 3, None: 2}


def test_a_hugo_page_bundle_is_no_section(run_lede: LedeRunner, tmp_path: Path) -> None:
    """A post kept as a folder of its own (``content/my-post/index.md``, its pictures
    beside it) was a collection of one post."""
    site = hugo_site(tmp_path / "site")
    write_document(site / "content" / "my-post", "index.md", "title: Bundled\ndate: 2024-03-02")
    assert collections(rows(run_lede, site, "--all")) == {"blog": 2, "docs": 3, None: 2}


def test_a_hugo_sites_content_folder_is_the_one_its_settings_name(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """``contentDir = "content/en"`` and a module mounting ``content/en`` onto ``content``:
    the site had one collection, "en", instead of its sections."""
    for settings in (
        'contentDir = "content/en"\n',
        '[module]\n[[module.mounts]]\nsource = "content/en"\ntarget = "content"\n',
    ):
        site = tmp_path / str(len(settings)) / "site"
        (site / "layouts").mkdir(parents=True)
        (site / "hugo.toml").write_text(settings)
        write_document(site / "content" / "en" / "blog", "a.md", "title: Post\ndate: 2024-01-02")
        write_document(site / "content" / "en" / "docs", "b.md", "title: Doc")
        assert collections(rows(run_lede, site, "--all")) == {"blog": 1, "docs": 1}, settings
        assert [row["title"] for row in rows(run_lede, site)] == ["Post"], settings


def test_a_hugo_sites_sections_are_read_in_its_default_language(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A site whose languages have folders of their own has its sections in each."""
    site = tmp_path / "site"
    (site / "layouts").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'defaultContentLanguage = "en"\n'
        '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n'
    )
    write_document(site / "content" / "en" / "posts", "a.md", "title: Hello\ndate: 2024-01-02")
    write_document(site / "content" / "en" / "docs", "b.md", "title: Docs")
    write_document(site / "content" / "fr" / "posts", "a.md", "title: Bonjour")
    assert [row["title"] for row in rows(run_lede, site)] == ["Hello"]
    assert collections(rows(run_lede, site, "--all")) == {"posts": 1, "docs": 1}


def test_a_docusaurus_site_streams_its_blog(run_lede: LedeRunner, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "docusaurus.config.js").write_text("module.exports = {title: 'Ex'};\n")
    write_document(site / "blog", "2024-01-02-hello.md", "title: Hello")
    write_document(site / "docs", "intro.md", "title: Intro")
    write_document(site / "src" / "pages", "markdown-page.md", "title: A page")
    assert [row["title"] for row in rows(run_lede, site)] == ["Hello"]
    assert collections(rows(run_lede, site, "--all")) == {"blog": 1, "docs": 1, None: 1}


def test_a_docusaurus_sites_pages_without_front_matter_are_its_pages(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Docusaurus renders each Markdown and MDX file of its docs, blog and ``src/pages``,
    titled by its heading, front matter or none, but a part its pages import (``_name``):
    128 pages of React Native's versioned docs were each warned of as having no front
    matter, and missing from ``--all``."""
    site = tmp_path / "site"
    files = {
        "docusaurus.config.js": "module.exports = {title: 'Ex'};\n",
        "blog/2024-03-04-plain-post.md": "# A plain post\n\nWhat changed.\n",
        "docs/appendix.md": "# Appendix\n\nTerms.\n",
        "versioned_docs/version-1.0/codegen.mdx": "# Using Codegen\n\n<Steps />\n\nSteps.\n",
        "src/pages/benchmarks.md": "# Benchmarks\n\nNumbers.\n",
        "docs/settings/_flag.mdx": "A setting the pages import.\n",
        "static/img/source.md": "Where the pictures came from.\n",
    }
    write_files(site, files)
    assert [row["title"] for row in rows(run_lede, site)] == ["A plain post"]
    every = rows(run_lede, site, "--all")
    assert sorted(str(row["title"]) for row in every) == [
        "A plain post",
        "Appendix",
        "Benchmarks",
        "Using Codegen",
    ]
    checked = run_lede("check", site).stdout  # what it serves as it is (static) no page
    assert checked.count(": warning:") == 0, checked


def test_a_docusaurus_sites_other_blogs_and_docs_are_the_folders_its_settings_name(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A Docusaurus site renders the folders its content plugins name, and nothing else:
    a copy of Docusaurus's site kept a second blog (``path: 'second-blog/blog'``), which
    was no blog and not streamed, and more docs (``path: 'project-management'``), while
    its README, its authors' templates and what it serves as it is were warned of (7)
    and two templates listed as pages. A blog the preset moves (``blog: {path:
    'changelog'}``) is the blog, and ``blog: false`` leaves none; another option's
    ``path`` (a version's address) names no folder."""
    config = """\
module.exports = {
  plugins: [
    ['@docusaurus/plugin-content-docs', {id: 'pm', path: 'project-management',
      sidebarPath: require.resolve('./sidebarsPM.js')}],
    ['@docusaurus/plugin-content-blog', {id: 'second-blog', path: 'second-blog/blog'}],
  ],
  presets: [['@docusaurus/preset-classic', {
    docs: {versions: {current: {label: 'Next', path: 'next'}}},  // an address, no folder
    blog: %s,
  }]],
};
"""
    post = "---\ntitle: %s\n---\nText.\n"
    files = {
        "README.md": "# The site\n\nHow to build it.\n",
        "templates/blogEntry.md": "---\ntitle: A post's template\n---\nWrite here.\n",
        "static/reveal.js/README.md": "# reveal.js\n\nSlides.\n",
        "docs/intro.md": post % "Intro",
        "project-management/team.md": "# Team\n\nWho we are.\n",
        "blog/2024-01-02-first.md": post % "First post",
        "changelog/2024-02-03-v2.md": post % "Version 2",
        "second-blog/blog/2024-03-04-hello.md": post % "Hello from the second blog",
    }
    for blog, stream in [
        ("{showReadingTime: true}", ["Hello from the second blog", "First post"]),
        ("{path: 'changelog'}", ["Hello from the second blog", "Version 2"]),
    ]:
        site = write_files(tmp_path / blog[1:5], {"docusaurus.config.js": config % blog, **files})
        assert [row["title"] for row in rows(run_lede, site)] == stream
        every = sorted(str(row["title"]) for row in rows(run_lede, site, "--all"))
        assert every == sorted([*stream, "Intro", "Team"])
        checked = run_lede("check", site).stdout
        assert checked.count(": warning:") == 0, checked
    site = write_files(tmp_path / "none", {"docusaurus.config.js": config % "false", **files})
    assert [row["title"] for row in rows(run_lede, site)] == ["Hello from the second blog"]


def test_a_folder_inside_a_hugo_site_is_read_whole(run_lede: LedeRunner, tmp_path: Path) -> None:
    """Opened below its site, a section is a folder like any: its files are in no
    collection, and nothing is left out of the list."""
    site = hugo_site(tmp_path / "site")
    found = rows(run_lede, site / "content" / "docs")
    assert collections(found) == {None: 3}


def test_a_hugo_site_opened_beside_a_news_site_keeps_its_blog(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    site = hugo_site(tmp_path / "site")
    assert collections(rows(run_lede, SITE, site)) == {"news": 9, "blog": 2}


def test_a_pelican_sites_folders_are_no_sections(run_lede: LedeRunner, tmp_path: Path) -> None:
    """Pelican files its articles by category folder: every one stays in the list."""
    site = tmp_path / "site"
    (site / "content" / "python").mkdir(parents=True)
    (site / "pelicanconf.py").write_text("SITENAME = 'Ex'\n")
    write_document(site / "content" / "python", "a.md", "title: On Python\ndate: 2024-01-02")
    write_document(site / "content", "b.md", "title: Flat\ndate: 2024-01-03")
    assert collections(rows(run_lede, site)) == {None: 2}


ELEVENTY_CONFIGS = {
    "eleventy.config.js": "export default function (c) {}\nexport const config = {\n"
    '\tdir: {\n\t\tinput: "content", // default: "."\n\t\tincludes: "../_includes",\n\t},\n};\n',
    ".eleventy.js": 'module.exports = function (c) {\n  c.setInputDirectory("content");\n};\n',
}


@pytest.mark.parametrize("config", list(ELEVENTY_CONFIGS))
def test_an_eleventy_site_streams_its_blog(
    run_lede: LedeRunner, tmp_path: Path, config: str
) -> None:
    """An Eleventy site's folders in its input folder are its sections, as a Hugo site's
    are: its docs buried its blog (Eleventy's own site listed 209 rows, 67 of them posts)
    and its templates' data folder is none."""
    site = tmp_path / "site"
    site.mkdir()
    (site / config).write_text(ELEVENTY_CONFIGS[config])
    content = site / "content"
    for n in (1, 2):
        write_document(content / "blog", f"post{n}.md", f"title: Post {n}\ndate: 2024-0{n}-02")
    write_document(content / "docs", "install.md", "title: Install")
    write_document(content / "_data", "note.md", "title: A data note")
    write_document(content, "about.md", "title: About us")
    assert [row["title"] for row in rows(run_lede, site)] == ["Post 2", "Post 1"]
    assert collections(rows(run_lede, site, "--all")) == {"blog": 2, "docs": 1, None: 2}


@pytest.mark.parametrize("data_file", ["en.json", "en.11tydata.json"])
def test_an_eleventy_sites_folder_of_a_language_holds_its_sections(
    run_lede: LedeRunner, tmp_path: Path, data_file: str
) -> None:
    """An Eleventy site in languages keeps each in a folder its directory data gives that
    ``locale`` (``src/en/en.json``), its sections inside: Ceph's site was one section,
    ``en``, its 45 events and 13 case studies streamed among its blog's posts. Its
    ``.eleventyignore`` leaves out what it names (Ceph's ``src/**/README.md``): each such
    README was warned of."""
    site = write_files(
        tmp_path / "site",
        {
            ".eleventy.js": ELEVENTY_CONFIGS[".eleventy.js"].replace("content", "src"),
            ".eleventyignore": "src/**/README.md\n# notes for the site's authors\n",
            "README.md": "# The site\n\nHow to build it.\n",
            "src/README.md": "# Sources\n\nWhere pages are.\n",
            f"src/en/{data_file}": '{\n  "dir": "ltr",\n  "locale": "en"\n}\n',
            "src/en/news/blog/2024-05-01-v19.md": "---\ntitle: v19 is out\n---\nOut.\n",
            "src/en/news/blog/README.md": "# How to write a post\n\nSteps.\n",
            "src/en/community/events/summit.md": "---\ntitle: Summit\ndate: 2024-06-01\n---\n",
            "src/en/index.md": "---\ntitle: Home\n---\nWelcome.\n",
            "src/go/index.md": "---\ntitle: Go\n---\nA page on Go.\n",
        },
    )
    assert [row["title"] for row in rows(run_lede, site)] == ["v19 is out"]
    everything = collections(rows(run_lede, site, "--all"))
    assert everything == {"news": 1, "community": 1, "go": 1, None: 1}
    checked = run_lede("check", str(site)).stdout.splitlines()
    assert checked == [
        f"{site}/README.md:1: warning: no front matter: not read as a document",
        "checked 5 files (4 articles, 0 topics): 0 invalid, 0 errors, 1 warning",
    ]


BODY = "<article>{{ content }}</article>\n"
ELEVENTY_FOLDERS = (
    "module.exports = function (config) {\n  config.setOutputDirectory('public');\n"
    "  return { dir: { input: '.', includes: 'templates', layouts: 'templates/layouts' } };\n};\n"
)


def test_an_eleventy_sites_templates_and_built_pages_are_no_articles(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """The folders an Eleventy site's configuration names for its templates and for the
    pages it builds hold none of its pages: 18F's layouts, in its ``templates``, were
    seven undated articles (``post``, ``primary``), and its built pages were warned of."""
    site = tmp_path / "site"
    site.mkdir()
    (site / ".eleventy.js").write_text(ELEVENTY_FOLDERS)
    write_document(site / "content" / "posts", "launch.md", "title: Launch\ndate: 2024-05-01")
    write_document(site / "templates" / "layouts", "post.html", "layout: primary", BODY)
    write_document(site / "templates", "card.html", "title: '{{ title }}'")
    (site / "public" / "launch").mkdir(parents=True)
    (site / "public" / "launch" / "index.html").write_text("<html><h1>Launch</h1></html>\n")
    assert [row["title"] for row in rows(run_lede, site, "--all")] == ["Launch"]
    checked = run_lede("check", str(site))
    assert checked.stdout.splitlines()[-1].endswith("0 errors, 0 warnings"), checked.stdout


def test_an_astro_sites_content_collections_are_its_sections(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """An Astro site's content collections (``src/content/blog``, ``src/content/authors``)
    are its collections, and its blog the default stream: its authors' profiles were
    listed among its posts, undated, as articles."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "astro.config.mjs").write_text("export default defineConfig({});\n")
    content = site / "src" / "content"
    for n in (1, 2):
        write_document(content / "blog", f"post{n}.md", f"title: Post {n}\npubDate: 2024-0{n}-02")
    write_document(content / "authors", "ada.md", "title: Ada Lovelace\nrole: Editor", "Bio.\n")
    write_document(site / "src" / "pages", "about.md", "title: About us")
    assert [row["title"] for row in rows(run_lede, site)] == ["Post 2", "Post 1"]
    assert collections(rows(run_lede, site, "--all")) == {"blog": 2, "authors": 1, None: 1}


def test_sections_of_posts_named_by_dates_are_the_stream(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """yihui.org keeps its posts in ``content/en`` and ``content/cn``, each named by its
    date, beside its packages' pages (``content/knitr``) and pages at the top: read
    whole, it listed 105 pages among its 1,885 posts. Sections named by dates are its
    blogs, whatever they are called."""
    site = tmp_path / "site"
    (site / "layouts").mkdir(parents=True)
    (site / "config.yaml").write_text("baseURL: https://example.org/\ntitle: Ex\n")
    content = site / "content"
    write_document(content, "about.md", "title: About me")
    write_document(content / "en", "2024-02-02-second.md", "title: Second")
    write_document(content / "en", "2024-01-02-first.md", "title: First")
    write_document(content / "cn", "2024-01-05-diyi.md", "title: 第一")
    write_document(content / "knitr", "options.md", "title: Chunk options")
    assert [row["title"] for row in rows(run_lede, site)] == ["Second", "第一", "First"]
    every = collections(rows(run_lede, site, "--all"))
    assert every == {"en": 2, "cn": 1, "knitr": 1, None: 1}


def test_a_hugo_sites_pages_it_renders_no_page_of_are_no_articles(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Hugo renders no page of a file whose build options say ``render: never``, its own
    or cascaded from a section above it, nor of a headless bundle: they are snippets its
    pages include. Hugo's docs listed its 162 glossary terms and 40 ``_common`` pieces
    among its pages; a cascade aimed at other pages (``target``) leaves these alone."""
    site = hugo_site(tmp_path / "site")
    content = site / "content"
    cascade = "title: Glossary\ncascade:\n  build:\n    render: never\n    list: local"
    write_document(content / "docs" / "glossary", "_index.md", cascade)
    write_document(content / "docs" / "glossary", "term.md", "title: A term")
    toml = '+++\ntitle = "Common"\n[[cascade]]\n[cascade.build]\nrender = "never"\n+++\n'
    (content / "_common" / "install").mkdir(parents=True)
    (content / "_common" / "_index.md").write_text(toml)
    write_document(content / "_common" / "install", "steps.md", "title: Steps")
    write_document(content / "docs", "snippet.md", "title: A snippet\n_build:\n  render: false")
    write_document(content / "docs" / "hero", "index.md", "title: Hero\nheadless: true")
    aimed = "title: Guides\ncascade:\n- build:\n    render: never\n  target:\n    path: /old/**"
    write_document(content / "docs" / "guides", "_index.md", aimed)
    write_document(content / "docs" / "guides", "intro.md", "title: Intro")
    listed = {row["title"] for row in rows(run_lede, site, "--all")}
    assert listed == {"About us", "Post 1", "Post 2", "Doc 1", "Doc 2", "Deep doc", "Intro"}
    plain = tmp_path / "notes"
    write_document(plain, "build.md", "title: Build notes\nbuild:\n  render: never")
    assert [row["title"] for row in rows(run_lede, plain)] == ["Build notes"]


def test_a_quarto_blogs_folders_are_its_sections_and_its_posts_its_stream(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A Quarto blog keeps its posts (``posts/2023-09-02-x/index.qmd``) beside its notes
    and its pages: read as one folder, its 15 posts were listed among 12 notes and 5
    pages, undated ones at the foot."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "_quarto.yml").write_text("project:\n  type: website\n")
    write_document(site, "index.qmd", "title: Home\nlisting:\n  contents: posts/**/*.qmd")
    write_document(site, "about.qmd", "title: About")
    for n in (1, 2):
        write_document(site / "posts" / f"2024-0{n}-02-p", "index.qmd", f"title: Post {n}")
    write_document(site / "notes" / "linux", "index.qmd", "title: Linux\ndate: 2024-03-01")
    assert [row["title"] for row in rows(run_lede, site)] == ["Post 2", "Post 1"]
    assert collections(rows(run_lede, site, "--all")) == {"posts": 2, "notes": 1, None: 2}
