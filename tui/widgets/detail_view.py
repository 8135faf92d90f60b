"""The detail pane: one article in full, or the readable text of its original page.

Every value shown comes from files or the network, so text is built with
``Content`` (never parsed as markup) and links are OSC 8 hyperlinks that only
carry http(s) URLs.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.worker import Worker, WorkerState

from library import paths
from models.text import SHOWN_URL, shown_part
from tui.browser import open_in_browser
from tui.cell_width import same_width
from tui.shown_text import SHOWN_EXCERPT, shown_markdown, without_title
from tui.widgets.detail_text import article_header, article_links, related_option, safe_link
from tui.widgets.lead_image import LeadImage, lead_image_url
from tui.widgets.story_sources import StorySources

if TYPE_CHECKING:
    from textual.widget import Widget
    from textual.widgets import Markdown

    from models.article import Article, RelatedArticle
    from preview import PreviewCache


class DetailView(VerticalScroll, can_focus=True):
    """Shows the article under the list's cursor."""

    BINDINGS = [
        # The screen's esc, named here so that the footer shows the way back to the list
        # first among this pane's keys, before those a narrow terminal leaves out.
        Binding("escape", "screen.back", "Back", id="detail.back"),
        Binding("space", "page_down", "Page down", id="detail.page_down"),
        # Textual's scrolling panes bind these already: here for the help and a keymap.
        Binding("pagedown", "page_down", "Page down", show=False, id="detail.page_down_key"),
        Binding("pageup", "page_up", "Page up", show=False, id="detail.page_up"),
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="detail.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="detail.up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="detail.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="detail.end"),
        Binding("J", "step(1)", "Next article", id="detail.next"),
        Binding("K", "step(-1)", "Prev article", id="detail.previous"),
        Binding("n", "step(1, True)", "Next unread", show=False, id="detail.next_unread"),
        Binding("N", "step(-1, True)", "Prev unread", show=False, id="detail.previous_unread"),
        Binding("i", "toggle_image", "Image", id="detail.image"),
        Binding("left", "scroll_code(-1)", "Code sideways", show=False, id="detail.code_left"),
        Binding("right", "scroll_code(1)", "Code sideways", show=False, id="detail.code_right"),
    ]

    @dataclass
    class Stepped(Message):
        """The user asked for the next (1) or previous (-1) article from the detail view,
        or the next or previous ``unread`` one."""

        step: int
        unread: bool = False

    @dataclass
    class RelatedChosen(Message):
        """The user opened a related article."""

        related: RelatedArticle

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._focus_moved)

    def _focus_moved(self, focused: Widget | None) -> None:
        """The screen is ``-reading`` while the focus is here: on a short narrow screen the
        list then gives the article the rows its filter needs (``lede.tcss``)."""
        reading = focused is not None and (focused is self or self in focused.ancestors)
        self.screen.set_class(reading, "-reading")

    def compose(self) -> ComposeResult:
        yield Static(Content("Select an article"), id="detail-header", markup=False)
        yield LeadImage(id="lead-image")
        yield Static(id="detail-status", markup=False)
        yield StorySources(id="story-sources")
        yield Static(id="detail-excerpt", markup=False)
        yield Static(id="detail-body-slot", markup=False)
        yield Static(Content("Related"), id="related-heading", markup=False)
        yield OptionList(id="related")
        yield Static(id="detail-links", markup=False)

    def show_article(
        self, article: Article | None, related_in_corpus: AbstractSet[str], again: bool = False
    ) -> None:
        """Display ``article`` (or a placeholder when ``None``); related links whose article
        is in ``related_in_corpus`` are marked. The article shown read ``again`` after its
        file changed or moved (a feed rewrites an article it has more of, a site fixes a
        post's name) is shown where it was read, not from its top."""
        # Not on the way back from its preview, which is a page of its own.
        again = again and article is not None and self.article is not None
        again = again and not self.previewing
        place = self.scroll_y
        self.article = article
        self.remove_class("-preview", "-preview-failed")
        self.set_status(None)
        self._show_lead_image(article, again)
        header = self.query_one("#detail-header", Static)
        excerpt = self.query_one("#detail-excerpt", Static)
        related = self.query_one("#related", OptionList)
        links = self.query_one("#detail-links", Static)
        related.clear_options()
        if article is None:
            header.update(Content("No article selected"))
            excerpt.update(Content(""))
            excerpt.add_class("-empty")
            links.update(Content(""))
            self.set_body("")
            self.set_class(False, "-has-related")
            return
        header.update(article_header(article))
        excerpt.update(Content(same_width(shown_part(article.excerpt, SHOWN_EXCERPT))))
        # Else its margins kept three blank rows. A class, not ``display``: set on the
        # widget, that overrode the style that hides the excerpt above a preview.
        excerpt.set_class(not article.excerpt, "-empty")
        from models.html import readable_body  # only when an article is shown
        from models.markdown_extras import with_emoji

        body = with_emoji(readable_body(article.body, article.path))
        self.set_body(without_title(body, article.title))
        related.add_options(
            [related_option(item, item.url in related_in_corpus) for item in article.related]
        )
        related.highlighted = 0 if article.related else None
        self.set_class(bool(article.related), "-has-related")
        links.update(article_links(article))
        if again:
            self.call_after_refresh(self.scroll_to, y=place, animate=False, immediate=True)
        else:
            self.scroll_home(animate=False)

    def _show_lead_image(self, article: Article | None, again: bool) -> None:
        """The lead image as the settings ask, or, for the same file read again, as it was:
        a feed rewriting the article took down the picture asked for with ``i`` (and left
        it down when the image had changed). The same picture from the web is not drawn
        again; one from the disk is read again, as the file it names may have changed
        with the article (a page bundle's cover) or be another beside a moved one. One
        that failed is tried again: the feed may have written the article once the
        picture was up (its failure stayed until ``i`` was pressed twice)."""
        lead_image = self.query_one(LeadImage)
        url = lead_image_url(article)
        wanted = lead_image.shown if again else self.auto_images and bool(url)
        kept = lead_image.shown and not lead_image.failed
        if wanted and kept and url and url == lead_image.url:
            from preview.local_image import is_local  # only for a picture shown

            if not is_local(url):
                return
        lead_image.hide()
        if wanted:
            lead_image.show(article)

    def show_preview(self, title: str, markdown: str, note: str) -> None:
        """Replace the body with the readable text of the original page, and the lead
        image with it: below a tall one, the preview came off the screen, unseen."""
        self.query_one(LeadImage).hide()
        self.remove_class("-preview-failed")  # ``r`` fetched again one that had failed
        self.add_class("-preview")
        self.set_status(Content.assemble((note, "dim")))
        self.set_body(
            f"# {title}\n\n{markdown}" if title and not markdown.startswith("#") else markdown
        )
        self.scroll_home(animate=False)

    @cached_property
    def auto_images(self) -> bool:
        """Whether the settings ask for images without ``i`` (read when first needed)."""
        from library.settings import load_settings

        return load_settings().auto_images

    def action_toggle_image(self) -> None:
        """Show the article's lead image, or hide it."""
        lead_image = self.query_one(LeadImage)
        if lead_image.shown:
            lead_image.hide()
        elif self.article is not None:
            lead_image.show(self.article)
            self.scroll_home(animate=False)

    @cached_property
    def preview_cache(self) -> PreviewCache:
        """Previews on disk, created on first use so start-up never imports the fetcher."""
        from preview import PreviewCache

        return PreviewCache(paths.cache_dir() / "previews")

    @work(exclusive=True, group="preview", exit_on_error=False)
    async def fetch_preview(self, refresh: bool) -> None:
        """Fetch the original page of the article shown; showing another cancels this."""
        from preview import PreviewError, fetch_preview, without_credentials

        article = self.article
        if article is None:
            return
        if not article.url:
            self._fail(Content.assemble(("⚠ This article has no URL", "$text-warning")))
            return
        shown_url = shown_part(without_credentials(article.url), SHOWN_URL)
        self.set_status(Content.assemble(("⠿ Fetching ", "$text-accent"), shown_url))
        self.add_class("-loading")
        try:
            result = await fetch_preview(article.url, cache=self.preview_cache, refresh=refresh)
        except PreviewError as error:
            self._fail(failure(str(error)))
            return
        finally:
            self.remove_class("-loading")
        if self.article is not article:
            return
        when = result.fetched_at.astimezone().strftime("%Y-%m-%d %H:%M")
        source = "cached" if result.from_cache else "fetched"
        self.show_preview(
            result.title,
            result.markdown,
            f"Preview of {shown_part(result.final_url, SHOWN_URL)} "
            f"({source} {when}; p or esc: back, r: refetch)",
        )

    @on(Worker.StateChanged)
    def _preview_failed(self, event: Worker.StateChanged) -> None:
        """A fetch that failed in a way the fetcher did not foresee still says so."""
        if event.state == WorkerState.ERROR:
            self.remove_class("-loading")
            self._fail(failure(str(event.worker.error)))

    def _fail(self, status: Content) -> None:
        """Say why there is no preview, until ``esc`` leaves it as it leaves a preview."""
        self.add_class("-preview-failed")
        self.set_status(status)

    @property
    def preview_failed(self) -> bool:
        """True while the line of a preview that failed is shown in place of the preview."""
        return self.has_class("-preview-failed")

    def set_body(self, markdown: str) -> None:
        """Show Markdown text (as much as ``shown_markdown`` keeps); the Markdown widget (and
        its parser) is created on first use."""
        markdown = shown_markdown(markdown)
        existing = self.query("#detail-body")
        if existing:
            from textual.widgets import Markdown  # imported already: the body is one

            body = existing.first(Markdown)
            body.update(markdown)
            body.display = bool(markdown)
        elif markdown:
            from tui.markdown_lists import ArticleMarkdown
            from tui.markdown_parser import markdown_parser

            self.mount(
                ArticleMarkdown(
                    markdown,
                    id="detail-body",
                    open_links=False,
                    parser_factory=markdown_parser,
                ),
                after=self.query_one("#detail-body-slot"),
            )

    def set_status(self, status: Content | None) -> None:
        """A line above the text: loading, errors, the preview's source."""
        widget = self.query_one("#detail-status", Static)
        widget.update(status or Content(""))
        widget.display = status is not None

    @property
    def previewing(self) -> bool:
        """True while the preview replaces the article's own text, or is on its way: ``p``
        or ``esc`` then leave it (they fetched again, or did nothing, until it came)."""
        return self.has_class("-preview") or self.has_class("-loading")

    def action_step(self, step: int, unread: bool = False) -> None:
        self.post_message(self.Stepped(step, unread))

    def wide_code(self) -> list[Widget]:
        """The code blocks on screen wider than the pane: it wraps its text, but a code
        block keeps its lines and scrolls on its own, which only a mouse reached."""
        return [code for code in self.query("MarkdownFence") if code.max_scroll_x and code.region]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``←``/``→`` only where a wide code block is on screen: elsewhere the keys are
        the screen's (``←``: out of a story), and the palette offers no command that does
        nothing."""
        return action != "scroll_code" or bool(self.wide_code())

    def action_scroll_code(self, step: int) -> None:
        """``←``/``→``: the wide code blocks on screen, half their width sideways."""
        for code in self.wide_code():
            code.scroll_to(x=code.scroll_x + step * max(code.size.width // 2, 1), animate=False)

    @on(OptionList.OptionSelected, "#related")
    def _related_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.article is not None:
            self.post_message(self.RelatedChosen(self.article.related[event.option_index]))

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        target = safe_link(event.href)
        if target:  # as ``o`` opens one: over SSH, without a display, never on the UI thread
            open_in_browser(self.app, target)
        else:
            self.notify("Only http(s) links can be opened", severity="warning")


def failure(error: str) -> Content:
    """The line of a preview that failed: why, and the keys that act on it (a fetch that
    failed on a passing fault is tried again with ``r``, as a preview is fetched again)."""
    return Content.assemble(
        ("⚠ Preview failed: ", "$text-error"),
        error,
        ("  (r: try again, o: open in a browser, esc: back)", "dim"),
    )
