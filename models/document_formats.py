"""Which of the formats lede reads a document is written in: its front matter and body
split apart by the first format that takes it.

The order matters: a format that could take another's text (Pelican's ``Key: value``
lines, a plain page) comes after the ones that name themselves.
"""

from __future__ import annotations

from dataclasses import replace

from models.ablog import split_ablog
from models.advisory import split_advisory
from models.asciidoc import split_asciidoc
from models.clipping import saved_page
from models.dated_page import dated_page
from models.docinfo import split_docinfo
from models.foam import foam_note
from models.franklin import split_definitions
from models.frontmatter import SplitDocument, split_front_matter
from models.jbake_header import split_jbake
from models.json_front_matter import split_json
from models.lektor import split_lektor
from models.logseq import graph_page, split_properties
from models.notebook import split_notebook
from models.notion_page import notion_page
from models.org_mode import split_org
from models.pelican import sidecar_metadata, split_metadata
from models.plain_pages import plain_page
from models.ruby_front_matter import split_ruby
from models.unopened_yaml import split_unopened_yaml
from models.vault import vault_note
from models.ziggy import ZINE_SUFFIX


def split_document(text: str, path: str, sidecar: str | None = None) -> SplitDocument | None:
    """The document's front matter and body, or None where no format takes it.
    ``sidecar`` is the text of Nikola's ``POST.meta``, read where the post holds no
    metadata of its own."""
    # Else Bridgetown's Ruby, a Lektor page's fields, Hexo's YAML with no opening line,
    # Pelican's metadata lines, Franklin's @def lines, Logseq's properties, a docinfo,
    # ABlog's directive, an advisory's TOML or JSON, JBake's header.
    split = (
        split_front_matter(text)
        or split_asciidoc(text, path)
        or split_notebook(text, path)
        or split_org(text, path)
        or split_ruby(text)
        or split_lektor(text, path)
        or split_unopened_yaml(text, path)
        or split_metadata(text)
        or split_definitions(text)
        or split_properties(text)
        or split_docinfo(text, path)
        or split_ablog(text, path)
        or split_advisory(text, path)
        or split_json(text, path)
        or split_jbake(text)
        or graph_page(text, path)
        or vault_note(text, path)
        or foam_note(text, path)
        or plain_page(text, path)
    )
    if split is None and sidecar is not None:
        split = SplitDocument(sidecar_metadata(sidecar), text, 1, "nikola")
    if split is None:
        split = dated_page(text, path) or saved_page(text, path) or notion_page(text, path)
    if split is not None and split.language == "yaml" and path.endswith(ZINE_SUFFIX):
        split = replace(split, language="ziggy")  # Zine's page: Ziggy
    return split
