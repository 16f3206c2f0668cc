"""Agribusiness loaders: FRED (generic), USDA ERS food imports, Census HS2 .RData, FAO crop groups.

Each loader's quirks are refused or dropped as SOURCES.yml says; raw values are checked with plain
pandas / pyreadr / gzip reads, not through the loaders.
"""

from __future__ import annotations

import gzip

import pandas as pd
import pytest

from northam.schemas import SchemaError
from northam.sources import census_hs, fao, fred, usda_ers

FRED_KEY = "fred_LNU02034560_employment_agriculture_related_industries.csv"


# --------------------------------------------------------------------------------------------------
# FRED


def test_fred_series_schema_and_last_value(raw_path):
    df = fred.fred_series(FRED_KEY)
    assert list(df.columns) == ["date", "value", "unit", "source", "series"]
    assert set(df["series"]) == {"LNU02034560"} and set(df["source"]) == {FRED_KEY}
    assert df["unit"].iloc[0].startswith("thousands of persons")
    raw = pd.read_csv(raw_path(FRED_KEY))
    assert len(df) == len(raw)
    assert df["date"].iloc[-1] == pd.Timestamp("2024-11-01")
    assert df["value"].iloc[-1] == pytest.approx(raw["LNU02034560"].iloc[-1])
    assert df["date"].is_monotonic_increasing


@pytest.mark.parametrize("header", ["observation_date,DEXMXUS", "DATE,DEXMXUS", "date,value"])
def test_fred_headers_and_missing_dot(header):
    raw = pd.DataFrame({header.split(",")[0]: ["2020-01-01", "2020-01-02", "2020-01-03"],
                        header.split(",")[1]: ["18.9", ".", "19.1"]})
    df = fred.tidy_fred_frame(raw, "test.csv", unit="pesos")
    assert list(df["value"]) == [18.9, 19.1], "FRED's '.' (missing) is dropped"
    kept = fred.tidy_fred_frame(raw, "test.csv", dropna=False)
    assert kept["value"].isna().sum() == 1


def test_fred_text_value_is_refused():
    raw = pd.DataFrame({"observation_date": ["2020-01-01", "2020-02-01"], "LNU02034560": ["2100", "n/a"]})
    with pytest.raises(SchemaError, match=r"test\.csv.*LNU02034560.*'n/a'.*2020-02-01"):
        fred.tidy_fred_frame(raw, "test.csv")


def test_fred_renamed_or_bad_date_is_refused():
    with pytest.raises(SchemaError, match="first column"):
        fred.tidy_fred_frame(pd.DataFrame({"month": ["2020-01-01"], "X": ["1"]}), "t.csv")
    with pytest.raises(SchemaError, match="non-date"):
        fred.tidy_fred_frame(pd.DataFrame({"DATE": ["Jan 2020"], "X": ["1"]}), "t.csv")
    with pytest.raises(SchemaError, match="repeats date"):
        fred.tidy_fred_frame(pd.DataFrame({"DATE": ["2020-01-01"] * 2, "X": ["1", "2"]}), "t.csv")


# --------------------------------------------------------------------------------------------------
# USDA ERS food imports


@pytest.fixture(scope="module")
def ers_raw():
    from northam import registry

    return pd.read_csv(registry.fetch(usda_ers.KEY), encoding="cp1252", dtype={"Year Number": str})


def test_ers_file_is_windows_1252(raw_path):
    data = raw_path(usda_ers.KEY).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    df = usda_ers.food_imports()
    civ = df[df["partner"].str.startswith("COTE D")]
    assert set(civ["partner"]) == {"COTE D’IVOIRE COAST"} and set(civ["iso3"]) == {"CIV"}


def test_ers_pseudo_years_are_dropped(ers_raw):
    df = usda_ers.food_imports()
    pseudo = ers_raw["Year Number"].isin(usda_ers.PSEUDO_YEARS)
    assert pseudo.sum() > 0, "the raw file does hold pseudo-years"
    assert len(df) == len(ers_raw) - pseudo.sum()
    assert df["year"].between(1999, 2023).all() and df["year"].nunique() == 25


def _tiny(years):
    return pd.DataFrame({"Commodity": "Malt beer", "Country": "MEXICO", "Unit of Measure": "Million $",
                         "Category": "Beverages", "Subcategory": "Foods", "Row Number": 1,
                         "Year Number": years, "Value": [1.0] * len(years)})


def test_ers_pseudo_years_dropped_from_a_hand_made_frame():
    df = usda_ers.tidy_food_imports(_tiny(["2022", "means10years", "means"]), "tiny.csv")
    assert list(df["year"]) == [2022] and df["unit"].iloc[0] == "million USD"


def test_ers_other_non_year_is_refused():
    with pytest.raises(SchemaError, match=r"(?s)tiny\.csv.*Year Number.*avg.*Malt beer, MEXICO"):
        usda_ers.tidy_food_imports(_tiny(["2022", "avg"]), "tiny.csv")


