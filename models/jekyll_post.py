"""What a site's post says of its date and title where a feed's ``publishedDateTime`` and
``title`` are missing: its front matter's date, its file name, its page's address.

Jekyll dates a post by its ``date:`` key, else by the ``YYYY-MM-DD-`` its file name
starts with (in ``_posts``, and in any other collection; Eleventy and Docusaurus do
too). Jekyll's own format (``2021-02-04 10:00:00 +0100``) is no YAML timestamp, so YAML
leaves it a string. An untitled post is titled by the rest of its name, each word capitalised
(``2014-03-03-hello-world.md``: "Hello World"), and so is an untitled document of
another collection (``_speakers/ada-lovelace.md``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from models.foreign_dates import foreign_date

# Where generators keep a post's date: Jekyll, Hugo, Eleventy, Hexo (``date``), Hugo
# (``publishDate``, ``pubDate``), Astro (``pubDate``, ``pubDatetime``), schema.org
# (``datePublished``), nanoc (``created_at``), Forem's (dev.to) and Zenn's
# (``published_at``). Hugo's ``published`` too, which Jekyll's
# flag shares a name with. Then, after that ``published`` (Obsidian's Web Clipper's too),
# Ghost's and Omnivore's ``date_published``, and last when a page was saved or a note made:
# Omnivore's ``date_saved``, the Obsidian clipper bookmarklet's ``clipped``, Obsidian's and
# Dendron's ``created``.
SITE_DATE_KEYS = (
    "date",
    "publishDate",
    "pubDate",
    "pubDatetime",
    "datePublished",
    "created_at",
    "published_at",
)
NOTE_DATE_KEYS = ("date_published", "date_saved", "clipped", "created")
DATE_KEYS = SITE_DATE_KEYS + NOTE_DATE_KEYS
# A moment written as a number counts from 1970: seconds (Hugo), or milliseconds
# (Dendron, JavaScript). Numbers outside these spans (a year, a count) are no dates.
_EPOCH_SECONDS = (1e8, 1e10)
_EPOCH_MILLISECONDS = (1e11, 1e13)
_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M %z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    # ISO's, with an hour of one digit, as Go (Hugo) reads it: ``2019-01-15T8:00:00``.
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    # As people write a day, and JavaScript's ``Date`` reads it (Astro's ``'Jul 08 2022'``).
    "%b %d %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%d %B %Y",
    # A month alone, as a report or an issue is dated, and Ruby's ``Time.parse`` reads it
    # (Jekyll's): its first day (``December 2018``).
    "%B %Y",
    "%b %Y",
    # With slashes, as JavaScript's ``Date`` reads them too (react.dev's ``2024/12/05``).
    "%Y/%m/%d",
    "%Y-%m-%d",  # a month or day of one digit (``2024-4-09``), which ISO's reader refuses
    "%m/%d/%Y",  # month first (Quarto's ``2/13/2022``)
    # Day first where month first reads none, as Pelican's reader (dateutil's) takes it:
    # ``27-12-2012``, ``16/03/2011``; and a year first with dots, ``2015.10.18``.
    "%Y.%m.%d",
    "%m-%d-%Y",
    "%d-%m-%Y",
    "%d/%m/%Y",
)
# North America's zones by their abbreviations, which Ruby's ``Time.parse`` reads.
_ZONE_OFFSETS = {"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500"}
_ZONE_OFFSETS |= {"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700"}
_NAMED_OFFSET = re.compile(r" ?UTC(?=[+-]\d)")
# MarkDownload's default ``created: {date:YYYY-MM-DDTHH:mm:ss} (UTC {date:Z})``: the
# offset after the moment, between brackets.
_BRACKETED_OFFSET = re.compile(r"\s*\(UTC\s*([+-]\d\d:?\d\d)\)$")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)  # a day's: ``3rd``
# A weekday before the day, as Bridgetown and mail write it (``Wednesday, May 1, 2024 at
# 9:44:34 AM PDT``, ``Thu, 05 Dec 2024``): the day says it again.
_WEEKDAY = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
# Jekyll's own pattern: a month and a day of one digit too (``2014-3-3-hello.md``).
_NAME_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})-")
# What dates a page by its name, Jekyll's and Zola's: its date (maybe with a time of day,
# RFC 3339's), then ``-`` or ``_`` before its slug, spaces allowed (``2018-10-10_hello.md``).
# A name of a date alone is a daily note's more often than a post's: Logseq's journal in
# another format than its graph's is a page of no day.
_DATED_NAME = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?"
    r"[ \t]*[-_]"
)
# The file that stands for its folder (a page bundle): the folder's name is its name.
BUNDLE_NAMES = frozenset({"index", "_index", "readme"})  # a folder's page: the folder names it
_ADDRESS_DATE = re.compile(r"(?:^|/)(\d{4})/(\d{1,2})/(\d{1,2})(?:/|$)")


def written_date(value: Any) -> date | None:
    """The date a front matter's value says: a YAML date, Jekyll's own format, a quoted
    ISO moment (``'2017-01-20T09:00:00.000Z'``), a moment as a number since 1970;
    ``None`` for anything else."""
    if isinstance(value, date):  # a datetime too
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _epoch_date(value)
    if isinstance(value, str):
        text = value.strip()
        if text[-4:] in (" UTC", " GMT"):  # Nikola's ``2017-05-12 12:50:41 UTC``
            text = f"{text[:-4]} +0000"
        elif "(UTC" in text:  # MarkDownload's ``2023-01-05T10:20:30 (UTC +01:00)``
            text = _BRACKETED_OFFSET.sub(r"\1", text)
        elif "UTC" in text:  # Nikola's ``2015-09-04 12:40:00 UTC-03:00``
            text = _NAMED_OFFSET.sub(" ", text)
        elif text[-3:] in _ZONE_OFFSETS and text[-4:-3] == " ":  # ``5:45 PM PST``
            text = text[:-3] + _ZONE_OFFSETS[text[-3:]]
        try:  # first: ISO's own reader is quick, and each form tried below costs more
            return datetime.fromisoformat(text)
        except ValueError:
            pass
        text = _ORDINAL.sub("", text)  # ``3rd November 2021``, as dateutil reads it (ABlog)
        if weekday := _WEEKDAY.match(text):
            text = text[weekday.end() :]
        for form in _FORMATS:
            try:
                return datetime.strptime(text, form)
            except ValueError:
                continue
        if moment := _day_at(text):  # before mail's reader, which passes over "PM"
            return moment
        try:  # as mail and feeds write it (``Thu, 05 Dec 2024 10:00:00 +0000``), Ruby's too
            return parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            pass
        return foreign_date(text)  # last: a date ISO's and English's readers read costs no more
    return None


# A time of day after a day: in twelve hours or 24, maybe after ``at`` or a comma, maybe
# with its zone's offset (``10:00 PM``, ``at 9:05 pm +0100``, ``22:15:30``).
_TIME_OF_DAY = re.compile(
    r"(?:,?\s+at\s+|,\s*|\s+)(\d{1,2}):(\d\d)(?::(\d\d))?\s*(?:([ap])\.?m\.?)?"
    r"(?:\s*([+-]\d\d:?\d\d))?$",
    re.IGNORECASE,
)


def _day_at(text: str) -> datetime | None:
    """A day written in any form ``written_date`` reads, then a time of day
    (``2021-03-04 10:00 PM``, ``Mar 4 2021 10:00AM``, ``March 4, 2021 at 9:05 pm``, as
    Middleman, Nikola, Notion and hand-written posts write them): each form above is one
    pairing of the two."""
    found = _TIME_OF_DAY.search(text)
    if found is None or (day := written_date(text[: found.start()])) is None:
        return None
    if isinstance(day, datetime) and (day.tzinfo or day.hour or day.minute or day.second):
        return None  # a day with a time of its own already: two times are no moment
    hour, minute, second = int(found[1]), int(found[2]), int(found[3] or 0)
    if found[4]:  # twelve hours: 12 AM is midnight, 12 PM noon
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if found[4].lower() == "p" else 0)
    try:
        moment = datetime(day.year, day.month, day.day, hour, minute, second)
        return (
            moment.replace(tzinfo=datetime.strptime(found[5], "%z").tzinfo) if found[5] else moment
        )
    except ValueError:  # 25:61, an offset of 99 hours
        return None


def first_date(data: Mapping[str, Any], keys: tuple[str, ...]) -> date | None:
    """The date the first of ``keys`` that holds one says in ``data`` (a page's front
    matter): one key's, read by ``written_date``, or a Docusaurus ``last_update: {date: …}``'s
    or an MkDocs ``date: {created: …}``'s."""
    if data.keys().isdisjoint(keys):  # most pages: one look, not one for each key
        return None
    for key in keys:
        value = data.get(key)
        if value is None:  # most keys of a list: no call to find no date in nothing
            continue
        if isinstance(value, dict):
            value = value.get("date") or value.get("created")
        if found := written_date(value):
            return found
    return None


