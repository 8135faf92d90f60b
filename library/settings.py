"""The user's settings file (``config.toml``): what ``lede`` opens by default, its theme,
and what a site's default stream holds.

The file is optional. One that cannot be parsed, or holds a value of the wrong
kind, is reported in one line each and the rest of it still applies: a typo in
the settings must not stop anyone from reading.

    paths = ["~/news", "/srv/archive"]   # opened when no PATH is given
    theme = "textual-light"              # any theme the command palette lists
    collections = ["news", "learning"]   # a site's default stream (["*"]: all of it)
    hide_unpublished = true              # leave out what the site did not publish
    auto_images = true                   # show lead images without pressing i
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from library import paths as lede_paths
from models.regular_file import NotRegular, TooLarge, read_regular
from models.text import printable

MAX_SETTINGS_BYTES = 1024 * 1024  # far past any settings file
KNOWN = ("paths", "theme", "collections", "hide_unpublished", "auto_images")


@dataclass(frozen=True)
class Settings:
    """What the settings file says, and what was wrong with it."""

    paths: list[str] = field(default_factory=list)
    theme: str | None = None
    auto_images: bool = False  # fetch and show an article's lead image as it is opened
    problems: list[str] = field(default_factory=list)
    collections: tuple[str, ...] | None = None  # None: the news (see ``library.stream``)
    hide_unpublished: bool = False


def load_settings(path: Path | None = None) -> Settings:
    """The settings in ``path`` (default: the user's ``config.toml``); defaults if absent."""
    path = path or lede_paths.config_file()
    where = printable(str(path))
    try:
        text = read_regular(path, MAX_SETTINGS_BYTES).decode("utf-8")
    except FileNotFoundError:
        return Settings()
    except NotRegular as error:  # a FIFO would be waited on for ever, /dev/zero read so
        return _defaults(where, f"{error.kind}, not a regular file")
    except TooLarge as error:
        return _defaults(where, f"too large ({error.size:,} bytes; limit {MAX_SETTINGS_BYTES:,})")
    except OSError as error:  # its own words: "[Errno 13] ...: 'PATH'" named it again
        return _defaults(where, f"cannot read it ({error.strerror or error})")
    except UnicodeDecodeError:
        return _defaults(where, "not UTF-8 text, as TOML is")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:  # "Invalid value (at line 1, column 9)"
        said = printable(str(error))
        problem = f"invalid TOML: {said[:1].lower()}{said[1:]}"  # as lede check says YAML's
    except RecursionError:  # tomllib recurses once per nested [ or {
        problem = "nested too deeply to read"
    except Exception as error:  # noqa: BLE001 - a settings file never stops lede from starting
        problem = f"cannot parse it ({type(error).__name__})"
    else:
        return _settings(data, where)
    return _defaults(where, problem)


def _defaults(where: str, problem: str) -> Settings:
    """The default settings, and the line that says why the file's were not taken."""
    return Settings(problems=[f"{where}: {problem}; using the defaults"])


def _settings(data: dict[str, object], where: str) -> Settings:
    """The settings ``data`` holds, and a problem for each value of the wrong kind."""
    problems = []
    corpus = data.get("paths", [])
    if isinstance(corpus, str):
        corpus = [corpus]
    if not (
        isinstance(corpus, list)
        and all(isinstance(item, str) and "\0" not in item for item in corpus)  # no path has NUL
    ):
        problems.append(f'{where}: paths must be a list of folders, like paths = ["~/news"]')
        corpus = []
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append(f'{where}: theme must be a name, like theme = "textual-light"')
        theme = None
    collections = _collections(data.get("collections"), where, problems)
    hide_unpublished = data.get("hide_unpublished", False)
    if not isinstance(hide_unpublished, bool):
        problems.append(f"{where}: hide_unpublished must be true or false")
        hide_unpublished = False
    auto_images = data.get("auto_images", False)
    if not isinstance(auto_images, bool):
        problems.append(f"{where}: auto_images must be true or false")
        auto_images = False
    problems += [f"{where}: {_unknown(name)}" for name in sorted(set(data) - set(KNOWN))]
    return Settings(
        [lede_paths.user_path(item) for item in corpus if item],
        theme,
        auto_images=auto_images,
        problems=problems,
        collections=collections,
        hide_unpublished=hide_unpublished,
    )


def _collections(value: object, where: str, problems: list[str]) -> tuple[str, ...] | None:
    """The ``collections`` setting: names of collection folders (``news`` or ``_news``),
    ``"*"`` for all; ``None`` when absent or wrong (a problem says which)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not (
        isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value)
    ):
        problems.append(
            f'{where}: collections must be a list of names, like collections = ["news", '
            '"learning"] (or ["*"] for all); using the news'
        )
        return None
    return tuple(name.strip().removeprefix("_") for name in value)


def _unknown(name: str) -> str:
    """What to say of a setting lede does not know: the one it was likely meant to be
    (``colections``), else those there are, so that the mistake can be put right."""
    import difflib  # only on this mistake, never on the way to the reader

    near = difflib.get_close_matches(name.lower(), KNOWN, n=1, cutoff=0.6)
    if near:
        return f"unknown setting {printable(name)}: did you mean {near[0]}?"
    return f"unknown setting {printable(name)}: the settings are {', '.join(KNOWN)}"
