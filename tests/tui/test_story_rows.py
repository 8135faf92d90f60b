"""Pilot tests of stories in the reader: one row per story by default, ``c`` shows every
article, a story row opens to its sources, the detail lists the sources one key away,
and reading one source leaves the others unread."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from library.story_map import StoryResults
from tests.conftest import SITE
from tests.tui.pilot import indexed, settled, status, until
from tui.app import LedeApp
from tui.screens.confirm import ConfirmScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.article_row import shown_row
from tui.widgets.detail_view import DetailView
from tui.widgets.story_sources import StorySources

HEADLINE = "Acme Power Apps misconfiguration exposes 38 million records"  # quality 91
OTHER = "38M Records Exposed via Acme Power Apps Misconfiguration"  # quality 64
# The file of OTHER in the site.
OTHER_FILE = "_news/2021-03-07-38m-records-exposed-via-acme-power-apps-misconfiguration.md"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SITE, tmp_path / "site"))


async def started(app: LedeApp, pilot) -> ArticleList:
    """Wait until the index, and the stories loaded after the first frame, are shown."""
    await indexed(pilot)
    articles = app.screen.query_one(ArticleList)
    await until(pilot, lambda: isinstance(articles.results, StoryResults), "the stories")
    return articles


def read_flags(app: LedeApp) -> set[str]:
    return app.session.state.flagged("read")


def shown(articles: ArticleList) -> list[str]:
    """The text of every row, as painted."""
    articles.scroll_home(animate=False)
    return [articles.render_line(y).text for y in range(articles.count)]


def titles(articles: ArticleList) -> list[str]:
    return [row.title for row in articles.results or []]


async def to_row(pilot, articles: ArticleList, title: str) -> None:
    position = titles(articles).index(title)
    await pilot.press("g", *["j"] * position)
    assert articles.current is not None and articles.current.title == title


async def sources_opened(app: LedeApp, pilot) -> ArticleList:
    """Open the story of the two sources from its row; the list of its sources."""
    articles = await started(app, pilot)
    await to_row(pilot, articles, HEADLINE)
    await pilot.press("enter")
    await until(pilot, lambda: sorted(titles(articles)) == sorted([HEADLINE, OTHER]))
    return articles


async def sources_of_found(pilot, articles: ArticleList, typed: str, key: str) -> list[str]:
    """Filter by ``typed``, open the story's sources with ``key``; what the filter found."""
    await pilot.press("slash", *typed, "enter")
    await until(pilot, lambda: articles.has_focus and HEADLINE in titles(articles))
    found = titles(articles)
    await to_row(pilot, articles, HEADLINE)
    await pilot.press(key)
    await until(pilot, lambda: sorted(titles(articles)) == sorted([HEADLINE, OTHER]))
    return found


async def test_a_story_is_one_row_with_its_sources_and_c_shows_every_article(
    site: Path,
) -> None:
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        grouped = titles(articles)
        assert HEADLINE in grouped and OTHER not in grouped
        row = next(text for text in shown(articles) if HEADLINE[:30] in text)
        assert "2 sources · 2 unread · 03-05…03-07" in row
        # Dated by its latest source, as the list places it: it showed its headline's.
        assert f"2021-03-07 {HEADLINE[:30]}" in row
        # The header counts articles, as the tree does, and the rows they make.
        rows = len(grouped)
        assert f"{rows + 1} articles · {rows + 1} unread · {rows} stories" in status(app)
        await pilot.press("c")
        assert HEADLINE in titles(articles) and OTHER in titles(articles)
        assert len(titles(articles)) == len(grouped) + 1
        assert not [text for text in shown(articles) if "sources" in text]
        assert f"{rows + 1} articles · {rows + 1} unread" in status(app)
        await to_row(pilot, articles, OTHER)  # a source that is no headline
        await pilot.press("c")
        assert titles(articles) == grouped
        assert articles.current is not None and articles.current.title == HEADLINE  # not the top


async def test_enter_on_a_story_row_lists_its_sources_and_esc_goes_back(site: Path) -> None:
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        grouped = titles(articles)
        await to_row(pilot, articles, HEADLINE)
        await pilot.press("enter")
        await pilot.pause()
        assert sorted(titles(articles)) == sorted([HEADLINE, OTHER])
        assert app.screen.query_one("#filter", Input).value.startswith("story:")
        assert app.session.state.flagged("read") == set()  # opening a story reads nothing
        await pilot.press("escape")
        await pilot.pause()
        assert titles(articles) == grouped
        await pilot.press("right")  # the cursor stays on the story: → opens it too
        await pilot.pause()
        assert sorted(titles(articles)) == sorted([HEADLINE, OTHER])


