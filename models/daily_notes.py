"""An Obsidian vault's daily notes, which Obsidian dates by their file's names alone.

Its Daily notes plugin names each note by its day in the format its settings give
(``.obsidian/daily-notes.json``: ``format``, moment.js's ``YYYY-MM-DD`` where it names
none), in the folder they name (``folder``, else anywhere in the vault), and finds a day's
note by that name, as a format with folders (``YYYY/MM/YYYY-MM-DD``) ends in it. Undated,
kepano's vault listed its daily notes below every other note.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from datetime import date
from functools import lru_cache

from models.file_folder import folder_of
from models.regular_file import settings_text
from models.vault import vault_root

_SETTINGS = os.path.join(".obsidian", "daily-notes.json")
_DEFAULT_FORMAT = "YYYY-MM-DD"
_MONTHS = "January February March April May June July August September October November December"
# moment.js's tokens of a day's name, longest first; ``[text]`` is text as written.
_TOKENS = re.compile(r"\[[^\]]*\]|YYYY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|[A-Za-z]+|[^A-Za-z\[]+")
_PATTERNS = {
    "YYYY": r"(?P<year>\d{4})",
    "MMMM": "(?P<month_name>" + "|".join(_MONTHS.split()) + ")",
    "MMM": "(?P<month_name>" + "|".join(name[:3] for name in _MONTHS.split()) + ")",
    "MM": r"(?P<month>\d{2})",
    "M": r"(?P<month>\d{1,2})",
    "Do": r"(?P<day>\d{1,2})(?:st|nd|rd|th)",
    "DD": r"(?P<day>\d{2})",
    "D": r"(?P<day>\d{1,2})",
    "dddd": r"[A-Z][a-z]+",  # a weekday's name, which the day says already
    "ddd": r"[A-Z][a-z]{2}",
}


def daily_note_day(path: str) -> date | None:
    """The day of the vault's daily note at ``path``; ``None`` for any other note, and for
    a file in no vault."""
    vault = vault_root(folder_of(path))
    if vault is None:
        return None
    pattern, folder = _settings(vault)
    inside = os.path.relpath(path, os.path.join(vault, folder))
    if pattern is None or inside.startswith(os.pardir):
        return None
    found = pattern.fullmatch(os.path.splitext(os.path.basename(path))[0])
    if found is None:
        return None
    named = found.groupdict().get("month_name")
    month = [name[: len(named)] for name in _MONTHS.split()].index(named) + 1 if named else 0
    try:
        return date(int(found["year"]), month or int(found["month"]), int(found["day"]))
    except ValueError:  # a name of no day (``2023-02-30``)
        return None


@lru_cache(maxsize=64)
def _settings(vault: str) -> tuple[re.Pattern[str] | None, str]:
    """How the vault at ``vault`` names its daily notes (a pattern with a year, a month and
    a day; ``None`` where its format has fields no name is read by) and the folder they
    are in, from it."""
    text, written = settings_text(os.path.join(vault, _SETTINGS)), None
    with contextlib.suppress(ValueError, RecursionError):  # none that reads: Obsidian's own
        written = json.loads(text) if text is not None else None
    settings = written if isinstance(written, dict) else {}
    form, folder = settings.get("format"), settings.get("folder")
    form = form.strip() if isinstance(form, str) and form.strip() else _DEFAULT_FORMAT
    folder = os.path.normpath(folder.strip("/")) if isinstance(folder, str) else os.curdir
    return _pattern(form.rsplit("/", 1)[-1]), folder


def _pattern(form: str) -> re.Pattern[str] | None:
    """The names the moment.js format ``form`` gives a day."""
    parts = []
    for token in _TOKENS.findall(form):
        if token.startswith("["):
            parts.append(re.escape(token[1:-1]))
        elif token[0].isalpha() and token not in _PATTERNS:
            return None  # a week's number, a quarter...: no day of its own
        else:
            parts.append(_PATTERNS.get(token, re.escape(token)))
    try:
        pattern = re.compile("".join(parts))
    except re.error:  # a field twice
        return None
    fields = set(pattern.groupindex)
    has_month = "month" in fields or "month_name" in fields
    return pattern if {"year", "day"} <= fields and has_month else None
