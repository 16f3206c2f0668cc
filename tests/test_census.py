"""Census loaders: tidy schema, partial years, renamed columns; values checked against the raw file."""

from __future__ import annotations

import pytest

from northam.schemas import SchemaError
from northam.sources import census

KEY = census.COUNTRY_XLSX[census.LATEST]


@pytest.fixture(scope="module")
def raw(raw_workbook):
    return raw_workbook(KEY)


def test_monthly_schema_and_units():
    df = census.monthly()
    assert {"iso3", "year", "month", "cty_code", "partner", "flow", "value", "unit", "source"} <= set(df.columns)
    assert set(df["unit"]) == {"million USD"} and set(df["source"]) == {KEY}
    assert df.loc[df["cty_code"] == 2010, "iso3"].eq("MEX").all()
    assert df.loc[df["cty_code"] < 1000, "iso3"].isna().all(), "aggregates have no ISO3"


def test_unpublished_months_are_missing_not_zero():
    df = census.monthly()
    mex = df[(df["cty_code"] == 2010) & (df["year"] == 2026) & (df["flow"] == "imports")]
    assert mex["published"].sum() == 1 and mex["value"].isna().sum() == 11


def test_partial_year_is_refused_as_a_full_year():
    with pytest.raises(census.PartialYearError, match="2026"):
        census.annual()
    assert census.latest_full_year() == 2025
    assert census.full_years()["year"].max() == 2025


def test_older_vintage_knows_its_partial_year():
    assert census.latest_full_year("2024-08") == 2023
    assert census.published_months("2024-08").loc[2024] == 8


def test_annual_values_match_the_raw_file(raw):
    w = census.partner_trade({"MEX": 2010, "CAN": 1220})
    for code, lab in [(2010, "MEX"), (1220, "CAN")]:
        for year in (1994, 2004, 2024):
            row = raw[(raw["CTY_CODE"] == code) & (raw["year"] == year)].iloc[0]
            assert w.loc[year, (lab, "imports")] == pytest.approx(row["IYR"], rel=1e-9)
            assert w.loc[year, (lab, "exports")] == pytest.approx(row["EYR"], rel=1e-9)


def test_renamed_column_is_refused(tmp_path, raw):
    from northam.sources.census import _parse_country_xlsx

    broken = raw.rename(columns={"IMAR": "IMARCH"})
    path = tmp_path / "country.xlsx"
    broken.head(50).to_excel(path, index=False)
    with pytest.raises(SchemaError, match="IMAR"):
        _parse_country_xlsx(path, KEY)


def test_text_in_a_value_column_is_refused(tmp_path, raw):
    from northam.sources.census import _parse_country_xlsx

    broken = raw.head(50).astype({"EJUN": object})
    broken.loc[3, "EJUN"] = "(D)"
    path = tmp_path / "country.xlsx"
    broken.to_excel(path, index=False)
    with pytest.raises(SchemaError, match="EJUN"):
        _parse_country_xlsx(path, KEY)


def test_enduse_totals_equal_country_file():
    e = census.enduse_imports()
    mex = e[(e["cty_code"] == 2010) & (e["year"] == 2024)]["value"].sum()
    w = census.partner_trade({"MEX": 2010})
    assert mex == pytest.approx(w.loc[2024, ("MEX", "imports")], rel=1e-6)
