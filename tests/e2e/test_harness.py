"""The end-to-end harness itself, proven on small programs: tmux, and ssh into a local sshd."""

from __future__ import annotations

import getpass
import re
import shlex
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.sshd import SshServer
from tests.e2e.terminal import BANNER, TmuxTerminal
from tests.e2e.tools import MissingToolError

PYTHON = sys.executable
URL = "https://example.test/x"

# A full-screen program: draws on the alternate screen, waits for a key, leaves.
# The mode argument makes it misbehave in the ways the restore check must catch.
FULLSCREEN = r"""
import sys, termios, tty
mode = sys.argv[1]
out = sys.stdout
fd = sys.stdin.fileno()
saved = termios.tcgetattr(fd)
if mode != "no-alternate-screen":
    out.write("\x1b[?1049h")
out.write("\x1b[H\x1b[2JFULLSCREEN: press a key\r\n")
out.flush()
tty.setraw(fd)
try:
    sys.stdin.read(1)
finally:
    termios.tcsetattr(fd, termios.TCSADRAIN, saved)
if mode not in ("stays-on-alternate-screen", "no-alternate-screen"):
    out.write("\x1b[?1049l")
if mode == "writes-after-leaving":
    out.write("left behind\n")
out.flush()
"""

# Copies argv[1] to the clipboard with OSC 52, ended by BEL or ST (argv[2]).
OSC52 = r"""
import base64, sys
text, end = sys.argv[1], sys.argv[2]
terminator = {"BEL": "\x07", "ST": "\x1b\\"}[end]
sys.stdout.write("\x1b]52;c;" + base64.b64encode(text.encode()).decode() + terminator)
sys.stdout.write("copied\n")
sys.stdout.flush()
"""

# Prints the terminal size at start and after every SIGWINCH (blocked and waited
# for, so a resize arriving between two prints is not lost).
SIZE = r"""
import shutil, signal
signal.signal(signal.SIGWINCH, lambda *_: None)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGWINCH})
while True:
    columns, lines = shutil.get_terminal_size()
    print(f"size {columns}x{lines}", flush=True)
    signal.sigwait({signal.SIGWINCH})
"""


def line(text: str) -> re.Pattern[str]:
    """A whole screen line, so a command echoed on screen does not count as its output."""
    return re.compile(rf"^{re.escape(text)}$", re.MULTILINE)


# -- tmux ------------------------------------------------------------------------------------


def test_shell_runs_what_is_typed(terminal: TmuxTerminal) -> None:
    terminal.start(["bash", "--norc", "--noprofile"])
    terminal.send_keys("echo hello-$((6*7))", literal=True)
    terminal.send_keys("Enter")
    terminal.wait_for(line("hello-42"))
    terminal.send_keys('echo "server=${TMUX%%,*} term=$TERM"', literal=True)
    terminal.send_keys("Enter")
    terminal.wait_for(line(f"server={terminal.socket} term=xterm-256color"))
    terminal.send_keys("exit 0", literal=True)
    terminal.send_keys("Enter")
    assert terminal.wait_for_exit() == 0


def test_fullscreen_program_exits_cleanly_and_restores_the_screen(
    terminal: TmuxTerminal,
) -> None:
    terminal.start([PYTHON, "-c", FULLSCREEN, "clean"])
    terminal.wait_for("FULLSCREEN: press a key")
    assert terminal.is_alive()
    assert terminal.exit_status() is None
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    assert not terminal.is_alive()
    screen = terminal.assert_screen_restored()
    assert "FULLSCREEN" not in screen
    assert screen.splitlines()[0] == BANNER


@pytest.mark.parametrize(
    "mode", ["stays-on-alternate-screen", "writes-after-leaving", "no-alternate-screen"]
)
def test_restore_check_catches_a_program_that_leaves_a_mess(
    terminal: TmuxTerminal, mode: str
) -> None:
    terminal.start([PYTHON, "-c", FULLSCREEN, mode])
    terminal.wait_for("FULLSCREEN")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    with pytest.raises(AssertionError, match="did not restore the screen"):
        terminal.assert_screen_restored()


@pytest.mark.parametrize(("command", "status"), [("exit 3", 3), ("kill -TERM $$", -15)])
def test_exit_status_of_a_failing_program(
    terminal: TmuxTerminal, command: str, status: int
) -> None:
    terminal.start(command)
    assert terminal.wait_for_exit() == status


