"""The article model and its parts, with the real documents' camelCase keys as aliases.

Unknown keys are kept (``extra="allow"``) so nothing in a document is lost;
``secured`` is an opaque token that is kept but never shown or exported.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.alias_generators import to_camel

from models.clipping import clipped
from models.cover_image import cover_image
from models.fields import AwareDatetime, Blurb, Body, Label, Language, Line, Score, Title
from models.identity import normalise_url, site_domain
from models.inline_tags import with_tags
from models.jekyll_post import BUNDLE_NAMES, post_title, written_date
from models.labels import as_list, author_names, blog_category, blog_labels
from models.markdown_extras import heading_text, opening_heading
from models.page_dates import published_date, updated_date
from models.text import printable
from models.vault import NOTE_NAME


class LedeModel(BaseModel):
    """Base for every document model: camelCase aliases, snake_case fields, extras kept."""

    # A number in a text field (``title: 2020``) is the text it is written as: converted
    # by the validator itself, with no Python call for each text field of each document.
    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="allow",
        frozen=False,
        coerce_numbers_to_str=True,
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_blanks(cls, data: Any) -> Any:
        """YAML leaves blank keys as ``None`` (``website:``); treat them as absent."""
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if value is not None}
        return data


class Provider(LedeModel):
    """Who published an article."""

    name: Line = ""
    domain: Line = ""


class Image(LedeModel):
    """An image attached to an article (only its URL is shown)."""

    url: Line = ""
    width: Score = None
    height: Score = None
    is_cached: bool | None = None
    title: Line = ""


def _images(value: Any) -> list[Any]:
    """Images as a list, a bare path or link standing for the image at it."""
    return [{"url": item} if isinstance(item, str) else item for item in as_list(value)]


def _related(value: Any) -> list[Any]:
    """Related articles as a list; a bare link is the article at it, other text its title
    (``related: [metrics, leadership]`` names other pages of the site)."""
    return [_named_article(item) if isinstance(item, str) else item for item in as_list(value)]


def _named_article(text: str) -> dict[str, str]:
    return {"originalUrl" if text.startswith(("http://", "https://")) else "title": text}


def _provider(value: Any) -> Any:
    """A provider given by name alone (``provider: Reuters``)."""
    return {"name": value} if isinstance(value, str) else value


def _in_drafts(data: dict[str, Any]) -> bool:
    """Whether a document is in a Jekyll site's ``_drafts`` folder: not published."""
    path = data.get("path")
    return isinstance(path, str) and f"{os.sep}_drafts{os.sep}" in path


# Where a document names the page it is a copy of: Obsidian's Web Clipper's ``source``; a
# post written first elsewhere its ``canonical_url`` (dev.to's, Jekyll's SEO tag's) or
# ``canonicalURL`` (Hugo's PaperMod); one jekyll-import brought over from Blogger or
# Tumblr its ``blogger_orig_url`` or ``tumblr_url``.
_ORIGINAL_KEYS = ("source", "canonical_url", "canonicalURL", "blogger_orig_url", "tumblr_url")


# A post's ``status`` that keeps it off its site: WordPress's (which its exports keep) and
# Ghost's drafts, and WordPress's posts pending review, private or in the bin.
_UNPUBLISHED_STATUSES = frozenset({"draft", "pending", "private", "trash"})


