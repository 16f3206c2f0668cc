"""What each page used when it last ran, and whether any of it has changed since.

Jupyter Book's execution cache keys a page only on the source of its code cells. This module adds
what the code *used*, found while it runs (as Our World in Data's ETL derives a step's rebuild from its
inputs):

- ``data``: every registry file it fetched (registry key -> registered sha256; recorded by
  :func:`northam.registry.fetch`);
- ``module``: every ``northam`` module it imported (module name -> sha256 of the module's source);
- ``file``: the lock file, and every project file a helper read (``_toc.yml``, ``CITATION.cff``,
  the chart style) -> sha256 of its bytes;
- ``title``: the title of every page whose title it read (page -> title);
- ``registry``: the whole registry, for a page that lists every source (``listing`` -> sha256 of all its files).

:func:`start` (called by :func:`northam.page.begin`) opens a record for the running page; after each
cell the record is written to ``_build/deps/<page>.json``. At build time :func:`stale` compares a page's
record with the current state; the Sphinx extension drops the cached outputs of stale pages before
MyST-NB looks them up, so a page re-executes exactly when something it used changed. Nothing is written
to a tracked file.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path

LOCK_FILE = "requirements.lock"
_state: dict = {"page": None, "root": None, "inputs": {}, "persist": False}
RECORD_ENV = "NORTHAM_RECORD_DEPS"  # set by the book build; kernels it starts inherit it
#: Set (to 1) to run a page again against what the last book build published, writing nothing: a whole-book
#: page then reads the chapters' published outputs, as in the build (the test that re-runs every page does).
READ_PUBLISHED_ENV = "NORTHAM_READ_PUBLISHED"


def record_dir(root: Path) -> Path:
    """Folder of the per-page records: ``<root>/_build/deps``."""
    return Path(root) / "_build" / "deps"


def record_path(root: Path, docname: str) -> Path:
    return record_dir(root) / (docname.replace("/", "__") + ".json")


def sha256_file(path: Path) -> str | None:
    """sha256 of a file's bytes, or None when it does not exist."""
    path = Path(path)
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _module_hash(name: str) -> str | None:
    """sha256 of a module's source file (None when the module no longer exists)."""
    if name == "northam" or name.startswith("northam."):
        # found by path: ``find_spec`` would import the module's packages first (``northam.sources`` brings
        # pandas and pandera), a sixth of a build that executes nothing
        base = Path(__file__).resolve().parent.joinpath(*name.split(".")[1:])
        found = [p for p in (base.with_suffix(".py"), base / "__init__.py") if p.is_file()]
        return sha256_file(found[0]) if found else None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    origin = getattr(spec, "origin", None) if spec else None
    return sha256_file(Path(origin)) if origin and origin.endswith(".py") else None


# --- recording, inside a running page -------------------------------------------------------------

def start(docname: str, root: Path, *, persist: bool) -> None:
    """Open the record of page ``docname`` (book-relative, no suffix) of the book at ``root``.

    Inputs are always noted in memory (:func:`used_data` lists the page's files); with ``persist`` (set
    by the book build) the record is also written after every cell. A page run by hand in JupyterLab
    does not persist: its record must describe the outputs in the execution cache, nothing else.
    """
    _state.update(page=docname, root=Path(root), inputs={}, persist=persist)
    record_file(Path(root) / LOCK_FILE)
    if not persist:
        return
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: flush at the end of every record() call instead
        return
    ip = get_ipython()
    if ip is not None:
        if flush in ip.events.callbacks["post_run_cell"]:
            ip.events.unregister("post_run_cell", flush)
        ip.events.register("post_run_cell", flush)


def active() -> bool:
    return _state["page"] is not None


def persisting() -> bool:
    """True while a page runs inside the book build (its record and outputs are kept)."""
    return active() and bool(_state.get("persist"))


def output_path(kind: str, docname: str | None = None) -> Path:
    """Where the book build keeps a page's published output of ``kind`` (``_build/<kind>/<page id>.json``).

    Whole-book pages (the claims ledger) read chapters' outputs from here instead of importing the
    chapters' code, so they depend on what a chapter published, not on how it was computed.
    """
    docname = docname or _state["page"]
    return Path(_state["root"]) / "_build" / kind / f"{Path(docname).name}.json"


