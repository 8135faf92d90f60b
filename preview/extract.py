"""HTML to readable Markdown: the article's headline, paragraphs, lists and links.

trafilatura finds the main text and drops navigation, scripts, adverts and
footers. It pulls in lxml and friends, so it is imported only when a page is
actually extracted, keeping ``import preview`` cheap.
"""

from __future__ import annotations

import re
import unicodedata

from models.liquid import fenced
from models.text import one_line, strip_controls
from preview.model import PreviewError

_CHAR_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_HEADING_MARK = re.compile(r"^#{1,6}[ \t]+")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # Markdown's escapes of punctuation
_INLINE_MARKS = re.compile(r"([\\`*_\[\]<~#])")  # what would begin markup in a heading
# A link to another scheme than the web's (``javascript:``, ``data:``): the Markdown view
# refuses it, and showed the whole link's marks as text.
_NON_WEB_LINK = re.compile(
    r"(?<!!)\[([^\]\n]*)\]\((?!<?https?:)(?:<[A-Za-z][\w+.-]*:[^>\n]*>"
    r"|[A-Za-z][\w+.-]*:(?:[^()\s]|\([^()\s]*\))*)\)"
)


def extract_markdown(text: str, url: str, media_type: str) -> tuple[str, str]:
    """Return ``(title, markdown)`` for a decoded page; plain text is kept as it is, in a
    code block (a memo's lines, an ASCII table, a ``# `` that is no heading).

    Control characters are stripped before extraction, so that a whole escape
    sequence goes rather than just its ESC, and again after, for those that
    lxml makes from references such as ``&#127;``.
    """
    if media_type == "text/plain":  # shown as sent: its lines, and no Markdown read in it
        plain = strip_controls(text).strip("\n").rstrip()
        title, markdown = "", fenced(plain) if plain.strip() else ""
    else:
        title, markdown = _extract_html(strip_controls(_resolve_control_references(text)), url)
    if not markdown:
        raise PreviewError("no readable text found on the page")
    return one_line(strip_controls(title)), strip_controls(markdown)


def _extract_html(html: str, url: str) -> tuple[str, str]:
    from trafilatura import bare_extraction

    document = bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_formatting=True,  # Markdown headings, lists, emphasis
        include_links=True,
    )
    if document is None or isinstance(document, dict):  # a dict only when asked for one
        return "", ""
    markdown = unicodedata.normalize("NFC", document.text or "").strip()
    title = (document.title or "").strip()
    first_line, _, rest = markdown.partition("\n")
    headline = _ESCAPED.sub(r"\1", _HEADING_MARK.sub("", first_line)).strip()
    if title and _same_headline(headline, title):
        markdown = rest.strip()  # the headline itself; it comes back as the heading
    if not markdown:
        return "", ""
    markdown = _NON_WEB_LINK.sub(r"\1", markdown)
    if not title:
        return title, markdown
    heading = _INLINE_MARKS.sub(r"\\\1", title)
    return title, f"# {heading}\n\n{markdown}"


_TRIMMED = 10_000  # trafilatura's bound on a title: its first 9,999 characters and "…"


def _same_headline(headline: str, title: str) -> bool:
    """Whether the text's first line is the page's title, which trafilatura cuts past
    ``_TRIMMED`` characters: the whole headline of a title that long stayed in the text,
    and filled the pane below the heading."""
    if len(title) == _TRIMMED and title.endswith("…"):
        return headline.startswith(title[:-1])
    return headline == title


def _resolve_control_references(html: str) -> str:
    """Turn references such as ``&#27;`` into the control characters they stand for.

    Stripped as characters, they take the rest of their escape sequence with them;
    left to lxml, they would make trafilatura discard the whole page.
    """

    def resolve(match: re.Match[str]) -> str:
        hex_digits, decimal = match.groups()
        code = int(hex_digits, 16) if hex_digits else int(decimal)
        return chr(code) if code < 0x20 and code not in (0x9, 0xA, 0xD) else match.group()

    return _CHAR_REFERENCE.sub(resolve, html) if "&#" in html else html
