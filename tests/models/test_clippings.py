"""Pages saved by read-later and clipping tools, as each tool writes them by default:
their titles, dates, links, sites, bylines, tags, excerpts and pictures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from models.document import parse_document
from tests.conftest import MODES

MARKDOWNLOAD = """---
created: 2023-01-05T10:20:30 (UTC +01:00)
tags: [sqlite, databases]
source: https://blog.test/2022/12/sqlite
author: Ada Lovelace
---

# Why SQLite is so great

> ## Excerpt
> The most deployed database in the world.
> Here is why.

---
SQLite is a library.
"""


@MODES
def test_a_markdownload_clipping_is_dated_when_it_was_clipped(summary: bool) -> None:
    """MarkDownload writes the moment and then its offset between brackets: every clipping
    was undated, with a warning each that its ``created`` is no date."""
    parsed = parse_document(MARKDOWNLOAD, "Why SQLite is so great.md", summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    zone = timezone(timedelta(hours=1))
    assert parsed.article.published_at == datetime(2023, 1, 5, 10, 20, 30, tzinfo=zone)
    assert parsed.article.published_at.astimezone(UTC).hour == 9


@MODES
def test_bylines_and_tags_written_as_links_read_as_their_names(summary: bool) -> None:
    """Readwise writes ``author: [[Simon Willison]]`` unquoted, which YAML reads as a list
    in a list: the byline was empty. Omnivore writes ``author: unknown`` where it knows
    none, shown as a byline. A tag or category that links a note (the Web Clipper's
    templates' ``categories: ["[[Clippings]]"]``) was the topic ``[[Clippings]]``."""
    front = (
        "author: [[Simon Willison]]\ntitle: How StrongDM builds software\n"
        'tags:\n- articles\n- "[[literature-note]]"\ncategories: ["[[Clippings]]"]\n'
    )
    parsed = parse_document(f"---\n{front}---\nText.\n", "note.md", summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    assert parsed.article.authors == ["Simon Willison"]
    assert parsed.article.topics == ["Clippings", "articles", "literature-note"]
    front = "title: x\ncategories: ['[[Clippings]]', '[[people/Roe|Roe]]']\nauthor: unknown\n"
    parsed = parse_document(f"---\n{front}---\n", "note.md", summary=summary)
    assert parsed.article is not None
    assert (parsed.article.topics, parsed.article.authors) == (["Clippings", "Roe"], [])


@MODES
def test_topics_written_as_links_to_notes_read_as_their_names(summary: bool) -> None:
    """A vault's notes name their topics as links to the notes on them, quoted or not
    (``topics: ["[[Products]]"]``, ``- [[Emergence]]``): the tree held ``[[Products]]``
    beside the ``Products`` a tag names."""
    front = 'title: Buy wisely\ntopics:\n  - "[[Products]]"\n  - [[Cost per use|Cost]]\n'
    parsed = parse_document(f"---\n{front}---\nText.\n", "Clippings/a.md", summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    assert parsed.article.topics == ["Products", "Cost"]
    parsed = parse_document("---\ntitle: x\ntopics: [[Emergence]]\n---\n", "a.md", summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    assert parsed.article.topics == ["Emergence"]


@MODES
def test_a_list_of_bylines_each_written_as_a_link_unquoted(summary: bool) -> None:
    """``- [[Ada]]`` is a list in a list in the list; ``[a]`` among names is still none."""
    front = "title: x\nauthor:\n  - [[Ada Lovelace]]\n  - [[people/Roe|John Roe]]\n"
    parsed = parse_document(f"---\n{front}---\n", "note.md", summary=summary)
    assert parsed.article is not None and parsed.article.authors == ["Ada Lovelace", "John Roe"]


def in_vault(tmp_path: Path, name: str, text: str) -> str:
    """The path of a note of an Obsidian vault holding ``text``."""
    (tmp_path / ".obsidian").mkdir(exist_ok=True)
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return str(path)


READWISE = """# Data Platform Explained

![rw-book-cover](https://img.test/cover.png)

## Metadata
- Author: [[Spotify Engineering]]
- Full Title: Data Platform Explained Part I
- Category: #articles
- Document Tags: [[data]] [[platforms]]
- Summary: How the platform processes 1.4 trillion data points a day.
- URL: https://engineering.test/2024/04/data-platform/

## Highlights
- Today, we rely on insights ([View Highlight](https://read.readwise.test/read/01h))
"""


@MODES
def test_a_readwise_export_has_its_link_byline_summary_and_cover(
    tmp_path: Path, summary: bool
) -> None:
    """Readwise's default export keeps no front matter: its metadata is a list under
    ``## Metadata``. The note was titled by its short title, with no link (``o`` said
    there was none), byline, tags, excerpt or picture."""
    path = in_vault(tmp_path, "Readwise/Articles/Data Platform Explained.md", READWISE)
    parsed = parse_document(READWISE, path, summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    article = parsed.article
    assert article.title == "Data Platform Explained Part I"
    assert article.url == "https://engineering.test/2024/04/data-platform/"
    assert article.authors == ["Spotify Engineering"]
    assert article.topics == ["data", "platforms", "articles"]
    assert article.excerpt == "How the platform processes 1.4 trillion data points a day."
    if not summary:
        assert [image.url for image in article.images] == ["https://img.test/cover.png"]


@MODES
def test_readwise_labels_written_as_keys_and_matters_metadata(summary: bool) -> None:
    """A Readwise template may write its labels as keys (``Full Title:``, ``Publication
    date:``): the note was untitled and undated. Matter lists its page's link as a link
    and names its publisher."""
    front = (
        "Author: Adam Geitgey\nFull Title: Machine Learning is Fun!\nCategory: #articles\n"
        "Publication date: 2020-09-24\nURL: https://medium.test/@ageitgey/ml-is-fun\n"
    )
    article = parse_document(f"---\n{front}---\n\n# Notes\n", "x.md", summary=summary).article
    assert article is not None
    assert (article.title, article.url, article.authors) == (
        "Machine Learning is Fun!",
        "https://medium.test/@ageitgey/ml-is-fun",
        ["Adam Geitgey"],
    )
    assert article.published_at == datetime(2020, 9, 24, tzinfo=UTC)
    matter = (
        "## Metadata\n* URL: [https://news.test/a](https://news.test/a)\n"
        "* Author: [[Ada Lovelace]]\n* Publisher: [[The Daily]]\n"
        "* Published Date: 2022-03-04\n* Tags: #science, #history\n\n## Highlights\n"
    )
    article = parse_document(f"---\ntitle: A\n---\n{matter}", "x.md", summary=summary).article
    assert article is not None and article.provider is not None
    assert (article.url, article.authors, article.provider.name, article.topics) == (
        "https://news.test/a",
        ["Ada Lovelace"],
        "The Daily",
        ["science", "history"],
    )
    assert article.published_at == datetime(2022, 3, 4, tzinfo=UTC)


@MODES
def test_markdownloads_excerpt_is_the_excerpt(summary: bool) -> None:
    """MarkDownload quotes the page's excerpt under ``> ## Excerpt``: it had none."""
    parsed = parse_document(MARKDOWNLOAD, "Why SQLite is so great.md", summary=summary)
    assert parsed.article is not None
    assert parsed.article.excerpt == "The most deployed database in the world. Here is why."
    assert parsed.article.title == "Why SQLite is so great"


OMNIVORE = """---
id: 7c2f0c2e-1111-2222-3333-444455556666
title: The AI bubble
author: unknown
tags:
  - ai
  - reading_list
date_saved: 2024-02-11 09:15:00
omnivore_url: https://omnivore.test/me/the-ai-bubble-18d9a
site_name: Tech Weekly
type: ARTICLE
---

# The AI bubble
#Omnivore

[Read on Omnivore](https://omnivore.test/me/the-ai-bubble-18d9a)
[Read Original](https://techweekly.test/ai-bubble)
"""


@MODES
def test_an_omnivore_note_has_its_link_site_saved_day_and_kind(summary: bool) -> None:
    """Omnivore links the page in the body (its default front matter is an ``id`` alone),
    names its site in ``site_name`` and the day it was saved in ``date_saved``, and its
    kinds in capitals: the note had no link, no site, no date, the byline 'unknown' and
    the kind 'ARTICLE'."""
    parsed = parse_document(OMNIVORE, "Omnivore/2024-02-11/The AI bubble.md", summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    article = parsed.article
    assert article.url == "https://techweekly.test/ai-bubble"
    assert article.provider is not None and article.provider.name == "Tech Weekly"
    assert article.published_at is not None
    assert article.published_at.replace(tzinfo=None) == datetime(2024, 2, 11, 9, 15)
    assert (article.authors, article.kind) == ([], "article")
    front = "title: x\noriginal_url: https://a.test/b\n"
    body = "[Read Original](https://elsewhere.test/c)\n"
    linked = parse_document(f"---\n{front}---\n{body}", "x.md", summary=summary).article
    assert linked is not None and linked.url == "https://a.test/b"  # the front matter's


def test_a_metadata_section_further_down_a_page_is_its_text() -> None:
    """A page that explains metadata in a later section is not described by it."""
    body = "## Usage\n\nText.\n\n## Metadata\n- URL: https://example.test/x\n- Author: Bob\n"
    article = parse_document(f"---\ntitle: Docs\n---\n{body}", "x.md").article
    assert article is not None and (article.url, article.authors) == ("", [])


@MODES
def test_an_excerpt_over_lines_and_keys_a_notes_tool_capitalised(summary: bool) -> None:
    """MarkDownload keeps the page's line breaks in its excerpt, the next line without
    ``>``: the excerpt stopped at the first. A template writing ``Source:`` and
    ``Created:`` (Obsidian shows properties as written) gave no link and no date."""
    front = 'Source: https://typst.test/docs/syntax/\nCreated: "2025-01-29  02:48:43"\n'
    body = "\n# Syntax\n\n> ## Excerpt\n> A compact reference within\nmarkup and code.\n\n---\nx\n"
    parsed = parse_document(f"---\n{front}---\n{body}", "Syntax.md", summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    article = parsed.article
    assert article.excerpt == "A compact reference within markup and code."
    assert article.url == "https://typst.test/docs/syntax/"
    assert article.published_at is not None and article.published_at.day == 29


@MODES
def test_a_page_omnivore_saved_is_dated_by_its_days_folder(summary: bool) -> None:
    """Omnivore's default note keeps an ``id`` alone, in ``Omnivore/YYYY-MM-DD/``, the day
    it was saved: it was listed undated. A folder of another name dates nothing."""
    text = "---\nid: c721367a\n---\n\n# A page\n#Omnivore\n\n[Read Original](https://a.test/b)\n"
    dated = parse_document(text, "Omnivore/2023-12-28/A page.md", summary=summary).article
    assert dated is not None and dated.published_at == datetime(2023, 12, 28, tzinfo=UTC)
    for folder in ("Omnivore/2023-12-28-x", "Omnivore/2023-13-28", "Omnivore"):
        undated = parse_document(text, f"{folder}/A page.md", summary=summary).article
        assert undated is not None and undated.published_at is None


@MODES
def test_the_clipper_bookmarklets_note_has_its_day_link_and_one_clippings_topic(
    summary: bool,
) -> None:
    """Obsidian's clipper bookmarklet writes ``clipped:``, ``url:``, a blank ``topics:``
    and ``category: "[[Clippings]]"``: the note was undated, had no link (an undated
    page's ``url`` is no original) and no topic at all (the blank ``topics:`` hid the
    tags); the category read '[[Clippings]]', and beside the tag ``clippings`` it would
    be the same topic twice."""
    front = (
        'category: "[[Clippings]]"\nauthor: "[[Ada]]"\ntitle: "A clipped page"\n'
        "url: https://teletype.test/@hr/Q00B#j82h\nclipped: 2024-09-09\npublished: \n"
        "topics: \ntags: [clippings, hr]\n"
    )
    parsed = parse_document(f"---\n{front}---\nText.\n", "Clippings/a.md", summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    article = parsed.article
    assert article.published_at == datetime(2024, 9, 9, tzinfo=UTC)
    assert article.url == "https://teletype.test/@hr/Q00B#j82h"
    assert article.topics == ["Clippings", "hr"]


RAINDROP = """---
raindrop_id: 757277949
raindrop_highlights:
  65fb6b8a5a926c91023d471d: 526bc402b31529f3a5ab88afdfbc2fa1
link: https://blog.test/2024/03/why-rust
tags:
- rust
- languages
---

# Metadata
Source URL:: https://blog.test/2024/03/why-rust
Topics:: #rust, #languages

---
# Why Rust

A language empowering everyone.

## Highlights
> [!quote]+ Updated on 2024-03-21
>
> A highlight.
"""


@MODES
def test_a_raindrop_highlights_note_is_titled_and_linked(tmp_path: Path, summary: bool) -> None:
    """Raindrop Highlights opens its note with ``# Metadata`` and names the page in
    ``link:``: every note was titled 'Metadata' and had no link."""
    path = in_vault(tmp_path, "Raindrop/Why Rust.md", RAINDROP)
    parsed = parse_document(RAINDROP, path, summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    article = parsed.article
    assert (article.title, article.url) == ("Why Rust", "https://blog.test/2024/03/why-rust")
    assert article.topics == ["rust", "languages"]
    without = RAINDROP.replace("link: https://blog.test/2024/03/why-rust\n", "")
    article = parse_document(without, path, summary=summary).article
    assert article is not None and article.url == "https://blog.test/2024/03/why-rust"


def test_a_page_about_metadata_is_titled_by_its_heading() -> None:
    """A page headed ``# Metadata`` that lists fields is no clipping's details."""
    body = "# Metadata\n\n- Title: the page's title\n- URL: the page's address\n"
    article = parse_document(f"---\ndate: 2024-01-01\n---\n{body}", "x.md").article
    assert article is not None and (article.title, article.url) == ("Metadata", "")


@MODES
def test_a_readwise_export_outside_a_vault_is_read(summary: bool) -> None:
    """Readwise's Markdown download is a folder of such notes with no front matter, and
    no vault: lede said 'no documents found'. A file opening with a heading and no such
    list is still no document there."""
    parsed = parse_document(READWISE, "export/Data Platform Explained.md", summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    assert parsed.article.url == "https://engineering.test/2024/04/data-platform/"
    assert parsed.article.title == "Data Platform Explained Part I"
    for text in ("# Notes\n\nSome notes.\n", READWISE.replace("- URL:", "- Link:")):
        parsed = parse_document(text, "export/notes.md", summary=summary)
        assert parsed.article is None and not parsed.has_front_matter


@MODES
def test_a_readwise_category_is_the_kind_of_item(summary: bool) -> None:
    """Readwise exports books and tweets beside articles, each with its ``Category``: a
    book's highlights were listed as an article."""
    for category, kind in (("#books", "book"), ("#readwise/articles", "article"), ("x", "article")):
        text = READWISE.replace("#articles", category)
        article = parse_document(text, "export/A book.md", summary=summary).article
        assert article is not None and article.kind == kind


def test_a_reviewed_books_publisher_is_not_the_site() -> None:
    """A site's own ``publisher:`` (a book review's) is no site that published the page:
    only a read-later tool's metadata list names that so."""
    article = parse_document("---\ntitle: A review\npublisher: O'Reilly\n---\n", "x.md").article
    assert article is not None and article.provider is None


@MODES
def test_a_readwise_front_matter_links_its_page_undated(summary: bool) -> None:
    """Readwise's front matter writes ``url:`` and no date: an undated page's ``url`` was
    taken for the home of what it describes, and the note had no link."""
    front = (
        'author: [[Ada]]\nfull-title: "A long title"\ncategory: #articles\nurl: https://a.test/x\n'
    )
    article = parse_document(f"---\n{front}---\nText.\n", "x.md", summary=summary).article
    assert article is not None
    assert (article.title, article.url, article.authors) == (
        "A long title",
        "https://a.test/x",
        ["Ada"],
    )


@MODES
def test_a_wallabag_note_is_titled_and_linked(summary: bool) -> None:
    """The wallabag plugin's default note opens `` ## Title [](original)[](copy)``: every
    note was untitled and had no link."""
    body = " ## Some article [](https://news.test/a)[](https://wallabag.test/view/12)\nText.\n"
    parsed = parse_document(f"---\ntags: #news\n---\n{body}", "Some article.md", summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    assert (parsed.article.title, parsed.article.url) == ("Some article", "https://news.test/a")
