"""A Logseq journal's day and title, which Logseq takes from its file's name alone.

A journal (``journals/2024_01_15.md``) is named by its day in the format the graph's
``logseq/config.edn`` gives (``:journal/file-name-format``, ``yyyy_MM_dd`` unless it says
otherwise), and titled by that day in another (``:journal/page-title-format``, ``MMM do,
yyyy``: "Jan 15th, 2024"). Undated, journals were listed below every other page, and
untitled, by their file names.
"""

from __future__ import annotations

import os
import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from models.regular_file import settings_text


class Journal(NamedTuple):
    day: date
    title: str


def journal(path: str) -> Journal | None:
    """The day and title of the journal at ``path``; ``None`` for any other page."""
    if "journals" not in path and os.path.isabs(path):  # most pages: no folder looked at
        return None
    folder, name = os.path.split(os.path.abspath(path))
    graph, journals = os.path.split(folder)
    if journals != "journals" or (settings := _settings(graph)) is None:
        return None
    pattern, title = settings
    found = pattern.fullmatch(os.path.splitext(name)[0]) if pattern else None
    if found is None:
        return None
    try:
        day = date(int(found["year"]), int(found["month"]), int(found["day"]))
    except ValueError:
        return None
    return Journal(day, "".join(_written(part, day) for part in _FIELDS.findall(title)))


# The graph's settings (Logseq's configuration is EDN; ``;`` starts a comment).
_SETTING = r'^[^;\n]*:journal/{}\s+"(?P<format>[^"\n]*)"'
_NAME_FORMAT = re.compile(_SETTING.format("file-name-format"), re.M)
_TITLE_FORMAT = re.compile(_SETTING.format("page-title-format"), re.M)
_FIELDS = re.compile(r"yyyy|MMMM|MMM|MM|M|do|dd|d|EEEE|EEE|E|[A-Za-z]+|[^A-Za-z]+")
_NAME_PATTERNS = {
    "yyyy": r"(?P<year>\d{4})",
    "MM": r"(?P<month>\d{2})",
    "M": r"(?P<month>\d{1,2})",
    "dd": r"(?P<day>\d{2})",
    "d": r"(?P<day>\d{1,2})",
}
_MONTHS = "January February March April May June July August September October November December"
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
_TITLE_FIELDS = ("yyyy", "MMMM", "MMM", "MM", "M", "do", "dd", "d", "EEEE", "EEE", "E")
_DEFAULT_TITLE = "MMM do, yyyy"


@lru_cache(maxsize=64)
def _settings(graph: str) -> tuple[re.Pattern[str] | None, str] | None:
    """How the graph at ``graph`` names its journals (a pattern with a year, a month and
    a day, ``None`` where it names them otherwise: by a month's name, which no file sorts
    by) and titles them; ``None`` where ``graph`` is no graph."""
    text = settings_text(os.path.join(graph, "logseq", "config.edn"))
    if text is None:
        return None
    found = _TITLE_FORMAT.search(text)
    title = found["format"] if found else _DEFAULT_TITLE
    if any(part[0].isalpha() and part not in _TITLE_FIELDS for part in _FIELDS.findall(title)):
        title = _DEFAULT_TITLE  # a format of fields Logseq has none of
    found = _NAME_FORMAT.search(text)
    parts = _FIELDS.findall(found["format"] if found else "yyyy_MM_dd")
    if any(part[0].isalpha() and part not in _NAME_PATTERNS for part in parts):
        return None, title
    try:
        pattern = re.compile("".join(_NAME_PATTERNS.get(part, re.escape(part)) for part in parts))
    except re.error:  # a field twice
        return None, title
    return (pattern if {"year", "month", "day"} <= set(pattern.groupindex) else None), title


def _written(field: str, day: date) -> str:
    """One field of a title's format, for ``day`` (in English, as Logseq writes it)."""
    month, weekday = _MONTHS.split()[day.month - 1], _WEEKDAYS.split()[day.weekday()]
    written = {
        "yyyy": f"{day.year:04}",
        "MMMM": month,
        "MMM": month[:3],
        "MM": f"{day.month:02}",
        "M": str(day.month),
        "do": _ordinal(day.day),
        "dd": f"{day.day:02}",
        "d": str(day.day),
        "EEEE": weekday,
        "EEE": weekday[:3],
        "E": weekday[:3],
    }
    return written.get(field, field)


def _ordinal(number: int) -> str:
    """``1st``, ``2nd``, ``11th``, ``23rd``."""
    suffix = "th" if 10 <= number % 100 < 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
