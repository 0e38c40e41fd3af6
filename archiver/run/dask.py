"""The Dask adapter (``archiver[dask]``): the same work on a Dask cluster.

- :func:`clean_bag` maps a ``dask.bag`` of inputs (paths or :class:`Task`) to outcome records
  (``{"key", "status", "record"}``), each worker writing its documents into ``out_dir``;
- :func:`dask_outcomes` is the executor behind ``archiver clean --dask-scheduler ADDRESS``: the
  client reads the inputs, sends bounded chunks to the cluster and gets outcomes back in order,
  so the index, errors, resume and shards behave exactly as with the local pool.

Workers must share the output directory's file system with the client (one machine, NFS, ...).
The per-document timeout is applied where a worker runs tasks in its main thread; Dask's worker
threads cannot take a signal, so elsewhere rely on Dask's own lifetime limits.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from ..sources.base import Task
from .worker import Job, Outcome, work

MISSING = "the Dask adapter needs the 'dask' extra: pip install 'archiver[dask]'"


def _as_task(item: Any) -> Task:
    return item if isinstance(item, Task) else Task(str(item), path=str(item))


def _outcome_record(item: Any, job: Job) -> dict[str, Any]:
    outcome = work(_as_task(item), job)
    return {"key": outcome.key, "status": outcome.status, "record": outcome.record}


def clean_bag(bag: Any, job: Job) -> Any:
    """A bag of outcome records for a bag of inputs (file paths or tasks); lazy, like any bag."""
    return bag.map(partial(_outcome_record, job=job))


def _chunk(items: list[Task], job: Job) -> list[Outcome]:
    return [work(task, job) for task in items]


def _batches(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    batch: list[Task] = []
    for task in tasks:
        batch.append(task)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def dask_outcomes(tasks: Iterable[Task], job: Job, address: str, chunk: int = 4) -> Iterator[Outcome]:
    """Outcomes of ``tasks`` computed on the Dask scheduler at ``address``, in input order."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise RuntimeError(MISSING) from exc
    with Client(address) as client:
        threads = sum(client.nthreads().values()) or 1
        limit = max(4, threads * 4)
        pending: deque = deque()
        for batch in _batches(tasks, chunk):
            pending.append(client.submit(_chunk, batch, job, pure=False))
            while len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
