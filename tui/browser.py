"""``o``: open a link in the user's web browser, or copy it and say truly why not.

Over SSH a browser would open on the wrong machine; on Linux without a display there
is none to open; and a browser can fail to start. In each case the URL is copied to
the user's own clipboard instead (OSC 52), and the message says which it was.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from textual.app import App

from models.text import SHOWN_URL, shown_part

SSH_VARIABLES = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")


def reason_not_to_open(environ: Mapping[str, str], platform: str) -> str | None:
    """Why a browser must not be opened from here, or None when one may be."""
    if any(environ.get(name) for name in SSH_VARIABLES):
        return "Remote session (SSH)"
    if platform.startswith("linux") and not (
        environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")
    ):
        return "No display ($DISPLAY unset)"
    return None


def open_in_browser(app: App, url: str) -> None:
    """Open ``url`` where the user is: their browser, or else their clipboard."""
    if app.is_web:  # served by textual-serve: the page opens it in the browser it is in
        app.open_url(url)
        app.notify(f"Opening {shown_part(url, SHOWN_URL)}", markup=False, timeout=2)
        return
    reason = reason_not_to_open(os.environ, sys.platform)
    if reason is not None:
        copy_instead(app, url, reason)
        return
    # Starting a browser runs programs (xdg-open...): off the UI thread.
    app.run_worker(lambda: _launch(app, url), thread=True, group="browser", exit_on_error=False)


def _launch(app: App, url: str) -> None:
    import webbrowser  # only now: it looks for browsers on the PATH when first used

    if webbrowser.open(url):
        opening = f"Opening {shown_part(url, SHOWN_URL)}"
        app.call_from_thread(app.notify, opening, markup=False, timeout=2)
    else:
        app.call_from_thread(copy_instead, app, url, "No browser could be started")


def copy_instead(app: App, url: str, reason: str) -> None:
    """Copy ``url`` to the user's clipboard and say why it was not opened."""
    app.copy_to_clipboard(url)
    app.notify(f"{reason}: copied {shown_part(url, SHOWN_URL)} instead", markup=False, timeout=4)
