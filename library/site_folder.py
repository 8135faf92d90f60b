"""The site a corpus root stands for: the root itself, or the one site inside it.

A project's repository often keeps its site in a folder of its own (``jekyll``,
``docs``, ``website``) beside its code, its README and its licence. Opened at the
repository's top, such a site was a plain folder, shown whole: Nim's site listed its
twelve pages (Download, FAQ, Donate...) undated among its 148 posts. A root that is no
site itself and holds exactly one at its top, known by its configuration, is read as
that site for its stream; a root with several sites at its top, or none, is shown whole.
A project that keeps its site deeper (Hawkular's ``src/main/jbake``, svelte.dev's
``apps/svelte.dev``) listed its pages among its posts: the one site at the shallowest
level that holds any is its stream, looked for while the folders above it are few.
"""

from __future__ import annotations

import os

from library.site import CONFIG_FILES, subfolders


def is_streamed_site(folder: str) -> bool:
    """Whether ``folder`` is a site with a stream of its own: a Jekyll site, or a site
    with a blog's section (a Hugo site without one is shown whole)."""
    from library.site import is_jekyll_site
    from library.site_sections import blog_sections

    return is_jekyll_site(folder) or bool(blog_sections(folder))


DEEPEST = 3  # src/main/jbake: a Maven project's site, the deepest seen
FEW = 32  # folders at one level that are looked into for a site further down
# Folders whose sites are a project's own tests and samples, not its site.
NOT_A_SITE = frozenset({"test", "tests", "testdata", "fixtures", "spec", "example", "examples"})


def site_folder(root: str) -> str | None:
    """The site ``root`` streams as: itself, or, where it is no site, the one folder at
    its top that is one by its configuration (a Jekyll ``_config.yml``, a Hugo or Zola
    site with a blog), else the one a few levels down, below folders that are few (a
    monorepo's ``apps/site``); None where it is shown whole."""
    if not os.path.isdir(root):
        return None
    if is_streamed_site(root):
        return root
    from library.site_root import site_kind

    level = [root]
    for _depth in range(DEEPEST):
        below = [folder for above in level for folder in subfolders(above)]
        found = [folder for folder in below if _configured_site(folder)]
        if found:  # the shallowest sites: one is the stream, several are shown whole
            return found[0] if len(found) == 1 and is_streamed_site(found[0]) else None
        if len(below) > FEW or any(site_kind(folder) for folder in below):
            return None  # a corpus of folders, or a site with no stream: shown whole
        level = [folder for folder in below if os.path.basename(folder) not in NOT_A_SITE]
    return None


def _configured_site(folder: str) -> bool:
    """Whether ``folder`` holds a site's configuration and a stream: a ``_data`` folder or
    a ``_name`` one alone is too weak a sign below the top."""
    from library.site_sections import blog_sections

    if any(os.path.isfile(os.path.join(folder, name)) for name in CONFIG_FILES):
        return True
    return bool(blog_sections(folder))
