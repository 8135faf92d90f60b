"""What is drawn of a text holds nothing terminals and Rich count in cells differently."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size
from textual.widgets import Static

from tests.conftest import write_document
from tests.tui.pilot import detail_text, indexed, titles, until
from tui.app import LedeApp
from tui.cell_width import same_width
from tui.markdown_parser import markdown_parser
from tui.screens.confirm import ConfirmScreen
from tui.screens.name import NameScreen
from tui.widgets.article_list import ArticleList

HEART = "\u2764\ufe0f"
THUMBS = "\U0001f44d\U0001f3fd"
FAMILY = "\U0001f468\u200d\U0001f469"
LINK = f"https://example.org/{HEART}"


@pytest.mark.parametrize(
    ("text", "drawn"),
    [
        ("\u2764\ufe0f", "\u2764"),  # ❤️: one cell in tmux 3.3, two in Rich
        ("\u2122\ufe0f \u26a0\ufe0f", "\u2122 \u26a0"),
        ("1\ufe0f\u20e3 #\ufe0f\u20e3", "1\u20e3 #\u20e3"),  # keycaps
        ("\u2764\ufe0e", "\u2764"),  # text presentation
        ("\U0001f44d\U0001f3fd \U0001f44b\U0001f3ff", "\U0001f44d \U0001f44b"),  # skin tones
        ("\U0001f3fd", ""),  # a skin tone alone: two cells in tmux, none in Rich
        ("\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f468\U0001f469\U0001f467"),
        ("\U0001f3f3\ufe0f\u200d\U0001f308", "\U0001f3f3\U0001f308"),  # 🏳️‍🌈
        ("\u0915\u094d\u200d\u0937", "\u0915\u094d\u0937"),  # one cell in tmux, two in xterm
        ("\U0001f1ef\U0001f1f5 \U0001f1ef", "\U0001f1ef\U0001f1f5 \U0001f1ef"),  # flags stay
        ("\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",) * 2,
        ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",) * 2,  # Persian's non-joiner
        ("e\u0301 \u65e5\u672c \uff21",) * 2,  # marks, wide letters
        ("Z" + "\u0301\u0316\u0342" * 30 + "algo", "Z\u0301\u0316\u0342algo"),  # a tower
        ("a\u20dd\u20dd\u20dd\u20dd\u0489\u0489", "a\u20dd\u20dd\u20dd"),  # enclosing marks
        ("Vi\u1ec7t a\u0323\u0302\u0301",) * 2,  # three marks on a letter stay
        ("\u0e01\u0e34\u0e49\u0e4c\u0e4d",) * 2,  # Thai's, a script's own, stay
        ("a\u0378 b\ufffe c\U0003fffd", "a\ufffd b\ufffd c\ufffd"),  # none in tmux
        ("\u3164 \uffa0|", "   |"),  # Hangul fillers: none in Rich, two and one in tmux
        ("soft\u00adhyphen \ue000",) * 2,  # a format character and a private one stay
    ],
)
def test_what_is_drawn(text: str, drawn: str) -> None:
    assert same_width(text) == drawn


def test_ascii_is_given_back_as_it_is() -> None:
    title = "A plain title"
    assert same_width(title) is title


# Emoji and their parts, flags' letters, a tag, marks, wide and narrow letters.
_PARTS = (
    "\u2764\u2600\u2122\u26a0\u231a#1\U0001f44d\U0001f468\U0001f469\U0001f3f3\U0001f308"
    "\U0001f3f4\U0001f1ef\U0001f1f5\U000e0067\U000e007f\ufe0e\ufe0f\u20e3\u200d\u200c"
    "\U0001f3fb\U0001f3ff\u0301\u0915\u094d\u0937\u65e5a "
)


@given(st.text(alphabet=_PARTS, max_size=12))
def test_rich_counts_what_is_drawn_character_by_character(text: str) -> None:
    """As a terminal that knows no sequences does (xterm, VTE, older tmux): each
    character in its own cells, whatever comes before or after it."""
    drawn = same_width(text)
    assert cell_len(drawn) == sum(map(get_character_cell_size, drawn))


async def test_the_detail_draws_the_rule_and_the_index_keeps_the_text(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_document(
        corpus,
        "a.md",
        f'title: "Go {HEART} team"\nexcerpt: "Well {THUMBS} done"\n'
        f'provider:\n  name: "Wire {HEART}"\ntopics: ["Fans {THUMBS}"]\n'
        "publishedDateTime: 2024-05-01T08:00:00Z\n",
        f"Body {FAMILY} [here]({LINK}).\n\n```\ncode {HEART}\n```\n",
    )
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: "code" in detail_text(app))  # the body, as drawn
        drawn = detail_text(app)
        assert "Go \u2764 team" in drawn and "Well \U0001f44d done" in drawn
        assert "Body \U0001f468\U0001f469 here." in drawn and "code \u2764" in drawn
        assert not set(drawn) & set("\ufe0f\U0001f3fd\u200d")  # the selector, tone, joiner
        assert titles(app) == [f"Go {HEART} team"]  # as the index holds it


def test_a_link_in_the_body_opens_the_address_as_written() -> None:
    tokens = markdown_parser().parse(f"[Go {HEART}]({LINK})")[1].children or []
    assert [token.content for token in tokens if token.type == "text"] == ["Go \u2764"]
    assert tokens[0].attrs["href"] == "https://example.org/%E2%9D%A4%EF%B8%8F"


@pytest.mark.parametrize("screen", [ConfirmScreen, NameScreen])
async def test_a_dialog_draws_a_name_by_the_rule(screen: type, tmp_path: Path) -> None:
    write_document(tmp_path / "corpus", "a.md", 'title: "A"\n')
    app = LedeApp([str(tmp_path / "corpus")])
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(screen(f"Delete the saved search “{HEART}”?"))
        await pilot.pause()
        question = str(app.screen.query(Static).first().render())
        assert question == "Delete the saved search “\u2764”?"


async def test_an_empty_list_names_its_folder_by_the_rule(tmp_path: Path) -> None:
    folder = tmp_path / f"Notes {HEART}"
    folder.mkdir()
    app = LedeApp([str(folder)])
    async with app.run_test(size=(200, 30)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        said = "".join(articles.render_line(y).text for y in range(3))
        assert "Notes \u2764" in said and "\ufe0f" not in said


FLAGS = "".join(
    chr(0x1F1E6 + ord(a) - 65) + chr(0x1F1E6 + ord(b) - 65)
    for a, b in ("JP", "FR", "DE", "IT", "UA", "BR", "KE", "IN", "NZ", "CA") * 6
)
LETTERS_CUT = re.compile("([\U0001f1e6-\U0001f1ff]+)…")


@pytest.mark.parametrize("width", [150, 151])
async def test_a_cut_never_parts_the_two_letters_of_a_flag(tmp_path: Path, width: int) -> None:
    """A flag is two regional indicators, each a cell wide: a title or a topic cut to fit
    kept the first of one, drawn as a boxed letter before the ellipsis (“🇯…”)."""
    corpus = tmp_path / "corpus"
    write_document(
        corpus,
        "a.md",
        f'title: "{FLAGS}"\nprovider:\n  name: "{FLAGS}"\ntopics: ["{FLAGS}"]\n'
        "publishedDateTime: 2024-05-01T08:00:00Z\n",
    )
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(width, 30)) as pilot:
        await indexed(pilot)
        shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        runs = LETTERS_CUT.findall(shown)
        assert len(runs) >= 2  # the title and the topic, each cut
        assert all(len(run) % 2 == 0 for run in runs), [len(run) for run in runs]
