"""Concurrent opening of a SQLite store, by real processes: no race on a new or an existing file.

Each round starts N=4 fresh Python processes that wait on a shared start time and then open the same
store at once; every one must open it (exit 0) and the schema must be migrated exactly once.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.store.sqlite import LATEST, SQLiteStore

N = 4
ROUNDS = 4
SRC = str(Path(__file__).resolve().parents[1] / "src")

OPENER = """
import sys, time
start = float(sys.argv[2])
from eventwire.store import open_store
from eventwire.errors import EventwireError
while time.time() < start:
    pass
try:
    with open_store(sys.argv[1]) as store:
        store.begin_run({"who": sys.argv[3]}, "test")
except EventwireError as exc:
    print(exc, file=sys.stderr)
    sys.exit(3)
"""


def _open_at_once(db: Path, n: int = N) -> list[tuple[int, str]]:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    start = time.time() + 1.0  # every process is up and spinning before that moment
    procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(db), repr(start), str(i)], env=env,
                              stderr=subprocess.PIPE, text=True) for i in range(n)]
    return [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]


@pytest.mark.slow
@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
def test_store_concurrency_open_by_four_processes_at_once(tmp_path: Path, existing: bool) -> None:
    failures: list[str] = []
    for r in range(ROUNDS):
        db = tmp_path / f"round{r}.db"
        if existing:
            SQLiteStore(db).close()
        outcomes = _open_at_once(db)
        failures += [err.strip() for rc, err in outcomes if rc != 0]
        conn = sqlite3.connect(db)
        versions = [v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY version")]
        runs = conn.execute("SELECT count(*) FROM runs").fetchone()[0]
        conn.close()
        assert versions == list(range(1, LATEST + 1))       # every migration applied, once
        assert runs == sum(rc == 0 for rc, _ in outcomes)
    assert failures == []
