"""A post's lead where its front matter gives no excerpt: the text above the mark its blog
cuts it at for its list of posts, Docusaurus's ``<!-- truncate -->`` (``{/* truncate */}``
in MDX), or Hexo's, Hugo's, Jekyll's and MkDocs Material's ``<!-- more -->``. Without it, a
post showed no lead, and two posts of one event were compared by their titles alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pydantic import TypeAdapter

from models.fields import Blurb
from models.markdown_extras import inline_text

if TYPE_CHECKING:
    from models.article import Article

_MARK = re.compile(
    r"^[ \t]*(?:<!--\s*(?:truncate|more)\s*-->|\{/\*\s*truncate\s*\*/\})[ \t]*$", re.M
)
# Lines that show no words of the lead: headings, pictures, MDX's imports, tags alone.
_NO_WORDS = re.compile(r"^[ \t]*(?:#|!\[|import\s|export\s|<[^>]*>[ \t]*$)")
_LONGEST = 2000  # a lead's characters kept: a mark far down cuts no lead
_BLURB: TypeAdapter[str] = TypeAdapter(Blurb)
_REFERENCE = re.compile(r"(?<!!)\[([^\[\]]+)\](?:\[[^\[\]]*\])?(?![(\[])")  # ``[Gitter]``
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)", re.M)


def _fenced(body: str, at: int) -> bool:
    """Whether ``at`` is inside a fenced code block: a page that shows the mark, as a
    blog's own docs do, is not cut at it."""
    return len(_FENCE.findall(body, 0, at)) % 2 == 1


def with_lead(article: Article, body: str) -> None:
    """Give ``article`` the lead ``body`` marks, where it has no excerpt of its own."""
    if article.excerpt or ("<!--" not in body and "{/*" not in body):
        return
    found = next((mark for mark in _MARK.finditer(body) if not _fenced(body, mark.start())), None)
    if found is None:
        return
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", body[: found.start()]):
        lines = [line.strip() for line in block.splitlines() if not _NO_WORDS.match(line)]
        if text := " ".join(line for line in lines if line):
            paragraphs.append(inline_text(_REFERENCE.sub(r"\1", text)))
    lead = "\n\n".join(paragraphs)
    if lead and len(lead) <= _LONGEST:
        article.excerpt = _BLURB.validate_python(lead)
