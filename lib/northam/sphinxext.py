"""Sphinx extension of the book: re-execute what changed, check the data, publish the downloads.

1. **Re-execute exactly what changed.** Kernels started by the build inherit ``NORTHAM_RECORD_DEPS``,
   so every page records what it used (:mod:`northam.deps`). On ``env-get-outdated`` each notebook
   page's record is compared with the current state (registered hashes, library modules, lock file,
   project files, other pages' titles); a stale page is handed back to Sphinx to re-read and its cached
   outputs are dropped from the execution cache, so MyST-NB executes it again.
2. **Check the data even from the cache.** Every registry file that any page used is fetched and
   hash-checked when the build starts, so a changed byte in a mirrored file stops the build with the
   registry's message even when every page would come from the cache.
3. **Downloads.** Each page's data package (``_build/figures/<page>/``) is copied to
   ``<html>/data/<page>/`` at the end of the build.
4. **Parallel execution.** The pages that must execute are run in a pool of processes (one per core)
   before Sphinx reads them, and their results go into the execution cache; MyST-NB then reads every
   page from the cache. A page that fails there is left out of the cache, so MyST-NB runs it again and
   stops the build with its traceback and the page's name. ``NORTHAM_SERIAL=1`` runs one page at a time.
   Each page read is written to ``<build>/jupyter_execute`` as it ran, outputs included (MyST-NB, in cache
   mode, writes it without them).
   Chapters run first, whole-book pages second: the claims ledger reads the claims each chapter published
   (``_build/claims/``), so it re-executes only when a chapter's claims changed.
5. **Citations follow the bibliography.** When it changed, the pages that cite a source are written again
   (their labels and tooltips are set when a page is written).
6. Duplicate inline scripts are removed from the HTML pages (sphinx-thebe registers its configuration
   script once per read phase).
7. **Phone renditions.** In the HTML pages (not the single page printed as the PDF) every published
   figure's ``<img>`` is wrapped in a ``<picture>`` whose ``<source media>`` serves the phone rendition
   (``<slug>.phone.png``, copied with the downloads) up to :data:`northam.charts.PHONE_MAX_VIEWPORT` px (from the figure's record), so a
   browser downloads one rendition only; the image carries each rendition's smallest text in image pixels
   (``data-smallest-text-px``, ``data-phone-smallest-text-px``, from the figure's ``<slug>.figure.json``).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)


def _root(app) -> Path:
    return Path(app.srcdir)


def _notebook_pages(app):
    from . import deps

    return deps.notebook_pages(_root(app))


def _read_notebook(app, path: Path):
    from myst_nb.core.read import create_nb_reader

    text = path.read_text(encoding="utf-8")
    reader = create_nb_reader(str(path), app.env.myst_config, app.env.mystnb_config, text)
    return reader.read(text) if reader else None


def _drop_cached(app, page) -> int:
    """Remove the execution-cache records of ``page``'s current source; return how many."""
    from jupyter_cache import get_cache

    cache = get_cache(app.env.mystnb_config.execution_cache_path)
    notebook = _read_notebook(app, page.path)
    dropped = 0
    while notebook is not None:
        try:
            record = cache.match_cache_notebook(notebook)
        except KeyError:
            break
        cache.remove_cache(record.pk)
        dropped += 1
    return dropped


def _outdated(app, env, added, changed, removed):
    """Pages whose recorded inputs changed: re-read them, with their cached outputs dropped, and run every
    page that has no cached outputs, in parallel, before Sphinx reads them.

    Chapters run first. Whole-book pages (the claims ledger) read what the chapters publish, so their
    records are checked only once the chapters have run: the ledger re-executes when a chapter's claims
    changed, not whenever a chapter re-executed.
    """
    from . import deps

    pages = _notebook_pages(app)
    edited = set(added) | set(changed)
    outdated = []
    for phase in ([p for p in pages if p.is_chapter], [p for p in pages if not p.is_chapter]):
        for page in phase:
            why = deps.stale(_root(app), page.docname)
            if not why:
                continue
            _drop_cached(app, page)
            LOGGER.info(f"[northam] {page.docname} re-executes: {', '.join(why[:4])}"
                        + (f" and {len(why) - 4} more" if len(why) > 4 else ""))
            if page.docname not in edited:
                outdated.append(page.docname)
        _execute_uncached(app, phase)
    root_doc = app.config.root_doc
    if (set(outdated) | edited) - {root_doc} and root_doc not in edited:
        outdated.append(root_doc)  # the front page pastes numbers glued by the chapters
    return outdated


