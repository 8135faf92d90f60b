"""Labelled news for measuring story grouping by pairwise precision and recall: the
sample corpus's real articles with their same-story pairs read by hand, and synthetic
stories (paraphrased write-ups of one event across providers and days) among look-alikes
that are not one story (shared product or wording, daily newsletters).
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

# The sample corpus of real articles (read where it is, never copied), and its same-story
# pairs, labelled by reading them; every other pair of its news articles is not one story.
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "everyday-ai"
NEWS = ("_news", "_archive/_news")
REAL_PAIRS = (
    (
        "_archive/_news/2019-12-20-artificial-intelligence-tracks-down-leukemia.md",
        "_archive/_news/2019-12-23-artificial-intelligence-tracks-down-leukemia.md",
    ),
    (
        "_news/2021-03-04-artificial-intelligence-reveals-current-drugs-that-may-help-combat-alzheimers-disease.md",
        "_news/2021-03-06-artificial-intelligence-reveals-current-drugs-that-may-help-combat-alzheimers-disease.md",
    ),
    (
        "_news/2021-03-09-synopsys-arc-ev-processor-enables-kyocera-document-solutions-to-launch-ai-enabled-multifunctional-printer-soc.md",
        "_news/2021-03-10-synopsys-arc-ev-processor-enables-kyocera-document-solutions-to-launch-ai-enabled-multifunctional-printer-soc.md",
    ),
    (
        "_archive/_news/2019-12-20-computer-vision-and-the-ccpa-what-you-need-to-know.md",
        "_archive/_news/2019-12-21-computer-vision-and-the-ccpa-what-you-need-to-know.md",
    ),
    (
        "_news/2022-07-22-healthcare-ai-a-trend-towards-a-zero-click-solution.md",
        "_archive/_news/2022-07-22-healthcare-ai-a-trend-towards-a-zero-click-solution.md",
    ),
)
DAY = 86_400
START = 1_600_000_000
_SYLLABLES = str.split(
    "ka ro mi tu ze lo va ni sha qu ber dan fel gor hix jun kel lum mor nep "
    "pal rin sor tav ul wex yor zin bra cle dro fri glo pla sti tro vri"
)
PROVIDERS = tuple(f"{name} News" for name in ("Daily", "Tech", "Wire", "Herald", "Post", "Ledger"))
_EVENTS = (
    ("exposes", "exposed", "exposure of"),
    ("launches", "launched", "launch of"),
    ("unveils", "unveiled", "unveiling of"),
    ("releases", "released", "release of"),
    ("announces", "announced", "announcement of"),
    ("reports", "reported", "report of"),
    ("raises", "raised", "raising of"),
)
_OBJECTS = ("records", "funding", "chip", "model", "platform", "accounts", "devices", "tools")
_CAUSES = (("misconfiguration", "misconfigured"), ("breach", "breached"), ("upgrade", "upgraded"))
_TITLES = (
    "{company} {product} {cause} {verb} {amount} {object}",
    "{amount} {object} {past} via {company} {product} {cause}",
    "{product} users {adverb} {past} {amount} {object} after {cause}",
    "{company} {past} {amount} {object}: {product} {cause_adj}",
    "The {noun} {amount} {object} at {company} {product}",
)
_ADVERBS = ("inadvertently", "reportedly", "quietly", "suddenly")
_FILLER = str.split(
    "the company said in a statement that it is working with partners on the issue and "
    "will share more details later this week according to people familiar with the matter "
    "analysts expect more news soon as the market reacts and customers ask questions"
)
_VOCABULARY = 4000  # everyday words of the write-ups, drawn by Zipf's law


_ZIPF = [1 / rank for rank in range(1, _VOCABULARY + 1)]


class LabelledArticle(NamedTuple):
    id: int
    published: int
    provider: str
    title: str
    excerpt: str
    identity: str
    story: str  # the label: articles with the same one report the same event


def _word(rng: random.Random, syllables: int = 3) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


def _amount(rng: random.Random, millions: int) -> str:
    return rng.choice((f"{millions} million", f"{millions}M", f"{millions * 1_000_000:,}"))


def _write_up(
    rng: random.Random, facts: dict[str, str], details: list[str], words: list[str]
) -> tuple[str, str]:
    """One provider's title and excerpt for a story's facts, in its own words."""
    verb, past, noun = facts["event"]
    cause, cause_adj = facts["cause"]
    title = rng.choice(_TITLES).format(
        company=facts["company"],
        product=facts["product"],
        cause=cause,
        cause_adj=cause_adj,
        verb=verb,
        past=past,
        noun=noun,
        amount=_amount(rng, int(facts["millions"])),
        object=facts["object"],
        adverb=rng.choice(_ADVERBS),
    )
    title = title[0].upper() + title[1:]
    chosen = rng.sample(details, k=rng.randint(2, 3))
    filler = rng.sample(_FILLER, k=6) + rng.choices(words, _ZIPF, k=10)
    rng.shuffle(filler)
    excerpt = " ".join([chosen[0], *filler[:8], *chosen[1:], *filler[8:]]) + " ..."
    return title, excerpt


def _story_facts(rng: random.Random, product: str | None = None) -> dict[str, str]:
    return {
        "company": _word(rng).capitalize(),
        "product": product or f"{_word(rng, 2).capitalize()} {_word(rng, 2).capitalize()}",
        "event": rng.choice(_EVENTS),
        "cause": rng.choice(_CAUSES),
        "object": rng.choice(_OBJECTS),
        "millions": str(rng.randint(2, 99)),
    }


def generate(stories: int, seed: int = 7, span_days: int = 700) -> list[LabelledArticle]:
    """About ``stories`` stories of 1 to 30 write-ups; a fifth come as look-alike twins
    (same product, another event, days apart), and every day has its newsletter."""
    rng = random.Random(seed)
    words = [_word(rng, rng.randint(2, 3)) for _ in range(_VOCABULARY)]
    articles: list[LabelledArticle] = []

    def emit(published: int, provider: str, title: str, excerpt: str, label: str) -> None:
        n = len(articles)
        identity = f"https://{provider.split()[0].lower()}.example/{n}"
        articles.append(LabelledArticle(n, published, provider, title, excerpt, identity, label))

    for number in range(stories):
        start = START + rng.randrange(span_days * DAY)
        size = min(30, int(rng.paretovariate(1.2)))
        twin = rng.random() < 0.2
        product = f"{_word(rng, 2).capitalize()} {_word(rng, 2).capitalize()}"
        for variant in range(2 if twin else 1):
            facts = _story_facts(rng, product)
            details = [
                f"{_word(rng).capitalize()} {rng.choice(words)} {_word(rng)} {_word(rng, 2)}."
                for _ in range(6)
            ]
            day0 = start + variant * rng.randint(1, 3) * DAY
            for _ in range(size if variant == 0 else max(1, size // 2)):
                title, excerpt = _write_up(rng, facts, details, words)
                published = day0 + rng.randrange(5 * DAY)
                emit(published, rng.choice(PROVIDERS), title, excerpt, f"s{number}.{variant}")
    for day in range(span_days):
        items = ", ".join(_word(rng).capitalize() for _ in range(4))
        date = time.strftime("%Y-%m-%d", time.gmtime(START + day * DAY))
        title = f"AI Every Day ({date})"
        emit(START + day * DAY, "Every Day", title, f"Today: {items} and more ...", f"n{day}")
    return articles


def lookalikes() -> list[LabelledArticle]:
    """Hand-written titles that share words but not events (each its own story)."""
    written = [
        ("PIN diode handles high-power apps", "A new PIN diode from Macom switches RF."),
        ("RF power meter targets low-power apps", "Keysight's meter reads IoT radios."),
        ("Microsoft announces Power Fx, an open low-code language", "Power Fx is based on Excel."),
        ("Power Fx formulas now in Power Apps canvas", "Makers can use named formulas now."),
        ("AI Every Day (2021-04-27)", "Today: robots paint, chips shrink."),
        ("AI Every Day (2021-04-28)", "Today: drones deliver, banks predict."),
    ]
    return [
        LabelledArticle(n, START + (n // 2) * DAY, "Wire News", t, e, f"lookalike:{n}", f"l{n}")
        for n, (t, e) in enumerate(written)
    ]


def pairs(labels: Iterable[tuple[int, str]]) -> set[tuple[int, int]]:
    """All unordered pairs of ids that share a label."""
    members: dict[str, list[int]] = defaultdict(list)
    for article_id, label in labels:
        members[label].append(article_id)
    return {pair for ids in members.values() for pair in combinations(sorted(ids), 2)}


def precision_recall(
    truth: set[tuple[int, int]], found: set[tuple[int, int]]
) -> tuple[float, float]:
    """Pairwise precision and recall (1.0 where there is nothing to find or claim)."""
    hits = len(truth & found)
    return (hits / len(found) if found else 1.0, hits / len(truth) if truth else 1.0)


def real_articles() -> list[LabelledArticle]:
    """The sample corpus's news articles, labelled by ``REAL_PAIRS`` (path as label)."""
    from library.loader import load_file

    label = {second: first for first, second in REAL_PAIRS}
    found = []
    for folder in NEWS:
        for path in sorted((CORPUS / folder).glob("*.md")):
            article = load_file(str(path), summary=True).article
            if article is None or article.published_at is None:
                continue
            name = path.relative_to(CORPUS).as_posix()
            provider = article.provider.name if article.provider else ""
            published = int(article.published_at.timestamp())
            found.append(
                LabelledArticle(
                    len(found),
                    published,
                    provider,
                    article.title,
                    article.excerpt,
                    article.identity,
                    label.get(name, name),
                )
            )
    return found
