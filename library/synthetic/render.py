"""The text of each kind of synthetic file, shaped like the real site's.

Front matter keys are the site's camelCase ones (``publishedDateTime``,
``originalUrl``, ``webUrl``, ``isCached``), with its habits: ``heat: -1`` for
unknown, ``published: false`` on items the site does not publish, an opaque
``secured`` token, ``related`` blocks of other outlets' articles.
"""

from __future__ import annotations

import base64
import random
import re
from datetime import datetime, timedelta
from html import escape

from library.synthetic.words import LEVELS, NEWSLETTER, PROVIDERS, SITE, TOPICS, WORDS

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Words by byte: one random byte per word is ten times cheaper than a choice per word
# (the first words of the list come up a little more often, as common words do).
_BY_BYTE = tuple(WORDS[byte % len(WORDS)] for byte in range(256))


def slug(text: str, limit: int = 60) -> str:
    """A file-name part made of ``text``'s letters and digits."""
    return _NOT_SLUG.sub("-", text.lower()).strip("-")[:limit].rstrip("-")


def quoted(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def words(rng: random.Random, low: int, high: int) -> str:
    """A run of everyday words, capitalised like a sentence."""
    return " ".join(map(_BY_BYTE.__getitem__, rng.randbytes(rng.randint(low, high)))).capitalize()


def secured(rng: random.Random) -> str:
    token = base64.b64encode(rng.randbytes(96)).decode()
    return f'secured: "{token};{base64.b64encode(rng.randbytes(16)).decode()}"\n'


def provider(name: str, domain: str, pad: str = "") -> str:
    return f"{pad}provider:\n{pad}  name: {name}\n{pad}  domain: {domain}\n"


def images(rng: random.Random, pad: str = "") -> str:
    out = [f"{pad}images:\n"]
    # int(random() * n) rather than randrange(n): this runs for every document.
    for _ in range(1 + (rng.random() < 0.5)):
        out.append(
            f'{pad}  - url: "https://img.example/{rng.getrandbits(30)}.jpg"\n'
            f"{pad}    width: {(640, 1200, 1920)[int(rng.random() * 3)]}\n"
            f"{pad}    height: {(360, 720, 1080)[int(rng.random() * 3)]}\n"
            f"{pad}    isCached: true\n"
        )
    return "".join(out)


def related(rng: random.Random, when: datetime) -> str:
    """Other outlets' articles the site links to this one (not in the corpus)."""
    out = ["related:\n"]
    for _ in range(1 + int(rng.random() * 4)):
        name, domain = PROVIDERS[int(rng.random() * len(PROVIDERS))]
        moment = when + timedelta(hours=int(rng.random() * 97) - 48)
        url = f"https://{domain}/{rng.getrandbits(30)}"
        out.append(
            f"  - title: {quoted(words(rng, 6, 14))}\n"
            f"    excerpt: {quoted(words(rng, 15, 35) + '.')}\n"
            f"    publishedDateTime: {moment:%Y-%m-%dT%H:%M:00Z}\n"
            f'    webUrl: "{url}"\n'
            f'    ampWebUrl: "{url}/amp"\n'
            "    type: article\n"
            f"{provider(name, domain, '    ')}"
            f"    quality: {int(rng.random() * 201)}\n"
        )
        if rng.random() < 0.5:
            out.append(images(rng, "    "))
    return "".join(out) + "\n"


def news(
    rng: random.Random,
    when: datetime,
    title: str,
    excerpt: str,
    source: tuple[str, str],
    topics: tuple[str, ...],
    original: str | None,
    web: str,
    unpublished: bool | None,
) -> str:
    """A news article; ``original`` None leaves it with a ``webUrl`` only, ``unpublished``
    None leaves out the site's quality/heat/published block (about half have none)."""
    head = [
        "---\ncategory: news\n",
        f"title: {quoted(title)}\n",
        f"excerpt: {quoted(excerpt)}\n",
        f"publishedDateTime: {when:%Y-%m-%dT%H:%M:00Z}\n",
        f'originalUrl: "{original}"\n' if original else "",
        f'webUrl: "{web}"\ntype: article\n',
    ]
    if unpublished is not None:
        heat = -1 if rng.random() < 0.8 else 1 + int(rng.random() * 300)
        head.append(f"quality: {int(rng.random() * 201)}\nheat: {heat}\n")
        head.append(f"published: {'false' if unpublished else 'true'}\n")
    head.append("\n" + provider(*source) + "\ntopics:\n")
    head.extend(f"  - {topic}\n" for topic in topics)
    head.append("\n")
    if rng.random() < 0.6:
        head.append(images(rng) + "\n")
    if rng.random() < 0.3:
        head.append(related(rng, when))
    head.append(secured(rng) + "---\n")
    return "".join(head)


def newsletter(rng: random.Random, day: datetime, headlines: list[tuple[str, str, str]]) -> str:
    """The daily newsletter: an HTML e-mail inside Liquid ``raw`` tags, as the site keeps it."""
    title = f"{NEWSLETTER} ({day:%Y-%m-%d})"
    items = "".join(
        f'<tr><td class="item"><h2><a href="{escape(url)}">{escape(headline)}</a></h2>\n'
        f"<p>{escape(excerpt)}</p></td></tr>\n"
        for headline, excerpt, url in headlines
    )
    return (
        f"---\ntitle: {quoted(title)}\n"
        f"excerpt: {quoted(' / '.join(headline for headline, _, _ in headlines))}\n"
        f"publishedDateTime: {day:%Y-%m-%d}T19:04:32Z\n"
        f'webUrl: "{SITE}/newsletter/ai-every-day-{day:%Y-%m-%d}/"\n'
        "type: article\n\ntopics:\n  - AI\n\n"
        f"{secured(rng)}---\n"
        "{% raw %}\n<html>\n<head>\n"
        '  <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n'
        f"  <title>{title}</title>\n"
        "  <style>td.item { padding: 12px; } h2 { font-size: 18px; }</style>\n"
        "  <!--[if mso]><style>table { border-collapse: collapse; }</style><![endif]-->\n"
        "</head>\n<body>\n<center>\n<table>\n"
        f"{items}"
        '<tr><td><p style="font-size: 12px">{can-spam}</p></td></tr>\n'
        "</table>\n</center>\n</body>\n</html>\n{% endraw %}\n"
    )


def learning(
    rng: random.Random, title: str, kind: str, outlet: str, topics: tuple[str, ...]
) -> str:
    """A learning item (video, course, book, answer): no date, a price and levels."""
    price = rng.choice(("Free", "Free+", "$29.00", "$49.99"))
    count = rng.randint(10, 9000)
    return (
        f"---\ntitle: {quoted(title)}\n"
        f"excerpt: {quoted(words(rng, 20, 40) + '.')}\n"
        f'webUrl: "https://{outlet}.example/learn/{slug(title)}"\n'
        f"type: {kind}\nprice: {price}\n"
        f"ratings:\n  count: {count}\n  average: {rng.randint(30, 50) / 10}\n"
        f"heat: {rng.randint(1, 120)}\n\n"
        f"{provider(outlet.capitalize(), outlet + '.example')}\n"
        f"levels:\n  - {rng.choice(LEVELS)}\n\n"
        "topics:\n" + "".join(f"  - {topic}\n" for topic in topics) + "\n"
        f"{images(rng)}\n{secured(rng)}---\n"
    )


def sample(rng: random.Random, title: str, when: datetime, topics: tuple[str, ...]) -> str:
    """A code sample with a short Markdown body."""
    name = slug(title, 40)
    return (
        f"---\ntitle: {quoted(title)}\n"
        f"excerpt: {quoted(words(rng, 12, 24) + '.')}\n"
        f"publishedDateTime: {when:%Y-%m-%dT%H:%M:00Z}\n"
        f'webUrl: "https://github.example/samples/{name}"\n'
        "type: sample\nlanguage: python\n\n"
        f"{provider('GitHub', 'github.example')}\n"
        "topics:\n" + "".join(f"  - {topic}\n" for topic in topics) + "---\n"
        f"\n## Run it\n\n```sh\npip install {name}\npython -m {name.replace('-', '_')}\n```\n"
    )


def person(rng: random.Random, name: str, place: str) -> str:
    """A profile of the ``_people`` data collection: named, not titled; no date."""
    handle = slug(name).replace("-", "")
    return (
        f"---\nname: {quoted(name)}\n"
        f"bio: {quoted(words(rng, 10, 20) + '.')}\n"
        f'location: {place}\ntype: "profile"\nheat: {rng.randint(1, 400)}\n\n'
        f"twitter:\n  username: {handle}\n  url: https://twitter.example/{handle}\n"
        f"  followers: {rng.randint(100, 500_000)}\n\n"
        f"topics:\n  - AI\n\n{images(rng)}\n{secured(rng)}---\n"
    )


PERSON_TEMPLATE = "---\nname:\nbio:\nlocation:\ntype: profile\nheat:\n\ntopics:\n  -\n---\n"


def topic(name: str, parent: str | None, shortname: str | None) -> str:
    """One taxonomy entry, as a ``_data/topics`` file holds it."""
    ident = slug(name, 80)
    lines = [f"taxonomy: topic\n_id: {ident}\nname: {name}\n"]
    if shortname:
        lines.append(f"shortname: {shortname}\n")
    if parent:
        lines.append(f"parent: {parent}\n")
    lines.append(f'keywords:\n  - {name.lower()}\nhashtags:\n  - "#{ident.replace("-", "")}"\n')
    lines.append(f"images:\n  - {SITE}/assets/images/topics/{ident}.jpg\n")
    lines.append(f"services:\n  news: {SITE}/api/news/{ident}/\n")
    return "".join(lines)


def taxonomy_files() -> list[tuple[str, str]]:
    """``(file name, text)`` for every topic, named as the site names them."""
    return [
        (f"{prefix}-{slug(name, 80)}.yaml", topic(name, parent, short))
        for prefix, name, parent, short in TOPICS
    ]