def _execute_one(path: str, timeout: int):
    """Run one notebook (in a worker process); return (path, executed notebook or None, seconds, error)."""
    from jupyter_cache.executors.utils import single_nb_execution

    nb = _execute_one.notebooks[path]
    result = single_nb_execution(nb, cwd=str(Path(path).parent), timeout=timeout, allow_errors=False)
    return path, (nb if result.err is None else None), result.time, result.exc_string


def _execute_uncached(app, pages) -> None:
    """Execute those of ``pages`` that have no outputs in the execution cache, in a process pool (one
    process per core; one with ``NORTHAM_SERIAL=1``), and store the results in the cache for MyST-NB."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(app.env.mystnb_config.execution_cache_path)
    todo = {}
    for page in pages:
        nb = _read_notebook(app, page.path)
        try:
            cache.match_cache_notebook(nb)
        except KeyError:
            todo[str(page.path)] = nb
    if not todo:
        return
    _execute_one.notebooks = todo  # inherited by the forked workers
    timeout = app.env.mystnb_config.execution_timeout
    workers = 1 if os.environ.get("NORTHAM_SERIAL") else min(len(todo), os.cpu_count() or 1)
    LOGGER.info(f"[northam] executing {len(todo)} pages on {workers} processes")
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        for path, nb, seconds, _error in pool.map(_execute_one, list(todo), [timeout] * len(todo)):
            if nb is None:
                LOGGER.info(f"[northam] {path} failed in the pool; MyST-NB runs it again to report it")
                continue
            cache.cache_notebook_bundle(CacheBundleIn(nb, path, data={"execution_seconds": seconds}),
                                        check_validity=False, overwrite=True)
            LOGGER.info(f"[northam] executed {path} in {seconds:.1f} s")


def _write_executed_notebook(app, doctree) -> None:
    """Write the page just read to ``jupyter_execute`` as it ran: with its outputs and execution counts.

    In cache mode MyST-NB merges the cached outputs into a copy of the notebook, renders that copy, and then
    writes the notebook it read, without outputs, to ``<build>/jupyter_execute``. nbval re-runs those files and
    compares each cell's outputs with theirs, and it compares nothing for a cell that was never run: the proof
    that a page gives the same outputs twice needs the executed notebook."""
    import nbformat
    from jupyter_cache import get_cache

    from .downloads import atomic_write

    target = Path(app.env.mystnb_config.output_folder, *f"{app.env.docname}.ipynb".split("/"))
    if not target.is_file():
        return  # not a notebook page
    notebook = nbformat.read(target, as_version=4)
    try:
        _, executed = get_cache(app.env.mystnb_config.execution_cache_path).merge_match_into_notebook(notebook)
    except KeyError:
        return  # not in the cache: a notebook MyST-NB did not execute (a failing page stops the build anyway)
    atomic_write(target, lambda tmp: tmp.write_text(nbformat.writes(executed), encoding="utf-8"))


def _write_bib(app, config):
    from .bibliography import BIB_PATH, write_bib

    write_bib(_root(app) / BIB_PATH)


def _start(app):
    """Record inputs in every kernel of this build; verify every registry file any page used."""
    from sphinx.errors import ExtensionError

    from . import deps, registry

    os.environ[deps.RECORD_ENV] = "1"
    keys = sorted({k for page in _notebook_pages(app) for k in deps.data_keys(_root(app), page.docname)})
    for key in keys:
        try:
            registry.fetch(key)
        except (registry.DataFileError, KeyError) as exc:
            raise ExtensionError(str(exc)) from None


def _copy_downloads(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    from . import downloads

    src = downloads.output_dir("x").parent
    if not src.is_dir():
        return
    def copy_if_changed(a: str, b: str) -> None:
        """copy2 keeps the modification time: a file of the same size and time was copied by a past build."""
        sa, target = os.stat(a), Path(b)
        if target.is_file():
            sb = target.stat()
            if (sb.st_size, sb.st_mtime_ns) == (sa.st_size, sa.st_mtime_ns):
                return
        shutil.copy2(a, b)

    for folder in sorted(p for p in src.iterdir() if p.is_dir()):
        shutil.copytree(folder, Path(app.outdir) / "data" / folder.name, dirs_exist_ok=True,
                        copy_function=copy_if_changed)


#: A path a caller may set (the test run does): touched once every page has executed and been read, before any
#: HTML is written, so work that needs only the execution cache and the pages' records can start while the
#: build writes the HTML and the PDF.
EXECUTED_FLAG_ENV = "NORTHAM_EXECUTED_FLAG"


def _signal_executed(app, env):
    flag = os.environ.get(EXECUTED_FLAG_ENV)
    if flag and app.builder.name == "html":
        Path(flag).write_text("executed\n", encoding="utf-8")
    return []


def _rewrite_citing_pages(app, env):
    """When the bibliography changed since the last build (a source registered, a title edited), the pages
    that cite a source are written again, not read again: a citation's label and tooltip are set when its page
    is written, so an unchanged page would keep the old ones (sphinxcontrib-bibtex updates the references page
    only). A new entry can move another's letter ("World Bank, n.d.-c" becoming "-d")."""
    from .bibliography import BIB_PATH

    digest = hashlib.sha256((_root(app) / BIB_PATH).read_bytes()).hexdigest()
    before, env.northam_bib_sha256 = getattr(env, "northam_bib_sha256", None), digest
    if before == digest:
        return []
    return sorted({ref.docname for ref in env.get_domain("cite").citation_refs})


