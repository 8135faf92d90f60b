"""What a Hugo (or Zola) site's settings leave out of its pages.

Its translations: the site is listed in its default language, as its home page shows it,
not each post once for every language it was translated into. A language's own folder
(``content/fr``) opened as the corpus is read whole, as any folder is. And Hugo's
``ignoreFiles``, regular expressions searched in a file's path (an LLVM blog's
``template.md`` was listed, "Blog Title Goes Here")."""

from __future__ import annotations

import contextlib
import os
import re
from typing import Any

from models.regular_file import settings_text

SETTINGS_KINDS = ("toml", "yaml", "yml", "json")  # how a site's settings files end
_SETTINGS = tuple(
    os.path.join(folder, f"{name}.{kind}")
    for folder in ("", os.path.join("config", "_default"))
    for name in ("hugo", "config")
    for kind in SETTINGS_KINDS
)

_HUGO_CONFIGS = tuple(f"hugo.{kind}" for kind in SETTINGS_KINDS)
_HUGO_FOLDERS = ("archetypes", "layouts", "themes", "templates")  # the last is Zola's


def reads_content_alone(root: str) -> bool:
    """A Hugo configuration and a ``content`` folder: ``hugo.toml`` (or YAML, JSON), one
    in ``config/_default``, or ``config.toml`` (or YAML, JSON) beside Hugo's own folders
    or Zola's ``templates`` (Zola reads ``content`` alone too); or Pelican's."""
    if not os.path.isdir(os.path.join(root, "content")):
        return False
    if os.path.isfile(os.path.join(root, "pelicanconf.py")):
        return True
    defaults = os.path.join(root, "config", "_default")
    if any(os.path.isfile(os.path.join(root, name)) for name in _HUGO_CONFIGS) or any(
        os.path.isfile(os.path.join(defaults, f"{name}.{kind}"))
        for name in ("hugo", "config")
        for kind in SETTINGS_KINDS
    ):
        return True
    configured = (os.path.join(root, f"config.{kind}") for kind in SETTINGS_KINDS)
    return any(map(os.path.isfile, configured)) and any(
        os.path.isdir(os.path.join(root, name)) for name in _HUGO_FOLDERS
    )


def content_folders(root: str, settings: dict[str, Any]) -> tuple[str, list[str]]:
    """The folder (from ``root``) that holds the site in its default language, and what
    else it holds in other languages, as patterns from ``root``. The default language's
    ``contentDir`` (``content/en``) is that folder, and Hugo reads nothing else of
    ``content`` for it; else ``content`` is, but for the other languages' folders and
    their files named ``name.<code>.md`` (a language with a folder keeps its files there).
    A language that names no folder, of a site of several, has the one of ``content``
    named by its code where there is one (``content/ja``), which a module's mounts give
    it (a Docsy site's, in a file its build writes). ``settings`` are the site's
    (``site_settings``)."""
    languages = _languages(root, settings.get("languages"))
    for code, folder in languages.items():  # a module's mounts name it
        named = os.path.join("content", code)
        if folder is None and len(languages) > 1 and os.path.isdir(os.path.join(root, named)):
            languages[code] = named
    default = default_language(settings)
    own = languages.get(default)
    if own is not None and own.startswith("content/"):
        return own, []
    patterns = []
    for code, folder in languages.items():
        if code == default:
            continue
        if folder is None:
            patterns.append(f"content/*.{code}.*")
        elif folder.startswith("content/"):
            patterns.append(os.path.join(folder, ""))
    return "content", patterns


def ignored_files(settings: dict[str, Any]) -> tuple[re.Pattern[str], ...]:
    """Hugo's ``ignoreFiles`` in the site's ``settings``, those Python reads as Go does (the
    rest are passed over)."""
    patterns = settings.get("ignorefiles")
    found = []
    for pattern in patterns if isinstance(patterns, list) else []:
        with contextlib.suppress(re.error, TypeError):
            found.append(re.compile(pattern))
    return tuple(found)


