"""A Jupyter notebook written as a post: Quarto's and fastpages' blogs keep posts so.

Its first cell holds the post's front matter: Quarto's a raw (or Markdown) cell of YAML
between ``---`` lines, fastpages' a Markdown cell of its own shape::

    # Fastpages Notebook Blog Post
    > A tutorial of fastpages for Jupyter notebooks.

    - toc: true
    - categories: [jupyter]

Its other cells are the post: its Markdown cells as written, its code cells as fenced code
in the notebook's language, their outputs left out, and none of a cell its page hides
(fastpages' ``#hide``, Quarto's ``#| echo: false``). Left out of a corpus, fastpages'
notebook posts (four of its seven) were not read. A notebook with no such cell (a project's
analysis) is no document, and passed over quietly, as a README is.
"""

from __future__ import annotations

import json
import re
from typing import Any

from models.frontmatter import SplitDocument, split_front_matter

NOTEBOOK_SUFFIX = ".ipynb"
_FASTPAGES_TITLE = re.compile(r"#[ \t]+(.+)")
_FASTPAGES_HIDDEN = re.compile(r"#\s*hide(?:_input)?")
_QUARTO_HIDDEN = re.compile(r"#\|\s*(?:echo|include)\s*:\s*false\s*")
_CELLS = re.compile(r"\ufeff?\s*\{\s*\"cells\"\s*:\s*\[\s*(?=\{)")
_DECODER = json.JSONDecoder()
_FASTPAGES_KEY = re.compile(r"-[ \t]+([A-Za-z_][\w-]*[ \t]*:.*)")


def split_notebook(text: str, path: str) -> SplitDocument | None:
    """The front matter of the notebook post at ``path`` and its cells as Markdown, or
    ``None`` for a notebook with none (or a file that is no notebook)."""
    if not path.lower().endswith(NOTEBOOK_SUFFIX):
        return None
    opening = _first_cell(text)
    if opening is not None and not _opens_post(_source(opening)):
        return None  # an analysis of megabytes of outputs: only its first cell is read
    try:
        notebook = json.loads(text)
    except (ValueError, RecursionError):
        return None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list) or not cells or not isinstance(cells[0], dict):
        return None
    first = _source(cells[0])
    split = split_front_matter(first) if first.lstrip().startswith("---") else None
    rest: list[str] = []
    if split is not None:
        front = split.front_matter
        rest = [split.body] if split.body.strip() else []
    elif (fastpages := _fastpages_front(first)) is not None:
        front = fastpages
    else:
        return None
    code = _language(notebook.get("metadata"))
    body = "\n\n".join(
        [*rest, *(_shown(cell, code) for cell in cells[1:] if isinstance(cell, dict))]
    )
    return SplitDocument(front, body.strip("\n") + "\n", 1, "yaml")


def _first_cell(text: str) -> dict[str, Any] | None:
    """The notebook's first cell, read alone, where its cells come first (as Jupyter
    writes its keys, in order); ``None`` where they do not."""
    cells = _CELLS.match(text)
    if cells is None:
        return None
    try:
        cell, _ = _DECODER.raw_decode(text, cells.end())
    except (ValueError, RecursionError):
        return None
    return cell if isinstance(cell, dict) else None


def _opens_post(first: str) -> bool:
    """Whether a first cell may hold a post's front matter: YAML's, or fastpages' title."""
    opening = first.lstrip()
    return opening.startswith("---") or _FASTPAGES_TITLE.match(opening) is not None


def _source(cell: dict[str, Any]) -> str:
    """A cell's text: Jupyter writes it as one string or as its lines."""
    source = cell.get("source", "")
    if isinstance(source, list):
        return "".join(line for line in source if isinstance(line, str))
    return source if isinstance(source, str) else ""


def _language(metadata: Any) -> str:
    """The language of the notebook's code cells, as a fence names it."""
    if isinstance(metadata, dict):
        for key in ("language_info", "kernelspec"):
            entry = metadata.get(key)
            name = (
                entry.get("name" if key == "language_info" else "language")
                if isinstance(entry, dict)
                else None
            )
            if isinstance(name, str) and name.strip():
                return name.strip().lower()
    return "python"


def _shown(cell: dict[str, Any], language: str) -> str:
    """A cell as the post shows it: Markdown as written, code fenced, raw cells not."""
    text = _source(cell).strip("\n")
    kind = cell.get("cell_type")
    if kind == "markdown":
        return text
    if kind == "code" and text.strip() and not _hidden(text):
        fence = "```" + "`" * max((len(run) - 2 for run in re.findall(r"`{3,}", text)), default=0)
        return f"{fence}{language}\n{text}\n{fence}"
    return ""


def _hidden(code: str) -> bool:
    """Whether the post shows none of a code cell: fastpages' ``#hide`` and ``#hide_input``
    as its first line, Quarto's ``#| echo: false`` or ``#| include: false`` among its
    options (a post's imports and plotting set-up, which its page leaves out)."""
    first = code.lstrip().split("\n", 1)[0]
    if _FASTPAGES_HIDDEN.fullmatch(first.strip()):
        return True
    options = (line for line in code.split("\n") if line.startswith("#|"))
    return any(_QUARTO_HIDDEN.fullmatch(line) for line in options)


def _fastpages_front(cell: str) -> str | None:
    """A fastpages front-matter cell as YAML: its ``# title``, its ``> summary`` and its
    ``- key: value`` lines; ``None`` where the cell opens with no title, holds other text,
    or only the title (an analysis that opens with a heading)."""
    lines = [line.strip() for line in cell.split("\n") if line.strip()]
    title = _FASTPAGES_TITLE.fullmatch(lines[0]) if lines else None
    if title is None:
        return None
    front = [f"title: {json.dumps(_unquoted(title[1]))}"]
    for line in lines[1:]:
        if line.startswith(">"):
            front.append(f"description: {json.dumps(_unquoted(line[1:].strip()))}")
        elif key := _FASTPAGES_KEY.fullmatch(line):
            front.append(key[1])
        else:
            return None
    if len(front) == 1:  # a heading alone opens any notebook: Julia's site's demos
        return None
    return "\n".join(front) + "\n"


def _unquoted(text: str) -> str:
    """fastpages' title or summary without the quotes it may be written in."""
    if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text
