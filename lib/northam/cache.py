"""Cache of tidy tables, keyed by the raw file's sha256 and the loader's version.

Parsing a large workbook is the slow step of a build. :func:`cached` stores the tidy result as Parquet
under ``<cache>/tidy/<loader>-<version>-<sha256[:16]>.parquet``; a changed file hash or loader version
gives a new key, so a stale table is never read.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pandas as pd

from . import registry


def tidy_dir() -> Path:
    return registry.cache_dir() / "tidy"


def cached(*keys: str, version: str = "1"):
    """Decorator: cache a loader's DataFrame on the hashes of registry files ``keys``.

    The loader is called as ``fn(*paths, **kwargs)`` with the fetched paths. Keyword arguments become
    part of the cache key. Set ``NORTHAM_NO_TIDY_CACHE=1`` to bypass the cache.
    """

    def deco(fn):
        @functools.wraps(fn)
        def wrapper(**kwargs):
            paths = [registry.fetch(k) for k in keys]
            if os.environ.get("NORTHAM_NO_TIDY_CACHE"):
                return fn(*paths, **kwargs)
            hashes = "-".join(registry.source(k).sha256[:16] for k in keys)
            kw = "-".join(f"{k}={v}" for k, v in sorted(kwargs.items()))
            name = f"{fn.__module__.split('.')[-1]}.{fn.__name__}-v{version}-{hashes}{'-' + kw if kw else ''}"
            path = tidy_dir() / f"{name}.parquet"
            if path.exists():
                return pd.read_parquet(path)
            df = fn(*paths, **kwargs)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            df.to_parquet(tmp, index=False)
            os.replace(tmp, path)  # atomic: a reader never sees half a file
            return df

        wrapper.registry_keys = keys
        return wrapper

    return deco
