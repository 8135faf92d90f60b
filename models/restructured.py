"""A post written in reStructuredText (Nikola's ``.txt`` and ``.rst`` posts) read as the
Markdown the view shows.

Its links (```the docs <https://…>`__``) are Markdown's links, and so is a reference to
a target named elsewhere (```GitHub`_``, ``GitHub_``; its words alone where none is),
the targets (``.. _GitHub: https://…``) no text; a substitution (``|logo|``) is what
its definition (``.. |logo| image:: /logo.png``) says, a picture or words. Its
directives (``.. note::``, ``.. code-block:: python``, ``.. figure::`` and their
indented lines) are written as MyST's fenced ones and its roles (``:doc:`x```) as
MyST's, which ``models.myst`` reads as it reads a Jupyter Book's; ``.. class::`` styles
the next paragraph and shows nothing. A paragraph's closing ``::``, which opens a block
of code, shows as ``:``, and the indented block after it as fenced code. Footnotes and
their references (``[#]_``) are numbered. The rest (paragraphs, emphasis,
````code````, lists, titles underlined by ``=`` or ``-``) reads alike in both.
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
_TARGET = re.compile(r"^(?:\.\. _(?P<name>[^:\n]+):|__)[ \t]+(?P<url>\S+)[ \t]*\n", re.MULTILINE)
_INLINE = re.compile(
    r"(?P<literal>``[^\n]+?``)"
    r"|`(?P<text>[^`<\n]*?)[ \t]*<(?P<url>[^`<>\n]+)>`__?"
    r"|:(?P<role>[A-Za-z][\w:-]*):`(?P<role_text>[^`\n]+)`"
    r"|`(?P<named>[^`\n]+)`__?(?![\w])"
    r"|(?<![\w`])(?P<word>[A-Za-z0-9][\w.-]*?)__?(?![\w])"  # ``GitHub_``
)
_LITERAL_MARK = re.compile(r"^(?!\.\. |:::)(.*\S)::[ \t]*$|^[ \t]*::[ \t]*\n", re.MULTILINE)
# A substitution's definition (``.. |logo| image:: /logo.png``, its options indented
# after it) and a use of one (``|logo|``, ``|logo|_``).
_SUBSTITUTION = re.compile(
    r"^\.\. \|(?P<name>[^|\n]+)\|[ \t]+(?P<kind>image|replace)::[ \t]*(?P<value>[^\n]*)\n"
    r"(?P<options>(?:[ \t]+[^\n]*\n)*)",
    re.MULTILINE,
)
_SUBSTITUTED = re.compile(r"\|(?P<name>[^|\s](?:[^|\n]*[^|\s])?)\|(?:__?)?")
_ALT = re.compile(r"^[ \t]+:alt:[ \t]*(.*\S)", re.MULTILINE)
# A footnote (``.. [#] text``, ``.. [#name]``, ``.. [1]``) and a reference to one (``[#]_``).
_FOOTNOTE = re.compile(r"^\.\. \[(?P<label>#[\w-]*|\d+|\*)\](?=[ \t\n])", re.MULTILINE)
_FOOTNOTE_REFERENCE = re.compile(r"\[(?P<label>#[\w-]*|\d+|\*)\]_(?![\w])")
# A literal block: ``::`` ending a paragraph (or alone), a blank line, indented lines.
_LITERAL_BLOCK = re.compile(
    r"^(?:(?P<lead>(?!\.\. |:::)[^\n]*?\S)(?P<space>[ \t]*))?::[ \t]*\n(?:[ \t]*\n)+"
    r"(?P<block>(?:[ \t]+\S[^\n]*\n|[ \t]*\n)*[ \t]+\S[^\n]*(?:\n|$))",
    re.MULTILINE,
)


def rest_markdown(body: str) -> str:
    """``body`` (reStructuredText) as Markdown, as the module's words say."""
    body = body.replace("\r\n", "\n")
    targets = {
        _name(found["name"]): found["url"] for found in _TARGET.finditer(body) if found["name"]
    }
    if ".. |" in body:
        body = _substitutions(body)
    if "]_" in body or ".. [" in body:
        body = _footnotes(body)
    body = _DIRECTIVE.sub(_directive, _TARGET.sub("", body))  # a block ends at ``::``
    if "::" in body:
        body = _LITERAL_BLOCK.sub(_literal, body)
        body = _LITERAL_MARK.sub(lambda found: f"{found[1]}:" if found[1] else "", body)
    return _INLINE.sub(lambda found: _inline(found, targets), body)


def _substitutions(body: str) -> str:
    """Each ``|name|`` that a definition names as what it stands for: a picture, as
    Markdown's, or words; the definitions no text."""
    values: dict[str, str] = {}

    def definition(found: re.Match[str]) -> str:
        value = found["value"].strip()
        if found["kind"] == "image":
            alt = _ALT.search(found["options"])
            value = f"![{alt[1] if alt else found['name']}]({value})"
        values[found["name"]] = value
        return ""

    body = _SUBSTITUTION.sub(definition, body)
    return _SUBSTITUTED.sub(lambda found: values.get(found["name"], found[0]), body)


def _footnotes(body: str) -> str:
    """Footnotes and the references to them as their numbers, ``[1]``, as docutils numbers
    them: an auto-numbered one (``#``) by its place among the footnotes."""
    numbers: dict[str, str] = {}
    unnamed: list[str] = []

    def note(found: re.Match[str]) -> str:
        label = found["label"]
        if label.startswith("#"):
            number = numbers.setdefault(label, str(len(numbers) + len(unnamed) + 1))
            if label == "#":
                del numbers["#"]
                unnamed.append(number)
            label = number
        return f"\n[{label}]"  # a paragraph of its own, as each is shown

    body = _FOOTNOTE.sub(note, body)
    places = iter(unnamed)

    def reference(found: re.Match[str]) -> str:
        label = found["label"]
        if label == "#":
            return f"[{next(places, '#')}]"
        return f"[{numbers.get(label, label)}]"

    return _FOOTNOTE_REFERENCE.sub(reference, body)


def _name(name: str) -> str:
    """A reference's name as its target is found by: case and spacing no matter."""
    return " ".join(name.split()).lower()


def _literal(found: re.Match[str]) -> str:
    """A literal block as fenced code, after its paragraph: ``Text::`` shows ``Text:``,
    ``Text ::`` and ``::`` alone nothing more, as docutils shows them."""
    lead = found["lead"] or ""
    if lead and not found["space"]:
        lead += ":"
    fence = "~~~" if "```" in found["block"] else "```"
    code = textwrap.dedent(found["block"]).strip("\n")
    return f"{lead}\n\n{fence}\n{code}\n{fence}\n" if lead else f"{fence}\n{code}\n{fence}\n"


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


def _inline(found: re.Match[str], targets: dict[str, str]) -> str:
    if found["literal"]:
        return found["literal"]
    if found["url"]:
        return f"[{found['text']}]({found['url']})" if found["text"] else f"<{found['url']}>"
    if found["role"]:
        return f"{{{found['role']}}}`{found['role_text']}`"  # MyST's, read as its words
    words = found["named"] or found["word"]
    url = targets.get(_name(words))
    return f"[{words}]({url})" if url else words
