"""No template code where a person reads or searches: Liquid leaves bodies, what the site
shows stays (raw blocks' content, Markdown code), and HTML newsletters read as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from library.index import CorpusIndex
from models.html import readable_body
from models.liquid import strip_liquid
from tests.conftest import write_document

NEWSLETTER_BODY = """{% raw %}<html>
<head><title>Daily</title><style>td { color: red; }</style></head>
<body><table><tr><td><h1>A.I. Every Day</h1></td></tr>
<tr><td><p>Robots learn to fold laundry</p></td></tr></table></body>
</html>{% endraw %}
{% include footer.html unsubscribe=page.url %}
"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hello {{ page.title }} world", "Hello  world"),
        ("A {%- if x -%}B{% endif %} C", "A B C"),
        ("before {% include card.html\n  title=page.title %} after", "before  after"),
        (
            "keep {% raw %}{{ literal }} and {% tag %}{% endraw %} done",
            "keep {{ literal }} and {% tag %} done",
        ),
        ("{%raw%}no spaces{%endraw%}", "no spaces"),
        ("a {% comment %}hidden {{ x }}{% endcomment %}b", "a b"),
        ("an unclosed {% raw %}tail {{ x }}", "an unclosed tail {{ x }}"),
        ("no template { here } or {{ there", "no template { here } or {{ there"),
    ],
)
def test_liquid_tags_and_output_are_removed(body: str, expected: str) -> None:
    assert strip_liquid(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{% for tag in tags %}{{tag}} {% endfor %}{{range .x}}{{.name}}{{end}}", " "),
        ("Logseq embeds {{embed [[Dune]]}} here", "Logseq embeds [[Dune]] here"),
        ("- {{video https://youtu.be/abc}}", "- https://youtu.be/abc"),
        ("{{query (and [[a]] [[b]])}}", ""),
    ],
    ids=["template-variables", "embed", "video", "query"],
)
def test_double_braces_that_are_no_template_keep_what_they_show(body: str, expected: str) -> None:
    """Logseq's macros lost their words in every folder, as if each were a Liquid site;
    a loop's ``{{tag}}`` and Go's ``{{end}}`` are still template code."""
    assert strip_liquid(body) == expected


def test_markdown_code_keeps_its_templates_but_not_its_raw_tags() -> None:
    body = (
        "Use `{{ site.url }}` in a link.\n\n"
        "```liquid\n{% raw %}{% for post in site.posts %}{{ post.title }}{% endfor %}"
        "{% endraw %}\n```\n"
        "Outside {{ gone }}.\n"
        "~~~\n{{ tilde }}\n~~~\n"
    )
    assert strip_liquid(body) == (
        "Use `{{ site.url }}` in a link.\n\n"
        "```liquid\n{% for post in site.posts %}{{ post.title }}{% endfor %}\n```\n"
        "Outside .\n"
        "~~~\n{{ tilde }}\n~~~\n"
    )


def test_an_html_newsletter_wrapped_in_raw_reads_as_text() -> None:
    text = readable_body(NEWSLETTER_BODY, "_newsletters/daily.html")
    assert text == "A.I. Every Day\n\nRobots learn to fold laundry"


def test_an_html_file_is_read_as_html_even_when_its_body_starts_with_text() -> None:
    text = readable_body("Today's issue<p>First <b>story</b></p>", "_newsletters/x.html")
    assert text == "Today's issue\n\nFirst story"
    assert (
        readable_body("A *Markdown* body with {{ x }}", "_news/x.md") == "A *Markdown* body with "
    )


