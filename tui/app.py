"""The lede application: opens the corpus, hosts the reader, and keeps it going on a terminal."""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import Future
from importlib import import_module
from typing import Any

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from library import kept_theme
from library.corpus import default_paths
from library.damage import REBUILT, StateDamaged
from library.db import CannotOpen
from library.session import ReaderSession
from library.settings import load_settings
from library.state_writes import NotSaved
from library.writer import name_holder
from models.text import strip_controls
from tui.clipboard import osc52, screen_passthrough
from tui.collector import keep_out_of_collections
from tui.commands import binding_commands
from tui.failure import one_line
from tui.indexing import BackgroundIndexing
from tui.live import CorpusFollower
from tui.palette import Palette
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.textual_internals import filter_terminal_input, write_to_terminal
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView
from tui.widgets.filter_field import FilterField
from tui.widgets.topic_tree import TopicTree


class LedeApp(BackgroundIndexing):
    """A keyboard-driven reader for a corpus of news articles."""

    TITLE = "lede"
    CSS_PATH = "lede.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("r", "reload", "Reload", show=False, id="app.reload"),
        Binding("R", "sync", "Sync (git pull)", show=False, id="app.sync"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
        # The terminal's own Ctrl-Z reaches the reader as a key (its raw mode turns the
        # signal off): a shell's job control gets it back, as it does from any program.
        Binding("ctrl+z", "suspend_process", "Suspend", show=False, id="app.suspend"),
    ]

    def __init__(self, paths: list[str] | None = None) -> None:
        super().__init__()
        name_holder("the lede reader")  # to a lede that waits for this one's refresh
        self.paths = paths
        self.session: ReaderSession | None = None
        self.follower: CorpusFollower | None = None
        self._theme_kept = ""  # the theme applied at start, or chosen since and kept

    def on_mount(self) -> None:
        settings = load_settings()
        for problem in settings.problems:
            self.notify(problem, severity="warning", timeout=10, markup=False)
        try:
            self.session = ReaderSession(self.paths or default_paths(settings), settings)
        except (OSError, CannotOpen, StateDamaged) as error:  # unwritable folder, damaged state
            self._end_with(one_line(error))
            return
        self._apply_theme(settings.theme)
        if self.session.index.rebuilt:
            self.notify(REBUILT, severity="warning", timeout=8)
        if self.session.state_rescued:
            self.notify(self.session.state_rescued, severity="warning", timeout=12, markup=False)
        if self.session.visit.not_read:
            self.notify(self.session.visit.not_read, severity="warning", timeout=8, markup=False)
        self.session.visit.recorded.add_done_callback(self._say_if_not_saved)
        self.session.on_damage = self._rebuild_damaged
        # Opened once the app's start-up batch is over: a screen laid out within it was
        # painted and thrown away, and the first frames shown were partial ones (the list
        # and its counts reached the terminal frames later).
        self.call_later(self._open_reader)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A note, without the escape sequences and control characters of what it quotes
        (a folder's name, a setting, a server's words): a corpus folder named with one
        set the terminal's title when ``R`` named it."""
        message, title = strip_controls(message), strip_controls(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def get_driver_class(self) -> type[Driver]:
        """Textual's terminal driver, made to survive stray input (see ``TerminalDriver``),
        and the driver of either kind reading a paste as text (see ``tui.paste``)."""
        from textual.drivers.linux_driver import LinuxDriver

        from tui.driver import TerminalDriver
        from tui.paste import InertPastes

        driver = super().get_driver_class()
        driver = TerminalDriver if driver is LinuxDriver else driver
        filter_terminal_input(InertPastes, driver)
        return driver

    def action_command_palette(self) -> None:
        """Open the palette (one that survives paging before it is laid out)."""
        if self.use_command_palette and self.screen.id != "--command-palette":
            self.push_screen(Palette(id="--command-palette"))

    def _open_reader(self) -> None:
        assert self.session is not None
        self.push_screen(MainScreen(self.session))
        # Start scanning for changes only once the list is on screen.
        self.call_after_refresh(self.follow_corpus)  # first: the scan waits until it watches
        self.call_after_refresh(self.index_corpus)
        self.call_after_refresh(keep_out_of_collections)
        self.call_after_refresh(self.preload)

    def _apply_theme(self, named: str | None) -> None:
        """The theme chosen last in the palette, else the one the settings name
        (``named``); a theme chosen from now on is kept for the next start."""
        assert self.session is not None
        kept = kept_theme.chosen(self.session.state.db, named)
        if kept in self.available_themes:
            self.theme = kept
        elif named in self.available_themes:
            self.theme = named
        elif named:
            names = ", ".join(sorted(self.available_themes))
            self.notify(
                f"No theme '{named}' (the settings name it); there are {names}",
                severity="warning",
                timeout=10,
                markup=False,
            )
        self._theme_kept = self.theme
        self.theme_changed_signal.subscribe(self, lambda theme: self._keep_theme(theme, named))

    def _keep_theme(self, theme: Theme, named: str | None) -> None:
        """Keep a theme chosen in the palette (told of the one applied at start too)."""
        assert self.session is not None
        if theme.name != self._theme_kept:
            self._theme_kept = theme.name
            self.session.writes.submit(
                lambda store: kept_theme.keep(store.db, theme.name, named)
            ).add_done_callback(self._say_if_not_saved)

    def _say_if_not_saved(self, written: Future[Any]) -> None:
        """Say so if a write of the app's own (this visit, see ``library.visits``; a theme
        chosen) could not be saved; called on the thread of the state's writes, where
        ``notify`` may be."""
        error = written.exception()
        if isinstance(error, NotSaved):
            self.notify(str(error), severity="warning", timeout=8, markup=False)

    @work(thread=True, group="preload", exit_on_error=False)
    def preload(self) -> None:
        """Import what the reader needs soon but not for its first frame: the parser for
        the first article shown, then numpy for the first filter keystroke. Imported on
        the UI thread, these froze the reader just after it appeared; from here they share
        the interpreter, and keys are answered (an article parsed meanwhile waits for the
        import in its own thread)."""
        import_module("library.loader")
        import_module("numpy")
        if self.session is not None:  # then the stories, and the list shows them
            self.session.load_stories()
            self.call_later(self._stories_loaded)
        # Told through the app's queue (thread-safe), which drops it once the app closes.
        self.call_later(keep_out_of_collections)  # their modules too, as start-up's

    def follow_corpus(self) -> None:
        """Watch the corpus for files that change while the reader runs."""
        assert self.session is not None
        self.follower = CorpusFollower(self, self.session)
        self.follower.start()

    def action_sync(self) -> None:
        """Pull the corpus from its git upstream, and index what came."""
        if self.follower is not None:
            self.follower.sync()

    def _stories_loaded(self) -> None:
        if reader := self.reader_screen():
            reader.refresh_list()

    def on_unmount(self) -> None:
        if self.follower is not None:
            self.follower.stop()
        if self.session is not None:
            self.session.close()

    def action_reload(self) -> None:
        """Re-scan the corpus for changed files (or fetch again the preview being shown, or
        the one that failed: its line says r tries again)."""
        screen = self.screen
        if isinstance(screen, MainScreen):
            detail = screen.query_one("#detail", DetailView)
            if detail.previewing or detail.preview_failed:
                detail.fetch_preview(refresh=True)
                return
        self.notify("Reloading…", timeout=1.5)
        self.index_corpus(asked=True)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.binding_sections()))

    def binding_sections(self) -> list[tuple[str, list[Binding]]]:
        """Every binding of the reader, grouped by where it applies."""

        def of(cls: type[DOMNode]) -> list[Binding]:
            return [b for b in cls.BINDINGS if isinstance(b, Binding)]

        return [
            ("Everywhere", of(LedeApp) + MainScreen.keys_at(self.size.width)),
            ("Article list", of(ArticleList)),
            ("Detail view", of(DetailView)),
            ("Topic tree", of(TopicTree)),
            ("Filter", of(FilterField)),
        ]

    def copy_to_clipboard(self, text: str) -> None:
        """Copy with OSC 52 (Textual's), wrapped again for GNU screen when inside it."""
        super().copy_to_clipboard(text)
        wrapped = screen_passthrough(osc52(text), os.environ)
        if wrapped:
            write_to_terminal(self, wrapped)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands but the two that ``q`` and ``?`` do, then the reader's keys."""
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit", "Keys"):
                yield command
        yield from binding_commands(screen)

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """The palette's "Screenshot": in a terminal, saved to the Downloads folder where
        there is one, else to the folder lede was started in, and the message says where
        or why not. Textual saved to ``~/Downloads`` alone, and where it does not exist (a
        server reached over SSH) said only "Failed to save screenshot". In a browser
        (``--serve``) the browser is handed it, as Textual does."""
        if self.is_web:
            return super().deliver_screenshot(filename, path, time_format)
        from platformdirs import user_downloads_path

        folder = path or str(user_downloads_path())
        folder = folder if os.path.isdir(folder) else os.getcwd()
        try:
            saved = self.save_screenshot(filename, folder, time_format)
        except OSError as error:
            self.notify(
                f"The screenshot was not saved: {one_line(error)}", severity="error", markup=False
            )
            return None
        self.notify(f"Screenshot saved to {saved}", markup=False)
        return None