async def test_a_story_s_sources_are_named_by_its_title_not_its_id(site: Path) -> None:
    """The line above the sources read "filter: story:6cf747c105ee", and so did the filter
    field: an id that says nothing to a reader."""
    app = LedeApp([str(site)])
    async with app.run_test(size=(200, 45)) as pilot:
        articles = await started(app, pilot)
        await sources_of_found(pilot, articles, "acme", "enter")
        field = app.screen.query_one("#filter", Input)
        assert status(app).startswith(f"All articles  sources of {HEADLINE[:7]}")
        assert "story:" not in status(app) and not field.display
        await pilot.press("escape")
        await until(pilot, lambda: field.value == "acme", "the filter that found it")
        assert field.display and status(app).startswith("All articles  2 articles")


async def test_left_goes_back_from_a_story_as_right_went_into_it(site: Path) -> None:
    """→ on a story's row lists its sources; ← did nothing there, esc alone came back."""
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        found = await sources_of_found(pilot, articles, "acme", "right")
        await pilot.press("left")
        await until(pilot, lambda: titles(articles) == found, "back to what the filter found")
        assert app.screen.query_one("#filter", Input).value == "acme"
        assert articles.current is not None and articles.current.title == HEADLINE
        await pilot.press("left")  # no story's sources: ← leaves the filter alone
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == "acme"


async def test_esc_from_a_story_goes_back_to_the_filter_that_found_it(site: Path) -> None:
    """The filter was thrown away: esc went from the story's sources to every article."""
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        await pilot.press("slash", *"misconfiguration", "enter")
        await until(pilot, lambda: titles(articles) == [HEADLINE], "the story found")
        await pilot.press("enter")
        await until(pilot, lambda: len(titles(articles)) == 2, "its sources")
        await pilot.press("2")  # a source from the detail: still one way back
        await settled(pilot)
        field = app.screen.query_one("#filter", Input)
        await pilot.press("escape")  # out of the source opened: the story's list
        assert app.focused is articles and field.value.startswith("story:")
        await pilot.press("escape")
        await until(pilot, lambda: titles(articles) == [HEADLINE], "the filtered list again")
        assert field.value == "misconfiguration" and field.display
        assert articles.current is not None and articles.current.title == HEADLINE
        await pilot.press("escape")
        await until(pilot, lambda: len(titles(articles)) > 1, "every article")
        assert field.value == ""


@pytest.mark.parametrize("typed", ["acme", ""])
async def test_slash_from_a_story_edits_the_filter_that_found_it(site: Path, typed: str) -> None:
    """``/`` in a story's sources put "story:6cf747c105ee" in the field, an id that says
    nothing; it now edits the filter the story was found with, as esc then ``/`` did."""
    app = LedeApp([str(site)])
    async with app.run_test(size=(200, 45)) as pilot:
        articles = await started(app, pilot)
        found = await sources_of_found(pilot, articles, typed, "enter")
        await pilot.press("slash")
        field = app.screen.query_one("#filter", Input)
        assert field.has_focus and field.value == typed
        await until(pilot, lambda: titles(articles) == found, "the list the story was in")
        await pilot.press("end", *" records")
        assert field.value == f"{typed} records"


async def test_a_story_filter_typed_is_a_filter_slash_and_left_leave_be(site: Path) -> None:
    """``story:ID`` typed by hand is a filter like another: ``←`` in its list cleared it,
    as if it were a story's sources opened from its row."""
    app = LedeApp([str(site)])
    async with app.run_test(size=(200, 45)) as pilot:
        articles = await started(app, pilot)
        await to_row(pilot, articles, HEADLINE)
        await pilot.press("enter")
        field = app.screen.query_one("#filter", Input)
        await until(pilot, lambda: field.value.startswith("story:"), "its sources")
        story = field.value
        await pilot.press("escape", "slash", *story, "enter")
        await until(pilot, lambda: sorted(titles(articles)) == sorted([HEADLINE, OTHER]))
        await pilot.press("left", "slash")
        assert field.has_focus and field.value == story


