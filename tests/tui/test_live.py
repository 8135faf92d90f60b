"""The running reader follows its corpus: files written, changed and removed while it runs
show by themselves, and ``Since last visit`` lists what came between two sessions.

Real files in real folders and the real watcher: each test waits on what the screen
shows, with a deadline, never on the clock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from library.damage import REBUILT
from library.reports import RefreshReport
from library.scope import SINCE
from library.session import ReaderSession
from library.synthetic import generate
from tests.conftest import write_document
from tests.git_corpus import GitCorpus, article, git, git_corpus
from tests.tui.pilot import DEADLINE, indexed, notifications, settled, status, titles, until
from tests.webserver import TestServer
from tui.app import LedeApp
from tui.live import STATE_LOOK
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView
from tui.widgets.topic_tree import TopicTree

__all__ = ["git_corpus"]  # the fixture, for pytest


news = partial(article, topic="TensorFlow")  # under a topic of the bundled taxonomy


def tree_labels(app: LedeApp) -> list[str]:
    return [str(node.label) for node in app.screen.query_one(TopicTree).root.children]


async def test_a_file_written_while_the_reader_runs_appears_with_no_key(
    reader_corpus: Path,
) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        news(reader_corpus, "arrived.md", "Fresh news arrives on its own")
        await until(pilot, lambda: "Fresh news arrives on its own" in titles(app), "new row")
        assert titles(app)[0] == "Fresh news arrives on its own"  # the newest, on top
        await until(pilot, lambda: "5 articles" in status(app), "the status count")
        await until(pilot, lambda: "1 new article" in notifications(app), "the note")
        await until(pilot, lambda: tree_labels(app)[0].startswith("All articles 5"), "tree")


async def test_news_arriving_one_file_after_another_is_said_in_one_note_at_a_time(
    reader_corpus: Path,
) -> None:
    """A feed writing a file a second stacked three notes of "1 new article" over the
    article being read, for as long as it ran; one note now says what came, and what
    comes while it shows is said, summed, once it has gone."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        notes: dict[int, str] = {}  # every note of arrivals shown, by the note
        most = 0

        def arrivals() -> list[str]:
            shown = {id(note): str(note.message) for note in app._notifications}
            said = {key: text for key, text in shown.items() if "new article" in text}
            notes.update(said)
            return list(said.values())

        for number in range(6):
            news(reader_corpus, f"feed-{number}.md", f"Feed item number {number}")
            await until(pilot, lambda n=number: f"Feed item number {n}" in titles(app), "it")
            most = max(most, len(arrivals()))
        await until(
            pilot,
            lambda: arrivals() == [] and sum(int(text.split()[0]) for text in notes.values()) == 6,
            "every arrival said",
        )
        assert most == 1


async def test_a_change_shown_as_the_screen_is_taken_down_is_let_go(
    reader_corpus: Path,
) -> None:
    """The watcher's news can come while the reader ends and its widgets are going: it
    raised (a traceback as the reader quit) where there is nothing left to show."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await app.screen.query_one(ArticleList).remove()
        assert app.follower is not None
        app.follower._refill()
        await pilot.pause()
        assert app.reader_screen() is None


async def test_the_cursor_stays_on_the_article_being_read(reader_corpus: Path) -> None:
    for number in range(60):  # more than a screen, so that the list is scrolled
        news(reader_corpus, f"old-{number}.md", f"Older news {number}", day="2020-01-01")
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 30)) as pilot:
        await indexed(pilot)
        await pilot.press(*"j" * 40, *"k" * 10)  # scrolled, the cursor mid-screen
        articles = app.screen.query_one(ArticleList)
        reading = articles.current
        line = articles.cursor - int(articles.scroll_offset.y)
        assert reading is not None and articles.cursor == 30 and articles.scroll_offset.y > 0
        news(reader_corpus, "first.md", "Harbour bridge reopens to traffic")
        news(reader_corpus, "second.md", "Quantum chip sets a speed record")
        await until(pilot, lambda: articles.count == 66, "both new rows")  # two stories
        assert articles.current is not None and articles.current.id == reading.id
        assert articles.cursor == 32  # moved down with the two rows above it
        assert articles.cursor - int(articles.scroll_offset.y) == line  # on the same line


async def test_news_come_in_above_the_view_are_counted_until_scrolled_to(
    reader_corpus: Path,
) -> None:
    """The article read keeps its line, so news arriving went up out of sight with only
    a note that went after three seconds; the status line counts them until the list
    is scrolled up to them."""
    for number in range(60):
        news(reader_corpus, f"old-{number}.md", f"Older news {number}", day="2020-01-01")
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 30)) as pilot:
        await indexed(pilot)
        await pilot.press(*"j" * 40, *"k" * 10)
        articles = app.screen.query_one(ArticleList)
        assert articles.scroll_offset.y > 0 and "new above" not in status(app)
        news(reader_corpus, "first.md", "Harbour bridge reopens to traffic")
        news(reader_corpus, "second.md", "Quantum chip sets a speed record")
        await until(pilot, lambda: articles.count == 66, "both new rows")
        await until(pilot, lambda: "2 new above ↑" in status(app), "the count")
        await pilot.press(*"k" * (articles.cursor - 1))  # the second newest tops the view
        await until(pilot, lambda: "1 new above ↑" in status(app), "one still above")
        await pilot.press("g")
        await until(pilot, lambda: "new above" not in status(app), "the count gone")


async def test_the_cursor_stays_on_the_article_whose_own_file_changed(
    reader_corpus: Path,
) -> None:
    """A changed file's article is stored again under a new id: the cursor went to the
    first row, away from what was being read."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("j", "j")
        articles = app.screen.query_one(ArticleList)
        reading = articles.current
        assert reading is not None and articles.cursor == 2
        with open(reading.path, "a", encoding="utf-8") as file:
            file.write("\nOne more line of its body.\n")
        await until(pilot, lambda: "1 article changed" in notifications(app), "the note")
        now = articles.current
        assert now is not None and (now.path, articles.cursor) == (reading.path, 2)
        assert now.id != reading.id


