"""Pages that lie about their encoding, and pages that carry terminal escape sequences."""

from __future__ import annotations

import html

import pytest
from markdown_it import MarkdownIt

from preview import PreviewError, fetch_preview
from preview.decode import decode_page
from preview.extract import extract_markdown
from tests.webserver import ARTICLE_PARAGRAPHS, TestServer, article_html, page

QUOTED = "The minister called it “a triumph of patience” at the café in Zürich — twice."
PARAGRAPHS = [QUOTED, *ARTICLE_PARAGRAPHS]


# Without ” (whose UTF-8 has a byte windows-1252 lacks) the bytes also decode as
# windows-1252, into mojibake: only believing UTF-8 first gets this one right.
APOSTROPHES = "It’s the café’s ‘best’ year, said the owner of the brasserie on the square."


@pytest.mark.parametrize("sentence", [QUOTED, APOSTROPHES])
async def test_utf8_bytes_labelled_latin1_are_read_as_utf8(
    server: TestServer, sentence: str
) -> None:
    body = article_html(paragraphs=[sentence, *ARTICLE_PARAGRAPHS]).encode("utf-8")
    server.routes["/story"] = page(body, content_type="text/html; charset=iso-8859-1")

    result = await fetch_preview(server.url("/story"))

    assert sentence in result.markdown
    assert "Ã" not in result.markdown and "â€" not in result.markdown


async def test_a_meta_charset_decodes_an_unlabelled_page(server: TestServer) -> None:
    html = article_html(paragraphs=PARAGRAPHS).replace(
        '<meta charset="utf-8">', '<meta charset="windows-1252">'
    )
    server.routes["/story"] = page(html.encode("cp1252"), content_type="text/html")

    result = await fetch_preview(server.url("/story"))

    assert QUOTED in result.markdown


async def test_an_http_equiv_meta_charset_is_read(server: TestServer) -> None:
    html = article_html(paragraphs=PARAGRAPHS).replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">',
    )
    body = html.replace("“", '"').replace("”", '"').replace("—", "-").encode("iso-8859-15")
    server.routes["/story"] = page(body, content_type="text/html")

    result = await fetch_preview(server.url("/story"))

    assert "the café in Zürich - twice" in result.markdown


@pytest.mark.parametrize(
    ("sentence", "encoding"),
    [
        ("Городской совет в среду вечером утвердил сбалансированный бюджет на год.", "cp1251"),
        ("市議会は水曜日の夜、来年度の均衡予算を可決した。野党は増税を批判した。", "shift_jis"),
    ],
)
async def test_an_unlabelled_page_is_guessed(
    server: TestServer, sentence: str, encoding: str
) -> None:
    html = article_html(paragraphs=[sentence * 3, *ARTICLE_PARAGRAPHS]).replace(
        '<meta charset="utf-8">', ""
    )
    server.routes["/story"] = page(html.encode(encoding), content_type="text/html")

    result = await fetch_preview(server.url("/story"))

    assert sentence in result.markdown


WESTERN = [
    "Une approche naïve, dit-elle.",
    "C'est une approche naïve, dit-elle: le café était fermé à Noël.",
    "Die Straße in München ist schön, aber Größe zählt nicht für Müller.",
]


@pytest.mark.parametrize("sentence", WESTERN)
@pytest.mark.parametrize("label", [None, "utf-8"])
def test_western_text_not_in_its_label_reads_as_windows_1252(
    sentence: str, label: str | None
) -> None:
    # Equally clean in cp1250, cp1257 and DOS pages no site uses (naïve is naďve or
    # naļve there): browsers read such a page as windows-1252.
    body = f"<html><body><p>{sentence}</p></body></html>".encode("cp1252")
    assert sentence in decode_page(body, label)


@pytest.mark.parametrize("label", ["undefined", "rot13", "zlib", "no-such-charset"])
def test_a_charset_no_page_is_written_in_is_passed_over(label: str) -> None:
    """``charset=undefined`` named Python's codec that fails whatever it decodes: the
    preview failed ("decoding with 'undefined' codec failed") instead of guessing."""
    sentence = WESTERN[1]
    body = f"<html><body><p>{sentence}</p></body></html>".encode("cp1252")
    assert sentence in decode_page(body, label)


def test_a_baltic_page_is_still_guessed_as_baltic() -> None:
    sentence = "Lietuvos Respublikos Seimas priėmė įstatymą dėl švietimo ir mokslo."
    body = f"<html><body><p>{sentence}</p></body></html>".encode("cp1257")
    assert sentence in decode_page(body, None)


def test_latin1_labels_read_as_windows_1252() -> None:
    # What browsers do: 0x93 and 0x94 are curly quotes, not C1 control codes.
    assert decode_page("“café”".encode("cp1252"), "ISO-8859-1") == "“café”"


def test_unknown_labels_and_undecodable_bytes_do_not_fail() -> None:
    text = decode_page(b"<p>caf\xe9 \x81\x8d</p>", "no-such-charset")
    assert text.startswith("<p>caf")


