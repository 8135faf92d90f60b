"""The query language against a reference: a matcher written the plain way, in Python, over
each document's parsed fields, and the index's answer for many random queries built from
the grammar, on a generated site with hand-made hostile documents among its news.

The reference is the rule a user can count on: words (all of them, in title, excerpt,
provider, authors, topics or body) match whatever their case and accents, in every
script and spelling (``café``, ``CAFE``, ``cafe``; ``κόσμος``, ``ΚΟΣΜΟΣ``; ``Straße``,
``strasse``; an accent written as a combining mark); ``provider:`` holds its text the same
way; topics take their descendants; dates are local days. The seed is fixed: the same
queries run every time, in a few seconds."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from library.index import CorpusIndex
from library.query import EVERY_COLLECTION, Query, QueryError, Term, parse_query
from library.scan import FoundFile
from library.summaries import index_one
from library.synthetic import generate
from models.topic import TopicTree, topic_key
from tests.conftest import EAST_OF_UTC, WEST_OF_UTC, write_document

SEED = 20261206
QUERIES = 600

# Hand-made news among the generated: (title, excerpt, provider name, domain, body).
HOSTILE = {
    "cafe": ("Le café du coin ouvre", "Un bon endroit.", "Café Press", "cafepress.fr", ""),
    "cafe-nfd": (unicodedata.normalize("NFD", "Ein Café in Wien"), "", "Wire", "w.test", ""),
    "zurich": ("Zürich banks report", "", "ZÜRICH Zeitung", "nzz.ch", "Die Bank in Zürich."),
    "strasse": ("Die Straße ist lang", "", "Ärzte Blatt", "aerzte.de", ""),
    "strasse-ch": ("Die Strasse ist kurz", "", "Wire", "w.test", "GROSSE Pläne"),
    "istanbul": ("İstanbul traffic plan", "", "Wire", "w.test", ""),
    "greek": ("Ο κόσμος της ΟΔΟΥ", "Νέα τεχνολογία", "Ελληνικά Νέα", "gr.test", ""),
    "greek-caps": ("ΚΟΣΜΟΣ ΚΑΙ ΤΕΧΝΟΛΟΓΙΑ", "", "Wire", "w.test", "οδός"),
    "cjk": ("東京で新しいAIが発表された", "", "Wire", "w.test", "서울시가 연구소를 열었다"),
    "cjk-nfd": (unicodedata.normalize("NFD", "大阪でAIが"), "", "Wire", "w.test", ""),
    "emoji": ("Startups 🦄 everywhere", "", "Wire", "w.test", "🦄 in the body"),
    "robot": ("AI🤖 assistants🧠 arrive", "", "Wire", "w.test", "Brain🧠power"),
    "rtl": ("שלום עולם and مرحبا", "", "Wire", "w.test", ""),
    "code": ("C++ and .NET and node.js", "e-mail, don't, U.S.", "Wire", "w.test", "C# too"),
    "gpt": ("GPT-4 beats GPT-3.5", "", "Wire", "w.test", "3.5 points"),
    "letter": ("The letter C alone", "", "Wire", "w.test", ""),
    "no-date": ("Undated café note", "", "", "", "Nothing dated."),
}
TOPICS = {"zurich": "Zürich", "greek": "Τεχνολογία", "strasse": "Straßenbau"}  # else AI's
DATED = date(2021, 6, 1)  # the hostile documents' day (but ``no-date``)
LITERALS = [
    "café",
    "CAFE",
    "cafe",
    unicodedata.normalize("NFD", "café"),
    "Zürich",
    "zurich",
    "ZURICH",
    "Straße",
    "strasse",
    "STRASSE",
    "grosse",
    "İstanbul",
    "istanbul",
    "κόσμος",
    "κοσμος",
    "ΚΟΣΜΟΣ",
    "οδός",
    "οδος",
    "ΟΔΟΣ",
    "τεχνολογια",
    "東京",
    "新しい",
    unicodedata.normalize("NFD", "東京で新しい"),
    unicodedata.normalize("NFD", "서울시가"),
    "서울",
    "大阪で",
    "🦄",
    "🤖",
    "assistants",
    "ai",
    '"assistants arrive"',
    '"Startups everywhere"',
    "brain",
    "שלום",
    "مرحبا",
    "C++",
    "C#",
    ".NET",
    "node.js",
    "e-mail",
    "don't",
    "U.S.",
    "GPT-4",
    "3.5",
    '"GPT 4"',
    '"facial',
    "-",
    "topic:",
    "after:2024-13-45",
    "quality>x",
    "is:",
    '""',
    "*",
    "hang*",
    "provider:zürich",
    "topic:zurich",
    "topic:ZÜRICH",
    "-topic:Zurich",
    "topic:τεχνολογια",
    "topic:strassenbau",
    "provider:CAFÉ",
    "provider:ärzte",
    "provider:ΕΛΛΗΝΙΚΆ",
    "quality>5 quality<30 quality>20",
    "quality>20 quality>5",
    "after:2021-01-01 after:2021-06-02",
    "before:2021-06-02 before:2020-01-01",
]
SPACES = [" ", " ", " ", "  ", "\t", "\u00a0", " \u3000 "]


@dataclass
class Doc:
    """What the reference reads of one document: its parsed fields."""

    path: str
    columns: list[list[str]]  # the words of title, excerpt, provider and authors, topics, body
    title: str
    provider: tuple[str, str]
    topics: list[str]
    published: int | None
    quality: int | None
    collection: str | None
    site_published: bool


def words(text: str) -> list[str]:
    """Words as a reader means them: split at anything but letters and digits, Chinese,
    Japanese and Korean characters one word each, without case or accents (``ß`` is
    ``ss``)."""
    text = unicodedata.normalize("NFC", text)  # one spelling however it is encoded
    text = re.sub(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af])", r" \1 ", text)
    return re.findall(r"[^\W_]+", fold(text))


def fold(text: str) -> str:
    """``text`` without case and the accents of Latin and Greek letters (others' marks
    tell words apart: Japanese で is not て, Russian й is not и)."""
    plain = unicodedata.normalize("NFD", text)
    plain = re.sub("[\u0300-\u036f]", "", plain)
    return unicodedata.normalize("NFC", plain).casefold()


def read(path: str, root: str) -> Doc:
    done = index_one(FoundFile(path, 0, 0, False, root))
    summary = done.article
    assert summary is not None, path
    return Doc(
        path,
        [words(text) for text in (summary.title, done.excerpt, done.who, " ".join(done.topics))]
        + [words(done.body)],
        summary.title,
        (summary.provider_name, summary.provider_domain),
        list(done.topics),
        summary.published,
        summary.quality,
        summary.collection,
        summary.is_published,
    )


def holds(doc: Doc, term: Term) -> bool:
    """Whether the term's words follow each other in one of the document's fields (the
    last a start of a word for ``word*``); a term of symbols alone is looked for in the
    title as written."""
    wanted = words(term.text)
    if not wanted:
        return bool(term.text.strip()) and not term.text.isascii() and term.text in doc.title
    for tokens in doc.columns:
        for start in range(len(tokens) - len(wanted) + 1):
            here = tokens[start : start + len(wanted)]
            last = here[-1].startswith(wanted[-1]) if term.prefix else here[-1] == wanted[-1]
            if here[:-1] == wanted[:-1] and last:
                return True
    return False


def counts(term: Term) -> bool:
    """Whether a term asks anything (``*``, ``-`` and the like hold nothing to find)."""
    return bool(words(term.text)) or (bool(term.text.strip()) and not term.text.isascii())


def topic_named(tree: TopicTree, name: str) -> str | None:
    """The topic a name means: by name, id or short name, else the one topic whose name
    is it but for case and accents."""
    alike = [key for key in tree.nodes if fold(key) == fold(topic_key(name))]
    return tree.resolve(name) or (alike[0] if len(alike) == 1 else None)


def under(tree: TopicTree, doc: Doc, name: str) -> bool:
    key = topic_named(tree, name)
    return any(
        key in tree.ancestors(found)
        for topic in doc.topics
        if (found := tree.resolve(topic)) is not None
    )


def local_midnight(day: date) -> int:
    return int(datetime.combine(day, datetime.min.time()).timestamp())


COMPARE = {
    ">": int.__gt__,
    ">=": int.__ge__,
    "<": int.__lt__,
    "<=": int.__le__,
    "=": int.__eq__,
}


def bounds_hold(text: str, doc: Doc) -> bool:
    """Whether every date and quality bound written in ``text`` holds: a day from its
    local midnight; a document without a date or a quality is outside every bound."""
    text = re.sub('"[^"]*"', " ", text)  # a phrase's words are only words
    for key, value in re.findall(r"(?<![\w-])(after|before):(\S+)", text):
        midnight = local_midnight(date.fromisoformat(value))
        if doc.published is None or (doc.published >= midnight) != (key == "after"):
            return False
    for operator, value in re.findall(r"(?<![\w-])quality(>=|<=|>|<|=)(\S+)", text):
        if doc.quality is None or not COMPARE[operator](doc.quality, int(value)):
            return False
    return True


def matches(query: Query, doc: Doc, tree: TopicTree) -> bool:
    """The reference: every part of the query holds for the document."""
    found_in_provider = [
        any(fold(text) in fold(v) for v in doc.provider) for text in query.providers
    ]
    collection = (doc.collection or "").lower()
    return (
        all(holds(doc, term) for term in query.terms if counts(term))
        and not any(holds(doc, term) for term in query.excluded if counts(term))
        and all(under(tree, doc, name) for name in query.topics)
        and not any(under(tree, doc, name) for name in query.excluded_topics)
        and all(found_in_provider)
        and not any(any(fold(t) in fold(v) for v in doc.provider) for t in query.excluded_providers)
        and (query.published is None or doc.site_published == query.published)
        and (
            not query.collections
            or any(
                name == EVERY_COLLECTION and doc.collection or name.lower() == collection
                for name in query.collections
            )
        )
        and not any(
            name == EVERY_COLLECTION and doc.collection or name.lower() == collection
            for name in query.excluded_collections
        )
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CorpusIndex, list[Doc]]]:
    """A generated site with the hostile documents among its news, indexed, and what the
    reference reads of every article the index lists (a page archived twice is one)."""
    folder = tmp_path_factory.mktemp("oracle")
    root = folder / "site"
    generate(root, 60, seed=5)
    for number, (name, (title, excerpt, who, domain, body)) in enumerate(HOSTILE.items()):
        front = f"title: {title!r}\nexcerpt: {excerpt!r}\nquality: {number * 7}\n"
        if who:
            front += f"provider:\n  name: {who!r}\n  domain: {domain}\n"
        if name != "no-date":
            front += f"publishedDateTime: {DATED.isoformat()}T0{number % 10}:30:00Z\n"
        topic = TOPICS.get(name, "AI Ethics" if number % 2 else "Computer Vision")
        front += f"topics: [{topic}]\n"
        front += f"published: {number % 3 != 0}\n"
        write_document(root / "_news", f"2021-06-01-{name}.md", front, body)
    index = CorpusIndex([str(root)], folder / "index.db")
    index.refresh()
    docs = sorted((read(row.path, str(root)) for row in index.search("")), key=lambda d: d.path)
    yield index, docs
    index.close()


def phrase_of(rng: random.Random, text: str) -> str:
    found = re.findall(r"\w+", text)
    start = rng.randrange(len(found))
    return '"' + " ".join(found[start : start + rng.choice([1, 2, 3])]) + '"'


def spelled(rng: random.Random, text: str) -> str:
    """``text`` as a user may type it: another case, without accents, or decomposed."""
    return rng.choice(
        [
            text,
            text.upper(),
            text.lower(),
            fold(text),
            unicodedata.normalize("NFD", text),
        ]
    )


def part(rng: random.Random, docs: list[Doc], tree: TopicTree) -> str:
    """One part of a query, drawn from the grammar and the corpus."""
    doc = rng.choice(docs)
    negate = "-" if rng.random() < 0.25 else ""
    kind = rng.choice(
        ["word", "word", "prefix", "phrase", "literal", "literal", "topic", "provider"]
        + ["date", "quality", "flag", "collection"]
    )
    if kind in ("word", "prefix"):
        vocabulary = re.findall(r"\w+", f"{doc.title} {doc.provider[0]}") or ["ai"]
        word = spelled(rng, rng.choice(vocabulary))
        if kind == "prefix":
            word = word[: rng.randint(1, max(1, len(word) - 1))] + "*"
        return negate + word
    if kind == "phrase":
        return negate + phrase_of(rng, doc.title)
    if kind == "literal":
        return negate + rng.choice(LITERALS)
    if kind == "topic":
        name = tree.nodes[rng.choice(sorted(tree.nodes))].name
        return f'{negate}topic:"{name}"' if " " in name else f"{negate}topic:{name}"
    if kind == "provider":
        text = rng.choice([value for value in doc.provider if value] or ["example"])
        start = rng.randrange(len(text))
        piece = spelled(rng, text[start : start + rng.randint(2, 8)]).strip() or "x"
        return f'{negate}provider:"{piece}"' if " " in piece else f"{negate}provider:{piece}"
    if kind == "date":
        day = date.fromtimestamp(doc.published) if doc.published else DATED
        day += timedelta(days=rng.choice([-1, 0, 0, 1]))
        return f"{rng.choice(['after', 'before'])}:{day.isoformat()}"
    if kind == "quality":
        operator = rng.choice([">", "<", ">=", "<=", "="])
        return f"quality{operator}{(doc.quality or 0) + rng.choice([-1, 0, 1])}"
    if kind == "flag":
        return f"{negate}is:{rng.choice(['published', 'unpublished', 'PUBLISHED'])}"
    collection = rng.choice([doc.collection or "news", "news", "*", "learning"])
    return f"{negate}collection:{collection}"


def queries(docs: list[Doc], tree: TopicTree) -> Iterator[str]:
    rng = random.Random(SEED)
    for _ in range(QUERIES):
        parts = [part(rng, docs, tree) for _ in range(rng.choice([1, 1, 2, 2, 3, 4]))]
        text = rng.choice(SPACES).join(parts)
        yield rng.choice(["", " ", "\t"]) + text + rng.choice(["", " ", "  "])


def expected(text: str, docs: list[Doc], tree: TopicTree) -> set[str] | None:
    """The paths the reference finds, ``None`` where the query is malformed."""
    try:
        query = parse_query(text)
    except QueryError:
        return None
    for name in query.topics + query.excluded_topics:
        if topic_named(tree, name) is None:
            return None
    return {doc.path for doc in docs if matches(query, doc, tree) and bounds_hold(text, doc)}


@pytest.mark.parametrize("zone", ["UTC", EAST_OF_UTC, WEST_OF_UTC])
def test_search_agrees_with_the_reference(
    site: tuple[CorpusIndex, list[Doc]], zone: str, time_zone: Callable[[str], None]
) -> None:
    """Every query agrees, wherever the reader is: days are local days."""
    time_zone(zone)
    index, docs = site
    tree = index.topic_tree()
    wrong = []
    for text in queries(docs, tree):
        want = expected(text, docs, tree)
        try:
            got: set[str] | None = {row.path for row in index.search(text)}
        except QueryError:
            got = None
        if got != want:
            if got is None or want is None:
                wrong.append(f"{text!r}: {'lede' if got is None else 'the reference'} errs")
                continue
            extra = sorted(Path(path).stem for path in got - want)
            missing = sorted(Path(path).stem for path in want - got)
            wrong.append(f"{text!r}: lede also finds {extra[:3]}, misses {missing[:3]}")
    assert not wrong, f"{len(wrong)} of {QUERIES} disagree:\n" + "\n".join(wrong[:40])