async def test_the_detail_lists_the_sources_and_a_number_opens_one(site: Path) -> None:
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        await to_row(pilot, articles, HEADLINE)
        await settled(pilot)  # the detail follows the cursor
        detail = app.screen.query_one(DetailView)
        sources = detail.query_one(StorySources)
        assert sources.display
        text = str(sources.render())
        assert "2 sources" in text
        assert "SecurityWeek  2021-03-05" in text and "Threatpost  2021-03-07" in text
        await pilot.press("2")
        await settled(pilot)
        assert detail.article is not None and detail.article.title == OTHER
        await until(pilot, lambda: read_flags(app), "the source marked read")
        read = read_flags(app)
        assert len(read) == 1 and "threatpost" in next(iter(read))
        assert sorted(titles(articles)) == sorted([HEADLINE, OTHER])  # the list follows
        assert articles.current is not None and articles.current.title == OTHER
        await pilot.press("escape", "escape")
        await pilot.pause()
        await to_row(pilot, articles, "Bank fraud models flag odd payments")
        await settled(pilot)
        assert not sources.display  # an article alone has no sources list


async def test_reading_the_headline_leaves_the_other_source_unread(site: Path) -> None:
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        await to_row(pilot, articles, HEADLINE)
        await pilot.press("enter")  # the story's sources
        await pilot.pause()
        await to_row(pilot, articles, HEADLINE)
        await pilot.press("enter")  # the headline article itself
        await until(pilot, lambda: read_flags(app), "the headline marked read")
        read = read_flags(app)
        assert len(read) == 1 and "securityweek" in next(iter(read))
        await pilot.press("escape", "escape")  # the list, then the grouped list
        await pilot.pause()
        row = next(text for text in shown(articles) if HEADLINE[:30] in text)
        assert "2 sources" in row and "1 unread" in row
        # Unread while a source is: it looked read, and n passed it by.
        place = titles(articles).index(HEADLINE)
        assert articles.render_line(place).text.lstrip().startswith("●")
        await pilot.press("g")
        await pilot.press(*["n"] * place)  # every row above it is unread: one n each
        assert articles.cursor == place


async def test_a_narrow_story_row_keeps_whole_parts_of_its_note(site: Path) -> None:
    """The note was cut mid-word (``2 sources · 1 unre``) with cells to spare."""
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        assert articles.results is not None
        position = titles(articles).index(HEADLINE)
        row, _, _, note = shown_row(articles.results, position, set())
        assert note.startswith("2 sources · 2 unread · 03-05")
        for width, kept in [(70, "2 sources · 2 unread"), (56, "2 sources")]:
            strip = articles._paint(row, True, False, False, width, note)
            text = strip.text
            assert f" {kept} " in text and f"{kept} ·" not in text, (width, text)
            assert strip.cell_length == width


async def test_mark_all_counts_the_articles_behind_the_rows(site: Path) -> None:
    """It asked to mark "N shown articles" counting rows, one per story, then marked more."""
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        rows = len(titles(articles))
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        screen = app.screen
        assert isinstance(screen, ConfirmScreen)
        assert screen.question == f"Mark all {rows + 1} shown articles as read?"
        await pilot.press("y")
        await until(pilot, lambda: len(read_flags(app)) == rows + 1, "every article read")


async def test_the_timeline_counts_every_source_of_a_story(site: Path) -> None:
    """Grouped, it counted a story once, at its headline's date: its other sources' days
    were missing, and the bars changed with ``c``."""
    from tui.widgets.timeline import Timeline

    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        await started(app, pilot)
        timeline = app.screen.query_one(Timeline)

        async def counted() -> list[int]:
            await until(pilot, lambda: timeline.histogram is not None and not timeline.pending)
            await settled(pilot)
            assert timeline.histogram is not None
            return timeline.histogram.counts

        grouped = await counted()
        await pilot.press("c")
        await until(pilot, lambda: OTHER in titles(app.screen.query_one(ArticleList)))
        assert await counted() == grouped


