"""Faults, with real processes and real files: ``kill -9`` during an ingest, four writers at once, a full disk.

The pipeline loads once, in the test process; each faulty run is a child process forked from it (a real
process with its own SQLite connection, killed with SIGKILL), so a kill costs no model load.

- **Kill points**: a clean run records every SQL statement it executes (opening and migrating the store
  included). Each kill point is a statement number: a child runs the same ingest and sends itself SIGKILL
  just before that statement (most of them inside a write transaction, between ``BEGIN`` and ``COMMIT``).
  The store is then reopened and the ingest run again to its end: the articles, events, quotes and failures
  must equal the clean run's, none lost, none twice. More kills at random moments (wall-clock) hit the parse
  and the stages too.
- **A worker killed** (``--workers 2``): one forked worker SIGKILLed mid-run, as the out-of-memory killer
  does; and a stage that kills its worker on one article. The run goes on in a fresh pool: the store equals
  the clean run's, the deadly article recorded with [E504].
- **Writers**: four children ingest the same input into one store (new, and existing) at the same moment.
- **Disk full**: a child with a file-size limit (``RLIMIT_FSIZE``, SIGXFSZ ignored) runs ``eventwire ingest``:
  it stops with one ``[E304]`` line, and the store opens afterwards and the run completes.
"""

from __future__ import annotations

import logging
import os
import random
import resource
import signal
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire.batch import ingest
from eventwire.config import load_config
from eventwire.ingest import read_inputs
from eventwire.pipeline import Pipeline, Resources, register
from eventwire.records import Analysis
from eventwire.store import open_store
from eventwire.store import sqlite as sqlite_store

pytestmark = pytest.mark.slow

INPUT = Path(__file__).parent / "data" / "faults" / "articles.jsonl"
KILL_POINTS = 24
RANDOM_KILLS = 6


def _snapshot(db: Path) -> dict[str, Any]:
    """What a store holds, as comparable values; duplicates would show as repeated ids."""
    conn = sqlite3.connect(db)
    try:
        one = conn.execute
        return {
            "integrity": one("PRAGMA integrity_check").fetchone()[0],
            "articles": sorted(one("SELECT id, status, error_code, content_hash FROM articles").fetchall()),
            "events": sorted(r[0] for r in one("SELECT event_id FROM events")),
            "records": sorted(r[0] for r in one("SELECT record FROM events")),
            "quotes": sorted(r[0] for r in one("SELECT record FROM quotes")),
            "failures": sorted(one("SELECT article_id, code FROM failures").fetchall()),
            "mentions": one("SELECT count(*) FROM actor_mentions").fetchone()[0]
            + one("SELECT count(*) FROM place_mentions").fetchone()[0],
            "fts": one("SELECT count(*) FROM articles_fts").fetchone()[0],
            "schema": [r[0] for r in one("SELECT version FROM schema_version ORDER BY version")],
        }
    finally:
        conn.close()


def _ingest(db: Path, pipe: Pipeline, workers: int = 1) -> None:
    with open_store(db) as store:
        ingest(read_inputs([INPUT], config=pipe.config), store, pipe, workers=workers)


def _traced(on_statement: Callable[[str], None]) -> Callable[..., sqlite3.Connection]:
    """``sqlite_store.connect`` whose connections report every statement they execute."""
    plain = sqlite_store.connect

    def connect(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = plain(path, *args, **kwargs)
        conn.set_trace_callback(on_statement)
        return conn

    return connect


def _fork(child: Callable[[], None]) -> int:
    """Run ``child`` in a forked process (exit 0 when it returns, 1 when it raises); its pid."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            child()
        except SystemExit as done:  # click's standalone mode exits with the command's status
            code = done.code if isinstance(done.code, int) else 1
        except BaseException:  # noqa: BLE001 - any failure is the child's exit status
            import traceback

            traceback.print_exc()
            code = 1
        finally:
            os._exit(code)
    return pid


def _wait(pid: int) -> int:
    """The child's exit status, or minus the signal that killed it."""
    _, status = os.waitpid(pid, 0)
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline) -> Pipeline:
    list(pipeline.process(read_inputs([INPUT], config=pipeline.config)))  # all loaded before any fork
    return pipeline


