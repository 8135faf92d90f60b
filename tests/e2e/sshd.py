"""A real OpenSSH server on 127.0.0.1, for running programs "over ssh" in end-to-end tests.

Why a real sshd: people run terminal programs through ``ssh -t host program``,
which puts a pseudo-terminal, a login environment and ssh's own byte stream
(window-size changes, escape sequences such as OSC 52) between the program and
the terminal. Only the real server and client reproduce that.

Everything is temporary and private to one test folder: the host key, a user
key pair (``ssh-keygen -N ''``), the ``authorized_keys`` file, the
configuration, the pid file and the log. The server listens on 127.0.0.1 only,
accepts that one key for the current user and nothing else (no passwords, no
PAM), and runs in the foreground (``-D``) with its log on stderr (``-e``),
which goes to ``sshd.log``.

Environment on the far side: sshd starts the command through the user's login
shell with a fresh environment (its own ``PATH``, no client variables unless
``AcceptEnv`` allows them; a ``~/.bashrc`` may change more). Rather than rely on
``SendEnv``/``SetEnv`` with ``AcceptEnv`` (the server overwrites ``PATH`` after
applying accepted variables, and shell start-up files run after that), the
remote command itself starts with ``export NAME=value ...;``. That is applied
last, works with any sshd configuration and shows up in the command line.
``TERM`` is not exported: ssh sends the client's ``TERM`` with its terminal
request, exactly as for a person.

Running as root (as in CI) needs ``PermitRootLogin prohibit-password`` and the
privilege separation directory ``/run/sshd``, created here if missing. With
``UsePAM no``, sshd refuses accounts whose password field in /etc/shadow starts
with ``!`` (locked); the start-up login check reports that clearly.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from tests.e2e.tools import require_tool

HOST = "127.0.0.1"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (Linux /proc), for ending sshd's per-connection copies."""
    found = []
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else []:
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text()
            # "pid (name) state ppid ...": the name may hold spaces or parentheses.
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


