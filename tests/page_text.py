"""Helper for the chapter tests: the glued names a page's prose uses (read from its MyST Markdown file)."""

from __future__ import annotations

import re
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def glued_names(page_id: str) -> list[tuple[str, str]]:
    """(name, format spec) of every ``{glue:text}`name:spec``` in the markdown cells of ``notebooks/<id>.md``."""
    import jupytext

    nb = jupytext.read(NOTEBOOKS / f"{page_id}.md")
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return re.findall(r"\{glue:text\}`([^`:]+):?([^`]*)`", text)


def check_glued_names(page_id: str, numbers: dict) -> None:
    """Every name glued in the page's prose is one of ``numbers`` (its key numbers), and every one with a
    format spec is a number that formats with it."""
    for name, spec in glued_names(page_id):
        assert name in numbers, f"{page_id}: {name} is glued but not a key number"
        if spec:
            assert isinstance(numbers[name], (int, float)), name
            format(numbers[name], spec)


#: The house sections of a chapter, in order.
ORDER = [":::{admonition} Key findings", "**The question.**", "## The data", "**Finding.**",
         "## The reports' figures next to the data", "## What the reports do not show"]


def _cells(page_id):
    """The cells of ``notebooks/<id>.md`` (jupytext)."""
    import jupytext

    return jupytext.read(NOTEBOOKS / f"{page_id}.md").cells


def _code(page_id) -> list[str]:
    """Sources of the page's code cells."""
    return [c.source for c in _cells(page_id) if c.cell_type == "code"]


def _markdown(page_id) -> str:
    """The page's prose (its markdown cells, joined)."""
    return "\n".join(c.source for c in _cells(page_id) if c.cell_type == "markdown")
