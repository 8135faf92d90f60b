"""Pilot tests: the reader driven by keys and mouse as a person uses it."""

from __future__ import annotations

import importlib.abc
import sys
import threading
import time
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input

from library.corpus import open_index, open_state
from tests.conftest import REAL_CORPUS, SITE, needs_real_corpus, write_document
from tests.tui.conftest import HOSTILE_TITLE
from tests.tui.pilot import indexed, resized, settled, until
from tui import app as app_module
from tui.app import LedeApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.help import HelpScreen, key_names
from tui.screens.main import DETAIL_DELAY_TYPING
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView
from tui.widgets.topic_tree import TopicTree

HANGZHOU = "Hangzhou may ban mandatory collection"
TWO_SESSIONS = "Law on collection of facial recognition data"


def titles(app: LedeApp) -> list[str]:
    return [row.title for row in app.screen.query_one(ArticleList).results or []]


def status(app: LedeApp) -> str:
    return str(app.screen.query_one("#list-status").render())


def detail_text(app: LedeApp) -> str:
    detail = app.screen.query_one(DetailView)
    return "\n".join(str(widget.render()) for widget in detail.query("Static"))


async def test_the_first_frame_shown_is_the_whole_reader(
    reader_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader is laid out after the app's start-up batch: a frame painted within it is
    thrown away, and the frames shown next were partial (the counts came two frames on)."""
    frames: list[tuple[str, bool, object]] = []
    display = App._display

    def spy(self: App, screen, update) -> None:  # noqa: ANN001 - Textual's own
        frames.append((type(screen).__name__, bool(self._batch_count), update))
        display(self, screen, update)

    monkeypatch.setattr(App, "_display", spy)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        painted = [(name, thrown) for name, thrown, update in frames if update is not None]
        assert ("MainScreen", True) not in painted
        first = next(u for name, thrown, u in frames if name == "MainScreen" and u and not thrown)
        assert getattr(first, "region", None) == app.screen.region  # the whole screen


async def test_opens_newest_first_with_counts(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert titles(app)[0].startswith("TensorFlow 3")
        assert titles(app)[-1].startswith("[bold red]x[/]")
        assert "4 articles · 4 unread" in status(app)
        tree = app.screen.query_one(TopicTree)
        labels = [str(node.label) for node in tree.root.children]
        assert labels[0].startswith("All articles 4")
        assert labels[1].startswith("Unread 4") and labels[2].startswith("Starred 0")


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


async def test_filter_live_and_escape_clears(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"hangz")
        await pilot.pause()
        assert [t[: len(HANGZHOU)] for t in titles(app)] == [HANGZHOU]
        await pilot.press("escape")
        await pilot.pause()
        assert len(titles(app)) == 4
        assert not app.screen.query_one("#filter", Input).display


async def test_a_filter_longer_than_its_field_scrolls_with_the_cursor(
    reader_corpus: Path,
) -> None:
    """The field repaints itself without a layout pass (FilterField): its text must
    still scroll sideways to keep the cursor in view, and back with home."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        text = "facial recognition -police " * 5
        await pilot.press("slash", *["space" if char == " " else char for char in text])
        await pilot.pause()
        field = app.screen.query_one("#filter", Input)
        assert field.value == text
        assert field.scroll_offset.x > 0
        await pilot.press("home")
        await pilot.pause()
        assert field.scroll_offset.x == 0


async def test_the_detail_pane_follows_the_filter_after_a_pause_in_typing(
    reader_corpus: Path,
) -> None:
    """Typing changes the list at once; the article under the cursor is loaded only once
    the typing rests, not between two keys."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert not titles(app)[0].startswith(HANGZHOU)
        assert HANGZHOU not in detail_text(app)
        await pilot.press("slash")
        typed = time.monotonic()
        app.screen.query_one("#filter", Input).value = "hangz"  # typed at once
        assert [t[: len(HANGZHOU)] for t in titles(app)] == [HANGZHOU]
        await until(pilot, lambda: HANGZHOU in detail_text(app))
        # A lower bound, so a slow machine cannot break it: only later, never sooner.
        assert time.monotonic() - typed >= DETAIL_DELAY_TYPING


class HeldParserImport(importlib.abc.MetaPathFinder):
    """Finds nothing itself: holds the parser's import until released, and notes which
    thread imported it."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.released = threading.Event()

    def find_spec(self, fullname: str, path: object, target: object = None) -> None:
        if fullname == "library.loader":
            self.threads.append(threading.current_thread())
            self.released.wait(10)


async def test_the_parser_is_imported_in_the_background_while_keys_are_answered(
    reader_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first article shown needs the parser, ~0.25 s to import: imported then, on the UI
    thread, it froze the reader just after it appeared. A background thread imports it
    once the reader is up; the article under the cursor is shown when it is in, and its
    modules are left out of later garbage collections as start-up's are (a full pass
    over them took ~55 ms, wherever it landed)."""
    state = open_state()
    open_index([str(reader_corpus)], state).refresh()  # a warm start parses nothing
    state.close()
    held = HeldParserImport()
    monkeypatch.setattr(sys, "meta_path", [held, *sys.meta_path])
    monkeypatch.delitem(sys.modules, "library.loader")  # as in a reader just started
    monkeypatch.setattr(LedeApp, "index_corpus", lambda self: None)  # nothing else freezes
    frozen: list[bool] = []  # at each freeze: was the parser in?
    monkeypatch.setattr(
        app_module,
        "keep_out_of_collections",
        lambda: frozen.append("library.loader" in sys.modules),
    )
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: bool(held.threads))  # the reader is up and importing
        await pilot.press("j")
        await until(pilot, lambda: app.screen.query_one(ArticleList).cursor == 1)
        assert held.threads and held.threads[0] is not threading.main_thread()
        second = titles(app)[1]
        assert second not in detail_text(app)
        held.released.set()
        await until(pilot, lambda: second in detail_text(app) and bool(frozen))
        assert frozen[-1] is True and len(held.threads) == 1


async def test_rows_on_screen_are_not_painted_again_when_the_list_changes_around_them(
    reader_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filter that drops the first article moves the others up: only the row that becomes
    the cursor's is painted anew; a new theme paints every row again, in its colours."""
    painted: list[str] = []
    paint = ArticleList._paint

    def spy(self: ArticleList, row, *rest):  # noqa: ANN001, ANN002, ANN202 - the list's own
        painted.append(row.title)
        return paint(self, row, *rest)

    monkeypatch.setattr(ArticleList, "_paint", spy)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        before = titles(app)
        await pilot.press("slash", *"-compile")
        await pilot.pause()
        assert titles(app) == before
        painted.clear()
        await pilot.press("r")
        await pilot.pause()
        assert titles(app) == before[1:]
        assert painted == [before[1]]
        painted.clear()
        articles = app.screen.query_one(ArticleList)
        old_look = [list(articles.render_line(y)) for y in range(2)]  # the cursor's, another
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        assert sorted(painted) == sorted(before[1:])
        new_look = [list(articles.render_line(y)) for y in range(2)]
        assert [[s.text for s in line] for line in new_look] == [
            [s.text for s in line] for line in old_look
        ]
        for new, old in zip(new_look, old_look, strict=True):
            assert all(a.style != b.style for a, b in zip(new, old, strict=True))


async def test_typing_on_to_the_same_articles_repaints_nothing(reader_corpus: Path) -> None:
    """Typing "hangz" on to "hangzhou" finds the same article: the list keeps its results object
    (and so its rows and cursor) instead of painting them again."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("slash", *"hangz")
        await pilot.pause()
        shown = articles.results
        await pilot.press(*"hou", "space")
        await pilot.pause()
        assert articles.results is shown
        assert "filter: hangzhou " in status(app)
        await pilot.press("backspace", *"ban")
        await pilot.pause()
        assert articles.results is not shown and titles(app) == []
        assert "No articles match" in str(articles.render_line(0).text)


async def test_broken_documents_are_named_once_indexing_ends(tmp_path: Path) -> None:
    """The reader opens on what loads and names the first broken file (path and line),
    pointing at lede check for the rest."""
    write_document(tmp_path, "good.md", 'title: "A good story"\npublishedDateTime: 2024-01-01')
    (tmp_path / "a-broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n")
    (tmp_path / "b-list.md").write_text("---\n- not\n- a mapping\n---\n")
    app = LedeApp([str(tmp_path)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert titles(app) == ["A good story"]
        messages = [str(notification.message) for notification in app._notifications]
        [message] = [m for m in messages if "a-broken.md" in m]
        assert f"{tmp_path / 'a-broken.md'}:3: error: invalid YAML" in message
        assert message.endswith("(and 1 more; run lede check)"), message


async def test_malformed_filter_is_a_message_not_a_crash(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"hangzhou")
        await pilot.pause()
        assert len(titles(app)) == 1
        await pilot.press("space", *"after:")
        await pilot.pause()
        shown = titles(app)
        await pilot.press(*"2020")
        await pilot.pause()
        assert "after: expects a date as YYYY-MM-DD, not '2020'" in status(app)
        assert app.screen.query_one("#filter", Input).has_class("-invalid")
        assert titles(app) == shown  # an invalid query leaves the list as it was
        await pilot.press(*"-01-01")
        await pilot.pause()
        assert not app.screen.query_one("#filter", Input).has_class("-invalid")
        assert len(titles(app)) == 1


async def test_a_number_too_large_for_sqlite_is_a_message_not_a_crash(
    reader_corpus: Path,
) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        field = app.screen.query_one("#filter", Input)
        await pilot.press("slash", *"quality>999999999999999999")  # 18 digits: a bound
        await pilot.pause()
        assert titles(app) == [] and not field.has_class("-invalid")
        await pilot.press("9")
        await pilot.pause()
        assert "quality> expects a number of at most 18 digits" in status(app)
        assert field.has_class("-invalid")
        await pilot.press("backspace")
        await pilot.pause()
        assert not field.has_class("-invalid") and app.is_running


async def test_typing_a_valid_filter_leaves_the_field_s_classes_alone(
    reader_corpus: Path,
) -> None:
    """A class change restyles the field (Input's own validation added one on the first
    keystroke, 6 ms of it); only a query that cannot run marks the field."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash")
        field = app.screen.query_one("#filter", Input)
        before = set(field.classes)
        await pilot.press(*"hangzhou", "enter")
        await pilot.pause()
        assert set(field.classes) == before


