"""The tidy Parquet cache cannot go stale, and memoised tables cannot be changed by a caller.

Tidy cache (:func:`northam.cache.cached`): a loader is written to a module file in a temporary folder,
imported, called, edited on disk and reloaded, the way a developer edits a loader between two builds. The
table must be rebuilt when the code changed (the loader's body, or a helper of its module) and read back
from Parquet, without calling the loader, when nothing changed.

Session memo (:func:`northam.cache.memo`): every function of the package that memoises a table hands each
caller its own copy.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import os
import pkgutil
import sys
import time

import numpy as np
import pandas as pd
import pytest

import northam.analysis
import northam.sources
from northam import cache, registry

KEY = "conagua_regiones_hidrologicas_escurrimiento_2006_2019.csv"  # any small registered file

LOADER_MODULE = '''
"""A loader written by test_cache.py."""
import pandas as pd

from northam.cache import cached

KEY = {key!r}
CALLS = []  # replaced by the test after each (re)load


def helper():
    return {helper_value!r}


@cached(KEY)
def load(path, scale=1):
    CALLS.append(path.name)
    return pd.DataFrame({{"x": [{body_value!r} * scale], "h": [helper()]}})
'''


@pytest.fixture
def loader_module(tmp_path, monkeypatch):
    """(write, load): write the loader module with given values, (re)import it; calls are counted."""
    monkeypatch.setenv("NORTHAM_DATA_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("NORTHAM_NO_TIDY_CACHE", raising=False)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # no .pyc that could hide an edit
    monkeypatch.syspath_prepend(str(tmp_path))
    name = f"northam_cache_probe_{os.getpid()}_{time.monotonic_ns()}"
    path = tmp_path / f"{name}.py"
    calls: list[str] = []

    def write(body_value=1, helper_value="a"):
        old = path.stat().st_mtime if path.exists() else time.time()
        path.write_text(LOADER_MODULE.format(key=KEY, body_value=body_value, helper_value=helper_value))
        os.utime(path, (old + 2, old + 2))  # a later mtime even on a coarse-grained file system
        importlib.invalidate_caches()
        mod = importlib.reload(sys.modules[name]) if name in sys.modules else importlib.import_module(name)
        mod.CALLS = calls
        return mod

    yield write, calls
    sys.modules.pop(name, None)


def test_table_is_reused_when_nothing_changed_and_rebuilt_when_the_loader_changes(loader_module):
    write, calls = loader_module
    mod = write(body_value=1)
    first = mod.load()
    assert len(calls) == 1 and first["x"].tolist() == [1]
    assert mod.load.tidy_path().exists()

    # same code: read back from Parquet, the loader is not called
    assert mod.load()["x"].tolist() == [1] and len(calls) == 1
    # same code after a reload (a new session): still reused
    mod = write(body_value=1)
    assert mod.load()["x"].tolist() == [1] and len(calls) == 1

    # the loader's body changed: rebuilt, with the new result
    mod = write(body_value=2)
    assert mod.load()["x"].tolist() == [2] and len(calls) == 2
    assert mod.load()["x"].tolist() == [2] and len(calls) == 2  # and that table is reused in turn

    # only a helper of the loader's module changed: rebuilt too
    mod = write(body_value=2, helper_value="b")
    assert mod.load()["h"].tolist() == ["b"] and len(calls) == 3

    # back to the first code: its table is still there
    mod = write(body_value=1)
    assert mod.load()["x"].tolist() == [1] and len(calls) == 3


def test_keyword_arguments_are_part_of_the_key(loader_module):
    write, calls = loader_module
    mod = write()
    assert mod.load(scale=3)["x"].tolist() == [3] and mod.load()["x"].tolist() == [1]
    assert len(calls) == 2 and mod.load.tidy_path(scale=3) != mod.load.tidy_path()


def test_key_changes_with_raw_file_hash_and_library_versions(loader_module):
    write, _ = loader_module
    mod = write()
    base = mod.load.tidy_path()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pd, "__version__", "0.0.0-other")
        assert mod.load.tidy_path() != base
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cache, "_version", lambda dist: "0.0.0-other")  # pyarrow's version
        assert mod.load.tidy_path() != base
    src = registry.source(KEY)
    with pytest.MonkeyPatch.context() as mp:
        other = registry.Source(**{**src.__dict__, "sha256": "0" * 64})
        mp.setattr(registry, "source", lambda key: other if key == KEY else src)
        assert mod.load.tidy_path() != base
    assert mod.load.tidy_path() == base


def test_write_is_atomic_and_leaves_no_temporary_file(loader_module):
    write, _ = loader_module
    mod = write()
    mod.load()
    name = mod.load.tidy_path().name
    files = sorted(p.name for p in mod.load.tidy_path().parent.iterdir())
    assert files == [name, f"{name}.lock"]  # the table and its (empty) lock file; no temporary file


SLOW_LOADER = '''
import time
from pathlib import Path

import pandas as pd

from northam.cache import cached


@cached({key!r})
def load(path):
    with open({calls!r}, "a") as f:
        f.write("parsed\\n")
    time.sleep(3)  # a slow workbook: the other process asks for the table meanwhile
    return pd.DataFrame({{"x": [1.5]}})
'''


def test_two_processes_asking_for_one_table_parse_it_once(tmp_path):
    """Two pages of a parallel build (or a test beside the build) ask for the same table at the same time:
    one parses the file, the other waits for it and reads the table it wrote."""
    import subprocess

    calls = tmp_path / "calls.txt"
    (tmp_path / "slow_loader_probe.py").write_text(SLOW_LOADER.format(key=KEY, calls=str(calls)))
    env = {**os.environ, "NORTHAM_DATA_CACHE": str(tmp_path / "cache"),
           "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    env.pop("NORTHAM_NO_TIDY_CACHE", None)
    code = "import slow_loader_probe as m; print(m.load()['x'].tolist())"
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert [p.returncode for p in procs] == [0, 0] and outs == ["[1.5]", "[1.5]"]
    assert calls.read_text().splitlines() == ["parsed"]


def test_a_tables_key_does_not_depend_on_what_else_the_process_imported():
    """A page, a test and another page import different modules before they ask for the same table; all must
    find the same file. (Keys read from live module objects differed: a package gains an attribute for every
    submodule imported anywhere, so each process parsed the workbook again under a key of its own.)"""
    import subprocess

    import northam.analysis.labor
    import northam.analysis.trade
    import northam.sources.fao  # noqa: F401 (imported for the state it leaves, as a page or test would)
    from northam.sources import census

    ask = "from northam.sources import census; print(census._enduse.tidy_path().name)"
    alone = subprocess.run([sys.executable, "-c", ask], capture_output=True, text=True, check=True).stdout.strip()
    assert alone and alone == census._enduse.tidy_path().name


def test_a_loaders_key_covers_the_modules_its_source_imports():
    """The modules a table depends on are read from the import statements, including a function's own
    imports and relative ones: the Census loader depends on the package's ``read_workbook`` and on schemas."""
    used = cache._used_modules("northam.sources.census")
    assert {"northam.sources", "northam.sources.census", "northam.schemas", "northam.registry"} <= set(used)
    assert not any(m.startswith("northam.analysis") or m.startswith("northam.figures") for m in used), used


