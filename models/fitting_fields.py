"""An article from front matter values that may not all fit the model.

One bad field never loses a document: each top-level field that fails validation is
reported and dropped, and of a list only the entries that do not fit, so the rest of
the document still loads. Apart from ``document``, which finds what a file is and
reads its front matter: what the model refuses, and where pydantic says it did, is a
question of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from models.article import Article
from models.bracketed_text import WRITTEN, read_as_written
from models.frontmatter import SplitDocument
from models.key_lines import key_line
from models.problem import Severity

Report = Callable[[Severity, str, int | None], None]  # ``ParsedDocument.report``


def fitting_article(data: dict[str, Any], report: Report, split: SplitDocument) -> Article:
    """Validate, dropping (and reporting) each top-level field that does not fit; of a
    list, only the entries that do not."""
    try:
        return Article.model_validate(data)
    except ValidationError as error:
        failed = [item["loc"][0] for item in error.errors() if item["loc"]]
        if written := read_as_written(data, failed, split):  # ``title: [a phrase]``
            for name in written:
                report("warning", WRITTEN.format(name), key_line(split, name))
            return fitting_article(data, report, split)
        bad: set[Any] = set()
        entries: set[str] = set()  # lists with an entry that does not fit
        for item in error.errors():
            loc = item["loc"]
            key = loc[0] if loc else None
            where = ".".join(str(part) for part in loc) or "document"
            report("error", f"field '{where}': {item['msg']}", key_line(split, str(key)))
            in_list = len(loc) > 1 and isinstance(loc[1], int)
            if in_list and isinstance(key, str) and isinstance(data.get(key), list):
                entries.add(key)
            else:
                bad.add(key)
        kept = {key: value for key, value in data.items() if key not in bad}
        for key in entries - bad:
            kept[key] = _fitting_entries(data, key)
        return _with_what_fits(kept)


def _with_what_fits(kept: dict[str, Any]) -> Article:
    """The article of the fields that fit together. Entries that fit one by one may not
    fit as a list (a nested list alone reads as a link to a note): such a field goes, its
    errors reported already, and the title and every other field stay."""
    while True:
        try:
            return Article.model_validate(kept)
        except ValidationError as error:
            failed = {str(item["loc"][0]) for item in error.errors() if item["loc"]}
            failed &= kept.keys() - {"path", "body"}
            if not failed:  # the document as a whole: its path and body are all there is
                return Article.model_validate({"path": kept["path"], "body": kept.get("body", "")})
            for key in failed:
                del kept[key]


def _fitting_entries(data: dict[str, Any], key: str) -> list[Any]:
    """The entries of the list at ``key`` that fit on their own: one topic or related
    article of the wrong shape lost all the others. Tried one by one, as the model's own
    reading of a list (blank entries dropped, numbers made names) moves the places its
    errors name."""
    fitting = []
    for entry in data[key]:
        try:
            Article.model_validate({"path": data["path"], key: [entry]})
        except ValidationError:
            continue
        fitting.append(entry)
    return fitting
