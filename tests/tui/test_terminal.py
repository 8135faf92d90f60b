"""The installed reader in a real pseudo-terminal: every TERM, sizes, links, clipboard, exit."""

from __future__ import annotations

import base64
import os
import re
import signal
import time

import pytest

from tests.tui.terminal import ANSI
from tui.clipboard import osc52, screen_passthrough

GREYS = {0, 7, 8, 15, 16, 231, *range(232, 256)}


def assert_no_hue(output: bytes) -> None:
    """Under NO_COLOR, Textual paints in shades of grey: no colour may carry meaning."""
    for match in re.finditer(rb"\x1b\[([0-9;]*)m", output):
        codes = [int(code) for code in match.group(1).split(b";") if code]
        position = 0
        while position < len(codes):
            code = codes[position]
            if code in (38, 48) and codes[position + 1] == 5:
                assert codes[position + 2] in GREYS, match.group()
                position += 3
            elif code in (38, 48) and codes[position + 1] == 2:
                red, green, blue = codes[position + 2 : position + 5]
                assert red == green == blue, match.group()
                position += 5
            else:
                assert not (31 <= code <= 36 or 41 <= code <= 46 or 91 <= code <= 96), match.group()
                position += 1


@pytest.mark.parametrize(
    ("term", "size", "no_color"),
    [
        ("xterm", (80, 24), False),
        ("xterm-256color", (160, 45), False),
        ("screen-256color", (80, 24), False),
        ("tmux-256color", (120, 40), False),
        ("linux", (80, 24), False),
        ("xterm-256color", (300, 80), True),
    ],
)
def test_runs_in_any_terminal_and_exits_cleanly(
    start, term: str, size: tuple[int, int], no_color: bool
) -> None:
    extra = {"TERM": term} | ({"NO_COLOR": "1"} if no_color else {})
    terminal = start(size, **extra)
    terminal.wait_for("2 articles")
    terminal.wait_for("Hangzhou may ban")
    terminal.press("q")
    assert terminal.close() == 0
    entered = terminal.output.index(b"\x1b[?1049h")  # full screen in the alternate buffer
    left = terminal.output.rindex(b"\x1b[?1049l")  # and the user's screen given back
    assert entered < left
    assert b"\x1b[?1000l" in terminal.output[left - 200 :]  # mouse reporting switched off
    assert b"Traceback" not in terminal.output
    if no_color:
        assert_no_hue(terminal.output)


def test_a_narrow_terminal_is_drawn_narrow_from_the_first_frame(start) -> None:
    """At 80 columns the first frame was laid out for a wide terminal, the topic tree and
    the detail beside a list cut to "0 articles  indexing… findi…", and the next one
    narrow: the screen jumped as every reader started."""
    terminal = start((80, 24))
    terminal.wait_for("Hangzhou may ban")
    terminal.press("q")
    assert terminal.close() == 0
    assert "\u2595".encode() not in terminal.output  # the tree's edge, never drawn


def test_a_dumb_terminal_is_told_why_and_left_as_it_was(start) -> None:
    """TERM=dumb (Emacs's shell) was drawn on in full colour, sequences it cannot show."""
    terminal = start((80, 24), TERM="dumb")
    terminal.wait_for("TERM=dumb says this one cannot")
    assert terminal.close() == 2
    assert b"\x1b[" not in terminal.output  # not one sequence reached it


def test_links_are_terminal_hyperlinks(start) -> None:
    terminal = start((160, 45))
    terminal.wait_for("Original")
    terminal.read(0.5)
    terminal.press("q")
    terminal.close()
    assert re.search(
        rb"\x1b\]8;[^;]*;https://www\.globaltimes\.cn/page/202103/1217051\.shtml\x1b\\",
        terminal.output,
    )


