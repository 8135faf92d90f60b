"""The installed reader in the environments people really have: a locale that is not
UTF-8, small terminals, a resize while a view is open."""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import time
from pathlib import Path

from library.synthetic import generate
from tests.conftest import write_document
from tests.e2e.sshd import SshServer
from tests.e2e.terminal import TmuxTerminal
from tests.e2e.tools import latin1_locale
from tests.unprivileged import unprivileged

TITLE = "Café crème à Zürich — 中国的人工智能 🚀"


def world_corpus(folder: Path) -> Path:
    """Two articles whose titles, providers and topics are in several scripts."""
    corpus = folder / "corpus"
    write_document(
        corpus,
        "world.md",
        f'title: "{TITLE}"\n'
        "publishedDateTime: 2024-04-01T10:00:00Z\n"
        "originalUrl: https://example.com/world\n"
        "provider: {name: 新华社, domain: xinhua.cn}\n"
        "topics: [Économie]\n",
        "Le corps du texte, déjà lu.\n",
    )
    write_document(
        corpus,
        "plain.md",
        'title: "Plain ASCII title"\npublishedDateTime: 2024-03-01T10:00:00Z\n',
    )
    return corpus


def test_a_latin1_locale_still_draws_the_screen(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    """Under LANG=en_US.ISO-8859-1 the reader drew every box, bar and foreign title as
    ``\\u2588``-style escapes, several cells each: the screen was unreadable."""
    corpus = world_corpus(tmp_path)
    terminal.start([lede, str(corpus)], width=100, height=30, env=latin1_locale(tmp_path))
    screen = terminal.wait_for("2 articles · 2 unread")
    assert TITLE in screen
    assert "\\u" not in screen and "\\U" not in screen
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    terminal.assert_screen_restored()


CONSOLE_LACKS = set("▁▂▃▅▆▇▔▏▎▕▍▋▊▉⏎●★⊘◆◇▶◀▸✓✗⚠⠿🔎")
"""Glyphs of the reader's screen that neither the IBM PC font of the Linux console nor the
WGL4 set of distributions' console fonts has: it drew each as the same blank diamond."""


def test_the_linux_console_is_drawn_with_the_glyphs_it_has(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    corpus = world_corpus(tmp_path)
    terminal.start([lede, str(corpus)], width=80, height=24, env={"TERM": "linux"})
    screens = [terminal.wait_for("2 articles · 2 unread")]
    assert "•   2024-04-01 Café" in screens[0]  # the unread dot the console has
    terminal.send_keys("Enter")  # the detail, its border and footer
    screens.append(terminal.wait_for("space Page down"))
    terminal.send_keys("C-p")  # the palette, its search sign and field's border
    screens.append(terminal.wait_for("Search for commands"))
    for screen in screens:
        assert not CONSOLE_LACKS & set(screen), screen
    terminal.send_keys("Escape")
    terminal.wait_until_gone("Search for commands")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0

    # Wide enough for the tree beside the list: its right border is a block the console
    # lacks, which drew a column of diamonds down the screen.
    terminal.start([lede, str(corpus)], width=160, height=30, env={"TERM": "linux"})
    screen = terminal.wait_for("2 articles · 1 unread")
    assert "All articles" in screen and not CONSOLE_LACKS & set(screen), screen
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0

    terminal.start([lede, str(corpus)], width=80, height=24)  # xterm-256color: as drawn
    assert "●   2024-03-01 Plain" in terminal.wait_for("2 articles · 1 unread")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0


def test_over_ssh_from_a_console_to_a_latin1_server(
    terminal: TmuxTerminal, sshd: SshServer, lede: str, tmp_path: Path
) -> None:
    """``ssh -t host lede`` from the Linux console (ssh forwards TERM=linux) to a server
    whose locale is ISO-8859-1: the screen was escapes and blank diamonds."""
    corpus = world_corpus(tmp_path)
    # Set by env(1), not the shell: bash would warn that it cannot load a locale of LOCPATH.
    locale = [f"{name}={value}" for name, value in latin1_locale(tmp_path).items()]
    remote = sshd.ssh_command(shlex.join(["env", *locale, lede, str(corpus)]))
    terminal.start(remote, width=60, height=20, env={"TERM": "linux"})
    screen = terminal.wait_for("2 articles · 2 unread", timeout=30)
    assert "•   2024-04-01 Café crème" in screen
    assert "\\u" not in screen and not CONSOLE_LACKS & set(screen)
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    terminal.assert_screen_restored()


def processes_with(variable: str, value: str) -> list[str]:
    """The command lines of this user's processes whose environment has ``variable=value``
    (the reader over ssh and every process it started inherit what its command exports)."""
    found = []
    for pid in pids_with(variable, value):
        with contextlib.suppress(OSError):  # gone meanwhile
            found.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode())
    return found


def pids_with(variable: str, value: str) -> set[int]:
    """The ids of the processes ``processes_with`` lists."""
    wanted = f"{variable}={value}".encode()
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if wanted in (entry / "environ").read_bytes().split(b"\0"):
                found.add(int(entry.name))
        except OSError:  # gone, or not ours
            continue
    return found


def test_the_terminal_closing_while_indexing_over_ssh_leaves_nothing_behind(
    terminal: TmuxTerminal, sshd: SshServer, lede: str, tmp_path: Path
) -> None:
    """The ssh client's terminal closes (sshd hangs the session up) while the reader
    indexes: no process of it stays, and the index is whole at the next start."""
    corpus = tmp_path / "site"
    generate(corpus, 6000, plain=True)
    mark = str(tmp_path)  # in the environment of the reader and all it starts, only
    remote = sshd.ssh_command(shlex.join([lede, str(corpus)]), env={"E2E_SESSION": mark})
    terminal.start(remote, width=100, height=30)
    terminal.wait_for("indexing", timeout=30)
    assert processes_with("E2E_SESSION", mark)  # the reader is found so
    terminal.tmux("kill-session", "-t", terminal.pane)  # the window is closed
    deadline = time.monotonic() + 30
    while (left := processes_with("E2E_SESSION", mark)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left
    listed = subprocess.run(
        [lede, "list", "--json", str(corpus)], capture_output=True, text=True, timeout=120
    )
    assert (listed.returncode, listed.stderr) == (0, "")
    assert len(listed.stdout.splitlines()) == 6000


def test_the_reader_with_stderr_sent_to_a_file_draws_on_the_terminal(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    """``lede 2>lede.log`` ended at once without a word (exit 2): the reader draws on
    stderr, and the line saying it needs a terminal went into the file."""
    corpus = world_corpus(tmp_path)
    log = tmp_path / "lede.log"
    terminal.start(["bash", "-c", 'exec "$0" "$1" 2>"$2"', lede, str(corpus), str(log)])
    terminal.wait_for("2 articles · 2 unread")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    terminal.assert_screen_restored()
    assert log.read_text() == ""


def test_the_reader_with_stdout_sent_to_a_file_draws_at_the_terminal_s_size(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    """``lede > lede.out`` (a launcher keeping a log): Textual took the terminal's size
    from stdout, 80x24 whatever the terminal, and drew a broken screen into it."""
    corpus = world_corpus(tmp_path)
    out = tmp_path / "lede.out"
    command = ["bash", "-c", 'exec "$0" "$1" >"$2"', lede, str(corpus), str(out)]
    for width, height in ((100, 20), (130, 30)):
        terminal.start(command, width=width, height=height)
        terminal.wait_for("2 articles · 2 unread")
        screen = terminal.wait_for("^p Commands")
        rows = screen.split("\n")
        assert len(rows) == height and "All articles" in rows[0], screen
        footer = rows[-1]  # on the last row, to the right edge
        assert footer.startswith(" ? Help") and len(footer) >= width - 2, screen
        terminal.send_keys("q")
        assert terminal.wait_for_exit() == 0
    assert out.read_text() == ""


def test_the_reader_draws_at_the_terminal_s_size_whatever_columns_and_lines_say(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    """``COLUMNS`` and ``LINES`` exported (a shell's start-up file, a test runner's) sized
    the screen whatever the terminal's, and kept it so through a resize; large ones
    filled the memory."""
    corpus = world_corpus(tmp_path)
    terminal.start([lede, str(corpus)], width=100, height=20, env={"COLUMNS": "60", "LINES": "12"})
    terminal.wait_for("2 articles · 2 unread")
    screen = terminal.wait_for("^p Commands")
    rows = screen.split("\n")
    assert len(rows) == 20 and rows[-1].startswith(" ? Help") and len(rows[-1]) >= 98, screen
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0


def test_a_terminal_of_thousands_of_rows_and_columns_is_drawn_at_a_bounded_size(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    """A terminal that says it is 3000 by 3000 (``stty rows 3000 cols 3000``, or one that
    reports so) was drawn at that: the reader held 420 MB, and climbing."""
    corpus = world_corpus(tmp_path)
    mark = str(tmp_path)
    reader = shlex.join([lede, str(corpus)])
    terminal.start(f"stty rows 3000 cols 3000 && exec {reader}", env={"E2E_SESSION": mark})
    # tmux at times shows nothing of a screen that large, drawn or not: what the reader
    # holds is watched until it has stopped growing for a while.
    held, steady, deadline = 0, 0, time.monotonic() + 60
    while steady < 6 and time.monotonic() < deadline:
        time.sleep(0.5)
        now = max((peak_memory(pid) for pid in pids_with("E2E_SESSION", mark)), default=0)
        steady = steady + 1 if now == held and now else 0
        held = now
    assert 0 < held < 250 * 1024 * 1024


def peak_memory(pid: int) -> int:
    """The most memory process ``pid`` has held, in bytes (0 once it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    peak = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    return int(peak) * 1024


def test_a_data_folder_that_cannot_be_read_leaves_the_reader_a_stand_in_state(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    """A data folder of another user's, or of mode 000: the reader ended at once with
    "Permission denied: .../state.sqlite", where it opens on a stand-in that keeps the
    marks made until it ends."""
    write_document(tmp_path / "news", "a.md", 'title: "Only story"')
    data = Path(os.environ["XDG_DATA_HOME"]) / "lede"
    data.mkdir()
    data.chmod(0)
    try:
        terminal.start([*unprivileged(), lede, str(tmp_path / "news")], width=120, height=30)
        terminal.wait_for("The reading state cannot be written (Permission denied:")
        terminal.wait_for("1 article · 1 unread")
        terminal.send_keys("Enter")  # opening it marks it read
        terminal.wait_for("1 article · 0 unread")
        terminal.send_keys("q")
        assert terminal.wait_for_exit() == 0
    finally:
        data.chmod(0o755)
