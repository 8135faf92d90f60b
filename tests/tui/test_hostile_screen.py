"""The reader on a corpus of the worst text documents carry: going through every
article, its detail, a search and the topic tree, what the screen shows holds no control
character and no markup was read as markup, and every line is as wide as the screen."""

from __future__ import annotations

import re
from pathlib import Path

from textual.strip import Strip

from tests.tui.pilot import indexed, notifications, settled, titles
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList
from tui.widgets.topic_tree import TopicTree

CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
TOWER = re.compile("[\u0300-\u036f\u0489\u20d0-\u20ff]{4}")  # drawn over the rows around
SIZE = (160, 45)

# (file name, front matter as YAML, body). Double-quoted YAML puts the real characters in.
DOCUMENTS = [
    (
        "markup.md",
        r"""title: "[bold]x[/bold] [link=https://evil.test]click[/link] [@click=app.quit]q[/]"
provider: {name: "[$accent]Accent[/] [b]Corp", domain: evil.test}
topics: ["[red]Red[/red]", "[/]"]
excerpt: "[reverse]excerpt[/reverse] $variable [on red]x"
""",
        "# [bold]Heading[/bold]\n\n[i]not italic[/i] and [link=https://evil.test]x[/link]\n",
    ),
    (
        "escapes.md",
        r"""title: "CSI\e[2J\e[31m OSC8\e]8;;https://evil.test\e\\link\e]8;;\e\\ clip\
  \e]52;c;aGFja2Vk\a end"
provider: {name: "DCS\ePq#0\e\\ C1\x9b31m\x85\x9d0;t\x9c", domain: "x.test"}
topics: ["Bell\a Topic", "Esc\e[1m Topic"]
excerpt: "APC\e_x\e\\ and \x1b[5m blink"
""",
        "Body \x1b]52;c;aGFja2Vk\x07 with \x1b[2J escapes \x9b31m and \x07 bells.\n\n"
        "```\n\x1b[31mcode\x1b[0m\n```\n",
    ),
    (
        "bidi.md",
        r"""title: "Invoice \u202eFDP.exe\u202c and \u2066isolate\u2069 zero\u200bwidth\u200d"
provider: {name: "\u202eReversed\u202c Press", domain: bidi.test}
topics: ["\u202eTopic"]
""",
        "Text \u202ereversed\u202c here.\n",
    ),
    (
        "zalgo.md",
        'title: "Z' + "\u0301\u0316\u0342" * 30 + 'algo tower"\n'
        'provider: {name: "M' + "\u0489" * 20 + 'arks", domain: zalgo.test}\n',
        "Z" + "\u0300" * 200 + " body\n",
    ),
    (
        "wide.md",
        """title: "家族 👨\u200d👩\u200d👧\u200d👦 全角タイトル 🏳️\u200d🌈 \
  中文标题很长很长很长很长很长很长很长"
provider: {name: "新华社 📰 ｗｉｄｅ", domain: wide.test}
topics: ["人工智能 🤖", "👩\u200d💻 Developers"]
""",
        "正文 👨\u200d👩\u200d👧 ｗｉｄｅ text.\n",
    ),
    (
        "controls.md",
        r"""title: "C0\x01\x02\x03\x08\x0b\x0c\x0e\x1f DEL\x7f NUL\0 end"
provider: {name: "Tab\tName", domain: c0.test}
""",
        "Start \x01 and \x7f in the body.\n",  # a NUL byte would make it a binary file
    ),
    (
        "-[b]\x1b[31mname\x1b]0;t\x07\u202e.md",
        'title: "Named hostile"\n',
        "",
    ),
    ("\x1b]0;t\x07[b]broken\u202e\x9b\n.md", 'title: ["[bold]never closed\n', ""),
]


def write_corpus(root: Path) -> None:
    root.mkdir()
    for name, front, body in DOCUMENTS:
        (root / name).write_text(
            f"---\n{front}publishedDateTime: 2021-01-01T00:00:00Z\n---\n{body}",
            encoding="utf-8",
            errors="surrogateescape",
        )
    (root / "loop").symlink_to(".", target_is_directory=True)


def screen_lines(app: LedeApp) -> list[Strip]:
    return list(app.screen._compositor.render_strips())


def check_screen(app: LedeApp, where: str) -> str:
    """The screen's text; fails if a control character is drawn, a line is not the
    screen's width, or some text became a link or an action."""
    strips = screen_lines(app)
    for number, strip in enumerate(strips):
        assert strip.cell_length == SIZE[0], (where, number, strip.text)
        for segment in strip:
            assert not CONTROLS.search(segment.text), (where, number, segment.text)
            assert not TOWER.search(segment.text), (where, number, segment.text)
            style = segment.style
            action = str(style.meta.get("@click", "")) if style is not None else ""
            assert "quit" not in action, (where, number, segment.text)
            # The markup's words never became a link; an address shown as one may be.
            if action or (style is not None and style.link):
                assert segment.text.strip() not in ("click", "x"), (where, number, action)
    return "\n".join(strip.text for strip in strips)


async def test_every_article_detail_search_and_topic_is_drawn_as_text(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write_corpus(root)
    app = LedeApp([str(root)])
    async with app.run_test(size=SIZE) as pilot:
        await indexed(pilot)
        shown = titles(app)
        assert len(shown) == len(DOCUMENTS) - 1  # all but the broken one
        seen = check_screen(app, "start")
        [said] = notifications(app)  # the broken file, named
        assert said.startswith(f"{root}/\\x1b]0;t\\x07[b]broken\\u202e\\x9b\\n.md:4: error:")
        await pilot.press("enter")  # the first article's detail, then each next one's
        for number in range(len(shown)):
            if number:
                await pilot.press("J")
            await settled(pilot)
            seen += check_screen(app, f"article {number}")
        assert app.screen.query_one(ArticleList).current.title == shown[-1]
        await pilot.press("escape")
        for literal in ("[bold]x[/bold]", "[@click=app.quit]q[/]", "[$accent]Accent[/]"):
            assert literal in seen, literal
        assert "[i]not italic[/i]" in seen
        await pilot.press("slash", *"[bold]", "enter")
        await settled(pilot)
        assert app.is_running
        assert shown[0] in titles(app)
        check_screen(app, "search")
        await pilot.press("escape")
        await settled(pilot)
        tree = app.screen.query_one(TopicTree)
        tree.focus()
        await settled(pilot)
        for number in range(tree.last_line + 1):
            await pilot.press("j")
            await settled(pilot)
            check_screen(app, f"tree line {number}")
        assert app.is_running  # no [@click=app.quit] anywhere ran