def test_the_last_output_of_a_program_that_ends_at_once_is_on_the_screen(
    terminal: TmuxTerminal,
) -> None:
    """tmux 3.3 drops what a program wrote but tmux had not read when it ended; a long
    output makes that likely, so a few rounds of one fail without the launcher's hold."""
    for _ in range(10):
        terminal.start("seq 1 3000; echo last-line; exit 4")
        assert terminal.wait_for_exit() == 4
        assert line("last-line").search(terminal.capture()), terminal.capture()


def test_ctrl_c_reaches_the_program_and_its_status_is_kept(terminal: TmuxTerminal) -> None:
    terminal.start(["sh", "-c", 'trap "echo interrupted; exit 5" INT; echo ready; sleep 30 & wait'])
    terminal.wait_for(line("ready"))
    terminal.send_keys("C-c")
    assert terminal.wait_for_exit() == 5
    assert "^Cinterrupted" in terminal.capture()  # the terminal echoes the key


def test_wait_for_failure_shows_the_screen(terminal: TmuxTerminal) -> None:
    terminal.start("echo on-screen-text; sleep 30")
    terminal.wait_for(line("on-screen-text"))
    with pytest.raises(AssertionError) as failure:
        terminal.wait_for("never-shown", timeout=0.3)
    message = str(failure.value)
    assert "'never-shown'" in message
    assert "  |on-screen-text" in message
    assert "still running" in message
    assert "echo on-screen-text; sleep 30" in message  # the command, for context


def test_wait_for_stops_waiting_when_the_program_has_ended(terminal: TmuxTerminal) -> None:
    terminal.start("echo Traceback; exit 1")
    started = time.monotonic()
    with pytest.raises(AssertionError, match="the program ended") as failure:
        terminal.wait_for("never-shown", timeout=60)
    assert time.monotonic() - started < 30  # not the whole timeout
    assert "exited with status 1" in str(failure.value)
    assert "  |Traceback" in str(failure.value)


def test_wait_until_gone(terminal: TmuxTerminal) -> None:
    terminal.start(["sh", "-c", 'echo busy; read _; printf "\\033[2J\\033[Hdone\\n"; sleep 30'])
    terminal.wait_for(line("busy"))
    terminal.send_keys("Enter")
    screen = terminal.wait_until_gone(line("busy"))
    assert line("done").search(screen)
    with pytest.raises(AssertionError, match="to disappear"):
        terminal.wait_until_gone("done", timeout=0.2)


def test_a_second_start_replaces_the_first(terminal: TmuxTerminal) -> None:
    terminal.start("echo first; sleep 30", width=100, height=30)
    terminal.wait_for(line("first"))
    first = terminal.pane
    terminal.start(
        ["sh", "-c", 'printf "%s\\n" "value=$E2E_VALUE in $PWD"; sleep 30'],
        env={"E2E_VALUE": "it's $HOME"},
        cwd="/",
    )
    terminal.wait_for(line("value=it's $HOME in /"))
    assert terminal.pane != first
    assert terminal.size() == (120, 40)
    assert terminal.tmux("list-sessions", "-F", "#{session_name}").stdout.split() == ["e2e2"]


def test_resize_delivers_sigwinch(terminal: TmuxTerminal) -> None:
    terminal.start([PYTHON, "-c", SIZE])
    terminal.wait_for(line("size 120x40"))
    terminal.resize(80, 24)
    terminal.wait_for(line("size 80x24"))
    terminal.resize(300, 80)
    terminal.wait_for(line("size 300x80"))


@pytest.mark.parametrize("terminator", ["BEL", "ST"])
def test_osc52_copy_lands_in_the_paste_buffer(terminal: TmuxTerminal, terminator: str) -> None:
    terminal.start([PYTHON, "-c", OSC52, URL, terminator])
    terminal.wait_for(line("copied"))  # written after the copy, so the copy was read
    assert terminal.paste_buffer() == URL
    assert terminal.wait_for_exit() == 0


def test_osc52_is_ignored_unless_set_clipboard_is_on(tmp_path: Path) -> None:
    with TmuxTerminal(tmp_path, set_clipboard="external") as terminal:
        terminal.start([PYTHON, "-c", OSC52, URL, "BEL"])
        terminal.wait_for(line("copied"))
        with pytest.raises(AssertionError, match="no paste buffer"):
            terminal.paste_buffer()


