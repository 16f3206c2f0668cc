"""What every chapter notebook does first and last: the stamp, glue and "missing data" lines.

The execution cache of Jupyter Book keys only on the *source* of code cells. So the first code cell of
every notebook carries a **stamp**: the package version, a fingerprint of the ``northam`` source files
and a fingerprint of the sha256 of every registry file the notebook reads::

    page.begin("trade", sources=[...], stamp="northam 0.1.0 | lib 1a2b3c4d5e6f | data 9f8e7d6c5b4a")

``python -m northam stamp`` rewrites the stamp; ``python -m northam build`` stamps before building, so
a change to ``lib/`` or to a data file's hash changes the cell and re-executes exactly the notebooks
that depend on it. ``tests/test_stamps.py`` fails when a committed stamp is stale.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import __version__, registry

LIB_DIR = Path(__file__).resolve().parent
STAMP_RE = re.compile(r'stamp\s*=\s*"([^"]*)"')
SOURCES_RE = re.compile(r"sources\s*=\s*\[([^\]]*)\]", re.S)


def lib_fingerprint() -> str:
    """12-hex fingerprint of every source file of the ``northam`` package (code and style)."""
    h = hashlib.sha256()
    for path in sorted(LIB_DIR.rglob("*")):
        if path.suffix in {".py", ".mplstyle", ".yml"} and "__pycache__" not in path.parts:
            h.update(path.relative_to(LIB_DIR).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


def data_fingerprint(keys) -> str:
    """12-hex fingerprint of the registered sha256 of ``keys`` (order-independent)."""
    h = hashlib.sha256()
    for key in sorted(set(keys)):
        h.update(f"{key}={registry.source(key).sha256}\n".encode())
    return h.hexdigest()[:12]


def book_fingerprint() -> str:
    """Fingerprint of every registered hash, the table of contents and every chapter's declared sources.

    Used by whole-book pages (``sources=["*"]``: data & methods, claims ledger) so they re-execute when
    any chapter, source or the table of contents changes.
    """
    from .cli import all_notebooks

    h = hashlib.sha256(data_fingerprint(registry.sources()).encode())
    h.update((registry.REPO_ROOT / "_toc.yml").read_bytes())
    for nb in all_notebooks():
        h.update(f"{nb.name}:{sorted(chapter_sources(nb))}".encode())
    return h.hexdigest()[:12]


def stamp_for(keys) -> str:
    """The stamp a notebook reading registry files ``keys`` must carry (``["*"]``: the whole book)."""
    keys = list(keys)
    data = book_fingerprint() if keys == ["*"] else data_fingerprint(keys)
    return f"northam {__version__} | lib {lib_fingerprint()} | data {data}"


def begin(chapter: str, *, sources: list[str], stamp: str) -> None:
    """Start a chapter: house chart style, fetch and hash-check its files, print what it is built from.

    Every file in ``sources`` is fetched (mirror or cache) and verified now, so a bad file stops the
    notebook at its first cell with the registry's message.
    """
    from . import charts

    charts.use_style()
    whole_book = list(sources) == ["*"]
    for key in [] if whole_book else sources:
        registry.fetch(key)
    current = stamp_for(sources)
    print(f"Page {chapter!r} built with {current}")
    if stamp != current:
        print("  (stamp in this cell is out of date: run `python -m northam stamp` before building)")
    for key in [] if whole_book else sources:
        src = registry.source(key)
        print(f"  {key}  sha256 {src.sha256}")


def _plain(value):
    """numpy scalars -> Python numbers, so glued values format cleanly (``{glue:text}`x:,.1f```)."""
    if hasattr(value, "item") and getattr(value, "ndim", 1) == 0:
        return value.item()
    return value


def glue(name: str, value) -> None:
    """Glue one number or string for the prose (not displayed where computed)."""
    from myst_nb import glue as _glue

    _glue(name, _plain(value), display=False)


def glue_all(values: dict) -> None:
    """Glue every item of a dict of key numbers."""
    for key, value in values.items():
        glue(key, value)


def missing(what: str, needed: str) -> None:
    """A visible line saying a chart of the reports cannot be rebuilt from the open data found."""
    from IPython.display import Markdown, display

    display(Markdown(f":::{{note}} No open data found\n**{what}** cannot be rebuilt here: {needed}\n:::\n"))


def restamp_notebook(path: Path) -> bool:
    """Rewrite the stamp of one notebook in place; return True if it changed."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    changed = False
    for cell in nb.cells:
        if cell.cell_type != "code" or "page.begin(" not in cell.source:
            continue
        m = SOURCES_RE.search(cell.source)
        if not m:
            raise ValueError(f"{path}: page.begin(...) needs a literal sources=[...] list")
        keys = re.findall(r"[\"']([^\"']+)[\"']", m.group(1))
        new = stamp_for(keys)
        src = STAMP_RE.sub(f'stamp="{new}"', cell.source)
        if src != cell.source:
            cell.source = src
            changed = True
        break
    if changed:
        nbformat.write(nb, path)
    return changed


def notebook_stamp_status(path: Path) -> tuple[str | None, str | None]:
    """(stamp in the notebook, stamp it should have) for a notebook's ``page.begin`` cell."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "page.begin(" in cell.source:
            keys = re.findall(r"[\"']([^\"']+)[\"']", SOURCES_RE.search(cell.source).group(1))
            m = STAMP_RE.search(cell.source)
            return (m.group(1) if m else None), stamp_for(keys)
    return None, None


def citation_text(chapter_title: str) -> str:
    """A "cite this chapter" reference built from CITATION.cff (title, authors, version, date)."""
    import yaml

    cff = yaml.safe_load((registry.REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    authors = "; ".join(
        a.get("name") or " ".join(x for x in (a.get("given-names"), a.get("family-names")) if x)
        for a in cff.get("authors", [])
    )
    year = str(cff.get("date-released", ""))[:4]
    return (f"{authors} ({year}). “{chapter_title}”. In *{cff['title']}*, version {cff.get('version', '')}."
            + (f" {cff['url']}" if cff.get("url") else ""))


def cite_this(chapter_title: str) -> None:
    """Show the "Cite this chapter" block at the end of a chapter (generated from CITATION.cff)."""
    from IPython.display import Markdown, display

    display(Markdown(f":::{{admonition}} Cite this chapter\n:class: tip\n{citation_text(chapter_title)}\n\n"
                     f"Please cite the original data publishers too: see the references on this page.\n:::\n"))


def chapter_sources(path) -> list[str]:
    """Registry keys a notebook declares in its ``page.begin(..., sources=[...])`` cell."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "page.begin(" in cell.source:
            m = SOURCES_RE.search(cell.source)
            return re.findall(r"[\"']([^\"']+)[\"']", m.group(1)) if m else []
    return []