def test_no_call_site_passes_a_version():
    """The hand-bumped ``version=`` argument is gone: the code itself is part of the key."""
    assert "version" not in inspect.signature(cache.cached).parameters
    for path in sorted((registry.REPO_ROOT / "lib" / "northam" / "sources").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "@cached(" not in text or "version=" not in text, path.name


# --------------------------------------------------------------------------------------------------
# Session memo


def test_memo_hands_every_caller_its_own_copy():
    calls = []

    @cache.memo
    def table(n=3):
        calls.append(n)
        df = pd.DataFrame({"a": range(n), "b": list("xyz")[:n]})
        return df

    @cache.memo(maxsize=2)
    def several():
        calls.append("several")
        df = table()
        return {"df": df, "pair": (df, df["a"]), "arr": np.arange(3), "n": 1}

    expected = table()
    got = table()
    got.loc[0, "a"] = -99          # change a value in place
    got["new"] = 1                 # add a column
    got.drop(index=1, inplace=True)
    got.columns = ["A", "B", "C"]  # rename
    assert table().equals(expected)

    d = several()
    d["df"].loc[0, "a"] = -1
    d["pair"][1].iloc[1] = -1
    d["arr"][0] = -1
    d["extra"] = True
    again = several()
    assert again["df"].equals(expected) and again["pair"][1].equals(expected["a"])
    assert again["arr"].tolist() == [0, 1, 2] and "extra" not in again
    assert calls == [3, "several"], "still computed once"
    table.cache_clear()
    table()
    assert calls == [3, "several", 3]


def _modules():
    yield importlib.import_module("northam.maps")
    for pkg in (northam.sources, northam.analysis):
        for info in pkgutil.iter_modules(pkg.__path__):
            yield importlib.import_module(f"{pkg.__name__}.{info.name}")


#: Return annotations of values that are safe to share between callers.
IMMUTABLE = {"str", "int", "float", "bool", "None", "str | None", "int | None", "float | None"}


def test_no_lru_cache_hands_out_a_shared_table():
    """A bare functools cache on a function returning a table (or a dict, list...) would let one caller
    change what the next one gets; such functions must use northam.cache.memo."""
    shared = []
    for mod in _modules():
        for name, obj in vars(mod).items():
            if isinstance(obj, functools._lru_cache_wrapper):
                ret = inspect.signature(obj).return_annotation
                ret = ret if isinstance(ret, str) else getattr(ret, "__name__", str(ret))
                if ret not in IMMUTABLE:
                    shared.append(f"{mod.__name__}.{name} -> {ret or '?'}")
    assert not shared, f"use northam.cache.memo instead of functools.lru_cache/cache: {shared}"


def _memoised():
    """(name, function) of every function of the package memoised with :func:`northam.cache.memo`."""
    for mod in _modules():
        for name, obj in sorted(vars(mod).items()):
            if callable(obj) and hasattr(obj, "cache_info") and not isinstance(obj, functools._lru_cache_wrapper):
                yield f"{mod.__name__}.{name}", obj


MEMOISED = [
    # a few representative tables from each module that memoises (cheap ones)
    "northam.analysis.world._hdi", "northam.analysis.world._wdi", "northam.analysis.trade._full",
    "northam.analysis.maps._catalogue", "northam.analysis.water.runoff_by_region",
    "northam.analysis.labor._segob", "northam.sources.census._annual_all",
]


@pytest.mark.parametrize("qualname", MEMOISED)
def test_mutating_a_memoised_table_does_not_change_the_next_callers(qualname):
    modname, _, name = qualname.rpartition(".")
    fn = getattr(importlib.import_module(modname), name)
    assert hasattr(fn, "cache_clear") and not isinstance(fn, functools._lru_cache_wrapper)
    args = {"northam.analysis.world._wdi": ("worldbank_population.csv",),
            "northam.sources.census._annual_all": ("2026-01",)}.get(qualname, ())
    first = fn(*args)
    assert isinstance(first, pd.DataFrame)
    snapshot = first.copy()
    numeric = list(first.select_dtypes("number").columns)
    col = first.columns.get_loc(numeric[0]) if numeric else 0
    first.iloc[0, col] = -12345 if numeric else "changed"  # change a value in place
    first["__added__"] = 1
    first.drop(first.index[-1], inplace=True)
    second = fn(*args)
    pd.testing.assert_frame_equal(second, snapshot)
    assert second is not first


def test_memoised_functions_are_found():
    """The memo decorator is really used in the modules listed in the brief."""
    names = {q for q, _ in _memoised()}
    for q in ["northam.analysis.world._hdi", "northam.analysis.maps._catalogue",
              "northam.analysis.labor.decompose_encounters", "northam.analysis.water.border_drought"]:
        assert q in names, q
