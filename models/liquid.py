"""Removing Liquid template code (Jekyll's ``{% ... %}`` tags and ``{{ ... }}`` output)
from a document body, so no template code is shown or searched.

What the site would show is kept: the text between ``{% raw %}`` and
``{% endraw %}`` (only the two tags go), and Markdown code (fenced blocks and
inline spans), which is literal text a person reads, templates included; raw
tags inside code go, as they are there only to keep Jekyll off the code. A
``{% comment %}`` block goes with its content, as on the site, and a
``{% highlight %}`` block (Hexo's ``{% codeblock %}`` too) becomes fenced code; Nunjucks's
``{# comments #}`` go, and Go's ``{{raw `…`}}`` shows what it holds. A call within a
sentence shows its words, and Hugo's ``figure`` its picture (see ``_words_of``);
``{% link %}`` leaves where it leads, an include its words, a tab its label and an embed
its address (see ``_shown_by_tag``). A Hugo
shortcode escaped to be shown (``{{</* figure */>}}``) is shown as Hugo shows it. Front matter
values are not templates (Jekyll does not render them) and are left alone.
"""

from __future__ import annotations

import re


def _tag(name: str) -> str:
    """A Liquid tag by name, with or without whitespace control (``{%- raw -%}``)."""
    return r"\{%-?\s*" + name + r"\s*-?%\}"


MARKDOWN_CODE = (
    r"(?P<fence>^[ \t]{0,3}(?P<mark>`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}(?P=mark)|\Z))"
    r"|(?P<span>(?P<ticks>`+)[^`\n][^\n]*?(?P=ticks))"
)
"""A fenced code block or a code span (groups ``fence``, ``span``), matched first by the
expressions that clean a body, so code keeps what it shows (with DOTALL and MULTILINE)."""

_RAW_TAG = re.compile(_tag("(?:end)?raw"))
# A Hugo shortcode written to be shown, not run: ``{{</* figure */>}}`` shows
# ``{{< figure >}}``, in code and in prose.
_SHOWN_SHORTCODE = r"\{\{(?P<kind>[<%])/\*(?P<call>(?:[^*]|\*(?!/))*)\*/[>%]\}\}"
_SHOWN_SHORTCODES = re.compile(_SHOWN_SHORTCODE)
_LIQUID = re.compile(
    "|".join(
        (
            MARKDOWN_CODE,
            _SHOWN_SHORTCODE,
            # Runs without a brace are taken whole: a lazy ``.*?`` tried the closing tag
            # at every character of a newsletter (4 ms for 56 kB; now a tenth of that).
            _tag("raw") + r"(?P<raw>[^{]*(?:\{(?!" + _tag("endraw")[2:] + r")[^{]*)*)"
            r"(?:" + _tag("endraw") + r")?",
            _tag("comment") + r".*?(?:" + _tag("endcomment") + r"|\Z)",
            # Hugo's own ``{{< comment >}}``: what it holds is not shown (drafts, notes).
            r"\{\{[<%]\s*comment\s*[>%]\}\}.*?(?:\{\{[<%]\s*/comment\s*[>%]\}\}|\Z)",
            # Jekyll's ``{% highlight js %}``; Hexo's and Octopress's ``{% codeblock
            # lang:js %}`` (or ``{% code %}``), whose other words are a title and a link.
            _tag(r"(?P<block>highlight|codeblock|code)(?:\s(?P<options>[^%]*?))?")
            + r"\n?(?P<highlight>.*?)\n?(?:"
            + _tag("end(?P=block)")
            + r"|\Z)",
            # A tag or output holds no other's start: one left open then fails at the next
            # start, not at the end of the body (an open one at each of its thousands of
            # starts took minutes).
            r"\{%(?P<tag>(?:[^{%]|\{(?!%)|%(?!\}))*)%\}",
            # Nunjucks's comment (Eleventy's): ``{# … #}``, never a heading's ``{#id}``.
            r"\{#[-\s](?:[^#]|#(?!\}))*#\}",
            # Go's templates show ``{{raw `…`}}`` as it is (the Go blog's code samples).
            r"\{\{raw[ \t]+`(?P<go_raw>[^`]*)`[ \t]*\}\}",
            # An autolink of output alone (``<{{ release.url }}>``) goes whole, not as <>.
            r"<\{\{(?:[^{}]|\{(?!\{)|\}(?!\}))*\}\}>",
            r"\{\{(?P<output>(?:[^{}]|\{(?!\{)|\}(?!\}))*)\}\}",
        )
    ),
    re.DOTALL | re.MULTILINE,
)


