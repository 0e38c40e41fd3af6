from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest
from batchkit import lines, page, tree_bytes

import archiver.run.worker as worker_mod
from archiver.run.batch import RunOptions, run_batch
from archiver.run.pool import Pool
from archiver.run.worker import Job
from archiver.sources.base import Task
from archiver.sources.resolve import iter_tasks

real_process = worker_mod.process


def slow_or_crashing(page_, config):
    """Stands in for the pipeline in forked workers: some pages misbehave on purpose."""
    data = page_.data if isinstance(page_.data, bytes) else page_.data.encode()
    if b"SLEEPY" in data:
        time.sleep(30)
    if b"STUCK" in data:  # ignores the worker's own timer, like a loop inside C code
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(30)
    if b"CRASH" in data:
        os._exit(3)
    return real_process(page_, config)


def make_inputs(tmp_path, n=12, special=()):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(n):
        (src / f"p{i:02d}.html").write_text(page(i, special.get(i, "")) if special else page(i), "utf-8")
    return src


@pytest.fixture
def misbehaving(monkeypatch):
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the stand-in pipeline reaches the workers only when they are forked")
    monkeypatch.setattr(worker_mod, "process", slow_or_crashing)
    monkeypatch.setattr("archiver.run.pool.GRACE", 0.5)


def test_pool_outcomes_come_back_in_input_order(tmp_path):
    src = make_inputs(tmp_path, 20)
    tasks = list(iter_tasks([str(src)]))
    with Pool(Job(str(tmp_path / "o")), workers=2, chunk=3, window=7) as pool:
        got = [o.key for o in pool.run(tasks)]
    assert got == [t.key for t in tasks]


def test_parallel_and_inline_runs_write_identical_files(tmp_path):
    src = make_inputs(tmp_path, 16)
    (src / "empty.html").write_bytes(b"")
    for name, parallel in (("a", 0), ("b", 2), ("c", 3)):
        run_batch(iter_tasks([str(src)]), Job(str(tmp_path / name)), RunOptions(parallel=parallel, chunk=2))
    a = tree_bytes(tmp_path / "a")
    assert a == tree_bytes(tmp_path / "b") == tree_bytes(tmp_path / "c")
    assert (
        len(lines(tmp_path / "a" / "index.jsonl")) == 16 and len(lines(tmp_path / "a" / "errors.jsonl")) == 1
    )


def test_a_slow_page_times_out_and_the_run_goes_on(tmp_path, misbehaving):
    src = make_inputs(tmp_path, 6, {2: "SLEEPY"})
    t0 = time.monotonic()
    summary = run_batch(iter_tasks([str(src)]), Job(str(tmp_path / "o"), timeout=1.0), RunOptions(parallel=2))
    assert time.monotonic() - t0 < 15
    (err,) = lines(tmp_path / "o" / "errors.jsonl")
    assert err["stage"] == "timeout" and err["source"].endswith("p02.html")
    assert summary.timed_out == 1 and summary.exported == 5 and summary.seen == 6


def test_a_worker_stuck_past_its_timer_is_killed_and_replaced(tmp_path, misbehaving):
    src = make_inputs(tmp_path, 8, {1: "STUCK", 5: "STUCK"})
    summary = run_batch(
        iter_tasks([str(src)]), Job(str(tmp_path / "o"), timeout=0.5), RunOptions(parallel=1, chunk=4)
    )
    errs = lines(tmp_path / "o" / "errors.jsonl")
    assert [e["source"][-8:] for e in errs] == ["p01.html", "p05.html"]
    assert all(e["stage"] == "timeout" and "killed" in e["reason"] for e in errs)
    assert [i["source"][-8:] for i in lines(tmp_path / "o" / "index.jsonl")] == [
        f"p{i:02d}.html" for i in (0, 2, 3, 4, 6, 7)
    ]
    assert summary.seen == 8 == summary.exported + summary.failures


def test_a_crashing_worker_fails_one_page_only(tmp_path, misbehaving):
    src = make_inputs(tmp_path, 6, {3: "CRASH"})
    summary = run_batch(iter_tasks([str(src)]), Job(str(tmp_path / "o")), RunOptions(parallel=2, chunk=3))
    (err,) = lines(tmp_path / "o" / "errors.jsonl")
    assert (
        err["stage"] == "internal" and "worker died" in err["reason"] and err["source"].endswith("p03.html")
    )
    assert summary.exported == 5


def test_inline_timeout_uses_the_timer(tmp_path, misbehaving):
    src = make_inputs(tmp_path, 3, {0: "SLEEPY"})
    summary = run_batch(iter_tasks([str(src)]), Job(str(tmp_path / "o"), timeout=0.5), RunOptions(parallel=0))
    assert summary.failed == {"timeout": 1} and summary.exported == 2


def test_failures_from_sources_flow_through_in_order(tmp_path):
    tasks = [Task("a", failure=None, path=str(tmp_path / "missing.html"))]
    summary = run_batch(tasks, Job(str(tmp_path / "o")), RunOptions(parallel=1))
    assert summary.failed == {"read": 1}
    assert lines(tmp_path / "o" / "errors.jsonl") == [
        {"source": "a", "stage": "read", "reason": "no such file"}
    ]
