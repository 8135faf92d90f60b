"""Turning one document's text into an Article or a Topic, and its problems into messages.

One bad field never loses a document (see ``fitting_fields``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import ValidationError

from models.ablog import ablog_values
from models.advisory import advisory_values
from models.article import Article
from models.blog_authors import with_names
from models.blog_lead import with_lead
from models.bounded_yaml import load_yaml_documents
from models.collection import is_data_record, is_no_article, stub_keys
from models.daily_notes import daily_note_day
from models.dashed_toml import dashed_toml
from models.docinfo import docinfo_values
from models.document_formats import split_document
from models.event_dates import with_event_dates
from models.fitting_fields import fitting_article
from models.franklin import (
    franklin_values,
    is_franklin_settings,
    is_julia_block,
)
from models.frontmatter import (
    DocumentError,
    SplitDocument,
    load_json,
    load_toml,
)
from models.hugo_build import renders_no_page
from models.inline_tags import inline_tags, with_tags
from models.javascript_constants import javascript_constants
from models.jbake_header import jbake_values
from models.jekyll_post import DATE_KEYS, named_as_date, named_as_version, written_date
from models.key_lines import key_line
from models.key_names import unusual_keys
from models.lektor import lektor_values
from models.logseq import (
    in_graph,
    page_name,
    property_values,
)
from models.logseq_journal import journal
from models.markdown_body import markdown_body
from models.mended_lines import load_yaml_mending_lines
from models.notion_page import notion_values
from models.org_mode import ORG_SUFFIX
from models.org_subtrees import EXPORT_NAME, subtree_posts
from models.pelican import metadata_values
from models.plainyaml import load_plain
from models.problem import Problem, Severity
from models.ruby_front_matter import ruby_values
from models.schedule import Instants, scheduled
from models.site_author import SITE_AUTHOR
from models.slide_deck import is_slide_deck
from models.taxonomy import Topic
from models.vault import NOTE_NAME, in_vault, note_name
from models.ziggy import ziggy_values
from models.zola_page import lift_zola_tables


@dataclass
class ParsedDocument:
    """What a file turned out to be: an article, taxonomy topics, a data record (a
    profile: see ``is_data_record``), or nothing usable. ``has_front_matter`` is false
    for a file that does not start with ``---``, which is not read as a document."""

    path: str
    article: Article | None = None
    topics: list[Topic] = field(default_factory=list)
    topic_lines: list[int] = field(default_factory=list)  # where each of ``topics`` starts
    problems: list[Problem] = field(default_factory=list)
    record: Article | None = None
    has_front_matter: bool = True
    schedule: Instants = (None, None)  # when its site puts it up and takes it down, if it does
    # ox-hugo's one-file blog: the posts of its subtrees, each at its own path (``file#name``)
    posts: tuple[ParsedDocument, ...] = ()

    def report(self, severity: Severity, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, line, severity, message))


def _toml_or_julia(split: SplitDocument) -> tuple[dict[str, Any], SplitDocument]:
    """A ``+++`` block's values: TOML (Hugo's, Zola's), or Franklin's Julia assignments,
    where TOML refuses it and it holds a call (``Date(2023, 7, 6)``) or a tuple; and the
    block as what it was read as."""
    try:
        return load_toml(split.front_matter), split
    except DocumentError:
        if not is_julia_block(split.front_matter):
            raise
    return franklin_values(split.front_matter), replace(split, language="julia")


# Readers of the front matters ``SplitDocument`` names that are read in one call.
_VALUES: dict[str, Callable[[str], dict[str, Any]]] = {
    "metadata": metadata_values,
    "nikola": metadata_values,
    "logseq": property_values,
    "docinfo": docinfo_values,
    "ablog": ablog_values,
    "advisory": advisory_values,
    "ruby": ruby_values,
    "franklin": franklin_values,
    "notion": notion_values,
    "jbake": jbake_values,
    "ziggy": ziggy_values,
}


# Quarto's words for the moment a page is built (or its file last changed): a date on
# every build, which the page's source does not hold, and no mistake to warn of.
_BUILD_DATES = frozenset({"today", "now", "last-modified"})


def _report_unread_dates(
    data: dict[str, Any], parsed: ParsedDocument, split: SplitDocument
) -> None:
    """A post's date that no form reads (``2021-02-30``) would leave it undated, below
    every other, without a word; Jekyll and Hugo stop the site's build for it."""
    for key in DATE_KEYS:
        value = data.get(key)
        written = value.strip() if isinstance(value, str) else value
        if (
            isinstance(written, str | int | float)
            and written != ""
            and str(written).lower() not in _BUILD_DATES
            and not isinstance(written, bool)
            and written_date(written) is None
        ):
            line = key_line(split, key) or 1
            parsed.report("warning", f"{key} {value!r} is no date; it is not used", line)


