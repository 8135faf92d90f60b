"""``lede --serve``: the same reader in a web browser, through textual-serve.

Each browser session runs its own ``lede`` process on the server; the page
talks to it over a websocket. It listens on loopback unless told otherwise.
"""

from __future__ import annotations

import os
import shlex
import sys


def serve(paths: list[str], *, host: str, port: int) -> int:
    """Serve the reader on ``host:port`` until interrupted."""
    from textual_serve.server import Server

    command = shlex.join([sys.executable, "-m", "tui", *map(os.path.abspath, paths)])
    sys.stderr.write(f"lede: serving the reader at http://{host}:{port}/ (ctrl+c stops)\n")
    Server(command, host=host, port=port, title="lede").serve()
    return 0
