"""Splitting a document into YAML front matter and body, and loading that YAML safely.

Real documents contain ``---`` inside values (URLs), so only a line that is
exactly ``---`` (trailing blanks allowed) closes the front matter. YAML is
loaded with the C safe loader and bounded: alias bombs and absurdly deep or
large front matter are rejected instead of processed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from models.yaml_loader import Loader

MAX_FRONT_MATTER_CHARS = 1_000_000
MAX_YAML_NODES = 50_000
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


def _check_size(node: yaml.Node) -> None:
    """Reject graphs whose expansion (aliases resolved) is too large or too deep.

    Aliases share nodes, so sizes are memoised per node: the check is linear in
    the distinct nodes even when the expansion would be exponential.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(node, 1, False)]
    while stack:
        current, depth, expanded = stack.pop()
        if depth > MAX_YAML_DEPTH:
            raise DocumentError(f"front matter is nested deeper than {MAX_YAML_DEPTH} levels")
        key = id(current)
        if key in sizes:
            continue
        children: list[yaml.Node] = []
        if isinstance(current, yaml.SequenceNode):
            children = list(current.value)
        elif isinstance(current, yaml.MappingNode):
            children = [part for pair in current.value for part in pair]
        if expanded or not children:
            total = 1 + sum(sizes.get(id(child), 0) for child in children)
            if total > MAX_YAML_NODES:
                raise DocumentError(
                    f"front matter expands to more than {MAX_YAML_NODES} values (alias bomb?)"
                )
            sizes[key] = total
            continue
        stack.append((current, depth, True))
        stack.extend((child, depth + 1, False) for child in children if id(child) not in sizes)


_DEEP_INDENT = re.compile(rf"^ {{{MAX_YAML_DEPTH},}}", re.MULTILINE)
_OPENING = (
    yaml.FlowSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.BlockMappingStartToken,
)
_CLOSING = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)


def _check_depth(text: str, first_line: int) -> None:
    """Reject deep nesting from the tokens, before any node is built.

    The C composer recurses once per level: some 30,000 levels (60 kB of
    ``[``) overflow the C stack and kill the process, which no ``except``
    catches. The scanner is iterative, so counting levels in its tokens is
    safe. Without many openers or deep indentation a document cannot nest
    anywhere near that deep, so ordinary ones skip the scan.
    """
    openers = text.count("[") + text.count("{") + text.count("- ") + text.count("? ")
    if openers <= MAX_YAML_DEPTH and _DEEP_INDENT.search(text) is None:
        return
    scanner = Loader(text)
    depth = 0
    too_deep = f"front matter is nested deeper than {MAX_YAML_DEPTH} levels"
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if isinstance(token, _OPENING):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    raise DocumentError(too_deep, first_line + token.start_mark.line)
            elif isinstance(token, _CLOSING):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        # Newer libyaml scanners stop at their own nesting limit, possibly before the
        # tokens reach ours (they look ahead for keys): the same problem, said the same way.
        if "nesting depth" not in (error.problem or "") or error.problem_mark is None:
            raise
        raise DocumentError(too_deep, first_line + error.problem_mark.line) from None
    finally:
        scanner.dispose()


def _needs_graph_check(text: str) -> bool:
    """Cheap test for what could alias or nest too deeply; ordinary documents skip the walk."""
    return (
        ("*" in text and "&" in text)
        or text.count("[") + text.count("{") > MAX_YAML_DEPTH // 2
        or _DEEP_INDENT.search(text) is not None
    )


# What YAML may not hold: controls but tab and line ends, DEL, C1 controls but NEL, lone
# surrogates, and the two non-characters at the end of the first plane.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def load_yaml(text: str, first_line: int = 1, repeated: list[tuple[str, int]] | None = None) -> Any:
    """Parse one YAML document with the safe C loader.

    Errors become ``DocumentError`` with a file line: ``first_line`` is the
    file line where ``text`` starts, so marks point into the file. Keys given twice in
    a mapping are added to ``repeated`` with their file line.
    """
    documents = load_yaml_documents(text, first_line, single=True, repeated=repeated)
    return documents[0][1] if documents else None


# The line git leaves where a merge's conflict begins: YAML reads it as no key, and said
# "could not find expected ':'", as if the file had been written wrong.
_CONFLICT_START = re.compile(r"^<{7}(?: |$)", re.MULTILINE)
CONFLICT = "an unresolved merge conflict: git's <<<<<<< line is in the front matter"


def load_yaml_documents(
    text: str,
    first_line: int = 1,
    *,
    single: bool = False,
    repeated: list[tuple[str, int]] | None = None,
) -> list[tuple[int, Any]]:
    """Parse every document of a YAML stream (data files may end with a ``---`` line),
    each with the file line where its content starts."""
    if len(text) > MAX_FRONT_MATTER_CHARS:
        raise DocumentError(f"YAML is larger than {MAX_FRONT_MATTER_CHARS} characters")
    loader = Loader(text)
    try:
        _check_depth(text, first_line)
        if single:
            node = loader.get_single_node()
            nodes = [] if node is None else [node]
        else:
            nodes = []
            while loader.check_node():
                nodes.append(loader.get_node())
        if _needs_graph_check(text):
            for node in nodes:
                _check_size(node)
        documents = [
            (first_line + node.start_mark.line, loader.construct_document(node)) for node in nodes
        ]
        if repeated is not None:
            repeated.extend((key, first_line + line) for key, line in loader.repeated)
        return documents
    except yaml.MarkedYAMLError as error:
        if conflict := _CONFLICT_START.search(text):
            at = first_line + text.count("\n", 0, conflict.start())
            raise DocumentError(CONFLICT, at) from None
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark else None
        problem = error.problem or error.context or "invalid YAML"
        start = error.context_mark
        if error.problem and error.context and start and mark and start.line != mark.line:
            # An unclosed quote or bracket is found at the end: say where it began.
            problem += f" ({error.context} on line {first_line + start.line})"
        raise DocumentError(f"invalid YAML: {problem}", line) from None
    except yaml.reader.ReaderError as error:
        # A control character (a backspace pasted into a name) lost the whole document;
        # text is repaired of controls anyway, so they go, and the rest loads.
        readable = _UNPRINTABLE.sub("", text)
        if readable == text:
            raise DocumentError(f"invalid YAML: {error.reason}") from None
        return load_yaml_documents(readable, first_line, single=single, repeated=repeated)
    except yaml.YAMLError as error:
        raise DocumentError(f"invalid YAML: {error}") from None
    except RecursionError:
        raise DocumentError(f"YAML is nested deeper than {MAX_YAML_DEPTH} levels") from None
    finally:
        loader.dispose()
