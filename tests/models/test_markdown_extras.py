"""Footnotes and task lists are shown as text: the marks raw, the definitions run into one
paragraph (``[^talk-mod]: See … [^talk-comms]: See``) and ``• [ ] task`` were what the
reader showed of them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from models.html import readable_body
from models.markdown_extras import line_breaks, plain_extras

PROJECT = Path(__file__).resolve().parents[2]


def test_marks_and_definitions_become_text_each_definition_its_own_paragraph() -> None:
    body = (
        "On the council[^affiliates] and more[^2].\n\n"
        "[^affiliates]: See the limits.\n[^2]: A second note\n    continued.\n"
    )
    assert plain_extras(body) == (
        "On the council\\[affiliates\\] and more\\[2\\].\n\n"
        "\n\\[affiliates\\] See the limits.\n\n\\[2\\] A second note\n    continued.\n"
    )


def test_code_keeps_its_footnote_syntax() -> None:
    body = "Write `x[^1]` for a mark:\n\n```\n[^1]: a definition\n```\n"
    assert plain_extras(body) == body


def test_the_reader_and_the_index_read_bodies_so() -> None:
    assert readable_body("Rust[^gleam].\n\n[^gleam]: A language.\n", "a.md") == (
        "Rust\\[gleam\\].\n\n\n\\[gleam\\] A language.\n"
    )


def test_a_task_lists_boxes_are_drawn() -> None:
    body = "- [ ] write\n* [x] test\n  + [X] nested\n- [link](x) stays\n\n`- [ ] code`\n"
    assert plain_extras(body) == (
        "- ☐ write\n* ☑ test\n  + ☑ nested\n- [link](x) stays\n\n`- [ ] code`\n"
    )


def test_an_inline_line_break_keeps_words_apart() -> None:
    """The view dropped ``<br>``: "Implications<br>by Cijo" read "Implicationsby Cijo"."""
    assert line_breaks("**[Talk](x)**<br>by Cijo, `a<br>b`") == "**[Talk](x)**\\\nby Cijo, `a<br>b`"
    table = "| a<br/>b | c |\n|---|---|\n| x<BR>y | z |"
    assert line_breaks(table) == "| a b | c |\n|---|---|\n| x y | z |"  # a row stays a line
    html_block = "Intro.\n\n<p>If set,<br> the layout.</p>\n\nText<br>more."
    assert readable_body(html_block, "a.md").endswith("the layout.\n\n\nText\\\nmore.")


def test_notes_set_apart_are_led_by_their_kind() -> None:
    """The marks were shown (":::tip Existing plugins … :::"), and MkDocs's note as code."""
    assert plain_extras("> [!NOTE]\n> Plain note.\n") == "> **Note:** \n> Plain note.\n"
    assert plain_extras("> [!tip]- Fold me\n> x") == "> **Tip:** Fold me\n>\n> x"  # a title
    assert plain_extras("Intro.\n\n:::tip Title\nInside.\n:::\n") == (
        "Intro.\n\n\n**Tip:** Title\n\nInside.\n\n"
    )
    assert plain_extras('!!! warning "Mind"\n    Inside.\n\n    More.\n\nAfter.\n') == (
        "**Warning:** Mind\n\nInside.\n\nMore.\n\nAfter.\n"
    )
    assert plain_extras("Is it ??? or !!! here") == "Is it ??? or !!! here"
    assert (
        plain_extras(":::caution[Removed]\nGone.\n:::\n") == "\n**Caution:** Removed\n\nGone.\n\n"
    )


def test_nuxt_components_show_their_words_not_their_marks() -> None:
    """Nuxt's docs showed "::tip Try it. ::" run into one line, and components as written."""
    body = (
        '::tip\nTry it.\n::\n\n::callout{type="warning"}\nMind.\n::\n\n'
        '::code-group\n```sh\nnpx nuxi\n```\n::\n\n:read-more{title="Modes" to="/m"}\n'
        "std::\n:: not one\n:\n"
    )
    assert plain_extras(body) == (
        "\n**Tip:**\n\nTry it.\n\n\n\n**Warning:**\n\nMind.\n\n\n\n"
        "```sh\nnpx nuxi\n```\n\n\n**Read more:** Modes\nstd::\n:: not one\n:\n"
    )


