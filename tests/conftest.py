"""Shared fixtures. Tests read source files through the registry, from NORTHAM_DATA_MIRROR."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]

if not os.environ.get("NORTHAM_DATA_MIRROR"):
    default = ROOT.parent / "shared" / "data"
    if default.is_dir():
        os.environ["NORTHAM_DATA_MIRROR"] = str(default)


def _real_mirror() -> Path | None:
    """The mirror the session was started with, resolved (a relative path is taken from the repo root,
    as :func:`northam.registry.mirror_dir` does)."""
    value = os.environ.get("NORTHAM_DATA_MIRROR")
    if not value:
        return None
    path = Path(value).expanduser()
    return (path if path.is_absolute() else ROOT / path).resolve()


#: Captured at import, before any test monkeypatches NORTHAM_DATA_MIRROR (``isolated_mirror`` does).
REAL_MIRROR = _real_mirror()


def _git_status() -> str:
    proc = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT,
                          capture_output=True, text=True)
    return proc.stdout if proc.returncode == 0 else f"not a git checkout: {proc.stderr}"


class _BookBuild:
    """The README's build (`python -m northam build`: jupyter-book -W -n --keep-going), once per test run.

    It starts in a background thread as soon as a process has collected a test of the book tier
    (:func:`pytest_collection_finish`), so the fast tests of that process run while the book builds (the
    build's pool of kernels and the test workers share the cores; no core waits idle on the other). Under
    pytest-xdist every worker starts the thread; the first to take the lock builds, and the others wait on the
    lock without working, then read its result: one build per run, whichever worker asks first.
    """

    def __init__(self, run_id: str):
        import threading

        self.run_id, self.result, self.proc = run_id, None, None
        # The build's environment, taken now, before any test runs: the build process starts in this thread
        # while the worker's first tests run, and a test that sets a variable for itself (the add-source tests
        # point NORTHAM_REGISTRY_DIR at a registry of their own) must not leak it into the build.
        self.env = dict(os.environ)
        self.done = ROOT / "_build" / f".test-build-{run_id}.json"
        self.executed = ROOT / "_build" / f".test-build-{run_id}.executed"  # every page executed and read
        self.thread = threading.Thread(target=self._run, name="book-build", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import fcntl
        import json

        from northam.sphinxext import EXECUTED_FLAG_ENV

        out, done = ROOT / "_build", self.done
        out.mkdir(exist_ok=True)
        with open(out / ".build.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not done.is_file():
                for old in [*out.glob(".test-build-*"), *out.glob("build-*.log")]:
                    old.unlink()  # a past run's result
                before = _git_status()
                self.proc = subprocess.Popen([sys.executable, "-m", "northam", "build"], cwd=ROOT, text=True,
                                             env={**self.env, EXECUTED_FLAG_ENV: str(self.executed)},
                                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                log, _ = self.proc.communicate(timeout=1800)
                (out / f"build-{self.run_id}.log").write_text(log)
                tmp = done.with_suffix(".tmp")
                tmp.write_text(json.dumps({"code": self.proc.returncode, "log": log, "status_before": before,
                                           "status_after": _git_status()}))
                tmp.replace(done)
            self.result = SimpleNamespace(**json.loads(done.read_text()))


_BUILD: _BookBuild | None = None


def _run_id(config) -> str:
    """One id for the whole run: xdist's run id on its workers, else one made for this process."""
    import uuid

    workerinput = getattr(config, "workerinput", None)
    if workerinput:
        return workerinput["testrunuid"]
    if not hasattr(config, "_northam_run_id"):
        config._northam_run_id = uuid.uuid4().hex
    return config._northam_run_id


def _start_build(config) -> _BookBuild:
    global _BUILD
    if _BUILD is None:
        _BUILD = _BookBuild(_run_id(config))
    return _BUILD


#: Book-tier files that run longest: they need only the executed pages, so they start, one per worker, as soon
#: as the build has executed and read every page, while it goes on writing the HTML and the PDF.
LONGEST_BOOK_FILES = ("test_rebuild.py", "test_reexecution.py")


def pytest_collection_modifyitems(config, items):
    """Whole files in this order (workers take a file at a time): files without book tests first (they run
    while the book builds), then the longest book files, then the other book files. Order inside a file kept.
    The order holds under xdist only with ``--no-loadscope-reorder`` (in ``addopts``): by default its scheduler
    hands out the files with the most tests first, which sent workers to wait on the build with fast files left."""
    book_files = {item.path for item in items if item.get_closest_marker("book")}

    def rank(item):
        if item.path not in book_files:
            return 0
        name = item.path.name
        return 1 + (LONGEST_BOOK_FILES.index(name) if name in LONGEST_BOOK_FILES else len(LONGEST_BOOK_FILES))

    items.sort(key=rank)


def pytest_collection_finish(session):
    if not session.config.option.collectonly and any(item.get_closest_marker("book") for item in session.items):
        _start_build(session.config)


def pytest_sessionfinish(session):
    if _BUILD is not None and _BUILD.proc is not None and _BUILD.proc.poll() is None:
        _BUILD.proc.kill()  # the run was interrupted: leave no build behind


@pytest.fixture(scope="session")
def executed_book(pytestconfig):
    """The same build, awaited only until every page has executed and been read (the execution cache, the
    pages' records, their published files complete) while it goes on writing the HTML and the PDF: for work
    that needs only those (the rebuild tests and nbval, which run while the build writes).
    Returns the build's result if it has finished (it failed early, say), else None."""
    import json
    import time

    build = _start_build(pytestconfig)
    while not build.executed.is_file() and not build.done.is_file():
        time.sleep(0.5)
    return SimpleNamespace(**json.loads(build.done.read_text())) if build.done.is_file() else None  # written whole


@pytest.fixture(scope="session")
def built_book(pytestconfig):
    """The README's build of the book for this test run, with `git status` before and after it (code, log,
    status_before, status_after)."""
    build = _start_build(pytestconfig)
    build.thread.join()
    assert build.result is not None, "the book build did not finish"
    return build.result


def _read_raw(path, reader: str, **kwargs):
    """A raw file read without northam's code: ``excel`` (``raw.read_excel``) or ``rdata`` (pyreadr, one object)."""
    if reader == "excel":
        from raw import read_excel

        return read_excel(path, **kwargs)
    import pyreadr

    return pyreadr.read_r(str(path))[kwargs["name"]].reset_index(drop=True)


@pytest.fixture(scope="session")
def _raw_once(tmp_path_factory):
    """``once(key, reader, **kwargs)``: a raw file read by :func:`_read_raw` once per test run. Several test files
    check the same large file (Census ``country.xlsx``: the trade, census, North America and products tests;
    the Census HS2 .RData: two agri files); the first to ask reads it, and both workers read the table back
    from a pickle in the run's temporary folder, keyed by the file's sha256, the reader and the arguments.
    Every caller gets its own copy."""
    import hashlib

    import pandas as pd

    from northam import registry
    from northam.cache import one_maker

    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "raw-tables"
    shared.mkdir(exist_ok=True)

    def once(key: str, reader: str, **kwargs) -> pd.DataFrame:
        path = registry.fetch(key)  # hash-checked
        name = hashlib.sha256(repr((registry.source(key).sha256, reader, sorted(kwargs.items()))).encode()).hexdigest()
        table = shared / f"{name[:24]}.pkl"
        with one_maker(table):  # the tidy cache's lock: one worker reads, the other waits and reads the pickle
            if not table.exists():
                _read_raw(path, reader, **kwargs).to_pickle(table)
        return pd.read_pickle(table)

    return once


@pytest.fixture(scope="session")
def raw_workbook(_raw_once):
    """``raw_workbook(key, **kwargs)``: ``pd.read_excel`` of registered file ``key``, read directly (``raw.py``:
    no northam code between the file and the check), once per test run (see ``_raw_once``)."""
    return lambda key, **kwargs: _raw_once(key, "excel", **kwargs)


@pytest.fixture(scope="session")
def raw_rdata(_raw_once):
    """``raw_rdata(key, name)``: object ``name`` of registered R data file ``key``, read with pyreadr, once per
    test run (see ``_raw_once``)."""
    return lambda key, name: _raw_once(key, "rdata", name=name)


@pytest.fixture
def raw_path():
    """Path of a registered file, fetched and hash-checked (for independent checks in tests)."""
    from northam import registry

    return registry.fetch


@pytest.fixture
def isolated_mirror(tmp_path, monkeypatch):
    """A private, writable mirror + cache, so a test can corrupt a copy of a file safely."""
    from northam import registry

    mirror, cache = tmp_path / "mirror", tmp_path / "cache"
    mirror.mkdir()
    cache.mkdir()
    monkeypatch.setenv("NORTHAM_DATA_MIRROR", str(mirror))
    monkeypatch.setenv("NORTHAM_DATA_CACHE", str(cache))
    registry._VERIFIED.clear()

    def put(key: str, data: bytes | None = None) -> Path:
        src = registry.source(key)
        if REAL_MIRROR is None:
            pytest.skip("isolated_mirror copies files from the real mirror: set NORTHAM_DATA_MIRROR")
        real = REAL_MIRROR / src.domain / src.file
        target = mirror / src.domain / src.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(real.read_bytes() if data is None else data)
        return target

    yield put
    registry._VERIFIED.clear()

