"""The data & methods page, generated from the registry: every source with publisher, licence, URL, hash."""

from __future__ import annotations

import pandas as pd

from . import registry

#: Display names of the registry's domains (folders of the data mirror); others show their folder name.
DOMAIN_TITLES = {
    "trade": "Trade", "agri": "Agriculture and food", "autos": "Autos", "labor": "Labour mobility",
    "security": "Security", "water": "Water and energy", "macro": "Macroeconomy",
    "geo": "Geography and development",
}


def domains() -> list[str]:
    """Every domain of the registry, those with a display name first (in that order)."""
    present = {s.domain for s in registry.sources().values()}
    return [d for d in DOMAIN_TITLES if d in present] + sorted(present - set(DOMAIN_TITLES))


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
    lines = [f"### {DOMAIN_TITLES.get(domain, domain)} (`{domain}/`)", ""]
    for row in sources_table(domain).itertuples():
        licence = " ".join(str(row.license).split())
        lines += [
            f"**{row.file}** {{cite:p}}`{row.citation}`  ",
            f"{row.title}  ",
            f"*Publisher:* {' '.join(row.publisher.split()).rstrip('.')}. *Licence:* {licence}  ",
            f"*URL:* <{row.url}>  ",
            f"*SHA-256:* `{row.sha256}` ({row.bytes:,} bytes)",
            "",
        ]
    return "\n".join(lines)
