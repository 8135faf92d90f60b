"""A security advisory in RustSec's format: Markdown whose front matter is TOML in a fenced
code block, its ``[advisory]`` table saying what it is, then a heading that titles it::

    ```toml
    [advisory]
    id = "RUSTSEC-2020-0105"
    package = "abi_stable"
    date = "2020-12-21"
    url = "https://github.com/…/issues/44"
    categories = ["memory-corruption"]
    keywords = ["unsound"]

    [versions]
    patched = [">= 0.9.1"]
    ```

    # Update unsound DrainFilter and RString::retain

The ``[advisory]`` table's keys are the document's: its ``date`` dates it, its
``categories`` and ``keywords`` are its topics; its ``url`` is where it was reported, a
link of its detail but not its address (one issue reports advisories of several crates,
which are no copies of each other).
The other tables (``versions``, ``affected``) are kept as they are. A Markdown file that
opens with other TOML, or none, is none of this.
"""

from __future__ import annotations

import re
from typing import Any

from models.frontmatter import SplitDocument, load_toml
from models.text import plain_line_ends

_FENCED_TOML = re.compile(
    r"\A\ufeff?(?P<fence>`{3,})toml[ \t]*\n(?P<toml>.*?)^(?P=fence)[ \t]*$\n?",
    re.DOTALL | re.MULTILINE,
)
_ADVISORY_TABLE = re.compile(r"^\[advisory\][ \t]*(?:#.*)?$", re.MULTILINE)


def split_advisory(text: str, path: str) -> SplitDocument | None:
    """The advisory's TOML and its Markdown after it; ``None`` for any other document."""
    if not path.lower().endswith(".md") or not text.lstrip("\ufeff").startswith("```"):
        return None  # asked of every file without front matter: most are passed here
    text = plain_line_ends(text)
    found = _FENCED_TOML.match(text)
    if found is None or not _ADVISORY_TABLE.search(found["toml"]):
        return None
    rest = text[found.end() :]
    return SplitDocument(
        found["toml"], rest.lstrip("\n"), found["toml"].count("\n") + 3, "advisory"
    )


def advisory_values(toml: str) -> dict[str, Any]:
    """The ``[advisory]`` table's keys as the document's, its keywords as tags, and the
    other tables as they are."""
    data = load_toml(toml)
    advisory = data.pop("advisory", None)
    if isinstance(advisory, dict):
        if "keywords" in advisory and "tags" not in advisory:
            advisory["tags"] = advisory.pop("keywords")
        if "url" in advisory:  # where it was reported: no address of its own, as one
            advisory["reported"] = advisory.pop("url")  # issue reports several advisories
        data.update(advisory)
    return data
