"""The footer: the help key is always there whole, whichever pane has the focus, and
no key is shown cut."""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen
from textual.widgets import Footer, Input

from tests.tui.pilot import indexed, notifications, resized, until
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView
from tui.widgets.footer import DialogFooter
from tui.widgets.topic_tree import TopicTree


def footer_keys(app: LedeApp, screen: Screen | None = None) -> tuple[list, object]:
    """The footer's keys in order (of ``screen``, by default the one on top), and the
    palette key docked on its right."""
    keys = list((screen or app.screen).query_one(Footer).query("FooterKey"))
    palette = next(key for key in keys if key.has_class("-command-palette"))
    return [key for key in keys if key is not palette], palette


def whole(app: LedeApp, key, palette) -> bool:  # noqa: ANN001 - footer keys
    """The key is on the screen and not under the palette key."""
    return app.screen.region.contains_region(key.region) and key.region.right <= palette.region.x


async def test_help_is_shown_whole_in_every_pane(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        keys, palette = footer_keys(app)
        assert [key.description for key in keys[:2]] == ["Help", "Quit"]
        # The list's keys all fit beside it: none is cut by the edge or the palette key.
        assert [key.description for key in keys if not whole(app, key, palette)] == []
        assert [key.description for key in keys] == [
            "Help",
            "Quit",
            "Open",
            "Filter",
            "Topics",
            "Star",
            "Preview",
            "Copy URL",
        ]
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.query_one(DetailView).has_focus)
        await until(pilot, lambda: "Next article" in [k.description for k in footer_keys(app)[0]])
        keys, palette = footer_keys(app)
        assert keys[0].description == "Help" and whole(app, keys[0], palette)
        await pilot.press("t")
        await until(pilot, lambda: app.screen.query_one(TopicTree).has_focus)
        await pilot.pause()
        keys, palette = footer_keys(app)
        assert keys[0].description == "Help" and whole(app, keys[0], palette)


async def test_no_key_is_shown_cut_beneath_a_dialog(reader_corpus: Path) -> None:
    """The help, the palette and the question of ``A`` are drawn over the reader, its
    footer below them: opening one composed the footer again, and at 80 columns it
    showed "y C▏", the key cut by the palette's."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        reader = app.screen

        def cut() -> list[str]:
            keys, palette = footer_keys(app, reader)
            return [key.description for key in keys if key.display and not whole(app, key, palette)]

        for key in ("question_mark", "ctrl+p", "A"):
            before = set(footer_keys(app, reader)[0])
            await pilot.press(key)
            await until(pilot, lambda b=before: not b & set(footer_keys(app, reader)[0]))
            await until(pilot, lambda: cut() == [], f"no key cut beneath {key}")
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is reader)


async def test_the_footer_shows_the_hidden_tree_key_only_where_the_tree_is_hidden(
    reader_corpus: Path,
) -> None:
    """Under 130 columns the tree is hidden until ``t``: the footer names the key, the one
    sign on screen that there is a tree; where the tree is always shown, it does not."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        keys, palette = footer_keys(app)
        topics = next(key for key in keys if key.description == "Topics")
        assert topics.display and whole(app, topics, palette)
        await pilot.press("t")
        await until(pilot, lambda: app.screen.query_one(TopicTree).has_focus)
        await resized(pilot, 140, 24)
        await until(pilot, lambda: "Topics" not in [k.description for k in footer_keys(app)[0]])
        await resized(pilot, 100, 24)
        await until(pilot, lambda: "Topics" in [k.description for k in footer_keys(app)[0]])


async def test_the_help_lists_the_hidden_tree_key_only_where_it_does_something(
    reader_corpus: Path,
) -> None:
    """At 130 columns and more the tree is always shown and ``t`` does nothing, but the
    help listed "t  Topics" at every width."""
    from tui.screens.help import HelpScreen

    for width, listed in ((160, False), (100, True)):
        app = LedeApp([str(reader_corpus)])
        async with app.run_test(size=(width, 50)) as pilot:
            await indexed(pilot)
            await pilot.press("question_mark")
            await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "the help")
            lines = str(app.screen.query_one("#help-keys").render()).splitlines()
            assert any(line.split() == ["t", "Topics"] for line in lines) == listed, width


