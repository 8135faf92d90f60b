"""Lead images against a real local server: real PNG and JPEG, and every hostile kind."""

from __future__ import annotations

import os
import time
import tracemalloc
from io import BytesIO
from pathlib import Path

import pytest

from preview.fetcher import FetchLimits
from preview.images import ImageCache, ImageError, decode_image, fetch_image
from tests.images import PHOTO_SIZE, bomb, jpeg_claiming, png, serve_images, truncated
from tests.webserver import TestServer

QUICK = FetchLimits(connect_timeout=2, read_timeout=2, total_timeout=3)


@pytest.fixture
def images(server: TestServer) -> TestServer:
    serve_images(server)
    return server


async def fetched(server: TestServer, path: str, cache: ImageCache) -> bytes:
    return (await fetch_image(server.url(path), cache, QUICK)).data


@pytest.mark.parametrize("path", ["/photo.png", "/photo.jpg"])
async def test_a_real_image_is_fetched_and_decoded(images: TestServer, path: str, tmp_path) -> None:
    decoded = decode_image(await fetched(images, path, ImageCache(tmp_path)))
    assert decoded.picture.size == PHOTO_SIZE and decoded.picture.mode == "RGB"
    assert (decoded.width, decoded.height) == PHOTO_SIZE
    assert images.headers_seen[0]["Accept"] == "image/*"


def problem(data: bytes) -> str:
    with pytest.raises(ImageError) as caught:
        decode_image(data)
    message = str(caught.value)
    assert message and "\n" not in message
    return message


def problem_and_peak(data: bytes) -> tuple[str, int]:
    """What decoding ``data`` says, and the most memory Python held meanwhile (Pillow's
    modules imported first: a worker's first picture imports them, which is no decoding)."""
    from PIL import Image

    Image.init()
    tracemalloc.start()
    try:
        message = problem(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return message, peak


async def test_a_decompression_bomb_is_refused_from_its_header(
    images: TestServer, tmp_path
) -> None:
    data = await fetched(images, "/bomb.png", ImageCache(tmp_path))
    assert len(data) < 200
    message, peak = problem_and_peak(data)
    assert message == "image too large to show (more than 24,000,000 pixels)"
    assert peak < 1_000_000  # the header was read, not a pixel decoded


def test_the_cap_holds_below_pillow_s_own_bomb_check() -> None:
    """Pillow refuses more than twice its limit by itself and only warns below that: the
    header check refuses from the cap on, and Pillow's limit is the same cap."""
    from PIL import Image

    assert problem(bomb(5000, 5000)) == (
        "image too large to show: 5,000x5,000 pixels (at most 24,000,000)"
    )
    assert Image.MAX_IMAGE_PIXELS == 24_000_000
    # Under the cap it is decoded, as far as the data allows: damaged, not too large.
    assert problem(bomb(4000, 4000)) == "the image is damaged or cut short"


async def test_a_photo_of_8000x8000_is_shown(images: TestServer, tmp_path) -> None:
    """Pillow refused it from its header, as more than twice the cap: "image too large to
    show (more than 24,000,000 pixels)". Decoded at a quarter of each side, it costs what
    it is shown at."""
    decoded = decode_image(await fetched(images, "/large.jpg", ImageCache(tmp_path)))
    assert (decoded.width, decoded.height) == (8000, 8000)
    assert decoded.picture.size == (1200, 1200)


@pytest.mark.parametrize(
    "data",
    [
        jpeg_claiming((39_000, 38_000), progressive=True),
        jpeg_claiming((39_000, 38_000), scan=1),  # the first scan one component of three
        jpeg_claiming((65_000, 65_000)),  # past the cap at an eighth of each side too
    ],
)
def test_a_jpeg_that_would_cost_more_than_the_cap_is_refused_from_its_header(
    data: bytes,
) -> None:
    """A JPEG decoded in several passes holds the whole image's coefficients whatever size
    it is shown at: only one decoded a band of rows at a time is let past the cap."""
    message, peak = problem_and_peak(data)
    assert message.startswith("image too large to show: ")
    assert message.endswith(" pixels (at most 24,000,000)")
    assert peak < 1_000_000


async def test_a_truncated_image_is_one_line(images: TestServer, tmp_path) -> None:
    data = await fetched(images, "/truncated.png", ImageCache(tmp_path))
    assert data == truncated()
    assert problem(data) == "the image is damaged or cut short"


async def test_html_served_as_png_is_not_an_image(images: TestServer, tmp_path) -> None:
    data = await fetched(images, "/fake.png", ImageCache(tmp_path))
    assert problem(data) == (
        "not an image lede can read (it reads PNG, JPEG, GIF, WebP, AVIF, BMP and ICO)"
    )


EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n%%EOF\n"


def test_a_postscript_file_runs_no_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An EPS file sent as a PNG ran Ghostscript, where one is installed, on its PostScript
    (and its failure was a CalledProcessError): only the web's picture formats are opened."""
    from PIL import EpsImagePlugin

    ran = tmp_path / "ran"
    program = tmp_path / "bin" / "gs"
    program.parent.mkdir()
    program.write_text(f'#!/bin/sh\necho "$@" >> {ran}\nexit 1\n')
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{program.parent}:{os.environ['PATH']}")
    monkeypatch.setattr(EpsImagePlugin, "gs_binary", None)  # found again, on this PATH
    assert problem(EPS) == (
        "not an image lede can read (it reads PNG, JPEG, GIF, WebP, AVIF, BMP and ICO)"
    )
    assert not ran.exists()


@pytest.mark.parametrize(
    "data",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
        b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- made by hand -->\n<svg\n width="9"></svg>',
    ],
)
def test_an_svg_drawing_is_named_as_one(data: bytes) -> None:
    assert problem(data) == (
        "an SVG drawing, which lede does not draw "
        "(it reads PNG, JPEG, GIF, WebP, AVIF, BMP and ICO)"
    )


