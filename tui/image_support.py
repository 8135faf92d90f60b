"""Which way this terminal can draw pictures, and the ``textual-image`` widget that does it.

``textual-image`` finds out what a terminal can draw by asking it, when first imported:
it writes a query to stdout and reads the answer from stdin. Once the reader runs,
stdin belongs to Textual (the answer would arrive as keys, and keys typed meanwhile
would be lost), so the library is imported, on the first ``i`` only, with nothing that
looks like a terminal to ask, and the way to draw is chosen here from the environment:
Kitty's graphics in Kitty, Sixel in terminals known for it, and Unicode half-blocks
everywhere else, inside tmux or GNU screen and over SSH included, and in a Kitty known
to be older than ``PLACEHOLDERS_FROM`` (``kitty_version``)
(``LEDE_IMAGES=halfcell|sixel|kitty`` overrides the choice, ``auto`` leaves it); a
browser (``lede --serve``) always gets half-blocks.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import Widget

METHODS = ("halfcell", "sixel", "kitty")
AUTO = "auto"  # the choice lede makes where LEDE_IMAGES is not set
SIXEL_TERMINALS = ("wezterm", "foot", "mlterm", "contour", "konsole", "iterm.app")
MULTIPLEXERS = ("tmux", "screen")  # the start of the TERM they set
NO_GRAPHICS = ("TMUX", "STY", "SSH_TTY", "SSH_CONNECTION")  # set in tmux, screen, SSH
# textual-image places Kitty's pictures by Unicode placeholders, which Kitty draws from
# this version on: an older one (Debian 12's 0.26.5) showed nothing where a picture was.
PLACEHOLDERS_FROM = (0, 28)
_KITTY_VERSION = re.compile(r"^version\b[^=\n]*=\s*Version\((\d+),\s*(\d+)", re.MULTILINE)


def drawing_method(*, web: bool = False) -> str:
    """``kitty``, ``sixel`` or ``halfcell``: how pictures are drawn in this terminal, or in
    the browser (``web``) that ``lede --serve`` draws in, which knows half-blocks alone:
    its reader inherits the server's terminal's variables (Kitty's among them) and the
    picture drew as nothing there."""
    if web:
        return "halfcell"
    environ = os.environ
    chosen = environ.get("LEDE_IMAGES", "").lower()
    if chosen in METHODS:
        return chosen
    term = environ.get("TERM", "").lower()
    # Graphics do not pass through tmux or GNU screen (which keep the variables of the
    # terminal they were started in: Kitty's too), nor every SSH client's terminal.
    if term.startswith(MULTIPLEXERS) or any(environ.get(name) for name in NO_GRAPHICS):
        return "halfcell"
    program = environ.get("TERM_PROGRAM", "").lower()
    if environ.get("KITTY_WINDOW_ID") or term == "xterm-kitty":
        version = kitty_version(environ.get("KITTY_INSTALLATION_DIR", ""))
        return "halfcell" if version is not None and version < PLACEHOLDERS_FROM else "kitty"
    if program in SIXEL_TERMINALS or any(name in term for name in SIXEL_TERMINALS):
        return "sixel"
    return "halfcell"


def kitty_version(installation: str) -> tuple[int, int] | None:
    """The (major, minor) version of the Kitty installed at ``installation`` (the
    ``KITTY_INSTALLATION_DIR`` Kitty gives the programs it starts), from its own source,
    or None where that cannot be read (a frozen build). No variable says the version,
    and asking the terminal is not possible once Textual reads its answers as keys."""
    if not installation:
        return None
    try:
        with open(os.path.join(installation, "kitty", "constants.py"), encoding="utf-8") as file:
            found = _KITTY_VERSION.search(file.read(1 << 16))
    except (OSError, UnicodeError):
        return None
    return (int(found[1]), int(found[2])) if found else None


def unknown_choice() -> str:
    """What is wrong with ``LEDE_IMAGES``, or "" when it names a way to draw, ``auto`` (the
    choice left to lede, as where it is not set) or is not set: a value lede does not
    know was passed over without a word, and the user was left to wonder why Sixel did
    not come."""
    chosen = os.environ.get("LEDE_IMAGES", "")
    if not chosen or chosen.lower() in (*METHODS, AUTO):
        return ""
    from models.text import printable

    return f"LEDE_IMAGES is '{printable(chosen)}', none of {', '.join((*METHODS, AUTO))}"


@cache
def image_widget_class(method: str) -> Callable[..., Widget]:
    """The ``textual-image`` widget for ``method``, imported without asking the terminal."""
    real = sys.__stdout__
    # No terminal to ask: textual-image asks nothing (Textual writes to stderr meanwhile).
    setattr(sys, "__stdout__", io.StringIO())  # noqa: B010 - a final name to mypy
    try:
        import textual_image.widget as widgets
    finally:
        setattr(sys, "__stdout__", real)  # noqa: B010
    _cell_size_from_terminal()
    from tui.kitty_pictures import KittyPicture

    classes: dict[str, Callable[..., Widget]] = {
        "halfcell": widgets.HalfcellImage,
        "sixel": widgets.SixelImage,
        "kitty": KittyPicture,
    }
    return classes[method]


def _cell_size_from_terminal() -> None:
    """Give textual-image the size of a cell in pixels as the kernel knows it (no query),
    so Kitty and Sixel pictures keep their proportions; its default stays otherwise."""
    from textual_image import _terminal

    try:
        rows, columns, width, height = _terminal.get_tiocgwinsz()
    except (OSError, ValueError, AttributeError):
        return
    if rows and columns and width and height:
        size = _terminal.CellSize(width // columns, height // rows)
        # The library caches the size as an attribute of its function, which is not typed.
        _terminal.get_cell_size._result = size  # type: ignore[attr-defined]
