"""The local engine's worker processes: ``Pipeline.process(items, workers=N)``.

The parent loads the pipeline (stages, gazetteer, lexicons, spaCy models), then forks ``N`` workers
with :class:`concurrent.futures.ProcessPoolExecutor` (the ``fork`` context, an initializer): they share
what is loaded copy-on-write, frozen out of their garbage collections (``gc.freeze()``), and die with the
parent (``PR_SET_PDEATHSIG``). Batches go out ``2 × N`` at most at a time (memory stays bounded whatever
the input's length) and their results come back in input order.

A worker that dies (the out-of-memory killer, ``kill -9``, a crash in native code) breaks the pool: every
batch then in flight is lost, none of its results was yielded. A fresh pool is forked and the lost batches
sent again. A batch lost a second time is split, and its articles are run one at a time, alone in the
pool; an article whose worker dies while it runs alone is recorded with ``[E504]`` and the run goes on.
Each input item gets exactly one result: what was yielded before the death is not computed again.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import E_WORKER_DIED
from .records import Article, DocumentError, Result

if TYPE_CHECKING:
    from .pipeline import Pipeline

log = logging.getLogger(__name__)

Item = Article | DocumentError

#: batches in flight per worker: one computing, one waiting in the queue
IN_FLIGHT = 2


@dataclass
class _Task:
    """Some items of one input batch, sent to the pool together."""

    batch: int           # the batch's number in the input
    offset: int          # the first item's position in that batch
    items: list[Item]
    lost: int = 0        # times a pool broke with it in flight
    alone: bool = False  # run with nothing else in flight (after its batch was lost twice)


def run(pipeline: Pipeline, batches: Iterator[list[Item]], workers: int) -> Iterator[list[Result]]:
    """Each batch's results, in input order, computed by ``workers`` forked processes."""
    window = workers * IN_FLIGHT
    pool: ProcessPoolExecutor | None = None
    running: dict[Future[list[Result]], _Task] = {}
    again: deque[_Task] = deque()     # lost once: sent again as they were
    alone: deque[_Task] = deque()     # single articles of a batch lost twice: one at a time
    sizes: dict[int, int] = {}
    parts: dict[int, dict[int, list[Result]]] = {}
    sent = written = 0
    exhausted = False

    def submit(task: _Task) -> None:
        nonlocal pool
        for _ in range(2):
            fresh = pool is None
            if pool is None:
                pool = _fork(pipeline, workers)
                gc.freeze()  # its first submit forks the workers: what is loaded stays out of their collections
            try:
                running[pool.submit(_worker_batch, task.items)] = task
                return
            except BrokenProcessPool:  # a worker died while the pool was idle: nothing was lost
                log.warning("a worker process died while idle: a fresh pool")
                pool.shutdown(wait=True)
                pool = None
            finally:
                if fresh:
                    gc.unfreeze()
        raise BrokenProcessPool("the worker processes die as soon as they start")

    try:
        while True:
            if alone:
                if not running:
                    submit(alone.popleft())
            else:
                while again and len(running) < window:
                    submit(again.popleft())
                while not exhausted and len(running) < window and sent - written < window:
                    batch = next(batches, None)
                    if batch is None:
                        exhausted = True
                        break
                    sizes[sent], parts[sent] = len(batch), {}
                    submit(_Task(sent, 0, batch))
                    sent += 1
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            lost = _collect(finished, running, parts)
            if lost:
                # a broken pool fails every future it still holds: collect them all, then start afresh
                lost += _collect(wait(running)[0], running, parts)
                assert pool is not None
                pool.shutdown(wait=True)
                pool = None
                _requeue(lost, again, alone, parts)
            while written in parts and sum(map(len, parts[written].values())) == sizes[written]:
                done = parts.pop(written)
                yield [r for offset in sorted(done) for r in done[offset]]
                del sizes[written]
                written += 1
        if pool is not None:
            pool.shutdown(wait=True)
            pool = None
    finally:
        if pool is not None:  # stopped early (an error, an interrupt, the consumer gone): no more batches
            pool.shutdown(wait=False, cancel_futures=True)


def _collect(finished: set[Future[list[Result]]], running: dict[Future[list[Result]], _Task],
             parts: dict[int, dict[int, list[Result]]]) -> list[_Task]:
    """File the results of ``finished`` futures; return the tasks a broken pool lost."""
    lost: list[_Task] = []
    for future in finished:
        task = running.pop(future)
        try:
            parts[task.batch][task.offset] = future.result()
        except BrokenProcessPool:
            lost.append(task)
    return lost


def _requeue(lost: list[_Task], again: deque[_Task], alone: deque[_Task],
             parts: dict[int, dict[int, list[Result]]]) -> None:
    """Send lost tasks again: as they were the first time, one article at a time alone the second, and
    an article lost alone is recorded with E504."""
    lost.sort(key=lambda t: (t.batch, t.offset))
    log.warning("a worker process died: %d batch(es) in flight go to a fresh pool", len(lost))
    for task in lost:
        task.lost += 1
        if task.alone:
            parts[task.batch][task.offset] = [_died(item) for item in task.items]
        elif task.lost == 1:
            again.append(task)
        else:
            alone.extend(_Task(task.batch, task.offset + i, [item], task.lost, alone=True)
                         for i, item in enumerate(task.items))


def _died(item: Item) -> Result:
    if isinstance(item, DocumentError):  # never sent to a stage: it cannot have killed anything
        return Result(article=None, error=item)
    log.warning("[%s] %s: its worker process died while processing it alone", E_WORKER_DIED, item.id)
    error = DocumentError(item.id, "extract", E_WORKER_DIED,
                          "the worker process died while processing this document (killed: out of memory, "
                          "kill -9, or a crash in native code), twice with its batch and once alone; "
                          "not retried", item.source)
    return Result(article=item, error=error)


def _fork(pipeline: Pipeline, workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_init_worker, initargs=(pipeline, os.getpid()))


_WORKER: Pipeline | None = None


def _init_worker(pipeline: Pipeline, parent: int) -> None:
    """The forked worker's pipeline: its parent's, already loaded (fork passes it without pickling).
    The worker dies with its parent (``kill -9`` of ``eventwire ingest`` leaves no worker behind)."""
    global _WORKER
    _WORKER = pipeline
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Linux: SIGKILL this process when its parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere nothing."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pool's own clean-up is all there is
        return
    if os.getppid() != parent:  # the parent died before prctl: no signal will come
        os._exit(1)


def _worker_batch(batch: list[Item]) -> list[Result]:
    assert _WORKER is not None
    return _WORKER._process_batch(batch)
