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


@pytest.fixture(scope="session")
def built_book():
    """The README's build (`python -m northam build`: jupyter-book -W -n --keep-going), run once per
    session, with `git status` before and after it."""
    import fcntl

    before = _git_status()
    (ROOT / "_build").mkdir(exist_ok=True)
    with open(ROOT / "_build" / ".build.lock", "w") as lock:  # one build at a time, whichever worker asks
        fcntl.flock(lock, fcntl.LOCK_EX)
        proc = subprocess.run([sys.executable, "-m", "northam", "build"], cwd=ROOT, capture_output=True,
                              text=True, timeout=1800)
    log = proc.stdout + proc.stderr
    (ROOT / "_build" / f"build-{os.getpid()}.log").write_text(log)
    return SimpleNamespace(code=proc.returncode, log=log, status_before=before, status_after=_git_status())


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

