"""Shared fixtures: every test gets its own config, data and cache directories.

The core tests (models, parsing, index, query, state, CLI) also share the
helpers below: a document writer and parser, a small corpus with known answers, a
refreshed index factory and a runner for the real ``lede`` console script.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from library.index import CorpusIndex
from library.state import StateStore
from models.article import Article
from models.document import ParsedDocument, parse_document
from tests.webserver import TestServer

# The real sample corpus sits beside a clone (CI always has it; ``.ci/run`` insists).
REAL_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "everyday-ai"
needs_real_corpus = pytest.mark.skipif(
    not REAL_CORPUS.is_dir(), reason="the real sample ../shared/corpus is not beside this clone"
)
# A small hand-written site of the same shape, with a real site's untidiness (read in
# place, never written to).
SITE = Path(__file__).resolve().parent / "fixtures" / "site"
# The bundled sample: the seed documents and their taxonomy.
FEEDS = Path(__file__).resolve().parents[1] / "feeds"

XDG_VARIABLES = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")
# Variables of the user's own shell that would change what a test sees.
USER_VARIABLES = ("LEDE_FEEDS", "LEDE_DEBUG")

# A suite started as a background job (``scripts/test &``) inherits Ctrl-C ignored, as
# a shell's background jobs do, and Python then leaves it ignored: the child is given
# the handling a program started from a terminal has.
CTRL_C_AS_IN_A_TERMINAL = (
    "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
)

# Dates are shown and queried in local time: the tests' local zone is UTC unless a test
# picks another with ``time_zone``. POSIX rules, so no time zone database is needed.
EAST_OF_UTC = "CST-8"  # UTC+8 all year
WEST_OF_UTC = "EST+5"  # UTC-5 all year


@pytest.fixture(scope="session", autouse=True)
def isolated_session_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """XDG folders for the whole session, so session fixtures and anything run
    before a test's own folders exist never reach the user's home either."""
    root = tmp_path_factory.mktemp("xdg-session")
    with pytest.MonkeyPatch.context() as patch:
        for name in XDG_VARIABLES:
            path = root / name.lower()
            path.mkdir()
            patch.setenv(name, str(path))
        for name in USER_VARIABLES:
            patch.delenv(name, raising=False)
        patch.setenv("TZ", "UTC")
        time.tzset()
        yield root
    time.tzset()


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point the XDG variables at fresh folders so no test sees another's state or the user's."""
    dirs = {}
    for name in XDG_VARIABLES:
        path = tmp_path / name.lower()
        path.mkdir()
        monkeypatch.setenv(name, str(path))
        dirs[name] = path
    for name in USER_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return dirs


@pytest.fixture
def time_zone() -> Iterator[Callable[[str], None]]:
    """``time_zone(EAST_OF_UTC)`` makes that the local zone, here and (through ``TZ``) in
    the processes a test starts, until the test ends."""
    before = os.environ["TZ"]

    def use(zone: str) -> None:
        os.environ["TZ"] = zone
        time.tzset()

    yield use
    use(before)


@pytest.fixture
def server() -> Iterator[TestServer]:
    """A real HTTP server on 127.0.0.1; tests add routes to ``server.routes``."""
    test_server = TestServer()
    yield test_server
    test_server.stop()


# -- core test helpers -------------------------------------------------------------------

DocWriter = Callable[..., Path]


