"""The lead image in the reader: nothing fetched before ``i``, shown and hidden by ``i``,
cached, and every hostile image a one-line message."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import write_document
from tests.images import png, serve_images
from tests.tui.pilot import settled, until
from tests.webserver import TestServer, page
from tui.app import LedeApp
from tui.widgets.lead_image import LeadImage


@pytest.fixture(autouse=True)
def half_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDE_IMAGES", "halfcell")


def corpus(root: Path, server: TestServer, *paths: str) -> Path:
    """One article per image path (newest first in the order given), and one without."""
    root.mkdir()
    for number, path in enumerate(paths):
        write_document(
            root,
            f"a{number}.md",
            f"""
            title: "Article {number} with {path}"
            publishedDateTime: 2021-03-{20 - number:02d}T10:00:00Z
            originalUrl: "https://example.test/{number}"
            images:
              - url: "{server.url(path)}"
                width: 96
                height: 48
            """,
        )
    write_document(
        root,
        "plain.md",
        """
        title: "Plain article without pictures"
        publishedDateTime: 2021-01-01T10:00:00Z
        originalUrl: "https://example.test/plain"
        """,
    )
    return root


async def opened(app: LedeApp, pilot, title_start: str) -> None:
    """Start, wait for the list, open the article whose title starts with ``title_start``."""
    from tui.widgets.article_list import ArticleList
    from tui.widgets.detail_view import DetailView

    await pilot.pause()
    await settled(pilot)
    articles = app.screen.query_one(ArticleList)
    await until(pilot, lambda: articles.results is not None and len(articles.results) > 0)
    titles = [row.title for row in articles.results]
    articles.set_cursor(next(i for i, t in enumerate(titles) if t.startswith(title_start)))
    await pilot.press("enter")
    detail = app.screen.query_one(DetailView)
    await until(
        pilot, lambda: detail.article is not None and detail.article.title.startswith(title_start)
    )


async def picture_shown(app: LedeApp, pilot, title_start: str = "Article 0") -> None:
    """Open the article whose title starts with ``title_start`` and show its picture."""
    await opened(app, pilot, title_start)
    await pilot.press("i")
    await until(pilot, lambda: bool(pictures(app)), "the picture")


def lead(app: LedeApp) -> LeadImage:
    return app.screen.query_one(LeadImage)


def pictures(app: LedeApp) -> list:
    return list(app.screen.query(".lead-image--picture"))


def lead_status(app: LedeApp) -> str:
    return str(app.screen.query_one("#lead-image-status").render())


def cover_bundle(blog: Path) -> Path:
    """A Hugo page bundle in ``blog``: its page and the cover beside it (returned)."""
    page = write_document(
        blog / "post",
        "index.md",
        """
        title: "Bundle with a cover"
        date: 2024-05-01
        images:
          - url: cover.png
        """,
    )
    cover = page.parent / "cover.png"
    cover.write_bytes(png())
    return cover


async def test_i_shows_and_hides_the_image_and_nothing_is_fetched_before(
    server: TestServer, tmp_path: Path
) -> None:
    serve_images(server)
    app = LedeApp([str(corpus(tmp_path / "c", server, "/photo.png", "/photo.jpg"))])
    async with app.run_test(size=(140, 40)) as pilot:
        await opened(app, pilot, "Article 0")
        await pilot.press("J", "K")  # move around the articles with images
        await settled(pilot)
        assert sum(server.hits.values()) == 0
        assert not lead(app).shown
        await pilot.press("i")
        await until(pilot, lambda: bool(pictures(app)))
        assert server.hits == {"/photo.png": 1}
        assert lead_status(app).startswith("Image 96x48, fetched")
        lines = [pictures(app)[0].render_line(y).text for y in range(pictures(app)[0].size.height)]
        assert any("▀" in line or "▄" in line for line in lines)
        await pilot.press("i")
        await pilot.pause()
        assert not lead(app).shown and not pictures(app)
        await pilot.press("i")  # again: from the disk, not the network
        await until(pilot, lambda: bool(pictures(app)))
        assert server.hits == {"/photo.png": 1}
        assert "cached" in lead_status(app)
        await pilot.press("J")  # another article: its image waits for its own i
        await until(
            pilot, lambda: app.screen.query_one("DetailView").article.title.startswith("Article 1")
        )
        assert not lead(app).shown and not pictures(app)
        await pilot.press("i")
        await until(pilot, lambda: bool(pictures(app)))
        assert server.hits == {"/photo.png": 1, "/photo.jpg": 1}


async def test_i_in_the_list_shows_and_hides_the_picture_of_the_article_under_the_cursor(
    server: TestServer, tmp_path: Path
) -> None:
    """``i`` in the list did nothing, and said nothing: the picture was one key away in
    the pane beside it, yet only reachable by moving there first."""
    from tui.widgets.article_list import ArticleList
    from tui.widgets.detail_view import DetailView

    serve_images(server)
    app = LedeApp([str(corpus(tmp_path / "c", server, "/photo.png", "/photo.jpg"))])
    async with app.run_test(size=(140, 40)) as pilot:
        await settled(pilot)
        articles = app.screen.query_one(ArticleList)
        await until(pilot, lambda: articles.results is not None and len(articles.results) == 3)
        articles.focus()
        await pilot.press("j", "i")  # before the article under the cursor is in the pane
        await until(pilot, lambda: bool(pictures(app)), "the picture")
        detail = app.screen.query_one(DetailView)
        assert detail.article is not None and detail.article.title.startswith("Article 1")
        assert server.hits == {"/photo.jpg": 1}
        assert articles.has_focus  # the list keeps the keys
        await pilot.press("i")
        await pilot.pause()
        assert not lead(app).shown and not pictures(app)
        await pilot.press("k")
        await until(pilot, lambda: detail.article.title.startswith("Article 0"), "Article 0")
        await pilot.press("i")  # the article in the pane already
        await until(pilot, lambda: bool(pictures(app)), "its picture")
        assert server.hits == {"/photo.jpg": 1, "/photo.png": 1}


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/bomb.png", "⚠ Image: image too large to show (more than 24,000,000 pixels)"),
        ("/truncated.png", "⚠ Image: the image is damaged or cut short"),
        (
            "/fake.png",
            "⚠ Image: not an image lede can read (it reads PNG, JPEG, GIF, WebP, AVIF, BMP and "
            "ICO)",
        ),
        (
            "/drawing.svg",
            "⚠ Image: an SVG drawing, which lede does not draw (it reads PNG, JPEG, GIF, WebP, "
            "AVIF, BMP and ICO)",
        ),
        ("/page.html", "⚠ Image: not an image: the server sent text/html"),
        ("/missing.png", "⚠ Image: HTTP 404 Not Found"),
        # It drew nothing, under "Image 1x100000, fetched".
        (
            "/thin.png",
            "⚠ Image: image too thin to show: 1x100,000 pixels (one side more than 40 times "
            "the other)",
        ),
    ],
)
async def test_a_hostile_image_is_one_line(
    server: TestServer, tmp_path: Path, path: str, message: str
) -> None:
    serve_images(server)
    app = LedeApp([str(corpus(tmp_path / "c", server, path))])
    async with app.run_test(size=(140, 40)) as pilot:
        await opened(app, pilot, "Article 0")
        await pilot.press("i")
        await until(pilot, lambda: lead_status(app).startswith("⚠"))
        assert lead_status(app) == message
        assert not pictures(app)
        await pilot.press("j")  # the reader goes on
        assert app.is_running


async def test_an_article_without_an_image_says_so(server: TestServer, tmp_path: Path) -> None:
    app = LedeApp([str(corpus(tmp_path / "c", server))])
    async with app.run_test(size=(140, 40)) as pilot:
        await opened(app, pilot, "Plain")
        await pilot.press("i")
        await until(pilot, lambda: lead(app).shown)
        assert lead_status(app) == "This article has no image"
        assert sum(server.hits.values()) == 0


async def test_the_setting_loads_images_without_i(
    server: TestServer, tmp_path: Path, isolated_dirs: dict[str, Path]
) -> None:
    serve_images(server)
    config = isolated_dirs["XDG_CONFIG_HOME"] / "lede" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("auto_images = true\n")
    app = LedeApp([str(corpus(tmp_path / "c", server, "/photo.png"))])
    async with app.run_test(size=(140, 40)) as pilot:
        await opened(app, pilot, "Article 0")
        await until(pilot, lambda: bool(pictures(app)))
        assert server.hits == {"/photo.png": 1}
        await pilot.press("i")
        await pilot.pause()
        assert not pictures(app)


async def test_a_preview_takes_the_images_place(server: TestServer, tmp_path: Path) -> None:
    """Below a tall image the preview came off the screen: p seemed to do nothing."""
    from tests.webserver import article_html, page

    serve_images(server)
    server.routes["/story"] = page(article_html())
    root = corpus(tmp_path / "c", server, "/photo.png")
    text = (root / "a0.md").read_text().replace("https://example.test/0", server.url("/story"))
    (root / "a0.md").write_text(text)
    app = LedeApp([str(root)])
    async with app.run_test(size=(140, 40)) as pilot:
        await picture_shown(app, pilot)
        await pilot.press("p")
        detail = app.screen.query_one("DetailView")
        await until(
            pilot,
            lambda: (
                detail.previewing and "fetched" in str(detail.query_one("#detail-status").render())
            ),
        )
        assert not lead(app).shown
        # The picture is taken down as the preview is shown, in the app's next turn.
        await until(pilot, lambda: not pictures(app), "the picture taken down")


async def test_an_image_named_by_a_path_is_shown_from_the_corpus(tmp_path: Path) -> None:
    """A Hugo page bundle's cover beside its page: ``i`` said "only http and https links
    can be previewed, not links without a scheme"."""
    cover_bundle(tmp_path / "blog")
    app = LedeApp([str(tmp_path / "blog")])
    async with app.run_test(size=(140, 40)) as pilot:
        await picture_shown(app, pilot, "Bundle")
        assert lead_status(app).startswith("Image 96x48, on disk")


