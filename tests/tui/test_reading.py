"""Reading by keys and mouse: opening marks read, flags and undo, stepping through
articles, related articles in place, copying links, and help listing every key."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from library.corpus import open_index, open_state
from tests.conftest import write_document
from tests.tui.conftest import HANGZHOU, TWO_SESSIONS
from tests.tui.pilot import detail_text, indexed, notifications, settled, status, titles, until
from tui.app import LedeApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.help import HelpScreen, key_names
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView
from tui.widgets.topic_tree import TopicTree


async def test_enter_opens_marks_read_and_state_survives(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"hangzhou", "enter", "enter")
        await settled(pilot)
        assert app.screen.query_one(DetailView).has_focus
        assert "Global Times (globaltimes.cn)" in detail_text(app)
        assert "China’s first" in detail_text(app)
    state = open_state()
    index = open_index([str(reader_corpus)], state)
    read = [row.title for row in index.search("is:read")]
    assert len(read) == 1 and read[0].startswith(HANGZHOU)
    assert len(index.search("is:unread")) == 3


async def test_m_s_and_undo(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        first = articles.current
        tree = app.screen.query_one(TopicTree)
        await pilot.press("m")  # written on a thread of its own: waited for
        await until(pilot, lambda: first.identity in articles.read)
        await pilot.press("s")
        await until(pilot, lambda: first.identity in articles.starred)
        await until(pilot, lambda: "Starred 1" in str(tree.root.children[2].label))
        await pilot.press("u")
        await until(pilot, lambda: first.identity not in articles.starred)
        await pilot.press("u")
        await until(pilot, lambda: first.identity not in articles.read)
        assert app.session.state.flagged("read") == set()


async def test_mark_all_read_confirms_and_undoes(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
        assert app.session.state.flagged("read") == set()
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await until(pilot, lambda: "0 unread" in status(app))
        assert len(app.session.state.flagged("read")) == 4
        await pilot.press("u")
        await until(pilot, lambda: app.session.state.flagged("read") == set())
        # As they are now: it said "4 articles not read again".
        assert "Undone: 4 articles unread again" in notifications(app)


async def test_mark_all_read_with_nothing_unread_says_so_and_asks_nothing(
    reader_corpus: Path,
) -> None:
    """It asked "Mark all 4 shown articles as read?" of a list read already, then said
    "Marked 0 articles read (u to undo)", and u had nothing to undo."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await until(pilot, lambda: "0 unread" in status(app))
        await pilot.press("A")
        await until(pilot, lambda: "Every article shown is read already" in notifications(app))
        await settled(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert len(app.session.state.flagged("read")) == 4


async def test_next_unread_and_article_stepping(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("j", "m", "k")  # second article read, back to the first
        await pilot.press("n")
        assert articles.cursor == 2
        await pilot.press("N")
        assert articles.cursor == 0
        await pilot.press("enter")
        await settled(pilot)
        detail = app.screen.query_one(DetailView)
        await pilot.press("J")
        await until(pilot, lambda: detail.article.title.startswith(TWO_SESSIONS))
        assert articles.cursor == 1
        await pilot.press("K")
        await until(pilot, lambda: detail.article.title == titles(app)[0])
        assert articles.cursor == 0
        await pilot.press("G")
        await settled(pilot)  # G in the detail view scrolls; the list keeps its cursor
        assert articles.cursor == 0
        await pilot.press("n")  # from the detail view too: it did nothing there
        await until(pilot, lambda: articles.cursor == 2 and detail.article.title == titles(app)[2])
        await pilot.press("N")  # every article above is read now: on from the bottom
        await until(pilot, lambda: articles.cursor == 3 and detail.article.title == titles(app)[3])
        assert detail.has_focus_within
        assert "No unread above: on from the bottom" in notifications(app)


async def test_next_unread_goes_on_from_the_top_past_the_end(reader_corpus: Path) -> None:
    """Reading with n from the middle of a list stopped at its end ("No more unread
    articles below"), the unread above it left behind."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        await pilot.press("j", "j", "enter")  # the third article, read
        await settled(pilot)
        detail = app.screen.query_one(DetailView)
        await pilot.press("n", "n")  # the fourth, then past the end: the first
        await until(pilot, lambda: articles.cursor == 0 and detail.article.title == titles(app)[0])
        assert "No more unread below: on from the top" in notifications(app)
        await pilot.press("n")  # the second: the only one left unread
        await until(pilot, lambda: articles.cursor == 1 and len(articles.read) == 4)
        await pilot.press("n")
        await until(pilot, lambda: "No other unread article in this list" in notifications(app))
        assert articles.cursor == 1


async def test_related_article_in_corpus_opens_in_place(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("enter")  # TensorFlow article, whose first related is in the corpus
        await settled(pilot)
        related = app.screen.query_one("#related")
        related.focus()
        await pilot.press("enter")
        detail = app.screen.query_one(DetailView)
        await until(pilot, lambda: detail.article.title.startswith(TWO_SESSIONS))
        assert app.screen.query_one(ArticleList).current.title.startswith(TWO_SESSIONS)


async def test_copy_and_open_without_browser(reader_corpus: Path, monkeypatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("y")
        assert app.clipboard == "https://example.test/tensorflow-3"
        app.copy_to_clipboard("")
        await pilot.press("o")
        assert app.clipboard == "https://example.test/tensorflow-3"
        messages = [n.message for n in app._notifications]
        assert any(
            m.endswith(": copied https://example.test/tensorflow-3 instead") for m in messages
        )


async def test_help_lists_every_binding(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 60)) as pilot:
        await indexed(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        for _title, bindings in app.binding_sections():
            for binding in bindings:
                assert binding.description in text
                if not (binding.id or "").startswith("reader.source_"):  # shown as 1–9
                    assert all(key in text for key in key_names(binding))
        assert "  1–9 " in text
        rows = [line for line in text.splitlines() if line.startswith("  ")]
        descriptions = {line.index(line.split()[-1]) for line in rows if len(line.split()) == 2}
        assert len(descriptions) == 1  # one column for all descriptions of one word
        (column,) = descriptions
        assert all(line[column - 2 : column] == "  " for line in rows)  # keys never touch it
        for required in ("/", "?", "esc", "space", "J", "K", "n", "N", "A", "u", "p", "o", "y"):
            assert f" {required}" in text or f"{required}," in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_copy_and_open_on_an_empty_list_are_not_offered(tmp_path: Path) -> None:
    """y and o on a folder without documents said "This article has no URL"; they are
    no keys of an empty list now, in the footer or the palette, and do nothing."""
    empty = tmp_path / "empty"
    empty.mkdir()
    app = LedeApp([str(empty)])
    async with app.run_test(size=(120, 40)) as pilot:
        await indexed(pilot)
        assert not app.screen.check_action("copy_url", ())
        assert not app.screen.check_action("open_in_browser", ())
        for key in ("y", "o"):
            await pilot.press(key)
        await pilot.pause()
        assert notifications(app) == [] and app.is_running


async def test_help_gives_every_pane_its_moves_with_the_same_keys(reader_corpus: Path) -> None:
    """The article list read "j, ↓  Down" and "g, home  First", the tree "j  Down" and "g
    First" though its arrows, home and end move it too, and the detail "g  Top" and "G
    End": each pane now lists the keys that move in it, the same keys in each."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 60)) as pilot:
        await indexed(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = str(app.screen.query_one("#help-keys").render())
        sections = {part.split("\n", 1)[0]: part for part in text.split("\n\n")}

        def keys(section: str) -> dict[str, str]:
            rows = [line.split("  ") for line in sections[section].splitlines()[1:]]
            return {cells[-1].strip(): [c for c in cells if c][0].strip() for cells in rows}

        moves = {"j, ↓", "k, ↑", "g, home", "G, end"}
        assert moves <= set(keys("Article list").values())
        assert moves <= set(keys("Topic tree").values())
        assert {"Scroll down": "j, ↓", "Scroll up": "k, ↑", "Top": "g, home"}.items() <= (
            keys("Detail view").items()
        )
        assert keys("Detail view")["Bottom"] == "G, end"


async def test_help_says_how_to_close_it(reader_corpus: Path) -> None:
    """The dialog said "lede — keys" and no more, over a footer of the reader's keys
    ("⏎ Open  / Filter") that do nothing while it is open."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        title = str(app.screen.query_one("#help-title").render())
        assert title.splitlines()[0] == "lede — keys  (esc closes)"
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen))


async def test_help_scrolls_with_the_readers_own_keys(reader_corpus: Path) -> None:
    """Only arrows and page keys scrolled it; j and k did nothing."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(100, 20)) as pilot:
        await indexed(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        dialog = app.screen.query_one("#help-dialog")
        assert dialog.max_scroll_y > 3
        await pilot.press("j", "j", "j")
        await until(pilot, lambda: dialog.scroll_y == 3, "three lines down")
        await pilot.press("k")
        await until(pilot, lambda: dialog.scroll_y == 2, "one line up")
        await pilot.press("G")
        await until(pilot, lambda: dialog.scroll_y == dialog.max_scroll_y, "the end")
        await pilot.press("g")
        await until(pilot, lambda: dialog.scroll_y == 0, "the top")


async def test_mouse_click_moves_and_double_click_opens(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.click(ArticleList, offset=(20, 2))
        assert articles.cursor == 2
        await pilot.click(ArticleList, offset=(20, 2), times=2)
        await until(pilot, lambda: articles.current.identity in articles.read)


async def test_a_body_of_megabytes_is_shown_in_part_and_at_once(tmp_path: Path) -> None:
    """A body within what a file may hold, but no article's length: the pane drew it for
    over a minute, with the previous article's text under the new title meanwhile."""
    from textual.widgets import Markdown

    from tui.shown_text import SHOWN_BLOCKS

    corpus = tmp_path / "corpus"
    write_document(corpus, "short.md", "title: Short\npublishedDateTime: 2021-03-02\n", "Short.")
    paragraphs = "A paragraph of some words.\n\n" * 250_000  # 7 MB
    write_document(corpus, "long.md", "title: Long\npublishedDateTime: 2021-03-01\n", paragraphs)
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        body = app.screen.query_one("#detail-body", Markdown)
        assert body.source.strip() == "Short."
        await pilot.press("down")

        def shown() -> bool:
            return body.source.endswith("more characters are not shown here.*\n") and len(
                body.query("MarkdownBlock")
            ) in range(SHOWN_BLOCKS - 5, SHOWN_BLOCKS + 5)

        await until(pilot, shown, "the start of the long body and the line after it", 20)
        assert "Short." not in body.source


@pytest.mark.parametrize(
    ("body", "most"),
    [
        ("# A heading\n" * 20_000, 1),
        ("> # A quoted heading\n" * 5_000, 3),
        (
            "".join(">" * (n % 2 + 1) + " - an item quoted once and twice\n" for n in range(5_000)),
            3,
        ),
    ],
    ids=["headings", "quoted headings", "items quoted by turns"],
)
async def test_a_body_of_thousands_of_blocks_without_blank_lines_is_shown_in_part(
    tmp_path: Path, body: str, most: int
) -> None:
    """Headings one to a line, headings in a quote, or items quoted once and twice by turns
    (a reply's reply), no blank line between them, were one block to the bound: the pane
    drew every one of them (2,000 quoted ones for 18 and 30 s), taking no key meanwhile.
    A quoted block is drawn as a few, so up to ``most`` times the bound may show."""
    from textual.widgets import Markdown

    from tui.shown_text import SHOWN_BLOCKS

    corpus = tmp_path / "corpus"
    write_document(corpus, "blocks.md", "title: Blocks\n", body)
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        markdown = app.screen.query_one("#detail-body", Markdown)

        def shown() -> bool:
            return markdown.source.endswith("more characters are not shown here.*\n") and len(
                markdown.query("MarkdownBlock")
            ) in range(SHOWN_BLOCKS - 5, most * SHOWN_BLOCKS + 5)

        await until(pilot, shown, "the first blocks and the line after them", 20)


async def test_an_untitled_post_is_called_the_same_in_the_list_and_the_detail(
    tmp_path: Path,
) -> None:
    """The list showed the file's name and the detail "(untitled)"; a Jekyll post is
    titled by its name, and any other untitled document is called by its file's name."""
    site = tmp_path / "blog"
    site.mkdir()
    (site / "_config.yml").write_text("title: A blog\n", encoding="utf-8")
    write_document(site / "_posts", "2024-01-02-launch-day.md", "layout: post", "We launched.")
    app = LedeApp([str(site)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert titles(app) == ["Launch Day"]
        await until(pilot, lambda: "Launch Day" in detail_text(app), "the detail")
        assert "untitled" not in detail_text(app)


async def test_a_body_opening_with_its_title_shows_the_title_once(tmp_path: Path) -> None:
    from textual.widgets import Markdown

    write_document(tmp_path / "news", "a.md", "title: Launch day", "# Launch  day\n\nWe launched.")
    app = LedeApp([str(tmp_path / "news")])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: bool(app.screen.query("#detail-body")), "the body")
        assert app.screen.query_one("#detail-body", Markdown).source == "We launched."


async def test_a_huge_title_and_excerpt_are_cut_in_the_detail(tmp_path: Path) -> None:
    """Drawn whole on the UI thread, an excerpt of megabytes took seconds a move."""
    from textual.widgets import Markdown

    title, excerpt = "Long" * 100_000, "word" * 400_000
    write_document(tmp_path / "news", "a.md", f"title: {title}\nexcerpt: {excerpt}", "Body.")
    app = LedeApp([str(tmp_path / "news")])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        body = lambda: app.screen.query_one("#detail-body", Markdown).source  # noqa: E731
        await until(pilot, lambda: bool(app.screen.query("#detail-body")) and body() == "Body.", "")
        shown = detail_text(app)
        assert "399,000 more characters" in shown  # the title's 400,000, less 1,000
        assert "1,595,000 more characters" in shown  # the excerpt's 1,600,000, less 5,000
        assert len(shown) < 20_000


async def test_emoji_codes_show_as_emoji_outside_code(tmp_path: Path) -> None:
    """GitHub, Jekyll's jemoji and Hugo show ``:tada:`` as 🎉; the pane showed the code."""
    from textual.widgets import Markdown

    body = "Shipped :tada: at 10:30:45.\n\n`:tada:` is how to write it."
    write_document(tmp_path / "news", "a.md", "title: Launch", body)
    app = LedeApp([str(tmp_path / "news")])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: bool(app.screen.query("#detail-body")), "the body")
        shown = app.screen.query_one("#detail-body", Markdown).source
        assert shown == "Shipped 🎉 at 10:30:45.\n\n`:tada:` is how to write it."


async def test_a_body_of_schemes_that_are_no_links_is_shown_at_once(tmp_path: Path) -> None:
    """Each ``://`` that is no link cost the bare-link search time that grew with the text
    before it: a page of them kept the pane empty for many seconds of a busy core."""
    from textual.widgets import Markdown

    garbled = "xhttp:// " * 8_800  # within what the pane shows
    body = f"Read https://example.test/origin first.\n\n{garbled}"
    write_document(tmp_path / "news", "a.md", "title: Garbled", body)
    app = LedeApp([str(tmp_path / "news")])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: bool(app.screen.query("#detail-body")), "the body")
        markdown = app.screen.query_one("#detail-body", Markdown)
        await until(pilot, lambda: len(markdown.query("MarkdownBlock")) == 2, "its blocks", 10)
        first = markdown.query("MarkdownBlock").first()
        links = [span.style for span in first._content.spans if "link" in str(span.style)]
        assert any("https://example.test/origin" in str(link) for link in links), links


async def test_an_article_opened_from_an_unread_list_stays_shown(reader_corpus: Path) -> None:
    """Opening marks read; the unread list was run again at once, dropped the article, and
    the detail pane followed the cursor to another article while this one was read. (A
    saved search is counted with the tree: its count must not forget what was opened.)"""
    open_state().save_query("Saved", "tensorflow")
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"is:unread", "enter", "down", "down")
        await settled(pilot)
        articles = app.screen.query_one(ArticleList)
        before = list(titles(app))
        chosen = articles.current
        await pilot.press("enter")
        await until(pilot, lambda: chosen.identity in articles.read, "the article marked read")
        await settled(pilot)
        assert app.screen.query_one(DetailView).has_focus
        assert articles.current.identity == chosen.identity
        assert chosen.title.split()[0] in detail_text(app).split("\n")[0]
        assert titles(app) == before  # kept, marked read, until the filter changes
        assert f"{len(before)} articles · {len(before) - 1} unread" in status(app)
        await pilot.press("J")  # the next one, opened from the detail
        await until(pilot, lambda: len(articles.read) == 2, "the next one read too")
        await settled(pilot)
        assert titles(app) == before
        assert f"{len(before)} articles · {len(before) - 2} unread" in status(app)
        await pilot.press("slash", "ctrl+u", *"is:unread", "enter")
        await until(pilot, lambda: len(titles(app)) == len(before) - 2, "the filter run anew")
        assert chosen.title not in titles(app)


async def test_entities_in_a_body_read_as_what_they_stand_for(tmp_path: Path) -> None:
    """Decoded before the Markdown was read, ``&lt;video&gt;`` became a tag and the word
    was dropped ("Use the  element"), and ``&#124;`` split a table's cell in two."""
    body = (
        "Use the &lt;video&gt; element, AT&amp;T.\n\n<p>An HTML block: &lt;audio&gt;</p>\n\n"
        "Turned A&#x202e;BC, hidden a&#x200b;b&shy;c, escaped &#27;[31mX.\n\n"
        "| Option | Values |\n| --- | --- |\n| ws | css&#124;strict |\n"
    )
    write_document(tmp_path / "news", "a.md", "title: Entities", body)
    app = LedeApp([str(tmp_path / "news")])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: "AT&T" in detail_text(app), "the body")
        text = detail_text(app)
        assert "Use the <video> element, AT&T." in text
        assert "An HTML block: <audio>" in text
        assert "Turned ABC, hidden abc, escaped [31mX." in text  # nothing unseen reaches it
        await until(pilot, lambda: "css|strict" in screen_text(app), "the table's cell")
    index = open_index([str(tmp_path / "news")], open_state())
    for words in ("video", "audio", "AT&T"):
        assert [row.title for row in index.search(words)] == ["Entities"], words


