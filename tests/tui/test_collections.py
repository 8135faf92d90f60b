"""A site in the reader: its news by default, the Collections group and the Unpublished
node with their counts, the hide key and its setting, and the marks in list and detail."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style

from library.session import ReaderSession
from library.synthetic import generate
from tests.cli.test_list_sections import hugo_site
from tests.conftest import REAL_CORPUS, SITE, needs_real_corpus, write_document
from tests.tui.pilot import (
    detail_text,
    indexed,
    notifications,
    settled,
    status,
    titles,
    until,
    walk,
)
from tui.app import LedeApp
from tui.screens.help import HelpScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.article_row import UNPUBLISHED_MARK
from tui.widgets.topic_tree import TopicTree

UNPUBLISHED_NEWS = {
    "38M Records Exposed via Acme Power Apps Misconfiguration",
    "PIN diode handles high-power apps",
    "A|I: The AI Times – Scrutinizing facial recognition tech",
}
LEARNING = {"AI For Everyone", "What is a Transformer? | Edureka"}


@pytest.fixture(autouse=True)
def every_article_a_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests count articles against the tree: a row per article, not per story."""
    opened = ReaderSession.__init__

    def ungrouped(session: ReaderSession, *args: object, **kwargs: object) -> None:
        opened(session, *args, **kwargs)
        session.stories_grouped = False

    monkeypatch.setattr(ReaderSession, "__init__", ungrouped)


def labels(app: LedeApp) -> list[str]:
    return [str(node.label) for node in walk(app.screen.query_one(TopicTree).root)]


def group(app: LedeApp, heading: str) -> list[str]:
    tree = app.screen.query_one(TopicTree)
    node = next(n for n in tree.root.children if str(n.label) == heading)
    return [str(child.label) for child in node.children]


async def choose(app: LedeApp, pilot, label: str) -> None:  # noqa: ANN001 - Textual's pilot
    """Move the tree's cursor to the node whose label starts with ``label``."""
    tree = app.screen.query_one(TopicTree)
    node = next(n for n in walk(tree.root) if str(n.label).startswith(label))
    tree.focus()
    tree.move_cursor(node)
    await settled(pilot)


def position(app: LedeApp, title: str) -> int:
    articles = app.screen.query_one(ArticleList)
    return next(i for i, row in enumerate(articles.results or []) if row.title == title)


def row_text(app: LedeApp, title: str) -> tuple[str, list[Style]]:
    """The painted text of the row showing ``title`` (on screen, not under the cursor),
    and the style of each of its characters."""
    articles = app.screen.query_one(ArticleList)
    strip = articles.render_line(position(app, title) - int(articles.scroll_offset.y))
    text = "".join(segment.text for segment in strip)
    return text, [segment.style or Style() for segment in strip for _ in segment.text]


