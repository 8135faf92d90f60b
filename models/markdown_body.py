"""A document's body as the Markdown the detail view shows, whatever markup it is written
in: a Logseq page's without Logseq's own syntax, a Nikola or Pelican post's in
reStructuredText (``.txt``, ``.rst``), an AsciiDoc or Org post's, each with its links,
blocks and marks as Markdown's, which showed as written."""

from __future__ import annotations

from models.asciidoc import SUFFIXES as ASCIIDOC_SUFFIXES
from models.asciidoc import asciidoc_body
from models.frontmatter import SplitDocument
from models.logseq import is_logseq, logseq_markdown
from models.org_body import org_markdown
from models.org_mode import ORG_SUFFIX
from models.restructured import rest_markdown


def markdown_body(split: SplitDocument, path: str) -> str:
    """The body of ``split``, read from the file at ``path``, as Markdown."""
    if is_logseq(split, path):
        return logseq_markdown(split.body)
    suffix = path[path.rfind(".") :].lower()  # one look for every file: no function call
    if suffix in ASCIIDOC_SUFFIXES:
        return asciidoc_body(split, path)
    if suffix == ORG_SUFFIX:
        return org_markdown(split.body)
    if split.language == "docinfo" or (
        split.language in ("nikola", "ablog") and suffix in (".txt", ".rst")
    ):
        return rest_markdown(split.body)
    return split.body