def screen_text(app: LedeApp) -> str:
    return app.export_screenshot().replace("&#160;", " ").replace("&#124;", "|")


async def test_a_key_typed_right_after_a_pane_move_is_the_new_panes(reader_corpus: Path) -> None:
    """``h g`` typed in one burst moved focus to the tree but the list's cursor to the top."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        await pilot.press("j", "j")
        await until(pilot, lambda: articles.cursor == 2)
        app.post_message(events.Key("h", "h"))
        app.post_message(events.Key("g", "g"))
        await until(pilot, lambda: app.screen.query_one(TopicTree).has_focus, "the tree's focus")
        await pilot.pause()
        assert articles.cursor == 2


async def test_a_dialog_fits_a_narrow_screen(reader_corpus: Path) -> None:
    """At 40 columns the mark-all dialog's "No" button and the name field of a saved
    search ran off the screen's edge."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(40, 14)) as pilot:
        await indexed(pilot)
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.pause()
        assert app.screen.query_one("#confirm-dialog").region.right <= 40
        await pilot.press("n")
        await pilot.press("slash", *"robots", "enter", "ctrl+s")
        await until(pilot, lambda: bool(app.screen.query("#name-dialog")))
        await pilot.pause()
        assert app.screen.query_one("#name-dialog").region.right <= 40


