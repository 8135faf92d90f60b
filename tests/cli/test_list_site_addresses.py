"""``lede list --json`` gives a site's own posts the address their site publishes them at,
worked out from its settings, and none where the site names no host of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner
from tests.site_corpus import write_files


def addresses(run_lede: LedeRunner, site: Path) -> dict[str, object]:
    """Each document's ``web_url``, by its path from ``site``."""
    return {
        Path(str(row["path"])).relative_to(site).as_posix(): row["web_url"]
        for row in rows(run_lede, site, "--all")
    }


def jekyll_site(root: Path, settings: str) -> Path:
    """A Jekyll site: a post of the default permalink, one in a folder of its language's
    news, one with its own permalink, one with an address of its own, and a page."""
    return write_files(
        root,
        {
            "_config.yml": settings,
            "_posts/2024-05-06-Hello-World.md": "---\ntitle: Hello\ncategories: [Release]\n---\n",
            "en/news/_posts/2024-01-02-ruby-released.md": "---\ntitle: Ruby\n---\n",
            "_posts/2023-12-31-moved.md": "---\ntitle: Moved\npermalink: /old/moved.html\n---\n",
            "_posts/2023-11-01-copy.md": (
                "---\ntitle: Copy\noriginalUrl: https://elsewhere.test/copy\n---\n"
            ),
            "about.md": "---\ntitle: About\n---\n",
        },
    )


def test_a_jekyll_sites_posts_are_at_their_permalinks(run_lede: LedeRunner, tmp_path: Path) -> None:
    """A post named no address: ``o`` and ``y`` had nothing to open or copy, and
    ``web_url`` was empty. Jekyll's default permalink (``date``) puts a post under its
    categories, its folders' first (``en/news``), then its front matter's in small letters."""
    site = jekyll_site(tmp_path / "site", "url: https://example.test\nbaseurl: /blog/\n")
    assert addresses(run_lede, site) == {
        "_posts/2024-05-06-Hello-World.md": (
            "https://example.test/blog/release/2024/05/06/Hello-World.html"
        ),
        "en/news/_posts/2024-01-02-ruby-released.md": (
            "https://example.test/blog/en/news/2024/01/02/ruby-released.html"
        ),
        "_posts/2023-12-31-moved.md": "https://example.test/blog/old/moved.html",
        "_posts/2023-11-01-copy.md": "",
        "about.md": "",
    }


