"""Finding the programs the end-to-end harness drives, with a clear message when one is
missing, and the one-story corpus its network tests read."""

from __future__ import annotations

import os
import shutil
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
