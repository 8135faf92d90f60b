"""A large corpus is parsed by a pool of niced worker processes, as in process, and the
reader's process never imports the parser or numpy before its list opens."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from multiprocessing import forkserver
from pathlib import Path
from types import FrameType

import pytest

from library import parallel, worker_start
from library.index import CorpusIndex
from library.synthetic import generate
from tests.conftest import CTRL_C_AS_IN_A_TERMINAL, QUERY_DOCS
from tui.records import json_records

GENERATED = 600


@pytest.fixture(scope="module")
def generated_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain folder of generated news (every article shown, whatever the layout rules)."""
    root = tmp_path_factory.mktemp("generated") / "news"
    generate(root, GENERATED, plain=True)
    return root


def snapshot(index: CorpusIndex) -> dict[str, object]:
    rows = index.search("")
    ids = [row.id for row in rows]
    return {
        "rows": [row._replace(id=0) for row in rows],
        "records": json_records(index, ids),
        "counts": index.topic_counts(),
        "problems": index.problems(),
        "queries": {
            query: [row.path for row in index.search(query)]
            for query in (
                "model data",
                '"privacy law"',
                "topic:AI -topic:computer-vision",
                "quality>50 after:2022-01-01",
                "provider:times",
                "camera -court",
            )
        },
    }


