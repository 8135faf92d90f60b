"""Multi-source stories and look-alikes: what grouping coverage of one event is measured on.

A story is one event reported by several outlets within a few days, each in its
own words ("Acme Power Apps misconfiguration exposes 38 million records" / "38M
records exposed via Acme Power Apps misconfiguration"). A look-alike pair shares
most of its words but reports two different events, close in time: a grouping
that merges it is wrong.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

COMPANIES = [
    "Acme",
    "Globex",
    "Initech",
    "Hooli",
    "Vandelay",
    "Cyberdyne",
    "Tyrell",
    "Soylent",
    "Umbrella",
    "Wonka",
]
PRODUCTS = ("Power Apps", "Vision Studio", "Speech Kit", "Data Lake", "Model Hub", "Edge Box")
FEATURES = (
    "natural language formulas",
    "offline sync",
    "named formulas",
    "on-device transcription",
    "image captioning",
    "row-level security",
    "a low-code copilot",
    "vector search",
)
STARTUPS = [
    "Lumina",
    "Quanta",
    "Neuralo",
    "Sensei",
    "Ferrous",
    "Brightline",
    "Tessel",
    "Parallax",
    "Corvid",
    "Helix",
]
INVESTORS = ("Sequoia Capital", "Andreessen Horowitz", "Accel", "Index Ventures", "GV")
FIELDS = ("computer vision", "speech recognition", "robotics", "fraud detection", "drug discovery")
CITIES = [
    "Hangzhou",
    "Portland",
    "Boston",
    "Oakland",
    "Madrid",
    "Osaka",
    "Lagos",
    "Lyon",
    "Austin",
    "Turin",
]
SITES = ("housing estates", "schools", "shops", "public transport", "stadiums", "parks")

# Each kind of event: its topics, headline wordings, excerpt wordings, and the facts
# that tell two events of the kind apart.
KINDS = {
    "exposure": (
        ("AI in Security", "Microsoft AI"),
        (
            "{company} {product} misconfiguration exposes {n} million records",
            "{n}M records exposed via {company} {product} misconfiguration",
            "{product} users inadvertently exposed {n}M personal info records",
            "Misconfigured {company} {product} portals leaked {n} million records",
            "{n} million records left open by {product} misconfiguration, researchers say",
        ),
        (
            "Researchers found {n} million records exposed by {product} portals "
            "that were set up to allow public access.",
            "A misconfiguration in {company} {product} left {n}M personal records open, "
            "among them names, emails and vaccination status.",
            "Anyone could read {n} million records from misconfigured {product} portals, "
            "security researchers said.",
        ),
        ("company", "product", "n"),
    ),
    "funding": (
        ("Machine Learning",),
        (
            "{startup} raises ${n}M Series {round} for {field}",
            "{startup} lands ${n} million Series {round} led by {investor}",
            "{investor} leads ${n}M round in {field} startup {startup}",
            "{field} startup {startup} secures ${n} million in Series {round} funding",
        ),
        (
            "{startup}, which builds {field} tools, raised ${n} million in a Series {round} "
            "round led by {investor}.",
            "The ${n}M Series {round} will help {startup} hire and grow its {field} platform.",
        ),
        ("startup", "n"),
    ),
    "launch": (
        ("Microsoft AI", "Machine Learning"),
        (
            "{company} launches {product} with {feature}",
            "{company} unveils {product}, bringing {feature} to developers",
            "{company}'s new {product} is here, and it brings {feature}",
            "Hands on with {company} {product} and its {feature}",
        ),
        (
            "{company} today released {product}, adding {feature} for developers and teams.",
            "The new {product} brings {feature}; {company} says it is available now.",
        ),
        ("company", "product", "feature"),
    ),
    "ban": (
        ("Face Recognition", "AI Ethics"),
        (
            "{city} bans facial recognition in {site}",
            "{city} council votes to ban face recognition in {site}",
            "Facial recognition banned from {site} in {city}",
            "{city} moves to outlaw facial recognition in {site}",
        ),
        (
            "The {city} council voted to stop the use of facial recognition in {site}.",
            "Residents of {city} may no longer be scanned in {site} under a new rule.",
        ),
        ("city", "site"),
    ),
    "acquisition": (
        ("AI",),
        (
            "{company} to acquire {startup} for ${n} billion",
            "{company} buys {startup} in ${n}B deal",
            "{startup} agrees to ${n} billion takeover by {company}",
            "{company} snaps up {field} firm {startup} for ${n}bn",
        ),
        (
            "{company} will pay ${n} billion for {startup}, a maker of {field} software.",
            "The ${n}B deal gives {company} the {field} team of {startup}.",
        ),
        ("company", "startup", "n"),
    ),
}
# Look-alikes whose words meet by accident ("power apps"): different things entirely.
HOMONYMS = (
    (
        ("PIN diode handles high-power apps", "The diode switches signals in radar and radio."),
        ("RF power meter targets low-power apps", "A meter for wearables and sensor tags."),
    ),
    (
        ("GaN amplifier handles high-power apps", "Base stations get a smaller amplifier."),
        ("Buck converter targets low-power apps", "The converter runs battery devices longer."),
    ),
    (
        ("Vision chip sees in the dark", "A camera sensor for night driving."),
        ("Vision statement: the chip industry in the dark", "An editorial on supply."),
    ),
)


@dataclass(frozen=True)
class Report:
    """One article's words and date, before it is given an outlet and a file."""

    minute: int  # minutes since the corpus's first day
    title: str
    excerpt: str
    topics: tuple[str, ...]
    unpublished: bool


