"""Which part of a site a query covers: its collections, its languages and the site's
published flag.

On a Jekyll site root the reader and ``lede list`` show the default stream (the
news, with its archive) unless a query names collections (``collection:NAME``,
``collection:*`` for all), and a site in several languages in its default one unless a
query names languages (``lang:ja``, ``lang:*``); a plain folder is shown whole. Hiding
what the site did not publish is a choice (a key, a setting), never the default. The
stream is decided once per session and becomes SQL conditions with the rest of the query,
so the search layer keeps it in its scope and typing costs nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from library.query import EVERY_COLLECTION, Query, QueryError
from library.schedule import published_sql
from library.site_folder import site_folder
from library.site_sections import BLOGS
from models.language import language_code
from models.text import printable

DEFAULT_COLLECTIONS = ("news",)
"""The news; ``_archive/_news`` is in it too (see ``models.collection``)."""


@dataclass(frozen=True)
class Stream:
    """What a query covers when it does not say: ``collections`` (empty: every one),
    whether items the site did not publish are left out, and ``languages`` (empty: every
    one; else those and the pages no language is said of)."""

    collections: tuple[str, ...] = ()
    hide_unpublished: bool = False
    languages: tuple[str, ...] = ()
    unlisted: tuple[str, ...] = ()  # the corpus's other languages, which ``languages`` leave out

    @property
    def home(self) -> frozenset[str]:
        """The collections whose items need no mark in a list: the stream's (the news
        when it is everything)."""
        return frozenset(self.collections or DEFAULT_COLLECTIONS)

    def applied(self, query: Query, *, every_collection: bool = False) -> Query:
        """``query`` with the stream's defaults; ``every_collection`` leaves the
        collections and languages alone (a list of starred items)."""
        collections = () if every_collection or query.names_collection else self.collections
        languages = () if every_collection or query.names_language else self.languages
        published = query.published
        if published is None and self.hide_unpublished:
            published = True
        return replace(
            query,
            default_collections=collections,
            default_languages=languages,
            published=published,
        )

    def speaking(self, roots: list[str], counts: Mapping[str, int]) -> Stream:
        """The same stream in the languages of a corpus with ``counts`` articles in each,
        as the index now holds them: a cold index held none when the stream was made."""
        languages = stream_languages(roots, counts)
        if languages == self.languages:
            return self
        return replace(self, languages=languages, unlisted=_unlisted(languages, counts))

    def languages_left_out(self, shows: str = "lang:{first} or lang:* shows them") -> str | None:
        """What to say of the languages the list leaves out, if any: nothing else tells a
        reader of a site in its default language that its translations are there.
        ``shows`` says how to see them (``{first}``: the first of them), where a query is
        not how (the command line's options)."""
        if not self.unlisted:
            return None
        others = ", ".join(self.unlisted[:6]) + (", …" if len(self.unlisted) > 6 else "")
        count = len(self.unlisted)
        return (
            f"Listed in {', '.join(self.languages)}; {count} other language"
            f"{'s' if count > 1 else ''} ({others}): {shows.format(first=self.unlisted[0])}"
        )

    def toggled(self) -> Stream:
        """The same stream with hiding unpublished items switched."""
        return replace(self, hide_unpublished=not self.hide_unpublished)


def default_stream(
    roots: Iterable[str],
    collections: tuple[str, ...] | None,
    hide_unpublished: bool,
    holds_collections: bool | None = None,
    languages: Mapping[str, int] | None = None,
) -> Stream:
    """The stream of a corpus: on Jekyll sites ``collections`` (the settings', else the
    news; ``*`` for every one), and each site's default language of ``languages`` (how
    many articles are in each, see ``listed_languages``); a plain folder among the roots
    is shown whole, so nothing of it is hidden by a filter it has no folders for.

    ``holds_collections`` is whether the index has articles in any collection (``None``
    when it is empty). Without any, nothing would be left out either way, and the folders
    are not looked at: deciding whether a flat folder of 50,000 files is a site lists
    every one of them, on the way to the first frame.
    """
    chosen = DEFAULT_COLLECTIONS if collections is None else collections
    roots = list(roots)
    listed = stream_languages(roots, languages or {})
    unlisted = _unlisted(listed, languages or {})
    if EVERY_COLLECTION in chosen or holds_collections is False:
        return Stream((), hide_unpublished, listed, unlisted)
    sites = [site_folder(root) for root in roots]  # a repository's site in its ``docs``
    if not sites or None in sites:  # a plain folder among them
        return Stream((), hide_unpublished, listed, unlisted)
    streamed = [site for site in sites if site is not None]
    return Stream(_with_sites_lacking(tuple(chosen), streamed), hide_unpublished, listed, unlisted)


def _unlisted(listed: tuple[str, ...], counts: Mapping[str, int]) -> tuple[str, ...]:
    """The languages of ``counts`` a stream in ``listed`` leaves out (none: every one)."""
    return tuple(sorted(set(counts) - set(listed))) if listed else ()


def stream_languages(roots: list[str], counts: Mapping[str, int]) -> tuple[str, ...]:
    """The languages sites are listed in, of a corpus with ``counts`` articles in each
    (see ``listed_languages``): none for one language or none (a site in one is listed
    whole, as it was), or a plain folder among the roots (any root no site's settings
    make one: ``listed_languages`` asks each, a VitePress site's too)."""
    from library.site_languages import listed_languages

    if len(counts) < 2:
        return ()
    return listed_languages(roots, counts)


def _with_sites_lacking(chosen: tuple[str, ...], roots: list[str]) -> tuple[str, ...]:
    """``chosen``, and the collections of each site that has none of them (a blog of
    ``_posts`` opened beside a news site vanished from the stream), but those it makes no
    pages of (its style guide's components were listed among its posts), with those whose
    files are named by dates (its releases, see ``library.dated_collections``) where the
    stream is the default. Alone, a site without them streams all of its own (see
    ``site_part``) unless it has such."""
    from library.dated_collections import dated_collections
    from library.site import collection_folders, has_collection
    from library.site_exclusions import collections_without_pages
    from library.site_sections import dated_sections, sections

    added: set[str] = set()
    for root in roots:
        own = sections(root)
        if not has_collection(root, chosen) and not own & set(chosen):
            pageless = collections_without_pages(root)
            dated: frozenset[str] = frozenset()  # its releases beside its posts, unless
            if chosen == DEFAULT_COLLECTIONS:  # the settings chose the stream
                dated = (dated_collections(root) | dated_sections(root)) - pageless
            if len(roots) > 1 or pageless or dated - BLOG_NAMES:
                every = (collection_folders(root) | own) - pageless
                added.update(_blogs_else_all(every, dated))
    return chosen + tuple(sorted(added - set(chosen)))


BLOG_NAMES = frozenset(BLOGS)


def _blogs_else_all(collections: Iterable[str], dated: frozenset[str] = frozenset()) -> list[str]:
    """The blogs among ``collections`` (by their names, as stored) and those ``dated``
    (named by their documents' dates), else every one."""
    collections = list(collections)
    blogs = [name for name in collections if name.lower() in BLOGS or name in dated]
    return blogs or collections


def not_in_corpus(chosen: tuple[str, ...], known: dict[str, str]) -> str | None:
    """What to say of the collections the settings chose (``chosen``) that the corpus
    lacks (``known``: its collections by lower-cased name), or None: a name mistyped
    there showed every collection and said nothing."""
    missing = [name for name in chosen if name != EVERY_COLLECTION and name.lower() not in known]
    if not missing or not known:
        return None
    named = ", ".join(f"'{printable(name)}'" for name in missing)
    shown = "every collection is shown" if len(missing) == len(chosen) else "the others are shown"
    there = ", ".join(sorted(known.values()))
    return (
        f"No collection {named} in this corpus (the settings name it); there are {there}: {shown}"
    )


@dataclass(frozen=True)
class SitePart:
    """The collections, languages and published flag a query asks for, with names as
    stored: ``included`` (``None``: any collection, or none), ``excluded``, ``published``
    (``None``: either) at ``moment`` (see ``library.schedule``), and the languages
    included (``None``: any; ``""`` stands for none said) and excluded."""

    included: frozenset[str] | None = None
    excluded: frozenset[str] = frozenset()
    published: bool | None = None
    moment: int = 0
    languages: frozenset[str] | None = None
    excluded_languages: frozenset[str] = frozenset()

    def holds(self, collection: str | None, language: str | None, published: bool) -> bool:
        """Whether an article in ``collection`` and ``language``, ``published`` or not at
        the moment, is in it."""
        if self.included is not None and collection not in self.included:
            return False
        if collection in self.excluded:
            return False
        if self.languages is not None and (language or "") not in self.languages:
            return False
        if language in self.excluded_languages:
            return False
        return self.published is None or self.published == published

    def conditions(self) -> tuple[list[str], list[object]]:
        """The same as SQL conditions over ``articles a``, and their parameters."""
        sql: list[str] = []
        params: list[object] = []
        for value, column, included, excluded in (
            ("a.collection", "a.collection", self.included, self.excluded),
            # A page no language is said of is in the language '' (see ``_language_part``).
            ("ifnull(a.language, '')", "a.language", self.languages, self.excluded_languages),
        ):
            if included is not None:
                sql.append(f"{value} IN ({', '.join('?' * len(included))})")
                params += sorted(included)
            for name in sorted(excluded):
                sql.append(f"{column} IS NOT ?")
                params.append(name)
        if self.published is not None:
            sql.append(f"{published_sql(self.moment)} = {int(self.published)}")
        return sql, params


def site_part(
    query: Query,
    known: Callable[[], dict[str, str]],
    spoken: Callable[[], frozenset[str]] = frozenset,
) -> SitePart:
    """What ``query`` asks of collections, languages and the published flag. ``known``
    gives the corpus's collections by lower-cased name, ``spoken`` its languages: a name
    they lack is a ``QueryError`` naming those there are; default collections it lacks
    are passed over (all of them lacking, every collection is in)."""
    included: frozenset[str] | None = None
    excluded: frozenset[str] = frozenset()
    if query.names_collection:
        if query.collections and EVERY_COLLECTION not in query.collections:
            included = frozenset(_known_name(name, known()) for name in query.collections)
        if EVERY_COLLECTION in query.excluded_collections:  # what is in none: a site's pages
            excluded = frozenset(known().values())
        else:
            excluded = frozenset(_known_name(n, known()) for n in query.excluded_collections)
    elif query.default_collections:
        included = streamed_collections(query.default_collections, known()) or None
    languages, excluded_languages = _language_part(query, spoken)
    return SitePart(included, excluded, query.published, 0, languages, excluded_languages)


def _language_part(
    query: Query, spoken: Callable[[], frozenset[str]]
) -> tuple[frozenset[str] | None, frozenset[str]]:
    """The languages ``query`` asks for (``None``: any) and those it leaves out: those it
    names (``-lang:*``: none said), else the stream's and the pages none is said of."""
    if not query.names_language:
        defaults = query.default_languages
        return (frozenset((*defaults, "")) if defaults else None), frozenset()
    included = None
    if query.languages and EVERY_COLLECTION not in query.languages:
        included = frozenset(_known_language(code, spoken()) for code in query.languages)
    named = [code for code in query.excluded_languages if code != EVERY_COLLECTION]
    if len(named) < len(query.excluded_languages):  # ``-lang:*``: what no language is said of
        included = frozenset({""}) & (included or {""})
    return included, frozenset(_known_language(code, spoken()) for code in named)


def _known_language(text: str, spoken: frozenset[str]) -> str:
    """The code ``lang:text`` names, of a language the corpus has articles in."""
    code = language_code(text)
    if code is None:
        raise QueryError(f"lang:{text} is not a language code; write one as en, pt-br or zh-hant")
    if code not in spoken:
        there = f"there are {', '.join(sorted(spoken))}" if spoken else "no article says one"
        raise QueryError(f"no article is in the language '{code}'; {there}")
    return code


def streamed_collections(chosen: Iterable[str], known: dict[str, str]) -> frozenset[str]:
    """The collections of the corpus (``known``: stored names by lower-cased name) that a
    stream of ``chosen`` shows: those of them it has, or, when it has none of them, its
    blogs (Hugo's ``content/blog``, not its ``docs``), else every one (not its pages,
    index, about, 404); none for a corpus without collections (everything is shown)."""
    found = [known[name.lower()] for name in chosen if name.lower() in known]
    return frozenset(found or _blogs_else_all(known.values()))


def only_site_part(query: Query) -> bool:
    """Whether ``query`` asks nothing but collections, languages and the published flag (a
    stored listing can then answer it, see ``library.listing``)."""
    rest = replace(
        query,
        collections=[],
        excluded_collections=[],
        default_collections=(),
        languages=[],
        excluded_languages=[],
        default_languages=(),
        published=None,
    )
    return rest == Query()


def _known_name(name: str, known: dict[str, str]) -> str:
    """The stored name of collection ``name`` (any case; a leading ``_`` as on disk)."""
    found = known.get(name.lower().removeprefix("_"))
    if found is not None:
        return found
    if not known:
        raise QueryError(f"unknown collection '{name}'; this corpus has no collections")
    raise QueryError(f"unknown collection '{name}'; there are {', '.join(sorted(known.values()))}")