async def test_a_site_opens_on_its_news_with_every_collection_counted_in_the_tree() -> None:
    app = LedeApp([str(SITE)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert len(titles(app)) == 9 and set(titles(app)) >= UNPUBLISHED_NEWS
        tree_labels = labels(app)
        assert "All articles 9 · 9 unread" in tree_labels
        assert "Unpublished 3 · 3 unread" in tree_labels
        assert group(app, "Collections") == [
            "News 9 · 9 unread",
            "Learning 2 · 2 unread",
            "Newsletters 1 · 1 unread",
            "Samples 1 · 1 unread",
        ]
        await choose(app, pilot, "Learning")
        assert set(titles(app)) == LEARNING
        assert status(app).startswith("Learning")
        await choose(app, pilot, "Unpublished")
        assert set(titles(app)) == UNPUBLISHED_NEWS
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        await pilot.press("enter")  # read one: the counts follow
        await settled(pilot)
        assert "Unpublished 3 · 2 unread" in labels(app)
        assert group(app, "Collections")[0] == "News 9 · 8 unread"


async def test_u_hides_the_unpublished_everywhere_but_their_own_node() -> None:
    app = LedeApp([str(SITE)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("U")
        await settled(pilot)
        assert len(titles(app)) == 6 and not set(titles(app)) & UNPUBLISHED_NEWS
        assert "unpublished hidden" in status(app)
        assert "All articles 6 · 6 unread" in labels(app)
        assert group(app, "Collections")[:2] == ["News 6 · 6 unread", "Learning 1 · 1 unread"]
        assert "Unpublished 3 · 3 unread" in labels(app)
        await choose(app, pilot, "Unpublished")
        assert set(titles(app)) == UNPUBLISHED_NEWS
        await choose(app, pilot, "All articles")
        app.screen.query_one(ArticleList).focus()
        await pilot.press("U")
        await settled(pilot)
        assert len(titles(app)) == 9
        assert "unpublished hidden" not in status(app)
        assert "All articles 9 · 9 unread" in labels(app)


async def test_the_setting_hides_them_from_the_start(isolated_dirs: dict[str, Path]) -> None:
    config = isolated_dirs["XDG_CONFIG_HOME"] / "lede" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('hide_unpublished = true\ncollections = ["news", "learning"]\n')
    app = LedeApp([str(SITE)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert set(titles(app)) >= {"What is a Transformer? | Edureka"}
        assert len(titles(app)) == 7 and not set(titles(app)) & UNPUBLISHED_NEWS
        assert "unpublished hidden" in status(app)
        await pilot.press("U")
        await pilot.pause()
        assert len(titles(app)) == 11


async def test_a_collection_the_settings_name_and_the_site_lacks_is_said_once(
    isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = isolated_dirs["XDG_CONFIG_HOME"] / "lede" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('collections = ["videos"]\n')
    app = LedeApp([str(SITE)])
    ended: list[object] = []
    index_done = app._index_done
    monkeypatch.setattr(app, "_index_done", lambda *done: (index_done(*done), ended.append(done)))
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: len(ended) == 1, "the first index")
        await indexed(pilot)
        assert [n for n in notifications(app) if "videos" in n] == [
            "No collection 'videos' in this corpus (the settings name it); there are "
            "learning, news, newsletters, samples: every collection is shown"
        ]
        assert len(titles(app)) == 13
        await pilot.press("r")
        await until(pilot, lambda: len(ended) == 2, "the second index")
        assert len([n for n in notifications(app) if "videos" in n]) == 1  # not said again


async def test_rows_and_the_detail_mark_what_the_site_did_not_publish() -> None:
    app = LedeApp([str(SITE)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        text, styles = row_text(app, "PIN diode handles high-power apps")
        assert text[2] == UNPUBLISHED_MARK
        title = text.index("PIN diode")
        dimmed = [i for i, style in enumerate(styles) if style.dim]
        assert title in dimmed and 2 in dimmed and text.index("2021-03-08") not in dimmed
        published, plain_styles = row_text(app, "Bank fraud models flag odd payments")
        assert published[2] == " " and not any(style.dim for style in plain_styles)
        articles = app.screen.query_one(ArticleList)
        articles.set_cursor(position(app, "Bank fraud models flag odd payments"))
        await pilot.press("enter")
        await settled(pilot)
        assert "Not published by the site" not in detail_text(app)
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        articles.set_cursor(position(app, "PIN diode handles high-power apps"))
        await pilot.press("enter")
        await settled(pilot)
        assert "Not published by the site" in detail_text(app)


async def test_rows_of_other_collections_say_what_they_are() -> None:
    app = LedeApp([str(SITE)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        news, _ = row_text(app, "Bank fraud models flag odd payments")
        await pilot.press("slash", *"collection:*", "enter")
        await settled(pilot)
        assert len(titles(app)) == 13
        assert row_text(app, "Bank fraud models flag odd payments")[0] == news  # unmarked
        course, _ = row_text(app, "AI For Everyone")
        assert " course AI For Everyone" in course and course[2] == UNPUBLISHED_MARK
        assert (
            " video What is a Transformer?" in row_text(app, "What is a Transformer? | Edureka")[0]
        )
        assert " newsletters A.I. Every Day" in row_text(app, "A.I. Every Day (2021-03-05)")[0]
        assert (
            " sample Sample: image" in row_text(app, "Sample: image classification in ten lines")[0]
        )


async def test_a_plain_folder_shows_everything_and_no_collections(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert len(titles(app)) == 4
        assert "Collections" not in labels(app)
        assert "Unpublished 2 · 2 unread" in labels(app)  # the two bundled documents


async def test_no_unpublished_node_without_unpublished_items(tmp_path: Path) -> None:
    write_document(tmp_path / "site" / "_news", "a.md", 'title: "Out"\npublished: true')
    write_document(tmp_path / "site" / "_news", "b.md", 'title: "Also out"')
    app = LedeApp([str(tmp_path / "site")])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert "All articles 2 · 2 unread" in labels(app)
        assert not any(label.startswith("Unpublished") for label in labels(app))


async def test_the_hide_key_is_listed_in_help_and_palette(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 60)) as pilot:
        await indexed(pilot)
        offered = [command.title for command in app.get_system_commands(app.screen)]
        assert "Hide/show unpublished  U" in offered
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Hide/show unpublished" in str(app.screen.query_one("#help-keys").render())


async def test_a_synthetic_site_counts_each_collection(tmp_path: Path) -> None:
    generated = generate(tmp_path / "site", 40, seed=2)
    app = LedeApp([str(tmp_path / "site")])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        collections = group(app, "Collections")
        assert collections[0].startswith("News ")
        for name in ("newsletters", "learning", "samples"):
            count = generated.files[name]
            assert any(label.startswith(f"{name.title()} {count} ") for label in collections)
        await choose(app, pilot, "Newsletters")
        assert len(titles(app)) == generated.files["newsletters"]


@needs_real_corpus
async def test_the_real_sample_opens_on_its_news() -> None:
    app = LedeApp([str(REAL_CORPUS)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        news = group(app, "Collections")[0]
        assert news.startswith("News ")
        total = int(news.split()[1])
        assert len(titles(app)) == total
        assert any(label.startswith("Unpublished ") for label in labels(app))
        await choose(app, pilot, "Learning")
        assert titles(app) and status(app).startswith("Learning")


async def blog_row(blog: Path) -> str:
    """The row of the blog's one post, once the reader has indexed it."""
    app = LedeApp([str(blog)])
    async with app.run_test(size=(120, 30)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: titles(app) == ["Hello World"], "the posts alone")
        return row_text(app, "Hello World")[0]


async def test_a_blogs_posts_are_its_stream_and_carry_no_mark(tmp_path: Path) -> None:
    """A site without the news streams its posts: each row read "posts", and its pages
    (home, About) were listed among them."""
    blog = tmp_path / "blog"
    write_document(blog / "_posts", "2014-3-3-hello.md", "title: Hello World\ntags: [ml]")
    write_document(blog, "about.md", "title: About")
    (blog / "_config.yml").write_text("title: A blog\n")
    for opening in ("first", "warm"):
        row = await blog_row(blog)
        assert "2014-03-03 Hello World" in " ".join(row.split()), opening
        assert "posts" not in row, opening


async def test_a_blogs_pages_are_a_node_beside_its_collections(tmp_path: Path) -> None:
    """Pages in no collection (home, About) were in no node of the tree, and
    ``-collection:*``, which finds them, was refused as leaving nothing."""
    blog = tmp_path / "blog"
    write_document(blog / "_posts", "2014-3-3-hello.md", "title: Hello World")
    write_document(blog, "about.md", "title: About")
    write_document(blog, "contact.md", "title: Contact")
    (blog / "_config.yml").write_text("title: A blog\n")
    app = LedeApp([str(blog)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: "Collections" in labels(app), "the collections")
        assert [label.split()[0] for label in group(app, "Collections")] == ["Posts", "Pages"]
        assert " 2" in group(app, "Collections")[1]
        await choose(app, pilot, "Pages")
        await until(pilot, lambda: sorted(titles(app)) == ["About", "Contact"], "the pages")
        assert status(app).startswith("Pages")
        await choose(app, pilot, "Posts")
        await until(pilot, lambda: titles(app) == ["Hello World"], "the posts")


async def test_a_hugo_sites_sections_are_its_collections(tmp_path: Path) -> None:
    """pnpm.io's 797 rows held 42 posts: its docs were listed among them."""
    site = hugo_site(tmp_path / "site")
    app = LedeApp([str(site)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: titles(app) == ["Post 2", "Post 1"], "the blog alone")
        await until(pilot, lambda: "Collections" in labels(app), "the collections")
        shown = [label.split()[0] for label in group(app, "Collections")]
        assert shown == ["Blog", "Docs", "Pages"], shown
        await choose(app, pilot, "Docs")
        docs = ["Deep doc", "Doc 1", "Doc 2"]
        await until(pilot, lambda: sorted(titles(app)) == docs, "the docs")
        assert status(app).startswith("Docs")


async def test_pages_beside_a_pages_collection_are_other_pages(tmp_path: Path) -> None:
    """rubyonrails.org keeps a ``_pages`` collection: the tree showed two "Pages"."""
    blog = tmp_path / "blog"
    write_document(blog / "_pages", "team.md", "title: Team")
    write_document(blog, "about.md", "title: About")
    (blog / "_config.yml").write_text("collections:\n  pages:\n    output: true\n")
    app = LedeApp([str(blog)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: "Collections" in labels(app), "the collections")
        shown = [label.split(" 1")[0] for label in group(app, "Collections")]
        assert sorted(shown) == ["Other pages", "Pages"], shown
        await choose(app, pilot, "Other pages")
        await until(pilot, lambda: titles(app) == ["About"], "the pages in no collection")
        assert status(app).startswith("Other pages")


async def test_a_site_without_pages_has_no_pages_node() -> None:
    app = LedeApp([str(SITE)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: "Collections" in labels(app), "the collections")
        assert not any(label.startswith("Pages") for label in group(app, "Collections"))


async def test_an_event_shows_when_and_where_it_is_and_its_links(tmp_path: Path) -> None:
    """An event was listed undated and its detail showed neither its dates, its place nor
    its website; a post's authors and a profile's other links were not shown either."""
    site = tmp_path / "site"
    write_document(
        site / "_events",
        "neurips.md",
        "name: NeurIPS 2019\ntype: conference\nstartDateTime: 2019-12-08T08:00:00Z\n"
        "endDateTime: 2019-12-14T18:00:00Z\nlocation: Vancouver, BC, Canada\n"
        "website: https://nips.cc/Conferences/2019\n"
        'twitter:\n  username: neuripsconf\n  url: "https://twitter.com/neuripsconf"\n'
        "github_repo: https://github.com/neurips\nsecured: javascript:alert(1)",
    )
    write_document(site / "_news", "a.md", "title: A post\nauthor: Ada Lovelace", "Words.")
    app = LedeApp([str(site)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"collection:events", "enter")
        await until(pilot, lambda: titles(app) == ["NeurIPS 2019"], "the event")
        rows = app.screen.query_one(ArticleList)
        assert "2019-12-08" in str(rows.render_line(0))
        await until(pilot, lambda: "Vancouver" in detail_text(app), "the event's detail")
        text = detail_text(app)
        assert "When 2019-12-08 " in text and " – 2019-12-14 " in text
        assert "Where Vancouver, BC, Canada" in text
        assert "Website     https://nips.cc/Conferences/2019" in text
        assert "Twitter     https://twitter.com/neuripsconf" in text
        assert "Github repo https://github.com/neurips" in text
        assert "javascript" not in text
        await pilot.press("slash", "ctrl+u", *"collection:news", "enter")
        await until(pilot, lambda: titles(app) == ["A post"], "the post")
        await until(pilot, lambda: "By Ada Lovelace" in detail_text(app), "the author")