def _facts(rng: random.Random) -> dict[str, object]:
    return {
        "company": rng.choice(COMPANIES),
        "product": rng.choice(PRODUCTS),
        "feature": rng.choice(FEATURES),
        "startup": rng.choice(STARTUPS),
        "investor": rng.choice(INVESTORS),
        "field": rng.choice(FIELDS),
        "city": rng.choice(CITIES),
        "site": rng.choice(SITES),
        "round": rng.choice("ABCD"),
        "n": rng.randint(2, 99),
    }


def _event(rng: random.Random, used: set[tuple[object, ...]]) -> tuple[str, dict[str, object]]:
    """A kind and facts no earlier event had."""
    while True:
        kind = rng.choice(tuple(KINDS))
        facts = _facts(rng)
        key = (kind, *(facts[name] for name in KINDS[kind][3]))
        if key not in used:
            used.add(key)
            return kind, facts


def _wording(rng: random.Random, kind: str, facts: dict[str, object], turn: int) -> Report:
    topics, titles, excerpts, _ = KINDS[kind]
    title = titles[turn % len(titles)].format(**facts)
    if rng.random() < 0.3:  # outlets capitalise headlines their own way
        title = " ".join(word[:1].upper() + word[1:] for word in title.split())
    title = title[:1].upper() + title[1:]
    excerpt = excerpts[rng.randrange(len(excerpts))].format(**facts)
    return Report(0, title, excerpt[:1].upper() + excerpt[1:], ("AI", *topics), False)


def story(
    rng: random.Random, used: set[tuple[object, ...]], size: int, minute: int
) -> list[Report]:
    """``size`` reports of one new event, over up to five days from ``minute``; the
    first is the earliest and published, most later ones are not (editors hide copies)."""
    kind, facts = _event(rng, used)
    first = rng.randrange(len(KINDS[kind][1]))
    reports = []
    for turn in range(size):
        report = _wording(rng, kind, facts, first + turn)
        later = 0 if turn == 0 else rng.randrange(1, 5 * 24 * 60)
        reports.append(
            Report(
                minute + later,
                report.title,
                report.excerpt,
                report.topics,
                turn > 0 and rng.random() < 0.8,
            )
        )
    return reports


def lookalike(rng: random.Random, used: set[tuple[object, ...]], minute: int) -> list[Report]:
    """Two reports of different events that share most of their words, a day or two apart."""
    later = minute + rng.randrange(60, 2 * 24 * 60)
    if rng.random() < 0.2:
        pair = HOMONYMS[rng.randrange(len(HOMONYMS))]
        return [
            Report(when, title, excerpt, ("AI Hardware",), False)
            for when, (title, excerpt) in zip((minute, later), pair, strict=True)
        ]
    kind, facts = _event(rng, used)
    turn = rng.randrange(len(KINDS[kind][1]))
    one = _wording(rng, kind, facts, turn)
    other_facts = dict(facts)
    # Another event of the same kind and wording: a telling fact differs (a number
    # alone would more likely be one event's figure corrected).
    while True:
        changed = rng.choice([name for name in KINDS[kind][3] if name != "n"])
        other_facts.update(n=_facts(rng)["n"], **{changed: _facts(rng)[changed]})
        key = (kind, *(other_facts[name] for name in KINDS[kind][3]))
        if key not in used and other_facts["n"] != facts["n"]:
            used.add(key)
            break
    two = _wording(rng, kind, other_facts, turn)
    return [
        Report(minute, one.title, one.excerpt, one.topics, False),
        Report(later, two.title, two.excerpt, two.topics, False),
    ]