def harbour_report(corpus: Path, front: str) -> Path:
    """An article of many pages in ``corpus``, with ``front`` in its front matter."""
    body = "\n\n".join(f"Paragraph {number} of the harbour report." for number in range(200))
    heading = 'title: "The harbour report in full"\npublishedDateTime: 2026-11-20T08:00:00Z\n'
    return write_document(corpus, "report.md", heading + textwrap.dedent(front).strip("\n"), body)


async def test_the_place_in_an_article_stays_when_its_file_is_written_again(
    tmp_path: Path,
) -> None:
    """A feed that writes an article's file again (its heat, a correction) took the reader
    back to the top of the article being read, a page or ten down."""
    corpus = tmp_path / "corpus"
    report = harbour_report(
        corpus,
        """
        originalUrl: "https://example.test/report"
        heat: 3
        """,
    )
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 40)) as pilot:
        await indexed(pilot)
        detail = app.screen.query_one(DetailView)
        detail.focus()
        await pilot.press(*["space"] * 5)
        await until(pilot, lambda: detail.scroll_y > 0, "the pages turned")
        place = detail.scroll_y
        corrected = report.read_text().replace("heat: 3", "heat: 4")
        report.write_text(corrected.replace("Paragraph 199 of", "Paragraph 199, corrected, of"))
        await until(pilot, lambda: "1 article changed" in notifications(app), "the change")
        await settled(pilot)
        assert detail.article is not None and "corrected" in detail.article.body
        assert detail.scroll_y == place


@pytest.mark.parametrize("link", [True, False], ids=["news", "post-without-a-link"])
async def test_the_place_and_picture_stay_when_the_file_read_is_renamed(
    tmp_path: Path, server: TestServer, monkeypatch: pytest.MonkeyPatch, link: bool
) -> None:
    """A feed or a site renaming the file being read ("1 article moved") took the
    reader to the article's top and took its picture down, as if another had been
    opened."""
    from tests.images import serve_images
    from tui.widgets.lead_image import LeadImage

    monkeypatch.setenv("LEDE_IMAGES", "halfcell")
    serve_images(server)
    corpus = tmp_path / "corpus"
    address = 'originalUrl: "https://example.test/report"' if link else ""
    report = harbour_report(
        corpus,
        f"""
        {address}
        images:
          - url: "{server.url("/photo.png")}"
        """,
    )
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 40)) as pilot:
        await indexed(pilot)
        detail = app.screen.query_one(DetailView)
        detail.focus()
        await pilot.press("i")
        await until(pilot, lambda: bool(detail.query(".lead-image--picture")), "the picture")
        picture = detail.query_one(".lead-image--picture")
        await pilot.press(*["space"] * 5)
        await until(pilot, lambda: detail.scroll_y > 0, "the pages turned")
        place = detail.scroll_y
        report.rename(corpus / "harbour-report.md")
        await until(pilot, lambda: "1 article moved" in notifications(app), "the move")
        await until(pilot, lambda: detail.article.path.endswith("harbour-report.md"), "moved")
        await settled(pilot)
        assert detail.scroll_y == place
        assert detail.query_one(LeadImage).shown
        assert detail.query_one(".lead-image--picture") is picture
        assert server.hits == {"/photo.png": 1}


