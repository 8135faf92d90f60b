"""The reader on the smallest terminals people use (40x12, 60x20), and resized to one
while a view is open: what is being read keeps rows to be read in."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.pilot import indexed, resized, until
from tests.tui.test_preview import add_local_story, body
from tests.webserver import ARTICLE_PARAGRAPHS, article_html, page
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView
from tui.widgets.topic_tree import TopicTree

READABLE = 4
"""Rows of the article a person needs to see it open: its title, provider, date, topics."""


def article_rows(app: LedeApp) -> int:
    return app.screen.query_one(DetailView).content_region.height


@pytest.mark.parametrize("size", [(40, 12), (60, 20)])
async def test_an_opened_article_has_rows_on_a_small_screen(
    reader_corpus: Path, size: tuple[int, int]
) -> None:
    """At 40x12 Enter opened the article into a pane of no rows: the list kept ten."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=size) as pilot:
        await indexed(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.query_one(DetailView).has_focus, "the detail")
        await pilot.pause()
        assert article_rows(app) >= READABLE
        assert app.screen.query_one(ArticleList).content_region.height >= 1  # still a row
        await pilot.press("escape")  # back in the list, which has its rows again
        await until(pilot, lambda: app.screen.query_one(ArticleList).has_focus, "the list")
        await pilot.pause()
        assert app.screen.query_one(ArticleList).content_region.height >= 3


async def test_a_resize_to_a_small_screen_keeps_the_open_article_and_preview(
    reader_corpus: Path, server
) -> None:
    server.routes["/story"] = page(article_html())
    add_local_story(reader_corpus, server)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(120, 40)) as pilot:
        await indexed(pilot)
        await pilot.press("enter")
        detail = app.screen.query_one(DetailView)
        await until(pilot, lambda: detail.has_focus, "the detail")
        await resized(pilot, 40, 12)
        assert article_rows(app) >= READABLE
        await pilot.press("p")  # the original page, in the same pane
        shown = lambda: detail.query("#detail-body") and ARTICLE_PARAGRAPHS[0] in body(detail)  # noqa: E731
        await until(pilot, shown, "the preview")
        await resized(pilot, 60, 20)
        await resized(pilot, 40, 12)
        assert article_rows(app) >= READABLE


async def test_the_topic_tree_has_rows_on_a_small_screen(reader_corpus: Path) -> None:
    """At 40x12 t took the focus to a tree of no rows: nothing changed on screen."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(40, 12)) as pilot:
        await indexed(pilot)
        await pilot.press("t")
        tree = app.screen.query_one(TopicTree)
        await until(pilot, lambda: tree.has_focus, "the tree")
        await pilot.pause()
        assert tree.content_region.height >= 3  # All articles, Unread, Starred at least
        assert app.screen.query_one(ArticleList).content_region.height >= 1


def list_rows_seen(app: LedeApp) -> int:
    """The article list's rows on screen: within its pane and the panes, not clipped."""
    screen = app.screen
    seen = screen.query_one(ArticleList).content_region
    for outer in ("#list-pane", "#panes"):
        seen = seen.intersection(screen.query_one(outer).region)
    return seen.height


@pytest.mark.parametrize("first", ["t", "slash"])
async def test_the_list_keeps_rows_with_the_tree_and_the_filter_open(
    reader_corpus: Path, first: str
) -> None:
    """At 40x12, the tree (t) and the filter (/) both open, in either order, left the
    list no row: the filter's three rows came out of the list's five."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(40, 12)) as pilot:
        await indexed(pilot)
        for key in (first, "t" if first == "slash" else "slash"):
            if key == "t" and first == "slash":
                await pilot.press(*"ai", "enter")  # the filter typed, the list focused
                await until(pilot, lambda: app.screen.query_one(ArticleList).has_focus)
            await pilot.press(key)
            await pilot.pause()
        tree = app.screen.query_one(TopicTree)
        await until(pilot, lambda: tree.display and app.screen.query_one("#filter").display)
        await pilot.pause()
        assert list_rows_seen(app) >= 3
        assert tree.content_region.height >= 3  # All articles, Unread, Starred at least


async def test_a_tree_narrowed_out_of_sight_gives_its_focus_to_the_list(
    reader_corpus: Path,
) -> None:
    """Narrowed under 130 columns, the tree hides until ``t``; with the focus on it, the
    focus went on to the detail pane, the one pane farthest from where it was."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        app.screen.query_one(TopicTree).focus()
        await pilot.pause()
        await resized(pilot, 80, 24)
        await until(pilot, lambda: app.screen.query_one(ArticleList).has_focus, "the list")
        await pilot.press("t")  # shown again on its key, it has the focus back
        await until(pilot, lambda: app.screen.query_one(TopicTree).has_focus, "the tree")
        await resized(pilot, 100, 24)  # still narrow, shown: it keeps it
        assert app.screen.query_one(TopicTree).has_focus


@pytest.mark.parametrize("rows", [1, 2, 4])
async def test_a_terminal_of_a_few_rows_shows_articles(reader_corpus: Path, rows: int) -> None:
    """A tmux pane of one row showed the footer alone; of three, the header, the timeline
    and the footer: no article. The list's rows now take what there is."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, rows)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        shown = articles.region.intersection(app.screen.region)
        assert (shown.y, shown.height) == (0, rows)
        assert articles.render_line(0).text.startswith("●")  # an article's row
        await resized(pilot, 80, 24)  # room again for the header and the footer
        assert articles.region.y > 0 and app.screen.query_one("ReaderFooter").region.height
