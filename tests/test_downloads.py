"""Published downloads: every digit kept, described by a valid Frictionless data package, clean text."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from northam import downloads

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "_build" / "figures"
HTML = ROOT / "_build" / "html"


# --- fast tier: the writer itself -----------------------------------------------------------------

@pytest.fixture
def page_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NORTHAM_FIGURE_DIR", str(tmp_path))
    downloads.start("demo", "Demo page", "Someone (2026). Demo.")
    return tmp_path / "demo"


def test_numbers_keep_every_digit_and_no_exponent(page_dir):
    df = pd.DataFrame({"year": [2023, 2024], "vehicles": [10611555.0, 10562188.0],
                       "share": [1 / 3, 0.1 + 0.2], "tiny": [1e-7, 2.5e-5], "gap": [float("nan"), 1.5]})
    path = downloads.write_table("demo-table", df, title="Demo", source="Nobody")
    rows = list(csv.DictReader(path.open()))
    assert rows[1]["vehicles"] == "10562188"
    assert float(rows[0]["share"]) == 1 / 3 and rows[0]["share"] == repr(1 / 3)
    assert float(rows[1]["share"]) == 0.1 + 0.2
    assert rows[1]["tiny"] == "2.5e-05" and rows[0]["gap"] == ""
    assert "e+" not in path.read_text()


def test_a_named_index_is_written_as_a_column_and_a_row_number_is_not(page_dir):
    """A table indexed by year (even a plain range of years, as ``reindex(range(...))`` gives) keeps its years;
    pandas' default row numbers are not data."""
    by_year = pd.DataFrame({"MEX": [17.5, 8.2], "USA": [9.3, 6.0]},
                           index=pd.RangeIndex(2000, 2002, name="year"))
    rows = list(csv.reader(downloads.write_table("by-year", by_year, title="T", source="S").open()))
    assert rows[0] == ["year", "MEX", "USA"] and rows[1][0] == "2000"
    plain = pd.DataFrame({"year": [2000, 2001], "n": [1, 2]})
    rows = list(csv.reader(downloads.write_table("plain", plain, title="T", source="S").open()))
    assert rows[0] == ["year", "n"]


def test_data_package_describes_each_table_and_validates(page_dir):
    from frictionless import Package

    downloads.write_table("a", pd.DataFrame({"year": [2020, 2021], "value": [1.5, 2.25]}), title="A",
                          source="Somebody", units={"value": "billion US dollars"})
    downloads.write_table("b", pd.DataFrame({"state": ["Pánuco", "Yucatán"], "n": [3, 4],
                                             "month": pd.to_datetime(["2024-01-01", "2024-02-01"]),
                                             "at": pd.to_datetime(["2024-01-01 10:30", "2024-02-01 00:00"])}), title="B",
                          source="Somebody else", default_unit="people")
    pkg = json.loads((page_dir / "datapackage.json").read_text())
    assert [r["name"] for r in pkg["resources"]] == ["a", "b"]
    fields = {f["name"]: f for f in pkg["resources"][0]["schema"]["fields"]}
    assert fields["value"]["unit"] == "billion US dollars" and fields["year"]["type"] == "integer"
    assert pkg["citation"] == "Someone (2026). Demo."
    report = Package(str(page_dir / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_a_whole_book_table_names_the_chapters_packages_as_its_sources(page_dir):
    """The claims ledger's package cites the chapters' packages, whichever files the page itself fetched."""
    from frictionless import Package

    from northam import registry

    registry.fetch("fred_MANEMP_manufacturing_employment.csv")  # fetched by the page, not a source of the table
    downloads.write_table("ledger", pd.DataFrame({"claim": ["x"], "value": [1.0]}), title="Ledger",
                          source="The chapters", derived_from={"autos": "Autos", "trade": "Trade"})
    pkg = json.loads((page_dir / "datapackage.json").read_text())
    assert pkg["sources"] == [{"title": "Data package of the chapter Autos", "path": "../autos/datapackage.json"},
                              {"title": "Data package of the chapter Trade", "path": "../trade/datapackage.json"}]
    assert Package(str(page_dir / "datapackage.json")).validate().valid


def test_lines_and_bands_refuse_holes(page_dir):
    df = pd.DataFrame({"lo": [1.0, float("nan"), 3.0], "hi": [2.0, 3.0, float("inf")]})
    with pytest.raises(ValueError, match="figure 'band'.*'lo'"):
        downloads.require_finite(df, ["lo"], figure="band")
    with pytest.raises(ValueError, match="'hi'"):
        downloads.require_finite(df, ["hi"], figure="band")


def test_a_drawn_line_with_a_hole_is_refused_unless_the_gap_is_explained(page_dir):
    import matplotlib

    matplotlib.use("Agg")
    from northam import charts

    data = pd.DataFrame({"year": [1, 2, 3], "v": [1.0, float("nan"), 2.0]})
    fig, ax = charts.figure("T", "units")
    ax.plot(data["year"], data["v"], label="series v")
    with pytest.raises(ValueError, match="series v"):
        charts.publish(fig, "holes", data=data, source="s", alt="a line", caption="c")
    fig, ax = charts.figure("T", "units")
    ax.plot(data["year"], data["v"], label="series v")
    charts.publish(fig, "holes", data=data, source="s", alt="a line", caption="c", gaps="year 2 not published")
    assert (page_dir / "holes.csv").is_file() and (page_dir / "holes.png").is_file()


# --- book tier: what the build published ----------------------------------------------------------

@pytest.mark.book
def test_every_page_data_package_validates(built_book):
    from frictionless import Package

    assert built_book.code == 0, built_book.log[-3000:]
    packages = sorted(FIGURES.glob("*/datapackage.json"))
    from northam import chapters

    have = {p.parent.name for p in packages}
    assert {c.id for c in chapters.chapters()} | {"claims-ledger"} <= have
    for path in packages:
        report = Package(str(path)).validate()
        assert report.valid, (path.parent.name, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])[:5])
        assert (HTML / "data" / path.parent.name / "datapackage.json").is_file()


@pytest.mark.book
def test_vehicle_production_csv_keeps_every_digit(built_book, raw_path):
    """The production figure's CSV holds the OICA 2024 count for the US as a plain integer, recomputed here
    from the raw Wikipedia/OICA JSON independently of the loader."""
    raw = json.loads(raw_path("wikipedia_oica_motor_vehicle_production_2024_egil10.json").read_text())
    text = json.dumps(raw)
    usa = re.search(r"United States[^0-9]{0,200}?([0-9][0-9,]{6,})", text)
    assert usa, "US row not found in the raw JSON"
    expected = usa.group(1).replace(",", "")
    table = pd.read_csv(FIGURES / "autos" / "autos-production.csv", dtype=str)
    assert expected in set(table.loc[table["year"] == "2024", "USA"]), (expected, table.tail(2))


@pytest.mark.book
def test_no_mojibake_or_build_path_in_html_or_csv(built_book):
    from northam.text import find_mojibake

    problems = []
    for path in sorted(HTML.rglob("*.html")) + sorted(FIGURES.rglob("*.csv")):
        text = path.read_text(encoding="utf-8")
        bad = find_mojibake(text)
        if bad:
            problems.append(f"{path.relative_to(ROOT)}: mojibake {bad[:3]}")
        for leak in ("PosixPath(", str(ROOT), "/tmp/"):
            if leak in text:
                problems.append(f"{path.relative_to(ROOT)}: build detail {leak!r}")
    assert not problems, "\n".join(problems[:20])