def test_a_byte_order_mark_wins() -> None:
    assert decode_page("\ufeffcafé".encode("utf-16-le"), "iso-8859-1") == "café"


ESCAPES = {
    "osc52": "\x1b]52;c;SGVsbG8gd29ybGQ=\x07",  # writes the clipboard
    "clear": "\x1b[2J",
    "title": "\x1b]0;owned\x1b\\",
    "c1": "\x9b31m",
    "bell": "\x07",
    "bidi": "\u202e",
}


async def test_escape_sequences_do_not_survive(server: TestServer) -> None:
    hostile = " ".join(f"{name} {sequence}here" for name, sequence in ESCAPES.items())
    entities = "entity &#27;[2J and &#x1b;]52;c;SGVsbG8=&#7; end"
    paragraphs = [f"Escapes: {hostile} done.", f"References: {entities}.", *ARTICLE_PARAGRAPHS]
    html = article_html(title="Bridge \x1b]0;owned\x07reopens \x1b[31mtoday", paragraphs=paragraphs)
    server.routes["/story"] = page(html)

    result = await fetch_preview(server.url("/story"))

    text = result.title + result.markdown
    for forbidden in ("\x1b", "\x07", "\x9b", "\u202e", "52;c;", "0;owned", "[2J", "[31m"):
        assert forbidden not in text, repr(forbidden)
    assert result.title == "Bridge reopens today"
    assert "osc52 here clear here title here c1 here bell here bidi here done." in result.markdown
    assert "References: entity and end." in result.markdown
    assert ARTICLE_PARAGRAPHS[-1] in result.markdown


async def test_plain_text_is_kept_as_it_is_without_escapes(server: TestServer) -> None:
    """Read as Markdown, a memo's lines ran into one and ``# `` was a heading."""
    server.routes["/notes.txt"] = page(
        "Line one\x1b[2J\nLine \x1b]52;c;eA==\x07two\n", content_type="text/plain; charset=utf-8"
    )

    result = await fetch_preview(server.url("/notes.txt"))

    assert result.markdown == "```\nLine one\nLine two\n```"  # its lines, not Markdown
    assert result.title == ""


async def test_an_empty_plain_text_page_has_no_readable_text(server: TestServer) -> None:
    server.routes["/blank.txt"] = page(" \n", content_type="text/plain")
    with pytest.raises(PreviewError, match="no readable text"):
        await fetch_preview(server.url("/blank.txt"))


def test_a_headline_outside_a_heading_tag_is_not_repeated() -> None:
    rows = "".join(f"<div class='txt'>{text}<br></div>" for text in ARTICLE_PARAGRAPHS)
    html = (
        "<html><head><title>Council votes on budget - Town Crier</title></head><body>"
        f"<div class='content'><div class='headline'>Council votes on budget</div>{rows}</div>"
        "</body></html>"
    )
    title, markdown = extract_markdown(html, "https://example.test/", "text/html")
    assert title == "Council votes on budget"
    assert markdown.startswith("# Council votes on budget\n\nThe harbour bridge")
    assert markdown.count("Council votes on budget") == 1


def test_a_page_with_only_a_headline_has_no_readable_text() -> None:
    html = "<html><head><title>Just this</title></head><body><h1>Just this</h1></body></html>"
    with pytest.raises(PreviewError, match="no readable text"):
        extract_markdown(html, "https://example.test/", "text/html")


@pytest.mark.parametrize("headline", ["Script title [b]x[/b]", "C* and AI_model_v2", "#1 `ls` <b>"])
def test_a_headline_with_markdown_characters_is_shown_once_and_as_written(headline: str) -> None:
    """The page's first line comes with its punctuation escaped; compared with the raw
    title, it did not match and the headline was shown twice."""
    paragraphs = "".join(f"<p>{text}</p>" for text in ARTICLE_PARAGRAPHS)
    shown = html.escape(headline)
    page_html = (
        f"<html><head><title>{shown}</title></head><body><article><h1>{shown}</h1>"
        f"{paragraphs}</article></body></html>"
    )
    title, markdown = extract_markdown(page_html, "https://example.test/", "text/html")
    heading, _, body = markdown.partition("\n\n")
    assert title == headline
    inline = MarkdownIt().parse(heading)[1].children or []
    assert [(token.type, token.content) for token in inline] == [("text", headline)]  # no markup
    assert body.startswith(ARTICLE_PARAGRAPHS[0][:20])  # not the headline again


def test_a_link_to_another_scheme_than_the_webs_is_its_words() -> None:
    """The Markdown view refuses ``javascript:`` and showed the link's marks as text."""
    paragraph = (
        'Click <a href="javascript:alert(1)">the js link</a> or <a href="data:text/html,x">'
        'this</a>, or read <a href="https://example.test/a">the report</a> in full here.'
    )
    story = article_html(paragraphs=[paragraph, *ARTICLE_PARAGRAPHS])
    _, markdown = extract_markdown(story, "https://example.test/", "text/html")
    assert "Click the js link or this, or read [the report](https://example.test/a)" in markdown
