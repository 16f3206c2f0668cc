"""Each page gives the same result twice from a clean kernel.

The book build executes every page once (its executed notebooks land in ``_build/jupyter_execute`` as each
page is read); as soon as every page has been executed and read, while the build goes on writing the HTML and
the PDF, nbval re-executes each of those notebooks in a fresh kernel, in strict mode, and compares every
output (text, tables, glued values, figure markup and the figures' PNG bytes inside the HTML rendering)
with what the build produced (the build writes each notebook there as it ran, outputs included; a test checks
that they are there, since nbval compares nothing for a cell without them). Only the folder the figures are
written to is sanitised. The build ran the
pages in parallel and nbval runs each alone, so this is also the proof that parallel execution changes no
output: the published CSVs and data packages of both runs are compared byte for byte.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.book
# A figure's path, whatever folder it was written to. The path must start a token (after a quote, a bracket, a
# space): tried at every character, the pattern would scan each image's base64 text once per character.
SANITIZE = r"""[figures]
regex: (?<![^\s"'<>()])[^\s"'<>()]*figures/([\w-]+/[\w.-]+)
replace: FIGURES/\1
"""


def test_every_page_gives_the_same_outputs_from_a_clean_kernel(executed_book, tmp_path):
    if executed_book is not None:  # the build had already finished (or failed)
        assert executed_book.code == 0, executed_book.log[-3000:]
    executed = sorted((ROOT / "_build" / "jupyter_execute").rglob("*.ipynb"))
    assert len(executed) >= 10, executed
    for path in executed:  # nbval compares nothing for a cell that has no execution count (never run)
        cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        assert cells and all(c.execution_count is not None for c in cells), f"{path.name}: cells not executed"
        assert sum(len(c.outputs) for c in cells) >= 3, f"{path.name}: the build wrote no outputs"
    sanitize = tmp_path / "sanitize.cfg"
    sanitize.write_text(SANITIZE)
    # Pages run as in the build, writing nothing of the build's: the claims ledger reads the claims the chapters
    # published (deps.READ_PUBLISHED_ENV), no record is kept, figures go to a folder of their own.
    env = {**os.environ, "NORTHAM_FIGURE_DIR": str(tmp_path / "figures"), "NORTHAM_READ_PUBLISHED": "1"}
    env.pop("NORTHAM_RECORD_DEPS", None)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "-n", "2", "--dist", "loadfile",
         "--nbval", "--nbval-current-env", "--nbval-sanitize-with", str(sanitize), *map(str, executed)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stdout[-6000:]
    # The build ran the pages in a pool of processes; nbval ran each alone in its own kernel. Every
    # published CSV and data package must be the same, byte for byte.
    built = ROOT / "_build" / "figures"
    again = tmp_path / "figures"
    names = sorted(p.relative_to(built) for p in built.rglob("*") if p.suffix in (".csv", ".json"))
    assert names == sorted(p.relative_to(again) for p in again.rglob("*") if p.suffix in (".csv", ".json"))
    differ = [str(n) for n in names if (built / n).read_bytes() != (again / n).read_bytes()]
    assert not differ, f"published files differ between the parallel build and a page run alone: {differ}"
