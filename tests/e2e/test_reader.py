"""End to end in a real terminal (tmux): the installed lede, as a person uses it."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from tests.e2e.terminal import TmuxTerminal
from tests.e2e.test_environments import pids_with
from tests.e2e.tools import one_story_corpus
from tests.webserver import ARTICLE_PARAGRAPHS, article_html, heavy_html, page

REPO = Path(__file__).resolve().parents[2]
HANGZHOU = "Hangzhou may ban"  # as much of the title as the narrowest list row shows


def test_filter_open_quit_and_find_it_read(terminal: TmuxTerminal, lede: str) -> None:
    terminal.start([lede], cwd=REPO, width=160, height=45)  # no path: ./feeds
    terminal.wait_for("2 articles · 2 unread")
    terminal.send_keys("/")
    terminal.send_keys("Hangzhou", literal=True)
    # The filter is in its field alone: the line above the list keeps its room for the sort.
    terminal.wait_for(re.compile(r"All articles  1 article · 1 unread\s+sort: date"))
    # Leave the field and open the article, typed fast: both keys arrive together.
    terminal.send_keys("Enter", "Enter")
    terminal.wait_for("1 article · 0 unread")  # opening marked it read
    terminal.wait_for("A visitor tries facial recognition payment")
    # The body follows the title once the article is parsed: waited for, not assumed.
    screen = terminal.wait_for("China’s first")  # the seed's mojibake is repaired
    assert "Global Times (globaltimes.cn)" in screen
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    terminal.assert_screen_restored()

    terminal.start([lede], cwd=REPO, width=160, height=45)
    screen = terminal.wait_for("2 articles · 1 unread")
    row = next(line for line in screen.splitlines() if HANGZHOU in line)
    assert "●" not in row.split(HANGZHOU)[0]  # no unread marker before the title
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0


def test_preview_shows_the_original_page(
    terminal: TmuxTerminal, lede: str, server, tmp_path: Path
) -> None:
    server.routes["/story"] = page(article_html())
    corpus = one_story_corpus(tmp_path, server.url("/story"))
    terminal.start([lede, str(corpus)], width=160, height=50)
    terminal.wait_for("1 article")
    terminal.send_keys("Enter")
    terminal.wait_for("Only an excerpt here.")
    terminal.send_keys("p")
    screen = terminal.wait_for(ARTICLE_PARAGRAPHS[0][:26])
    assert "Harbour Bridge Reopens After Repairs" in screen  # the page's headline
    assert "NAVLINK" not in screen and "ADVERT-MARKER" not in screen
    terminal.send_keys("p")
    terminal.wait_for("Only an excerpt here.")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0


def ignores_ctrl_c(pid: int) -> bool:
    """Whether process ``pid`` ignores SIGINT, as a worker of the reader does once it has
    begun its work (``library.worker_start``); False once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    ignored = next(line.split()[1] for line in status.splitlines() if line.startswith("SigIgn:"))
    return bool(int(ignored, 16) & 1 << (signal.SIGINT - 1))


def test_a_preview_left_while_its_page_is_read_leaves_the_screen_whole(
    terminal: TmuxTerminal, lede: str, server, tmp_path: Path
) -> None:
    """The page's text is read in a worker, which the reader stops as the preview is left;
    the worker took the command's own end, and wrote "lede: terminated" over the list."""
    server.routes["/heavy"] = page(heavy_html(100_000))  # minutes of reading
    corpus = one_story_corpus(tmp_path, server.url("/heavy"))
    mark = str(tmp_path)  # in the environment of the reader and all it starts, only
    terminal.start([lede, str(corpus)], width=120, height=35, env={"E2E_SESSION": mark})
    terminal.wait_for("1 article")
    terminal.send_keys("Enter")
    terminal.wait_for("Only an excerpt here.")
    before = pids_with("E2E_SESSION", mark)
    terminal.send_keys("p")
    deadline = time.monotonic() + 30
    while not (server.hits["/heavy"] and (workers := pids_with("E2E_SESSION", mark) - before)):
        assert time.monotonic() < deadline, "no worker read the page"
        time.sleep(0.05)
    while not any(map(ignores_ctrl_c, workers)):  # begun: past its start-up
        assert time.monotonic() < deadline, "the worker never began reading"
        time.sleep(0.05)
    terminal.send_keys("Escape")
    terminal.wait_until_gone("Fetching")
    while pids_with("E2E_SESSION", mark) & workers:
        assert time.monotonic() < deadline, "the reading went on after esc"
        time.sleep(0.05)
    screen = terminal.wait_for("Only an excerpt here.")
    assert "terminated" not in screen
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    terminal.assert_screen_restored()


def test_mouse_through_a_users_tmux(terminal: TmuxTerminal, lede: str, tmp_path: Path) -> None:
    """The reader runs inside a tmux with ``mouse on``, as many users have it: tmux reads
    the clicks from its terminal and hands them on to the reader, which acts on them."""
    folder = Path(tempfile.mkdtemp(prefix="lede-mouse-"))  # a socket path must stay short
    socket = folder / "tmux.sock"
    config = tmp_path / "users-tmux.conf"
    config.write_text("set -g mouse on\nset -g status off\nset -s escape-time 0\n")
    tmux = ["tmux", "-S", str(socket), "-f", str(config)]
    try:
        terminal.start([*tmux, "new-session", lede], cwd=REPO, width=160, height=45)
        terminal.wait_for("2 articles · 2 unread")
        lines = terminal.wait_for("AI in Finance").splitlines()  # the tree is filled in
        row = next(number for number, line in enumerate(lines, 1) if HANGZHOU in line)
        terminal.click(lines[row - 1].index(HANGZHOU) + 1, row)
        terminal.wait_for("in residential communities")  # the detail of the clicked row
        row = next(number for number, line in enumerate(lines, 1) if "AI in Finance" in line)
        terminal.click(lines[row - 1].index("AI in Finance") + 1, row)
        terminal.wait_for("AI in Finance  0 articles")  # the clicked topic, in the list's title
        terminal.send_keys("q")
        assert terminal.wait_for_exit() == 0  # the user's tmux ends with its only program
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def test_ctrl_z_suspends_to_the_shell_and_fg_comes_back(terminal: TmuxTerminal, lede: str) -> None:
    """Ctrl-Z did nothing: the shell's job control was lost, and what was typed next
    (``fg``) went to the reader as keys."""
    terminal.start(["bash", "--norc", "--noprofile", "-i"], cwd=REPO, width=100, height=30)
    terminal.send_keys(f"PS1='shell$ '; {lede} feeds", "Enter")
    terminal.wait_for("2 articles · 2 unread")
    terminal.send_keys("C-z")
    screen = terminal.wait_for("Stopped")  # the shell took the terminal back
    assert "2 articles" not in screen  # the reader's screen gave the terminal back
    terminal.send_keys("fg", "Enter")
    terminal.wait_for("2 articles · 2 unread")
    terminal.send_keys("q")
    terminal.wait_for(re.compile(r"lede feeds\s*\nshell\$"))  # the reader ended, the shell is back
    terminal.send_keys("exit", "Enter")
    assert terminal.wait_for_exit() == 0