def _unpublished_status(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower() in _UNPUBLISHED_STATUSES


# Where an item's blurb is, where it has no ``excerpt``: a profile's or a company's, a
# post's description or summary, a Bridgetown or Hashnode post's ``subtitle``, and the
# description Hashnode's backups give search engines (``seoDescription``).
_BLURB_KEYS = (
    "bio",
    "overview",
    "description",
    "summary",
    "intro",
    "abstract",
    "subtitle",
    "seoDescription",
)


# What a Hugo theme reads from a page's ``params``, where it means what it means at the
# top; not ``type``, ``published`` or ``tags``, which are Hugo's own only at the top.
_HUGO_PARAMS = ("author", "authors", "description", "summary", "images")


def _opening_heading(body: Any) -> str:
    """The heading a body opens with: Docusaurus, MkDocs and GitHub Pages title an
    untitled page by it, so their pages were listed by file name ("rbac")."""
    found = opening_heading(body) if isinstance(body, str) else None
    return heading_text(found.text) if found else ""  # as the page shows it


def _navigation_title(entry: Any) -> str:
    """What an Eleventy site's menu calls a page (its ``eleventyNavigation``'s ``title``,
    else ``key``): a docs page whose layout writes its heading was called by its file's
    name ("collections-api")."""
    if not isinstance(entry, dict):
        return ""
    name = entry.get("title") or entry.get("key")
    return name if isinstance(name, str) else ""


def _is_address(value: Any) -> bool:
    """Whether ``value`` is a whole web address (a ``url`` that is a site's own path, as
    Hugo's ``/blog/x/``, is none)."""
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://"))


def _is_scalar(value: Any) -> bool:
    """Text or a number, as a name may be written (``true`` is no name)."""
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _as_written(value: Any) -> Any:
    """A number or a date as the text YAML read it from; anything else as it is."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    return value


class RelatedArticle(LedeModel):
    """An article the source site links to this one; it may or may not be in the corpus."""

    title: Title = ""
    excerpt: Blurb = ""
    published_at: AwareDatetime | None = Field(default=None, alias="publishedDateTime")
    web_url: Line = ""
    original_url: Line = ""
    provider: Provider | None = None
    quality: Score = None
    # Lists default by factory: a literal ``[]`` default is deep-copied for every
    # document that lacks the key (2.5% of the time to index a file).
    images: list[Image] = Field(default_factory=list)

    _as_images = field_validator("images", mode="before")(_images)
    _as_provider = field_validator("provider", mode="before")(_provider)

    @model_validator(mode="after")
    def _names_an_article(self) -> RelatedArticle:
        """An entry with neither title nor link (``related: {a: b}``) points nowhere:
        it is reported, not shown as a blank line."""
        if not (self.title or self.url):
            raise ValueError("a related article needs a title or a link")
        return self

    @property
    def url(self) -> str:
        """The best link to the story."""
        return self.original_url or self.web_url


class Article(LedeModel):
    """One document of the corpus: a news article, or another collection's entry.

    Profiles, companies, projects and events have ``name`` instead of
    ``title``; ``kind`` says what sort of item it is; an event has its start, end and
    ``location``, and an entry its ``website``. ``published`` is the site's
    flag: ``published: false`` is an item the site did not publish (shown all the same).
    """

    path: str = Field(default="", exclude=True)
    title: Title = ""
    name: Line = ""
    excerpt: Blurb = ""
    published_at: AwareDatetime | None = Field(default=None, alias="publishedDateTime")
    original_url: Line = ""
    web_url: Line = ""
    category: Line = ""
    type: Line = ""
    quality: Score = None
    heat: Score = None
    published: bool = True
    # jekyll-polyglot's and most themes' ``lang``; others write ``language`` or ``locale``.
    language: Language = Field(
        default="", validation_alias=AliasChoices("lang", "language", "locale")
    )
    provider: Provider | None = None
    authors: list[Line] = Field(default_factory=list)
    starts_at: AwareDatetime | None = Field(default=None, alias="startDateTime")
    ends_at: AwareDatetime | None = Field(default=None, alias="endDateTime")
    updated_at: AwareDatetime | None = Field(default=None, alias="updatedDateTime")
    location: Line = ""
    website: Line = ""
    topics: list[Label] = Field(default_factory=list)
    images: list[Image] = Field(default_factory=list)
    related: list[RelatedArticle] = Field(default_factory=list)
    secured: str | None = Field(default=None, repr=False, exclude=True)
    body: Body = Field(default="", exclude=True)

    _as_images = field_validator("images", mode="before")(_images)
    _as_related = field_validator("related", mode="before")(_related)
    _as_provider = field_validator("provider", mode="before")(_provider)

    _as_authors = field_validator("authors", mode="before")(author_names)

    @field_validator("type", mode="before")
    @classmethod
    def _one_type(cls, value: Any) -> Any:
        """A notes tool's list of types (Obsidian's ``type: ["[[Analysis]]"]``) names no
        kind of item here; it made a document that was read and listed "invalid". One in
        capitals is a tool's name of it (Omnivore's ``ARTICLE``): the kind in small letters."""
        if isinstance(value, str) and value.isupper():
            return value.lower()
        return value if _is_scalar(value) or value is None else ""

    @field_validator("location", mode="before")
    @classmethod
    def _places(cls, value: Any) -> Any:
        """A company's ``locations`` (a list) read as one line, of the places written as
        text (a nested list or mapping is no place's name)."""
        if not isinstance(value, list):
            return value
        return "; ".join(str(item) for item in value if _is_scalar(item) and str(item).strip())

    @field_validator("topics", mode="before")
    @classmethod
    def _topic_names(cls, value: Any) -> Any:
        """A number or a date among the topics is the name it is written as (``- 2020``):
        YAML reads it as a number, and the whole list was refused for it."""
        return [_as_written(item) for item in as_list(value)]

    @field_validator("topics")
    @classmethod
    def _named(cls, topics: list[str]) -> list[str]:
        """A topic left empty (``""``) names nothing; kept, it would be a nameless tree node."""
        return [topic for topic in topics if topic]

    @model_validator(mode="before")
    @classmethod
    def _fill_title(cls, data: Any) -> Any:
        """Entries of other collections are named, not titled, and their blurb is the
        excerpt; a Jekyll post is dated by its ``date`` or its file name (any page by a date
        in its address); an untitled document is titled by the heading it opens with, else
        (a Jekyll post) by its name; a blog's ``category``, ``categories`` and ``tags``
        are its topics where it names none; a ``draft`` (or a draft's ``status``, a post in
        ``_drafts``, or an Eleventy page of ``permalink: false``) is an item the site did
        not publish; the page it copies (``canonical_url``), else a whole address in
        ``url``, is its link where it names none other; a blog's cover picture
        (``cover_image``, ``image``...) is its image where it lists none."""
        if isinstance(data, dict):
            data = dict(data)
            params = data.get("params")
            if isinstance(params, dict):  # Hugo's page parameters: a theme's byline and
                for key in _HUGO_PARAMS:  # blurb there (``params: {author: …}``)
                    if key in params:
                        data.setdefault(key, params[key])
            clipped(data)  # what a read-later tool writes in its own way (``models.clipping``)
            if not data.get("images") and (cover := cover_image(data)):
                data["images"] = [cover]  # a blog's one picture, named as its tool names it
            if "title" in data:  # a title YAML read as a number or a day (``title: 0``)
                data["title"] = _as_written(data["title"])
            named = data.pop(NOTE_NAME, None)  # a vault's note, as Obsidian names it
            if not data.get("title"):
                data["title"] = (
                    data.get("name")
                    or data.get("display_name")  # GitHub's explore topics and collections
                    or named
                    or _opening_heading(data.get("body"))
                    or _navigation_title(data.get("eleventyNavigation"))
                    or post_title(data.get("path", ""))
                )
            if data.get("publishedDateTime") is None:
                data["publishedDateTime"] = published_date(data)
                data.pop("published_at", None)  # a blog's (dev.to's), read as the rest are
            for key in _ORIGINAL_KEYS:
                if not (data.get("originalUrl") or data.get("webUrl")) and _is_address(
                    data.get(key)
                ):
                    data["originalUrl"] = data[key]
            for key in ("url", "link"):  # a feed's item names its page in ``link``
                if (
                    not (data.get("originalUrl") or data.get("webUrl"))
                    and _is_address(data.get(key))
                    and data.get("publishedDateTime") is not None  # an undated page's link is
                ):  # the home of what it describes (GitHub's explore topics: minecraft.net)
                    data["originalUrl"] = data[key]  # a planet's post names its original so
            if not isinstance(data.get("published"), bool) and written_date(data.get("published")):
                del data["published"]  # Hugo's date, not Jekyll's flag
            if data.get("updatedDateTime") is None:
                data["updatedDateTime"] = updated_date(data)
                data.pop("updated_at", None)  # Qiita's (``''`` before it is first posted)
            for one, many in (
                ("author", "authors"),
                ("author_name", "authors"),  # nanoc's (Prometheus's blog)
                ("by", "authors"),  # the Go blog's
                ("locations", "location"),
            ):
                if many not in data and one in data:
                    data[many] = data.pop(one)
            category = data.get("category")
            if isinstance(category, list):  # Hugo's taxonomy: no one kind of item
                del data["category"]
            if data.get("topics") is None:  # a blog's own labels (``topics:`` left blank too)
                data["topics"] = with_tags(  # each once (``[[Clippings]]``, ``clippings``)
                    [],
                    [*blog_category(category), *blog_labels(data.get("categories"))]
                    + blog_labels(data.get("tags")),
                )
            if "published" not in data and (
                data.get("draft") is True
                or ("draft" not in data and _unpublished_status(data.get("status")))
                or data.get("ignorePublish") is True  # Qiita's: its CLI posts it not
                or data.get("private") is True  # Qiita's (shared by its link, not listed)
                or _in_drafts(data)
                or data.get("permalink") is False  # Eleventy writes no page of it
            ):
                data["published"] = False
            if not data.get("excerpt"):
                for key in _BLURB_KEYS:
                    if isinstance(data.get(key), str) and data[key].strip():  # dev.to's ""
                        data["excerpt"] = data[key]
                        break
        return data

    @model_validator(mode="after")
    def _filled_in(self) -> Article:
        """An event is dated by its start where nothing else dates it: it was listed
        undated, below every article. A page saved from elsewhere that names no provider
        (a feed reader's, a clipper's) is its original site's: the list showed none."""
        if self.published_at is None:
            self.published_at = self.starts_at
        named = self.provider and (self.provider.name or self.provider.domain)
        if not named and (domain := site_domain(self.original_url)):
            self.provider = Provider(name=domain, domain=domain)
        return self

    @property
    def heading(self) -> str:
        """What the article is called where it is listed and shown: its title, else the
        name of its file (of its folder, for a folder's own page: ``launch/index.md``)."""
        if self.title:
            return self.title
        folder, name = os.path.split(self.path)
        stem = os.path.splitext(name)[0]
        if stem.lower() in BUNDLE_NAMES and os.path.basename(folder):
            stem = os.path.basename(folder)
        return printable(stem)

    @property
    def kind(self) -> str:
        """What sort of item it is, as the front matter's ``type`` says: article, profile,
        course, conference, code...; ``article`` when it does not say."""
        return self.type or "article"

    @property
    def url(self) -> str:
        """The link to open or copy: the original article, else the site's page, else
        the website of what the entry is about (an event, a company)."""
        return self.original_url or self.web_url or self.website

    @property
    def identity(self) -> str:
        """Stable key for read state and duplicates: the normalised original URL, else the path."""
        return normalise_url(self.original_url) if self.original_url else self.path