def test_a_wiki_link_is_the_words_it_shows() -> None:
    """Obsidian's links were shown raw (``[[Page|Alias]]``)."""
    assert plain_extras("See [[Page|the page]], [[Other]], [[Note#Part]], `[[code]]`.") == (
        "See the page, Other, Note › Part, `[[code]]`."
    )
    # Dendron's the other way round: the words, then the note's dotted name or address.
    dendron = "Met [[Alice|people.team.alice]] at [[Office Hours|dendron://site/events]]."
    assert plain_extras(dendron) == "Met Alice at Office Hours."
    obsidian = "[[notes|v1.2]], [[JavaScript runtime|Node.js]], [[Packaging|setup.py]]"
    assert plain_extras(obsidian) == "v1.2, Node.js, setup.py"


def test_obsidians_own_marks_show_as_obsidian_shows_them() -> None:
    """Private comments were shown and searched, a highlight kept its ``==``, a block's
    id its ``^abc123``, and an embedded picture's size stood for the picture."""
    body = (
        "Intro with ==highlighted text==. %%private%% End.\n"
        "A block with an id. ^abc123\n"
        "%%\nmulti-line comment\n%%\n"
        "See [[Other note#^abc123]] and ![[photo.png|300]].\n"
        "| ![[shot.png\\|75]] | 6000 |\n"
    )
    assert plain_extras(body) == (
        "Intro with **highlighted text**.  End.\n"
        "A block with an id.\n"
        "\n"
        "See Other note and photo.png.\n"
        "| shot.png | 6000 |\n"
    )
    # What only looks like them stays: percentages, batch files' variables, comparisons,
    # base64's padding, a comment's rule, powers, Git's parents.
    kept = (
        "Growth was 100%% in Q1.\n\nThen 50%% more.\necho %%i and %%j\n"
        "`a == b %%c%%`, a==b and c==d, https://x.test/e30==--af/e30==--d4\n"
        "/* ============> colors <============ */\n"
        "f(x) = x ^n, 2 ^10, HEAD ^abc, main ^parent\n"
    )
    assert plain_extras(kept) == kept


def test_a_headings_attributes_are_not_shown() -> None:
    """Pandoc, kramdown, Hugo, VitePress and MkDocs read them; the view showed them."""
    body = "## Key exchange {#timelines}\n\n### Wide { .wide #w }\n\nText {#kept} here.\n"
    assert plain_extras(body) == "## Key exchange\n\n### Wide\n\nText {#kept} here.\n"
    assert plain_extras("```\n## Shown {#as-is}\n```") == "```\n## Shown {#as-is}\n```"
    table = "| a |\n|---|\n| 1 |\n{.wide-table}\n\nText.\n{ .lead }\n{not this}\n"
    assert plain_extras(table) == "| a |\n|---|\n| 1 |\n\n\nText.\n\n{not this}\n"


def test_pandoc_notes_and_attributes_read_as_quarto_shows_them() -> None:
    """Quarto's blog showed "{.callout-note}", "Logo{fig-alt=…}" and "[word]{.aside}"."""
    body = (
        '::: {.callout-warning title="Mind"}\nCareful.\n:::\n\n::: column-margin\nAside.\n:::\n\n'
        '![Logo](logo.png){fig-alt="A logo"} and [word]{.aside}, not [x][ref]{.c} or `[c]{.d}`\n'
    )
    assert plain_extras(body) == (
        "\n**Warning:** Mind\n\nCareful.\n\n\n\nAside.\n\n\n"
        "![Logo](logo.png) and word, not [x][ref]{.c} or `[c]{.d}`\n"
    )


@pytest.mark.parametrize(
    "body", [" " * 40 + "\n" * 40 + "Text.", "# A" + " " * 20_000 + "b", "<script>" * 5_000]
)
def test_the_opening_heading_is_found_at_once_whatever_the_spaces(body: str) -> None:
    """A page opening with 37 spaces and blank lines froze the reader and kept an index
    from ever ending (each more space doubled the time): asked in a process of its own,
    so that the old pattern fails by the deadline rather than hold the suite."""
    asked = f"from models.markdown_extras import opening_heading; opening_heading({body!r})"
    subprocess.run([sys.executable, "-c", asked], check=True, timeout=10, cwd=PROJECT)
