"""HTTP for untrusted pages: only http(s), bounded in time, size and redirects.

A link in an article can point anywhere, so every way a server can hold us up
(dripping bytes, a gzip bomb, a redirect loop, a PDF) ends in a ``PreviewError``
with a short reason instead of a hang, a traceback or an exhausted memory.
"""

from __future__ import annotations

import asyncio
import email.utils
import os
import re
import socket
import ssl
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

import httpx

from models.text import SHOWN_URL, shown_part
from preview.model import PreviewError

USER_AGENT = "lede/0.1 (+terminal news reader)"
TEXT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_SCHEMES = frozenset({"http", "https"})
_ERRNO = re.compile(r"^\[Errno -?\d+\]\s*")
_BAD_LOCATION = "Invalid URL in location header: "  # httpx's words, then the fault
_LONG_HEAD = "Receive buffer too long"  # the HTTP parser's words for headers past its limit


@dataclass(frozen=True)
class Wanted:
    """What a fetch is for: the ``Accept`` header it sends, the media types it keeps (exact
    ones, or any under ``prefix``), the words for what it refuses and what is too big,
    and the type a response that names none is taken to be."""

    accept: str
    refusal: str
    noun: str
    types: frozenset[str] = frozenset()
    prefix: str = ""
    untyped: str = "text/html"

    def takes(self, media_type: str) -> bool:
        return media_type in self.types or bool(self.prefix and media_type.startswith(self.prefix))

    def headers(self) -> dict[str, str]:
        # The body is decompressed here, not by httpx, so that inflating can stop at the
        # size cap in the middle of a chunk; hence the one encoding asked for.
        return {"User-Agent": USER_AGENT, "Accept": self.accept, "Accept-Encoding": "gzip"}


PAGES = Wanted(
    "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8", "not a web page", "page", TEXT_TYPES
)
# Bytes of no type, or of none named, are an image's too: storage services send a picture
# uploaded without its type so, and browsers show it; what is no picture is told from its
# header, before any pixel is read (``images.decode_image``).
OCTETS = "application/octet-stream"
IMAGES = Wanted(
    "image/*",
    "not an image",
    "image",
    frozenset({OCTETS, "binary/octet-stream"}),
    prefix="image/",
    untyped=OCTETS,
)


@dataclass(frozen=True)
class FetchLimits:
    """How long (seconds) and how much (bytes) one preview may take."""

    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 15.0
    max_bytes: int = 5_000_000  # both as sent and after decompression
    max_redirects: int = 5
    extract_timeout: float = 20.0  # reading the text out of the page (see ``pipeline``)


DEFAULT_LIMITS = FetchLimits()


@dataclass(frozen=True)
class Page:
    """A fetched body, still bytes: decoding needs both the declared charset and the bytes."""

    final_url: str  # without credentials
    media_type: str
    charset: str | None
    body: bytes


def check_url(url: str) -> httpx.URL:
    """Parse ``url``, refusing anything but an http(s) address with a host."""
    try:
        parsed = httpx.URL(url)
        host = parsed.host  # a malformed punycode name (xn--) fails only when decoded
    except (httpx.InvalidURL, ValueError) as error:
        raise PreviewError(f"invalid URL: {_url_fault(url, error)}") from None
    if parsed.scheme not in _SCHEMES:
        what = f"{parsed.scheme}: links" if parsed.scheme else "links without a scheme"
        raise PreviewError(f"only http and https links can be previewed, not {what}")
    if not host:
        raise PreviewError(f"invalid URL (no host): {_shown(url)}")
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise PreviewError(f"invalid URL (port {parsed.port} is not 1-65535)")
    return parsed


def _url_fault(url: str, error: Exception) -> str:
    """What is wrong with an address, as its reader would put it."""
    authority = url.partition("://")[2].split("/", 1)[0]
    if "[" in authority and "]" not in authority:  # httpx reads the address as a port
        return "the IPv6 address has no closing ]"
    return f"{_shown(url)} ({error})"


