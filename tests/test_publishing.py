"""Published and citable: the GitHub workflow lints clean, CITATION.cff validates, cite blocks match it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ZIZMOR = shutil.which("zizmor") or str(Path(sys.executable).with_name("zizmor"))


def _zizmor(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([ZIZMOR, "--offline", "--no-progress", str(path)], capture_output=True, text=True)


def test_workflow_passes_the_linter():
    proc = _zizmor(ROOT / ".github" / "workflows" / "book.yml")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_linter_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
                   "      - run: echo ${{ github.event.issue.title }}\n")
    assert _zizmor(bad).returncode != 0


def test_citation_cff_validates():
    from cffconvert.cli.create_citation import create_citation

    create_citation(str(ROOT / "CITATION.cff"), None).validate()


def test_cite_block_comes_from_citation_cff():
    from northam import page

    text = page.citation_text("Trade")
    assert "North American Integration in Data" in text and "“Trade”" in text and "0.1.0" in text


def test_bibliography_is_generated_not_committed(tmp_path):
    from northam import bibliography, registry

    path = bibliography.write_bib(tmp_path / "references.bib")
    text = path.read_text()
    assert "@techreport{nap2025" in text and "@techreport{wilson2023" in text
    for src in registry.sources().values():
        assert f"{{{src.citation}," in text, src.key
    assert not (ROOT / "book" / "references.bib").exists()


@pytest.mark.parametrize("name", ["README.md", "environment.yml", "requirements.lock", "CITATION.cff", ".ci/run"])
def test_top_level_files_exist(name):
    assert (ROOT / name).is_file()


def test_the_list_of_sources_has_no_doubled_full_stops():
    """A publisher's description that ends with a full stop is not given a second one."""
    from northam import methods, registry

    for domain in sorted({s.domain for s in registry.sources().values()}):
        text = methods.markdown(domain)
        doubled = re.findall(r".{40}[^.]\.\.(?!\.).{10}", text)
        assert not doubled, (domain, doubled[:3])
