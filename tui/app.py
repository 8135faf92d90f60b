"""The lede application: opens the corpus, indexes it in the background, hosts the reader."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import termios
import time
from collections.abc import Iterable
from functools import cached_property, partial
from importlib import import_module

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import get_current_worker

from library import paths as lede_paths
from library.corpus import default_paths
from library.session import ReaderSession
from library.settings import load_settings
from models.problem import Problem
from tui.clipboard import osc52, screen_passthrough
from tui.collector import keep_out_of_collections
from tui.commands import binding_commands
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView
from tui.widgets.topic_tree import TopicTree


class LedeApp(App[None]):
    """A keyboard-driven reader for a corpus of news articles."""

    TITLE = "lede"
    CSS_PATH = "lede.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("r", "reload", "Reload", show=False, id="reload"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="palette"),
    ]

    def __init__(self, paths: list[str] | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.corpus: ReaderSession | None = None
        self.parser_ready = False  # articles are shown once the parser is imported

    @cached_property
    def preview_cache(self):  # noqa: ANN201 - the preview package is imported lazily
        """Previews on disk, created on first use so start-up never imports the fetcher."""
        from preview import PreviewCache

        return PreviewCache(lede_paths.cache_dir() / "previews")

    def on_mount(self) -> None:
        settings = load_settings()
        for problem in settings.problems:
            self.notify(problem, severity="warning", timeout=10, markup=False)
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        elif settings.theme:
            names = ", ".join(sorted(self.available_themes))
            self.notify(
                f"No theme '{settings.theme}' (the settings name it); there are {names}",
                severity="warning",
                timeout=10,
                markup=False,
            )
        self.corpus = ReaderSession(self.paths or default_paths(settings))
        # Opened once the app's start-up batch is over: a screen laid out within it was
        # painted and thrown away, and the first frames shown were partial ones (the list
        # and its counts reached the terminal two frames later, ~0.2 s at 50,000 articles).
        self.call_later(self._open_reader)
        self.watch_terminal()

    def _open_reader(self) -> None:
        self.push_screen(MainScreen())
        # Start scanning for changes only once the list is on screen.
        self.call_after_refresh(self.index_corpus)
        self.call_after_refresh(keep_out_of_collections)
        self.call_after_refresh(self.preload)

    @work(thread=True, group="preload", exit_on_error=False)
    def preload(self) -> None:
        """Import what the reader needs soon but not for its first frame: the parser for
        the first article shown (~0.25 s), then numpy for the first filter keystroke
        (~0.1 s). Imported on the UI thread, these froze the reader for 0.3-0.45 s just
        after it appeared; from here they share the interpreter, and keys are answered."""
        # Told through the app's queue (thread-safe), which drops them once the app closes.
        import_module("library.loader")
        self.call_later(self._parser_imported)
        import_module("numpy")
        self.call_later(keep_out_of_collections)  # their modules too, as start-up's

    def _parser_imported(self) -> None:
        self.parser_ready = True
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.show_waiting_detail()

    def watch_terminal(self) -> None:
        """Leave when the terminal goes away (a dropped SSH connection, a closed window).

        SIGHUP usually says so; when it does not, the input thread would spin on
        end-of-file, so a once-a-second check of the terminal catches that too.
        """
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.exit)
        stdin = sys.__stdin__
        if stdin is not None and stdin.isatty():
            self.set_interval(1.0, partial(self._check_terminal, stdin.fileno()))

    def _check_terminal(self, fd: int) -> None:
        try:
            termios.tcgetattr(fd)
        except (termios.error, OSError):
            self.exit()

    def on_unmount(self) -> None:
        if self.corpus is not None:
            self.corpus.close()

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def index_corpus(self) -> None:
        """Bring the index up to date; the reader stays usable and fills in as it goes."""
        assert self.corpus is not None
        worker = get_current_worker()
        last = [time.monotonic()]

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise InterruptedError
            # Refilling the list and counts costs; once a second keeps the UI responsive.
            if time.monotonic() - last[0] >= 1.0 and done < total:
                last[0] = time.monotonic()
                self.call_from_thread(self._indexed, done, total)

        try:
            report = self.corpus.refresh(progress)
            errors = self.corpus.index.errors()
        except InterruptedError:
            return
        except Exception as error:  # noqa: BLE001 - shown to the user, never a traceback
            self.call_from_thread(
                self.notify, f"Indexing failed: {error}", severity="error", markup=False
            )
            return
        self.call_from_thread(self._index_done, report.parsed, report.removed, errors)

    def _indexed(self, done: int, total: int) -> None:
        if isinstance(self.screen, MainScreen):
            self.sub_title = f"indexing {done}/{total}" if total else f"indexing {done}…"
            self.screen.reload()

    def _index_done(self, parsed: int, removed: int, problems: list[Problem]) -> None:
        keep_out_of_collections()
        self.sub_title = ""
        if isinstance(self.screen, MainScreen) and (parsed or removed):
            self.screen.reload()
        if problems:
            first = problems[0]
            more = f" (and {len(problems) - 1} more; run lede check)" if len(problems) > 1 else ""
            self.notify(
                f"{first}{more}",
                title="Some documents could not be read",
                severity="warning",
                markup=False,
                timeout=8,
            )

    def action_reload(self) -> None:
        """Re-scan the corpus for changed files (or refetch the preview being shown)."""
        screen = self.screen
        if isinstance(screen, MainScreen) and screen.query_one("#detail", DetailView).previewing:
            article = screen.query_one("#detail", DetailView).article
            if article is not None:
                screen.fetch_preview(article, refresh=True)
            return
        self.notify("Reloading…", timeout=1.5)
        self.index_corpus()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.binding_sections()))

    def binding_sections(self) -> list[tuple[str, list[Binding]]]:
        """Every binding of the reader, grouped by where it applies."""

        def of(cls: type) -> list[Binding]:
            return [b for b in cls.BINDINGS if isinstance(b, Binding)]

        return [
            ("Everywhere", of(LedeApp) + of(MainScreen)),
            ("Article list", of(ArticleList)),
            ("Detail view", of(DetailView)),
            ("Topic tree", of(TopicTree)),
        ]

    def copy_to_clipboard(self, text: str) -> None:
        """Copy with OSC 52 (Textual's), wrapped again for GNU screen when inside it."""
        super().copy_to_clipboard(text)
        wrapped = screen_passthrough(osc52(text), os.environ)
        if wrapped and self._driver is not None:
            self._driver.write(wrapped)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands but the two that ``q`` and ``?`` do, then the reader's keys."""
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit", "Keys"):
                yield command
        yield from binding_commands(screen)
