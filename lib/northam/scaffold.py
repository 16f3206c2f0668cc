"""``python -m northam new-chapter SLUG``: a new chapter in the house shape, from the template page."""

from __future__ import annotations

import re
from pathlib import Path

from . import registry

ANALYSIS = '''"""Chapter "{title}": analysis functions (one per question). Units and sources in each docstring."""

from __future__ import annotations

import pandas as pd

from ..claims import Claim
from ..sources import census

CHAPTER = "{slug}"


def example_series() -> pd.DataFrame:
    """EXAMPLE, replace: US goods trade with Mexico per full year (million USD, Census country.xlsx)."""
    wide = census.partner_trade({{"MEX": census.CODE["MEX"]}})
    return pd.DataFrame({{"year": wide.index, "value": wide[("MEX", "total")].to_numpy()}})


def key_numbers() -> dict:
    """Numbers quoted in the chapter's prose (glued); prefix keys with the chapter id."""
    s = example_series().set_index("year")["value"]
    return {{"{gslug}_latest_year": int(s.index.max()), "{gslug}_latest_bn": float(s.iloc[-1] / 1e3)}}


def claims() -> list[Claim]:
    """Figures quoted from the reports next to the data (add yours)."""
    return []
'''

TEST = '''"""Tests of chapter "{title}": replace the example checks with checks against the raw files."""

from northam.analysis import {module}


def test_key_numbers_are_numbers():
    numbers = {module}.key_numbers()
    assert numbers and all(isinstance(v, (int, float)) for v in numbers.values())


def test_claims_are_listed():
    assert isinstance({module}.claims(), list)
'''

REGISTRY = '''# Example registry file for chapter "{title}". Copy the fields below for each source file it reads,
# fill in the real URL and sha256 (sha256sum FILE), and put the file in the mirror as {slug}/<file>.
domain: {slug}
sources: []
#  - key: my_file.csv              # the file name
#    domain: {slug}
#    file: my_file.csv
#    url: https://example.org/pinned/my_file.csv
#    sha256: 0000000000000000000000000000000000000000000000000000000000000000
#    bytes: 0
#    title: What the file holds
#    publisher: Who publishes it
#    license: Its licence
#    citation: my_file
'''


FIGURES = '''"""Chapter "{title}": its figures, one function each (draw from a table, publish, return None)."""

from __future__ import annotations

import pandas as pd

from .. import charts
from ..analysis import {module}


def example(data: pd.DataFrame | None = None) -> None:
    """EXAMPLE, replace: US goods trade with Mexico per year (billion current US dollars)."""
    data = {module}.example_series() if data is None else data
    fig, ax = charts.figure("Example: US goods trade with Mexico", "Billion current US dollars")
    ax.plot(data["year"], data["value"] / 1e3, color=charts.country_color("MEX"))
    charts.publish(fig, "{slug}-example", data=data, source="US Census Bureau, country.xlsx",
                   alt="Line chart of US goods trade with Mexico per year, rising over time.",
                   caption="Example figure: replace it with the chapter's first chart.")
'''

TEMPLATE = "notebooks/_template.md"


def new_chapter(slug: str, title: str | None = None, root: Path | None = None) -> list[Path]:
    """Create a new chapter under ``root`` (default: the repository): its page (a copy of
    ``notebooks/_template.md``), analysis and figure modules, a test file, an example registry file, and
    its entry at the end of the Chapters part of ``_toc.yml`` (the chapter manifest)."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", slug):
        raise ValueError("chapter slug must be lower-case letters, digits and hyphens, e.g. labor-canada")
    root = Path(root or registry.REPO_ROOT)
    title = title or slug.replace("-", " ").capitalize()
    module = slug.replace("-", "_")
    page_path = root / "notebooks" / f"{slug}.md"
    fill = {"{{title}}": title, "{{slug}}": slug, "{{module}}": module}
    page_text = (root / TEMPLATE).read_text(encoding="utf-8")
    for key, value in fill.items():
        page_text = page_text.replace(key, value)
    paths = {
        page_path: page_text,
        root / "lib" / "northam" / "analysis" / f"{module}.py": ANALYSIS.format(title=title, slug=slug, gslug=module),
        root / "lib" / "northam" / "figures" / f"{module}.py": FIGURES.format(title=title, slug=slug, module=module),
        root / "tests" / f"test_{module}.py": TEST.format(title=title, module=module),
        root / "data" / "registry" / f"{slug}.yml": REGISTRY.format(title=title, slug=slug),
    }
    for path in paths:
        if path.exists():
            raise FileExistsError(f"{path} exists already: chapter {slug!r} (or one of its files) is there")
    for path, text in paths.items():
        path.write_text(text, encoding="utf-8")
    toc = root / "_toc.yml"
    lines = toc.read_text(encoding="utf-8").splitlines()
    entry = re.compile(r"^(\s*-\s+)file:\s*notebooks/")
    last = max(i for i, line in enumerate(lines) if entry.match(line))
    lines.insert(last + 1, f"{entry.match(lines[last]).group(1)}file: notebooks/{slug}")  # the file's own layout
    toc.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [*paths, toc]