async def test_the_tree_s_footer_names_the_key_that_lists_a_node(reader_corpus: Path) -> None:
    """The list's footer offered "⏎ Open"; the tree's named none of the tree's keys, and
    what it did offer (star, preview, copy) acted on the list's article, not the node."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        await pilot.press("t")
        await until(pilot, lambda: app.screen.query_one(TopicTree).has_focus)
        await pilot.pause()
        keys, palette = footer_keys(app)
        assert [key.description for key in keys[:3]] == ["Help", "Quit", "Open"]
        assert whole(app, keys[2], palette)
        await pilot.press("enter")  # the key it names lists the node
        await until(pilot, lambda: app.screen.query_one(ArticleList).has_focus)


async def test_a_key_that_does_not_fit_is_left_out_not_cut(reader_corpus: Path) -> None:
    """In the detail pane at 80 columns the last key was cut at the palette key ("i▏"),
    its name lost; at any width each key shown is whole, and a wider footer shows more."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.query_one(DetailView).has_focus)
        shown: dict[int, list[str]] = {}
        for width in (80, 60, 140, 80):
            await resized(pilot, width, 24)

            def fitted() -> bool:
                keys, palette = footer_keys(app)
                return all(whole(app, key, palette) for key in keys if key.display)

            await until(pilot, fitted, f"only whole keys at {width} columns")
            await pilot.pause(0.1)
            keys, palette = footer_keys(app)
            assert fitted()
            shown[width] = [key.description for key in keys if key.display]
            assert shown[width][:2] == ["Help", "Quit"]
        assert "Image" not in shown[80] and "Image" in shown[140]
        assert len(shown[60]) < len(shown[80]) < len(shown[140])


async def test_an_empty_list_offers_no_key_that_acts_on_an_article(reader_corpus: Path) -> None:
    """A filter that matched nothing left Open, Star, Preview and Copy URL in the footer
    (and in the palette), keys that then did nothing; they come back with the rows."""
    article_keys = {"Open", "Star", "Preview", "Copy URL"}
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        shown = lambda: {key.description for key in footer_keys(app)[0]}  # noqa: E731
        assert article_keys <= shown()
        await pilot.press("slash", *"zzqx", "enter")
        articles = app.screen.query_one(ArticleList)
        await until(pilot, lambda: articles.has_focus and articles.count == 0, "no match")
        await until(pilot, lambda: not article_keys & shown(), "the keys gone")
        assert {"Help", "Quit", "Filter"} <= shown()
        for action in ("toggle_star", "toggle_read", "preview", "mark_all_read", "copy_url"):
            assert not app.screen.check_action(action, ())
        await pilot.press("s", "p")
        await pilot.pause()
        assert not notifications(app) and not app.screen.query_one(DetailView).previewing
        await pilot.press("escape")  # the filter cleared: the rows, and their keys, again
        await until(pilot, lambda: articles.count > 0, "the rows")
        await until(pilot, lambda: article_keys <= shown(), "the keys back")


async def test_the_detail_view_s_footer_names_the_way_back(reader_corpus: Path) -> None:
    """At 80 columns the detail view's footer offered page down and the next and
    previous article, but not ``esc``, the one key that leads back to the list."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        await pilot.press("enter")
        detail = app.screen.query_one(DetailView)
        await until(pilot, lambda: detail.has_focus)
        await until(pilot, lambda: "Back" in [k.description for k in footer_keys(app)[0]])
        await pilot.pause(0.1)
        keys, palette = footer_keys(app)
        back = next(key for key in keys if key.description == "Back")
        assert [key.description for key in keys[:3]] == ["Help", "Quit", "Back"]
        assert back.display and whole(app, back, palette) and back.key == "escape"
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.query_one(ArticleList).has_focus, "the list")


async def test_a_dialog_s_footer_offers_the_dialog_s_keys(reader_corpus: Path) -> None:
    """Beneath the help, the palette and a question the reader's footer went on offering
    its keys (open, filter, star), which do nothing there; each dialog has a footer of
    its own now, on the bottom row, with only the keys it answers."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        reader = app.screen
        await pilot.press("slash", *"facial", "enter")  # a filter, for ctrl+s to name
        await until(pilot, lambda: reader.query_one(ArticleList).has_focus, "the list")
        dialogs = {
            "question_mark": ["Close"],
            "ctrl+p": ["Exit the command palette"],
            "A": ["Yes", "No"],
            "ctrl+s": ["Cancel"],
        }
        for key, offered in dialogs.items():
            await pilot.press(key)
            await until(pilot, lambda: app.screen is not reader, f"the dialog of {key}")
            footer = app.screen.query_one(DialogFooter)

            def shown(footer: DialogFooter = footer) -> list[str]:
                return [k.description for k in footer.query("FooterKey") if k.display]

            await until(pilot, lambda o=offered: shown() == o, f"the keys of the dialog of {key}")
            assert footer.region.y == 23 and footer.region.width == 80
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is reader, f"the dialog of {key} closed")


async def test_the_filter_s_footer_names_the_field_s_keys(reader_corpus: Path) -> None:
    """In the filter the footer showed "/ Filter" alone, a key that types a slash there;
    it names the field's keys now: to the list, clear, the earlier filters."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        await pilot.press("slash")
        field = app.screen.query_one("#filter", Input)
        await until(pilot, lambda: field.has_focus, "the field")
        offered = sorted(["To the list", "Clear", "Earlier filter"])

        def shown() -> list[str]:
            keys, palette = footer_keys(app)
            return sorted(k.description for k in keys if k.display and whole(app, k, palette))

        await until(pilot, lambda: shown() == offered, f"the field's keys, not {shown()}")
        await pilot.press(*"a/b", "escape")  # "/" is text here; esc clears the field
        await until(pilot, lambda: app.screen.query_one(ArticleList).has_focus, "the list")
        assert field.value == "" and not field.display
