"""Reading one file from disk into a ParsedDocument, never raising.

Runs in worker processes during indexing, so everything it returns pickles.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator

from library.hugo_cascade import cascaded_build
from library.hugo_terms import with_term_titles
from library.jekyll_categories import with_folder_categories
from library.mkdocs_site import mkdocs_docs_of
from library.plain_page_sites import renders_plain_pages
from library.scan import TAXONOMY_SUFFIXES
from library.sidecars import POST_SUFFIXES, SIDECAR_SUFFIX, is_sidecar
from library.site_addresses import site_address
from library.site_author import site_author
from library.site_root import site_of, splits_labels_at_spaces
from library.site_schedule import site_dates, site_schedule
from library.site_zone import site_zone
from models.asciidoc import SUFFIXES as ASCIIDOC_SUFFIXES
from models.asciidoc_include import INCLUDE_ROOT
from models.docinfo import IN_PELICAN_SITE
from models.document import ParsedDocument, parse_document, parse_taxonomy
from models.fields import SITE_ZONE
from models.hugo_build import CASCADED_BUILD
from models.labels import SPLIT_AT_SPACES
from models.legacy_encoding import guess_encoding
from models.mkdocs_page import MKDOCS_DOCS
from models.plain_pages import PLAIN_PAGES
from models.regular_file import NotRegular, TooLarge, open_regular, read_regular
from models.schedule import SITE_SCHEDULE
from models.site_author import SITE_AUTHOR
from models.site_dates import SITE_DATES

MAX_FILE_BYTES = 8 * 1024 * 1024
TOO_LARGE = "file is too large"  # how the warning of a file read up to the limit begins
# Of a file whose first line does not end within the limit (a sparse file, a dump): it
# said "read up to line 0".
_NO_LINE_READ = "its first line alone is longer, so none of it was read"

UNREAD = "cannot read: "  # what a file the system refused to read is said to be


def _describe_decode_error(error: UnicodeDecodeError) -> str:
    return f"not UTF-8 text (byte 0x{error.object[error.start]:02x} at offset {error.start})"


@contextlib.contextmanager
def read_ahead(paths: Iterable[str]) -> Iterator[dict[str, int]]:
    """Ask the kernel to read these files into its cache now, all at once, without
    waiting: parsed one by one, each is then read from memory, where a corpus not in
    the cache kept a core idle on every file in turn. Each is opened once: its descriptor,
    by its path, is held for ``load_file`` to read (``ahead``), and those it did not read
    are closed at the end. As in ``read_regular``, what is no regular file is not opened;
    what fails here is left for ``load_file`` to report."""
    held: dict[str, int] = {}
    try:
        if hasattr(os, "posix_fadvise"):  # not every system has it (macOS)
            for path in paths:
                try:
                    descriptor = open_regular(path)
                except (OSError, NotRegular):
                    continue
                held[path] = descriptor
                with contextlib.suppress(OSError):  # a file system may take no advice
                    os.posix_fadvise(descriptor, 0, MAX_FILE_BYTES + 1, os.POSIX_FADV_WILLNEED)
        yield held
    finally:
        for descriptor in held.values():
            os.close(descriptor)


def load_file(
    path: str,
    *,
    explicit: bool = False,
    summary: bool = False,
    root: str | None = None,
    ahead: dict[str, int] | None = None,
) -> ParsedDocument:
    """Parse ``path``; problems are reported in the result, never raised.

    ``explicit`` is set for files the user named: those must be documents,
    while files met while walking a folder may simply not be one (no
    front matter in a README, say). ``summary`` is passed to ``parse_document``.
    ``root`` is the corpus the file is in: an AsciiDoc page's includes are read in it.
    ``ahead`` holds the descriptors ``read_ahead`` opened: this file's is taken and read.
    """
    if root is not None and path.lower().endswith(ASCIIDOC_SUFFIXES):
        token = INCLUDE_ROOT.set(root)
        try:
            return load_file(path, explicit=explicit, summary=summary, ahead=ahead)
        finally:
            INCLUDE_ROOT.reset(token)
    if is_sidecar(path) and not explicit:  # read with its post, and no document itself
        return ParsedDocument(path, has_front_matter=False)
    too_large: TooLarge | None = None
    opened = None if ahead is None else ahead.pop(path, None)
    try:
        raw = read_regular(path, MAX_FILE_BYTES, keep_head=True, opened=opened)
    except TooLarge as error:
        # Its lines up to the limit, whole: the post is listed, and only its end is lost.
        too_large, raw = error, error.head[: error.head.rfind(b"\n") + 1]
    except NotRegular as error:
        parsed = ParsedDocument(path)
        parsed.report("error", f"{error.kind}, not a regular file: not read")
        return parsed
    except OSError as error:
        parsed = ParsedDocument(path)
        parsed.report("error", f"{UNREAD}{error.strerror or error}")
        return parsed
    parsed = _in_its_site(raw, path, explicit=explicit, summary=summary)
    if too_large is not None:
        lines = raw.count(b"\n")
        read = f"read up to line {lines:,}, the rest left out" if lines else _NO_LINE_READ
        parsed.report(
            "warning",
            f"{TOO_LARGE} ({too_large.size:,} bytes; limit {MAX_FILE_BYTES:,}): {read}",
            lines + 1,
        )
    return parsed


def _in_its_site(raw: bytes, path: str, *, explicit: bool, summary: bool) -> ParsedDocument:
    """``raw`` parsed with its site's settings (zone, schedule, dates...) in force."""
    site = site_of(path)
    if site is None:  # a folder of articles, no site's: each setting its default
        return _parsed(raw, path, explicit=explicit, summary=summary)
    zone = SITE_ZONE.set(site_zone(path))
    schedule = SITE_SCHEDULE.set(site_schedule(path))
    dates = SITE_DATES.set(site_dates(path))
    spaces = SPLIT_AT_SPACES.set(splits_labels_at_spaces(path))
    pelican = IN_PELICAN_SITE.set(site.kind == "pelican")
    build = CASCADED_BUILD.set(cascaded_build(path))
    author = SITE_AUTHOR.set(site_author(path))
    plain = PLAIN_PAGES.set(renders_plain_pages(path, site))
    docs = MKDOCS_DOCS.set(mkdocs_docs_of(path, site))
    try:
        parsed = _parsed(raw, path, explicit=explicit, summary=summary)
        return parsed if summary else with_site_address(parsed)  # see ``summaries``
    finally:
        MKDOCS_DOCS.reset(docs)
        PLAIN_PAGES.reset(plain)
        SITE_AUTHOR.reset(author)
        CASCADED_BUILD.reset(build)
        IN_PELICAN_SITE.reset(pelican)
        SPLIT_AT_SPACES.reset(spaces)
        SITE_DATES.reset(dates)
        SITE_SCHEDULE.reset(schedule)
        SITE_ZONE.reset(zone)


