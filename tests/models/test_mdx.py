"""MDX read as the Markdown around its components: no imports, exports, comments or
component tags, the text inside components and every code block kept."""

from __future__ import annotations

from models.html import readable_body
from models.mdx import mdx_markdown

POST = """\
import Tabs from '@theme/Tabs';
import { Release } from '#site/components';
export const meta = {
  draft: false,
};

# Upgrading

{/* a note for editors */}
<AlertBox level="info" title="!">
  Read this first.
</AlertBox>

<Release.Provider>
  <Release.ReleaseCodeBox />
</Release.Provider>

Before <Highlight color="red">this</Highlight> and <>that</>.

<img
  alt="A logo"
  src="/logo.svg"
/>
After the image.

```js
import fs from 'node:fs';
export default <App />;
```
"""


def test_a_post_reads_as_its_markdown_and_the_text_in_its_components() -> None:
    text = readable_body(POST, "blog/upgrade.mdx")
    assert "import" not in text.split("```")[0] and "export const" not in text
    assert "editors" not in text and "Release" not in text and "<" not in text.split("```")[0]
    assert "# Upgrading" in text and "Read this first." in text
    assert "Before this and that." in text and "After the image." in text
    assert "```js\nimport fs from 'node:fs';\nexport default <App />;\n```" in text


def test_a_markdown_file_that_imports_components_is_read_so() -> None:
    """Docusaurus reads ``.md`` as MDX: a post opened with ``import DiscussionBox from …``,
    which a search for its file name found too. An import in code is the post's text."""
    body = "import Box from '../box.jsx'\n\nText.\n\n<Box url=\"https://a.test/\" />\n"
    assert readable_body(body, "blog/post.md").strip() == "Text."
    assert readable_body("import A from 'a';\n# Tabs\n", "post.md") == "# Tabs\n"  # its end
    in_code = "```js\nimport x from 'y'\n```\n\nexport works as in Python."
    assert readable_body(in_code, "post.md") == in_code


def test_links_pictures_breaks_and_rules_keep_what_they_show() -> None:
    """Their tags went as layout: a link's address, a picture, a rule, and the space a
    ``<br/>`` made ("Word oneword two")."""
    body = (
        'Word one<br/>word two, <a href="https://x.org/a b">a link</a>.\n\n'
        '<img src="/a.png" alt="A diagram" />\n\nAbove\n\n<hr />\n\nBelow'
    )
    assert readable_body(body, "post.mdx") == (
        "Word one\\\nword two, [a link](https://x.org/a%20b).\n\n"
        "![A diagram](/a.png)\n\nAbove\n\n***\n\nBelow"
    )


def test_an_unclosed_comment_or_tag_takes_nothing_past_its_paragraph() -> None:
    assert mdx_markdown("{/* open\n\nText.") == "{/* open\n\nText."
    assert mdx_markdown("<img\n  src='x'\n\nText.") == "\nText."


def test_every_tag_goes_but_in_code_spans() -> None:
    """In MDX an element is JSX as a component is: ``<span>`` was shown as written."""
    assert mdx_markdown("<div>kept</div> and <Box>its text</Box>") == "kept and its text"
    assert mdx_markdown("Use `<Tabs>` or ``<a>`b`` in <b>bold</b>.") == (
        "Use `<Tabs>` or ``<a>`b`` in bold."
    )


def test_a_fence_indented_in_a_component_is_code_and_comments_in_code_stay() -> None:
    """nodejs.org's home page: its examples lost their first lines, showed their fences
    and ran together; a comment inside code was taken out of it."""
    body = (
        "Before.\n\n<div>\n    ```js\n    // first.mjs\n    import { a } from 'a';\n\n"
        "    const b = a(1);\n    ```\n</div>\n\n    After.\n\n"
        "```jsx\n{/* a comment in code */}\nconst x = 1;\n```\n"
    )
    text = readable_body(body, "home.mdx")
    code = "```js\n// first.mjs\nimport { a } from 'a';\n\nconst b = a(1);\n```"
    assert code in text and "\nAfter." in text
    assert "```jsx\n{/* a comment in code */}\nconst x = 1;\n```" in text


def test_a_components_words_given_as_a_property_are_shown() -> None:
    """Starlight's tabs lost which package manager each command was for, a card its title,
    and webpack's 122 badges left "Available since ." """
    body = (
        'Since <Badge text="5.95.0+" />.\n\n<Tabs>\n<TabItem label="npm">\n\n```sh\nnpm i\n```\n\n'
        "</TabItem>\n</Tabs>\n\n<Card title='Moons' icon=\"moon\">\nIo\n</Card>\n"
        '<abbr title="HyperText">HTML</abbr> stays.\n'
    )
    assert [line for line in mdx_markdown(body).split("\n") if line] == [
        "Since 5.95.0+.",
        "**npm**",
        "```sh",
        "npm i",
        "```",
        "**Moons**",
        "Io",
        "HTML stays.",
    ]