def parse_taxonomy(text: str, path: str) -> ParsedDocument:
    """A YAML data file: a topic when it says ``taxonomy: topic``, else nothing to show.
    One that never says ``taxonomy`` is not read: a site's configuration (``mkdocs.yml``
    with ``!ENV`` tags) or data was reported as an invalid document."""
    parsed = ParsedDocument(path)
    if "taxonomy" not in text:
        return parsed
    try:
        documents = load_yaml_documents(text)
    except DocumentError as error:
        parsed.report("error", error.message, error.line)
        return parsed
    for line, data in documents:
        if isinstance(data, dict):
            _read_topic(data, parsed, line)
    return parsed


def _read_topic(data: dict[Any, Any], parsed: ParsedDocument, line: int) -> None:
    """Keep a ``taxonomy: topic`` entry; other taxonomies (organisations, tags) are data only."""
    if data.get("taxonomy") != "topic":
        return
    try:
        parsed.topics.append(Topic.model_validate(data))
        parsed.topic_lines.append(line)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "topic"
        parsed.report("error", f"topic field '{where}': {first['msg']}", line)


# Keys a site's generator reads in any case (Hugo's ``Title:``), as lede reads them.
_SITE_KEYS = frozenset(
    ("title", "date", "description", "summary", "tags", "categories", "category", "draft")
    + ("author", "authors", "lastmod", "url", "excerpt", "name")
    + ("source", "created", "published")  # a clipping's, as a notes tool may capitalise them
)


UNTITLED = "no title or name"  # the warning of a document called by its file name alone
NOT_LISTED = "not listed as an article: it has {} but no title, excerpt, date, link or body"

SUMMARY_SKIPS = ("related", "images", "secured")


