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