def _epoch_date(number: float) -> datetime | None:
    """The moment a number of seconds or milliseconds since 1970 stands for, if any."""
    for (low, high), per_second in ((_EPOCH_SECONDS, 1), (_EPOCH_MILLISECONDS, 1000)):
        if low <= number < high:
            return datetime.fromtimestamp(number / per_second, UTC)
    return None


def name_date(path: str) -> date | None:
    """The date the file name at ``path`` starts with: a Jekyll collection's document, an
    Eleventy page, a Docusaurus post (``2021-08-26-welcome.md``, or its folder's name for
    ``2021-08-26-welcome/index.md``) are dated so, and a Zola page by a date before ``_``
    too (``2018-10-10_hello.md``)."""
    folder, name = os.path.split(path)
    if os.path.splitext(name)[0].lower() in BUNDLE_NAMES:
        folder, name = os.path.split(folder)
    found = _DATED_NAME.match(name)
    return _day(found) if found else None


_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


def day_name(path: str) -> date | None:
    """The day the file's whole name is (``2024-05-01.md``): a project's news, a changelog or
    a diary kept a file a day, which Eleventy dates by the date in its path. Such a name is
    no Jekyll post's (``name_date``), and a vault's note or a Logseq graph's page so named
    is of no day unless their settings say so (``models.page_dates`` asks)."""
    found = _DAY.fullmatch(os.path.splitext(os.path.basename(path))[0])
    return _day(found) if found else None


