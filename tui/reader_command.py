"""``lede`` with no subcommand: the full-screen reader on a terminal, or served to a
browser. Textual is imported as it starts, so the subcommands never load it."""

from __future__ import annotations

import argparse
import codecs
import io
import os
import sys
from typing import TextIO

from tui.cli_args import SUBCOMMANDS
from tui.cli_corpus import UsageError, existing_defaults, not_there
from tui.usage import unknown_word_hint


def run_reader(args: argparse.Namespace) -> int:
    """Open the full-screen reader (or serve it to a browser)."""
    for path in args.paths:
        if reason := not_there(path):
            # `lede stat`: a first word that is no path is more likely a mistyped command.
            hint = unknown_word_hint(path, SUBCOMMANDS) if path == args.paths[0] else ""
            raise UsageError(f"{reason}{hint}")
    if args.serve:
        from tui.serve import serve

        return serve(args.paths, host=args.host or "localhost", port=args.port or 8000)
    if args.port is not None or args.host is not None:  # the reader opened, port unheard
        raise UsageError("--port and --host go with --serve: lede --serve --port N")
    if not args.paths:  # as a PATH given is: the reader opened on nothing, saying why
        from library.settings import load_settings  # (its warnings are the reader's to say)

        existing_defaults(load_settings())
    from tui.drawn_on import drawn_on_the_terminal

    with drawn_on_the_terminal():  # ``lede 2>lede.log`` draws on stdout's terminal
        return _run_on_terminal(args)


def _run_on_terminal(args: argparse.Namespace) -> int:
    terminal = _is_terminal(sys.__stdin__) and _is_terminal(sys.__stderr__)
    if not (terminal or _on_another_driver()):
        # Textual's terminal driver reads keys from stdin and draws on stderr: at the end
        # of a pipe it never ends, and spins on the end of its input.
        raise UsageError(
            "the reader needs a terminal to read keys from and draw on "
            "(over ssh: ssh -t); lede list prints the articles"
        )
    if terminal and os.environ.get("TERM") == "dumb" and not _on_another_driver():
        # A terminal that says it can move no cursor (Emacs's shell, an editor's pane):
        # the reader drew there in full colour, sequences it cannot show.
        raise UsageError(
            "the reader needs a terminal that can move its cursor, and TERM=dumb says "
            "this one cannot (in a terminal that can: TERM=xterm-256color lede); "
            "lede list prints the articles"
        )
    from tui.allocator import share_arenas
    from tui.collector import pause_collection

    share_arenas()  # before the first thread
    pause_collection()  # until the reader has painted
    from tui.app import LedeApp
    from tui.lifeline import Lifeline

    _draw_in_utf8()
    if terminal and not _on_another_driver():
        _sized_by_the_terminal()
    app = LedeApp(args.paths)
    with Lifeline(app):  # a hangup or SIGTERM at any moment ends it, and all it started
        app.run()
    return app.return_code or 0


def _sized_by_the_terminal() -> None:
    """``COLUMNS`` and ``LINES`` exported (a shell's start-up file, a test runner's) are
    let go of: Textual and Rich take them before the terminal's own size, so the screen
    was drawn at theirs whatever the terminal's, never resized, and large ones filled
    the memory. What the reader starts (a browser, git) asks its terminal too."""
    for name in ("COLUMNS", "LINES"):
        os.environ.pop(name, None)


def _draw_in_utf8() -> None:
    """The screen is drawn in UTF-8 whatever the locale's character set. Textual draws on
    stderr, which Python encodes in the locale's: under LANG=en_US.ISO-8859-1 (or
    PYTHONIOENCODING=ascii) every frame, box, bar and title in another script reached the
    terminal as ``\\u2588`` and ``\\u4e2d``, several cells each, and nothing lined up. Textual
    reads the keys as UTF-8 already; a terminal that can draw the reader's screen is one."""
    stream = sys.__stderr__
    if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
        stream.reconfigure(encoding="utf-8", errors="replace")


def _is_terminal(stream: TextIO | None) -> bool:
    return stream is not None and stream.isatty()


def _on_another_driver() -> bool:
    """Whether Textual was told to draw elsewhere than a terminal (``--serve`` runs each
    browser's reader so, through pipes)."""
    return "TEXTUAL_DRIVER" in os.environ
