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
