"""Small Sphinx extension for the book.

1. Before anything is read, every source file declared by a notebook (``page.begin(sources=[...])``) is
   fetched and hash-checked, so a changed byte in a mirrored file stops the build with the registry's
   message even when every notebook would come from the execution cache.
2. Duplicate inline scripts are removed from the HTML pages.

sphinx-thebe registers its inline configuration script once per read phase, so with the execution cache
a page can carry ``const THEBE_JS_URL = ...`` twice, which the browser reports as a SyntaxError.
"""

from __future__ import annotations


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    seen, unique = set(), []
    for script in context.get("script_files", []):
        key = (getattr(script, "filename", None) or "", str(getattr(script, "attributes", {}).get("body", "")))
        if key in seen:
            continue
        seen.add(key)
        unique.append(script)
    context["script_files"] = unique


def _verify_sources(app):
    from sphinx.errors import ExtensionError

    from . import cli, page, registry

    keys = sorted({k for nb in cli.all_notebooks() for k in page.chapter_sources(nb) if k != "*"})
    for key in keys:
        try:
            registry.fetch(key)
        except registry.DataFileError as exc:
            raise ExtensionError(str(exc)) from None


def setup(app):
    app.connect("builder-inited", _verify_sources)
    app.connect("html-page-context", _dedupe_scripts, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
