"""An analyst reruns a chapter the way JupyterLab does: the `.md` file opened as a notebook (jupytext),
a fresh kernel started in the chapter's folder, every cell run top to bottom, outside the book build."""

from __future__ import annotations

from pathlib import Path

import jupytext
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.book


def test_a_chapter_runs_top_to_bottom_in_a_fresh_kernel(tmp_path, monkeypatch):
    monkeypatch.setenv("NORTHAM_FIGURE_DIR", str(tmp_path / "figures"))
    monkeypatch.delenv("NORTHAM_RECORD_DEPS", raising=False)
    page = ROOT / "notebooks" / "north-america.md"
    record = ROOT / "_build" / "deps" / "notebooks__north-america.json"
    before, record_before = page.read_bytes(), record.read_bytes() if record.exists() else None
    nb = jupytext.read(page)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(page.parent)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    figures = sorted((tmp_path / "figures" / "north-america").glob("*.png"))
    assert figures and (tmp_path / "figures" / "north-america" / "datapackage.json").is_file()
    assert page.read_bytes() == before, "running a chapter must not change its file"
    after = record.read_bytes() if record.exists() else None
    assert after == record_before, "a run outside the build must not rewrite the build's record of inputs"
