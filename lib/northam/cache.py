"""Caches: tidy tables on disk (:func:`cached`) and tables memoised for a session (:func:`memo`).

Parsing a large workbook is the slow step of a build. :func:`cached` stores a loader's tidy result as
Parquet under ``<cache>/tidy/<module>.<loader>-<key>.parquet``. The key is a sha256 over everything the
table depends on, so a stale table is never read and nothing has to be bumped by hand:

- the sha256 of each raw file (checked by :func:`northam.registry.fetch` on every call, cached or not);
- the loader function's own source (``inspect.getsource``);
- the source of the module that defines it and of every ``northam`` module that module imports, followed
  transitively (the parser a loader calls, ``schemas``, ``countries``...): editing any of them rebuilds. The
  modules are read from the import statements of each module's source, so the key is the same in every
  process, whatever else it imported;
- the pandas and pyarrow versions (which write and read the Parquet file) and python-calamine's (which reads
  the workbooks);
- the keyword arguments of the call.

The table is written to a temporary file and moved into place (atomic: a reader never sees half a file). One
process at a time makes a given table (a lock file beside it): the others wait and read what it wrote.
Set ``NORTHAM_NO_TIDY_CACHE=1`` to bypass the cache.

:func:`memo` memoises a function for the session and hands every caller its own copy of the result, so a
caller that changes a returned table cannot change what the next caller gets.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import functools
import hashlib
import importlib
import importlib.util
import inspect
import os
import sys
import uuid
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd

from . import registry


def tidy_dir() -> Path:
    return registry.cache_dir() / "tidy"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


def _source(name: str) -> str:
    """The source text of module ``name`` (importing it if needed); an empty module has source ""."""
    try:
        return inspect.getsource(importlib.import_module(name))
    except OSError:  # inspect cannot read an empty file (a bare ``__init__.py``)
        return ""


def _is_module(name: str) -> bool:
    if name in sys.modules:
        return True
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _imported_modules(name: str) -> set[str]:
    """The ``northam`` modules that module ``name`` imports, read from the import statements of its source (at
    module level and inside functions). Read from the text, not from the live module: what a module object
    holds depends on what else the process imported (a package gains an attribute for each submodule
    imported anywhere), and a table's key must not."""
    is_package = hasattr(importlib.import_module(name), "__path__")
    return set(_imports_in_source(name, is_package, _source(name)))


@functools.cache
def _imports_in_source(name: str, is_package: bool, source: str) -> frozenset[str]:
    """:func:`_imported_modules` for one version of a module's source: parsed once per process (a dozen loaders
    share most of their modules), and again if the source changes."""
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: ``from . import x``, ``from ..schemas import y``
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            if base.partition(".")[0] != "northam":
                continue
            for alias in node.names:  # ``from northam import registry`` names a module; ``from .x import f``, not
                found.add(f"{base}.{alias.name}" if _is_module(f"{base}.{alias.name}") else base)
    return frozenset(dep for dep in found if dep.partition(".")[0] == "northam")


