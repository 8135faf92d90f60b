"""Telling the front matter keys written as a program of another kind writes them (a
notes tool's ``Full Title``, Hugo's ``Title``, a number YAML read as a key) from lede's
own and a site generator's (``title``, ``publishedDateTime``), which nearly all are."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Keys found usual before: a corpus's documents share their keys, and a set's difference
# finds a document's new ones in one step, where each key's own look cost more.
_USUAL: set[str] = set()
_USUAL_KEPT = 4096  # keys, before all are let go


def unusual_keys(data: Mapping[Any, Any]) -> list[Any]:
    """The keys of ``data`` that are no identifier, or start with a capital letter, in
    their order."""
    new = data.keys() - _USUAL
    if not new:
        return []
    unusual = []
    for key in data:
        if key not in new:
            continue
        if isinstance(key, str) and key.isidentifier() and not key[:1].isupper():
            if len(_USUAL) >= _USUAL_KEPT:
                _USUAL.clear()
            _USUAL.add(key)
        else:
            unusual.append(key)
    return unusual
