"""Measure the book's build and test times and page weights; print a table (not a test).

Runs in a temporary copy of the repository (so the working tree and its _build are untouched):

1. clean build (no execution cache, pages executed in parallel), 2. no-op rebuild, 3. rebuild after editing
one chapter's analysis module (which pages re-execute), 4. rebuild after changing one data file's hash (a
private mirror copy + the registry entry: which pages re-execute), 5. a researcher's fork (``new-chapter``,
build, edit its analysis, rebuild), per-page execution times from the
execution cache and the ratio clean build / their sum, the size of each HTML page with its images, and
optionally the test suite, with the CPU of each part of its book tier run alone.

Usage:  NORTHAM_DATA_MIRROR=../shared/data python benchmarks/build_times.py [--tests]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JB = str(Path(sys.executable).with_name("jupyter-book"))


def _children_cpu() -> float:
    """User + system CPU seconds of every finished child process (and of the children they waited for)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(cmd, cwd, env) -> tuple[float, str, float]:
    """Run ``cmd``; return its wall-clock seconds, its output and the CPU seconds (user + system) it and its
    processes used. On a machine of N cores, a command cannot take less than CPU / N seconds."""
    t0, c0 = time.perf_counter(), _children_cpu()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    dt, cpu = time.perf_counter() - t0, _children_cpu() - c0
    if proc.returncode != 0:
        sys.exit(f"command failed: {' '.join(map(str, cmd))}\n{(proc.stdout + proc.stderr)[-3000:]}")
    return dt, proc.stdout + proc.stderr, cpu


def executed(log: str) -> list[str]:
    return sorted({Path(m).stem for m in re.findall(r"(\S+)\.md(?:: Executing notebook| in [\d.]+ s)", log)})


def build(copy, env):
    return run([sys.executable, "-m", "northam", "build"], copy, env)


