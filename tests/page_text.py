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
