"""The topic tree: labels clear of the edges, ``x`` offered only on a saved search, and a
vault's nested tags nested."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.widgets import Footer
from textual.widgets.tree import TreeNode

from library.corpus import open_state
from library.scope import Scope
from tests.conftest import deep_site, write_document
from tests.site_corpus import tagged_vault
from tests.tui.pilot import indexed, titles, until, walk
from tui.app import LedeApp
from tui.screens.confirm import ConfirmScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.topic_tree import TopicTree

BORDER = "▕"


def footer_descriptions(app: LedeApp) -> list[str]:
    return [key.description for key in app.screen.query_one(Footer).query("FooterKey")]


async def test_labels_do_not_touch_the_edge_or_the_border(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)
        lines = [strip.text for strip in tree.render_lines(Region(0, 0, tree.region.width, 12))]
        labelled = [line for line in lines if line.strip(f" {BORDER}")]
        assert len(labelled) > 5 and "All articles 4 · 4 unread" in labelled[0]
        assert all(line.startswith(" ") and line.endswith(f" {BORDER}") for line in labelled)


async def test_the_delete_key_shows_only_on_a_saved_search(reader_corpus: Path) -> None:
    open_state().save_query("Faces", "facial")
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)
        await pilot.press("shift+tab")  # from the list to the tree
        await until(pilot, lambda: tree.has_focus)
        assert "Delete saved search" not in footer_descriptions(app)
        await pilot.press("x")  # nothing to delete here: no question is asked
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        # All articles, Unread, Starred, Unpublished, the "Saved searches" heading, "Faces".
        for _ in range(8):
            if str(tree.cursor_node.label).startswith("Faces"):
                break
            await pilot.press("j")
            await pilot.pause()
        assert str(tree.cursor_node.label).startswith("Faces")
        await until(pilot, lambda: "Delete saved search" in footer_descriptions(app))
        await pilot.press("k")
        await until(pilot, lambda: "Delete saved search" not in footer_descriptions(app))
        await pilot.press("j", "x")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))


async def test_a_taxonomy_a_thousand_deep_is_shown_down_to_a_floor(tmp_path: Path) -> None:
    """Nested past Python's recursion limit, the tree stayed blank for a minute and the
    reader ended in a RecursionError. Past a floor, topics are shown at the floor."""
    from models.topic import DEEPEST

    site = deep_site(tmp_path, 1000)
    app = LedeApp([str(site)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)
        nodes = {str(node.label).split(" ")[0]: node for node in walk(tree.root)}
        assert len([name for name in nodes if name.startswith("D")]) == 1000
        assert _depth(nodes["D999"]) == _depth(nodes[f"D{DEEPEST}"]) == DEEPEST + 1
        assert _depth(nodes[f"D{DEEPEST - 1}"]) == DEEPEST
        assert str(nodes["D999"].label).startswith("D999 1")


def _depth(node: object) -> int:
    depth = 0
    while (node := getattr(node, "parent", None)) is not None:
        depth += 1
    return depth


async def test_a_vaults_nested_tags_are_a_tree_and_a_parent_lists_its_childrens_notes(
    tmp_path: Path,
) -> None:
    """``project/alpha`` and ``project/beta`` under ``project``, as Obsidian's tag pane
    shows them: they were three flat topics, and ``project`` none."""
    vault = tagged_vault(tmp_path / "vault")
    app = LedeApp([str(vault)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)
        project = next(node for node in walk(tree.root) if str(node.label).startswith("project"))
        assert str(project.label).startswith("project 3 · 3 unread")
        children = [str(child.label) for child in project.children]
        assert children[0].startswith("alpha 2") and children[1].startswith("beta 1")
        alpha = project.children[0]
        assert [str(child.label).split(" ")[0] for child in alpha.children] == ["design"]
        tree.focus()
        tree.move_cursor(project)
        await until(pilot, lambda: sorted(titles(app)) == ["Kickoff", "Reading list", "Sketches"])


async def test_a_tag_whose_children_are_all_hidden_has_no_arrow(tmp_path: Path) -> None:
    """``project``'s one child tag is only on a note its vault did not publish: with the
    unpublished hidden (``U``), ``project`` showed an arrow that opened on nothing."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    write_document(vault, "Kickoff.md", "tags: [project]", "Plans.\n")
    write_document(vault, "Draft.md", "tags: [project/alpha]\npublished: false", "Not yet.\n")
    app = LedeApp([str(vault)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)

        def project() -> TreeNode[Scope]:
            return next(node for node in walk(tree.root) if str(node.label).startswith("proj"))

        assert project().allow_expand and len(project().children) == 1
        await pilot.press("U")
        await until(pilot, lambda: str(project().label).startswith("project 1"))
        assert not project().children
        assert not project().allow_expand


async def test_enter_on_a_node_opens_its_articles(reader_corpus: Path) -> None:
    """Enter in the tree only folded or unfolded a node: on a narrow terminal the tree
    stayed over the list, the list a few rows under it, until ``t`` was found. Enter now
    opens the node's articles, as it opens an article; space folds it."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("t")
        await until(pilot, lambda: tree.has_focus and tree.region.height > 0)
        for _ in range(40):
            if str(tree.cursor_node.label).startswith("Google AI"):
                break
            await pilot.press("j")
            await pilot.pause()
        node = tree.cursor_node
        assert str(node.label).startswith("Google AI") and node.children
        expanded = node.is_expanded
        await pilot.press("space")
        await until(pilot, lambda: node.is_expanded != expanded, "space folds the node")
        await pilot.press("enter")
        await until(pilot, lambda: articles.has_focus, "the list focused")
        await until(pilot, lambda: tree.region.height == 0, "the tree out of the way")
        assert node.is_expanded != expanded  # opened, not folded again
        assert titles(app) == ["TensorFlow 3 released with a new compiler"]
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:  # wide: the tree stays, the list focused
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)
        await pilot.press("shift+tab", "j", "enter")
        await until(pilot, lambda: app.screen.query_one(ArticleList).has_focus)
        assert tree.region.width > 0
