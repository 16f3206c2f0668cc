"""``python -m northam new-chapter SLUG``: scaffold a new chapter with the house structure.

Creates ``notebooks/NN-SLUG.ipynb`` (question, data, charts, claims, what is missing), its analysis module
``lib/northam/analysis/SLUG.py``, a test file ``tests/test_SLUG.py``, an example registry file
``data/registry/SLUG.yml`` to fill in, and its entry in ``_toc.yml``; then stamps the notebook.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat as nbf

from . import registry

ANALYSIS = '''"""Chapter "{title}": analysis functions (one per question). Units and sources in each docstring."""

from __future__ import annotations

import pandas as pd

from ..claims import Claim
from ..sources import census

CHAPTER = "{slug}"


def registry_keys() -> list[str]:
    """Registry keys this chapter reads."""
    return [census.COUNTRY_XLSX[census.LATEST]]


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


def _notebook(slug: str, title: str, module: str) -> nbf.NotebookNode:
    md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
    hide = {"tags": ["hide-input"]}
    g = module
    cells = [
        md(f"# {title}\n\n**The question.** State the question this chapter answers in one or two sentences."),
        code(f'from northam import charts, claims, page\nfrom northam.analysis import {module}\n\n'
             f'page.begin("{slug}", sources=["census_country_goods_trade_1985-2026jan.xlsx"], stamp="")',
             metadata=hide),
        md("## The data\n\n- List each source with its citation, units and coverage "
           "{cite:p}`census_country_goods_trade_1985_2026jan`.\n- Say plainly what is missing."),
        code(f"numbers = {module}.key_numbers()\npage.glue_all(numbers)", metadata=hide),
        md("## First question\n\nOne short paragraph of context."),
        code(f'series = {module}.example_series()\n'
             f'fig, ax = charts.figure("Example: US goods trade with Mexico", "Billion current US dollars")\n'
             f'ax.plot(series["year"], series["value"] / 1e3, color=charts.country_color("MEX"))\n'
             f'charts.publish(fig, "{slug}-example", data=series, source="US Census Bureau, country.xlsx",\n'
             f'               alt="Line chart of US goods trade with Mexico per year, rising over time.",\n'
             f'               caption="Example figure: replace it with the chapter\'s first chart.")',
             metadata=hide),
        md(f"**Finding.** In {{glue:text}}`{g}_latest_year` US goods trade with Mexico was "
           f"{{glue:text}}`{g}_latest_bn:,.0f` billion dollars (example finding with glued numbers)."),
        md("## The reports' figures next to the data"),
        code(f'claims.show({module}.claims())\n'
             f'page.missing("A chart of the reports the mirror cannot rebuild", "the data that would be needed")',
             metadata=hide),
        md("## What the reports do not show\n\n- Caveats, and analyses beyond the reports."),
        code(f'page.cite_this("{title}")', metadata={"tags": ["remove-input"]}),
    ]
    nb = nbf.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def new_chapter(slug: str, title: str | None = None, root: Path | None = None) -> list[Path]:
    """Create the files of a new chapter under ``root`` (default: the repository)."""
    from . import page

    if not re.fullmatch(r"[a-z][a-z0-9-]*", slug):
        raise ValueError("chapter slug must be lower-case letters, digits and hyphens, e.g. labor-canada")
    root = Path(root or registry.REPO_ROOT)
    title = title or slug.replace("-", " ").capitalize()
    module = slug.replace("-", "_")
    existing = sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    if any(p.stem[3:] == slug for p in existing):
        raise FileExistsError(f"chapter {slug!r} exists already")
    number = 1 + max((int(p.name[:2]) for p in existing), default=0)
    nb_path = root / "notebooks" / f"{number:02d}-{slug}.ipynb"
    paths = {
        nb_path: None,
        root / "lib" / "northam" / "analysis" / f"{module}.py": ANALYSIS.format(title=title, slug=slug, gslug=module),
        root / "tests" / f"test_{module}.py": TEST.format(title=title, module=module),
        root / "data" / "registry" / f"{slug}.yml": REGISTRY.format(title=title, slug=slug),
    }
    for path in paths:
        if path.exists():
            raise FileExistsError(path)
    nbf.write(_notebook(slug, title, module), nb_path)
    for path, text in paths.items():
        if text is not None:
            path.write_text(text, encoding="utf-8")
    toc = root / "_toc.yml"
    lines = toc.read_text(encoding="utf-8").splitlines()
    # insert after the last chapter of the "Chapters" part
    idx = max(i for i, line in enumerate(lines) if line.strip().startswith("- file: notebooks/"))
    lines.insert(idx + 1, f"      - file: notebooks/{nb_path.stem}")
    toc.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if root.resolve() == registry.REPO_ROOT.resolve():
        page.restamp_notebook(nb_path)
    return [*paths, toc]
