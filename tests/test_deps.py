"""What the build reads to decide which pages re-execute (``northam.deps``), and what the build process imports."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIB = ROOT / "lib"


def _module_names() -> list[str]:
    """Every module and package of ``northam``, from the files (importing nothing)."""
    names = []
    for path in sorted((LIB / "northam").rglob("*.py")):
        parts = path.relative_to(LIB).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_a_modules_hash_is_the_hash_of_the_file_python_imports():
    """Modules of this package are hashed from their path (without importing their packages): the same file
    ``importlib`` finds, for every module and package; a module that does not exist has no hash."""
    from northam import deps

    names = _module_names()
    assert len(names) > 40 and "northam" in names and "northam.sources" in names
    for name in names:
        origin = importlib.util.find_spec(name).origin
        assert deps._module_hash(name) == hashlib.sha256(Path(origin).read_bytes()).hexdigest(), name
    assert deps._module_hash("northam.analysis.no_such_chapter") is None
    assert deps._module_hash("json") == hashlib.sha256(Path(importlib.util.find_spec("json").origin).read_bytes()
                                                       ).hexdigest()


def test_the_sphinx_build_imports_neither_pandas_nor_matplotlib():
    """The build process loads the extension, checks every page's recorded modules and writes the downloads
    folder without importing pandas or matplotlib (half a second of every build, most of a build that
    executes nothing); pages and tables import them where they need them."""
    code = (
        "import sys\n"
        "from northam import deps, downloads, sphinxext, bibliography, assets, numbers, chapters\n"
        f"for name in {_module_names()!r}:\n"
        "    deps._module_hash(name)\n"
        "downloads.output_dir('x')\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'matplotlib') if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(LIB)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "[]", proc.stdout