def _typeset_numbers(app, doctree, docname):
    from .numbers import typeset

    targets = [n for n in doctree.findall(nodes.inline) if "pasted-text" in n["classes"]]
    targets += list(doctree.findall(nodes.entry))
    for node in targets:
        for text in list(node.findall(nodes.Text)):
            new = typeset(str(text))
            if new != str(text):
                text.parent.replace(text, nodes.Text(new))


def _trim_assets(app, exception):
    if exception is not None or app.builder.name != "html":
        return
    from . import assets

    as_you_type = getattr(app.builder, "globalcontext", {}).get("theme_search_as_you_type", False)
    assets.trim(Path(app.outdir), search_as_you_type=str(as_you_type).lower() in ("true", "1"))


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    seen, unique = set(), []
    for script in context.get("script_files", []):
        key = (getattr(script, "filename", None) or "", str(getattr(script, "attributes", {}).get("body", "")))
        if key in seen:
            continue
        seen.add(key)
        unique.append(script)
    context["script_files"] = unique


_FIGURE_IMG = re.compile(r'(?P<head><figure\b[^>]*\bid="fig-(?P<slug>[^"]+)"[^>]*>\s*(?:<a\b[^>]*>)?)'
                         r'(?P<img><img\b[^>]*?)\s*/?>', re.S)


def _figure_records() -> dict[str, tuple[str, dict]]:
    """slug -> (page folder, the figure's record) for every figure published in ``_build/figures``."""
    from . import downloads

    out = {}
    for path in sorted(downloads.output_dir("x").parent.glob("*/*.figure.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        out[record["slug"]] = (path.parent.name, record)
    return out


def picture_html(body: str, pagename: str, records: dict) -> str:
    """``body`` with each published figure's image wrapped in a ``<picture>`` serving its phone rendition up to
    the viewport width its record names (the chart module is not imported here: matplotlib is heavy)."""
    up = "../" * pagename.count("/")

    def wrap(m: re.Match) -> str:
        found = records.get(m["slug"])
        if found is None:
            return m[0]
        folder, record = found
        desktop, phone = record["renditions"]["desktop"], record["renditions"].get("phone")
        if not phone:  # no phone layout (maps): the desktop rendition everywhere
            return f'{m["head"]}{m["img"]} data-smallest-text-px="{desktop["smallest_text_px"]}" />'
        src = html.escape(f"{up}data/{folder}/{phone['file']}")
        return (f'{m["head"]}<picture><source media="(max-width: {record["phone_max_viewport_px"]}px)" '
                f'srcset="{src}">'
                f'{m["img"]} data-smallest-text-px="{desktop["smallest_text_px"]}" '
                f'data-phone-smallest-text-px="{phone["smallest_text_px"]}" /></picture>')

    return _FIGURE_IMG.sub(wrap, body)


def _phone_renditions(app, pagename, templatename, context, doctree):
    if app.builder.name != "html" or "body" not in context or 'id="fig-' not in context["body"]:
        return
    if not hasattr(app, "_northam_figures"):
        app._northam_figures = _figure_records()
    context["body"] = picture_html(context["body"], pagename, app._northam_figures)


def setup(app):
    from .bibliography import register_author_year_style

    register_author_year_style()  # bibtex_default_style and bibtex_reference_style: northam (in _config.yml)
    app.connect("config-inited", _write_bib, priority=100)  # before sphinxcontrib-bibtex reads it
    app.connect("builder-inited", _start, priority=900)  # after MyST-NB has set up its configuration
    app.connect("env-get-outdated", _outdated)
    app.connect("doctree-read", _write_executed_notebook)
    app.connect("env-updated", _signal_executed)
    app.connect("env-updated", _rewrite_citing_pages)
    app.connect("doctree-resolved", _typeset_numbers)
    app.connect("build-finished", _copy_downloads)
    app.connect("build-finished", _trim_assets, priority=900)  # after the theme's own build-finished steps
    app.connect("html-page-context", _dedupe_scripts, priority=100)
    app.connect("html-page-context", _phone_renditions)
    # env_version: bump when what the extension does to doctrees changes, so every page is read again.
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "3", "env_version": 3}
