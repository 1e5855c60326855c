"""Run a learner's notebook code in an isolated, disposable process.

A *sandbox worker* (``python -m autograder.sandbox --slot N``) is started
once, imports NumPy and the usual modules, and then serves jobs, one JSON
line in and one JSON line out. For each job it forks a child that:

- starts a new session and sends its output to a file in a private
  temporary folder, which becomes its root directory (``chroot``) when the
  worker runs as root; it then drops to an unprivileged user id of its own
  (one per worker slot), so it can read nothing of the grader's, signal no
  process of the grader's, and write nowhere else;
- as root, first leaves the machine's network: it moves into a network
  namespace of its own, whose only interface (a loopback) is down, so it
  can connect to nothing, not even to a listener on the grading host's
  127.0.0.1 (a Dask scheduler, a database) or to its abstract Unix
  sockets;
- runs under CPU-time, address-space, file-size, process-count and
  core-dump limits;
- executes the notebook's cells, then calls each graded function in a
  forked grandchild on the inputs the grader built, and returns the
  outputs as plain JSON data (see :func:`autograder.compare.encode`).

After the job the worker kills every process left with the slot's user id
(background processes included) and deletes the folder. The grader never
unpickles anything: it decodes JSON and compares in its own process.
"""
from __future__ import annotations

import contextlib
import fcntl
import io
import json
import os
import resource
import select
import shutil
import signal
import sys
import tempfile
import time
import traceback

#: Modules loaded before any learner code runs (imports after the chroot
#: can only come from these, or from files in the sandbox folder).
PRELOAD = ("math", "copy", "json", "itertools", "functools", "collections",
           "random", "re", "string", "time", "numbers", "io", "contextlib",
           "hashlib", "pathlib", "warnings", "inspect", "operator",
           "numpy", "numpy.random", "numpy.linalg", "h5py", "matplotlib",
           "matplotlib.pyplot", "matplotlib.backends.backend_agg",
           "matplotlib.font_manager", "glob", "shutil", "signal",
           "sqlite3", "subprocess", "tempfile")

#: User ids of the sandbox slots: slot N runs as uid BASE_UID + N.
BASE_UID = 61000

#: Default limits of one job.
LIMITS = {"wall_seconds": 120, "cpu_seconds": 120, "memory_bytes": 2 << 30,
          "file_bytes": 8 << 20, "processes": 64, "result_bytes": 64 << 20}


class _Ipython:
    """Stands in for ``get_ipython()``: magics do nothing in a sandbox."""

    def run_line_magic(self, *args, **kwargs):
        return None

    def run_cell_magic(self, *args, **kwargs):
        return None

    def system(self, *args, **kwargs):
        return None

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


# --- In the child: after isolation -------------------------------------------

def _isolate(folder, uid, limits):
    """Confine the current (child) process. Irreversible."""
    used_memory = _virtual_memory()
    os.setsid()
    output = os.open(os.path.join(folder, "output.txt"),
                     os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(output, 1)
    os.dup2(output, 2)
    if os.geteuid() == 0:
        if _NETWORK["isolate"]:
            _leave_network()
        os.chown(folder, uid, uid)
        for root, dirs, files in os.walk(folder):
            for name in dirs + files:
                os.chown(os.path.join(root, name), uid, uid)
        os.chroot(folder)
        os.chdir("/")
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    else:
        os.chdir(folder)
    # A write past the file-size limit fails with an error instead of
    # killing the process; printed text is kept in a bounded buffer.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    sys.stdout = sys.stderr = _BoundedText(limits["file_bytes"])
    _set_limits(limits, used_memory)


#: Whether jobs leave the network (decided once, when the worker starts).
_NETWORK = {"isolate": False}

#: ``unshare`` flag of a new network namespace (``os.CLONE_NEWNET`` from
#: Python 3.12; this is its value in Linux's ``sched.h``).
CLONE_NEWNET = 0x40000000


def _leave_network():
    """Move this process into a new, empty network namespace.

    Needs root (``CAP_SYS_ADMIN``). The new namespace has only a loopback
    interface, and it is down: every ``connect`` fails with "Network is
    unreachable", and nothing of the host's network, loopback included,
    is in reach.

    Raises
    ------
    OSError
        When the kernel refuses (no privilege, or namespaces disabled).
    """
    if hasattr(os, "unshare"):  # Python 3.12 and later
        os.unshare(CLONE_NEWNET)
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNET) != 0:
        number = ctypes.get_errno()
        raise OSError(number, f"unshare(CLONE_NEWNET): "
                              f"{os.strerror(number)}")


