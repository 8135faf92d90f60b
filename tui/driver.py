"""The terminal driver, whose input survives whatever bytes the terminal sends and whose
output draws with the glyphs the Linux console has.

Textual 8.2.8 reads the terminal in a thread that ends the app on the first
error: a byte that is not UTF-8 (a mis-set terminal, a paste of binary) raises
``UnicodeDecodeError``, and an escape sequence with an absurd number in it
(``ESC [ 9999999999999999999 A``) an ``OverflowError`` in its parser. Here the
bytes read with the bad ones are dropped and reading starts again.

The Linux console (``TERM=linux``, also over ssh from one) draws from a font of 256 or
512 glyphs: the IBM PC's, or the WGL4 set of distributions' console fonts. The eighth
blocks of scrollbars, borders and the timeline, the unread dot, the Enter key's sign
and the like are not among them, and it showed each as the same blank diamond. On
such a terminal each is drawn with the nearest glyph both sets have, one cell for
one, so nothing moves.
"""

from __future__ import annotations

import os

from tui.textual_internals import SizedByItsTerminal

# What Textual's decoder and key parser raise on input they cannot make sense of.
BAD_INPUT = (UnicodeDecodeError, OverflowError, ValueError)

CONSOLE_GLYPHS = str.maketrans(
    {
        **dict.fromkeys("▁▂", "_"),  # low eighth blocks: timeline, scrollbars
        **dict.fromkeys("▃▄▅", "▄"),
        **dict.fromkeys("▆▇", "█"),
        "▔": "─",  # a divider's, a tall border's top
        **dict.fromkeys("▏▎▕", "│"),  # thin left and right blocks: separator, borders
        **dict.fromkeys("▍▋▊▉", "▌"),
        "⏎": "◄",  # Enter, in the footer
        "●": "•",  # unread
        "★": "*",  # starred
        "⊘": "ø",  # not published by the site
        "◆": "♦",  # a related article in the corpus
        "◇": "○",  # one that is not
        "▶": "►",
        "▸": "►",  # the source of a story being read
        "⚠": "!",  # a failed preview, an unreadable article
        "⠿": "*",  # fetching a page, loading an image
        "◀": "◄",
        "✓": "√",
        "✗": "x",
        "🔎": "> ",  # two cells, as the emoji took
    }
)


def console_glyphs() -> dict[int, str] | None:
    """The glyph substitutions for the terminal ``TERM`` names, or None for one that
    draws any character its font has (all but the Linux console)."""
    term = os.environ.get("TERM", "")
    return CONSOLE_GLYPHS if term == "linux" or term.startswith("linux-") else None


class TerminalDriver(SizedByItsTerminal):
    """Textual's driver for POSIX terminals, reading on past input it cannot parse,
    drawing, on the Linux console, with the glyphs it has, at the size of the terminal it
    draws on."""

    _glyphs = console_glyphs()

    def write(self, data: str) -> None:
        super().write(data.translate(self._glyphs) if self._glyphs else data)

    def run_input_thread(self) -> None:
        while not self.exit_event.is_set():
            try:
                super().run_input_thread()
            except BAD_INPUT:
                continue
