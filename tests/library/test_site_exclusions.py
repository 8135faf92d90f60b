"""A Jekyll site's folder holds more than the site: its built copy, its templates, the
packages of its theme and what its configuration excludes. None of it is an article."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from library.corpus import open_index, open_state
from library.scan import FoundFile, scan
from library.site_exclusions import site_exclusions
from tests.conftest import LedeRunner, write_document

CONFIG = """\
title: A blog
destination: public
exclude:
  - drafts-old/
  - LICENSE
  - "*.txt"
  - vendor/
include:
  - notes.txt
"""


def read_by_jekyll(site: Path) -> None:
    """Documents a build of the site reads: posts, a collection, a page."""
    write_document(site / "_posts", "2024-01-01-first.md", "title: First post")
    write_document(site / "_news", "launch.md", "title: Launch")
    write_document(site, "about.md", "title: About")
    write_document(site, "notes.txt", "title: Notes")  # "*.txt" excluded, but included by name
    write_document(site / "docs", "LICENSE-free.md", "title: Not the license")  # not at the top


def left_out_by_jekyll(site: Path) -> None:
    """Documents and pages in the folder that a build never reads."""
    write_document(site / "_layouts", "post.html", "layout: default", "<article>{{ content }}")
    (site / "_includes").mkdir()
    (site / "_includes" / "nav.html").write_text("<nav>menu</nav>\n")
    (site / "_site" / "2024").mkdir(parents=True)  # the default destination: not built here
    (site / "public" / "2024").mkdir(parents=True)
    (site / "public" / "2024" / "first.html").write_text("<h1>First post</h1>\n")
    (site / "node_modules" / "pkg").mkdir(parents=True)
    (site / "node_modules" / "pkg" / "README.md").write_text("# pkg\n")
    write_document(site / "vendor" / "bundle" / "gem", "doc.md", "title: Gem doc")
    write_document(site / "drafts-old", "draft.md", "title: Old draft")
    write_document(site, "LICENSE-MIT.md", "title: The license")  # "LICENSE" is a prefix
    write_document(site / "docs", "changes.txt", "title: Change log")  # "*" crosses folders


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "blog"
    root.mkdir()
    (root / "_config.yml").write_text(CONFIG)
    read_by_jekyll(root)
    left_out_by_jekyll(root)
    return root


def found(root: Path, ordered: bool = True) -> set[str]:
    return {
        str(Path(item.path).relative_to(root))
        for item in scan([str(root)], ordered=ordered)
        if isinstance(item, FoundFile)
    }


SITE_FILES = {
    "_config.yml",  # read, as every YAML file is, for topics: it holds none
    "_posts/2024-01-01-first.md",
    "_news/launch.md",
    "about.md",
    "notes.txt",
    "docs/LICENSE-free.md",
}


def test_the_scan_finds_what_jekyll_reads_and_nothing_it_leaves_out(site: Path) -> None:
    assert found(site) == found(site, ordered=False) == SITE_FILES


def test_a_plain_folder_is_read_whole(site: Path) -> None:
    """No configuration, no data, no collection: a folder of notes, read as it is."""
    for marker in ("_config.yml", "_posts", "_news", "_layouts", "_includes", "_site"):
        shutil.rmtree(site / marker) if (site / marker).is_dir() else (site / marker).unlink()
    assert "vendor/bundle/gem/doc.md" in found(site)
    assert "drafts-old/draft.md" in found(site)
    assert "node_modules/pkg/README.md" not in found(site)  # packages are never read


def test_a_site_without_a_configuration_leaves_out_jekylls_own_folders(site: Path) -> None:
    (site / "_config.yml").unlink()
    files = found(site)
    assert "node_modules/pkg/README.md" not in files and "_layouts/post.html" not in files
    assert "drafts-old/draft.md" in files and "vendor/bundle/gem/doc.md" not in files


@pytest.mark.parametrize("config", ["exclude: [", "- a list", "destination: /var/www\n"])
def test_a_configuration_that_does_not_read_keeps_the_defaults(site: Path, config: str) -> None:
    (site / "_config.yml").write_text(config)
    files = found(site)
    assert "node_modules/pkg/README.md" not in files and "_layouts/post.html" not in files
    assert "public/2024/first.html" in files  # built elsewhere: a page of its own


def test_the_index_and_check_see_only_the_site(site: Path, run_lede: LedeRunner) -> None:
    index = open_index([str(site)], open_state())
    index.refresh()
    titles = {row.title for row in index.search("")}
    assert titles == {"First post", "Launch", "About", "Notes", "Not the license"}
    checked = run_lede("check", str(site))
    assert checked.returncode == 0
    # No warning of a built page or a package's readme.
    assert (
        checked.stdout
        == "checked 6 files (5 articles, 0 topics): 0 invalid, 0 errors, 0 warnings\n"
    )


def test_a_watched_change_in_what_the_site_leaves_out_is_not_read(site: Path) -> None:
    index = open_index([str(site)], open_state())
    index.refresh()
    write_document(site / "node_modules" / "pkg", "CHANGELOG.md", "title: Package changes")
    moved_in = site / "tmp-incoming"
    write_document(moved_in, "gem.md", "title: Another gem doc")
    moved_in.rename(site / "vendor" / "gems")
    archive = site / "tmp-archive"  # a folder of the site's, holding what its "*.txt" leaves out
    write_document(archive, "old-notes.txt", "title: Old notes")
    archive.rename(site / "archive")
    write_document(site / "_posts", "2024-01-02-second.md", "title: Second post")
    changed = [
        site / "node_modules" / "pkg" / "CHANGELOG.md",
        site / "vendor" / "gems",
        site / "archive",
        site / "_posts" / "2024-01-02-second.md",
    ]
    report = index.refresh_paths([str(path) for path in changed])
    assert report.parsed == 1
    assert "Second post" in {row.title for row in index.search("")}


def test_include_takes_back_a_default_exclusion(site: Path) -> None:
    (site / "_config.yml").write_text("include: [vendor/bundle]\n")
    assert "vendor/bundle/gem/doc.md" in found(site)
    leave_out = site_exclusions(str(site))
    assert leave_out is not None
    assert leave_out.covers(str(site / "_layouts" / "post.html"))
    assert not leave_out.covers(str(site / "vendor" / "bundle" / "gem" / "doc.md"))


@pytest.mark.parametrize(
    "collections", ["collections: [news]", "collections:\n  news:\n    output: true"]
)
def test_a_site_that_declares_its_collections_reads_no_other_underscore_folder(
    site: Path, collections: str
) -> None:
    """As Jekyll: a ``_pages`` folder the site does not declare (nor include) is never
    read, and was listed as a collection of its own."""
    write_document(site / "_pages", "old-home.md", "title: Old home")
    write_document(site / "_drafts", "next.md", "title: Next post")
    write_document(site / "_data", "people.yml", "")
    (site / "_config.yml").write_text(f"{CONFIG}{collections}\n")
    files = found(site)
    assert files == SITE_FILES | {"_drafts/next.md", "_data/people.yml"}
    (site / "_config.yml").write_text(f"{CONFIG}  - _pages\n{collections}\n")  # included
    assert "_pages/old-home.md" in found(site)
    (site / "_config.yml").write_text(CONFIG)  # none declared: which are collections is unknown
    assert "_pages/old-home.md" in found(site)


def test_undeclared_folders_inside_the_collections_folder_are_left_out(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_document(site / "things" / "_news", "a.md", "title: A")
    write_document(site / "things" / "_scratch", "b.md", "title: B")
    (site / "_config.yml").write_text("collections_dir: things\ncollections: [news]\n")
    assert found(site) == {"_config.yml", "things/_news/a.md"}


@pytest.mark.parametrize(
    ("config", "own_folder"),
    [
        ("hugo.toml", "archetypes"),
        ("config.toml", "archetypes"),
        ("config.toml", "templates"),
        ("hugo.yml", "archetypes"),
        ("config.yml", "layouts"),  # PaperMod's example site
        ("config.json", "archetypes"),
        ("config/_default/hugo.yaml", "archetypes"),  # opentelemetry.io
        ("config/_default/config.toml", "layouts"),
        ("pelicanconf.py", "theme"),
    ],
    ids=[
        *("hugo", "hugo-config", "zola", "yml", "config-yml", "json", "folder", "folder-config"),
        "pelican",
    ],
)
def test_a_hugo_zola_or_pelican_site_is_read_from_its_content_folder(
    tmp_path: Path, config: str, own_folder: str
) -> None:
    """Its built copy (``public``), themes and README were read beside its posts (and a
    Zola or Pelican site's templates, warned of as documents without front matter), and
    its sections' own pages (``_index.md``) listed as undated articles."""
    root = tmp_path / "hugo"
    (root / own_folder).mkdir(parents=True)
    (root / own_folder / "page.html").write_text("<main>{{ page.content }}</main>\n")
    (root / config).parent.mkdir(parents=True, exist_ok=True)
    (root / config).write_text('title = "A Hugo site"\n')
    (root / "content" / "posts").mkdir(parents=True)
    (root / "content" / "posts" / "one.md").write_text('+++\ntitle = "One"\n+++\nBody.\n')
    for section in ("content/_index.md", "content/posts/_index.fr.md"):  # list pages
        (root / section).write_text('+++\ntitle = "Posts"\n+++\n')
    (root / "public" / "posts").mkdir(parents=True)
    (root / "public" / "posts" / "index.html").write_text("<h1>One</h1>\n")
    if own_folder != "templates":  # Zola has no themes folder of its own
        write_document(root / "themes" / "plain", "README.md", "title: A theme")
    (root / "README.md").write_text("# The site\n")
    assert found(root) == {"content/posts/one.md"}
    shutil.rmtree(root / own_folder)
    shutil.rmtree(root / "themes", ignore_errors=True)
    if config.startswith("config."):  # no more than a config.toml: any project may have one
        assert "README.md" in found(root)


@pytest.mark.parametrize("source", ["", "pages", "src/posts"])
def test_a_hexo_site_is_read_from_its_source_folder(tmp_path: Path, source: str) -> None:
    """Its post templates (``scaffolds``: ``title: {{ title }}``) were read as documents
    and warned of as invalid YAML at every start, and its themes and built copy listed."""
    root = tmp_path / "hexo"
    write_document(root / "scaffolds", "post.md", "title: {{ title }}\ndate: {{ date }}")
    (root / "_config.yml").write_text(f"title: A blog\nsource_dir: {source}\n")
    write_document(root / (source or "source") / "_posts", "hello.md", "title: Hello")
    write_document(root / "themes" / "landscape", "README.md", "title: A theme")
    (root / "public").mkdir()
    (root / "public" / "index.html").write_text("<h1>Hello</h1>\n")
    assert found(root) == {f"{source or 'source'}/_posts/hello.md"}


def two_blogs(root: Path) -> None:
    """A folder of two sites, each built, with a theme's templates."""
    for name in ("alpha", "beta"):
        blog = root / name
        write_document(blog / "_posts", "2024-01-01-hello.md", f"title: Hello from {name}")
        (blog / "_config.yml").write_text("title: A blog\n")
        write_document(blog / "_layouts", "post.md", "layout: default")
        (blog / "_site" / "2024").mkdir(parents=True)
        (blog / "_site" / "2024" / "hello.html").write_text("<h1>Hello</h1>\n")


def test_sites_inside_a_folder_that_is_none_are_read_by_their_own_rules(tmp_path: Path) -> None:
    """A folder of several blogs (or a project with its site in ``docs``) was read whole:
    each blog's built pages and templates were listed and warned of."""
    root = tmp_path / "blogs"
    two_blogs(root)
    write_document(root / "notes", "_site.md", "title: A note")  # no site here: read
    expected = {
        "alpha/_config.yml",
        "beta/_config.yml",
        "alpha/_posts/2024-01-01-hello.md",
        "beta/_posts/2024-01-01-hello.md",
        "notes/_site.md",
    }
    assert found(root) == found(root, ordered=False) == expected


def test_a_watched_change_inside_a_nested_site_follows_its_rules(tmp_path: Path) -> None:
    root = tmp_path / "blogs"
    two_blogs(root)
    index = open_index([str(root)], open_state())
    index.refresh()
    (root / "alpha" / "_site" / "new.html").write_text("<h1>Built</h1>\n")
    incoming = tmp_path / "gamma"
    two_blogs(incoming)  # a third blog moved in whole: its own rules, not none
    (incoming / "alpha").rename(root / "gamma")
    write_document(root / "beta" / "_posts", "2024-01-02-again.md", "title: Again")
    changed = [root / "alpha" / "_site" / "new.html", root / "gamma", root / "beta" / "_posts"]
    report = index.refresh_paths([str(path) for path in changed])
    assert report.parsed == 3  # gamma's post and config, beta's new post
    titles = {row.title for row in index.search("")}
    assert titles == {"Hello from alpha", "Hello from beta", "Again"}


def hugo_site_in_docs(repository: Path) -> None:
    """A repository whose old ``_include`` folder of pages makes it a Jekyll site, with
    the site itself in ``docs``: Hugo, translated into a folder beside ``content``."""
    (repository / "_include").mkdir(parents=True)
    (repository / "_include" / "verify.html").write_text("google-site-verification\n")
    (repository / "docs" / "layouts" / "posts").mkdir(parents=True)
    (repository / "docs" / "layouts" / "posts" / "single.html").write_text("{{ .Content }}\n")
    languages = "[languages.en]\ncontentDir = 'content'\n"
    languages += "[languages.zh]\ncontentDir = 'content.zh'\n"
    (repository / "docs" / "config.toml").write_text(f"baseURL = 'https://a.example'\n{languages}")
    write_document(repository / "docs" / "content" / "posts", "launch.md", "title: Launch")
    write_document(repository / "docs" / "content.zh", "about.md", "title: About in Chinese")


def test_a_site_inside_a_site_is_read_by_its_own_rules(tmp_path: Path) -> None:
    """Flink's repository was read as the Jekyll site its ``_include`` folder made it,
    whole: the Hugo site in its ``docs`` had its layouts warned of as no documents and its
    Chinese pages listed, of no language, beside the English ones."""
    repository = tmp_path / "repository"
    hugo_site_in_docs(repository)
    expected = {"_include/verify.html", "docs/content/posts/launch.md"}
    assert found(repository) == found(repository, ordered=False) == expected


def test_a_watched_change_inside_a_site_inside_a_site_follows_its_rules(tmp_path: Path) -> None:
    repository = tmp_path / "repository"
    hugo_site_in_docs(repository)
    index = open_index([str(repository)], open_state())
    index.refresh()
    docs = repository / "docs"
    (docs / "layouts" / "index.html").write_text("<main>{{ .Content }}</main>\n")
    write_document(docs / "content.zh" / "posts", "launch.md", "title: Launch in Chinese")
    write_document(docs / "content" / "posts", "again.md", "title: Again")
    moved_in = tmp_path / "docs"
    docs.rename(moved_in)  # the whole site goes, and comes back
    index.refresh_paths([str(docs)])
    moved_in.rename(docs)
    changed = [docs, docs / "layouts" / "index.html", docs / "content.zh" / "posts"]
    index.refresh_paths([str(path) for path in changed])
    assert {row.title for row in index.search("")} == {"Launch", "Again"}


def test_a_site_translated_into_folders_is_read_in_its_default_language(tmp_path: Path) -> None:
    """Let's Encrypt's site gives each language a folder (``contentDir``): every post was
    listed once for each of 28 languages, and from a folder no language names."""
    root = tmp_path / "site"
    (root / "config" / "_default").mkdir(parents=True)
    (root / "config" / "_default" / "hugo.toml").write_text('defaultContentLanguage = "en"\n')
    for code in ("en", "fr", "zh-cn"):
        settings = root / "config" / "_default" / f"languages.{code}.toml"
        settings.write_text(f'contentDir = "content/{code}"\n')
    for code in ("en", "fr", "zh-cn", "base-l10n"):  # the last is no language's
        write_document(root / "content" / code / "post", "launch.md", f"title: Launch {code}")
    (root / "content" / "README.md").write_text("# How to translate\n")
    assert found(root) == {"content/en/post/launch.md"}
    assert found(root / "content" / "fr") == {"post/launch.md"}  # opened alone: read


@pytest.mark.parametrize(
    ("config", "settings", "other"),
    [
        ("hugo.toml", "[languages.en]\nweight = 1\n[languages.FR]\nweight = 2\n", "fr"),
        ("hugo.yaml", "defaultContentLanguage: fr\nlanguages:\n  fr: {}\n  en: {}\n", "en"),
        ("config/_default/languages.toml", "[en]\n[fr]\n", "fr"),
        ("config.toml", 'default_language = "en"\n[languages.fr]\n', "fr"),  # Zola
        ("config.toml", 'languages = [{ code = "fr" }]\n', "fr"),  # Zola before 0.15
    ],
    ids=["hugo", "default-fr", "languages-file", "zola", "zola-list"],
)
def test_a_site_translated_file_by_file_is_read_in_its_default_language(
    tmp_path: Path, config: str, settings: str, other: str
) -> None:
    """Translations named ``name.fr.md`` beside the original (a file without a language's
    code is in the default language) were listed beside its posts."""
    root = tmp_path / "site"
    (root / config).parent.mkdir(parents=True, exist_ok=True)
    (root / config).write_text(settings)
    if config.startswith("config/"):  # beside the site's own settings
        (root / config).with_name("hugo.toml").touch()
    (root / "templates").mkdir()  # a Zola site's
    posts = root / "content" / "posts"
    write_document(posts, "one.md", "title: One")
    write_document(posts, f"one.{other}.md", "title: Un")
    write_document(posts / "two", f"index.{other}.md", "title: Deux")
    write_document(posts / "two", "index.md", "title: Two")
    assert found(root) == {"content/posts/one.md", "content/posts/two/index.md"}


def test_a_site_in_one_language_keeps_every_file(tmp_path: Path) -> None:
    """``name.fr.md`` is a translation only where the site declares French."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "hugo.toml").write_text('[languages.en]\ntitle = "Blog"\n')
    write_document(root / "content", "one.fr.md", "title: One, about France")
    assert found(root) == {"content/one.fr.md"}


def test_a_hugo_sites_ignored_files_are_left_out(tmp_path: Path) -> None:
    """``ignoreFiles`` (regular expressions searched in a file's path): an LLVM blog's
    post template was listed, "Blog Title Goes Here", its date "YYYY-MM-DD" warned of."""
    root = tmp_path / "site"
    root.mkdir()
    settings = 'ignoreFiles = ["template\\\\.md$", "\\\\.draft\\\\.", "([unclosed"]\n'
    (root / "hugo.toml").write_text(settings)
    for name in ("post.md", "template.md", "idea.draft.md", "templates.md"):
        write_document(root / "content" / "posts", name, f"title: {name}")
    assert found(root) == {"content/posts/post.md", "content/posts/templates.md"}


def test_a_hugo_themes_repository_reads_its_example_not_its_templates(tmp_path: Path) -> None:
    """hugo-coder's and Stack's roots: each archetype was an invalid document (``date =
    {{ .Date }}``) and each layout warned of, so a check failed."""
    root = tmp_path / "theme"
    (root / "archetypes").mkdir(parents=True)
    (root / "theme.toml").write_text('name = "Coder"\n')
    (root / "hugo.toml").write_text('title = "Coder"\n')
    (root / "archetypes" / "default.md").write_text("+++\ndate = {{ .Date }}\n+++\n")
    (root / "layouts" / "_partials").mkdir(parents=True)
    (root / "layouts" / "_partials" / "footer.html").write_text("<footer>{{ .Site }}</footer>\n")
    write_document(root / "exampleSite" / "content" / "posts", "rich.md", "title: Rich content")
    assert found(root) == {"exampleSite/content/posts/rich.md"}


@pytest.mark.parametrize("nested", [False, True])
def test_a_quarto_project_reads_no_underscore_file_and_not_what_it_built(
    tmp_path: Path, run_lede: LedeRunner, nested: bool
) -> None:
    """Quarto renders no ``_name`` file or folder (an include's snippet, its freeze) and
    writes its pages to its ``output-dir``: a blog's ``_partials`` was taken for a Jekyll
    collection, and the default list showed that snippet alone, not one post."""
    root = tmp_path / "project"
    blog = root / "blog" if nested else root
    (blog / "_quarto.yml").parent.mkdir(parents=True)
    (blog / "_quarto.yml").write_text("project:\n  type: website\n  output-dir: docs\n")
    write_document(blog, "about.qmd", "title: About")
    write_document(blog / "posts" / "welcome", "index.qmd", "title: Welcome\ndate: 2023-01-10")
    write_document(blog / "posts" / "welcome", "_aside.qmd", "title: An included aside")
    write_document(blog / "_partials", "footer.qmd", "title: Footer snippet")
    (blog / "docs").mkdir()
    (blog / "docs" / "index.html").write_text("<h1>Welcome</h1>\n")
    prefix = "blog/" if nested else ""
    assert found(root) - {f"{prefix}_quarto.yml"} == {
        f"{prefix}about.qmd",
        f"{prefix}posts/welcome/index.qmd",
    }
    result = run_lede("list", str(root))  # its blog, its pages a collection away
    assert result.stdout.splitlines() == ["2023-01-10  Welcome"]
    result = run_lede("list", "--all", str(root))
    assert result.stdout.splitlines() == ["2023-01-10  Welcome", "----------  About"]


def test_a_language_folder_a_module_mounts_is_that_languages(tmp_path: Path) -> None:
    """A Docsy site whose languages name no ``contentDir`` (a module mounts ``content/ja``
    for Japanese, in a file its build writes) was listed in every language: the
    OpenTelemetry site's 1,377 rows held its blog once per translation."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "hugo.yaml").write_text(
        "defaultContentLanguage: en\nlanguages:\n  en: {weight: 1}\n  ja: {weight: 2}\n"
    )
    for code in ("en", "ja"):
        write_document(root / "content" / code / "blog", "launch.md", f"title: Launch {code}")
    assert found(root) == {"content/en/blog/launch.md"}
    assert found(root / "content" / "ja") == {"blog/launch.md"}  # opened alone: read


def test_what_quarto_never_renders_is_not_read_nor_warned_of(
    tmp_path: Path, run_lede: LedeRunner
) -> None:
    """Quarto renders no README, no ``CLAUDE.md`` nor ``AGENTS.md``, and no HTML
    file (an include named by ``include-in-header``, a demo's frame), nor what its
    engines' packages hold (``renv``): quarto-web's were 11 warnings of "no front
    matter"."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "_quarto.yml").write_text("project:\n  type: website\n")
    write_document(root, "about.qmd", "title: About")
    write_document(root / "docs" / "guide", "index.qmd", "title: Guide")
    write_document(root / "docs" / "environments", "setup.qmd", "title: Setup")
    (root / "README.md").write_text("# quarto-web\n\nHow to build the site.\n")
    (root / "docs" / "dashboards").mkdir()
    (root / "docs" / "dashboards" / "README.md").write_text("# Dashboards\n\nScreenshots.\n")
    (root / "docs" / "CLAUDE.md").write_text("# Notes\n\nRender with quarto.\n")
    (root / "js.html").write_text('<script type="text/javascript">\n</script>\n')
    (root / "docs" / "guide" / "table.html").write_text("<table><tr><td>1</td></tr></table>\n")
    write_document(root / "renv" / "library" / "pkg", "NEWS.md", "title: Package news")
    assert found(root) - {"_quarto.yml"} == {
        "about.qmd",
        "docs/guide/index.qmd",
        "docs/environments/setup.qmd",
    }
    checked = run_lede("check", str(root)).stdout.splitlines()
    assert checked == ["checked 3 files (3 articles, 0 topics): 0 invalid, 0 errors, 0 warnings"]


@pytest.mark.parametrize(
    "program",
    [
        {"site.hs": 'main = hakyll $ match "templates/*" $ compile templateBodyCompiler\n'},
        {
            "stack.yaml": "resolver: lts-22.0\n",
            "blog.cabal": "executable site\n  build-depends: base, hakyll >= 4.16\n",
        },
    ],
    ids=["site.hs", "package"],
)
def test_a_hakyll_sites_templates_and_built_pages_are_no_pages(
    tmp_path: Path, run_lede: LedeRunner, program: dict[str, str]
) -> None:
    """Hakyll's rules make pages of its posts and compile its ``templates`` (``$body$``
    in HTML, no front matter), build into ``_site`` and keep a ``_cache``: jaspervdj.be's
    six templates and its README were warned of as "no front matter"."""
    root = tmp_path / "blog"
    root.mkdir()
    for name, text in program.items():
        (root / name).write_text(text)
    write_document(root / "posts", "2024-05-01-hello.md", "title: Hello\ndate: 2024-05-01")
    write_document(root, "contact.markdown", "title: Contact")
    (root / "templates").mkdir()
    (root / "templates" / "post.html").write_text("<article>$body$</article>\n")
    (root / "README.markdown").write_text("# The blog\n\nHow to build it.\n")
    (root / "_site" / "posts").mkdir(parents=True)
    (root / "_site" / "posts" / "hello.md").write_text("# Hello\n")
    assert found(root) - set(program) == {"posts/2024-05-01-hello.md", "contact.markdown"}
    checked = run_lede("check", str(root)).stdout.splitlines()
    assert checked[-1].endswith(" 0 errors, 0 warnings"), checked


def test_a_haskell_project_without_hakyll_is_no_hakyll_site(tmp_path: Path) -> None:
    root = tmp_path / "server"
    root.mkdir()
    (root / "cabal.project").write_text("packages: .\n")
    (root / "server.cabal").write_text("library\n  build-depends: base, warp\n")
    write_document(root / "templates", "issue.md", "title: An issue's template")
    assert found(root) == {"templates/issue.md"}