@pytest.fixture(scope="module")
def clean(pipe: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], list[str]]:
    """The uninterrupted run: its snapshot and every statement it executed, in order."""
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    statements: list[str] = []
    plain = sqlite_store.connect
    sqlite_store.connect = _traced(statements.append)
    try:
        _ingest(db, pipe)
    finally:
        sqlite_store.connect = plain
    snap = _snapshot(db)
    assert snap["integrity"] == "ok" and len(snap["articles"]) == 6 and len(snap["failures"]) == 1
    assert len(snap["events"]) >= 6 and len(set(snap["events"])) == len(snap["events"])
    return snap, statements


def _in_transaction(statements: list[str]) -> list[bool]:
    """For each statement: does it run inside an explicit write transaction?"""
    inside, flags = False, []
    for sql in statements:
        head = sql.lstrip().upper()
        if head.startswith("BEGIN"):
            inside = True
            flags.append(False)
            continue
        flags.append(inside and not head.startswith(("COMMIT", "ROLLBACK")))
        if head.startswith(("COMMIT", "ROLLBACK")):
            inside = False
    return flags


def _kill_at(db: Path, pipe: Pipeline, point: int) -> int:
    """A child ingesting into ``db`` that SIGKILLs itself just before statement number ``point``."""

    def child() -> None:
        seen = [0]

        def on_statement(sql: str) -> None:
            seen[0] += 1
            if seen[0] == point:
                os.kill(os.getpid(), signal.SIGKILL)

        sqlite_store.connect = _traced(on_statement)
        _ingest(db, pipe)

    return _wait(_fork(child))


