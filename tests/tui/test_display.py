"""What the reader draws: untrusted text literally, rows painted again only when they
change, every size and NO_COLOR, scrollbars and widths that hide nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REAL_CORPUS, SITE, needs_real_corpus, write_document
from tests.tui.conftest import HOSTILE_TITLE
from tests.tui.pilot import detail_text, indexed, resized, settled, titles, until, walk
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList
from tui.widgets.topic_tree import TopicTree


async def test_rows_on_screen_are_not_painted_again_when_the_list_changes_around_them(
    reader_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filter that drops the first article moves the others up: only the row that becomes
    the cursor's is painted anew; a new theme paints every row again, in its colours."""
    painted: list[str] = []
    paint = ArticleList._paint

    def spy(self: ArticleList, row, *rest):  # noqa: ANN001, ANN002, ANN202 - the list's own
        painted.append(row.title)
        return paint(self, row, *rest)

    monkeypatch.setattr(ArticleList, "_paint", spy)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        before = titles(app)
        await pilot.press("slash", *"-compile")
        await pilot.pause()
        assert titles(app) == before
        painted.clear()
        await pilot.press("r")
        await pilot.pause()
        assert titles(app) == before[1:]
        assert painted == [before[1]]
        painted.clear()
        articles = app.screen.query_one(ArticleList)
        old_look = [list(articles.render_line(y)) for y in range(2)]  # the cursor's, another
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        assert sorted(painted) == sorted(before[1:])
        new_look = [list(articles.render_line(y)) for y in range(2)]
        assert [[s.text for s in line] for line in new_look] == [
            [s.text for s in line] for line in old_look
        ]
        for new, old in zip(new_look, old_look, strict=True):
            assert all(a.style != b.style for a, b in zip(new, old, strict=True))


