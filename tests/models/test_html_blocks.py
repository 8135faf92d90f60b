"""HTML inside a Markdown body: its words are read, as a site shows them, and the Markdown
around it stays Markdown. The reader's Markdown view drops HTML blocks whole, and a body
that merely started with a tag (a lint comment, a centred logo) was read as HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.index import CorpusIndex
from models.html import readable_body
from tests.conftest import write_document

POST = """<!--lint disable prohibited-strings-->

# Release notes

<div class="note">
  Upgrade <b>before</b> May.
</div>

* one
* two **bold**

```html
<div>shown as code</div>

<p>still code</p>
```

<!--
a note to editors

across blank lines
-->
See <https://example.test/> and <em>this</em>.
"""


def test_a_markdown_post_that_opens_with_a_comment_stays_markdown() -> None:
    text = readable_body(POST, "_posts/2024-01-02-notes.md")
    assert text.startswith("# Release notes")
    assert "* one\n* two **bold**" in text
    assert "lint" not in text and "editors" not in text


def test_an_html_block_is_read_as_a_paragraph_of_its_words() -> None:
    text = readable_body(f"Intro.\n\n{POST}", "_posts/2024-01-02-notes.md")
    assert "\n\nUpgrade before May.\n\n" in text
    assert "<div" not in text.split("```")[0]


@pytest.mark.parametrize(
    ("markup", "paragraphs"),
    [
        ("<details><summary>More</summary>Hidden text</details>", ["More", "Hidden text"]),
        ("<dl><dt>Term</dt><dd>Its definition</dd></dl>", ["Term", "Its definition"]),
        ("<section>One</section><section>Two</section>", ["One", "Two"]),
        ("<figure><img src=a.png><figcaption>A caption</figcaption></figure>", ["A caption"]),
        ("<blockquote>Quoted</blockquote>After<hr>Below", ["Quoted", "After", "Below"]),
    ],
)
def test_each_block_element_is_a_paragraph_of_its_own(markup: str, paragraphs: list[str]) -> None:
    """A block's text ran into the next's: ``<details>`` read "MoreHidden text"."""
    assert readable_body(f"Intro.\n\n{markup}\n\nEnd.").split() == [
        "Intro.",
        *" ".join(paragraphs).split(),
        "End.",
    ]
    assert [p.strip() for p in readable_body(markup).split("\n\n") if p.strip()] == paragraphs


def test_html_in_fenced_code_and_inline_html_are_left_as_written() -> None:
    text = readable_body(POST, "_posts/2024-01-02-notes.md")
    assert "```html\n<div>shown as code</div>\n\n<p>still code</p>\n```" in text
    assert "See <https://example.test/> and <em>this</em>." in text


def test_a_tag_that_interrupts_a_paragraph_starts_a_block_of_its_own() -> None:
    text = readable_body('First line\n<p align="center">Centred</p>\nafter', "a.md")
    assert text == "First line\n\nCentred\n\nafter"


def test_preformatted_html_is_shown_as_code_with_its_lines() -> None:
    body = "Run:\n\n<pre><code>if (a &lt; b) {\n  go();\n}</code></pre>\n\nDone."
    assert readable_body(body, "a.md") == "Run:\n\n\n```\nif (a < b) {\n  go();\n}\n```\n\n\nDone."


PRE_IN_HTML = (
    '<p>The function:</p><div class="highlight"><pre><span>int</span> f() {<br />'
    "  return 1;<br />}</pre></div><p>A plain one:</p><pre>one\n    two &amp; three\n</pre>"
    "<p>End.</p>"
)


@pytest.mark.parametrize("path", ["post.html", "post.md"])
def test_preformatted_text_within_html_is_code_with_its_lines(path: str) -> None:
    """A highlighter's ``<br />`` ended each line of code, and plain ``<pre>`` kept its
    line ends: an ``.html`` post, or a ``<pre>`` inside a block, showed a paragraph a
    line, or all of its lines run into one."""
    assert readable_body(PRE_IN_HTML, path).strip() == (
        "The function:\n\n```\nint f() {\n  return 1;\n}\n```\n\n"
        "A plain one:\n\n```\none\n    two & three\n```\n\nEnd."
    )


@pytest.mark.parametrize(
    "body",
    [
        "<table>\n  <tr><td>\n\n    Robots fold laundry\n\n  </td></tr>\n</table>\n",
        "<p>Robots fold laundry</p>\n\n<p>Second <i>story</i></p>\n",
    ],
)
def test_a_body_of_html_is_read_as_html_across_its_blank_lines(body: str) -> None:
    text = readable_body(body, "_newsletters/daily.md")
    assert text.startswith("Robots fold laundry")
    assert "<" not in text and "    " not in text  # no indented line left to show as code


def test_the_words_of_an_html_block_are_found_and_its_tags_are_not(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_document(
        site / "_news", "a.md", 'title: "Notes"\noriginalUrl: https://x.test/a', f"Intro.\n\n{POST}"
    )
    index = CorpusIndex([str(site)], tmp_path / "index.db")
    try:
        index.refresh()
        assert [row.title for row in index.search("upgrade")] == ["Notes"]
        assert index.search("editors") == []
        assert index.search("class") == []
    finally:
        index.close()


def test_a_table_reads_a_row_a_paragraph_its_cells_set_off() -> None:
    """Cells ran together (``cell1cell2``), or each stood alone with no sign of its row."""
    table = (
        "<table>\n<tr><th>Variable</th><th>Description</th></tr>\n"
        "<tr><td><p><code>layout</code></p></td><td><p>If set,<br> the layout.</p></td></tr>\n"
        "<tr><td>a<td>b\n</table>"
    )
    assert readable_body(f"Intro.\n\n{table}\n\nAfter.", "a.md") == (
        "Intro.\n\n\nVariable | Description\n\nlayout | If set, the layout.\n\na | b\n\n\nAfter."
    )


@pytest.mark.parametrize("opening", ['<div class="mdx-columns" markdown>', '<div markdown="1">'])
def test_an_element_whose_content_is_markdown_keeps_its_lists(opening: str) -> None:
    """MkDocs's and kramdown's ``markdown`` attribute: its list ran into one bullet
    ("• Adding an excerpt - Adding authors - …")."""
    body = f"{opening}\n\n- [First item](x)\n- Second item\n\n</div>\n\nAfter.\n"
    assert readable_body(body, "a.md").split("\n\n")[0] == "- [First item](x)\n- Second item"


PLAYERS = """Watch the launch:

