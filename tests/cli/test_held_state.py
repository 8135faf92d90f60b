"""A reading state another program holds for good (SQLite's exclusive locking mode, which
keeps readers out too): ``lede list`` ended in "unexpected error: OperationalError:
database is locked", and the reader in a traceback. Both now go on, saying it is locked,
with the marks it holds read as they are."""

from __future__ import annotations

import json
from pathlib import Path

from library.corpus import open_state, state_file
from models.identity import normalise_url
from tests.conftest import LedeRunner
from tests.library.test_state import held_by_another_program
from tests.tui.pilot import indexed, notifications, until
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList

MARKED = "https://www.theverge.com/gemini"  # an article of query_corpus


def marked_state() -> Path:
    """The reading state, with one article marked read."""
    state = open_state()
    state.set("read", [normalise_url(MARKED)], True)
    state.close()
    return state_file()


def test_lede_list_reads_a_state_held_for_good_as_it_is(
    query_corpus: Path, run_lede: LedeRunner
) -> None:
    state = marked_state()
    with held_by_another_program(state, for_good=True):
        listed = run_lede("list", query_corpus, "-q", "is:read", "--json")
    assert listed.returncode == 0
    assert listed.stderr == (
        "lede: warning: the reading state cannot be written, so it is read as it is "
        f"(locked by another program: {state})\n"
    )
    assert [json.loads(line)["original_url"] for line in listed.stdout.splitlines()] == [MARKED]


async def test_the_reader_opens_beside_a_state_held_for_good(query_corpus: Path) -> None:
    state = marked_state()
    with held_by_another_program(state, for_good=True):
        app = LedeApp([str(query_corpus)])
        async with app.run_test(size=(160, 45)) as pilot:
            await indexed(pilot)
            said = f"The reading state cannot be written (locked by another program: {state})"
            await until(pilot, lambda: any(n.startswith(said) for n in notifications(app)))
            articles = app.screen.query_one(ArticleList)
            assert normalise_url(MARKED) in articles.read  # read as it was
            first = articles.current
            was_read = first.identity in articles.read
            await pilot.press("m")  # taken by the stand-in
            await until(pilot, lambda: (first.identity in articles.read) != was_read)
