"""MyST's roles and directives (Jupyter Book's, mystmd's) read as the view can show them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from models.html import readable_body
from models.markdown_extras import with_emoji
from models.myst import myst_markdown

PROJECT = Path(__file__).resolve().parents[2]

POST = """\
Use {term}`MyST`, press {kbd}`Ctrl+C`, see {ref}`the setup <setup>` and {math}`a^2`.

:::{note}
A colon-fenced note.
:::

```{warning}
A backtick-fenced warning.
```

:::{figure} ./img.png
:label: fig1
A caption.
:::

```{code-block} python
:linenos:
print("hi")
```

::::{tip} A titled tip
:::{seealso}
Inside.
:::
::::

```{toctree}
intro
```

```{r}
x <- 1
```

```text
{term}`kept` and :::{note} as written
```
"""


def test_roles_and_directives_show_what_they_hold() -> None:
    """They were shown as written: ``{term}MyST``, a warning as code, ``{figure} ./img.png``,
    and the option ``:label: fig1`` as the emoji for ``:label:``."""
    shown = [line for line in myst_markdown(POST).split("\n") if line]
    assert shown == [
        "Use MyST, press Ctrl+C, see the setup and `a^2`.",
        "**Note:**",
        "A colon-fenced note.",
        "**Warning:**",
        "A backtick-fenced warning.",
        "![A caption.](<./img.png>)",
        "```python",
        'print("hi")',
        "```",
        "**Tip:** A titled tip",
        "**Seealso:**",
        "Inside.",
        "```r",  # R Markdown's and Quarto's code to run, fenced so: code still
        "x <- 1",
        "```",
        "```text",
        "{term}`kept` and :::{note} as written",
        "```",
    ]
    read = with_emoji(readable_body(POST, "book/intro.md"))  # as the reader shows it
    assert "**Warning:**" in read and ":label:" not in read and "🏷" not in read


def test_directives_left_open_are_read_at_once() -> None:
    """Each tried every line after it: a page of them took minutes."""
    script = (
        "from models.myst import myst_markdown\n"
        "myst_markdown(':::{note}\\n' * 20_000)\n"
        "myst_markdown('```{note}\\n' * 20_000)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=10, cwd=PROJECT)


def test_a_link_of_no_words_shows_where_it_leads() -> None:
    """MyST words ``[](target)`` by the title of what it leads to: the reader showed an
    empty item for each such link (a real ABlog post's list of gallery examples)."""
    body = "- [](inv:sunpy:std:doc#gallery/eclipse)\n- [](<my page.md>) and `[](code)`\n"
    assert readable_body(body, "posts/eclipse.md") == (
        "- [inv:sunpy:std:doc#gallery/eclipse](inv:sunpy:std:doc#gallery/eclipse)\n"
        "- [my page.md](<my page.md>) and `[](code)`\n"
    )
    assert readable_body("![](a.png) and [a](b)\n", "a.md") == "![](a.png) and [a](b)\n"
