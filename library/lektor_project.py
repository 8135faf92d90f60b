"""What a Lektor project's file (``NAME.lektorproject``, INI) says of its languages: its
``[alternatives.CODE]`` sections, the one of ``primary = yes`` being the language of its
``contents.lr`` pages (``contents+de.lr`` is the ``de`` alternative's copy)."""

from __future__ import annotations

import configparser
import contextlib
import os

from models.language import language_code
from models.regular_file import settings_text


def lektor_alternatives(folder: str) -> tuple[list[str], str | None]:
    """The codes of the project's alternatives and its primary one (``None``: it names
    none, or the project has no alternatives)."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".lektorproject"):
                with contextlib.suppress(configparser.Error):
                    parser.read_string(settings_text(entry.path) or "")
                break
    codes: list[str] = []
    primary = None
    for section in parser.sections():
        kind, _, name = section.partition(".")
        if kind != "alternatives" or not (code := language_code(name)):
            continue
        codes.append(code)
        if parser.get(section, "primary", fallback="").strip().lower() in ("yes", "true", "1"):
            primary = code
    return codes, primary
