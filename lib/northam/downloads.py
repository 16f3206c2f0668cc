"""A page's downloads: full-precision CSVs described by one Frictionless Data Package per page.

Every table a page publishes (the data behind each figure, the claims ledger) is written by
:func:`write_table` to ``_build/figures/<page>/<slug>.csv``, and the page's ``datapackage.json`` in the
same folder gains a resource for it: title, description, columns with their units, the human source
line, the registry files the page read (key, URL, sha256, licence) and the page's citation. The Sphinx
extension copies each folder to ``<site>/data/<page>/`` so the package and its CSVs download together.

CSV numbers keep every digit Python holds for them (shortest round-trip repr), never in scientific
notation unless a value is tiny or huge; float columns whose values are all whole numbers are written
as integers (10562188, not 1.05622e+07).
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING

from . import deps, registry

if TYPE_CHECKING:
    import pandas as pd
# numpy and pandas are imported where a table is written: the Sphinx build imports this module for the
# folder of the downloads and for atomic writes only, and importing pandas took a tenth of a build that
# executes nothing

_state: dict = {"page": None}


def output_dir(page: str | None = None) -> Path:
    """Folder of a page's downloads: ``<repo>/_build/figures/<page>`` (root: ``NORTHAM_FIGURE_DIR``)."""
    base = Path(os.environ.get("NORTHAM_FIGURE_DIR", registry.REPO_ROOT / "_build" / "figures")).resolve()
    return base / (page or _state["page"] or "scratch")


def start(page: str, title: str, citation: str) -> None:
    """Begin page ``page``: an empty data package (old files of the page are removed)."""
    _state.update(page=page, title=title, citation=citation)
    out = output_dir(page)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        if old.is_file():
            old.unlink()
    _write_package({"name": page, "title": title, "resources": []})


def atomic_write(path: Path, write) -> None:
    """Write through a temporary file and rename, so a reader never sees half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(tmp)
    os.replace(tmp, path)


def _format_number(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, float):
        if v.is_integer() and abs(v) < 1e16:
            return str(int(v))
        r = repr(v)
        if "e" in r and 1e-4 <= abs(v) < 1e16:  # repr uses exponents from 1e16 and below 1e-4 only
            import numpy as np

            r = np.format_float_positional(v, unique=True, trim="-")
        return r
    return str(v)


def full_precision(df: pd.DataFrame) -> pd.DataFrame:
    """The table with float columns as text of every significant digit (whole numbers as integers)."""
    import pandas as pd

    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = [_format_number(float(v)) for v in out[col]]
    return out


def require_finite(df: pd.DataFrame, columns, *, figure: str) -> None:
    """Refuse NaN or infinite values in ``columns`` (drawn as lines or bands) of figure ``figure``."""
    import numpy as np
    import pandas as pd

    for col in columns:
        if col not in df.columns:
            raise KeyError(f"figure {figure!r}: column {col!r} is not in its data ({list(df.columns)})")
        values = pd.to_numeric(df[col], errors="coerce").to_numpy(dtype=float)
        bad = ~np.isfinite(values)
        if bad.any():
            where = df.index[bad][:5].tolist()
            raise ValueError(f"figure {figure!r}: column {col!r} has {int(bad.sum())} non-finite value(s) "
                             f"(rows {where}); a line or band must not have holes")


_TYPES = {"i": "integer", "u": "integer", "f": "number", "b": "boolean", "M": "datetime"}


def _field(name, series: pd.Series, units: dict, default_unit: str | None) -> dict:
    kind = series.dtype.kind
    ftype = _TYPES.get(kind, "string")
    if ftype == "number" and series.dropna().map(float.is_integer).all():
        ftype = "integer"
    field = {"name": str(name), "type": ftype}
    if ftype == "datetime":  # pandas writes dates without a time as YYYY-MM-DD
        values = series.dropna()
        if (values == values.dt.normalize()).all():
            field["type"] = "date"
        else:
            field["format"] = "any"
    unit = units.get(str(name), default_unit if ftype in ("number", "integer") else None)
    if unit:
        field["description"] = f"Unit: {unit}"
        field["unit"] = unit
    return field


def _package_path() -> Path:
    return output_dir() / "datapackage.json"


def _write_package(pkg: dict, derived_from: dict | None = None) -> None:
    if derived_from is not None:  # a whole-book table: its sources are the chapters' own data packages
        pkg["sources"] = [{"title": f"Data package of the chapter {title}", "path": f"../{page}/datapackage.json"}
                          for page, title in derived_from.items()]
    else:
        pkg["sources"] = [
            {"title": registry.source(k).title or k, "path": registry.source(k).url, "registry_key": k,
             "sha256": registry.source(k).sha256, "license": registry.source(k).license}
            for k in sorted(deps.used_data())
        ]
    pkg["licenses"] = [{"name": "MIT", "title": "Code and text of the book: MIT; data: each source's licence"}]
    pkg["citation"] = _state.get("citation", "")
    atomic_write(_package_path(), lambda p: p.write_text(json.dumps(pkg, indent=1, ensure_ascii=False),
                                                         encoding="utf-8"))


def write_table(slug: str, data: pd.DataFrame, *, title: str, source: str, description: str = "",
                units: dict | None = None, default_unit: str | None = None,
                derived_from: dict | None = None) -> Path:
    """Write ``data`` as ``<slug>.csv`` (full precision) and describe it in the page's data package.

    ``derived_from`` (page id -> title) is for whole-book tables built from the chapters' results (the
    claims ledger): the package then names those chapters' data packages as its sources, instead of the
    registry files the running page happened to fetch."""
    import pandas as pd

    if data is None or len(data) == 0:
        raise ValueError(f"table {slug!r}: the data is empty")
    out = output_dir()
    out.mkdir(parents=True, exist_ok=True)
    # a default row number (an unnamed RangeIndex) is not data; any other index is (a year, a named range)
    plain = isinstance(data.index, pd.RangeIndex) and all(n is None for n in data.index.names)
    table = data if plain else data.reset_index()
    table.columns = [" ".join(str(c) for c in col if str(c)) if isinstance(col, tuple) else str(col)
                     for col in table.columns]
    csv = out / f"{slug}.csv"
    atomic_write(csv, lambda p: full_precision(table).to_csv(p, index=False))
    units = units or {}
    resource = {
        "name": slug, "path": csv.name, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "title": title, "description": " ".join(f"{description} Source: {source}.".split()),
        "schema": {"fields": [_field(c, table[c], units, default_unit) for c in table.columns]},
    }
    path = _package_path()
    pkg = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {
        "name": _state["page"] or "scratch", "title": _state.get("title", ""), "resources": []}
    pkg["resources"] = [r for r in pkg["resources"] if r["name"] != slug] + [resource]
    _write_package(pkg, derived_from)
    return csv


def site_link(path: Path) -> str:
    """URL of a download relative to a page of the built site (``../data/<page>/<file>``)."""
    return f"../data/{path.parent.name}/{path.name}"
