"""Previews kept on disk, so a page read once can be read again instantly and offline.

One JSON file per URL, named by the SHA-256 of the URL. A URL's ``user:password@``
part never reaches the disk: neither the name nor the record holds it. The cache is only an
optimisation: a file that cannot be read or parsed is a miss, and a cache that
cannot be written is not an error.
"""

from __future__ import annotations

import json
from datetime import datetime

from models.text import strip_controls
from preview.fetcher import without_credentials
from preview.model import Preview
from preview.url_files import UrlFiles

_FIELDS = ("url", "final_url", "title", "markdown", "fetched_at")


class PreviewCache(UrlFiles):
    """A directory of cached previews, created when first written to."""

    SUFFIX = ".json"

    def get(self, url: str) -> Preview | None:
        """The cached preview of ``url``, or None if there is none or it is unreadable."""
        kept = self.read(url)
        if kept is None:
            return None
        try:
            record = json.loads(kept.decode("utf-8"))
            fields = {name: record[name] for name in _FIELDS}
            fetched_at = datetime.fromisoformat(fields.pop("fetched_at"))
        except (ValueError, TypeError, KeyError, RecursionError):  # nested past what it parses
            return None
        if fields["url"] != without_credentials(url) or fetched_at.tzinfo is None:
            return None
        if not all(isinstance(value, str) for value in fields.values()):
            return None
        clean = {name: strip_controls(value) for name, value in fields.items()}
        return Preview(**clean, fetched_at=fetched_at, from_cache=True)

    def put(self, preview: Preview) -> None:
        """Store ``preview`` atomically (temporary file, then rename); failures are ignored."""
        record = preview.as_record()
        for name in ("url", "final_url"):
            record[name] = without_credentials(record[name])
        self.write(preview.url, json.dumps(record, ensure_ascii=False).encode("utf-8"))
