"""Real and hostile image files, made with Pillow, and routes that serve them on the test
server (``tests/webserver.py``)."""

from __future__ import annotations

import functools
import struct
import zlib
from io import BytesIO

from tests.webserver import TestServer, page

PHOTO_SIZE = (96, 48)


def png(size: tuple[int, int] = PHOTO_SIZE) -> bytes:
    """A real PNG: red above, blue below, so half-blocks show two colours."""
    from PIL import Image

    image = Image.new("RGB", size, (220, 30, 30))
    image.paste((30, 30, 220), (0, size[1] // 2, size[0], size[1]))
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def jpeg(size: tuple[int, int] = PHOTO_SIZE) -> bytes:
    """A real JPEG of a green gradient."""
    from PIL import Image

    image = Image.linear_gradient("L").resize(size).convert("RGB")
    out = BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


@functools.cache  # made for every test that serves the images, and slow to make
def large_jpeg(size: tuple[int, int]) -> bytes:
    """A real JPEG of ``size``, grey (a third of the memory to make), decoded in one pass."""
    from PIL import Image

    out = BytesIO()
    Image.linear_gradient("L").resize(size).save(out, "JPEG", quality=80)
    return out.getvalue()


def jpeg_claiming(size: tuple[int, int], *, progressive: bool = False, scan: int = 3) -> bytes:
    """A small JPEG whose header claims ``size`` and whose first scan holds ``scan`` of its
    three components (one: a sequential JPEG decoded in a pass a component)."""
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (64, 64), (30, 120, 60)).save(out, "JPEG", progressive=progressive)
    data = bytearray(out.getvalue())
    frame = data.index(b"\xff\xc2" if progressive else b"\xff\xc0")
    struct.pack_into(">HH", data, frame + 5, size[1], size[0])
    data[data.index(b"\xff\xda") + 4] = scan
    return bytes(data)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels (40 GB as RGBA)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def truncated() -> bytes:
    """A real PNG of noise, cut off in the middle of its pixels."""
    import random

    from PIL import Image

    image = Image.frombytes("RGB", (200, 200), random.Random(20).randbytes(200 * 200 * 3))
    out = BytesIO()
    image.save(out, "PNG")
    data = out.getvalue()
    return data[: len(data) // 2]


FAKE = b"<!DOCTYPE html><html><body><h1>Not an image</h1></body></html>"

SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'

ROUTES = {
    "/photo.png": (png, "image/png"),
    "/photo.jpg": (jpeg, "image/jpeg"),
    "/bomb.png": (bomb, "image/png"),
    "/truncated.png": (truncated, "image/png"),
    "/fake.png": (lambda: FAKE, "image/png"),
    "/page.html": (lambda: FAKE, "text/html; charset=utf-8"),
    "/drawing.svg": (lambda: SVG, "image/svg+xml"),
    "/thin.png": (lambda: png((1, 100_000)), "image/png"),
    "/large.jpg": (lambda: large_jpeg((8000, 8000)), "image/jpeg"),
    "/stored/photo.jpg": (jpeg, "binary/octet-stream"),  # a storage service's default
    "/uploaded/photo.png": (png, "application/octet-stream"),
    "/untyped/photo.png": (png, ""),
    "/untyped/page.png": (lambda: FAKE, ""),
}


def serve_images(server: TestServer) -> None:
    """Add every route of ``ROUTES`` to ``server``."""
    for path, (make, content_type) in ROUTES.items():
        server.routes[path] = page(make(), content_type=content_type)