def with_site_address(parsed: ParsedDocument) -> ParsedDocument:
    """A site's own post, which names no address, at the one its site publishes it at
    (``library.site_addresses``): nothing could be opened or copied of it. A Jekyll post
    is in the categories its folders give (``library.jekyll_categories``) as its address is;
    a Hugo page's topics are named by their term pages (``library.hugo_terms``)."""
    article = parsed.article
    if article is not None:
        with_folder_categories(parsed.path, article)
        with_term_titles(parsed.path, article)
    if article is not None and not (article.original_url or article.web_url):
        try:
            article.web_url = site_address(parsed.path, article)
        except Exception:  # a setting no check foresaw costs the address, not the post
            article.web_url = ""
    return parsed


def _parsed(raw: bytes, path: str, *, explicit: bool, summary: bool) -> ParsedDocument:
    try:
        return parse_bytes(raw, path, explicit=explicit, summary=summary)
    except Exception as error:  # a failure no check foresaw is this file's, not the corpus's
        return unforeseen(path, error)


def unforeseen(path: str, error: Exception) -> ParsedDocument:
    """A file that failed in a way no check foresaw, reported as its own problem: one
    such file must not stop a whole corpus from indexing (and should be a bug report)."""
    parsed = ParsedDocument(path)
    parsed.report("error", f"cannot be read ({type(error).__name__}: {error})")
    return parsed


