"""The sources of the story an article belongs to, each one key away (``1``-``9``)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from library.days import local_date
from library.results import ArticleRow
from tui.cell_width import same_width

KEYS = "123456789"
LISTED = 20  # sources listed; the story's row lists them all
SOURCE_NAMES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")  # ids


class StorySources(Static):
    """Numbered sources: provider, date and title; hidden for an article alone. A source
    is one row, its title cut to the width as the list's rows are: wrapped, a title's
    end went on under the numbers, where it read as another source."""

    DEFAULT_CSS = """
    StorySources {
        margin: 1 0 0 0;
        display: none;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.sources: list[ArticleRow] = []

    def show_sources(self, sources: list[ArticleRow], shown: int | None) -> None:
        """List ``sources`` (none, or one, hides the list); ``shown`` is the article open.

        At most ``LISTED`` are listed, and the open one if it is not among them: a story
        of 5,000 copies was 5,000 lines laid out and drawn again on every key, 4.5 s a
        key; its row opens to all of them (``enter``)."""
        self.sources = sources if len(sources) > 1 else []
        self.display = bool(self.sources)
        parts: list[Content | str | tuple[str, str]] = [
            (f"Story · {len(self.sources)} sources", "bold"),
            ("  (a number opens one)", "dim"),
        ]
        for number, row in enumerate(self.sources[:LISTED]):
            parts += self._line(number, row, shown)
        more = len(self.sources) - LISTED
        if more > 0:
            parts += ["\n", (f"   … {more:,} more: enter on the story's row lists them all", "dim")]
            number = next((n for n, row in enumerate(self.sources) if row.id == shown), 0)
            if number >= LISTED:
                parts += self._line(number, self.sources[number], shown)
        self.update(Content.assemble(*parts))

    @staticmethod
    def _line(
        number: int, row: ArticleRow, shown: int | None
    ) -> list[Content | str | tuple[str, str]]:
        key = KEYS[number] if number < len(KEYS) else " "
        date = local_date(row.published) if row.published is not None else "----------"
        mark = "▸" if row.id == shown else " "
        return [
            "\n",
            (f"{mark}{key} ", "$text-accent"),
            (same_width(row.provider) or "(no provider)", "$text-accent"),
            (f"  {date}  ", "dim"),
            same_width(row.title),
        ]

    def source(self, number: int) -> ArticleRow | None:
        """The source number ``number`` (from 1), if there is one."""
        return self.sources[number - 1] if 0 < number <= min(len(self.sources), 9) else None