def write_output(kind: str, payload) -> Path | None:
    """Publish the running page's output of ``kind`` as canonical JSON (only inside the book build)."""
    if not persisting():
        return None
    path = output_path(kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(payload, indent=1, ensure_ascii=False)  # key order kept: it can carry meaning
    if sha256_file(path) != hashlib.sha256(text.encode()).hexdigest():
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    return path


def read_output(kind: str, docname: str):
    """Inside the book build: another page's published output of ``kind`` (recorded as an input of the
    running page), or None when that page has not published one. Outside the build: None, unless
    ``NORTHAM_READ_PUBLISHED`` is set (:data:`READ_PUBLISHED_ENV`), when the last build's output is read."""
    if not (persisting() or (active() and os.environ.get(READ_PUBLISHED_ENV))):
        return None
    path = output_path(kind, docname)
    if not path.is_file():
        return None
    record_file(path)
    return json.loads(path.read_text(encoding="utf-8"))


def record(kind: str, name: str, value: str | None) -> None:
    """Note that the running page used input ``name`` of ``kind`` with ``value`` (no-op outside a page)."""
    if active():
        _state["inputs"][f"{kind}:{name}"] = value


def record_file(path: Path) -> None:
    """Note that the running page read a project file (stored relative to the book root)."""
    if not active():
        return
    path = Path(path).resolve()
    try:
        name = path.relative_to(_state["root"].resolve()).as_posix()
    except ValueError:
        name = path.as_posix()
    record("file", name, sha256_file(path))


def _modules() -> dict[str, str | None]:
    return {
        f"module:{name}": _module_hash(name)
        for name, mod in sorted(sys.modules.items())
        if (name == "northam" or name.startswith("northam.")) and getattr(mod, "__file__", None)
    }


def used_data() -> list[str]:
    """Registry keys the running page has fetched so far."""
    return sorted(k.split(":", 1)[1] for k in _state["inputs"] if k.startswith("data:"))


def outputs_read(kind: str) -> list[str]:
    """Ids of the pages whose published output of ``kind`` the running page has read (:func:`read_output`)."""
    prefix = f"file:_build/{kind}/"
    return sorted(Path(k[len(prefix):]).stem for k in _state["inputs"] if k.startswith(prefix))


def flush(*_args) -> Path | None:
    """Write the running page's record (its inputs so far, plus the modules imported so far)."""
    if not active() or not _state.get("persist"):
        return None
    inputs = {**_state["inputs"], **_modules()}
    path = record_path(_state["root"], _state["page"])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"page": _state["page"], "inputs": dict(sorted(inputs.items()))}, indent=1))
    os.replace(tmp, path)
    return path


# --- checking, at build time ----------------------------------------------------------------------

def current(key: str, root: Path) -> str | None:
    """The value input ``key`` (``kind:name``) has now, for the book at ``root``."""
    kind, name = key.split(":", 1)
    if kind == "data":
        from . import registry

        try:
            return registry.source(name).sha256
        except KeyError:
            return None
    if kind == "module":
        return _module_hash(name)
    if kind == "file":
        path = Path(name)
        return sha256_file(path if path.is_absolute() else Path(root) / path)
    if kind == "registry":
        from . import registry

        return registry.listing_sha256()
    if kind == "title":
        from . import chapters

        page = chapters.by_docname(name, Path(root))
        return page.title if page and page.path.is_file() else None
    raise ValueError(f"unknown input kind {kind!r} in a page record")


def read_record(root: Path, docname: str) -> dict | None:
    path = record_path(root, docname)
    if not path.is_file():
        return None
    return json.loads(path.read_text())


def stale(root: Path, docname: str) -> list[str]:
    """Why page ``docname`` must re-execute: the inputs that changed (``["no record"]`` if never run).

    An empty list means every input it used has the value it had when it last ran.
    """
    rec = read_record(root, docname)
    if rec is None:
        return ["no record"]
    return [key for key, value in rec["inputs"].items() if current(key, root) != value]


def data_keys(root: Path, docname: str) -> list[str]:
    """Registry keys page ``docname`` fetched when it last ran (empty when it never ran)."""
    rec = read_record(root, docname) or {"inputs": {}}
    return sorted(k.split(":", 1)[1] for k in rec["inputs"] if k.startswith("data:"))


def notebook_pages(root: Path):
    """The pages of the book at ``root`` that execute (MyST notebooks listed in ``_toc.yml``)."""
    from . import chapters

    return [p for p in chapters.pages(Path(root)) if p.path.is_file() and "kernelspec:" in p.path.read_text()]


def stale_pages(root: Path) -> dict[str, list[str]]:
    """Every executing page whose recorded inputs changed, with the inputs that changed (see :func:`stale`).

    This is the build's own decision (``northam.sphinxext`` calls it), available without building:
    ``python -m northam stale``. A page whose own text changed re-executes too (jupyter-cache sees it).
    """
    out = {}
    for page in notebook_pages(root):
        why = stale(root, page.docname)
        if why:
            out[page.docname] = why
    return out