def parse_bytes(
    raw: bytes, path: str, *, explicit: bool = False, summary: bool = False
) -> ParsedDocument:
    """Decode and parse a file's bytes; binary and non-UTF-8 content is reported."""
    parsed = ParsedDocument(path)
    not_utf8: UnicodeDecodeError | None = None  # and read in a guessed older encoding
    encoding = _wide_encoding(raw)
    if encoding is None and b"\x00" in raw[:8192]:
        unmarked = _unmarked_utf16(raw)
        if unmarked is None:
            parsed.report("error", "binary file, not a text document")
            return parsed
        text = unmarked
    else:
        try:
            text = raw.decode(encoding or "utf-8")
        except UnicodeDecodeError as error:
            if encoding:
                parsed.report(
                    "error", f"marked {encoding.upper()} but not valid from byte {error.start}"
                )
                return parsed
            # An old archive's file, saved in its system's code page: read in the
            # likeliest one rather than lost, and said, since it is a guess.
            if (guessed := guess_encoding(raw)) is None:
                return _undecodable(path, raw, error)
            text, legacy = guessed
            not_utf8 = error
    if os.path.splitext(path)[1].lower() in TAXONOMY_SUFFIXES:
        parsed = parse_taxonomy(text, path)
    else:
        parsed = parse_document(text, path, require_front_matter=explicit, summary=summary)
        if not parsed.has_front_matter and (sidecar := _sidecar(path)) is not None:
            parsed = parse_document(text, path, summary=summary, sidecar=sidecar)
    if not_utf8 is not None:
        if not parsed.has_front_matter:  # no document in that encoding either: the bytes are
            return _undecodable(path, raw, not_utf8)  # what to say (a stray byte before ---)
        parsed.report(
            "warning",
            f"{_describe_decode_error(not_utf8)}: read as {legacy}, the likeliest encoding "
            "of its bytes (saved as UTF-8, it reads for sure)",
            raw.count(b"\n", 0, not_utf8.start) + 1,
        )
    return parsed


def _undecodable(path: str, raw: bytes, error: UnicodeDecodeError) -> ParsedDocument:
    """A file no encoding reads as a document, reported at its first byte that is no UTF-8."""
    parsed = ParsedDocument(path)
    parsed.report("error", _describe_decode_error(error), raw.count(b"\n", 0, error.start) + 1)
    return parsed


def _sidecar(path: str) -> str | None:
    """The text of Nikola's ``POST.meta`` beside ``POST.txt``, where older posts keep their
    title and date: 17 posts of a Nikola site were missing. Looked for only beside a file
    with no metadata of its own, so the documents of a corpus cost nothing more."""
    stem, suffix = os.path.splitext(path)
    if suffix.lower() not in POST_SUFFIXES:
        return None
    try:
        return read_regular(stem + SIDECAR_SUFFIX, _SIDECAR_BYTES).decode("utf-8", "replace")
    except (OSError, TooLarge, NotRegular):
        return None


_SIDECAR_BYTES = 64 * 1024  # a few lines of metadata


def _wide_encoding(raw: bytes) -> str | None:
    """The codec of a file its byte-order mark says is UTF-32 or UTF-16 (as an editor on
    Windows saves "Unicode" text), whose zero bytes are no sign of a binary file; the
    codec then drops the mark."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


_FRONT_MATTER_LE = tuple(mark.encode("utf-16-le") for mark in ("---", "+++"))
_FRONT_MATTER_BE = tuple(mark.encode("utf-16-be") for mark in ("---", "+++"))


def _unmarked_utf16(raw: bytes) -> str | None:
    """The text of UTF-16 saved without its mark, or None for a binary file. The byte
    order is told by the front matter's first line (``---``, ``+++``), else by where the
    zero bytes fall: mostly-ASCII text zeroes one byte of most pairs, always the same
    one; a binary file has zeros anywhere."""
    head = raw[: min(len(raw), 8192) // 2 * 2]
    high_first, high_last = head[0::2].count(0), head[1::2].count(0)
    if raw.startswith(_FRONT_MATTER_LE) or (high_last > len(head) // 4 and not high_first):
        codec = "utf-16-le"
    elif raw.startswith(_FRONT_MATTER_BE) or (high_first > len(head) // 4 and not high_last):
        codec = "utf-16-be"
    else:
        return None
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        return None
