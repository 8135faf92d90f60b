"""Preview: fetch an article's original page and turn it into readable Markdown.

trafilatura (the extractor) is imported only when a page is extracted, so
importing this package stays cheap.
"""

from preview.cache import PreviewCache
from preview.command import preview_command
from preview.fetcher import FetchLimits, without_credentials
from preview.model import Preview, PreviewError
from preview.pipeline import fetch_preview

__all__ = [
    "FetchLimits",
    "Preview",
    "PreviewCache",
    "PreviewError",
    "fetch_preview",
    "preview_command",
    "without_credentials",
]