def test_faults_kill_9_at_statements_then_resume_loses_and_duplicates_nothing(
        pipe: Pipeline, clean: tuple[dict[str, Any], list[str]], tmp_path: Path) -> None:
    expected, statements = clean
    inside = _in_transaction(statements)
    n = len(statements)
    points = sorted({1 + round(i * (n - 1) / (KILL_POINTS - 1)) for i in range(KILL_POINTS)})
    # and the statements just before, inside and just after one article's commit
    commits = [i + 1 for i, sql in enumerate(statements) if sql.upper().startswith("COMMIT")]
    middle = commits[len(commits) // 2]
    points = sorted({*points, middle - 1, middle, middle + 1})
    in_tx = sum(inside[p - 1] for p in points)
    assert len(points) >= 20 and in_tx >= 10
    lost = duplicated = 0
    for point in points:
        db = tmp_path / f"kill{point}.db"
        assert _kill_at(db, pipe, point) == -signal.SIGKILL, f"the child was not killed at statement {point}"
        _ingest(db, pipe)                                  # the same command again, to its end
        got = _snapshot(db)
        lost += len(set(expected["events"]) - set(got["events"]))
        duplicated += len(got["events"]) - len(set(got["events"]))
        assert got == expected, f"after a kill at statement {point}/{n}: {statements[point - 1][:60]!r}"
    assert (lost, duplicated) == (0, 0)
    print(f"\nkill points: {len(points)} of {n} statements ({in_tx} inside a write transaction); "
          f"lost {lost}, duplicated {duplicated}")


def test_faults_kill_9_at_random_moments_then_resume(pipe: Pipeline, clean: tuple[dict[str, Any], list[str]],
                                                     tmp_path: Path) -> None:
    """Several SIGKILLs from outside, at random moments, on one store; then a complete run."""
    expected, _ = clean
    rng = random.Random(14)
    db = tmp_path / "random.db"
    t0 = time.perf_counter()
    assert _wait(_fork(lambda: _ingest(tmp_path / "timing.db", pipe))) == 0
    whole = time.perf_counter() - t0
    killed = 0
    for _ in range(RANDOM_KILLS):
        pid = _fork(lambda: _ingest(db, pipe))
        time.sleep(rng.uniform(0, whole))
        os.kill(pid, signal.SIGKILL)
        killed += _wait(pid) == -signal.SIGKILL
    _ingest(db, pipe)
    assert _snapshot(db) == expected
    assert killed >= 1


def _children(pid: int) -> list[int]:
    """The processes ``pid``'s main thread forked (Linux ``/proc``)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _gone(pid: int, within: float = 10.0) -> bool:
    """True once ``pid`` has ended (a zombie waiting for its new parent counts as ended)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def test_faults_kill_9_with_workers_then_resume(pipe: Pipeline, clean: tuple[dict[str, Any], list[str]],
                                                tmp_path: Path) -> None:
    """``--workers 2`` (batches of one article, results written in batches): the ingest process SIGKILLed
    at random moments while its forked workers compute; the workers die with it, and a complete run
    then holds exactly the uninterrupted single-process run's content."""
    expected, _ = clean
    two = Pipeline(load_config(overrides={"batch_size": 1})).prepare(["fr", "en"])
    rng = random.Random(13)
    db = tmp_path / "workers.db"
    t0 = time.perf_counter()
    assert _wait(_fork(lambda: _ingest(tmp_path / "timing.db", two, workers=2))) == 0
    whole = time.perf_counter() - t0
    assert _snapshot(tmp_path / "timing.db") == expected          # --workers 2 writes what 1 writes
    killed = orphans = with_workers = 0
    for _ in range(RANDOM_KILLS):
        pid = _fork(lambda: _ingest(db, two, workers=2))
        time.sleep(rng.uniform(0.3, 1) * whole)
        workers = _children(pid)
        with_workers += bool(workers)
        os.kill(pid, signal.SIGKILL)
        killed += _wait(pid) == -signal.SIGKILL
        orphans += sum(not _gone(w) for w in workers)
    _ingest(db, two, workers=2)
    assert _snapshot(db) == expected
    assert killed >= 1 and with_workers >= 1 and orphans == 0
    print(f"\n--workers 2: {killed} kills ({with_workers} with workers running), {orphans} workers left behind")


class _Workers:
    """A :class:`eventwire.batch.Processor` running ``pipeline`` with workers that SIGKILLs one of them
    (found in ``/proc``: the children this process forks) once the first result has arrived."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline, self.config = pipeline, pipeline.config
        self.killed: list[int] = []

    def process(self, items: Any, *, workers: int | None = None) -> Any:
        before = set(_children(os.getpid()))
        for result in self.pipeline.process(items, workers=workers):
            if not self.killed:
                victim = min(set(_children(os.getpid())) - before)
                os.kill(victim, signal.SIGKILL)
                self.killed.append(victim)
            yield result


def test_faults_a_worker_killed_mid_run_is_replaced_and_nothing_is_lost(
        pipe: Pipeline, clean: tuple[dict[str, Any], list[str]], tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    """``--workers 2``: one worker SIGKILLed mid-run (the out-of-memory killer's signal). The batches it
    broke go to a fresh pool; the run ends by itself, and the store equals the single-process run's."""
    expected, _ = clean
    two = Pipeline(load_config(overrides={"batch_size": 1})).prepare(["fr", "en"])
    killer = _Workers(two)
    db = tmp_path / "worker-killed.db"
    with caplog.at_level(logging.WARNING, logger="eventwire.workers"), open_store(db) as store:
        stats = ingest(read_inputs([INPUT], config=two.config), store, killer, workers=2)
    assert killer.killed and _gone(killer.killed[0])
    assert "go to a fresh pool" in caplog.text, "the kill did not break the pool: nothing was tested"
    assert (stats.ok, stats.failed) == (6, 1)
    assert _snapshot(db) == expected


DEADLY = "faults-4"
TEST_PROCESS = os.getpid()


class _DyingStage:
    """A stage whose process dies on one article, as a crash in native code or the out-of-memory killer
    would kill it: it sends its own worker SIGKILL (never the test process: there it raises)."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.article.id == DEADLY:
            if os.getpid() == TEST_PROCESS:
                raise RuntimeError("the dying stage runs in forked workers only")
            os.kill(os.getpid(), signal.SIGKILL)
        return analysis


register("test-dies-on-one-article", f"{__name__}:_DyingStage", reads=["doc"], writes=[])


def _events_by_article(db: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT a.id, e.event_id FROM events e JOIN articles a ON a.pk = e.article_pk")
        found: dict[str, list[str]] = {}
        for article, event in rows:
            found.setdefault(article, []).append(event)
        return {a: sorted(e) for a, e in found.items()}
    finally:
        conn.close()


def test_faults_an_article_that_kills_its_worker_is_recorded_e504_and_the_run_goes_on(
        pipe: Pipeline, clean: tuple[dict[str, Any], list[str]], tmp_path: Path) -> None:
    """``--workers 2``, batches of two: one article kills every worker that runs it. Its batch is sent
    again, then split and run one article at a time; the article is recorded with E504, every other one
    is coded as in a clean run."""
    expected, _ = clean
    clean_db = tmp_path / "clean.db"
    _ingest(clean_db, pipe)
    stages = [*pipe.config.stages, "test-dies-on-one-article"]
    dying = Pipeline(load_config(overrides={"stages": stages, "batch_size": 2})).prepare(["fr", "en"])
    db = tmp_path / "dying.db"
    with open_store(db) as store:
        stats = ingest(read_inputs([INPUT], config=dying.config), store, dying, workers=2)
        assert (stats.ok, stats.failed, stats.by_code) == (5, 2, {"E105": 1, "E504": 1})
        (error,) = [e for e in store.errors() if e.code == "E504"]
        assert error.article_id == DEADLY and "[E504]" not in error.message and "worker" in error.message
    got, want = _events_by_article(db), _events_by_article(clean_db)
    assert want.get(DEADLY) and DEADLY not in got
    assert got == {a: e for a, e in want.items() if a != DEADLY}
    snap = _snapshot(db)
    assert snap["failures"] == expected["failures"]          # the unreadable line, as in the clean run
    stored = {a[0]: a for a in snap["articles"]}
    assert stored.pop(DEADLY)[1:3] == ("error", "E504")       # stored as failed: a re-run does not retry it
    assert sorted(stored.values()) == [a for a in expected["articles"] if a[0] != DEADLY]


@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
def test_faults_four_writers_at_once(pipe: Pipeline, clean: tuple[dict[str, Any], list[str]], tmp_path: Path,
                                     existing: bool) -> None:
    expected, _ = clean
    db = tmp_path / "four.db"
    if existing:
        open_store(db).close()
    start = time.time() + 0.5

    def writer() -> None:
        while time.time() < start:
            pass
        _ingest(db, pipe)

    pids = [_fork(writer) for _ in range(4)]
    assert [_wait(pid) for pid in pids] == [0, 0, 0, 0]
    assert _snapshot(db) == expected


def _limited_ingest(db: Path, limit: int, err: Path) -> Callable[[], None]:
    def child() -> None:
        from eventwire.cli import main

        fd = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(fd, 2)
        sys.stderr = open(2, "w", encoding="utf-8", buffering=1, closefd=False)  # not pytest's capture
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # a write past the limit fails (EFBIG), not the process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        sys.argv = ["eventwire", "ingest", str(INPUT), "--db", str(db)]
        main()

    return child


@pytest.mark.parametrize("limit", [64 * 1024, 400 * 1024], ids=["at-open", "mid-run"])
def test_faults_disk_full_is_one_coded_line_and_the_store_still_opens(
        pipe: Pipeline, clean: tuple[dict[str, Any], list[str]], tmp_path: Path, limit: int) -> None:
    expected, _ = clean
    db, err = tmp_path / "full.db", tmp_path / "stderr.txt"
    status = _wait(_fork(_limited_ingest(db, limit, err)))
    message = err.read_text(encoding="utf-8")
    assert status == 1, message
    assert "[E304]" in message and "Traceback" not in message
    errors = [line for line in message.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and errors[0].startswith("Error: [E304]"), message
    with open_store(db) as store:                          # opens, migrated, consistent
        stored = {a.id for a in (store.article(f"faults-{i}") for i in range(1, 7)) if a is not None}
        assert all(e.article_id in stored for e in store.events())
    partial = _snapshot(db)
    assert partial["integrity"] == "ok"
    done = {aid for aid, *_ in partial["articles"]}
    assert (len(done) == 0) if limit < 100 * 1024 else (0 < len(done) < 6)
    assert set(partial["events"]) <= set(expected["events"])
    _ingest(db, pipe)                                      # room again: the run completes
    assert _snapshot(db) == expected
    print(f"\ndisk full at {limit // 1024} KiB: {len(done)} articles stored before the error")