def test_an_animation_of_a_thousand_frames_shows_its_first_at_once() -> None:
    from PIL import Image

    frames = [Image.new("P", (200, 100), number % 256) for number in range(1000)]
    out = BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=10)
    started = time.perf_counter()
    decoded = decode_image(out.getvalue())
    assert time.perf_counter() - started < 1
    assert (decoded.width, decoded.height) == (200, 100)


async def test_only_image_types_are_fetched(images: TestServer, tmp_path) -> None:
    with pytest.raises(ImageError, match="^not an image: the server sent text/html$"):
        await fetch_image(images.url("/page.html"), ImageCache(tmp_path), QUICK)


@pytest.mark.parametrize("path", ["/stored/photo.jpg", "/uploaded/photo.png", "/untyped/photo.png"])
async def test_a_picture_sent_as_bytes_of_no_type_is_shown(
    images: TestServer, path: str, tmp_path
) -> None:
    """A picture a server sends as bytes of no type (a storage service's default), or with
    no type at all, was "not an image: the server sent binary/octet-stream" (and, with no
    type, "text/html"), where a browser shows it."""
    decoded = decode_image(await fetched(images, path, ImageCache(tmp_path)))
    assert (decoded.width, decoded.height) == PHOTO_SIZE


async def test_a_page_sent_with_no_type_is_no_image(images: TestServer, tmp_path) -> None:
    data = await fetched(images, "/untyped/page.png", ImageCache(tmp_path))
    assert problem(data) == (
        "not an image lede can read (it reads PNG, JPEG, GIF, WebP, AVIF, BMP and ICO)"
    )


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.test/a.png",
        "javascript:alert(1)",
        "data:image/png;base64,iVBORw0KGgo=",
    ],
)
async def test_only_web_links_are_fetched(url: str, tmp_path) -> None:
    """An image's message said "only http and https links can be previewed"."""
    scheme = url.partition(":")[0]
    with pytest.raises(ImageError, match=f"only http and https images are fetched, not {scheme}:"):
        await fetch_image(url, ImageCache(tmp_path), QUICK)


