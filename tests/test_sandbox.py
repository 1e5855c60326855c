"""The sandbox: what learner code cannot do, and what it cannot break."""
import os

import pytest

from autograder.assignment import Assignment
from autograder.fast_engine import WorkerPool
from autograder.sandbox import BASE_UID, _processes_of

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0,
                               reason="full isolation needs root")


@pytest.fixture(scope="module")
def pool():
    """One sandbox worker, for direct jobs."""
    with WorkerPool(1) as workers:
        yield workers


def _job(cells, calls=None):
    return {"cells": cells, "calls": calls or {}, "files": {},
            "data_files": {}, "limits": {"wall_seconds": 10},
            "function_seconds": 3}


@ROOT_ONLY
def test_sandbox_cannot_read_the_solutions(pool):
    """Is the instructor's folder invisible from learner code?"""
    path = Assignment.named("c1w2_numpy_basics").solution_notebook
    result = pool.run(_job([f"open({str(path)!r}).read()"]))
    assert result["cells"][0].startswith("FileNotFoundError")


@ROOT_ONLY
def test_sandbox_cannot_signal_the_grader(pool):
    """Does killing the parent fail, leaving the grader running?"""
    result = pool.run(_job(["import os, signal\n"
                            "os.kill(os.getppid(), signal.SIGKILL)"]))
    assert result["cells"][0].startswith("PermissionError")
    assert pool.run(_job(["x = 1"]))["cells"] == [None]


@ROOT_ONLY
def test_no_learner_process_outlives_its_job(pool):
    """Is a detached background process killed when the job ends?"""
    cells = ["import os, time\n"
             "if os.fork() == 0:\n"
             "    os.setsid()\n"
             "    time.sleep(600)\n"]
    assert pool.run(_job(cells))["cells"] == [None]
    assert _processes_of(BASE_UID + pool.workers[0].slot) == []


def test_os_exit_in_a_function_loses_that_function_only(pool):
    """Does os._exit inside one function leave the others' results?"""
    cells = ["import os\ndef bad(x):\n    os._exit(1)\n"
             "def good(x):\n    return x"]
    call = [{"args": {"__tuple__": [3]}, "kwargs": {"__dict__": []}}]
    result = pool.run(_job(cells, {"bad": call, "good": call}))
    assert "ended abruptly" in result["functions"]["bad"]["error"]
    assert result["functions"]["good"]["calls"][0]["output"] == 3


def test_memory_hog_gets_a_memory_error(pool):
    """Does a huge allocation fail inside the sandbox only?"""
    result = pool.run(_job(["import numpy as np\nx = np.ones(1 << 40)"]))
    assert result["cells"][0].startswith("MemoryError")


def test_runs_with_different_temporary_folders_get_different_slots(
        tmp_path, monkeypatch):
    """Do two workers whose TMPDIR differ still lock different slots (and
    so run as different user ids)?"""
    import tempfile

    from autograder.sandbox import claim_slot

    locks = []
    for name in ("run-a", "run-b"):
        (tmp_path / name).mkdir()
        monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / name))
        locks.append(claim_slot())
    (slot_a, lock_a), (slot_b, lock_b) = locks
    assert slot_a != slot_b
    lock_a.close()
    lock_b.close()


@ROOT_ONLY
def test_learner_code_cannot_reach_a_loopback_listener(pool):
    """Does a connection to a listener on the host's 127.0.0.1 fail, and
    does the listener see nothing?"""
    import select
    import socket

    if not pool.network_isolated:
        pytest.skip("this kernel refuses new network namespaces")
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        result = pool.run(_job([
            "import socket\n"
            "client = socket.socket()\n"
            "client.settimeout(3)\n"
            f"client.connect(('127.0.0.1', {port}))"]))
        ready, _, _ = select.select([listener], [], [], 0.5)
    assert result["cells"][0].startswith("OSError: [Errno 101]"), result
    assert ready == []


def test_two_grading_runs_with_different_temporary_folders_coexist(
        tmp_path, monkeypatch):
    """While a job of one run is busy, do the jobs of a second run, with
    another TMPDIR, finish without killing it?"""
    import threading

    pools = []
    for name in ("run-a", "run-b"):
        (tmp_path / name).mkdir()
        monkeypatch.setenv("TMPDIR", str(tmp_path / name))
        pools.append(WorkerPool(1))
    slow, fast = pools
    call = [{"args": {"__tuple__": [7]}, "kwargs": {"__dict__": []}}]
    results = {}
    busy = threading.Thread(target=lambda: results.update(slow=slow.run(
        _job(["import time\ntime.sleep(3)\ndef f(x):\n    return x"],
             {"f": call}))))
    try:
        busy.start()
        quick = [fast.run(_job(["x = 1"])) for _ in range(20)]
        busy.join()
    finally:
        for workers in pools:
            workers.close()
    assert results["slow"]["cells"] == [None]
    assert results["slow"]["functions"]["f"]["calls"][0]["output"] == 7
    assert all(result["cells"] == [None] for result in quick)
    assert slow.workers[0].slot != fast.workers[0].slot
