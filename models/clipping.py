"""What read-later and clipping tools write of a saved page where lede's keys do not say it.

- Readwise's and Matter's exports list a page's metadata under a ``## Metadata`` heading
  (``- URL: https://…``, ``- Author: [[Ada]]``, ``- Full Title: …``), and a Readwise
  template may write those labels as keys (``Full Title:``, ``Publication date:``);
  Readwise heads the page with its cover (``![rw-book-cover](…)``).
- MarkDownload's default template quotes the page's excerpt under ``> ## Excerpt``.
- Omnivore's default template keeps only an ``id`` in the front matter, and links the
  page in the body: ``[Read Original](https://…)``.
- Raindrop Highlights names the page in ``link:`` and opens its note with a ``# Metadata``
  heading (``Source URL:: …``, Dataview's fields), the page's title in a heading after it.
- The wallabag plugin's default note opens with the page's title and links, in a heading.
- Omnivore names the page's site in ``site_name``; Matter and Readwise list a ``Publisher``.

Each fills only what the front matter leaves out; the front matter's own keys win. A
Readwise or Matter page with no front matter is read too (``saved_page``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from models.cover_image import cover_image
from models.key_names import unusual_keys
from models.markdown_extras import inline_text
from models.text import plain_line_ends

if TYPE_CHECKING:
    from models.frontmatter import SplitDocument

# What the tools call a page's details, as read here (in small letters, hyphens and
# underscores as blanks), and the key each is read as.
_LABELS = {
    "author": "authors",
    "full title": "title",
    "url": "originalUrl",
    "summary": "excerpt",
    "published date": "date_published",
    "publication date": "date_published",
    "date published": "date_published",
    "publisher": "provider",
    "document tags": "tags",
    "tags": "tags",
    "source url": "originalUrl",  # Raindrop Highlights' ``Source URL:: …`` (Dataview's ``::``)
    "topics": "tags",
    "category": "type",  # Readwise's ``#articles``, ``#books``: the kind of item
}
# Readwise's categories (``#readwise/books`` where a template nests them), as kinds.
# An article is the kind of item any is where none is named (named, an undated one is
# warned of: Readwise dates none).
_KINDS = {"books": "book", "tweets": "tweet", "podcasts": "podcast"}
# Keys that say a tool saved the page: Raindrop Highlights' ``raindrop_id`` (its page in
# ``link:``), Readwise's ``full-title`` (in ``url:``).
_MARKS = ("raindrop_id", "full-title", "full_title", "Full Title")
_HEAD = 4000  # what the body's opening holds them in: a page's text comes after
# Its lines (blank ones among them, where a template wrote nothing), and for Raindrop
# Highlights' ``# Metadata``, the rule and the title's heading that follow.
_METADATA = re.compile(
    r"^(#{1,3}) Metadata[ \t]*\n((?:[ \t]*(?:[-*+][ \t]+)?[A-Za-z][^:\n]*:.*\n?|[ \t]*\n)+)"
    r"(?:---[ \t]*\n+# (.+))?",
    re.M,
)
_ITEM = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?([A-Za-z][^:\n]*?)[ \t]*::?[ \t]*(.*?)[ \t]*$", re.M)
_ADDRESSES = (  # a link's, else one between ``<>``, else a bare one
    re.compile(r"\]\((https?://[^()\s]+)\)"),
    re.compile(r"<(https?://[^<>\s]+)>"),
    re.compile(r"(https?://\S+)"),
)
_COVER = re.compile(r"^!\[rw-book-cover\]\((\S+?)\)", re.M)
# The quote's lines up to a blank one (a line without ``>`` continues it, as CommonMark
# reads a quote's paragraph: MarkDownload leaves the excerpt's own line breaks so).
_EXCERPT = re.compile(r"^> ?#{1,6} Excerpt[ \t]*\n((?:[ \t]*[^\s>-].*\n|[ \t]*>.*\S.*\n)+)", re.M)
_ORIGINAL = re.compile(r"^\[Read Original\]\((https?://\S+?)\)", re.M)
# The wallabag plugin's default note opens `` ## Title [](original)[](wallabag's copy)``.
_WALLABAG = re.compile(
    r"\A\s*## (.+?) \[\]\((https?://[^()\s]+)\)\[\]\(https?://[^()\s]+\)[ \t]*$", re.M
)


def clipped(data: dict[str, Any]) -> None:
    """Fill ``data`` (a page's front matter, its ``body`` among it) with what the tool
    that saved the page wrote elsewhere than lede's keys."""
    for key in unusual_keys(data):
        target = _LABELS.get(_label(key))
        if target and target != key and (value := _read(target, data[key])) is not None:
            data.setdefault(target, value)  # Readwise's ``Full Title:``
    if not data.keys().isdisjoint(_MARKS):  # a saved page's ``url`` is the page's, dated
        for key in ("link", "url"):  # or not (an undated page's is the home of its subject)
            if isinstance(address := data.get(key), str) and _address(address):
                data.setdefault("originalUrl", address)
    body = data.get("body")
    if isinstance(body, str) and body:
        head = body[:_HEAD]
        found = _METADATA.search(head) if "Metadata" in head else None
        if found and _first_section(head[: found.start()]):
            _read_metadata(data, found)
        cover = _COVER.search(head) if "rw-book-cover" in head else None
        if cover and not data.get("images") and not cover_image(data):
            data["images"] = [cover[1]]
        if "Excerpt" in head and (quoted := _EXCERPT.search(f"{head}\n")):
            lines = (line.strip().removeprefix(">").strip() for line in quoted[1].splitlines())
            if (excerpt := " ".join(line for line in lines if line)) and not _blurb(data):
                data["excerpt"] = excerpt
        if "[](" in head and (wallabag := _WALLABAG.match(head)):
            data.setdefault("title", wallabag[1])
            data.setdefault("originalUrl", wallabag[2])
        original = _ORIGINAL.search(head) if "[Read Original]" in head else None
        if original and not any(data.get(k) for k in ("originalUrl", "original_url", "source")):
            data["originalUrl"] = original[1]
    if not data.get("provider") and isinstance(site := data.get("site_name"), str):
        data["provider"] = site.strip() or None


def saved_page(text: str, path: str) -> SplitDocument | None:
    """A page Readwise or Matter exported, with no front matter (Readwise's Markdown
    download, outside a vault): all of it the body, where its first section lists the
    details of a page with its address; ``None`` for any other file."""
    if not path.lower().endswith((".md", ".markdown")) or "Metadata" not in text[:_HEAD]:
        return None
    body = plain_line_ends(text)
    found = _METADATA.search(body[:_HEAD])
    if found is None or not _first_section(body[: found.start()]):
        return None
    items = _ITEM.findall(found[2])
    if not any(_LABELS.get(_label(label)) == "originalUrl" and _address(v) for label, v in items):
        return None
    # Here, not above, as in ``models.vault``: the article model loads no YAML parser.
    from models.frontmatter import SplitDocument

    return SplitDocument("", body, 1)


def _first_section(before: str) -> bool:
    """Whether what comes before a section holds no heading but the page's title: a
    section further down a page is its text."""
    before = before.lstrip("\n")
    if before.startswith("# "):
        before = before.partition("\n")[2]
    return "\n#" not in f"\n{before}"


def _read_metadata(data: dict[str, Any], found: re.Match[str]) -> None:
    """The details a ``Metadata`` section lists; a title's heading after one that is the
    page's own heading (Raindrop's ``# Metadata``), which was taken for its title."""
    if len(found[1]) == 1 and not found[3]:
        return  # a page about metadata
    for label, value in _ITEM.findall(found[2]):
        target = _LABELS.get(_label(label))
        if target and target not in data and (value := _read(target, value)):
            data[target] = value
    if found[3]:
        data.setdefault("title", found[3])


def _read(target: str, value: Any) -> Any:
    """A detail's value as ``target`` is read: a link an address (else ``None``), a
    category a kind of item (else ``None``), any other as written."""
    if target == "originalUrl":
        return (_address(value) or None) if isinstance(value, str) else None
    if target == "provider":  # Matter's ``[[The Daily]]``
        return (inline_text(value).strip() or None) if isinstance(value, str) else None
    if target == "type":
        category = value.strip().lstrip("#").rpartition("/")[2] if isinstance(value, str) else ""
        return _KINDS.get(category.lower())
    return value


def _label(key: str) -> str:
    return " ".join(key.replace("-", " ").replace("_", " ").split()).lower()


def _address(value: str) -> str:
    """The address a metadata line gives, written bare, between ``<>`` or as a link
    (Matter's ``[https://…](https://…)``); ``""`` for none."""
    found = next((found for form in _ADDRESSES if (found := form.search(value))), None)
    return found[1] if found else ""


def _blurb(data: dict[str, Any]) -> bool:
    return any(
        isinstance(data.get(key), str) and data[key].strip()
        for key in ("excerpt", "description", "summary")
    )
