"""Authors a blog names once, in an authors file, and its posts by key (``authors:
[vjeux]``): the post's detail and search take the name. The file is Docusaurus's
``authors.yml`` beside the posts, MkDocs's ``.authors.yml`` (its names under
``authors:``), a Jekyll site's ``_data/authors.yml`` (Chirpy, Minimal Mistakes), or a Hugo
site's ``data/authors.yaml``, which its theme reads (Linkerd's: its posts' ``author:
william`` showed as the key, not as William Morgan), the ``authors`` of a Jekyll site's
``_config.yml``, which its layouts read as ``site.authors`` (Artsy's posts were by ``orta``),
or the ``authors`` a Starlight site's configuration gives its blog plugin, in JavaScript
(Biome's posts were by ``ema``), or a folder of authors, a page each named by its key
(``data/authors/sparrowhawk.mdx``, the Next.js starter blog's; an Astro site's
``src/content/authors``), whose ``name`` its layouts show (the starter's posts were by
``default`` and ``sparrowhawk``), or a file of a list of them by ``id`` in a folder of
authors or of contributors (Gridsome's ``contributors/contributors.yaml``, which its
server code loads as the collection its posts' ``author:`` refers to)."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from models.bounded_yaml import load_yaml
from models.frontmatter import DocumentError, split_front_matter
from models.javascript_constants import enclosed
from models.labels import people
from models.regular_file import settings_text

_JEKYLL_CONFIGS = ("_config.yml", "_config.yaml")  # their ``authors`` alone are a list of names
_JEKYLL_FILES = (
    *(
        os.path.join(data, f"authors.{kind}")
        for data in ("_data", "data")
        for kind in ("yml", "yaml")
    ),
    *_JEKYLL_CONFIGS,
)
_ASTRO_CONFIGS = tuple(f"astro.config.{kind}" for kind in ("mjs", "js", "ts", "mts", "cjs", "cts"))
_FILES = (
    *("authors.yml", "authors.yaml", ".authors.yml", ".authors.yaml"),
    *_JEKYLL_FILES,
    *_ASTRO_CONFIGS,
)
# The object of authors in a configuration (``authors: {``, ``const authors = {``), and
# an entry of it written plainly (``ema: { name: "Emanuele Stoppa", … }``).
_AUTHORS_OBJECT = re.compile(r"\bauthors\s*[:=]\s*\{")
_AUTHOR_ENTRY = re.compile(r"""["']?([\w.-]+)["']?\s*:\s*\{\s*name\s*:\s*(["'`])((?:(?!\2).)+)\2""")
_FOLDERS_UP = 4  # a post in a bundle (``content/blog/2021/x/index.md``) is this far below it
_AUTHORS_FOLDERS = ("authors", "contributors")
_PAGES = (".md", ".mdx", ".markdown")  # an author's page: its name in its front matter
_ENTRIES = (*_PAGES, ".yml", ".yaml", ".json")  # or an entry of data alone
_TERM_PAGE = "_index.md"  # a Hugo taxonomy term's own page, in the term's folder


def with_names(authors: Any, path: str, key: str = "authors") -> Any:
    """``authors`` with each key the blog's authors file knows put as its name. Jekyll's
    themes look up a lone ``author`` too; Docusaurus does not."""
    if not isinstance(authors, list | str):
        return authors
    names = _names_near(os.path.dirname(path), _FILES if key == "authors" else _JEKYLL_FILES)
    if not names:
        return authors
    if isinstance(authors, str) and authors not in names and len(keys := people(authors)) > 1:
        authors = keys  # keys in one line (``author: ada, grace``), each looked up
    if isinstance(authors, str):
        return names.get(authors, authors)
    return [names.get(item, item) if isinstance(item, str) else item for item in authors]


@lru_cache(maxsize=256)
def _names_near(folder: str, files: tuple[str, ...]) -> dict[str, str]:
    """The names in the nearest of ``files`` at or above ``folder``, by key."""
    if not os.path.isabs(folder):  # a path of no known place: no blog's file is near
        return {}
    for _ in range(_FOLDERS_UP + 1):
        for name in files:
            found = _names_in(os.path.join(folder, name))
            if found is not None:
                return found
        for authors in _AUTHORS_FOLDERS:
            if found := _names_in_folder(os.path.join(folder, authors)):
                return found
        folder = os.path.dirname(folder)
    return {}


@lru_cache(maxsize=64)  # a site's settings once, not once for each folder of its posts
def _names_in(path: str) -> dict[str, str] | None:
    text = settings_text(path)
    if text is None:
        return None
    if path.endswith(_ASTRO_CONFIGS):
        return _configured_names(text)
    try:
        data = load_yaml(text)
    except DocumentError:
        return None
    if isinstance(data, dict) and isinstance(data.get("authors"), dict):  # MkDocs's, Jekyll's
        data = data["authors"]
    elif path.endswith(_JEKYLL_CONFIGS):
        return None  # a site's settings that name no authors: the search goes on above
    if isinstance(data, list):
        return _listed_names(data) or None
    if not isinstance(data, dict):
        return None
    names = {}
    for key, entry in data.items():
        name = entry.get("name", entry.get("display_name")) if isinstance(entry, dict) else None
        if isinstance(name, str):
            names[str(key)] = name
    return names


def _configured_names(text: str) -> dict[str, str] | None:
    """The names of the authors a site's JavaScript configuration gives its blog plugin
    (starlight-blog's), by key; None for a configuration without that plugin. It is
    never run: the entries written plainly are read."""
    if "starlight-blog" not in text:
        return None
    names: dict[str, str] = {}
    for opening in _AUTHORS_OBJECT.finditer(text):
        entries = _AUTHOR_ENTRY.finditer(enclosed(text, opening.end()))
        names.update((entry[1], entry[3]) for entry in entries)
    return names


@lru_cache(maxsize=64)  # a site's authors once, not once for each folder of its posts
def _names_in_folder(folder: str) -> dict[str, str]:
    """The names of the authors a folder holds a file each of, by its file's name, or a
    folder each of, by the folder's (a Hugo taxonomy's term pages, ``authors/ada/_index.md``,
    whose ``title``, or the ``display_name`` a theme shows, names the author)."""
    names = {}
    files = []
    try:
        with os.scandir(folder) as entries:
            for found in entries:
                if found.name.lower().endswith(_ENTRIES):
                    files.append((os.path.splitext(found.name)[0], found.path))
                elif found.is_dir(follow_symlinks=False):
                    files.append((found.name, os.path.join(found.path, _TERM_PAGE)))
    except OSError:
        return {}
    for key, path in files:
        entry = entry_in(path)
        if isinstance(entry, list):
            names.update(_listed_names(entry))
        elif isinstance(entry, dict) and (name := _name_of(entry)):
            names[key] = name
    return names


def _name_of(entry: dict[Any, Any]) -> str | None:
    """The name an author's page or entry gives them."""
    for key in ("name", "display_name", "title"):
        if isinstance(name := entry.get(key), str) and name.strip():
            return name
    return None


def _listed_names(entries: list[Any]) -> dict[str, str]:
    """The names of a list of authors, by the ``id`` each entry gives (``- id: ada``,
    ``name: Ada Lovelace``)."""
    names = {}
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        key, name = entry.get("id"), entry.get("name")
        if isinstance(key, str | int) and not isinstance(key, bool) and isinstance(name, str):
            names[str(key)] = name
    return names


def entry_in(path: str) -> Any:
    """What an author's file (or a taxonomy term's page) says of them: its front matter,
    or its data."""
    text = settings_text(path)
    try:
        if text is None:
            return None
        if path.lower().endswith(_PAGES):
            split = split_front_matter(text)
            return load_yaml(split.front_matter) if split else None
        return load_yaml(text)
    except DocumentError:
        return None