def _used_modules(start: str) -> list[str]:
    """``start`` and the ``northam`` modules it imports, followed transitively; sorted by name. The same list
    in every process, whatever else it imported."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(_imported_modules(name) - seen)
    return sorted(seen)


def code_fingerprint(fn) -> str:
    """sha256 of a loader's own source and of the source of every module its result depends on.

    Raises :class:`OSError` when a source is not available (then a table cannot be keyed safely).
    """
    parts = [f"function {fn.__qualname__}: {_sha(inspect.getsource(fn))}"]
    for name in _used_modules(fn.__module__):
        parts.append(f"module {name}: {_sha(_source(name))}")
    return _sha("\n".join(parts))


@contextlib.contextmanager
def one_maker(path: Path):
    """Hold an exclusive lock on ``<path>.lock`` while this process makes the file ``path`` (a tidy table): another
    process that needs the same file (two pages of a parallel build, a test beside the build) waits, then reads
    the file written, instead of parsing the same workbook at the same time. The lock goes with the file handle,
    so a crash cannot leave it held. Where ``fcntl`` does not exist (Windows), each process parses."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(path.with_name(f"{path.name}.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def cached(*keys: str):
    """Decorator: cache a loader's DataFrame on disk (see the module docstring for the key).

    The loader is called as ``fn(*paths, **kwargs)`` with the fetched paths of the registry files
    ``keys``. The wrapper takes keyword arguments only; ``wrapper.tidy_path(**kwargs)`` is where the table
    of such a call is (or would be) stored.
    """

    def deco(fn):
        fingerprint: list[str] = []  # computed on first use, once the loader's module is fully imported

        def tidy_path(**kwargs) -> Path:
            if not fingerprint:
                fingerprint.append(code_fingerprint(fn))
            parts = [
                *(f"raw {k}: {registry.source(k).sha256}" for k in keys),
                f"code: {fingerprint[0]}",
                f"pandas {pd.__version__}, pyarrow {_version('pyarrow')}, python-calamine {_version('python-calamine')}",
                *(f"kwarg {k}={v!r}" for k, v in sorted(kwargs.items())),
            ]
            name = f"{fn.__module__.split('.')[-1]}.{fn.__name__}-{_sha(chr(10).join(parts))[:24]}"
            return tidy_dir() / f"{name}.parquet"

        @functools.wraps(fn)
        def wrapper(**kwargs):
            paths = [registry.fetch(k) for k in keys]  # hash-checked even when the table is cached
            if os.environ.get("NORTHAM_NO_TIDY_CACHE"):
                return fn(*paths, **kwargs)
            path = tidy_path(**kwargs)
            if path.exists():
                return pd.read_parquet(path)
            with one_maker(path):
                if path.exists():  # another process parsed it while this one waited
                    return pd.read_parquet(path)
                df = fn(*paths, **kwargs)
                tmp = path.with_name(f"{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
                try:
                    df.to_parquet(tmp, index=False)
                    os.replace(tmp, path)  # atomic: a reader never sees half a file
                finally:
                    tmp.unlink(missing_ok=True)
            return df

        wrapper.registry_keys = keys
        wrapper.tidy_path = tidy_path
        return wrapper

    return deco


# --------------------------------------------------------------------------------------------------
# Session memo


def fresh(value):
    """A copy of ``value`` that shares no mutable table with it: pandas objects (DataFrame, Series,
    GeoDataFrame, Index) and numpy arrays are copied, containers (dict, list, tuple, named tuple, set)
    are rebuilt with fresh items; anything else (numbers, strings, None...) is returned as is."""
    if isinstance(value, (pd.DataFrame, pd.Series, pd.Index, np.ndarray)):
        return value.copy()
    if isinstance(value, dict):
        out = copy.copy(value)  # keeps the dict's type (OrderedDict, defaultdict...)
        for k, v in value.items():
            out[k] = fresh(v)
        return out
    if isinstance(value, tuple):
        items = [fresh(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    if isinstance(value, list):
        return [fresh(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return type(value)(value)
    return value


def memo(fn=None, *, maxsize: int | None = 32):
    """Decorator: memoise ``fn`` for the session (like :func:`functools.lru_cache`) and give every caller
    its own copy of the result (:func:`fresh`), so mutating a returned table never changes the cached
    one. Use it on functions returning DataFrames, Series or containers of them; arguments must be
    hashable. ``wrapper.cache_clear()`` empties the memo. Usable as ``@memo`` or ``@memo(maxsize=4)``.
    """

    def deco(fn):
        inner = functools.lru_cache(maxsize=maxsize)(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return fresh(inner(*args, **kwargs))

        wrapper.cache_clear = inner.cache_clear
        wrapper.cache_info = inner.cache_info
        return wrapper

    return deco(fn) if fn is not None else deco
