"""The filter and the sort: the list follows each keystroke, mistakes are messages in the
status, the detail pane waits for typing to rest."""

from __future__ import annotations

import time
from pathlib import Path

from textual import events
from textual.widgets import Input

from tests.tui.conftest import HANGZHOU
from tests.tui.pilot import detail_text, indexed, status, titles, until
from tui.app import LedeApp
from tui.screens.detail_loading import DETAIL_DELAY_TYPING
from tui.widgets.article_list import ArticleList


async def test_filter_live_and_escape_clears(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"hangz")
        await pilot.pause()
        assert [t[: len(HANGZHOU)] for t in titles(app)] == [HANGZHOU]
        await pilot.press("escape")
        await pilot.pause()
        assert len(titles(app)) == 4
        assert not app.screen.query_one("#filter", Input).display


async def test_a_filter_longer_than_its_field_scrolls_with_the_cursor(
    reader_corpus: Path,
) -> None:
    """The field repaints itself without a layout pass (FilterField): its text must
    still scroll sideways to keep the cursor in view, and back with home."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        text = "facial recognition -police " * 5
        await pilot.press("slash", *["space" if char == " " else char for char in text])
        await pilot.pause()
        field = app.screen.query_one("#filter", Input)
        assert field.value == text
        assert field.scroll_offset.x > 0
        await pilot.press("home")
        await pilot.pause()
        assert field.scroll_offset.x == 0


async def test_the_detail_pane_follows_the_filter_after_a_pause_in_typing(
    reader_corpus: Path,
) -> None:
    """Typing changes the list at once; the article under the cursor is loaded only once
    the typing rests, not between two keys."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert not titles(app)[0].startswith(HANGZHOU)
        assert HANGZHOU not in detail_text(app)
        await pilot.press("slash")
        typed = time.monotonic()
        app.screen.query_one("#filter", Input).value = "hangz"  # typed at once
        assert [t[: len(HANGZHOU)] for t in titles(app)] == [HANGZHOU]
        await until(pilot, lambda: HANGZHOU in detail_text(app))
        # A lower bound, so a slow machine cannot break it: only later, never sooner.
        assert time.monotonic() - typed >= DETAIL_DELAY_TYPING


async def test_keys_pasted_one_by_one_are_typed_at_once_and_listed_when_they_stop(
    reader_corpus: Path, monkeypatch
) -> None:  # noqa: ANN001 - pytest's
    """A terminal without bracketed paste sends a pasted query as keys, all read before the
    first is handled: the list is made for the first and for the whole, not for each key
    (each costs as much as the query is long: a pasted page froze the reader)."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash")
        made = []
        results = app.session.results
        monkeypatch.setattr(
            app.session, "results", lambda *asked: made.append(asked[1]) or results(*asked)
        )
        pasted = "hangzhou " * 40
        for character in pasted:
            app.post_message(events.Key("space" if character == " " else character, character))
        await until(pilot, lambda: made and made[-1] == pasted, "the list for the whole paste")
        assert app.screen.query_one("#filter", Input).value == pasted
        assert [t[: len(HANGZHOU)] for t in titles(app)] == [HANGZHOU]
        assert len(made) <= 3, made


async def test_a_slash_among_keys_read_at_once_is_typed_in_its_place(reader_corpus: Path) -> None:
    """``/`` is the reader's key as well as text: read in one burst with the keys before it
    (a paste, a slow link), it was typed before them ("vision/ai" became "/visionai")."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash")
        for character in "ac/dc/":
            app.post_message(events.Key("slash" if character == "/" else character, character))
        field = app.screen.query_one("#filter", Input)
        await until(pilot, lambda: len(field.value) == 6, "every key typed")
        assert field.value == "ac/dc/"


