"""A site in several languages in the reader: listed in its default one, saying so, and
its languages in the tree."""

from __future__ import annotations

from pathlib import Path

from tests.site_corpus import translated_by_folder
from tests.tui.pilot import indexed, notifications, titles, until
from tests.tui.test_collections import choose, group, labels
from tui.app import LedeApp

SAID = "Listed in en; 2 other languages (de, ja): lang:de or lang:* shows them"


async def opened_saying_languages(site: Path) -> list[str]:
    """The notifications of the reader opened on ``site``, once it said its languages."""
    app = LedeApp([str(site)])
    async with app.run_test(size=(140, 40)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: "Ruby released" in titles(app), "the English post")
        await until(pilot, lambda: SAID in notifications(app), "the languages left out")
        assert "Ruby リリース" not in titles(app)
        return notifications(app)


async def test_the_reader_says_which_languages_the_list_leaves_out(tmp_path: Path) -> None:
    """A site translated by folder opened on its English posts, and nothing said that its
    Japanese and German ones were there: no node, no count, no word of ``lang:``."""
    site = translated_by_folder(tmp_path / "site")
    assert (await opened_saying_languages(site)).count(SAID) == 1  # a cold index
    assert (await opened_saying_languages(site)).count(SAID) == 1  # and a warm start


async def test_a_site_in_one_language_says_nothing_of_languages(tmp_path: Path) -> None:
    """No note of languages left out, and no Languages group in the tree."""
    site = translated_by_folder(tmp_path / "site", {"en": "Ruby released"})
    app = LedeApp([str(site)])
    async with app.run_test(size=(140, 40)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: "Ruby released" in titles(app), "the post")
        assert not [note for note in notifications(app) if "lang:" in note]
        assert "Languages" not in labels(app)


async def test_the_tree_has_a_node_for_each_language_that_lists_its_posts(tmp_path: Path) -> None:
    """The languages the list leaves out were reached only by typing ``lang:``: the tree
    now has them under "Languages", the listed one first, each counting the posts it lists."""
    site = translated_by_folder(tmp_path / "site")
    app = LedeApp([str(site)])
    async with app.run_test(size=(140, 40)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: "Ruby released" in titles(app), "the English post")
        await until(pilot, lambda: "Languages" in labels(app), "the languages' heading")
        assert group(app, "Languages") == ["en 2 · 2 unread", "de 2 · 2 unread", "ja 2 · 2 unread"]
        await choose(app, pilot, "ja")
        await until(pilot, lambda: "Ruby リリース" in titles(app), "the Japanese post")
        assert sorted(titles(app)) == ["Older", "Ruby リリース"]
        assert "Ruby released" not in titles(app)
