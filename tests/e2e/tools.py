"""Finding the programs the end-to-end harness drives, with a clear message when one is missing."""

from __future__ import annotations

import os
import shutil


class MissingToolError(AssertionError):
    """A program the harness needs is not installed.

    An ``AssertionError`` on purpose: CI installs these packages, so a missing
    one must fail the run loudly (a skip would hide that the tests never ran).
    """


def require_tool(program: str, package: str) -> str:
    """The absolute path of ``program`` (a name looked up on PATH, or a path).

    Raises ``MissingToolError`` naming the Debian/Ubuntu ``package`` to install.
    """
    found = shutil.which(program) if os.sep not in program else None
    if found is None and os.sep in program and os.access(program, os.X_OK):
        found = program
    if found is None:
        raise MissingToolError(
            f"{program} is not installed; the end-to-end tests need it: "
            f"apt-get install -y {package}"
        )
    return found
