"""`python -m northam new-chapter`: the files it writes and its line in the chapter manifest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from northam import chapters, scaffold

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def book(tmp_path):
    root = tmp_path / "book"
    for rel in ("_toc.yml", "notebooks", "lib/northam/analysis", "lib/northam/figures", "tests", "data/registry",
                "book"):
        src = ROOT / rel
        if src.is_dir():
            shutil.copytree(src, root / rel, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, root / rel)
    return root


@pytest.mark.parametrize("indent", [2, 4])
def test_the_new_chapter_is_the_last_chapter_whatever_the_manifests_layout(book, indent):
    toc = book / "_toc.yml"
    toc.write_text(yaml.dump(yaml.safe_load(toc.read_text()), indent=indent, sort_keys=False))
    written = scaffold.new_chapter("labor-canada", "Labour in Canada", root=book)
    manifest = yaml.safe_load(toc.read_text())
    assert manifest["parts"][0]["chapters"][-1] == {"file": "notebooks/labor-canada"}
    assert [p.id for p in chapters.chapters(book)][-1] == "labor-canada"
    for rel in ("notebooks/labor-canada.md", "lib/northam/analysis/labor_canada.py",
                "lib/northam/figures/labor_canada.py", "tests/test_labor_canada.py",
                "data/registry/labor-canada.yml"):
        assert book / rel in written and (book / rel).is_file()


def test_an_existing_chapter_is_refused_and_nothing_is_written(book):
    before = (book / "_toc.yml").read_text()
    with pytest.raises(FileExistsError):
        scaffold.new_chapter("autos", "Autos again", root=book)
    assert (book / "_toc.yml").read_text() == before