_DAY_OR_MONTH = re.compile(r"\d{4}-\d\d(?:-\d\d)?")


def named_as_date(path: str) -> bool:
    """Whether the file's whole name is a day or a month (``2021-03.md``): a changelog's
    entry, which its site heads with its date, and which the name titles as well as a
    title would."""
    return _DAY_OR_MONTH.fullmatch(os.path.splitext(os.path.basename(path))[0]) is not None


def named_as_version(path: str, data: Mapping[str, Any]) -> bool:
    """Whether the file is named as the release its ``version`` says (``4.07.0.md`` of
    ``version: 4.07.0``, ``v1.2.md`` of ``1.2``): a release's page, which its site heads
    with that version, and which the name titles as well as a title would."""
    version = data.get("version")
    if not isinstance(version, str | int | float) or isinstance(version, bool):
        return False
    stem = os.path.splitext(os.path.basename(path))[0].lower().removeprefix("v")
    return bool(stem) and stem == str(version).strip().lower().removeprefix("v")


def folder_date(path: str) -> date | None:
    """The day the folder holding ``path`` is named (``2024-02-10/``): Omnivore files the
    pages it saves in a folder of the day each was saved, its default notes dated nowhere
    else."""
    found = _DAY.fullmatch(os.path.basename(os.path.dirname(path)))
    return _day(found) if found else None


def _in_collection(folder: str) -> bool:
    """Whether ``folder`` is (in) a Jekyll collection's: ``_posts``, ``_news``... Jekyll
    dates and titles every collection's documents by their names, not only posts."""
    return any(len(part) > 1 and part.startswith("_") for part in folder.split(os.sep))


def address_date(*addresses: Any) -> date | None:
    """The date in a page's own address (``path = "2025/08/05/july-update"``, a
    ``permalink`` of ``/2014/03/03/hello/``), where a site keeps it there alone: the
    Rust blog's 753 posts were undated and sorted last."""
    for address in addresses:
        if isinstance(address, str) and (found := _ADDRESS_DATE.search(address)):
            return _day(found)
    return None


def _day(found: re.Match[str]) -> date | None:
    try:
        return date(*map(int, found.groups()))
    except ValueError:
        return None


def post_title(path: str) -> str:
    """The title Jekyll gives an untitled post at ``path`` (a draft, any collection's
    document too), and any page whose name starts with its date (Eleventy's, Hugo's:
    ``2026-05-13-sponsorship-tiers.md``); ``""`` for a document Jekyll gives none."""
    folder, name = os.path.split(path)
    if os.path.splitext(name)[0].lower() in BUNDLE_NAMES and _in_collection(folder):
        folder, name = os.path.split(folder)  # ``_topics/minecraft/index.md``: "Minecraft"
    found = _NAME_DATE.match(name)
    if found is None and not _in_collection(folder):
        return ""
    if found is None and "_posts" in folder.split(os.sep):
        return ""  # Jekyll reads no post from a name without a date
    slug = name[found.end() :] if found else name
    return " ".join(word.capitalize() for word in os.path.splitext(slug)[0].split("-") if word)