def _replace(match: re.Match[str]) -> str:
    code = match.group("fence") or match.group("span")
    if code is not None:
        return _SHOWN_SHORTCODES.sub(_shown_shortcode, _RAW_TAG.sub("", code))
    if match.group("call") is not None:  # in prose, where ``<gist>`` would read as a tag
        return _shown_shortcode(match).replace("<", "\\<")
    highlighted = match.group("highlight")
    if highlighted is not None:  # a fenced block, as the site shows it: code, not prose
        return fenced(_RAW_TAG.sub("", highlighted), _language(match))
    raw = match.group("raw")
    if raw is None:
        raw = match.group("go_raw")
    if raw is not None:
        return raw
    tag = match.group("tag")
    if tag is not None:
        return _shown_by_tag(tag.strip("- \t\n"))
    output = match.group("output")
    if output is not None and (kept := _not_a_template(output)) is not None:
        return kept
    if output is not None and _FIGURE.match(output):
        return _figure(output)
    shortcode = _SHORTCODE_CALL.fullmatch(output) if output is not None else None
    if shortcode and (shown := _shown_by_shortcode(shortcode["name"].lower(), shortcode)):
        return shown
    return _words_of(output) if output is not None and _inline(match) else ""


_TAG = re.compile(r"(?P<name>\w+)\s*(?P<arguments>.*)", re.DOTALL)
_URL = re.compile(r"https?://[^\s\"'<>]+")
_SHORTCODE_CALL = re.compile(r"[<%]\s*(?P<name>[\w-]+)(?P<arguments>\s.*?)\s*[>%]", re.DOTALL)
_VIDEOS = {"youtube": "https://www.youtube.com/watch?v={}", "vimeo": "https://vimeo.com/{}"}
_POSTS = frozenset({"tweet", "twitter", "x"})
_EMBEDS = frozenset(
    {*_VIDEOS, *_POSTS, "instagram", "video", "embed", "codepen", "gist"}
    | {"mastodon", "bluesky", "soundcloud", "spotify", "loom", "speakerdeck", "slideshare"}
)


def _shown_by_tag(tag: str) -> str:
    """What a Liquid tag shows that a reader needs: where ``{% link %}`` and
    ``{% post_url %}`` lead (a link or a reference's target, left empty, broke it), an
    include's words (fastpages' ``{% include note.html content="…" %}``), a tab's label,
    and an embed's address; no other tag shows anything known here."""
    found = _TAG.fullmatch(tag)
    if found is None:
        return ""
    name, arguments = found["name"], found["arguments"].strip()
    if name in ("link", "post_url"):
        return arguments.split(maxsplit=1)[0] if arguments else ""
    if name == "include":
        return _included(arguments)
    if name == "tab":
        return _label(arguments.strip("\"'"))
    return _embedded(name, arguments)


def _shown_by_shortcode(name: str, call: re.Match[str]) -> str:
    """What a Hugo shortcode shows that a reader needs: an embed's address, a tab's label
    (``{{< tab name="Hello" >}}``); else nothing known here."""
    if name == "tab":
        named = named_values(call["arguments"])
        return _label(named.get("name") or named.get("label") or named.get("title") or "")
    return _embedded(name, call["arguments"])


def _label(words: str) -> str:
    """A tab's label, in bold on a line of its own."""
    return f"**{_as_text(words)}**" if words.strip() else ""


def _included(arguments: str) -> str:
    """An include's words, led by its kind where it names a note (``alert.html``)."""
    from models.markdown_extras import NOTE_KINDS

    named = named_values(arguments)
    words = named.get("text") or named.get("content")
    if not words:
        return ""
    kind = arguments.split(maxsplit=1)[0].rpartition("/")[2].partition(".")[0].lower()
    lead = f"**{kind.capitalize()}:** " if kind in NOTE_KINDS or kind == "alert" else ""
    return f"\n\n{lead}{_as_text(words)}\n\n"


def _embedded(name: str, arguments: str) -> str:
    """An embed's address as a link (a tweet, a video by its address or its id), where
    the page shows what it leads to: the sentence before it pointed at nothing."""
    if name not in _EMBEDS:  # ``{% assign home = "https://…" %}`` shows nothing
        return ""
    if found := _URL.search(arguments):
        return f"<{found.group()}>"
    named = named_values(arguments)
    words = [word.strip("\"'") for word in arguments.split()]
    if name in _POSTS:  # Hugo's ``tweet user=… id=…``, ``tweet user id``, ``tweet id``
        post = named.get("id") or (words[-1] if words else "")
        account = named.get("user") or (words[0] if len(words) == 2 else "i/web")
        return f"<https://x.com/{account}/status/{post}>" if post.isdigit() else ""
    video = named.get("id") or next(iter(words), "")
    if name in _VIDEOS and re.fullmatch(r"[\w-]+", video):
        return f"<{_VIDEOS[name].format(video)}>"
    return ""