async def test_keys_read_with_enter_go_to_the_list(reader_corpus: Path) -> None:
    """Enter and the keys after it read in one burst (typed fast, a slow link) typed
    those keys into the field ("sagemakerjj", no article): the focus moved to the list
    only once the field had handled Enter, after the keys were sent where it was."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"facial")
        articles = app.screen.query_one(ArticleList)
        await until(pilot, lambda: len(titles(app)) == 2, "two articles found")
        for key, character in (("enter", "\r"), ("j", "j")):
            app.post_message(events.Key(key, character))
        await until(pilot, lambda: articles.has_focus and articles.cursor == 1, "one row down")
        assert app.screen.query_one("#filter", Input).value == "facial"
        assert len(titles(app)) == 2


async def test_typing_on_to_the_same_articles_repaints_nothing(reader_corpus: Path) -> None:
    """Typing "hangz" on to "hangzhou" finds the same article: the list keeps its results object
    (and so its rows and cursor) instead of painting them again."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(200, 45)) as pilot:  # room for the filter and the sort
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("slash", *"hangz")
        await pilot.pause()
        shown = articles.results
        await pilot.press(*"hou", "space")
        await pilot.pause()
        assert articles.results is shown
        assert app.screen.filter_text == "hangzhou "
        await pilot.press("backspace", *"ban")
        await pilot.pause()
        assert articles.results is not shown and titles(app) == []
        assert "No articles match" in str(articles.render_line(0).text)


