"""Make sure every chapter notebook ends with its "Cite this chapter" cell (page.cite_this)."""
import sys
from pathlib import Path

import nbformat

for path in sys.argv[1:] or sorted(Path("notebooks").glob("[0-9][0-9]-*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    if any("page.cite_this(" in c.source for c in nb.cells if c.cell_type == "code"):
        continue
    title = nb.cells[0].source.splitlines()[0].lstrip("# ").strip()
    nb.cells.append(nbformat.v4.new_code_cell(f"page.cite_this({title!r})", metadata={"tags": ["remove-input"]}))
    nbformat.write(nb, path)
    print(f"added cite cell to {path}")