async def test_enter_opens_marks_read_and_state_survives(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"hangzhou", "enter", "enter")
        await settled(pilot)
        assert app.screen.query_one(DetailView).has_focus
        assert "Global Times (globaltimes.cn)" in detail_text(app)
        assert "China’s first" in detail_text(app)
    state = open_state()
    index = open_index([str(reader_corpus)], state)
    read = [row.title for row in index.search("is:read")]
    assert len(read) == 1 and read[0].startswith(HANGZHOU)
    assert len(index.search("is:unread")) == 3


async def test_m_s_and_undo(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        first = articles.current
        tree = app.screen.query_one(TopicTree)
        await pilot.press("m")  # written on a thread of its own: waited for
        await until(pilot, lambda: first.identity in articles.read)
        await pilot.press("s")
        await until(pilot, lambda: first.identity in articles.starred)
        await until(pilot, lambda: "Starred 1" in str(tree.root.children[2].label))
        await pilot.press("u")
        await until(pilot, lambda: first.identity not in articles.starred)
        await pilot.press("u")
        await until(pilot, lambda: first.identity not in articles.read)
        assert app.session.state.flagged("read") == set()


async def test_mark_all_read_confirms_and_undoes(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
        assert app.session.state.flagged("read") == set()
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await until(pilot, lambda: "0 unread" in status(app))
        assert len(app.session.state.flagged("read")) == 4
        await pilot.press("u")
        await until(pilot, lambda: app.session.state.flagged("read") == set())


async def test_next_unread_and_article_stepping(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("j", "m", "k")  # second article read, back to the first
        await pilot.press("n")
        assert articles.cursor == 2
        await pilot.press("N")
        assert articles.cursor == 0
        await pilot.press("enter")
        await settled(pilot)
        detail = app.screen.query_one(DetailView)
        await pilot.press("J")
        await until(pilot, lambda: detail.article.title.startswith(TWO_SESSIONS))
        assert articles.cursor == 1
        await pilot.press("K")
        await until(pilot, lambda: detail.article.title == titles(app)[0])
        assert articles.cursor == 0
        await pilot.press("G")
        await settled(pilot)  # G in the detail view scrolls; the list keeps its cursor
        assert articles.cursor == 0


async def test_related_article_in_corpus_opens_in_place(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("enter")  # TensorFlow article, whose first related is in the corpus
        await settled(pilot)
        related = app.screen.query_one("#related")
        related.focus()
        await pilot.press("enter")
        detail = app.screen.query_one(DetailView)
        await until(pilot, lambda: detail.article.title.startswith(TWO_SESSIONS))
        assert app.screen.query_one(ArticleList).current.title.startswith(TWO_SESSIONS)


async def test_copy_and_open_without_browser(reader_corpus: Path, monkeypatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("y")
        assert app.clipboard == "https://example.test/tensorflow-3"
        app.copy_to_clipboard("")
        await pilot.press("o")
        assert app.clipboard == "https://example.test/tensorflow-3"
        messages = [n.message for n in app._notifications]
        assert any(
            m.endswith(": copied https://example.test/tensorflow-3 instead") for m in messages
        )


async def test_untrusted_text_is_shown_literally(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("G", "enter")
        await settled(pilot)
        assert app.is_running  # the [@click=app.quit] title did nothing
        text = detail_text(app)
        assert HOSTILE_TITLE in text
        assert "[b]Evil[/b] Corp" in text
        assert "[link=https://evil.test]markup[/link]" in text
        assert "\x1b" not in text and "\x07" not in text
        row = app.screen.query_one(ArticleList).current
        assert row.title == HOSTILE_TITLE
        screen = app.export_screenshot()
        assert "[@click=app.quit]boom[/]" in screen.replace("&#160;", " ")


async def test_help_lists_every_binding(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 60)) as pilot:
        await indexed(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        for _title, bindings in app.binding_sections():
            for binding in bindings:
                assert binding.description in text
                for key in key_names(binding):
                    assert key in text
        for required in ("/", "?", "esc", "space", "J", "K", "n", "N", "A", "u", "p", "o", "y"):
            assert f" {required}" in text or f"{required}," in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_mouse_click_moves_and_double_click_opens(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.click(ArticleList, offset=(20, 2))
        assert articles.cursor == 2
        await pilot.click(ArticleList, offset=(20, 2), times=2)
        await until(pilot, lambda: articles.current.identity in articles.read)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_layout_adapts(reader_corpus: Path, size: tuple[int, int]) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=size) as pilot:
        await indexed(pilot)
        narrow = size[0] < 110
        assert app.screen.has_class("-narrow") == narrow
        tree = app.screen.query_one(TopicTree)
        assert (tree.region.width > 0) != narrow
        if narrow:
            await pilot.press("t")
            await pilot.pause()
            assert tree.region.width > 0 and tree.has_focus
        await pilot.press("tab")
        await pilot.press("slash", *"tensor", "enter")
        await pilot.pause()
        assert len(titles(app)) == 1


async def test_no_color_cursor_still_visible(reader_corpus: Path, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(100, 30)) as pilot:
        await indexed(pilot)
        assert app.no_color
        articles = app.screen.query_one(ArticleList)
        assert articles.get_component_rich_style("article-list--cursor").reverse


async def test_sort_cycles(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("S")
        assert titles(app)[0].startswith("TensorFlow")  # quality 80 is highest
        assert "sort: quality" in status(app)
        await pilot.press("S")
        assert titles(app) == sorted(titles(app), key=str.lower)
        assert titles(app)[1].startswith("Hangzhou")
        assert "sort: title" in status(app)


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
        await until(pilot, lambda: "Faces 2 · 2 new" in tree_labels(app))
        await pilot.press("escape")  # clear the filter: the saved node scopes on its own
        tree = app.screen.query_one(TopicTree)
        node = next(n for n in tree._tree_nodes.values() if str(n.label).startswith("Faces"))
        tree.focus()
        tree.move_cursor(node)
        await until(pilot, lambda: len(titles(app)) == 2)
        shown = titles(app)
        assert shown[0].startswith(TWO_SESSIONS) and shown[1].startswith(HANGZHOU)
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        await pilot.press("m")
        await until(pilot, lambda: "Faces 2 · 1 new" in tree_labels(app))  # the count is live
    assert open_state().saved_queries() == [("Faces", "facial*")]
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)
        node = next(n for n in tree._tree_nodes.values() if str(n.label).startswith("Faces"))
        tree.focus()
        tree.move_cursor(node)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await until(pilot, lambda: not any(lab.startswith("Faces") for lab in tree_labels(app)))
    assert open_state().saved_queries() == []


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
        await until(pilot, lambda: "Hang 1 · 1 new" in tree_labels(app), "the saved search")
        await pilot.press("escape")
        tree = app.screen.query_one(TopicTree)
        node = next(n for n in tree._tree_nodes.values() if str(n.label).startswith("Hang "))
        tree.focus()
        tree.move_cursor(node)
        await settled(pilot)
        assert titles(app) == shown
    assert open_state().saved_queries() == [("Hang", "hang*")]


@pytest.mark.parametrize(
    ("settings", "theme", "warning"),
    [
        ('theme = "textual-light"\n', "textual-light", None),
        ('theme = "no-such-theme"\n', None, "No theme 'no-such-theme'"),
        ("theme = [\n", None, "config.toml: "),
        pytest.param(
            "theme = " + "[" * 100_000, None, "config.toml: nested too deeply", id="nested"
        ),
    ],
)
async def test_the_settings_choose_the_theme_and_their_mistakes_are_shown(
    reader_corpus: Path,
    isolated_dirs: dict[str, Path],
    settings: str,
    theme: str | None,
    warning: str | None,
) -> None:
    config = isolated_dirs["XDG_CONFIG_HOME"] / "lede" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(settings, encoding="utf-8")
    app = LedeApp([str(reader_corpus)])
    default_theme = App().theme
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert app.theme == (theme or default_theme)
        messages = [str(notification.message) for notification in app._notifications]
        if warning is None:
            assert messages == []
        else:
            assert any(warning in message for message in messages), messages
        assert "4 articles" in status(app)  # the reader opened all the same


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_a_long_list_fits_beside_its_scrollbar(tmp_path: Path, size: tuple[int, int]) -> None:
    """With more articles than rows a scrollbar appears: rows must shrink to make room
    (the quality column stays visible), never scroll sideways under it."""
    for number in range(60):
        write_document(
            tmp_path,
            f"story-{number:02}.md",
            f"""
            title: "A long title that will not fit in the list pane at all, number {number}"
            publishedDateTime: 2024-01-{number % 28 + 1:02}T08:00:00Z
            quality: 100
            provider:
              name: Example Wire
            """,
        )
    app = LedeApp([str(tmp_path)])
    async with app.run_test(size=size) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        assert articles.show_vertical_scrollbar and not articles.show_horizontal_scrollbar
        width = articles.scrollable_content_region.width
        for y in range(articles.size.height):
            line = articles.render_line(y)
            assert line.cell_length == width
            assert line.text.endswith("100"), line.text


async def test_the_scrollbar_follows_the_filter_without_a_screen_layout(tmp_path: Path) -> None:
    """A new row count moves the list's scrollbar; it disappears when the rows fit and
    comes back with them, and the rows take the width it leaves."""
    for number in range(60):
        word = "rare" if number < 3 else "common"
        write_document(
            tmp_path,
            f"story-{number:02}.md",
            f"""
            title: "A {word} story, number {number}"
            publishedDateTime: 2024-01-{number % 28 + 1:02}T08:00:00Z
            """,
        )
    app = LedeApp([str(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        full = articles.row_width
        assert articles.show_vertical_scrollbar
        assert articles.vertical_scrollbar.window_virtual_size == 60
        await pilot.press("slash", *"comm")
        await pilot.pause()
        assert articles.vertical_scrollbar.window_virtual_size == 57
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"rare")
        await pilot.pause()
        assert not articles.show_vertical_scrollbar
        assert articles.row_width == full + 1
        assert articles.render_line(0).cell_length == articles.row_width
        await pilot.press("escape")
        await pilot.pause()
        assert articles.show_vertical_scrollbar and articles.row_width == full
        await pilot.press("G")
        await pilot.pause()
        assert articles.cursor == 59
        assert articles.scroll_offset.y == 60 - articles.size.height


def walk(node):  # noqa: ANN001, ANN201 - a tree node and its descendants
    yield node
    for child in node.children:
        yield from walk(child)


@pytest.mark.parametrize(
    ("corpus", "longest"),
    [
        # Counted in the default stream, the news, as the topic's node lists it.
        pytest.param(REAL_CORPUS, "Natural Language Processing 8 · 8 new", marks=needs_real_corpus),
        (SITE, "Natural Language Processing 2 · 2 new"),
    ],
    ids=["real", "site"],
)
async def test_the_tree_is_wide_enough_for_every_topic_and_its_counts(
    corpus: Path, longest: str
) -> None:
    """A taxonomy's longest name with its counts is read whole: the tree never hides
    counts behind sideways scrolling."""
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)
        labels = [str(node.label) for node in walk(tree.root)]
        assert longest in labels
        assert not tree.show_horizontal_scrollbar
        assert tree.size.width < 160 // 3  # and it leaves the room to the list and the detail
        await resized(pilot, 80, 24)
        await pilot.press("t")
        await until(pilot, lambda: tree.region.width == 80, "the tree across")  # narrow: all
