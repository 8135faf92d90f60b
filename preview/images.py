"""An article's lead image: fetched only on request, within the preview's bounds, cached on
disk, and decoded with its memory bounded.

An image URL comes from the corpus and the bytes from anywhere, so every way they can
hurt ends in an ``ImageError`` of one line: a server that sends HTML as ``image/png``, a
file cut short, and a decompression bomb (a small file whose header claims billions of
pixels) is refused from its header, before a single pixel is decoded.
"""

from __future__ import annotations

import asyncio
import functools
import re
import warnings
from dataclasses import dataclass
from io import BytesIO
from types import ModuleType
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from preview.fetcher import DEFAULT_LIMITS, IMAGES, FetchLimits, fetch_page
from preview.jpeg_scans import decoded_in_one_pass
from preview.local_image import LocalImageError, is_local, read_local_image
from preview.model import PreviewError
from preview.url_files import UrlFiles

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PIL.Image import Image

MAX_PIXELS = 24_000_000  # a 6000x4000 photo; above it an image is refused unread
SHOWN_SIZE = (1200, 1200)  # decoded images are scaled down to this at most: no terminal needs more
# A side longer than this many times the other leaves less than a cell to draw the other
# in (a 1x100000 image drew nothing under "Image 1x100000").
MAX_ASPECT = 40
# The formats pictures on the web come in, the only ones opened: Pillow reads forty, some
# by running another program on the data (an EPS file, served as image/png or named
# cover.png, ran Ghostscript on its PostScript) and others through rarely used decoders.
FORMATS = ("PNG", "JPEG", "GIF", "WEBP", "AVIF", "BMP", "ICO")
READ = "PNG, JPEG, GIF, WebP, AVIF, BMP and ICO"
# Modes Pillow scales as they are: others (a palette, 16-bit grey) are converted first.
_SCALED_AS_IS = frozenset({"RGB", "RGBA", "L", "LA"})


class ImageError(Exception):
    """Why an image cannot be shown, in one line."""


@dataclass(frozen=True)
class FetchedImage:
    """An image's bytes and whether they came from the disk cache."""

    url: str
    data: bytes
    from_cache: bool
    local: bool = False  # a file of the corpus (see ``local_image``), kept in no cache


class ImageCache(UrlFiles):
    """Images on disk, one file per URL named by the SHA-256 of the URL (without
    credentials); a file that cannot be read is a miss, one that cannot be written is
    no error."""

    SUFFIX = ".image"

    def get(self, url: str) -> bytes | None:
        return self.read(url)

    def put(self, url: str, data: bytes) -> None:
        """Store atomically (temporary file, then rename)."""
        self.write(url, data)


async def fetch_image(
    url: str,
    cache: ImageCache,
    limits: FetchLimits = DEFAULT_LIMITS,
    *,
    document: str = "",
    roots: Sequence[str] = (),
) -> FetchedImage:
    """The bytes of the image at ``url``, from the cache or the network (http(s) only,
    ``image/*`` only, within ``limits``), or, for a path that the ``document`` at that
    path names, from its site or ``roots`` on the disk; raises ``ImageError``."""
    if document and is_local(url):
        try:
            data = await asyncio.to_thread(
                read_local_image, url, document, list(roots), limits.max_bytes
            )
        except LocalImageError as error:
            raise ImageError(str(error)) from None
        return FetchedImage(url, data, from_cache=False, local=True)
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):  # the preview's words, "can be previewed", misled
        raise ImageError(f"only http and https images are fetched, not {scheme or 'this'}: links")
    cached = cache.get(url)
    if cached is not None:
        return FetchedImage(url, cached, from_cache=True)
    try:
        page = await fetch_page(url, limits, wanted=IMAGES)
    except PreviewError as error:
        raise ImageError(str(error)) from None
    return FetchedImage(url, page.body, from_cache=False)


