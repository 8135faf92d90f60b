"""Splitting a document into front matter and body, and reading JSON and TOML front matter.

Real documents contain ``---`` inside values (URLs), so only a line that is
exactly ``---`` (trailing blanks allowed) closes the front matter. YAML is loaded
by ``models.bounded_yaml``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

MAX_FRONT_MATTER_CHARS = 1_000_000
MAX_YAML_DEPTH = 200


class DocumentError(Exception):
    """A problem that makes a document unreadable; ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class SplitDocument:
    """The two parts of a document and where they start in the file, and the front
    matter's ``language``: ``yaml``, ``toml`` (between ``+++`` lines, Hugo's), as its
    opening line names it (``---json``, ``---js``: Eleventy's), ``unfenced_json`` (Hugo's
    and Hexo's, with no opening line: see ``models.json_front_matter``), ``metadata``
    (Pelican's lines: see ``models.pelican``), ``nikola`` (Nikola's ``.. key:`` lines),
    ``logseq`` (its page's properties: see ``models.logseq``) or ``docinfo`` (a
    reStructuredText post's title and fields: see ``models.docinfo``). ``warning``: a
    message and its line where the split itself was a guess. ``values``: the front
    matter's keys where telling a post from a page read them already (AsciiDoc's header,
    Org's keyword lines), and ``attributes`` what the body's ``{name}`` refers to: read once."""

    front_matter: str
    body: str
    body_line: int
    language: str = "yaml"
    warning: tuple[str, int] | None = None
    values: dict[str, Any] | None = field(default=None, compare=False)
    attributes: Mapping[str, str] | None = field(default=None, compare=False)


def _closing_delimiter(
    text: str, start: int, line: str, stop: int | None = None
) -> tuple[int, int] | None:
    """Where the first ``line`` (``---``) at or after ``start`` (and before ``stop``)
    begins and ends (before its newline); a longer line of dashes closes as Hugo takes it.
    Found with ``str.find``: a multi-line expression tries every position of the text,
    which was 3% of the time to index a file."""
    position = start - 1  # the newline that ends the line before ``start``
    while (found := text.find("\n" + line, position, stop)) >= 0:
        end = text.find("\n", found + 4)
        end = len(text) if end < 0 else end
        rest = text[found + 4 : end].removesuffix("\r").strip(" \t")
        if not rest or (line == "---" and not rest.strip("-")):
            return found + 1, end
        position = end
    return None


# The opening lines and the languages they open (gray-matter's, which Eleventy uses).
_LANGUAGES = {
    "---": "yaml",
    "+++": "toml",
    "---yaml": "yaml",
    "---toml": "toml",
    "---json": "json",
    "---js": "js",
    "---javascript": "js",
}


def split_front_matter(text: str) -> SplitDocument | None:
    """Split ``text`` at its delimiter lines (``---``, or ``+++`` around TOML); ``None``
    when it has no front matter.

    A BOM, CRLF or lone CR endings and blank lines before the opening line (as Zola reads
    them) are accepted. Raises ``DocumentError`` when the opening line is never closed (YAML's
    and TOML's are read up to where their keys end, if a body follows them).
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text and "\n" not in text:  # old Mac line ends: a lone CR each
        text = text.replace("\r", "\n")
    blank_lines = 0
    if text[:1].isspace():
        opening = text.lstrip(" \t\r\n")
        blank_lines = text.count("\n", 0, len(text) - len(opening))
        text = opening
    first_end = text.find("\n")
    first_line = text if first_end < 0 else text[:first_end]
    opening = first_line.rstrip(" \t\r")
    language = _LANGUAGES.get(opening.lower())
    if language is None:
        return None
    delimiter = "+++" if opening == "+++" else "---"
    start = first_end + 1 if first_end >= 0 else len(text)
    closing = _closing_delimiter(text, start, delimiter)
    if opening == "---":  # YAML's end of a document closes it too (Jekyll takes it)
        closing = _closing_delimiter(text, start, "...", closing and closing[0]) or closing
    if closing is None:
        from models.unclosed_front_matter import split_unclosed  # a rare mistake's path

        return split_unclosed(text, start, blank_lines, language)
    front = "\n" * blank_lines + text[start : closing[0]]  # its lines where the file has them
    body_start = closing[1] + 1
    body = text[body_start:] if body_start <= len(text) else ""
    if "\r" in front:
        front = front.replace("\r\n", "\n")
    if "\r" in body:
        body = body.replace("\r\n", "\n")
    return SplitDocument(front, body, front.count("\n") + 3, language)


def _int_or_text(text: str) -> int | str:
    """A JSON integer, or its text when it has more digits than Python turns into a
    number (a ValueError that lost the document): as YAML's out of range stay text."""
    try:
        return int(text)
    except ValueError:
        return text


def load_json(text: str) -> Any:
    """JSON front matter (``---json``), its mistakes reported on their lines (from 2)."""
    if len(text) > MAX_FRONT_MATTER_CHARS:
        raise DocumentError(f"JSON is larger than {MAX_FRONT_MATTER_CHARS} characters")
    try:
        return json.loads(text, parse_int=_int_or_text)
    except json.JSONDecodeError as error:
        raise DocumentError(f"invalid JSON: {error.msg}", error.lineno + 1) from None
    except RecursionError:
        raise DocumentError("JSON is nested too deep") from None


_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def load_toml(text: str) -> dict[str, Any]:
    """Parse TOML front matter (it starts on the file's line 2). Errors become
    ``DocumentError`` with a file line."""
    import tomllib

    if len(text) > MAX_FRONT_MATTER_CHARS:
        raise DocumentError(f"front matter is larger than {MAX_FRONT_MATTER_CHARS:,} characters", 2)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        message = _TOML_LINE.sub("", str(error)).strip()
        if message.endswith("(at end of document)"):  # where it ends, not where it starts
            message = message.removesuffix("(at end of document)").strip()
            raise DocumentError(
                f"invalid TOML at the end of the front matter: {message} (a bracket or "
                "quote left open?)",
                2 + text.count("\n"),
            ) from None
        raise DocumentError(f"invalid TOML: {message}", int(found[1]) + 1 if found else 2) from None
    except RecursionError:
        raise DocumentError(
            f"front matter is nested deeper than {MAX_YAML_DEPTH} levels", 2
        ) from None
    except ValueError as error:  # an integer of more digits than Python reads (no line)
        raise DocumentError(f"invalid TOML: {str(error).partition(';')[0]}", 2) from None


_TOP_LEVEL_KEY = re.compile(r"\n(?=[^ \t\n#-])")


def blank_blocks(front_matter: str, keys: tuple[str, ...]) -> str:
    """Replace the top-level ``keys`` blocks with empty lines, keeping line numbers.

    The index needs only a document's summary; skipping the large ``related``
    and ``images`` blocks halves the YAML work on a cold start.
    """
    for key in keys:
        start = front_matter.find(f"\n{key}:")
        if start < 0 and front_matter.startswith(f"{key}:"):
            start = -1
        elif start < 0:
            continue
        end_match = _TOP_LEVEL_KEY.search(front_matter, start + 2)
        end = end_match.start() if end_match else len(front_matter)
        block = front_matter[start + 1 : end]
        front_matter = front_matter[: start + 1] + "\n" * block.count("\n") + front_matter[end:]
    return front_matter