def test_liquid_is_neither_shown_nor_searchable_in_the_index(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_document(
        site / "_newsletters",
        "daily.html",
        'title: "Daily"\npublishedDateTime: 2024-01-02T00:00:00Z\nwebUrl: https://x.test/d/',
        NEWSLETTER_BODY,
    )
    write_document(
        site / "_news",
        "a.md",
        'title: "Story"\noriginalUrl: https://x.test/a',
        "Text {% include note.html %} and {{ page.author }}.",
    )
    index = CorpusIndex([str(site)], tmp_path / "index.db")
    try:
        index.refresh()
        assert [row.title for row in index.search("laundry")] == ["Daily"]
        for word in ("endraw", "raw", "include", "footer", "author", "page", "td", "style"):
            assert index.search(word) == [], word
    finally:
        index.close()


def test_a_highlight_block_is_fenced_code_in_its_language() -> None:
    body = (
        "Before\n\n{% highlight ruby linenos %}\ndef greet\n  {% raw %}{{ name }}{% endraw %}\n"
        "end\n{% endhighlight %}\n\nAfter"
    )
    assert strip_liquid(body) == "Before\n\n```ruby\ndef greet\n  {{ name }}\nend\n```\n\nAfter"
    assert strip_liquid("{%- highlight c++ -%}int x;{% endhighlight %}") == "```c++\nint x;\n```"


@pytest.mark.parametrize(
    ("opening", "closing", "language"),
    [
        ("{% codeblock lang:js %}", "{% endcodeblock %}", "js"),
        ("{% codeblock Array.map lang:js http://x.test Docs %}", "{% endcodeblock %}", "js"),
        ("{% codeblock %}", "{% endcodeblock %}", ""),
        ("{% code lang:py %}", "{% endcode %}", "py"),
    ],
)
def test_a_hexo_codeblock_is_fenced_code(opening: str, closing: str, language: str) -> None:
    """Hexo's (and Octopress's) code blocks ran together as one line of prose."""
    body = f"Outputs,\n\n{opening}\nconst foo = (bar) => {{\n  return bar;\n}};\n{closing}\nEnd"
    expected = f"```{language}\nconst foo = (bar) => {{\n  return bar;\n}};\n```"
    assert strip_liquid(body) == f"Outputs,\n\n{expected}\nEnd"


def test_an_autolink_of_output_alone_goes_whole() -> None:
    """ruby-lang.org's downloads showed ``• <>`` for ``* <{{ release.url.gz }}>``."""
    body = "* <{{ release.url.gz }}>\n\n  SIZE: {{ release.size.gz }}\n\nSee <https://x.test/>."
    assert strip_liquid(body) == "* \n\n  SIZE: \n\nSee <https://x.test/>."


def test_a_hugo_shortcode_escaped_to_be_shown_is_shown_as_hugo_shows_it() -> None:
    """Docs about shortcodes escape them (``{{</* x */>}}``): in code they showed the
    escape, and in prose they were taken for template output and dropped."""
    body = (
        '```go-html-template\n{{</* imgproc sunset Crop "500x300" */>}}\n'
        "{{</* /imgproc */>}}\n```\n"
        "Inline `{{</* figure src=x.png */>}}`, in text {{%/* param name */%}}; run {{< x >}}."
    )
    assert strip_liquid(body) == (
        '```go-html-template\n{{< imgproc sunset Crop "500x300" >}}\n{{< /imgproc >}}\n```\n'
        "Inline `{{< figure src=x.png >}}`, in text {{% param name %}}; run ."
    )


def test_a_shown_shortcode_in_prose_is_not_taken_for_an_html_tag() -> None:
    """``{{</*gist*/>}}`` showed as ``{{}}``: ``<gist>`` was read as a tag and dropped."""
    rendered = MarkdownIt("commonmark").render(
        strip_liquid("See {{</*gist*/>}} and {{</* x */>}}.")
    )
    assert rendered == "<p>See {{&lt;gist&gt;}} and {{&lt; x &gt;}}.</p>\n"


def test_what_hugos_comment_shortcode_holds_is_not_shown() -> None:
    """Drafts kept in it ("TODO") were shown as the post's text."""
    body = "Shown.\n{{< comment >}}\nTODO hidden draft\n{{< /comment >}}\nAlso shown."
    assert strip_liquid(body) == "Shown.\n\nAlso shown."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # MDN's macros: the text shown, else the last part of the target, as words
            'The map() method of {{jsxref("Array")}} instances; use '
            '{{jsxref("Array/forEach", "forEach")}} or {{ Glossary("Truthy_value") }}.',
            "The map() method of Array instances; use forEach or Truthy value.",
        ),
        (  # Hugo's shortcodes: their text, or the glossary's term
            'A {{< glossary_tooltip text="Pod" term_id="pod" >}} runs on a '
            '{{< glossary_tooltip term_id="node" >}};',
            "A Pod runs on a node;",
        ),
        (  # as text, not Markdown
            '{{HTMLElement("em")}} is *not* {{cssxref("font-style", "*font_style*")}}',
            "em is *not* \\*font\\_style\\*",
        ),
        ("Hello {{ page.title }} and {{ 'x' | upcase }}.", "Hello  and ."),  # values: unknown
    ],
)
def test_a_template_call_in_a_sentence_shows_its_words(body: str, expected: str) -> None:
    """Removed, it left sentences with words missing ("use or instead") and a search for
    them found nothing."""
    assert strip_liquid(body) == expected


def test_a_template_call_alone_on_its_line_is_a_block_and_goes() -> None:
    body = '{{JSRef}}\n\n{{EmbedInteractiveExample("pages/js/array-map.html")}}\n\nText'
    assert strip_liquid(body).strip() == "Text"