@dataclass(frozen=True)
class DecodedImage:
    """An image as shown (no larger than ``SHOWN_SIZE``) and the size the file holds,
    which its header names: the shown one was named, 1200x60 for 2000x100."""

    picture: Image
    width: int
    height: int


def decode_image(data: bytes) -> DecodedImage:
    """Decode ``data`` into an RGB image no larger than ``SHOWN_SIZE``; raises ``ImageError``.

    The size is read from the header first (Pillow opens lazily) and an image of more
    than ``MAX_PIXELS`` is refused before its pixels are decoded; Pillow's own bomb
    check is set to the same cap, as a second guard. The memory the full-size pixels
    took is given back once they are freed (see ``_give_back_memory``).
    """
    try:
        return _decoded(data)
    finally:
        _give_back_memory()


def _give_back_memory() -> None:
    """Hand freed memory back to the system, where the C library is glibc: it keeps what a
    thread freed in that thread's arena, so going through articles with large images (a
    decode in a new thread each) held every decode's pixels long after they were freed."""
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is not None:
        trim(0)


@functools.cache
def _libc() -> object:
    import ctypes

    return ctypes.CDLL(None)


_SVG = re.compile(rb"<svg[\s>]", re.IGNORECASE)  # in the head of an XML file
JPEG_START = b"\xff\xd8\xff"  # a JPEG's start-of-image marker, then its first segment's


def _available(image_module: ModuleType) -> list[str]:
    """Those of ``FORMATS`` this Pillow was built with (AVIF came in 11.2)."""
    image_module.init()
    return [name for name in FORMATS if name in image_module.OPEN]


def _opened(data: bytes) -> Image:
    """``data`` opened lazily, its header read. A JPEG is opened past Pillow's own check of
    its header's size, which refused a photo of 8000x8000 as twice the cap: decoded in one
    pass, at an eighth of each side if need be, it costs what it is shown at, and the cap
    is held to that (``_decoded``)."""
    from PIL import Image, JpegImagePlugin

    if data.startswith(JPEG_START):
        return JpegImagePlugin.JpegImageFile(BytesIO(data))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return Image.open(BytesIO(data), formats=_available(Image))


def _decoded(data: bytes) -> DecodedImage:
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = _opened(data)
        width, height = image.size
        too_large = ImageError(
            f"image too large to show: {width:,}x{height:,} pixels (at most {MAX_PIXELS:,})"
        )
        # Only a JPEG decoded a band of rows at a time costs less than its own size.
        if width * height > MAX_PIXELS and not (
            image.format == "JPEG" and decoded_in_one_pass(data)
        ):
            raise too_large
        if max(width, height) > MAX_ASPECT * max(min(width, height), 1):
            raise ImageError(
                f"image too thin to show: {width:,}x{height:,} pixels "
                f"(one side more than {MAX_ASPECT} times the other)"
            )
        image.draft("RGB", SHOWN_SIZE)  # JPEG decodes at a fraction of its size if it can
        if image.width * image.height > MAX_PIXELS:  # still, at an eighth of each side
            raise too_large
        image.load()
        scaled: Image.Image = image
        if image.mode not in _SCALED_AS_IS:
            scaled = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        # Scaled down in place before the conversion to RGB: converting first made a second
        # copy of every pixel (a 6000x4000 PNG took 248 MB to show, now 156).
        scaled.thumbnail(SHOWN_SIZE)
        return DecodedImage(scaled.convert("RGB"), width, height)
    except Image.DecompressionBombError:
        raise ImageError(f"image too large to show (more than {MAX_PIXELS:,} pixels)") from None
    except UnidentifiedImageError:
        if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and _SVG.search(data[:1024]):
            raise ImageError(
                f"an SVG drawing, which lede does not draw (it reads {READ})"
            ) from None
        raise ImageError(f"not an image lede can read (it reads {READ})") from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ImageError("the image is damaged or cut short") from None
