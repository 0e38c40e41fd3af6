from __future__ import annotations

import pytest
from batchkit import input_dir, lines, page, tree_bytes

from archiver.run.batch import RunOptions, run_batch
from archiver.run.worker import Job
from archiver.sources.resolve import iter_tasks

distributed = pytest.importorskip(
    "distributed", reason="the Dask adapter needs the 'dask' extra (dask[distributed])"
)
dask_bag = pytest.importorskip("dask.bag", reason="the Dask adapter needs the 'dask' extra")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as c:
        yield c


def test_clean_bag_and_dask_scheduler_match_the_local_run(tmp_path, cluster):
    from archiver.run.dask import clean_bag

    src = input_dir(tmp_path, 10, "empty.html")
    local = tmp_path / "local"
    run_batch(iter_tasks([str(src)]), Job(str(local)), RunOptions(parallel=0))

    on_dask = tmp_path / "dask"
    summary = run_batch(
        iter_tasks([str(src)]),
        Job(str(on_dask)),
        RunOptions(dask_scheduler=cluster.scheduler_address, chunk=2),
    )
    assert (summary.exported, summary.failures) == (10, 1)
    assert tree_bytes(on_dask) == tree_bytes(local)

    bagged = tmp_path / "bag"
    paths = sorted(str(p) for p in src.iterdir())
    with distributed.Client(cluster.scheduler_address):
        records = clean_bag(dask_bag.from_sequence(paths, npartitions=3), Job(str(bagged))).compute()
    assert [r["key"] for r in records] == paths
    assert sorted(r["status"] for r in records) == ["failed"] + ["ok"] * 10
    ok = [r["record"] for r in records if r["status"] == "ok"]
    assert ok == [r for r in lines(local / "index.jsonl")]
    for rec in ok:
        for name in rec["outputs"]:
            assert (bagged / name).read_bytes() == (local / name).read_bytes()


def test_cli_dask_scheduler(tmp_path, cluster):
    import subprocess
    import sys

    from conftest import ROOT

    for i in range(4):
        (tmp_path / f"p{i}.html").write_text(page(i), "utf-8")
    out = tmp_path / "out"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "archiver",
            "clean",
            str(tmp_path),
            "--include",
            "*.html",
            "-o",
            str(out),
            "-q",
            "--dask-scheduler",
            cluster.scheduler_address,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert len(lines(out / "index.jsonl")) == 4
