"""Every chapter is one MyST Markdown notebook with the house shape; nothing generated is committed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import jupytext
import pytest

from northam import chapters

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = chapters.chapters()
PAGES = [p for p in chapters.pages() if p.path.suffix == ".md" and "kernelspec:" in p.path.read_text()]
ORDER = ["Key findings", "**The question.**", "## The data", "## The reports' figures next to the data",
         "## What the reports do not show"]


def code_lines(page) -> int:
    nb = jupytext.read(page.path)
    return sum(len(c.source.splitlines()) for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.id)
def test_chapter_has_the_house_sections_in_order(page):
    text = page.path.read_text()
    positions = [text.find(marker) for marker in ORDER]
    missing = [m for m, pos in zip(ORDER, positions, strict=True) if pos < 0]
    assert not missing, f"{page.id}: missing {missing}"
    assert positions == sorted(positions), f"{page.id}: sections out of order {dict(zip(ORDER, positions, strict=True))}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_page_begins_and_ends_with_the_house_cells(page):
    nb = jupytext.read(page.path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert f'page.begin("{page.id}")' in code[0].source
    assert "page.cite_this()" in code[-1].source
    assert all("remove-input" in c.metadata.get("tags", []) for c in code), f"{page.id}: code shown to readers"


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.id)
def test_chapter_page_reads_like_an_article(page):
    assert code_lines(page) <= 60, f"{page.id}: {code_lines(page)} lines of code; move the work to lib/"


def test_no_notebook_or_stamp_is_committed():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.splitlines()
    assert not [f for f in tracked if f.endswith(".ipynb")]
    for page in PAGES:
        assert not re.search(r"stamp\s*=|sources\s*=\s*\[", page.path.read_text()), page.id


def test_one_list_of_chapters():
    """Every chapter page is in _toc.yml, every analysis module belongs to a chapter, and importing the
    page helpers does not import the command line."""
    listed = {p.path for p in chapters.pages()}
    on_disk = {p for p in (ROOT / "notebooks").glob("*.md") if not p.name.startswith("_")}
    assert on_disk <= listed, on_disk - listed
    modules = {p.stem for p in (ROOT / "lib" / "northam" / "analysis").glob("*.py") if p.stem != "__init__"}
    assert modules == {c.id.replace("-", "_") for c in CHAPTERS}
    proc = subprocess.run([sys.executable, "-c", "import sys, northam.page, northam.claims, northam.methods; "
                           "assert 'northam.cli' not in sys.modules"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