def loopback_up():
    """Bring up the loopback interface of this process's network namespace.

    After :func:`_leave_network`, for processes that talk to each other
    over 127.0.0.1 (a Jupyter kernel and its client): they keep a loopback
    of their own, and the host's stays out of reach.
    """
    import socket
    import struct

    request_flags, set_flags, up = 0x8913, 0x8914, 0x1  # <linux/sockios.h>
    layout = "16sH14x"  # struct ifreq: interface name, then its flags
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as handle:
        answer = fcntl.ioctl(handle, request_flags,
                             struct.pack(layout, b"lo", 0))
        flags = struct.unpack(layout, answer)[1]
        fcntl.ioctl(handle, set_flags, struct.pack(layout, b"lo", flags | up))


def leave_network_keeping_loopback():
    """Move into a new network namespace with its loopback up (root only).

    Returns
    -------
    bool
        Whether it worked (False when not root, or the kernel refuses).
    """
    if os.geteuid() != 0:
        return False
    try:
        _leave_network()
        loopback_up()
    except OSError:
        return False
    return True


def network_can_be_isolated():
    """Whether sandboxed children can be given no network at all.

    True only for a root worker whose kernel allows new network
    namespaces (tried in a throw-away child). Otherwise learner code
    shares the host's network, as any unprivileged process does.
    """
    if os.geteuid() != 0:
        return False
    pid = os.fork()
    if pid == 0:
        try:
            _leave_network()
            os._exit(0)
        except BaseException:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


class _BoundedText(io.TextIOBase):
    """A text sink that keeps at most ``limit`` characters."""

    def __init__(self, limit):
        self.limit, self.size = limit, 0

    def writable(self):
        return True

    def write(self, text):
        self.size = min(self.size + len(text), self.limit)
        return len(text)


def _set_limits(limits, used_memory):
    settings = [(resource.RLIMIT_CPU, limits["cpu_seconds"]),
                (resource.RLIMIT_AS, used_memory + limits["memory_bytes"]),
                (resource.RLIMIT_FSIZE, limits["file_bytes"]),
                (resource.RLIMIT_CORE, 0)]
    if os.getuid() >= BASE_UID:
        # Only with a user id of its own: otherwise the process limit
        # would count the grader's processes too.
        settings.append((resource.RLIMIT_NPROC, limits["processes"]))
    for which, value in settings:
        resource.setrlimit(which, (value, value))


def _virtual_memory():
    """This process's current virtual memory size, in bytes."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _run_cells(cells, namespace):
    """Execute the cells in order; an error ends that cell only.

    Copies of this process made by ``os.fork`` in a cell end with that
    cell, and every other process of the sandbox's user is killed before
    the graded functions are called.
    """
    me = os.getpid()
    errors = []
    for index, source in enumerate(cells):
        try:
            exec(compile(source, f"<cell {index}>", "exec"), namespace)
            errors.append(None)
        except SystemExit as stop:
            errors.append(f"SystemExit: {stop.code!r}")
        except BaseException as error:  # learner code: anything can happen
            errors.append(f"{type(error).__name__}: {error}"[:500])
        if os.getpid() != me:
            os._exit(0)
    _kill_others()
    return errors


def _kill_others():
    """Kill the sandbox user's other processes, then reap our children."""
    if os.getuid() >= BASE_UID:
        with contextlib.suppress(OSError):
            os.kill(-1, signal.SIGKILL)
    _reap()


def _call_all(function, calls, encode):
    """Call ``function`` on every case; return JSON-ready results.

    Each result also lists which returned objects share memory with each
    other or with an input (:func:`autograder.compare.memory_links`):
    object identity does not survive the trip to the grader as data.
    """
    from autograder.compare import call_capturing, decode, memory_links

    results = []
    for call in calls:
        args, kwargs = decode(call["args"]), decode(call["kwargs"])
        try:
            output, printed, args_after, kwargs_after = call_capturing(
                function, args, kwargs)
            links = memory_links(call.get("outputs", ()), output,
                                 call.get("arg_names", ()), args_after,
                                 kwargs_after)
            results.append({"output": encode(output),
                            "printed": printed[:100_000],
                            "args_after": encode(args_after),
                            "links": links,
                            "error": None})
        except BaseException as error:
            results.append({"output": None, "printed": "",
                            "args_after": None,
                            "error": f"{type(error).__name__}: {error}"[:500]})
    return results


