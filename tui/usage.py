"""What ``lede --help`` teaches beyond the options: the query language, the sort keys,
what ``lede stats`` counts, what opens when no PATH is given, and the hint for a command
that does not exist."""

from __future__ import annotations

import re
from collections.abc import Sequence

QUERIES = """\
queries (lede list -q QUERY, and / in the reader):
  facial ban             every word, in title, excerpt, provider, authors,
                         topics or body
  hang*                  words that start with hang (the reader's filter reads
                         its last word so while it is typed, and saves it
                         with the *)
  "exact phrase"         the words together, in this order
  "exact phr"*           the phrase, its last word a prefix
  -word, -"a phrase"     articles without it
  topic:NAME             the topic and everything below it:
                         topic:"Computer Vision"
  provider:TEXT          the provider's name or domain contains TEXT
  after:YYYY-MM-DD       published on that day or later (days are local time)
  before:YYYY-MM-DD      published before that day
  after:today, after:7d  also today, yesterday, or N days back (7d)
  quality>N, quality<N   quality score above or below N (also >=, <=, =)
  is:unread, is:read, is:starred
                         reading state, shared with the reader
  is:published, is:unpublished
                         the site's own flag (published: false is unpublished)
  collection:NAME        a site's collection folder: collection:newsletters is
                         _newsletters/; news is _news/ and _archive/_news/;
                         several are any of them; collection:* is every one
                         and the site's pages (-collection:* the pages alone)
  lang:CODE              the language a site says an article is in: lang:ja,
                         lang:pt-br; several are any of them; lang:* is every
                         one and what is in none (-lang:* what is in none)
  story:ID               the articles of one story (ids: lede list --stories,
                         or "story" in lede list --json)
  A dash in front of topic:, provider:, is:, collection:, lang: or story:
  leaves those out too.
  On a site, lists hold its news, in its default language where it has several,
  unless the query names a collection or a language (lede list --all:
  everything); the settings file can choose: collections = ["news", "learning"].
  A query that starts with a dash works as it is: lede list -q -word."""

SORT_HELP = """\
sort keys (--sort, and S in the reader):
  date                   newest first (the default)
  quality                highest quality first, unrated last
  title                  A to Z"""

STATS_HELP = """\
what lede stats counts (exactly the articles lede list -q QUERY lists):
  articles per month     every month from the first to the last, as bars with
                         counts
  top topics             the topics the articles name most (each article
                         counts once)
  top providers          who published most of them
  --json                 the same numbers as one object: total, undated,
                         months, topics and providers
                         ({"name": ..., "count": ...})
The text holds no colours or escapes: it reads the same in a pipe or a file."""

DEFAULT_PATHS = """\
with no PATH, lede opens $LEDE_FEEDS (folders separated by ':'), else the
paths in the settings file (~/.config/lede/config.toml: paths = ["~/news"]),
else ./feeds if there is one, else the bundled sample."""

_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def unknown_word_hint(word: str, commands: Sequence[str]) -> str:
    """What to add when ``lede WORD`` names neither a path nor a command: the nearest
    command, or the list of them ('' when ``word`` does not look like a command)."""
    if not _WORD.fullmatch(word):
        return ""
    import difflib  # only on this mistake, never on the way to the reader

    near = difflib.get_close_matches(word.lower(), commands, n=1, cutoff=0.6)
    if near:
        return f" (did you mean `lede {near[0]}`?)"
    return f" (commands are {', '.join(commands)}; see lede --help)"