def test_copy_writes_osc52_and_says_so(start) -> None:
    terminal = start((160, 45))
    terminal.wait_for("Hangzhou may ban")
    terminal.press("y")
    terminal.wait_for("Copied")
    terminal.press("q")
    terminal.close()
    payload = base64.b64encode(b"https://www.globaltimes.cn/page/202103/1217051.shtml")
    assert b"\x1b]52;c;" + payload + b"\x07" in terminal.output


def test_osc52_is_wrapped_for_gnu_screen_only() -> None:
    sequence = osc52("https://example.test/ü")
    assert base64.b64decode(sequence[7:-1]).decode() == "https://example.test/ü"
    assert screen_passthrough(sequence, {"STY": "1234.pts-0.host"}) == f"\x1bP{sequence}\x1b\\"
    assert screen_passthrough(sequence, {"STY": "1", "TMUX": "/tmp/x"}) is None
    assert screen_passthrough(sequence, {}) is None


def test_copy_inside_screen_sends_the_wrapped_sequence(start) -> None:
    terminal = start((120, 40), STY="4242.pts-1.host", TERM="screen-256color")
    terminal.wait_for("Hangzhou may ban")
    terminal.press("y")
    terminal.wait_for("Copied")
    terminal.press("q")
    terminal.close()
    url = b"https://www.globaltimes.cn/page/202103/1217051.shtml"
    assert b"\x1bP\x1b]52;c;" + base64.b64encode(url) + b"\x07\x1b\\" in terminal.output


def test_hangup_ends_the_reader(start) -> None:
    """A dropped connection closes the terminal: lede must leave, not spin on a dead tty."""
    terminal = start((120, 40))
    terminal.wait_for("Hangzhou may ban")
    os.close(terminal.master)
    deadline = time.monotonic() + 20  # ample under load; a reader spinning on a dead tty never ends
    while terminal.process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert terminal.process.poll() == 0


def test_sighup_ends_the_reader(start) -> None:
    terminal = start((120, 40))
    terminal.wait_for("Hangzhou may ban")
    terminal.process.send_signal(signal.SIGHUP)
    assert terminal.close() == 0


@pytest.mark.parametrize(
    "stray",
    [
        b"\xff",  # not UTF-8
        b"\xc3\x28",  # a broken UTF-8 sequence
        b"\x1b[9999999999999999999A",  # a number no C int holds
        b"\x1b[99999999999999999999;5H",
    ],
)
def test_stray_terminal_input_never_ends_the_session(start, stray: bytes) -> None:
    terminal = start((120, 40))
    terminal.wait_for("Hangzhou may ban")
    os.write(terminal.master, stray)
    # The reader still answers keys: "?" until it shows its help (a key read along with the
    # stray bytes goes with them, so it is pressed again rather than waited for).
    deadline = time.monotonic() + 20
    while b"Everywhere" not in ANSI.sub(b"", terminal.output):
        assert terminal.process.poll() is None, ANSI.sub(b"", terminal.output)[-1500:]
        assert time.monotonic() < deadline, "the reader answered no key"
        terminal.press("?")
        terminal.read(0.5)
    assert terminal.process.poll() is None
    assert b"Traceback" not in terminal.output and b"Error" not in ANSI.sub(b"", terminal.output)


def test_a_paste_is_text_whatever_escapes_it_holds(start) -> None:
    """A line copied from a coloured log holds escape sequences. Pasted, what followed
    each was read as keys: into the list, this one quit the reader at its "q"; into the
    filter, it was typed there as "^[1mHangzhou^[0m"."""
    terminal = start((120, 40))
    terminal.wait_for("Hangzhou may ban")
    os.write(terminal.master, b"\x1b[200~\x1b[1mHangzhou\x1b[0m q\x1b[201~")  # on the list
    terminal.press("/")
    os.write(terminal.master, b"\x1b[200~\x1b[1mHangzhou\x1b[0m\x1b[201~")
    terminal.wait_for("All articles  1 article ·")
    assert terminal.process.poll() is None
