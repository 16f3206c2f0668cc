"""Every chapter has the house shape, and notebooks are committed without outputs (nbstripout rule)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "notebooks").glob("*.ipynb"))
REQUIRED = ["## The data", "## The reports' figures next to the data", "## What the reports do not show"]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_shape(path):
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    assert "**The question.**" in nb.cells[0].source
    for heading in REQUIRED:
        assert heading in text, f"{path.name}: missing section {heading!r}"
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert "page.begin(" in first_code.source


@pytest.mark.parametrize("path", CHAPTERS + sorted((ROOT / "book").glob("*.ipynb")), ids=lambda p: p.name)
def test_outputs_are_stripped(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name}: run nbstripout"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_ends_with_cite_this(path):
    nb = nbformat.read(path, as_version=4)
    last_code = [c for c in nb.cells if c.cell_type == "code"][-1]
    assert "page.cite_this(" in last_code.source


def test_every_chapter_is_in_the_toc_and_claims_registry():
    import yaml

    from northam import claims

    toc = (ROOT / "_toc.yml").read_text()
    for path in CHAPTERS:
        assert f"notebooks/{path.stem}" in toc, f"{path.name} is not in _toc.yml"
    text = {p: "\n".join(c.source for c in nbformat.read(p, as_version=4).cells) for p in CHAPTERS}
    for src in text.values():
        if "claims.show(" in src and "import " in src:
            module = src.split("from northam.analysis import ")[1].split()[0]
            assert f"northam.analysis.{module}" in claims.CHAPTERS.values(), f"{module} not in claims.CHAPTERS"
    assert yaml.safe_load(toc)
