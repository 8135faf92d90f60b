"""``o`` opens the article's page in a browser, or copies it and gives the true reason."""

from __future__ import annotations

import sys
import webbrowser
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Markdown

from tests.conftest import write_document
from tests.tui.pilot import indexed, until
from tui.app import LedeApp

URL = "https://example.test/tensorflow-3"  # the newest article of the reader corpus


@pytest.fixture
def local_desktop(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A local session with a display; the URLs a browser was asked to open."""
    for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    opened: list[str] = []

    def open_browser(url: str, *args, **kwargs) -> bool:  # noqa: ANN002, ANN003
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", open_browser)
    return opened


async def press_o(reader_corpus: Path) -> tuple[list[str], str | None]:
    """Press ``o`` on the first article: the notifications shown, and the clipboard."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("o")
        await until(pilot, lambda: list(app._notifications))
        return [n.message for n in app._notifications], app.clipboard or None


async def test_over_ssh_it_copies_and_says_so(
    reader_corpus: Path, local_desktop: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 50000 10.0.0.2 22")
    messages, clipboard = await press_o(reader_corpus)
    assert messages == [f"Remote session (SSH): copied {URL} instead"]
    assert clipboard == URL and local_desktop == []


async def test_a_long_address_is_cut_in_the_message_not_in_the_clipboard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A toast of an address of thousands of characters filled much of the screen."""
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 50000 10.0.0.2 22")
    long_url = "https://example.test/" + "a" * 5_000
    write_document(tmp_path / "news", "a.md", f"title: Long\noriginalUrl: {long_url}")
    messages, clipboard = await press_o(tmp_path / "news")
    assert clipboard == long_url
    assert len(messages[0]) < 400 and "4,821 more characters" in messages[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is Linux's notion")
async def test_without_a_display_it_says_that_not_ssh(
    reader_corpus: Path, local_desktop: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY")
    messages, clipboard = await press_o(reader_corpus)
    assert messages == [f"No display ($DISPLAY unset): copied {URL} instead"]
    assert clipboard == URL and local_desktop == []


async def test_a_browser_that_fails_to_start_is_said(
    reader_corpus: Path, local_desktop: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: False)
    messages, clipboard = await press_o(reader_corpus)
    assert messages == [f"No browser could be started: copied {URL} instead"]
    assert clipboard == URL


async def test_with_a_display_the_browser_opens(
    reader_corpus: Path, local_desktop: list[str]
) -> None:
    messages, clipboard = await press_o(reader_corpus)
    assert messages == [f"Opening {URL}"]
    assert local_desktop == [URL] and clipboard is None


async def test_served_to_a_browser_the_page_opens_it_even_from_ssh(
    reader_corpus: Path, local_desktop: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under textual-serve the URL goes to the browser showing the reader, wherever it runs."""
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 50000 10.0.0.2 22")
    monkeypatch.setattr(LedeApp, "is_web", property(lambda app: True))
    sent: list[str] = []
    monkeypatch.setattr(LedeApp, "open_url", lambda app, url, **options: sent.append(url))
    messages, clipboard = await press_o(reader_corpus)
    assert messages == [f"Opening {URL}"]
    assert sent == [URL] and clipboard is None and local_desktop == []


async def test_a_link_clicked_in_an_article_goes_where_o_sends_one(
    reader_corpus: Path, local_desktop: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A click ran Textual's own opener on the UI thread: over SSH a console browser took
    the terminal and froze the reader until it ended."""
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 50000 10.0.0.2 22")
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("enter")
        body = await until_shown(pilot)
        body.post_message(Markdown.LinkClicked(body, "https://example.test/linked"))
        await until(pilot, lambda: list(app._notifications))
        messages = [n.message for n in app._notifications]
        assert messages == ["Remote session (SSH): copied https://example.test/linked instead"]
        assert app.clipboard == "https://example.test/linked" and local_desktop == []


async def until_shown(pilot: Pilot) -> Markdown:
    """The detail pane's Markdown body, once an article is in it."""
    await until(pilot, lambda: bool(pilot.app.screen.query(Markdown)), "the article's body")
    return pilot.app.screen.query_one(Markdown)
