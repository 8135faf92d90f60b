"""A folder of one file per URL, named by the SHA-256 of the URL without its
``user:password@`` part, each written whole or not at all.

The preview cache and the image cache keep their files so: shared here, a change to how
a file is named or written (its temporary, its rename) is made once for both.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

from models.regular_file import NotRegular, TooLarge, read_regular
from preview.fetcher import DEFAULT_LIMITS, without_credentials

# Far beyond what is kept of a page or an image fetched within the limits.
LARGEST = 4 * DEFAULT_LIMITS.max_bytes


class UrlFiles:
    """Files by URL in ``directory`` (created when first written to), ending in ``SUFFIX``."""

    SUFFIX = ""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def path_for(self, url: str) -> Path:
        """The file that holds (or would hold) what is kept of ``url``."""
        key = without_credentials(url).encode()
        return self.directory / f"{hashlib.sha256(key).hexdigest()}{self.SUFFIX}"

    def read(self, url: str) -> bytes | None:
        """What is kept of ``url``, or None: none is, or it cannot be read. A FIFO at its
        name (opening it waited for a writer, for ever) or a file larger than any kept is
        none either."""
        try:
            return read_regular(self.path_for(url), LARGEST)
        except (OSError, NotRegular, TooLarge):
            return None

    def write(self, url: str, data: bytes) -> None:
        """Store ``data`` for ``url`` atomically (a temporary file, then a rename); a file
        that cannot be written is no error, and leaves no temporary behind."""
        temporary = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                dir=self.directory, suffix=".tmp", delete=False
            ) as handle:
                temporary = handle.name
                handle.write(data)
            os.replace(temporary, self.path_for(url))
        except OSError:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