async def test_y_copies_the_address_a_site_publishes_its_own_post_at(tmp_path: Path) -> None:
    """A Jekyll post names no address: ``y`` said "This article has no URL". Its site's
    ``url`` and ``permalink`` say where it is published."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "_config.yml").write_text("url: https://example.test\npermalink: pretty\n")
    write_document(site / "_posts", "2024-05-06-hello.md", "title: Hello")
    app = LedeApp([str(site)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("y")
        assert app.clipboard == "https://example.test/2024/05/06/hello/"


async def test_a_file_past_the_size_limit_says_why_its_body_ends(tmp_path: Path) -> None:
    """A file of 200 MB is read up to 8 MB, at its last whole line: one whose body is one
    long line showed its title and an empty body, with no word of why in the pane."""
    from library.loader import MAX_FILE_BYTES
    from tui.widgets.detail_view import DetailView

    corpus = tmp_path / "corpus"
    huge = write_document(corpus, "huge.md", "title: Huge\n", "x" * (MAX_FILE_BYTES + 1))
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(120, 40)) as pilot:
        await indexed(pilot)
        detail = app.screen.query_one(DetailView)
        size = huge.stat().st_size
        said = f"file is too large ({size:,} bytes; limit {MAX_FILE_BYTES:,})"
        await until(pilot, lambda: said in str(detail.query_one("#detail-status").render()))
        assert detail.article is not None and detail.article.title == "Huge"
