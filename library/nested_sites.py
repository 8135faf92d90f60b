"""Sites inside a corpus, or inside another site (a folder of several blogs, a project with
its site in ``docs``): within each, its own rules hold, not those of the folder around it.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from library.exclusion_rules import SiteExclusions
from library.hugo_settings import reads_content_alone
from library.site import CONFIG_FILES, QUARTO_CONFIGS, is_lektor_project
from library.site_exclusions import site_exclusions
from library.vault_templates import is_vault


def nested_site(folder: str) -> SiteExclusions | None:
    """The rules of a site inside a corpus, known by its configuration (a folder of several
    blogs, a project with its site in ``docs``): below the top, anything less (a ``_data``
    folder) is too weak a sign. Within it they are its rules, not those of a site around
    it: Flink's repository, taken for a Jekyll site by an old ``_include`` folder, had the
    Hugo site in its ``docs`` read whole, its 25 layouts warned of and its Chinese pages
    listed beside the English ones."""
    if (
        reads_content_alone(folder)
        or any(
            os.path.isfile(os.path.join(folder, name)) for name in (*CONFIG_FILES, *QUARTO_CONFIGS)
        )
        or (os.path.isdir(os.path.join(folder, "content")) and is_lektor_project(folder))
        or is_vault(folder)
    ):  # a Lektor project's pages are in ``content``: a look for it costs less than a listing
        return site_exclusions(folder)
    return None


# How deep below a site another may be, a project's site in ``docs`` or ``website/site``:
# deeper folders are the site's own, and looking for one costs a folder several stats.
_NESTED_DEPTH = 2


def rules_within(
    folder: str,
    around: SiteExclusions | None,
    nested: Callable[[str], SiteExclusions | None] = nested_site,
) -> SiteExclusions | None:
    """The rules that hold in ``folder``, where those of the folder it is in are
    ``around``: a site's inside (``nested``, as ``nested_site``), anywhere in a folder that
    is none and near the top of one, whose rules they are within it; else ``around``."""
    if around is not None and folder[len(around.root) :].count(os.sep) >= _NESTED_DEPTH:
        return around
    return nested(folder) or around


def rules_for(
    path: str, root: str, of_root: SiteExclusions | None, known: dict[str, SiteExclusions | None]
) -> SiteExclusions | None:
    """The rules of the site ``path`` is in, as a scan from ``root`` meets them on its way
    down (``rules_within`` each folder, but one the rules around it leave out); ``of_root``
    are the root's; ``known`` keeps what each folder is, for the next path (a watcher's
    burst names many in one folder)."""

    def nested(folder: str) -> SiteExclusions | None:
        if folder not in known:
            known[folder] = nested_site(folder)
        return known[folder]

    folders = []
    folder = os.path.dirname(path)
    while len(folder) > len(root) and folder.startswith(root):
        folders.append(folder)
        folder = os.path.dirname(folder)
    rules = of_root
    for folder in reversed(folders):  # outermost first
        if rules is not None and rules.covers(folder):
            break
        rules = rules_within(folder, rules, nested)
    return rules
