"""The detail pane's text: an article's header (title, source, dates, topics, scores) and
its links, and a related article as an entry of the pane's list.

Kept apart from ``DetailView``, which lays the pane out and fetches previews: what is shown
of an article grows with the front matter read, and its layout should not. Every value
comes from files, so text is built with ``Content`` (never parsed as markup) and only
http(s) URLs become OSC 8 hyperlinks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import quote

from rich.cells import cell_len
from textual.content import Content
from textual.style import Style
from textual.widgets.option_list import Option

from models.text import SHOWN_URL, printable, shown_part
from tui.cell_width import same_width
from tui.shown_text import SHOWN_LINE
from tui.timefmt import local_datetime, time_ago
from tui.widgets.article_row import cut

if TYPE_CHECKING:
    from models.article import Article, RelatedArticle


def safe_link(url: str) -> str | None:
    """Only web links may become clickable."""
    return url if url.lower().startswith(("http://", "https://")) else None


def _link(url: str) -> Content:
    """``url`` shown as written (its start, when it is long: one of 60,000 characters
    filled 620 rows), and clickable whole by its percent-encoded form: a terminal's
    link (OSC 8) takes an address without spaces, quotes or other than ASCII, and some
    cut one that had them."""
    shown = shown_part(url, SHOWN_URL)
    target = safe_link(url)
    if not target:
        return Content(shown)
    return Content.styled(shown, Style(link=quote(target, safe="!#$%&'()*+,/:;=?@[]~")))


def _shown_line(text: str) -> str:
    """A line of the header as it is drawn: bounded, with the width terminals agree on."""
    return same_width(shown_part(text, SHOWN_LINE))


def article_header(article: Article) -> Content:
    """Title, provider, date, topics and scores as one block of plain content."""
    parts: list[Content | str | tuple[str, str]] = [
        (_shown_line(article.heading), "bold"),
        "\n",
    ]
    provider = article.provider
    if provider and (provider.name or provider.domain):
        domain = (
            f" ({provider.domain})" if provider.domain and provider.domain != provider.name else ""
        )
        parts += [
            (_shown_line(provider.name or provider.domain), "$text-accent"),
            domain,
            "\n",
        ]
    if article.authors:
        parts += [("By ", "dim"), _shown_line(", ".join(article.authors)), "\n"]
    if article.starts_at:
        until = f" – {local_datetime(article.ends_at)}" if article.ends_at else ""
        parts += [("When ", "dim"), local_datetime(article.starts_at), until]
        if article.ends_at and article.ends_at < article.starts_at:
            parts += [("  ends before it starts", "italic $text-warning")]
        parts += [(f"  {time_ago(article.starts_at)}", "dim"), "\n"]
    if article.location:
        parts += [("Where ", "dim"), _shown_line(article.location), "\n"]
    if article.published_at and article.published_at != article.starts_at:
        parts += [
            local_datetime(article.published_at),
            (f"  {time_ago(article.published_at)}", "dim"),
            "\n",
        ]
    # A change before the post (a day-only ``lastmod`` at midnight, a copied date) tells
    # nothing a reader can use, and read as if the post were older than it says.
    if article.updated_at and not (
        article.published_at and article.updated_at <= article.published_at
    ):
        parts += [("Updated ", "dim"), local_datetime(article.updated_at)]
        parts += [(f"  {time_ago(article.updated_at)}", "dim"), "\n"]
    if article.topics:
        parts += [("Topics ", "dim"), _shown_line(", ".join(article.topics)), "\n"]
    scores = []
    if article.quality is not None:
        scores.append(f"quality {article.quality}")
    if article.heat is not None:
        scores.append(f"heat {article.heat}")
    if scores:
        parts += [(" · ".join(scores), "dim"), "\n"]
    if article.kind != "article":
        parts += [(article.kind, "italic dim"), "\n"]
    if not article.published:
        parts += [("⊘ Not published by the site", "italic $text-warning"), "\n"]
    return Content.assemble(*parts)


def article_links(article: Article) -> Content:
    """The article's links, each once, as clickable links: the original, the site's page,
    the website, other links its front matter gives (``twitter: {url: …}``), images."""
    rows = [
        ("Original", article.original_url),
        ("Web", article.web_url),
        ("Website", article.website),
        *_other_links(article),
        *(("Image", image.url) for image in article.images),
    ]
    labels: dict[str, str] = {}  # by link, the first label it has
    for label, url in rows:
        if url:
            labels.setdefault(url, label)
    width = max(map(cell_len, labels.values()), default=0)
    lines: list[Content | str | tuple[str, str]] = []
    for url, label in labels.items():
        lines += [(f"{cut(label, width)} ", "dim"), _link(url), "\n"]
    return Content.assemble(*lines)


_WORD_START = re.compile(r"(?<=[a-z])(?=[A-Z])|_")
_LONGEST_LABEL = 16


def _other_links(article: Article) -> Iterator[tuple[str, str]]:
    """Web links among the front matter's other keys, labelled by their key."""
    for key, value in (article.model_extra or {}).items():
        url = value.get("url") if isinstance(value, dict) else value
        if isinstance(url, str) and safe_link(url := printable(url.strip())):
            label = printable(_WORD_START.sub(" ", key).strip().capitalize())
            yield cut(label, min(cell_len(label), _LONGEST_LABEL)), url


def related_option(related: RelatedArticle, in_corpus: bool) -> Option:
    """One related article as a list entry (marked when it is in the corpus)."""
    provider = related.provider.name if related.provider else ""
    prompt = Content.assemble(
        ("◆ " if in_corpus else "◇ ", "$text-accent" if in_corpus else "dim"),
        same_width(related.title) or related.url,
        (f"  {same_width(provider)}" if provider else "", "dim"),
    )
    return Option(prompt)
