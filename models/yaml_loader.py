"""The safe YAML loader front matter is read with, lenient where a strict one lost posts.

Only what YAML's safe schema names is built: a tag of another program (Ruby's
``!ruby/symbol``, a site tool's ``!asset``) is read as the plain value it tags, never run.
"""

from __future__ import annotations

import base64
import binascii
import math
from collections.abc import Callable
from typing import Any

import yaml


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # either loader
    """The safe loader, whose scalars that look typed and are not stay text.

    A scalar may look like a date or a number and not be one (``2021-02-30``, ``0x_``):
    PyYAML's constructors then raise a plain ``ValueError``, and one such value lost the
    whole document. As text, it fails only a field that wants a date or a number, which
    the model reports on its line and leaves out; the rest of the document loads.

    A key given twice in one mapping is kept in ``repeated`` with its line (from 0), for
    a warning: PyYAML takes the last value and says nothing, and a person who wrote
    ``title:`` twice sees the other one."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.repeated: list[tuple[str, int]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):  # ``!!set`` on a list: PyYAML's own error
            return dict(super().construct_mapping(node, deep))
        # Its own keys: a merged one (``<<``) may be given again. A key that is a list or a
        # mapping (``? [a]``) names no field and is left out: PyYAML's error lost the document.
        scalar = yaml.ScalarNode
        node.value = [pair for pair in node.value if type(pair[0]) is scalar]
        keys = [key.value for key, _ in node.value]
        if len(set(keys)) < len(keys):
            seen: set[object] = set()
            for key, (node_key, _) in zip(keys, node.value, strict=True):
                if key in seen:
                    self.repeated.append((node_key.value, node_key.start_mark.line))
                seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep)
        return mapping


def _or_text(construct: Callable[[Any, yaml.ScalarNode], Any]) -> Callable[..., Any]:
    """``construct``, giving the scalar's text for a value out of range, for one that is no
    number (``.nan``: a title written so read "nan"), and for one its tag says it is not
    (``!!bool maybe``, ``!!timestamp x``: a KeyError or an AttributeError of PyYAML's)."""

    def constructed(loader: Any, node: yaml.ScalarNode) -> Any:
        try:
            value = construct(loader, node)
        except (ValueError, OverflowError, LookupError, AttributeError):
            return node.value
        if isinstance(value, float) and not math.isfinite(value):
            return node.value
        return value

    return constructed


for _tag in ("timestamp", "int", "float", "bool"):
    _tag = f"tag:yaml.org,2002:{_tag}"
    Loader.add_constructor(_tag, _or_text(Loader.yaml_constructors[_tag]))


def _binary_text(loader: Any, node: yaml.ScalarNode) -> str:
    """A base64 scalar (``!!binary``, and Ruby's ``!binary``, which WordPress imports write
    for values their database handed over as bytes) as the text it encodes; as written
    if it encodes none."""
    try:
        return base64.b64decode(node.value).decode("utf-8")
    except (binascii.Error, ValueError):
        return str(node.value)


_PYTHON_TAGS = "tag:yaml.org,2002:python/"
_RUBY_OBJECT = "!ruby/object:"


def _untagged(loader: Loader, node: yaml.Node) -> Any:
    """A value under a tag the safe schema does not know, as if it had none: the tag is
    another program's (a Ruby object, a site tool's macro), and one such value lost the
    whole post. A scalar stays text. A Ruby object is no value of the post's: its fields
    are a program's state (WordPress imports write an empty parsed page, ``Hpricot::Doc``,
    as the excerpt), so it reads as unwritten. Python's own object tags are still refused: no
    site writes them, so one in a post is an attempt to run code, said on its line."""
    if str(node.tag).startswith(_PYTHON_TAGS):
        loader.construct_undefined(node)
    if str(node.tag).startswith(_RUBY_OBJECT):
        return None
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    return node.value


Loader.add_constructor("tag:yaml.org,2002:binary", _binary_text)
Loader.add_constructor("!binary", _binary_text)
Loader.add_constructor(None, _untagged)
