"""Start ``eventwire serve`` as a real process on a free localhost port, for the explorer's tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

SRC = Path(__file__).resolve().parent.parent / "src"
# Chromium's flags for the browser tests and the benchmark: headless, no network of its own
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextmanager
def serving(db: Path, timeout: float = 30.0) -> Iterator[str]:
    """Yield the base URL (``http://127.0.0.1:PORT``) of a server over ``db``; stop it afterwards."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
               COLUMNS="200")
    log = db.with_suffix(".serve.log")
    with open(log, "w", encoding="utf-8") as err:  # a file, not a pipe: a full pipe would stall the server
        proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", "0"],
                                stderr=err, stdout=subprocess.DEVNULL, env=env)
    try:
        yield _wait_for_url(proc, log, timeout)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_for_url(proc: subprocess.Popen[bytes], log: Path, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    found = None
    while found is None and time.monotonic() < deadline:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", log.read_text(encoding="utf-8"))
        if found is None and proc.poll() is not None:
            raise RuntimeError(f"eventwire serve did not start: {log.read_text(encoding='utf-8')}")
        time.sleep(0.05)
    if found is None:
        raise RuntimeError(f"eventwire serve did not start within {timeout}s")
    base = f"http://127.0.0.1:{found.group(1)}"
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/-/eventwire/api/summary", timeout=2).status_code == 200:
                return base
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"eventwire serve at {base} did not answer within {timeout}s")
