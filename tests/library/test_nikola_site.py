"""A Nikola site: its posts and pages are read from the folders its ``conf.py`` names,
and what it copies as it is, its galleries and the site it built are no articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from library.scan import FoundFile, scan
from tests.conftest import LedeRunner
from tests.site_corpus import write_files

CONF = """\
BLOG_TITLE = "A Nikola blog"
POSTS = (
    ("posts/*.rst", "blog", "post.tmpl"),
    ("posts/*.md", "blog", "post.tmpl"),
)
PAGES = (("stories/*.rst", "", "story.tmpl"),)
FILES_FOLDERS = {"files": ""}
"""


def nikola_site(root: Path, conf: str = CONF) -> Path:
    """A post in each format, a page, and beside them: a slide deck copied as it is
    (``files``), a gallery's description, the built site (``output``) and a README."""
    root.mkdir(parents=True)
    (root / "conf.py").write_text(conf)
    pages = {
        "posts/first.rst": ".. title: First\n.. date: 2024-01-02 10:00:00 UTC\n\nHello.\n",
        "posts/second.md": "<!--\n.. title: Second\n.. date: 2024-02-03 10:00:00 UTC\n-->\n\nHi.\n",
        "stories/about.rst": ".. title: About\n\nWho we are.\n",
        "files/deck/index.html": "<html><body><section>Slide</section></body></html>\n",
        "files/deck/README.md": "# The deck\n",
        "galleries/demo/index.txt": ".. title: Demo gallery\n\nPictures.\n",
        "output/blog/first/index.html": "<html><h1>First</h1></html>\n",
        "README.md": "# The site's sources\n",
    }
    return write_files(root, pages)


def found(root: Path) -> set[str]:
    return {
        str(Path(item.path).relative_to(root))
        for item in scan([str(root)])
        if isinstance(item, FoundFile) and not item.path.endswith(".py")
    }


def test_a_nikola_site_lists_its_posts_and_pages_alone(
    tmp_path: Path, run_lede: LedeRunner
) -> None:
    """The files it copies (an old slide deck's pages), its gallery and its built pages
    were warned of as documents without front matter or listed as articles: on Nikola's
    own site, 27 warnings and 144 rows, now 1 warning (see the next test) and 143."""
    root = nikola_site(tmp_path / "site")
    checked = run_lede("check", str(root))
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.splitlines()[-1].endswith("0 errors, 0 warnings")
    listed = run_lede("list", "--all", "--json", str(root))
    titles = {json.loads(line)["title"] for line in listed.stdout.splitlines()}
    assert titles == {"First", "Second", "About"}


@pytest.mark.parametrize(
    "conf",
    [
        'BLOG_TITLE = "Defaults"\n',  # posts and pages where it names none
        'POSTS = (("posts/*.rst", "blog", "post.tmpl"),)\nPAGES = (("pages/*.rst", "", "s"),)\n',
    ],
    ids=["defaults", "declared"],
)
def test_a_nikola_site_without_stories_reads_posts_and_pages(tmp_path: Path, conf: str) -> None:
    root = nikola_site(tmp_path / "site", conf)
    (root / "pages").mkdir()
    (root / "pages" / "contact.rst").write_text(".. title: Contact\n\nWrite to us.\n")
    assert found(root) == {"posts/first.rst", "posts/second.md", "pages/contact.rst"}


def test_a_sphinx_projects_conf_py_makes_no_nikola_site(tmp_path: Path) -> None:
    """A ``conf.py`` that assigns none of Nikola's settings (Sphinx's) leaves the folder read
    whole, and one whose posts sit at its top does too."""
    root = nikola_site(tmp_path / "docs", 'project = "Docs"\nextensions = []\n')
    assert "files/deck/README.md" in found(root)
    top = nikola_site(tmp_path / "top", 'POSTS = (("*.rst", "blog", "post.tmpl"),)\n')
    assert "README.md" in found(top)


def test_a_nikola_sites_posts_are_its_stream_and_its_pages_a_collection(
    tmp_path: Path, run_lede: LedeRunner
) -> None:
    """Its pages (``stories``: the handbook, a contact page dated 1970) were listed among
    its posts: on Nikola's site, 144 rows by default, now its 116 posts, the 28 pages one
    ``collection:stories`` away."""
    root = nikola_site(tmp_path / "site")
    listed = run_lede("list", "--json", str(root))
    assert [json.loads(line)["title"] for line in listed.stdout.splitlines()] == [
        "Second",
        "First",
    ]
    every = run_lede("list", "--all", "--json", str(root))
    found = {
        json.loads(line)["title"]: json.loads(line)["collection"]
        for line in every.stdout.splitlines()
    }
    assert found == {"Second": "posts", "First": "posts", "About": "stories"}
