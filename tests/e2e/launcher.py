"""The process a test terminal's pane runs: it runs the command and ends only once tmux has
read all that the command wrote.

Why not just the command: tmux 3.3 closes a pane's terminal as soon as it learns its
process ended, and whatever the program wrote that tmux had not read yet is lost
(tmux/tmux#4807); on a busy machine a short program's whole output went, and the
screen stayed blank. So this process holds the terminal open after the command
ends, writes ``ended_title`` as the pane's title (tmux reads a terminal's output in
order, so once the title shows, the screen is final), waits for the ``release``
file the test terminal then creates, and ends as the command did: with its exit
code, or killed by the same signal.

Usage: ``launcher.py TERM BANNER ENDED_TITLE RELEASE COMMAND [ARG...]``. It prints
``BANNER`` first, standing for what a terminal shows before a program starts.
"""

import os
import signal
import sys
import time

# What a terminal sends to its whole foreground process group: the command's to act
# on, not this waiting process's.
TERMINAL_SIGNALS = (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP)
# What Python ignores for itself, which a command must not inherit.
PYTHON_IGNORED = (signal.SIGPIPE, signal.SIGXFSZ)

RELEASE_POLL = 0.01


def run(argv: list[str]) -> int:
    """Start ``argv`` and return its wait status."""
    for number in TERMINAL_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    pid = os.fork()
    if pid == 0:
        for number in TERMINAL_SIGNALS + PYTHON_IGNORED:
            signal.signal(number, signal.SIG_DFL)
        try:
            os.execvp(argv[0], argv)
        except OSError as error:
            os.write(2, f"{argv[0]}: {error.strerror}\n".encode())
        os._exit(127)
    return os.waitpid(pid, 0)[1]


def main() -> None:
    term, banner, ended_title, release, *argv = sys.argv[1:]
    os.environ["TERM"] = term
    os.write(1, f"{banner}\n".encode())
    status = run(argv)
    # CAN first: it ends any escape sequence the command left unfinished, which
    # would otherwise swallow the title.
    os.write(1, f"\x18\x1b]2;{ended_title}\x1b\\".encode())
    while not os.path.exists(release):
        time.sleep(RELEASE_POLL)
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)
    os._exit(os.waitstatus_to_exitcode(status))


main()
