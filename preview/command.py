"""``lede preview URL [--json]``: the readable text of a page on standard output."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TextIO

from models.text import json_line, printable
from preview.cache import PreviewCache
from preview.model import PreviewError
from preview.pipeline import fetch_preview


def preview_command(url: str, as_json: bool, cache_dir: Path | None, out: TextIO) -> int:
    """Run ``lede preview URL [--json]`` and return its exit status.

    Prints the page's Markdown (or one JSON object with url, final_url, title,
    markdown and fetched_at) to ``out`` and returns 0; on failure prints
    ``lede: preview failed: <reason>`` to stderr and returns 1.
    """
    cache = PreviewCache(cache_dir) if cache_dir is not None else None
    try:
        preview = asyncio.run(fetch_preview(url, cache=cache))
    except PreviewError as error:
        print(f"lede: preview failed: {error}{_with_a_scheme(url)}", file=sys.stderr)
        return 1
    if as_json:
        out.write(json_line(preview.as_record(), out.encoding) + "\n")
    else:
        out.write(preview.markdown + "\n")
    return 0


def _with_a_scheme(url: str) -> str:
    """How to write an address typed as a browser's address bar takes it, without its
    scheme (``example.com/news``): the preview needs the ``https://`` written out."""
    import shlex  # only on a failure, never on the way to the reader
    from urllib.parse import urlsplit

    if urlsplit(url).scheme or not url.strip() or url.startswith("/"):
        return ""
    return f"; try lede preview {printable(shlex.quote('https://' + url.strip()))}"
