"""The values every part of the preview package shares: the result and the one error type."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.text import one_line, strip_controls


class PreviewError(Exception):
    """A fetch or extraction failure with a one-line, user-facing message (``str(e)``).

    The message often quotes the server (a content type, a host name), so it is
    cleaned of control characters and folded to one line here, once for all callers.
    """

    def __init__(self, message: str) -> None:
        super().__init__(one_line(strip_controls(message)))


@dataclass(frozen=True)
class Preview:
    """The readable text of a web page, as Markdown, and where and when it came from."""

    url: str
    final_url: str
    title: str
    markdown: str
    fetched_at: datetime
    from_cache: bool

    def as_record(self) -> dict[str, str]:
        """The JSON form, shared by the cache files and ``lede preview --json``."""
        return {
            "url": self.url,
            "final_url": self.final_url,
            "title": self.title,
            "markdown": self.markdown,
            "fetched_at": self.fetched_at.isoformat(),
        }
