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


def test_pages_without_front_matter_are_read_as_mkdocs_renders_them(
    tmp_path: Path, run_lede: LedeRunner
) -> None:
    """MkDocs renders each Markdown file of its docs, front matter or none, titled by its
    heading: Knative's blog writes 47 of its 49 articles so, and lede listed 2 of them
    (and warned of the rest as having no front matter). The blog's own page, its index,
    is a page of the site, not a post. A page of headings alone (the blog plugin's
    ``# Blog``, where it draws the list of posts) is no article, and no file to warn of:
    Hatch's blog index was "no front matter"."""
    root = write_files(
        tmp_path / "site",
        {
            "mkdocs.yml": "site_name: A project\n",
            "docs/index.md": "# Home\n\nWelcome.\n",
            "docs/serving/overview.md": "# Serving\n\nHow requests are served.\n",
            "docs/blog/index.md": "# Welcome to the blog\n\nNews of the project.\n",
            "docs/blog/articles/tracing.md": "# Tracing requests\n\n**Author: Ada**\n\nText.\n",
            "docs/blog/releases/v1.md": "---\ntitle: v1 release\ndate: 2024-05-04\n---\n\nOut.\n",
            "docs/blog/events/meetup.md": "# Meetup\n",  # headings alone: no text to read
        },
    )
    listed = run_lede("list", "--json", root)
    assert titles(listed.stdout) == ["Tracing requests", "v1 release"], listed.stderr
    everything = titles(run_lede("list", "--all", "--json", root).stdout)
    assert everything == [
        "Home",
        "Serving",
        "Tracing requests",
        "Welcome to the blog",
        "v1 release",
    ]
    checked = run_lede("check", root).stdout.splitlines()
    assert checked == ["checked 6 files (5 articles, 0 topics): 0 invalid, 0 errors, 0 warnings"]


def test_what_is_outside_the_docs_and_the_theme_s_templates_are_no_pages(
    tmp_path: Path, run_lede: LedeRunner
) -> None:
    """MkDocs renders the pages of its docs alone; beside them are the project's README,
    its sources and its theme's templates (``theme.custom_dir``, kept among the docs by
    some sites), none of them a page. Material for MkDocs's repository was 240 warnings of
    "no front matter" for its templates, sources and README."""
    settings = SETTINGS.replace("plugins:", "theme:\n  name: material\n  custom_dir: %s\nplugins:")
    for custom_dir in ("overrides", "docs/overrides"):
        root = write_files(
            tmp_path / custom_dir.replace("/", "-"),
            {
                "mkdocs.yml": settings % ("", custom_dir),
                "README.md": "# The project's sources\n\nHow to build the docs.\n",
                "CONTRIBUTING.md": "# Contributing\n\nOpen an issue first.\n",
                "src/templates/partials/footer.html": "<footer>{{ config.copyright }}</footer>\n",
                "src/templates/.icons/readme.md": "# Icons\n\nTheir licences.\n",
                f"{custom_dir}/main.html": '{% extends "base.html" %}\n',
                f"{custom_dir}/partials/notes.md": "A note the theme includes.\n",
                "docs/index.md": PAGE % "Home",
                "docs/blog/posts/version-2.md": POST,
            },
        )
        everything = titles(run_lede("list", "--all", "--json", root).stdout)
        assert everything == ["Home", "Version 2"], custom_dir
        checked = run_lede("check", root).stdout.splitlines()
        assert checked == [
            "checked 2 files (2 articles, 0 topics): 0 invalid, 0 errors, 0 warnings"
        ], custom_dir


