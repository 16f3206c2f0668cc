"""The data & methods page, generated from the registry: every source with publisher, licence, URL, hash."""

from __future__ import annotations

import json

import pandas as pd

from . import deps, registry

#: Display names of the registry's domains (folders of the data mirror); others show their folder name.
DOMAIN_TITLES = {
    "trade": "Trade", "agri": "Agriculture and food", "autos": "Autos", "labor": "Labour mobility",
    "security": "Security", "water": "Water and energy", "macro": "Macroeconomy",
    "geo": "Geography and development",
}


def _one_line(text: str) -> str:
    """A registry description on one line (its YAML may wrap it)."""
    return " ".join(str(text).split())


def domains() -> list[str]:
    """Every domain of the registry, those with a display name first (in that order)."""
    present = {s.domain for s in registry.sources().values()}
    return [d for d in DOMAIN_TITLES if d in present] + sorted(present - set(DOMAIN_TITLES))


def sources_table(domain: str | None = None) -> pd.DataFrame:
    """One row per registered file: file, title, publisher, licence, URL, sha256, bytes. The running page then
    depends on the whole registry (it re-executes when a source is added or its entry changes)."""
    deps.record("registry", "listing", registry.listing_sha256())
    rows = [
        {"domain": s.domain, "file": s.file, "title": s.title, "publisher": s.publisher, "license": s.license,
         "url": s.url, "sha256": s.sha256, "bytes": s.bytes, "citation": s.citation}
        for s in registry.sources().values()
        if domain is None or s.domain == domain
    ]
    return pd.DataFrame(rows)


def markdown(domain: str) -> str:
    """A markdown section listing the files of one domain."""
    lines = [f"### {DOMAIN_TITLES.get(domain, domain)} (`{domain}/`)", ""]
    for row in sources_table(domain).itertuples():
        licence = _one_line(row.license)
        lines += [
            f"**{row.file}** {{cite:p}}`{row.citation}`  ",
            f"{row.title}  ",
            f"*Publisher:* {_one_line(row.publisher).rstrip('.')}. *Licence:* {licence}  ",
            f"*URL:* <{row.url}>  ",
            f"*SHA-256:* `{row.sha256}` ({row.bytes:,} bytes)",
            "",
        ]
    return "\n".join(lines)


def sources_by_chapter() -> str:
    """Markdown: each chapter and the registered files it read when it last ran in the book build.

    Each list is the one the chapter published (``_build/data/<id>.json``), read as an input of the running
    page, so the page re-executes when a chapter starts or stops reading a file. Outside the build it shows the
    last build's lists, or says that the build makes them."""
    from . import chapters

    lines = []
    for ch in chapters.chapters():
        keys = deps.read_output("data", ch.docname)
        if keys is None:  # outside the build: the last build's list, if there was one
            path = deps.output_path("data", ch.docname)
            keys = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
        if keys is None:
            files = "not known until the book is built (`python -m northam build`)"
        else:
            sources = [registry.source(k) for k in keys]
            files = "; ".join(f"{src.file} ({_one_line(src.publisher)})" for src in sources) or "no registered file"
        lines.append(f"- **{ch.title}**: {files}")
    return "\n".join(lines)
