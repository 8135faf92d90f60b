"""Finding the programs the end-to-end harness drives, with a clear message when one is
missing, and the one-story corpus its network tests read."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import write_document


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


def one_story_corpus(folder: Path, original_url: str, image_url: str | None = None) -> Path:
    """A corpus in ``folder/corpus`` of one story with only an excerpt, linking to
    ``original_url`` and, when given, a lead image at ``image_url``."""
    corpus = folder / "corpus"
    corpus.mkdir()
    images = f'images:\n  - url: "{image_url}"\n' if image_url else ""
    write_document(
        corpus,
        "story.md",
        'title: "Harbour bridge story"\n'
        'excerpt: "Only an excerpt here."\n'
        "publishedDateTime: 2024-05-01T08:00:00Z\n"
        f'originalUrl: "{original_url}"\n' + images,
    )
    return corpus


def latin1_locale(folder: Path) -> dict[str, str]:
    """The environment of a user whose locale says ISO-8859-1 (``LANG=en_US.ISO-8859-1``),
    as an old server's default or a forwarded client setting does.

    The locale is compiled into ``folder`` with ``localedef`` (found through
    ``LOCPATH``): few systems have it installed. Where ``localedef`` cannot, Python is
    told the character set directly (``PYTHONIOENCODING``), which is all the locale
    changes for lede.
    """
    name = "en_US.ISO-8859-1"
    localedef = shutil.which("localedef")
    if localedef is not None:
        subprocess.run(
            [localedef, "-i", "en_US", "-f", "ISO-8859-1", str(folder / name)],
            capture_output=True,
            check=False,
        )
    if (folder / name).is_dir():
        return {"LOCPATH": str(folder), "LANG": name, "LC_ALL": name}  # LOCPATH first
    return {"LANG": name, "LC_ALL": name, "PYTHONIOENCODING": "iso8859-1"}
