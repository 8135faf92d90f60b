"""The article's lead image in the detail pane, shown on request (``i``).

Nothing is fetched until it is asked for. The bytes are fetched in an async worker (the
preview's bounds), decoded in a thread worker (Pillow, with the pixel count capped from
the header), and drawn by ``textual-image``; each step reports back as a message, so the
reader never waits for an image, and any failure is one line in place of the picture.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from textual import on, work
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from library import paths
from models.text import SHOWN_URL, shown_part

if TYPE_CHECKING:
    from collections.abc import Callable

    from PIL.Image import Image
    from textual.app import ComposeResult
    from textual.widget import Widget

    from models.article import Article
    from preview.images import FetchedImage, ImageCache


# One image is decoded at a time: a thread cannot be stopped, so moving quickly through
# articles with large images (auto_images) ran a decode per key at once, 794 MB and 22 s
# for 29 keys; now a decode asked for and passed over meanwhile is never started.
_DECODING = threading.Lock()


def lead_image_url(article: Article | None) -> str:
    """The first image of an article that has a URL ('' when none has)."""
    if article is None:
        return ""
    return next((image.url for image in article.images if image.url), "")


class LeadImage(Vertical):
    """A status line and, once loaded, the picture; hidden until asked for."""

    DEFAULT_CSS = """
    LeadImage {
        height: auto;
        display: none;
    }
    LeadImage.-shown {
        display: block;
    }
    LeadImage > #lead-image-status {
        color: $text-muted;
    }
    LeadImage > .lead-image--picture {
        width: auto;
        height: auto;
        max-width: 100%;
        max-height: 20;
    }
    """

    @dataclass
    class Decoded(Message):
        """An image decoded in a thread, for the URL it came from."""

        url: str
        image: Image
        note: str
        draw: Callable[..., Widget]  # the textual-image widget class that draws it

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.url = ""  # the image being shown or loaded
        self.failed = False  # whether it failed: its line stays until it is asked for again

    def compose(self) -> ComposeResult:
        yield Static(id="lead-image-status", markup=False)

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")

    @cached_property
    def cache(self) -> ImageCache:
        """Images on disk, beside the previews."""
        from preview.images import ImageCache

        return ImageCache(paths.cache_dir() / "previews" / "images")

    def hide(self) -> None:
        """Hide the picture and stop loading it."""
        self.workers.cancel_group(self, "image")
        self.url = ""
        self.failed = False
        self.remove_class("-shown")
        self.query(".lead-image--picture").remove()

    def show(self, article: Article | None) -> None:
        """Show the lead image of ``article``, fetching it first if it is not on disk."""
        self.hide()
        self.add_class("-shown")
        url = lead_image_url(article)
        if not url:
            self.set_status(Content.assemble(("This article has no image", "$text-warning")))
            return
        self.url = url
        from preview.fetcher import without_credentials

        shown_url = shown_part(without_credentials(url), SHOWN_URL)
        self.set_status(Content.assemble(("⠿ Loading image ", "$text-accent"), shown_url))
        self._fetch(url, article.path if article else "")

    def set_status(self, status: Content | None) -> None:
        widget = self.query_one("#lead-image-status", Static)
        widget.update(status or Content(""))
        widget.display = status is not None

    def fail(self, reason: str) -> None:
        self.failed = True
        self.set_status(Content.assemble(("⚠ Image: ", "$text-error"), reason))

    @work(exclusive=True, group="image", exit_on_error=False)
    async def _fetch(self, url: str, document: str) -> None:
        """Fetch the image, or read it from the corpus where ``document`` names it by a
        path (a page bundle's ``cover.png``)."""
        from preview.images import ImageError, fetch_image

        session = getattr(self.app, "session", None)
        roots = session.index.roots if session is not None else []
        try:
            fetched = await fetch_image(url, self.cache, document=document, roots=roots)
        except ImageError as error:
            self.fail(str(error))
            return
        if url == self.url:
            self._decode(fetched)

    # Named: a worker is otherwise described by the repr of its arguments, here the image.
    @work(thread=True, exclusive=True, group="image", exit_on_error=False, description="decode")
    def _decode(self, fetched: FetchedImage) -> None:
        """Decode off the UI thread; only a fetched image that decoded is kept on disk."""
        from preview.images import ImageError, decode_image

        url = fetched.url
        try:
            with _DECODING:
                if url != self.url or get_current_worker().is_cancelled:
                    return  # another article's image is wanted now
                decoded = decode_image(fetched.data)
        except ImageError as error:
            self.app.call_from_thread(self._failed_for, url, str(error))
            return
        if not (fetched.from_cache or fetched.local):
            self.cache.put(url, fetched.data)
        from tui.image_support import drawing_method, image_widget_class, unknown_choice

        # Its first import too, off the UI thread.
        method = drawing_method(web=self.app.is_web)
        draw = image_widget_class(method)
        source = "on disk" if fetched.local else "cached" if fetched.from_cache else "fetched"
        note = f"{decoded.width}x{decoded.height}, {source}; i hides"
        if not self.app.is_web and (mistake := unknown_choice()):
            note = f"{note} · {mistake}, so {method} is used"
        self.post_message(self.Decoded(url, decoded.picture, note, draw))

    def _failed_for(self, url: str, reason: str) -> None:
        if url == self.url:
            self.fail(reason)

    @on(Decoded)
    def _decoded(self, event: Decoded) -> None:
        event.stop()
        if event.url != self.url or not self.shown:
            return  # hidden, or another article's, since
        picture = event.draw(event.image, classes="lead-image--picture")
        self.query(".lead-image--picture").remove()
        self.mount(picture)
        self.set_status(Content.assemble(("Image ", "dim"), (event.note, "dim")))

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """A failure the loader did not foresee is still one line, never a crash."""
        if event.state == WorkerState.ERROR and event.worker.group == "image":
            event.stop()
            self.fail(str(event.worker.error) or type(event.worker.error).__name__)