def site_settings(root: str) -> dict[str, Any]:
    """The site's settings, keys in lower case (Hugo's are case-insensitive), later files
    over earlier ones."""
    settings: dict[str, Any] = {}
    for name in _SETTINGS:
        settings.update(_lowered(_read(os.path.join(root, name))))
    return settings


def _languages(root: str, declared: Any) -> dict[str, str | None]:
    """Each language's code and ``contentDir`` (None when it has none)."""
    return {code: _folder(table) for code, table in _language_tables(root, declared).items()}


def _language_tables(root: str, declared: Any) -> dict[str, Any]:
    """Each language's code and its table of settings, from the settings (Hugo's and
    Zola's ``[languages.fr]``, older Zola's list of ``code`` tables) and from
    ``config/_default/languages.toml`` or ``languages.fr.toml``."""
    found: dict[str, Any] = {}
    if isinstance(declared, list):
        declared = {
            entry["code"]: entry
            for entry in declared
            if isinstance(entry, dict) and isinstance(entry.get("code"), str)
        }
    if isinstance(declared, dict):
        found.update({str(code).lower(): entry for code, entry in declared.items()})
    folder = os.path.join(root, "config", "_default")
    with contextlib.suppress(OSError):
        for name in sorted(os.listdir(folder)):
            stem, _, kind = name.rpartition(".")
            if kind not in SETTINGS_KINDS or not stem.startswith("languages"):
                continue
            settings = _read(os.path.join(folder, name))
            if stem == "languages":
                found.update({str(code).lower(): one for code, one in settings.items()})
            elif stem.startswith("languages."):
                found[stem.removeprefix("languages.").lower()] = settings
    return found


def default_language(settings: dict[str, Any]) -> str:
    """The code of the site's default language, in small letters (Hugo's ``en`` unless
    its settings name another)."""
    default = settings.get("defaultcontentlanguage", settings.get("default_language"))
    return str(default).lower() if default else "en"


def own_language_settings(root: str, settings: dict[str, Any]) -> dict[str, Any]:
    """What the site's default language sets for itself (its ``baseURL``, ``permalinks``),
    keys in lower case: Hugo takes them over the site's own for that language, and a
    site served at a host for each language names each one's ``baseURL`` there alone."""
    table = _language_tables(root, settings.get("languages")).get(default_language(settings))
    return _lowered(table) if isinstance(table, dict) else {}


def _folder(language: Any) -> str | None:
    """A language's ``contentDir`` from the site's folder, if it names one."""
    return content_dir(_lowered(language).get("contentdir")) if isinstance(language, dict) else None


def content_dir(folder: Any) -> str | None:
    """A content folder as settings write it (``./content/en``, ``/content``), from the
    site's folder; ``None`` where it names none."""
    if not isinstance(folder, str) or not folder.strip("./"):
        return None
    return os.path.normpath(folder.removeprefix("./").lstrip("/"))


def _lowered(settings: dict[str, Any]) -> dict[str, Any]:
    return {str(key).lower(): value for key, value in settings.items()}


def _read(path: str) -> dict[str, Any]:
    return read_settings_file(path) or {}


def read_settings_file(path: str) -> dict[str, Any] | None:
    """A site's settings file (TOML, JSON or YAML, by its name): its top table, empty when
    it holds none; None where the file is missing or does not read.

    A site's settings are as untrusted as its pages, so they are read as front matter
    is: only a regular file of bounded size, by the loaders that refuse alias bombs and
    nesting too deep. A FIFO named ``_config.yml`` hung ``lede list`` and the reader, an
    alias bomb in ``hugo.yaml`` did too, and a ``hugo.toml`` nested too deep ended the
    command with a RecursionError."""
    # With YAML, only once a site has settings to read.
    from models.bounded_yaml import load_yaml
    from models.frontmatter import DocumentError, load_json, load_toml

    if (text := settings_text(path)) is None:
        return None
    try:
        if path.endswith(".toml"):
            data: Any = load_toml(text)
        elif path.endswith(".json"):
            data = load_json(text)
        else:
            data = load_yaml(text)
    except DocumentError:
        return None
    return data if isinstance(data, dict) else {}
