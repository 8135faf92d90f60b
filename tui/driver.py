"""The terminal driver, whose input survives whatever bytes the terminal sends.

Textual 8.2.8 reads the terminal in a thread that ends the app on the first
error: a byte that is not UTF-8 (a mis-set terminal, a paste of binary) raises
``UnicodeDecodeError``, and an escape sequence with an absurd number in it
(``ESC [ 9999999999999999999 A``) an ``OverflowError`` in its parser. Here the
bytes read with the bad ones are dropped and reading starts again.
"""

from __future__ import annotations

from textual.drivers.linux_driver import LinuxDriver

# What Textual's decoder and key parser raise on input they cannot make sense of.
BAD_INPUT = (UnicodeDecodeError, OverflowError, ValueError)


class TerminalDriver(LinuxDriver):
    """Textual's driver for POSIX terminals, reading on past input it cannot parse."""

    def run_input_thread(self) -> None:
        while not self.exit_event.is_set():
            try:
                super().run_input_thread()
            except BAD_INPUT:
                continue