async def test_an_empty_filtered_list_says_how_to_get_the_articles_back(
    reader_corpus: Path,
) -> None:
    """A filter that matches nothing left "No articles match" and no word of the way back."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("slash", *"zzzz", "enter")
        await until(pilot, lambda: titles(app) == [] and articles.has_focus)
        line = str(articles.render_line(0).text)
        assert "No articles match — esc clears the filter" in line
        await pilot.press("escape")  # from the list, where enter left the focus
        await until(pilot, lambda: len(titles(app)) == 4)


async def test_malformed_filter_is_a_message_not_a_crash(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"hangzhou")
        await pilot.pause()
        assert len(titles(app)) == 1
        await pilot.press("space", *"after:2020")
        await pilot.pause()
        shown = titles(app)
        await pilot.press("space")  # the filter is whole: its mistake is said
        await pilot.pause()
        assert "after: expects YYYY-MM-DD, today, yesterday or 7d" in status(app)
        assert app.screen.query_one("#filter", Input).has_class("-invalid")
        assert titles(app) == shown  # an invalid query leaves the list as it was
        await pilot.press("backspace", *"-01-01")
        await pilot.pause()
        assert not app.screen.query_one("#filter", Input).has_class("-invalid")
        assert len(titles(app)) == 1


async def test_a_filter_being_typed_is_no_mistake_until_it_is_whole(
    reader_corpus: Path,
) -> None:
    """Each key of ``is:unread`` or of a date flashed a mistake ("is: needs a value", "is:u
    is not known", "after: expects YYYY-MM-DD") until the filter was whole; the list now
    leaves it out until then, and Enter, or a move to another pane, says a mistake left in
    it."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        field = app.screen.query_one("#filter", Input)
        await pilot.press("slash", *"hangzhou ")
        for key in "is:unread":
            await pilot.press(key)
            await pilot.pause()
            assert not field.has_class("-invalid") and "⚠" not in status(app), field.value
            if ":" in field.value:  # before it, "is" is a word the list looks for
                assert [t[: len(HANGZHOU)] for t in titles(app)] == [HANGZHOU], field.value
        await pilot.press("space", *"after:2020-0")
        await pilot.pause()
        assert not field.has_class("-invalid") and "⚠" not in status(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "after: expects YYYY-MM-DD, today, yesterday or 7d, not '2020-0'" in status(app)
        assert field.has_class("-invalid")
        await pilot.press("slash", "backspace", *"is:unr")  # the text, selected, cleared
        await pilot.pause()
        assert field.value == "is:unr" and not field.has_class("-invalid")
        await pilot.press("tab")  # to another pane: the typing ends
        await pilot.pause()
        assert "is:unr is not known" in status(app) and field.has_class("-invalid")


async def test_a_phrase_being_typed_is_listed_as_it_is_typed(reader_corpus: Path) -> None:
    """Until its closing quote, a phrase was a message ("missing its closing") and the
    list stood still; it now follows each key, its last word a prefix, as a word does."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        field = app.screen.query_one("#filter", Input)
        await pilot.press("slash", *'"hangzhou ma')
        await until(pilot, lambda: [t[: len(HANGZHOU)] for t in titles(app)] == [HANGZHOU])
        assert not field.has_class("-invalid") and "⚠" not in status(app)
        await pilot.press('"')  # closed, "ma" is a whole word: no article holds it
        await until(pilot, lambda: titles(app) == [])
        assert not field.has_class("-invalid")


async def test_a_number_too_large_for_sqlite_is_a_message_not_a_crash(
    reader_corpus: Path,
) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        field = app.screen.query_one("#filter", Input)
        await pilot.press("slash", *"quality>999999999999999999")  # 18 digits: a bound
        await pilot.pause()
        assert titles(app) == [] and not field.has_class("-invalid")
        await pilot.press("9", "space")
        await pilot.pause()
        assert "quality> expects a number of at most 18 digits" in status(app)
        assert field.has_class("-invalid")
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert not field.has_class("-invalid") and app.is_running


async def test_typing_a_valid_filter_leaves_the_field_s_classes_alone(
    reader_corpus: Path,
) -> None:
    """A class change restyles the field (Input's own validation added one on the first
    keystroke, 6 ms of it); only a query that cannot run marks the field."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash")
        field = app.screen.query_one("#filter", Input)
        before = set(field.classes)
        await pilot.press(*"hangzhou", "enter")
        await pilot.pause()
        assert set(field.classes) == before


async def test_sort_cycles(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("S")
        assert titles(app)[0].startswith("TensorFlow")  # quality 80 is highest
        assert "sort: quality" in status(app)
        await pilot.press("S")
        assert titles(app) == sorted(titles(app), key=str.lower)
        assert titles(app)[1].startswith("Hangzhou")
        assert "sort: title" in status(app)


async def test_a_filter_typed_leaves_the_cursor_where_the_person_put_it_or_at_the_top(
    tmp_path: Path,
) -> None:
    """Half typed, ``is`` matched an old article and moved the cursor onto it; the whole
    ``is:unread`` still held it, so the list opened far down, not at the newest unread."""
    from tests.conftest import write_document

    for day, title in ((5, "Read first"), (4, "Newest unread"), (3, "Middle"), (1, "Island")):
        front = f"title: {title}\npublishedDateTime: 2024-05-0{day}T10:00:00Z"
        write_document(tmp_path / "news", f"{day}.md", front, "Words.\n")
    app = LedeApp([str(tmp_path / "news")])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        await pilot.press("j", "g", "m")  # a person's choice: the top article, now read
        await pilot.press("slash", *"is")
        await until(pilot, lambda: titles(app) == ["Island"])
        await pilot.press(*":unread")
        await until(pilot, lambda: titles(app) == ["Newest unread", "Middle", "Island"])
        assert articles.current is not None and articles.current.title == "Newest unread"
        await pilot.press("escape")  # the whole list again: back on the article chosen
        await until(pilot, lambda: len(titles(app)) == 4)
        assert articles.current is not None and articles.current.title == "Read first"


async def test_a_short_screen_keeps_rows_of_the_list_under_the_filter(
    reader_corpus: Path,
) -> None:
    """At 40x12 the filter, the header and the timeline took the whole of the list's
    part of the screen: "3 articles" and no row of them, with the detail below."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(40, 12)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"a")
        await pilot.pause()
        assert app.screen.query_one(ArticleList).size.height >= 3
