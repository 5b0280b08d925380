"""``eventwire ingest --engine ray``: the same pipeline on a Ray actor pool, local or on a cluster.

>>> from eventwire.store import open_store
>>> with open_store("events.db") as store, RayRunner(config, actors=2) as runner:  # doctest: +SKIP
...     stats = runner.ingest(read_inputs(["news/"], config=config), store)

The driver reads the inputs (files, folders, JSONL, stdin: :func:`eventwire.ingest.read_inputs`),
skips the articles whose content is stored already (as the local engine does), and feeds batches of
``config.batch_size`` articles to a pool of actors. Each actor builds one :class:`eventwire.Pipeline`
when it starts (spaCy models, gazetteer, lexicons: loaded once per actor, not per batch) and returns
the batch's results; the driver writes them **in input order**, ``write_batch`` results per
:meth:`Store.save_results <eventwire.store.base.Store.save_results>` call (one ``COPY`` transaction on
PostgreSQL). The store therefore holds exactly what ``--engine local`` writes: same articles, same
event ids, same records, same storage order.

Faults: an actor that dies (killed, out of memory, its node lost) is restarted by Ray and its batch
retried (``max_restarts``/``max_task_retries``); if it cannot be, the run stops with [E502] and what
was written stays written. A driver killed mid-run loses only the batches not yet written: a re-run
skips every stored article by content hash, so it completes with nothing lost and nothing duplicated.

Without ``address`` a private local Ray is started (``num_cpus`` = actors, no dashboard, no usage
statistics, nothing downloaded) and stopped at the end; ``address="auto"`` joins the cluster this
machine belongs to, ``ray://HOST:10001`` connects to a remote one through Ray Client (which needs
``ray[client]``, the same Ray version as the cluster, and eventwire installed on its nodes).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from types import TracebackType
from typing import Any

from ._version import __version__
from .batch import _Tally, _unseen, _Writer
from .config import Config
from .errors import EventwireError
from .records import Article, DocumentError, Result
from .store.base import RunStats, Store

log = logging.getLogger(__name__)

#: results written per ``Store.save_results`` call (one transaction; ``COPY`` on PostgreSQL)
WRITE_BATCH = 200
#: environment for a Ray started here: no usage statistics, no dashboard, no metrics export; actors at
#: the driver's priority (Ray starts its workers at nice 15 by default: on a machine shared with any other
#: work, the local engine's workers, at nice 0, would take the CPU from them)
RAY_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_USAGE_STATS_PROMPT_ENABLED": "0",
           "RAY_DISABLE_DOCKER_CPU_WARNING": "1", "RAY_enable_metrics_collection": "0",
           "RAY_ACCEL_ENV_VAR_OVERRIDE_ON_ZERO": "0", "RAY_worker_niceness": "0"}
_RESUBMITS = 2  # a batch is sent again this many times after Ray gave up on its actor


class RayError(EventwireError):
    """The Ray engine cannot start, connect, or finish a batch (E5xx)."""

    code = "E501"


OnResult = Callable[[Result], None]


def _ray() -> Any:
    for key, value in RAY_ENV.items():
        os.environ.setdefault(key, value)
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - ray is in the 'scale' extra make install installs
        raise RayError("--engine ray needs Ray: pip install 'eventwire[scale]'") from exc
    return ray


class _Worker:
    """One actor: one pipeline, loaded when the actor starts."""

    def __init__(self, config: Config) -> None:
        from .pipeline import Pipeline

        # models, stages (gazetteer, lexicons) and per-language data loaded now, not on the first batch
        self.pipeline = Pipeline(config).prepare(config.languages)

    def process(self, batch: list[Article | DocumentError]) -> list[Result]:
        return self.pipeline._process_batch(batch)

    def pid(self) -> int:
        return os.getpid()


class RayRunner:
    """A pool of ``actors`` pipeline actors on a Ray cluster (a private local one without ``address``,
    with ``num_cpus`` CPUs, default one per actor); each actor reserves ``actor_cpus`` CPUs.

    Use as a context manager: the actors are killed, and a Ray started here shut down, on exit.
    """

    def __init__(self, config: Config, *, actors: int = 2, address: str | None = None,
                 write_batch: int = WRITE_BATCH, num_cpus: int | None = None, actor_cpus: float = 1) -> None:
        if actors < 1:
            raise RayError("--actors must be at least 1", code="E503")
        self.config, self.write_batch = config, max(1, write_batch)
        ray = _ray()
        self._started = False
        if not ray.is_initialized():
            try:
                if address is None:
                    ray.init(num_cpus=num_cpus or actors, include_dashboard=False, log_to_driver=False,
                             configure_logging=False)
                    self._started = True
                else:
                    ray.init(address=address, log_to_driver=False, configure_logging=False)
            except ImportError as exc:
                raise RayError(f"cannot connect to Ray at {address}: {exc} (ray:// needs 'ray[client]')") from exc
            except (ConnectionError, RuntimeError, ValueError) as exc:
                where = address or "a new local Ray"
                raise RayError(f"cannot start or join Ray ({where}): {' '.join(str(exc).split())}") from exc
        worker = ray.remote(num_cpus=actor_cpus, max_restarts=3, max_task_retries=3)(_Worker)
        self._worker = worker
        self.actors: list[Any] = [worker.remote(config) for _ in range(actors)]

    def __enter__(self) -> RayRunner:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        ray = _ray()
        for actor in self.actors:
            ray.kill(actor, no_restart=True)
        self.actors = []
        if self._started:
            ray.shutdown()
            self._started = False

    def ingest(self, items: Iterable[Article | DocumentError], store: Store, *,
               progress: OnResult | None = None) -> RunStats:
        """Process ``items`` into ``store`` (as :func:`eventwire.batch.ingest` does); return the counts."""
        run_id = store.begin_run({**self.config.to_dict(), "engine": "ray", "actors": len(self.actors)},
                                 __version__)
        tally = _Tally()
        writer = _Writer(store, run_id, tally, progress)
        try:
            for results in self.results(_unseen(items, store, tally)):
                writer.pending.extend(results)
                if len(writer.pending) >= self.write_batch:
                    writer.flush()
            writer.flush()
        finally:
            store.finish_run(run_id, tally.freeze())
        return tally.freeze()

    def results(self, items: Iterable[Article | DocumentError]) -> Iterator[list[Result]]:
        """Each batch's results, in input order. One batch in flight per actor: a batch queued behind
        another on a busy actor would wait there while a free actor idles, at the end of the input (a
        batch's time lost on one of the cores); at most ``2 × actors`` batches computed and not yet yielded."""
        ray = _ray()
        batches = _chunks(iter(items), self.config.batch_size)
        window = 2 * len(self.actors)
        idle = list(self.actors)
        running: dict[Any, tuple[int, list[Article | DocumentError], Any, int]] = {}
        done: dict[int, list[Result]] = {}
        sent = written = 0
        exhausted = False
        while True:
            while idle and not exhausted and sent - written < window:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    break
                actor = idle.pop()
                running[actor.process.remote(batch)] = (sent, batch, actor, 0)
                sent += 1
            if not running:
                break
            (ref,), _ = ray.wait(list(running), num_returns=1)
            index, batch, actor, tries = running.pop(ref)
            try:
                done[index] = ray.get(ref)
                idle.append(actor)
            except ray.exceptions.RayActorError as exc:
                if tries >= _RESUBMITS:
                    raise RayError(f"a batch failed {tries + 1} times on dead actors: "
                                   f"{' '.join(str(exc).split())[:300]}", code="E502") from exc
                log.warning("an actor died (%s): its batch goes to a new actor", type(exc).__name__)
                fresh = self._replace(actor)
                running[fresh.process.remote(batch)] = (index, batch, fresh, tries + 1)
            while written in done:
                yield done.pop(written)
                written += 1

    def pids(self) -> list[int]:
        """The actors' process ids (tests kill one)."""
        ray = _ray()
        return [int(p) for p in ray.get([a.pid.remote() for a in self.actors])]

    def _replace(self, dead: Any) -> Any:
        fresh = self._worker.remote(self.config)
        self.actors = [fresh if a is dead else a for a in self.actors]
        return fresh


def _chunks(it: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while batch := list(islice(it, size)):
        yield batch


def ingest_ray(items: Iterable[Article | DocumentError], store: Store, config: Config, *,
               actors: int = 2, address: str | None = None, write_batch: int = WRITE_BATCH,
               progress: OnResult | None = None) -> RunStats:
    """Start (or join) Ray, run ``items`` through ``actors`` pipeline actors into ``store``, stop."""
    with RayRunner(config, actors=actors, address=address, write_batch=write_batch) as runner:
        return runner.ingest(items, store, progress=progress)
