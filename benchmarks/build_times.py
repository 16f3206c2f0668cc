"""Measure the book's build and test times and page weights; print a table (not a test).

Runs in a temporary copy of the repository (so the working tree and its _build are untouched):

1. clean build (no execution cache), 2. no-op rebuild, 3. rebuild after editing one chapter's code cell
(which notebooks re-execute), 4. rebuild after changing one data file's hash (a one-byte change in a
private mirror copy + the registry entry + restamp: which notebooks re-execute), per-notebook execution
times from the execution cache, the size of each HTML page with its images, and optionally the test suite.

Usage:  NORTHAM_DATA_MIRROR=../shared/data python benchmarks/build_times.py [--tests]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JB = str(Path(sys.executable).with_name("jupyter-book"))


def run(cmd, cwd, env) -> tuple[float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"command failed: {' '.join(map(str, cmd))}\n{(proc.stdout + proc.stderr)[-3000:]}")
    return dt, proc.stdout + proc.stderr


def executed(log: str) -> list[str]:
    return sorted({Path(m).stem for m in re.findall(r"(\S+\.ipynb): Executing notebook", log)})


def build(copy, env):
    return run([JB, "build", str(copy), "-W", "-n", "--keep-going"], copy, env)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tests", action="store_true", help="also time the README's test command")
    args = ap.parse_args()
    from northam import registry

    mirror = registry.mirror_dir()
    if mirror is None:
        sys.exit("set NORTHAM_DATA_MIRROR")
    tmp = Path(tempfile.mkdtemp(prefix="northam-bench-"))
    copy = tmp / "book"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".cache", ".git", "_build", "__pycache__",
                                                               "*.egg-info"))
    env = {**os.environ, "PYTHONPATH": str(copy / "lib"), "NORTHAM_DATA_MIRROR": str(mirror),
           "NORTHAM_DATA_CACHE": str(tmp / "cache"), "MPLBACKEND": "Agg"}
    rows = []

    t_clean, log = build(copy, env)
    rows.append(("clean build (no cache)", t_clean, f"{len(executed(log))} notebooks executed"))
    t_noop, log = build(copy, env)
    rows.append(("no-op rebuild", t_noop, f"{len(executed(log))} executed (target: 0, < 10 s)"))

    import nbformat

    chapter = sorted((copy / "notebooks").glob("[0-9][0-9]-*.ipynb"))[-1]
    nb = nbformat.read(chapter, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and "page.begin(" not in c.source)
    cell.source += "\n# benchmark edit"
    nbformat.write(nb, chapter)
    t_edit, log = build(copy, env)
    rows.append((f"rebuild after editing {chapter.stem}", t_edit, f"re-executed: {', '.join(executed(log))}"))

    # change one data file's hash: private mirror with one byte changed, registry updated, restamp
    key = "fred_MANEMP_manufacturing_employment.csv"
    src = registry.source(key)
    priv = tmp / "mirror"
    shutil.copytree(mirror, priv)
    target = priv / src.domain / src.file
    os.chmod(target, 0o644)
    data = target.read_bytes()
    target.write_bytes(data + b"\n")
    new_hash = registry.file_sha256(target)
    reg = copy / "data" / "registry" / f"{src.domain}.yml"
    reg.write_text(reg.read_text().replace(src.sha256, new_hash))
    env2 = {**env, "NORTHAM_DATA_MIRROR": str(priv)}
    run([sys.executable, "-m", "northam", "stamp"], copy, env2)
    t_data, log = build(copy, env2)
    users = [p.stem for p in (copy / "notebooks").glob("*.ipynb") if key in p.read_text()]
    rows.append((f"rebuild after changing the hash of {key}", t_data,
                 f"re-executed: {', '.join(executed(log))} (chapters using it: {', '.join(sorted(users))}; "
                 f"whole-book pages re-execute too)"))

    from jupyter_cache import get_cache

    cache = get_cache(str(copy / "_build" / ".jupyter_cache"))
    per_nb = {}
    for rec in cache.list_cache_records():
        per_nb[Path(rec.uri).stem] = rec.data.get("execution_seconds", float("nan"))
    exec_sum = sum(per_nb.values())

    print(f"\nBuild and test times, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores\n")
    print("| measure | seconds | note |\n|---|---:|---|")
    for name, secs, note in rows:
        print(f"| {name} | {secs:.1f} | {note} |")
    target = 1.2 * exec_sum + t_noop  # the no-op rebuild approximates the HTML write without execution
    print(f"| sum of notebook execution times | {exec_sum:.1f} | clean build / sum = {t_clean / exec_sum:.2f}; "
          f"target 1.2 x sum + HTML write = {target:.1f} s: {'met' if t_clean <= target else 'MISSED'} |")
    if args.tests:
        t_tests, _ = run([sys.executable, "-m", "pytest", "-q"], ROOT, {**os.environ})
        print(f"| test suite (README command) | {t_tests:.1f} | |")
    print("\n| notebook | execution s |\n|---|---:|")
    for name, secs in sorted(per_nb.items()):
        print(f"| {name} | {secs:.1f} |")
    print("\n| page | HTML + images, KB |\n|---|---:|")
    html_root = copy / "_build" / "html"
    for page in sorted(html_root.rglob("*.html")):
        if "_static" in page.parts or page.name in {"genindex.html", "search.html"}:
            continue
        html = page.read_text(errors="ignore")
        total = page.stat().st_size
        for srcimg in set(re.findall(r'<img [^>]*src="([^"]+)"', html)):
            if not srcimg.startswith(("data:", "http")):
                p = (page.parent / srcimg).resolve()
                total += p.stat().st_size if p.exists() else 0
        print(f"| {page.relative_to(html_root)} | {total / 1024:.0f} |")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
