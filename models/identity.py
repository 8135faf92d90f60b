"""Normalising URLs so the same story reached by slightly different links is one identity."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# A link already in normal form but perhaps for its scheme: a lower-case host without
# "www.", a port or a user, and a path of visible ASCII. Most links are; telling them
# by one expression skips splitting and joining, a tenth of the time to index a file.
_PLAIN = re.compile(r"https?://(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)*(?:/[!-~]*)?")


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, drop default port, fragment, tracking parameters and
    a trailing slash; ``http`` and ``https`` are one identity."""
    url = url.strip()
    if _PLAIN.fullmatch(url) and "?" not in url and "#" not in url and not url.endswith("/"):
        return "https" + url[url.index(":") :]
    return normalise_url_parts(url)


def site_domain(url: str) -> str:
    """The host of a web address, without ``www.`` (``""`` for what is none: a path, a
    ``mailto:``)."""
    normal = normalise_url(url)
    if not normal.startswith("https://"):
        return ""
    try:
        return urlsplit(normal).hostname or ""
    except ValueError:
        return ""


def normalise_url_parts(url: str) -> str:
    """``normalise_url`` for any link, by its parts."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return url
    host = parts.hostname.lower().removeprefix("www.")
    if port and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    query = urlencode(
        [
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not key.lower().startswith(_TRACKING_PREFIXES)
        ]
    )
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("https", host, path, query, ""))
