"""The reader opens whole: its first frame, newest first with counts, the parser imported
behind it, broken documents named, the settings' theme and their mistakes shown."""

from __future__ import annotations

import importlib.abc
import sys
import threading
from pathlib import Path

import pytest
from textual.app import App
from textual.command import CommandPalette
from textual.widgets import OptionList

from library import kept_theme
from library.corpus import open_index, open_state, state_file
from library.state import StateStore
from tests.conftest import write_document
from tests.library.test_scan import refuse_folder
from tests.tui.pilot import detail_text, indexed, notifications, status, titles, until
from tui import app as app_module
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList
from tui.widgets.topic_tree import TopicTree


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
        # Start-up's own freeze came before the parser; the one after its import has it.
        await until(pilot, lambda: second in detail_text(app) and True in frozen)
        assert frozen[-1] is True and len(held.threads) == 1


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


async def test_a_folder_that_cannot_be_read_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its articles left the list without a word (``lede check`` named it). Reading a
    folder is refused to root only by dropped capabilities: refused here as to anyone."""
    write_document(tmp_path / "open", "good.md", 'title: "A good story"')
    write_document(tmp_path / "locked", "kept-out.md", 'title: "Kept out"')
    refuse_folder(monkeypatch, "locked")
    app = LedeApp([str(tmp_path)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert titles(app) == ["A good story"]
        said = f"{tmp_path / 'locked'}: cannot read the folder: permission denied"
        await until(pilot, lambda: any(said in m for m in notifications(app)), "the message")


@pytest.mark.parametrize(
    ("settings", "theme", "warning"),
    [
        ('theme = "textual-light"\n', "textual-light", None),
        ('theme = "no-such-theme"\n', None, "No theme 'no-such-theme'"),
        pytest.param(  # the escape sequence reached the terminal, and set its title
            'theme = "a\\u001b]2;pwned\\u0007b"\n', None, "No theme 'ab'", id="escape"
        ),
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


async def test_an_article_names_the_files_listed_as_it(tmp_path: Path) -> None:
    """A second file of the same original URL (a copy given another title) is listed as
    one article, which ``lede check`` says; the reader said nothing of it."""
    front = 'originalUrl: "https://example.test/one"\npublishedDateTime: 2024-01-01T10:00:00Z'
    write_document(tmp_path / "c", "a.md", f'title: "The story"\n{front}')
    copy = write_document(tmp_path / "c", "b.md", f'title: "The story, retitled"\n{front}')
    write_document(tmp_path / "c", "z.md", 'title: "Another"\ntype: article')
    app = LedeApp([str(tmp_path / "c")])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert titles(app) == ["The story", "Another"]
        line = app.screen.query_one("#detail-status")
        said = f"ⓘ Also in {copy}: the same original URL, listed once"
        await until(pilot, lambda: line.display and str(line.render()) == said, "the copy named")
        await pilot.press("j")  # an article of one file: nothing to say
        await until(pilot, lambda: "Another" in detail_text(app), "the next article")
        assert not line.display


async def test_a_theme_chosen_in_the_palette_is_kept_for_the_next_start(
    reader_corpus: Path, isolated_dirs: dict[str, Path]
) -> None:
    """A theme chosen in the command palette lasted one session: the next start was in
    the settings' theme again. The settings still have the last word once changed."""
    config = isolated_dirs["XDG_CONFIG_HOME"] / "lede" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('theme = "textual-light"\n', encoding="utf-8")
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("ctrl+p")
        await chosen_in_palette(app, pilot, "theme", "Theme")
        await chosen_in_palette(app, pilot, "nord", "nord")
        await until(pilot, lambda: app.theme == "nord", "the theme chosen")
        state = StateStore(state_file())
        try:
            await until(pilot, lambda: kept_theme.chosen(state.db, "textual-light") == "nord")
        finally:
            state.close()
    for expected in ("nord", "nord"):  # kept, not only once
        app = LedeApp([str(reader_corpus)])
        async with app.run_test(size=(160, 45)) as pilot:
            await indexed(pilot)
            assert app.theme == expected
    config.write_text('theme = "gruvbox"\n', encoding="utf-8")
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert app.theme == "gruvbox"


async def chosen_in_palette(app: LedeApp, pilot, typed: str, first: str) -> None:  # noqa: ANN001
    """Type ``typed`` in the palette open, and choose what comes first, ``first``."""
    await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
    await pilot.press(*typed)
    options = app.screen.query_one(OptionList)

    def offered_first() -> bool:
        return options.option_count > 0 and str(options.get_option_at_index(0).prompt).startswith(
            first
        )

    await until(pilot, offered_first, first)
    await pilot.press("enter")