def _in_grandchild(deadline, task):
    """Run ``task()`` in a forked process; return its JSON result or None.

    A graded function that crashes the process (``os._exit``, a signal)
    loses its own results only.
    """
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError as error:
        os.close(read_end)
        os.close(write_end)
        return {"error": f"could not start the function's process "
                         f"({error.strerror})"}
    if pid == 0:
        os.close(read_end)
        grandchild = os.getpid()
        try:
            payload = json.dumps(task(), default=_unsupported).encode()
        except BaseException as error:
            payload = json.dumps({"error": f"{type(error).__name__}: "
                                           f"{error}"[:500]}).encode()
        if os.getpid() == grandchild:
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
        os._exit(0)
    os.close(write_end)
    data = _read_until(read_end, deadline, LIMITS["result_bytes"], pid)
    os.close(read_end)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
    _kill_others()
    if data is None:
        return {"error": "timed out"}
    if not data:
        return {"error": "the process ended abruptly (os._exit, a signal, "
                         "or a resource limit)"}
    return json.loads(data)


def _unsupported(value):
    """JSON stand-in for a value that is not plain data."""
    return {"__unsupported__": type(value).__name__[:100]}


def _serve_job(job, deadline):
    """The whole job, inside the isolated child."""
    from autograder.compare import encode

    sys.path.insert(0, os.getcwd())
    namespace = {"__name__": "__main__", "__builtins__": __builtins__,
                 "get_ipython": _Ipython}
    cell_errors = _run_cells(job["cells"], namespace)
    functions = {}
    for name, calls in job["calls"].items():
        function = namespace.get(name)
        if not callable(function):
            functions[name] = {"error": f"{name} is not defined"}
            continue
        function_deadline = min(deadline, time.monotonic()
                                + job.get("function_seconds", 30))
        functions[name] = _in_grandchild(
            function_deadline, lambda f=function, c=calls: {
                "calls": _call_all(f, c, encode)})
    return {"cells": cell_errors, "functions": functions}


# --- In the worker: fork, watch, clean up ------------------------------------

def _read_until(fd, deadline, limit, pid):
    """Read what process ``pid`` writes to a pipe, until it exits.

    Returns the bytes written, None if the deadline passes first, or b""
    if more than ``limit`` bytes arrive. Processes the learner's code
    started may keep the pipe open: the end of ``pid`` ends the reading.
    Finished children (adopted orphans too) are reaped on the way, so that
    zombies do not fill the process limit.
    """
    chunks, size, exited = [], 0, False
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], min(remaining, 0.05))
        if ready:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > limit:
                return b""
            chunks.append(chunk)
            continue
        if exited:
            return b"".join(chunks)
        exited = pid in _reap()


def _become_subreaper():
    """Adopt orphaned descendants, so that killed ones can be reaped.

    Without this, processes the learner's code started and detached are
    re-parented to PID 1, which in a container may never reap them; their
    zombies would count against the slot's process limit forever.
    """
    import ctypes

    PR_SET_CHILD_SUBREAPER = 36
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1,
                                                0, 0, 0)


def _reap():
    """Collect every finished child, adopted ones included.

    Returns
    -------
    set of int
        The pids collected.
    """
    reaped = set()
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return reaped
        if pid == 0:
            return reaped
        reaped.add(pid)