def test_a_missing_tmux_fails_naming_the_package(tmp_path: Path) -> None:
    with pytest.raises(MissingToolError, match="apt-get install -y tmux"):
        TmuxTerminal(tmp_path, tmux=str(tmp_path / "no-such-tmux"))


# -- ssh -------------------------------------------------------------------------------------


def test_ssh_command_line(sshd: SshServer) -> None:
    command = sshd.ssh_command("echo hi", env={"E2E_VALUE": "a b"})
    assert command[1] == "-tt"
    assert command[-2] == f"{getpass.getuser()}@127.0.0.1"
    assert command[command.index("-p") + 1] == str(sshd.port)
    assert command[-1].startswith("export ")
    assert command[-1].endswith("; echo hi")
    assert "E2E_VALUE='a b'" in command[-1]
    assert sshd.ssh_command("true", tty=False)[1] == "-T"


def test_ssh_session_runs_the_remote_command(
    terminal: TmuxTerminal, sshd: SshServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    xdg = str(tmp_path / "config home")
    monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
    remote = (
        "echo over-ssh-$((2+3)); echo term=$TERM; echo lang=$LANG; "
        'echo "bin=${PATH%%:*}"; echo "xdg=$XDG_CONFIG_HOME"; echo end; sleep 30'
    )
    terminal.start(sshd.ssh_command(remote))
    terminal.wait_for(line("over-ssh-5"))
    screen = terminal.wait_for(line("end"))
    assert line(f"term={terminal.default_terminal}").search(screen)
    assert line("lang=C.UTF-8").search(screen)
    assert line(f"bin={Path(PYTHON).parent}").search(screen)  # the venv's lede is found
    assert line(f"xdg={xdg}").search(screen)
    assert terminal.is_alive()


@pytest.mark.parametrize(
    ("default_terminal", "env", "expected"),
    [
        ("tmux-256color", None, "tmux-256color"),
        ("xterm-256color", {"TERM": "screen-256color"}, "screen-256color"),
    ],
)
def test_ssh_sees_the_terminal_type_of_the_pane(
    tmp_path: Path,
    sshd: SshServer,
    default_terminal: str,
    env: dict[str, str] | None,
    expected: str,
) -> None:
    with TmuxTerminal(tmp_path / "term", default_terminal=default_terminal) as terminal:
        terminal.start(
            [
                "sh",
                "-c",
                'echo "local=$TERM"; exec "$@"',
                "sh",
                *sshd.ssh_command("echo far=$TERM"),
            ],
            env=env,
        )
        screen = terminal.wait_for(line(f"far={expected}"))
        assert line(f"local={expected}").search(screen)
        assert terminal.wait_for_exit() == 0


def test_osc52_copy_survives_ssh_and_tmux(terminal: TmuxTerminal, sshd: SshServer) -> None:
    terminal.start(sshd.ssh_command(shlex.join([PYTHON, "-c", OSC52, URL, "BEL"])))
    assert terminal.wait_for_paste_buffer(URL) == URL
    terminal.wait_for(line("copied"))
    assert terminal.wait_for_exit() == 0


def test_resize_reaches_the_program_over_ssh(terminal: TmuxTerminal, sshd: SshServer) -> None:
    terminal.start(sshd.ssh_command(shlex.join([PYTHON, "-c", SIZE])))
    terminal.wait_for(line("size 120x40"))
    terminal.resize(80, 24)
    terminal.wait_for(line("size 80x24"))
    terminal.resize(300, 80)
    terminal.wait_for(line("size 300x80"))


def test_fullscreen_program_over_ssh_restores_the_screen(
    terminal: TmuxTerminal, sshd: SshServer
) -> None:
    terminal.start(sshd.ssh_command(shlex.join([PYTHON, "-c", FULLSCREEN, "clean"])))
    terminal.wait_for("FULLSCREEN: press a key")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    terminal.assert_screen_restored()


def test_a_missing_sshd_fails_naming_the_package(tmp_path: Path) -> None:
    with pytest.raises(MissingToolError, match="apt-get install -y openssh-server"):
        SshServer(tmp_path, sshd=str(tmp_path / "no-such-sshd"))
