"""A real OpenSSH server on 127.0.0.1 for the SSH end-to-end test.

It uses a temporary host key and user key (no passwords, no PAM) and only
accepts the current user with that key. The client command it builds asks
for a terminal (``-tt``) as a person's ``ssh -t host lede`` does.
"""

from __future__ import annotations

import getpass
import shlex
import socket
import subprocess
import time
from pathlib import Path

SSHD = Path("/usr/sbin/sshd")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sshd:
    """An sshd listening on a free loopback port until ``stop()``."""

    def __init__(self, folder: Path) -> None:
        if not SSHD.exists():
            raise AssertionError("sshd is missing: install openssh-server (scripts/test does)")
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.port = _free_port()
        self.host_key = folder / "host_ed25519"
        self.user_key = folder / "user_ed25519"
        for key in (self.host_key, self.user_key):
            subprocess.run(
                ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True
            )
        authorized = folder / "authorized_keys"
        authorized.write_text(self.user_key.with_suffix(".pub").read_text())
        authorized.chmod(0o600)
        config = folder / "sshd_config"
        config.write_text(
            f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {self.host_key}\n"
            f"AuthorizedKeysFile {authorized}\nPidFile {folder / 'sshd.pid'}\n"
            "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n"
            "StrictModes no\nPermitRootLogin prohibit-password\n"
            f"AllowUsers {getpass.getuser()}\nPrintMotd no\nAcceptEnv LANG LC_*\n"
        )
        Path("/run/sshd").mkdir(exist_ok=True)  # privilege separation directory
        with open(folder / "sshd.log", "w") as log:
            self.process = subprocess.Popen(
                [str(SSHD), "-D", "-e", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=log
            )
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    log = (folder / "sshd.log").read_text()
                    raise AssertionError(f"sshd did not start: {log}") from None
                time.sleep(0.1)

    def ssh_command(self, remote: list[str], env: dict[str, str]) -> list[str]:
        """``ssh -tt`` into this server running ``remote`` with ``env`` set on the far side."""
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        return [
            "ssh",
            "-tt",
            "-p",
            str(self.port),
            "-i",
            str(self.user_key),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "BatchMode=yes",
            f"{getpass.getuser()}@127.0.0.1",
            f"env {exports} {shlex.join(remote)}",
        ]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
