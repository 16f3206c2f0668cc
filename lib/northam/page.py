"""What every page does first and last: begin, glue, "no open data" notes, cite this, provenance.

A page starts with ``page.begin("<page id>")`` (the id is its file stem, as listed in ``_toc.yml``) and
ends with ``page.cite_this()``. Nothing the build computes is written into the page's file: what a page
used (data files, library modules, project files) is recorded while it runs by :mod:`northam.deps`, and
the build re-executes it when any of that changes.
"""

from __future__ import annotations

import os

from . import __version__, chapters, deps, downloads, registry


def begin(page_id: str) -> None:
    """Start page ``page_id``: open its record of inputs and its data package."""
    page = chapters.page(page_id)
    deps.start(page.docname, page.root, persist=bool(os.environ.get(deps.RECORD_ENV)))
    downloads.start(page_id, page.title, citation_text(page.title))


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


def _cff() -> dict:
    path = registry.REPO_ROOT / "CITATION.cff"
    deps.record_file(path)
    return registry.read_yaml(path.read_text(encoding="utf-8"))


def _authors_year(cff: dict) -> tuple[str, str]:
    authors = "; ".join(
        a.get("name") or " ".join(x for x in (a.get("given-names"), a.get("family-names")) if x)
        for a in cff.get("authors", [])
    )
    return authors, str(cff.get("date-released", ""))[:4]


def book_citation() -> str:
    """The book's own reference (authors, year, title, version, URL), from CITATION.cff."""
    cff = _cff()
    authors, year = _authors_year(cff)
    return (f"{authors} ({year}). *{cff['title']}*, version {cff.get('version', '')}."
            + (f" {cff['url']}" if cff.get("url") else ""))


def citation_text(chapter_title: str) -> str:
    """A "cite this chapter" reference built from CITATION.cff (title, authors, version, date)."""
    cff = _cff()
    authors, year = _authors_year(cff)
    return (f"{authors} ({year}). “{chapter_title}”. In *{cff['title']}*, version {cff.get('version', '')}."
            + (f" {cff['url']}" if cff.get("url") else ""))


def cite_this(chapter_title: str | None = None) -> None:
    """End a page: the "Cite this" block (from CITATION.cff), its data package and a collapsed provenance
    box (package version and the sha256 of every registered file the page read).

    In the book build a page also publishes the list of files it read (``_build/data/<page>.json``). A page
    that shows what other pages published (the claims ledger reads the chapters' claims, not the data) lists
    the files those pages read instead."""
    from IPython.display import Markdown, display

    title = chapter_title or downloads._state.get("title") or ""
    package = downloads.output_dir() / "datapackage.json"
    keys = deps.used_data()
    deps.write_output("data", keys)
    sources = deps.outputs_read("claims")
    if sources:  # built from other pages' published claims: the files behind them
        keys = sorted(set(keys).union(*((deps.read_output("data", page) or []) for page in sources)))
    rows = "\n".join(f"| `{k}` | `{registry.source(k).sha256[:16]}…` |" for k in keys)
    read = ("Registered files read by the chapters whose claims this page shows" if sources
            else "Registered files this page read")
    prov = (f"Built with northam {__version__}. {read}, with their sha256:\n\n"
            f"| file | sha256 |\n|---|---|\n{rows}\n" if keys else f"Built with northam {__version__}.\n")
    display(Markdown(
        f":::{{admonition}} Cite this page\n:class: tip\n{citation_text(title)}\n\n"
        f"Please cite the original data publishers too: see the references on this page. All the data "
        f"behind this page's figures: <a href=\"{downloads.site_link(package)}\">data package "
        f"(datapackage.json and CSVs)</a>.\n:::\n\n"
        f":::{{dropdown}} Provenance of this page\n{prov}\n:::\n"))


