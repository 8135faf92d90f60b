"""A post written in reStructuredText (Nikola's ``.txt`` and ``.rst`` posts) read as the
Markdown the view shows.

Its links (```the docs <https://…>`__``) are Markdown's links, a reference to a target
named elsewhere (```GitHub`_``) its words, and the targets (``.. _GitHub: https://…``)
no text. Its directives (``.. note::``, ``.. code-block:: python``, ``.. figure::`` and
their indented lines) are written as MyST's fenced ones and its roles (``:doc:`x```) as
MyST's, which ``models.myst`` reads as it reads a Jupyter Book's; ``.. class::`` styles
the next paragraph and shows nothing. A paragraph's closing ``::``, which opens a block
of code, shows as ``:``. The rest (paragraphs, emphasis, ````code````, lists, titles
underlined by ``=`` or ``-``) reads alike in both.
"""

from __future__ import annotations

import re
import textwrap

_DIRECTIVE = re.compile(
    r"^\.\. (?P<name>[A-Za-z][\w-]*)::[ \t]*(?P<argument>[^\n]*)\n"
    r"(?P<block>(?:[ \t]*\n|[ \t]+[^\n]*\n)*)",
    re.MULTILINE,
)
_COLON_FENCE = re.compile(r"^:{3,}", re.MULTILINE)  # a directive's within this one
_OPTION = re.compile(r":[\w-]+:(?:[ \t][^\n]*)?")
_TARGET = re.compile(r"^(?:\.\. _[^:\n]+:|__)[ \t]+\S+[ \t]*\n", re.MULTILINE)
_INLINE = re.compile(
    r"(?P<literal>``[^\n]+?``)"
    r"|`(?P<text>[^`<\n]*?)[ \t]*<(?P<url>[^`<>\n]+)>`__?"
    r"|:(?P<role>[A-Za-z][\w:-]*):`(?P<role_text>[^`\n]+)`"
    r"|`(?P<named>[^`\n]+)`__?(?![\w])"
    r"|(?<![\w`])(?P<word>[A-Za-z0-9][\w.-]*?)__?(?![\w])"  # ``GitHub_``
)
_LITERAL_MARK = re.compile(r"^(?!\.\. )(.*\S)::[ \t]*$|^[ \t]*::[ \t]*\n", re.MULTILINE)


def rest_markdown(body: str) -> str:
    """``body`` (reStructuredText) as Markdown, as the module's words say."""
    body = _LITERAL_MARK.sub(lambda found: f"{found[1]}:" if found[1] else "", body)
    body = _DIRECTIVE.sub(_directive, _TARGET.sub("", body.replace("\r\n", "\n")))
    return _INLINE.sub(_inline, body)


def _directive(found: re.Match[str]) -> str:
    """A directive as MyST writes it: fenced by colons, its options first."""
    name, argument = found["name"], found["argument"].strip()
    lines = textwrap.dedent(found["block"]).strip("\n").split("\n")
    options = []
    while lines and _OPTION.fullmatch(lines[0]):
        options.append(lines.pop(0))
    content = "\n".join(lines).strip("\n")
    if name == "class":
        return f"{content}\n\n" if content else ""
    if name not in ("code", "code-block", "sourcecode"):
        content = rest_markdown(content)
    fence = ":" * max([3, *(len(run) + 1 for run in _COLON_FENCE.findall(content))])  # outside
    head = "\n".join([f"{fence}{{{name}}} {argument}".rstrip(), *options])
    return f"{head}\n{content}\n{fence}\n\n"


def _inline(found: re.Match[str]) -> str:
    if found["literal"]:
        return found["literal"]
    if found["url"]:
        return f"[{found['text']}]({found['url']})" if found["text"] else f"<{found['url']}>"
    if found["role"]:
        return f"{{{found['role']}}}`{found['role_text']}`"  # MyST's, read as its words
    return found["named"] or found["word"]