@pytest.mark.parametrize(
    ("names", "listed"),
    [
        (
            {
                "mkdocs-online.yml": "INHERIT: mkdocs-common.yml\n",
                "mkdocs-common.yml": SETTINGS % "",
            },
            True,
        ),
        ({"mkdocs.insiders.yml": "site_name: A project\n"}, True),
        ({"mkdocs-notes.yml": "nav: []\n"}, False),  # no settings of MkDocs's
    ],
    ids=["inherited", "insiders", "other-yaml"],
)
def test_settings_named_for_a_build_make_an_mkdocs_site(
    tmp_path: Path, run_lede: LedeRunner, names: dict[str, str], listed: bool
) -> None:
    """Textual keeps its settings in ``mkdocs-online.yml`` and ``mkdocs-offline.yml``, each
    extending ``mkdocs-common.yml``, with no ``mkdocs.yml``: its folder was read as no
    site, its 43 posts listed among 79 undated pages of its manual and API."""
    root = write_files(
        tmp_path / "site",
        {
            **names,
            "docs/index.md": PAGE % "Home",
            "docs/api/app.md": PAGE % "App",
            "docs/blog/posts/version-2.md": POST,
        },
    )
    found = titles(run_lede("list", "--json", root).stdout)
    assert found == (["Version 2"] if listed else ["App", "Home", "Version 2"])


def test_what_the_site_excludes_from_its_docs_is_no_page(
    tmp_path: Path, run_lede: LedeRunner
) -> None:
    """Knative and Textual keep the snippets their pages include in ``docs/snippets``,
    which the ``exclude`` plugin leaves out of the site: each was listed as a page. So are
    what ``exclude_docs`` names (a name at any depth, a path from the docs' top) and the
    docs' ``templates``; of settings for several builds, the blog one of them leaves out
    is still the site's."""
    settings = SETTINGS % "exclude_docs: |\n  drafts/\n  /private.md\n  !keep.md\n"
    settings = settings.replace(
        "  - blog\n", "  - blog\n  - exclude:\n      glob:\n        - snippets/*\n"
    )
    root = write_files(
        tmp_path / "site",
        {
            "mkdocs-common.yml": settings,
            "mkdocs-online.yml": "INHERIT: mkdocs-common.yml\n",
            "mkdocs-offline.yml": "INHERIT: mkdocs-common.yml\nplugins:\n  - exclude:\n"
            "      glob:\n        - blog/*\n",
            "docs/index.md": "# Home\n\nWelcome.\n",
            "docs/guide/drafts/next.md": "# Next\n\nSoon.\n",
            "docs/private.md": "# Private\n\nNotes.\n",
            "docs/guide/private.md": "# Guide's private\n\nKept.\n",
            "docs/snippets/note.md": "A paragraph other pages include.\n",
            "docs/templates/page.md": "# {{ title }}\n\nA template.\n",
            "docs/blog/posts/version-2.md": POST,
        },
    )
    everything = titles(run_lede("list", "--all", "--json", root).stdout)
    assert everything == ["Guide's private", "Home", "Version 2"]


def test_a_page_without_title_or_heading_is_titled_by_its_name_as_mkdocs_titles_it(
    tmp_path: Path, run_lede: LedeRunner
) -> None:
    """MkDocs titles a page that names no title and opens with no heading by its file's
    name ("Home" for the docs' own index): Textual's 17 pages of its API, each a
    ``::: textual.events.Blur`` its plugin renders, were called "blur" and warned of as
    having "no title or name"."""
    api = "::: textual.events.Blur\n    options:\n      heading_level: 1\n"
    root = write_files(
        tmp_path / "site",
        {
            "mkdocs.yml": "site_name: A project\n",
            "docs/index.md": "---\nhide:\n  - toc\n---\n\n!!! tip\n\n    Welcome.\n",
            "docs/events/blur.md": api,
            "docs/getting_started.md": api,
            "docs/API_Reference.md": api,
            "docs/widgets/README.md": api,
        },
    )
    everything = titles(run_lede("list", "--all", "--json", root).stdout)
    assert everything == ["API Reference", "Blur", "Getting started", "Home", "Index"]
    checked = run_lede("check", root).stdout.splitlines()
    assert checked == ["checked 5 files (5 articles, 0 topics): 0 invalid, 0 errors, 0 warnings"]