def test_a_large_corpus_indexes_through_the_pool_like_in_process(
    generated_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = GENERATED + 1  # and the taxonomy file
    assert GENERATED >= parallel.POOL_THRESHOLD
    pooled = CorpusIndex([str(generated_corpus)], tmp_path / "pooled.db")
    report = pooled.refresh()
    assert (report.scanned, report.parsed, report.removed) == (files, files, 0)
    if (os.cpu_count() or 1) >= 2:
        # The pool's workers come from a fork server started on first use.
        assert forkserver._forkserver._forkserver_pid is not None
    assert pooled.refresh().parsed == 0

    monkeypatch.setattr(parallel, "POOL_THRESHOLD", 10**9)
    serial = CorpusIndex([str(generated_corpus)], tmp_path / "serial.db")
    assert serial.refresh().parsed == files

    pooled_view, serial_view = snapshot(pooled), snapshot(serial)
    assert len(pooled_view["rows"]) == GENERATED
    assert pooled_view == serial_view
    assert all(pooled_view["queries"].values())
    pooled.close()
    serial.close()


def in_a_fresh_process(script: str, corpus: Path, database: Path) -> str:
    """What ``script`` prints, run on ``corpus`` and ``database`` by a new interpreter
    (which modules a piece of work imports shows only where nothing was imported yet)."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(corpus), str(database)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout.strip()


PARSER_IMPORTED = """
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from library.index import CorpusIndex
if __name__ == "__main__":
    CorpusIndex([sys.argv[1]], Path(sys.argv[2])).refresh()
    print(sorted(name for name in ("pydantic", "yaml", "library.loader") if name in sys.modules))
"""


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the pool needs two cores")
def test_a_pooled_index_never_imports_the_parser_here(
    generated_corpus: Path, tmp_path: Path
) -> None:
    """The workers parse; this process only stores what they send (importing the parser
    cost 0.3 s of a cold index before any worker started)."""
    assert in_a_fresh_process(PARSER_IMPORTED, generated_corpus, tmp_path / "i.db") == "[]"
    with contextlib.closing(sqlite3.connect(tmp_path / "i.db")) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == GENERATED


NUMPY_IMPORTED = """
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from library.index import CorpusIndex
if __name__ == "__main__":
    index = CorpusIndex([sys.argv[1]], Path(sys.argv[2]))
    index.refresh()
    counts = [len(index.results(query)) for query in ("", "topic:AI", "-topic:AI")]
    print(counts, "numpy" in sys.modules)
    print(len(index.results("facial")), "numpy" in sys.modules)
"""


def test_the_list_opens_before_numpy_is_imported(query_corpus: Path, tmp_path: Path) -> None:
    """Matching words runs in numpy, whose import takes ~0.1 s: opening the list never
    waits for it (the reader imports it in the background once it is up). The process
    starts warm: a cold index keeps first-letter sets with numpy, after the list is up."""
    CorpusIndex([str(query_corpus)], tmp_path / "i.db").refresh()
    without, imported = in_a_fresh_process(
        NUMPY_IMPORTED, query_corpus, tmp_path / "i.db"
    ).splitlines()
    assert without == f"[{len(QUERY_DOCS)}, 6, 1] False"  # all, under AI, the one not
    assert imported == "2 True"


def niceness(batch: list[int]) -> list[int]:
    """Run in a pool worker: its scheduling priority, once per item."""
    return [os.nice(0)] * len(batch)


def test_pool_workers_run_behind_the_reader() -> None:
    """Parsing workers are niced, so a cold index leaves the cores to the screen first."""
    found = [
        value
        for batch in parallel.map_batches(
            "tests.library.test_pool:niceness", range(parallel.POOL_THRESHOLD)
        )
        for value in batch
    ]
    here = os.nice(0)
    pooled = (os.cpu_count() or 1) >= 2
    assert set(found) == {min(19, here + worker_start.WORKER_NICENESS) if pooled else here}


def noted(batch: list[tuple[str, int]]) -> list[int]:
    """Run in a pool worker: note in the file each item names that its batch started."""
    with open(batch[0][0], "a", encoding="utf-8") as notes:
        notes.write(f"{batch[0][1]}\n")
    return [number for _, number in batch]


def test_the_pool_is_sent_few_batches_ahead_of_a_slow_consumer(tmp_path: Path) -> None:
    """Results wait in the pool until taken: sent every batch at once, a pool whose
    consumer stores slower than it parses held most of a corpus's records."""
    notes = tmp_path / "started"
    count = parallel.BATCH * 40
    results = parallel.map_batches(
        "tests.library.test_pool:noted", [(str(notes), n) for n in range(count)]
    )
    taken = list(next(results))
    pooled = (os.cpu_count() or 1) >= 2
    ahead = parallel.IN_FLIGHT * (os.cpu_count() or 1) if pooled else 1
    deadline = time.monotonic() + 30
    while len(notes.read_text().split()) < ahead and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # a pool sent everything would go on through the other batches now
    assert len(notes.read_text().split()) == ahead
    taken += [number for batch in results for number in batch]
    assert taken == list(range(count))


def dies_in_a_worker(batch: list[tuple[int, int]]) -> list[int]:
    """Its worker dies on the sixth batch; in the process that asked, it answers."""
    owner = batch[0][0]
    if os.getpid() != owner and batch[0][1] == parallel.BATCH * 5:
        os._exit(1)
    return [number for _, number in batch]


def test_the_batches_a_broken_pool_did_not_answer_run_here_in_order() -> None:
    count = parallel.BATCH * 20
    items = iter([(os.getpid(), number) for number in range(count)])  # a lazy scan
    results = parallel.map_batches("tests.library.test_pool:dies_in_a_worker", items)
    assert [number for batch in results for number in batch] == list(range(count))


def test_the_scan_ends_long_before_the_parsing(tmp_path: Path) -> None:
    """The scan runs ahead of the results taken, so its total is known early (a progress
    shows it): scanned a batch for each result a slow store took, it was known only at
    the end."""
    count = parallel.BATCH * 20
    scanned = 0

    def scan() -> Iterator[tuple[str, int]]:  # a file system that takes its time
        nonlocal scanned
        for number in range(count):
            if number % parallel.BATCH == 0:
                time.sleep(0.001)
            scanned += 1
            yield str(tmp_path / "started"), number

    results = parallel.map_batches("tests.library.test_pool:noted", scan())
    for _ in range(3):
        next(results)
        time.sleep(0.05)  # the store, slower than the parsing
    assert scanned == count
    assert sum(len(batch) for batch in results) == count - 3 * parallel.BATCH


def test_the_scan_holds_a_bounded_number_of_files_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past ``SCAN_AHEAD`` batches waiting to be sent, the scan waits too: held whole, the
    scan of a million files took half a gigabyte of the process that stores."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("the pool needs two cores; in process nothing is scanned ahead")
    monkeypatch.setattr(parallel, "SCAN_AHEAD", 3)
    count = parallel.BATCH * 40
    scanned = 0

    def scan() -> Iterator[tuple[str, int]]:
        nonlocal scanned
        for number in range(count):
            scanned += 1
            yield str(tmp_path / "started"), number

    results = parallel.map_batches("tests.library.test_pool:noted", scan())
    sent = parallel.IN_FLIGHT * (os.cpu_count() or 1)
    for taken in range(1, 6):
        next(results)
        time.sleep(0.05)  # the store, slower than the parsing
        assert scanned <= (taken + sent + 3 + 1) * parallel.BATCH
    assert sum(len(batch) for batch in results) == count - 5 * parallel.BATCH
    assert scanned == count


def working(batch: list[str]) -> list[str]:
    """Run in a pool worker: say so in the file the batch names, then work for minutes."""
    Path(batch[0]).touch()
    time.sleep(600)
    return batch


def test_the_workers_of_an_ended_command_end_before_anyone_asks_how_it_ended(
    tmp_path: Path,
) -> None:
    """A command ended while its workers worked (as after a Ctrl-C) is, until its parent
    asks how it ended, still a process id; workers that waited for that id to go kept
    its output open, and a parent reading that output to its end waited for ever."""
    started = tmp_path / "started"
    script = f"""
import os, threading, time
from pathlib import Path
from library import parallel
batches = parallel.map_batches("tests.library.test_pool:working", [{str(started)!r}] * 400)
threading.Thread(target=list, args=(batches,), daemon=True).start()
while not Path({str(started)!r}).exists():
    time.sleep(0.05)
os._exit(0)
"""
    command = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        start_new_session=True,
    )
    assert command.stdout is not None
    reading = threading.Thread(target=command.stdout.read, daemon=True)
    reading.start()  # the command's output, to its end, before asking how it ended
    reading.join(timeout=30)
    ended = not reading.is_alive()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(command.pid, signal.SIGKILL)
    command.wait()
    assert started.exists()
    assert ended, "the command's workers kept its output open after it ended"


