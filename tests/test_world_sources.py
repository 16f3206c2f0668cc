"""Loaders of the world-economy chapter: schemas, quirks refused or handled, renamed columns refused."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from northam import registry
from northam.schemas import SchemaError
from northam.sources import fred_fx, imf_dots, unctad, undp, worldbank

MACRO = "worldbank_gdp_current_usd.csv"


# --------------------------------------------------------------------------------------------------
# World Bank


def test_wdi_schema_and_aggregates_flagged():
    df = worldbank.wdi(MACRO)
    assert {"iso3", "code", "name", "year", "value", "unit", "source", "is_economy"} <= set(df.columns)
    assert set(df["unit"]) == {"current USD"} and set(df["source"]) == {MACRO}
    for agg in ("WLD", "EUU", "HIC", "LCN", "NAC"):
        rows = df[df["code"] == agg]
        assert len(rows) and not rows["is_economy"].any() and rows["iso3"].isna().all(), agg
    assert df.loc[df["code"] == "MEX", "iso3"].eq("MEX").all()


def test_metadata_flags_48_aggregates():
    meta = worldbank.metadata()
    assert (~meta["is_economy"]).sum() == 48 and meta["is_economy"].sum() == 217
    assert not meta.set_index("code").loc[["WLD", "EUU", "EMU", "OED"], "is_economy"].any()


def test_economies_filter_drops_every_aggregate():
    df = worldbank.economies(worldbank.wdi("wdi_fdi_net_inflows_usd.csv"))
    assert df["is_economy"].all() and "WLD" not in set(df["code"]) and "EUU" not in set(df["code"])


def _long(rows):
    return pd.DataFrame(rows, columns=["Country Name", "Country Code", "Year", "Value"])


def test_wdi_unknown_code_is_refused():
    raw = _long([["Mexico", "MEX", 2020, 1.0], ["Somewhere", "XQZ", 2020, 2.0]])
    with pytest.raises(worldbank.UnknownCodeError, match="XQZ"):
        worldbank.parse_wdi(raw, MACRO, worldbank.metadata())


def test_wdi_text_value_and_pseudo_year_are_refused():
    meta = worldbank.metadata()
    with pytest.raises(SchemaError, match=r"(?s)worldbank_gdp_current_usd.csv.*Value\s+should be a number\s+\d+\s+n/a\s+MEX"):
        worldbank.parse_wdi(_long([["Mexico", "MEX", 2020, "n/a"]]), MACRO, meta)
    with pytest.raises(SchemaError, match=r"Year\s+should be a year\s+\d+\s+2020-21\s+MEX"):
        worldbank.parse_wdi(_long([["Mexico", "MEX", "2020-21", 1.0]]), MACRO, meta)
    with pytest.raises(SchemaError, match="multiple_fields_uniqueness"):
        worldbank.parse_wdi(_long([["Mexico", "MEX", 2020, 1.0], ["Mexico", "MEX", 2020, 2.0]]), MACRO, meta)


def test_wdi_renamed_column_is_refused(tmp_path):
    raw = pd.read_csv(registry.fetch(MACRO)).head(20).rename(columns={"Value": "Valor"})
    path = tmp_path / "gdp.csv"
    raw.to_csv(path, index=False)
    with pytest.raises(SchemaError, match="Value"):
        worldbank._read_raw(path, MACRO)


def test_wdi_wide_layout_matches_raw():
    key = "wdi_API_NE.TRD.GNFS.ZS_trade_pct_gdp.csv"
    raw = pd.read_csv(registry.fetch(key), skiprows=4)
    expected = raw.loc[raw["Country Code"] == "MEX", "2023"].iloc[0]
    df = worldbank.wdi(key)
    assert df[(df["code"] == "MEX") & (df["year"] == 2023)]["value"].iloc[0] == pytest.approx(expected)
    assert df[df["code"] == "WLD"]["iso3"].isna().all()


def test_lpi_2023_names_and_refusals():
    df = worldbank.lpi_2023()
    assert df["economy"].nunique() == 139 and df["iso3"].notna().all()
    assert "TUR" in set(df["iso3"]), "the garbled 'TC<rkiye' is mapped to Turkey"
    raw = pd.read_csv(registry.fetch(worldbank.LPI_2023))
    with pytest.raises(SchemaError, match="Customs Score"):
        worldbank.parse_lpi(raw.rename(columns={"Customs Score": "Customs"}))
    bad = raw.copy()
    bad.loc[0, "Timeliness Score"] = 7.5
    with pytest.raises(SchemaError, match="Timeliness Score.*Singapore"):
        worldbank.parse_lpi(bad)


# --------------------------------------------------------------------------------------------------
# UNCTAD


def _unctad(rows):
    return pd.DataFrame(rows, columns=[unctad.NAME_COL, "1990", "2023"])


def test_unctad_spaces_and_negatives():
    df = unctad.parse(_unctad([["World", "204  887.7", "1331  813.3"], ["Mexico", "2  549.0", "-  413.5"],
                               ["European Union", "1", "58  645.2"]]))
    mex = df[df["economy"] == "Mexico"].set_index("year")["value"]
    assert mex[1990] == 2549.0 and mex[2023] == -413.5
    world = df[df["economy"] == "World"]
    assert world["kind"].eq("aggregate").all() and world["iso3"].isna().all()
    assert df.loc[df["economy"] == "World", "value"].max() == 1331813.3


def test_unctad_bad_inputs_are_refused():
    with pytest.raises(SchemaError, match=r"'2023'.*n\.a\..*'Mexico'"):
        unctad.parse(_unctad([["Mexico", "1.0", "n.a."]]))
    with pytest.raises(SchemaError, match="Atlantis"):
        unctad.parse(_unctad([["Atlantis", "1.0", "2.0"]]))
    with pytest.raises(SchemaError, match="Region/economy"):
        unctad.parse(_unctad([["Mexico", "1", "2"]]).rename(columns={unctad.NAME_COL: "Economy"}))


def test_unctad_economy_listed_twice_is_refused():
    with pytest.raises(SchemaError, match="an economy listed twice.*MEX"):
        unctad.parse(_unctad([["Mexico", "1", "2"], ["Mexico", "3", "4"], ["World", "5", "6"], ["World", "5", "6"]]))


def test_unctad_file_schema():
    df = unctad.fdi_inflows()
    assert df["year"].min() == 1990 and df["year"].max() == 2023 and set(df["unit"]) == {"million USD"}
    assert not df["economy"].str.startswith(("Source", "Note")).any(), "footnote rows dropped"
    kinds = df.drop_duplicates("economy").set_index("economy")["kind"]
    assert kinds["European Union"] == "aggregate" and kinds["Belgium / Luxembourg"] == "discontinued"
    assert kinds["British Virgin Islands"] == "economy"


# --------------------------------------------------------------------------------------------------
# UNDP


def test_undp_bom_and_aggregates():
    df = undp.hdi()
    assert df["year"].min() == 1990 and df["year"].max() == 2022
    zz = df[df["code"].str.startswith("ZZ")]
    assert len(zz) and zz["iso3"].isna().all() and not zz["is_economy"].any()
    assert df[df["is_economy"]]["iso3"].nunique() == 193, "195 countries, 2 without any HDI value"


def test_undp_bad_values_and_renamed_columns_are_refused():
    raw = undp.read_raw(registry.fetch(undp.KEY))
    assert "iso3" in raw.columns, "byte-order mark stripped from the first column name"
    bad = raw.copy()
    bad.loc[bad["iso3"] == "MEX", "hdi_2000"] = 7.1
    with pytest.raises(SchemaError, match="hdi_2000.*MEX"):
        undp.parse(bad)
    with pytest.raises(SchemaError, match="hdi_rank_2022"):
        undp.parse(raw.rename(columns={"hdi_rank_2022": "rank"}))
    with pytest.raises(SchemaError, match="iso3.*field_uniqueness"):
        undp.parse(pd.concat([raw, raw[raw["iso3"] == "MEX"]]))


# --------------------------------------------------------------------------------------------------
# FRED


def test_fred_holidays_dropped_and_text_refused():
    raw = pd.DataFrame({"DATE": ["2020-01-01", "2020-01-02", "2020-01-03"], "DEXMXUS": [".", "18.9", "18.8"]})
    out = fred_fx.parse(raw, "MEX")
    assert len(out) == 2 and out["value"].tolist() == [18.9, 18.8]
    raw.loc[2, "DEXMXUS"] = "N/A"
    with pytest.raises(SchemaError, match=r"DEXMXUS.*should be a rate.*N/A\s+2020-01-03"):
        fred_fx.parse(raw, "MEX")
    with pytest.raises(SchemaError, match="DEXMXUS"):
        fred_fx.parse(raw.rename(columns={"DEXMXUS": "RATE"}), "MEX")
    twice = pd.DataFrame({"DATE": ["2020-01-02", "2020-01-02", "2020-02-30"], "DEXMXUS": ["18.9", "-1", "18.8"]})
    with pytest.raises(SchemaError) as err:
        fred_fx.parse(twice, "MEX")
    for fragment in ("field_uniqueness", "should be a YYYY-MM-DD date", "2020-02-30", "should be a positive rate"):
        assert fragment in str(err.value), fragment


def test_fred_files():
    mx, ca = fred_fx.daily("MEX"), fred_fx.daily("CAN")
    assert str(mx["date"].max().date()) == "2023-09-15" and str(ca["date"].min().date()) == "1971-01-04"
    assert mx["value"].gt(0).all()


# --------------------------------------------------------------------------------------------------
# IMF DOTS


@pytest.fixture(scope="module")
def mex_workbook_path():
    return registry.fetch(imf_dots.FILES["MEX"])


def test_dots_estimates_and_repeated_row(mex_workbook_path):
    df = imf_dots.parse_workbook(mex_workbook_path, "MEX")
    est = df[df["estimated"]]
    assert set(est["year"]) == {1986}
    us = df[(df["partner"] == "United States") & (df["flow"] == "exports") & (df["year"] == 1986)]
    assert us["value"].iloc[0] == pytest.approx(10424.20) and us["estimated"].iloc[0]
    assert len(df[(df["partner"] == "Australia") & (df["flow"] == "exports") & (df["year"] == 2020)]) == 1
    assert df["year"].max() == 2020


def _corrupt(src, tmp_path, edit):
    wb = openpyxl.load_workbook(src)
    edit(wb)
    out = tmp_path / "dots.xlsx"
    wb.save(out)
    return out


def test_dots_wrong_reporter_and_text_are_refused(mex_workbook_path, tmp_path):
    def rename(wb):
        wb["Exports, FOB"]["B4"] = "Canada"

    with pytest.raises(SchemaError, match="row 4.*'Canada'"):
        imf_dots.parse_workbook(_corrupt(mex_workbook_path, tmp_path, rename), "MEX")

    def text(wb):
        ws = wb["Imports, CIF"]
        for row in ws.iter_rows(min_row=8):
            if row[1].value == "Canada":
                row[10].value = "n.a."

    with pytest.raises(SchemaError, match="'Canada'.*n\\.a\\."):
        imf_dots.parse_workbook(_corrupt(mex_workbook_path, tmp_path, text), "MEX")
