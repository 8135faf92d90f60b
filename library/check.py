"""``lede check``: a full parse of every document, with every problem reported.

Unlike the index (which parses summaries), this reads whole documents, so
errors in ``related`` or ``images`` blocks are found too.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from library.built_pages import is_built_page
from library.counts import plural
from library.loader import load_file, read_ahead
from library.parallel import map_batches
from library.problems import duplicate_warning, topic_warnings
from library.scan import MARKUP_SUFFIXES, FoundFile, Skipped, scan
from library.sidecars import is_sidecar
from models.document import UNTITLED
from models.logseq import in_graph
from models.problem import Problem
from models.taxonomy import Topic
from models.topic import TopicTree
from models.vault import in_vault


@dataclass
class CheckReport:
    """Problems found and what was checked."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    articles: int = 0
    topics: int = 0
    invalid: int = 0

    @property
    def summary(self) -> str:
        """The last line of ``lede check``."""
        errors = sum(p.severity == "error" for p in self.problems)
        warnings = len(self.problems) - errors
        return (
            f"checked {plural(self.files, 'file')} ({plural(self.articles, 'article')}, "
            f"{plural(self.topics, 'topic')}): {self.invalid:,} invalid, "
            f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
        )


@dataclass(frozen=True)
class _Checked:
    path: str
    identity: str | None
    topics_defined: list[Topic]
    topic_lines: list[int]
    topics: tuple[str, ...]
    problems: list[Problem]
    post: bool = False  # a post within a file (``library.file_posts``), no file of its own


NO_FRONT_MATTER = "no front matter: not read as a document"


def _check_many(batch: list[FoundFile]) -> list[_Checked]:
    results = []
    with read_ahead(found.path for found in batch) as ahead:
        for found in batch:
            parsed = load_file(found.path, explicit=found.explicit, root=found.root, ahead=ahead)
            if parsed.problems and not (found.explicit or os.path.lexists(found.path)):
                continue  # removed since the scan found it (as the index leaves it out)
            if (
                not (parsed.has_front_matter or found.explicit or _partial(found.path))
                and found.path.lower().endswith(MARKUP_SUFFIXES)
                and not is_built_page(found.path, found.root)  # a site's output, beside its sources
                and not in_graph(found.path)  # a graph's empty page: a day's journal, a bullet
            ):
                # The reader skips it quietly (a README is no article); a check says so, in
                # case it was meant to be one.
                parsed.report("warning", NO_FRONT_MATTER, 1)
            article = parsed.article
            problems = parsed.problems
            # A note's name is its title there, as a Logseq page's is: a check of a vault
            # warned of each (5,843 in Obsidian's own help).
            if in_vault(found.path) or in_graph(found.path):
                problems = [p for p in problems if p.message != UNTITLED]
            results.append(
                _Checked(
                    found.path,
                    article.identity if article else None,
                    parsed.topics,
                    parsed.topic_lines,
                    tuple(article.topics) if article else (),
                    problems,
                )
            )
            for post in parsed.posts:  # ox-hugo's one-file blog: a post a subtree, no file each
                post_article = post.article
                identity = post_article.identity if post_article else None
                topics = tuple(post_article.topics) if post_article else ()
                results.append(_Checked(post.path, identity, [], [], topics, post.problems, True))
    return results


def _partial(path: str) -> bool:
    """Whether a file is a part other pages include, never a page of its own (Quarto,
    Docusaurus and Astro leave out names that start with ``_``)."""
    return os.path.basename(path).startswith("_")


def check(paths: Iterable[str]) -> CheckReport:
    """Check every document under ``paths``."""
    report = CheckReport()
    files: list[FoundFile] = []
    for item in scan(paths):
        if isinstance(item, Skipped):
            report.problems.append(Problem(item.path, None, item.severity, item.reason))
            if item.severity == "error":
                report.invalid += 1
                report.files += not os.path.isdir(item.path)  # a file not read was checked
        elif item.explicit or not is_sidecar(item.path):  # a sidecar is checked with its post
            files.append(item)
    paths_of: dict[str, list[str]] = {}  # the files of each identity
    taxonomy: list[Topic] = []
    taxonomy_paths: list[str] = []  # the file of each entry
    taxonomy_lines: list[int] = []  # and its line there
    used: list[str] = []
    for batch in map_batches("library.check:_check_many", files):
        for checked in batch:
            report.files += not checked.post
            problems = list(checked.problems)
            if checked.identity is not None:
                used.extend(checked.topics)
                paths_of.setdefault(checked.identity, []).append(checked.path)
            report.topics += len(checked.topics_defined)
            taxonomy.extend(checked.topics_defined)
            taxonomy_paths += [checked.path] * len(checked.topics_defined)
            taxonomy_lines += checked.topic_lines
            if any(p.severity == "error" for p in problems):
                report.invalid += 1
            report.problems.extend(problems)
    tree = TopicTree.build(taxonomy, used)
    report.problems += topic_warnings(tree, taxonomy_paths, taxonomy_lines)
    report.articles = len(paths_of)  # a duplicate is no second article, as in the index
    report.problems += _duplicate_warnings(paths_of.values())
    return report


def _duplicate_warnings(paths_of: Iterable[list[str]]) -> list[Problem]:
    """A warning for each file of an identity but its first by path, which the index
    lists (the order the files were checked in, that of the paths given, is not its)."""
    warnings = []
    for paths in paths_of:
        original = min(paths)
        warnings += [duplicate_warning(path, original) for path in paths if path != original]
    return sorted(warnings, key=lambda problem: problem.path)