def parse_document(
    text: str,
    path: str,
    *,
    require_front_matter: bool = True,
    summary: bool = False,
    sidecar: str | None = None,
) -> ParsedDocument:
    """Parse a Markdown/HTML document with YAML (or TOML) front matter, or Pelican's
    metadata lines.

    Documents with ``taxonomy:`` in their front matter are taxonomy entries
    (topics, organisations), not articles; nor are data records (profiles), which
    are validated all the same. ``summary`` skips the blocks a list row does not
    need; the full document is parsed when it is shown. ``sidecar`` is the text of
    Nikola's ``POST.meta``, read where the post holds no metadata of its own.
    """
    parsed = ParsedDocument(path)
    try:
        split = split_document(text, path, sidecar)
        if split is None and EXPORT_NAME in text and path.lower().endswith(ORG_SUFFIX):
            parsed.posts = tuple(subtree_posts(text, path, parse_document))
            return parsed
        if split is None:
            parsed.has_front_matter = False
            if require_front_matter:
                parsed.report(
                    "error", "no front matter: the first line must be '---' (or '+++')", 1
                )
            return parsed
        if split.warning:
            parsed.report("warning", *split.warning)
        skips = SUMMARY_SKIPS if summary else ()
        repeated: list[tuple[str, int]] = []
        data: Any
        if split.values is not None:  # read as the split told a post from a page
            data = split.values
        elif values := _VALUES.get(split.language):
            data = values(split.front_matter)
        elif split.language == "lektor":
            data = lektor_values(split.front_matter, path)
        elif split.language == "toml":
            data, split = _toml_or_julia(split)
        elif split.language in ("json", "unfenced_json"):
            data = load_json(split.front_matter)
        elif split.language == "js":  # what is no plain constant is code, passed over: the
            data, passed = javascript_constants(split.front_matter)  # page is there all the same
            for line, message in passed:
                parsed.report("warning", message, line + 1)  # the code starts on line 2
        elif (data := load_plain(split.front_matter, skips)) is None:
            first = 1 if split.language == "unopened_yaml" else 2  # the front matter's line
            data, mended = load_yaml_mending_lines(split.front_matter, first, repeated, skips)
            for message, line in mended:
                parsed.report("warning", message, line)
    except DocumentError as error:
        parsed.report("error", error.message, error.line)
        return parsed
    for key, line in repeated:
        parsed.report("warning", f"key {key!r} is given more than once; the last one is used", line)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        toml = None  # TOML between ``---`` lines, which YAML reads as one text
        if isinstance(data, str) and split.language == "yaml":
            toml = dashed_toml(split.front_matter)
        if toml is None:
            parsed.report("error", f"front matter is a {type(data).__name__}, not a mapping", 2)
            return parsed
        data = toml
    if split.language in ("franklin", "julia") and is_franklin_settings(path):
        return parsed  # the site's variables, no page
    if (
        path.lower().endswith(".txt")
        and split.language in ("yaml", "toml")
        and not data.get("title")
    ):
        return parsed  # a site's text file its generator fills in: robots.txt, security.txt
    if "taxonomy" in data:
        _read_topic(data, parsed, 2)  # where the front matter starts
        return parsed
    if unusual_keys(data):  # Hugo's ``Title:``, a number read as a key: few have any
        data = {str(key): value for key, value in data.items()}
        for key in [key for key in data if key[:1].isupper()]:
            if key.lower() in _SITE_KEYS and key.lower() not in data:
                data[key.lower()] = data.pop(key)
    else:
        data = dict(data)
    lift_zola_tables(data)  # its tags, categories and authors
    if "start_date" in data or "startDate" in data:  # an event's start, as its theme names it
        with_event_dates(data)
    if "author" not in data and "authors" not in data and (own := SITE_AUTHOR.get()):
        data["author"] = own  # its site's byline, as its generator signs the post
    params = data.get("params")  # Hugo's page parameters, where a theme reads its byline
    for key in ("authors", "author"):  # keys of the blog's authors file, maybe
        if key in data:
            data[key] = with_names(data[key], path, key)
        elif isinstance(params, dict) and key in params:
            params[key] = with_names(params[key], path, key)
    if "path" in data:  # the page's own address (Zola, Hugo), not the file's
        data["page_path"] = data["path"]
    data["path"] = path
    data["body"] = markdown_body(split, path)
    vault = in_vault(path)
    if found := journal(path):  # a journal's day is in its name alone, and titles it
        data.setdefault("date", found.day)
        data["title"] = data.get("title") or found.title
    elif split.language == "logseq" and in_graph(path):  # a graph's page: named by its file
        data["title"] = data.get("title") or page_name(path)
    elif vault:  # a vault's note: named by its file, where the page names none
        data[NOTE_NAME] = note_name(path)
        if day := daily_note_day(path):  # a daily note's day is in its name
            data.setdefault("date", day)
    article = fitting_article(data, parsed.report, split)
    with_lead(article, data["body"])  # where the front matter gives no excerpt
    if vault:  # a note's tags written in its body are its tags too
        article.topics = with_tags(article.topics, inline_tags(split.body))
    # Named or not, a list shows none (a stub), nor a page of the site's frame.
    record = is_data_record(data, split.body) or is_no_article(data, split.body)
    record = record or renders_no_page(data)  # a Hugo site's snippet
    if not (
        record
        or article.title
        or is_slide_deck(data)
        or named_as_date(path)
        or named_as_version(path, data)
    ):
        parsed.report("warning", UNTITLED, 1)
    elif record and (stub := stub_keys(data, split.body)):
        parsed.report("warning", NOT_LISTED.format(", ".join(stub)), 1)
    if "publishedDateTime" not in data:
        _report_unread_dates(data, parsed, split)
        undated = article.published_at is None  # a site's own date key is a date too
        if undated and (article.category == "news" or article.type == "article"):
            parsed.report("warning", "no publishedDateTime", 1)
    if article.starts_at and article.ends_at and article.ends_at < article.starts_at:
        line = key_line(split, "endDateTime") or 1
        parsed.report("warning", "endDateTime is before startDateTime", line)
    if record:
        parsed.record = article
    else:
        parsed.article = article
        parsed.schedule = scheduled(data, path)
    parsed.problems.sort(key=lambda problem: problem.line or 0)
    return parsed
