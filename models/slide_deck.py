"""A slide deck, as Quarto, Pandoc and R Markdown write one: its title slide is optional.

Pandoc titles a deck that names no ``title`` (nor ``pagetitle``) by its file's name, and
decks are often so: quarto-web's 30 examples of Reveal.js were 30 warnings of "no title
or name". Such a deck is called by its file's name without one.
"""

from __future__ import annotations

from typing import Any

_FORMATS = frozenset(("revealjs", "beamer", "pptx", "slidy", "slideous", "dzslides", "s5"))
# R Markdown's ``output``: ``ioslides_presentation``, ``xaringan::moon_reader``...
_OUTPUT_ENDINGS = ("_presentation", "moon_reader")


def is_slide_deck(data: dict[str, Any]) -> bool:
    """Whether front matter renders its page as slides: its ``format`` (a name, or a
    mapping or list of them) is a slide format, or its ``output`` a presentation's."""
    formats = [name for name in _names(data.get("format")) if name in _FORMATS]
    outputs = [name for name in _names(data.get("output")) if name.endswith(_OUTPUT_ENDINGS)]
    return bool(formats or outputs)


def _names(value: Any) -> list[str]:
    """The format names a ``format`` or ``output`` value gives."""
    if isinstance(value, str):
        return [value.strip()]
    if isinstance(value, dict | list):
        return [name.strip() for name in value if isinstance(name, str)]
    return []
