"""The data & methods page, generated from the registry: every source with publisher, licence, URL, hash."""

from __future__ import annotations

import pandas as pd

from . import registry

DOMAINS = {
    "trade": "Trade", "agri": "Agriculture and food", "autos": "Autos", "labor": "Labour mobility",
    "water": "Water and energy", "macro": "Macroeconomy", "geo": "Geography and development",
}


def sources_table(domain: str | None = None) -> pd.DataFrame:
    """One row per registered file: file, title, publisher, licence, URL, sha256, bytes."""
    rows = [
        {"domain": s.domain, "file": s.file, "title": s.title, "publisher": s.publisher, "license": s.license,
         "url": s.url, "sha256": s.sha256, "bytes": s.bytes, "citation": s.citation}
        for s in registry.sources().values()
        if domain is None or s.domain == domain
    ]
    return pd.DataFrame(rows)


def markdown(domain: str) -> str:
    """A markdown section listing the files of one domain."""
    lines = [f"### {DOMAINS.get(domain, domain)} (`{domain}/`)", ""]
    for row in sources_table(domain).itertuples():
        licence = " ".join(str(row.license).split())
        lines += [
            f"**{row.file}** {{cite:p}}`{row.citation}`  ",
            f"{row.title}  ",
            f"*Publisher:* {' '.join(row.publisher.split())}. *Licence:* {licence}  ",
            f"*URL:* <{row.url}>  ",
            f"*SHA-256:* `{row.sha256}` ({row.bytes:,} bytes)",
            "",
        ]
    return "\n".join(lines)


def chapters_markdown() -> str:
    """Per chapter (in table-of-contents order), the source files it reads, with citations."""
    import nbformat
    import yaml

    from . import page

    toc = yaml.safe_load((registry.REPO_ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = []
    for part in toc.get("parts", []):
        for ch in part["chapters"]:
            files += [ch["file"]] + [s["file"] for s in ch.get("sections", [])]
    lines = []
    for f in files:
        path = registry.REPO_ROOT / f"{f}.ipynb"
        if not path.is_file() or not f.startswith("notebooks/"):
            continue
        nb = nbformat.read(path, as_version=4)
        title = nb.cells[0].source.splitlines()[0].lstrip("# ").strip()
        keys = page.chapter_sources(path)
        cites = ", ".join(f"`{k}` {{cite:p}}`{registry.source(k).citation}`" for k in keys) or "none"
        lines.append(f"- **{title}**: {cites}")
    return "\n".join(lines)