def write_document(folder: Path, name: str, front: str, body: str = "") -> Path:
    """Write ``---``, the dedented front matter, ``---`` and ``body`` to ``folder/name``."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "---\n" + textwrap.dedent(front).strip("\n") + "\n---\n" + body
    path.write_text(text, encoding="utf-8")
    return path


def deep_site(folder: Path, depth: int) -> Path:
    """A site whose taxonomy nests ``D0`` … ``D{depth - 1}``, each below the one before,
    with one article under the deepest."""
    site = folder / "site"
    (site / "_data" / "topics").mkdir(parents=True)
    chain = [
        f"taxonomy: topic\nname: D{n}\n" + (f"parent: D{n - 1}\n" if n else "")
        for n in range(depth)
    ]
    (site / "_data" / "topics" / "deep.yaml").write_text("---\n".join(chain))
    write_document(site / "_news", "a.md", f"title: Deepest\ntopics: [D{depth - 1}]", "Words.")
    return site


# Every parsing test runs both ways the index parses: whole, and the summary a list needs.
MODES = pytest.mark.parametrize("summary", [False, True], ids=["full", "summary"])


def parse(front: str, body: str = "", *, summary: bool = False) -> ParsedDocument:
    return parse_document(f"---\n{front}---\n{body}", "doc.md", summary=summary)


def article_of(front: str, body: str = "", *, summary: bool = False) -> Article:
    parsed = parse(front, body, summary=summary)
    assert parsed.article is not None, parsed.problems
    return parsed.article


@pytest.fixture
def doc_writer(tmp_path: Path) -> DocWriter:
    """``doc_writer(name, front, body="", folder=None)`` writes a document under tmp_path/docs."""
    default = tmp_path / "docs"

    def write(name: str, front: str, body: str = "", folder: Path | None = None) -> Path:
        return write_document(folder or default, name, front, body)

    return write


QUERY_TAXONOMY = """\
taxonomy: topic
_id: ai
name: AI
---
taxonomy: topic
_id: machine-learning
name: Machine Learning
shortname: ML
parent: AI
---
taxonomy: topic
_id: computer-vision
name: Computer Vision
parent: AI
---
taxonomy: topic
_id: google-ai
name: Google AI
parent: AI
---
taxonomy: topic
_id: tensorflow
name: TensorFlow
parent: Google AI
---
taxonomy: topic
_id: ai-ethics
name: AI Ethics
parent: AI
"""

# name: (front matter, body). Dates, qualities and words are chosen so that every
# operator of the query language has a boundary to get right.
# The newest article of both the query corpus and the reader's, with its excerpt to come.
TENSORFLOW_FRONT = """\
title: "TensorFlow 3 released with a new compiler"
publishedDateTime: 2021-05-01T09:00:00Z
originalUrl: "https://example.test/tensorflow-3"
quality: 80
provider:
  name: Example Wire
  domain: example.test
topics:
  - TensorFlow