async def test_a_source_that_arrives_is_listed_in_the_detail_at_once(site: Path) -> None:
    """The row said "3 sources" while the detail still listed two, and ``3`` opened none."""
    news = site / "_news"
    arrival = site / OTHER_FILE
    text = arrival.read_text().replace("Threatpost", "Wire Desk").replace("threatpost", "wire")
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        await to_row(pilot, articles, HEADLINE)
        await settled(pilot)
        sources = app.screen.query_one(DetailView).query_one(StorySources)
        assert "2 sources" in str(sources.render())
        (news / "2021-03-06-acme-records-wire.md").write_text(text)
        await until(pilot, lambda: "3 sources" in str(sources.render()), "the new source")
        assert "Wire Desk" in str(sources.render())


async def test_the_headline_written_again_by_a_feed_still_heads_its_story(site: Path) -> None:
    """Its row went to the other source (quality 64, unpublished) until the next start,
    while ``lede list --stories`` still named this one."""
    from tests.tui.pilot import notifications

    headline = (
        site / "_news" / "2021-03-05-acme-power-apps-misconfiguration-exposes-38-million-records.md"
    )
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        rows = titles(articles)
        headline.write_text(headline.read_text().replace("heat: -1", "heat: 2"))
        await until(pilot, lambda: "1 article changed" in notifications(app), "the change")
        await settled(pilot)
        assert titles(articles) == rows
        row = next(text for text in shown(articles) if "2 sources" in text)
        assert HEADLINE[:30] in row


@pytest.mark.parametrize("change", ["removed", "retitled"])
async def test_a_story_open_is_named_by_its_headline_as_it_is_now(site: Path, change: str) -> None:
    """Its headline's file removed or retitled while its sources were listed, the line
    above them still named the story by the old title."""
    from tests.tui.pilot import notifications

    news = site / "_news"
    headline = news / "2021-03-05-acme-power-apps-misconfiguration-exposes-38-million-records.md"
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await sources_opened(app, pilot)
        assert status(app).startswith(f"All articles  sources of {HEADLINE[:12]}")
        if change == "removed":
            headline.unlink()
            named = OTHER
        else:
            named = "Power Apps misconfiguration at Acme exposes 38 million records"
            headline.write_text(headline.read_text().replace(HEADLINE, named))
        note = "1 article removed" if change == "removed" else "1 article changed"
        await until(pilot, lambda: note in notifications(app), note)
        await until(pilot, lambda: named in titles(articles), "the list")
        assert status(app).startswith(f"All articles  sources of {named[:12]}")


async def test_m_on_a_story_row_marks_every_source_and_again_unmarks_them(site: Path) -> None:
    """It marked the headline alone: the row said "1 unread" and stayed unread."""
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        await to_row(pilot, articles, HEADLINE)
        await pilot.press("m")
        await until(pilot, lambda: len(read_flags(app)) == 2, "both sources read")
        place = titles(articles).index(HEADLINE)
        await until(pilot, lambda: "0 unread" in articles.render_line(place).text, "the row")
        await pilot.press("m")
        await until(pilot, lambda: read_flags(app) == set(), "both unread again")


async def test_s_on_a_story_row_stars_the_story_whichever_source_heads_it(site: Path) -> None:
    """It starred the headline alone: once a better write-up headed the story, its row
    had no star, and the story starred looked like any other."""
    from tests.tui.pilot import notifications

    other = site / OTHER_FILE
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        await to_row(pilot, articles, HEADLINE)
        await pilot.press("s")
        place = titles(articles).index(HEADLINE)
        await until(pilot, lambda: "★" in articles.render_line(place).text, "the row starred")
        better = other.read_text().replace("quality: 64", "quality: 99")
        other.write_text(better.replace("published: false", "published: true"))
        await until(pilot, lambda: "1 article changed" in notifications(app), "the change")
        await until(pilot, lambda: OTHER in titles(articles), "the new headline")
        row = articles.render_line(titles(articles).index(OTHER)).text
        assert "★" in row and "2 sources" in row
        assert len(app.session.state.flagged("starred")) == 2
        await to_row(pilot, articles, OTHER)
        await pilot.press("s")
        await until(pilot, lambda: app.session.state.flagged("starred") == set(), "unstarred")


