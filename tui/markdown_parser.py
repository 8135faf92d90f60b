"""The Markdown parser of the detail pane: markdown-it's "gfm-like", with a bare-link rule
whose cost does not grow with the text read so far, text drawn by the width rule of
``tui.cell_width`` (links' targets kept as written), and tables cut to what the pane
draws at once (``tui.bounded_tables``).

markdown-it's own rule looks for a link's scheme with a search over all the text since the
last token, and hands the link finder the whole rest of the document, at every ``://``. A
body with many ``://`` that are no links (hostile or garbled text) then took time that
grew with its square: seconds of a core for a page of them. This rule looks at a bounded
window on either side of ``://`` and otherwise does what markdown-it's does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from tui.bounded_tables import bounded_tables
from tui.cell_width import same_width

# RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), preceded by no such
# character.
_SCHEME = re.compile(r"(?:^|[^a-z0-9.+-])([a-z][a-z0-9.+-]*)\Z", re.IGNORECASE)
# Longer schemes than this are not links anyone writes; longer links are cut here.
_LONGEST_SCHEME = 32
_LONGEST_LINK = 4096


def markdown_parser() -> MarkdownIt:
    """markdown-it as the Markdown widget sets it up, with the bounded bare-link rule."""
    parser = MarkdownIt("gfm-like")
    parser.inline.ruler.at("linkify", _bare_link)
    parser.core.ruler.push("bounded_tables", bounded_tables)  # first: no cell widened in vain
    parser.core.ruler.push("same_width", _drawn_as_laid_out)
    return parser


def _drawn_as_laid_out(state: StateCore) -> None:
    """Every text the widget draws (words, code, a picture's description) by the width
    rule; a link's address is an attribute, and opens as written."""
    _same_width(state.tokens)


def _same_width(tokens: Iterable[Token]) -> None:
    for token in tokens:
        token.content = same_width(token.content)
        if token.children:
            _same_width(token.children)


def _scheme_before(pending: str) -> str | None:
    """The scheme that ends the text read so far, if a plausible one does."""
    window = pending[-(_LONGEST_SCHEME + 1) :]
    match = _SCHEME.search(window)
    if match is None:
        return None
    if match.start(1) == 0 and len(window) < len(pending):
        return None  # the word runs on past the window: too long to be a scheme
    return match.group(1)


def _bare_link(state: StateInline, silent: bool) -> bool:
    """A bare ``scheme://…`` link, found as markdown-it's linkify rule finds it."""
    pos = state.pos
    if state.linkLevel > 0 or not state.src.startswith("://", pos) or not state.md.linkify:
        return False
    scheme = _scheme_before(state.pending)
    if scheme is None:
        return False
    start = pos - len(scheme)
    link = state.md.linkify.match_at_start(state.src[start : start + _LONGEST_LINK])
    if not link:
        return False
    url: str = link.url.rstrip("*")  # a trailing '*' belongs to emphasis
    full_url = state.md.normalizeLink(url)
    if not state.md.validateLink(full_url):
        return False
    if not silent:
        state.pending = state.pending[: -len(scheme)]
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": full_url}
        token.markup = "linkify"
        token.info = "auto"
        token = state.push("text", "", 0)
        token.content = state.md.normalizeLinkText(url)
        token = state.push("link_close", "a", -1)
        token.markup = "linkify"
        token.info = "auto"
    state.pos += len(url) - len(scheme)
    return True
