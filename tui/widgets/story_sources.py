"""The sources of the story an article belongs to, each one key away (``1``-``9``)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from library.days import local_date
from library.results import ArticleRow
from tui.cell_width import same_width

KEYS = "123456789"
SOURCE_NAMES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")  # ids


class StorySources(Static):
    """Numbered sources: provider, date and title; hidden for an article alone."""

    DEFAULT_CSS = """
    StorySources {
        margin: 1 0 0 0;
        display: none;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.sources: list[ArticleRow] = []

    def show_sources(self, sources: list[ArticleRow], shown: int | None) -> None:
        """List ``sources`` (none, or one, hides the list); ``shown`` is the article open."""
        self.sources = sources if len(sources) > 1 else []
        self.display = bool(self.sources)
        parts: list[Content | str | tuple[str, str]] = [
            (f"Story · {len(self.sources)} sources", "bold"),
            ("  (a number opens one)", "dim"),
        ]
        for number, row in enumerate(self.sources):
            key = KEYS[number] if number < len(KEYS) else " "
            date = local_date(row.published) if row.published is not None else "----------"
            mark = "▸" if row.id == shown else " "
            parts += [
                "\n",
                (f"{mark}{key} ", "$accent"),
                (same_width(row.provider) or "(no provider)", "$accent"),
                (f"  {date}  ", "dim"),
                same_width(row.title),
            ]
        self.update(Content.assemble(*parts))

    def source(self, number: int) -> ArticleRow | None:
        """The source number ``number`` (from 1), if there is one."""
        return self.sources[number - 1] if 0 < number <= min(len(self.sources), 9) else None