async def test_untrusted_text_is_shown_literally(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("G", "enter")
        await settled(pilot)
        assert app.is_running  # the [@click=app.quit] title did nothing
        text = detail_text(app)
        assert HOSTILE_TITLE in text
        assert "[b]Evil[/b] Corp" in text
        assert "[link=https://evil.test]markup[/link]" in text
        assert "\x1b" not in text and "\x07" not in text
        row = app.screen.query_one(ArticleList).current
        assert row.title == HOSTILE_TITLE
        screen = app.export_screenshot()
        assert "[@click=app.quit]boom[/]" in screen.replace("&#160;", " ")


@pytest.mark.parametrize("size", [(80, 24), (120, 30), (130, 30), (160, 45)])
async def test_layout_adapts(reader_corpus: Path, size: tuple[int, int]) -> None:
    """Three panes side by side where the list keeps room for its titles (from 105 to 130
    columns the tree took 40 of them and titles were cut to 15 characters), else the
    list above the detail and the tree a key away."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=size) as pilot:
        await indexed(pilot)
        narrow = size[0] < 130
        assert app.screen.has_class("-narrow") == narrow
        assert app.screen.query_one(ArticleList).region.width >= 42
        tree = app.screen.query_one(TopicTree)
        assert (tree.region.width > 0) != narrow
        if narrow:
            await pilot.press("t")
            await pilot.pause()
            assert tree.region.width > 0 and tree.has_focus
        await pilot.press("tab")
        await pilot.press("slash", *"tensor", "enter")
        await pilot.pause()
        assert len(titles(app)) == 1


async def test_no_color_cursor_still_visible(reader_corpus: Path, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(100, 30)) as pilot:
        await indexed(pilot)
        assert app.no_color
        articles = app.screen.query_one(ArticleList)
        assert articles.get_component_rich_style("article-list--cursor").reverse


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_a_long_list_fits_beside_its_scrollbar(tmp_path: Path, size: tuple[int, int]) -> None:
    """With more articles than rows a scrollbar appears: rows must shrink to make room
    (the quality column stays visible), never scroll sideways under it."""
    for number in range(60):
        write_document(
            tmp_path,
            f"story-{number:02}.md",
            f"""
            title: "A long title that will not fit in the list pane at all, number {number}"
            publishedDateTime: 2024-01-{number % 28 + 1:02}T08:00:00Z
            quality: 100
            provider:
              name: Example Wire
            """,
        )
    app = LedeApp([str(tmp_path)])
    async with app.run_test(size=size) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        assert articles.show_vertical_scrollbar and not articles.show_horizontal_scrollbar
        width = articles.scrollable_content_region.width
        for y in range(articles.size.height):
            line = articles.render_line(y)
            assert line.cell_length == width
            assert line.text.endswith("100"), line.text


async def test_the_scrollbar_follows_the_filter_without_a_screen_layout(tmp_path: Path) -> None:
    """A new row count moves the list's scrollbar; it disappears when the rows fit and
    comes back with them, and the rows take the width it leaves."""
    for number in range(60):
        word = "rare" if number < 3 else "common"
        write_document(
            tmp_path,
            f"story-{number:02}.md",
            f"""
            title: "A {word} story, number {number}"
            publishedDateTime: 2024-01-{number % 28 + 1:02}T08:00:00Z
            """,
        )
    app = LedeApp([str(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        full = articles.row_width
        assert articles.show_vertical_scrollbar
        assert articles.vertical_scrollbar.window_virtual_size == 60
        await pilot.press("slash", *"comm")
        await pilot.pause()
        assert articles.vertical_scrollbar.window_virtual_size == 57
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"rare")
        await pilot.pause()
        assert not articles.show_vertical_scrollbar
        assert articles.row_width == full + 1
        assert articles.render_line(0).cell_length == articles.row_width
        await pilot.press("escape")
        await pilot.pause()
        assert articles.show_vertical_scrollbar and articles.row_width == full
        await pilot.press("G")
        await pilot.pause()
        assert articles.cursor == 59
        assert articles.scroll_offset.y == 60 - articles.size.height


@pytest.mark.parametrize(
    ("corpus", "longest"),
    [
        # Counted in the default stream, the news, as the topic's node lists it.
        pytest.param(
            REAL_CORPUS, "Natural Language Processing 8 · 8 unread", marks=needs_real_corpus
        ),
        (SITE, "Natural Language Processing 2 · 2 unread"),
    ],
    ids=["real", "site"],
)
async def test_the_tree_is_wide_enough_for_every_topic_and_its_counts(
    corpus: Path, longest: str
) -> None:
    """A taxonomy's longest name with its counts is read whole: the tree never hides
    counts behind sideways scrolling."""
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)
        labels = [str(node.label) for node in walk(tree.root)]
        assert longest in labels
        assert not tree.show_horizontal_scrollbar
        assert tree.size.width < 160 // 3  # and it leaves the room to the list and the detail
        await resized(pilot, 80, 24)
        await pilot.press("t")
        await until(pilot, lambda: tree.region.width == 80, "the tree across")  # narrow: all


@pytest.mark.parametrize("width", [130, 140])
async def test_a_label_too_long_for_the_tree_is_cut_in_its_name_not_its_counts(
    width: int,
) -> None:
    """Cut bare at the pane's edge, "Natural Language Processing 2 · 2" read as a count of
    2 in all, with nothing to say it was cut."""
    app = LedeApp([str(SITE)])
    async with app.run_test(size=(width, 40)) as pilot:
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)
        lines = [tree.render_line(y).text.rstrip() for y in range(tree.size.height)]
        [line] = [line for line in lines if "Natural" in line]
        assert line.endswith("… 2 · 2 unread"), line
        assert not tree.show_horizontal_scrollbar
        await resized(pilot, 160, 40)
        await pilot.pause()
        lines = [tree.render_line(y).text.rstrip() for y in range(tree.size.height)]
        assert any(line.endswith("Natural Language Processing 2 · 2 unread") for line in lines)


async def test_a_label_is_fitted_beside_the_trees_scrollbar(tmp_path: Path) -> None:
    """With more topics than rows, the counts were cut by the scrollbar ("1 · 1 ne")."""
    topics = tmp_path / "site" / "_data" / "topics"
    topics.mkdir(parents=True)
    names = ["Natural Language Processing And More", *(f"Topic {n}" for n in range(60))]
    (topics / "t.yaml").write_text("---\n".join(f"taxonomy: topic\nname: {n}\n" for n in names))
    front = f"title: A\ntopics: [{names[0]}]"
    write_document(tmp_path / "site" / "_news", "a.md", front, "Words.")
    app = LedeApp([str(tmp_path / "site")])
    async with app.run_test(size=(135, 40)) as pilot:
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)
        await until(pilot, lambda: tree.show_vertical_scrollbar, "the tree's scrollbar")
        await pilot.pause()
        width = tree.scrollable_content_region.width  # what shows beside the scrollbar
        lines = [tree.render_line(y).crop(0, width).text for y in range(tree.size.height)]
        [line] = [line for line in lines if "Natural" in line]
        assert line.rstrip().endswith("… 1 · 1 unread"), line


async def test_a_corpus_without_providers_gives_their_column_to_the_titles(
    tmp_path: Path,
) -> None:
    """A blog names no provider: its titles were cut with twenty blank columns after them."""
    title = "How we rebuilt the blog engine without losing a post"
    write_document(tmp_path / "blog", "a.md", f"title: {title}\ndate: 2024-01-02", "Words.")
    app = LedeApp([str(tmp_path / "blog")])
    async with app.run_test(size=(200, 40)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        assert title in articles.render_line(0).text
        write_document(tmp_path / "blog", "b.md", "title: Guest post\nprovider: Wire", "x")
        await pilot.press("r")
        await until(pilot, lambda: articles.count == 2, "the second post")
        await until(pilot, lambda: "Wire" in articles.render_line(1).text, "the provider's column")
        assert title not in articles.render_line(0).text  # cut again: the column is back


async def test_a_cut_provider_or_title_ends_in_an_ellipsis(tmp_path: Path) -> None:
    """Cut bare, a provider read as another name ("Becker's Hospit")."""
    front = "title: A report on hospital staffing across many states\n"
    front += "provider: Becker's Hospital Review\npublishedDateTime: 2024-01-02T10:00:00Z"
    write_document(tmp_path / "news", "a.md", front, "Words.")
    app = LedeApp([str(tmp_path / "news")])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        row = app.screen.query_one(ArticleList).render_line(0).text
        assert "Becker's Hospit…" in row, row
        assert "A report on hospital" in row and "… " in row


def test_a_cut_at_a_space_puts_the_ellipsis_after_the_word() -> None:
    from tui.widgets.article_row import cut

    assert cut("Enhanced Edge Computing", 15) == "Enhanced Edge… "
    assert cut("Enhanced Edge Computing", 16) == "Enhanced Edge C…"
    assert cut("Short", 8) == "Short   "


def test_a_links_label_is_its_key_cut_to_fit_and_the_links_line_up() -> None:
    from models.document import parse_document
    from tui.widgets.detail_text import article_links

    front = (
        "title: T\nwebsite: https://a.test/\nthe_name_of_a_very_long_link_field: https://b.test/\n"
    )
    article = parse_document(f"---\n{front}---\n", "a.md").article
    assert article is not None
    assert str(article_links(article)).splitlines() == [
        "Website          https://a.test/",
        "The name of a v… https://b.test/",
    ]


def test_a_links_target_is_percent_encoded_and_shown_as_written() -> None:
    """Sent raw, spaces, quotes and letters beyond ASCII broke or cut a terminal's link."""
    from models.document import parse_document
    from tui.widgets.detail_text import article_links

    front = 'title: T\noriginalUrl: "https://exämple.test/a b\\"c?q=1&r=%41#top"\n'
    article = parse_document(f"---\n{front}---\n", "a.md").article
    assert article is not None
    links = article_links(article)
    assert 'https://exämple.test/a b"c?q=1&r=%41#top' in str(links)
    targets = {span.style.link for span in links.spans if getattr(span.style, "link", None)}
    assert targets == {"https://ex%C3%A4mple.test/a%20b%22c?q=1&r=%41#top"}


async def test_an_article_without_an_excerpt_has_no_gap_for_one(tmp_path: Path) -> None:
    """An empty excerpt kept its margins: three blank rows between the date and the text."""
    write_document(
        tmp_path / "news", "a.md", "title: Bare\npublishedDateTime: 2024-01-01T00:00:00Z", "Text."
    )
    app = LedeApp([str(tmp_path / "news")])
    async with app.run_test(size=(120, 40)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: "Text." in detail_text(app))
        header = app.screen.query_one("#detail-header").region
        body = app.screen.query_one("#detail-body").region
        assert not app.screen.query_one("#detail-excerpt").display
        assert body.y == header.bottom


@pytest.mark.parametrize("focused", [True, False])
async def test_the_cursor_row_is_one_bar_across(reader_corpus: Path, focused: bool) -> None:
    """Each part's own style carried the list's background: only the gaps between the
    date, the title and the provider showed the cursor's colour."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        if focused:
            articles.focus()
            await until(pilot, lambda: articles.has_focus)
        cursor_row = list(articles.render_line(articles.cursor))
        other_row = list(articles.render_line(articles.cursor + 1))
        backgrounds = {segment.style.bgcolor for segment in cursor_row if segment.style}
        assert len(backgrounds) == 1, backgrounds
        assert backgrounds != {segment.style.bgcolor for segment in other_row if segment.style}


WIDE_TABLE = """| Model | Params | Context | Price in | Price out | Latency | Notes |
|---|---|---|---|---|---|---|
| alpha-large-2024-05 | 70B | 128k | $0.50 | $1.50 | 120 ms | a note that goes on and on |
| beta | 8B | 32k | $0.05 | $0.10 | 40 ms | short |
"""


async def test_a_table_wider_than_the_pane_shows_every_cell_whole(tmp_path: Path) -> None:
    """Cells were cut with an ellipsis to fit: "$0.50" and "$1.50" both read "$0…" and
    "$…". A long word now wraps in its cell, so each value can still be read."""
    from textual.widgets._markdown import MarkdownTableCellContents

    write_document(
        tmp_path / "news",
        "a.md",
        "title: Models\npublishedDateTime: 2024-01-01T00:00:00Z",
        WIDE_TABLE,
    )
    app = LedeApp([str(tmp_path / "news")])
    async with app.run_test(size=(150, 40)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: bool(app.screen.query(MarkdownTableCellContents)), "the table")
        await settled(pilot)
        cells = list(app.screen.query(MarkdownTableCellContents))
        painted = []
        for cell in cells:
            lines = (cell.render_line(y) for y in range(cell.size.height))
            painted.append("".join(s.text for line in lines for s in line).replace(" ", ""))
        assert not [text for text in painted if "…" in text]
        for value in ("$0.50", "$1.50", "$0.05", "$0.10", "alpha-large-2024-05", "Priceout"):
            assert value in painted
