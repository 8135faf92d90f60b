"""An image a document names by a path, not a web address: a Hugo page bundle's
``cover.png`` beside its ``index.md``, a Jekyll post's ``/assets/img/x.jpg``.

A relative path is the document's folder's (a bare name may be in its ``images`` folder,
where wordpress-export-to-markdown saves a post's cover); a path from ``/`` is its
site's, where the site's generator serves files from (its folder, or ``static``,
``public``...). Only a file
inside the document's site, else inside the corpus, is read: a hostile document must not
turn ``i`` into a reader of the rest of the disk. It is read as a regular file of bounded
size (a FIFO there would wait forever).
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

from library.site_root import site_of
from models.regular_file import NotRegular, TooLarge, read_regular

# The folders a site serves as its root's files: Hugo's, Zola's, Docusaurus's and
# Gatsby's ``static``, Astro's and VitePress's ``public``, Hexo's ``source``, Nikola's
# ``files``; Jekyll, Eleventy and Quarto serve the folder itself.
SERVED_FROM = ("", "static", "public", "source", "files")


class LocalImageError(Exception):
    """Why a local image cannot be read, in one line."""


def is_local(url: str) -> bool:
    """Whether ``url`` names a file rather than a web address (no scheme, or ``file:``)."""
    scheme = urlsplit(url).scheme.lower()
    return scheme in ("", "file") and not url.startswith("//")


def read_local_image(url: str, document: str, roots: list[str], limit: int) -> bytes:
    """The bytes of the image ``url`` that the document at ``document`` names, read from
    within its site or ``roots``; raises ``LocalImageError``."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:
        raise LocalImageError("the image names no file")
    site = site_of(document)
    allowed = [site.folder] if site else [root for root in roots if _inside(document, root)]
    if parts.scheme:  # file:, a path on the disk
        candidates = [path]
    elif path.startswith("/"):
        bases = [os.path.join(folder, served) for folder in allowed for served in SERVED_FROM]
        candidates = [os.path.join(base, path.lstrip("/")) for base in bases]
    else:
        candidates = [os.path.join(os.path.dirname(document), path)]
        if "/" not in path:  # wordpress-export-to-markdown saves them in images/ beside
            candidates.append(os.path.join(os.path.dirname(document), "images", path))
    for candidate in candidates:
        if not os.path.lexists(candidate):
            continue
        if not any(_inside(candidate, folder) for folder in allowed):
            raise LocalImageError(f"{path} is outside the corpus: not read")
        try:
            return read_regular(candidate, limit)
        except TooLarge as error:
            raise LocalImageError(f"image too large: {error.size:,} bytes") from None
        except NotRegular as error:
            raise LocalImageError(f"{path} is {error.kind}, not an image file") from None
        except OSError as error:
            raise LocalImageError(f"{path}: {error.strerror or error}") from None
    raise LocalImageError(f"no file {path} in the corpus")


def _inside(path: str, folder: str) -> bool:
    """Whether ``path``, its links followed, is within ``folder``."""
    real, base = os.path.realpath(path), os.path.realpath(folder)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)