async def test_a_story_row_is_starred_while_any_of_its_sources_is(site: Path) -> None:
    """A source that arrived later and headed the story showed no star on the story's
    row, though the only other source was starred; ``s`` there now unstars them all."""
    from tests.tui.pilot import notifications

    other = site / OTHER_FILE
    better = other.read_text().replace("quality: 64", "quality: 99")
    other.unlink()
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        await to_row(pilot, articles, HEADLINE)
        await pilot.press("s")
        await until(pilot, lambda: len(app.session.state.flagged("starred")) == 1, "starred")
        other.write_text(better.replace("published: false", "published: true"))
        await until(pilot, lambda: "1 new article" in notifications(app), "the arrival")
        await until(pilot, lambda: OTHER in titles(articles), "the new headline")
        row = articles.render_line(titles(articles).index(OTHER)).text
        assert "★" in row and "2 sources" in row
        assert len(app.session.state.flagged("starred")) == 1  # the new one is not
        await to_row(pilot, articles, OTHER)
        await pilot.press("s")
        await until(pilot, lambda: app.session.state.flagged("starred") == set(), "unstarred")


async def test_a_story_of_many_sources_lists_twenty_and_the_one_open(tmp_path: Path) -> None:
    """A story of 5,000 copies listed 5,000 sources in the detail, laid out and drawn again
    on each key: 4.5 s a key in its story; now 0.3 s."""
    from tests.conftest import write_document

    for number in range(30):
        write_document(
            tmp_path / "news",
            f"copy-{number:02d}.md",
            f"""
            title: "Port strike halts container shipping across the northern coast"
            excerpt: "Dock workers walked out at dawn over pay, stranding ships at three ports."
            publishedDateTime: 2024-03-01T{number % 24:02d}:{number:02d}:00Z
            originalUrl: "https://paper{number:02d}.test/port-strike"
            provider:
              name: Paper {number:02d}
            """,
        )
    app = LedeApp([str(tmp_path / "news")])
    async with app.run_test(size=(160, 60)) as pilot:
        articles = await started(app, pilot)
        assert len(titles(articles)) == 1
        await pilot.press("enter")  # the story's sources
        await until(pilot, lambda: len(titles(articles)) == 30, "the story's sources")
        await pilot.press("G", "g")  # the newest, the 30th the detail lists
        await settled(pilot)
        sources = app.screen.query_one(DetailView).query_one(StorySources)
        lines = str(sources.render()).splitlines()
        assert len(lines) == 1 + 20 + 1 + 1
        assert lines[0].startswith("Story · 30 sources")
        assert lines[21] == "   … 10 more: enter on the story's row lists them all"
        assert lines[22].startswith("▸  Paper 23  2024-03-01")  # 23:23, the latest


async def test_the_article_read_stays_when_a_better_write_up_heads_its_story(site: Path) -> None:
    """A source rewritten by a feed into a better write-up than the headline heads the
    story's row at once; the pane jumped from the article being read to it."""
    from tests.tui.pilot import notifications

    other = site / OTHER_FILE
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await started(app, pilot)
        await to_row(pilot, articles, HEADLINE)
        detail = app.screen.query_one("#detail", DetailView)
        await until(pilot, lambda: detail.article is not None and detail.article.title == HEADLINE)
        better = other.read_text().replace("quality: 64", "quality: 99")
        other.write_text(better.replace("published: false", "published: true"))
        await until(pilot, lambda: "1 article changed" in notifications(app), "the change")
        await settled(pilot)
        assert articles.current is not None and articles.current.title == OTHER
        assert detail.article is not None and detail.article.title == HEADLINE


async def test_a_story_open_follows_its_new_id_when_an_earlier_source_arrives(site: Path) -> None:
    """A source dated before the others names the story after it (``story_index``): the
    story's sources, listed by the id it had, went from the list, which stayed empty."""
    from tests.tui.pilot import notifications

    news = site / "_news"
    other = site / OTHER_FILE
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        articles = await sources_opened(app, pilot)
        earlier = other.read_text().replace("2021-03-07T08:02:00Z", "2021-03-04T08:02:00Z")
        earlier = earlier.replace("threatpost.example", "wire.example")
        (news / "2021-03-04-38m-records-exposed-via-acme-power-apps.md").write_text(earlier)
        await until(pilot, lambda: "1 new article" in notifications(app), "the arrival")
        await until(pilot, lambda: len(titles(articles)) == 3, "the three sources")
        assert sorted(titles(articles)) == sorted([HEADLINE, OTHER, OTHER])
        assert status(app).startswith("All articles  sources of")
        await pilot.press("escape")
        await until(pilot, lambda: HEADLINE in titles(articles), "the stories again")