def _shown(url: str) -> str:
    """``url`` as a message shows it: without credentials, and its start alone when it is
    long (one of 100 kB filled the pane before its message said it was too long)."""
    return shown_part(without_credentials(url), SHOWN_URL)


def without_credentials(url: str) -> str:
    """``url`` without a ``user:password@`` part: what may be shown or written to disk."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


async def fetch_page(
    url: str,
    limits: FetchLimits = DEFAULT_LIMITS,
    client: httpx.AsyncClient | None = None,
    wanted: Wanted = PAGES,
) -> Page:
    """GET ``url`` within ``limits``, keeping only what is ``wanted`` (a web page unless
    told); a given ``client`` lends its connection pool and settings."""
    target = check_url(url)
    try:
        async with asyncio.timeout(limits.total_timeout):
            if client is not None:
                return await _follow(client, target, limits, wanted)
            async with httpx.AsyncClient() as own_client:
                return await _follow(own_client, target, limits, wanted)
    except TimeoutError:
        seconds = limits.total_timeout
        raise PreviewError(f"timed out: no complete {wanted.noun} after {seconds:g} s") from None


async def _follow(
    client: httpx.AsyncClient, url: httpx.URL, limits: FetchLimits, wanted: Wanted
) -> Page:
    """Follow redirects by hand so that every hop is checked and counted."""
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    for _ in range(limits.max_redirects + 1):
        request = client.build_request("GET", url, headers=wanted.headers(), timeout=timeout)
        try:
            response = await client.send(request, stream=True, follow_redirects=False)
            try:
                if not response.is_redirect:
                    return await _read(response, limits, wanted)
            finally:
                await response.aclose()
        except httpx.HTTPError as error:
            raise PreviewError(_describe(error, url.host)) from None
        # httpx resolves the Location header even when not following: a malformed
        # punycode name there (xn--) failed as an unexpected error.
        except (httpx.InvalidURL, UnicodeError):
            raise PreviewError(f"{url.host} sent an invalid redirect") from None
        url = _redirect(response, url)
    raise PreviewError(f"too many redirects (more than {limits.max_redirects})")


def _redirect(response: httpx.Response, url: httpx.URL) -> httpx.URL:
    """Where a redirect leads, checked as the first address was: a web link with a host
    and a port a connection can take."""
    location = response.headers.get("location")
    if not location:
        raise PreviewError(f"{url.host} sent a redirect without saying where to")
    try:
        target = response.url.join(location)
    except httpx.InvalidURL:
        raise PreviewError(f"{url.host} sent an invalid redirect") from None
    if target.scheme not in _SCHEMES:
        raise PreviewError(f"refused a redirect to a non-web link ({target.scheme}:)")
    try:
        return check_url(str(target))
    except PreviewError as error:
        raise PreviewError(f"{url.host} sent an invalid redirect: {error}") from None


async def _read(response: httpx.Response, limits: FetchLimits, wanted: Wanted) -> Page:
    """Check status, type and length, then read the body up to the size cap."""
    if response.status_code >= 400:
        reason = httpx.codes.get_reason_phrase(response.status_code)
        wait = _retry_after(response.headers.get("retry-after", ""))
        raise PreviewError(f"HTTP {response.status_code} {reason}".strip() + wait)
    content_type = response.headers.get("content-type", "")
    media_type = content_type.partition(";")[0].strip().lower() or wanted.untyped
    if not wanted.takes(media_type):
        raise PreviewError(f"{wanted.refusal}: the server sent {media_type}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise PreviewError(f"{wanted.noun} too large: {int(declared):,} bytes")
    inflater = _inflater(response.headers.get("content-encoding", ""))
    body = bytearray()
    async for chunk in response.aiter_raw():
        if response.num_bytes_downloaded > limits.max_bytes:
            raise PreviewError(f"{wanted.noun} too large: more than {limits.max_bytes:,} bytes")
        pending = chunk
        while pending:
            if inflater is None:
                data, pending = pending, b""
            else:
                # Never inflate more than one byte past the cap: a few kilobytes
                # of gzip can hold gigabytes of zeros.
                data = _inflate(inflater, pending, limits.max_bytes - len(body) + 1)
                pending = inflater.unconsumed_tail
            body += data
            if len(body) > limits.max_bytes:
                raise PreviewError(
                    f"{wanted.noun} too large: more than {limits.max_bytes:,} bytes "
                    "once decompressed"
                )
    # The page's own address resolves its relative links: no credentials in them.
    final_url = without_credentials(str(response.url))
    return Page(final_url, media_type, response.charset_encoding, bytes(body))


def _retry_after(value: str) -> str:
    """When a refusing site (too many requests, down for a while) asks to be tried again,
    in words: the status alone does not say whether ``r`` may help in a minute or a day."""
    value = value.strip()
    if value.isdigit():
        seconds = int(value)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return ""
        if when.tzinfo is None:
            return ""
        seconds = int((when - datetime.now(UTC)).total_seconds())
    if seconds <= 0:
        return ""
    for unit, size in (("day", 86_400), ("hour", 3_600), ("minute", 60)):
        if seconds >= size:
            count = -(-seconds // size)
            return f" (try again in {count} {unit}{'s' if count > 1 else ''})"
    return f" (try again in {seconds} s)"


def _inflater(content_encoding: str) -> zlib._Decompress | None:
    """A decompressor for the body, or None when it was sent as is."""
    encoding = content_encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # detects a gzip or zlib header
    raise PreviewError(f"unsupported content encoding: {encoding}")


def _inflate(inflater: zlib._Decompress, data: bytes, max_length: int) -> bytes:
    try:
        return inflater.decompress(data, max_length)
    except zlib.error:
        raise PreviewError("the server sent a corrupt compressed body") from None


def _describe(error: httpx.HTTPError, host: str) -> str:
    """One plain line for a transport failure: no errno, no exception class."""
    if isinstance(error, httpx.ConnectTimeout):
        return f"timed out connecting to {host}"
    if isinstance(error, httpx.TimeoutException):
        return f"timed out waiting for {host}"
    if isinstance(error, httpx.ConnectError):
        return f"could not connect to {host}: {_reason(error)}"
    if isinstance(error, httpx.RemoteProtocolError) and "bytearray(" in str(error):
        # The parser quotes the line it refused as Python's repr of the bytes.
        return f"{host} did not answer in HTTP ({str(error).partition(':')[0]})"
    if isinstance(error, httpx.RemoteProtocolError) and str(error) == _LONG_HEAD:
        return f"{host} sent headers too long to read"
    if isinstance(error, httpx.RemoteProtocolError) and str(error).startswith(_BAD_LOCATION):
        fault = str(error).removeprefix(_BAD_LOCATION).rstrip(".")
        return f"{host} sent an invalid redirect: {fault}"
    return f"could not fetch from {host}: {_reason(error)}"


def _reason(error: BaseException) -> str:
    """The underlying cause in plain words: ``Connection refused``, ``Name or service not known``.

    httpx's own message for a refused connection is "All connection attempts failed".
    """
    cause = error.__cause__ or error.__context__
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return _secure_fault(cause)
        if isinstance(cause, socket.gaierror) and cause.strerror:
            return cause.strerror
        if isinstance(cause, OSError) and not isinstance(cause, ssl.SSLError) and cause.errno:
            return os.strerror(cause.errno)
        cause = cause.__cause__ or cause.__context__
    return _ERRNO.sub("", str(error)) or type(error).__name__


def _secure_fault(error: ssl.SSLError) -> str:
    """A failed TLS handshake in words, not OpenSSL's codes (``WRONG_VERSION_NUMBER``)."""
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"its certificate is not trusted ({error.verify_message})"
    if error.reason == "WRONG_VERSION_NUMBER":
        return "it does not answer https at this address (an http:// link?)"
    reason = (error.reason or type(error).__name__).replace("_", " ").lower()
    return f"the secure connection failed ({reason})"
