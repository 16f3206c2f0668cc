"""Small Sphinx extension for the book: remove duplicate inline scripts from the HTML pages.

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


def setup(app):
    app.connect("html-page-context", _dedupe_scripts, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