def test_nunjucks_comments_go_and_go_raw_blocks_show_what_they_hold() -> None:
    """Eleventy's blog showed a commented-out table row between "{#" and "#}"; the Go blog's
    code samples (``{{raw `…`}}``) were removed whole."""
    body = "Seen. {# a note #}\n{#\n| hidden | row |\n#}\n## Kept {#id}\n{{raw `\n\tf()\n`}}\nEnd."
    assert strip_liquid(body) == "Seen. \n\n## Kept {#id}\n\n\tf()\n\nEnd."


def test_a_hugo_figure_is_the_picture_it_places_with_its_caption() -> None:
    """The shortcode went whole, its caption with it (opentelemetry.io's diagrams)."""
    body = (
        '{{< figure src="timing.svg" caption="How *timing* differs">}}\n'
        '{{% figure class="wide" src="a b.png" alt="A chart" %}}\n'
        '{{< figure class="no-picture" >}}\n'
        '{{< figureforgallery src="g.png" caption="A site\'s own" >}}\n'
    )
    assert strip_liquid(body) == (
        "![How \\*timing\\* differs](<timing.svg>)\n![A chart](<a b.png>)\n\n"
        "![A site's own](<g.png>)\n"
    )


def test_a_link_tag_leads_where_the_site_links() -> None:
    """``{% link %}`` and ``{% post_url %}`` were removed: a link led nowhere, and a
    reference's definition (``[teach]:``) broke, showing its marks in the text."""
    body = (
        "Read the [news]({% link _posts/2022-01-01-old.md %}) and [more]({% post_url old %}).\n"
        "\nA [new page][teach].\n\n[teach]: {% link teach.md %}\n"
    )
    assert strip_liquid(body) == (
        "Read the [news](_posts/2022-01-01-old.md) and [more](old).\n"
        "\nA [new page][teach].\n\n[teach]: teach.md\n"
    )


def test_an_include_shows_its_words_and_an_embed_its_address() -> None:
    """fastpages' notes and alerts, a tweet, a video: each left nothing, and the sentence
    before it pointed at nothing. A tab's label named which build tool its code is for."""
    body = (
        '{% include alert.html text="Back up *first*." %}\n'
        "{% include note.html content='Needs 2.0.' %}\n"
        '{% include card.html title="Not shown" %}\n'
        "{% twitter https://twitter.com/a/status/1 %}\n"
        '{% assign home = "https://example.com/" %}\n'
        "{{< youtube w7Ft2ymGmfc >}}\n"
        "{% tab 'sbt' %}\n"
        '{{< tab name="Hello" >}}\n'
    )
    shown = [line for line in strip_liquid(body).split("\n") if line]
    assert shown == [
        "**Alert:** Back up \\*first\\*.",
        "**Note:** Needs 2.0.",
        "<https://twitter.com/a/status/1>",
        "<https://www.youtube.com/watch?v=w7Ft2ymGmfc>",
        "**sbt**",
        "**Hello**",
    ]


def test_an_embed_in_an_html_block_stays_a_link() -> None:
    """fastpages centres its tweets (``<center>{% twitter … %}</center>``): read as the
    block's text, the address was escaped, and the reader showed ``<https://…?s=20`` and,
    below it, ``gt;``. Text that is HTML's stays escaped."""
    body = (
        "Read the announcement:\n\n"
        "<center>{% twitter https://twitter.com/j/status/1?s=20&amp;t=x %}</center>\n\n"
        "<div>a &lt;video&gt; tag</div>\n"
    )
    shown = readable_body(body, "_posts/2020-03-06-actions.md")
    assert "<https://twitter.com/j/status/1?s=20&t=x>" in shown.split("\n")
    assert "a &lt;video&gt; tag" in shown.split("\n")
    rendered = MarkdownIt("commonmark").render(shown)
    assert '<a href="https://twitter.com/j/status/1?s=20&amp;t=x">' in rendered


@pytest.mark.parametrize(
    ("call", "address"),
    [
        (
            "tweet user=stefanprodan id=1641721609378562055",
            "stefanprodan/status/1641721609378562055",
        ),
        ('x user="SanDiegoZoo" id="1453110110599868418"', "SanDiegoZoo/status/1453110110599868418"),
        ("tweet SanDiegoZoo 1453110110599868418", "SanDiegoZoo/status/1453110110599868418"),
        ("tweet 1453110110599868418", "i/web/status/1453110110599868418"),
    ],
)
def test_a_post_embedded_by_its_number_shows_its_address(call: str, address: str) -> None:
    """fluxcd.io's updates: Hugo's ``tweet`` and ``x`` by account and number left a gap."""
    assert strip_liquid(f"{{{{< {call} >}}}}") == f"<https://x.com/{address}>"
