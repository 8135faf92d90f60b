"""What a Zola page keeps in its own tables: its authors in ``[extra]``, where Zola's
themes ask for them, and its labels in ``[taxonomies]``, the only place Zola reads a
page's tags, categories and authors from (``[taxonomies] tags = ["rust"]``)."""

from __future__ import annotations

from typing import Any


def lift_zola_tables(data: dict[str, Any]) -> None:
    """Put a page's ``[taxonomies]`` and its theme's ``[extra]`` authors where a page
    names them itself, where it does not: a taxonomy of authors (``authors``, a
    translation's ``podcast_authors``) names its authors, ``categories`` its categories,
    and every other one (``tags``, ``series``) its tags."""
    if "taxonomies" in data and isinstance(taxonomies := data["taxonomies"], dict):
        tags: list[Any] = []
        for name, terms in taxonomies.items():
            if not isinstance(terms, list) or not terms:
                continue
            key = str(name).lower()
            if key.endswith(("author", "authors")):
                data.setdefault("authors", terms)
            elif key == "categories":
                data.setdefault("categories", terms)
            else:
                tags += terms
        if tags and "tags" not in data:
            data["tags"] = tags
    extra = data.get("extra")
    if "author" in data or "authors" in data or not isinstance(extra, dict):
        return
    for key in ("authors", "author"):
        if key in extra:
            data[key] = extra[key]
            return