async def test_the_size_cap_applies(images: TestServer, tmp_path) -> None:
    small = FetchLimits(connect_timeout=2, read_timeout=2, total_timeout=3, max_bytes=100)
    with pytest.raises(ImageError, match=r"^image too large: \d[\d,]* bytes$"):
        await fetch_image(images.url("/photo.png"), ImageCache(tmp_path), small)


async def test_a_cached_image_is_not_fetched_again(images: TestServer, tmp_path) -> None:
    cache = ImageCache(tmp_path / "images")
    url = images.url("/photo.png")
    first = await fetch_image(url, cache, QUICK)
    assert not first.from_cache
    cache.put(url, first.data)
    again = await fetch_image(url, cache, QUICK)
    assert again.from_cache and again.data == png()
    assert images.hits["/photo.png"] == 1


def test_a_large_image_is_shown_smaller_and_named_by_its_own_size() -> None:
    """The reader named the size it shows: "Image 1200x60" for a picture of 2000x100."""
    decoded = decode_image(png((2000, 100)))
    assert decoded.picture.size == (1200, 60)
    assert (decoded.width, decoded.height) == (2000, 100)


def bytes_grown(script: str, tmp_path: Path) -> int:
    """Bytes that ``script`` prints (in kB) after decoding a 6000x4000 PNG of some 80 kB,
    the file named by its first argument, run in a process of its own."""
    import subprocess
    import sys

    from PIL import Image

    picture = tmp_path / "large.png"
    Image.linear_gradient("L").resize((6000, 4000)).convert("RGB").save(picture, "PNG")
    command = [sys.executable, "-c", script, str(picture)]
    return 1024 * int(subprocess.check_output(command, text=True, cwd=Path(__file__).parents[2]))


PIXELS = 6000 * 4000 * 3  # one decode's full-size pixels


def test_a_large_image_is_decoded_without_a_second_copy_of_its_pixels(tmp_path: Path) -> None:
    """A 6000x4000 PNG of 80 kB took 248 MB to show: converted at full size, then scaled."""
    script = """
import sys
from PIL import Image, PngImagePlugin  # imported before the measure
from preview.images import decode_image
def peak():  # this process's own, in kB: getrusage's ru_maxrss keeps the parent's across exec
    status = open("/proc/self/status").read()
    return int(status.split("VmHWM:")[1].split()[0])
data = open(sys.argv[1], "rb").read()
before = peak()
decode_image(data)
print(peak() - before)
"""
    grown = bytes_grown(script, tmp_path)
    # Decoding holds the pixels and the decoder's own buffers (under twice the pixels); a
    # second full-size copy took it past three times.
    assert grown < PIXELS * 5 // 2, f"{grown:,} bytes more at the peak"


def test_a_decodes_memory_is_given_back_once_its_pixels_are_freed(tmp_path: Path) -> None:
    """The reader decodes each image in a new thread; the C library kept what each freed
    in its arena, and going through articles with large images held every decode's pixels
    (a 6000x4000 PNG: 131 MB held after eight decodes, for one picture kept)."""
    script = """
import sys, threading
from PIL import Image, PngImagePlugin  # imported before the measure
from preview.images import decode_image
def resident():  # in kB
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0])
data = open(sys.argv[1], "rb").read()
before = resident()
kept = []
for _ in range(8):  # as the reader does: a thread a decode, the last picture kept
    decode = threading.Thread(target=lambda: kept.append(decode_image(data).picture))
    decode.start()
    decode.join()
    del kept[:-1]
print(resident() - before)
"""
    held = bytes_grown(script, tmp_path)
    assert held < PIXELS // 2, f"{held:,} bytes still held"
