"""Loading YAML safely and bounded: front matter that would take the reader down is
a ``DocumentError`` on its line instead.

YAML is loaded with the C safe loader; alias bombs and absurdly deep or large front
matter are rejected before they are built.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from models.frontmatter import MAX_FRONT_MATTER_CHARS, MAX_YAML_DEPTH, DocumentError
from models.yaml_loader import Loader

MAX_YAML_NODES = 50_000


def _check_size(node: yaml.Node) -> None:
    """Reject graphs whose expansion (aliases resolved) is too large or too deep.

    Aliases share nodes, so sizes are memoised per node: the check is linear in
    the distinct nodes even when the expansion would be exponential.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(node, 1, False)]
    while stack:
        current, depth, expanded = stack.pop()
        if depth > MAX_YAML_DEPTH:
            raise DocumentError(f"front matter is nested deeper than {MAX_YAML_DEPTH} levels")
        key = id(current)
        if key in sizes:
            continue
        children: list[yaml.Node] = []
        if isinstance(current, yaml.SequenceNode):
            children = list(current.value)
        elif isinstance(current, yaml.MappingNode):
            children = [part for pair in current.value for part in pair]
        if expanded or not children:
            total = 1 + sum(sizes.get(id(child), 0) for child in children)
            if total > MAX_YAML_NODES:
                raise DocumentError(
                    f"front matter expands to more than {MAX_YAML_NODES} values (alias bomb?)"
                )
            sizes[key] = total
            continue
        stack.append((current, depth, True))
        stack.extend((child, depth + 1, False) for child in children if id(child) not in sizes)


_DEEP_INDENT = re.compile(rf"^ {{{MAX_YAML_DEPTH},}}", re.MULTILINE)
_OPENING = (
    yaml.FlowSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.BlockMappingStartToken,
)
_CLOSING = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)


def _check_depth(text: str, first_line: int) -> None:
    """Reject deep nesting from the tokens, before any node is built.

    The C composer recurses once per level: some 30,000 levels (60 kB of
    ``[``) overflow the C stack and kill the process, which no ``except``
    catches. The scanner is iterative, so counting levels in its tokens is
    safe. Without many openers or deep indentation a document cannot nest
    anywhere near that deep, so ordinary ones skip the scan.
    """
    openers = text.count("[") + text.count("{") + text.count("- ") + text.count("? ")
    if openers <= MAX_YAML_DEPTH and _DEEP_INDENT.search(text) is None:
        return
    scanner = Loader(text)
    depth = 0
    too_deep = f"front matter is nested deeper than {MAX_YAML_DEPTH} levels"
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if isinstance(token, _OPENING):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    raise DocumentError(too_deep, first_line + token.start_mark.line)
            elif isinstance(token, _CLOSING):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        # Newer libyaml scanners stop at their own nesting limit, possibly before the
        # tokens reach ours (they look ahead for keys): the same problem, said the same way.
        if "nesting depth" not in (error.problem or "") or error.problem_mark is None:
            raise
        raise DocumentError(too_deep, first_line + error.problem_mark.line) from None
    finally:
        scanner.dispose()


def _needs_graph_check(text: str) -> bool:
    """Cheap test for what could alias or nest too deeply; ordinary documents skip the walk."""
    return (
        ("*" in text and "&" in text)
        or text.count("[") + text.count("{") > MAX_YAML_DEPTH // 2
        or _DEEP_INDENT.search(text) is not None
    )


# What YAML may not hold: controls but tab and line ends, DEL, C1 controls but NEL, lone
# surrogates, and the two non-characters at the end of the first plane.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def load_yaml(text: str, first_line: int = 1, repeated: list[tuple[str, int]] | None = None) -> Any:
    """Parse one YAML document with the safe C loader.

    Errors become ``DocumentError`` with a file line: ``first_line`` is the
    file line where ``text`` starts, so marks point into the file. Keys given twice in
    a mapping are added to ``repeated`` with their file line.
    """
    documents = load_yaml_documents(text, first_line, single=True, repeated=repeated)
    return documents[0][1] if documents else None


# The line git leaves where a merge's conflict begins: YAML reads it as no key, and said
# "could not find expected ':'", as if the file had been written wrong.
_CONFLICT_START = re.compile(r"^<{7}(?: |$)", re.MULTILINE)
CONFLICT = "an unresolved merge conflict: git's <<<<<<< line is in the front matter"


def load_yaml_documents(
    text: str,
    first_line: int = 1,
    *,
    single: bool = False,
    repeated: list[tuple[str, int]] | None = None,
) -> list[tuple[int, Any]]:
    """Parse every document of a YAML stream (data files may end with a ``---`` line),
    each with the file line where its content starts."""
    if len(text) > MAX_FRONT_MATTER_CHARS:
        raise DocumentError(f"YAML is larger than {MAX_FRONT_MATTER_CHARS} characters")
    loader = Loader(text)
    try:
        _check_depth(text, first_line)
        if single:
            node = loader.get_single_node()
            nodes = [] if node is None else [node]
        else:
            nodes = []
            while loader.check_node():
                nodes.append(loader.get_node())
        if _needs_graph_check(text):
            for node in nodes:
                _check_size(node)
        documents = [
            (first_line + node.start_mark.line, loader.construct_document(node)) for node in nodes
        ]
        if repeated is not None:
            repeated.extend((key, first_line + line) for key, line in loader.repeated)
        return documents
    except yaml.MarkedYAMLError as error:
        if conflict := _CONFLICT_START.search(text):
            at = first_line + text.count("\n", 0, conflict.start())
            raise DocumentError(CONFLICT, at) from None
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark else None
        problem = error.problem or error.context or "invalid YAML"
        start = error.context_mark
        if error.problem and error.context and start and mark and start.line != mark.line:
            # An unclosed quote or bracket is found at the end: say where it began.
            problem += f" ({error.context} on line {first_line + start.line})"
        raise DocumentError(f"invalid YAML: {problem}", line) from None
    except yaml.reader.ReaderError as error:
        # A control character (a backspace pasted into a name) lost the whole document;
        # text is repaired of controls anyway, so they go, and the rest loads.
        readable = _UNPRINTABLE.sub("", text)
        if readable == text:
            raise DocumentError(f"invalid YAML: {error.reason}") from None
        return load_yaml_documents(readable, first_line, single=single, repeated=repeated)
    except yaml.YAMLError as error:
        raise DocumentError(f"invalid YAML: {error}") from None
    except RecursionError:
        raise DocumentError(f"YAML is nested deeper than {MAX_YAML_DEPTH} levels") from None
    finally:
        loader.dispose()
