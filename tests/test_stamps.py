"""The execution cache must re-execute a notebook when lib/ or one of its data files changes."""

from __future__ import annotations

import dataclasses

import pytest

from northam import cli, page, registry


@pytest.mark.parametrize("nb", cli.all_notebooks(), ids=lambda p: p.name)
def test_committed_stamps_are_current(nb):
    have, want = page.notebook_stamp_status(nb)
    assert want is not None, f"{nb.name}: first code cell must call page.begin(...)"
    assert have == want, f"{nb.name}: stale stamp; run `python -m northam stamp`"


def test_data_hash_change_changes_only_dependent_stamps(monkeypatch):
    key = "census_country_goods_trade_1985-2026jan.xlsx"
    other = "fred_MANEMP_manufacturing_employment.csv"
    before_dep, before_other = page.stamp_for([key]), page.stamp_for([other])
    real = registry.source

    def fake(k):
        src = real(k)
        return dataclasses.replace(src, sha256="0" * 64) if k == key else src

    monkeypatch.setattr(registry, "source", fake)
    assert page.stamp_for([key]) != before_dep
    assert page.stamp_for([other]) == before_other


def test_lib_change_changes_stamp(monkeypatch, tmp_path):
    before = page.lib_fingerprint()
    fake_lib = tmp_path / "northam"
    fake_lib.mkdir()
    for p in page.LIB_DIR.rglob("*.py"):
        if "__pycache__" not in p.parts:
            dest = fake_lib / p.relative_to(page.LIB_DIR)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(p.read_bytes())
    monkeypatch.setattr(page, "LIB_DIR", fake_lib)
    same = page.lib_fingerprint()
    (fake_lib / "charts.py").write_text((fake_lib / "charts.py").read_text() + "\n# edit\n")
    assert page.lib_fingerprint() != same
    assert before  # the real fingerprint is a non-empty hex string


def test_restamp_rewrites_the_cell(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        'page.begin("x", sources=["fred_MANEMP_manufacturing_employment.csv"], stamp="old")')])
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    assert page.restamp_notebook(path)
    have, want = page.notebook_stamp_status(path)
    assert have == want and not page.restamp_notebook(path)