def half_answered(batch: list[tuple[str, int]]) -> list[int]:
    """Run in a pool worker: the first batch's worker sends the start of an answer and no
    more, as one stopped while it sent; every worker then works for minutes."""
    frame: FrameType | None = sys._getframe()  # the pool's own, which holds its answers' pipe
    while frame is not None and "result_queue" not in frame.f_locals:
        frame = frame.f_back
    if frame is not None and batch[0][1] == 0:
        answers = frame.f_locals["result_queue"]._writer
        answers._send(struct.pack("!i", 1 << 20) + b"\x80")  # a megabyte announced
        Path(batch[0][0]).touch()
    time.sleep(600)
    return [number for _, number in batch]


def test_a_pool_stopped_while_a_worker_sent_its_answer_lets_the_command_end(
    tmp_path: Path,
) -> None:
    """A worker stopped in the middle of sending its answer left the pool's thread waiting
    for the rest, and the command that stopped it waited for that thread as it ended."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: batches run in the process itself, with no pool to stop")
    sent = tmp_path / "sent"
    script = f"""
import os, signal, threading, time
from pathlib import Path
from library import parallel
sent = Path({str(sent)!r})
def interrupt():
    while not sent.exists():
        time.sleep(0.05)
    time.sleep(0.5)  # the pool's thread is reading the rest of the answer by now
    # To the main thread: one sent to the process may land on a pool thread, and the
    # main thread sees it only at the next answer, which never comes here.
    signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
threading.Thread(target=interrupt, daemon=True).start()
items = [(str(sent), number) for number in range(parallel.POOL_THRESHOLD)]
try:
    for _ in parallel.map_batches("tests.library.test_pool:half_answered", items):
        pass
except KeyboardInterrupt:
    print("interrupted", flush=True)
"""
    command = subprocess.Popen(
        [sys.executable, "-c", CTRL_C_AS_IN_A_TERMINAL + script],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        start_new_session=True,
    )
    try:
        output, _ = command.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        output = b""
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(command.pid, signal.SIGKILL)
        command.wait()
    assert sent.exists()
    assert output == b"interrupted\n", "the command did not end once its pool was stopped"
    assert command.returncode == 0
