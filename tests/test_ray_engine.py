"""--engine ray on a local Ray (2 CPUs) started inside the test run: the store it writes is the one
--engine local writes (same articles, event ids, records, order); an actor or the driver killed mid-run
loses nothing and duplicates nothing once re-run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.batch import ingest
from eventwire.config import load_config
from eventwire.ingest import read_inputs
from eventwire.pipeline import Pipeline
from eventwire.store import Store, open_store

pytestmark = pytest.mark.slow
pytest.importorskip("ray", reason="Ray is in the 'scale' extra, which make install installs")

# Sentences written for these tests (not from any evaluation set).
TEXTS = [
    ("r1", "fr", "Le gouvernement malien a condamné mardi l'attaque menée contre une patrouille à Gao."),
    ("r2", "fr", "La police a arrêté trois manifestants devant le parlement de Dakar, selon un porte-parole."),
    ("r3", "en", "The Kenyan army attacked rebel positions near the Somali border on Monday."),
    ("r4", "fr", "Le président tunisien a rencontré son homologue algérien à Tunis pour parler de sécurité."),
    ("r5", "en", "Protesters demonstrated in Lima against the new mining law, police said."),
    ("r6", "fr", "L'Union européenne a imposé de nouvelles sanctions à la Biélorussie jeudi."),
    ("r7", "en", "Officials in Seoul accused the North of firing two missiles into the sea."),
    ("r8", "fr", "Des soldats ont tiré sur la foule à Bamako, a déclaré un témoin à l'agence."),
]


# For the driver killed mid-run: a run long enough to be killed in its middle (a warm actor codes each of
# these short articles in a few tens of milliseconds).
LONG = [(f"{i}-{k}", lang, f"{text} ({k + 1})") for k in range(4) for i, lang, text in TEXTS]


def write_inputs(path: Path, texts: list[tuple[str, str, str]] = TEXTS) -> Path:
    lines = [json.dumps({"id": i, "language": lang, "text": t, "published": "2024-03-05"}, ensure_ascii=False)
             for i, lang, t in texts]
    lines.insert(3, "this line is not JSON")
    lines.append(json.dumps({"id": "again", "language": "fr", "text": texts[0][2]}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def same(store: Store, local_run: dict[str, Any], texts: list[tuple[str, str, str]] = TEXTS) -> bool:
    return contents(store, texts) == {k: v for k, v in local_run.items() if k != "src"}


def contents(store: Store, texts: list[tuple[str, str, str]] = TEXTS) -> dict[str, Any]:
    """Everything a store holds that a reader sees, in storage order."""
    ids = [e.article_id for e in store.errors()] + [e.article_id for e in store.events()]
    articles = sorted({a for a in ids} | {i for i, _, _ in texts})
    return {
        "events": [e.to_dict() for e in store.events()],
        "quotes": [q.to_dict() for q in store.quotes()],
        "rejections": {a: list(store.rejections(a)) for a in articles},
        "articles": {a: store.article(a) for a in articles},
        "errors": [(e.article_id, e.code) for e in store.errors()],
        "summary": store.summary().to_dict(),
    }


@pytest.fixture(scope="module")
def ray_local() -> Iterator[Any]:
    from eventwire.ray_engine import _ray

    ray = _ray()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def small_batches():
    return load_config(overrides={"batch_size": 1})


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("local")
    src = write_inputs(folder / "in.jsonl")
    with open_store(folder / "local.db") as store:
        stats = ingest(read_inputs([str(src)], config=pipeline.config), store, pipeline)
        assert (stats.ok, stats.failed, stats.skipped) == (8, 1, 1)
        return {**contents(store), "src": src}     # every run reads this file (sources name it)


@pytest.fixture(scope="module")
def long_local_run(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("long")
    src = write_inputs(folder / "long.jsonl", LONG)
    with open_store(folder / "local.db") as store:
        stats = ingest(read_inputs([str(src)], config=pipeline.config), store, pipeline)
        assert (stats.ok, stats.failed, stats.skipped) == (32, 1, 1)
        return {**contents(store, LONG), "src": src}


@pytest.fixture(scope="module")
def runner(ray_local: Any, small_batches) -> Iterator[Any]:
    """Two actors (batches of one article, three results per write), shared by the module's tests; half
    a CPU each, so that the CLI driver of the last test finds a CPU for its actor on the 2-CPU Ray."""
    from eventwire.ray_engine import RayRunner

    with RayRunner(small_batches, actors=2, write_batch=3, actor_cpus=0.5) as r:
        yield r


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return str(tmp_path / "ray.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")


def test_ray_ingest_writes_what_local_writes(runner: Any, local_run: dict[str, Any], small_batches,
                                             target: str) -> None:
    src = local_run["src"]
    assert local_run["events"], "the articles must give events for this test to mean something"
    with open_store(target) as store:
        stats = runner.ingest(read_inputs([str(src)], config=small_batches), store)
        assert (stats.ok, stats.failed, stats.skipped) == (8, 1, 1)
        assert same(store, local_run)
        again = runner.ingest(read_inputs([str(src)], config=small_batches), store)
        assert (again.ok, again.skipped) == (0, 9)
        assert same(store, local_run)


def test_ray_actors_run_at_the_drivers_priority(runner: Any) -> None:
    """Ray starts its workers at nice 15 unless told otherwise: on a machine with other work, the actors
    would get the CPU last. A Ray eventwire starts runs them at the driver's priority, as the local engine's
    forked workers run."""
    assert {os.getpriority(os.PRIO_PROCESS, pid) for pid in runner.pids()} == {os.getpriority(os.PRIO_PROCESS, 0)}


def test_ray_actor_killed_mid_run_loses_and_duplicates_nothing(runner: Any, local_run: dict[str, Any],
                                                               small_batches, tmp_path: Path) -> None:
    src = local_run["src"]
    killed: list[int] = []
    victim = runner.pids()[0]

    def kill_once(result: object) -> None:
        if not killed:
            os.kill(victim, signal.SIGKILL)       # a real crash of one actor process, mid-run
            killed.append(victim)

    with open_store(tmp_path / "k.db") as store:
        stats = runner.ingest(read_inputs([str(src)], config=small_batches), store, progress=kill_once)
        assert killed and victim not in runner.pids()  # Ray restarted it; its batches were retried
        assert (stats.ok, stats.failed) == (8, 1)
        assert same(store, local_run)


def test_ray_driver_killed_then_rerun(ray_local: Any, long_local_run: dict[str, Any], tmp_path: Path,
                                      target: str) -> None:
    pg_url = target
    src = long_local_run["src"]
    (tmp_path / "small.toml").write_text("batch_size = 1\n", encoding="utf-8")
    address = ray_local.get_runtime_context().gcs_address
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", str(src), "--engine", "ray", "--actors", "1",
           "--address", address, "--db", pg_url, "--config", str(tmp_path / "small.toml"), "--write-batch", "1"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    # the driver at the lowest priority, so that this process, which watches the store, stops it (SIGSTOP,
    # then kill -9) as soon as it has written one article, long before it writes all 32
    driver = subprocess.Popen(["nice", "-n", "19", *cmd], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    with open_store(pg_url) as store:
        while store.summary().articles_ok < 1 and driver.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        driver.send_signal(signal.SIGSTOP)             # frozen at once: it writes nothing more
        driver.kill()                                  # then kill -9 the driver mid-run
        driver.wait()
        assert driver.returncode == -signal.SIGKILL, driver.stderr.read().decode() if driver.stderr else ""
        stored = store.summary().articles_ok
        assert 1 <= stored < 32
    print(f"\ndriver killed with {stored} of 32 articles stored")
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "already stored" in rerun.stderr and " new, " in rerun.stderr
    with open_store(pg_url) as store:
        assert same(store, long_local_run, LONG)


def test_ray_cli_options(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from eventwire import cli

    src = write_inputs(tmp_path / "in.jsonl")
    run = CliRunner().invoke
    bad = run(cli.main, ["ingest", str(src), "--db", str(tmp_path / "x.db"), "--actors", "2"])
    assert bad.exit_code == 2 and "--engine ray" in bad.output
    bad = run(cli.main, ["ingest", str(src), "--db", str(tmp_path / "x.db"), "--engine", "ray", "--workers", "2"])
    assert bad.exit_code == 2 and "--actors" in bad.output
