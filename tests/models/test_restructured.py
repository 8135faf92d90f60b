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

Get it from [GitHub](https://github.test/nikola) or [PyPI](https://pypi.test/nikola), \
with ``pip install nikola``.

Run this:

```
nikola build
```

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


PELICAN_POST = """\
This is a super article !
#########################

:date: 2010-12-02 10:14
:tags: foo, bar

And here comes the `cool stuff`_, and more_.

.. image:: /pictures/Sushi.jpg
   :alt: alternate text

::

   >>> from ipdb import set_trace
   >>> set_trace()

Some code ::

  x = 1

  y = 2

.. _cool stuff: https://books.test/views
.. _More: https://more.test/
"""


def test_a_literal_block_after_a_directive_is_code_and_references_are_links() -> None:
    """A ``::`` block after a picture showed as that picture's caption, and its three-space
    indent was no code to Markdown; ```cool stuff`_`` showed its words with no link."""
    parsed = parse_document(PELICAN_POST, "content/super_article.rst")
    assert parsed.article is not None and not parsed.problems
    assert _lines(parsed.article.body) == [
        "And here comes the [cool stuff](https://books.test/views), and [more](https://more.test/).",
        ":::{image} /pictures/Sushi.jpg",
        ":alt: alternate text",
        ":::",
        "```",
        ">>> from ipdb import set_trace",
        ">>> set_trace()",
        "```",
        "Some code",
        "```",
        "x = 1",
        "y = 2",
        "```",
    ]


FOOTNOTES = """\
.. title: Nikola 5.4 is out!
.. date: 2013/03/04 18:40:24

A new theme [#]_, named [#theme]_, and a fix [#]_.

.. [#] There are also some extra bits of documentation.
.. [#theme] Called "site-reveal".
.. [#] In the build.
"""


def test_footnotes_are_numbered_as_docutils_numbers_them() -> None:
    """``[#]_`` and ``.. [#]`` showed as written."""
    parsed = parse_document(FOOTNOTES, "posts/nikola-54-is-out.txt")
    assert parsed.article is not None
    assert _lines(parsed.article.body) == [
        "A new theme [1], named [2], and a fix [3].",
        "[1] There are also some extra bits of documentation.",
        '[2] Called "site-reveal".',
        "[3] In the build.",
    ]


SUBSTITUTIONS = """\
.. title: Climbing the Everest
.. date: 2019-06-19

|image0| Starting the trek, |project|. |unknown| stays.

.. |image0| image:: https://cdn.test/trek.jpeg
   :alt: The trek
.. |project| replace:: the NDCube project
"""


def test_a_substitution_shows_what_it_stands_for() -> None:
    """A picture given as ``|image0|`` (as pandoc writes them) showed ``|image0|`` and its
    definition's line."""
    parsed = parse_document(SUBSTITUTIONS, "posts/everest.rst")
    assert parsed.article is not None
    assert _lines(parsed.article.body) == [
        "![The trek](https://cdn.test/trek.jpeg) Starting the trek, the NDCube project. "
        "|unknown| stays."
    ]


def test_a_nikola_post_in_markdown_keeps_its_body() -> None:
    """Its metadata lines are the same, in an HTML comment; its body is Markdown."""
    text = "<!--\n.. title: T\n-->\n\nA `code span`_ stays as written.\n"
    parsed = parse_document(text, "posts/t.md")
    assert (
        parsed.article is not None and parsed.article.body == "A `code span`_ stays as written.\n"
    )