# What a template call shows in a sentence: a macro's text (MDN's, Nunjucks's
# ``{{ jsxref("Array/map", "map()") }}``: the second argument, else the first), or a
# shortcode's ``text`` (Hugo's ``{{< glossary_tooltip text="Pod" term_id="pod" >}}``).
_MACRO = re.compile(r"\s*[A-Za-z_][\w.-]*\s*\((?P<arguments>.*)\)\s*", re.DOTALL)
_ARGUMENT = re.compile(r"\s*(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)'|[^,]*)\s*(?:,|$)")
_SHORTCODE = re.compile(r"[<%].*[>%]", re.DOTALL)
_NAMED = re.compile(
    r"\b(?P<name>text|content|term_id|id|user|src|caption|alt|title|name|label)="
    r"(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)'|(?P<bare>[^\s\"'<>%]+))"
)
# Hugo's picture shortcodes, shown as the picture they place (``{{< figure src=… >}}``),
# a site's own among them (rOpenSci's ``figureforgallery``).
_FIGURE = re.compile(r"[<%]\s*[\w-]*(?:figure|img|image)[\w-]*\s", re.IGNORECASE)
_MARKDOWN_SIGNS = re.compile(r"([\\`*_\[\]<>#|])")


def _inline(match: re.Match[str]) -> bool:
    """Whether a call stands in a sentence, among words: alone on its line, it is a
    block (an embedded example, a sidebar, a table of browser support), not a word."""
    text = match.string
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    after = text[match.end() : end] if end >= 0 else text[match.end() :]
    return bool(text[start : match.start()].strip() or after.strip())


def named_values(output: str) -> dict[str, str]:
    """A shortcode's (or a component's, a tag's) named values that say what it shows."""
    return {
        m.group("name"): m.group("double") or m.group("single") or m.group("bare")
        for m in _NAMED.finditer(output)
    }


def _figure(output: str) -> str:
    """A picture shortcode as a Markdown image, its caption (else its alt text or title)
    the words shown for it: the caption went with the shortcode."""
    named = named_values(output)
    if not named.get("src"):
        return ""
    words = named.get("caption") or named.get("alt") or named.get("title") or ""
    return f"![{_as_text(words)}](<{named['src']}>)"


# A notes tool's own double braces (Logseq's ``{{embed [[Dune]]}}``, ``{{video URL}}``):
# what a reader of those notes sees, not template code. (A bare ``{{name}}`` is not told
# apart: Jekyll's loops write their variables so, and Go's templates their ``{{end}}``.)
_NOTES_MACRO = re.compile(
    r"(?P<name>embed|video|youtube|tweet|twitter|cloze|query|renderer)\s+(?P<argument>.+?)\s*",
    re.DOTALL,
)


def _not_a_template(output: str) -> str | None:
    """What double braces that are no template show, or ``None`` for template output."""
    macro = _NOTES_MACRO.fullmatch(output)
    if macro is None:
        return None
    argument = macro["argument"]
    if macro["name"] in ("query", "renderer"):  # a live query's or plugin's result
        return ""
    if macro["name"] == "cloze" or argument.startswith(("[[", "((")):
        return argument
    return argument if _URL.fullmatch(argument) else None


def _words_of(output: str) -> str:
    """The words a template call evidently shows (see ``_MACRO``), as Markdown text, or
    nothing: what a variable holds (``{{ page.title }}``) is not known here."""
    if _SHORTCODE.fullmatch(output):
        named = named_values(output)
        shown = named.get("text") or named.get("term_id") or ""
    elif (call := _MACRO.fullmatch(output)) is not None:
        strings = [
            m.group("double") or m.group("single") or ""
            for m in _ARGUMENT.finditer(call["arguments"])
        ]
        if len(strings) > 1 and strings[1]:
            shown = strings[1]
        else:  # a link's target alone: its last part, as words
            shown = strings[0].rstrip("/").rsplit("/", 1)[-1].replace("_", " ") if strings else ""
    else:
        return ""
    return _as_text(shown)


def _as_text(words: str) -> str:
    """``words`` as Markdown text: its signs escaped, so that none reads as markup."""
    return _MARKDOWN_SIGNS.sub(r"\\\1", words.strip())


def _shown_shortcode(match: re.Match[str]) -> str:
    opening = match.group("kind")
    closing = ">" if opening == "<" else "%"
    return f"{{{{{opening}{match.group('call')}{closing}}}}}"


_OPTION_LANGUAGE = re.compile(r"(?:^|\s)lang:([\w+#.-]+)")


def _language(match: re.Match[str]) -> str:
    """A code block's language: ``highlight``'s first word, ``codeblock``'s ``lang:``."""
    options = match.group("options") or ""
    if match.group("block") == "highlight":
        first = options.split(maxsplit=1)
        return first[0] if first and re.fullmatch(r"[\w+#.-]+", first[0]) else ""
    found = _OPTION_LANGUAGE.search(options)
    return found.group(1) if found else ""


def fenced(code: str, language: str = "") -> str:
    """``code`` as a fenced Markdown block, with a fence the code does not hold."""
    fence = "~~~~" if "```" in code else "```"
    return f"{fence}{language}\n{code}\n{fence}"


def strip_liquid(body: str) -> str:
    """``body`` without Liquid tags and output (see the module's docstring for what stays)."""
    if "{%" not in body and "{{" not in body and "{#" not in body:
        return body
    return _LIQUID.sub(_replace, body)