def test_ers_renamed_column_and_empty_value_are_refused(ers_raw):
    with pytest.raises(SchemaError, match="Year Number"):
        usda_ers.tidy_food_imports(ers_raw.head(20).rename(columns={"Year Number": "Year"}))
    broken = _tiny(["2021", "2022"])
    broken.loc[1, "Value"] = None
    with pytest.raises(SchemaError, match=r"Value.*Malt beer, MEXICO, 2022"):
        usda_ers.tidy_food_imports(broken, "tiny.csv")


def test_ers_aggregates_have_no_iso3():
    df = usda_ers.food_imports()
    agg = df[df["partner"].isin(usda_ers.AGGREGATES)]
    assert agg["iso3"].isna().all()
    assert df.loc[df["partner"] == "GERMANY, FED. REPUBLIC", "iso3"].eq("DEU").all()


# --------------------------------------------------------------------------------------------------
# Census HS2 monthly (.RData)


@pytest.fixture(scope="module")
def hs_raw(raw_rdata):
    return raw_rdata(census_hs.KEY, "full_imports")


def test_hs2_schema_and_aggregates(hs_raw):
    df = census_hs.hs2_imports()
    assert len(df) == len(hs_raw)
    assert set(df["unit"]) == {"million USD"}
    assert df.loc[df["cty_code"] == "2010", "iso3"].eq("MEX").all()
    agg = df[df["partner"].isin(["TOTAL FOR ALL COUNTRIES", "USMCA (NAFTA)", "NORTH AMERICA"])]
    assert not agg.empty and agg["iso3"].isna().all() and not agg["is_country"].any()


def test_hs2_values_match_raw(hs_raw):
    sel = (hs_raw["CTY_NAME"] == "MEXICO") & (hs_raw["I_COMMODITY"] == "07") & (hs_raw["YEAR"] == "2023")
    expected = hs_raw.loc[sel, "GEN_VAL_MO"].astype(float).sum() / 1e6
    m = census_hs.chapter_matrix("2010", chapters=["07"])
    assert m.loc["2023", "07"].sum() == pytest.approx(expected, rel=1e-9)
    assert len(m) == 24 and (m["07"] > 0).all()


def test_hs2_text_value_and_renamed_column_are_refused(hs_raw):
    broken = hs_raw.head(30).copy()
    broken.loc[5, "GEN_VAL_MO"] = "(D)"
    with pytest.raises(SchemaError, match=r"GEN_VAL_MO.*\(D\)"):
        census_hs.tidy_hs2(broken)
    with pytest.raises(SchemaError, match="GEN_VAL_MO"):
        census_hs.tidy_hs2(hs_raw.head(30).rename(columns={"GEN_VAL_MO": "GEN_VAL_YR"}))


def test_hs2_absent_months_are_zero():
    m = census_hs.chapter_matrix("2010", chapters=["01", "24"])
    assert m.shape == (24, 2) and not m.isna().any().any()


# --------------------------------------------------------------------------------------------------
# FAO crop groups


def test_fao_items_with_commas_are_kept():
    lines = ["Area,Year,Item,Measurement,Unit,Value", "Mexico,2023,Cereals, primary,Production,t,37015878.83",
             "Mexico,2023,Fruit Primary,Production,t,10"]
    raw = fao.parse_lines(lines, "t.csv")
    assert list(raw["Item"]) == ["Cereals, primary", "Fruit Primary"]
    assert raw["Value"].iloc[0] == pytest.approx(37015878.83)


@pytest.mark.parametrize(
    "line, match",
    [("Mexico,2023,Production,t", "fields"), ("Mexico,20x3,Cereals, primary,Production,t,1", "'Year'"),
     ("Mexico,2023,Cereals, primary,Production,kg,1", "unknown pair"),
     ("Mexico,2023,Fruit Primary,Production,t,NA", r"Value.*NA.*line 2")],
)
def test_fao_bad_lines_are_refused(line, match):
    with pytest.raises(SchemaError, match=match):
        fao.parse_lines(["Area,Year,Item,Measurement,Unit,Value", line], "t.csv")


def test_fao_renamed_header_is_refused():
    with pytest.raises(SchemaError, match="header"):
        fao.parse_lines(["Country,Year,Item,Measurement,Unit,Value"], "t.csv")


def test_fao_values_match_raw(raw_path):
    with gzip.open(raw_path(fao.KEY), "rt", encoding="utf-8") as f:
        lines = [line.strip() for line in f if line.startswith(("Mexico,2023,Cereals, primary,Production",
                                                                  "USA,2013,Fruit Primary,Production"))]
    expected = {tuple(x.split(",")[:2]): float(x.split(",")[-1]) for x in lines}
    df = fao.crop_groups()
    assert len(expected) == 2
    mex = df[(df["iso3"] == "MEX") & (df["year"] == 2023) & (df["item"] == "Cereals, primary")
             & (df["measurement"] == "Production")]
    assert mex["value"].iloc[0] == pytest.approx(expected[("Mexico", "2023")])
    usa = df[(df["area"] == "USA") & (df["year"] == 2013) & (df["item"] == "Fruit Primary")
             & (df["measurement"] == "Production")]
    assert usa["iso3"].iloc[0] == "USA" and usa["value"].iloc[0] == pytest.approx(expected[("USA", "2013")])
    assert df.loc[df["area"].isin(["World", "Northern America"]), "iso3"].isna().all()
