"""MyST (Jupyter Book's and mystmd's Markdown) read as the view can show it.

A role (``{term}`MyST```, ``{ref}`the setup <setup>```) is the words it shows. A
directive, fenced by backticks or colons (```` ```{warning} ````, ``:::{note}``), is
what it holds: a note led by its kind in bold, as other notes set apart are; code as
code in its language; a figure as its picture with its caption; a tab or a dropdown
led by its title; a table of contents, nothing. A link of no words (``[](#setup)``, which
MyST words by the title of what it leads to) shows where it leads. Its options
(``:label: fig1``) are no text: the view showed them, and ``:label:`` as an emoji.
Markdown code keeps what it shows.
"""

from __future__ import annotations

import re

from models.liquid import MARKDOWN_CODE, fenced

_SYNTAX = re.compile(
    r"^(?P<indent>[ \t]*)(?P<directive_fence>`{3,}|:{3,})[ \t]*\{(?P<name>[A-Za-z][\w-]*)\}"
    r"[ \t]*(?P<argument>[^\n]*)\n"
    r"(?P<options>(?:[ \t]*:[\w-]+:[^\n]*\n)*)"
    # Unclosed, it runs to the end, as a code fence does: each one left open tried every
    # line after it, minutes for a page of them.
    r"(?P<content>.*?)(?:^[ \t]*(?P=directive_fence)[ \t]*$|\Z)"
    "|" + MARKDOWN_CODE + r"|\{(?P<role>[A-Za-z][\w:-]*)\}(?P<role_ticks>`+)"
    r"(?P<role_text>[^`\n]+?)(?P=role_ticks)"
    r"|(?<![!\]])\[\]\((?P<target><[^<>\n]+>|[^()\s]+)\)",  # a link of no words
    re.DOTALL | re.MULTILINE,
)
_SHOWN_AS_CODE = frozenset({"code", "code-block", "code-cell", "sourcecode", "math"})
_PICTURES = frozenset({"figure", "image"})
_NOTHING_SHOWN = frozenset(
    {"toctree", "tableofcontents", "contents", "include", "literalinclude", "bibliography"}
    | {"embed", "raw", "mermaid", "iframe"}
)
# Directives of words set apart (and notes: ``NOTE_KINDS``). Fenced by backticks, another
# name is a language: R Markdown's and Quarto's ```` ```{r} ```` is code to run.
_SET_APART = frozenset(
    {"admonition", "tab-set", "tab-item", "dropdown", "card", "grid", "grid-item"}
    | {"grid-item-card", "margin", "sidebar", "epigraph", "topic", "glossary", "aside"}
    | {"div", "container", "rubric", "exercise", "solution", "proof", "example"}
)
_TARGET = re.compile(r"(?P<words>.*?)\s*<[^<>\n]+>\s*$", re.DOTALL)
_DEEPEST = 8  # directives within directives read so; deeper ones are left as written


def myst_markdown(body: str, depth: int = 0) -> str:
    """``body`` with its roles and directives as what they show (see the module's words)."""
    if "[](" not in body and (
        "{" not in body or ("}`" not in body and ":{" not in body and "`{" not in body)
    ):
        return body
    return _SYNTAX.sub(lambda match: _shown(match, depth), body)


def _shown(match: re.Match[str], depth: int) -> str:
    if (code := match.group("fence") or match.group("span")) is not None:
        return code
    if (target := match.group("target")) is not None:  # MyST words it by what it leads to,
        return f"[{target.strip('<>')}]({target})"  # its title: lede shows where it leads
    if (role := match.group("role")) is not None:
        text = match.group("role_text").strip()
        if role in ("math", "code"):
            return f"`{text}`"
        found = _TARGET.fullmatch(text)  # ``the setup <setup>``: its words, not its target
        return found["words"] if found and found["words"] else text
    if depth >= _DEEPEST:
        return match.group()
    return _directive(match, depth + 1)


def _directive(match: re.Match[str], depth: int) -> str:
    from models.markdown_extras import NOTE_KINDS

    name, argument = match.group("name").lower(), match.group("argument").strip()
    content = match.group("content").rstrip("\n")
    known = name in _SET_APART | NOTE_KINDS | _PICTURES | _NOTHING_SHOWN | _SHOWN_AS_CODE
    if not known and match.group("directive_fence").startswith("`"):
        return fenced(match.group("options") + content, match.group("name"))
    if name in _SHOWN_AS_CODE:
        return fenced(content, argument.split()[0] if argument else "")
    if name in _NOTHING_SHOWN:
        return ""
    if name in _PICTURES:
        caption = " ".join(myst_markdown(content, depth).split())
        return f"![{caption}](<{argument}>)" if argument else ""
    inside = myst_markdown(content, depth)
    if name in NOTE_KINDS or name == "admonition":
        kind = "" if name == "admonition" else f"**{name.capitalize()}:**"
        lead = " ".join(part for part in (kind, argument) if part)
        return f"{lead}\n\n{inside}" if lead else inside
    return f"**{argument}**\n\n{inside}" if argument else inside  # a tab, a dropdown, a card
