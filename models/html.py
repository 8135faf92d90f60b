"""Plain text from an HTML body (newsletters), without pulling in a parser library."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from models.liquid import strip_liquid

_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"}
_SKIP = {"script", "style", "head", "title"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Paragraph text of an HTML document; scripts, styles and the head are dropped."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = "".join(collector.parts)
    paragraphs = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


HTML_SUFFIXES = (".html", ".htm")


def readable_body(body: str, path: str = "") -> str:
    """A document body as people read it: without template code, Markdown as it is, an
    HTML body (newsletters: an ``.html`` file, or a body that starts with a tag) as its
    text. The reader shows this and the index searches it, so a search for ``td``,
    ``style`` or ``endraw`` does not match every newsletter's markup."""
    body = strip_liquid(body)
    is_html = path.lower().endswith(HTML_SUFFIXES) or body.lstrip().startswith("<")
    return html_to_text(body) if is_html else body
