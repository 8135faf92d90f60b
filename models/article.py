"""The article model and its parts, with the real documents' camelCase keys as aliases.

Unknown keys are kept (``extra="allow"``) so nothing in a document is lost;
``secured`` is an opaque token that is kept but never shown or exported.
"""

from __future__ import annotations

import os
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.alias_generators import to_camel

from models.article_keys import article_fields, as_written
from models.fields import AwareDatetime, Blurb, Body, Label, Language, Line, Score, Title
from models.identity import normalise_url, site_domain
from models.jekyll_post import BUNDLE_NAMES
from models.labels import as_list, author_names, note_name
from models.text import printable


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
        """YAML leaves blank keys as ``None`` (``website:``); treat them as absent. Most
        mappings have none, and are taken as they are, not copied."""
        if isinstance(data, dict) and None in data.values():
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
    (``related: [metrics, leadership]`` names other pages of the site), and so is an
    entry's ``slug`` where it gives neither (``{slug: report-215, collection: statements}``,
    as PCLOB's reports name their statements: each was an error, its page "invalid")."""
    return [
        _named_article(item) if isinstance(item, str) else _by_slug(item) for item in as_list(value)
    ]


def _by_slug(entry: Any) -> Any:
    """A page of the site named by its slug alone, as the text of its name."""
    if not isinstance(entry, dict) or not isinstance(slug := entry.get("slug"), str):
        return entry
    named = any(entry.get(key) for key in ("title", "originalUrl", "webUrl", "url"))
    return entry if named else _named_article(slug)


def _named_article(text: str) -> dict[str, str]:
    return {"originalUrl" if text.startswith(("http://", "https://")) else "title": text}


def _provider(value: Any) -> Any:
    """A provider given by name alone (``provider: Reuters``)."""
    return {"name": value} if isinstance(value, str) else value


def _is_scalar(value: Any) -> bool:
    """Text or a number, as a name may be written (``true`` is no name)."""
    return isinstance(value, str | int | float) and not isinstance(value, bool)


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
        text (a nested list or mapping is no place's name); a place given as a mapping by
        its parts' names (``{city: Paris, country: France}``), not its coordinates
        (ocaml.org's ``{lat: 48.85, long: 2.35}``, which made 41 pages "invalid")."""
        if isinstance(value, dict):
            return ", ".join(part for part in value.values() if isinstance(part, str) and part)
        if not isinstance(value, list):
            return value
        return "; ".join(str(item) for item in value if _is_scalar(item) and str(item).strip())

    @field_validator("topics", mode="before")
    @classmethod
    def _topic_names(cls, value: Any) -> Any:
        """A number or a date among the topics is the name it is written as (``- 2020``):
        YAML reads it as a number, and the whole list was refused for it. A link to a
        note is the note's name (``models.labels.note_name``); plain text is taken as it is."""
        return [
            item
            if isinstance(item, str) and not item.startswith("[[")
            else as_written(note_name(item))
            for item in as_list(note_name(value))
        ]

    @field_validator("topics")
    @classmethod
    def _named(cls, topics: list[str]) -> list[str]:
        """A topic left empty (``""``) names nothing; kept, it would be a nameless tree node.
        One named twice is the article's once: the detail read "Topics AI, AI"."""
        return list(dict.fromkeys(filter(None, topics)))

    @model_validator(mode="before")
    @classmethod
    def _fill_title(cls, data: Any) -> Any:
        """The fields other programs name otherwise, or leave to be inferred (a title from
        the opening heading, a date from the file's name): ``models.article_keys``."""
        return article_fields(data) if isinstance(data, dict) else data

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