<iframe width="560" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=3"
  title="YouTube video player" allowfullscreen></iframe>

<video src="https://media.example.test/clip.mp4" controls></video>

<video controls>
  <source src="https://media.example.test/talk.webm" type="video/webm">
  <source src="https://media.example.test/talk.mp4" type="video/mp4">
</video>

<iframe src="//player.vimeo.com/video/76979871"></iframe>

<audio src="javascript:alert(1)"></audio>

<picture><source srcset="/logo.webp"><img src="/logo.png" alt=""></picture>

```html
<video src="https://media.example.test/in-code.mp4"></video>
```
"""


def test_an_embedded_player_is_shown_as_the_address_it_plays() -> None:
    """An embedded video left a blank in the detail: an ``<iframe>`` or ``<video>`` holds no
    text. Each is now its address, a known video site's as the page to watch it on; a
    ``<source>`` once a player (its first format), and nothing that is not on the web."""
    text = readable_body(PLAYERS)
    paragraphs = [block.strip() for block in text.split("\n\n") if block.strip()]
    assert paragraphs[:5] == [
        "Watch the launch:",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://media.example.test/clip.mp4",
        "https://media.example.test/talk.webm",
        "https://vimeo.com/76979871",
    ]
    assert "talk.mp4" not in text and "javascript" not in text and "logo" not in text
    assert '<video src="https://media.example.test/in-code.mp4"></video>' in text  # code stays


@pytest.mark.parametrize("name", ["a.md", "a.qmd", "a.mdx", "a.rst", "a.txt"])
@pytest.mark.parametrize("body", ["", "\n", " \n\n"])
def test_a_blank_body_is_left_as_it_is(name: str, body: str) -> None:
    assert readable_body(body, name) == body
    assert readable_body(body, "a.html") == ""  # a page's markup, of which nothing shows