def _kill_user(uid):
    """Kill every process of ``uid`` (root only), until none is left."""
    if os.geteuid() != 0:
        _reap()
        return
    for _ in range(50):
        pid = os.fork()
        if pid == 0:
            try:
                os.setuid(uid)
                os.kill(-1, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            os._exit(0)
        os.waitpid(pid, 0)
        time.sleep(0.01)
        _reap()
        if not _processes_of(uid):
            return


def _processes_of(uid):
    """Pids of live (not zombie) processes owned by ``uid``."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as status:
                fields = dict(line.split(":", 1) for line in status
                              if ":" in line)
        except OSError:
            continue
        if (int(fields.get("Uid", "-1").split()[0]) == uid
                and not fields.get("State", "").strip().startswith("Z")):
            pids.append(int(entry))
    return pids


def run_job(job, uid):
    """Run one job in a fresh isolated child; return its result dict.

    Parameters
    ----------
    job : dict
        ``cells`` (list of str, Python source), ``files`` (name -> text,
        written into the sandbox folder), ``data_files`` (name -> path of a
        trusted file copied into the folder), ``calls`` (function name ->
        list of ``{"args", "kwargs"}``, encoded) and optional ``limits``.
    uid : int
        The user id the child runs as (when the worker runs as root).

    Returns
    -------
    dict
        ``cells`` (an error string or None per cell), ``functions``
        (name -> ``{"calls": [...]}`` or ``{"error": ...}``), or a single
        ``error`` when the whole job failed.
    """
    limits = {**LIMITS, **job.get("limits", {})}
    folder = tempfile.mkdtemp(prefix="course-sandbox-")
    try:
        for name, text in job.get("files", {}).items():
            _write_inside(folder, name, text.encode())
        for name, source in job.get("data_files", {}).items():
            target = _inside(folder, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(source, target)
        deadline = time.monotonic() + limits["wall_seconds"]
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _child(folder, uid, limits, job, deadline, write_end)
        os.close(write_end)
        data = _read_until(read_end, deadline + 5, limits["result_bytes"],
                           pid)
        os.close(read_end)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)
        _kill_user(uid)
        return _parse_result(data, limits)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _child(folder, uid, limits, job, deadline, write_end):
    """The isolated child: never returns.

    Only the child itself writes the result: copies made by ``os.fork`` in
    the learner's code end silently.
    """
    child_pid = os.getpid()
    try:
        _isolate(folder, uid, limits)
        result = _serve_job(job, deadline)
        payload = json.dumps(result).encode()
    except BaseException:
        payload = json.dumps({"error": "the sandbox failed: " +
                              traceback.format_exc(limit=3)[-500:]}).encode()
    try:
        if os.getpid() == child_pid:
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
    finally:
        os._exit(0)


def _parse_result(data, limits):
    if data is None:
        return {"error": f"time limit exceeded ({limits['wall_seconds']} s "
                         f"for the whole notebook)"}
    if not data:
        return {"error": "the notebook's code ended the grading process "
                         "(os._exit, a signal, or a resource limit)"}
    try:
        result = json.loads(data)
    except ValueError:
        return {"error": "the sandbox returned malformed data"}
    return result if isinstance(result, dict) else {
        "error": "the sandbox returned malformed data"}


def _inside(folder, name):
    """``folder/name``, refusing names that escape the folder."""
    path = os.path.realpath(os.path.join(folder, name))
    if not path.startswith(os.path.realpath(folder) + os.sep):
        raise ValueError(f"refusing a file outside the sandbox: {name!r}")
    return path


def _write_inside(folder, name, data):
    path = _inside(folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


# --- The worker process ------------------------------------------------------

#: One folder of slot locks per machine, whatever ``TMPDIR`` says: two
#: grading runs with different temporary folders must not take the same
#: slot, hence the same user id (each job ends by killing every process
#: of its user id).
SLOT_LOCKS = ("/run/lock/course-sandbox-slots" if os.path.isdir("/run/lock")
              else "/tmp/course-sandbox-slots")


def claim_slot():
    """Lock a free slot number for this worker's lifetime.

    Each slot has its own user id, so two workers never kill each other's
    processes, even when they belong to two grading runs.

    Returns
    -------
    slot : int
    lock : file
        Keep it open: closing it frees the slot.
    """
    folder = SLOT_LOCKS
    if not os.path.isdir(folder):
        os.makedirs(folder, exist_ok=True)
        os.chmod(folder, 0o1777)  # shared by every user, like /tmp
    for slot in range(1000):
        lock = open(os.path.join(folder, f"{slot}.lock"), "w")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return slot, lock
        except OSError:
            lock.close()
    raise RuntimeError("no free sandbox slot")


def preload():
    """Import what learner code may use before the chroot."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    for name in PRELOAD:
        with contextlib.suppress(ImportError):
            __import__(name)  # a dotted name imports its parents too
    import autograder.compare  # noqa: F401  (encode / decode / call)


def serve(stdin=None, stdout=None):
    """Worker loop: one JSON job per input line, one result per line."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    slot, lock = claim_slot()
    uid = BASE_UID + slot
    _become_subreaper()
    _NETWORK["isolate"] = network_can_be_isolated()
    preload()
    stdout.write(json.dumps({"ready": True, "slot": slot,
                             "isolated": os.geteuid() == 0,
                             "network_isolated": _NETWORK["isolate"]})
                 + "\n")
    stdout.flush()
    for line in stdin:
        try:
            result = run_job(json.loads(line), uid)
        except Exception as error:  # a bad job must not end the worker
            result = {"error": f"grader error: {type(error).__name__}: "
                               f"{error}"}
        stdout.write(json.dumps(result) + "\n")
        stdout.flush()
    lock.close()


if __name__ == "__main__":
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                     "MKL_NUM_THREADS"):
        os.environ[variable] = "1"
    serve()