class SshServer:
    """An sshd on a free port of 127.0.0.1 that lets one temporary key log in as the current user.

    ``start()`` brings it up and checks that a login works; ``ssh_command()``
    builds the client command line for a remote command; ``stop()`` ends the
    server and its connections.
    """

    def __init__(
        self, folder: Path, *, sshd: str = "/usr/sbin/sshd", user: str | None = None
    ) -> None:
        self.sshd = require_tool(sshd, "openssh-server")
        self.ssh = require_tool("ssh", "openssh-client")
        self.ssh_keygen = require_tool("ssh-keygen", "openssh-client")
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.user = user or getpass.getuser()
        self.host = HOST
        self.port = 0
        self.host_key = folder / "ssh_host_ed25519_key"
        self.user_key = folder / "id_ed25519"
        self.authorized_keys = folder / "authorized_keys"
        self.config = folder / "sshd_config"
        self.pid_file = folder / "sshd.pid"
        self.log_path = folder / "sshd.log"
        self._process: subprocess.Popen[bytes] | None = None

    # -- starting -----------------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> None:
        """Generate keys, start sshd, wait until it answers, and check that a login works."""
        for key in (self.host_key, self.user_key):
            if not key.exists():
                subprocess.run(
                    [self.ssh_keygen, "-q", "-t", "ed25519", "-N", "", "-C", "e2e", "-f", str(key)],
                    check=True,
                    capture_output=True,
                    timeout=30,
                )
        self.authorized_keys.write_text(self.user_key.with_suffix(".pub").read_text())
        self.authorized_keys.chmod(0o600)
        if os.geteuid() == 0:
            Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # privilege separation
        for _attempt in range(3):  # another process may take the free port before sshd binds
            self.port = _free_port()
            self._write_config()
            with open(self.log_path, "ab") as log:
                self._process = subprocess.Popen(
                    [self.sshd, "-D", "-e", "-f", str(self.config)],
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=log,
                )
            if self._wait_until_listening(timeout):
                break
            if "Address already in use" not in self.log():
                raise AssertionError(f"sshd did not start; its log:\n{self.log()}")
        else:
            raise AssertionError(f"sshd found no free port; its log:\n{self.log()}")
        self._check_login()

    def _write_config(self) -> None:
        self.config.write_text(
            "\n".join(
                [
                    f"Port {self.port}",
                    f"ListenAddress {HOST}",
                    "AddressFamily inet",
                    f"HostKey {self.host_key}",
                    f"PidFile {self.pid_file}",
                    f"AuthorizedKeysFile {self.authorized_keys}",
                    f"AllowUsers {self.user}",
                    "AuthenticationMethods publickey",
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "UsePAM no",
                    "StrictModes no",  # the key files live in temporary folders
                    "PermitRootLogin prohibit-password",
                    "PermitUserEnvironment no",
                    "AcceptEnv LANG LC_*",
                    "PermitTTY yes",
                    "X11Forwarding no",
                    "AllowTcpForwarding no",
                    "AllowAgentForwarding no",
                    "PrintMotd no",
                    "PrintLastLog no",
                    "UseDNS no",
                    "LogLevel VERBOSE",
                    "",
                ]
            )
        )

    def _wait_until_listening(self, timeout: float) -> bool:
        """Wait for the SSH greeting on the port; False if sshd exited instead."""
        assert self._process is not None
        deadline = time.monotonic() + timeout
        while True:
            if self._process.poll() is not None:
                return False
            with (
                contextlib.suppress(OSError),
                socket.create_connection((HOST, self.port), timeout=1) as connection,
            ):
                if connection.recv(64).startswith(b"SSH-"):
                    return True
            if time.monotonic() >= deadline:
                self.stop()
                raise AssertionError(f"sshd did not answer within {timeout}s:\n{self.log()}")
            time.sleep(0.05)

    def _check_login(self) -> None:
        """Log in once without a terminal, so a refused login fails here, explained."""
        result = subprocess.run(
            self.ssh_command("echo e2e-login-ok", tty=False, env={}),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=30,
        )
        if result.returncode == 0 and "e2e-login-ok" in result.stdout:
            return
        log = self.log()
        hint = ""
        if "account is locked" in log:
            hint = (
                f"\nsshd (UsePAM no) refuses locked accounts: unlock {self.user} without "
                f"giving it a password, e.g. `usermod -p '*' {self.user}`."
            )
        self.stop()
        raise AssertionError(
            f"ssh login as {self.user} to the test sshd failed (status {result.returncode}): "
            f"{result.stderr.strip()}{hint}\nsshd log:\n{log}"
        )

    # -- using --------------------------------------------------------------------------------

    def remote_environment(self) -> dict[str, str]:
        """What ``ssh_command`` exports on the far side by default.

        ``PATH`` with this Python's ``bin`` folder first (so the venv's console
        scripts, ``lede`` among them, and its ``python`` are found), ``LANG=C.UTF-8``,
        and every ``XDG_*`` variable of this process (the test's own folders).
        """
        env = {
            "PATH": os.pathsep.join(
                [str(Path(sys.executable).parent), os.environ.get("PATH", os.defpath)]
            ),
            "LANG": "C.UTF-8",
        }
        env.update({name: value for name, value in os.environ.items() if name.startswith("XDG_")})
        return env

    def ssh_command(
        self, remote_command: str, *, tty: bool = True, env: Mapping[str, str] | None = None
    ) -> list[str]:
        """The ``ssh`` argument list that runs ``remote_command`` (a shell command line) here.

        With ``tty`` (``-tt``) the far side gets a terminal, like ``ssh -t host
        program``; without it (``-T``), plain pipes. The remote command is prefixed
        with ``export`` of ``remote_environment()`` updated with ``env``; pass
        ``env={}`` for just the defaults. ``-F /dev/null`` keeps a developer's
        ``~/.ssh/config`` (control masters, remote commands) out of the test.
        """
        if self.port == 0:
            raise AssertionError("the sshd is not started: call SshServer.start() first")
        variables = self.remote_environment() | dict(env or {})
        for name in variables:
            if not _NAME.fullmatch(name):
                raise ValueError(f"not an environment variable name: {name!r}")
        if variables:
            exports = " ".join(f"{name}={shlex.quote(value)}" for name, value in variables.items())
            remote_command = f"export {exports}; {remote_command}"
        return [
            self.ssh,
            "-tt" if tty else "-T",
            "-F",
            "/dev/null",
            "-p",
            str(self.port),
            "-i",
            str(self.user_key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "BatchMode=yes",
            "-o",
            "ConnectTimeout=10",
            f"{self.user}@{HOST}",
            remote_command,
        ]

    def log(self) -> str:
        """sshd's log so far (connections, refusals, errors)."""
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    # -- stopping -----------------------------------------------------------------------------

    def stop(self) -> None:
        """End sshd and the sshd processes serving open connections (their sessions hang up)."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        connections = _children(process.pid)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        for pid in connections:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    def __enter__(self) -> SshServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