def six_days(corpus: Path) -> None:
    """Six news articles a day apart, for a cursor to stand among."""
    for number in range(6):
        news(corpus, f"day-{number}.md", f"News of day {number}", day=f"2026-11-2{number}")


async def test_the_cursor_follows_a_renamed_file_and_stays_in_place_of_a_removed_one(
    reader_corpus: Path,
) -> None:
    """It went to the first row either way, and the detail with it."""
    six_days(reader_corpus)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("j", "j", "j")
        articles = app.screen.query_one(ArticleList)
        reading = articles.current
        assert reading is not None and articles.cursor == 3
        renamed = Path(reading.path).with_name("renamed.md")
        os.rename(reading.path, renamed)
        await until(pilot, lambda: "1 article moved" in notifications(app), "the move")
        now = articles.current
        assert now is not None and (now.path, articles.cursor) == (str(renamed), 3)
        assert articles.chosen == now.id  # followed by its link: not a place kept by chance
        below = articles.results.row(4)
        renamed.unlink()
        await until(pilot, lambda: "1 article removed" in notifications(app), "the removal")
        assert articles.cursor == 3 and articles.current.id == below.id


async def test_marks_follow_a_post_without_a_link_that_is_moved_or_renamed(
    tmp_path: Path,
) -> None:
    """A blog's post has no original link: it is known by its path, and its star and read
    mark stayed with the old path when its file was renamed, moved to another folder or
    its folder renamed (and it came back as news since the last visit)."""
    blog = tmp_path / "blog"
    for number in range(4):
        write_document(
            blog / "drafts",
            f"post-{number}.md",
            f"title: Post {number}\ndate: 2026-11-0{number + 1}",
        )
    app = LedeApp([str(blog)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        await pilot.press("j", "s", "m")  # Post 2 starred and read
        await until(pilot, lambda: len(articles.starred) == 1 and len(articles.read) == 1)
        old = blog / "drafts" / "post-2.md"
        steps = [
            (old, blog / "drafts" / "second-thoughts.md"),  # renamed
            (blog / "drafts" / "second-thoughts.md", blog / "posts" / "second-thoughts.md"),
            (blog / "posts", blog / "published"),  # its folder renamed
        ]
        for number, (source, target) in enumerate(steps, start=1):
            target.parent.mkdir(exist_ok=True)
            os.rename(source, target)
            path = str(blog / "published" / "second-thoughts.md") if number == 3 else str(target)
            at = {path}
            shown = lambda at=at: at <= {row.path for row in articles.results}  # noqa: E731
            await until(pilot, shown, "the file at its new path")
            await until(pilot, lambda at=at: articles.starred == at, "the star moved with it")
            await pilot.pause(STATE_LOOK + 0.5)  # the mark carried is seen as a change, too
            assert articles.read == at and len(titles(app)) == 4
            now = articles.current
            assert now is not None and (number, now.path, articles.cursor) == (number, path, 1)
            assert "Since last visit" not in " ".join(tree_labels(app))


async def test_the_cursor_stays_on_the_article_that_took_a_removed_ones_place(
    reader_corpus: Path,
) -> None:
    """Its article removed, the cursor stays on the line, on the next one; news arriving
    above afterwards moved it off that one, to whatever came to the line."""
    six_days(reader_corpus)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("j", "j", "j")
        articles = app.screen.query_one(ArticleList)
        reading = articles.current
        assert reading is not None
        below = articles.results.row(articles.cursor + 1)
        Path(reading.path).unlink()
        await until(pilot, lambda: articles.count == 9, "the removal")
        assert articles.current is not None and articles.current.path == below.path
        news(reader_corpus, "newest.md", "Newest news on top", day="2026-12-01")
        await until(pilot, lambda: articles.count == 10, "the arrival")
        assert articles.current is not None and articles.current.path == below.path


async def test_the_cursor_goes_back_to_the_article_read_when_its_folder_comes_back(
    reader_corpus: Path, tmp_path: Path
) -> None:
    """A folder moved away and back (a checkout undone): the cursor stayed on the article
    that took the place of the one read, at the list's end once the folder was back."""
    six_days(reader_corpus / "wire")
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("j", "j", "j")
        articles = app.screen.query_one(ArticleList)
        reading = articles.current
        assert reading is not None and "wire" in reading.path
        os.rename(reader_corpus / "wire", tmp_path / "away")
        await until(pilot, lambda: articles.count == 4, "the folder gone")
        assert articles.current is not None and "wire" not in articles.current.path
        os.rename(tmp_path / "away", reader_corpus / "wire")
        await until(pilot, lambda: articles.count == 10, "the folder back")
        assert articles.current is not None and articles.current.path == reading.path
        assert articles.cursor == 3


@pytest.mark.parametrize("day", [3, 5], ids=["moved-to", "never-moved"])
async def test_a_corpus_back_file_by_file_shows_the_newest_until_the_article_read_is_back(
    tmp_path: Path, day: int
) -> None:
    """The corpus moved away and restored a file at a time (a copy, a sync tool): the
    cursor stayed on the first file that came back, an old one, as newer ones went above."""
    corpus = tmp_path / "corpus"
    six_days(corpus)
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press(*["j"] * (5 - day))
        articles = app.screen.query_one(ArticleList)
        reading = articles.current
        assert reading is not None and reading.title == f"News of day {day}"
        os.rename(corpus, tmp_path / "away")
        await until(pilot, lambda: articles.count == 0, "the corpus gone")
        corpus.mkdir()
        for count, name in enumerate([f"day-{day}.md" for day in range(6)], start=1):
            shutil.copy(tmp_path / "away" / name, corpus / name)
            await until(pilot, lambda count=count: articles.count == count, name)
            now = articles.current
            assert now is not None
            if count <= day:  # the one read not back yet: the newest, on top
                assert (articles.cursor, now.title) == (0, f"News of day {count - 1}")
            else:
                assert (now.path, now.title) == (reading.path, f"News of day {day}")


async def test_a_removed_file_goes_and_a_changed_one_is_shown_changed(
    reader_corpus: Path,
) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        (reader_corpus / "tensorflow.md").unlink()
        await until(pilot, lambda: not any(t.startswith("TensorFlow") for t in titles(app)), "gone")
        await until(pilot, lambda: "1 article removed" in notifications(app), "the note")
        hostile = reader_corpus / "hostile.md"
        hostile.write_text(hostile.read_text().replace("Evil", "Reformed"))
        await until(pilot, lambda: "1 article changed" in notifications(app), "changed note")
        assert len(titles(app)) == 3


async def test_reload_shows_what_another_lede_stored_meanwhile(reader_corpus: Path) -> None:
    """Another process had brought the index up to date: ``r`` found nothing left to do,
    so the tree kept counting the articles gone ("All articles 4" beside a list of 3)."""
    from library.corpus import open_index, open_state

    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert app.follower is not None
        app.follower.stop()  # as when the change is made where this reader does not look
        tree = app.screen.query_one(TopicTree)
        assert str(tree.root.children[0].label).startswith("All articles 4 ")
        (reader_corpus / "tensorflow.md").unlink()
        other = open_index([str(reader_corpus)], open_state())
        assert other.refresh().removed == 1
        other.close()
        await pilot.press("r")
        await until(pilot, lambda: len(titles(app)) == 3, "the list of three")
        await until(
            pilot,
            lambda: str(tree.root.children[0].label).startswith("All articles 3 "),
            "the tree's count",
        )


async def test_what_another_reader_marks_is_shown_here(reader_corpus: Path) -> None:
    """Two readers on one corpus: an article starred and one read in the other kept their
    old marks here, and the tree its old counts, until something here changed."""
    from library.corpus import open_state

    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        tree = app.screen.query_one(TopicTree)
        rows = list(articles.results or [])
        starred, read = rows[0].identity, rows[1].identity
        assert starred not in articles.starred and read not in articles.read
        other = open_state()  # the other reader's
        other.set("starred", [starred], True)
        other.set("read", [read], True)
        other.close()
        await until(pilot, lambda: starred in articles.starred, "the star shown", DEADLINE)
        await until(pilot, lambda: read in articles.read, "the read mark shown", DEADLINE)
        labels = lambda: [str(node.label) for node in tree.root.children]  # noqa: E731
        await until(pilot, lambda: "Starred 1" in labels(), "the tree's count", DEADLINE)


def stored_elsewhere_first(app: LedeApp, corpus: Path, name: str, title: str) -> None:
    """Write ``name`` and have another lede store it before this reader's refresh of it
    runs: the reader's refresh waits until the other has stored it."""
    from library.corpus import open_index, open_state

    session = app.session
    assert session is not None
    go = threading.Event()
    refresh_paths = session.refresh_paths

    def second(paths: Any) -> RefreshReport:
        assert go.wait(DEADLINE)
        return refresh_paths(paths)

    session.refresh_paths = second  # type: ignore[method-assign]
    write_document(corpus, name, f"title: {title}")
    other = open_index([str(corpus)], open_state())
    assert other.refresh().parsed == 1
    other.close()
    go.set()


@pytest.mark.parametrize("shown_before", [True, False])
async def test_what_another_lede_stored_first_is_shown_all_the_same(
    reader_corpus: Path, shown_before: bool
) -> None:
    """Two readers on one corpus: the one whose watcher came second found the change
    stored already, had nothing to show, and kept a removed file and no new one; and the
    first file to arrive was missed so even after that, this one not having looked at
    the index yet to tell it had changed."""
    from tests.conftest import write_document

    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        if shown_before:
            write_document(reader_corpus, "first.md", "title: First arrival")
            await until(pilot, lambda: "First arrival" in titles(app), "the first arrival")
        stored_elsewhere_first(app, reader_corpus, "second.md", "Stored elsewhere")
        await until(
            pilot, lambda: "Stored elsewhere" in titles(app), "the article stored elsewhere"
        )


async def test_what_another_reader_stored_first_joins_the_stories_here(
    reader_corpus: Path,
) -> None:
    """Two readers on one corpus, the other storing the files both watchers saw: this
    one's list showed the new article, but every article a row, no longer one per story
    (8,450 articles and no "8,306 stories" beside them), until ``r``."""
    from library.story_map import StoryResults

    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        await until(pilot, lambda: isinstance(articles.results, StoryResults), "the stories")
        stored_elsewhere_first(app, reader_corpus, "second.md", "Stored elsewhere")
        await until(pilot, lambda: "Stored elsewhere" in titles(app), "the article")
        await until(pilot, lambda: isinstance(articles.results, StoryResults), "one per story")


@pytest.mark.parametrize("key", [None, "r"])
async def test_an_index_removed_while_the_reader_runs_is_built_again(
    reader_corpus: Path, key: str | None
) -> None:
    """The index's cache cleared under a running reader: its connections still read the
    removed file, which nothing wrote any more, so a file that arrived was never listed,
    and ``r`` changed nothing either."""
    from library.damage import discard

    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        before = set(titles(app))
        assert app.session is not None
        discard(app.session.index.db_path)
        if key:
            await pilot.press(key)
        write_document(reader_corpus, "late.md", "title: Arrived after the clearing")
        await until(pilot, lambda: "Arrived after the clearing" in titles(app), "the new file")
        await until(pilot, lambda: before <= set(titles(app)), "the files indexed before")


async def test_a_half_written_file_is_read_again_once_it_is_whole(
    reader_corpus: Path, tmp_path: Path
) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        whole = news(tmp_path / "staging", "whole.md", "Written in two goes").read_text()
        half = reader_corpus / "half.md"
        half.write_text(whole[:40])  # the front matter not closed yet
        await until(pilot, lambda: app.session.index.problems("error"), "the half file seen")
        assert "Written in two goes" not in titles(app)
        half.write_text(whole)
        await until(pilot, lambda: "Written in two goes" in titles(app), "the whole file")
        assert not app.session.index.problems("error")  # not reported broken any more


async def test_a_file_saved_broken_says_why_it_left_the_list(reader_corpus: Path) -> None:
    """It vanished as "1 article removed", while the file was there with an error."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        tensorflow = reader_corpus / "tensorflow.md"
        tensorflow.write_text(tensorflow.read_text().replace("title:", "title: [", 1))
        await until(pilot, lambda: not any(t.startswith("TensorFlow") for t in titles(app)), "gone")

        def said() -> bool:
            return any(
                f"{tensorflow}:" in note and "invalid YAML" in note for note in notifications(app)
            )

        await until(pilot, said, "the file's error, with its path")


async def test_editors_and_sync_tools_temporaries_never_show(reader_corpus: Path) -> None:
    """Saving as editors and sync tools do (a probe file, swap, lock and backup files, a
    temporary renamed over the file, a conflicted copy) changes one article and adds none."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        saved = reader_corpus / "tensorflow.md"
        text = saved.read_text().replace("new compiler", "newer compiler")
        for name in ("4913", ".tensorflow.md.swp", "tensorflow.md~", "#tensorflow.md#"):
            (reader_corpus / name).write_text(text)  # vim, nano, emacs
        (reader_corpus / ".#tensorflow.md").symlink_to("someone@host.1:1")  # emacs's lock
        (reader_corpus / "tensorflow.md___jb_tmp___").write_text(text)  # JetBrains
        (reader_corpus / ".syncthing.tensorflow.md.tmp").write_text(text)
        (reader_corpus / ".~lock.tensorflow.md#").write_text(text)  # Nextcloud
        (reader_corpus / "tensorflow (conflicted copy 2026-12-06).md").write_text(text)
        (reader_corpus / "tensorflow.sync-conflict-20261206-101010-ABCDEFG.md").write_text(text)
        temporary = reader_corpus / ".tensorflow.md.tmp"
        temporary.write_text(text)
        os.replace(temporary, saved)
        await until(pilot, lambda: "1 article changed" in notifications(app), "the change")
        await pilot.pause(0.5)  # anything else seen would be shown by now
        assert len(titles(app)) == 4
        assert not app.session.index.problems("error")


async def test_a_folder_moved_in_brings_its_files(reader_corpus: Path, tmp_path: Path) -> None:
    outside = tmp_path / "incoming"
    news(outside, "a.md", "Lighthouse keeper retires after forty years")
    news(outside / "deeper", "b.md", "Orchard harvest arrives early")
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        os.rename(outside, reader_corpus / "incoming")
        await until(pilot, lambda: len(titles(app)) == 6, "both files of the folder")
        os.rename(reader_corpus / "incoming", outside)
        await until(pilot, lambda: len(titles(app)) == 4, "the folder moved out again")


async def test_since_last_visit_counts_what_came_between_two_sessions(
    reader_corpus: Path,
) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        # A first visit has nothing to compare with.
        assert not any(label.startswith("Since last visit") for label in tree_labels(app))
    news(reader_corpus, "later-one.md", "Pulled in between one", day="2015-01-01")
    news(reader_corpus, "later-two.md", "Pulled in between two")
    changed = reader_corpus / "tensorflow.md"  # an old article changed: not new
    changed.write_text(changed.read_text().replace("new compiler", "newer compiler"))

    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await until(
            pilot, lambda: "Since last visit 2" in tree_labels(app), "the node with its count"
        )
        tree = app.screen.query_one(TopicTree)
        tree.focus()
        await pilot.press("j", "j", "j")  # All articles, Unread, Starred, Since last visit
        assert tree.cursor_node is not None and tree.cursor_node.data == SINCE
        await until(pilot, lambda: len(titles(app)) == 2, "the scope's list")
        assert set(titles(app)) == {"Pulled in between one", "Pulled in between two"}
        assert "Since last visit" in status(app)
        # One that arrives now is new since the last visit too.
        news(reader_corpus, "now.md", "Arrived during this visit")
        await until(pilot, lambda: len(titles(app)) == 3, "the live arrival in the scope")
        await until(pilot, lambda: "Since last visit 3" in tree_labels(app), "its count")
        # An old article's file renamed is no news: it moved.
        os.rename(changed, reader_corpus / "tensorflow-renamed.md")
        # Said with what else arrived while the note before it showed.
        await until(pilot, lambda: any("1 article moved" in note for note in notifications(app)))
        await pilot.pause()
        assert "Since last visit 3" in tree_labels(app) and len(titles(app)) == 3


async def test_a_change_made_while_closed_to_the_newest_news_shows_before_the_walk_ends(
    reader_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk of every file takes seconds on a large corpus; the newest articles' files
    are looked at before it. Here the walk is held until the change is on screen."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        newest = app.session.index.db.execute(
            "SELECT path, title FROM articles ORDER BY published DESC LIMIT 1"
        ).fetchone()
        assert newest[1] == titles(app)[0]
    path = Path(newest[0])
    path.write_text(path.read_text().replace(newest[1], "Corrected: " + newest[1]))
    walk = threading.Event()
    refresh = ReaderSession.refresh

    def held(self: ReaderSession, *args: Any, **kwargs: Any) -> RefreshReport:
        assert walk.wait(DEADLINE), "the walk was never let go"
        return refresh(self, *args, **kwargs)

    monkeypatch.setattr(ReaderSession, "refresh", held)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: "Corrected: " + newest[1] in titles(app), "the change")
        await until(pilot, lambda: "1 article changed" in notifications(app), "its note")
        walk.set()
        await indexed(pilot)
        assert titles(app)[0] == "Corrected: " + newest[1]


FIRST_FRAME = """
import asyncio, sys
from textual.app import App
from tui.app import LedeApp

WATCHED = (
    "watchfiles", "library.watch", "library.sync", "pydantic", "numpy", "yaml", "markdown_it"
)
seen = []
display = App._display


def spy(self, screen, update):
    if type(screen).__name__ == "MainScreen" and update is not None and not seen:
        seen.append([name for name in WATCHED if name in sys.modules])
    display(self, screen, update)


async def main():
    App._display = spy
    app = LedeApp([sys.argv[1]])
    async with app.run_test(size=(160, 45)) as pilot:
        while not (app.follower and app.follower.watcher and app.follower.watcher.ready.is_set()):
            await pilot.pause(0.05)
    print(seen[0], "watchfiles" in sys.modules)


asyncio.run(main())
"""


def test_the_watcher_is_imported_after_the_first_frame(reader_corpus: Path) -> None:
    """Following the corpus costs start-up nothing: watchfiles (~0.15 s to import) comes
    in a thread once the reader is on screen; nor does an article's body, whose Markdown
    widget and parser come with the first body shown."""
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(reader_corpus)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == "[] True"


async def test_r_pulls_the_corpus_and_shows_what_came(git_corpus: GitCorpus) -> None:
    app = LedeApp([str(git_corpus.reader)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        git_corpus.publish("news", **{"pulled.md": "Pulled with R"})
        await pilot.press("R")
        await until(pilot, lambda: "Pulled with R" in titles(app), "the pulled article")
        await until(
            pilot,
            lambda: f"{git_corpus.reader}: 1 new, 0 changed, 0 removed" in notifications(app),
            "the sync note",
        )


async def test_r_indexes_what_the_pull_brought_not_the_whole_corpus(
    git_corpus: GitCorpus,
) -> None:
    app = LedeApp([str(git_corpus.reader)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert app.follower is not None
        app.follower.stop()  # from now on only R tells the index
        await until(
            pilot,
            lambda: all(thread.name != "corpus-watcher" for thread in threading.enumerate()),
            "the watcher to end",
        )
        news(git_corpus.reader, "local.md", "Written here while nobody watched")
        git_corpus.publish("news", **{"pulled.md": "Pulled with R"})
        await pilot.press("R")
        await until(pilot, lambda: "Pulled with R" in titles(app), "the pulled article")
        assert "Written here while nobody watched" not in titles(app)  # for a full refresh


async def test_r_on_a_corpus_not_in_git_says_so(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("R")
        await until(
            pilot,
            lambda: f"{reader_corpus}: not a git work tree" in notifications(app),
            "the message",
        )
        assert len(titles(app)) == 4


async def test_r_on_a_corpus_deleted_while_the_reader_runs_says_it_is_gone(
    git_corpus: GitCorpus,
) -> None:
    """A clone removed, or moved away, while the reader showed it: R said "not a git work
    tree", of a folder that had been one; with its parent gone too, "git is not
    installed"."""
    app = LedeApp([str(git_corpus.reader)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        shutil.rmtree(git_corpus.reader)
        await pilot.press("R")
        gone = f"{git_corpus.reader}: no such folder or file any more (moved or deleted)"
        await until(pilot, lambda: gone in notifications(app), "the message")
        assert not any("git work tree" in note for note in notifications(app))


async def test_r_names_a_corpus_folder_holding_escape_sequences_as_it_is_written(
    tmp_path: Path,
) -> None:
    """The sync note wrote the folder's name as it is: its escape sequences reached the
    terminal, one coloured the note and another set the terminal's title."""
    corpus = tmp_path / "news\x1b[41mred\x1b]2;pwned\x07"
    write_document(corpus, "a.md", "title: One")
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("R")
        said = f"{tmp_path}/news\\x1b[41mred\\x1b]2;pwned\\x07: not a git work tree"
        await until(pilot, lambda: said in notifications(app), "the message")


async def test_a_page_its_site_puts_up_later_goes_up_in_a_reader_left_open(
    tmp_path: Path,
) -> None:
    """A Hugo page before its publishDate is unpublished, and the index keeps when it goes
    up; a reader left open went on showing it unpublished until some file changed."""
    root = tmp_path / "blog"
    (root / "content").mkdir(parents=True)
    (root / "hugo.toml").write_text('title = "Blog"\n', encoding="utf-8")
    soon = int(time.time()) + 8  # after the reader has indexed and shown it, even under load
    write_document(root / "content" / "posts", "a.md", "title: Always\ndate: 2024-01-01")
    write_document(
        root / "content" / "posts", "b.md", f"title: Soon\ndate: 2024-01-02\npublishDate: {soon}"
    )
    app = LedeApp([str(root)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: published(app) == {"Always": True, "Soon": False}, "rows")
        await until(pilot, lambda: published(app)["Soon"], "the page up", DEADLINE + 8)
        assert time.time() >= soon


def published(app: LedeApp) -> dict[str, bool]:
    """Each row's title and whether it is shown as published."""
    rows = app.screen.query_one(ArticleList).results or []
    return {row.title: row.is_published for row in rows}


async def test_an_index_overwritten_under_the_reader_is_built_again(tmp_path: Path) -> None:
    """Its file overwritten while the reader ran (a restore, a disk fault), a read found
    it damaged and had it built again, and the first report of that rebuild refilled the
    list from the damaged file: a traceback, "database disk image is malformed", in place
    of the reader."""
    corpus = tmp_path / "site"
    generate(corpus, 3000, plain=True)
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        before = titles(app)
        assert app.session is not None
        app.session.index.db.execute("PRAGMA cache_size = 1")  # every page read from the file
        path = app.session.index.db_path
        path.write_bytes(os.urandom(path.stat().st_size))  # in place: its readers see it
        app.session.on_damage()  # as a read that finds it damaged does
        await until(pilot, lambda: REBUILT in notifications(app), "the index built again")
        await until(pilot, lambda: titles(app) == before, "the list again")
    assert app.return_code in (None, 0)


async def test_an_index_damaged_under_the_reader_is_built_again_when_news_arrives(
    tmp_path: Path,
) -> None:
    """Its file cut short while the reader ran, then an article arrived: its indexing met
    the damage and said "Indexing changed files failed: database disk image is
    malformed", and the index stayed damaged, the article out of the list, until some
    read met it too. The damage has the index built again, the article in it."""
    corpus = tmp_path / "site"
    generate(corpus, 3000, plain=True)
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert app.session is not None and app.follower is not None
        app.follower.wait_until_watching()
        path = app.session.index.db_path
        os.truncate(path, path.stat().st_size // 3)  # its end lost: a restore cut short
        write_document(corpus, "arrived.md", 'title: "Arrived"')
        await until(pilot, lambda: REBUILT in notifications(app), "the index built again")
        await until(pilot, lambda: "Arrived" in titles(app), "the article")
        assert not any("failed" in note for note in notifications(app)), notifications(app)
    assert app.return_code in (None, 0)


async def test_an_index_damaged_under_the_reader_is_built_again_when_r_meets_it(
    git_corpus: GitCorpus,
) -> None:
    """As when news arrives: R's indexing of what it pulled said "Indexing failed:
    database disk image is malformed", and the pulled article stayed out of the list."""
    generate(git_corpus.newsroom / "site", 3000, plain=True)
    git_corpus.publish("a site")
    git(git_corpus.reader, "pull", "-q")
    app = LedeApp([str(git_corpus.reader)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert app.session is not None and app.follower is not None
        app.follower.stop()  # from now on only R tells the index
        path = app.session.index.db_path
        os.truncate(path, path.stat().st_size // 3)  # its end lost: a restore cut short
        git_corpus.publish("news", **{"pulled.md": "Pulled with R"})
        await pilot.press("R")
        await until(pilot, lambda: REBUILT in notifications(app), "the index built again")
        await until(pilot, lambda: "Pulled with R" in titles(app), "the pulled article")
        said = f"{git_corpus.reader}: 1 new, 0 changed, 0 removed"
        await until(pilot, lambda: said in notifications(app), "the sync note")
        assert not any("failed" in note for note in notifications(app)), notifications(app)


async def test_a_folder_opened_in_obsidian_while_the_reader_runs_is_read_as_a_vault(
    tmp_path: Path,
) -> None:
    """A folder of the corpus became a vault as the reader ran: `r` read nothing again,
    and its note without front matter stayed out of the list."""
    corpus = tmp_path / "corpus"
    write_document(corpus, "a.md", 'title: "Harbour news"')
    (corpus / "notes").mkdir()
    (corpus / "notes" / "Meeting notes.md").write_text("Talked about #project/gamma.\n")
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert titles(app) == ["Harbour news"]
        (corpus / "notes" / ".obsidian").mkdir()
        await pilot.press("r")
        await until(pilot, lambda: "Meeting notes" in titles(app), "the vault's note")
