"""Quarto's escapes shown as Quarto shows them: written to be shown, not run, they were
shown with their extra braces."""

from __future__ import annotations

from models.html import readable_body

POST = """\
Use the `{{{< include _content.qmd >}}}` shortcode, or {{{< var version >}}} in prose.

````markdown
```{{python}}
1 + 1
```
````

```{{r}}
#| echo: true
2 + 2
```
"""


def test_an_escaped_shortcode_shows_two_braces() -> None:
    shown = readable_body(POST, "posts/includes.qmd")
    assert "`{{< include _content.qmd >}}`" in shown
    assert "or {{\\< var version >}} in prose" in shown  # ``\<``: no tag to Markdown
    assert "{{{" not in shown


def test_an_escaped_chunk_shows_as_the_chunk_it_writes() -> None:
    """Within a code block, and a chunk alone, its fence lines shown in a longer fence."""
    shown = readable_body(POST, "posts/includes.qmd")
    assert "````markdown\n```{python}\n1 + 1\n```\n````" in shown
    assert "````\n```{r}\n#| echo: true\n2 + 2\n```\n````" in shown
    assert "{{python}}" not in shown and "{{r}}" not in shown


def test_other_documents_keep_their_braces_in_code() -> None:
    """The escapes are Quarto's: a Markdown post's code shows what it holds."""
    assert "```{{python}}" in readable_body(POST, "posts/includes.md")