"""
QUERY_DOCS: dict[str, tuple[str, str]] = {
    "hangzhou": (
        """
        title: "Hangzhou bans facial recognition in housing"
        excerpt: "The city council voted on a privacy rule."
        publishedDateTime: 2020-10-28T16:26:00Z
        originalUrl: "https://www.globaltimes.cn/content/1204981.shtml"
        quality: 10
        provider:
          name: Global Times
          domain: globaltimes.cn
        topics:
          - Computer Vision
        """,
        "Residents of Hangzhou may refuse the scanners.\n",
    ),
    "tensorflow": (
        TENSORFLOW_FRONT + 'excerpt: "Google ships a major version."\n',
        "The compiler traces functions by default.\n",
    ),
    "gemini": (
        """
        title: "Google unveils Gemini"
        excerpt: "A new family of models."
        publishedDateTime: 2023-12-06T00:00:00Z
        originalUrl: "https://www.theverge.com/gemini"
        quality: 55
        provider:
          name: The Verge
          domain: theverge.com
        topics:
          - Google AI
        """,
        "Three sizes: Ultra, Pro and Nano.\n",
    ),
    "banks": (
        """
        title: "Machine learning spots fraud at banks"
        excerpt: "Models flag odd payments."
        publishedDateTime: 2021-03-12T23:59:59Z
        originalUrl: "https://www.reuters.com/banks-ml"
        quality: 40
        provider:
          name: Reuters
          domain: reuters.com
        topics:
          - ML
        """,
        "Payments are scored in real time.\n",
    ),
    "faces": (
        """
        title: "Recognition of faces in the facial data of airports"
        excerpt: "Airports test new gates."
        publishedDateTime: 2022-06-01T12:00:00+08:00
        originalUrl: "https://news.example.org/airports"
        quality: 41
        provider:
          name: Airport Daily
          domain: airportdaily.example.org
        topics:
          - Computer Vision
        """,
        "Travellers walk through without stopping.\n",
    ),
    "ethics": (
        """
        title: "AI ethics boards multiply"
        excerpt: "Companies hire ethicists."
        publishedDateTime: 2022-01-01
        originalUrl: "https://www.wired.com/ethics-boards"
        quality: 0
        provider:
          name: Wired
          domain: wired.com
        topics:
          - AI Ethics
        """,
        "Boards review products before launch.\n",
    ),
    "hangar": (
        """
        title: "A quiet hangar story"
        excerpt: "Nothing about topics here."
        """,
        "The hangar door was left open all night.\n",
    ),
}


def write_query_corpus(root: Path) -> Path:
    """Write QUERY_DOCS and their taxonomy (``topics.yaml``) to the new folder ``root``."""
    root.mkdir()
    (root / "topics.yaml").write_text(QUERY_TAXONOMY, encoding="utf-8")
    for name, (front, body) in QUERY_DOCS.items():
        write_document(root, f"{name}.md", front, body)
    return root


@pytest.fixture
def query_corpus(tmp_path: Path) -> Path:
    """The folder of QUERY_DOCS plus their taxonomy (``topics.yaml``)."""
    return write_query_corpus(tmp_path / "query-corpus")


IndexFactory = Callable[..., CorpusIndex]


def stems(index: CorpusIndex, query: str = "") -> set[str]:
    return {Path(row.path).stem for row in index.search(query)}


def bump_mtime(path: Path, seconds: int = 10) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + seconds * 1_000_000_000))


def refreshed_index(roots: Sequence[Path], db_path: Path, state: StateStore | None) -> CorpusIndex:
    """``roots`` indexed in ``db_path``, with ``state`` as its reading state if given."""
    index = CorpusIndex([str(root) for root in roots], db_path)
    if state is not None:
        index.attach_state(state.path)
    index.refresh()
    return index


@pytest.fixture
def index_factory(tmp_path: Path) -> Iterator[Callable[..., CorpusIndex]]:
    """``index_factory(*roots, state=None)``: a refreshed CorpusIndex in its own database."""
    opened: list[CorpusIndex] = []

    def build(*roots: Path, state: StateStore | None = None) -> CorpusIndex:
        index = refreshed_index(roots, tmp_path / f"index-{len(opened)}.db", state)
        opened.append(index)
        return index

    yield build
    for index in opened:
        index.close()


@pytest.fixture
def state_store(tmp_path: Path) -> Iterator[StateStore]:
    """A StateStore in tmp_path."""
    store = StateStore(tmp_path / "state.sqlite")
    yield store
    store.close()


@pytest.fixture
def state(state_store: StateStore) -> StateStore:
    """The reading state of ``index``."""
    return state_store


@pytest.fixture
def index(
    query_corpus: Path, index_factory: Callable[..., CorpusIndex], state: StateStore
) -> CorpusIndex:
    """The query corpus indexed, its reading state in ``state``: the queries' known answers."""
    return index_factory(query_corpus, state=state)


@pytest.fixture(scope="session")
def query_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusIndex]:
    """The query corpus indexed once for the tests that only query it, with a reading
    state where nothing is read or starred: building it again for each of them was most
    of their time. A test that changes the state or the corpus, or that needs an index
    no query has touched yet, takes ``index``."""
    folder = tmp_path_factory.mktemp("query-index")
    store = StateStore(folder / "state.sqlite")
    index = refreshed_index(
        [write_query_corpus(folder / "query-corpus")], folder / "index.db", store
    )
    yield index
    index.close()
    store.close()


def lede_executable() -> str:
    """The installed ``lede`` console script of the interpreter running the tests."""
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which("lede", path=search)
    assert found, "the lede console script is not installed next to the interpreter"
    return found


LedeRunner = Callable[..., "subprocess.CompletedProcess[str]"]


@pytest.fixture
def run_lede(tmp_path: Path, isolated_dirs: dict[str, Path]) -> LedeRunner:
    """Run the real ``lede`` command with this test's XDG folders; cwd defaults to a
    fresh empty folder (no ``./feeds``). Returns the completed process (text)."""
    executable = lede_executable()
    empty = tmp_path / "cwd"
    empty.mkdir()

    def run(
        *args: str | Path,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, **(env or {})}
        return subprocess.run(
            [executable, *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="backslashreplace",
            cwd=cwd or empty,
            env=environment,
            timeout=timeout,
        )

    return run