def _tests_by_part(copy: Path, env: dict) -> dict[str, float]:
    """CPU seconds of each part of the book tier, run alone (one process) on ``copy`` once the test command has
    built it, without the build each run asks for (a build with nothing to do, measured here too): where the
    tests beside the build spend their CPU."""
    _, _, noop = build(copy, env)
    book = [sys.executable, "-m", "pytest", "-q", "-n0", "-p", "no:cacheprovider"]
    parts = {"nbval's second run of every page": ["tests/test_reexecution.py"],
             "rebuild scenarios": ["tests/test_rebuild.py"],
             "checks of the HTML, PDF and rerun": ["-m", "book", "--ignore", "tests/test_reexecution.py",
                                                   "--ignore", "tests/test_rebuild.py"]}
    return {name: max(0.0, run([*book, *args], copy, env)[2] - noop) for name, args in parts.items()}


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
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(copy / "lib")], check=True,
                   stdout=subprocess.DEVNULL)  # as .ci/run does (bytecode compiled once, not in every process)
    env = {**os.environ, "PYTHONPATH": str(copy / "lib"), "NORTHAM_DATA_MIRROR": str(mirror),
           "NORTHAM_DATA_CACHE": str(tmp / "cache"), "MPLBACKEND": "Agg", "NORTHAM_PDF": "0"}
    rows = []

    t_clean, log, cpu_clean = build(copy, env)
    rows.append(("clean build (no cache)", t_clean, cpu_clean, f"{len(executed(log))} notebooks executed"))
    t_noop, log, cpu = build(copy, env)
    rows.append(("no-op rebuild", t_noop, cpu, f"{len(executed(log))} executed (target: 0, < 10 s)"))
    t_pdf, _, cpu_pdf = run([sys.executable, "-m", "northam", "pdf"], copy, env)
    rows.append(("PDF edition (single-page HTML + print)", t_pdf, cpu_pdf, "made by `northam build` after the HTML"))

    module = copy / "lib" / "northam" / "analysis" / "autos.py"
    module.write_text(module.read_text() + "\n# benchmark edit\n")
    t_edit, log, cpu = build(copy, env)
    rows.append(("rebuild after editing analysis/autos.py", t_edit, cpu, f"re-executed: {', '.join(executed(log))} "
                 f"(target: that chapter only, < 15 s)"))

    # change one data file's hash: private mirror with the file changed, registry updated
    key = "fred_MANEMP_manufacturing_employment.csv"
    src = registry.source(key)
    priv = tmp / "mirror"
    shutil.copytree(mirror, priv)
    target = priv / src.domain / src.file
    os.chmod(target, 0o644)
    target.write_bytes(target.read_bytes() + b"\n")
    reg = copy / "data" / "registry" / f"{src.domain}.yml"
    reg.write_text(reg.read_text().replace(src.sha256, registry.file_sha256(target)))
    env2 = {**env, "NORTHAM_DATA_MIRROR": str(priv)}
    t_data, log, cpu = build(copy, env2)
    rows.append((f"rebuild after changing the hash of {key}", t_data, cpu, f"re-executed: {', '.join(executed(log))}"))

    # a researcher's fork: a new chapter from the template, built, then its analysis edited
    run([sys.executable, "-m", "northam", "new-chapter", "bench-fork", "--title", "A forked chapter"], copy, env2)
    t_fork, log, cpu = build(copy, env2)
    rows.append(("build after `new-chapter bench-fork`", t_fork, cpu, f"executed: {', '.join(executed(log))}"))
    forked = copy / "lib" / "northam" / "analysis" / "bench_fork.py"
    forked.write_text(forked.read_text() + "\n# the researcher edits the analysis\n")
    t_fork_edit, log, cpu = build(copy, env2)
    rows.append(("rebuild after editing the forked chapter's analysis", t_fork_edit, cpu,
                 f"re-executed: {', '.join(executed(log))} (target: that chapter only, < 15 s)"))

    from jupyter_cache import get_cache

    cache = get_cache(str(copy / "_build" / ".jupyter_cache"))
    per_nb = {}
    for rec in cache.list_cache_records():
        per_nb[Path(rec.uri).stem] = rec.data.get("execution_seconds", float("nan"))
    exec_sum = sum(per_nb.values())

    print(f"\nBuild and test times, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores\n")
    print("| measure | seconds | CPU s | note |\n|---|---:|---:|---|")
    for name, secs, cpu, note in rows:
        print(f"| {name} | {secs:.1f} | {cpu:.0f} | {note} |")
    ratio = t_clean / exec_sum
    print(f"| sum of page execution times | {exec_sum:.1f} | | clean build / sum = {ratio:.2f} "
          f"(target <= 0.75 on 2 cores: {'met' if ratio <= 0.75 else 'MISSED'}) |")
    if args.tests:  # in a second fresh copy with a cold data cache, as on a clean clone
        fresh = tmp / "fresh"
        shutil.copytree(ROOT, fresh, ignore=shutil.ignore_patterns(".venv", ".cache", ".git", "_build",
                                                                   "__pycache__", "*.egg-info"))
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(fresh / "lib"), str(fresh / "tests")],
                       check=True, stdout=subprocess.DEVNULL)
        env3 = {**env, "PYTHONPATH": str(fresh / "lib"), "NORTHAM_DATA_CACHE": str(tmp / "cache-fresh")}
        env3.pop("NORTHAM_PDF")
        t_fast, _, cpu = run([sys.executable, "-m", "pytest", "-q", "-m", "not book"], fresh, env3)
        print(f"| fast tier, cold data cache (`pytest -m \"not book\"`) | {t_fast:.1f} | {cpu:.0f} | target < 60 s |")
        t_warm, _, cpu_warm = run([sys.executable, "-m", "pytest", "-q", "-m", "not book"], fresh, env3)
        print(f"| fast tier again, warm data cache | {t_warm:.1f} | {cpu_warm:.0f} | target < 60 s |")
        shutil.rmtree(tmp / "cache-fresh")
        t_tests, _, cpu_tests = run([sys.executable, "-m", "pytest", "-q"], fresh, env3)
        readme_build = t_clean + t_pdf  # `python -m northam build` makes the HTML, then the PDF
        print(f"| test suite (README command), cold data cache | {t_tests:.1f} | {cpu_tests:.0f} | README build "
              f"(HTML + PDF, {readme_build:.0f} s) + {t_tests - readme_build:.0f} s (target: + 60 s) |")
        # The CPU budget: on N cores the command takes at least its CPU / N seconds. For it to end within the
        # README build + 60 s, the tests beside the build may use at most N * (build + 60) - build CPU seconds.
        cores, build_cpu = os.cpu_count() or 1, cpu_clean + cpu_pdf
        budget = cores * (readme_build + 60) - build_cpu
        print(f"| CPU budget of the tests beside the build | | {cpu_tests - build_cpu:.0f} | used, against at most "
              f"{budget:.0f} CPU s for the target on {cores} cores ({cores} × {readme_build + 60:.0f} s − the "
              f"build's {build_cpu:.0f}) |")
        parts = {"fast tier (warm, above)": cpu_warm, **_tests_by_part(fresh, env3)}
        print(f"| the same tests, part by part, each run alone | | {sum(parts.values()):.0f} | "
              + "; ".join(f"{name} {cpu:.0f}" for name, cpu in parts.items()) + f" (against the budget of {budget:.0f}) |")
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