def test_the_permalink_of_a_jekyll_sites_defaults_and_styles(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A named style (``pretty``) and a front matter default for posts (Homebrew's,
    Elixir's), the default for the posts of one folder over the one for all."""
    settings = (
        "url: https://example.test/\npermalink: pretty\ndefaults:\n"
        "  - scope: {path: '', type: posts}\n    values: {permalink: '/:year/:title/'}\n"
        "  - scope: {path: en}\n    values: {permalink: '/:categories/:i_month/:slug'}\n"
        "  - scope: {type: pages}\n    values: {permalink: '/pages/:title/'}\n"
    )
    site = jekyll_site(tmp_path / "site", settings)
    found = addresses(run_lede, site)
    assert found["_posts/2024-05-06-Hello-World.md"] == "https://example.test/2024/Hello-World/"
    assert found["en/news/_posts/2024-01-02-ruby-released.md"] == (
        "https://example.test/en/news/1/ruby-released"
    )
    site = jekyll_site(tmp_path / "pretty", "url: https://example.test/\npermalink: pretty\n")
    assert addresses(run_lede, site)["_posts/2024-05-06-Hello-World.md"] == (
        "https://example.test/release/2024/05/06/Hello-World/"
    )


def test_a_site_that_names_no_host_gives_no_address(run_lede: LedeRunner, tmp_path: Path) -> None:
    """Its address is its host's, which the site alone knows: none is guessed."""
    site = jekyll_site(tmp_path / "site", "title: A site\nurl: '{{ site.host }}'\n")
    assert set(addresses(run_lede, site).values()) == {""}


def test_a_hugo_sites_pages_are_at_their_permalinks(run_lede: LedeRunner, tmp_path: Path) -> None:
    """Hugo: a section's ``[permalinks]`` pattern (``:sections[1:]``, ``:filename`` of a
    bundle, as blog.scientific-python.org's; a section's ``uglyURLs``, as letsencrypt.org's
    news), else the page's path in small letters with
    its ``slug``, else its own ``url``; the content of a module's mount (gohugo.io's)."""
    site = write_files(
        tmp_path / "site",
        {
            "hugo.toml": (
                'baseURL = "https://example.test/"\n[permalinks]\n'
                'posts = "/:year/:sections[1:]/:filename/"\n'
                'news = "/:year/:month/:day/:slug/"\n[uglyURLs]\nnews = true\n'
                '[[module.mounts]]\nsource = "content/en"\ntarget = "content"\n'
            ),
            "content/en/posts/numpy/Big_News/index.md": "---\ntitle: Big\ndate: 2024-03-04\n---\n",
            "content/en/docs/Getting Started.md": "---\ntitle: Start\n---\n",
            "content/en/news/2019-05-15-oak.md": "---\ntitle: Introducing Oak\n---\n",
            "content/en/docs/named.md": "---\ntitle: Named\nslug: Other-Name\n---\n",
            "content/en/docs/moved.md": "---\ntitle: Moved\nurl: /Elsewhere/moved/\n---\n",
        },
    )
    assert addresses(run_lede, site) == {
        "content/en/posts/numpy/Big_News/index.md": "https://example.test/2024/numpy/big_news/",
        "content/en/docs/Getting Started.md": "https://example.test/docs/getting-started/",
        "content/en/news/2019-05-15-oak.md": "https://example.test/2019/05/15/introducing-oak.html",
        "content/en/docs/named.md": "https://example.test/docs/other-name/",
        "content/en/docs/moved.md": "https://example.test/Elsewhere/moved/",
    }


@pytest.mark.parametrize("in_file", [False, True], ids=["settings", "languages-file"])
def test_a_hugo_site_of_a_host_for_each_language_is_at_its_default_languages(
    run_lede: LedeRunner, tmp_path: Path, in_file: bool
) -> None:
    """A site served at a host for each language names each one's ``baseURL`` and
    ``permalinks`` in its table in ``languages`` (digital.canada.ca's, in
    ``config/_default``; or a ``languages.yaml`` beside it), none at the top: its 163 posts
    had no address. The default language is at its host's top, though it is said to be in
    a folder of its own; the other language's pages get none, as before."""
    languages = (
        "  en:\n    baseURL: https://digital.example.test/\n    contentDir: content/en\n"
        "    permalinks:\n      blog: /:year/:month/:day/:filename\n"
        "  fr:\n    baseURL: https://numerique.example.test/\n    contentDir: content/fr\n"
    )
    settings = "defaultContentLanguage: en\ndefaultContentLanguageInSubdir: true\n"
    files = {
        "content/en/blog/posts/hello.md": "---\ntitle: Hello\ndate: '2023-10-30T11:00:29'\n---\n",
        "content/fr/blog/posts/bonjour.md": "---\ntitle: Bonjour\ndate: 2023-10-30\n---\n",
    }
    if in_file:
        files["config/_default/config.yaml"] = settings
        files["config/_default/languages.yaml"] = languages.replace("\n  ", "\n").lstrip()
    else:
        files["config/_default/config.yaml"] = settings + "languages:\n" + languages
    site = write_files(tmp_path / "site", files)
    assert addresses(run_lede, site) == {
        "content/en/blog/posts/hello.md": "https://digital.example.test/2023/10/30/hello/"
    }


def test_a_hugo_pages_name_of_spaces_and_accents_is_made_safe_before_it_is_escaped(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A file name holding a no-break space or an accented letter, as digital.canada.ca's
    posts: its address was made safe after its permalink had escaped it, and a post named
    "design\u00a0process" was at ``/2024/designc2a0process/``, "Café" at ``cafc3a9``. Any
    space is a hyphen in Hugo's paths, outside a permalink's too."""
    site = write_files(
        tmp_path / "site",
        {
            "hugo.toml": (
                'baseURL = "https://example.test/"\n[permalinks]\nblog = "/:year/:filename/"\n'
            ),
            "content/blog/design\u00a0process.md": "---\ntitle: A\ndate: 2024-03-04\n---\n",
            "content/blog/Café.md": "---\ntitle: B\ndate: 2024-03-04\n---\n",
            "content/docs/the\u00a0guide.md": "---\ntitle: C\n---\n",
        },
    )
    assert addresses(run_lede, site) == {
        "content/blog/design\u00a0process.md": "https://example.test/2024/design-process/",
        "content/blog/Café.md": "https://example.test/2024/café/",
        "content/docs/the\u00a0guide.md": "https://example.test/docs/the-guide/",
    }


def test_a_zola_sites_pages_are_at_their_paths(run_lede: LedeRunner, tmp_path: Path) -> None:
    """Zola: its section's path and the page's slug, of its file's name less its date;
    its own ``path`` (blog.rust-lang.org's posts), as written."""
    site = write_files(
        tmp_path / "site",
        {
            "config.toml": 'base_url = "https://blog.example.test"\n',
            "templates/index.html": "",
            "content/blog/2024-01-02-Hello World.md": "+++\ntitle = 'Hello'\n+++\n",
            "content/blog/sluggish.md": "+++\ntitle = 'S'\nslug = 'quick'\n+++\n",
            "content/Rust-1.0.md": "+++\ntitle = 'R'\npath = '2015/05/15/Rust-1.0'\n+++\n",
        },
    )
    assert addresses(run_lede, site) == {
        "content/blog/2024-01-02-Hello World.md": "https://blog.example.test/blog/hello-world/",
        "content/blog/sluggish.md": "https://blog.example.test/blog/quick/",
        "content/Rust-1.0.md": "https://blog.example.test/2015/05/15/Rust-1.0/",
    }


def test_a_pelican_sites_articles_are_at_their_urls(run_lede: LedeRunner, tmp_path: Path) -> None:
    """Pelican: ``publishconf.py``'s ``SITEURL`` (``pelicanconf.py``'s is often empty),
    read and never run, and its ``ARTICLE_URL`` of the slug of the article's title."""
    site = write_files(
        tmp_path / "site",
        {
            "pelicanconf.py": 'SITEURL = ""\nARTICLE_URL = "{category}/{date:%Y}/{slug}.html"\n',
            "publishconf.py": (
                "from pelicanconf import *\nimport os\nSITEURL = 'https://example.test/'\n"
                "os.system('exit 1')\n"
            ),
            "content/Journal/a.md": "---\ntitle: Séparation, travail!\ndate: 2023-02-25\n---\n",
            "content/pages/about.md": "---\ntitle: About me\n---\n",
        },
    )
    assert addresses(run_lede, site) == {
        "content/Journal/a.md": "https://example.test/journal/2023/separation-travail.html",
        "content/pages/about.md": "https://example.test/pages/about-me.html",
    }


def test_a_nikola_sites_posts_and_pages_are_at_their_slugs(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Nikola: ``SITE_URL``, the folder a ``POSTS`` or ``PAGES`` entry writes to, the
    folders below its pattern's and the post's slug (else its file's name), as
    ``slug.html`` where ``PRETTY_URLS = False``: pypy.org's 461 posts had no address. A
    translation is at the same path in its language's folder (``TRANSLATIONS``): it had
    none."""
    conf = (
        'SITE_URL = "https://example.test/"\nTRANSLATIONS = {"en": "", "es": "./es"}\n'
        'POSTS = (("posts/*.md", "blog", "post.tmpl"),)\n'
        'PAGES = (("pages/*.rst", "", "page.tmpl"),)\n'
    )
    post = (
        "<!--\n.. title: Released\n.. slug: {slug}\n.. date: 2024-05-06 10:00:00 UTC\n-->\n\nOut.\n"
    )
    files = {
        "posts/2024/05/released.md": post.format(slug="v2-released"),
        "posts/Old Notes.md": post.format(slug=""),
        "posts/Old Notes.es.md": post.format(slug=""),
        "pages/about.rst": ".. title: About\n.. slug: about\n\nUs.\n",
    }
    plain = write_files(tmp_path / "plain", {"conf.py": conf + "PRETTY_URLS = False\n", **files})
    assert addresses(run_lede, plain) == {
        "posts/2024/05/released.md": "https://example.test/blog/2024/05/v2-released.html",
        "posts/Old Notes.md": "https://example.test/blog/old-notes.html",
        "posts/Old Notes.es.md": "https://example.test/es/blog/old-notes.html",
        "pages/about.rst": "https://example.test/about.html",
    }
    pretty = write_files(tmp_path / "pretty", {"conf.py": conf, **files})
    assert addresses(run_lede, pretty)["posts/Old Notes.md"] == (
        "https://example.test/blog/old-notes/"
    )


def test_a_jekyll_sites_collections_folder_is_none_of_its_posts_categories(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Posts in the ``collections_dir`` (``my_collections/_posts``) are in no category of
    its name; a Bridgetown site's posts, published by other rules, get no address."""
    site = write_files(
        tmp_path / "site",
        {
            "_config.yml": "url: https://example.test\ncollections_dir: my_collections\n",
            "my_collections/_posts/2024-05-06-hello.md": "---\ntitle: Hello\n---\n",
        },
    )
    assert addresses(run_lede, site) == {
        "my_collections/_posts/2024-05-06-hello.md": "https://example.test/2024/05/06/hello.html"
    }
    site = write_files(
        tmp_path / "bridgetown",
        {
            "bridgetown.config.yml": "url: https://example.test\n",
            "src/_posts/2024-05-06-hello.md": "---\ntitle: Hello\n---\n",
        },
    )
    assert addresses(run_lede, site) == {"src/_posts/2024-05-06-hello.md": ""}


def test_a_jekyll_site_of_no_url_is_at_the_domain_its_cname_gives_github_pages(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A site on GitHub Pages names its domain in ``CNAME`` beside its settings, and
    Pages gives that address to a site whose ``url`` is empty: its posts had none to
    open or copy. A ``url`` of its own comes first; a CNAME of no domain gives none."""
    site = jekyll_site(tmp_path / "site", 'title: A blog\nurl: ""\n')
    (site / "CNAME").write_text("Blog.Example.test\n")
    found = addresses(run_lede, site)
    assert found["_posts/2024-05-06-Hello-World.md"] == (
        "https://blog.example.test/release/2024/05/06/Hello-World.html"
    )
    own = jekyll_site(tmp_path / "own", "url: https://www.example.test\n")
    (own / "CNAME").write_text("blog.example.test\n")
    found = addresses(run_lede, own)
    assert found["_posts/2024-05-06-Hello-World.md"].startswith("https://www.example.test/")
    other = jekyll_site(tmp_path / "other", "title: A blog\n")
    (other / "CNAME").write_text("not a domain at all\n")
    assert set(addresses(run_lede, other).values()) == {""}
