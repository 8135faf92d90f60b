"""Scoping the list from the tree: a topic with its descendants, a saved search as a live
node that lists what the filter showed."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from library.corpus import open_state
from tests.tui.conftest import HANGZHOU, TWO_SESSIONS
from tests.tui.pilot import indexed, settled, status, titles, until
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList
from tui.widgets.topic_tree import TopicTree


async def test_topic_node_shows_topic_and_descendants(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)
        google = next(n for n in tree._tree_nodes.values() if str(n.label).startswith("Google AI"))
        assert str(google.label).startswith("Google AI 1")
        tree.focus()
        tree.move_cursor(google)
        await until(pilot, lambda: titles(app) == ["TensorFlow 3 released with a new compiler"])
        assert "Google AI" in status(app)


def to_node(app: LedeApp, label_start: str) -> None:
    """Put the tree's cursor, and the focus, on the node whose label starts so."""
    tree = app.screen.query_one(TopicTree)
    node = next(n for n in tree._tree_nodes.values() if str(n.label).startswith(label_start))
    tree.focus()
    tree.move_cursor(node)


def tree_labels(app: LedeApp) -> list[str]:
    tree = app.screen.query_one(TopicTree)
    return [str(node.label) for node in tree._tree_nodes.values()]


async def test_saved_search_is_a_live_tree_node(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"facial", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        name_field = app.screen.query_one("#name-input", Input)
        name_field.value = ""
        await pilot.press(*"Faces", "enter")
        await until(pilot, lambda: "Faces 2 · 2 unread" in tree_labels(app))
        await pilot.press("escape")  # clear the filter: the saved node scopes on its own
        to_node(app, "Faces")
        await until(pilot, lambda: len(titles(app)) == 2)
        shown = titles(app)
        assert shown[0].startswith(TWO_SESSIONS) and shown[1].startswith(HANGZHOU)
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        await pilot.press("m")
        await until(pilot, lambda: "Faces 2 · 1 unread" in tree_labels(app))  # the count is live
    assert open_state().saved_queries() == [("Faces", "facial*")]
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        to_node(app, "Faces")
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await until(pilot, lambda: not any(lab.startswith("Faces") for lab in tree_labels(app)))
    assert open_state().saved_queries() == []


async def test_a_saved_search_named_as_a_node_of_the_reader_says_what_it_is(
    reader_corpus: Path,
) -> None:
    """Saved as "All articles", a search was a second "All articles" in the tree, and above
    the list its two articles read as everything there is."""
    open_state().save_query("All articles", "facial")
    open_state().save_query("unread", "hangzhou")
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        labels = tree_labels(app)
        assert labels.count("All articles 4 · 4 unread") == 1 and "Unread 4" in labels
        assert "All articles (saved search) 2 · 2 unread" in labels
        assert "unread (saved search) 1 · 1 unread" in labels
        to_node(app, "All articles (saved search)")
        await until(pilot, lambda: len(titles(app)) == 2)
        assert status(app).startswith("All articles (saved search)  2 articles")
        await pilot.press("x")  # it is deleted by its own name
        await pilot.pause()
        await pilot.press("y")
        await until(
            pilot, lambda: "All articles (saved search) 2 · 2 unread" not in tree_labels(app)
        )
    assert open_state().saved_queries() == [("unread", "hangzhou")]


async def test_a_saved_search_lists_what_the_filter_showed(reader_corpus: Path) -> None:
    """The filter matched its last word as a prefix while typed: saved, it still does."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"hang", "enter")
        await pilot.pause()
        shown = titles(app)
        assert len(shown) == 1 and shown[0].startswith(HANGZHOU)
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#name-input", Input).value = ""
        await pilot.press(*"Hang", "enter")
        await settled(pilot)
        await until(pilot, lambda: "Hang 1 · 1 unread" in tree_labels(app), "the saved search")
        await pilot.press("escape")
        to_node(app, "Hang ")
        await settled(pilot)
        assert titles(app) == shown
    assert open_state().saved_queries() == [("Hang", "hang*")]


async def test_a_filter_saved_under_a_topic_keeps_the_topic(reader_corpus: Path) -> None:
    """Saved alone, a filter typed under "Google AI" listed its matches corpus-wide."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        to_node(app, "Google AI")
        await until(pilot, lambda: len(titles(app)) == 1, "the topic's article")
        await pilot.press("l", "slash", *"t", "enter")  # more articles than this hold a "t"
        await settled(pilot)
        shown = titles(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#name-input", Input).value = ""
        await pilot.press(*"Google t", "enter")
        await until(pilot, lambda: any(lab.startswith("Google t 1") for lab in tree_labels(app)))
        await pilot.press("escape")
        to_node(app, "Google t")
        await settled(pilot)
        assert titles(app) == shown
    assert open_state().saved_queries() == [("Google t", 'topic:"google ai" t*')]
