"""A Nikola post in reStructuredText read as the Markdown the view shows: its links,
references, roles and directives showed as written in every post."""

from __future__ import annotations

import pytest

from models.document import parse_document
from models.html import readable_body

POST = """\
.. title: Upgrading
.. date: 2018-05-05 18:55:43 UTC

.. class:: lead

Nikola v8 is a huge release: see `the handbook <https://x.test/handbook>`__ and :doc:`theming`.

Get it from GitHub_ or `PyPI`_, with ``pip install nikola``.

.. _GitHub: https://github.test/nikola
.. _PyPI: https://pypi.test/nikola

Run this::

    nikola build

.. code-block:: python
   :number-lines:

   print("built")

.. note:: Back up your site first.

.. figure:: /images/v8.png
   :width: 300

   The new theme
"""

SHOWN = """\
Nikola v8 is a huge release: see [the handbook](https://x.test/handbook) and theming.

Get it from GitHub or PyPI, with ``pip install nikola``.

Run this:

    nikola build

```python
print("built")
```

**Note:** Back up your site first.

![The new theme](</images/v8.png>)"""


@pytest.mark.parametrize("name", ["posts/upgrading.txt", "posts/upgrading.rst"])
def test_a_nikola_post_in_restructured_text_reads_as_markdown(name: str) -> None:
    parsed = parse_document(POST, name)
    assert parsed.article is not None and not parsed.problems
    shown = readable_body(parsed.article.body, name)
    assert _lines(shown) == _lines(SHOWN)


def _lines(text: str) -> list[str]:
    """The lines that hold something: how many blank lines part two blocks is no matter."""
    return [line for line in text.split("\n") if line.strip()]


def test_a_nikola_post_in_markdown_keeps_its_body() -> None:
    """Its metadata lines are the same, in an HTML comment; its body is Markdown."""
    text = "<!--\n.. title: T\n-->\n\nA `code span`_ stays as written.\n"
    parsed = parse_document(text, "posts/t.md")
    assert (
        parsed.article is not None and parsed.article.body == "A `code span`_ stays as written.\n"
    )
