"""One row of the article list, painted: its parts, their styles and their widths.

A pure function of the row, its flags and the styles of its kind of row, so the
list can keep painted rows and work out styles once per kind of row.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from library.days import local_date
from library.results import ArticleRow, ResultSet
from library.story_map import NO_DATE, NOTE_SEPARATOR, StoryResults
from tui.cell_width import same_width, whole_flags

DATE_WIDTH = 10
PROVIDER_WIDTH = 18
TAG_WIDTH = 12  # at most, for the kind of an item of another collection ("course")
UNPUBLISHED_MARK = "⊘"  # beside the date of an item the site did not publish


class RowLook(NamedTuple):
    """The styles of the parts of one kind of row (read or not, under the cursor or not,
    published by the site or not)."""

    line: Style
    marker: Style
    star: Style
    date: Style
    provider: Style
    quality: Style
    title: Style
    tag: Style


def row_look(
    part: Callable[[str], Style],
    base: Style,
    unread: bool,
    cursor: bool,
    focused: bool,
    unpublished: bool,
) -> RowLook:
    """The styles of one kind of row, from the list's ``base`` style and its component
    styles by name (``part``); the cursor is paler where the list has no focus."""
    line = base + part("article-list--unread" if unread else "article-list--read")
    if cursor:
        bar = part("article-list--cursor")
        if not focused:
            bar = Style(reverse=False, color=bar.color, bgcolor=bar.bgcolor)
        elif bar.reverse:  # NO_COLOR: the row's own colours turned over, not the bar's
            bar = Style(reverse=True, bold=bar.bold)
        line += bar

        # On the cursor's bar each part is drawn in the bar's own colour, worked out
        # against it, with its part's bold or italic: the parts' colours and dimming are
        # chosen against the list's background, and on the bar the date, the provider and
        # an unpublished title read at a contrast of 1.3:1 in the dark themes.
        def shown(name: str) -> Style:
            own = part(name)
            return line + Style(bold=own.bold, italic=own.italic)

    else:
        ground = Style(bgcolor=line.bgcolor)

        def shown(name: str) -> Style:
            return line + part(name) + ground

    return RowLook(
        line=line,
        marker=shown("article-list--unread") if unread else line,
        star=shown("article-list--star"),
        date=shown("article-list--date"),
        provider=shown("article-list--provider"),
        quality=shown("article-list--quality"),
        title=shown("article-list--unpublished") if unpublished else line,
        tag=shown("article-list--tag"),
    )


def row_tag(row: ArticleRow, home: frozenset[str]) -> str:
    """What marks an item of a collection outside ``home`` (the default stream's): its
    kind (``course``, ``video``), else its collection (``newsletters``); '' for the rest."""
    if row.collection is None or row.collection in home:
        return ""
    return row.kind if row.kind and row.kind != "article" else row.collection


def paint_row(
    row: ArticleRow,
    look: RowLook,
    unread: bool,
    starred: bool,
    tag: str,
    width: int,
    note: str = "",
    providers: bool = True,
) -> Strip:
    """Marker, star, the unpublished mark, date, ``tag``, title, provider (or a story's
    ``note``: sources, unread, dates, in the provider's place and up to half the title's)
    and quality, fitted to ``width`` cells; no provider where no article has one."""
    date = local_date(row.published) if row.published is not None else ""
    quality = "" if row.quality is None else f"{row.quality:>3}"
    show_provider = providers and width >= 60
    provider_width = min(PROVIDER_WIDTH, max(8, width // 5)) if show_provider else 0
    fixed = 4 + DATE_WIDTH + 1 + (provider_width + 1 if show_provider else 0) + 4
    if note:
        show_provider = False
        fixed -= provider_width + 1 if provider_width else 0
        room = max(provider_width, (width - fixed) // 2)
        note = " " + _fitted(note, max(0, room - 1))
        fixed += cell_len(note)
    title_width = max(1, width - fixed)
    tag = same_width(tag)
    tag_width = min(TAG_WIDTH, cell_len(tag), title_width // 3)
    if tag_width:
        tag = cut(tag, tag_width) + " "
        title_width -= tag_width + 1
    else:
        tag = ""
    title = cut(same_width(row.title), title_width)
    segments = [
        Segment("●" if unread else " ", look.marker),
        Segment("★" if starred else " ", look.star),
        Segment(" " if row.is_published else UNPUBLISHED_MARK, look.title),
        Segment(" ", look.line),
        Segment(set_cell_size(date, DATE_WIDTH), look.date),
        Segment(" ", look.line),
        Segment(tag, look.tag),
        Segment(title, look.title),
    ]
    if note:
        segments.append(Segment(note, look.provider))
    if show_provider:
        segments.append(Segment(" ", look.line))
        segments.append(Segment(cut(same_width(row.provider), provider_width), look.provider))
    segments.append(Segment(f" {quality:>3}", look.quality))
    if fixed + title_width + cell_len(tag) != width or len(quality) > 3:  # too narrow: cut
        segments = Segment.adjust_line_length(segments, width, look.line)
    return Strip(segments, width)


def cut(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with an ellipsis that says so
    (a provider cut bare read as another name: ``Becker's Hospit``), after the word, not
    after the space that follows it, nor between the two letters of a flag."""
    if cell_len(text) <= width or width < 2:
        return set_cell_size(text, width)
    return set_cell_size(whole_flags(set_cell_size(text, width - 1).rstrip()) + "…", width)


def _fitted(note: str, room: int) -> str:
    """A story's note in ``room`` cells: as many of its parts as fit whole (``2 sources ·
    1 unread``), not one cut mid-word; the first part cut only when it alone is too long."""
    parts = note.split(NOTE_SEPARATOR)
    while len(parts) > 1 and cell_len(NOTE_SEPARATOR.join(parts)) > room:
        parts.pop()
    kept = NOTE_SEPARATOR.join(parts)
    return set_cell_size(kept, min(room, cell_len(kept)))


class ShownRow(NamedTuple):
    """A row as the list shows it (see ``shown_row``)."""

    row: ArticleRow
    unread: bool
    starred: bool
    note: str


def shown_row(
    results: ResultSet, position: int, read: Set[str], starred: Set[str] = frozenset()
) -> ShownRow:
    """The row at ``position`` as the list shows it, whether it is unread and starred,
    and what a story's row adds to its headline (sources, unread, dates), its story
    looked up once: a story is unread while any of its sources is (it looked read, and
    ``n`` passed it, once its headline was), starred while any is (a source that came
    later and headed it showed no star, though the others had theirs), and dated by its
    latest source, by which the list places it among the rest."""
    row = results.row(position)
    story = results.story_row(position) if isinstance(results, StoryResults) else None
    if story is None or story.size < 2:
        return ShownRow(row, row.identity not in read, row.identity in starred, "")
    if story.latest != NO_DATE:
        row = row._replace(published=story.latest)
    return ShownRow(row, story.unread > 0, story.starred > 0, story.note(local_date))


def is_unread(results: ResultSet, position: int, read: set[str]) -> bool:
    """Whether the row at ``position`` is unread (see ``shown_row``)."""
    return shown_row(results, position, read).unread