async def test_served_to_a_browser_the_picture_is_drawn_in_half_blocks(
    server: TestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``lede --serve`` started from Kitty (or WezTerm) gave the browser Kitty's (or
    Sixel's) graphics, which it ignores: a blank under "Image 96x48, fetched"."""
    from textual_image.widget import HalfcellImage

    monkeypatch.delenv("LEDE_IMAGES")
    monkeypatch.setenv("TERM", "xterm-kitty")
    monkeypatch.setenv("KITTY_WINDOW_ID", "1")
    monkeypatch.setattr(LedeApp, "is_web", property(lambda app: True))
    serve_images(server)
    app = LedeApp([str(corpus(tmp_path / "c", server, "/photo.png"))])
    async with app.run_test(size=(140, 40)) as pilot:
        await picture_shown(app, pilot)
        assert [type(picture) for picture in pictures(app)] == [HalfcellImage]


def kitty_installed(root: Path, version: str) -> Path:
    """A Kitty installation as ``KITTY_INSTALLATION_DIR`` names it, its version where
    Kitty keeps it."""
    (root / "kitty").mkdir(parents=True)
    numbers = ", ".join(version.split("."))
    (root / "kitty" / "constants.py").write_text(
        f"appname: str = 'kitty'\nversion: Version = Version({numbers})\n", encoding="utf-8"
    )
    return root


async def test_in_a_kitty_too_old_to_place_them_the_picture_is_in_half_blocks(
    server: TestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kitty 0.26.5 (Debian 12's) got Kitty's graphics, placed by Unicode placeholders it
    does not know: nothing showed where the picture was."""
    from textual_image.widget import HalfcellImage

    monkeypatch.delenv("LEDE_IMAGES")
    for variable in ("TMUX", "STY", "SSH_TTY", "SSH_CONNECTION"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("TERM", "xterm-kitty")
    monkeypatch.setenv("KITTY_WINDOW_ID", "1")
    monkeypatch.setenv("KITTY_INSTALLATION_DIR", str(kitty_installed(tmp_path / "k", "0.26.5")))
    serve_images(server)
    app = LedeApp([str(corpus(tmp_path / "c", server, "/photo.png"))])
    async with app.run_test(size=(140, 40)) as pilot:
        await picture_shown(app, pilot)
        assert [type(picture) for picture in pictures(app)] == [HalfcellImage]


@pytest.mark.parametrize(("version", "method"), [("0.28.0", "kitty"), ("0.26.5", "halfcell")])
def test_kitty_graphics_are_chosen_from_the_kitty_that_places_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: str, method: str
) -> None:
    from tui.image_support import drawing_method

    monkeypatch.delenv("LEDE_IMAGES", raising=False)
    for variable in ("TMUX", "STY", "SSH_TTY", "SSH_CONNECTION"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("TERM", "xterm-kitty")
    monkeypatch.setenv("KITTY_INSTALLATION_DIR", str(kitty_installed(tmp_path, version)))
    assert drawing_method() == method
    monkeypatch.setenv("KITTY_INSTALLATION_DIR", str(tmp_path / "not-there"))
    assert drawing_method() == "kitty"  # unknown: as before


@pytest.mark.parametrize(
    "inside",
    [
        {"STY": "4242.pts-0.host", "TERM": "screen.xterm-256color"},
        {"TERM": "screen-256color"},  # the variable left behind, by sudo say
        {"TERM": "tmux-256color"},
    ],
)
async def test_in_gnu_screen_or_tmux_started_in_kitty_the_picture_is_in_half_blocks(
    server: TestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, inside: dict[str, str]
) -> None:
    """GNU screen started in Kitty keeps Kitty's variables: the picture came in Kitty's
    graphics, which screen does not pass on, and drew a block of stray marks."""
    from textual_image.widget import HalfcellImage

    monkeypatch.delenv("LEDE_IMAGES")
    for variable in ("TMUX", "SSH_TTY", "SSH_CONNECTION"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("KITTY_WINDOW_ID", "1")
    for variable, value in inside.items():
        monkeypatch.setenv(variable, value)
    serve_images(server)
    app = LedeApp([str(corpus(tmp_path / "c", server, "/photo.png"))])
    async with app.run_test(size=(140, 40)) as pilot:
        await picture_shown(app, pilot)
        assert [type(picture) for picture in pictures(app)] == [HalfcellImage]


async def test_kitty_pictures_are_freed_in_the_terminal_when_they_leave_the_screen(
    server: TestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kitty keeps every picture sent until it is told to free it: none was, and the
    terminal's memory grew with every article read (a quarter of a megabyte each)."""
    import io
    import re
    import sys

    terminal = io.StringIO()  # where textual-image writes Kitty's graphics
    monkeypatch.setattr(sys, "__stdout__", terminal)
    monkeypatch.setenv("LEDE_IMAGES", "kitty")
    serve_images(server)
    app = LedeApp([str(corpus(tmp_path / "c", server, "/photo.png", "/photo.jpg"))])
    async with app.run_test(size=(140, 40)) as pilot:
        await picture_shown(app, pilot)
        await pilot.press("J", "i")  # the next article, and its picture
        header = app.screen.query_one("#detail-header")
        await until(pilot, lambda: "Article 1" in str(header.render()), "the next article")
        await until(pilot, lambda: bool(pictures(app)), "the second picture")
        await pilot.press("i")
        await until(pilot, lambda: not pictures(app), "the picture hidden")
        sent = re.findall(r"\x1b_Gi=(\d+),m=0,f=100", terminal.getvalue())
        freed = re.findall(r"\x1b_Ga=d,d=I,i=(\d+),q=2\x1b\\", terminal.getvalue())
        assert len(set(sent)) >= 2 and sorted(set(sent)) == sorted(freed)


async def test_lede_images_auto_leaves_the_choice_to_lede(
    server: TestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``LEDE_IMAGES=auto``, to undo a choice made in a shell's settings, was named under
    every picture as a value lede did not know ("none of halfcell, sixel, kitty")."""
    from textual_image.widget import SixelImage

    monkeypatch.setenv("LEDE_IMAGES", "auto")
    monkeypatch.setenv("TERM_PROGRAM", "WezTerm")
    monkeypatch.setenv("TERM", "xterm-256color")
    for variable in ("TMUX", "STY", "SSH_TTY", "SSH_CONNECTION", "KITTY_WINDOW_ID"):
        monkeypatch.delenv(variable, raising=False)
    serve_images(server)
    app = LedeApp([str(corpus(tmp_path / "c", server, "/photo.png"))])
    async with app.run_test(size=(140, 40)) as pilot:
        await picture_shown(app, pilot)
        assert [type(picture) for picture in pictures(app)] == [SixelImage]
        assert lead_status(app) == "Image 96x48, fetched; i hides"


async def test_a_way_to_draw_lede_does_not_know_is_said_under_the_picture(
    server: TestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``LEDE_IMAGES=sixels`` (a typo) was passed over without a word: the picture came in
    half-blocks and nothing said why Sixel did not."""
    monkeypatch.setenv("LEDE_IMAGES", "sixels")
    monkeypatch.setenv("TERM", "xterm-256color")  # a terminal known for no graphics
    for variable in ("KITTY_WINDOW_ID", "TERM_PROGRAM"):
        monkeypatch.delenv(variable, raising=False)
    serve_images(server)
    app = LedeApp([str(corpus(tmp_path / "c", server, "/photo.png"))])
    async with app.run_test(size=(140, 40)) as pilot:
        await picture_shown(app, pilot)
        assert lead_status(app) == (
            "Image 96x48, fetched; i hides · LEDE_IMAGES is 'sixels', none of halfcell, "
            "sixel, kitty, auto, so halfcell is used"
        )


async def test_one_image_is_decoded_at_a_time_and_one_passed_over_is_not(
    tmp_path: Path, isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Going through articles with large images (auto_images) decoded one per key at once:
    29 keys over 6000x4000 PNGs held 794 MB."""
    import threading
    import time

    import preview.images
    from tests.images import png

    config = isolated_dirs["XDG_CONFIG_HOME"] / "lede" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("auto_images = true\n")
    root = tmp_path / "c"
    for number in range(6):
        write_document(
            root,
            f"a{number}.md",
            f"""
            title: "Article {number}"
            date: 2021-03-{20 - number:02d}
            image: p{number}.png
            """,
        )
        (root / f"p{number}.png").write_bytes(png())
    running, most, decoded = [0], [0], []
    lock = threading.Lock()
    real = preview.images.decode_image

    def slow_decode(data: bytes) -> preview.images.DecodedImage:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.3)
        with lock:
            running[0] -= 1
        decoded.append(data)
        return real(data)

    monkeypatch.setattr(preview.images, "decode_image", slow_decode)
    app = LedeApp([str(root)])
    async with app.run_test(size=(140, 40)) as pilot:
        await opened(app, pilot, "Article 0")
        for _ in range(5):
            await pilot.press("J")
        await until(pilot, lambda: app.screen.query_one("DetailView").article.title == "Article 5")
        await until(pilot, lambda: bool(pictures(app)), "the last article's picture")
        assert lead_status(app).startswith("Image 96x48")
        assert most[0] == 1
        assert len(decoded) < 6


def trickle(request) -> None:
    """An image/png whose bytes come one at a time, a quarter second apart (10 s in all)."""
    request.send_response(200)
    request.send_header("Content-Type", "image/png")
    request.end_headers()
    for byte in png()[:40]:
        request.wfile.write(bytes([byte]))
        request.wfile.flush()
        time.sleep(0.25)


async def test_an_image_that_trickles_is_left_at_once_by_i_or_the_next_article(
    server: TestServer, tmp_path: Path
) -> None:
    server.routes["/slow.png"] = trickle
    root = corpus(tmp_path / "c", server, "/slow.png", "/slow.png")
    app = LedeApp([str(root)])
    async with app.run_test(size=(140, 40)) as pilot:
        await opened(app, pilot, "Article 0")
        await pilot.press("i")
        await until(pilot, lambda: lead_status(app).startswith("⠿ Loading image"))
        started = time.monotonic()
        await pilot.press("i")  # hidden while it loads: the fetch is given up
        await until(pilot, lambda: not loading(app), "the fetch given up")
        await pilot.press("J", "i")  # the next article's, loading in turn
        await until(pilot, lambda: lead_status(app).startswith("⠿ Loading image"))
        await pilot.press("K")
        await until(pilot, lambda: not loading(app), "the fetch given up")
        assert time.monotonic() - started < 3  # each image would take 10 s
        assert not pictures(app) and app.is_running


def loading(app: LedeApp) -> bool:
    return any(worker.group == "image" and worker.is_running for worker in app.workers)


@pytest.mark.parametrize(
    ("rewrite", "hits", "status"),
    [
        # Its heat, a correction: the same picture stays, not drawn nor fetched again.
        (lambda text: text.replace("title:", "heat: 4\ntitle:"), {"/photo.png": 1}, "fetched"),
        (
            lambda text: text.replace("/photo.png", "/photo.jpg"),
            {"/photo.png": 1, "/photo.jpg": 1},
            "fetched",
        ),
        (lambda text: text.replace("images:", "pictures:"), {"/photo.png": 1}, "no image"),
    ],
    ids=["changed-elsewhere", "image-changed", "image-removed"],
)
async def test_a_picture_shown_follows_its_article_rewritten_by_a_feed(
    server: TestServer, tmp_path: Path, rewrite, hits: dict[str, int], status: str
) -> None:
    """A feed writing the article being read again took its picture down, and left the
    old one's place empty where the image had changed or gone."""
    from tests.tui.pilot import notifications

    serve_images(server)
    root = corpus(tmp_path / "c", server, "/photo.png")
    app = LedeApp([str(root)])
    async with app.run_test(size=(140, 40)) as pilot:
        await picture_shown(app, pilot)
        drawn = pictures(app)
        page = root / "a0.md"
        page.write_text(rewrite(page.read_text()))
        await until(pilot, lambda: "1 article changed" in notifications(app), "the change")
        await until(pilot, lambda: server.hits == hits and status in lead_status(app), status)
        await settled(pilot)
        assert lead(app).shown
        assert server.hits == hits
        if status == "no image":
            assert lead_status(app) == "This article has no image" and not pictures(app)
        elif len(hits) == 1:
            assert pictures(app) == drawn
        else:
            assert len(pictures(app)) == 1 and pictures(app) != drawn


async def test_a_picture_that_failed_is_tried_again_when_its_article_is_rewritten(
    server: TestServer, tmp_path: Path
) -> None:
    """A feed writes the article again once its picture is up: the failure stayed on
    screen, and ``i`` had to be pressed twice to try again."""
    from tests.tui.pilot import notifications

    root = corpus(tmp_path / "c", server, "/later.png")
    app = LedeApp([str(root)])
    async with app.run_test(size=(140, 40)) as pilot:
        await opened(app, pilot, "Article 0")
        await pilot.press("i")
        await until(pilot, lambda: "HTTP 404" in lead_status(app), "the failure")
        server.routes["/later.png"] = page(png(), content_type="image/png")
        article = root / "a0.md"
        article.write_text(article.read_text().replace("title:", "heat: 2\ntitle:"))
        await until(pilot, lambda: "1 article changed" in notifications(app), "the change")
        await until(pilot, lambda: bool(pictures(app)), "the picture")
        assert lead_status(app).startswith("Image 96x48, fetched")
        assert server.hits["/later.png"] == 2


async def test_a_cover_on_disk_is_read_again_with_its_page(tmp_path: Path) -> None:
    """A page bundle updated (its page and its cover) kept the old cover on screen: a
    picture from the disk is read again when its page is, one from the web is not."""
    from tests.tui.pilot import notifications

    cover = cover_bundle(tmp_path / "blog")
    page = cover.parent / "index.md"
    app = LedeApp([str(tmp_path / "blog")])
    async with app.run_test(size=(140, 40)) as pilot:
        await picture_shown(app, pilot, "Bundle")
        assert lead_status(app).startswith("Image 96x48, on disk")
        cover.write_bytes(png((64, 64)))
        page.write_text(page.read_text().replace("Bundle with a cover", "Bundle, new cover"))
        await until(pilot, lambda: "1 article changed" in notifications(app), "the change")
        await until(pilot, lambda: lead_status(app).startswith("Image 64x64"), "the new cover")
        assert len(pictures(app)) == 1
